// Crediting a payment to a bill: the one place a bill becomes paid, for bank
// callbacks and reconciled statement lines alike. The update is conditional
// (only an unpaid bill changes), so of any number of concurrent notices for a
// bill exactly one credits it; the others then read it paid and are told
// whether it was by the same bank transaction (a harmless repeat) or another
// (a payment to refund). Every authenticated notice is recorded with its
// outcome in the same transaction as its effect.
import { and, eq, ne } from 'drizzle-orm';
import type { AppContext } from '../../../../platform/context.js';
import type { Queryable, Tx } from '../../../../platform/db/client.js';
import { AppError, type ErrorCode } from '../../../../platform/errors.js';
import { localDateOf } from '../../../../platform/calendar/calendar.js';
import { calendarOf } from '../../../../platform/calendar/region.js';
import { effectiveStatus } from '../../domain/billing.js';
import { layananBills, layananPaymentEvents } from '../../schema.js';
import type { Bill, RegionClock } from './bills.js';
import { activeChannel } from './channels.js';
import { qrisProvider, type PaymentEvent } from './provider.js';

export type Source = 'qris' | 'rekonsiliasi';

export type Outcome =
  | 'credited' | 'duplicate' | 'unknown_code' | 'amount_mismatch' | 'already_paid' | 'expired' | 'cancelled' | 'reference_used' | 'invalid';

/** A payment notice: the event, the local date it was paid on (the due date is compared with it), and where it came from. */
export interface Notice extends PaymentEvent { paidOn: string; source: Source }

/** Why a notice was not credited, as an error (a repeat of a credited payment is no error); the last two are refused unrecorded. */
export const outcomeErrors: Record<Exclude<Outcome, 'credited' | 'duplicate'> | 'bad_signature' | 'no_channel', ErrorCode> = {
  unknown_code: 'layanan.billing_code_unknown',
  amount_mismatch: 'layanan.payment_amount_mismatch',
  already_paid: 'layanan.bill_already_paid',
  expired: 'layanan.bill_expired',
  cancelled: 'layanan.bill_cancelled',
  reference_used: 'layanan.payment_reference_used',
  bad_signature: 'layanan.callback_signature_invalid',
  invalid: 'request.invalid',
  no_channel: 'layanan.payment_channel_not_set',
};

export async function recordEvent(db: Queryable, regionCode: string, at: Date, source: Source, outcome: Outcome, claimed: Partial<PaymentEvent>, billId: string | null = null) {
  await db.insert(layananPaymentEvents).values({
    regionCode, source, receivedAt: at, outcome, billId, billingCode: claimed.billingCode ?? null, bankReference: claimed.bankTransactionId ?? null,
    amount: claimed.amount ?? null, paidAt: claimed.paidAt ?? null,
  });
}

/** What became of a notice for a bill that was already settled one way or another. */
function settledOutcome(bill: Bill, notice: Notice): Outcome | null {
  // By the bank's reference alone: a statement line for a payment its callback already credited is the same payment.
  if (bill.status === 'paid') return bill.paymentReference === notice.bankTransactionId ? 'duplicate' : 'already_paid';
  if (bill.status === 'cancelled') return 'cancelled';
  return null;
}

async function decide(tx: Tx, region: RegionClock, notice: Notice): Promise<{ outcome: Outcome; bill: Bill | null }> {
  const where = and(eq(layananBills.regionCode, region.code), eq(layananBills.billingCode, notice.billingCode));
  const [bill] = await tx.select().from(layananBills).where(where);
  if (!bill) return { outcome: 'unknown_code', bill: null };
  const settled = settledOutcome(bill, notice);
  if (settled) return { outcome: settled, bill };
  if (notice.amount !== bill.amount) return { outcome: 'amount_mismatch', bill };
  if (effectiveStatus({ status: 'unpaid', dueDate: bill.dueDate }, notice.paidOn) === 'expired') return { outcome: 'expired', bill };
  // One bank transaction pays one bill (the unique index guards this too).
  const [reused] = await tx.select({ id: layananBills.id }).from(layananBills).where(and(
    eq(layananBills.regionCode, region.code), eq(layananBills.paymentReference, notice.bankTransactionId), ne(layananBills.id, bill.id)));
  if (reused) return { outcome: 'reference_used', bill };
  const [credited] = await tx.update(layananBills).set({ status: 'paid', paidAt: notice.paidAt, paidAmount: notice.amount, paymentReference: notice.bankTransactionId, paymentChannel: notice.source })
    .where(and(where, eq(layananBills.status, 'unpaid'))).returning();
  if (!credited) {
    // Another notice settled it between our read and our update: read what it did.
    const [now] = await tx.select().from(layananBills).where(where);
    return { outcome: settledOutcome(now, notice)!, bill: now };
  }
  // The one place a bill becomes paid: the application slice calls its hook
  // here (releasing an issuance that waits for payment), in this transaction.
  return { outcome: 'credited', bill: credited };
}

/** Credits a notice inside the caller's transaction and records it; the outcome says what happened (nothing is thrown for a refusal). */
export async function creditNotice(tx: Tx, region: RegionClock, notice: Notice, at: Date): Promise<{ outcome: Outcome; bill: Bill | null }> {
  const result = await decide(tx, region, notice);
  await recordEvent(tx, region.code, at, notice.source, result.outcome, notice, result.bill?.id ?? null);
  return result;
}

/**
 * A bank's callback to a region: checked against the region's secret, then
 * credited. The answer to a repeat of a credited payment is the same as to
 * the first. Every callback the region's bank signed is recorded with its
 * outcome; an unsigned or wrongly signed one is refused before anything is
 * written (anyone can post to this address, and they must not be able to fill
 * a region's records): `refused` tells the caller's log what it claimed.
 */
export async function receiveCallback(ctx: AppContext, region: RegionClock, rawBody: Buffer, headers: Record<string, string | string[] | undefined>,
  refused: (claimed: Partial<PaymentEvent>) => void) {
  const at = ctx.clock.now();
  const db = ctx.database.db;
  const channel = await activeChannel(db, region.code);
  if (!channel) {
    refused({});
    throw new AppError(outcomeErrors.no_channel);
  }
  const check = qrisProvider.verifyCallback(rawBody, headers, channel);
  if (!check.ok) {
    if (check.problem === 'bad_signature') {
      refused(check.claimed);
      throw new AppError(outcomeErrors.bad_signature);
    }
    await recordEvent(db, region.code, at, 'qris', 'invalid', check.claimed);
    throw new AppError(outcomeErrors.invalid);
  }
  const notice: Notice = { ...check.event, source: 'qris', paidOn: localDateOf(check.event.paidAt, calendarOf(region, [])) };
  const { outcome, bill } = await db.transaction((tx) => creditNotice(tx, region, notice, at));
  if (outcome !== 'credited' && outcome !== 'duplicate') throw new AppError(outcomeErrors[outcome], { billingCode: notice.billingCode });
  return { billingCode: bill!.billingCode, status: 'paid' as const, amount: bill!.paidAmount!, paidAt: bill!.paidAt!, bankTransactionId: bill!.paymentReference! };
}
