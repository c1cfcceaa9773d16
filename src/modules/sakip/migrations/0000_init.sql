CREATE TABLE "sakip_indicators" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"name" text NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"formula" text DEFAULT '' NOT NULL,
	"measure" text DEFAULT '' NOT NULL,
	"data_source" text DEFAULT '' NOT NULL,
	"polarity" text NOT NULL,
	"target_type" text NOT NULL,
	"aggregation" text NOT NULL,
	"is_iku" boolean DEFAULT false NOT NULL,
	"allows_negative" boolean DEFAULT false NOT NULL,
	"shared_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sakip_indicators_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "sakip_nodes" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"code" text,
	"title" text NOT NULL,
	"unit_id" uuid,
	"supports_node_id" uuid,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sakip_nodes_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "sakip_plans" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sakip_plans_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "sakip_plans_kind_unit" CHECK (("sakip_plans"."kind" = 'rpjmd' and "sakip_plans"."unit_id" is null) or ("sakip_plans"."kind" = 'renstra' and "sakip_plans"."unit_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "sakip_realisations" (
	"region_code" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"year" integer NOT NULL,
	"value" numeric NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"obstacles" text DEFAULT '' NOT NULL,
	"follow_up" text DEFAULT '' NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"entered_by" uuid,
	"entered_by_label" text NOT NULL,
	CONSTRAINT "sakip_realisations_region_code_indicator_id_period_pk" PRIMARY KEY("region_code","indicator_id","period")
);
--> statement-breakpoint
CREATE TABLE "sakip_targets" (
	"region_code" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"value" numeric,
	"low" numeric,
	"high" numeric,
	"reason" text,
	"set_at" timestamp with time zone NOT NULL,
	"set_by" uuid,
	"set_by_label" text NOT NULL,
	CONSTRAINT "sakip_targets_region_code_indicator_id_year_version_pk" PRIMARY KEY("region_code","indicator_id","year","version"),
	CONSTRAINT "sakip_targets_single_or_range" CHECK (("sakip_targets"."value" is not null and "sakip_targets"."low" is null and "sakip_targets"."high" is null) or ("sakip_targets"."value" is null and "sakip_targets"."low" is not null and "sakip_targets"."high" is not null))
);
--> statement-breakpoint
CREATE INDEX "sakip_indicators_plan_idx" ON "sakip_indicators" USING btree ("region_code","plan_id");--> statement-breakpoint
CREATE INDEX "sakip_indicators_node_idx" ON "sakip_indicators" USING btree ("region_code","node_id");--> statement-breakpoint
CREATE INDEX "sakip_nodes_plan_idx" ON "sakip_nodes" USING btree ("region_code","plan_id","parent_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "sakip_plans_owner_year_idx" ON "sakip_plans" USING btree ("region_code",coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid),"start_year");--> statement-breakpoint
CREATE INDEX "sakip_realisations_plan_idx" ON "sakip_realisations" USING btree ("region_code","plan_id","year");--> statement-breakpoint
CREATE INDEX "sakip_targets_plan_idx" ON "sakip_targets" USING btree ("region_code","plan_id");