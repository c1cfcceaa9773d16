CREATE TABLE "sakip_evaluation_evidence" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"criterion" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by" uuid,
	"uploaded_by_label" text NOT NULL,
	CONSTRAINT "sakip_evaluation_evidence_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE INDEX "sakip_evaluation_evidence_answer_idx" ON "sakip_evaluation_evidence" USING btree ("region_code","evaluation_id","unit_id","criterion");