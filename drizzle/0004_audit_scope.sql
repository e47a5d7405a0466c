ALTER TABLE "audit_log" ADD COLUMN "plan_id" integer;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "province" text;--> statement-breakpoint
CREATE INDEX "audit_log_plan_idx" ON "audit_log" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "audit_log_province_idx" ON "audit_log" USING btree ("province");