ALTER TABLE "email_outbox" ALTER COLUMN "reminder_key" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "leader_comment" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "leader_comment_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "leader_comment_by" integer;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "notification_id" integer;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "params" jsonb;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_leader_comment_by_users_id_fk" FOREIGN KEY ("leader_comment_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_outbox_notification_uq" ON "email_outbox" USING btree ("notification_id");