ALTER TABLE "sakip_indicator_year_figures" ADD COLUMN "target_value" numeric;--> statement-breakpoint
ALTER TABLE "sakip_indicator_year_figures" ADD COLUMN "realised" numeric;--> statement-breakpoint
-- The summary is derived from the raw rows: emptied here, it is rebuilt with the new columns at the next start (rebuildMissingFigures).
DELETE FROM "sakip_indicator_year_figures";
