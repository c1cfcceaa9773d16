CREATE TABLE "sakip_action_targets" (
	"region_code" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"year" integer NOT NULL,
	"value" numeric NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	"set_by" uuid,
	"set_by_label" text NOT NULL,
	"reason" text,
	CONSTRAINT "sakip_action_targets_region_code_indicator_id_period_pk" PRIMARY KEY("region_code","indicator_id","period")
);
--> statement-breakpoint
CREATE TABLE "sakip_budget_versions" (
	"region_code" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"period" text NOT NULL,
	"version" integer NOT NULL,
	"ceiling" numeric NOT NULL,
	"spending" numeric NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"entered_by" uuid,
	"entered_by_label" text NOT NULL,
	"reason" text,
	"after_close" boolean NOT NULL,
	CONSTRAINT "sakip_budget_versions_region_code_node_id_period_version_pk" PRIMARY KEY("region_code","node_id","period","version")
);
--> statement-breakpoint
CREATE TABLE "sakip_budgets" (
	"region_code" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"period" text NOT NULL,
	"year" integer NOT NULL,
	"ceiling" numeric NOT NULL,
	"spending" numeric NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"entered_by" uuid,
	"entered_by_label" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"reason" text,
	"after_close" boolean DEFAULT false NOT NULL,
	CONSTRAINT "sakip_budgets_region_code_node_id_period_pk" PRIMARY KEY("region_code","node_id","period"),
	CONSTRAINT "sakip_budgets_not_negative" CHECK ("sakip_budgets"."ceiling" >= 0 and "sakip_budgets"."spending" >= 0)
);
--> statement-breakpoint
CREATE INDEX "sakip_action_targets_plan_idx" ON "sakip_action_targets" USING btree ("region_code","plan_id","year");--> statement-breakpoint
CREATE INDEX "sakip_budget_versions_plan_idx" ON "sakip_budget_versions" USING btree ("region_code","plan_id");--> statement-breakpoint
CREATE INDEX "sakip_budgets_plan_idx" ON "sakip_budgets" USING btree ("region_code","plan_id","year");