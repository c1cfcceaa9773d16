// A region's SPBE routes: the evaluation cycle, results and publication,
// comparison, targets and simulation. Access is declared per route; unit
// limits (an officer fills only their unit's indicators) are in the service.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { checkUploads, multipartReader } from '../../../platform/files.js';
import { regionParam, text } from '../../../platform/http/schemas.js';
import { parseResultsCsv } from '../domain/results.js';
import * as evaluations from '../service/evaluations.js';
import { evaluationDetail, listEvaluations, tasksFor } from '../service/queries.js';
import { exportCsv, exportXlsx, reportParts } from '../service/reports.js';
import { comparison, importResults, setPublication, sharedEvidence, trend } from '../service/results.js';
import { listTargets, plan, setTarget, simulate } from '../service/targets.js';
import { csvBody, frameworkCode, indicatorCode, levelValue, tags, yearValue } from './schemas.js';
import * as practices from '../service/practices.js';
import { practiceFields } from '../domain/practice.js';
import { failures, fileAnswer, ok, sendAttachment } from '../../../platform/http/responses.js';
import * as answers from './responses.js';

const evaluationParam = regionParam.extend({ evaluationId: z.uuid() });
const answerParam = evaluationParam.extend({ indicator: indicatorCode });
const evidenceParam = evaluationParam.extend({ evidenceId: z.uuid() });
const yearParam = regionParam.extend({ year: yearValue });
const note = z.string().trim().max(4000);
const link = z.object({ url: z.url({ protocol: /^https?$/ }).max(2000), label: z.string().trim().max(200).default('') });

const assessment = z.object({ level: levelValue, reason: text(4000), interviewNote: note.nullable().optional(), visitNote: note.nullable().optional() });
const maxRise = z.number().int().min(1).max(10);
/** The indicators a bulk action applies to, each once. */
const indicatorList = z.array(indicatorCode).min(1).max(300).refine((codes) => new Set(codes).size === codes.length, 'each indicator once');

const selfAssessment = z.object({
  level: levelValue.nullable().optional().describe('Tingkat 1–5 sesuai kriteria indikator / level against the indicator\'s criteria'),
  explanation: z.string().trim().max(8000).optional(),
  links: z.array(link).max(20).optional().describe('Tautan bukti dukung / evidence links'),
}).default({});

/** Files: downloaded with their checked type and name, never sniffed or rendered in place by the browser. */
function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; data: Buffer }) {
  return sendAttachment(reply, file, file.contentType, 'private, max-age=300');
}

export function regionSpbeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/regions/:region/spbe';

  r.get(`${base}/evaluations`, {
    config: { access: 'spbe.read' }, schema: { tags, summary: 'Daftar evaluasi SPBE daerah / The region\'s SPBE evaluations', params: regionParam, response: { 200: z.array(answers.evaluationSummary) } },
  }, async (request) => listEvaluations(ctx, request.region!.code));

  r.post(`${base}/evaluations`, {
    config: { idempotent: true, access: 'spbe.manage' },
    schema: {
      tags, summary: 'Buka evaluasi tahun ini / Open the year\'s evaluation', params: regionParam,
      description: 'Koordinator SPBE membuka evaluasi dengan versi kerangka yang aktif; semua indikator dibuat belum ditugaskan. / The SPBE coordinator opens the evaluation under an active framework version; every indicator starts unassigned.',
      body: z.object({ year: yearValue, versionId: z.uuid() }),
      response: { 201: answers.evaluation, ...failures('spbe.version_not_found', 'spbe.version_not_active', 'spbe.evaluation_exists') },
    },
  }, async (request, reply) => {
    const id = await evaluations.openEvaluation(ctx, request.region!.code, request.actor, request.body);
    return reply.status(201).send(await evaluationDetail(ctx, request.region!.code, id));
  });

  r.get(`${base}/evaluations/:evaluationId`, {
    config: { access: 'spbe.read' },
    schema: {
      tags, summary: 'Detail evaluasi: tahap, jawaban, nilai mandiri dan akhir / Evaluation: stages, answers, self-assessed and final scores', params: evaluationParam,
      querystring: z.object({ unitId: z.uuid().optional().describe('Hanya indikator perangkat daerah ini / only this unit\'s indicators') }),
      response: { 200: answers.evaluation, ...failures('spbe.evaluation_not_found') },
    },
  }, async (request) => evaluationDetail(ctx, request.region!.code, request.params.evaluationId, request.query));

  r.get(`${base}/evaluations/:evaluationId/history`, {
    config: { access: 'spbe.read' }, schema: { tags, summary: 'Riwayat perubahan / Change history', params: evaluationParam, response: { 200: z.array(answers.historyEntry), ...failures('spbe.evaluation_not_found') } },
  }, async (request) => evaluations.history(ctx, request.region!.code, request.params.evaluationId));

  r.put(`${base}/evaluations/:evaluationId/assignments`, {
    config: { access: 'spbe.manage' },
    schema: {
      tags, summary: 'Tugaskan indikator ke perangkat daerah / Assign indicators to units', params: evaluationParam,
      description: 'Pada tahap draf dan penilaian mandiri; unitId null mencabut penugasan (hanya di draf). / In draft and self-assessment; a null unitId takes an assignment back (draft only).',
      body: z.object({ assignments: z.array(z.object({ indicator: indicatorCode, unitId: z.uuid().nullable() })).min(1).max(300) }),
      response: { 200: answers.evaluation, ...failures('spbe.evaluation_not_found', 'spbe.indicator_not_found', 'spbe.evaluation_closed', 'spbe.wrong_stage', 'spbe.answer_wrong_status', 'unit.not_found') },
    },
  }, async (request) => {
    await evaluations.assign(ctx, request.region!.code, request.actor, request.params.evaluationId, request.body.assignments);
    return evaluationDetail(ctx, request.region!.code, request.params.evaluationId);
  });

  r.post(`${base}/evaluations/:evaluationId/advance`, {
    config: { access: 'spbe.manage' },
    schema: {
      tags, summary: 'Lanjut ke tahap berikutnya / Move to the next stage', params: evaluationParam,
      description: 'draft → self_assessment (semua indikator ditugaskan) → internal_validation (semua diterima) → external_assessment (semua divalidasi); final → closed. Finalisasi oleh asesor eksternal. / Each move needs every indicator ready; finalising is the external assessor\'s.',
      body: z.object({ to: z.enum(['self_assessment', 'internal_validation', 'external_assessment', 'closed']) }),
      response: { 200: z.object({ stage: answers.stage }), ...failures('spbe.evaluation_not_found', 'spbe.evaluation_closed', 'spbe.wrong_stage', 'spbe.stage_incomplete') },
    },
  }, async (request) => ({ stage: await evaluations.moveStage(ctx, request.region!.code, request.actor, request.params.evaluationId, request.body.to) }));

  r.post(`${base}/evaluations/:evaluationId/finalise`, {
    config: { access: 'spbe.assess' },
    schema: { tags, summary: 'Tetapkan hasil akhir (asesor eksternal) / Finalise the result (external assessor)', params: evaluationParam, response: { 200: z.object({ stage: answers.stage }), ...failures('spbe.evaluation_not_found', 'spbe.evaluation_closed', 'spbe.wrong_stage', 'spbe.stage_incomplete') } },
  }, async (request) => ({ stage: await evaluations.moveStage(ctx, request.region!.code, request.actor, request.params.evaluationId, 'final') }));

  r.put(`${base}/evaluations/:evaluationId/answers/:indicator`, {
    config: { idempotent: true, access: 'spbe.fill', bodyTypes: ['json', 'multipart'] },
    preValidation: multipartReader('answer', 'evidence', evaluations.evidencePolicy),
    schema: {
      tags, summary: 'Isi penilaian mandiri indikator / Fill an indicator\'s self-assessment', params: answerParam,
      description: 'JSON, atau multipart/form-data dengan field `answer` (JSON) dan hingga 5 berkas `evidence` (PDF, JPEG, PNG, XLSX, DOCX; maks. 10 MB, diperiksa dari isinya; gambar disimpan ulang sebagai JPEG 2048 px tanpa metadata). Semua atau tidak sama sekali. / JSON, or multipart with an `answer` JSON field and up to 5 `evidence` files (checked by content, 10 MB max; images are stored re-encoded as 2048 px JPEGs without metadata). All or nothing.',
      body: selfAssessment,
      response: { 200: answers.evaluationAnswer, ...failures('spbe.evaluation_not_found', 'spbe.indicator_not_found', 'spbe.evaluation_closed', 'spbe.wrong_stage', 'spbe.answer_wrong_status', 'spbe.not_your_unit', 'spbe.level_invalid', 'spbe.evidence_type_not_allowed', 'file.image_too_large', 'file.image_unreadable') },
    },
  }, async (request) => {
    const files = await checkUploads(request.uploads, evaluations.evidencePolicy);
    await evaluations.saveAnswer(ctx, request.region!.code, request.actor, request.params.evaluationId, request.params.indicator, request.body, files);
    return evaluationDetail(ctx, request.region!.code, request.params.evaluationId).then((d) => d.answers.find((a) => a.indicator.code === request.params.indicator)!);
  });

  r.post(`${base}/evaluations/:evaluationId/answers/:indicator/submit`, {
    config: { access: 'spbe.fill' }, schema: { tags, summary: 'Kirim jawaban ke koordinator / Submit the answer to the coordinator', params: answerParam, response: { 200: z.object({ status: z.literal('submitted') }), ...failures('spbe.evaluation_not_found', 'spbe.indicator_not_found', 'spbe.evaluation_closed', 'spbe.wrong_stage', 'spbe.answer_wrong_status', 'spbe.not_your_unit') } },
  }, async (request) => {
    await evaluations.submitAnswer(ctx, request.region!.code, request.actor, request.params.evaluationId, request.params.indicator);
    return { status: 'submitted' as const };
  });

  r.post(`${base}/evaluations/:evaluationId/answers/:indicator/review`, {
    config: { access: 'spbe.manage' },
    schema: {
      tags, summary: 'Terima atau kembalikan jawaban (koordinator) / Accept or return an answer (coordinator)', params: answerParam,
      body: z.discriminatedUnion('decision', [
        z.object({ decision: z.literal('accept'), note: note.optional() }),
        z.object({ decision: z.literal('return'), note: text(4000).describe('Wajib: apa yang perlu diperbaiki / required: what to fix') }),
      ]),
      response: { 200: z.object({ status: z.enum(['accepted', 'returned']) }), ...failures('spbe.evaluation_not_found', 'spbe.indicator_not_found', 'spbe.evaluation_closed', 'spbe.wrong_stage', 'spbe.answer_wrong_status') },
    },
  }, async (request) => {
    const { decision, note: n } = request.body;
    await evaluations.reviewAnswer(ctx, request.region!.code, request.actor, request.params.evaluationId, request.params.indicator, decision, n || null);
    return { status: decision === 'accept' ? 'accepted' as const : 'returned' as const };
  });

  r.post(`${base}/evaluations/:evaluationId/answers/:indicator/validation`, {
    config: { access: 'spbe.validate' },
    schema: {
      tags, summary: 'Validasi internal atau kembalikan (asesor internal) / Validate or return (internal assessor)', params: answerParam,
      body: z.discriminatedUnion('decision', [
        z.object({ decision: z.literal('validate'), note: note.optional() }),
        z.object({ decision: z.literal('return'), note: text(4000) }),
      ]),
      response: { 200: z.object({ status: z.enum(['validated', 'returned']) }), ...failures('spbe.evaluation_not_found', 'spbe.indicator_not_found', 'spbe.evaluation_closed', 'spbe.wrong_stage', 'spbe.answer_wrong_status') },
    },
  }, async (request) => {
    const { decision, note: n } = request.body;
    await evaluations.validateAnswer(ctx, request.region!.code, request.actor, request.params.evaluationId, request.params.indicator, decision, n || null);
    return { status: decision === 'validate' ? 'validated' as const : 'returned' as const };
  });

  r.put(`${base}/evaluations/:evaluationId/answers/:indicator/assessment`, {
    config: { access: 'spbe.assess' },
    schema: {
      tags, summary: 'Tingkat akhir dengan alasan, catatan wawancara dan kunjungan (asesor eksternal) / Final level with reason, interview and visit notes (external assessor)', params: answerParam,
      body: assessment,
      response: { 200: z.object({ finalLevel: z.number().int() }), ...failures('spbe.evaluation_not_found', 'spbe.indicator_not_found', 'spbe.evaluation_closed', 'spbe.wrong_stage', 'spbe.answer_wrong_status', 'spbe.level_invalid') },
    },
  }, async (request) => {
    await evaluations.assessAnswer(ctx, request.region!.code, request.actor, request.params.evaluationId, request.params.indicator, request.body);
    return { finalLevel: request.body.level };
  });

  const bulkDescription = (what: string) => `${what} Semua atau tidak sama sekali, dalam satu transaksi, dengan pemeriksaan dan riwayat yang sama seperti satu per satu; bila ada yang ditolak, tidak ada yang disimpan dan details.failures menyebut alasan per indikator. / All or nothing, in one transaction, with the same checks and history as one at a time; if any is refused nothing is saved and details.failures gives the reason per indicator.`;

  r.post(`${base}/evaluations/:evaluationId/reviews`, {
    config: { access: 'spbe.manage' },
    schema: {
      tags, summary: 'Terima atau kembalikan banyak jawaban sekaligus (koordinator) / Accept or return many answers at once (coordinator)', params: evaluationParam,
      description: bulkDescription('Satu keputusan dan satu catatan untuk semua indikator terpilih.'),
      body: z.discriminatedUnion('decision', [
        z.object({ decision: z.literal('accept'), indicators: indicatorList, note: note.optional() }),
        z.object({ decision: z.literal('return'), indicators: indicatorList, note: text(4000).describe('Wajib: apa yang perlu diperbaiki / required: what to fix') }),
      ]),
      response: { 200: answers.bulkDone.extend({ status: z.enum(['accepted', 'returned']) }), ...failures('spbe.evaluation_not_found', 'spbe.bulk_refused') },
    },
  }, async (request) => {
    const { decision, indicators, note: n } = request.body;
    const done = await evaluations.reviewAnswers(ctx, request.region!.code, request.actor, request.params.evaluationId, indicators, decision, n || null);
    return { ...done, status: decision === 'accept' ? 'accepted' as const : 'returned' as const };
  });

  r.post(`${base}/evaluations/:evaluationId/validations`, {
    config: { access: 'spbe.validate' },
    schema: {
      tags, summary: 'Validasi atau kembalikan banyak jawaban sekaligus (asesor internal) / Validate or return many answers at once (internal assessor)', params: evaluationParam,
      description: bulkDescription('Satu keputusan dan satu catatan untuk semua indikator terpilih.'),
      body: z.discriminatedUnion('decision', [
        z.object({ decision: z.literal('validate'), indicators: indicatorList, note: note.optional() }),
        z.object({ decision: z.literal('return'), indicators: indicatorList, note: text(4000) }),
      ]),
      response: { 200: answers.bulkDone.extend({ status: z.enum(['validated', 'returned']) }), ...failures('spbe.evaluation_not_found', 'spbe.bulk_refused') },
    },
  }, async (request) => {
    const { decision, indicators, note: n } = request.body;
    const done = await evaluations.validateAnswers(ctx, request.region!.code, request.actor, request.params.evaluationId, indicators, decision, n || null);
    return { ...done, status: decision === 'validate' ? 'validated' as const : 'returned' as const };
  });

  r.put(`${base}/evaluations/:evaluationId/assessments`, {
    config: { access: 'spbe.assess' },
    schema: {
      tags, summary: 'Tingkat akhir banyak indikator sekaligus (asesor eksternal) / Final levels of many indicators at once (external assessor)', params: evaluationParam,
      description: bulkDescription('Tingkat dan alasan per indikator.'),
      body: z.object({
        assessments: z.array(assessment.extend({ indicator: indicatorCode })).min(1).max(300)
          .refine((items) => new Set(items.map((i) => i.indicator)).size === items.length, 'each indicator once'),
      }),
      response: { 200: answers.bulkDone, ...failures('spbe.evaluation_not_found', 'spbe.bulk_refused') },
    },
  }, async (request) => evaluations.assessAnswers(ctx, request.region!.code, request.actor, request.params.evaluationId, request.body.assessments));

  // ---- the region's practices per indicator (own, or adopted in the Living Lab) ----
  const practiceParam = regionParam.extend({ framework: frameworkCode, indicator: indicatorCode });
  r.get(`${base}/practices`, {
    config: { access: 'spbe.read' },
    schema: {
      tags, summary: 'Praktik SPBE daerah per indikator (milik sendiri dan yang diadopsi) / The region\'s SPBE practices per indicator (own and adopted)', params: regionParam,
      querystring: z.object({ framework: frameworkCode.optional(), indicator: indicatorCode.optional() }),
      response: { 200: z.array(answers.practice) },
    },
  }, async (request) => practices.listPractices(ctx, request.region!.code, request.query));

  r.put(`${base}/practices/:framework/:indicator`, {
    config: { access: 'spbe.manage' },
    schema: {
      tags, summary: 'Tulis praktik SPBE daerah untuk indikator / Write the region\'s SPBE practice for an indicator', params: practiceParam,
      description: 'Catatan praktik, penjelasan, SOP dan daftar bukti dukung yang perlu disiapkan; dapat dibagikan di Living Lab (paket spbe.practices). Jawaban evaluasi tidak berubah. / The practice note, explanation, SOP and evidence checklist; shareable in the Living Lab (package spbe.practices). Evaluation answers do not change.',
      body: practiceFields,
      response: { 200: answers.practice, ...failures('spbe.indicator_not_found') },
    },
  }, async (request) => practices.setPractice(ctx, request.region!.code, request.actor, request.params.framework, request.params.indicator, request.body));

  r.delete(`${base}/practices/:framework/:indicator`, {
    config: { access: 'spbe.manage' },
    schema: { tags, summary: 'Hapus praktik SPBE indikator / Remove an indicator\'s SPBE practice', params: practiceParam, response: { 200: ok, ...failures('spbe.practice_not_found') } },
  }, async (request) => {
    await practices.deletePractice(ctx, request.region!.code, request.actor, request.params.framework, request.params.indicator);
    return { ok: true as const };
  });

  r.put(`${base}/evaluations/:evaluationId/answers/:indicator/practice`, {
    config: { access: 'spbe.manage' },
    schema: {
      tags, summary: 'Bagikan praktik baik dan bukti terpilih / Share a practice note and chosen evidence', params: answerParam,
      description: 'Setelah final; terlihat oleh daerah lain hanya bila hasil tahun itu dipublikasikan. / After finalising; visible to other regions only once that year\'s result is published.',
      body: z.object({ shared: z.boolean(), note: note.nullable().default(null), evidenceIds: z.array(z.uuid()).max(20).default([]) }),
      response: { 200: z.object({ shared: z.boolean() }), ...failures('spbe.evaluation_not_found', 'spbe.indicator_not_found', 'spbe.evaluation_closed', 'spbe.wrong_stage', 'spbe.answer_wrong_status') },
    },
  }, async (request) => {
    await evaluations.sharePractice(ctx, request.region!.code, request.actor, request.params.evaluationId, request.params.indicator, request.body);
    return { shared: request.body.shared };
  });

  r.get(`${base}/evaluations/:evaluationId/evidence/:evidenceId`, {
    config: { access: 'spbe.read' }, schema: { tags, summary: 'Unduh bukti dukung / Download an evidence file', params: evidenceParam, response: { 200: fileAnswer('Berkas bukti dukung dengan jenisnya yang diperiksa / the evidence file with its checked type', 'application/octet-stream'), ...failures('spbe.evaluation_not_found', 'file.not_found') } },
  }, async (request, reply) => sendFile(reply, await evaluations.evidenceFile(ctx, request.region!.code, request.params.evaluationId, request.params.evidenceId)));

  r.delete(`${base}/evaluations/:evaluationId/evidence/:evidenceId`, {
    config: { access: 'spbe.fill' }, schema: { tags, summary: 'Hapus bukti dukung / Remove an evidence file', params: evidenceParam, response: { 200: ok, ...failures('spbe.evaluation_not_found', 'spbe.indicator_not_found', 'spbe.evaluation_closed', 'spbe.wrong_stage', 'spbe.answer_wrong_status', 'file.not_found') } },
  }, async (request) => {
    await evaluations.deleteEvidence(ctx, request.region!.code, request.actor, request.params.evaluationId, request.params.evidenceId);
    return { ok: true as const };
  });

  r.get(`${base}/evaluations/:evaluationId/export`, {
    config: { access: 'spbe.read' },
    schema: {
      tags, summary: 'Ekspor tingkat, bukti dukung dan nilai (XLSX atau CSV) / Export levels, evidence and scores (XLSX or CSV)', params: evaluationParam,
      description: 'xlsx: satu berkas, tiga lembar. csv: satu tabel per `part`. / xlsx: one workbook, three sheets. csv: one table per `part`.',
      querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx'), part: z.enum(reportParts).default('levels') }),
      response: { 200: fileAnswer('XLSX atau CSV / XLSX or CSV', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'), ...failures('spbe.evaluation_not_found') },
    },
  }, async (request, reply) => {
    const { format, part } = request.query;
    const name = `spbe-${request.region!.code}-${request.params.evaluationId.slice(0, 8)}`;
    if (format === 'csv') {
      const csv = await exportCsv(ctx, request.region!.code, request.params.evaluationId, part, request.locale);
      return sendFile(reply, { fileName: `${name}-${part}.csv`, contentType: 'text/csv; charset=utf-8', data: Buffer.from(csv) });
    }
    const data = await exportXlsx(ctx, request.region!.code, request.params.evaluationId, request.locale);
    return sendFile(reply, { fileName: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data });
  });

  r.get(`${base}/tasks`, {
    config: { access: 'spbe.read' },
    schema: { tags, summary: 'Tugas saya: isi, tinjau, validasi, nilai / My tasks: fill, review, validate, assess', params: regionParam, response: { 200: z.array(answers.task) } },
  }, async (request) => tasksFor(ctx, request.region!.code, request.actor));

  r.get(`${base}/results`, {
    config: { access: 'spbe.read' },
    schema: { tags, summary: 'Hasil per tahun (termasuk yang belum dipublikasikan) dengan penanda ganti kerangka / Results by year (unpublished too) with framework-change markers', params: regionParam, response: { 200: z.array(answers.resultPoint) } },
  }, async (request) => trend(ctx.database.db, request.region!.code, true));

  r.put(`${base}/results/:year/publication`, {
    config: { access: 'spbe.manage' },
    schema: { tags, summary: 'Publikasikan atau tarik hasil tahun ini / Publish or withdraw the year\'s result', params: yearParam, body: z.object({ published: z.boolean() }), response: { 200: z.object({ year: z.number().int(), published: z.boolean() }), ...failures('spbe.result_not_found') } },
  }, async (request) => {
    await setPublication(ctx, request.region!.code, request.actor, request.params.year, request.body.published);
    return { year: request.params.year, published: request.body.published };
  });

  r.post(`${base}/results/import`, {
    config: { access: 'spbe.manage', bodyTypes: ['csv'] },
    schema: {
      tags, summary: 'Impor riwayat hasil yang dipublikasikan (CSV) / Import published history (CSV)', params: regionParam,
      description: 'text/csv: region_code,year,framework_version,index[,predicate][,domain:D1...][,aspect:A1...]; hanya kode daerah ini. Semua atau tidak sama sekali. / Only this region\'s code. All or nothing.',
      body: csvBody,
      response: { 200: answers.imported, ...failures('spbe.import_invalid') },
    },
  }, async (request) => ctx.database.db.transaction((tx) => importResults(tx, parseResultsCsv(request.body), { now: ctx.clock.now(), onlyRegion: request.region!.code })));

  r.get(`${base}/comparison`, {
    config: { access: 'spbe.read' },
    schema: {
      tags, summary: 'Posisi daerah di antara daerah lain (semua, satu provinsi, sejenis) / Standing among all regions, the province, the same kind', params: regionParam,
      querystring: z.object({ year: yearValue }),
      response: { 200: answers.comparison },
    },
  }, async (request) => comparison(ctx, request.region!.code, request.query.year));

  r.get(`${base}/targets`, {
    config: { access: 'spbe.read' }, schema: { tags, summary: 'Target indeks / Index targets', params: regionParam, response: { 200: z.array(answers.target) } },
  }, async (request) => listTargets(ctx, request.region!.code));

  r.put(`${base}/targets/:year`, {
    config: { access: 'spbe.manage' },
    schema: {
      tags, summary: 'Tetapkan target dan indikator di luar jangkauan / Set the target and out-of-reach indicators', params: yearParam,
      body: z.object({
        targetIndex: z.number().min(1).max(5).multipleOf(0.01),
        outOfReach: z.array(indicatorCode).max(300).default([]).describe('Indikator yang tidak dapat dinaikkan tahun ini / indicators that cannot be raised this year'),
        maxRisePerYear: maxRise.optional().describe('Kenaikan tingkat maksimum satu indikator per tahun dalam rencana (bawaan 1; bila tidak dikirim, nilai tersimpan dipakai) / the most levels one indicator may rise per year in the plan (default 1; kept when left out)'),
        note: z.string().trim().max(2000).default(''),
      }),
      response: { 200: answers.target },
    },
  }, async (request) => setTarget(ctx, request.region!.code, request.actor, request.params.year, request.body));

  r.get(`${base}/targets/:year/plan`, {
    config: { access: 'spbe.read' },
    schema: {
      tags, summary: 'Selisih ke target dan rencana langkah paling sedikit / Gap to the target and the fewest-steps plan', params: yearParam,
      description: 'Titik awal: evaluasi terakhir s.d. tahun itu (tingkat akhir bila sudah final, jika belum tingkat mandiri). Satu indikator naik paling banyak maxRisePerYear tingkat per tahun antara titik awal dan tahun target (minimal satu tahun); bila target tidak tercapai dalam batas itu, reachable=false dan maxIndex adalah indeks tertinggi yang dapat dicapai. / Starts from the latest evaluation up to that year. One indicator rises at most maxRisePerYear levels per year between the baseline and the target year (at least one year); when the target cannot be reached within that, reachable=false and maxIndex is the best reachable index.',
      querystring: z.object({
        evaluationId: z.uuid().optional(), targetIndex: z.coerce.number().min(1).max(5).multipleOf(0.01).optional(), basis: z.enum(['final', 'self']).optional(),
        maxRisePerYear: z.coerce.number().pipe(maxRise).optional().describe('Menggantikan batas kenaikan per tahun yang tersimpan pada target / overrides the target\'s remembered pace'),
      }),
      response: { 200: answers.plan, ...failures('spbe.target_not_found', 'spbe.no_baseline', 'spbe.evaluation_not_found', 'spbe.version_not_found') },
    },
  }, async (request) => plan(ctx, request.region!.code, request.params.year, request.query));

  r.post(`${base}/simulate`, {
    config: { access: 'spbe.read' },
    schema: {
      tags, summary: 'Simulasi "bagaimana jika" tanpa mengubah jawaban / "What if" simulation without touching answers', params: regionParam,
      body: z.object({
        evaluationId: z.uuid().optional(), versionId: z.uuid().optional(), basis: z.enum(['final', 'self']).optional(),
        levels: z.record(indicatorCode, levelValue).describe('Tingkat hipotetis per kode indikator / hypothetical level per indicator code'),
      }),
      response: { 200: answers.simulation, ...failures('spbe.evaluation_not_found', 'spbe.version_not_found', 'spbe.version_not_active', 'spbe.indicator_not_found', 'spbe.level_invalid') },
    },
  }, async (request) => simulate(ctx, request.region!.code, request.body));

  r.get(`${base}/shared-evidence/:evidenceId`, {
    config: { access: 'public' },
    schema: { tags, summary: 'Bukti dukung yang dibagikan daerah (praktik baik) / Evidence a region shared with its practice', params: regionParam.extend({ evidenceId: z.uuid() }), response: { 200: fileAnswer('Berkas yang dibagikan / the shared file', 'application/octet-stream'), ...failures('file.not_found') } },
  }, async (request, reply) => sendFile(reply, await sharedEvidence(ctx, request.region!.code, request.params.evidenceId)));
}
