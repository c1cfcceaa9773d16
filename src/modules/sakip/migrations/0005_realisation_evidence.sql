CREATE TABLE "sakip_realisation_evidence" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by" uuid,
	"uploaded_by_label" text NOT NULL,
	CONSTRAINT "sakip_realisation_evidence_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE INDEX "sakip_realisation_evidence_period_idx" ON "sakip_realisation_evidence" USING btree ("region_code","indicator_id","period");