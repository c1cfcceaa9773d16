CREATE TABLE "sakip_realisation_versions" (
	"region_code" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"version" integer NOT NULL,
	"value" numeric NOT NULL,
	"note" text NOT NULL,
	"obstacles" text NOT NULL,
	"follow_up" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"entered_by" uuid,
	"entered_by_label" text NOT NULL,
	"reason" text,
	"after_close" boolean NOT NULL,
	CONSTRAINT "sakip_realisation_versions_region_code_indicator_id_period_version_pk" PRIMARY KEY("region_code","indicator_id","period","version")
);
--> statement-breakpoint
CREATE TABLE "sakip_reporting_periods" (
	"region_code" text NOT NULL,
	"period" text NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" uuid,
	"opened_by_label" text NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_by_label" text,
	"reopened_at" timestamp with time zone,
	"reopened_by" uuid,
	"reopened_by_label" text,
	"reopen_reason" text,
	CONSTRAINT "sakip_reporting_periods_region_code_period_pk" PRIMARY KEY("region_code","period")
);
--> statement-breakpoint
CREATE TABLE "sakip_unit_reports" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"submitted_by_label" text,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "sakip_unit_reports_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
ALTER TABLE "sakip_realisations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "sakip_realisations" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "sakip_realisations" ADD COLUMN "after_close" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "sakip_realisation_versions_plan_idx" ON "sakip_realisation_versions" USING btree ("region_code","plan_id");--> statement-breakpoint
CREATE INDEX "sakip_reporting_periods_year_idx" ON "sakip_reporting_periods" USING btree ("region_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "sakip_unit_reports_period_unit_idx" ON "sakip_unit_reports" USING btree ("region_code","period","unit_id");