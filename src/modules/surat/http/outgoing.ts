// HTTP for outgoing letters and memos: drafting, verification (paraf),
// signing and numbering, the signed PDF, sending; and what the region admin
// sets for them (numbering pattern, templates per document type).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { checkUploads, multipartReader, type UploadPolicy } from '../../../platform/files.js';
import { regionParam, text } from '../../../platform/http/schemas.js';
import { failures, fileAnswer, instant, sendAttachment } from '../../../platform/http/responses.js';
import { letterBodySchema, SECURITY_CLASSES, URGENCIES } from '../domain/letter.js';
import { LETTER_PATTERN_MAX } from '../domain/numbering.js';
import { createDraft, outgoingBox, outgoingLetter, review, submit, updateDraft } from '../service/outgoing.js';
import { listTemplates, numberingView, setNumbering, setTemplate } from '../service/settings.js';
import { addPaperScan, letterPdf, signLetter } from '../service/signing.js';
import { sendLetter } from '../service/sending.js';
import { filedIn } from './incoming.js';

const tags = ['surat'];
const PDF = 'application/pdf';
const R = '/api/regions/:region/surat';
const letterParam = regionParam.extend({ letterId: z.uuid() });
/** A scan of a letter signed on paper: one PDF, judged by its content. */
const scanPolicy: UploadPolicy = { types: [PDF], maxBytes: 5 * 1024 * 1024, maxFiles: 1, typeError: 'surat.not_pdf' };
const role = z.enum(['to', 'cc']).describe('to: tujuan; cc: tembusan / to: addressee; cc: copy');

const recipient = z.discriminatedUnion('kind', [
  z.object({ role, kind: z.literal('unit'), unitId: z.uuid().describe('Perangkat daerah di daerah ini / a unit of this region') }).strict(),
  z.object({ role, kind: z.literal('region'), regionCode: z.string().trim().min(2).max(10).describe('Kode daerah lain di instalasi ini, mis. 32 / another region on this installation') }).strict(),
  z.object({ role, kind: z.literal('email'), email: z.email().max(200), name: text(200) }).strict(),
]);

const draftInput = z.object({
  direction: z.enum(['outgoing', 'memo']).describe('outgoing: surat keluar; memo: nota dinas (hanya ke perangkat daerah sendiri) / memo: internal only'),
  unitId: z.uuid().describe('Perangkat daerah penyusun (kop surat) / the drafting unit (letterhead)'),
  documentTypeCode: z.string().max(100),
  classificationCode: z.string().trim().max(30).default('').describe('Kode klasifikasi arsip; tanpa kode: 422 surat.classification_unknown / archive classification code; none: 422'),
  security: z.enum(SECURITY_CLASSES), urgency: z.enum(URGENCIES),
  subject: text(500),
  body: letterBodySchema.extend({
    opening: z.string().trim().max(5_000).optional().describe('Kosong: dari templat jenis naskah / left out: from the type\'s template'),
    closing: z.string().trim().max(5_000).optional(),
  }),
  recipients: z.array(recipient).min(1).max(50),
  signerUserId: z.uuid(),
  signerPosition: text(200).describe('Jabatan penanda tangan, mis. Kepala Dinas / the signer\'s position'),
  verifierUserIds: z.array(z.uuid()).max(10).refine((v) => new Set(v).size === v.length, 'Verifikator tidak boleh berulang / no verifier twice').describe('Urutan paraf / in initialling order'),
}).strict();

const outgoingView = z.object({
  id: z.string(), direction: z.enum(['outgoing', 'memo']), status: z.string(), unitId: z.string(), unit: z.string(),
  documentTypeCode: z.string(), classificationCode: z.string(), security: z.string(), urgency: z.string(), subject: z.string(),
  body: letterBodySchema.extend({ content: z.string() }), number: z.string().nullable(), letterDate: z.string().nullable(),
  signerUserId: z.string().nullable().describe('Kosong untuk naskah yang dihasilkan modul lain / none for a letter another module produced'),
  signerName: z.string(), signerPosition: z.string(), signMethod: z.enum(['electronic', 'paper']).nullable(), signedAt: instant.nullable(),
  sha256: z.string().nullable(), verifierUserIds: z.array(z.string()),
  origin: z.string().describe('Asal naskah: pamong (disusun di sini), atau modul yang menghasilkannya: layanan (hasil layanan publik), complaints (pelimpahan pengaduan) / where it came from: drafted here, or the module that produced it'),
  revoked: z.object({ at: instant, reason: z.string() }).nullable().describe('Dicabut oleh modul penghasilnya, dengan alasannya / revoked by the module that produced it, with its reason'),
  recipients: z.array(z.object({
    role: z.string(), kind: z.string(), unitId: z.string().nullable(), regionCode: z.string().nullable(), email: z.string().nullable(), name: z.string(), deliveredAt: instant.nullable(),
  })),
  reviews: z.array(z.object({
    round: z.number().int(), step: z.number().int(), verifierUserId: z.string(), verifier: z.string(),
    status: z.enum(['waiting', 'pending', 'approved', 'returned']), note: z.string().nullable(), actedAt: instant.nullable(),
  })),
  file: filedIn,
  createdBy: z.string(), drafterUserId: z.string().nullable().describe('Penyusun: hanya dia yang mengubah draf / the drafter, who alone edits the draft'), createdAt: instant, updatedAt: instant,
}).meta({ id: 'SuratOutgoingLetter' });

const outgoingItem = z.object({
  id: z.string(), direction: z.enum(['outgoing', 'memo']), status: z.string(), unitId: z.string(), unitName: z.string(), number: z.string().nullable(), letterDate: z.string().nullable(),
  security: z.enum(SECURITY_CLASSES), urgency: z.enum(URGENCIES), signMethod: z.enum(['electronic', 'paper']).nullable(), updatedAt: instant,
  subject: z.string().nullable().describe('null: hanya terlihat keberadaannya (klasifikasi keamanan) / null: only seen to exist'),
  access: z.enum(['open', 'exists']),
}).meta({ id: 'SuratOutgoingListItem' });

const numberingAnswer = z.object({ pattern: z.string(), isDefault: z.boolean(), example: z.string(), updatedAt: instant.nullable(), updatedBy: z.string().nullable() }).meta({ id: 'SuratNumbering' });
const templateAnswer = z.object({
  documentTypeCode: z.string(), name: z.string(), layout: z.enum(['korespondensi', 'berjudul']), title: z.string().nullable(),
  opening: z.string(), closing: z.string(), isDefault: z.boolean(),
}).meta({ id: 'SuratTemplate' });

const draftFailures = ['surat.unit_not_yours', 'surat.unit_not_found', 'surat.document_type_unknown', 'surat.classification_unknown', 'surat.no_recipient',
  'surat.memo_internal', 'surat.region_not_found', 'surat.signer_not_allowed', 'surat.verifier_not_allowed'] as const;

export function outgoingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const region = (request: { region?: { code: string } | null }) => request.region!.code;

  r.get(`${R}/numbering`, {
    config: { access: 'surat.read' },
    schema: { tags, summary: 'Pola penomoran naskah dinas / The letter numbering pattern', params: regionParam, response: { 200: numberingAnswer } },
  }, async (request) => numberingView(ctx, region(request)));

  r.put(`${R}/numbering`, {
    config: { access: 'surat.configure' },
    schema: {
      tags, summary: 'Ubah pola penomoran naskah dinas / Change the letter numbering pattern', params: regionParam,
      description: 'Token: {nomor} (urutan, minimal 3 digit, mulai lagi tiap tahun), {klasifikasi}, {kode_unit}, {kode_jenis}, {kode_keamanan} (B/T/R/SR), {bulan_romawi}, {bulan}, {tahun}; {nomor} dan {tahun} wajib. Urutan dihitung per seri: nomor tanpa urutan dan bulannya. / Tokens as listed; {nomor} and {tahun} are required. The sequence counts per series: the number without its sequence and month.',
      body: z.object({ pattern: text(LETTER_PATTERN_MAX) }).strict(),
      response: { 200: numberingAnswer, ...failures('surat.pattern_invalid') },
    },
  }, async (request) => {
    await setNumbering(ctx, region(request), request.actor, request.body.pattern);
    return numberingView(ctx, region(request));
  });

  r.get(`${R}/templates`, {
    config: { access: 'surat.read' },
    schema: { tags, summary: 'Templat pembuka dan penutup per jenis naskah / Opening and closing per document type', params: regionParam, response: { 200: z.array(templateAnswer) } },
  }, async (request) => listTemplates(ctx, region(request)));

  r.put(`${R}/templates/:documentTypeCode`, {
    config: { access: 'surat.configure' },
    schema: {
      tags, summary: 'Ubah templat satu jenis naskah / Change one document type\'s template', params: regionParam.extend({ documentTypeCode: z.string().max(100) }),
      body: z.object({ opening: z.string().trim().max(5_000), closing: z.string().trim().max(5_000) }).strict(),
      response: { 200: z.array(templateAnswer), ...failures('surat.document_type_unknown') },
    },
  }, async (request) => {
    await setTemplate(ctx, region(request), request.actor, request.params.documentTypeCode, request.body);
    return listTemplates(ctx, region(request));
  });

  r.post(`${R}/outgoing`, {
    config: { access: 'surat.draft' },
    schema: {
      tags, summary: 'Susun draf surat keluar atau nota dinas / Draft an outgoing letter or memo', params: regionParam, body: draftInput,
      description: 'Pembuka dan penutup yang tidak diisi diambil dari templat jenis naskah. / Opening and closing left out come from the type\'s template.',
      response: { 200: outgoingView, ...failures(...draftFailures) },
    },
  }, async (request) => {
    const { id } = await createDraft(ctx, region(request), request.actor, request.body);
    return outgoingLetter(ctx, region(request), request.actor, id);
  });

  r.get(`${R}/outgoing`, {
    config: { access: 'surat.read' },
    schema: {
      tags, summary: 'Naskah keluar saya: draf, perlu paraf, perlu tanda tangan, sudah ditandatangani / My outgoing letters: drafts, to initial, to sign, signed', params: regionParam,
      description: 'mine: yang saya susun dan belum ditandatangani; to_verify: menunggu paraf saya; to_sign: menunggu tanda tangan saya; signed: yang sudah ditandatangani dan boleh saya lihat, yang belum dikirim lebih dulu. / mine: drafted by me, not signed yet; to_verify: awaiting my initials; to_sign: awaiting my signature; signed: signed ones I may see, unsent first.',
      querystring: z.object({
        box: z.enum(['mine', 'to_verify', 'to_sign', 'signed']).default('mine'),
        limit: z.coerce.number().int().min(1).max(100).default(25), offset: z.coerce.number().int().min(0).max(100_000).default(0),
      }),
      response: { 200: z.object({ items: z.array(outgoingItem), hasMore: z.boolean() }) },
    },
  }, async (request) => outgoingBox(ctx, region(request), request.actor, request.query.box, request.query.limit, request.query.offset));

  r.get(`${R}/outgoing/:letterId`, {
    config: { access: 'surat.read' },
    schema: { tags, summary: 'Satu surat keluar atau nota dinas / One outgoing letter or memo', params: letterParam, response: { 200: outgoingView, ...failures('surat.letter_not_found', 'surat.letter_closed', 'surat.wrong_direction') } },
  }, async (request) => outgoingLetter(ctx, region(request), request.actor, request.params.letterId));

  r.put(`${R}/outgoing/:letterId`, {
    config: { access: 'surat.draft' },
    schema: {
      tags, summary: 'Ubah draf (penyusunnya, selama draf atau dikembalikan) / Change a draft (its drafter, while draft or returned)', params: letterParam, body: draftInput,
      response: { 200: outgoingView, ...failures('surat.letter_not_found', 'surat.not_drafter', 'surat.not_draft', 'surat.wrong_direction', ...draftFailures) },
    },
  }, async (request) => {
    await updateDraft(ctx, region(request), request.actor, request.params.letterId, request.body);
    return outgoingLetter(ctx, region(request), request.actor, request.params.letterId);
  });

  r.post(`${R}/outgoing/:letterId/submit`, {
    config: { access: 'surat.draft' },
    schema: {
      tags, summary: 'Ajukan draf untuk paraf (lagi: putaran baru) / Submit a draft for initials (again: a new round)', params: letterParam,
      description: 'Tanpa verifikator, naskah langsung menunggu tanda tangan. / Without verifiers it goes straight to its signer.',
      body: z.object({}).strict().nullish(),
      response: { 200: outgoingView, ...failures('surat.letter_not_found', 'surat.not_drafter', 'surat.not_draft', 'surat.wrong_direction') },
    },
  }, async (request) => {
    await submit(ctx, region(request), request.actor, request.params.letterId);
    return outgoingLetter(ctx, region(request), request.actor, request.params.letterId);
  });

  r.post(`${R}/outgoing/:letterId/review`, {
    config: { access: 'surat.read' },
    schema: {
      tags, summary: 'Paraf atau kembalikan dengan catatan (verifikator giliran ini) / Initial or return with notes (this turn\'s verifier)', params: letterParam,
      body: z.discriminatedUnion('action', [
        z.object({ action: z.literal('approve'), note: z.string().trim().max(2_000).optional() }).strict(),
        z.object({ action: z.literal('return'), note: text(2_000).describe('Catatan untuk penyusun, wajib / notes for the drafter, required') }).strict(),
      ]),
      response: { 200: outgoingView, ...failures('surat.letter_not_found', 'surat.review_not_yours', 'surat.wrong_direction') },
    },
  }, async (request) => {
    await review(ctx, region(request), request.actor, request.params.letterId, request.body.action, request.body.note || undefined);
    return outgoingLetter(ctx, region(request), request.actor, request.params.letterId);
  });

  r.post(`${R}/outgoing/:letterId/sign`, {
    config: { access: 'surat.read' },
    schema: {
      tags, summary: 'Tandatangani dan beri nomor (penanda tangan naskah) / Sign and number (the letter\'s signer)', params: letterParam,
      description: 'electronic: dengan sertifikat daerah (modul layanan); paper: penanda tangan menyatakan sudah menandatangani basah. Nomor diberikan saat ini, sekali. / electronic: with the region\'s certificate; paper: the signer confirms a wet signature. The number is given now, once.',
      body: z.object({ method: z.enum(['electronic', 'paper']) }).strict(),
      response: {
        200: z.object({ number: z.string(), sha256: z.string(), verifyUrl: z.string() }),
        ...failures('surat.letter_not_found', 'surat.already_signed', 'surat.not_ready_to_sign', 'surat.not_signer', 'surat.no_signer_certificate', 'surat.wrong_direction'),
      },
    },
  }, async (request) => signLetter(ctx, region(request), request.actor, request.params.letterId, request.body.method));

  r.post(`${R}/outgoing/:letterId/scan`, {
    config: { access: 'surat.read', bodyTypes: ['multipart'] },
    preValidation: multipartReader('options', 'file', scanPolicy),
    schema: {
      tags, summary: 'Unggah pindaian naskah bertanda tangan basah (opsional) / Upload the scan of a letter signed on paper (optional)', params: letterParam,
      description: 'multipart/form-data dengan satu berkas `file` (PDF, maks. 5 MB, diperiksa dari isinya); penanda tangan atau pencatat surat perangkat daerahnya. / one `file` (PDF, 5 MB, checked by content); its signer or its unit\'s clerk.',
      body: z.object({}).nullish(),
      response: {
        200: z.object({ id: z.string(), fileName: z.string(), size: z.number().int(), sha256: z.string() }),
        ...failures('surat.letter_not_found', 'surat.not_signed', 'surat.not_signer', 'surat.not_pdf', 'surat.wrong_direction'),
      },
    },
  }, async (request) => {
    const [file] = await checkUploads(request.uploads, scanPolicy);
    if (!file) throw new AppError('surat.not_pdf');
    return addPaperScan(ctx, region(request), request.actor, request.params.letterId, file);
  });

  r.get(`${R}/outgoing/:letterId/pdf`, {
    config: { access: 'surat.read' },
    schema: { tags, summary: 'PDF naskah yang ditandatangani / The signed letter\'s PDF', params: letterParam, response: { 200: fileAnswer('PDF final, byte demi byte / the final PDF, byte for byte', PDF), ...failures('surat.letter_not_found', 'surat.not_signed') } },
  }, async (request, reply) => sendAttachment(reply, await letterPdf(ctx, region(request), request.actor, request.params.letterId), PDF));

  r.post(`${R}/outgoing/:letterId/send`, {
    config: { access: 'surat.send' },
    schema: {
      tags, summary: 'Kirim naskah yang ditandatangani (pencatat surat perangkat daerahnya, sekali) / Send a signed letter (its unit\'s clerk, once)', params: letterParam,
      description: 'Ke perangkat daerah: naskah masuk di registernya; ke daerah lain di instalasi ini: naskah masuk di register daerah itu; ke alamat email: email dengan PDF terlampir. Tembusan sama. / To a unit: an incoming letter in its register; to another region: in that region\'s register; to an email: an email with the PDF. Copies likewise.',
      body: z.object({}).strict().nullish(),
      response: { 200: outgoingView, ...failures('surat.letter_not_found', 'surat.already_sent', 'surat.not_signed', 'surat.unit_not_yours', 'surat.wrong_direction') },
    },
  }, async (request) => {
    await sendLetter(ctx, region(request), request.actor, request.params.letterId);
    return outgoingLetter(ctx, region(request), request.actor, request.params.letterId);
  });
}
