CREATE TABLE "indicator_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"period" text NOT NULL,
	"scope" text NOT NULL,
	"kind" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"comment" text,
	"revises_id" integer,
	"entered_by" integer,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"aggregation" text NOT NULL,
	"supplier_agency_id" integer,
	"frequency" text,
	"formula" jsonb,
	"validation" jsonb
);
--> statement-breakpoint
CREATE TABLE "measure_indicators" (
	"measure_id" integer PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"scope" text NOT NULL,
	"baseline_year" integer,
	"baseline_value" double precision,
	"growth_pct" double precision
);
--> statement-breakpoint
CREATE TABLE "trajectory_points" (
	"id" serial PRIMARY KEY NOT NULL,
	"measure_id" integer NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"entered_at" date
);
--> statement-breakpoint
CREATE TABLE "land_leases" (
	"id" serial PRIMARY KEY NOT NULL,
	"zone_id" integer NOT NULL,
	"as_of" date NOT NULL,
	"leased_ha" double precision NOT NULL,
	"leasable_ha" double precision,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"kind" text NOT NULL,
	"planned" date,
	"actual" date,
	"document" text
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"investor" text NOT NULL,
	"zone_id" integer,
	"sector" text,
	"registered_capital_billion_vnd" double precision,
	"land_ha" double precision,
	"jobs" integer,
	"expected_production_value_billion_vnd" double precision,
	"status" text NOT NULL,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "zone_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"zone_id" integer NOT NULL,
	"kind" text NOT NULL,
	"date" date,
	"decision" text,
	"new_area_ha" double precision,
	"source" text,
	"entered_by" integer
);
--> statement-breakpoint
CREATE TABLE "zones" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"province" text NOT NULL,
	"district" text,
	"commune" text,
	"total_area_ha" double precision,
	"industrial_land_ha" double precision,
	"infrastructure_investor" text,
	"geometry" jsonb,
	"source" text
);
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_supplier_agency_id_agencies_id_fk" FOREIGN KEY ("supplier_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_indicators" ADD CONSTRAINT "measure_indicators_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_indicators" ADD CONSTRAINT "measure_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_points" ADD CONSTRAINT "trajectory_points_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_leases" ADD CONSTRAINT "land_leases_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_events" ADD CONSTRAINT "zone_events_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_events" ADD CONSTRAINT "zone_events_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_values_series_idx" ON "indicator_values" USING btree ("indicator_id","scope","period");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_code_uq" ON "indicators" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "trajectory_points_measure_year_uq" ON "trajectory_points" USING btree ("measure_id","year");--> statement-breakpoint
CREATE INDEX "land_leases_zone_idx" ON "land_leases" USING btree ("zone_id","as_of");--> statement-breakpoint
CREATE INDEX "project_milestones_project_idx" ON "project_milestones" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "zone_events_zone_idx" ON "zone_events" USING btree ("zone_id");--> statement-breakpoint
CREATE UNIQUE INDEX "zones_province_kind_name_uq" ON "zones" USING btree ("province","kind","name");