// Times in the web app follow the region's clock (WIB, WITA, WIT), not the browser's.
import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDateTime, formatDeadline, formatDuration, formatNumber, localMonth, zonedTimeToIso } from '../../web/src/format.js';
import { id } from '../../web/src/i18n/id.js';
import { en } from '../../web/src/i18n/en.js';
import { staffTexts } from '../../web/src/i18n/staff.js';
import { citizenEn } from '../../web/src/modules/complaints/messages/citizen.en.js';
import { citizenId } from '../../web/src/modules/complaints/messages/citizen.id.js';
import { texts as complaintsTexts } from '../../web/src/modules/complaints/messages/staff.js';
import { texts as spbeTexts } from '../../web/src/modules/spbe/messages.js';
import type { Translate } from '../../web/src/i18n/index.js';

const translate = (dict: Record<string, string>): Translate => (key, vars = {}) => dict[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));

describe('web formatting', () => {
  it.each([
    ['Asia/Jakarta', '2026-11-01T12:30:00.000Z'],
    ['Asia/Makassar', '2026-11-01T11:30:00.000Z'],
    ['Asia/Jayapura', '2026-11-01T10:30:00.000Z'],
  ])('reads 19:30 typed in a form as 19:30 in %s', (zone, iso) => {
    expect(zonedTimeToIso('2026-11-01T19:30', zone)).toBe(iso);
  });

  it('shows an instant in the region\'s zone with its label', () => {
    expect(formatDateTime('2026-11-01T12:30:00Z', { timezone: 'Asia/Makassar', timezoneLabel: 'WITA' }, 'id')).toBe('1 Nov 2026, 20.30 WITA');
    expect(formatDateTime('2026-11-01T12:30:00Z', { timezone: 'Asia/Jayapura', timezoneLabel: 'WIT' }, 'en')).toBe('1 Nov 2026, 21:30 WIT');
  });

  it('reads a deadline at local midnight as the last minute of the day before', () => {
    const wib = { timezone: 'Asia/Jakarta', timezoneLabel: 'WIB' };
    const wita = { timezone: 'Asia/Makassar', timezoneLabel: 'WITA' };
    // Wednesday 4 November 2026, 00:00 WIB ends a working day counted to Tuesday 3 November.
    expect(formatDeadline('2026-11-03T17:00:00.000Z', wib, 'id')).toBe('3 Nov 2026, 23.59 WIB');
    expect(formatDeadline('2026-11-03T17:00:00.000Z', wib, 'en')).toBe('3 Nov 2026, 23:59 WIB');
    expect(formatDeadline('2026-11-03T16:00:00.000Z', wita, 'id')).toBe('3 Nov 2026, 23.59 WITA');
    // The same instant is 01:00 in WITA: not a midnight there.
    expect(formatDeadline('2026-11-03T17:00:00.000Z', wita, 'id')).toBe('4 Nov 2026, 01.00 WITA');
    // Deadlines counted in hours, and any time but midnight, read as they are.
    expect(formatDeadline('2026-11-04T02:00:00.000Z', wib, 'id')).toBe('4 Nov 2026, 09.00 WIB');
    expect(formatDeadline('2026-11-03T17:00:30.000Z', wib, 'id')).toBe('4 Nov 2026, 00.00 WIB');
    // Other instants at midnight (a submission) are not deadlines.
    expect(formatDateTime('2026-11-03T17:00:00.000Z', wib, 'id')).toBe('4 Nov 2026, 00.00 WIB');
  });

  it('tells the month, calendar dates and numbers the region\'s way', () => {
    // 31 December 2026, 17:30 UTC is already January in Sumedang.
    expect(localMonth(Date.parse('2026-12-31T17:30:00Z'), 'Asia/Jakarta')).toBe('2027-01');
    expect(localMonth(Date.parse('2026-12-31T16:30:00Z'), 'Asia/Jakarta')).toBe('2026-12');
    expect(formatCalendarDate('2026-11-04', 'id')).toBe('Rabu, 4 November 2026');
    expect(formatCalendarDate('2026-11-04', 'en')).toBe('Wednesday, 4 November 2026');
    expect(formatNumber(1234.56, 'id')).toBe('1.234,6');
    expect(formatNumber(66.7, 'en')).toBe('66.7');
  });

  it('says how long is left in the two largest units', () => {
    const t = translate(id);
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000 + 59 * 60_000, t)).toBe('2 hari 3 jam');
    expect(formatDuration(48 * 3_600_000, t)).toBe('2 hari');
    expect(formatDuration(-(5 * 3_600_000 + 10 * 60_000), t)).toBe('5 jam 10 menit');
    expect(formatDuration(20_000, t)).toBe('1 menit');
    expect(formatDuration(90 * 60_000, translate(en))).toBe('1 h 30 min');
  });

  it('has every Indonesian text in English too, with the same placeholders', () => {
    // A placeholder is {name} or a plural over it ({n, plural, …}).
    const holes = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();
    const namespaces = [[id, en], [staffTexts.id, staffTexts.en], [citizenId, citizenEn], [complaintsTexts.id, complaintsTexts.en], [spbeTexts.id, spbeTexts.en]];
    for (const [ref, other] of namespaces as Record<string, string>[][]) {
      for (const key of Object.keys(ref)) expect(holes(other[key]), key).toEqual(holes(ref[key]));
      expect(Object.keys(other).sort()).toEqual(Object.keys(ref).sort());
    }
  });
});

describe('refused fields', () => {
  it('names the fields the API refused as the form labels them, never by the API\'s own names', async () => {
    const { refusedFields } = await import('../../web/src/pages/staff/admin/fields.js');
    const t = translate({ ...staffTexts.id, ...complaintsTexts.id });
    const details = [{ path: '/complaints/escalation/0/afterHours', message: 'Too big' }, { path: '/complaints/escalation/1/afterHours', message: 'Too big' }, { path: '/complaints/reopenWindowDays' }, { path: '', message: 'Unrecognized key: "x"' }];
    expect(refusedFields(details, t)).toEqual(['Jam setelah batas waktu', 'Masa penilaian dan buka kembali (hari)']);
    expect(refusedFields(undefined, t)).toEqual([]);
  });
});
