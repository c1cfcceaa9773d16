// HTTP for evidence files (a realisation's, and the shared pieces an AKIP
// answer's evidence uses): list and upload under the period, download and
// remove by the file's id within the plan.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { multipartReader } from '../../../platform/files.js';
import { regionParam } from '../../../platform/http/schemas.js';
import { failures, fileAnswer, instant, ok, sendAttachment } from '../../../platform/http/responses.js';
import { PERIOD_PATTERN } from '../service/periods.js';
import { addEvidence, checkEvidence, evidenceFile, evidencePolicy, listEvidence, MAX_EVIDENCE_FILES, removeEvidence } from '../service/evidence.js';

const tags = ['sakip'];
const planParam = regionParam.extend({ planId: z.uuid() });
const periodParam = planParam.extend({
  indicatorId: z.uuid(),
  period: z.string().regex(PERIOD_PATTERN).describe('Tahun (2026), triwulan (2026-Q1) atau bulan (2026-03) / a year, quarter or month'),
});
const evidenceParam = planParam.extend({ evidenceId: z.uuid() });
export const evidence = z.object({
  id: z.string(), fileName: z.string(), contentType: z.string().describe('Jenis yang diperiksa dari isinya / the type checked from the content'), bytes: z.number().int(),
  uploadedAt: instant, uploadedBy: z.string(), url: z.string().describe('Alamat unduhan / where to download it'),
}).meta({ id: 'SakipEvidence' });

/** What an evidence upload takes, for a realisation and an AKIP answer alike; `who` says by whom and when (both languages). */
export const evidenceUploadHelp = (who: { id: string; en: string }) =>
  `multipart/form-data dengan 1–${evidencePolicy.maxFiles} berkas \`evidence\` (PDF, JPEG, PNG, XLSX, DOCX; maks. 10 MB per berkas, diperiksa dari isinya; gambar disimpan ulang sebagai JPEG tanpa metadata; Word/Excel yang mengembang lebih dari 100 MB setelah dibuka ditolak). Paling banyak ${MAX_EVIDENCE_FILES} berkas per ${who.id} Semua atau tidak sama sekali. / multipart/form-data with 1–${evidencePolicy.maxFiles} \`evidence\` files (checked by content, 10 MB each; images re-encoded as JPEG without metadata; Word/Excel files unpacking past 100 MB refused). At most ${MAX_EVIDENCE_FILES} per ${who.en} All or nothing.`;
export const evidenceUploadFailures = ['sakip.evidence_type_not_allowed', 'sakip.evidence_too_large_unpacked', 'sakip.evidence_unreadable', 'file.too_large', 'file.too_many', 'file.image_too_large', 'file.image_unreadable'] as const;
/** The multipart reader for evidence uploads (field `evidence`, the shared limits). */
export const readEvidence = () => multipartReader('options', 'evidence', evidencePolicy);
export const evidenceDownload = fileAnswer('Berkas dengan jenisnya yang diperiksa / the file with its checked type', 'application/octet-stream');

/** Sends a stored evidence file with its checked type and name, never sniffed or shown in place by the browser. */
export const sendEvidenceFile = (reply: FastifyReply, file: { contentType: string; fileName: string; data: Buffer }) =>
  sendAttachment(reply, file, file.contentType, 'private, max-age=300');

const planFailures = ['sakip.plan_not_found', 'sakip.indicator_not_found'] as const;

export function sakipEvidenceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const P = '/api/regions/:region/sakip/plans/:planId';

  r.get(`${P}/indicators/:indicatorId/realisations/:period/evidence`, {
    config: { access: 'sakip.read' },
    schema: { tags, summary: 'Bukti dukung realisasi satu periode / One period\'s realisation evidence', params: periodParam, response: { 200: z.array(evidence), ...failures(...planFailures) } },
  }, async (request) => listEvidence(ctx, request.region!.code, request.params.planId, request.params.indicatorId, request.params.period));

  r.post(`${P}/indicators/:indicatorId/realisations/:period/evidence`, {
    config: { access: 'sakip.realise', bodyTypes: ['multipart'] },
    preValidation: readEvidence(),
    schema: {
      tags, summary: 'Lampirkan bukti dukung pada realisasi / Attach evidence files to a realisation', params: periodParam,
      description: evidenceUploadHelp({
        id: 'realisasi. Oleh perangkat daerah pemilik indikator atau koordinator, pada realisasi yang sudah diisi, selama periodenya belum ditutup.',
        en: 'realisation. By the indicator\'s units or the coordinator, on an entered realisation, while its period is open.',
      }),
      body: z.object({}).nullish().describe('Tidak ada isian selain berkas / no fields besides the files'),
      response: {
        201: z.array(evidence),
        ...failures(...planFailures, 'sakip.not_your_unit', 'sakip.realisation_not_found', 'sakip.evidence_period_locked', ...evidenceUploadFailures),
      },
    },
  }, async (request, reply) => {
    const files = await checkEvidence(request.uploads);
    return reply.status(201).send(await addEvidence(ctx, request.region!.code, request.actor, request.params.planId, request.params.indicatorId, request.params.period, files));
  });

  r.get(`${P}/evidence/:evidenceId`, {
    config: { access: 'sakip.read' },
    schema: { tags, summary: 'Unduh bukti dukung realisasi / Download a realisation\'s evidence file', params: evidenceParam, response: { 200: evidenceDownload, ...failures('sakip.plan_not_found', 'file.not_found') } },
  }, async (request, reply) => {
    const file = await evidenceFile(ctx, request.region!.code, request.params.planId, request.params.evidenceId);
    return sendEvidenceFile(reply, file);
  });

  r.delete(`${P}/evidence/:evidenceId`, {
    config: { access: 'sakip.realise' },
    schema: {
      tags, summary: 'Hapus bukti dukung realisasi / Remove a realisation\'s evidence file', params: evidenceParam,
      description: 'Selama periodenya belum ditutup; oleh perangkat daerah pemilik indikator atau koordinator. / While its period is open; by the indicator\'s units or the coordinator.',
      response: { 200: ok, ...failures('sakip.plan_not_found', 'sakip.indicator_not_found', 'file.not_found', 'sakip.not_your_unit', 'sakip.evidence_period_locked') },
    },
  }, async (request) => {
    await removeEvidence(ctx, request.region!.code, request.actor, request.params.planId, request.params.evidenceId);
    return { ok: true as const };
  });
}
