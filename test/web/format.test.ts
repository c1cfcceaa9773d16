// Times in the web app follow the region's clock (WIB, WITA, WIT), not the browser's.
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, zonedTimeToIso } from '../../web/src/format.js';
import { id } from '../../web/src/i18n/id.js';
import { en } from '../../web/src/i18n/en.js';
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

  it('says how long is left in the two largest units', () => {
    const t = translate(id);
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000 + 59 * 60_000, t)).toBe('2 hari 3 jam');
    expect(formatDuration(48 * 3_600_000, t)).toBe('2 hari');
    expect(formatDuration(-(5 * 3_600_000 + 10 * 60_000), t)).toBe('5 jam 10 menit');
    expect(formatDuration(20_000, t)).toBe('1 menit');
    expect(formatDuration(90 * 60_000, translate(en))).toBe('1 h 30 min');
  });

  it('has every Indonesian text in English too, with the same placeholders', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(id) as (keyof typeof id)[]) expect(holes(en[key]), key).toEqual(holes(id[key]));
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });
});
