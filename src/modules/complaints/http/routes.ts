// HTTP for complaints: validate, authorise (declared per route), call the service.
import { staleRead } from '../../../platform/db/replica.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { REFERENCE_CACHING } from '../../../platform/http/caching.js';
import { paging, regionParam, text } from '../../../platform/http/schemas.js';
import { rejectionReasons, statuses } from '../domain/status.js';
import { categoryFields, slaRuleFields } from '../domain/category.js';
import { MIN_DESCRIPTION, textLimits } from '../domain/limits.js';
import { trackingCodePattern } from '../domain/tracking.js';
import { submitComplaint, suggestDuplicates, type NewComplaint, type Receipt } from '../service/intake.js';
import { checkPhotos, photoPolicy } from '../service/photos.js';
import { multipartReader } from '../../../platform/files.js';
import type { RateLimit } from '../../../platform/http/rate-limit.js';
import { citizenAction, performAction } from '../service/workflow.js';
import { listForStaff, listMine, listPublic, photo, staffDetail, trackingView } from '../service/queries.js';
import * as admin from '../service/admin.js';
import { failures, fileAnswer, ok } from '../../../platform/http/responses.js';
import * as answers from './responses.js';

const tags = ['complaints'];

const location = {
  districtCode: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/).nullable().default(null),
  villageCode: z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/).nullable().default(null),
  lat: z.number().min(-90).max(90).nullable().default(null),
  lng: z.number().min(-180).max(180).nullable().default(null),
};

export const complaintInput = z.object({
  categoryId: z.uuid(),
  description: z.string().trim().min(MIN_DESCRIPTION).max(textLimits.description),
  answers: z.record(z.string().max(40), z.unknown()).default({}),
  ...location,
  address: z.string().trim().max(textLimits.address).nullable().default(null),
  // Identity hidden unless the citizen chooses to show it; rahasia keeps the whole report private.
  anonymous: z.boolean().default(true),
  confidential: z.boolean().default(false),
  reporter: z.object({
    name: z.string().trim().max(textLimits.reporterName).optional(),
    email: z.email().max(textLimits.reporterEmail).optional(),
    phone: z.string().max(textLimits.reporterPhone).regex(/^\+?[0-9 -]{6,}$/).optional(),
  }).default({}),
});
type ComplaintInput = z.infer<typeof complaintInput>;

const trackingParam = regionParam.extend({ code: z.string().regex(trackingCodePattern) });
const reporterKey = z.string().min(10).max(100);
const reporterKeyQuery = z.object({ kunci: reporterKey.optional() });
const idParam = regionParam.extend({ id: z.uuid() });

const command = z.discriminatedUnion('action', [
  z.object({ action: z.literal('dispatch'), unitId: z.uuid(), note: z.string().trim().max(2000).optional() }),
  z.object({ action: z.literal('reject'), reason: z.enum(rejectionReasons), message: text(2000) }),
  z.object({ action: z.literal('merge'), intoTrackingCode: z.string().regex(trackingCodePattern) }),
  z.object({ action: z.literal('acknowledge') }),
  z.object({ action: z.literal('respond'), message: text(4000) }),
  z.object({ action: z.literal('dispose'), unitId: z.uuid(), note: text(2000) }),
  z.object({ action: z.literal('transfer'), regionCode: z.string().regex(/^\d{2}(\.\d{2})?$/), note: text(2000) }),
  z.object({ action: z.literal('resolve'), message: text(4000) }),
  z.object({ action: z.literal('note'), message: text(4000) }),
]);

/** Multipart intake: a `complaint` JSON field plus up to three `photos`. */
const readMultipart = multipartReader('complaint', 'photos', photoPolicy);

function toNewComplaint(b: ComplaintInput, channel: NewComplaint['channel']): NewComplaint {
  return {
    categoryId: b.categoryId, description: b.description, answers: b.answers as Record<string, unknown>,
    districtCode: b.districtCode, villageCode: b.villageCode, lat: b.lat, lng: b.lng, address: b.address,
    anonymous: b.anonymous, confidential: b.confidential,
    reporterName: b.reporter.name ?? null, reporterEmail: b.reporter.email ?? null, reporterPhone: b.reporter.phone ?? null, channel,
  };
}

export const complaintRoutes = (ctx: AppContext) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  /** Anonymous writes per address and minute, each route its own counter. */
  const perMinute = (name: string, max = ctx.config.intakePerMinute): RateLimit[] => [{ name, max, windowSeconds: 60 }];

  app.get('/api/regions/:region/categories', {
    config: { access: 'public' }, schema: { tags, summary: 'Kategori pengaduan / Complaint categories', params: regionParam, response: { 200: z.array(answers.category) } },
  }, async (request, reply) => {
    reply.header('cache-control', REFERENCE_CACHING);
    return admin.listCategories(ctx, request.region!.code);
  });

  const intake = (channel: 'web' | 'counter') => async (request: FastifyRequest, reply: FastifyReply) => {
    const photos = await checkPhotos(request.uploads);
    const body = request.body as ComplaintInput; // validated by the route schema
    reply.status(201);
    // The receipt as it will be sent, so an Idempotency-Key's row holds it from the moment the complaint exists.
    const answerOf = (receipt: Receipt) => ({ status: 201, headers: { 'content-type': 'application/json; charset=utf-8' }, body: String(reply.serialize(receipt)) });
    return reply.send(await submitComplaint(ctx, request.region!, request.actor, toNewComplaint(body, channel), photos, answerOf));
  };
  const intakeSchema = (summary: string) => ({
    tags, summary,
    description: 'JSON, atau multipart/form-data dengan field `complaint` (JSON) dan hingga 3 berkas `photos` (JPEG/PNG/WebP, maks. 5 MB, 40 megapiksel, 8000 px per sisi). '
      + 'Foto disimpan ulang sebagai JPEG (sisi terpanjang 2048 px) tanpa metadata seperti lokasi GPS. / Photos are stored re-encoded as JPEG (2048 px long side) without metadata such as GPS location. '
      + 'Kategori dengan `locationRequired` butuh districtCode/villageCode atau lat+lng (`complaint.location_required`). '
      + 'Teks melebihi batas ditolak dengan `request.text_too_long` (details: field, max), tidak pernah dipotong.',
    params: regionParam, body: complaintInput,
    response: {
      201: answers.receipt,
      ...failures('category.not_found', 'complaint.answers_invalid', 'complaint.location_required', 'area.not_in_region',
        'file.type_not_allowed', 'file.image_too_large', 'file.image_unreadable'),
    },
  });

  app.post('/api/regions/:region/complaints', {
    config: { idempotent: true, access: 'public', bodyTypes: ['json', 'multipart'], limits: perMinute('intake') },
    preValidation: readMultipart,
    schema: intakeSchema('Kirim pengaduan / Submit a complaint'),
  }, intake('web'));

  app.post('/api/regions/:region/counter/complaints', {
    config: { idempotent: true, access: 'complaint.file_for_citizen', bodyTypes: ['json', 'multipart'] },
    preValidation: readMultipart,
    schema: intakeSchema('Catat pengaduan dari loket/telepon / File a walk-in or phone complaint'),
  }, intake('counter'));

  app.post('/api/regions/:region/complaints/similar', {
    config: { access: 'public', limits: perMinute('similar', ctx.config.intakePerMinute * 3) },
    schema: {
      tags, summary: 'Laporan serupa sebelum mengirim / Likely duplicates before submitting', params: regionParam,
      body: z.object({ categoryId: z.uuid(), description: z.string().max(textLimits.description), villageCode: location.villageCode, lat: location.lat, lng: location.lng }),
      response: { 200: z.array(answers.similarPublic).describe('Hanya laporan tidak rahasia, tanpa pelapor / only non-confidential reports, never who reported them') },
    },
  }, async (request) => {
    const found = await suggestDuplicates(ctx, request.region!, request.body);
    // The public sees only non-confidential matches, and never who reported them.
    return found.filter((f) => !f.confidential).map((f) => ({ trackingCode: f.trackingCode, description: f.description.slice(0, 200), status: f.status, submittedAt: f.submittedAt, score: f.score }));
  });

  app.get('/api/regions/:region/complaints/public', {
    config: { access: 'public' },
    schema: { tags, summary: 'Daftar pengaduan publik / Public complaints', params: regionParam, querystring: z.object({ status: z.enum(statuses).optional(), ...paging }),
      response: { 200: z.array(answers.publicRow) },
    },
  }, async (request) => staleRead(ctx, (c) => listPublic(c, request.region!, { status: request.query.status ? [request.query.status] : undefined, limit: request.query.limit, offset: request.query.offset })));

  app.get('/api/regions/:region/complaints/track/:code', {
    config: { access: 'public' },
    schema: { tags, summary: 'Lacak pengaduan / Track a complaint', description: '`kunci`: kunci pelapor dari tanda terima / the reporter\'s key from the receipt.', params: trackingParam, querystring: reporterKeyQuery,
      response: { 200: answers.trackedComplaint, ...failures('complaint.not_found') },
    },
  }, async (request) => trackingView(ctx, request.region!, request.params.code, request.query.kunci));

  app.post('/api/regions/:region/complaints/track/:code/rate', {
    config: { access: 'public', limits: perMinute('rate') },
    schema: { tags, summary: 'Beri penilaian / Rate the answer', params: trackingParam, body: z.object({ key: reporterKey, rating: z.number().int().min(1).max(5), comment: z.string().trim().max(textLimits.ratingComment).optional() }),
      response: { 200: answers.statusChange, ...failures('complaint.not_found', 'complaint.not_reporter', 'complaint.invalid_transition', 'complaint.reopen_window_closed') },
    },
  }, async (request) => {
    const { key, ...rating } = request.body;
    return { status: await citizenAction(ctx, request.region!, request.params.code, key, { action: 'rate', ...rating }) };
  });

  app.post('/api/regions/:region/complaints/track/:code/reopen', {
    config: { access: 'public', limits: perMinute('reopen') },
    schema: { tags, summary: 'Buka kembali / Reopen', description: 'Selama jendela daerah sejak penyelesaian, juga setelah dinilai / Within the region\'s window from the resolution, rated or not.', params: trackingParam, body: z.object({ key: reporterKey, reason: text(textLimits.reopenReason) }),
      response: { 200: answers.statusChange, ...failures('complaint.not_found', 'complaint.not_reporter', 'complaint.invalid_transition', 'complaint.reopen_window_closed') },
    },
  }, async (request) => ({ status: await citizenAction(ctx, request.region!, request.params.code, request.body.key, { action: 'reopen', reason: request.body.reason }) }));

  app.get('/api/regions/:region/complaints/:code/photos/:photoId', {
    config: { access: 'public' },
    schema: { tags, summary: 'Foto pengaduan / Complaint photo', params: trackingParam.extend({ photoId: z.uuid() }), querystring: reporterKeyQuery,
      response: { 200: fileAnswer('Foto (JPEG) / the photo (JPEG)', 'image/jpeg'), ...failures('complaint.not_found', 'file.not_found') },
    },
  }, async (request, reply) => {
    const p = await photo(ctx, request.region!, request.actor, request.params.code, request.params.photoId, request.query.kunci);
    return reply.type(p.contentType).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').send(p.data);
  });

  app.get('/api/regions/:region/inbox', {
    config: { access: 'complaint.list' },
    schema: {
      tags, summary: 'Kotak masuk petugas, paling mendesak dahulu / Staff inbox, most urgent first', params: regionParam,
      querystring: z.object({
        status: z.union([z.enum(statuses), z.array(z.enum(statuses))]).optional(), unitId: z.uuid().optional(),
        overdue: z.enum(['true', 'false']).optional(), q: z.string().max(100).optional(), ...paging,
      }),
      response: { 200: z.array(answers.inboxRow) },
    },
  }, async (request) => {
    const q = request.query;
    const status = q.status === undefined ? undefined : Array.isArray(q.status) ? q.status : [q.status];
    return listForStaff(ctx, request.region!, request.actor, { status, unitId: q.unitId, overdue: q.overdue === 'true', q: q.q, limit: q.limit, offset: q.offset });
  });

  app.get('/api/regions/:region/complaints/:id', {
    config: { access: 'complaint.list' }, schema: { tags, summary: 'Detail pengaduan untuk petugas / Complaint for staff', params: idParam, response: { 200: answers.staffComplaint, ...failures('complaint.not_found') } },
  }, async (request) => staffDetail(ctx, request.region!, request.actor, request.params.id));

  app.get('/api/regions/:region/complaints/:id/similar', {
    config: { access: 'complaint.triage' }, schema: { tags, summary: 'Kemungkinan duplikat / Likely duplicates', params: idParam, response: { 200: z.array(answers.similarStaff), ...failures('complaint.not_found') } },
  }, async (request) => {
    const c = await staffDetail(ctx, request.region!, request.actor, request.params.id);
    return suggestDuplicates(ctx, request.region!, {
      categoryId: c.category!.id, description: c.description, villageCode: c.location.villageCode, lat: c.location.lat, lng: c.location.lng, excludeId: c.id,
    });
  });

  app.post('/api/regions/:region/complaints/:id/actions', {
    config: { access: 'complaint.list' },
    schema: { tags, summary: 'Verifikasi, teruskan, tanggapi, selesaikan... / Verify, dispatch, respond, resolve...', params: idParam, body: command,
      response: {
        200: answers.statusChange,
        ...failures('complaint.not_found', 'complaint.invalid_transition', 'complaint.merge_self', 'complaint.transfer_target_invalid', 'unit.not_found'),
      },
    },
  }, async (request) => ({ status: await performAction(ctx, request.region!, request.actor, request.params.id, request.body) }));

  app.get('/api/me/complaints', {
    config: { access: 'signed_in' }, schema: { tags, summary: 'Pengaduan saya / My complaints', response: { 200: z.array(answers.myComplaint) } },
  }, async (request) => listMine(ctx, request.actor.userId!));

  // Region admin: categories, routing, SLA.
  const categoryBody = categoryFields;
  app.get('/api/regions/:region/admin/categories', {
    config: { access: 'region.admin' }, schema: { tags, summary: 'Semua kategori / All categories', params: regionParam, response: { 200: z.array(answers.category) } },
  }, async (request) => admin.listCategories(ctx, request.region!.code, true));
  app.post('/api/regions/:region/admin/categories', {
    config: { idempotent: true, access: 'region.admin' }, schema: { tags, summary: 'Tambah kategori / Add category', params: regionParam, body: categoryBody, response: { 201: answers.category, ...failures('category.code_taken') } },
  }, async (request, reply) => reply.status(201).send(await admin.saveCategory(ctx, request.actor, request.region!.code, request.body)));
  app.put('/api/regions/:region/admin/categories/:id', {
    config: { access: 'region.admin' }, schema: { tags, summary: 'Ubah kategori / Change category', params: idParam, body: categoryBody, response: { 200: answers.category, ...failures('category.not_found') } },
  }, async (request) => admin.saveCategory(ctx, request.actor, request.region!.code, request.body, request.params.id));

  app.get('/api/regions/:region/admin/routing', {
    config: { access: 'region.admin' }, schema: { tags, summary: 'Tabel disposisi dan riwayatnya / Routing table with history', params: regionParam, response: { 200: z.array(answers.routingRule) } },
  }, async (request) => admin.routingHistory(ctx, request.region!.code));
  app.put('/api/regions/:region/admin/routing/:id', {
    config: { access: 'region.admin' }, schema: { tags, summary: 'Arahkan kategori ke unit / Route a category to a unit', params: idParam, body: z.object({ unitId: z.uuid() }), response: { 200: ok, ...failures('category.not_found', 'unit.not_found') } },
  }, async (request) => {
    await admin.setRoute(ctx, request.actor, request.region!.code, request.params.id, request.body.unitId);
    return { ok: true as const };
  });

  app.get('/api/regions/:region/admin/sla', {
    config: { access: 'region.admin' }, schema: { tags, summary: 'Batas waktu / SLA policies', params: regionParam, response: { 200: z.array(answers.slaPolicy) } },
  }, async (request) => admin.listSla(ctx, request.region!.code));
  app.put('/api/regions/:region/admin/sla', {
    config: { access: 'region.admin' },
    schema: {
      tags, summary: 'Tetapkan batas waktu / Set a deadline', params: regionParam,
      body: z.object({ categoryId: z.uuid().nullable(), ...slaRuleFields }),
      response: { 200: ok, ...failures('category.not_found') },
    },
  }, async (request) => {
    await admin.setSla(ctx, request.actor, request.region!.code, request.body);
    return { ok: true as const };
  });
};
