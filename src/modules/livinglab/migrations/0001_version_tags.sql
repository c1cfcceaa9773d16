ALTER TABLE "livinglab_versions" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "livinglab_versions_tags_idx" ON "livinglab_versions" USING gin ("tags");