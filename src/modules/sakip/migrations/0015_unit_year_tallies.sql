CREATE TABLE "sakip_unit_year_tallies" (
	"region_code" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"unit_id" uuid,
	"iku" boolean NOT NULL,
	"indicators" integer NOT NULL,
	"with_target" integer NOT NULL,
	"reported" integer NOT NULL,
	"met" integer NOT NULL,
	"used" integer NOT NULL,
	"sum" numeric NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sakip_unit_year_tallies_key" ON "sakip_unit_year_tallies" USING btree ("region_code","plan_id","year",coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid),"iku");--> statement-breakpoint
CREATE INDEX "sakip_unit_year_tallies_year_idx" ON "sakip_unit_year_tallies" USING btree ("region_code","year");