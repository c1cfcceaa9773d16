ALTER TABLE "pimpinan_figures" ADD COLUMN "link" text;--> statement-breakpoint
ALTER TABLE "pimpinan_figures" ADD COLUMN "items" jsonb;