CREATE TABLE "sakip_agreement_rows" (
	"region_code" text NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"node_id" uuid NOT NULL,
	"node_title" text NOT NULL,
	"code" text,
	"indicator_id" uuid,
	"indicator_name" text,
	"measure" text,
	"value" numeric,
	"low" numeric,
	"high" numeric,
	"target_version" integer,
	"budget" numeric,
	CONSTRAINT "sakip_agreement_rows_region_code_agreement_id_version_position_pk" PRIMARY KEY("region_code","agreement_id","version","position")
);
--> statement-breakpoint
CREATE TABLE "sakip_agreement_versions" (
	"region_code" text NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"first_name" text NOT NULL,
	"first_position" text NOT NULL,
	"first_nip" text DEFAULT '' NOT NULL,
	"second_name" text,
	"second_position" text,
	"second_nip" text,
	"place" text NOT NULL,
	"signed_on" text,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_by_label" text NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	"signed_by_label" text,
	CONSTRAINT "sakip_agreement_versions_region_code_agreement_id_version_pk" PRIMARY KEY("region_code","agreement_id","version")
);
--> statement-breakpoint
CREATE TABLE "sakip_agreements" (
	"region_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"level" text NOT NULL,
	"unit_id" uuid,
	"subunit" text DEFAULT '' NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sakip_agreements_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "sakip_agreements_level_unit" CHECK (("sakip_agreements"."level" = 'region' and "sakip_agreements"."unit_id" is null and "sakip_agreements"."subunit" = '') or ("sakip_agreements"."level" = 'unit' and "sakip_agreements"."unit_id" is not null and "sakip_agreements"."subunit" = '') or ("sakip_agreements"."level" = 'subunit' and "sakip_agreements"."unit_id" is not null and "sakip_agreements"."subunit" <> ''))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sakip_agreements_official_year_idx" ON "sakip_agreements" USING btree ("region_code","year","level",coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid),"subunit");