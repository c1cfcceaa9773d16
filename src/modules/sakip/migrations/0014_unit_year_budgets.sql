CREATE TABLE "sakip_unit_year_budgets" (
	"region_code" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"unit_id" uuid,
	"programmes" integer NOT NULL,
	"ceiling" numeric NOT NULL,
	"spending" numeric NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sakip_unit_year_budgets_key" ON "sakip_unit_year_budgets" USING btree ("region_code","plan_id","year",coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "sakip_unit_year_budgets_year_idx" ON "sakip_unit_year_budgets" USING btree ("region_code","year");