CREATE TABLE "reorganisation_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"reorganisation_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"from_agency_ids" jsonb NOT NULL,
	"to_agency_id" integer NOT NULL,
	"task_split" jsonb,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "reorganisation_effects" (
	"id" serial PRIMARY KEY NOT NULL,
	"reorganisation_id" integer NOT NULL,
	"table_name" text NOT NULL,
	"row_id" integer NOT NULL,
	"before" jsonb
);
--> statement-breakpoint
CREATE TABLE "reorganisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"province" text NOT NULL,
	"title" text NOT NULL,
	"number" text,
	"signed_on" date,
	"effective_on" date NOT NULL,
	"basis" text,
	"move_accounts" boolean DEFAULT true NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	"applied_by" text,
	"reversed_at" timestamp with time zone,
	"reversed_by" text
);
--> statement-breakpoint
ALTER TABLE "task_assignments" ADD COLUMN "valid_from" date;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD COLUMN "valid_to" date;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD COLUMN "replaces_id" integer;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD COLUMN "reorganisation_id" integer;--> statement-breakpoint
ALTER TABLE "reorganisation_changes" ADD CONSTRAINT "reorganisation_changes_reorganisation_id_reorganisations_id_fk" FOREIGN KEY ("reorganisation_id") REFERENCES "public"."reorganisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorganisation_effects" ADD CONSTRAINT "reorganisation_effects_reorganisation_id_reorganisations_id_fk" FOREIGN KEY ("reorganisation_id") REFERENCES "public"."reorganisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reorganisation_changes_reorg_idx" ON "reorganisation_changes" USING btree ("reorganisation_id");--> statement-breakpoint
CREATE INDEX "reorganisation_effects_reorg_idx" ON "reorganisation_effects" USING btree ("reorganisation_id");--> statement-breakpoint
CREATE INDEX "reorganisations_province_idx" ON "reorganisations" USING btree ("province");