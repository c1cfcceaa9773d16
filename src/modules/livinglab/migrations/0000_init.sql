CREATE TABLE "livinglab_adoptions" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"source_region" text,
	"solution_id" uuid,
	"source" jsonb NOT NULL,
	"version" integer NOT NULL,
	"unit_map" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"taken" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"applied" integer DEFAULT 0 NOT NULL,
	"adopted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"adopted_by" uuid,
	CONSTRAINT "livinglab_adoptions_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "livinglab_applications" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"domain" text NOT NULL,
	"sector" text,
	"users" text DEFAULT '' NOT NULL,
	"hosting" text DEFAULT '' NOT NULL,
	"cost_per_year" bigint DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"duplicates" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "livinglab_applications_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "livinglab_kit_files" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"solution_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by" uuid,
	CONSTRAINT "livinglab_kit_files_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "livinglab_proposals" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"domain" text NOT NULL,
	"sector" text,
	"estimated_cost" bigint NOT NULL,
	"status" text NOT NULL,
	"decision_reason" text,
	"adopt_solution_id" uuid,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "livinglab_proposals_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "livinglab_ratings" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"solution_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"fitness" smallint NOT NULL,
	"ease" smallint NOT NULL,
	"stability" smallint NOT NULL,
	"support" smallint NOT NULL,
	"documentation" smallint NOT NULL,
	"review" text DEFAULT '' NOT NULL,
	"rated_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"hidden" boolean DEFAULT false NOT NULL,
	"moderation_note" text,
	CONSTRAINT "livinglab_ratings_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "livinglab_ratings_marks" CHECK ("livinglab_ratings"."fitness" between 1 and 5 and "livinglab_ratings"."ease" between 1 and 5 and "livinglab_ratings"."stability" between 1 and 5 and "livinglab_ratings"."support" between 1 and 5 and "livinglab_ratings"."documentation" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "livinglab_solutions" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"package_kind" text,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"domain" text NOT NULL,
	"sector" text,
	"content_keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"application" jsonb,
	"mentor" jsonb,
	"latest_version" integer,
	"featured" boolean DEFAULT false NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"curator_note" text,
	"superseded_by_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "livinglab_solutions_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "livinglab_versions" (
	"region_code" text NOT NULL,
	"solution_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"package_kind" text,
	"format_version" integer,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"description" text NOT NULL,
	"domain" text NOT NULL,
	"sector" text,
	"content" jsonb,
	"application" jsonb,
	"mentor" jsonb,
	"changelog" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('indonesian', title), 'A') || setweight(to_tsvector('indonesian', summary), 'B') || setweight(to_tsvector('indonesian', description), 'C')) STORED,
	CONSTRAINT "livinglab_versions_region_code_solution_id_number_pk" PRIMARY KEY("region_code","solution_id","number")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "livinglab_adoptions_solution_idx" ON "livinglab_adoptions" USING btree ("region_code","solution_id");--> statement-breakpoint
CREATE INDEX "livinglab_adoptions_source_idx" ON "livinglab_adoptions" USING btree ("solution_id");--> statement-breakpoint
CREATE INDEX "livinglab_kit_solution_idx" ON "livinglab_kit_files" USING btree ("region_code","solution_id");--> statement-breakpoint
CREATE INDEX "livinglab_proposals_year_idx" ON "livinglab_proposals" USING btree ("region_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "livinglab_ratings_user_idx" ON "livinglab_ratings" USING btree ("region_code","solution_id","user_id");--> statement-breakpoint
CREATE INDEX "livinglab_ratings_solution_idx" ON "livinglab_ratings" USING btree ("solution_id");--> statement-breakpoint
CREATE INDEX "livinglab_solutions_id_idx" ON "livinglab_solutions" USING btree ("id");--> statement-breakpoint
CREATE INDEX "livinglab_solutions_published_idx" ON "livinglab_solutions" USING btree ("latest_version") WHERE "livinglab_solutions"."latest_version" is not null and not "livinglab_solutions"."hidden";--> statement-breakpoint
CREATE INDEX "livinglab_versions_search_idx" ON "livinglab_versions" USING gin ("search");