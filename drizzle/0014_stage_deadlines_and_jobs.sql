CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"last_error" text,
	"failed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stage_deadlines" (
	"region_code" text NOT NULL,
	"module" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"unit" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"target_at" timestamp with time zone,
	"met_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"round" integer DEFAULT 0 NOT NULL,
	"escalation_step" integer DEFAULT 0 NOT NULL,
	"next_check_at" timestamp with time zone,
	CONSTRAINT "stage_deadlines_pk" PRIMARY KEY("region_code","module","record_type","record_id","stage")
);
--> statement-breakpoint
CREATE TABLE "stage_escalations" (
	"region_code" text NOT NULL,
	"module" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"round" integer NOT NULL,
	"step" integer NOT NULL,
	"rung" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "stage_escalations_pk" PRIMARY KEY("region_code","module","record_type","record_id","stage","round","step")
);
--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE "jobs"."failed_at" is null;--> statement-breakpoint
CREATE INDEX "stage_deadlines_sweep_idx" ON "stage_deadlines" USING btree ("next_check_at") WHERE "stage_deadlines"."next_check_at" is not null;--> statement-breakpoint
CREATE INDEX "stage_deadlines_open_idx" ON "stage_deadlines" USING btree ("module","record_type","region_code","due_at") WHERE "stage_deadlines"."met_at" is null and "stage_deadlines"."escalation_step" = 0;