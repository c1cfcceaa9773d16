CREATE TABLE "spbe_practices" (
	"region_code" text NOT NULL,
	"framework_code" text NOT NULL,
	"indicator_code" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"sop" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"adopted_from" jsonb,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "spbe_practices_region_code_framework_code_indicator_code_pk" PRIMARY KEY("region_code","framework_code","indicator_code")
);
