// Units' digital adoption, e-SAKIP's part: of the units' reports whose
// reporting period's due time falls in the period, those submitted before
// it, on the leader's ranking. Records are written for years the demo has no
// reporting of (2019, 2020), so the counts are exact.
import { beforeAll, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { describeWithApp } from '../../../test/harness.js';
import { units } from '../../platform/schema.js';
import { startOfLocalDate } from '../../platform/calendar/calendar.js';
import { sakipReportingPeriods, sakipUnitReports } from './schema.js';
import { sakipAdoption } from './service/adoption.js';

const REF = 'sakip.reports-on-time';
const WIB = { utcOffsetMinutes: 420 };
const year = (y: number) => ({ kind: 'year' as const, year: y, fromMonth: `${y}-01`, toMonth: `${y}-12` });
const month = (m: string) => ({ kind: 'month' as const, year: Number(m.slice(0, 4)), fromMonth: m, toMonth: m });
/** The due time of a last day: the first instant after it, in WIB. */
const endOf = (localDate: string) => new Date(startOfLocalDate(localDate, WIB).getTime() + 86_400_000);
const at = (localDate: string, hour: number) => new Date(startOfLocalDate(localDate, WIB).getTime() + hour * 3_600_000);

describeWithApp('e-SAKIP: reports submitted on time, on the units\' adoption ranking', (h) => {
  const unit: string[] = [];
  const [measure] = sakipAdoption;
  const byUnit = (rows: { unitId: string }[]) => [...rows].sort((a, b) => unit.indexOf(a.unitId) - unit.indexOf(b.unitId));
  const open = async (regionCode: string, period: string, dueAt: Date, reports: [string, Date | null][]) => {
    const db = h.ctx.database.db;
    await db.insert(sakipReportingPeriods).values({ regionCode, period, year: Number(period.slice(0, 4)), status: 'open', dueAt, openedAt: h.clock.now(), openedByLabel: 'uji adopsi' });
    await db.insert(sakipUnitReports).values(reports.map(([unitId, submittedAt]) => ({ regionCode, period, unitId, submittedAt, submittedByLabel: submittedAt ? 'perencana' : null })));
  };

  beforeAll(async () => {
    const db = h.ctx.database.db;
    unit.push(...(await db.select({ id: units.id }).from(units).where(eq(units.regionCode, '32.11')).orderBy(asc(units.code)).limit(3)).map((u) => u.id));
    const [a, b, c] = unit;
    await open('32.11', '2019-01', endOf('2019-02-08'), [[a, at('2019-02-07', 10)], [b, endOf('2019-02-08')]]); // b exactly at the due time: late
    await open('32.11', '2019-Q1', endOf('2019-04-15'), [[a, null], [b, at('2019-04-15', 23)]]); // a never reported
    await open('32.11', '2019-Q4', endOf('2019-12-31'), [[b, at('2019-12-31', 23)]]); // due at the very end of 2019
    await open('32.11', '2019-12', endOf('2020-01-10'), [[c, at('2020-01-09', 9)]]); // due in 2020
    // Another region's reports, of the same unit ids, all on time: never counted here.
    await open('32.04', '2019-01', endOf('2019-02-08'), [[a, at('2019-02-01', 9)], [b, at('2019-02-01', 9)], [c, at('2019-02-01', 9)]]);
  });

  it('counts the reports due in the period and those submitted before their due time, only the region\'s own', async () => {
    expect(byUnit(await measure.read(h.ctx, '32.11', year(2019)))).toEqual([
      { unitId: unit[0], done: 1, total: 2 },
      { unitId: unit[1], done: 2, total: 3 },
    ]);
    expect(await measure.read(h.ctx, '32.11', year(2020))).toEqual([{ unitId: unit[2], done: 1, total: 1 }]);
    expect(byUnit(await measure.read(h.ctx, '32.11', month('2019-02')))).toEqual([
      { unitId: unit[0], done: 1, total: 1 },
      { unitId: unit[1], done: 0, total: 1 },
    ]);

    const head = await h.signIn('bupati@sumedang.demo');
    const page = (await h.api('GET', '/api/regions/32.11/pimpinan/adopsi?year=2019', { session: head })).body as any;
    expect(page.measures.find((m: any) => m.ref === REF)).toMatchObject({ method: { id: expect.stringContaining('batas waktu'), en: expect.stringContaining('due time') } });
    const row = (id: string) => page.units.find((u: any) => u.unitId === id);
    expect(row(unit[0]).measures[REF]).toEqual({ done: 1, total: 2, percent: 50 });
    expect(row(unit[1]).measures[REF]).toEqual({ done: 2, total: 3, percent: 66.7 });
    expect(row(unit[2]).measures[REF]).toBeUndefined();
  });

  it('leaves out a report not yet due until it is submitted or its due time passes', async () => {
    const [a, b] = unit;
    const december = month('2026-12');
    const before = await measure.read(h.ctx, '32.11', december);
    const of = (rows: { unitId: string; done: number; total: number }[], id: string) => rows.find((r) => r.unitId === id) ?? { done: 0, total: 0 };
    expect(h.clock.now() < endOf('2026-12-08')).toBe(true);
    await open('32.11', '2026-11', endOf('2026-12-08'), [[a, null], [b, h.clock.now()]]);
    const now = await measure.read(h.ctx, '32.11', december);
    expect([of(now, a).done - of(before, a).done, of(now, a).total - of(before, a).total]).toEqual([0, 0]);
    expect([of(now, b).done - of(before, b).done, of(now, b).total - of(before, b).total]).toEqual([1, 1]);
    h.clock.advance(endOf('2026-12-08').getTime() - h.clock.now().getTime());
    const due = await measure.read(h.ctx, '32.11', december);
    expect([of(due, a).done - of(before, a).done, of(due, a).total - of(before, a).total]).toEqual([0, 1]);
  });
});
