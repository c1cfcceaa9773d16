// Reconciliation from a bank statement: each line whose description names one
// of the region's billing codes and whose amount is the bill's is credited
// through the same crediting as a callback (channel `rekonsiliasi`, the
// line's bank reference as the payment's), so a line for a payment already
// credited, by its callback or an earlier statement, credits nothing. A dry
// run does exactly the same inside a transaction it then rolls back, so the
// preview is what confirming will do (unless a callback lands in between).
import { and, desc, eq } from 'drizzle-orm';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import type { AppContext } from '../../../../platform/context.js';
import { AppError } from '../../../../platform/errors.js';
import { audit } from '../../../../platform/audit/audit.js';
import type { Actor } from '../../../../platform/auth/policy.js';
import { LINE_OUTCOMES, type LineOutcome } from '../../domain/line-outcomes.js';
import { isMatchable, parseStatement, type ReconciliationLine } from '../../domain/statement.js';
import { layananReconciliations } from '../../schema.js';
import { actorLabel } from '../access.js';
import type { RegionClock } from './bills.js';
import { startOfLocalDate } from '../../../../platform/calendar/calendar.js';
import { creditNotice } from './credit.js';


export const totalsOf = (lines: ReconciliationLine[]) =>
  Object.fromEntries(Object.keys(LINE_OUTCOMES).map((k) => [k, lines.filter((l) => l.outcome === k).length])) as Record<LineOutcome, number>;

/** Thrown to roll a dry run back, carrying its report out. */
class DryRun extends Error {
  constructor(readonly lines: ReconciliationLine[]) {
    super('dry run');
  }
}

export async function reconcile(ctx: AppContext, region: RegionClock, actor: Actor, csv: string, dryRun: boolean) {
  const parsed = parseStatement(csv, region.code);
  if (!parsed.ok) throw new AppError('layanan.statement_invalid', { problems: parsed.problems });
  const at = ctx.clock.now();
  try {
    return await ctx.database.db.transaction(async (tx) => {
      const lines: ReconciliationLine[] = [];
      for (const l of parsed.lines) {
        if (!isMatchable(l)) {
          lines.push(l);
          continue;
        }
        const { outcome } = await creditNotice(ctx, tx, region, {
          billingCode: l.billingCode!, amount: l.amount, paidAt: startOfLocalDate(l.date, region), paidOn: l.date, bankTransactionId: l.reference, source: 'rekonsiliasi',
        }, at);
        lines.push({ ...l, outcome });
      }
      if (dryRun) throw new DryRun(lines);
      const [row] = await tx.insert(layananReconciliations).values({ regionCode: region.code, at, by: actor.userId, byLabel: actorLabel(actor), lines }).returning({ id: layananReconciliations.id });
      const totals = totalsOf(lines);
      await audit(tx, at, actor, region.code, 'layanan.reconciliation', 'layanan_reconciliation', row.id, { lines: lines.length, credited: totals.credited });
      return { id: row.id as string | null, dryRun: false, at, lines, totals };
    });
  } catch (err) {
    if (err instanceof DryRun) return { id: null, dryRun: true, at, lines: err.lines, totals: totalsOf(err.lines) };
    throw err;
  }
}

async function reconciliationOf(ctx: AppContext, regionCode: string, id: string) {
  const [row] = await ctx.database.db.select().from(layananReconciliations).where(and(eq(layananReconciliations.regionCode, regionCode), eq(layananReconciliations.id, id)));
  if (!row) throw new AppError('layanan.reconciliation_not_found');
  return row;
}

export async function readReconciliation(ctx: AppContext, regionCode: string, id: string) {
  const row = await reconciliationOf(ctx, regionCode, id);
  return { id: row.id, dryRun: false, at: row.at, by: row.byLabel, lines: row.lines, totals: totalsOf(row.lines) };
}

/** The region's confirmed reconciliations, newest first. */
export async function listReconciliations(ctx: AppContext, regionCode: string) {
  const rows = await ctx.database.db.select().from(layananReconciliations).where(eq(layananReconciliations.regionCode, regionCode)).orderBy(desc(layananReconciliations.at)).limit(100);
  return rows.map((r) => ({ id: r.id, at: r.at, by: r.byLabel, totals: totalsOf(r.lines) }));
}

const bold = (value: string) => ({ value, fontWeight: 'bold' as const });

/** The report as a workbook: one row per statement line with what it did, in Indonesian. */
export async function reconciliationWorkbook(ctx: AppContext, regionCode: string, id: string) {
  const row = await reconciliationOf(ctx, regionCode, id);
  const columns = [['Baris', 8], ['Tanggal', 12], ['Jumlah (Rp)', 16], ['Keterangan', 50], ['Referensi bank', 24], ['Kode bayar', 18], ['Hasil', 50]] as const;
  const data = [
    columns.map(([h]) => bold(h)),
    ...row.lines.map((l) => [l.line, l.date, l.amount, l.description, l.reference, l.billingCode, LINE_OUTCOMES[l.outcome].id]),
  ] as SheetData;
  const file = await writeXlsxFile([{ sheet: 'Rekonsiliasi', data, columns: columns.map(([, width]) => ({ width })), stickyRowsCount: 1 }]).toBuffer();
  return { fileName: `rekonsiliasi-${regionCode}-${row.at.toISOString().slice(0, 10)}.xlsx`, data: file };
}
