// Platform-level SPBE routes: frameworks and their versions (edited by
// platform admins, read by everyone), external assessor grants, history
// import, and the public comparison over published results.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { text } from '../../../platform/http/schemas.js';
import { bandSchema, bilingual, frameworkDocument, indicatorSchema } from '../domain/framework.js';
import { parseResultsCsv } from '../domain/results.js';
import { listAssessors, mySpbe, setAssessorRegions } from '../service/assessors.js';
import * as frameworks from '../service/frameworks.js';
import { areaName, importResults, leaders, NATIONAL, ranking, trend } from '../service/results.js';
import { csvBody, frameworkCode, indicatorCode, tags, yearValue } from './schemas.js';
import { failures, ok } from '../../../platform/http/responses.js';
import * as answers from './responses.js';

const versionParam = z.object({ framework: frameworkCode, version: z.coerce.number().int().min(1).max(9999) });
const areaCode = z.string().regex(/^(00|\d{2}(\.\d{2})?)$/);

export function platformSpbeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/spbe/frameworks', {
    config: { access: 'public' },
    schema: { tags, summary: 'Kerangka evaluasi dan versinya / Evaluation frameworks and their versions', description: 'Versi draf hanya untuk admin platform. / Drafts are listed for platform admins only.', response: { 200: z.array(answers.framework) } },
  }, async (request) => frameworks.listFrameworks(ctx, request.actor.platformAdmin));

  r.post('/api/spbe/frameworks', {
    config: { idempotent: true, access: 'platform_admin' },
    schema: {
      tags, summary: 'Tambah kerangka evaluasi / Add a framework',
      body: z.object({ code: frameworkCode, name: bilingual, regulation: z.string().trim().max(1000).optional(), note: z.string().trim().max(4000).optional() }),
      response: { 201: answers.framework, ...failures('spbe.framework_exists') },
    },
  }, async (request, reply) => reply.status(201).send(await frameworks.createFramework(ctx, request.body)));

  r.get('/api/spbe/frameworks/:framework/versions/:version', {
    config: { access: 'public' },
    schema: { tags, summary: 'Struktur lengkap satu versi: domain, aspek, indikator, bobot, kriteria, predikat / One version\'s full structure', params: versionParam, response: { 200: answers.version, ...failures('spbe.version_not_found') } },
  }, async (request) => frameworks.getVersion(ctx, request.params.framework, request.params.version, request.actor.platformAdmin));

  r.post('/api/spbe/frameworks/:framework/versions', {
    config: { idempotent: true, access: 'platform_admin' },
    schema: {
      tags, summary: 'Buat versi draf baru (salinan atau dokumen baru) / Create a draft version (a copy or a new document)', params: z.object({ framework: frameworkCode }),
      body: z.object({ copyFrom: z.number().int().min(1).optional(), document: frameworkDocument.optional(), note: z.string().trim().max(2000).optional() })
        .refine((b) => (b.copyFrom === undefined) !== (b.document === undefined), 'give either copyFrom or document'),
      response: { 201: answers.version, ...failures('spbe.framework_not_found', 'spbe.version_not_found', 'spbe.framework_invalid') },
    },
  }, async (request, reply) => reply.status(201).send(await frameworks.createVersion(ctx, request.params.framework, request.body)));

  r.put('/api/spbe/frameworks/:framework/versions/:version', {
    config: { access: 'platform_admin' },
    schema: {
      tags, summary: 'Ganti seluruh struktur versi draf / Replace a draft version\'s structure', params: versionParam,
      description: 'Hanya draf; versi aktif/pensiun tidak pernah berubah (409 spbe.version_immutable). / Drafts only; active and retired versions never change.',
      body: z.object({ document: frameworkDocument, note: z.string().trim().max(2000).optional() }),
      response: { 200: answers.version, ...failures('spbe.version_not_found', 'spbe.version_immutable', 'spbe.framework_invalid') },
    },
  }, async (request) => frameworks.replaceDocument(ctx, request.params.framework, request.params.version, request.body.document, request.body.note));

  r.patch('/api/spbe/frameworks/:framework/versions/:version/indicators/:indicator', {
    config: { access: 'platform_admin' },
    schema: {
      tags, summary: 'Koreksi nama, bobot, kriteria indikator (draf) / Correct an indicator\'s name, weight, criteria (draft)',
      params: versionParam.extend({ indicator: indicatorCode }),
      body: indicatorSchema.pick({ name: true, weight: true, capability: true, criteria: true }).partial(),
      response: { 200: answers.version, ...failures('spbe.version_not_found', 'spbe.version_immutable', 'spbe.framework_invalid', 'spbe.indicator_not_found') },
    },
  }, async (request) => frameworks.changeIndicator(ctx, request.params.framework, request.params.version, request.params.indicator, request.body));

  r.put('/api/spbe/frameworks/:framework/versions/:version/predicates', {
    config: { access: 'platform_admin' },
    schema: { tags, summary: 'Ganti rentang predikat (draf) / Replace the predicate bands (draft)', params: versionParam, body: z.object({ predicates: z.array(bandSchema).min(1).max(10) }), response: { 200: answers.version, ...failures('spbe.version_not_found', 'spbe.version_immutable', 'spbe.framework_invalid') } },
  }, async (request) => frameworks.setPredicates(ctx, request.params.framework, request.params.version, request.body.predicates));

  r.post('/api/spbe/frameworks/:framework/versions/:version/activate', {
    config: { access: 'platform_admin' },
    schema: {
      tags, summary: 'Aktifkan versi draf / Activate a draft version', params: versionParam,
      description: 'Ditolak bila jumlah bobot indikator tidak tepat 100 (spbe.weights_not_100) atau predikat tidak menutup skala. Versi aktif sebelumnya dipensiunkan. / Refused unless weights sum to exactly 100 and the bands tile the scale. The previous active version retires.',
      response: { 200: answers.version, ...failures('spbe.version_not_found', 'spbe.version_immutable', 'spbe.framework_invalid', 'spbe.weights_not_100') },
    },
  }, async (request) => frameworks.activate(ctx, request.params.framework, request.params.version));

  r.post('/api/spbe/frameworks/:framework/versions/:version/retire', {
    config: { access: 'platform_admin' }, schema: { tags, summary: 'Pensiunkan versi aktif / Retire an active version', params: versionParam, response: { 200: answers.version, ...failures('spbe.version_not_found', 'spbe.version_not_active') } },
  }, async (request) => frameworks.retire(ctx, request.params.framework, request.params.version));

  r.delete('/api/spbe/frameworks/:framework/versions/:version', {
    config: { access: 'platform_admin' }, schema: { tags, summary: 'Hapus versi draf / Delete a draft version', params: versionParam, response: { 200: ok, ...failures('spbe.version_not_found', 'spbe.version_immutable') } },
  }, async (request) => {
    await frameworks.deleteDraft(ctx, request.params.framework, request.params.version);
    return { ok: true as const };
  });

  r.get('/api/spbe/assessors', {
    config: { access: 'platform_admin' }, schema: { tags, summary: 'Asesor eksternal dan daerahnya / External assessors and their regions', response: { 200: z.array(answers.assessor) } },
  }, async () => listAssessors(ctx));

  r.put('/api/spbe/assessors', {
    config: { access: 'platform_admin' },
    schema: {
      tags, summary: 'Tetapkan daerah seorang asesor eksternal / Set an external assessor\'s regions',
      description: 'Membuat akun bila belum ada dan mengirim tautan untuk membuat kata sandi; daerah di luar daftar dicabut. / Creates the account if needed and emails a link to choose its password; regions not listed are revoked.',
      body: z.object({ email: z.email().max(200), name: text(200), regions: z.array(z.string().regex(/^\d{2}(\.\d{2})?$/)).max(600) }),
      response: { 200: z.object({ userId: z.string(), email: z.string(), regions: z.array(z.string()) }), ...failures('region.not_found', 'user.email_taken') },
    },
  }, async (request) => setAssessorRegions(ctx, request.actor, request.body));

  r.get('/api/spbe/me', {
    config: { access: 'signed_in' }, schema: { tags, summary: 'Daerah SPBE saya, wewenang dan evaluasi berjalan / My SPBE regions, permissions and running evaluations', response: { 200: z.array(answers.mySpbeRegion) } },
  }, async (request) => mySpbe(ctx, request.actor));

  r.post('/api/spbe/results/import', {
    config: { access: 'platform_admin', bodyTypes: ['csv'] },
    schema: {
      tags, summary: 'Impor hasil yang dipublikasikan untuk daerah mana pun dan nasional (00) / Import published results for any region and the national series (00)',
      description: 'text/csv: region_code,year,framework_version,index[,predicate][,domain:D1...][,aspect:A1...]. framework_version: spbe-2020@1, atau kode saja (spbe-2018). Semua atau tidak sama sekali. / All or nothing.',
      body: csvBody,
      response: { 200: answers.imported, ...failures('spbe.import_invalid') },
    },
  }, async (request) => ctx.database.db.transaction((tx) => importResults(tx, parseResultsCsv(request.body), { now: ctx.clock.now(), onlyRegion: null })));

  r.get('/api/spbe/rankings', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Peringkat hasil yang dipublikasikan menurut indeks, domain atau aspek / Ranking of published results by index, domain or aspect',
      querystring: z.object({
        year: yearValue,
        by: z.enum(['index', 'domain', 'aspect']).default('index'),
        code: z.string().regex(/^[A-Za-z0-9._-]{1,20}$/).optional().describe('Kode domain/aspek bila by=domain|aspect / domain or aspect code'),
        province: z.string().regex(/^\d{2}$/).optional().describe('Hanya kabupaten/kota provinsi ini / only this province\'s regencies and cities'),
        kind: z.enum(['provinsi', 'kabupaten', 'kota']).optional(),
        framework: frameworkCode.optional(),
      }).refine((q) => q.by === 'index' || q.code !== undefined, 'code is required for by=domain|aspect'),
      response: { 200: answers.ranking },
    },
  }, async (request) => {
    const { by, code, ...rest } = request.query;
    return ranking(ctx, by === 'index' ? { ...rest, by } : { ...rest, by, code: code! });
  });

  r.get('/api/spbe/trend', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Tren hasil yang dipublikasikan, dengan seri nasional / Published trend with the national series',
      querystring: z.object({ region: areaCode.describe('Kode daerah, atau 00 untuk nasional / area code, or 00 for national') }),
      response: { 200: answers.nationalTrend, ...failures('region.not_found') },
    },
  }, async (request) => ({
    region: await areaName(ctx.database.db, request.query.region),
    points: await trend(ctx.database.db, request.query.region, false),
    national: request.query.region === NATIONAL ? [] : await trend(ctx.database.db, NATIONAL, false),
  }));

  r.get('/api/spbe/leaders', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Belajar dari yang terbaik: daerah dengan tingkat 4–5 pada indikator / Learn from the leaders: regions at level 4–5 on an indicator',
      querystring: z.object({ framework: frameworkCode, indicator: indicatorCode, minLevel: z.coerce.number().int().min(1).max(10).default(4) }),
      response: { 200: z.array(answers.leader) },
    },
  }, async (request) => leaders(ctx, request.query));
}
