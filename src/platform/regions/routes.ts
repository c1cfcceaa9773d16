// Regions, areas and region administration.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { roleNames, type Role } from '../auth/policy.js';
import { modules } from '../modules/registry.js';
import { createApiKey } from '../auth/service.js';
import { REFERENCE_CACHING } from '../http/caching.js';
import { paging, regionParam, text } from '../http/schemas.js';
import { listAreas, listEnabledRegions } from './service.js';
import { regionSettingsSchema, settingsChangeErrors, settingsChangeSchema, type RegionSettings } from './settings.js';
import * as admin from './admin.js';
import * as invitations from '../auth/invitations.js';
import { listAudit } from '../audit/audit.js';
import { failures, instant, ok, once, words } from '../http/responses.js';

const regionSummary = z.object({ code: z.string(), name: z.string(), kind: z.string(), parentCode: z.string().nullable() }).meta({ id: 'RegionSummary' });
const unit = z.object({ regionCode: z.string(), id: z.string(), code: z.string(), name: z.string(), email: z.string().nullable(), active: z.boolean() }).meta({ id: 'Unit' });
/** What a region admin sees of an invitation: the address typed, never anything about an account. */
const invitation = z.object({
  id: z.string(), email: z.string(), role: z.string(), unitId: z.string().nullable(), createdAt: instant, expiresAt: instant,
}).meta({ id: 'Invitation' });
const auditEntry = z.object({
  id: z.number().int(), at: instant, action: z.string(), entity: z.string(), entityId: z.string(), detail: z.unknown(),
  actionLabel: words.nullable().describe('Tindakan dalam kata-kata modulnya / the action in its module\'s words'),
  before: z.record(z.string(), z.unknown()).nullable().describe('Untuk perubahan: nilai lama bidang yang berubah / for edits: the changed fields\' old values'),
  after: z.record(z.string(), z.unknown()).nullable().describe('Untuk perubahan: nilai baru / for edits: their new values'),
  actorUserId: z.string().nullable(), actorLabel: z.string(), actorName: z.string().nullable(),
  subjectName: z.string().nullable(), subjectEmail: z.string().nullable(),
  recordLabel: z.string().nullable().describe('Nama catatan menurut modulnya, mis. kode pelacakan / the record as its module names it, e.g. a tracking code'),
}).meta({ id: 'AuditEntry' });

const area = z.object({ code: z.string(), name: z.string(), kind: z.string() }).meta({ id: 'Area' });
const staffGrant = z.object({ userId: z.string(), name: z.string(), email: z.string(), role: z.string(), unitId: z.string().nullable(), grantId: z.string() }).meta({ id: 'StaffGrant' });
const holiday = z.object({ regionCode: z.string(), date: z.string(), name: z.string(), kind: z.string() }).meta({ id: 'Holiday' });
const apiKey = z.object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: instant, revokedAt: instant.nullable() }).meta({ id: 'ApiKey' });

/** The region's settings, every module's (regions/settings.ts composes the schema from the installed modules). */
const settingsAnswer = once(() => regionSettingsSchema().meta({ id: 'RegionSettings' }) as unknown as z.ZodType<RegionSettings>);

/** The settings anyone may read (e.g. whether the region publishes statistics), by module: each module's publicSettings. */
const publicSettings = once(() => z.object(Object.fromEntries(modules().filter((m) => m.publicSettings?.length && m.settings)
  .map((m) => [m.name, z.object(Object.fromEntries(m.publicSettings!.map((k) => [k, m.settings!.shape[k]])))]))));

const profileSchema = once(() => regionSummary.extend({ timezone: z.string(), timezoneLabel: z.string(), settings: publicSettings() }).meta({ id: 'RegionProfile' }));

export const regionRoutes = (ctx: AppContext) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['regions'];

  app.get('/api/regions', { config: { access: 'public' }, schema: { tags, summary: 'Daerah aktif / Enabled regions', response: { 200: z.array(regionSummary) } } }, async () => listEnabledRegions(ctx.database.db));

  app.post('/api/regions', {
    config: { idempotent: true, access: 'platform_admin' },
    schema: {
      tags, summary: 'Aktifkan daerah / Switch a region on',
      body: z.object({
        code: z.string().regex(/^\d{2}(\.\d{2})?$/),
        // The first region admin is invited by email (see POST /api/regions/:region/invitations).
        admin: z.object({ email: z.email().max(200) }).optional(),
      }),
      response: {
        201: regionSummary.extend({ timezone: z.string(), timezoneLabel: z.string(), utcOffsetMinutes: z.number().int(), settings: settingsAnswer() }),
        ...failures('region.already_enabled'),
      },
    },
  }, async (request, reply) => reply.status(201).send(await admin.switchOnRegion(ctx, request.actor, request.body.code, request.body.admin)));

  app.get('/api/regions/:region', { config: { access: 'public' }, schema: {
    tags, summary: 'Profil daerah / Region profile', params: regionParam,
    response: { 200: profileSchema() },
  } }, async (request, reply) => {
    const r = request.region!;
    reply.header('cache-control', REFERENCE_CACHING);
    return { code: r.code, name: r.name, kind: r.kind, parentCode: r.parentCode, timezone: r.timezone, timezoneLabel: r.timezoneLabel, settings: publicSettings().parse(r.settings) };
  });

  app.get('/api/regions/:region/areas', {
    config: { access: 'public' },
    schema: { tags, summary: 'Kecamatan atau desa/kelurahan / Districts or villages', params: regionParam, querystring: z.object({ parent: z.string().max(20).optional() }),
      response: { 200: z.array(area), ...failures('area.not_in_region') },
    },
  }, async (request, reply) => {
    const region = request.region!;
    const parent = request.query.parent ?? region.code;
    if (parent !== region.code && !parent.startsWith(region.code + '.')) throw new AppError('area.not_in_region');
    // The area registry changes only with a new release of Pamong.
    reply.header('cache-control', 'public, max-age=86400');
    return listAreas(ctx.database.db, parent);
  });

  app.get('/api/regions/:region/units', { config: { access: 'region.staff' }, schema: { tags, summary: 'Perangkat daerah / Units', params: regionParam, response: { 200: z.array(unit) } } }, async (request) => admin.listUnits(ctx, request.region!.code));

  app.post('/api/regions/:region/units', {
    config: { idempotent: true, access: 'region.admin' },
    schema: { tags, summary: 'Tambah perangkat daerah / Add unit', params: regionParam, body: z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{1,30}$/), name: text(200), email: z.email().optional() }),
      response: { 201: unit, ...failures('unit.code_taken') },
    },
  }, async (request, reply) => reply.status(201).send(await admin.createUnit(ctx, request.actor, request.region!.code, request.body)));

  app.get('/api/regions/:region/staff', { config: { access: 'region.admin' }, schema: {
    tags, summary: 'Pegawai dan peran / Staff and roles', params: regionParam,
    response: { 200: z.array(staffGrant) },
  } }, async (request) => admin.listStaff(ctx, request.region!.code));

  app.get('/api/regions/:region/invitations', {
    config: { access: 'region.admin' }, schema: { tags, summary: 'Undangan yang belum diterima / Pending invitations', params: regionParam, response: { 200: z.array(invitation) } },
  }, async (request) => invitations.listInvitations(ctx, request.region!.code));

  app.post('/api/regions/:region/invitations', {
    config: { idempotent: true, access: 'region.admin' },
    schema: {
      tags, summary: 'Undang pegawai untuk suatu peran / Invite staff to a role', params: regionParam,
      description: 'Mengirim tautan undangan ke alamat email; peran baru diberikan setelah pemilik alamat menerimanya (berlaku 7 hari). '
        + 'Tidak ada informasi tentang akun yang ditampilkan sebelum itu. / Emails an invitation link; the role is granted only when the address\'s owner accepts it (valid 7 days). '
        + 'Nothing about an account is shown before then.',
      body: z.object({ email: z.email().max(200), role: z.enum(roleNames() as [Role, ...Role[]]), unitId: z.uuid().nullable().optional() }),
      response: { 201: invitation, ...failures('unit.not_found') },
    },
  }, async (request, reply) => reply.status(201).send(await invitations.inviteStaff(ctx, request.actor, request.region!, request.body)));

  app.post('/api/regions/:region/invitations/:invitationId/resend', {
    config: { access: 'region.admin' },
    schema: { tags, summary: 'Kirim ulang undangan dengan tautan baru / Resend an invitation with a new link', params: regionParam.extend({ invitationId: z.uuid() }),
      response: { 200: invitation, ...failures('invitation.not_found', 'unit.not_found') },
    },
  }, async (request) => invitations.resendInvitation(ctx, request.actor, request.region!, request.params.invitationId));

  app.delete('/api/regions/:region/invitations/:invitationId', {
    config: { access: 'region.admin' },
    schema: { tags, summary: 'Batalkan undangan / Cancel an invitation', params: regionParam.extend({ invitationId: z.uuid() }), response: { 200: ok, ...failures('invitation.not_found') } },
  }, async (request) => {
    await invitations.cancelInvitation(ctx, request.actor, request.region!.code, request.params.invitationId);
    return { ok: true as const };
  });

  app.delete('/api/regions/:region/staff/:grantId', {
    config: { access: 'region.admin' },
    schema: { tags, summary: 'Cabut peran / Revoke a role', params: regionParam.extend({ grantId: z.uuid() }), response: { 200: ok, ...failures('user.not_found') } },
  }, async (request) => {
    await admin.revokeGrant(ctx, request.actor, request.region!.code, request.params.grantId);
    return { ok: true as const };
  });

  app.get('/api/regions/:region/holidays', { config: { access: 'public' }, schema: {
    tags, summary: 'Cuti bersama dan libur daerah / Regional days off', params: regionParam,
    response: { 200: z.array(holiday) },
  } }, async (request) => admin.listHolidays(ctx, request.region!.code));

  app.put('/api/regions/:region/holidays/:date', {
    config: { idempotent: true, access: 'region.admin' },
    schema: { tags, summary: 'Tetapkan hari libur / Set a day off', params: regionParam.extend({ date: z.iso.date() }), body: z.object({ name: text(200), kind: z.enum(['cuti_bersama', 'local']) }), response: { 200: ok } },
  }, async (request) => {
    await admin.addHoliday(ctx, request.actor, request.region!.code, { date: request.params.date, ...request.body });
    return { ok: true as const };
  });

  app.delete('/api/regions/:region/holidays/:date', {
    config: { access: 'region.admin' },
    schema: { tags, summary: 'Hapus hari libur / Remove a day off', params: regionParam.extend({ date: z.iso.date() }), response: { 200: ok } },
  }, async (request) => {
    await admin.removeHoliday(ctx, request.actor, request.region!.code, request.params.date);
    return { ok: true as const };
  });

  app.get('/api/regions/:region/settings', { config: { access: 'region.admin' }, schema: { tags, summary: 'Pengaturan daerah / Region settings', params: regionParam, response: { 200: settingsAnswer() } } }, async (request) => request.region!.settings);

  app.put('/api/regions/:region/settings', {
    config: { access: 'region.admin' },
    schema: { tags, summary: 'Ubah pengaturan / Change settings', params: regionParam, body: settingsChangeSchema(), response: { 200: ok, ...failures(...settingsChangeErrors()) } },
  }, async (request) => {
    await admin.saveSettings(ctx, request.actor, request.region!, request.body);
    return { ok: true as const };
  });

  app.get('/api/regions/:region/api-keys', { config: { access: 'region.admin' }, schema: {
    tags, summary: 'Kunci API / API keys', params: regionParam,
    response: { 200: z.array(apiKey) },
  } }, async (request) => admin.listApiKeys(ctx, request.region!.code));

  app.post('/api/regions/:region/api-keys', {
    config: { idempotent: true, access: 'region.admin' },
    schema: { tags, summary: 'Buat kunci API (ditampilkan sekali) / Create an API key (shown once)', params: regionParam, body: z.object({ name: text(100) }),
      response: { 201: z.object({ id: z.string(), key: z.string().describe('Hanya ditampilkan sekali / shown only once') }) },
    },
  }, async (request, reply) => reply.status(201).send(await createApiKey(ctx, request.actor, request.region!.code, request.body.name)));

  app.delete('/api/regions/:region/api-keys/:id', {
    config: { access: 'region.admin' },
    schema: { tags, summary: 'Cabut kunci API / Revoke an API key', params: regionParam.extend({ id: z.uuid() }), response: { 200: ok } },
  }, async (request) => {
    await admin.revokeApiKey(ctx, request.actor, request.region!.code, request.params.id);
    return { ok: true as const };
  });

  app.get('/api/regions/:region/audit', {
    config: { access: 'audit.read' },
    schema: {
      tags, summary: 'Log audit / Audit log', params: regionParam,
      description: 'Terbaru dahulu. person: bagian nama/email pelaku; record: kode pelacakan pengaduan (ADU-…) atau id catatan; from/to: tanggal setempat (YYYY-MM-DD), keduanya termasuk. / Newest first. person: part of the actor\'s name or email; record: a complaint\'s tracking code or a record id; from/to: local dates, both included.',
      querystring: z.object({
        before: z.coerce.number().int().positive().optional(), entity: z.string().max(40).optional(), entityId: z.string().max(100).optional(),
        person: z.string().max(200).optional(), record: z.string().max(100).optional(), from: z.iso.date().optional(), to: z.iso.date().optional(),
        limit: paging.limit,
      }),
      response: { 200: z.array(auditEntry) },
    },
  }, async (request) => {
    const { from, to, ...rest } = request.query;
    const region = request.region!;
    // Local dates to instants: from midnight of `from` to midnight after `to`, in the region's zone.
    const midnight = (date: string, days = 0) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000 - region.utcOffsetMinutes * 60_000);
    return listAudit(ctx.database.db, region.code, { ...rest, from: from ? midnight(from) : undefined, to: to ? midnight(to, 1) : undefined });
  });
};
