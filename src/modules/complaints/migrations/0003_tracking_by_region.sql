DROP INDEX "complaints_tracking_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_tracking_idx" ON "complaints" USING btree ("region_code","tracking_code");