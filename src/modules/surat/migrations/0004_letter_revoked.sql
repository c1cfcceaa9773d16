ALTER TABLE "surat_letters" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "surat_letters" ADD COLUMN "revoke_reason" text;