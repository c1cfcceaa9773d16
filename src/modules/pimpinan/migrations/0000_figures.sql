CREATE TABLE "pimpinan_figure_months" (
	"region_code" text NOT NULL,
	"module" text NOT NULL,
	"key" text NOT NULL,
	"month" text NOT NULL,
	"value" numeric,
	"taken_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pimpinan_figure_months_region_code_module_key_month_pk" PRIMARY KEY("region_code","module","key","month")
);
--> statement-breakpoint
CREATE TABLE "pimpinan_figures" (
	"region_code" text NOT NULL,
	"module" text NOT NULL,
	"key" text NOT NULL,
	"value" numeric,
	"unit" jsonb,
	"tone" text,
	"as_of" timestamp with time zone NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pimpinan_figures_region_code_module_key_pk" PRIMARY KEY("region_code","module","key")
);
--> statement-breakpoint
CREATE TABLE "pimpinan_refreshes" (
	"region_code" text PRIMARY KEY NOT NULL,
	"next_at" timestamp with time zone NOT NULL,
	"last_run_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "pimpinan_refreshes_next_idx" ON "pimpinan_refreshes" USING btree ("next_at");