// A region's payment channel: its QRIS merchant account and the secret its
// bank signs callbacks with. The region's service manager sets it; the secret
// is write-only (answers say only whether it is set) and kept when a change
// leaves it out. The secret is stored encrypted with the instance's key
// (../secrets.ts).
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../../../platform/context.js';
import type { Queryable } from '../../../../platform/db/client.js';
import { AppError } from '../../../../platform/errors.js';
import { audit } from '../../../../platform/audit/audit.js';
import type { Actor } from '../../../../platform/auth/policy.js';
import type { QrisMerchant } from '../../domain/qris.js';
import { layananPaymentChannels } from '../../schema.js';
import { actorLabel } from '../access.js';
import { openSecret, sealSecret } from '../secrets.js';
import { qrisProvider, type PaymentChannel } from './provider.js';

export interface ChannelInput extends QrisMerchant { active: boolean; secret?: string }

/** The region's active QRIS channel, secret included (for the provider only), or null. */
export async function activeChannel(db: Queryable, regionCode: string): Promise<PaymentChannel | null> {
  const [row] = await db.select().from(layananPaymentChannels)
    .where(and(eq(layananPaymentChannels.regionCode, regionCode), eq(layananPaymentChannels.provider, qrisProvider.name), eq(layananPaymentChannels.active, true)));
  return row ? { ...row, secret: openSecret('layanan_payment_channels.secret', regionCode, row.secret) } : null;
}

/** The channel as staff read it: every merchant field, and whether a secret is set (never the secret). */
export async function readChannel(ctx: AppContext, regionCode: string) {
  const [row] = await ctx.database.db.select().from(layananPaymentChannels)
    .where(and(eq(layananPaymentChannels.regionCode, regionCode), eq(layananPaymentChannels.provider, qrisProvider.name)));
  if (!row) return { provider: qrisProvider.name, configured: false as const, secretSet: false as const };
  const { secret, regionCode: _r, updatedBy: _u, updatedByLabel, ...fields } = row;
  return { ...fields, configured: true as const, secretSet: secret.length > 0, updatedBy: updatedByLabel };
}

export async function setChannel(ctx: AppContext, regionCode: string, actor: Actor, input: ChannelInput): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const [before] = await tx.select({ secret: layananPaymentChannels.secret }).from(layananPaymentChannels)
      .where(and(eq(layananPaymentChannels.regionCode, regionCode), eq(layananPaymentChannels.provider, qrisProvider.name))).for('update');
    const secret = input.secret !== undefined ? sealSecret('layanan_payment_channels.secret', regionCode, input.secret) : before?.secret;
    if (!secret) throw new AppError('layanan.payment_secret_required');
    const now = ctx.clock.now();
    const { secret: _s, ...fields } = input;
    const set = { ...fields, secret, updatedAt: now, updatedBy: actor.userId, updatedByLabel: actorLabel(actor) };
    await tx.insert(layananPaymentChannels).values({ regionCode, provider: qrisProvider.name, ...set })
      .onConflictDoUpdate({ target: [layananPaymentChannels.regionCode, layananPaymentChannels.provider], set });
    // The secret itself never enters the audit log: only that it changed.
    await audit(tx, now, actor, regionCode, 'layanan.payment_channel_set', 'layanan_payment_channel', qrisProvider.name, { ...fields, secretChanged: input.secret !== undefined });
  });
}
