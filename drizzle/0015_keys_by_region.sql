DROP INDEX "api_keys_hash_idx";--> statement-breakpoint
DROP INDEX "invitations_token_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_idx" ON "api_keys" USING btree ("key_hash","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_idx" ON "invitations" USING btree ("token_hash","region_code");