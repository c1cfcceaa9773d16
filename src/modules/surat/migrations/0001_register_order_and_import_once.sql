DROP INDEX "surat_letters_register_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "surat_letters_external_ref_idx" ON "surat_letters" USING btree ("region_code","external_ref") WHERE "surat_letters"."external_ref" is not null;--> statement-breakpoint
CREATE INDEX "surat_letters_register_idx" ON "surat_letters" USING btree ("region_code","unit_id","created_at");