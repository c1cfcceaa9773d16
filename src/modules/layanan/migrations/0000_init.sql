CREATE TABLE "layanan_pledges" (
	"region_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"text" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_by_label" text NOT NULL,
	CONSTRAINT "layanan_pledges_region_code_unit_id_pk" PRIMARY KEY("region_code","unit_id")
);
--> statement-breakpoint
CREATE TABLE "layanan_services" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"summary" text NOT NULL,
	"status" text NOT NULL,
	"draft" jsonb NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_by_label" text NOT NULL,
	CONSTRAINT "layanan_services_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "layanan_services_status" CHECK ("layanan_services"."status" in ('draft', 'published', 'archived'))
);
--> statement-breakpoint
CREATE TABLE "layanan_standard_versions" (
	"region_code" text NOT NULL,
	"service_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"summary" text NOT NULL,
	"standard" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid,
	"published_by_label" text NOT NULL,
	CONSTRAINT "layanan_standard_versions_region_code_service_id_version_pk" PRIMARY KEY("region_code","service_id","version")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "layanan_services_slug_idx" ON "layanan_services" USING btree ("region_code","slug");--> statement-breakpoint
CREATE INDEX "layanan_services_unit_idx" ON "layanan_services" USING btree ("region_code","unit_id");