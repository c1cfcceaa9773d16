-- Response and resolution times get minute buckets (dashboard/times.ts BUCKET_MINUTES): the first bucket [0, 1 h)
-- splits into [0, 5 min), [5, 15), [15, 30), [30, 60); the hour buckets from 1 h on stay as they were. The columns
-- are renamed with the new shape, so a server still running the old version fails on them instead of writing
-- 14-bucket arrays into the new ones.
ALTER TABLE "complaint_stats" RENAME COLUMN "response_hours" TO "response_times";--> statement-breakpoint
ALTER TABLE "complaint_stats" RENAME COLUMN "resolution_hours" TO "resolution_times";--> statement-breakpoint
-- Four empty minute buckets, then the hour buckets from 1 h on. A rewrite of the table (one pass, no dead rows) is
-- several times faster than an UPDATE of every row.
ALTER TABLE "complaint_stats" ALTER COLUMN "response_times" SET DATA TYPE integer[] USING '{0,0,0,0}'::integer[] || "response_times"[2:14],
  ALTER COLUMN "resolution_times" SET DATA TYPE integer[] USING '{0,0,0,0}'::integer[] || "resolution_times"[2:14];--> statement-breakpoint
-- The minute buckets are counted again from the complaints answered or resolved within the hour: one pass over
-- complaints instead of a rebuild, in the migration's transaction, so an upgraded summary is exact from the first
-- request with no command to remember. Same keys as dashboard/stats.ts aggregate(): the local month of submission,
-- each complaint under its district and under the roll-up ('*').
UPDATE "complaint_stats" s SET "response_times"[1:4] = x.response, "resolution_times"[1:4] = x.resolution FROM (
  SELECT region_code, month, category_id, unit_id, CASE WHEN grouping(district_code) = 1 THEN '*' ELSE district_code END AS district_code,
    array[count(*) FILTER (WHERE r = 1), count(*) FILTER (WHERE r = 2), count(*) FILTER (WHERE r = 3), count(*) FILTER (WHERE r = 4)]::integer[] AS response,
    array[count(*) FILTER (WHERE v = 1), count(*) FILTER (WHERE v = 2), count(*) FILTER (WHERE v = 3), count(*) FILTER (WHERE v = 4)]::integer[] AS resolution
  FROM (
    SELECT c."region_code", date_trunc('month', c."submitted_at" AT TIME ZONE a."timezone")::date AS month, c."category_id",
      coalesce(c."unit_id", '00000000-0000-0000-0000-000000000000'::uuid) AS unit_id, coalesce(c."district_code", '') AS district_code,
      -- 1..4: the minute bucket; 5: an hour or more; none without the time; a negative time counts in the first bucket, as in bucketOf.
      CASE WHEN c."first_response_at" IS NOT NULL THEN greatest(1, width_bucket(extract(epoch FROM c."first_response_at" - c."submitted_at"), '{0,300,900,1800,3600}'::numeric[])) END AS r,
      CASE WHEN c."resolved_at" IS NOT NULL THEN greatest(1, width_bucket(extract(epoch FROM c."resolved_at" - c."submitted_at"), '{0,300,900,1800,3600}'::numeric[])) END AS v
    FROM "complaints" c JOIN "areas" a ON a."code" = c."region_code"
    WHERE c."first_response_at" < c."submitted_at" + interval '1 hour' OR c."resolved_at" < c."submitted_at" + interval '1 hour'
  ) c
  GROUP BY region_code, month, category_id, unit_id, GROUPING SETS ((district_code), ())
) x
WHERE s."region_code" = x.region_code AND s."month" = x.month AND s."category_id" = x.category_id AND s."unit_id" = x.unit_id AND s."district_code" = x.district_code;
