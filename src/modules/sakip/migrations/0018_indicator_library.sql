CREATE TABLE "sakip_indicator_library" (
	"region_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"formula" text DEFAULT '' NOT NULL,
	"measure" text DEFAULT '' NOT NULL,
	"data_source" text DEFAULT '' NOT NULL,
	"polarity" text NOT NULL,
	"target_type" text NOT NULL,
	"aggregation" text NOT NULL,
	"allows_negative" boolean DEFAULT false NOT NULL,
	"level" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"adopted_from" jsonb,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "sakip_indicator_library_region_code_code_pk" PRIMARY KEY("region_code","code")
);
