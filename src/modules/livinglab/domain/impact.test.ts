import { describe, expect, it } from 'vitest';
import { beforeAndAfter, periodLabel } from './impact.js';

describe('before and after an adoption', () => {
  it('compares the quarter before the adoption\'s with the latest full quarter since', () => {
    const { before, after } = beforeAndAfter('quarter', '2026-05-20', '2026-12-06');
    expect(periodLabel(before)).toBe('2026-Q1');
    expect(before).toMatchObject({ fromMonth: '2026-01', toMonth: '2026-03' });
    expect(periodLabel(after!)).toBe('2026-Q3');
  });
  it('crosses the year going back from a first quarter', () => {
    expect(periodLabel(beforeAndAfter('quarter', '2026-02-01', '2026-12-06').before)).toBe('2025-Q4');
  });
  it('has no "after" while no full period has ended since the adoption', () => {
    expect(beforeAndAfter('quarter', '2026-08-01', '2026-11-30').after).toBeNull();
    expect(beforeAndAfter('year', '2026-03-01', '2026-12-31').after).toBeNull();
  });
  it('in years for yearly figures', () => {
    const { before, after } = beforeAndAfter('year', '2024-07-01', '2026-12-06');
    expect([periodLabel(before), periodLabel(after!)]).toEqual(['2023', '2025']);
  });
});
