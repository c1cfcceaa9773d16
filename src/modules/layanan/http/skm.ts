// HTTP for the satisfaction survey (SKM): the instrument staff fill, paper
// forms and populations entered by staff, the results, and the public page.
// No anonymous answer route: citizens' online answers come with their
// applications (a later slice), so nobody can stuff the ballot box.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { regionParam } from '../../../platform/http/schemas.js';
import { failures } from '../../../platform/http/responses.js';
import { AGE_BANDS, EDUCATIONS, GENDERS, OCCUPATIONS } from '../domain/skm.js';
import { enterSkmForm, localToday, publicSkm, setSkmPopulation, skmInstrumentView, skmResults } from '../service/skm.js';
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
  population: z.number().int().nullable().describe('Jumlah pengguna layanan pada periode; null bila belum diisi untuk setiap layanan / service users in the period; null unless entered for every service'),
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

  r.get(`${R}/skm`, {
    config: { access: 'layanan.read' },
    schema: {
      tags, summary: 'Indeks kepuasan masyarakat per layanan, perangkat daerah dan periode / The satisfaction index per service, unit and period', params: regionParam,
      querystring: z.object({ period: period.optional(), serviceId: z.uuid().optional(), unitId: z.uuid().optional() }),
      response: { 200: results, ...failures('layanan.skm_period_invalid', 'layanan.service_not_found', 'unit.not_found') },
    },
  }, async (request) => skmResults(ctx, request.region!.code, { ...request.query, period: request.query.period ?? thisYear(ctx.clock.now(), request.region!) }));

  r.get(`${R}/public/skm`, {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Indeks kepuasan masyarakat layanan terbit (publik) / The published services\' satisfaction index (public)', params: regionParam,
      querystring: z.object({ period: period.optional() }),
      response: { 200: publicResults, ...failures('layanan.skm_period_invalid') },
    },
  }, async (request) => publicSkm(ctx, request.region!.code, request.query.period ?? thisYear(ctx.clock.now(), request.region!)));
}
