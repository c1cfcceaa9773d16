import { describe, it, expect } from 'vitest';
import { DEFAULT_SLA, deadlinesFor, resolveRules, type SlaRule } from './sla.js';
import type { WorkCalendar } from '../../../platform/calendar/calendar.js';

const none: ReadonlySet<string> = new Set();
const WIB: WorkCalendar = { utcOffsetMinutes: 420, holidays: none };
const WIB_HUT_RI: WorkCalendar = { utcOffsetMinutes: 420, holidays: new Set(['2026-08-17']) };

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

describe('deadlinesFor', () => {
  // Lebaran-like stretch: Nyepi Thu 19 Mar, Idul Fitri Fri 20 Mar, cuti bersama Mon 23 + Tue 24 Mar,
  // Wafat Yesus Kristus Fri 3 Apr. From Mon 16 Mar: 17,18 | 25,26,27 | 30,31,1,2 | 6,7,8,9,10 = 14.
  const lebaran: WorkCalendar = {
    utcOffsetMinutes: 420,
    holidays: new Set(['2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24', '2026-04-03']),
  };
  const withTarget: SlaRule = { stage: 'resolution', amount: 5, unit: 'working_days', targetAmount: 3 };

  it.each([
    // label, start, rule, calendar, due, target
    ['default verification: 24 h, no target', '2026-08-14T02:00:00.000Z', DEFAULT_SLA.verification, WIB, '2026-08-15T02:00:00.000Z', null],
    ['default response: 2x24 h, target 1x24 h', '2026-08-14T02:00:00.000Z', DEFAULT_SLA.response, WIB, '2026-08-16T02:00:00.000Z', '2026-08-15T02:00:00.000Z'],
    ['default resolution: 14 wd across Lebaran', '2026-03-16T02:00:00.000Z', DEFAULT_SLA.resolution, lebaran, '2026-04-10T17:00:00.000Z', null],
    // Mon 10 Aug: target Tue11, Wed12, Thu13; due ... Fri14, (Mon17 holiday), Tue18.
    ['working-day target is counted like the due date', '2026-08-10T02:00:00.000Z', withTarget, WIB_HUT_RI, '2026-08-18T17:00:00.000Z', '2026-08-13T17:00:00.000Z'],
  ] as const)('%s', (_label, start, rule, cal, due, target) => {
    const got = deadlinesFor(new Date(start), rule, cal);
    expect({ dueAt: iso(got.dueAt), targetAt: iso(got.targetAt) }).toEqual({ dueAt: due, targetAt: target });
  });

  it.each([
    [{ stage: 'response', amount: -24, unit: 'hours', targetAmount: null }],
    [{ stage: 'response', amount: 48, unit: 'hours', targetAmount: -1 }],
    [{ stage: 'response', amount: 48, unit: 'hours', targetAmount: 12.5 }],
  ] as const)('rejects invalid amounts in %j', (rule) => {
    expect(() => deadlinesFor(new Date('2026-08-14T02:00:00.000Z'), rule, WIB)).toThrow(RangeError);
  });
});

describe('DEFAULT_SLA and resolveRules', () => {
  const defaults = {
    verification: { stage: 'verification', amount: 24, unit: 'hours', targetAmount: null },
    response: { stage: 'response', amount: 48, unit: 'hours', targetAmount: 24 },
    resolution: { stage: 'resolution', amount: 14, unit: 'working_days', targetAmount: null },
  };
  const regionResolution10: SlaRule = { stage: 'resolution', amount: 10, unit: 'working_days', targetAmount: 7 };
  const regionResponse24: SlaRule = { stage: 'response', amount: 24, unit: 'hours', targetAmount: 12 };
  const categoryResolution5: SlaRule = { stage: 'resolution', amount: 5, unit: 'working_days', targetAmount: null };
  const categoryVerification2: SlaRule = { stage: 'verification', amount: 2, unit: 'hours', targetAmount: null };

  it('DEFAULT_SLA holds the documented values', () => {
    expect(DEFAULT_SLA).toEqual(defaults);
  });

  it.each([
    ['nothing configured -> DEFAULT_SLA', [], [], defaults],
    [
      'region default replaces DEFAULT_SLA for its stage only',
      [regionResolution10],
      [],
      { ...defaults, resolution: regionResolution10 },
    ],
    [
      'category override wins over region default for the same stage',
      [regionResolution10, regionResponse24],
      [categoryResolution5],
      { verification: defaults.verification, response: regionResponse24, resolution: categoryResolution5 },
    ],
    [
      'category override alone falls back to DEFAULT_SLA elsewhere',
      [],
      [categoryVerification2],
      { ...defaults, verification: categoryVerification2 },
    ],
    [
      'last rule for a stage within one list wins',
      [regionResolution10, { ...regionResolution10, amount: 12 }],
      [],
      { ...defaults, resolution: { ...regionResolution10, amount: 12 } },
    ],
  ] as const)('%s', (_label, region, category, expected) => {
    expect(resolveRules([...region], [...category])).toEqual(expected);
  });

  it('returns copies: mutating the result leaves DEFAULT_SLA and the inputs alone', () => {
    const input: SlaRule = { stage: 'response', amount: 36, unit: 'hours', targetAmount: null };
    const resolved = resolveRules([], [input]);
    resolved.verification.amount = 1;
    resolved.response.amount = 1;
    expect(DEFAULT_SLA.verification.amount).toBe(24);
    expect(input.amount).toBe(36);
  });
});
