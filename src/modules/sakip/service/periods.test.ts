// Reporting periods: parsing, when each begins and ends in a region's time, a year's
// periods in order, and which periods contain which (what closing a period locks).
import { describe, expect, it } from 'vitest';
import { isWithin, parsePeriod, periodAndContainers, periodEnd, periodStart, periodsOfYear, periodsToRead, quarterMonths } from './periods.js';

describe('reporting periods', () => {
  it.each([
    ['2026', { year: 2026, kind: 'year', index: 0 }],
    ['2026-Q1', { year: 2026, kind: 'quarter', index: 1 }],
    ['2026-Q4', { year: 2026, kind: 'quarter', index: 4 }],
    ['2026-03', { year: 2026, kind: 'month', index: 3 }],
    ['2026-12', { year: 2026, kind: 'month', index: 12 }],
  ])('reads %s', (period, expected) => expect(parsePeriod(period)).toEqual(expected));

  it.each(['2026-Q0', '2026-Q5', '2026-00', '2026-13', '2026-1', '26', '2026-q1', '2026-W01', ''])('refuses %j', (period) => {
    expect(() => parsePeriod(period)).toThrow(RangeError);
  });

  it('begins at local midnight of its first day (WIB is UTC+7, WIT UTC+9)', () => {
    expect(periodStart(parsePeriod('2026-Q4'), 420).toISOString()).toBe('2026-09-30T17:00:00.000Z');
    expect(periodStart(parsePeriod('2026-03'), 540).toISOString()).toBe('2026-02-28T15:00:00.000Z');
    expect(periodStart(parsePeriod('2027'), 420).toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });

  it('lists a year\'s periods of one kind in order', () => {
    expect(periodsOfYear('year', 2026)).toEqual(['2026']);
    expect(periodsOfYear('quarter', 2026)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periodsOfYear('month', 2026)).toHaveLength(12);
    expect(periodsOfYear('month', 2026).slice(8, 10)).toEqual(['2026-09', '2026-10']);
  });

  it('knows the months a quarter is made of, each lying within it', () => {
    expect(quarterMonths('2026-Q1')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(quarterMonths('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(periodsOfYear('quarter', 2026).flatMap(quarterMonths)).toEqual(periodsOfYear('month', 2026));
    expect(quarterMonths('2026-Q3').every((m) => isWithin(m, '2026-Q3'))).toBe(true);
    expect([quarterMonths('2026-05'), quarterMonths('2026')]).toEqual([[], []]);
  });

  it('ends at local midnight after its last day', () => {
    expect(periodEnd(parsePeriod('2026-Q1'), 420).toISOString()).toBe('2026-03-31T17:00:00.000Z');
    expect(periodEnd(parsePeriod('2026-02'), 480).toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(periodEnd(parsePeriod('2026'), 420).toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(periodEnd(parsePeriod('2026-Q4'), 420)).toEqual(periodStart(parsePeriod('2027'), 420));
  });

  it('knows the periods containing a period: a month lies in its quarter and year, a quarter in its year', () => {
    expect(periodAndContainers('2026-03')).toEqual(['2026-03', '2026-Q1', '2026']);
    expect(periodAndContainers('2026-10')).toEqual(['2026-10', '2026-Q4', '2026']);
    expect(periodAndContainers('2026-Q2')).toEqual(['2026-Q2', '2026']);
    expect(periodAndContainers('2026')).toEqual(['2026']);
    expect([isWithin('2026-03', '2026-Q1'), isWithin('2026-04', '2026-Q1'), isWithin('2026-Q1', '2026-03'), isWithin('2026', '2026-Q1'), isWithin('2026-Q1', '2025')])
      .toEqual([true, false, false, false, false]);
  });

  it('reads a measure for the open periods it measures, or for their year when it measures years only', () => {
    const open = ['2026-Q3', '2025', '2026-10', '2026-Q4'];
    expect(periodsToRead(open, ['year', 'quarter', 'month'])).toEqual(['2025', '2026-Q3', '2026-10', '2026-Q4']);
    // The yearly SPBE index: the year of each open period, once.
    expect(periodsToRead(open, ['year'])).toEqual(['2025', '2026']);
    // A measure of quarters only has nothing for an open month or year.
    expect(periodsToRead(open, ['quarter'])).toEqual(['2026-Q3', '2026-Q4']);
  });
});
