// Sign-in, sessions, password reset, accounts and API keys.
import { and, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import { apiKeys, grants, passwordResets, sessions, users } from '../schema.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/client.js';
import { prepare, runPrepared } from '../db/prepared.js';
import { AppError } from '../errors.js';
import { enqueueEmail } from '../notify/outbox.js';
import { audit } from '../audit/audit.js';
import { anonymousActor, type Actor, type Grant, type Role, isUnitRole } from './policy.js';
import { hashPassword, MIN_PASSWORD_LENGTH, newToken, sha256, verifyPassword } from './secrets.js';

export const SESSION_DAYS = 14;
const RESET_MINUTES = 60;

/** A user's grants as one JSON value. */
const grantsOf = (userId: SQL) => sql<Grant[]>`(select coalesce(json_agg(json_build_object('regionCode', g.region_code, 'role', g.role, 'unitId', g.unit_id)), '[]'::json)
    from ${grants} g where g.user_id = ${userId})`;

/** A user with their grants, read in one query. */
const userWithGrants = {
  id: users.id, name: users.name, email: users.email, platformAdmin: users.platformAdmin,
  grants: grantsOf(sql`"users"."id"`), // spelled out: a one-table select would write a bare "id", g's own
};

/** A session's user with their grants: every signed-in request reads it, so it is a named statement (db/prepared.ts). */
const sessionRead = prepare('pamong_session_actor', sql`select s.csrf_token, s.expires_at, u.id, u.name, u.email, u.platform_admin, ${grantsOf(sql`u.id`)} as grants
  from ${sessions} s join ${users} u on u.id = s.user_id where s.id_hash = ${sql.placeholder('idHash')}`);

const actorOf = (u: { id: string; name: string; email: string; platformAdmin: boolean; grants: Grant[] }): Actor => ({
  kind: 'user', userId: u.id, name: u.name, email: u.email, platformAdmin: u.platformAdmin, grants: u.grants, apiKeyRegion: null, apiKeyId: null,
});

export async function loadActor(db: Queryable, userId: string): Promise<Actor | null> {
  const [user] = await db.select(userWithGrants).from(users).where(eq(users.id, userId));
  return user ? actorOf(user) : null;
}

export async function signIn(ctx: AppContext, email: string, password: string): Promise<{ sessionId: string; csrfToken: string; actor: Actor }> {
  const db = ctx.database.db;
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  // Verify against a dummy hash when the user is unknown, so timing does not reveal accounts.
  const ok = await verifyPassword(user?.passwordHash ?? (await (dummyHash ??= hashPassword(newToken()))), password);
  if (!user || !user.passwordHash || !ok) throw new AppError('auth.invalid_credentials');
  return openSession(db, ctx.clock.now(), user.id);
}
let dummyHash: Promise<string> | undefined;

export interface OpenedSession { sessionId: string; csrfToken: string; actor: Actor }

/** Starts a session for a person who just proved who they are (password, or an emailed link). */
export async function openSession(db: Queryable, now: Date, userId: string): Promise<OpenedSession> {
  // A fresh session id every time (no session fixation).
  const sessionId = newToken();
  const csrfToken = newToken(18);
  await db.insert(sessions).values({
    idHash: sha256(sessionId), userId, csrfToken, createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
  });
  return { sessionId, csrfToken, actor: (await loadActor(db, userId))! };
}

export async function signOut(ctx: AppContext, sessionId: string): Promise<void> {
  await ctx.database.db.delete(sessions).where(eq(sessions.idHash, sha256(sessionId)));
}

export type SessionLookup = { actor: Actor; csrfToken: string } | 'expired' | null;

export async function actorFromSession(ctx: AppContext, sessionId: string): Promise<SessionLookup> {
  const [s] = await runPrepared<{ csrf_token: string; expires_at: Date; id: string; name: string; email: string; platform_admin: boolean; grants: Grant[] }>(
    ctx.database, sessionRead, { idHash: sha256(sessionId) });
  if (!s) return null;
  if (s.expires_at <= ctx.clock.now()) return 'expired';
  return { actor: actorOf({ id: s.id, name: s.name, email: s.email, platformAdmin: s.platform_admin, grants: s.grants }), csrfToken: s.csrf_token };
}

export async function actorFromApiKey(ctx: AppContext, key: string): Promise<Actor | null> {
  const [row] = await ctx.database.db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, sha256(key)), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  return { ...anonymousActor, kind: 'api_key', name: `api-key:${row.name}`, apiKeyRegion: row.regionCode, apiKeyId: row.id };
}

export async function createApiKey(ctx: AppContext, actor: Actor, regionCode: string, name: string): Promise<{ id: string; key: string }> {
  const prefix = newToken(6);
  const key = `pmg_${prefix}_${newToken(24)}`;
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx.insert(apiKeys).values({ regionCode, name, keyHash: sha256(key), prefix, createdAt: ctx.clock.now() }).returning();
    await audit(tx, ctx.clock.now(), actor, regionCode, 'api_key.create', 'api_key', row.id, { name });
    return { id: row.id, key };
  });
}

/** A new account; `passwordHash` when the password was hashed earlier (a registration waiting for its email link). */
export interface NewUser { email: string; name: string; password?: string; passwordHash?: string; phone?: string | null; locale?: string; platformAdmin?: boolean }

/**
 * Creates an account directly. Only for callers that vouch for the address:
 * the operator's console, the demo seed, and the use cases that just
 * received proof from an emailed link (registration, invitation).
 */
export async function createUser(tx: Queryable, input: NewUser): Promise<string> {
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) throw new AppError('auth.weak_password');
  const [existing] = await findUserByEmail(tx, input.email);
  if (existing) throw new AppError('user.email_taken');
  const [row] = await tx.insert(users).values({
    email: input.email.trim(), name: input.name, phone: input.phone ?? null,
    passwordHash: input.passwordHash ?? (input.password ? await hashPassword(input.password) : null),
    locale: input.locale ?? 'id', platformAdmin: input.platformAdmin ?? false,
  }).returning({ id: users.id });
  return row.id;
}

export const findUserByEmail = (db: Queryable, email: string) =>
  db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(sql`lower(${users.email}) = lower(${email.trim()})`);

/** Unit roles need a unit; other roles must not have one. */
export function checkUnitRole(role: Role, unitId: string | null): void {
  if (isUnitRole(role) !== (unitId !== null)) throw new AppError('request.invalid', { unitId: 'unit roles need a unit; other roles must not have one' });
}

export async function grantRole(tx: Queryable, regionCode: string, userId: string, role: Role, unitId: string | null): Promise<void> {
  checkUnitRole(role, unitId);
  await tx.insert(grants).values({ regionCode, userId, role, unitId }).onConflictDoNothing();
}

export async function requestPasswordReset(ctx: AppContext, email: string, locale: 'id' | 'en'): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
    // The answer is the same whether or not the account exists.
    if (!user) return;
    const now = ctx.clock.now();
    const link = await passwordLink(ctx, tx, user.id, RESET_MINUTES);
    await enqueueEmail(tx, now, null, {
      to: user.email,
      subject: locale === 'en' ? 'Reset your Pamong password' : 'Atur ulang kata sandi Pamong',
      text: locale === 'en'
        ? `Hello ${user.name},\n\nOpen this link within ${RESET_MINUTES} minutes to choose a new password:\n${link}\n\nIf you did not ask for this, ignore this email.`
        : `Halo ${user.name},\n\nBuka tautan ini dalam ${RESET_MINUTES} menit untuk membuat kata sandi baru:\n${link}\n\nJika Anda tidak memintanya, abaikan email ini.`,
    });
  });
}

/** A single-use link, valid for `minutes`, with which an account's owner chooses a new password. */
export async function passwordLink(ctx: AppContext, tx: Queryable, userId: string, minutes: number): Promise<string> {
  const token = newToken();
  await tx.insert(passwordResets).values({ tokenHash: sha256(token), userId, expiresAt: new Date(ctx.clock.now().getTime() + minutes * 60_000) });
  return `${ctx.config.publicUrl}/reset-password?token=${token}`;
}

export async function resetPassword(ctx: AppContext, token: string, password: string): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError('auth.weak_password');
  const hash = await hashPassword(password);
  await ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, sha256(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .returning();
    if (!reset) throw new AppError('auth.reset_token_invalid');
    await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, reset.userId));
    // Every existing session ends with a password change.
    await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
  });
}
