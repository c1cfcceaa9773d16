// HTTP for the exchange with SRIKANDI by files: a unit's letters of a period
// as a package (ZIP with naskah.json and PDFs), and a package imported as
// incoming letters. The format is in domain/exchange.ts and the README.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { multipartReader } from '../../../platform/files.js';
import { regionParam } from '../../../platform/http/schemas.js';
import { failures, fileAnswer, sendAttachment } from '../../../platform/http/responses.js';
import { exportPackage, importPackage } from '../service/exchange.js';

const tags = ['surat'];
const MAX_DAYS = 366;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** One package; a year of a unit's scanned letters fits. */
const packageUpload = { types: ['application/zip'], maxBytes: 200 * 1024 * 1024, maxFiles: 1, typeError: 'surat.import_format' } as const;

export const suratExchangeRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const B = '/api/regions/:region/surat/exchange';

  r.get(`${B}/export`, {
    config: { access: 'surat.exchange' },
    schema: {
      tags, summary: 'Mengekspor naskah satu unit dalam satu periode sebagai paket pertukaran (ZIP) / Export a unit\'s letters of a period as an exchange package', params: regionParam,
      description: `ZIP berisi naskah.json (format pamong-naskah-dinas versi 1, lihat README) dan PDF naskah yang boleh Anda buka, bertanggal dalam periode (paling lama ${MAX_DAYS} hari). Naskah yang hanya boleh Anda ketahui keberadaannya tidak ikut. / A ZIP holding naskah.json and the PDFs of the letters you may open, dated in the period (at most ${MAX_DAYS} days).`,
      querystring: z.object({ unit: z.uuid(), from: z.iso.date(), to: z.iso.date() })
        .refine((q) => days(q.from, q.to) >= 0 && days(q.from, q.to) < MAX_DAYS, { message: `from ≤ to, paling lama ${MAX_DAYS} hari / at most ${MAX_DAYS} days`, path: ['to'] }),
      response: { 200: fileAnswer('Paket pertukaran naskah / letter-exchange package', 'application/zip'), ...failures('surat.unit_not_found', 'surat.unit_not_yours') },
    },
  }, async (request, reply) => {
    const { unit, from, to } = request.query;
    return sendAttachment(reply, await exportPackage(ctx, request.region!, request.actor, { unitId: unit, from, to }), 'application/zip');
  });

  r.post(`${B}/import`, {
    config: { access: 'surat.exchange', bodyTypes: ['multipart'] },
    preValidation: multipartReader('options', 'file', packageUpload),
    schema: {
      tags, summary: 'Mengimpor paket pertukaran sebagai naskah masuk satu unit / Import an exchange package as a unit\'s incoming letters', params: regionParam,
      description: 'multipart/form-data: `file` (ZIP, maks. 200 MB) dan `options` (JSON {"unitId": "…"}). Semua naskah dalam paket dicatat sebagai naskah masuk di agenda unit itu (tahun berjalan di daerah); naskah yang ref-nya sudah pernah diimpor dilewati. Paket dengan masalah apa pun (bukan ZIP, tanpa naskah.json, format atau versi lain, isian salah, berkas bukan PDF) ditolak utuh: surat.import_format dengan daftar masalah. / Every letter becomes an incoming letter of the unit\'s register; refs already imported are skipped; a package with any problem is refused whole.',
      body: z.object({ unitId: z.uuid() }).strict(),
      response: {
        200: z.object({
          imported: z.array(z.object({ id: z.uuid(), ref: z.string(), agendaNumber: z.number().int() })),
          skipped: z.array(z.string()).describe('Ref naskah yang sudah ada / refs already held'),
        }).meta({ id: 'SuratImport' }),
        ...failures('surat.import_format', 'surat.unit_not_found', 'surat.unit_not_yours'),
      },
    },
  }, async (request) => {
    const [upload] = request.uploads;
    if (!upload) throw new AppError('request.invalid', { file: 'one .zip file is required' });
    return importPackage(ctx, request.region!, request.actor, request.body.unitId, upload.data);
  });
};
