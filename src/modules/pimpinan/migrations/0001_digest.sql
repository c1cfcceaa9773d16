CREATE TABLE "pimpinan_digest_preferences" (
	"region_code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"day" smallint,
	CONSTRAINT "pimpinan_digest_preferences_region_code_user_id_pk" PRIMARY KEY("region_code","user_id"),
	CONSTRAINT "pimpinan_digest_day" CHECK ("pimpinan_digest_preferences"."day" between 1 and 7)
);
--> statement-breakpoint
CREATE TABLE "pimpinan_digests" (
	"region_code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"local_date" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pimpinan_digests_region_code_user_id_local_date_pk" PRIMARY KEY("region_code","user_id","local_date")
);
