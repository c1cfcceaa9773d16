CREATE TABLE "spbe_answers" (
	"region_code" text NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"unit_id" uuid,
	"status" text NOT NULL,
	"self_level" smallint,
	"explanation" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"review_note" text,
	"reviewed_at" timestamp with time zone,
	"validated_at" timestamp with time zone,
	"final_level" smallint,
	"final_reason" text,
	"interview_note" text,
	"visit_note" text,
	"assessed_at" timestamp with time zone,
	"assessed_by" uuid,
	"practice_shared" boolean DEFAULT false NOT NULL,
	"practice_note" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "spbe_answers_region_code_evaluation_id_indicator_code_pk" PRIMARY KEY("region_code","evaluation_id","indicator_code")
);
--> statement-breakpoint
CREATE TABLE "spbe_evaluations" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"version_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" uuid,
	"self_assessment_at" timestamp with time zone,
	"internal_validation_at" timestamp with time zone,
	"external_assessment_at" timestamp with time zone,
	"final_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "spbe_evaluations_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "spbe_evidence" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by" uuid,
	CONSTRAINT "spbe_evidence_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "spbe_framework_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_code" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"document" jsonb NOT NULL,
	"copied_from" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"activated_at" timestamp with time zone,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "spbe_frameworks" (
	"code" text PRIMARY KEY NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"regulation" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spbe_history" (
	"region_code" text NOT NULL,
	"id" bigserial NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"indicator_code" text,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "spbe_history_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "spbe_results" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"framework_code" text NOT NULL,
	"version_id" uuid,
	"version" integer,
	"index" numeric(4, 2) NOT NULL,
	"predicate" jsonb,
	"domains" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"aspects" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text NOT NULL,
	"evaluation_id" uuid,
	"published" boolean NOT NULL,
	"published_at" timestamp with time zone,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "spbe_results_region_code_year_pk" PRIMARY KEY("region_code","year")
);
--> statement-breakpoint
CREATE TABLE "spbe_targets" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"target_index" numeric(3, 2) NOT NULL,
	"out_of_reach" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	"set_by" uuid,
	CONSTRAINT "spbe_targets_region_code_year_pk" PRIMARY KEY("region_code","year")
);
--> statement-breakpoint
CREATE INDEX "spbe_answers_leaders_idx" ON "spbe_answers" USING btree ("indicator_code","final_level");--> statement-breakpoint
CREATE UNIQUE INDEX "spbe_evaluations_year_idx" ON "spbe_evaluations" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "spbe_evidence_answer_idx" ON "spbe_evidence" USING btree ("region_code","evaluation_id","indicator_code");--> statement-breakpoint
CREATE UNIQUE INDEX "spbe_versions_number_idx" ON "spbe_framework_versions" USING btree ("framework_code","version");--> statement-breakpoint
CREATE INDEX "spbe_history_evaluation_idx" ON "spbe_history" USING btree ("region_code","evaluation_id","id");--> statement-breakpoint
CREATE INDEX "spbe_results_ranking_idx" ON "spbe_results" USING btree ("year","framework_code") WHERE "spbe_results"."published";