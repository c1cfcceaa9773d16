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
import { settingsChangeSchema, type RegionSettings } from './settings.js';
import * as admin from './admin.js';
import * as invitations from '../auth/invitations.js';
import { listAudit } from '../audit/audit.js';

/** The settings anyone may read (e.g. whether the region publishes statistics), by module. */
function publicSettings(settings: RegionSettings): Record<string, Record<string, unknown>> {
  const all = settings as unknown as Record<string, Record<string, unknown>>;
  return Object.fromEntries(modules().filter((m) => m.publicSettings?.length).map((m) => [m.name, Object.fromEntries(m.publicSettings!.map((k) => [k, all[m.name]?.[k]]))]));
}

export const regionRoutes = (ctx: AppContext) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['regions'];

  app.get('/api/regions', { config: { access: 'public' }, schema: { tags, summary: 'Daerah aktif / Enabled regions' } }, async () => listEnabledRegions(ctx.database.db));

  app.post('/api/regions', {
    config: { idempotent: true, access: 'platform_admin' },
    schema: {
      tags, summary: 'Aktifkan daerah / Switch a region on',
      body: z.object({
        code: z.string().regex(/^\d{2}(\.\d{2})?$/),
        // The first region admin is invited by email (see POST /api/regions/:region/invitations).
        admin: z.object({ email: z.email().max(200) }).optional(),
      }),
    },
  }, async (request, reply) => reply.status(201).send(await admin.switchOnRegion(ctx, request.actor, request.body.code, request.body.admin)));

  app.get('/api/regions/:region', { config: { access: 'public' }, schema: { tags, summary: 'Profil daerah / Region profile', params: regionParam } }, async (request, reply) => {
    const r = request.region!;
    reply.header('cache-control', REFERENCE_CACHING);
    return { code: r.code, name: r.name, kind: r.kind, parentCode: r.parentCode, timezone: r.timezone, timezoneLabel: r.timezoneLabel, settings: publicSettings(r.settings) };
  });

  app.get('/api/regions/:region/areas', {
    config: { access: 'public' },
    schema: { tags, summary: 'Kecamatan atau desa/kelurahan / Districts or villages', params: regionParam, querystring: z.object({ parent: z.string().max(20).optional() }) },
  }, async (request, reply) => {
    const region = request.region!;
    const parent = request.query.parent ?? region.code;
    if (parent !== region.code && !parent.startsWith(region.code + '.')) throw new AppError('area.not_in_region');
    // The area registry changes only with a new release of Pamong.
    reply.header('cache-control', 'public, max-age=86400');
    return listAreas(ctx.database.db, parent);
  });

  app.get('/api/regions/:region/units', { config: { access: 'region.staff' }, schema: { tags, summary: 'Perangkat daerah / Units', params: regionParam } }, async (request) => admin.listUnits(ctx, request.region!.code));

  app.post('/api/regions/:region/units', {
    config: { idempotent: true, access: 'region.admin' },
    schema: { tags, summary: 'Tambah perangkat daerah / Add unit', params: regionParam, body: z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{1,30}$/), name: text(200), email: z.email().optional() }) },
  }, async (request, reply) => reply.status(201).send(await admin.createUnit(ctx, request.actor, request.region!.code, request.body)));

  app.get('/api/regions/:region/staff', { config: { access: 'region.admin' }, schema: { tags, summary: 'Pegawai dan peran / Staff and roles', params: regionParam } }, async (request) => admin.listStaff(ctx, request.region!.code));

  app.get('/api/regions/:region/invitations', {
    config: { access: 'region.admin' }, schema: { tags, summary: 'Undangan yang belum diterima / Pending invitations', params: regionParam },
  }, async (request) => invitations.listInvitations(ctx, request.region!.code));

  app.post('/api/regions/:region/invitations', {
    config: { idempotent: true, access: 'region.admin' },
    schema: {
      tags, summary: 'Undang pegawai untuk suatu peran / Invite staff to a role', params: regionParam,
      description: 'Mengirim tautan undangan ke alamat email; peran baru diberikan setelah pemilik alamat menerimanya (berlaku 7 hari). '
        + 'Tidak ada informasi tentang akun yang ditampilkan sebelum itu. / Emails an invitation link; the role is granted only when the address\'s owner accepts it (valid 7 days). '
        + 'Nothing about an account is shown before then.',
      body: z.object({ email: z.email().max(200), role: z.enum(roleNames() as [Role, ...Role[]]), unitId: z.uuid().nullable().optional() }),
    },
  }, async (request, reply) => reply.status(201).send(await invitations.inviteStaff(ctx, request.actor, request.region!, request.body)));

  app.post('/api/regions/:region/invitations/:invitationId/resend', {
    config: { access: 'region.admin' },
    schema: { tags, summary: 'Kirim ulang undangan dengan tautan baru / Resend an invitation with a new link', params: regionParam.extend({ invitationId: z.uuid() }) },
  }, async (request) => invitations.resendInvitation(ctx, request.actor, request.region!, request.params.invitationId));

  app.delete('/api/regions/:region/invitations/:invitationId', {
    config: { access: 'region.admin' },
    schema: { tags, summary: 'Batalkan undangan / Cancel an invitation', params: regionParam.extend({ invitationId: z.uuid() }) },
  }, async (request) => {
    await invitations.cancelInvitation(ctx, request.actor, request.region!.code, request.params.invitationId);
    return { ok: true };
  });

  app.delete('/api/regions/:region/staff/:grantId', {
    config: { access: 'region.admin' },
    schema: { tags, summary: 'Cabut peran / Revoke a role', params: regionParam.extend({ grantId: z.uuid() }) },
  }, async (request) => {
    await admin.revokeGrant(ctx, request.actor, request.region!.code, request.params.grantId);
    return { ok: true };
  });

  app.get('/api/regions/:region/holidays', { config: { access: 'public' }, schema: { tags, summary: 'Cuti bersama dan libur daerah / Regional days off', params: regionParam } }, async (request) => admin.listHolidays(ctx, request.region!.code));

  app.put('/api/regions/:region/holidays/:date', {
    config: { idempotent: true, access: 'region.admin' },
    schema: { tags, summary: 'Tetapkan hari libur / Set a day off', params: regionParam.extend({ date: z.iso.date() }), body: z.object({ name: text(200), kind: z.enum(['cuti_bersama', 'local']) }) },
  }, async (request) => {
    await admin.addHoliday(ctx, request.actor, request.region!.code, { date: request.params.date, ...request.body });
    return { ok: true };
  });

  app.delete('/api/regions/:region/holidays/:date', {
    config: { access: 'region.admin' },
    schema: { tags, summary: 'Hapus hari libur / Remove a day off', params: regionParam.extend({ date: z.iso.date() }) },
  }, async (request) => {
    await admin.removeHoliday(ctx, request.actor, request.region!.code, request.params.date);
    return { ok: true };
  });

  app.get('/api/regions/:region/settings', { config: { access: 'region.admin' }, schema: { tags, summary: 'Pengaturan daerah / Region settings', params: regionParam } }, async (request) => request.region!.settings);

  app.put('/api/regions/:region/settings', {
    config: { access: 'region.admin' },
    schema: { tags, summary: 'Ubah pengaturan / Change settings', params: regionParam, body: settingsChangeSchema() },
  }, async (request) => {
    await admin.saveSettings(ctx, request.actor, request.region!, request.body);
    return { ok: true };
  });

  app.get('/api/regions/:region/api-keys', { config: { access: 'region.admin' }, schema: { tags, summary: 'Kunci API / API keys', params: regionParam } }, async (request) => admin.listApiKeys(ctx, request.region!.code));

  app.post('/api/regions/:region/api-keys', {
    config: { idempotent: true, access: 'region.admin' },
    schema: { tags, summary: 'Buat kunci API (ditampilkan sekali) / Create an API key (shown once)', params: regionParam, body: z.object({ name: text(100) }) },
  }, async (request, reply) => reply.status(201).send(await createApiKey(ctx, request.actor, request.region!.code, request.body.name)));

  app.delete('/api/regions/:region/api-keys/:id', {
    config: { access: 'region.admin' },
    schema: { tags, summary: 'Cabut kunci API / Revoke an API key', params: regionParam.extend({ id: z.uuid() }) },
  }, async (request) => {
    await admin.revokeApiKey(ctx, request.actor, request.region!.code, request.params.id);
    return { ok: true };
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
    },
  }, async (request) => {
    const { from, to, ...rest } = request.query;
    const region = request.region!;
    // Local dates to instants: from midnight of `from` to midnight after `to`, in the region's zone.
    const midnight = (date: string, days = 0) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000 - region.utcOffsetMinutes * 60_000);
    return listAudit(ctx.database.db, region.code, { ...rest, from: from ? midnight(from) : undefined, to: to ? midnight(to, 1) : undefined });
  });
};
