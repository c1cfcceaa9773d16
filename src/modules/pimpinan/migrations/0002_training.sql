CREATE TABLE "pimpinan_training_participants" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"training_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"nip" text,
	"unit_id" uuid NOT NULL,
	"position" text NOT NULL,
	"status" text NOT NULL,
	"completed_on" date,
	"certificate_name" text,
	"certificate_type" text,
	"certificate_size" integer,
	"certificate_data" "bytea",
	"certificate_at" timestamp with time zone,
	"certificate_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pimpinan_training_participants_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "pimpinan_training_completed" CHECK (("pimpinan_training_participants"."status" = 'completed') = ("pimpinan_training_participants"."completed_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "pimpinan_trainings" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"organiser" text NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"hours" integer,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pimpinan_trainings_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "pimpinan_training_dates" CHECK ("pimpinan_trainings"."end_date" >= "pimpinan_trainings"."start_date")
);
--> statement-breakpoint
CREATE INDEX "pimpinan_training_participants_training_idx" ON "pimpinan_training_participants" USING btree ("region_code","training_id");--> statement-breakpoint
CREATE INDEX "pimpinan_training_participants_unit_idx" ON "pimpinan_training_participants" USING btree ("region_code","unit_id");--> statement-breakpoint
CREATE INDEX "pimpinan_trainings_start_idx" ON "pimpinan_trainings" USING btree ("region_code","start_date");