CREATE TABLE "agencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"key" text NOT NULL,
	"short_name" text,
	"kind" text,
	"level" text,
	"province" text DEFAULT '' NOT NULL,
	"parent_id" integer,
	"valid_from" date,
	"valid_to" date,
	"successor_id" integer,
	"successor_confirmed" boolean,
	"is_group" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_aliases" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"alias" text NOT NULL,
	"key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_group_members" (
	"group_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	CONSTRAINT "agency_group_members_group_id_agency_id_pk" PRIMARY KEY("group_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" serial PRIMARY KEY NOT NULL,
	"target_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"comparator" text NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"due" date NOT NULL,
	"start" date,
	"action" text,
	"product" text,
	"quantity" text,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"number" text,
	"issuer" text,
	"province" text DEFAULT '' NOT NULL,
	"issued_on" date,
	"period_start" integer,
	"period_end" integer,
	"basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"implementation" text,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_file" text,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"code" text NOT NULL,
	"text" text NOT NULL,
	"year" integer,
	"sort_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"role" text NOT NULL,
	"seq" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"as_written" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"sort_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"group_id" integer,
	"code" text NOT NULL,
	"sort_key" text NOT NULL,
	"content" text NOT NULL,
	"body" text,
	"deadline_text" text NOT NULL,
	"continuous" boolean NOT NULL,
	"recurrence" text,
	"schedule_kind" text NOT NULL,
	"first_due" date,
	"last_due" date,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "agency_aliases" ADD CONSTRAINT "agency_aliases_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_group_members" ADD CONSTRAINT "agency_group_members_group_id_agencies_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_group_members" ADD CONSTRAINT "agency_group_members_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_groups" ADD CONSTRAINT "task_groups_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_group_id_task_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."task_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agencies_province_key_uq" ON "agencies" USING btree ("province","key");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_aliases_alias_uq" ON "agency_aliases" USING btree ("agency_id","alias");--> statement-breakpoint
CREATE INDEX "agency_aliases_key_idx" ON "agency_aliases" USING btree ("key");--> statement-breakpoint
CREATE INDEX "milestones_task_idx" ON "milestones" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "milestones_due_idx" ON "milestones" USING btree ("due");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_content_hash_uq" ON "plans" USING btree ("content_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "targets_plan_code_uq" ON "targets" USING btree ("plan_id","code");--> statement-breakpoint
CREATE INDEX "task_assignments_task_idx" ON "task_assignments" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "task_assignments_agency_idx" ON "task_assignments" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_groups_plan_code_uq" ON "task_groups" USING btree ("plan_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_plan_code_uq" ON "tasks" USING btree ("plan_id","code");--> statement-breakpoint
CREATE INDEX "tasks_first_due_idx" ON "tasks" USING btree ("first_due");