CREATE TABLE "sakip_kecamatan_units" (
	"region_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"district_code" text NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	"set_by" uuid,
	"set_by_label" text NOT NULL,
	CONSTRAINT "sakip_kecamatan_units_region_code_unit_id_pk" PRIMARY KEY("region_code","unit_id")
);
--> statement-breakpoint
CREATE TABLE "sakip_village_indicators" (
	"region_code" text NOT NULL,
	"indicator_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"rollup" text NOT NULL,
	"scale" numeric,
	"numerator_label" text DEFAULT '' NOT NULL,
	"denominator_label" text DEFAULT '' NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	"set_by" uuid,
	"set_by_label" text NOT NULL,
	CONSTRAINT "sakip_village_indicators_region_code_indicator_id_pk" PRIMARY KEY("region_code","indicator_id"),
	CONSTRAINT "sakip_village_indicators_rule" CHECK (("sakip_village_indicators"."rollup" = 'sum' and "sakip_village_indicators"."scale" is null) or ("sakip_village_indicators"."rollup" = 'rate' and "sakip_village_indicators"."scale" > 0))
);
--> statement-breakpoint
CREATE TABLE "sakip_village_value_versions" (
	"region_code" text NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"village_code" text NOT NULL,
	"version" integer NOT NULL,
	"plan_id" uuid NOT NULL,
	"district_code" text NOT NULL,
	"value" numeric NOT NULL,
	"denominator" numeric,
	"note" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"entered_by" uuid,
	"entered_by_label" text NOT NULL,
	"reason" text,
	"after_close" boolean NOT NULL,
	CONSTRAINT "sakip_village_value_versions_region_code_indicator_id_period_village_code_version_pk" PRIMARY KEY("region_code","indicator_id","period","village_code","version")
);
--> statement-breakpoint
CREATE TABLE "sakip_village_values" (
	"region_code" text NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"village_code" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"district_code" text NOT NULL,
	"value" numeric NOT NULL,
	"denominator" numeric,
	"note" text DEFAULT '' NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"entered_by" uuid,
	"entered_by_label" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"reason" text,
	"after_close" boolean DEFAULT false NOT NULL,
	CONSTRAINT "sakip_village_values_region_code_indicator_id_period_village_code_pk" PRIMARY KEY("region_code","indicator_id","period","village_code")
);
--> statement-breakpoint
ALTER TABLE "sakip_realisation_versions" ADD COLUMN "from_villages" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sakip_realisations" ADD COLUMN "from_villages" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "sakip_kecamatan_units_district_idx" ON "sakip_kecamatan_units" USING btree ("region_code","district_code");--> statement-breakpoint
CREATE INDEX "sakip_village_indicators_plan_idx" ON "sakip_village_indicators" USING btree ("region_code","plan_id");--> statement-breakpoint
CREATE INDEX "sakip_village_value_versions_plan_idx" ON "sakip_village_value_versions" USING btree ("region_code","plan_id");--> statement-breakpoint
CREATE INDEX "sakip_village_values_district_idx" ON "sakip_village_values" USING btree ("region_code","indicator_id","period","district_code");--> statement-breakpoint
CREATE INDEX "sakip_village_values_plan_idx" ON "sakip_village_values" USING btree ("region_code","plan_id","year");