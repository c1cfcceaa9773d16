// Staff join a region by invitation. A region admin offers a role to an email
// address; the link goes to that address, and only its owner's acceptance
// grants the role: a new person chooses their own name and password, someone
// with an account signs in with it. Until then the region learns nothing
// about the address (whether it has an account, whose name it carries), and
// an account someone registered for another person's address can never
// receive the role.
import { and, eq, gt } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/client.js';
import { AppError } from '../errors.js';
import { audit } from '../audit/audit.js';
import { enqueueEmail } from '../notify/outbox.js';
import { areas, invitations, units } from '../schema.js';
import { isPlatformGranted, roleLabel, type Actor, type Role } from './policy.js';
import { invitationEmail } from './emails.js';
import { newToken, sha256 } from './secrets.js';
import { checkUnitRole, createUser, findUserByEmail, grantRole, openSession, type OpenedSession } from './service.js';

export const INVITATION_DAYS = 7;

type Invitation = typeof invitations.$inferSelect;

/** What a region admin sees of an invitation: the address they typed, never anything about an account. */
const shown = ({ regionCode: _r, tokenHash: _t, invitedBy: _b, ...rest }: Invitation) => rest;

async function unitName(tx: Queryable, regionCode: string, unitId: string | null): Promise<string | null> {
  if (!unitId) return null;
  const [unit] = await tx.select({ name: units.name }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.id, unitId)));
  if (!unit) throw new AppError('unit.not_found');
  return unit.name;
}

/** A fresh token and expiry for an invitation, and its email; the old link stops working. */
async function sendInvitation(ctx: AppContext, tx: Queryable, inv: Invitation, regionName: string): Promise<Invitation> {
  const token = newToken();
  const now = ctx.clock.now();
  const [row] = await tx.update(invitations)
    .set({ tokenHash: sha256(token), createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000) })
    .where(and(eq(invitations.regionCode, inv.regionCode), eq(invitations.id, inv.id)))
    .returning();
  await enqueueEmail(tx, now, inv.regionCode, invitationEmail({
    to: inv.email, link: `${ctx.config.publicUrl}/undangan?token=${token}`, regionName,
    role: inv.role as Role, unitName: await unitName(tx, inv.regionCode, inv.unitId), days: INVITATION_DAYS,
  }));
  return row;
}

/** What only a platform admin may grant, only a platform admin may offer or withdraw. */
function mayOffer(actor: Actor, role: string): void {
  if (isPlatformGranted(role) && !actor.platformAdmin) throw new AppError('auth.forbidden', { role });
}

export interface Offer { email: string; role: Role; unitId?: string | null }

/** Offers a role to an address inside the caller's transaction (switching a region on invites its first admin). */
export async function offerRole(ctx: AppContext, tx: Queryable, actor: Actor, region: { code: string; name: string }, input: Offer) {
  mayOffer(actor, input.role);
  const unitId = input.unitId ?? null;
  checkUnitRole(input.role, unitId);
  const now = ctx.clock.now();
  await unitName(tx, region.code, unitId);
  // Inviting the same address to the same role again sends a new link.
  const [row] = await tx.insert(invitations)
    .values({ regionCode: region.code, email: input.email.trim().toLowerCase(), role: input.role, unitId, tokenHash: sha256(newToken()), invitedBy: actor.userId, createdAt: now, expiresAt: now })
    .onConflictDoUpdate({ target: [invitations.regionCode, invitations.email, invitations.role, invitations.unitId], set: { invitedBy: actor.userId } })
    .returning();
  const sent = await sendInvitation(ctx, tx, row, region.name);
  await audit(tx, now, actor, region.code, 'invitation.create', 'invitation', row.id, { email: row.email, role: row.role, unitId });
  return shown(sent);
}

export async function inviteStaff(ctx: AppContext, actor: Actor, region: { code: string; name: string }, input: Offer) {
  return ctx.database.db.transaction((tx) => offerRole(ctx, tx, actor, region, input));
}

export async function listInvitations(ctx: AppContext, regionCode: string) {
  const rows = await ctx.database.db.select().from(invitations).where(eq(invitations.regionCode, regionCode)).orderBy(invitations.email, invitations.createdAt);
  return rows.map(shown);
}

async function findInvitation(tx: Queryable, regionCode: string, id: string): Promise<Invitation> {
  const [row] = await tx.select().from(invitations).where(and(eq(invitations.regionCode, regionCode), eq(invitations.id, id))).for('update');
  if (!row) throw new AppError('invitation.not_found');
  return row;
}

export async function resendInvitation(ctx: AppContext, actor: Actor, region: { code: string; name: string }, id: string) {
  return ctx.database.db.transaction(async (tx) => {
    const row = await findInvitation(tx, region.code, id);
    mayOffer(actor, row.role);
    const sent = await sendInvitation(ctx, tx, row, region.name);
    await audit(tx, ctx.clock.now(), actor, region.code, 'invitation.resend', 'invitation', id, { email: row.email, role: row.role });
    return shown(sent);
  });
}

export async function cancelInvitation(ctx: AppContext, actor: Actor, regionCode: string, id: string) {
  await ctx.database.db.transaction(async (tx) => {
    const row = await findInvitation(tx, regionCode, id);
    mayOffer(actor, row.role);
    await tx.delete(invitations).where(and(eq(invitations.regionCode, regionCode), eq(invitations.id, id)));
    await audit(tx, ctx.clock.now(), actor, regionCode, 'invitation.cancel', 'invitation', id, { email: row.email, role: row.role });
  });
}

async function openInvitation(ctx: AppContext, tx: Queryable, token: string, lock: boolean): Promise<Invitation> {
  const query = tx.select().from(invitations).where(and(eq(invitations.tokenHash, sha256(token)), gt(invitations.expiresAt, ctx.clock.now())));
  const [row] = await (lock ? query.for('update') : query);
  if (!row) throw new AppError('invitation.invalid');
  return row;
}

/** What the holder of the link is invited to, and whether to sign in or create an account. */
export async function viewInvitation(ctx: AppContext, token: string) {
  const db = ctx.database.db;
  const inv = await openInvitation(ctx, db, token, false);
  const [region] = await db.select({ name: areas.name }).from(areas).where(eq(areas.code, inv.regionCode));
  const [account] = await findUserByEmail(db, inv.email);
  return {
    regionCode: inv.regionCode, regionName: region?.name ?? inv.regionCode, email: inv.email, role: inv.role as Role, roleLabel: roleLabel(inv.role),
    unitName: await unitName(db, inv.regionCode, inv.unitId).catch(() => null), expiresAt: inv.expiresAt, hasAccount: !!account,
  };
}

/**
 * Accepts an invitation, in one transaction: the role is granted to the
 * address's account (whose owner must be signed in) or to a new account with
 * the name and password its owner chose. A new account gets a session.
 */
export async function acceptInvitation(ctx: AppContext, actor: Actor, token: string, newAccount?: { name: string; password: string }): Promise<{ regionCode: string; session: OpenedSession | null }> {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const inv = await openInvitation(ctx, tx, token, true);
    const [account] = await findUserByEmail(tx, inv.email);
    let userId: string;
    if (account) {
      if (actor.kind !== 'user') throw new AppError('invitation.sign_in_required');
      if (actor.userId !== account.id) throw new AppError('invitation.wrong_account');
      userId = account.id;
    } else {
      if (!newAccount) throw new AppError('request.invalid', { name: 'required for a new account', password: 'required for a new account' });
      userId = await createUser(tx, { email: inv.email, name: newAccount.name, password: newAccount.password });
    }
    // The unit may have been removed since the invitation was sent.
    await unitName(tx, inv.regionCode, inv.unitId).catch(() => { throw new AppError('invitation.invalid'); });
    await grantRole(tx, inv.regionCode, userId, inv.role as Role, inv.unitId);
    await tx.delete(invitations).where(and(eq(invitations.regionCode, inv.regionCode), eq(invitations.id, inv.id)));
    const session = account ? null : await openSession(tx, now, userId);
    const who: Actor = session?.actor ?? actor;
    await audit(tx, now, who, inv.regionCode, 'invitation.accept', 'user', userId, { role: inv.role, unitId: inv.unitId });
    return { regionCode: inv.regionCode, session };
  });
}
