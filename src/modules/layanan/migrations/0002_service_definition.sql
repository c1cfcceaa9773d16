-- Existing services and versions had no form, workflow, template or tariff: they get a new service's (no fields, check → decision → issue, a plain certificate, free); the defaults go once the rows have them.
ALTER TABLE "layanan_services" ADD COLUMN "form" jsonb DEFAULT '{"fields":[]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "layanan_services" ADD COLUMN "workflow" jsonb DEFAULT '{"stages":[{"key":"periksa","name":{"id":"Pemeriksaan berkas","en":"Document check"},"kind":"check","actor":{"role":"layanan_counter","unitId":null}},{"key":"keputusan","name":{"id":"Keputusan","en":"Decision"},"kind":"decision","actor":{"role":"unit_head","unitId":null}},{"key":"terbit","name":{"id":"Penerbitan","en":"Issuing"},"kind":"issue","actor":{"role":"layanan_counter","unitId":null}}]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "layanan_services" ADD COLUMN "result" jsonb DEFAULT '{"title":"SURAT KETERANGAN","paragraphs":["Menerangkan bahwa {{pemohon}} telah memperoleh layanan {{nama_layanan}} dengan nomor {{nomor}} pada tanggal {{tanggal}}."],"signer":"Kepala Perangkat Daerah"}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "layanan_services" ADD COLUMN "tariff" jsonb DEFAULT '{"kind":"free","payBeforeIssue":false}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "layanan_services" ALTER COLUMN "form" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "layanan_services" ALTER COLUMN "workflow" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "layanan_services" ALTER COLUMN "result" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "layanan_services" ALTER COLUMN "tariff" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "layanan_standard_versions" ADD COLUMN "form" jsonb DEFAULT '{"fields":[]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "layanan_standard_versions" ADD COLUMN "workflow" jsonb DEFAULT '{"stages":[{"key":"periksa","name":{"id":"Pemeriksaan berkas","en":"Document check"},"kind":"check","actor":{"role":"layanan_counter","unitId":null}},{"key":"keputusan","name":{"id":"Keputusan","en":"Decision"},"kind":"decision","actor":{"role":"unit_head","unitId":null}},{"key":"terbit","name":{"id":"Penerbitan","en":"Issuing"},"kind":"issue","actor":{"role":"layanan_counter","unitId":null}}]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "layanan_standard_versions" ADD COLUMN "result" jsonb DEFAULT '{"title":"SURAT KETERANGAN","paragraphs":["Menerangkan bahwa {{pemohon}} telah memperoleh layanan {{nama_layanan}} dengan nomor {{nomor}} pada tanggal {{tanggal}}."],"signer":"Kepala Perangkat Daerah"}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "layanan_standard_versions" ADD COLUMN "tariff" jsonb DEFAULT '{"kind":"free","payBeforeIssue":false}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "layanan_standard_versions" ALTER COLUMN "form" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "layanan_standard_versions" ALTER COLUMN "workflow" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "layanan_standard_versions" ALTER COLUMN "result" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "layanan_standard_versions" ALTER COLUMN "tariff" DROP DEFAULT;
