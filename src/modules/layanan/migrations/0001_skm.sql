CREATE TABLE "layanan_skm_populations" (
	"region_code" text NOT NULL,
	"service_id" uuid NOT NULL,
	"period" text NOT NULL,
	"population" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_by_label" text NOT NULL,
	CONSTRAINT "layanan_skm_populations_region_code_service_id_period_pk" PRIMARY KEY("region_code","service_id","period"),
	CONSTRAINT "layanan_skm_populations_population" CHECK ("layanan_skm_populations"."population" >= 0)
);
--> statement-breakpoint
CREATE TABLE "layanan_skm_responses" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"service_date" date NOT NULL,
	"instrument_version" text NOT NULL,
	"answers" jsonb NOT NULL,
	"gender" text,
	"age_band" text,
	"education" text,
	"occupation" text,
	"channel" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"entered_by" uuid,
	"entered_by_label" text NOT NULL,
	CONSTRAINT "layanan_skm_responses_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "layanan_skm_responses_channel" CHECK ("layanan_skm_responses"."channel" in ('paper', 'online'))
);
--> statement-breakpoint
CREATE INDEX "layanan_skm_responses_date_idx" ON "layanan_skm_responses" USING btree ("region_code","service_date");