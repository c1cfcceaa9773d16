// QRIS, the national QR payment standard (EMVCo Merchant-Presented Mode), as
// a dynamic payload per bill: a list of TLV fields (2-digit tag, 2-digit
// length, value) ending with tag 63, a CRC-16/CCITT-FALSE over everything
// before it including "6304". Pure. The parser is what a bank's app does
// before paying: split the fields and refuse a payload whose CRC is wrong.

const GUI = 'ID.CO.QRIS.WWW';

/** Merchant criteria: micro, small, medium, large, regular (a government merchant is usually URE). */
export const MERCHANT_CRITERIA = ['UMI', 'UKE', 'UME', 'UBE', 'URE'] as const;

export interface QrisMerchant {
  /** ≤ 25 characters (tag 59). */
  merchantName: string;
  /** ≤ 15 characters (tag 60). */
  merchantCity: string;
  postalCode: string;
  merchantPan: string;
  merchantId: string;
  merchantCriteria: (typeof MERCHANT_CRITERIA)[number];
  nmid: string;
  /** Merchant category code, 4 digits (9311: tax payments; 9399: government services). */
  mcc: string;
}

export interface QrisBill { billingCode: string; amount: number; referenceLabel: string }

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) over the UTF-8 bytes, as 4 upper-case hex digits. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

function tlv(tag: string, value: string): string {
  const length = [...value].length;
  if (length === 0 || length > 99) throw new RangeError(`QRIS tag ${tag}: length ${length} outside 1–99`);
  return tag + String(length).padStart(2, '0') + value;
}

/** Text the EMVCo alphanumeric set allows, cut to its field's length. */
const fit = (text: string, max: number) => [...text.normalize('NFKD').replace(/[^\x20-\x7E]/g, '').trim()].slice(0, max).join('');

/** The dynamic QRIS payload for one bill: its amount and billing code, paid once. */
export function qrisPayload(m: QrisMerchant, bill: QrisBill): string {
  if (!Number.isSafeInteger(bill.amount) || bill.amount <= 0) throw new RangeError(`QRIS amount must be a positive whole number of rupiah, got ${bill.amount}`);
  const body = [
    tlv('00', '01'),
    tlv('01', '12'), // 12: dynamic, one payment
    tlv('26', tlv('00', GUI) + tlv('01', m.merchantPan) + tlv('02', m.merchantId) + tlv('03', m.merchantCriteria)),
    tlv('51', tlv('00', GUI) + tlv('02', m.nmid) + tlv('03', m.merchantCriteria)),
    tlv('52', m.mcc),
    tlv('53', '360'), // rupiah (ISO 4217)
    tlv('54', String(bill.amount)),
    tlv('58', 'ID'),
    tlv('59', fit(m.merchantName, 25)),
    tlv('60', fit(m.merchantCity, 15)),
    tlv('61', m.postalCode),
    tlv('62', tlv('01', bill.billingCode) + tlv('05', fit(bill.referenceLabel, 25))),
  ].join('') + '6304';
  return body + crc16(body);
}

export type QrisFields = Map<string, string>;

export type QrisParse = { ok: true; fields: QrisFields } | { ok: false; problem: 'malformed' | 'crc' | 'no_crc' };

/** Splits a TLV list into its fields (tag → value); null when a length runs past the end or a tag repeats. */
export function parseTlv(text: string): QrisFields | null {
  const fields: QrisFields = new Map();
  const chars = [...text];
  let i = 0;
  while (i < chars.length) {
    if (i + 4 > chars.length) return null;
    const tag = chars.slice(i, i + 2).join('');
    const lengthText = chars.slice(i + 2, i + 4).join('');
    if (!/^\d{2}$/.test(tag) || !/^\d{2}$/.test(lengthText)) return null;
    const length = Number(lengthText);
    if (i + 4 + length > chars.length || fields.has(tag)) return null;
    fields.set(tag, chars.slice(i + 4, i + 4 + length).join(''));
    i += 4 + length;
  }
  return fields;
}

/** A payload's fields, after checking that it ends with tag 63 and that its CRC matches. */
export function parseQris(payload: string): QrisParse {
  const fields = parseTlv(payload);
  if (!fields) return { ok: false, problem: 'malformed' };
  const crc = fields.get('63');
  if (crc === undefined || !payload.endsWith(`6304${crc}`)) return { ok: false, problem: 'no_crc' };
  if (crc16(payload.slice(0, -4)) !== crc.toUpperCase()) return { ok: false, problem: 'crc' };
  return { ok: true, fields };
}

/** What a payer's bank reads from a parsed payload to pay it. */
export function qrisBillOf(fields: QrisFields): { billingCode: string; amount: number; merchantName: string } | null {
  const additional = parseTlv(fields.get('62') ?? '');
  const billingCode = additional?.get('01');
  const amount = Number(fields.get('54'));
  if (!billingCode || !Number.isSafeInteger(amount) || amount <= 0 || fields.get('53') !== '360') return null;
  return { billingCode, amount, merchantName: fields.get('59') ?? '' };
}
