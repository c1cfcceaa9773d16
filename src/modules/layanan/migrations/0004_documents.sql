CREATE TABLE "layanan_documents" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"application_id" uuid,
	"bill_id" uuid,
	"service_id" uuid,
	"unit_id" uuid,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"holder_name" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid,
	"issued_by_label" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"token" text NOT NULL,
	"signer_subject" text,
	"signer_fingerprint" text,
	"signature_provider" text,
	"signed_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoked_by_label" text,
	"revoke_reason" text,
	CONSTRAINT "layanan_documents_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "layanan_documents_kind" CHECK ("layanan_documents"."kind" in ('result', 'receipt'))
);
--> statement-breakpoint
CREATE TABLE "layanan_letterheads" (
	"region_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"address" text NOT NULL,
	"phone" text NOT NULL,
	"email" text NOT NULL,
	"place" text NOT NULL,
	"signer_position" text NOT NULL,
	"signer_name" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_by_label" text NOT NULL,
	CONSTRAINT "layanan_letterheads_region_code_unit_id_pk" PRIMARY KEY("region_code","unit_id")
);
--> statement-breakpoint
CREATE TABLE "layanan_number_counters" (
	"region_code" text NOT NULL,
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "layanan_number_counters_region_code_series_year_pk" PRIMARY KEY("region_code","series","year")
);
--> statement-breakpoint
CREATE TABLE "layanan_numbering" (
	"region_code" text NOT NULL,
	"pattern" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_by_label" text NOT NULL,
	CONSTRAINT "layanan_numbering_region_code_pk" PRIMARY KEY("region_code")
);
--> statement-breakpoint
CREATE TABLE "layanan_signers" (
	"region_code" text NOT NULL,
	"provider" text NOT NULL,
	"p12" "bytea",
	"passphrase" text,
	"subject" text,
	"issuer" text,
	"not_before" timestamp with time zone,
	"not_after" timestamp with time zone,
	"fingerprint" text,
	"remote_url" text,
	"client_id" text,
	"client_secret" text,
	"signer_id" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_by_label" text NOT NULL,
	CONSTRAINT "layanan_signers_region_code_pk" PRIMARY KEY("region_code"),
	CONSTRAINT "layanan_signers_provider" CHECK ("layanan_signers"."provider" in ('local', 'remote'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "layanan_documents_number_idx" ON "layanan_documents" USING btree ("region_code","number");--> statement-breakpoint
CREATE UNIQUE INDEX "layanan_documents_token_region_idx" ON "layanan_documents" USING btree ("region_code","token");--> statement-breakpoint
CREATE INDEX "layanan_documents_token_idx" ON "layanan_documents" USING btree ("token");--> statement-breakpoint
CREATE INDEX "layanan_documents_issued_idx" ON "layanan_documents" USING btree ("region_code","issued_at");