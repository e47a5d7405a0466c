CREATE TABLE "geo_layers" (
	"id" serial PRIMARY KEY NOT NULL,
	"layer" text NOT NULL,
	"geojson" jsonb NOT NULL,
	"attribution" text NOT NULL,
	"source" text NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_indicator_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"period" text NOT NULL,
	"scope" text NOT NULL,
	"kind" text NOT NULL,
	"value" double precision NOT NULL,
	"comment" text
);
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD COLUMN "published_on" date;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD COLUMN "origin" text DEFAULT 'entry' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD COLUMN "report_id" integer;--> statement-breakpoint
ALTER TABLE "zones" ADD COLUMN "territory" text;--> statement-breakpoint
ALTER TABLE "geo_layers" ADD CONSTRAINT "geo_layers_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_indicator_values" ADD CONSTRAINT "report_indicator_values_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_indicator_values" ADD CONSTRAINT "report_indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "geo_layers_layer_idx" ON "geo_layers" USING btree ("layer","uploaded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_indicator_values_uq" ON "report_indicator_values" USING btree ("report_id","indicator_id","period","scope","kind");--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" DROP COLUMN "status";--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "province" text NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "revoked_on" date;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "revoked_decision" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "created_by" integer;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "projects_province_idx" ON "projects" USING btree ("province","zone_id");--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "investor" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "zone_events" ADD COLUMN "year" integer;--> statement-breakpoint
-- Figures loaded by the seed before origin existed were entered by nobody: mark them as history.
UPDATE "indicator_values" SET "origin" = 'seed' WHERE "entered_by" IS NULL;--> statement-breakpoint
UPDATE "zones" SET "territory" = 'Tuyên Quang (pre-merger)' WHERE "province" = 'Tuyên Quang' AND "territory" IS NULL;--> statement-breakpoint
-- A decision known only by its year, "(2025)", recorded before the year column existed.
UPDATE "zone_events" SET "year" = substring("decision" from '\((\d{4})\)')::int WHERE "date" IS NULL AND "year" IS NULL AND "decision" ~ '\(\d{4}\)';
