DROP INDEX "surat_letters_token_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "surat_letters_token_region_idx" ON "surat_letters" USING btree ("region_code","token");--> statement-breakpoint
CREATE INDEX "surat_letters_token_idx" ON "surat_letters" USING btree ("token");