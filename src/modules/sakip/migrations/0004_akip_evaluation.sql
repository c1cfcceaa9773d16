CREATE TABLE "sakip_evaluation_answers" (
	"region_code" text NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"criterion" text NOT NULL,
	"answer" text NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	"answered_by" uuid,
	"answered_by_label" text NOT NULL,
	CONSTRAINT "sakip_evaluation_answers_region_code_evaluation_id_unit_id_criterion_pk" PRIMARY KEY("region_code","evaluation_id","unit_id","criterion")
);
--> statement-breakpoint
CREATE TABLE "sakip_evaluation_reviews" (
	"region_code" text NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"sub_component" text NOT NULL,
	"letter" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_by_label" text NOT NULL,
	CONSTRAINT "sakip_evaluation_reviews_region_code_evaluation_id_sub_component_pk" PRIMARY KEY("region_code","evaluation_id","sub_component")
);
--> statement-breakpoint
CREATE TABLE "sakip_evaluations" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"worksheet_version" text NOT NULL,
	"worksheet" jsonb NOT NULL,
	"unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"score" numeric(5, 2),
	"predicate" text,
	"finalised_at" timestamp with time zone,
	"finalised_by" uuid,
	"finalised_by_label" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sakip_evaluations_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "sakip_official_results" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"score" numeric(5, 2) NOT NULL,
	"predicate" text NOT NULL,
	"worksheet_version" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"recorded_by_label" text NOT NULL,
	CONSTRAINT "sakip_official_results_region_code_year_pk" PRIMARY KEY("region_code","year"),
	CONSTRAINT "sakip_official_results_score" CHECK ("sakip_official_results"."score" >= 0 and "sakip_official_results"."score" <= 100)
);
--> statement-breakpoint
CREATE TABLE "sakip_recommendation_follow_ups" (
	"region_code" text NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid,
	"by_label" text NOT NULL,
	CONSTRAINT "sakip_recommendation_follow_ups_region_code_recommendation_id_seq_pk" PRIMARY KEY("region_code","recommendation_id","seq")
);
--> statement-breakpoint
CREATE TABLE "sakip_recommendations" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"sub_component" text,
	"unit_id" uuid,
	"text" text NOT NULL,
	"status" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_by_label" text NOT NULL,
	CONSTRAINT "sakip_recommendations_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sakip_evaluations_year_idx" ON "sakip_evaluations" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "sakip_recommendations_evaluation_idx" ON "sakip_recommendations" USING btree ("region_code","evaluation_id");