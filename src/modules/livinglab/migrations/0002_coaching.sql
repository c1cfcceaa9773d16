CREATE TABLE "livinglab_coaching_files" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pilot_id" uuid NOT NULL,
	"author_region" text NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by" uuid,
	CONSTRAINT "livinglab_coaching_files_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "livinglab_coaching_notes" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pilot_id" uuid NOT NULL,
	"author_region" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "livinglab_coaching_notes_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "livinglab_coaching_pilots" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"pilot_region" text NOT NULL,
	"goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "livinglab_coaching_pilots_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "livinglab_coaching_programmes" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"solution_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "livinglab_coaching_programmes_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "livinglab_coaching_period" CHECK ("livinglab_coaching_programmes"."end_date" >= "livinglab_coaching_programmes"."start_date")
);
--> statement-breakpoint
CREATE TABLE "livinglab_coaching_sessions" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pilot_id" uuid NOT NULL,
	"date" date NOT NULL,
	"topic" text NOT NULL,
	"mode" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"attendance" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "livinglab_coaching_sessions_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "livinglab_coaching_tasks" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pilot_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date,
	"status" text NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "livinglab_coaching_tasks_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE INDEX "livinglab_coaching_files_pilot_idx" ON "livinglab_coaching_files" USING btree ("region_code","pilot_id");--> statement-breakpoint
CREATE INDEX "livinglab_coaching_notes_pilot_idx" ON "livinglab_coaching_notes" USING btree ("region_code","pilot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "livinglab_coaching_pilots_region_idx" ON "livinglab_coaching_pilots" USING btree ("region_code","programme_id","pilot_region");--> statement-breakpoint
CREATE INDEX "livinglab_coaching_pilots_pilot_idx" ON "livinglab_coaching_pilots" USING btree ("pilot_region");--> statement-breakpoint
CREATE INDEX "livinglab_coaching_sessions_pilot_idx" ON "livinglab_coaching_sessions" USING btree ("region_code","pilot_id");--> statement-breakpoint
CREATE INDEX "livinglab_coaching_tasks_pilot_idx" ON "livinglab_coaching_tasks" USING btree ("region_code","pilot_id");