DROP INDEX "complaint_deadlines_open_idx";--> statement-breakpoint
ALTER TABLE "complaint_stats" ADD COLUMN "escalated_open" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "escalated_open" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "complaint_deadlines_open_idx" ON "complaint_deadlines" USING btree ("region_code","due_at") WHERE "complaint_deadlines"."met_at" is null and "complaint_deadlines"."escalation_step" = 0;--> statement-breakpoint
-- Complaints the SLA sweep has already escalated, with a deadline still open.
UPDATE "complaints" c SET "escalated_open" = true WHERE EXISTS (
  SELECT 1 FROM "complaint_deadlines" d
  WHERE d."region_code" = c."region_code" AND d."complaint_id" = c."id" AND d."met_at" IS NULL AND d."escalation_step" > 0);--> statement-breakpoint
-- Their count in the summary, under the same key as the rest of each complaint's contribution (local month of submission).
UPDATE "complaint_stats" s SET "escalated_open" = x.n FROM (
  SELECT c."region_code", date_trunc('month', c."submitted_at" AT TIME ZONE a."timezone")::date AS month, c."category_id",
    coalesce(c."unit_id", '00000000-0000-0000-0000-000000000000'::uuid) AS unit_id, coalesce(c."district_code", '') AS district_code, count(*)::int AS n
  FROM "complaints" c JOIN "areas" a ON a."code" = c."region_code"
  WHERE c."escalated_open"
  GROUP BY 1, 2, 3, 4, 5) x
WHERE s."region_code" = x."region_code" AND s."month" = x.month AND s."category_id" = x."category_id" AND s."unit_id" = x.unit_id AND s."district_code" = x.district_code;
