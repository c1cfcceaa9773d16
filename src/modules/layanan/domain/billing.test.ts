// Billing codes (14 digits: region, year, sequence, Luhn check digit), a
// bill's status as the region's date moves, and the payer's masked name.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calendarOf } from '../../../platform/calendar/region.js';
import { billingCode, effectiveStatus, isBillingCodeOf, isCancellable, isPayableAt, luhnDigit, maskName } from './billing.js';

describe('billing codes', () => {
  it('reads as region digits, year, sequence and a Luhn check digit', () => {
    expect(billingCode('32.11', 2026, 1)).toBe('3211260000001' + luhnDigit('3211260000001'));
    expect(billingCode('32', 2027, 9_999_999)).toBe('3200279999999' + luhnDigit('3200279999999'));
    expect(billingCode('32.11', 2026, 42)).toHaveLength(14);
  });

  it('computes the Luhn digit of the published example (7992739871 → 3)', () => {
    expect(luhnDigit('7992739871')).toBe(3);
  });

  it('refuses sequences and years it cannot write in 14 digits', () => {
    expect(() => billingCode('32.11', 2026, 0)).toThrow(RangeError);
    expect(() => billingCode('32.11', 2026, 10_000_000)).toThrow(RangeError);
    expect(() => billingCode('32.11', 2100, 1)).toThrow(RangeError);
  });

  it('never gives two regions, years or sequences the same code, and each code is its own region\'s only', () => {
    const region = fc.constantFrom('32.11', '32.04', '32', '11.01', '94.71');
    fc.assert(fc.property(region, region, fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 1, max: 9_999_999 }),
      (r1, r2, y1, y2, s1, s2) => {
        const a = billingCode(r1, y1, s1);
        const b = billingCode(r2, y2, s2);
        expect(a === b).toBe(r1 === r2 && y1 === y2 && s1 === s2);
        expect(isBillingCodeOf(a, r1)).toBe(true);
        if (r1 !== r2) expect(isBillingCodeOf(a, r2)).toBe(false);
      }));
  });

  it('catches any single mistyped digit', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 4, max: 13 }), fc.integer({ min: 1, max: 9 }), (seq, pos, delta) => {
      const code = billingCode('32.11', 2026, seq);
      const typo = code.slice(0, pos) + String((Number(code[pos]) + delta) % 10) + code.slice(pos + 1);
      expect(isBillingCodeOf(typo, '32.11')).toBe(false);
    }));
  });
});

describe('bill status', () => {
  const wib = calendarOf({ utcOffsetMinutes: 420 }, []);
  const wit = calendarOf({ utcOffsetMinutes: 540 }, []);
  const unpaid = { status: 'unpaid' as const, dueDate: '2026-03-31' };

  it('is payable to the end of the due date in the region, not in UTC', () => {
    // 23:59 WIB on the due date is 16:59 UTC; 00:00 WIB the next day is 17:00 UTC.
    expect(isPayableAt(unpaid, new Date('2026-03-31T16:59:59Z'), wib)).toBe(true);
    expect(isPayableAt(unpaid, new Date('2026-03-31T17:00:00Z'), wib)).toBe(false);
    // In Papua (WIT) the day ends two hours earlier.
    expect(isPayableAt(unpaid, new Date('2026-03-31T14:59:59Z'), wit)).toBe(true);
    expect(isPayableAt(unpaid, new Date('2026-03-31T15:00:00Z'), wit)).toBe(false);
  });

  it('reads an unpaid bill past its due date as expired, and leaves paid and cancelled bills as they are', () => {
    expect(effectiveStatus(unpaid, '2026-03-31')).toBe('unpaid');
    expect(effectiveStatus(unpaid, '2026-04-01')).toBe('expired');
    expect(effectiveStatus({ ...unpaid, status: 'paid' }, '2027-01-01')).toBe('paid');
    expect(effectiveStatus({ ...unpaid, status: 'cancelled' }, '2027-01-01')).toBe('cancelled');
  });

  it('lets staff cancel an unpaid or expired bill, never a paid or cancelled one', () => {
    expect(isCancellable(unpaid)).toBe(true);
    expect(isCancellable({ ...unpaid, dueDate: '2020-01-01' })).toBe(true);
    expect(isCancellable({ ...unpaid, status: 'paid' })).toBe(false);
    expect(isCancellable({ ...unpaid, status: 'cancelled' })).toBe(false);
    expect(isPayableAt({ ...unpaid, status: 'cancelled' }, new Date('2026-01-01T00:00:00Z'), wib)).toBe(false);
  });
});

describe('masked payer name', () => {
  it('keeps two letters of each word', () => {
    expect(maskName('Budi Santoso')).toBe('Bu** Sa*****');
    expect(maskName('  Ni  Luh Ayu ')).toBe('Ni Lu* Ay*');
    expect(maskName('PT. Maju Jaya')).toBe('PT* Ma** Ja**');
  });
});
