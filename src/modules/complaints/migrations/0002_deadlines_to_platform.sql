-- Complaint deadlines move to the platform's stage-deadline engine
-- (stage_deadlines, stage_escalations, created by the platform's 0013).
-- The unit of each stage is the one its rule has now: the category's, else
-- the region's, else the national default (docs: domain/sla.ts DEFAULT_SLA).
INSERT INTO "stage_deadlines" ("region_code", "module", "record_type", "record_id", "stage", "unit", "due_at", "target_at", "met_at", "round", "escalation_step", "next_check_at")
SELECT d."region_code", 'complaints', 'complaint', d."complaint_id", d."stage",
  coalesce(
    (SELECT p."unit" FROM "sla_policies" p WHERE p."region_code" = d."region_code" AND p."category_id" = c."category_id" AND p."stage" = d."stage" LIMIT 1),
    (SELECT p."unit" FROM "sla_policies" p WHERE p."region_code" = d."region_code" AND p."category_id" IS NULL AND p."stage" = d."stage" LIMIT 1),
    CASE d."stage" WHEN 'resolution' THEN 'working_days' ELSE 'hours' END),
  d."due_at", d."target_at", d."met_at", d."round", d."escalation_step", d."next_check_at"
FROM "complaint_deadlines" d
LEFT JOIN "complaints" c ON c."region_code" = d."region_code" AND c."id" = d."complaint_id";
--> statement-breakpoint
INSERT INTO "stage_escalations" ("region_code", "module", "record_type", "record_id", "stage", "round", "step", "rung", "at")
SELECT "region_code", 'complaints', 'complaint', "complaint_id", "stage", "round", "step", jsonb_build_object('role', "role"), "at"
FROM "complaint_escalations";
--> statement-breakpoint
DROP TABLE "complaint_deadlines" CASCADE;--> statement-breakpoint
DROP TABLE "complaint_escalations" CASCADE;
