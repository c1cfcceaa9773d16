import { describe, expect, it } from 'vitest';
import { periodKey, trendPeriods } from './periods.js';

describe('trend periods', () => {
  it('are the twelve months up to this one, across the turn of the year, oldest first', () => {
    const months = trendPeriods('month', '2026-03-15');
    expect(months.map(periodKey)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    expect(months[0]).toEqual({ kind: 'month', year: 2025, fromMonth: '2025-04', toMonth: '2025-04' });
  });

  it('end in December when today is in December', () => {
    expect(trendPeriods('month', '2026-12-31').map(periodKey).slice(-2)).toEqual(['2026-11', '2026-12']);
  });

  it('are the five years up to this one, each January to December', () => {
    const years = trendPeriods('year', '2026-07-01');
    expect(years.map(periodKey)).toEqual(['2022', '2023', '2024', '2025', '2026']);
    expect(years[4]).toEqual({ kind: 'year', year: 2026, fromMonth: '2026-01', toMonth: '2026-12' });
  });
});
