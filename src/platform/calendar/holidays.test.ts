import { describe, it, expect } from 'vitest';
import { nationalHolidays } from './holidays.js';

describe('nationalHolidays', () => {
  const y2026 = nationalHolidays([2026]);
  const byDate = new Map(y2026.map((h) => [h.date, h.name]));

  it.each([
    ['2026-01-01', /tahun baru/i],
    ['2026-08-17', /kemerdekaan/i],
    ['2026-12-25', /natal/i],
    ['2026-05-01', /buruh/i],
    ['2026-06-01', /pancasila/i],
  ])('has %s named like %s', (date, name) => {
    expect(byDate.get(date)).toMatch(name);
  });

  it('keeps holidays that fall on weekends (no weekday-only filtering)', () => {
    // 2026-05-31 (Waisak) is a Sunday; 2026-03-21 (Idul Fitri day 2) is a Saturday.
    expect(byDate.get('2026-05-31')).toMatch(/waisak/i);
    expect(byDate.get('2026-03-21')).toMatch(/idul fitri/i);
  });

  it('returns sorted, unique local dates of the requested years only', () => {
    const dates = y2026.map((h) => h.date);
    expect(dates).toEqual([...new Set(dates)].sort());
    expect(dates.every((d) => /^2026-\d{2}-\d{2}$/.test(d))).toBe(true);
  });

  it('names 27 Rajab Isra Mikraj, not a second Maulid', () => {
    expect(byDate.get('2026-01-16')).toBe('Isra Mikraj Nabi Muhammad');
  });

  it('merges two holidays on the same date', () => {
    // 2021-05-13: Idul Fitri and Kenaikan Yesus Kristus.
    const merged = nationalHolidays([2021]).filter((h) => h.date === '2021-05-13');
    expect(merged).toEqual([{ date: '2021-05-13', name: 'Hari Raya Idul Fitri / Kenaikan Yesus Kristus' }]);
  });

  it('handles several years and repeated years without duplicating entries', () => {
    const both = nationalHolidays([2026, 2025, 2026]);
    expect(both).toEqual([...nationalHolidays([2025]), ...y2026]);
    expect(both.find((h) => h.date === '2026-08-17')?.name).not.toContain(' / ');
  });
});
