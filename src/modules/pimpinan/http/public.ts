// HTTP for the public version of the leader's page (issue 15, "Open data"):
// the figures the region publishes, for anyone (no session), as JSON, as CSV
// (Indonesian or English) and described as a DCAT catalogue for open-data
// portals, read from the figures' snapshot only, and readable from any site
// (CORS); and the region admin's choice of what is published.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { regionParam } from '../../../platform/http/schemas.js';
import { failures, fileAnswer, instant, ok, sendAttachment, words } from '../../../platform/http/responses.js';
import { preflightFromAnyOrigin, readableFromAnyOrigin } from '../../../platform/http/cross-origin.js';
import { dcatCatalogue } from '../service/dcat.js';
import { publicationChoices, publicCsv, publicCsvName, publicPage, setPublished } from '../service/public.js';

const tags = ['pimpinan'];
/**
 * Public figures change when the sweep reads them again (an hour by default) or the region changes its choice: a
 * minute of an old copy is harmless to a portal, and a region admin who has just published sees it soon.
 */
const PUBLIC_CACHING = 'public, max-age=60';

const publicFigure = z.object({
  ref: z.string().describe('modul.kunci / module.key'), module: z.string(), moduleTitle: words, key: z.string(),
  title: words, method: words.describe('Cara menghitung / how it is computed'),
  value: z.number().nullable().describe('Bacaan terakhir; kosong bila belum ada data / the latest reading; null when there is no data'),
  unit: words.nullable().describe('Satuan bacaan terakhir / what the latest reading is counted in'),
  tone: z.enum(['good', 'watch', 'bad']).nullable().describe('Terhadap sasarannya, bila ada / against its goal, where it has one'),
  asOf: instant.describe('Berlaku per (menurut modulnya) / as of when it holds (by its module)'),
  takenAt: instant.describe('Kapan Pamong membacanya / when Pamong read it'),
  months: z.array(z.object({
    month: z.string().describe('YYYY-MM, waktu setempat / local'),
    value: z.number().nullable(),
    takenAt: instant.nullable().describe('Bacaan terakhir bulan itu; kosong bila tidak ada / the month\'s last reading; null when none'),
  })).describe('12 bulan terakhir, terlama dahulu / the last 12 months, oldest first'),
}).meta({ id: 'PimpinanPublicFigure' });

const publicAnswer = z.object({
  region: z.object({ code: z.string(), name: z.string(), kind: z.string(), timezone: z.string(), timezoneLabel: z.string() }),
  generatedAt: instant,
  months: z.array(z.string()).describe('12 bulan terakhir, YYYY-MM / the last 12 months'),
  figures: z.array(publicFigure).describe('Hanya angka yang diterbitkan daerah dan sudah terbaca / Only the figures the region publishes, once read'),
}).meta({ id: 'PimpinanPublic' });

const choices = z.object({
  tiles: z.array(z.object({
    ref: z.string(), module: z.string(), moduleTitle: words, key: z.string(), title: words, method: words,
    published: z.boolean().describe('Diterbitkan / published'),
  })),
}).meta({ id: 'PimpinanPublication' });

const OPEN_DATA = '/api/regions/:region/pimpinan/publik';

export const pimpinanPublicRoutes = (ctx: AppContext) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // Open data is read by portals' widgets on other sites: these three answer any origin, without credentials.
  preflightFromAnyOrigin(app, [OPEN_DATA, `${OPEN_DATA}.csv`, `${OPEN_DATA}/dcat.jsonld`]);

  app.get(OPEN_DATA, {
    config: { access: 'public' },
    onRequest: readableFromAnyOrigin,
    schema: {
      tags, summary: 'Angka pimpinan yang diterbitkan daerah (publik) / The leader\'s figures the region publishes (public)', params: regionParam,
      description: 'Tanpa masuk. Hanya angka yang dipilih admin daerah, dari bacaan berkala Pamong (bukan dihitung saat diminta), masing-masing dengan cara menghitung, waktu berlakunya, dan 12 bulan terakhir. / No sign-in. Only the figures the region admin chose, from Pamong\'s periodic readings (not computed on request), each with how it is computed, as of when, and its last 12 months.',
      response: { 200: publicAnswer },
    },
  }, async (request, reply) => {
    const page = await publicPage(ctx, request.region!);
    reply.header('cache-control', PUBLIC_CACHING);
    return page;
  });

  app.get(`${OPEN_DATA}.csv`, {
    config: { access: 'public' },
    onRequest: readableFromAnyOrigin,
    schema: {
      tags, summary: 'Angka pimpinan yang diterbitkan, sebagai CSV data terbuka / The published figures as open-data CSV', params: regionParam,
      querystring: z.object({ lang: z.enum(['id', 'en']).optional().describe('Bahasa kepala kolom dan teks; bawaan id / the language of the header and texts; id by default') }),
      description: 'UTF-8 dengan BOM, pemisah koma, desimal titik (dalam kedua bahasa); satu baris per angka dan bulan; kolom: kode_wilayah, nama_wilayah, modul, nama_modul, kunci, judul, cara_menghitung, bulan, nilai, satuan, berlaku_per, dibaca_pada. '
        + '/ UTF-8 with a BOM, comma-separated, decimal point (in both languages); one row per figure and month; with `?lang=en` the columns are region_code, region_name, module, module_name, key, title, method, month, value, unit, as_of, read_at and the texts English.',
      response: { 200: fileAnswer('CSV data terbuka / open-data CSV', 'text/csv') },
    },
  }, async (request, reply) => {
    const region = request.region!;
    const lang = request.query.lang ?? 'id';
    const file = publicCsv(await publicPage(ctx, region), region, lang);
    reply.header('content-language', lang);
    return sendAttachment(reply, { fileName: publicCsvName(region, lang), data: Buffer.from(file) }, 'text/csv; charset=utf-8', PUBLIC_CACHING);
  });

  app.get(`${OPEN_DATA}/dcat.jsonld`, {
    config: { access: 'public' },
    onRequest: readableFromAnyOrigin,
    schema: {
      tags, summary: 'Katalog DCAT data terbuka daerah (JSON-LD) / The region\'s open-data DCAT catalogue (JSON-LD)', params: regionParam,
      description: 'dcat:Catalog (W3C DCAT v2 / DCAT-AP) untuk pemanen CKAN (ckanext-dcat) dan portal lain: satu dcat:Dataset berisi angka yang diterbitkan (judul dan uraian id/en, penerbit, dct:modified, kata kunci, lisensi CC BY 4.0, cakupan waktu) dengan distribusi JSON, CSV (id) dan CSV (en), alamat mutlak dari PAMONG_PUBLIC_URL. Tanpa angka yang diterbitkan: katalog tanpa dataset. '
        + '/ A dcat:Catalog for CKAN\'s DCAT harvester and other portals: one dcat:Dataset of the published figures with JSON, CSV (id) and CSV (en) distributions, absolute addresses from PAMONG_PUBLIC_URL. Nothing published: a catalogue without a dataset.',
      response: { 200: fileAnswer('JSON-LD (DCAT)', 'application/ld+json') },
    },
  }, async (request, reply) => {
    const region = request.region!;
    const catalogue = dcatCatalogue(await publicPage(ctx, region), region, ctx.config.publicUrl, region.settings.pimpinan.openDataEmail);
    return reply.type('application/ld+json; charset=utf-8').header('cache-control', PUBLIC_CACHING).send(JSON.stringify(catalogue, null, 2));
  });

  app.get('/api/regions/:region/pimpinan/publik/pilihan', {
    config: { access: 'region.admin' },
    schema: {
      tags, summary: 'Angka yang dapat diterbitkan dan pilihannya / The figures the region may publish, and its choice', params: regionParam,
      response: { 200: choices, ...failures('auth.forbidden') },
    },
  }, async (request) => publicationChoices(request.region!));

  app.put('/api/regions/:region/pimpinan/publik/pilihan', {
    config: { access: 'region.admin' },
    schema: {
      tags, summary: 'Pilih angka yang diterbitkan / Choose the figures to publish', params: regionParam,
      description: 'Menggantikan seluruh pilihan; daftar kosong berarti tidak ada yang diterbitkan. / Replaces the whole choice; an empty list publishes nothing.',
      body: z.object({ refs: z.array(z.string().min(1).max(120).describe('modul.kunci / module.key')).max(200) }),
      response: { 200: ok, ...failures('auth.forbidden', 'pimpinan.unknown_tile') },
    },
  }, async (request) => {
    await setPublished(ctx, request.actor, request.region!, request.body.refs);
    return { ok: true as const };
  });
};
