import { describe, it, expect } from 'vitest';
import { addDuration, addWorkingTime, indonesianDate, isWorkingDay, localDateOf, startOfLocalDate, timeLeftMs, workingTimeBetween, type WorkCalendar } from './calendar.js';

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

describe('startOfLocalDate', () => {
  it.each([
    ['2026-01-01', 'WIB', WIB, '2025-12-31T17:00:00.000Z'],
    ['2026-01-01', 'WITA', WITA, '2025-12-31T16:00:00.000Z'],
    ['2026-01-01', 'WIT', WIT, '2025-12-31T15:00:00.000Z'],
    ['2028-02-29', 'WIB', WIB, '2028-02-28T17:00:00.000Z'],
  ] as const)('%s begins in %s at %s', (date, _name, cal, expected) => {
    expect(startOfLocalDate(date, cal).toISOString()).toBe(expected);
    // And that instant is that local date, its previous millisecond the day before.
    expect(localDateOf(startOfLocalDate(date, cal), cal)).toBe(date);
    expect(localDateOf(new Date(startOfLocalDate(date, cal).getTime() - 1), cal)).not.toBe(date);
  });

  it('refuses a date that is not on the calendar', () => {
    expect(() => startOfLocalDate('2026-02-30', WIB)).toThrow(RangeError);
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

describe('addDuration', () => {
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
    expect(addDuration(new Date(start), amount, unit, cal).toISOString()).toBe(expected);
  });

  it.each([
    [-1, 'hours'],
    [1.5, 'hours'],
    [-1, 'working_days'],
    [0.5, 'working_days'],
    [Number.NaN, 'working_days'],
    [Number.POSITIVE_INFINITY, 'hours'],
  ] as const)('rejects amount %s (%s) with RangeError', (amount, unit) => {
    expect(() => addDuration(new Date('2026-08-07T03:00:00.000Z'), amount, unit, WIB)).toThrow(RangeError);
  });

  it('rejects an invalid start date', () => {
    expect(() => addDuration(new Date('not a date'), 1, 'hours', WIB)).toThrow(RangeError);
  });

  it('rejects a calendar without working weekdays instead of looping forever', () => {
    const cal: WorkCalendar = { utcOffsetMinutes: 420, holidays: none, workingWeekdays: new Set() };
    expect(() => addDuration(new Date('2026-08-07T03:00:00.000Z'), 1, 'working_days', cal)).toThrow(RangeError);
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


describe('workingTimeBetween and addWorkingTime', () => {
  const H = 3_600_000;
  it.each([
    // label, from, to, calendar, working ms
    ['Fri 12:00 to Mon 12:00 WIB: half of Fri and half of Mon', '2026-08-07T05:00:00.000Z', '2026-08-10T05:00:00.000Z', WIB, 24 * H],
    ['within one working day', '2026-08-10T02:00:00.000Z', '2026-08-10T05:00:00.000Z', WIB, 3 * H],
    ['a whole weekend counts nothing', '2026-08-07T17:00:00.000Z', '2026-08-09T17:00:00.000Z', WIB, 0],
    ['HUT RI is skipped: Fri 00:00 to Tue 00:00 WIB is Fri only', '2026-08-13T17:00:00.000Z', '2026-08-17T17:00:00.000Z', WIB_HUT_RI, 24 * H],
    ['the same span without the holiday: Fri and Mon', '2026-08-13T17:00:00.000Z', '2026-08-17T17:00:00.000Z', WIB, 48 * H],
    ['Saturday counts in a six-day week', '2026-08-07T17:00:00.000Z', '2026-08-08T17:00:00.000Z', WIB_SIX_DAY, 24 * H],
    ['backwards is nothing', '2026-08-10T05:00:00.000Z', '2026-08-07T05:00:00.000Z', WIB, 0],
  ] as const)('%s', (_label, from, to, cal, expected) => {
    expect(workingTimeBetween(new Date(from), new Date(to), cal)).toBe(expected);
  });

  it.each([
    // label, from, ms, calendar, expected
    ['12 h from Fri 12:00 WIB runs into Monday', '2026-08-07T05:00:00.000Z', 24 * H, WIB, '2026-08-10T05:00:00.000Z'],
    ['from a Saturday, counting starts on Monday', '2026-08-08T05:00:00.000Z', 3 * H, WIB, '2026-08-09T20:00:00.000Z'],
    ['a whole working day from end of Fri skips to end of Mon', '2026-08-07T17:00:00.000Z', 24 * H, WIB, '2026-08-10T17:00:00.000Z'],
    ['and over HUT RI to end of Tue', '2026-08-14T17:00:00.000Z', 24 * H, WIB_HUT_RI, '2026-08-18T17:00:00.000Z'],
    ['zero is the same instant, even on a Sunday', '2026-08-09T05:00:00.000Z', 0, WIB, '2026-08-09T05:00:00.000Z'],
  ] as const)('%s', (_label, from, ms, cal, expected) => {
    expect(addWorkingTime(new Date(from), ms, cal).toISOString()).toBe(expected);
  });

  it('adding the working time of a span back to its start lands on its end, when the end is in working time', () => {
    const from = new Date('2026-08-06T03:00:00.000Z'); // Thu 10:00 WIB
    const to = new Date('2026-08-18T08:30:00.000Z'); // Tue 15:30 WIB, after HUT RI
    expect(addWorkingTime(from, workingTimeBetween(from, to, WIB_HUT_RI), WIB_HUT_RI).toISOString()).toBe(to.toISOString());
  });

  it('rejects a negative duration and a calendar without working weekdays', () => {
    expect(() => addWorkingTime(new Date('2026-08-07T03:00:00.000Z'), -1, WIB)).toThrow(RangeError);
    expect(() => addWorkingTime(new Date('2026-08-07T03:00:00.000Z'), H, { ...WIB, workingWeekdays: new Set() })).toThrow(RangeError);
  });
});

describe('indonesianDate', () => {
  it('writes a local date with the Indonesian month name, as letters do', () => {
    expect(indonesianDate('2026-12-06')).toBe('6 Desember 2026');
    expect(indonesianDate('2027-01-31')).toBe('31 Januari 2027');
    expect(indonesianDate('2028-02-29')).toBe('29 Februari 2028');
  });
});
