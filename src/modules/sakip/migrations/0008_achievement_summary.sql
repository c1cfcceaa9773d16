CREATE TABLE "sakip_indicator_year_figures" (
	"region_code" text NOT NULL,
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid,
	"has_target" boolean NOT NULL,
	"reported" boolean NOT NULL,
	"percent" numeric,
	"excluded" text,
	"iku" boolean NOT NULL,
	CONSTRAINT "sakip_indicator_year_figures_region_code_indicator_id_year_pk" PRIMARY KEY("region_code","indicator_id","year"),
	CONSTRAINT "sakip_indicator_year_figures_percent_or_reason" CHECK (("sakip_indicator_year_figures"."percent" is null) <> ("sakip_indicator_year_figures"."excluded" is null))
);
--> statement-breakpoint
CREATE INDEX "sakip_indicator_year_figures_year_idx" ON "sakip_indicator_year_figures" USING btree ("region_code","year","plan_id");--> statement-breakpoint
CREATE INDEX "sakip_indicator_year_figures_iku_idx" ON "sakip_indicator_year_figures" USING btree ("region_code","year") WHERE "sakip_indicator_year_figures"."iku";