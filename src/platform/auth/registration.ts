// A citizen's self-service account. Registering only sends an email: the
// account is created when the link in it is opened, with the name and
// password given together with that link. So registering answers the same
// whether or not the address has an account (its owner is told by email),
// and nobody can hold an account, waiting for a role, for an address they
// do not read.
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { enqueueEmail } from '../notify/outbox.js';
import { pendingRegistrations } from '../schema.js';
import { registrationAttemptEmail, verificationEmail } from './emails.js';
import { hashPassword, MIN_PASSWORD_LENGTH, newToken, sha256 } from './secrets.js';
import { createUser, findUserByEmail, openSession, type OpenedSession } from './service.js';

export const VERIFY_HOURS = 24;

export interface Registration { email: string; name: string; password: string; phone?: string; locale: 'id' | 'en' }

export async function register(ctx: AppContext, input: Registration): Promise<void> {
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new AppError('auth.weak_password');
  // Hashed whether or not the address has an account, so both answers take as long.
  const passwordHash = await hashPassword(input.password);
  const email = input.email.trim();
  const base = ctx.config.publicUrl;
  await ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [existing] = await findUserByEmail(tx, email);
    if (existing) {
      await enqueueEmail(tx, now, null, registrationAttemptEmail({ to: existing.email, signInLink: `${base}/masuk`, resetLink: `${base}/lupa-sandi` }));
      return;
    }
    await tx.delete(pendingRegistrations).where(lt(pendingRegistrations.expiresAt, now));
    const token = newToken();
    await tx.insert(pendingRegistrations).values({
      tokenHash: sha256(token), email, name: input.name, phone: input.phone ?? null, passwordHash, locale: input.locale,
      expiresAt: new Date(now.getTime() + VERIFY_HOURS * 3_600_000),
    });
    await enqueueEmail(tx, now, null, verificationEmail({ to: email, name: input.name, link: `${base}/verifikasi-email?token=${token}`, hours: VERIFY_HOURS }));
  });
}

/** Opens the emailed link: creates the account (once) and signs its owner in. */
export async function verifyEmail(ctx: AppContext, token: string): Promise<OpenedSession> {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [pending] = await tx.delete(pendingRegistrations)
      .where(and(eq(pendingRegistrations.tokenHash, sha256(token)), gt(pendingRegistrations.expiresAt, now)))
      .returning();
    if (!pending) throw new AppError('auth.verification_invalid');
    // The address may have got an account since (an earlier link, an invitation).
    const [existing] = await findUserByEmail(tx, pending.email);
    if (existing) throw new AppError('auth.verification_invalid');
    // Other registrations of the same address are void now.
    await tx.delete(pendingRegistrations).where(sql`lower(${pendingRegistrations.email}) = lower(${pending.email})`);
    const userId = await createUser(tx, { email: pending.email, name: pending.name, phone: pending.phone, passwordHash: pending.passwordHash, locale: pending.locale });
    return openSession(tx, now, userId);
  });
}
