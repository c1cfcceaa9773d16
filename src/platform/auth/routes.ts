// Sign-in, sign-out, who am I, password reset, registration and invitations.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { SESSION_COOKIE } from '../http/access.js';
import { listEnabledRegions } from '../regions/service.js';
import { allowedActions, isPlatformGranted, isUnitRole, permissionNames, roleLabel, roleNames, rolesWith, type Actor, type Permission } from './policy.js';
import { requestPasswordReset, resetPassword, SESSION_DAYS, signIn, signOut, type OpenedSession } from './service.js';
import { register, verifyEmail } from './registration.js';
import { acceptInvitation, viewInvitation } from './invitations.js';
import { text } from '../http/schemas.js';
import type { RateLimit } from '../http/rate-limit.js';
import { failures, instant, ok, once, words } from '../http/responses.js';

const grant = z.object({ regionCode: z.string(), role: z.string(), unitId: z.string().nullable() });
const user = z.object({ id: z.string(), name: z.string(), email: z.string(), platformAdmin: z.boolean() });
/** A session just opened: who signed in, their grants, and the token their writes echo in x-csrf-token. */
const signedInAnswer = z.object({ user, grants: z.array(grant), csrfToken: z.string() }).meta({ id: 'SignedIn' });
/** Who is signed in; `actions` are this installation's permissions (the platform's and each module's). */
const meAnswer = once(() => z.object({
  user: user.nullable(),
  grants: z.array(grant),
  regions: z.array(z.object({
    code: z.string(), name: z.string(), kind: z.string(), parentCode: z.string().nullable(),
    actions: z.array(z.enum(permissionNames() as [Permission, ...Permission[]])).describe('Izin pengguna di daerah ini / the user\'s permissions in this region'),
  })),
  csrfToken: z.string().nullable(),
}).meta({ id: 'Me' }));
const invitationOffer = z.object({
  regionCode: z.string(), regionName: z.string(), email: z.string(), role: z.string(), roleLabel: words, unitName: z.string().nullable(), expiresAt: instant,
  hasAccount: z.boolean().describe('Alamat ini sudah punya akun: masuk dulu / the address has an account: sign in first'),
});
const roleCatalogue = z.object({
  roles: z.array(z.object({ name: z.string(), label: words, unitScoped: z.boolean(), platformGranted: z.boolean() })),
  permissions: z.record(z.string(), z.array(z.string())).describe('Izin → peran yang memegangnya / permission → the roles holding it'),
}).meta({ id: 'RoleCatalogue' });

/** A signed-in person (a user actor always has an id and an email). */
const userOf = (actor: Actor) => ({ id: actor.userId!, name: actor.name, email: actor.email!, platformAdmin: actor.platformAdmin });

export const authRoutes = (ctx: AppContext) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.secureCookies };

  // Per address and account, so that guessing one account's password is slowed
  // down while a whole office behind one NAT can still sign in; and per address
  // across accounts, counting only failures, so that one address cannot try a
  // password against every account (spraying).
  const emailOf = (request: FastifyRequest) => String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase();
  const signInLimits: RateLimit[] = [
    // Failed attempts only: guessing needs failures, and a person signing in
    // again (or a test that signs in often on a frozen clock) is not slowed.
    { name: 'sign-in', max: 10, windowSeconds: 60, by: (request) => `${request.ip}|${emailOf(request)}`, failuresOnly: 'held' },
    { name: 'sign-in-address', max: ctx.config.signInFailuresPerAddress, windowSeconds: 15 * 60, by: (request) => request.ip, failuresOnly: 'held' },
  ];

  /** Sets the session cookie and answers who signed in and what they may do. */
  const signedIn = (reply: FastifyReply, { sessionId, csrfToken, actor }: OpenedSession) => {
    reply.setCookie(SESSION_COOKIE, sessionId, { ...cookieOptions, maxAge: SESSION_DAYS * 86_400 });
    return { user: userOf(actor), grants: actor.grants, csrfToken };
  };

  app.post('/api/auth/sign-in', {
    config: { access: 'public', limits: signInLimits },
    schema: {
      tags: ['auth'], summary: 'Masuk / Sign in', body: z.object({ email: z.email().max(200), password: z.string().min(1).max(200) }),
      response: { 200: signedInAnswer, ...failures('auth.invalid_credentials') },
    },
  }, async (request, reply) => signedIn(reply, await signIn(ctx, request.body.email, request.body.password)));

  app.post('/api/auth/register', {
    config: { idempotent: true, access: 'public', limits: [{ name: 'register', max: 5, windowSeconds: 60 }] },
    schema: {
      tags: ['auth'], summary: 'Daftar sebagai warga / Register as a citizen',
      description: 'Selalu 202: tautan aktivasi dikirim ke email (berlaku 24 jam); akun dibuat saat tautan dibuka. Bila alamat sudah punya akun, pemiliknya diberi tahu lewat email. '
        + '/ Always 202: an activation link is emailed (valid 24 hours) and the account is created when it is opened. If the address already has an account, its owner is told by email.',
      body: z.object({ email: z.email().max(200), name: text(120), password: z.string().max(200), phone: z.string().regex(/^\+?[0-9 -]{6,20}$/).optional() }),
      response: { 202: ok, ...failures('auth.weak_password') },
    },
  }, async (request, reply) => {
    await register(ctx, { ...request.body, locale: request.locale });
    return reply.status(202).send({ ok: true as const });
  });

  app.post('/api/auth/verify-email', {
    config: { access: 'public', limits: [{ name: 'verify-email', max: 10, windowSeconds: 60 }] },
    schema: {
      tags: ['auth'], summary: 'Aktifkan akun dari tautan email, lalu masuk / Activate an account from the emailed link and sign in', body: z.object({ token: z.string().min(10).max(200) }),
      response: { 200: signedInAnswer, ...failures('auth.verification_invalid') },
    },
  }, async (request, reply) => signedIn(reply, await verifyEmail(ctx, request.body.token)));

  app.post('/api/auth/invitation', {
    config: { access: 'public', limits: [{ name: 'invitation-view', max: 20, windowSeconds: 60 }] },
    schema: {
      tags: ['auth'], summary: 'Isi undangan dari tautan email / What an emailed invitation offers', body: z.object({ token: z.string().min(10).max(200) }),
      response: { 200: invitationOffer, ...failures('invitation.invalid') },
    },
  }, async (request) => viewInvitation(ctx, request.body.token));

  app.post('/api/auth/invitation/accept', {
    config: { access: 'public', limits: [{ name: 'invitation-accept', max: 10, windowSeconds: 60 }] },
    schema: {
      tags: ['auth'], summary: 'Terima undangan / Accept an invitation',
      description: 'Tanpa akun: kirim nama dan kata sandi; akun dibuat dan langsung masuk. Dengan akun: masuk dulu sebagai alamat yang diundang. '
        + '/ Without an account: send a name and password; the account is created and signed in. With one: sign in as the invited address first.',
      body: z.object({ token: z.string().min(10).max(200), name: text(200).optional(), password: z.string().max(200).optional() }),
      response: {
        200: z.object({ regionCode: z.string() }).extend(signedInAnswer.partial().shape).describe('Dengan akun baru: juga sesinya / with a new account: its session too'),
        ...failures('invitation.invalid', 'invitation.sign_in_required', 'invitation.wrong_account', 'auth.weak_password', 'user.email_taken'),
      },
    },
  }, async (request, reply) => {
    const { token, name, password } = request.body;
    const { regionCode, session } = await acceptInvitation(ctx, request.actor, token, name !== undefined && password !== undefined ? { name, password } : undefined);
    return session ? { regionCode, ...signedIn(reply, session) } : { regionCode };
  });

  app.post('/api/auth/sign-out', { config: { access: 'signed_in' }, schema: { tags: ['auth'], summary: 'Keluar / Sign out', response: { 200: ok } } }, async (request, reply) => {
    await signOut(ctx, request.cookies[SESSION_COOKIE]!);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/auth/me', { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Pengguna saat ini / Current user', response: { 200: meAnswer() } } }, async (request) => {
    const a = request.actor;
    if (a.kind !== 'user') return { user: null, grants: [], regions: [], csrfToken: null };
    const enabled = await listEnabledRegions(ctx.database.db);
    const codes = a.platformAdmin ? enabled.map((r) => r.code) : [...new Set(a.grants.map((g) => g.regionCode))];
    return {
      user: userOf(a),
      grants: a.grants,
      regions: enabled.filter((r) => codes.includes(r.code)).map((r) => ({ ...r, actions: allowedActions(a, r.code) })),
      csrfToken: request.csrfToken,
    };
  });

  // The roles of this installation (the platform's and each module's) and who holds each permission, for the admin screens.
  app.get('/api/roles', { config: { access: 'signed_in' }, schema: { tags: ['auth'], summary: 'Peran dan izin / Roles and permissions', response: { 200: roleCatalogue } } }, async () => ({
    roles: roleNames().map((name) => ({ name, label: roleLabel(name), unitScoped: isUnitRole(name), platformGranted: isPlatformGranted(name) })),
    permissions: Object.fromEntries(permissionNames().map((p) => [p, rolesWith(p)])),
  }));

  app.post('/api/auth/password-reset', {
    config: { access: 'public', limits: [{ name: 'password-reset', max: 5, windowSeconds: 60 }] },
    schema: { tags: ['auth'], summary: 'Minta tautan atur ulang kata sandi / Request a reset link', body: z.object({ email: z.email().max(200) }), response: { 200: ok } },
  }, async (request) => {
    await requestPasswordReset(ctx, request.body.email, request.locale);
    return { ok: true as const };
  });

  app.post('/api/auth/password-reset/confirm', {
    config: { access: 'public', limits: [{ name: 'password-reset-confirm', max: 10, windowSeconds: 60 }] },
    schema: { tags: ['auth'], summary: 'Atur kata sandi baru / Set a new password', body: z.object({ token: z.string().min(10).max(200), password: z.string().max(200) }),
      response: { 200: ok, ...failures('auth.reset_token_invalid', 'auth.weak_password') },
    },
  }, async (request) => {
    await resetPassword(ctx, request.body.token, request.body.password);
    return { ok: true as const };
  });
};
