ALTER TABLE "complaints" ADD COLUMN "next_due_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "complaints_next_due_idx" ON "complaints" USING btree ("region_code","next_due_at","submitted_at");--> statement-breakpoint
-- Each complaint's earliest open deadline, as the services keep it from now on.
UPDATE "complaints" c SET "next_due_at" = d.due FROM (
  SELECT "region_code", "complaint_id", min("due_at") AS due FROM "complaint_deadlines" WHERE "met_at" IS NULL GROUP BY 1, 2) d
WHERE d."region_code" = c."region_code" AND d."complaint_id" = c."id";
