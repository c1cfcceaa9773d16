CREATE TABLE "layanan_application_events" (
	"region_code" text NOT NULL,
	"id" bigserial NOT NULL,
	"application_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"stage" text,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"public" boolean NOT NULL,
	"message" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "layanan_application_events_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "layanan_application_files" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"field_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"round" integer NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "layanan_application_files_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "layanan_applications" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"registration_no" text NOT NULL,
	"service_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"applicant_user_id" uuid,
	"applicant_name" text NOT NULL,
	"applicant_email" text,
	"applicant_phone" text,
	"answers" jsonb NOT NULL,
	"status" text NOT NULL,
	"stage" text,
	"decision" text,
	"decision_reason" text,
	"return_reason" text,
	"fee_amount" integer,
	"filed_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"fiktif_positif_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"filed_by" uuid,
	"filed_by_label" text NOT NULL,
	CONSTRAINT "layanan_applications_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "layanan_applications_status" CHECK ("layanan_applications"."status" in ('in_process', 'returned', 'awaiting_payment', 'finished', 'refused', 'withdrawn')),
	CONSTRAINT "layanan_applications_channel" CHECK ("layanan_applications"."channel" in ('web', 'counter', 'api')),
	CONSTRAINT "layanan_applications_decision" CHECK ("layanan_applications"."decision" is null or "layanan_applications"."decision" in ('approved', 'refused'))
);
--> statement-breakpoint
CREATE INDEX "layanan_application_events_app_idx" ON "layanan_application_events" USING btree ("region_code","application_id","at");--> statement-breakpoint
CREATE INDEX "layanan_application_files_app_idx" ON "layanan_application_files" USING btree ("region_code","application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "layanan_applications_registration_idx" ON "layanan_applications" USING btree ("region_code","registration_no");--> statement-breakpoint
CREATE INDEX "layanan_applications_queue_idx" ON "layanan_applications" USING btree ("region_code","unit_id","status","filed_at");--> statement-breakpoint
CREATE INDEX "layanan_applications_applicant_idx" ON "layanan_applications" USING btree ("applicant_user_id") WHERE "layanan_applications"."applicant_user_id" is not null;