CREATE TABLE "sakip_report_versions" (
	"region_code" text NOT NULL,
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"generation" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"sections" jsonb NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"finalised_at" timestamp with time zone NOT NULL,
	"finalised_by" uuid,
	"finalised_by_label" text NOT NULL,
	"reopened_at" timestamp with time zone NOT NULL,
	"reopened_by" uuid,
	"reopened_by_label" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "sakip_report_versions_region_code_report_id_version_pk" PRIMARY KEY("region_code","report_id","version")
);
