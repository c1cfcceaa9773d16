// HTTP for a plan as an Excel workbook: the export (also the blank template,
// when the plan is new) and the import that replaces a draft's structure.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { multipartReader } from '../../../platform/files.js';
import { regionParam } from '../../../platform/http/schemas.js';
import { failures, fileAnswer, sendAttachment } from '../../../platform/http/responses.js';
import { planSummary } from '../service/plans.js';
import { exportPlanWorkbook, importPlanWorkbook, workbookUploadPolicy, XLSX_TYPE } from '../service/workbook.js';
import * as answers from './responses.js';

const tags = ['sakip'];
const planParam = regionParam.extend({ planId: z.uuid() });
const counts = z.object({ nodes: z.number().int(), indicators: z.number().int(), targets: z.number().int() });
const imported = z.object({
  plan: answers.plan,
  imported: counts.describe('Yang dimasukkan dari buku kerja / what the workbook brought in'),
  replaced: counts.describe('Yang digantikan / what it replaced'),
}).meta({ id: 'SakipWorkbookImport' });

export function sakipWorkbookRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const P = '/api/regions/:region/sakip/plans/:planId';

  r.get(`${P}/export.xlsx`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Unduh rencana sebagai buku kerja Excel (juga templat kosong) / Download the plan as an Excel workbook (also the blank template)', params: planParam,
      description: 'Lembar Petunjuk, Pohon Kinerja, Indikator, Target (satu kolom per tahun), Perangkat Daerah dan Daftar Sasaran. Ekspor rencana baru yang masih kosong adalah templatnya. Angka ditulis sebagai angka Excel dengan desimal tersimpannya; yang lebih dari 15 digit sebagai teks agar tepat. / Sheets for instructions, the tree, indicators, targets (a column per year) and the lists cells refer to. A new, empty plan\'s export is the template. Figures are Excel numbers with their stored decimals; over 15 digits, exact text.',
      response: { 200: fileAnswer('Buku kerja XLSX / an XLSX workbook', XLSX_TYPE), ...failures('sakip.plan_not_found') },
    },
  }, async (request, reply) => {
    return sendAttachment(reply, await exportPlanWorkbook(ctx, request.region!.code, request.params.planId), XLSX_TYPE);
  });

  r.post(`${P}/import`, {
    config: { access: 'sakip.plan', bodyTypes: ['multipart'] },
    preValidation: multipartReader('options', 'file', workbookUploadPolicy),
    schema: {
      tags, summary: 'Impor buku kerja Excel: ganti susunan rencana draf / Import an Excel workbook: replace a draft plan\'s structure', params: planParam,
      description: 'multipart/form-data dengan satu berkas `file` (.xlsx dari ekspor/templat, maks. 5 MB, diperiksa dari isinya). Mengganti seluruh simpul, indikator dan target rencana draf dalam satu transaksi: semua atau tidak sama sekali. Masalah isi dijawab sekaligus sebagai sakip.workbook_invalid dengan details.problems (lembar, baris seperti di Excel dengan judul = baris 1, kolom dan judulnya, kode, pesan dua bahasa). Ditolak bila rencana aktif atau punya riwayat (realisasi, revisi target, simpul yang didukung rencana lain). / multipart/form-data with one `file` (.xlsx from the export or template, 5 MB max, checked by content). Replaces every node, indicator and target of a draft plan in one transaction, all or nothing. Content problems come at once as sakip.workbook_invalid with details.problems (sheet, row as Excel numbers it with the header as row 1, column and its header, code, message in both languages). Refused for an active plan or one with history (realisations, revised targets, nodes other plans cascade from).',
      body: z.object({}).nullish().describe('Tidak ada isian selain berkas / no fields besides the file'),
      response: {
        200: imported,
        ...failures('sakip.plan_not_found', 'sakip.not_your_unit', 'sakip.coordinator_only', 'sakip.plan_active', 'sakip.import_discards_history',
          'sakip.workbook_not_xlsx', 'sakip.workbook_too_large', 'sakip.workbook_unreadable', 'sakip.workbook_invalid'),
      },
    },
  }, async (request) => {
    const result = await importPlanWorkbook(ctx, request.region!.code, request.actor, request.params.planId, request.uploads);
    return { plan: await planSummary(ctx, request.region!.code, request.params.planId), ...result };
  });
}
