import { describe, expect, it } from 'vitest';
import { coachingGoalSchema, goalPercent, indexYears } from './coaching.js';

describe('coaching progress', () => {
  it('measures the way from the baseline to the target, within 0–100', () => {
    expect(goalPercent('3.00', '3.30', '3.60')).toBe(50);
    expect(goalPercent('3.00', '2.80', '3.60')).toBe(0);
    expect(goalPercent('3.00', '3.90', '3.60')).toBe(100);
    // A target at or below the baseline: reached once the latest figure meets it.
    expect(goalPercent('3.50', '3.50', '3.00')).toBe(100);
    expect(goalPercent('3.50', '2.90', '3.00')).toBe(0);
  });

  it('says nothing without both figures', () => {
    expect(goalPercent(null, '3.30', '3.60')).toBeNull();
    expect(goalPercent('3.00', null, '3.60')).toBeNull();
  });

  it('looks for the baseline before the programme and the latest figure from this year back', () => {
    expect(indexYears('2026-01-01', '2026-11-02')).toEqual({ baseline: [2025, 2024, 2023], latest: [2026, 2025, 2024, 2023] });
    expect(indexYears('2025-11-01', '2026-12-06').latest[0]).toBe(2026);
  });

  it('requires an SPBE goal\'s target on the 0–5 scale', () => {
    expect(coachingGoalSchema.safeParse({ kind: 'spbe_index', year: 2026 }).success).toBe(false);
    expect(coachingGoalSchema.safeParse({ kind: 'spbe_index', target: '5.10', year: 2026 }).success).toBe(false);
    expect(coachingGoalSchema.safeParse({ kind: 'spbe_index', target: '3.5', year: 2026 }).success).toBe(true);
    expect(coachingGoalSchema.parse({ kind: 'text', text: 'Perkada ditetapkan' })).toEqual({ kind: 'text', text: 'Perkada ditetapkan', done: false });
  });
});
