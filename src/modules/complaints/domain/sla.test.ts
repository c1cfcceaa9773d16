import { describe, it, expect } from 'vitest';
import {
  DEFAULT_SLA,
  addSla,
  deadlinesFor,
  isWorkingDay,
  localDateOf,
  resolveRules,
  timeLeftMs,
  type SlaRule,
  type WorkCalendar,
} from './sla.js';

// All expected values below were worked out by hand from a wall calendar:
// 2026-08-07 Fri, 2026-08-08 Sat, 2026-08-10 Mon, 2026-08-17 Mon (HUT RI),
// 2026-03-16 Mon, 2026-04-03 Fri (Wafat Yesus Kristus), 2025-12-31 Wed,
// 2026-01-30 Fri, 2028-02-29 Tue.
// WIB = UTC+7, WITA = UTC+8, WIT = UTC+9, so local midnight is 17:00Z, 16:00Z, 15:00Z.

const none: ReadonlySet<string> = new Set();
const WIB: WorkCalendar = { utcOffsetMinutes: 420, holidays: none };
const WITA: WorkCalendar = { utcOffsetMinutes: 480, holidays: none };
const WIT: WorkCalendar = { utcOffsetMinutes: 540, holidays: none };
const WIB_HUT_RI: WorkCalendar = { utcOffsetMinutes: 420, holidays: new Set(['2026-08-17']) };
const WIB_SIX_DAY: WorkCalendar = { utcOffsetMinutes: 420, holidays: none, workingWeekdays: new Set([1, 2, 3, 4, 5, 6]) };

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

describe('localDateOf', () => {
  it.each([
    // instant, calendar, expected local date
    ['2026-08-07T16:30:00.000Z', 'WIB', WIB, '2026-08-07'], // Fri 23:30 WIB
    ['2026-08-07T16:30:00.000Z', 'WITA', WITA, '2026-08-08'], // Sat 00:30 WITA
    ['2026-08-07T16:30:00.000Z', 'WIT', WIT, '2026-08-08'], // Sat 01:30 WIT
    ['2026-08-07T16:59:59.999Z', 'WIB', WIB, '2026-08-07'], // last ms of Fri WIB
    ['2026-08-07T17:00:00.000Z', 'WIB', WIB, '2026-08-08'], // Sat 00:00 WIB
    ['2025-12-31T17:00:00.000Z', 'WIB', WIB, '2026-01-01'], // year roll-over
    ['2028-02-28T17:00:00.000Z', 'WIB', WIB, '2028-02-29'], // leap day
  ] as const)('%s in %s is %s', (at, _name, cal, expected) => {
    expect(localDateOf(new Date(at), cal)).toBe(expected);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-08-07', 'Fri', WIB, true],
    ['2026-08-08', 'Sat', WIB, false],
    ['2026-08-09', 'Sun', WIB, false],
    ['2026-08-10', 'Mon', WIB, true],
    ['2026-08-17', 'Mon, no holiday list', WIB, true],
    ['2026-08-17', 'Mon, HUT RI holiday', WIB_HUT_RI, false],
    ['2026-08-08', 'Sat in a six-day week', WIB_SIX_DAY, true],
    ['2026-08-09', 'Sun in a six-day week', WIB_SIX_DAY, false],
    // Sunday is weekday 7, not 0.
    ['2026-08-09', 'Sun when Sunday is listed as 7', { utcOffsetMinutes: 420, holidays: none, workingWeekdays: new Set([7]) }, true],
    ['2026-08-10', 'Mon when only Sunday works', { utcOffsetMinutes: 420, holidays: none, workingWeekdays: new Set([7]) }, false],
    ['2028-02-29', 'Tue leap day', WIB, true],
  ] as const)('%s (%s) -> %s', (date, _label, cal, expected) => {
    expect(isWorkingDay(date, cal)).toBe(expected);
  });

  it.each(['2026-8-7', '2026-02-30', '07-08-2026', ''])('rejects malformed date %j', (bad) => {
    expect(() => isWorkingDay(bad, WIB)).toThrow(RangeError);
  });
});

describe('addSla', () => {
  it.each([
    // label, start (UTC), amount, unit, calendar, expected due (UTC)
    // Calendar hours run straight through weekends and holidays.
    ['48 h from Fri 17:00 WIB lands on Sunday', '2026-08-14T10:00:00.000Z', 48, 'hours', WIB_HUT_RI, '2026-08-16T10:00:00.000Z'],
    ['72 h from Fri 17:00 WIB lands on a holiday Monday', '2026-08-14T10:00:00.000Z', 72, 'hours', WIB_HUT_RI, '2026-08-17T10:00:00.000Z'],
    ['0 h is the start instant', '2026-08-14T10:00:00.000Z', 0, 'hours', WIB, '2026-08-14T10:00:00.000Z'],

    // Working days skip Sat/Sun: Thu -> Fri(1), Mon(2); end of Mon 10 Aug WIB.
    ['2 wd from Thu 10:00 WIB skip the weekend', '2026-08-06T03:00:00.000Z', 2, 'working_days', WIB, '2026-08-10T17:00:00.000Z'],
    // Month roll-over: Fri 30 Jan -> Mon 2, Tue 3, Wed 4 Feb.
    ['3 wd from Fri 30 Jan cross into February', '2026-01-30T03:00:00.000Z', 3, 'working_days', WIB, '2026-02-04T17:00:00.000Z'],

    // Holidays: Fri 14 Aug -> Sat, Sun, Mon 17 (HUT RI) skipped -> Tue 18.
    ['1 wd from Fri 14 Aug skips HUT RI', '2026-08-14T02:00:00.000Z', 1, 'working_days', WIB_HUT_RI, '2026-08-18T17:00:00.000Z'],
    ['1 wd from Fri 14 Aug without the holiday is Mon 17', '2026-08-14T02:00:00.000Z', 1, 'working_days', WIB, '2026-08-17T17:00:00.000Z'],
    // Year roll-over with Tahun Baru: Wed 31 Dec -> Thu 1 Jan skipped -> Fri 2 Jan.
    ['1 wd from Wed 31 Dec skips 1 Jan', '2025-12-31T03:00:00.000Z', 1, 'working_days', { utcOffsetMinutes: 420, holidays: new Set(['2026-01-01']) }, '2026-01-02T17:00:00.000Z'],

    // Friday evening vs Saturday: the submission day never counts, so both start counting on Monday.
    ['1 wd from Fri 21:00 WIB -> end of Mon', '2026-08-07T14:00:00.000Z', 1, 'working_days', WIB, '2026-08-10T17:00:00.000Z'],
    ['1 wd from Sat 08:00 WIB -> end of Mon', '2026-08-08T01:00:00.000Z', 1, 'working_days', WIB, '2026-08-10T17:00:00.000Z'],
    ['2 wd from Fri 21:00 WIB -> end of Tue', '2026-08-07T14:00:00.000Z', 2, 'working_days', WIB, '2026-08-11T17:00:00.000Z'],
    ['2 wd from Sat 08:00 WIB -> end of Tue', '2026-08-08T01:00:00.000Z', 2, 'working_days', WIB, '2026-08-11T17:00:00.000Z'],
    // ...but amount 0 (end of the submission day) tells them apart.
    ['0 wd from Fri 21:00 WIB -> end of Fri', '2026-08-07T14:00:00.000Z', 0, 'working_days', WIB, '2026-08-07T17:00:00.000Z'],
    ['0 wd from Sat 08:00 WIB -> end of Sat', '2026-08-08T01:00:00.000Z', 0, 'working_days', WIB, '2026-08-08T17:00:00.000Z'],
    ['0 wd exactly at Sat 00:00 WIB -> end of Sat', '2026-08-07T17:00:00.000Z', 0, 'working_days', WIB, '2026-08-08T17:00:00.000Z'],

    // The local-midnight boundary decides which day is the submission day.
    ['1 wd from Thu 23:59:59.999 WIB -> end of Fri', '2026-08-06T16:59:59.999Z', 1, 'working_days', WIB, '2026-08-07T17:00:00.000Z'],
    ['1 wd from Fri 00:00 WIB -> end of Mon', '2026-08-06T17:00:00.000Z', 1, 'working_days', WIB, '2026-08-10T17:00:00.000Z'],

    // Same instant, different regions: Fri 23:30 WIB = Sat 00:30 WITA = Sat 01:30 WIT.
    ['Fri 23:30 WIB, 0 wd -> end of Fri WIB', '2026-08-07T16:30:00.000Z', 0, 'working_days', WIB, '2026-08-07T17:00:00.000Z'],
    ['Sat 01:30 WIT, 0 wd -> end of Sat WIT', '2026-08-07T16:30:00.000Z', 0, 'working_days', WIT, '2026-08-08T15:00:00.000Z'],
    ['Fri 23:30 WIB, 1 wd -> end of Mon WIB', '2026-08-07T16:30:00.000Z', 1, 'working_days', WIB, '2026-08-10T17:00:00.000Z'],
    ['Sat 01:30 WIT, 1 wd -> end of Mon WIT', '2026-08-07T16:30:00.000Z', 1, 'working_days', WIT, '2026-08-10T15:00:00.000Z'],
    // Thu 23:30 WIB = Fri 00:30 WITA = Fri 01:30 WIT: the regions count from different days.
    ['Thu 23:30 WIB, 1 wd -> end of Fri WIB', '2026-08-06T16:30:00.000Z', 1, 'working_days', WIB, '2026-08-07T17:00:00.000Z'],
    ['Fri 00:30 WITA, 1 wd -> end of Mon WITA', '2026-08-06T16:30:00.000Z', 1, 'working_days', WITA, '2026-08-10T16:00:00.000Z'],
    ['Fri 01:30 WIT, 1 wd -> end of Mon WIT', '2026-08-06T16:30:00.000Z', 1, 'working_days', WIT, '2026-08-10T15:00:00.000Z'],

    // Six-day week: Saturday counts.
    ['1 wd from Fri in a six-day week -> end of Sat', '2026-08-07T03:00:00.000Z', 1, 'working_days', WIB_SIX_DAY, '2026-08-08T17:00:00.000Z'],
  ] as const)('%s', (_label, start, amount, unit, cal, expected) => {
    expect(addSla(new Date(start), amount, unit, cal).toISOString()).toBe(expected);
  });

  it.each([
    [-1, 'hours'],
    [1.5, 'hours'],
    [-1, 'working_days'],
    [0.5, 'working_days'],
    [Number.NaN, 'working_days'],
    [Number.POSITIVE_INFINITY, 'hours'],
  ] as const)('rejects amount %s (%s) with RangeError', (amount, unit) => {
    expect(() => addSla(new Date('2026-08-07T03:00:00.000Z'), amount, unit, WIB)).toThrow(RangeError);
  });

  it('rejects an invalid start date', () => {
    expect(() => addSla(new Date('not a date'), 1, 'hours', WIB)).toThrow(RangeError);
  });

  it('rejects a calendar without working weekdays instead of looping forever', () => {
    const cal: WorkCalendar = { utcOffsetMinutes: 420, holidays: none, workingWeekdays: new Set() };
    expect(() => addSla(new Date('2026-08-07T03:00:00.000Z'), 1, 'working_days', cal)).toThrow(RangeError);
  });
});

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

describe('timeLeftMs', () => {
  const due = new Date('2026-08-10T17:00:00.000Z');
  it.each([
    ['one hour before', '2026-08-10T16:00:00.000Z', 3_600_000],
    ['exactly at the deadline', '2026-08-10T17:00:00.000Z', 0],
    ['one second overdue', '2026-08-10T17:00:01.000Z', -1_000],
    ['one day overdue', '2026-08-11T17:00:00.000Z', -86_400_000],
  ] as const)('%s -> %d', (_label, now, expected) => {
    expect(timeLeftMs(due, new Date(now))).toBe(expected);
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
