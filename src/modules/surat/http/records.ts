// HTTP for filing and retention: the retention schedule (JRA), files
// (berkas), the files due, and disposal proposals with their minutes. Which
// unit's files a clerk keeps, and that a proposer never decides, are the
// service's checks.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { can, type Actor } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors.js';
import { multipartReader } from '../../../platform/files.js';
import { regionParam, text } from '../../../platform/http/schemas.js';
import { failures, fileAnswer, instant, oneOf, sendAttachment } from '../../../platform/http/responses.js';
import { FATES } from '../domain/retention.js';
import {
  addLetterToFile, closeFile, createFile, decideDisposal, disposalMinutesFile, dueFiles, exportRetention, getFile, importRetention, listDisposals, listFiles, listRetention,
  proposeDisposal, setRetention,
} from '../service/records.js';

const tags = ['surat'];
const classificationCode = z.string().regex(/^\d{3}(\.\d+){0,3}$/).describe('Kode klasifikasi arsip, mis. 000.1 / archive classification code');
const localDate = z.iso.date();
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fate = z.enum(FATES).describe('Nasib akhir: musnah, dinilai_kembali, permanen / final fate');
const years = z.number().int().min(0).max(100);

const retentionRow = z.object({
  classificationCode: z.string(), name: z.string(), activeYears: z.number().int(), inactiveYears: z.number().int(), fate, note: z.string(), updatedAt: instant,
}).meta({ id: 'SuratRetention' });
const file = z.object({
  id: z.uuid(), unitId: z.uuid(), unitName: z.string(), classificationCode: z.string(), title: z.string(), description: z.string(),
  status: oneOf(['open', 'closed', 'transferred', 'destroyed', 'permanent']), openedOn: localDate, closedOn: localDate.nullable(),
  activeUntil: localDate.nullable().describe('Masa aktif berakhir; sejak tanggal ini berkas siap dipindahkan / end of the active period; due for transfer from this date'),
  inactiveUntil: localDate.nullable().describe('Masa inaktif berakhir; sejak tanggal ini berkas siap untuk nasib akhirnya / end of the inactive period'),
  fate: oneOf(FATES).nullable(), letters: z.number().int().describe('Jumlah naskah dalam berkas / letters in the file'),
}).meta({ id: 'SuratFile' });
const fileDetail = file.extend({
  letterList: z.array(z.object({
    id: z.uuid(), direction: z.string(), number: z.string().nullable(), letterDate: localDate.nullable(), subject: z.string(), security: z.string(),
    classificationCode: z.string(), filedAt: instant.nullable(), hasPdf: z.boolean(),
  })),
}).meta({ id: 'SuratFileDetail' });
const action = z.enum(['transfer', 'destroy', 'permanent']).describe('transfer: pindah ke pusat arsip; destroy: musnah; permanent: serah sebagai arsip statis / transfer, destroy, keep permanently');
const disposal = z.object({
  id: z.uuid(), action, status: oneOf(['proposed', 'approved', 'rejected']), fileIds: z.array(z.uuid()), reason: z.string(), proposedAt: instant, proposedBy: z.string(),
  decidedAt: instant.nullable(), decidedBy: z.string().nullable(), decisionNote: z.string().nullable(), hasMinutes: z.boolean(),
  files: z.array(file).describe('Berkas yang diusulkan, dengan status kini / the files proposed, as they are now'),
}).meta({ id: 'SuratDisposal' });
const fileParam = regionParam.extend({ fileId: z.uuid() });
const disposalParam = regionParam.extend({ disposalId: z.uuid() });

/** A schedule is a few hundred rows. */
const scheduleUpload = { types: [XLSX_TYPE, 'text/csv'], maxBytes: 2 * 1024 * 1024, maxFiles: 1, typeError: 'surat.retention_invalid' } as const;

/** Proposals are the records manager's and the decider's business, not every correspondence role's. */
function requireDisposalReader(actor: Actor, regionCode: string) {
  if (!can(actor, 'surat.retention', regionCode) && !can(actor, 'surat.disposal.decide', regionCode)) throw new AppError('auth.forbidden');
}

export const suratRecordsRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const B = '/api/regions/:region/surat';

  r.get(`${B}/retention`, {
    config: { access: 'surat.file' },
    schema: { tags, summary: 'Jadwal retensi arsip (JRA) daerah / The region\'s retention schedule', params: regionParam, response: { 200: z.array(retentionRow) } },
  }, async (request) => listRetention(ctx.database.db, request.region!.code));

  r.get(`${B}/retention.xlsx`, {
    config: { access: 'surat.file' },
    schema: {
      tags, summary: 'JRA sebagai Excel, dalam kolom yang dibaca impor / The schedule as Excel, in the columns the import reads', params: regionParam,
      response: { 200: fileAnswer('Buku kerja JRA / the schedule workbook', XLSX_TYPE) },
    },
  }, async (request, reply) => sendAttachment(reply, await exportRetention(ctx.database.db, request.region!), XLSX_TYPE));

  r.put(`${B}/retention/:code`, {
    config: { access: 'surat.retention' },
    schema: {
      tags, summary: 'Mengatur satu baris JRA (pengelola arsip) / Set one schedule row (records manager)', params: regionParam.extend({ code: classificationCode }),
      description: 'Baris berlaku untuk kode itu dan kode di bawahnya yang tidak punya baris sendiri. Berkas yang sudah ditutup tetap memakai masa retensi yang diberikan saat ditutup. / A row covers its code and the codes under it without their own row. Files already closed keep the periods they were given.',
      body: z.object({ activeYears: years, inactiveYears: years, fate, note: z.string().trim().max(500).optional() }).strict(),
      response: { 200: z.object({ classificationCode: z.string(), activeYears: z.number().int(), inactiveYears: z.number().int(), fate, note: z.string() }), ...failures('surat.classification_unknown') },
    },
  }, async (request) => setRetention(ctx, request.region!.code, request.actor, request.params.code, request.body));

  r.post(`${B}/retention/import`, {
    config: { access: 'surat.retention', bodyTypes: ['multipart'] },
    preValidation: multipartReader('options', 'file', scheduleUpload),
    schema: {
      tags, summary: 'Mengimpor seluruh JRA dari CSV atau Excel (pengelola arsip) / Import the whole schedule from CSV or Excel (records manager)', params: regionParam,
      description: 'multipart/form-data `file`: .csv UTF-8 (koma atau titik koma) atau .xlsx (lembar pertama), maks. 2 MB. Baris 1 judul: Kode klasifikasi, Aktif (tahun), Inaktif (tahun), Keterangan/nasib akhir (musnah | dinilai kembali | permanen), Catatan (opsional). Isi berkas menggantikan seluruh JRA daerah; semua baris benar atau tidak ada yang disimpan (surat.retention_invalid dengan daftar masalah per baris). / The file replaces the whole schedule; every row valid or nothing saved.',
      body: z.object({}).nullish(),
      response: { 200: z.object({ rows: z.number().int(), removed: z.number().int().describe('Baris lama yang tidak ada di berkas / old rows not in the file') }), ...failures('surat.retention_invalid') },
    },
  }, async (request) => {
    const [upload] = request.uploads;
    if (!upload) throw new AppError('request.invalid', { file: 'one .csv or .xlsx file is required' });
    return importRetention(ctx, request.region!.code, request.actor, upload.data);
  });

  r.get(`${B}/files`, {
    config: { access: 'surat.file' },
    schema: {
      tags, summary: 'Berkas arsip per unit, dengan jumlah naskahnya / Record files per unit, with their letter counts', params: regionParam,
      description: 'Pencatat surat melihat berkas unitnya; pengelola arsip semua unit. / A clerk sees their units\' files; the records manager every unit\'s.',
      querystring: z.object({ unit: z.uuid().optional(), status: z.enum(['open', 'closed', 'transferred', 'destroyed', 'permanent']).optional() }),
      response: { 200: z.array(file), ...failures('surat.unit_not_yours') },
    },
  }, async (request) => listFiles(ctx.database.db, request.region!.code, request.actor, { unitId: request.query.unit, status: request.query.status }));

  r.post(`${B}/files`, {
    config: { access: 'surat.file' },
    schema: {
      tags, summary: 'Membuat berkas arsip di bawah satu kode klasifikasi / Create a record file under a classification code', params: regionParam,
      body: z.object({ unitId: z.uuid(), classificationCode, title: text(300), description: z.string().trim().max(2000).optional() }).strict(),
      response: { 200: file, ...failures('surat.unit_not_found', 'surat.unit_not_yours', 'surat.classification_unknown') },
    },
  }, async (request) => createFile(ctx, request.region!, request.actor, request.body));

  r.get(`${B}/files/due`, {
    config: { access: 'surat.retention' },
    schema: {
      tags, summary: 'Berkas yang jatuh tempo: dipindahkan, atau nasib akhirnya (pengelola arsip) / Files due: for transfer, or for their fate (records manager)', params: regionParam,
      querystring: z.object({ date: localDate.optional().describe('Bawaan hari ini di daerah / by default the region\'s today') }),
      response: { 200: z.object({ date: localDate, files: z.array(file.extend({ due: z.enum(['transfer', 'fate']) })) }) },
    },
  }, async (request) => dueFiles(ctx, request.region!, request.query.date));

  r.get(`${B}/files/:fileId`, {
    config: { access: 'surat.file' },
    schema: { tags, summary: 'Satu berkas dan naskahnya / One file and its letters', params: fileParam, response: { 200: fileDetail, ...failures('surat.file_not_found') } },
  }, async (request) => getFile(ctx.database.db, request.region!.code, request.actor, request.params.fileId));

  r.post(`${B}/files/:fileId/letters`, {
    config: { access: 'surat.file' },
    schema: {
      tags, summary: 'Memberkaskan naskah / File a letter', params: fileParam,
      description: 'Naskah yang boleh Anda buka, dari unit berkas, dengan klasifikasi di bawah kode berkas, ke berkas yang masih terbuka. / A letter you may open, of the file\'s unit, classified under the file\'s code, into an open file.',
      body: z.object({ letterId: z.uuid() }).strict(),
      response: { 200: file, ...failures('surat.file_not_found', 'surat.file_closed', 'surat.file_classification', 'surat.letter_not_found', 'surat.letter_closed') },
    },
  }, async (request) => addLetterToFile(ctx, request.region!.code, request.actor, request.params.fileId, request.body.letterId));

  r.post(`${B}/files/:fileId/close`, {
    config: { access: 'surat.file' },
    schema: {
      tags, summary: 'Menutup berkas: masa retensinya ditetapkan dari JRA / Close a file: its periods come from the schedule', params: fileParam,
      response: { 200: file, ...failures('surat.file_not_found', 'surat.file_closed', 'surat.no_retention') },
    },
  }, async (request) => closeFile(ctx, request.region!, request.actor, request.params.fileId));

  r.get(`${B}/disposals`, {
    config: { access: 'surat.read' },
    schema: { tags, summary: 'Usul penyusutan arsip / Disposal proposals', params: regionParam, response: { 200: z.array(disposal) } },
  }, async (request) => {
    requireDisposalReader(request.actor, request.region!.code);
    return listDisposals(ctx.database.db, request.region!.code);
  });

  r.post(`${B}/disposals`, {
    config: { access: 'surat.retention' },
    schema: {
      tags, summary: 'Mengusulkan penyusutan (pengelola arsip) / Propose a disposal (records manager)', params: regionParam,
      description: 'Semua berkas harus sudah jatuh tempo untuk tindakan itu: pindah setelah masa aktif; musnah atau permanen setelah masa inaktif sesuai nasib akhirnya (dinilai kembali: keduanya); berkas yang sudah ada dalam usul yang menunggu keputusan tidak diusulkan lagi (surat.disposal_pending). / Every file must be due for the action, and in no other proposal awaiting a decision.',
      body: z.object({ action, fileIds: z.array(z.uuid()).min(1).max(500), reason: text(2000) }).strict(),
      response: { 200: disposal, ...failures('surat.file_not_found', 'surat.not_due', 'surat.disposal_pending') },
    },
  }, async (request) => proposeDisposal(ctx, request.region!, request.actor, request.body));

  r.post(`${B}/disposals/:disposalId/decision`, {
    config: { access: 'surat.disposal.decide' },
    schema: {
      tags, summary: 'Menyetujui atau menolak usul penyusutan (kepala daerah atau admin daerah, bukan pengusul) / Approve or reject a proposal (not its proposer)', params: disposalParam,
      description: 'Persetujuan mengubah status berkas dan membuat berita acara (PDF). Pemusnahan menghapus PDF dan lampiran naskahnya; nomor, tanggal dan perihal tetap di register. / Approval changes the files\' status and makes the minutes; destruction removes the letters\' PDFs and attachments, their register entries stay.',
      body: z.object({ approve: z.boolean(), note: z.string().trim().max(2000).default('') }).strict(),
      response: { 200: disposal, ...failures('surat.disposal_not_found', 'surat.disposal_own', 'surat.disposal_decided', 'surat.not_due', 'surat.file_not_found') },
    },
  }, async (request) => decideDisposal(ctx, request.region!, request.actor, request.params.disposalId, request.body));

  r.get(`${B}/disposals/:disposalId/minutes.pdf`, {
    config: { access: 'surat.read' },
    schema: {
      tags, summary: 'Berita acara penyusutan yang disetujui (PDF) / The minutes of an approved disposal', params: disposalParam,
      response: { 200: fileAnswer('Berita acara / minutes', 'application/pdf'), ...failures('surat.disposal_not_found') },
    },
  }, async (request, reply) => {
    requireDisposalReader(request.actor, request.region!.code);
    return sendAttachment(reply, await disposalMinutesFile(ctx.database.db, request.region!.code, request.params.disposalId), 'application/pdf');
  });
};
