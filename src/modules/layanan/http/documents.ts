// HTTP for issued documents: staff list, download and revoke them, set the
// numbering pattern, each unit's letterhead and the region's signer, and
// preview a letter; anyone holding a document's token verifies it at a short
// address (the QR code's: the platform's route asks module.ts verifyDocument),
// and may check a file against it here.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { checkUploads, multipartReader, type UploadPolicy } from '../../../platform/files.js';
import { paging, regionParam, text } from '../../../platform/http/schemas.js';
import { failures, fileAnswer, instant, ok, sendAttachment } from '../../../platform/http/responses.js';
import { AppError } from '../../../platform/errors.js';
import { PATTERN_MAX } from '../domain/numbering.js';
import { checkDocumentFile, documentPdf, listDocuments, revokeDocument } from '../service/documents.js';
import { numberingView, setLetterhead, setNumbering, unitLetterhead } from '../service/document-settings.js';
import { previewLetter } from '../service/preview.js';
import { setLocalSigner, setRemoteSigner, signerView } from '../service/signer.js';

const tags = ['layanan'];
const PDF = 'application/pdf';
const D = '/api/regions/:region/layanan/documents';
const documentParam = regionParam.extend({ documentId: z.uuid() });
// Any string up to a bound: a wrong or guessed token is a 404 like an unknown one, never a hint about the shape.
const tokenParam = z.object({ token: z.string().max(64) });
const kind = z.enum(['result', 'receipt']);

const documentBrief = z.object({
  id: z.string(), kind, number: z.string(), title: z.string(), holder: z.string(),
  serviceId: z.string().nullable(), unitId: z.string().nullable(), applicationId: z.string().nullable(), billId: z.string().nullable(),
  issuedAt: instant, issuedBy: z.string(), sha256: z.string(), verifyUrl: z.string(), signer: z.string().nullable(),
  revokedAt: instant.nullable(), revokedBy: z.string().nullable(), revokeReason: z.string().nullable(),
}).meta({ id: 'LayananDocument' });

const letterheadInput = z.object({
  address: z.string().trim().max(300), phone: z.string().trim().max(100), email: z.string().trim().max(200),
  place: text(100).describe('Tempat penandatanganan / where letters are signed'),
  signerPosition: text(200).describe('Jabatan penanda tangan / the signer\'s position'), signerName: z.string().trim().max(200),
});
const letterheadAnswer = letterheadInput.extend({
  unit: z.object({ id: z.string(), name: z.string() }), isDefault: z.boolean(),
  printed: z.object({ government: z.string(), unit: z.string().nullable(), lines: z.array(z.string()), place: z.string(), signerPosition: z.string(), signerName: z.string() }),
  updatedAt: instant.nullable(), updatedBy: z.string().nullable(),
}).meta({ id: 'LayananLetterhead' });

const numberingAnswer = z.object({ pattern: z.string(), isDefault: z.boolean(), example: z.string(), updatedAt: instant.nullable(), updatedBy: z.string().nullable() }).meta({ id: 'LayananNumbering' });

const signerAnswer = z.object({
  provider: z.enum(['local', 'remote']).nullable().describe('null: dokumen tidak ditandatangani elektronik / documents are not signed'),
  certificate: z.object({ subject: z.string(), issuer: z.string(), notBefore: instant, notAfter: instant, fingerprint: z.string(), validNow: z.boolean() }).nullable(),
  remote: z.object({ url: z.string(), clientId: z.string(), signerId: z.string() }).nullable(),
  updatedAt: instant.nullable(), updatedBy: z.string().nullable(),
}).meta({ id: 'LayananSigner' });

/** Files checked against a document, and certificates uploaded: small, and judged by their content. */
const checkPolicy: UploadPolicy = { types: [PDF], maxBytes: 10 * 1024 * 1024, maxFiles: 1, typeError: 'layanan.check_not_pdf' };
const p12Policy = { maxBytes: 64 * 1024, maxFiles: 1 };

export function layananDocumentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const perMinute = (name: string, max: number) => [{ name, max, windowSeconds: 60 }];

  r.get(D, {
    config: { access: 'layanan.read' },
    schema: {
      tags, summary: 'Dokumen terbitan daerah, terbaru dahulu / The region\'s issued documents, newest first', params: regionParam,
      querystring: z.object({ q: z.string().trim().max(100).optional().describe('Cari nomor atau nama pemegang / search number or holder'), ...paging }),
      response: { 200: z.object({ total: z.number().int(), items: z.array(documentBrief) }) },
    },
  }, async (request) => listDocuments(ctx, request.region!.code, { q: request.query.q || undefined, limit: request.query.limit, offset: request.query.offset }));

  r.get(`${D}/:documentId/pdf`, {
    config: { access: 'layanan.read' },
    schema: { tags, summary: 'Unduh PDF dokumen terbitan / Download an issued document\'s PDF', params: documentParam, response: { 200: fileAnswer('PDF yang diterbitkan, byte demi byte / the issued PDF, byte for byte', PDF), ...failures('layanan.document_not_found') } },
  }, async (request, reply) => sendAttachment(reply, await documentPdf(ctx, request.region!.code, request.params.documentId), PDF));

  r.post(`${D}/:documentId/revoke`, {
    config: { access: 'layanan.manage' },
    schema: {
      tags, summary: 'Cabut dokumen / Revoke a document', params: documentParam,
      description: 'Alasan wajib dan tampil di halaman verifikasi. Pengelola perangkat daerah hanya untuk dokumen perangkat daerahnya. / The reason is required and shown on the verification page. A unit\'s manager only for their unit\'s documents.',
      body: z.object({ reason: text(500).describe('Alasan pencabutan / why it is revoked') }),
      response: { 200: ok, ...failures('layanan.document_not_found', 'layanan.not_your_unit', 'layanan.document_revoked') },
    },
  }, async (request) => {
    await revokeDocument(ctx, request.region!.code, request.actor, request.params.documentId, request.body.reason);
    return { ok: true as const };
  });

  r.get(`${D}/numbering`, {
    config: { access: 'layanan.read' },
    schema: { tags, summary: 'Pola penomoran tanda bukti pembayaran / The numbering pattern of payment receipts',
      description: 'Hasil layanan adalah naskah dinas daerah: bila modul naskah dinas terpasang, nomornya mengikuti pola penomoran naskah dinas (GET /api/regions/{r}/surat/numbering), bukan pola ini. / A result is a letter of the region: with correspondence installed it takes the correspondence numbering, not this pattern.', params: regionParam, response: { 200: numberingAnswer } },
  }, async (request) => numberingView(ctx, request.region!.code));

  r.put(`${D}/numbering`, {
    config: { access: 'layanan.documents.configure' },
    schema: {
      tags, summary: 'Ubah pola penomoran tanda bukti pembayaran / Change the numbering pattern of payment receipts', params: regionParam,
      description: 'Token: {nomor} (urutan, minimal 3 digit, mulai lagi tiap tahun), {kode_layanan}, {kode_unit}, {bulan_romawi}, {bulan}, {tahun}; {nomor} dan {tahun} wajib. Urutan dihitung per seri: nomor tanpa urutan dan bulannya. / Tokens as listed; {nomor} and {tahun} are required. The sequence counts per series: the number without its sequence and month.',
      body: z.object({ pattern: text(PATTERN_MAX) }),
      response: { 200: numberingAnswer, ...failures('layanan.numbering_pattern_invalid') },
    },
  }, async (request) => {
    await setNumbering(ctx, request.region!.code, request.actor, request.body.pattern);
    return numberingView(ctx, request.region!.code);
  });

  const unitParam = regionParam.extend({ unitId: z.uuid() });
  r.get('/api/regions/:region/layanan/units/:unitId/letterhead', {
    config: { access: 'layanan.read' },
    schema: { tags, summary: 'Kop surat dan penanda tangan perangkat daerah / A unit\'s letterhead and signer', params: unitParam, response: { 200: letterheadAnswer, ...failures('unit.not_found') } },
  }, async (request) => unitLetterhead(ctx, request.region!.code, request.params.unitId));

  r.put('/api/regions/:region/layanan/units/:unitId/letterhead', {
    config: { access: 'layanan.manage' },
    schema: {
      tags, summary: 'Ubah kop surat dan penanda tangan / Change a unit\'s letterhead and signer', params: unitParam, body: letterheadInput,
      response: { 200: letterheadAnswer, ...failures('unit.not_found', 'layanan.not_your_unit') },
    },
  }, async (request) => {
    await setLetterhead(ctx, request.region!.code, request.actor, request.params.unitId, request.body);
    return unitLetterhead(ctx, request.region!.code, request.params.unitId);
  });

  r.post(`${D}/preview`, {
    config: { access: 'layanan.manage' },
    schema: {
      tags, summary: 'Pratinjau surat hasil di kop perangkat daerah / Preview a result letter on a unit\'s letterhead', params: regionParam,
      description: 'Nomor dan kode QR contoh, tanpa tanda tangan; tidak menerbitkan apa pun. / A sample number and QR code, unsigned; issues nothing.',
      body: z.object({ unitId: z.uuid(), title: text(200), paragraphs: z.array(z.string().trim().max(4000)).min(1).max(30) }),
      response: { 200: fileAnswer('PDF pratinjau / the preview PDF', PDF), ...failures('unit.not_found') },
    },
  }, async (request, reply) => {
    const pdf = await previewLetter(ctx, request.region!.code, request.body);
    return sendAttachment(reply, { fileName: 'pratinjau.pdf', data: pdf }, PDF);
  });

  r.get(`${D}/signer`, {
    config: { access: 'layanan.read' },
    schema: { tags, summary: 'Penanda tangan elektronik daerah (tanpa kunci atau rahasia) / The region\'s signer (no key or secret)', params: regionParam, response: { 200: signerAnswer } },
  }, async (request) => signerView(ctx, request.region!.code));

  r.put(`${D}/signer/local`, {
    config: { access: 'layanan.documents.configure', bodyTypes: ['multipart'] },
    preValidation: multipartReader('options', 'certificate', { types: [], typeError: 'layanan.certificate_unreadable', ...p12Policy }),
    schema: {
      tags, summary: 'Pasang sertifikat daerah (PKCS#12) / Install the region\'s certificate (PKCS#12)', params: regionParam,
      description: 'multipart/form-data: berkas `certificate` (.p12/.pfx, maks. 64 KB) dan `options` JSON `{"passphrase": "…"}`. Ditolak bila tidak terbaca, kedaluwarsa atau belum berlaku. / a `certificate` file and `options` JSON with the passphrase. Refused when unreadable, expired or not yet valid.',
      body: z.object({ passphrase: z.string().max(200) }),
      response: { 200: signerAnswer, ...failures('layanan.certificate_unreadable', 'layanan.certificate_expired', 'layanan.certificate_not_yet_valid') },
    },
  }, async (request) => {
    const [file] = request.uploads;
    if (!file) throw new AppError('layanan.certificate_unreadable');
    await setLocalSigner(ctx, request.region!.code, request.actor, file.data, request.body.passphrase);
    return signerView(ctx, request.region!.code);
  });

  r.put(`${D}/signer/remote`, {
    config: { access: 'layanan.documents.configure' },
    schema: {
      tags, summary: 'Pakai layanan tanda tangan jarak jauh (mis. BSrE) / Use a remote signing service (e.g. BSrE)', params: regionParam,
      body: z.object({
        url: z.url().max(300), clientId: text(200), clientSecret: text(500),
        signerId: text(100).describe('Identitas penanda tangan di layanan (NIK) / the signer\'s id at the service'), passphrase: text(200),
      }),
      response: { 200: signerAnswer },
    },
  }, async (request) => {
    await setRemoteSigner(ctx, request.region!.code, request.actor, request.body);
    return signerView(ctx, request.region!.code);
  });

  // Public: a file checked against the document its token verifies (GET /api/verify/:token is the platform's, modules/verify.ts).
  r.post('/api/verify/:token/check', {
    config: { access: 'public', bodyTypes: ['multipart'], limits: perMinute('layanan-verify-file', 10) },
    preValidation: multipartReader('options', 'file', checkPolicy),
    schema: {
      tags, summary: 'Periksa berkas terhadap dokumen terbitan (publik) / Check a file against an issued document (public)', params: tokenParam,
      description: 'multipart/form-data dengan satu berkas `file` (PDF, maks. 10 MB, diperiksa dari isinya). / one `file` (PDF, 10 MB, checked by content).',
      body: z.object({}).nullish(),
      response: {
        200: z.object({ matches: z.boolean().describe('SHA-256 berkas sama dengan dokumen terbitan / the file\'s SHA-256 equals the issued document\'s'), sha256: z.string(), expected: z.string() }),
        ...failures('layanan.document_not_found', 'layanan.check_not_pdf'),
      },
    },
  }, async (request) => {
    const [file] = await checkUploads(request.uploads, checkPolicy);
    if (!file) throw new AppError('layanan.check_not_pdf');
    return checkDocumentFile(ctx, request.params.token, file.data);
  });
}
