ALTER TABLE "sakip_village_value_versions" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sakip_village_value_versions" ADD COLUMN "deleted_by" uuid;--> statement-breakpoint
ALTER TABLE "sakip_village_value_versions" ADD COLUMN "deleted_by_label" text;--> statement-breakpoint
ALTER TABLE "sakip_village_value_versions" ADD COLUMN "delete_reason" text;