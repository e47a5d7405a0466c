CREATE TABLE "indicator_value_staging" (
	"batch" text NOT NULL,
	"id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"period" text NOT NULL,
	"scope" text NOT NULL,
	"kind" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"comment" text,
	"entered_by" integer,
	"entered_at" timestamp with time zone NOT NULL,
	"staged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_value_staging_batch_id_pk" PRIMARY KEY("batch","id")
);
--> statement-breakpoint
ALTER TABLE "geo_layers" ALTER COLUMN "geojson" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "geo_layers" ADD COLUMN "geojson_gzip" text;--> statement-breakpoint
ALTER TABLE "geo_layers" ADD CONSTRAINT "geo_layers_body_ck" CHECK ("geo_layers"."geojson" is not null or "geo_layers"."geojson_gzip" is not null);--> statement-breakpoint
ALTER TABLE "geo_layers" ALTER COLUMN "geojson_gzip" SET STORAGE EXTERNAL;