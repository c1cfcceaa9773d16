CREATE TABLE "complaint_stats" (
	"region_code" text NOT NULL,
	"month" date NOT NULL,
	"category_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"district_code" text NOT NULL,
	"received" integer NOT NULL,
	"open" integer NOT NULL,
	"resolved" integer NOT NULL,
	"rejected" integer NOT NULL,
	"merged" integer NOT NULL,
	"transferred" integer NOT NULL,
	"responded" integer NOT NULL,
	"responded_in_time" integer NOT NULL,
	"resolved_in_time" integer NOT NULL,
	"response_hours" integer[] NOT NULL,
	"resolution_hours" integer[] NOT NULL,
	CONSTRAINT "complaint_stats_region_code_month_category_id_unit_id_district_code_pk" PRIMARY KEY("region_code","month","category_id","unit_id","district_code")
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "first_response_in_time" boolean;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "resolved_in_time" boolean;--> statement-breakpoint
CREATE INDEX "complaint_deadlines_open_idx" ON "complaint_deadlines" USING btree ("region_code","due_at") WHERE "complaint_deadlines"."met_at" is null;--> statement-breakpoint
-- Complaints filed before this migration: judge against the stored deadlines (the latest round's), then run `pamong rebuild-stats`.
UPDATE "complaints" c SET "first_response_in_time" = c."first_response_at" <= d."due_at"
  FROM "complaint_deadlines" d
  WHERE c."first_response_at" IS NOT NULL AND d."region_code" = c."region_code" AND d."complaint_id" = c."id" AND d."stage" = 'response';--> statement-breakpoint
UPDATE "complaints" c SET "resolved_in_time" = c."resolved_at" <= d."due_at"
  FROM "complaint_deadlines" d
  WHERE c."resolved_at" IS NOT NULL AND d."region_code" = c."region_code" AND d."complaint_id" = c."id" AND d."stage" = 'resolution';
