// A service's fee (retribusi) rule and its computation from the answers, in
// whole rupiah. Rates may have decimals (Rp 12.500,50 per m²), so the product
// is computed exactly (decimal.js) and rounded half up to the rupiah once, at
// the end. Pure.
import Decimal from 'decimal.js';
import { z } from 'zod';
import type { Answers, FormDefinition } from './form.js';
import { problem, type Problem } from './problems.js';

export const RUPIAH_MAX = 1_000_000_000_000;
const rupiah = z.number().int().min(0).max(RUPIAH_MAX);
const fieldKey = z.string().max(40);
const payBeforeIssue = z.boolean().describe('Dokumen hasil baru diterbitkan setelah dibayar / the result is issued only once paid');

export const tariffShape = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('free'), payBeforeIssue }),
  z.object({ kind: z.literal('fixed'), amount: rupiah.min(1), payBeforeIssue }),
  z.object({
    kind: z.literal('per_unit'), field: fieldKey.describe('Isian angka / a number field'),
    rate: z.string().regex(/^\d{1,12}(\.\d{1,4})?$/).describe('Tarif per satuan dalam rupiah, desimal dengan titik (12500.5) / rupiah per unit'),
    minimum: rupiah.optional(), payBeforeIssue,
  }),
  z.object({ kind: z.literal('by_choice'), field: fieldKey.describe('Isian pilihan tunggal / a single-choice field'), amounts: z.record(z.string().max(100), rupiah), payBeforeIssue }),
]);
export type TariffRule = z.infer<typeof tariffShape>;

export const freeTariff = (): TariffRule => ({ kind: 'free', payBeforeIssue: false });

/**
 * The fee for these answers, in whole rupiah. A number or choice left
 * unanswered (optional, or hidden by a condition) costs nothing beyond the
 * minimum.
 */
export function computeFee(rule: TariffRule, answers: Answers): number {
  switch (rule.kind) {
    case 'free': return 0;
    case 'fixed': return rule.amount;
    case 'per_unit': {
      const v = answers[rule.field];
      const fee = typeof v === 'number' ? new Decimal(v).times(rule.rate).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() : 0;
      return Math.max(fee, rule.minimum ?? 0);
    }
    case 'by_choice': {
      const v = answers[rule.field];
      return typeof v === 'string' && Object.hasOwn(rule.amounts, v) ? rule.amounts[v] : 0;
    }
  }
}

/** A tariff that does not fit the form (its field gone or of another type, options unpriced) or says the opposite of the standard. */
export function tariffProblems(rule: TariffRule, form: FormDefinition, standardFee: 'free' | 'tariff'): Problem[] {
  const out: Problem[] = [];
  if (rule.kind !== 'free' && standardFee === 'free') out.push(problem('tariff', 'tariff.standard_free', null));
  if (rule.kind === 'per_unit') {
    const f = form.fields.find((x) => x.key === rule.field);
    if (f?.type !== 'number') out.push(problem('tariff', 'tariff.field_missing', rule.field, { field: rule.field }));
  }
  if (rule.kind === 'by_choice') {
    const f = form.fields.find((x) => x.key === rule.field);
    if (f?.type !== 'choice' || f.multiple) out.push(problem('tariff', 'tariff.field_missing', rule.field, { field: rule.field }));
    else {
      for (const o of f.options) if (!Object.hasOwn(rule.amounts, o.value)) out.push(problem('tariff', 'tariff.option_unpriced', rule.field, { option: o.value }));
      for (const k of Object.keys(rule.amounts)) if (!f.options.some((o) => o.value === k)) out.push(problem('tariff', 'tariff.option_unknown', rule.field, { option: k }));
    }
  }
  return out;
}
