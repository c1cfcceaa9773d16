// Reading what Open311 clients send: attribute[CODE] form fields, area codes
// as address_id, comma lists and W3C datetimes with the spec's 90-day window.
import { AppError } from '../../../../platform/errors.js';

const DAY = 86_400_000;
export const MAX_WINDOW_DAYS = 90;

const attributeField = /^attribute\[([^\]]+)\](\[\])?$/;

/**
 * The answers in a create-request body: form fields `attribute[CODE]=v`
 * (a list repeats `attribute[CODE][]=v`), or a JSON `attribute` object.
 */
export function attributesOf(body: Record<string, unknown>): Record<string, unknown> {
  const found = new Map<string, unknown>();
  if (body.attribute !== null && typeof body.attribute === 'object' && !Array.isArray(body.attribute)) {
    for (const [code, value] of Object.entries(body.attribute)) found.set(code, value);
  }
  for (const [field, value] of Object.entries(body)) {
    const m = attributeField.exec(field);
    if (!m) continue;
    const [, code, list] = m;
    const before = found.get(code);
    const values = [...(before === undefined ? [] : [before].flat()), ...[value].flat()];
    found.set(code, list || values.length > 1 ? values : values[0]);
  }
  // fromEntries defines own properties, so a code like __proto__ stays plain data.
  return Object.fromEntries(found);
}

/** Pamong's address ids are BPS area codes: a district (32.11.01) or a village (32.11.01.2001). */
export function areaOf(addressId: string): { districtCode: string; villageCode: string | null } | null {
  if (/^\d{2}\.\d{2}\.\d{2}$/.test(addressId)) return { districtCode: addressId, villageCode: null };
  if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(addressId)) return { districtCode: addressId.slice(0, 8), villageCode: addressId };
  return null;
}

/** `a,b` or a repeated parameter, as one list without blanks. */
export function commaList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return [value].flat().flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

/** A span of time, `end` exclusive. */
export interface Period {
  start: Date;
  end: Date;
}

const w3c = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A W3C datetime (YYYY, YYYY-MM, YYYY-MM-DD, or a time with its zone) as the
 * period it names. A date without a time is that whole day (month, year) in
 * the region's local time, which is what an Indonesian official means by it.
 */
export function parseW3cDatetime(text: string, utcOffsetMinutes: number): Period | null {
  const m = w3c.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = mo ? Number(mo) : 1;
  const day = d ? Number(d) : 1;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (h === undefined) {
    const localStart = Date.UTC(year, month - 1, day);
    const localEnd = d ? Date.UTC(year, month - 1, day + 1) : mo ? Date.UTC(year, month, 1) : Date.UTC(year + 1, 0, 1);
    const shift = utcOffsetMinutes * 60_000;
    return { start: new Date(localStart - shift), end: new Date(localEnd - shift) };
  }
  const [hour, minute, second] = [Number(h), Number(mi), s ? Number(s) : 0];
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const [zh, zm] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    if (zh > 14 || zm > 59) return null;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (zh * 60 + zm);
  }
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const at = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  return { start: new Date(at), end: new Date(at + 1) };
}

/**
 * The requested_datetime range of a GET requests call: by default the last
 * 90 days; one bound given, 90 days from (or up to) it; never more than 90 days.
 */
export function requestWindow(now: Date, startDate: string | undefined, endDate: string | undefined, utcOffsetMinutes: number): Period {
  const read = (field: string, text: string | undefined) => {
    if (text === undefined) return null;
    const period = parseW3cDatetime(text, utcOffsetMinutes);
    if (!period) throw new AppError('open311.date_range', { [field]: 'not a W3C datetime' });
    return period;
  };
  const start = read('start_date', startDate);
  const end = read('end_date', endDate);
  const span = MAX_WINDOW_DAYS * DAY;
  if (start && end) {
    if (end.end <= start.start) throw new AppError('open311.date_range', { end_date: 'before start_date' });
    if (end.end.getTime() - start.start.getTime() > span) throw new AppError('open311.date_range', { end_date: `more than ${MAX_WINDOW_DAYS} days after start_date` });
    return { start: start.start, end: end.end };
  }
  if (start) return { start: start.start, end: new Date(start.start.getTime() + span) };
  const until = end ? end.end : new Date(now.getTime() + 1);
  return { start: new Date(until.getTime() - span), end: until };
}
