CREATE TABLE "sakip_report_sections" (
	"region_code" text NOT NULL,
	"report_id" uuid NOT NULL,
	"section" text NOT NULL,
	"text" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_by_label" text NOT NULL,
	CONSTRAINT "sakip_report_sections_region_code_report_id_section_pk" PRIMARY KEY("region_code","report_id","section")
);
--> statement-breakpoint
CREATE TABLE "sakip_reports" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"unit_id" uuid,
	"plan_id" uuid NOT NULL,
	"status" text NOT NULL,
	"generation" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by" uuid,
	"generated_by_label" text NOT NULL,
	"finalised_at" timestamp with time zone,
	"finalised_by" uuid,
	"finalised_by_label" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sakip_reports_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sakip_reports_owner_year_idx" ON "sakip_reports" USING btree ("region_code",coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid),"year");