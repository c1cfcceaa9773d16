// HTTP for the Living Lab. Public: the catalogue of published solutions
// (search, one solution, its kit files, its package file, open data). The
// owner region (its Living Lab officer): drafts, publishing, the kit. Any
// region's officer: previewing and adopting another region's solution or a
// package file. Curators: feature, hide, supersede.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { regionParam, text } from '../../../platform/http/schemas.js';
import { failures, fileAnswer, instant, ok, sendAttachment, words } from '../../../platform/http/responses.js';
import { multipartReader } from '../../../platform/files.js';
import { csvDialect, csvFile } from '../../../platform/csv.js';
import { applicationFactsSchema, nationalApplicationSchema, DOMAINS, domainSchema, KIT_KINDS, kitKindSchema, mentorSchema, NATIONAL_APPLICATIONS, SECTORS, sectorSchema } from '../domain/solution.js';
import { addKitFile, createSolution, deleteKitFile, deleteSolution, kitPolicy, listOwnSolutions, ownSolutionDetail, packageOffer, publishSolution, readKitFile, updateSolution } from '../service/solutions.js';
import { catalogueRows, packageFile, publicSolution, publishedForAdoption, searchCatalogue } from '../service/catalogue.js';
import { adopt, adoptFile, listAdoptions, previewAdoption, previewImport } from '../service/adoption.js';
import { curate, hiddenItems } from '../service/curation.js';
import { answerReview, moderateReview, publicRatings, rate } from '../service/reviews.js';
import { solutionImpact } from '../service/impact.js';
import { coachingRoutes } from './coaching.js';
import { lineage, mapCounts, provinceOutlines, regencyMap } from '../service/map.js';
import { decide, digitalBudget, listApplications, listProposals, portfolioUnits, propose, proposalDetail, saveApplication } from '../service/portfolio.js';

const tags = ['livinglab'];
const solutionParam = z.object({ solutionId: z.uuid() });
const regionSolution = regionParam.extend({ solutionId: z.uuid() });
const kind = z.enum(['package', 'application']);
const application = applicationFactsSchema.meta({ id: 'LivingLabApplication' });
const mentor = mentorSchema.meta({ id: 'LivingLabMentor' });
const unitMap = z.record(z.string().max(50), z.uuid()).refine((m) => Object.keys(m).length <= 500, { message: 'at most 500 units' }).default({})
  .describe('Kode perangkat daerah sumber → id perangkat daerah Anda / the source unit\'s code → your unit\'s id');
const take = z.array(z.string().max(200)).max(5000).default([]).describe('Kunci baris pratinjau yang diterapkan; baris "change" hanya bila disebut / the preview lines to apply; "change" lines only when named');

const solutionInput = z.object({
  kind,
  packageKind: z.string().max(100).nullish().describe('Untuk paket: jenis paket modul, mis. complaints.categories / for a package: the module\'s package kind'),
  contentKeys: z.array(z.string().max(200)).max(1000).optional().describe('Yang dikemas (kunci kandidat); kosong berarti semua / what to package (candidate keys); empty is everything'),
  title: text(200), summary: z.string().trim().max(500).default(''), description: z.string().trim().max(20_000).default(''),
  domain: domainSchema, sector: sectorSchema.nullish().transform((s) => s ?? null),
  application: application.nullish(), mentor: mentor.nullish().transform((m) => m ?? null),
});

const kitFile = z.object({ id: z.string(), kind: z.string(), title: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int() });
const version = z.object({ number: z.number().int(), changelog: z.string(), publishedAt: instant });
const change = z.object({
  key: z.string(), kind: z.enum(['add', 'change', 'same']), label: z.string(),
  fields: z.array(z.object({ field: z.string(), ours: z.string().nullable(), theirs: z.string().nullable() })),
}).meta({ id: 'LivingLabChange' });
const packageView = z.object({ summary: words, units: z.array(z.object({ code: z.string(), name: z.string() })), content: z.unknown() });

const ownAnswer = z.object({
  id: z.string(), kind, packageKind: z.string().nullable(), contentKeys: z.array(z.string()), title: z.string(), summary: z.string(), description: z.string(),
  domain: domainSchema, sector: z.string().nullable(), application: application.nullable(), mentor: mentor.nullable(), latestVersion: z.number().int().nullable(),
  featured: z.boolean(), hidden: z.boolean(), curatorNote: z.string().nullable(), updatedAt: instant,
  package: packageView.nullable().describe('Paket yang akan terbit bila diterbitkan sekarang / the package publishing now would make'),
  versions: z.array(version), kit: z.array(kitFile),
}).meta({ id: 'LivingLabOwnSolution' });

const catalogueItem = z.object({
  id: z.string(), regionCode: z.string(), regionName: z.string(), version: z.number().int(), kind, packageKind: z.string().nullable(),
  title: z.string(), summary: z.string(), domain: z.string(), sector: z.string().nullable(), publishedAt: instant, featured: z.boolean(),
  supersededBy: z.string().nullable(), adopters: z.number().int(), mentor: mentor.nullable().describe('Siapa yang dihubungi / who to ask'), duplicates: z.string().nullable().describe('Aplikasi umum nasional yang dikerjakan sama / the national general application it duplicates'),
}).meta({ id: 'LivingLabCatalogueItem' });

const publicAnswer = z.object({
  id: z.string(), region: z.object({ code: z.string(), name: z.string() }), version: z.number().int(), latestVersion: z.number().int(), kind, packageKind: z.string().nullable(),
  title: z.string(), summary: z.string(), description: z.string(), domain: z.string(), sector: z.string().nullable(),
  application: application.nullable(), mentor: mentor.nullable(), changelog: z.string(), publishedAt: instant, featured: z.boolean(), curatorNote: z.string().nullable(), supersededBy: z.string().nullable(),
  package: packageView.nullable(), versions: z.array(version), kit: z.array(kitFile),
  adopters: z.array(z.object({ regionCode: z.string(), regionName: z.string(), version: z.number().int(), adoptedAt: instant })),
  adoptedFrom: z.array(z.object({ regionCode: z.string().nullable(), title: z.string(), solutionId: z.string().nullable(), version: z.number().int() })).describe('Apa yang diadopsi daerah pemilik untuk jenis paket yang sama / what the owner region itself adopted of the same kind'),
}).meta({ id: 'LivingLabSolution' });

const previewAnswer = z.object({
  source: z.object({
    solutionId: z.string().nullable(), region: z.object({ code: z.string().nullable(), name: z.string() }), installation: z.string().nullable(),
    title: z.string(), version: z.number().int(), kind, packageKind: z.string().nullable(),
  }),
  summary: words.nullable(),
  units: z.array(z.object({ code: z.string(), name: z.string(), unitId: z.string().nullable().describe('Pilihan atau saran pemetaan / the chosen or suggested unit') })),
  yourUnits: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  changes: z.array(change), adoptedVersion: z.number().int().nullable().describe('Versi yang sudah diadopsi daerah Anda / the version your region adopted'),
}).meta({ id: 'LivingLabPreview' });

const adoptionAnswer = z.object({ id: z.string(), applied: z.number().int().describe('Jumlah hal yang ditulis ke konfigurasi Anda / things written to your configuration') });

const catalogueQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Pencarian teks penuh bahasa Indonesia / Indonesian full-text search'),
  kind: kind.optional(), domain: domainSchema.optional(), sector: sectorSchema.optional(),
  module: z.string().regex(/^[a-z]+$/).max(40).optional(), region: z.string().regex(/^\d{2}(\.\d{2})?$/).optional(), province: z.string().regex(/^\d{2}$/).optional(),
  tag: z.string().trim().min(1).max(200).optional().describe('Label paket, mis. indikator SPBE yang disasar / a package label, e.g. the SPBE indicator a practice targets: `spbe.indicator:spbe-2020/44`'),
  page: z.coerce.number().int().min(1).max(1000).default(1), perPage: z.coerce.number().int().min(1).max(100).default(20),
});

const failuresOwn = ['livinglab.solution_not_found'] as const;
const failuresDraft = ['livinglab.package_kind_unknown', 'livinglab.package_invalid', 'livinglab.package_empty', 'livinglab.candidate_unknown', 'livinglab.wrong_kind'] as const;
const failuresAdopt = ['livinglab.solution_not_found', 'livinglab.version_not_found', 'livinglab.own_solution', 'livinglab.package_kind_unknown', 'livinglab.package_format', 'livinglab.package_invalid'] as const;
const failuresApply = ['livinglab.unit_unmapped', 'livinglab.unit_not_found', 'livinglab.unknown_change', 'livinglab.older_version'] as const;

export const livinglabRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const P = '/api/livinglab';
  const R = '/api/regions/:region/livinglab';

  // ---- public catalogue ----
  r.get(`${P}/solutions`, {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Katalog solusi terbit (publik) / The catalogue of published solutions (public)', querystring: catalogueQuery,
      response: { 200: z.object({ total: z.number().int(), items: z.array(catalogueItem) }) },
    },
  }, async (request) => searchCatalogue(ctx, request.query));

  r.get(`${P}/reference`, {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Kode domain, bidang urusan, bagian perangkat belajar dan aplikasi umum nasional / The codes of domains, sectors, kit parts and national applications',
      response: { 200: z.object({ domains: z.record(z.string(), words), sectors: z.record(z.string(), z.string()), kitKinds: z.record(z.string(), words), nationalApplications: z.record(z.string(), z.string()) }) },
    },
  }, async () => ({ domains: DOMAINS, sectors: Object.fromEntries(SECTORS), kitKinds: KIT_KINDS, nationalApplications: NATIONAL_APPLICATIONS }));

  r.get(`${P}/solutions/:solutionId`, {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Satu solusi terbit: versi terakhir (atau yang diminta), perangkat belajar, pengadopsi (publik) / One published solution (public)',
      params: solutionParam, querystring: z.object({ version: z.coerce.number().int().min(1).max(1_000_000).optional() }),
      response: { 200: publicAnswer, ...failures('livinglab.solution_not_found', 'livinglab.version_not_found') },
    },
  }, async (request) => publicSolution(ctx, request.params.solutionId, request.query.version));

  r.get(`${P}/solutions/:solutionId/versions/:version/package`, {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Berkas paket untuk instalasi Pamong lain (publik) / The package file for another Pamong installation (public)',
      params: solutionParam.extend({ version: z.coerce.number().int().min(1).max(1_000_000) }),
      response: { 200: fileAnswer('Berkas paket JSON / the JSON package file', 'application/json'), ...failures('livinglab.solution_not_found', 'livinglab.version_not_found', 'livinglab.wrong_kind') },
    },
  }, async (request, reply) => {
    const file = await packageFile(ctx, request.params.solutionId, request.params.version);
    const name = `paket-${file.packageKind}-${file.source.region.code}-v${file.source.version}.json`;
    return sendAttachment(reply, { fileName: name, data: Buffer.from(JSON.stringify(file, null, 1)) }, 'application/json; charset=utf-8', 'public, max-age=300');
  });

  r.get(`${P}/solutions/:solutionId/kit/:fileId`, {
    config: { access: 'public' },
    schema: { tags, summary: 'Berkas perangkat belajar solusi terbit (publik) / A published solution\'s kit file (public)', params: solutionParam.extend({ fileId: z.uuid() }), response: { 200: fileAnswer('Berkas / the file', '*/*'), ...failures('file.not_found', 'livinglab.solution_not_found') } },
  }, async (request, reply) => {
    const region = (await publishedForAdoption(ctx.database.db, request.params.solutionId)).regionCode;
    const file = await readKitFile(ctx, region, request.params.solutionId, request.params.fileId, true);
    return sendAttachment(reply, file, file.contentType, 'public, max-age=300');
  });

  r.get(`${P}/catalogue.json`, {
    config: { access: 'public' },
    schema: { tags, summary: 'Data terbuka: semua solusi terbit (JSON) / Open data: every published solution (JSON)', response: { 200: fileAnswer('JSON', 'application/json') } },
  }, async (_request, reply) => {
    const rows = await catalogueRows(ctx);
    return sendAttachment(reply, { fileName: 'katalog-living-lab.json', data: Buffer.from(JSON.stringify({ generatedAt: ctx.clock.now().toISOString(), solutions: rows }, null, 1)) }, 'application/json; charset=utf-8', 'public, max-age=300');
  });

  r.get(`${P}/catalogue.csv`, {
    config: { access: 'public' },
    schema: { tags, summary: 'Data terbuka: semua solusi terbit (CSV, terbuka di Excel) / Open data: every published solution (CSV, opens in Excel)', response: { 200: fileAnswer('CSV', 'text/csv') } },
  }, async (request, reply) => {
    const rows = await catalogueRows(ctx);
    const id = request.locale === 'id';
    const header = id
      ? ['id', 'kode daerah', 'daerah', 'judul', 'jenis', 'jenis paket', 'domain', 'bidang urusan', 'versi', 'terbit (WIB)', 'jenis aplikasi', 'menduplikasi aplikasi umum', 'lisensi', 'repositori', 'pengadopsi', 'digantikan oleh']
      : ['id', 'region code', 'region', 'title', 'kind', 'package kind', 'domain', 'sector', 'version', 'published (WIB)', 'application type', 'duplicates national application', 'licence', 'repository', 'adopters', 'superseded by'];
    const file = csvFile(header, rows.map((x) => [
      x.id, x.regionCode, x.regionName, x.title, x.kind, x.packageKind, x.domain, x.sector, x.version, x.publishedAt,
      x.application?.type ?? null, x.application?.duplicates ?? null, x.application?.licence ?? null, x.application?.repository ?? null, x.adopters, x.supersededBy,
    ]), csvDialect(request.locale, 'Asia/Jakarta'));
    return sendAttachment(reply, { fileName: 'katalog-living-lab.csv', data: Buffer.from(file) }, 'text/csv; charset=utf-8', 'public, max-age=300');
  });

  // ---- the owner region ----
  r.get(`${R}/package-offer`, {
    config: { access: 'livinglab.publish' },
    schema: {
      tags, summary: 'Apa yang dapat dikemas daerah ini, per jenis paket modul / What this region can package, per module package kind', params: regionParam,
      response: { 200: z.array(z.object({ ref: z.string(), module: z.string(), title: words, formatVersion: z.number().int(), candidates: z.array(z.object({ key: z.string(), label: z.string() })) })) },
    },
  }, async (request) => packageOffer(ctx, request.region!.code));

  r.get(`${R}/solutions`, {
    config: { access: 'livinglab.read' },
    schema: {
      tags, summary: 'Solusi milik daerah, termasuk draf / The region\'s own solutions, drafts included', params: regionParam,
      response: { 200: z.array(z.object({ id: z.string(), kind, packageKind: z.string().nullable(), title: z.string(), summary: z.string(), domain: z.string(), latestVersion: z.number().int().nullable(), featured: z.boolean(), hidden: z.boolean(), curatorNote: z.string().nullable(), updatedAt: instant, adopters: z.number().int() })) },
    },
  }, async (request) => listOwnSolutions(ctx, request.region!.code));

  r.post(`${R}/solutions`, {
    config: { access: 'livinglab.publish' },
    schema: { tags, summary: 'Buat draf solusi / Create a solution draft', params: regionParam, body: solutionInput, response: { 201: ownAnswer, ...failures(...failuresDraft) } },
  }, async (request, reply) => {
    const id = await createSolution(ctx, request.region!.code, request.actor, request.body);
    return reply.status(201).send(await ownSolutionDetail(ctx, request.region!.code, id));
  });

  r.get(`${R}/solutions/:solutionId`, {
    config: { access: 'livinglab.read' },
    schema: { tags, summary: 'Satu solusi milik daerah dengan drafnya / One of the region\'s solutions with its draft', params: regionSolution, response: { 200: ownAnswer, ...failures(...failuresOwn, ...failuresDraft) } },
  }, async (request) => ownSolutionDetail(ctx, request.region!.code, request.params.solutionId));

  r.put(`${R}/solutions/:solutionId`, {
    config: { access: 'livinglab.publish' },
    schema: {
      tags, summary: 'Ubah draf solusi / Change a solution draft', params: regionSolution, body: solutionInput,
      description: 'Publik membaca versi terbit; perubahan terlihat setelah diterbitkan. / The public reads published versions; changes show once published.',
      response: { 200: ownAnswer, ...failures(...failuresOwn, ...failuresDraft) },
    },
  }, async (request) => {
    await updateSolution(ctx, request.region!.code, request.actor, request.params.solutionId, request.body);
    return ownSolutionDetail(ctx, request.region!.code, request.params.solutionId);
  });

  r.delete(`${R}/solutions/:solutionId`, {
    config: { access: 'livinglab.publish' },
    schema: { tags, summary: 'Hapus draf yang belum pernah terbit / Delete a draft never published', params: regionSolution, response: { 200: ok, ...failures(...failuresOwn, 'livinglab.published_once') } },
  }, async (request) => {
    await deleteSolution(ctx, request.region!.code, request.actor, request.params.solutionId);
    return { ok: true as const };
  });

  r.post(`${R}/solutions/:solutionId/publish`, {
    config: { access: 'livinglab.publish' },
    schema: {
      tags, summary: 'Terbitkan versi baru / Publish a new version', params: regionSolution,
      description: 'Paket dibaca dari konfigurasi daerah saat ini. Pengadopsi versi sebelumnya diberi tahu. / The package is read from the region\'s configuration now. Adopters of an earlier version are told.',
      body: z.object({ changelog: z.string().trim().max(2000).default('').describe('Catatan perubahan / what changed') }),
      response: { 200: ownAnswer, ...failures(...failuresOwn, ...failuresDraft, 'livinglab.unchanged') },
    },
  }, async (request) => {
    await publishSolution(ctx, request.region!.code, request.actor, request.params.solutionId, request.body.changelog);
    return ownSolutionDetail(ctx, request.region!.code, request.params.solutionId);
  });

  r.post(`${R}/solutions/:solutionId/kit`, {
    config: { access: 'livinglab.publish', bodyTypes: ['multipart'] },
    preValidation: multipartReader('bagian', 'berkas', kitPolicy),
    schema: {
      tags, summary: 'Tambah berkas perangkat belajar / Add a learning-kit file', params: regionSolution,
      description: 'multipart/form-data: `bagian` (JSON: kind, title) dan satu `berkas` (maks. 20 MB, jenis diperiksa dari isinya). / `bagian` (JSON: kind, title) and one `berkas` (20 MB, type checked by content).',
      body: z.object({ kind: kitKindSchema, title: text(200) }),
      response: { 201: z.object({ id: z.string() }), ...failures(...failuresOwn, 'livinglab.kit_type', 'livinglab.kit_file_missing') },
    },
  }, async (request, reply) => reply.status(201).send({ id: await addKitFile(ctx, request.region!.code, request.actor, request.params.solutionId, request.body, request.uploads) }));

  r.get(`${R}/solutions/:solutionId/kit/:fileId`, {
    config: { access: 'livinglab.read' },
    schema: { tags, summary: 'Berkas perangkat belajar (termasuk draf) / A kit file (drafts too)', params: regionSolution.extend({ fileId: z.uuid() }), response: { 200: fileAnswer('Berkas / the file', '*/*'), ...failures('file.not_found') } },
  }, async (request, reply) => {
    const file = await readKitFile(ctx, request.region!.code, request.params.solutionId, request.params.fileId, false);
    return sendAttachment(reply, file, file.contentType);
  });

  r.delete(`${R}/solutions/:solutionId/kit/:fileId`, {
    config: { access: 'livinglab.publish' },
    schema: { tags, summary: 'Hapus berkas perangkat belajar / Delete a kit file', params: regionSolution.extend({ fileId: z.uuid() }), response: { 200: ok, ...failures('file.not_found') } },
  }, async (request) => {
    await deleteKitFile(ctx, request.region!.code, request.actor, request.params.solutionId, request.params.fileId);
    return { ok: true as const };
  });

  // ---- adopting ----
  r.post(`${R}/adoptions/preview`, {
    config: { access: 'livinglab.adopt' },
    schema: {
      tags, summary: 'Pratinjau adopsi: apa yang berubah di konfigurasi daerah Anda / Preview an adoption: what would change in your region', params: regionParam,
      body: z.object({ solutionId: z.uuid(), version: z.number().int().min(1).optional(), unitMap }),
      response: { 200: previewAnswer, ...failures(...failuresAdopt) },
    },
  }, async (request) => previewAdoption(ctx, request.region!.code, request.body));

  r.post(`${R}/adoptions`, {
    config: { access: 'livinglab.adopt' },
    schema: {
      tags, summary: 'Adopsi dalam satu langkah / Adopt in one step', params: regionParam,
      description: 'Satu transaksi; hanya daerah Anda yang ditulis; yang sudah ada tidak ditimpa kecuali dipilih. Mengadopsi versi baru dari solusi yang sama memperbarui catatan adopsinya. / One transaction; only your region is written; nothing of yours is overwritten unless chosen. Adopting a newer version of the same solution updates its adoption record.',
      body: z.object({ solutionId: z.uuid(), version: z.number().int().min(1), unitMap, take }),
      response: { 201: adoptionAnswer, ...failures(...failuresAdopt, ...failuresApply) },
    },
  }, async (request, reply) => reply.status(201).send(await adopt(ctx, request.region!.code, request.actor, request.body)));

  r.get(`${R}/adoptions`, {
    config: { access: 'livinglab.read' },
    schema: {
      tags, summary: 'Adopsi daerah ini dan versi baru yang tersedia / This region\'s adoptions and new versions available', params: regionParam,
      response: {
        200: z.array(z.object({
          id: z.string(), solutionId: z.string().nullable(), sourceRegion: z.string().nullable(),
          source: z.object({ installation: z.string().nullable(), region: z.string(), title: z.string(), packageKind: z.string().nullable() }),
          version: z.number().int(), applied: z.number().int(), taken: z.array(z.string()), adoptedAt: instant, updatedAt: instant,
          latestVersion: z.number().int().nullable(), latestChangelog: z.string().nullable(), updateAvailable: z.boolean(),
        })),
      },
    },
  }, async (request) => listAdoptions(ctx, request.region!.code));

  const fileBody = z.unknown().describe('Isi berkas paket (format pamong-livinglab-package 1) / the package file\'s content');
  r.post(`${R}/imports/preview`, {
    config: { access: 'livinglab.adopt' },
    schema: {
      tags, summary: 'Pratinjau paket dari instalasi Pamong lain / Preview a package file from another Pamong installation', params: regionParam,
      body: z.object({ file: fileBody, unitMap }), response: { 200: previewAnswer, ...failures(...failuresAdopt) },
    },
  }, async (request) => previewImport(ctx, request.region!.code, request.body));

  r.post(`${R}/imports`, {
    config: { access: 'livinglab.adopt' },
    schema: {
      tags, summary: 'Terapkan paket dari instalasi Pamong lain / Apply a package file from another Pamong installation', params: regionParam,
      body: z.object({ file: fileBody, unitMap, take }), response: { 201: adoptionAnswer, ...failures(...failuresAdopt, ...failuresApply) },
    },
  }, async (request, reply) => reply.status(201).send(await adoptFile(ctx, request.region!.code, request.actor, request.body)));

  // ---- ratings, reviews, impact ----
  const mark = z.number().int().min(1).max(5);
  const ratingParam = regionSolution.extend({ ratingId: z.uuid() });
  r.get(`${P}/solutions/:solutionId/ratings`, {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Penilaian pengadopsi: rata-rata dan ulasan (publik) / Adopters\' ratings: averages and reviews (public)', params: solutionParam,
      response: {
        200: z.object({
          count: z.number().int(), averages: z.record(z.string(), z.string().nullable()).describe('Rata-rata 1–5 per aspek / mean 1–5 per aspect'),
          reviews: z.array(z.object({
            id: z.string(), regionCode: z.string(), regionName: z.string(), fitness: z.number().int(), ease: z.number().int(), stability: z.number().int(), support: z.number().int(), documentation: z.number().int(),
            review: z.string(), ratedAt: instant, answer: z.string().nullable(), answeredAt: instant.nullable(),
          })),
        }),
        ...failures('livinglab.solution_not_found'),
      },
    },
  }, async (request) => {
    await publishedForAdoption(ctx.database.db, request.params.solutionId);
    return publicRatings(ctx, request.params.solutionId);
  });

  r.get(`${P}/solutions/:solutionId/impact`, {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Angka pengadopsi sebelum dan sesudah adopsi (publik) / Adopters\' figures before and after adopting (public)', params: solutionParam,
      description: 'Per daerah pengadopsi, setiap ukuran modul terpasang: periode penuh sebelum periode adopsi dan periode penuh terakhir sesudahnya (triwulan bila ada, tahun bila tidak). Bukan sebab-akibat. / Per adopting region, each installed module\'s measure: the full period before the adoption\'s and the latest full period since (quarters where measured, else years). Not cause and effect.',
      response: {
        200: z.object({
          caveat: words,
          adopters: z.array(z.object({
            regionCode: z.string(), regionName: z.string(), adoptedAt: instant, version: z.number().int(),
            figures: z.array(z.object({
              ref: z.string(), title: words, method: words, measure: z.string(),
              before: z.object({ period: z.string(), value: z.string().nullable() }),
              after: z.object({ period: z.string(), value: z.string().nullable() }).nullable().describe('Belum ada periode penuh sesudah adopsi bila null / null while no full period has passed since'),
            })),
          })),
        }),
        ...failures('livinglab.solution_not_found'),
      },
    },
  }, async (request) => solutionImpact(ctx, request.params.solutionId));

  r.put(`${R}/ratings/:solutionId`, {
    config: { access: 'livinglab.rate' },
    schema: {
      tags, summary: 'Nilai solusi yang diadopsi daerah Anda / Rate a solution your region adopted', params: regionSolution,
      description: 'Lima aspek 1–5: kecocokan, kemudahan, kestabilan, dukungan, dokumentasi. Satu penilaian per orang; mengirim lagi menggantinya. / Five aspects 1–5; one rating per person; sending again replaces it.',
      body: z.object({ fitness: mark, ease: mark, stability: mark, support: mark, documentation: mark, review: z.string().trim().max(4000).default('') }),
      response: { 200: z.object({ id: z.string() }), ...failures('livinglab.not_adopter') },
    },
  }, async (request) => ({ id: await rate(ctx, request.region!.code, request.actor, request.params.solutionId, request.body) }));

  r.put(`${R}/solutions/:solutionId/ratings/:ratingId/answer`, {
    config: { access: 'livinglab.publish' },
    schema: {
      tags, summary: 'Jawab ulasan atas solusi daerah Anda / Answer a review of your region\'s solution', params: ratingParam,
      body: z.object({ answer: text(4000) }), response: { 200: ok, ...failures('livinglab.solution_not_found', 'livinglab.rating_not_found') },
    },
  }, async (request) => {
    await answerReview(ctx, request.region!.code, request.actor, request.params.solutionId, request.params.ratingId, request.body.answer);
    return { ok: true as const };
  });

  r.put(`${R}/curation/:solutionId/ratings/:ratingId`, {
    config: { access: 'livinglab.curate' },
    schema: {
      tags, summary: 'Moderasi ulasan: sembunyikan atau tampilkan lagi / Moderate a review: hide or show again', params: ratingParam,
      body: z.object({ hidden: z.boolean(), note: z.string().trim().max(1000).nullish().transform((n) => n || null) }),
      response: { 200: ok, ...failures('livinglab.solution_not_found', 'livinglab.rating_not_found', 'livinglab.not_curator') },
    },
  }, async (request) => {
    await moderateReview(ctx, request.region!.code, request.actor, request.params.solutionId, request.params.ratingId, request.body);
    return { ok: true as const };
  });

  // ---- the application inventory and the digital budget ----
  const rupiah = z.number().int().min(0).max(1e15).describe('Rupiah');
  const applicationInput = z.object({
    name: text(200), unitId: z.uuid(), purpose: text(2000), domain: domainSchema, sector: sectorSchema.nullish().transform((x) => x ?? null),
    users: z.string().trim().max(500).default(''), hosting: z.string().trim().max(200).default(''), costPerYear: rupiah.default(0),
    status: z.enum(['planned', 'live', 'retired']), duplicates: nationalApplicationSchema.nullish().transform((x) => x ?? null),
  });
  const unitRef = z.object({ id: z.string(), name: z.string() });
  const inventoryRow = z.object({
    id: z.string(), name: z.string(), unit: unitRef, purpose: z.string(), domain: z.string(), sector: z.string().nullable(), users: z.string(), hosting: z.string(),
    costPerYear: z.number(), status: z.enum(['planned', 'live', 'retired']), duplicates: z.string().nullable(), updatedAt: instant,
  }).meta({ id: 'LivingLabInventoryApplication' });
  const proposalStatus = z.enum(['submitted', 'approved', 'adopt_instead', 'refused']);
  const year = z.number().int().min(2000).max(2100);

  r.get(`${R}/applications`, {
    config: { access: 'livinglab.portfolio.read' },
    schema: { tags, summary: 'Inventaris aplikasi daerah / The region\'s application inventory', params: regionParam, response: { 200: z.array(inventoryRow) } },
  }, async (request) => listApplications(ctx, request.region!.code));

  r.post(`${R}/applications`, {
    config: { access: 'livinglab.portfolio.manage' },
    schema: { tags, summary: 'Tambah aplikasi ke inventaris / Add an application to the inventory', params: regionParam, body: applicationInput, response: { 201: z.object({ id: z.string() }), ...failures('unit.not_found') } },
  }, async (request, reply) => reply.status(201).send({ id: await saveApplication(ctx, request.region!.code, request.actor, request.body) }));

  r.put(`${R}/applications/:applicationId`, {
    config: { access: 'livinglab.portfolio.manage' },
    schema: { tags, summary: 'Ubah aplikasi dalam inventaris / Change an application in the inventory', params: regionParam.extend({ applicationId: z.uuid() }), body: applicationInput, response: { 200: z.object({ id: z.string() }), ...failures('unit.not_found', 'livinglab.application_not_found') } },
  }, async (request) => ({ id: await saveApplication(ctx, request.region!.code, request.actor, request.body, request.params.applicationId) }));

  r.get(`${R}/units`, {
    config: { access: 'livinglab.portfolio.read' },
    schema: {
      tags, summary: 'Perangkat daerah untuk inventaris dan usulan / The region\'s units for the inventory and proposals', params: regionParam,
      response: { 200: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), proposable: z.boolean().describe('Anda boleh mengusulkan untuknya / you may propose for it') })) },
    },
  }, async (request) => portfolioUnits(ctx, request.region!.code, request.actor));

  r.get(`${R}/proposals`, {
    config: { access: 'livinglab.portfolio.read' },
    schema: {
      tags, summary: 'Usulan aplikasi dan belanja digital / Application and digital-spending proposals', params: regionParam, querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      response: { 200: z.array(z.object({ id: z.string(), year: z.number().int(), title: z.string(), unit: unitRef, estimatedCost: z.number(), status: proposalStatus, proposedAt: instant, decidedAt: instant.nullable() })) },
    },
  }, async (request) => listProposals(ctx, request.region!.code, request.query.year));

  r.post(`${R}/proposals`, {
    config: { access: 'livinglab.propose' },
    schema: {
      tags, summary: 'Usulkan aplikasi baru atau belanja digital / Propose a new application or digital spending', params: regionParam,
      body: z.object({ unitId: z.uuid(), year, title: text(200), purpose: text(4000), domain: domainSchema, sector: sectorSchema.nullish().transform((x) => x ?? null), estimatedCost: rupiah }),
      response: { 201: z.object({ id: z.string() }), ...failures('unit.not_found', 'livinglab.not_your_unit') },
    },
  }, async (request, reply) => reply.status(201).send({ id: await propose(ctx, request.region!.code, request.actor, request.body) }));

  r.get(`${R}/proposals/:proposalId`, {
    config: { access: 'livinglab.portfolio.read' },
    schema: {
      tags, summary: 'Satu usulan dengan yang sudah mengerjakan hal sama / One proposal with what already does the same', params: regionParam.extend({ proposalId: z.uuid() }),
      response: {
        200: z.object({
          id: z.string(), year: z.number().int(), title: z.string(), purpose: z.string(), domain: z.string(), sector: z.string().nullable(), estimatedCost: z.number(), unit: unitRef.optional(),
          status: proposalStatus, decisionReason: z.string().nullable(), adoptSolutionId: z.string().nullable(), proposedAt: instant, decidedAt: instant.nullable(),
          sameWork: z.object({ solutions: z.array(catalogueItem), nationalApplications: z.array(z.object({ key: z.string(), name: z.string() })) })
            .describe('Solusi terbit daerah lain dan aplikasi umum nasional yang mengerjakan hal sama / published solutions of other regions and national general applications doing the same'),
        }),
        ...failures('livinglab.proposal_not_found'),
      },
    },
  }, async (request) => proposalDetail(ctx, request.region!.code, request.params.proposalId));

  r.post(`${R}/proposals/:proposalId/decision`, {
    config: { access: 'livinglab.decide' },
    schema: {
      tags, summary: 'Putuskan usulan: setujui, adopsi solusi yang ada, atau tolak / Decide a proposal: approve, adopt an existing solution instead, or refuse', params: regionParam.extend({ proposalId: z.uuid() }),
      body: z.discriminatedUnion('decision', [
        z.object({ decision: z.enum(['approved', 'refused']), reason: text(2000) }),
        z.object({ decision: z.literal('adopt_instead'), reason: text(2000), solutionId: z.uuid() }),
      ]),
      response: { 200: ok, ...failures('livinglab.proposal_not_found', 'livinglab.proposal_decided', 'livinglab.solution_not_found') },
    },
  }, async (request) => {
    await decide(ctx, request.region!.code, request.actor, request.params.proposalId, request.body);
    return { ok: true as const };
  });

  r.get(`${R}/budget`, {
    config: { access: 'livinglab.portfolio.read' },
    schema: {
      tags, summary: 'Anggaran digital per tahun: diusulkan, disetujui, dihindari dengan adopsi, ditolak; indeks SPBE / The digital budget per year, with the SPBE index', params: regionParam,
      description: 'Untuk provinsi: setiap kabupaten/kota dan jumlahnya. / For a province: each kabupaten/kota and the sum.',
      querystring: z.object({ from: z.coerce.number().int().min(2000).max(2100), to: z.coerce.number().int().min(2000).max(2100) }).refine((q) => q.to >= q.from && q.to - q.from <= 10, { message: 'from ≤ to, at most 11 years' }),
      response: {
        200: z.object({
          regions: z.array(z.object({
            regionCode: z.string(), regionName: z.string(), runningCost: z.number().describe('Biaya per tahun aplikasi yang berjalan / yearly cost of live applications'), liveApplications: z.number().int(),
            years: z.array(z.object({ year: z.number().int(), proposals: z.number().int(), proposed: z.number(), approved: z.number(), avoided: z.number(), refused: z.number(), undecided: z.number(), spbeIndex: z.string().nullable() })),
          })),
          total: z.array(z.object({ year: z.number().int(), proposals: z.number().int(), proposed: z.number(), approved: z.number(), avoided: z.number(), refused: z.number(), undecided: z.number() })),
        }),
      },
    },
  }, async (request) => digitalBudget(ctx, request.region!.code, request.query.from, request.query.to));

  // ---- curators ----
  r.get(`${R}/curation/hidden`, {
    config: { access: 'livinglab.curate' },
    schema: {
      tags, summary: 'Yang disembunyikan kurator: solusi dan ulasan / What curators have hidden: solutions and reviews', params: regionParam,
      description: 'Dalam jangkauan kurator (provinsinya dan kabupaten/kotanya; semua bagi kurator platform), terbaru dulu, agar penyembunyian dapat dibatalkan. / Within the curator\'s reach (the province and its kabupaten/kota; all for the platform curator), newest first, so that a hide can be taken back.',
      response: {
        200: z.object({
          solutions: z.array(z.object({
            id: z.string(), title: z.string(), regionCode: z.string(), regionName: z.string(), latestVersion: z.number().int().nullable(), featured: z.boolean(),
            curatorNote: z.string().nullable(), supersededBy: z.string().nullable(), updatedAt: instant,
          })),
          reviews: z.array(z.object({
            id: z.string(), solutionId: z.string(), solutionTitle: z.string(), regionCode: z.string(), regionName: z.string(), review: z.string(), ratedAt: instant, moderationNote: z.string().nullable(),
          })),
        }),
      },
    },
  }, async (request) => hiddenItems(ctx, request.region!.code, request.actor));

  r.put(`${R}/curation/:solutionId`, {
    config: { access: 'livinglab.curate' },
    schema: {
      tags, summary: 'Kurasi: tampilkan, sembunyikan, tandai digantikan / Curate: feature, hide, mark superseded', params: regionSolution,
      description: 'Kurator provinsi untuk provinsinya dan kabupaten/kotanya; kurator platform (admin platform) untuk semua. / A province\'s curator for the province and its kabupaten/kota; the platform curator (platform admin) for all.',
      body: z.object({ featured: z.boolean(), hidden: z.boolean(), note: z.string().trim().max(1000).nullish().transform((n) => n || null), supersededBy: z.uuid().nullish().transform((s) => s ?? null) }),
      response: { 200: ok, ...failures('livinglab.solution_not_found', 'livinglab.not_curator', 'livinglab.superseded_by_itself') },
    },
  }, async (request) => {
    await curate(ctx, request.region!.code, request.actor, request.params.solutionId, request.body);
    return { ok: true as const };
  });

  // ---- coaching (pendampingan): http/coaching.ts ----
  await coachingRoutes(ctx)(app);
  // ---- the adoption map and the lineage graph (public) ----
  r.get(`${P}/map`, {
    config: { access: 'public' },
    schema: { tags, summary: 'Peta adopsi: per provinsi, solusi terbit dan adopsi daerahnya (publik) / The adoption map: per province, published solutions and its regions\' adoptions (public)', querystring: mapQuery, description: mapDescription, response: { 200: mapAnswer } },
  }, async (request) => ({ level: 'province' as const, provinces: await mapCounts(ctx, request.query) }));

  r.get(`${P}/map/provinces/:province`, {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Peta adopsi satu provinsi: per kabupaten/kota, solusi terbit dan adopsi pemerintahnya, dengan garis batasnya (geoBoundaries, CC BY 3.0 IGO) (publik) / One province\'s adoption map: per kabupaten/kota, its government\'s published solutions and adoptions, with its outlines (geoBoundaries, CC BY 3.0 IGO) (public)',
      params: provinceParam, querystring: mapQuery, description: regencyMapDescription,
      response: { 200: regencyMapAnswer, ...failures('livinglab.province_not_found') },
    },
  }, async (request) => ({ level: 'regency' as const, ...await regencyMap(ctx, request.params.province, request.query) }));

  r.get(`${P}/map/outlines`, {
    config: { access: 'public' },
    schema: { tags, summary: 'Garis batas provinsi untuk peta adopsi, sebagai path SVG (Natural Earth, domain publik) / Province outlines for the adoption map as SVG paths (Natural Earth, public domain)', response: { 200: outlinesAnswer } },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=86400');
    return provinceOutlines;
  });

  r.get(`${P}/lineage`, {
    config: { access: 'public' },
    schema: { tags, summary: 'Silsilah adopsi: siapa mengadopsi dari siapa (publik) / Adoption lineage: who adopted from whom (public)', querystring: mapQuery, description: lineageDescription, response: { 200: lineageAnswer } },
  }, async (request) => lineage(ctx, request.query));
};

// The adoption map and the lineage graph (public).
const mapQuery = z.object({
  solution: z.uuid().optional().describe('Hanya solusi ini / only this solution'),
  module: z.string().regex(/^[a-z]+$/).max(40).optional().describe('Hanya paket modul ini / only this module\'s packages'),
  kind: kind.optional(),
});
const mapDescription = 'Solusi tersembunyi dan draf tidak dihitung; adopsi berkas paket dari instalasi lain dihitung pada provinsi pengadopsi. Tingkat provinsi; per kabupaten/kota: /api/livinglab/map/provinces/{province}. / Hidden solutions and drafts are not counted; adoptions of package files from other installations count for the adopter\'s province. Province level; per kabupaten/kota: /api/livinglab/map/provinces/{province}.';
const mapAnswer = z.object({
  level: z.literal('province'),
  provinces: z.array(z.object({
    code: z.string(), name: z.string(),
    solutions: z.number().int().describe('Solusi terbit daerah di provinsi ini / solutions its regions published'),
    adoptions: z.number().int().describe('Adopsi oleh daerah di provinsi ini / adoptions made by its regions'),
    adopters: z.number().int().describe('Daerah di provinsi ini yang mengadopsi / its regions that adopted'),
  })),
});
const provinceParam = z.object({ province: z.string().regex(/^\d{2}$/).describe('Kode provinsi Kemendagri, mis. 32 / the Kemendagri province code, e.g. 32') });
const regencyMapDescription = 'Dihitung seperti peta provinsi (solusi tersembunyi dan draf tidak dihitung), per kabupaten/kota; pemerintah provinsi sendiri pada `province`. Garis batas 2020 dari geoBoundaries (CC BY 3.0 IGO): `attribution` wajib ditampilkan bersama peta. / Counted like the province map (hidden solutions and drafts are not counted), per kabupaten/kota; the provincial government itself in `province`. 2020 boundaries from geoBoundaries (CC BY 3.0 IGO): `attribution` must be shown with the map.';
const regencyCount = {
  code: z.string(), name: z.string(),
  solutions: z.number().int().describe('Solusi terbit pemerintahnya / solutions its government published'),
  adoptions: z.number().int().describe('Adopsi oleh pemerintahnya / adoptions its government made'),
};
const regencyMapAnswer = z.object({
  level: z.literal('regency'),
  province: z.object(regencyCount).describe('Pemerintah provinsi sendiri (tanpa garis batas sendiri) / the provincial government itself (no outline of its own)'),
  regencies: z.array(z.object({ ...regencyCount, d: z.string().nullable().describe('Path SVG; null bila tidak tergambar / SVG path; null where not drawn') })),
  viewBox: z.string(), source: z.string(),
  attribution: words.describe('Wajib ditampilkan bersama peta (CC BY 3.0 IGO) / to be shown with the map (CC BY 3.0 IGO)'),
  year: z.number().int().describe('Tahun garis batas / the boundaries\' year'),
});
const outlinesAnswer = z.object({
  source: z.string(), projection: z.string(), viewBox: z.string(),
  provinces: z.array(z.object({ code: z.string(), name: z.string(), iso: z.string(), covers: z.array(z.string()).describe('Kode provinsi di dalam garis ini / the province codes inside this outline'), d: z.string() })),
});
const lineageDescription = 'Hanya solusi terbit yang tidak disembunyikan; adopsi berkas paket menyebut apa yang tertulis di berkasnya. Paling banyak 2000 sisi. / Published, visible solutions only; a package file\'s adoption names what the file said. At most 2000 edges.';
const lineageAnswer = z.object({
  truncated: z.boolean(),
  edges: z.array(z.object({
    from: z.object({ code: z.string().nullable(), name: z.string(), installation: z.string().nullable().describe('Instalasi Pamong lain, untuk berkas paket / another Pamong installation, for a package file') }),
    to: z.object({ code: z.string(), name: z.string() }),
    solutionId: z.string().nullable(), title: z.string(), packageKind: z.string().nullable(), version: z.number().int(), adoptedAt: instant, updatedAt: instant,
  })),
});
