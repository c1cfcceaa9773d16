// Importing the region's tax bills (pajak daerah) from its tax system's CSV:
// the whole file is checked first and nothing is saved while any line is
// bad; then, in one transaction, each line becomes a `pajak` bill unless the
// region already has the bill for that NOP, tax type and year (a re-import
// reports it as already present and changes nothing).
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../../../platform/context.js';
import { AppError } from '../../../../platform/errors.js';
import { audit } from '../../../../platform/audit/audit.js';
import type { Actor } from '../../../../platform/auth/policy.js';
import { parseTaxBills } from '../../domain/tax-bills.js';
import { layananBills } from '../../schema.js';
import { actorLabel } from '../access.js';
import { localToday } from '../skm.js';
import { createBill, type RegionClock } from './bills.js';

export async function importTaxBills(ctx: AppContext, region: RegionClock, actor: Actor, csv: string) {
  const now = ctx.clock.now();
  const { rows, problems } = parseTaxBills(csv, localToday(now, region));
  if (problems.length) throw new AppError('layanan.tax_import_invalid', { problems });
  return ctx.database.db.transaction(async (tx) => {
    const lines: { line: number; nop: string; taxType: string; taxYear: number; outcome: 'created' | 'already_present'; billingCode: string }[] = [];
    for (const r of rows) {
      const [present] = await tx.select({ billingCode: layananBills.billingCode }).from(layananBills).where(and(
        eq(layananBills.regionCode, region.code), eq(layananBills.kind, 'pajak'), eq(layananBills.taxObjectNumber, r.nop), eq(layananBills.taxType, r.taxType), eq(layananBills.taxYear, r.taxYear)));
      const base = { line: r.line, nop: r.nop, taxType: r.taxType, taxYear: r.taxYear };
      if (present) {
        lines.push({ ...base, outcome: 'already_present', billingCode: present.billingCode });
        continue;
      }
      const bill = await createBill(tx, region, now, { kind: 'pajak', taxObjectNumber: r.nop, taxType: r.taxType, taxYear: r.taxYear, payerName: r.payerName, amount: r.amount, dueDate: r.dueDate }, actorLabel(actor));
      lines.push({ ...base, outcome: 'created', billingCode: bill.billingCode });
    }
    const created = lines.filter((l) => l.outcome === 'created').length;
    await audit(tx, now, actor, region.code, 'layanan.tax_import', 'layanan_bill', 'pajak', { lines: lines.length, created });
    return { created, alreadyPresent: lines.length - created, lines };
  });
}
