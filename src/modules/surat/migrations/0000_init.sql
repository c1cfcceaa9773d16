CREATE TABLE "surat_attachments" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"letter_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by" uuid,
	CONSTRAINT "surat_attachments_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "surat_classifications" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" integer NOT NULL,
	"parent_code" text,
	"active" boolean DEFAULT true NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surat_disposals" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"action" text NOT NULL,
	"status" text NOT NULL,
	"file_ids" jsonb NOT NULL,
	"reason" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"proposed_by" uuid,
	"proposed_by_label" text NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_by_label" text,
	"decision_note" text,
	"minutes" "bytea",
	CONSTRAINT "surat_disposals_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "surat_disposals_action" CHECK ("surat_disposals"."action" in ('transfer', 'destroy', 'permanent')),
	CONSTRAINT "surat_disposals_status" CHECK ("surat_disposals"."status" in ('proposed', 'approved', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "surat_disposition_notes" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"disposition_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"author_user_id" uuid,
	"author_label" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "surat_disposition_notes_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "surat_disposition_notes_kind" CHECK ("surat_disposition_notes"."kind" in ('note', 'report'))
);
--> statement-breakpoint
CREATE TABLE "surat_dispositions" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"letter_id" uuid NOT NULL,
	"parent_id" uuid,
	"from_user_id" uuid,
	"from_label" text NOT NULL,
	"to_user_id" uuid NOT NULL,
	"to_label" text NOT NULL,
	"to_unit_id" uuid,
	"instruction" text NOT NULL,
	"priority" text NOT NULL,
	"due_amount" integer,
	"due_unit" text,
	"due_at" timestamp with time zone,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"report" text,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "surat_dispositions_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "surat_dispositions_status" CHECK ("surat_dispositions"."status" in ('unread', 'in_progress', 'done', 'withdrawn')),
	CONSTRAINT "surat_dispositions_priority" CHECK ("surat_dispositions"."priority" in ('biasa', 'segera', 'sangat_segera')),
	CONSTRAINT "surat_dispositions_due_unit" CHECK ("surat_dispositions"."due_unit" is null or "surat_dispositions"."due_unit" in ('working_days', 'hours'))
);
--> statement-breakpoint
CREATE TABLE "surat_document_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"layout" text NOT NULL,
	"title" text,
	"active" boolean DEFAULT true NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "surat_document_types_layout" CHECK ("surat_document_types"."layout" in ('korespondensi', 'berjudul'))
);
--> statement-breakpoint
CREATE TABLE "surat_files" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"classification_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"active_until" date,
	"inactive_until" date,
	"fate" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_by_label" text NOT NULL,
	CONSTRAINT "surat_files_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "surat_files_status" CHECK ("surat_files"."status" in ('open', 'closed', 'transferred', 'destroyed', 'permanent')),
	CONSTRAINT "surat_files_fate" CHECK ("surat_files"."fate" is null or "surat_files"."fate" in ('musnah', 'dinilai_kembali', 'permanen'))
);
--> statement-breakpoint
CREATE TABLE "surat_letter_people" (
	"region_code" text NOT NULL,
	"letter_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "surat_letter_people_region_code_letter_id_user_id_reason_pk" PRIMARY KEY("region_code","letter_id","user_id","reason"),
	CONSTRAINT "surat_letter_people_reason" CHECK ("surat_letter_people"."reason" in ('registrar', 'leader', 'disposition', 'drafter', 'verifier', 'signer', 'recipient', 'copy'))
);
--> statement-breakpoint
CREATE TABLE "surat_letters" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"direction" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"document_type_code" text,
	"agenda_year" integer,
	"agenda_number" integer,
	"number" text,
	"letter_date" date,
	"received_at" timestamp with time zone,
	"sender_name" text DEFAULT '' NOT NULL,
	"sender_region_code" text,
	"source_letter_id" uuid,
	"subject" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"classification_code" text NOT NULL,
	"security" text NOT NULL,
	"urgency" text NOT NULL,
	"status" text NOT NULL,
	"body" jsonb,
	"signer_user_id" uuid,
	"signer_name" text,
	"signer_position" text,
	"sign_method" text,
	"signed_at" timestamp with time zone,
	"signer_subject" text,
	"signer_fingerprint" text,
	"pdf" "bytea",
	"sha256" text,
	"token" text,
	"file_id" uuid,
	"filed_at" timestamp with time zone,
	"origin" text DEFAULT 'pamong' NOT NULL,
	"external_ref" text,
	"content_text" text DEFAULT '' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce(number, '')), 'A') || setweight(to_tsvector('indonesian', subject), 'A') || setweight(to_tsvector('indonesian', sender_name || ' ' || summary), 'B') || setweight(to_tsvector('indonesian', content_text), 'C')) STORED,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_by_label" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "surat_letters_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "surat_letters_direction" CHECK ("surat_letters"."direction" in ('incoming', 'outgoing', 'memo')),
	CONSTRAINT "surat_letters_security" CHECK ("surat_letters"."security" in ('biasa', 'terbatas', 'rahasia', 'sangat_rahasia')),
	CONSTRAINT "surat_letters_urgency" CHECK ("surat_letters"."urgency" in ('biasa', 'segera', 'sangat_segera')),
	CONSTRAINT "surat_letters_status" CHECK ("surat_letters"."status" in ('registered', 'distributed', 'done', 'draft', 'verifying', 'returned', 'to_sign', 'signed', 'sent')),
	CONSTRAINT "surat_letters_sign_method" CHECK ("surat_letters"."sign_method" is null or "surat_letters"."sign_method" in ('electronic', 'paper'))
);
--> statement-breakpoint
CREATE TABLE "surat_number_counters" (
	"region_code" text NOT NULL,
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "surat_number_counters_region_code_series_year_pk" PRIMARY KEY("region_code","series","year")
);
--> statement-breakpoint
CREATE TABLE "surat_numbering" (
	"region_code" text NOT NULL,
	"pattern" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_by_label" text NOT NULL,
	CONSTRAINT "surat_numbering_region_code_pk" PRIMARY KEY("region_code")
);
--> statement-breakpoint
CREATE TABLE "surat_recipients" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"letter_id" uuid NOT NULL,
	"role" text NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid,
	"target_region_code" text,
	"email" text,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"delivered_at" timestamp with time zone,
	"delivered_letter_id" uuid,
	CONSTRAINT "surat_recipients_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "surat_recipients_role" CHECK ("surat_recipients"."role" in ('to', 'cc')),
	CONSTRAINT "surat_recipients_kind" CHECK ("surat_recipients"."kind" in ('unit', 'region', 'email'))
);
--> statement-breakpoint
CREATE TABLE "surat_reference_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list" text NOT NULL,
	"code" text NOT NULL,
	"revision" integer NOT NULL,
	"before" jsonb,
	"after" jsonb NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_label" text NOT NULL,
	CONSTRAINT "surat_reference_changes_list" CHECK ("surat_reference_changes"."list" in ('classification', 'document_type'))
);
--> statement-breakpoint
CREATE TABLE "surat_retention" (
	"region_code" text NOT NULL,
	"classification_code" text NOT NULL,
	"active_years" integer NOT NULL,
	"inactive_years" integer NOT NULL,
	"fate" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "surat_retention_region_code_classification_code_pk" PRIMARY KEY("region_code","classification_code"),
	CONSTRAINT "surat_retention_fate" CHECK ("surat_retention"."fate" in ('musnah', 'dinilai_kembali', 'permanen')),
	CONSTRAINT "surat_retention_years" CHECK ("surat_retention"."active_years" >= 0 and "surat_retention"."inactive_years" >= 0)
);
--> statement-breakpoint
CREATE TABLE "surat_reviews" (
	"region_code" text NOT NULL,
	"letter_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"step" integer NOT NULL,
	"verifier_user_id" uuid NOT NULL,
	"verifier_label" text NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"acted_at" timestamp with time zone,
	CONSTRAINT "surat_reviews_region_code_letter_id_round_step_pk" PRIMARY KEY("region_code","letter_id","round","step"),
	CONSTRAINT "surat_reviews_status" CHECK ("surat_reviews"."status" in ('waiting', 'pending', 'approved', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "surat_templates" (
	"region_code" text NOT NULL,
	"document_type_code" text NOT NULL,
	"opening" text NOT NULL,
	"closing" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_by_label" text NOT NULL,
	CONSTRAINT "surat_templates_region_code_document_type_code_pk" PRIMARY KEY("region_code","document_type_code")
);
--> statement-breakpoint
CREATE INDEX "surat_attachments_letter_idx" ON "surat_attachments" USING btree ("region_code","letter_id");--> statement-breakpoint
CREATE INDEX "surat_classifications_parent_idx" ON "surat_classifications" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "surat_disposition_notes_idx" ON "surat_disposition_notes" USING btree ("region_code","disposition_id");--> statement-breakpoint
CREATE INDEX "surat_dispositions_letter_idx" ON "surat_dispositions" USING btree ("region_code","letter_id");--> statement-breakpoint
CREATE INDEX "surat_dispositions_to_idx" ON "surat_dispositions" USING btree ("region_code","to_user_id","status");--> statement-breakpoint
CREATE INDEX "surat_dispositions_from_idx" ON "surat_dispositions" USING btree ("region_code","from_user_id");--> statement-breakpoint
CREATE INDEX "surat_files_unit_idx" ON "surat_files" USING btree ("region_code","unit_id","status");--> statement-breakpoint
CREATE INDEX "surat_letter_people_inbox_idx" ON "surat_letter_people" USING btree ("region_code","user_id","added_at");--> statement-breakpoint
CREATE UNIQUE INDEX "surat_letters_agenda_idx" ON "surat_letters" USING btree ("region_code","unit_id","agenda_year","agenda_number") WHERE "surat_letters"."agenda_number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "surat_letters_own_number_idx" ON "surat_letters" USING btree ("region_code","number") WHERE "surat_letters"."direction" <> 'incoming' and "surat_letters"."number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "surat_letters_token_idx" ON "surat_letters" USING btree ("token");--> statement-breakpoint
CREATE INDEX "surat_letters_register_idx" ON "surat_letters" USING btree ("region_code","unit_id","direction","created_at");--> statement-breakpoint
CREATE INDEX "surat_letters_region_date_idx" ON "surat_letters" USING btree ("region_code","created_at");--> statement-breakpoint
CREATE INDEX "surat_letters_number_idx" ON "surat_letters" USING btree ("region_code","number");--> statement-breakpoint
CREATE INDEX "surat_letters_file_idx" ON "surat_letters" USING btree ("region_code","file_id");--> statement-breakpoint
CREATE INDEX "surat_letters_search_idx" ON "surat_letters" USING gin ("search");--> statement-breakpoint
CREATE INDEX "surat_recipients_letter_idx" ON "surat_recipients" USING btree ("region_code","letter_id");--> statement-breakpoint
CREATE INDEX "surat_reference_changes_code_idx" ON "surat_reference_changes" USING btree ("list","code");--> statement-breakpoint
CREATE INDEX "surat_reviews_verifier_idx" ON "surat_reviews" USING btree ("region_code","verifier_user_id","status");