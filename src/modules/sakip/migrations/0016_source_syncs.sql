CREATE TABLE "sakip_source_syncs" (
	"region_code" text NOT NULL,
	"indicator_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"next_at" timestamp with time zone NOT NULL,
	"last_run_at" timestamp with time zone,
	"outcomes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "sakip_source_syncs_region_code_indicator_id_pk" PRIMARY KEY("region_code","indicator_id")
);
--> statement-breakpoint
CREATE INDEX "sakip_source_syncs_plan_idx" ON "sakip_source_syncs" USING btree ("region_code","plan_id");--> statement-breakpoint
CREATE INDEX "sakip_source_syncs_next_idx" ON "sakip_source_syncs" USING btree ("next_at");