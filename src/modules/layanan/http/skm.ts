// HTTP for the satisfaction survey (SKM): the instrument staff fill, paper
// forms (entered, listed, corrected, deleted) and populations entered by
// staff, the results (JSON and Excel), and the public page. No anonymous
// answer route: citizens' online answers come with their applications
// (POST …/applications/:id/survey), so nobody can stuff the ballot box.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { paging, regionParam, text } from '../../../platform/http/schemas.js';
import { failures, fileAnswer, instant, sendAttachment } from '../../../platform/http/responses.js';
import { AGE_BANDS, EDUCATIONS, GENDERS, OCCUPATIONS } from '../domain/skm.js';
import { correctSkmForm, deleteSkmForm, enterSkmForm, listSkmForms, localToday, publicSkm, setSkmPopulation, skmInstrumentView, skmResults } from '../service/skm.js';
import { skmWorkbook, XLSX_TYPE } from '../service/skm-workbook.js';
import { currentSkmInstrument } from '../service/skm-instrument.js';

const tags = ['layanan'];
const period = z.string().max(10).describe('Tahun (2026), semester (2026-S1), triwulan (2026-Q1) atau bulan (2026-03); bawaan: tahun berjalan / a year, semester, quarter or month; by default the current year');
const band = z.object({ grade: z.string().describe('Mutu A–D'), performance: z.string().describe('Kinerja unit pelayanan / performance') });
const periodAnswer = z.object({ key: z.string(), kind: z.enum(['year', 'semester', 'quarter', 'month']), from: z.string(), until: z.string().describe('Hari sesudah hari terakhir / the day after the last') });
const instrumentRef = z.object({ version: z.string().describe('Versi data acuan yang menghitung hasil ini / the reference version that computed this'), regulation: z.string() });

const summary = {
  respondents: z.number().int(),
  elements: z.array(z.object({
    code: z.string(), name: z.string(), answered: z.number().int().describe('Responden yang mengisi unsur ini / respondents who answered it'),
    nrr: z.number().nullable().describe('Nilai rata-rata unsur, 4 desimal; null bila tak seorang pun mengisi / the element\'s average, 4 decimals; null when nobody answered'),
  })),
  ikm: z.number().nullable().describe('IKM = Σ NRR × 1/9, 4 desimal / 4 decimals'),
  converted: z.number().nullable().describe('IKM × 25, dibulatkan setengah ke atas ke 2 desimal sebelum mutu dibaca; null bila tidak ada responden atau ada unsur yang tak diisi siapa pun / × 25, half up to 2 decimals before the band is read; null without respondents or with an element nobody answered'),
  band: band.nullable(),
  unanswered: z.array(z.string()).describe('Unsur yang tak diisi siapa pun: tanpa indeks / elements nobody answered: no index'),
  population: z.number().int().nullable().describe('Jumlah pengguna layanan pada periode: yang diisi petugas, atau bila tidak diisi, jumlah permohonan layanan itu yang selesai dilayani (status finished: hasil diterbitkan atau layanan selesai; refused: ditolak dengan keputusan; withdrawn tidak dihitung) pada periode menurut tanggal setempat; untuk perangkat daerah dan keseluruhan jumlah semua layanannya bila setiap layanan punya angka; null bila tidak diketahui (tidak diisi dan tidak ada permohonan selesai) / service users in the period: the figure staff entered, or else the number of the service\'s applications served (status finished: result issued or service completed; refused: decided against; withdrawn not counted) in the period by local date; for a unit and the whole the sum over its services when every one has a figure; null when unknown (not entered and no application served)'),
  populationSource: z.enum(['entered', 'applications', 'mixed']).nullable().describe('Asal jumlah pengguna: entered (diisi petugas, selalu diutamakan), applications (dihitung dari permohonan), mixed (perangkat daerah/keseluruhan: sebagian dari keduanya); null bila tidak diketahui / where the population came from: entered by staff (always preferred), counted from applications, or mixed (a unit or the whole: some of each); null when unknown'),
  requiredSample: z.number().int().nullable().describe('Sampel minimum (Krejcie & Morgan) / the minimum sample'),
  sufficient: z.boolean().nullable(),
};

const results = z.object({
  period: periodAnswer, instrument: instrumentRef,
  overall: z.object(summary),
  services: z.array(z.object({ service: z.object({ id: z.string(), slug: z.string(), name: z.string() }), unit: z.object({ id: z.string(), code: z.string(), name: z.string() }), ...summary })),
  units: z.array(z.object({ unit: z.object({ id: z.string(), code: z.string(), name: z.string() }), ...summary })),
}).meta({ id: 'LayananSkmResults' });

const publicIndex = { respondents: z.number().int(), converted: z.number().nullable(), band: band.nullable() };
const publicResults = z.object({
  period: periodAnswer, instrument: instrumentRef, overall: z.object(publicIndex),
  services: z.array(z.object({ slug: z.string(), name: z.string(), unit: z.object({ name: z.string() }), ...publicIndex })),
}).meta({ id: 'LayananPublicSkm' });

const instrument = z.object({
  version: z.string(), regulation: z.string(),
  elements: z.array(z.object({ code: z.string(), name: z.string(), question: z.string().nullable(), answers: z.array(z.string()).nullable().describe('Label jawaban 1–4 bila diketahui / answer labels 1–4 where known') })),
  scale: z.array(z.object({ value: z.number().int(), label: z.string() })),
  bands: z.array(band.extend({ min: z.number(), max: z.number() })),
}).meta({ id: 'LayananSkmInstrument' });

const answersOut = z.record(z.string(), z.number().nullable());
const paperForm = z.object({
  id: z.string(), service: z.object({ id: z.string(), slug: z.string(), name: z.string() }), unitId: z.string(),
  serviceDate: z.string(), instrumentVersion: z.string(), answers: answersOut.describe('Per kode unsur: 1–4 atau null / by element code: 1–4 or null'),
  gender: z.string().nullable(), ageBand: z.string().nullable(), education: z.string().nullable(), occupation: z.string().nullable(),
  enteredAt: instant, enteredBy: z.string(), correctedAt: instant.nullable(), correctedBy: z.string().nullable().describe('Koreksi terakhir / the last correction'),
}).meta({ id: 'LayananSkmPaperForm' });
const responseParam = regionParam.extend({ responseId: z.uuid() });
const resultsQuery = z.object({ period: period.optional(), serviceId: z.uuid().optional(), unitId: z.uuid().optional() });
const formFailures = ['layanan.skm_form_not_found', 'layanan.not_your_unit', 'layanan.skm_online_answer'] as const;

const thisYear = (now: Date, region: { utcOffsetMinutes: number }) => localToday(now, region).slice(0, 4);

/** A survey form's answers by element code, with the respondent's optional profile: on paper (staff) and online (an applicant). */
export const surveyAnswers = () => {
  const answer = z.number().nullable().describe('1–4; null bila dikosongkan responden / null where left blank');
  return {
    answers: z.object(Object.fromEntries(currentSkmInstrument().elements.map((e) => [e.code, answer.describe(`${e.name}: 1–4 atau null / or null`)])))
      .describe('Jawaban per kode unsur (U1–U9) / answers by element code'),
    gender: z.enum(GENDERS).nullable().optional(), ageBand: z.enum(AGE_BANDS).nullable().optional(),
    education: z.enum(EDUCATIONS).nullable().optional(), occupation: z.enum(OCCUPATIONS).nullable().optional(),
  };
};

export function layananSkmRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const R = '/api/regions/:region/layanan';

  // The regulation's questionnaire, public like the regulation: staff fill paper forms with it, applicants answer it online.
  r.get(`${R}/skm/instrument`, {
    config: { access: 'public' },
    schema: { tags, summary: 'Instrumen SKM yang berlaku: unsur, skala, mutu / The SKM instrument in force: elements, scale, bands', params: regionParam, response: { 200: instrument } },
  }, async () => skmInstrumentView());

  r.post(`${R}/skm/responses`, {
    config: { access: 'layanan.skm.enter' },
    schema: {
      tags, summary: 'Masukkan formulir SKM kertas / Enter a paper SKM form', params: regionParam,
      description: 'Petugas loket dan pengelola layanan perangkat daerah hanya untuk layanan perangkat daerahnya. Ditolak utuh bila ada jawaban di luar 1–4, semua kosong, atau tanggal belum terjadi. / Counter staff and unit service managers for their own unit\'s services only. Refused whole when an answer is outside 1–4, every answer is blank, or the date is in the future.',
      body: z.object({ serviceId: z.uuid(), serviceDate: z.iso.date().describe('Tanggal menerima layanan / the date of service'), ...surveyAnswers() }),
      response: {
        201: z.object({ id: z.string() }),
        ...failures('layanan.service_not_found', 'layanan.not_your_unit', 'layanan.skm_never_published', 'layanan.skm_answer_out_of_range', 'layanan.skm_form_empty', 'layanan.skm_future_date'),
      },
    },
  }, async (request, reply) => reply.status(201).send({ id: await enterSkmForm(ctx, request.region!, request.actor, request.body) }));

  r.put(`${R}/skm/populations`, {
    config: { access: 'layanan.skm.enter' },
    schema: {
      tags, summary: 'Jumlah pengguna layanan dalam satu periode (untuk sampel minimum) / Service users in a period (for the minimum sample)', params: regionParam,
      body: z.object({ serviceId: z.uuid(), period: z.string().max(10).describe('2026, 2026-S1, 2026-Q1, 2026-03'), population: z.number().int().min(0).max(100_000_000) }),
      response: { 200: z.object({ ok: z.literal(true) }), ...failures('layanan.service_not_found', 'layanan.not_your_unit', 'layanan.skm_never_published', 'layanan.skm_period_invalid') },
    },
  }, async (request) => {
    await setSkmPopulation(ctx, request.region!.code, request.actor, request.body);
    return { ok: true as const };
  });

  r.get(`${R}/skm/responses`, {
    config: { access: 'layanan.skm.enter' },
    schema: {
      tags, summary: 'Formulir SKM kertas yang dimasukkan, terbaru dahulu / Paper SKM forms entered, newest first', params: regionParam,
      description: 'Hanya formulir kertas (jawaban daring pemohon tidak diubah petugas), dari perangkat daerah yang formulirnya boleh dimasukkan pengguna ini (petugas daerah: semua). Periode menurut tanggal pelayanan. / Paper forms only (applicants\' online answers are not staff\'s to change), of the units whose forms this user may enter (region-wide staff: all). The period is by date of service.',
      querystring: z.object({ serviceId: z.uuid().optional(), period: period.optional(), ...paging }),
      response: { 200: z.object({ total: z.number().int(), items: z.array(paperForm) }), ...failures('layanan.skm_period_invalid') },
    },
  }, async (request) => listSkmForms(ctx, request.region!.code, request.actor, request.query));

  r.put(`${R}/skm/responses/:responseId`, {
    config: { access: 'layanan.skm.enter' },
    schema: {
      tags, summary: 'Koreksi formulir SKM kertas / Correct a paper SKM form', params: responseParam,
      description: 'Tanggal pelayanan, jawaban dan profil responden diganti utuh, diperiksa seperti saat dimasukkan; sebelum dan sesudahnya tercatat di log audit. Jawaban daring pemohon ditolak (layanan.skm_online_answer). / The date of service, answers and profile are replaced whole, checked as when entered; before and after go to the audit log. An applicant\'s online answer is refused (layanan.skm_online_answer).',
      body: z.object({ serviceDate: z.iso.date().describe('Tanggal menerima layanan / the date of service'), ...surveyAnswers() }),
      response: {
        200: paperForm,
        ...failures(...formFailures, 'layanan.skm_answer_out_of_range', 'layanan.skm_form_empty', 'layanan.skm_future_date'),
      },
    },
  }, async (request) => correctSkmForm(ctx, request.region!, request.actor, request.params.responseId, request.body));

  r.delete(`${R}/skm/responses/:responseId`, {
    config: { access: 'layanan.skm.enter' },
    schema: {
      tags, summary: 'Hapus formulir SKM kertas, dengan alasan / Delete a paper SKM form, with a reason', params: responseParam,
      description: 'Alasan wajib; formulir dan alasannya tetap di log audit. Jawaban daring pemohon ditolak (layanan.skm_online_answer). / A reason is required; the form and the reason stay in the audit log. An applicant\'s online answer is refused (layanan.skm_online_answer).',
      body: z.object({ reason: text(1000).describe('Mengapa formulir ini dihapus / why this form is deleted') }),
      response: { 200: z.object({ ok: z.literal(true) }), ...failures(...formFailures) },
    },
  }, async (request) => {
    await deleteSkmForm(ctx, request.region!.code, request.actor, request.params.responseId, request.body.reason);
    return { ok: true as const };
  });

  const resultsFor = (region: NonNullable<FastifyRequest['region']>, query: z.infer<typeof resultsQuery>) =>
    skmResults(ctx, region, { ...query, period: query.period ?? thisYear(ctx.clock.now(), region) });

  r.get(`${R}/skm`, {
    config: { access: 'layanan.read' },
    schema: {
      tags, summary: 'Indeks kepuasan masyarakat per layanan, perangkat daerah dan periode / The satisfaction index per service, unit and period', params: regionParam,
      querystring: resultsQuery,
      response: { 200: results, ...failures('layanan.skm_period_invalid', 'layanan.service_not_found', 'unit.not_found') },
    },
  }, async (request) => resultsFor(request.region!, request.query));

  r.get(`${R}/skm/results.xlsx`, {
    config: { access: 'layanan.read' },
    schema: {
      tags, summary: 'Hasil SKM sebagai Excel / The SKM results as Excel', params: regionParam,
      description: 'Periode dan saringan seperti GET …/skm. Lembar: keseluruhan (dengan periode dan versi instrumen), per layanan, per perangkat daerah. Judul dalam bahasa pembaca (?lang=, kuki, Accept-Language). / Period and filters as GET …/skm. Sheets: overall (with the period and instrument version), by service, by unit. Headings in the reader\'s language (?lang=, cookie, Accept-Language).',
      querystring: resultsQuery,
      response: { 200: fileAnswer('Buku kerja XLSX / an XLSX workbook', XLSX_TYPE), ...failures('layanan.skm_period_invalid', 'layanan.service_not_found', 'unit.not_found') },
    },
  }, async (request, reply) => sendAttachment(reply, await skmWorkbook(await resultsFor(request.region!, request.query), request.region!.code, request.locale), XLSX_TYPE));

  r.get(`${R}/public/skm`, {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Indeks kepuasan masyarakat layanan terbit (publik) / The published services\' satisfaction index (public)', params: regionParam,
      querystring: z.object({ period: period.optional() }),
      response: { 200: publicResults, ...failures('layanan.skm_period_invalid') },
    },
  }, async (request) => publicSkm(ctx, request.region!.code, request.query.period ?? thisYear(ctx.clock.now(), request.region!)));
}
