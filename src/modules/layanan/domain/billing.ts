// Bills as a payer and a bank see them. Pure: no I/O, no clock.
//
// The billing code is digits only, so it fits any bank's "bill number" field
// and a QRIS bill-number tag: 14 digits =
//   4  the region's code without its dot ("32.11" → 3211; a province "32" → 3200),
//   2  the year the bill was made (2026 → 26),
//   7  a sequence per region and year (0000001…9999999),
//   1  a Luhn check digit over the 13 before it (catches any one mistyped
//      digit and most swapped neighbours when a payer types it at a counter).
// Region codes are unique, so a code unique in its region is unique in the
// whole instance, and the code says which region's bill it is.
import { localDateOf, type WorkCalendar } from '../../../platform/calendar/calendar.js';

export const BILLING_CODE_LENGTH = 14;
export const SEQUENCE_MAX = 9_999_999;
export const BILLING_CODE_PATTERN = /^\d{14}$/;

export type StoredStatus = 'unpaid' | 'paid' | 'cancelled';
export type BillStatus = StoredStatus | 'expired';
export const BILL_STATUSES = ['unpaid', 'paid', 'expired', 'cancelled'] as const satisfies readonly BillStatus[];

/** The Luhn check digit of a string of digits. */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts at the rightmost digit, as the check digit will follow it.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The 4 digits a region's code contributes. */
export function regionDigits(regionCode: string): string {
  const m = /^(\d{2})(?:\.(\d{2}))?$/.exec(regionCode);
  if (!m) throw new RangeError(`Not a region code: '${regionCode}'`);
  return m[1] + (m[2] ?? '00');
}

export function billingCode(regionCode: string, year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new RangeError(`Year out of range: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > SEQUENCE_MAX) throw new RangeError(`Sequence out of range: ${sequence}`);
  const body = regionDigits(regionCode) + String(year % 100).padStart(2, '0') + String(sequence).padStart(7, '0');
  return body + luhnDigit(body);
}

/** Whether a code is well formed (length, check digit) and the region's own. */
export function isBillingCodeOf(code: string, regionCode: string): boolean {
  return BILLING_CODE_PATTERN.test(code) && code.startsWith(regionDigits(regionCode)) && luhnDigit(code.slice(0, -1)) === Number(code.at(-1));
}

export interface BillState { status: StoredStatus; dueDate: string }

/** What a reader sees: an unpaid bill whose due date has passed in the region is expired. */
export function effectiveStatus(bill: BillState, today: string): BillStatus {
  return bill.status === 'unpaid' && bill.dueDate < today ? 'expired' : bill.status;
}

/** Payable up to the end of the due date in the region's time zone. */
export const isPayableAt = (bill: BillState, at: Date, cal: WorkCalendar) => effectiveStatus(bill, localDateOf(at, cal)) === 'unpaid';

/** Staff may cancel a bill nobody has paid (an expired one included); a paid bill is refunded, not cancelled. */
export const isCancellable = (bill: BillState) => bill.status === 'unpaid';

/**
 * A payer's name as the public bill page shows it: the first two letters of
 * each word, the rest starred ("Budi Santoso" → "Bu** Sa*****"), enough for the
 * payer to recognise the bill, too little to learn who owes what.
 */
export function maskName(name: string): string {
  return name.trim().split(/\s+/).map((w) => {
    const chars = [...w];
    return chars.slice(0, 2).join('') + '*'.repeat(Math.max(0, chars.length - 2));
  }).join(' ');
}
