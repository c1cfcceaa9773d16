// The dashboard's pure math, with hand-computed values.
import { describe, expect, it } from 'vitest';
import {
  ALL_DISTRICTS, NO_UNIT, contribution, localMonth, metrics, monthLabel, monthStart, monthsOf, resolvePeriod, statsChanges,
  type ComplaintFacts,
} from './dashboard.js';
import { BUCKET_MINUTES, quantile } from './times.js';
import { reportCsv } from './report-csv.js';
import { csvDialect } from '../../../platform/csv.js';

const H = 3_600_000;
/** A histogram with `counts` at the given bucket indexes. */
const hist = (counts: Record<number, number>) => BUCKET_MINUTES.map((_, i) => counts[i] ?? 0);

describe('reporting period', () => {
  it.each([
    [{}, { from: '2026-01', to: '2026-12' }],
    [{ from: '2025-03' }, { from: '2025-03', to: '2025-12' }],
    [{ to: '2024-06' }, { from: '2024-01', to: '2024-06' }],
    [{ from: '2021-01', to: '2025-12' }, { from: '2021-01', to: '2025-12' }], // exactly five years
    [{ from: '2026-04', to: '2026-04' }, { from: '2026-04', to: '2026-04' }],
  ])('resolves %j', (q, expected) => {
    expect(resolvePeriod(q, 2026)).toEqual(expected);
  });

  it.each([
    [{ from: '2026-05', to: '2026-04' }],
    [{ from: '2021-01', to: '2026-01' }], // 61 months
  ])('refuses %j', (q) => {
    expect(resolvePeriod(q, 2026)).toBeNull();
  });

  it('lists the months across a year end', () => {
    expect(monthsOf({ from: '2025-11', to: '2026-02' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('starts a local month at local midnight', () => {
    expect(monthStart('2026-01', 420).toISOString()).toBe('2025-12-31T17:00:00.000Z'); // WIB
    expect(monthStart('2026-03', 540).toISOString()).toBe('2026-02-28T15:00:00.000Z'); // WIT
  });

  it('puts an instant in the local month, not the UTC one', () => {
    expect(localMonth(new Date('2026-11-30T16:59:59Z'), 420)).toBe('2026-11');
    expect(localMonth(new Date('2026-11-30T17:00:00Z'), 420)).toBe('2026-12'); // 00:00 WIB 1 December
    expect(localMonth(new Date('2026-11-30T15:30:00Z'), 540)).toBe('2026-12'); // 00:30 WIT
  });

  it('names months in Indonesian and English', () => {
    expect(monthLabel('2026-08')).toEqual({ id: 'Agustus 2026', en: 'August 2026' });
  });
});

describe('a complaint\'s contribution to the summary', () => {
  const t0 = new Date('2026-11-02T02:00:00Z');
  const submitted: ComplaintFacts = {
    regionCode: '32.11', categoryId: 'cat-1', unitId: null, districtCode: '32.11.01', status: 'submitted',
    submittedAt: t0, firstResponseAt: null, resolvedAt: null, firstResponseInTime: null, resolvedInTime: null,
  };
  const unit = 'aaaaaaaa-0000-0000-0000-000000000001';
  const dispatched = { ...submitted, unitId: unit, status: 'dispatched' };

  it('counts a new complaint as received and open, under no unit, in its local month, in its district and in the roll-up', () => {
    const changes = statsChanges(null, submitted);
    expect(changes.map((c) => c.key)).toEqual([
      { regionCode: '32.11', month: '2026-11-01', categoryId: 'cat-1', unitId: NO_UNIT, districtCode: ALL_DISTRICTS },
      { regionCode: '32.11', month: '2026-11-01', categoryId: 'cat-1', unitId: NO_UNIT, districtCode: '32.11.01' },
    ]);
    for (const change of changes) expect(change.tally).toMatchObject({ received: 1, open: 1, resolved: 0, responded: 0 });
  });

  it('moves the counts from "no unit" to the unit on dispatch', () => {
    const changes = statsChanges(submitted, dispatched);
    expect(changes.map((c) => [c.key.unitId, c.key.districtCode, c.tally.received, c.tally.open])).toEqual([
      [NO_UNIT, ALL_DISTRICTS, -1, -1], [NO_UNIT, '32.11.01', -1, -1], [unit, ALL_DISTRICTS, 1, 1], [unit, '32.11.01', 1, 1],
    ]);
  });

  it('leaves the roll-up alone when only the district changes', () => {
    const changes = statsChanges(submitted, { ...submitted, districtCode: '32.11.02' });
    expect(changes.map((c) => [c.key.districtCode, c.tally.received])).toEqual([['32.11.01', -1], ['32.11.02', 1]]);
  });

  it('writes nothing when nothing the summary holds changed', () => {
    expect(statsChanges(dispatched, { ...dispatched, status: 'in_progress' })).toEqual([]);
  });

  it('adds the response and resolution times to their buckets', () => {
    const resolved = {
      ...dispatched, status: 'resolved', firstResponseAt: new Date(t0.getTime() + 30 * H), firstResponseInTime: true,
      resolvedAt: new Date(t0.getTime() + 80 * H), resolvedInTime: false,
    };
    const [change] = statsChanges(dispatched, resolved);
    expect(change.tally).toMatchObject({ received: 0, open: -1, resolved: 1, responded: 1, respondedInTime: 1, resolvedInTime: 0 });
    expect(change.tally.responseTimes).toEqual(hist({ 9: 1 })); // 24-36 h
    expect(change.tally.resolutionTimes).toEqual(hist({ 12: 1 })); // 72-96 h
    // Reopening takes the resolution back out; the first response stays.
    const [back] = statsChanges(resolved, { ...resolved, status: 'dispatched', resolvedAt: null, resolvedInTime: null });
    expect(back.tally).toMatchObject({ open: 1, resolved: -1, responded: 0 });
    expect(back.tally.resolutionTimes).toEqual(hist({ 12: -1 }));
  });

  it('puts a 2-minute answer under 5 minutes', () => {
    const answered = { ...dispatched, firstResponseAt: new Date(t0.getTime() + 2 * 60_000), firstResponseInTime: true };
    const { tally } = contribution(answered);
    expect(tally.responseTimes).toEqual(hist({ 0: 1 }));
    expect(metrics(tally, 0).responseTimeMedian).toEqual({ fromMinutes: 0, toMinutes: 5, minutes: 2.5 });
  });

  it('derives compliance and percentiles from a tally', () => {
    const { tally } = contribution(submitted);
    const m = metrics({ ...tally, received: 3, open: 0, responded: 3, respondedInTime: 2, resolved: 3, resolvedInTime: 3, responseTimes: hist({ 0: 2, 1: 1 }) }, 1);
    expect(m).toMatchObject({
      received: 3, responseCompliancePct: 66.7, resolutionCompliancePct: 100,
      responseTimeMedian: { fromMinutes: 0, toMinutes: 5, minutes: 3.8 }, responseTimeP90: { fromMinutes: 5, toMinutes: 15, minutes: 12 },
      resolutionTimeMedian: null, backlog: 0, overdue: 1,
    });
  });
});

describe('CSV', () => {
  const zero = metrics(contribution({
    regionCode: '32.11', categoryId: 'c', unitId: null, districtCode: null, status: 'rejected', submittedAt: new Date(0),
    firstResponseAt: null, resolvedAt: null, firstResponseInTime: null, resolvedInTime: null,
  }).tally, 0);
  // Times as the screen says them: the bucket, not a made-up exact figure.
  const timed = { ...zero, responseTimeMedian: quantile(hist({ 0: 3 }), 0.5), resolutionTimeP90: quantile(hist({ 16: 1 }), 0.9) };
  const report = {
    period: { from: '2026-01', to: '2026-12', timezone: 'WIB' }, by: 'unit' as const, totals: timed,
    rows: [{ key: 'u', label: { id: '=HYPERLINK("x"), "Dinas"', en: 'Unit, "quoted"' }, ...zero }],
  };

  it('quotes, defuses formulas and ends with the total, for Excel in Indonesian', () => {
    const file = reportCsv(report, 'id', csvDialect('id', 'Asia/Jakarta'));
    expect(file.startsWith('\uFEFF')).toBe(true);
    const lines = file.slice(1).split('\r\n');
    expect(lines[0]).toBe('Perangkat daerah;Diterima;Ditanggapi;Ditanggapi tepat waktu;Kepatuhan tanggapan (%);Selesai;Selesai tepat waktu;'
      + 'Kepatuhan penyelesaian (%);Median waktu tanggapan (perkiraan);Persentil 90 waktu tanggapan (perkiraan);Median waktu penyelesaian (perkiraan);'
      + 'Persentil 90 waktu penyelesaian (perkiraan);Ditolak;Digabung;Dialihkan;Belum selesai;Lewat batas waktu');
    expect(lines[1]).toBe(`"'=HYPERLINK(""x""), ""Dinas""";1;0;0;;0;0;;;;;;1;0;0;0;0`);
    expect(lines[2]).toBe('Jumlah;1;0;0;;0;0;;< 5 menit;;;> 30 hari;1;0;0;0;0');
    expect(lines[3]).toBe('');
  });

  it('speaks English when asked', () => {
    const lines = reportCsv(report, 'en', csvDialect('en', 'Asia/Jakarta')).slice(1).split('\r\n');
    expect(lines[0].startsWith('Unit,Received,Responded,Responded in time,Response compliance (%)')).toBe(true);
    expect(lines[1].startsWith('"Unit, ""quoted""",1,')).toBe(true);
    expect(lines[2]).toBe('Total,1,0,0,,0,0,,< 5 min,,,> 30 days,1,0,0,0,0');
  });
});
