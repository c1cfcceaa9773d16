// HTTP for the leader's dashboard: the head of region's page (every module's
// figures and what waits on the reader) and a figure's trend.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { regionParam } from '../../../platform/http/schemas.js';
import { failures, fileAnswer, instant, sendAttachment, words } from '../../../platform/http/responses.js';
import { tileSchema } from '../../../platform/modules/routes.js';
import { readTileByRef } from '../../../platform/modules/tiles.js';
import { AppError } from '../../../platform/errors.js';
import { leaderPage, refreshedLeaderPage } from '../service/page.js';
import { briefingPdf } from '../domain/briefing.js';
import { provincePage } from '../service/province.js';
import { provinceMap } from '../service/map.js';
import { tileTrend } from '../service/trend.js';
import { unitsAdoption } from '../service/adoption.js';
import { pimpinanPublicRoutes } from './public.js';
import { digestRoutes } from './digest.js';
import { trainingRoutes } from './training.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { calendarOf } from '../../../platform/calendar/region.js';

const tags = ['pimpinan'];

const attention = z.object({
  module: z.string(), source: z.string(), sourceTitle: words, title: words, detail: words.nullable(),
  since: instant.nullable(), due: instant.nullable(), link: z.string(),
}).meta({ id: 'PimpinanAttention' });
const attentionUnread = z.array(z.object({ module: z.string(), source: z.string(), sourceTitle: words }))
  .describe('Sumber yang saat ini tidak dapat dibaca: daftar di atas mungkin kurang / Sources that could not be read just now: the list above may be missing some');

const page = z.object({
  region: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
  generatedAt: instant,
  figuresReadAt: instant.describe('Bacaan tertua di antara angka yang ditampilkan; angka dibaca ulang tiap figuresMinutes menit atau atas permintaan / The oldest reading among the figures shown; figures are read again every figuresMinutes minutes or on demand'),
  figuresMinutes: z.number().int(),
  modules: z.array(z.object({ module: z.string(), title: words, tiles: z.array(tileSchema) })),
  attention: z.array(attention).describe('Yang menunggu Anda, tenggat terdekat dahulu / What waits on you, nearest deadline first'),
  attentionUnread,
}).meta({ id: 'PimpinanPage' });

const trend = z.object({
  ref: z.string(), title: words, method: words, measure: z.string(), kind: z.enum(['month', 'year']),
  points: z.array(z.object({ period: z.string().describe('2026 atau 2026-03 / 2026 or 2026-03'), value: z.string().nullable().describe('Desimal tepat sebagai teks; kosong bila belum terukur / exact decimal as text; null when nothing was measured') })),
}).meta({ id: 'PimpinanTrend' });

const share = z.object({ done: z.number().int(), total: z.number().int(), percent: z.number() });
const adoption = z.object({
  year: z.number().int(),
  own: z.boolean().describe('Hanya unit pembaca / the reader\'s own units only'),
  measures: z.array(z.object({ ref: z.string(), title: words, method: words })),
  units: z.array(z.object({
    unitId: z.string(), code: z.string(), name: z.string(),
    measures: z.record(z.string(), share).describe('Menurut ukuran (modul.kunci); tidak ada bila unit tidak punya pekerjaan itu / by measure; absent when the unit had no such work'),
    score: z.number().nullable().describe('Rata-rata persentase ukurannya / mean of its measures\' percentages'),
    rank: z.number().int().nullable().describe('1 untuk skor tertinggi di daerah / 1 for the highest score in the region'),
  })).describe('Skor terendah dahulu: unit yang perlu dibantu / lowest score first: the units that need help'),
  rankedUnits: z.number().int().describe('Banyak unit daerah yang berperingkat (punya pekerjaan terukur) / how many of the region\'s units are ranked (have measured work)'),
}).meta({ id: 'PimpinanAdoption' });
const figure = z.object({
  ref: z.string().describe('modul.kunci / module.key'), value: z.number().nullable(), unit: words.nullable(),
  tone: z.enum(['good', 'watch', 'bad']).nullable(),
  asOf: instant.describe('Berlaku per (menurut modulnya) / As of when it holds (by its module)'),
  takenAt: instant.describe('Kapan Pamong membacanya / When Pamong read it'),
  rank: z.number().int().nullable().describe('Peringkat di antara kabupaten/kota bila arah baiknya diketahui / Rank among the kabupaten/kota when its better direction is known'),
});

const province = z.object({
  province: z.object({ code: z.string(), name: z.string() }),
  generatedAt: instant,
  tiles: z.array(z.object({
    ref: z.string(), module: z.string(), moduleTitle: words, key: z.string(), title: words, method: words,
    better: z.enum(['higher', 'lower']).nullable().describe('Lebih tinggi atau lebih rendah lebih baik; kosong bila tidak ada / Higher or lower is better; null when neither'),
  })),
  regions: z.array(z.object({
    code: z.string(), name: z.string(), kind: z.string(),
    leaderPage: z.boolean().describe('Pembaca boleh membuka halaman pimpinan daerah ini / The reader may open this region\'s leader\'s page'),
    figures: z.array(figure).describe('Hanya angka yang sudah terbaca / Only figures read so far'),
  })),
  history: z.object({
    ref: z.string(), months: z.array(z.string()).describe('12 bulan terakhir, YYYY-MM / the last 12 months'),
    regions: z.array(z.object({ code: z.string(), values: z.array(z.number().nullable()) })),
  }).nullable(),
  attention: z.array(attention).describe('Yang menunggu Anda di provinsi / What waits on you in the province'),
  attentionUnread,
}).meta({ id: 'PimpinanProvince' });

const provinceMapAnswer = z.object({
  province: z.object({ code: z.string(), name: z.string() }),
  viewBox: z.string().describe('Ruang SVG jalur di bawah / the SVG space of the paths below'),
  source: z.string(), year: z.number().int().describe('Tahun batas wilayah yang digambar / the year the boundaries show'),
  attribution: words.describe('Wajib ditampilkan bersama peta (CC BY 3.0 IGO) / to be shown with the map (CC BY 3.0 IGO)'),
  areas: z.array(z.object({
    code: z.string(), name: z.string(),
    d: z.string().nullable().describe('Path SVG; kosong bila sumber tidak menggambarnya / SVG path; null when the source does not draw it'),
  })).describe('Setiap kabupaten/kota provinsi di daftar wilayah, menurut kode / every kabupaten/kota of the province in the area registry, by code'),
}).meta({ id: 'PimpinanProvinceMap' });

export const pimpinanRoutes = (ctx: AppContext) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/regions/:region/pimpinan', {
    config: { access: 'pimpinan.read' },
    schema: {
      tags, summary: 'Halaman kepala daerah / The head of region\'s page', params: regionParam,
      description: 'Angka utama setiap modul untuk daerah (masing-masing dengan cara menghitung dan waktunya) dan yang menunggu pembaca hari ini. / Every module\'s headline figures for the region (each with how it is computed and when) and what waits on the reader today.',
      response: { 200: page, ...failures('auth.forbidden') },
    },
  }, async (request) => leaderPage(ctx, request.log, request.actor, request.region!));

  app.post('/api/regions/:region/pimpinan/perbarui', {
    config: { access: 'pimpinan.read' },
    schema: {
      tags, summary: 'Baca ulang angka halaman kepala daerah sekarang / Read the head of region\'s figures again now', params: regionParam,
      description: 'Membaca setiap angka sekarang dan menyimpannya (kecuali sudah dibaca dalam 30 detik terakhir), lalu memberi halamannya. / Reads every figure now and keeps it (unless read in the last 30 seconds), then gives the page.',
      response: { 200: page, ...failures('auth.forbidden') },
    },
  }, async (request) => refreshedLeaderPage(ctx, request.log, request.actor, request.region!));

  app.get('/api/regions/:region/pimpinan/bahan-rapat.pdf', {
    config: { access: 'pimpinan.read' },
    schema: {
      tags, summary: 'Halaman kepala daerah sebagai PDF untuk rapat pimpinan / The head of region\'s page as a PDF for a leadership meeting', params: regionParam,
      description: 'Yang menunggu keputusan dan angka setiap modul, dengan cara menghitung dan waktunya, dalam bahasa pembaca (`?lang=id|en`). / What waits for a decision and every module\'s figures, with how and when, in the reader\'s language (`?lang=id|en`).',
      querystring: z.object({ lang: z.enum(['id', 'en']).optional() }),
      response: { 200: fileAnswer('Bahan rapat / briefing', 'application/pdf'), ...failures('auth.forbidden') },
    },
  }, async (request, reply) => {
    const region = request.region!;
    const page = await leaderPage(ctx, request.log, request.actor, region);
    const data = await briefingPdf({
      regionName: region.name, utcOffsetMinutes: region.utcOffsetMinutes, timezoneLabel: region.timezoneLabel, generatedAt: page.generatedAt,
      attention: page.attention, modules: page.modules,
    }, request.locale);
    const day = localDateOf(page.generatedAt, calendarOf(region, []));
    return sendAttachment(reply, { fileName: `bahan-rapat-pimpinan-${region.code}-${day}.pdf`, data }, 'application/pdf');
  });

  app.get('/api/regions/:region/pimpinan/tiles/:ref', {
    config: { access: 'pimpinan.read' },
    schema: {
      tags, summary: 'Satu angka halaman kepala daerah / One figure of the head of region\'s page', params: regionParam.extend({ ref: z.string().max(120).describe('modul.kunci / module.key') }),
      description: 'Satu angka dibaca sekarang, seperti pada halaman (untuk memuat ulang satu kartu). / One figure read now, as on the page (to reload one card).',
      response: { 200: tileSchema, ...failures('auth.forbidden', 'pimpinan.tile_not_found') },
    },
  }, async (request) => {
    const tile = await readTileByRef(ctx, request.log, request.region!.code, request.params.ref);
    if (!tile) throw new AppError('pimpinan.tile_not_found');
    return tile;
  });

  app.get('/api/regions/:region/pimpinan/adopsi', {
    config: { access: 'pimpinan.adoption' },
    schema: {
      tags, summary: 'Adopsi digital perangkat daerah / Units\' digital adoption', params: regionParam,
      description: 'Seberapa jauh tiap perangkat daerah mengerjakan pekerjaannya di Pamong, diukur dari catatan modul (bukan dilaporkan), setahun waktu setempat. Kepala unit hanya melihat unitnya sendiri. / How far each unit does its work in Pamong, measured from the modules\' records (not reported), over a local year. A unit head sees their own unit only.',
      querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('Bawaan: tahun berjalan / default: this year') }),
      response: { 200: adoption, ...failures('auth.forbidden') },
    },
  }, async (request) => {
    const region = request.region!;
    const year = request.query.year ?? Number(localDateOf(ctx.clock.now(), calendarOf(region, [])).slice(0, 4));
    return unitsAdoption(ctx, request.actor, region, year);
  });

  app.get('/api/regions/:region/pimpinan/trends/:ref', {
    config: { access: 'pimpinan.read' },
    schema: {
      tags, summary: 'Tren satu angka / One figure\'s trend', params: regionParam.extend({ ref: z.string().max(120).describe('modul.kunci / module.key') }),
      querystring: z.object({ period: z.enum(['month', 'year']).default('month').describe('12 bulan terakhir atau 5 tahun terakhir / the last 12 months or 5 years') }),
      response: { 200: trend, ...failures('auth.forbidden', 'pimpinan.trend_not_found', 'pimpinan.trend_period') },
    },
  }, async (request) => tileTrend(ctx, request.region!, request.params.ref, request.query.period));

  app.get('/api/regions/:region/pimpinan/provinsi', {
    config: { access: 'pimpinan.read' },
    schema: {
      tags, summary: 'Halaman provinsi / The province\'s page', params: regionParam,
      description: 'Kabupaten/kota provinsi berdampingan pada setiap angka, dari bacaan terakhir masing-masing (dengan waktunya), peringkat, riwayat bulanan satu angka, dan yang menunggu pembaca di provinsi. / The province\'s kabupaten/kota side by side on every figure, from each one\'s latest reading (saying when), ranks, one figure\'s monthly history, and what waits on the reader in the province.',
      querystring: z.object({ tile: z.string().max(120).optional().describe('modul.kunci yang riwayat bulanannya diminta / module.key whose monthly history is asked for') }),
      response: { 200: province, ...failures('auth.forbidden', 'pimpinan.not_province', 'pimpinan.tile_not_found') },
    },
  }, async (request) => provincePage(ctx, request.log, request.actor, request.region!, request.query.tile));

  app.get('/api/regions/:region/pimpinan/provinsi/peta', {
    config: { access: 'pimpinan.read' },
    schema: {
      tags, summary: 'Peta kabupaten/kota provinsi / The province\'s kabupaten/kota map', params: regionParam,
      description: 'Garis batas setiap kabupaten/kota provinsi sebagai path SVG (geoBoundaries, dari data BPS, WFP dan OCHA, CC BY 3.0 IGO, tahun 2020), untuk diwarnai dengan angka halaman provinsi. Tidak berubah selama satu rilis: boleh disimpan sehari. / Every kabupaten/kota outline of the province as SVG paths (geoBoundaries, from BPS, WFP and OCHA data, CC BY 3.0 IGO, as of 2020), to shade with the province page\'s figures. Unchanged within a release: may be kept for a day.',
      response: { 200: provinceMapAnswer, ...failures('auth.forbidden', 'pimpinan.not_province', 'pimpinan.map_missing') },
    },
  }, async (request, reply) => {
    const map = await provinceMap(ctx, request.region!);
    reply.header('cache-control', 'private, max-age=86400');
    return map;
  });

  await pimpinanPublicRoutes(ctx)(root);
  await digestRoutes(ctx)(root);
  await trainingRoutes(ctx)(root);
};
