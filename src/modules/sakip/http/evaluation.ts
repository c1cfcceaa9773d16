// HTTP for the internal AKIP evaluation (PermenPANRB 88/2021 worksheet):
// opening it, units' answers with evidence, the evaluators' letter per
// sub-komponen, finalising, recommendations and their follow-up; KemenPANRB's
// official results; and a province's comparison of its kabupaten/kota.
// Access is declared per route; which unit a person answers or follows up
// for is the service's check.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { regionParam, text } from '../../../platform/http/schemas.js';
import { failures, instant, oneOf } from '../../../platform/http/responses.js';
import {
  addRecommendation, answerCriteria, evaluationStatuses, evaluationView, followUpRecommendation, followUpStatuses, listEvaluations, openEvaluation,
  reviewSubComponent, setEvaluationNotes, setEvaluationStatus, worksheetVersions,
} from '../service/evaluation.js';
import * as answers from './responses.js';
import { listOfficialResults, provinceComparison, recordOfficialResult } from '../service/evaluation-results.js';
import { sakipAnswerEvidenceRoutes } from './evaluation-evidence.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';

const tags = ['sakip'];
const year = z.number().int().min(2000).max(2100);
const evaluationParam = regionParam.extend({ evaluationId: z.uuid() });
const decimal = z.string().describe('Desimal tepat sebagai teks / an exact decimal as text');
const predicate = z.object({ code: z.string(), label: z.string() });
const by = z.object({ at: instant, by: z.string() });
const unitBrief = z.object({ id: z.string(), code: z.string(), name: z.string() });
const note = z.string().trim().max(4000);

const statusHelp = 'draft → answering (perangkat daerah menjawab) → reviewing (evaluator menilai; bisa dikembalikan ke answering) → final (hanya dibaca, kecuali tindak lanjut rekomendasi) / draft → answering (units answer) → reviewing (evaluators score; can go back to answering) → final (read-only except recommendations\' follow-up)';

const evaluationBrief = z.object({
  id: z.string(), year: z.number().int(), status: oneOf(evaluationStatuses).describe(statusHelp), worksheetVersion: z.string(),
  score: decimal.nullable().describe('Nilai final / the final score'), predicate: predicate.nullable(),
}).meta({ id: 'SakipEvaluationBrief' });

const followUp = z.object({ seq: z.number().int(), status: oneOf(followUpStatuses), note: z.string(), at: instant, by: z.string() });

const evaluation = z.object({
  id: z.string(), year: z.number().int(), status: oneOf(evaluationStatuses).describe(statusHelp),
  worksheetVersion: z.string().describe('Versi lembar kerja yang dipakai sejak evaluasi dibuka / the worksheet version pinned when it was opened'),
  regulation: z.string(), notes: z.string(),
  letters: z.array(z.object({ letter: z.string(), share: z.number().describe('Persen bobot sub-komponen / percent of the sub-component weight') })),
  answerScheme: z.array(z.object({ answer: z.string(), value: z.number() })),
  predicates: z.array(z.object({ code: z.string(), label: z.string(), min: z.number(), minInclusive: z.boolean(), max: z.number(), maxInclusive: z.boolean() })),
  units: z.array(unitBrief.extend({ answered: z.number().int(), criteria: z.number().int() })),
  components: z.array(z.object({
    code: z.string(), name: z.string(), weight: z.number(), score: decimal.nullable(),
    subComponents: z.array(z.object({
      code: z.string(), kind: z.string(), name: z.string(), weight: z.number(),
      letter: z.string().nullable(), note: z.string(), reviewed: by.nullable(), score: decimal.nullable(),
      suggestions: z.array(z.object({ unitId: z.string(), letter: z.string().nullable(), met: z.number().int().nullable(), total: z.number().int() }))
        .describe('Saran huruf dari jawaban setiap perangkat daerah (satu sumber, hanya saran) / a letter suggested from each unit\'s answers (single source, a hint only)'),
      criteria: z.array(z.object({
        code: z.string(), text: z.string(),
        answers: z.array(z.object({ unitId: z.string(), answer: z.string(), evidence: z.string(), at: instant, by: z.string() })),
      })),
    })),
  })),
  score: z.object({
    complete: z.boolean(), total: decimal.nullable().describe('Jumlah nilai komponen, dua desimal / the components\' sum, two decimals'),
    predicate: predicate.nullable(), missing: z.array(z.string()).describe('Sub-komponen tanpa huruf / sub-components without a letter'),
  }),
  final: z.object({ score: decimal, predicate, at: instant, by: z.string() }).nullable(),
  recommendations: z.array(z.object({
    id: z.string(), subComponent: z.string().nullable(), unit: unitBrief.nullable(), text: z.string(), status: oneOf(followUpStatuses),
    created: by, followUps: z.array(followUp),
  })),
}).meta({ id: 'SakipEvaluation' });

const officialResult = z.object({
  year: z.number().int(), score: decimal, predicate, worksheetVersion: z.string(), source: z.string(), recorded: by,
}).meta({ id: 'SakipOfficialResult' });

const scored = z.object({ score: decimal, predicate });
const comparison = z.object({
  province: z.object({ code: z.string(), name: z.string() }), from: z.number().int(), to: z.number().int(), targetsYear: z.number().int(), years: z.array(z.number().int()),
  regions: z.array(z.object({
    code: z.string(), name: z.string(), kind: z.string(),
    latest: z.object({ year: z.number().int(), source: oneOf(['official', 'internal']), score: decimal, predicate }).nullable()
      .describe('Hasil terakhir: resmi KemenPANRB bila ada, selain itu evaluasi internal final / the latest result: KemenPANRB\'s when recorded, else the final internal one'),
    change: decimal.nullable().describe('Selisih dengan hasil sebelumnya / change from the previous result'),
    trend: z.array(z.object({ year: z.number().int(), official: scored.nullable(), internal: scored.nullable() })),
    targets: z.object({
      year: z.number().int(), met: z.number().int(), withTarget: z.number().int(), indicators: z.number().int(),
      percent: decimal.nullable().describe('IKU RPJMD tercapai dari yang bertarget / the RPJMD key indicators met, of those with a target'),
    }),
    efficiency: z.object({
      year: z.number().int(), method: answers.efficiencyMethod.describe('Metode yang dipilih daerah itu / the method that region chose'),
      budget: answers.budgetTotals.nullable(), efficiency: answers.efficiency.nullable().describe('Capaian IKU RPJMD lawan serapan seluruh anggaran / the RPJMD key indicators\' achievement against the whole budget\'s absorption'),
    }),
  })),
}).meta({ id: 'SakipProvinceComparison' });

const evaluationFailures = ['sakip.evaluation_not_found', 'sakip.evaluation_status', 'sakip.evaluation_final'] as const;

export const sakipEvaluationRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/regions/:region/sakip/evaluations';
  const E = `${base}/:evaluationId`;
  const view = (region: string, id: string) => evaluationView(ctx, region, id);

  r.get(base, {
    config: { access: 'sakip.read' },
    schema: { tags, summary: 'Evaluasi AKIP internal per tahun / Internal AKIP evaluations by year', params: regionParam, response: { 200: z.array(evaluationBrief) } },
  }, async (request) => listEvaluations(ctx, request.region!.code));

  r.post(base, {
    config: { idempotent: true, access: 'sakip.evaluate' },
    schema: {
      tags, summary: 'Buka evaluasi AKIP internal tahun ini (evaluator Inspektorat) / Open the year\'s internal AKIP evaluation (Inspektorat evaluator)', params: regionParam,
      description: 'Satu per tahun, sebagai draf, pada versi lembar kerja yang disematkan. Bawaan: semua perangkat daerah aktif menjawab. / One per year, as a draft, on a pinned worksheet version. By default every active unit answers.',
      body: z.object({ year, worksheetVersion: z.enum(worksheetVersions).optional(), unitIds: z.array(z.uuid()).min(1).max(500).optional() }),
      response: { 201: evaluation, ...failures('sakip.evaluation_exists', 'unit.not_found', 'sakip.worksheet_unknown') },
    },
  }, async (request, reply) => reply.status(201).send(await view(request.region!.code, await openEvaluation(ctx, request.region!.code, request.actor, request.body))));

  r.get(E, {
    config: { access: 'sakip.read' },
    schema: { tags, summary: 'Evaluasi AKIP: jawaban, penilaian, nilai, predikat, rekomendasi / An AKIP evaluation: answers, review, score, predicate, recommendations', params: evaluationParam, response: { 200: evaluation, ...failures('sakip.evaluation_not_found') } },
  }, async (request) => view(request.region!.code, request.params.evaluationId));

  r.patch(E, {
    config: { access: 'sakip.evaluate' },
    schema: {
      tags, summary: 'Catatan hasil evaluasi (evaluator) / The evaluation\'s notes (evaluator)', params: evaluationParam,
      body: z.object({ notes: note }), response: { 200: evaluation, ...failures(...evaluationFailures) },
    },
  }, async (request) => {
    await setEvaluationNotes(ctx, request.region!.code, request.actor, request.params.evaluationId, request.body.notes);
    return view(request.region!.code, request.params.evaluationId);
  });

  r.put(`${E}/status`, {
    config: { access: 'sakip.evaluate' },
    schema: {
      tags, summary: 'Ubah tahap evaluasi; final menyimpan nilai dan predikat / Move the evaluation\'s stage; final stores the score and predicate', params: evaluationParam,
      description: statusHelp, body: z.object({ status: z.enum(evaluationStatuses) }),
      response: { 200: evaluation, ...failures(...evaluationFailures, 'sakip.evaluation_incomplete') },
    },
  }, async (request) => {
    await setEvaluationStatus(ctx, request.region!.code, request.actor, request.params.evaluationId, request.body.status);
    return view(request.region!.code, request.params.evaluationId);
  });

  r.put(`${E}/units/:unitId/answers`, {
    config: { access: 'sakip.answer' },
    schema: {
      tags, summary: 'Jawaban perangkat daerah atas kriteria, dengan bukti / A unit\'s answers to the criteria, with evidence', params: evaluationParam.extend({ unitId: z.uuid() }),
      description: 'Selama tahap answering, oleh kepala atau perencana perangkat daerah itu, atau koordinator SAKIP. Jawaban menurut skema lembar kerja (88/2021: Y atau T). / While answering, by the unit\'s head or planner, or the SAKIP coordinator. Answers follow the worksheet\'s scheme (88/2021: Y or T).',
      body: z.object({
        answers: z.array(z.object({
          criterion: z.string().max(20).describe('Kode kriteria, mis. 1.a.1 / criterion code'),
          answer: z.string().max(3).describe('Y (ya) atau T (tidak) / Y (yes) or T (no)'),
          evidence: z.string().trim().max(2000).default('').describe('Tautan atau keterangan bukti / a link to or note on the evidence'),
        })).min(1).max(200),
      }),
      response: { 200: evaluation, ...failures(...evaluationFailures, 'sakip.unit_not_evaluated', 'sakip.not_your_unit', 'sakip.criterion_unknown', 'sakip.answer_invalid') },
    },
  }, async (request) => {
    await answerCriteria(ctx, request.region!.code, request.actor, request.params.evaluationId, request.params.unitId, request.body.answers);
    return view(request.region!.code, request.params.evaluationId);
  });

  sakipAnswerEvidenceRoutes(app, ctx);

  r.put(`${E}/reviews/:subComponent`, {
    config: { access: 'sakip.evaluate' },
    schema: {
      tags, summary: 'Nilai huruf sub-komponen (AA–E) dengan catatan (evaluator) / A sub-component\'s letter (AA–E) with a note (evaluator)', params: evaluationParam.extend({ subComponent: z.string().max(10) }),
      body: z.object({ letter: z.string().max(3), note: note.default('') }),
      response: { 200: evaluation, ...failures(...evaluationFailures, 'sakip.sub_component_unknown', 'sakip.letter_invalid') },
    },
  }, async (request) => {
    await reviewSubComponent(ctx, request.region!.code, request.actor, request.params.evaluationId, request.params.subComponent, request.body);
    return view(request.region!.code, request.params.evaluationId);
  });

  r.post(`${E}/recommendations`, {
    config: { idempotent: true, access: 'sakip.evaluate' },
    schema: {
      tags, summary: 'Tambah rekomendasi (evaluator) / Add a recommendation (evaluator)', params: evaluationParam,
      body: z.object({ text: text(4000), subComponent: z.string().max(10).nullable().optional(), unitId: z.uuid().nullable().optional() }),
      response: { 201: evaluation, ...failures(...evaluationFailures, 'sakip.sub_component_unknown', 'sakip.unit_not_evaluated') },
    },
  }, async (request, reply) => {
    await addRecommendation(ctx, request.region!.code, request.actor, request.params.evaluationId, request.body);
    return reply.status(201).send(await view(request.region!.code, request.params.evaluationId));
  });

  r.post(`${E}/recommendations/:recommendationId/follow-ups`, {
    config: { idempotent: true, access: 'sakip.follow_up' },
    schema: {
      tags, summary: 'Catat tindak lanjut rekomendasi / Record a recommendation\'s follow-up', params: evaluationParam.extend({ recommendationId: z.uuid() }),
      description: 'Setelah evaluasi final. open → in_progress oleh perangkat daerah yang dituju (kepala atau perencana), koordinator atau evaluator; done (dan membuka kembali) hanya oleh evaluator, yang memeriksa buktinya. / Once the evaluation is final. open → in_progress by the unit named (head or planner), the coordinator or an evaluator; done (and reopening) only by an evaluator, who checks the evidence.',
      body: z.object({ status: z.enum(followUpStatuses), note: text(4000).describe('Apa yang dilakukan dan buktinya / what was done and its evidence') }),
      response: { 201: evaluation, ...failures('sakip.evaluation_not_found', 'sakip.evaluation_status', 'sakip.recommendation_not_found', 'sakip.not_your_unit', 'sakip.follow_up_invalid') },
    },
  }, async (request, reply) => {
    await followUpRecommendation(ctx, request.region!.code, request.actor, request.params.evaluationId, request.params.recommendationId, request.body);
    return reply.status(201).send(await view(request.region!.code, request.params.evaluationId));
  });

  r.get('/api/regions/:region/sakip/official-results', {
    config: { access: 'sakip.read' },
    schema: { tags, summary: 'Hasil evaluasi AKIP resmi KemenPANRB per tahun / KemenPANRB\'s official AKIP results by year', params: regionParam, response: { 200: z.array(officialResult) } },
  }, async (request) => listOfficialResults(ctx, request.region!.code));

  r.put('/api/regions/:region/sakip/official-results/:year', {
    config: { access: 'sakip.results' },
    schema: {
      tags, summary: 'Catat hasil resmi KemenPANRB (koordinator SAKIP) / Record KemenPANRB\'s official result (SAKIP coordinator)', params: regionParam.extend({ year: z.coerce.number().int().min(2000).max(2100) }),
      description: 'Nilai 0–100 dengan paling banyak dua desimal, sebagai teks; predikat dihitung dari rentang versi lembar kerja (tepat 90 adalah A). Mencatat ulang tahun yang sama mengoreksinya (tercatat di log audit). / A score 0–100 with at most two decimals, as text; the predicate is computed from the worksheet version\'s bands (exactly 90 is A). Recording the same year again corrects it (kept in the audit log).',
      body: z.object({
        score: z.union([z.string().max(10), z.number()]).describe('Mis. "72.35" / e.g. "72.35"'),
        source: z.string().trim().max(2000).default('').describe('Sumber: surat atau laman KemenPANRB / where it was published'),
        worksheetVersion: z.enum(worksheetVersions).optional(),
      }),
      response: { 200: officialResult, ...failures('sakip.score_invalid', 'sakip.worksheet_unknown') },
    },
  }, async (request) => {
    await recordOfficialResult(ctx, request.region!.code, request.actor, request.params.year, request.body);
    return (await listOfficialResults(ctx, request.region!.code)).find((x) => x.year === request.params.year)!;
  });

  r.get('/api/regions/:region/sakip/province-comparison', {
    config: { access: 'sakip.compare' },
    schema: {
      tags, summary: 'Perbandingan AKIP kabupaten/kota sebuah provinsi / A province\'s kabupaten/kota compared on AKIP', params: regionParam,
      description: 'Untuk provinsi: setiap kabupaten/kota dengan hasil terakhir (resmi, atau evaluasi internal final), tren per tahun, IKU RPJMD tercapai, serta efisiensinya menurut metode daerah itu (capaian IKU lawan serapan anggaran tahun targetsYear). / For a province: each kabupaten/kota with its latest result (official, else the final internal one), the trend by year and the RPJMD key indicators met, and its efficiency by that region\'s method (key indicators\' achievement against budget absorption in targetsYear).',
      querystring: z.object({
        from: z.coerce.number().int().min(2000).max(2100).optional().describe('Bawaan: empat tahun sebelum `to` / default: four years before `to`'),
        to: z.coerce.number().int().min(2000).max(2100).optional().describe('Bawaan: tahun berjalan / default: the current year'),
        targetsYear: z.coerce.number().int().min(2000).max(2100).optional().describe('Tahun IKU; bawaan tahun lalu (tahun terakhir yang lengkap) / the key indicators\' year; default last year (the last complete one)'),
      }),
      response: { 200: comparison, ...failures('sakip.not_province') },
    },
  }, async (request) => {
    const region = request.region!;
    const current = Number(localDateOf(ctx.clock.now(), region).slice(0, 4));
    const to = request.query.to ?? current;
    const from = Math.max(request.query.from ?? to - 4, to - 9);
    return provinceComparison(ctx, region, { from, to, targetsYear: request.query.targetsYear ?? current - 1 });
  });
};
