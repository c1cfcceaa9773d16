// Bills: made by the application slice (a service fee, through createBill) or
// imported from the tax system (tax-import.ts); staff find, read and cancel
// them; anyone holding a billing code sees what the payer needs to pay it.
import { and, asc, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../../../platform/context.js';
import type { Queryable } from '../../../../platform/db/client.js';
import { containing } from '../../../../platform/db/like.js';
import { AppError } from '../../../../platform/errors.js';
import { audit } from '../../../../platform/audit/audit.js';
import { addDuration } from '../../../../platform/calendar/calendar.js';
import { calendarOf } from '../../../../platform/calendar/region.js';
import type { Actor } from '../../../../platform/auth/policy.js';
import { qrSvg } from '../../../../platform/qr.js';
import { billingCode, effectiveStatus, isBillingCodeOf, isCancellable, maskName, SEQUENCE_MAX, type BillStatus } from '../../domain/billing.js';
import { layananBills, layananBillSequences, layananServices } from '../../schema.js';
import { actorLabel } from '../access.js';
import { localToday } from '../skm.js';
import { activeChannel } from './channels.js';
import { qrisProvider } from './provider.js';

export type Bill = typeof layananBills.$inferSelect;
export interface RegionClock { code: string; utcOffsetMinutes: number }

export type NewBill = { payerName: string; amount: number; dueDate: string } & (
  | { kind: 'retribusi'; serviceId: string; unitId: string; applicationId?: string | null }
  | { kind: 'pajak'; taxType: string; taxObjectNumber: string; taxYear: number }
);

/** The end of a local date in the region (UTC midnight of a date falls on that same date in every Indonesian zone, UTC+7…+9). */
const endOfLocalDay = (date: string, region: RegionClock) => addDuration(new Date(`${date}T00:00:00Z`), 0, 'working_days', calendarOf(region, []));

/** The instant a bill stops being payable: the end of its due date in the region. */
export const payableUntil = endOfLocalDay;

/** The start of a local date in the region: the end of the day before. */
export const startOfLocalDay = (date: string, region: RegionClock) => endOfLocalDay(new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10), region);

const sqlIncrement = sql`${layananBillSequences.last} + 1`;

/**
 * Makes a bill inside the caller's transaction with the next billing code of
 * the region and year (the sequence row is locked until the caller commits, so
 * two bills never share a code). For the application slice and the tax import.
 */
export async function createBill(tx: Queryable, region: RegionClock, now: Date, input: NewBill, createdByLabel: string): Promise<Bill> {
  const year = Number(localToday(now, region).slice(0, 4));
  const [seq] = await tx.insert(layananBillSequences).values({ regionCode: region.code, year, last: 1 })
    .onConflictDoUpdate({ target: [layananBillSequences.regionCode, layananBillSequences.year], set: { last: sqlIncrement } })
    .returning({ last: layananBillSequences.last });
  if (seq.last > SEQUENCE_MAX) throw new Error(`Billing codes of ${region.code} for ${year} are used up`);
  const [bill] = await tx.insert(layananBills).values({
    regionCode: region.code, billingCode: billingCode(region.code, year, seq.last), kind: input.kind, payerName: input.payerName, amount: input.amount,
    dueDate: input.dueDate, status: 'unpaid', createdAt: now, createdByLabel,
    ...(input.kind === 'retribusi'
      ? { serviceId: input.serviceId, unitId: input.unitId, applicationId: input.applicationId ?? null }
      : { taxType: input.taxType, taxObjectNumber: input.taxObjectNumber, taxYear: input.taxYear }),
  }).returning();
  return bill;
}

/** A bill as staff read it, its status as of the region's today. */
export function billView(bill: Bill, today: string) {
  return {
    id: bill.id, billingCode: bill.billingCode, kind: bill.kind, status: effectiveStatus(bill, today),
    payerName: bill.payerName, amount: bill.amount, dueDate: bill.dueDate, serviceId: bill.serviceId, unitId: bill.unitId, applicationId: bill.applicationId,
    tax: bill.kind === 'pajak' ? { type: bill.taxType!, objectNumber: bill.taxObjectNumber!, year: bill.taxYear! } : null,
    createdAt: bill.createdAt, createdBy: bill.createdByLabel, paidAt: bill.paidAt, paidAmount: bill.paidAmount, paymentReference: bill.paymentReference,
    paymentChannel: bill.paymentChannel, cancelledAt: bill.cancelledAt, cancelledBy: bill.cancelledByLabel,
  };
}

export interface BillFilter { status?: BillStatus; kind?: 'retribusi' | 'pajak'; unitId?: string; q?: string; limit: number; offset: number }

function statusWhere(status: BillStatus, today: string): SQL {
  const t = layananBills;
  if (status === 'expired') return and(eq(t.status, 'unpaid'), lt(t.dueDate, today))!;
  if (status === 'unpaid') return and(eq(t.status, 'unpaid'), gte(t.dueDate, today))!;
  return eq(t.status, status);
}

/** The region's bills, newest first, by status (as of today), kind, unit, or a code, NOP or payer name. */
export async function listBills(ctx: AppContext, region: RegionClock, f: BillFilter) {
  const t = layananBills;
  const today = localToday(ctx.clock.now(), region);
  const where = and(
    eq(t.regionCode, region.code),
    f.status ? statusWhere(f.status, today) : undefined,
    f.kind ? eq(t.kind, f.kind) : undefined,
    f.unitId ? eq(t.unitId, f.unitId) : undefined,
    f.q ? or(eq(t.billingCode, f.q), eq(t.taxObjectNumber, f.q), ilike(t.payerName, containing(f.q))) : undefined,
  );
  const db = ctx.database.db;
  const [rows, [total]] = await Promise.all([
    db.select().from(t).where(where).orderBy(desc(t.createdAt), asc(t.billingCode)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(t).where(where),
  ]);
  return { items: rows.map((b) => billView(b, today)), total: total.n };
}

async function billOf(db: Queryable, regionCode: string, id: string, lock = false): Promise<Bill> {
  const q = db.select().from(layananBills).where(and(eq(layananBills.regionCode, regionCode), eq(layananBills.id, id)));
  const [bill] = lock ? await q.for('update') : await q;
  if (!bill) throw new AppError('layanan.bill_not_found');
  return bill;
}

export async function readBill(ctx: AppContext, region: RegionClock, id: string) {
  return billView(await billOf(ctx.database.db, region.code, id), localToday(ctx.clock.now(), region));
}

/** Cancels a bill nobody has paid; a paid bill is refused (it is refunded outside Pamong). */
export async function cancelBill(ctx: AppContext, region: RegionClock, actor: Actor, id: string) {
  const now = ctx.clock.now();
  const bill = await ctx.database.db.transaction(async (tx) => {
    const before = await billOf(tx, region.code, id, true);
    if (!isCancellable(before)) throw new AppError('layanan.bill_not_cancellable', { status: before.status });
    const [after] = await tx.update(layananBills).set({ status: 'cancelled', cancelledAt: now, cancelledByLabel: actorLabel(actor) })
      .where(and(eq(layananBills.regionCode, region.code), eq(layananBills.id, id))).returning();
    await audit(tx, now, actor, region.code, 'layanan.bill_cancel', 'layanan_bill', id, { billingCode: before.billingCode, amount: before.amount });
    return after;
  });
  return billView(bill, localToday(now, region));
}

/**
 * What the payer needs, by billing code: what the bill is for, the amount,
 * the due date, the status and (while payable) the QRIS code. The payer's name
 * is masked; nothing else about them is shown.
 */
export async function publicBill(ctx: AppContext, region: RegionClock, code: string) {
  if (!isBillingCodeOf(code, region.code)) throw new AppError('layanan.bill_not_found');
  const db = ctx.database.db;
  const [row] = await db.select({ bill: layananBills, serviceName: layananServices.name }).from(layananBills)
    .leftJoin(layananServices, and(eq(layananServices.regionCode, layananBills.regionCode), eq(layananServices.id, layananBills.serviceId)))
    .where(and(eq(layananBills.regionCode, region.code), eq(layananBills.billingCode, code)));
  if (!row) throw new AppError('layanan.bill_not_found');
  const { bill } = row;
  const status = effectiveStatus(bill, localToday(ctx.clock.now(), region));
  const channel = status === 'unpaid' ? await activeChannel(db, region.code) : null;
  const payment = channel
    ? qrisProvider.paymentFor({ billingCode: bill.billingCode, amount: bill.amount, kind: bill.kind, expiresAt: payableUntil(bill.dueDate, region) }, channel)
    : null;
  return {
    billingCode: bill.billingCode, kind: bill.kind, status, amount: bill.amount, dueDate: bill.dueDate, payerName: maskName(bill.payerName),
    serviceName: row.serviceName, tax: bill.kind === 'pajak' ? { type: bill.taxType!, objectNumber: bill.taxObjectNumber!, year: bill.taxYear! } : null,
    paidAt: bill.paidAt,
    qris: payment && channel ? { payload: payment.qrPayload, svg: qrSvg(payment.qrPayload), expiresAt: payment.expiresAt, merchantName: channel.merchantName } : null,
  };
}
