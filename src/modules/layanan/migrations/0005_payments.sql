CREATE TABLE "layanan_bill_sequences" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "layanan_bill_sequences_region_code_year_pk" PRIMARY KEY("region_code","year")
);
--> statement-breakpoint
CREATE TABLE "layanan_bills" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"billing_code" text NOT NULL,
	"kind" text NOT NULL,
	"application_id" uuid,
	"service_id" uuid,
	"unit_id" uuid,
	"tax_type" text,
	"tax_object_number" text,
	"tax_year" integer,
	"payer_name" text NOT NULL,
	"amount" bigint NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_label" text NOT NULL,
	"paid_at" timestamp with time zone,
	"paid_amount" bigint,
	"payment_reference" text,
	"payment_channel" text,
	"cancelled_at" timestamp with time zone,
	"cancelled_by_label" text,
	CONSTRAINT "layanan_bills_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "layanan_bills_kind" CHECK ("layanan_bills"."kind" in ('retribusi', 'pajak')),
	CONSTRAINT "layanan_bills_status" CHECK ("layanan_bills"."status" in ('unpaid', 'paid', 'cancelled')),
	CONSTRAINT "layanan_bills_amount" CHECK ("layanan_bills"."amount" > 0),
	CONSTRAINT "layanan_bills_tax" CHECK ("layanan_bills"."kind" <> 'pajak' or ("layanan_bills"."tax_type" is not null and "layanan_bills"."tax_object_number" is not null and "layanan_bills"."tax_year" is not null)),
	CONSTRAINT "layanan_bills_paid" CHECK (("layanan_bills"."status" = 'paid') = ("layanan_bills"."paid_at" is not null and "layanan_bills"."payment_reference" is not null and "layanan_bills"."paid_amount" is not null))
);
--> statement-breakpoint
CREATE TABLE "layanan_payment_channels" (
	"region_code" text NOT NULL,
	"provider" text NOT NULL,
	"merchant_name" text NOT NULL,
	"merchant_city" text NOT NULL,
	"postal_code" text NOT NULL,
	"merchant_pan" text NOT NULL,
	"merchant_id" text NOT NULL,
	"merchant_criteria" text NOT NULL,
	"nmid" text NOT NULL,
	"mcc" text NOT NULL,
	"secret" text NOT NULL,
	"active" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_by_label" text NOT NULL,
	CONSTRAINT "layanan_payment_channels_region_code_provider_pk" PRIMARY KEY("region_code","provider")
);
--> statement-breakpoint
CREATE TABLE "layanan_payment_events" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"billing_code" text,
	"bank_reference" text,
	"amount" bigint,
	"paid_at" timestamp with time zone,
	"bill_id" uuid,
	"outcome" text NOT NULL,
	CONSTRAINT "layanan_payment_events_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "layanan_reconciliations" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid,
	"by_label" text NOT NULL,
	"lines" jsonb NOT NULL,
	CONSTRAINT "layanan_reconciliations_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "layanan_bills_code_idx" ON "layanan_bills" USING btree ("region_code","billing_code");--> statement-breakpoint
CREATE UNIQUE INDEX "layanan_bills_payment_idx" ON "layanan_bills" USING btree ("region_code","payment_reference");--> statement-breakpoint
CREATE UNIQUE INDEX "layanan_bills_tax_idx" ON "layanan_bills" USING btree ("region_code","tax_object_number","tax_type","tax_year") WHERE "layanan_bills"."kind" = 'pajak';--> statement-breakpoint
CREATE INDEX "layanan_bills_status_idx" ON "layanan_bills" USING btree ("region_code","status","due_date");--> statement-breakpoint
CREATE INDEX "layanan_payment_events_bill_idx" ON "layanan_payment_events" USING btree ("region_code","bill_id");--> statement-breakpoint
CREATE INDEX "layanan_payment_events_received_idx" ON "layanan_payment_events" USING btree ("region_code","received_at");--> statement-breakpoint
CREATE INDEX "layanan_reconciliations_at_idx" ON "layanan_reconciliations" USING btree ("region_code","at");