// HTTP for the service catalogue: staff manage services, their draft
// standard, publication and their unit's pledge; anyone reads the published
// catalogue. Access is declared per route; which unit a unit's service
// manager may touch is the service's check (service/access.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { regionParam, text } from '../../../platform/http/schemas.js';
import { failures, instant, ok, words } from '../../../platform/http/responses.js';
import { formShape } from '../domain/form.js';
import { COMPONENTS, SLUG_MAX, slugShape, standardSchema, TEXT_MAX } from '../domain/standard.js';
import { resultShape } from '../domain/template.js';
import { tariffShape } from '../domain/tariff.js';
import { workflowShape } from '../domain/workflow.js';
import { archiveService, createService, deleteService, listServices, listVersions, publishService, readVersion, serviceDetail, updateService } from '../service/catalogue.js';
import { componentCatalogue } from '../service/components.js';
import { setPledge, unitPledge } from '../service/pledges.js';
import { publicService, publicServices } from '../service/public.js';
import { layananDocumentRoutes } from './documents.js';
import { layananPaymentRoutes } from './payments.js';
import { layananSkmRoutes } from './skm.js';
import { layananApplicationRoutes } from './applications.js';

const tags = ['layanan'];
const serviceParam = regionParam.extend({ serviceId: z.uuid() });
const slug = slugShape;

const status = z.enum(['draft', 'published', 'archived']);
const unit = z.object({ id: z.string(), code: z.string(), name: z.string() });
const componentKey = z.enum(COMPONENTS.map((c) => c.key) as [string, ...string[]]);
const components = z.array(z.object({ no: z.number().int(), key: componentKey, group: z.enum(['delivery', 'management']), name: words }))
  .describe('Ke-14 komponen PermenPANRB 15/2014: nomor, kelompok (penyampaian/pengelolaan) dan nama / the 14 components: number, group (delivery/management) and name');
const standard = standardSchema.meta({ id: 'LayananStandard' });
const form = formShape.meta({ id: 'LayananForm' }).describe('Formulir permohonan: isian berurutan / the application form: ordered fields');
const workflow = workflowShape.meta({ id: 'LayananWorkflow' }).describe('Tahapan pemrosesan / the processing stages');
const result = resultShape.meta({ id: 'LayananResultTemplate' }).describe('Templat dokumen hasil / the result document\'s template');
const tariff = tariffShape.meta({ id: 'LayananTariff' }).describe('Aturan retribusi / the fee rule');
const definition = { form, workflow, result, tariff };
const problem = z.object({
  part: z.enum(['form', 'workflow', 'result', 'tariff']), code: z.string(), at: z.string().nullable().describe('Kunci isian atau tahap / the field or stage key'), messages: words,
}).meta({ id: 'LayananDefinitionProblem' });

const serviceInput = z.object({
  slug,
  name: text(200).describe('Nama layanan / the service\'s name'),
  summary: z.string().trim().max(500).default('').describe('Uraian singkat / a short description'),
  unitId: z.uuid().describe('Perangkat daerah pemilik layanan / the owning unit'),
});

const serviceBrief = z.object({
  id: z.string(), slug: z.string(), name: z.string(), summary: z.string(), status, unit,
  version: z.number().int().nullable().describe('Versi terbit terakhir; null bila belum pernah terbit / the latest published version; null before the first'),
  updatedAt: instant, editable: z.boolean().describe('Boleh diubah oleh pemanggil / the caller may change it'),
}).meta({ id: 'LayananServiceBrief' });

const serviceAnswer = z.object({
  id: z.string(), slug: z.string(), name: z.string(), summary: z.string(), status, unit,
  standard: standard.describe('Draf standar pelayanan; publik membaca versi terbit / the draft standard; the public reads the published version'), ...definition,
  problems: z.array(problem).describe('Yang menghalangi terbit pada formulir, alur, templat dan tarif / what stops publishing in the form, workflow, template and tariff'),
  missing: z.array(componentKey).describe('Komponen yang masih kosong: terbit ditolak selama ada / components still empty: publishing is refused while there are any'),
  version: z.number().int().nullable(), publishedAt: instant.nullable(),
  unpublishedChanges: z.boolean().describe('Draf berbeda dari versi terbit / the draft differs from the published version'),
  updatedAt: instant, updatedBy: z.string(), editable: z.boolean(), components,
}).meta({ id: 'LayananService' });

const versionAnswer = z.object({ version: z.number().int(), name: z.string(), summary: z.string(), standard, ...definition, publishedAt: instant, publishedBy: z.string(), components })
  .meta({ id: 'LayananStandardVersion' });

const pledgeAnswer = z.object({
  unit, text: z.string(), isDefault: z.boolean().describe('Teks acuan PermenPANRB 15/2014, belum diganti perangkat daerah / the reference text, not yet replaced by the unit'),
  updatedAt: instant.nullable(), updatedBy: z.string().nullable(),
}).meta({ id: 'LayananPledge' });

const publicBrief = z.object({
  slug: z.string(), name: z.string(), summary: z.string(), unit: z.object({ name: z.string() }), timeLimitDays: z.number().int(), fee: z.enum(['free', 'tariff']),
}).meta({ id: 'LayananPublicServiceBrief' });

const publicAnswer = z.object({
  id: z.string().describe('Untuk mengajukan permohonan / to file an application'), slug: z.string(), name: z.string(), summary: z.string(), unit: z.object({ name: z.string() }), version: z.number().int(), publishedAt: instant,
  standard, form, tariff, components, pledge: z.object({ text: z.string() }).describe('Maklumat pelayanan perangkat daerah / the unit\'s service pledge'),
}).meta({ id: 'LayananPublicService' });

const optionalDefinition = { form: form.optional(), workflow: workflow.optional(), result: result.optional(), tariff: tariff.optional() };

const writeFailures = ['layanan.service_not_found', 'layanan.not_your_unit'] as const;

export const layananRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const R = '/api/regions/:region/layanan';
  const S = `${R}/services/:serviceId`;
  const detail = async (region: string, actor: Parameters<typeof serviceDetail>[2], id: string) => ({ ...(await serviceDetail(ctx, region, actor, id)), components: componentCatalogue() });

  r.get(`${R}/services`, {
    config: { access: 'layanan.read' },
    schema: { tags, summary: 'Katalog layanan daerah, termasuk draf dan arsip / The region\'s service catalogue, drafts and archived included', params: regionParam, response: { 200: z.array(serviceBrief) } },
  }, async (request) => listServices(ctx, request.region!.code, request.actor));

  r.post(`${R}/services`, {
    config: { access: 'layanan.manage' },
    schema: {
      tags, summary: 'Buat layanan (draf) / Create a service (a draft)', params: regionParam,
      description: 'Standar kosong dengan jangka waktu 5 hari kerja (UU 30/2014 Pasal 53) bila tidak dikirim. Pengelola layanan perangkat daerah hanya untuk perangkat daerahnya. / An empty standard with a 5-working-day time limit when none is sent. A unit\'s service manager for their own unit only.',
      body: serviceInput.extend({ standard: standard.optional(), ...optionalDefinition }),
      response: { 201: serviceAnswer, ...failures('unit.not_found', 'layanan.not_your_unit', 'layanan.slug_taken', 'layanan.definition_invalid') },
    },
  }, async (request, reply) => {
    const id = await createService(ctx, request.region!.code, request.actor, request.body);
    return reply.status(201).send(await detail(request.region!.code, request.actor, id));
  });

  r.get(S, {
    config: { access: 'layanan.read' },
    schema: { tags, summary: 'Satu layanan dengan draf standarnya / One service with its draft standard', params: serviceParam, response: { 200: serviceAnswer, ...failures('layanan.service_not_found') } },
  }, async (request) => detail(request.region!.code, request.actor, request.params.serviceId));

  r.put(S, {
    config: { access: 'layanan.manage' },
    schema: {
      tags, summary: 'Ubah draf layanan dan standar pelayanannya / Change a service\'s draft and its standard', params: serviceParam,
      description: 'Yang dibaca publik berubah hanya saat diterbitkan. Formulir, alur, templat atau tarif yang tidak dikirim tetap seperti di draf. / What the public reads changes only when it is published. A form, workflow, template or tariff left out stays as the draft holds it.',
      body: serviceInput.extend({ standard, ...optionalDefinition }),
      response: { 200: serviceAnswer, ...failures(...writeFailures, 'unit.not_found', 'layanan.slug_taken', 'layanan.definition_invalid') },
    },
  }, async (request) => {
    await updateService(ctx, request.region!.code, request.actor, request.params.serviceId, request.body);
    return detail(request.region!.code, request.actor, request.params.serviceId);
  });

  r.delete(S, {
    config: { access: 'layanan.manage' },
    schema: { tags, summary: 'Hapus draf yang belum pernah terbit / Delete a draft never published', params: serviceParam, response: { 200: ok, ...failures(...writeFailures, 'layanan.published_once') } },
  }, async (request) => {
    await deleteService(ctx, request.region!.code, request.actor, request.params.serviceId);
    return { ok: true as const };
  });

  r.post(`${S}/publish`, {
    config: { access: 'layanan.manage' },
    schema: {
      tags, summary: 'Terbitkan standar pelayanan / Publish the service standard', params: serviceParam,
      description: 'Ke-14 komponen wajib terisi, dan formulir, alur, templat serta tarif cocok satu sama lain. Perubahan sejak versi terakhir menjadi versi baru; versi lama tetap dapat dibaca. Layanan arsip tanpa perubahan terbit lagi dengan versinya. / All 14 components must be filled, and the form, workflow, template and tariff fit each other. Changes since the last version become a new version; earlier versions stay readable. An archived service without changes is published again under its version.',
      response: { 200: serviceAnswer, ...failures(...writeFailures, 'layanan.standard_incomplete', 'layanan.definition_incomplete', 'layanan.unchanged') },
    },
  }, async (request) => {
    await publishService(ctx, request.region!.code, request.actor, request.params.serviceId);
    return detail(request.region!.code, request.actor, request.params.serviceId);
  });

  r.post(`${S}/archive`, {
    config: { access: 'layanan.manage' },
    schema: { tags, summary: 'Arsipkan layanan (hilang dari katalog publik) / Archive a service (off the public catalogue)', params: serviceParam, response: { 200: serviceAnswer, ...failures(...writeFailures, 'layanan.not_published') } },
  }, async (request) => {
    await archiveService(ctx, request.region!.code, request.actor, request.params.serviceId);
    return detail(request.region!.code, request.actor, request.params.serviceId);
  });

  r.get(`${S}/versions`, {
    config: { access: 'layanan.read' },
    schema: {
      tags, summary: 'Versi terbit standar pelayanan, terbaru dahulu / The published versions, newest first', params: serviceParam,
      response: { 200: z.array(z.object({ version: z.number().int(), name: z.string(), publishedAt: instant, publishedBy: z.string() })), ...failures('layanan.service_not_found') },
    },
  }, async (request) => listVersions(ctx, request.region!.code, request.params.serviceId));

  r.get(`${S}/versions/:version`, {
    config: { access: 'layanan.read' },
    schema: {
      tags, summary: 'Satu versi terbit, apa adanya / One published version, as it was', params: serviceParam.extend({ version: z.coerce.number().int().min(1).max(1_000_000) }),
      response: { 200: versionAnswer, ...failures('layanan.service_not_found', 'layanan.version_not_found') },
    },
  }, async (request) => ({ ...(await readVersion(ctx, request.region!.code, request.params.serviceId, request.params.version)), components: componentCatalogue() }));

  const unitParam = regionParam.extend({ unitId: z.uuid() });
  r.get(`${R}/units/:unitId/pledge`, {
    config: { access: 'layanan.read' },
    schema: { tags, summary: 'Maklumat pelayanan perangkat daerah / A unit\'s service pledge', params: unitParam, response: { 200: pledgeAnswer, ...failures('unit.not_found') } },
  }, async (request) => unitPledge(ctx, request.region!.code, request.params.unitId));

  r.put(`${R}/units/:unitId/pledge`, {
    config: { access: 'layanan.manage' },
    schema: {
      tags, summary: 'Ubah maklumat pelayanan perangkat daerah / Change a unit\'s service pledge', params: unitParam,
      body: z.object({ text: text(TEXT_MAX).describe('Maklumat pelayanan / the pledge') }),
      response: { 200: pledgeAnswer, ...failures('unit.not_found', 'layanan.not_your_unit') },
    },
  }, async (request) => {
    await setPledge(ctx, request.region!.code, request.actor, request.params.unitId, request.body.text);
    return unitPledge(ctx, request.region!.code, request.params.unitId);
  });

  r.get(`${R}/public/services`, {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Katalog layanan terbit (publik) / The published services (public)', params: regionParam,
      querystring: z.object({ q: z.string().trim().max(100).optional().describe('Cari pada nama layanan / search the services\' names') }),
      response: { 200: z.array(publicBrief) },
    },
  }, async (request) => publicServices(ctx, request.region!.code, request.query.q || undefined));

  r.get(`${R}/public/services/:slug`, {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Satu layanan terbit: standar yang berlaku, formulir, tarif dan maklumat (publik) / One published service: the standard in force, the form, the tariff and the pledge (public)',
      params: regionParam.extend({ slug: z.string().max(SLUG_MAX) }),
      response: { 200: publicAnswer, ...failures('layanan.service_not_found') },
    },
  }, async (request) => ({ ...(await publicService(ctx, request.region!.code, request.params.slug)), components: componentCatalogue() }));

  layananSkmRoutes(app, ctx);
  layananApplicationRoutes(app, ctx);
  layananDocumentRoutes(app, ctx);
  layananPaymentRoutes(app, ctx);
};
