CREATE TABLE "plan_final_statuses" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"task_id" integer NOT NULL,
	"status" text NOT NULL,
	"due" date,
	"done_on" date,
	"leads" jsonb NOT NULL,
	"as_of" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "closed_by" integer;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "review_document_id" integer;--> statement-breakpoint
ALTER TABLE "plan_final_statuses" ADD CONSTRAINT "plan_final_statuses_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_final_statuses" ADD CONSTRAINT "plan_final_statuses_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_final_statuses_plan_task_uq" ON "plan_final_statuses" USING btree ("plan_id","task_id");