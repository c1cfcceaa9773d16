// The dynamic QRIS payload: CRC-16/CCITT-FALSE against published vectors, the
// fields a bank's app reads, and payload → parse → bill round trips.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc16, parseQris, parseTlv, qrisBillOf, qrisPayload, type QrisMerchant } from './qris.js';

const merchant: QrisMerchant = {
  merchantName: 'BAPENDA KAB SUMEDANG', merchantCity: 'SUMEDANG', postalCode: '45311', merchantPan: '9360000812345678901', merchantId: 'SMD0001',
  merchantCriteria: 'URE', nmid: 'ID1026123456789', mcc: '9311',
};

describe('CRC-16/CCITT-FALSE', () => {
  it('gives the catalogue check value for "123456789" (0x29B1)', () => {
    expect(crc16('123456789')).toBe('29B1');
  });

  it('gives the CRC of the EMVCo Merchant-Presented Mode specification\'s example payload (A13A)', () => {
    const example = '00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678520441115802CN5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京540523.7253031565502016233030412340603***0708A60086670902ME91320016A0112233449988770708123456786304A13A';
    expect(crc16(example.slice(0, -4))).toBe('A13A');
    const parsed = parseQris(example);
    expect(parsed.ok && parsed.fields.get('59')).toBe('BEST TRANSPORT');
  });
});

describe('dynamic QRIS payload', () => {
  const bill = { billingCode: '32112600000013', amount: 150_000, referenceLabel: 'RETRIBUSI' };

  it('carries the fixed fields, the amount and the billing code, and ends with its own CRC', () => {
    const payload = qrisPayload(merchant, bill);
    expect(payload.startsWith('000201010212')).toBe(true);
    const parsed = parseQris(payload);
    if (!parsed.ok) throw new Error(parsed.problem);
    const f = parsed.fields;
    expect([f.get('52'), f.get('53'), f.get('54'), f.get('58'), f.get('59'), f.get('60'), f.get('61')])
      .toEqual(['9311', '360', '150000', 'ID', 'BAPENDA KAB SUMEDANG', 'SUMEDANG', '45311']);
    const account = parseTlv(f.get('26')!)!;
    expect([account.get('00'), account.get('01'), account.get('02'), account.get('03')]).toEqual(['ID.CO.QRIS.WWW', merchant.merchantPan, 'SMD0001', 'URE']);
    expect(parseTlv(f.get('51')!)!.get('02')).toBe('ID1026123456789');
    expect(parseTlv(f.get('62')!)!.get('01')).toBe(bill.billingCode);
    expect(payload.slice(-8, -4)).toBe('6304');
    expect(payload.slice(-4)).toBe(crc16(payload.slice(0, -4)));
  });

  it('cuts the merchant name to 25 and the city to 15 characters', () => {
    const f = (parseQris(qrisPayload({ ...merchant, merchantName: 'Badan Pendapatan Daerah Kabupaten Sumedang', merchantCity: 'Kabupaten Sumedang' }, bill)) as { fields: Map<string, string> }).fields;
    expect(f.get('59')).toBe('Badan Pendapatan Daerah K');
    expect(f.get('60')).toBe('Kabupaten Sumed');
  });

  it('refuses an amount that is not a positive whole number of rupiah', () => {
    expect(() => qrisPayload(merchant, { ...bill, amount: 0 })).toThrow(RangeError);
    expect(() => qrisPayload(merchant, { ...bill, amount: 10.5 })).toThrow(RangeError);
  });

  it('round-trips any bill, and a changed character breaks the CRC', () => {
    fc.assert(fc.property(
      fc.stringMatching(/^\d{14}$/), fc.integer({ min: 1, max: 9_999_999_999 }), fc.string({ minLength: 1, maxLength: 25 }).filter((s) => /[!-~]/.test(s)),
      fc.nat(), (code, amount, name, at) => {
        const payload = qrisPayload({ ...merchant, merchantName: name }, { ...bill, billingCode: code, amount });
        const parsed = parseQris(payload);
        if (!parsed.ok) throw new Error(parsed.problem);
        expect(qrisBillOf(parsed.fields)).toMatchObject({ billingCode: code, amount });
        const i = at % (payload.length - 4);
        const tampered = payload.slice(0, i) + (payload[i] === '9' ? '8' : '9') + payload.slice(i + 1);
        expect(parseQris(tampered).ok).toBe(false);
      }));
  });

  it('refuses a payload without a CRC or with a length running past its end', () => {
    expect(parseQris('000201010212')).toEqual({ ok: false, problem: 'no_crc' });
    expect(parseQris('00020101021254991')).toEqual({ ok: false, problem: 'malformed' });
  });
});
