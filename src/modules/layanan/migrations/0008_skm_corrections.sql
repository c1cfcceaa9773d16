ALTER TABLE "layanan_skm_responses" ADD COLUMN "corrected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "layanan_skm_responses" ADD COLUMN "corrected_by" uuid;--> statement-breakpoint
ALTER TABLE "layanan_skm_responses" ADD COLUMN "corrected_by_label" text;