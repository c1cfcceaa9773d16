// Units' digital adoption, public services' part: of a unit's applications
// decided in the period (approved, refused, or deemed granted when the
// decision deadline lapsed), those an officer decided in Pamong before they
// became fiktif positif, on the leader's ranking. Records are written for
// years the demo has no applications of (2019, 2020), so the counts are exact.
import { beforeAll, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { describeWithApp } from '../../../test/harness.js';
import { units } from '../../platform/schema.js';
import { startOfLocalDate } from '../../platform/calendar/calendar.js';
import { layananApplications } from './schema.js';
import { layananAdoption } from './service/adoption.js';

const REF = 'layanan.decided-in-pamong';
const WIB = { utcOffsetMinutes: 420 };
const year = (y: number) => ({ kind: 'year' as const, year: y, fromMonth: `${y}-01`, toMonth: `${y}-12` });
const at = (localDate: string, hour = 10) => new Date(startOfLocalDate(localDate, WIB).getTime() + hour * 3_600_000);

interface Made { unit: string; filed: string; decision?: 'approved' | 'refused'; decided?: Date; deemed?: Date; status?: string }

describeWithApp('Public services: applications decided in Pamong, on the units\' adoption ranking', (h) => {
  const unit: string[] = [];
  const [measure] = layananAdoption;
  const byUnit = (rows: { unitId: string }[]) => [...rows].sort((a, b) => unit.indexOf(a.unitId) - unit.indexOf(b.unitId));

  beforeAll(async () => {
    const db = h.ctx.database.db;
    unit.push(...(await db.select({ id: units.id }).from(units).where(eq(units.regionCode, '32.11')).orderBy(asc(units.code)).limit(3)).map((u) => u.id));
    const [a, b, c] = unit;
    let n = 0;
    const file = (regionCode: string, apps: Made[]) => db.insert(layananApplications).values(apps.map((x) => ({
      regionCode, registrationNo: `UJI-ADOPSI-${++n}`, serviceId: crypto.randomUUID(), version: 1, unitId: x.unit, channel: 'web', applicantName: 'Pemohon Uji', answers: {},
      status: (x.status ?? (x.decision === 'refused' ? 'refused' : x.decision ? 'finished' : 'in_process')) as any, stage: null, decision: x.decision ?? null,
      filedAt: at(x.filed), decidedAt: x.decided ?? null, fiktifPositifAt: x.deemed ?? null, updatedAt: h.clock.now(), filedByLabel: 'pemohon',
    })));
    await file('32.11', [
      { unit: a, filed: '2019-02-20', decision: 'approved', decided: at('2019-03-01') },
      { unit: a, filed: '2019-04-20', decision: 'refused', decided: at('2019-05-01') },
      { unit: a, filed: '2018-12-20', decision: 'approved', decided: at('2019-01-03') }, // filed the year before: counted when decided
      { unit: a, filed: '2019-05-20', deemed: at('2019-06-01', 0) }, // deemed granted, never decided
      { unit: a, filed: '2019-06-20', deemed: at('2019-07-01', 0), decision: 'approved', decided: at('2019-07-05') }, // decided after it was deemed granted
      { unit: b, filed: '2019-12-10', decision: 'approved', decided: at('2019-12-31', 23) },
      { unit: b, filed: '2019-12-12', deemed: at('2020-01-01', 0.5) }, // deemed granted in 2020
      { unit: b, filed: '2019-12-20' }, // still undecided
      { unit: c, filed: '2019-11-20', decision: 'approved', decided: at('2020-02-03') },
      { unit: c, filed: '2019-10-20', status: 'withdrawn' },
    ]);
    // Another region's applications, with the same unit ids: never counted here.
    await file('32.04', [
      { unit: a, filed: '2019-02-20', decision: 'approved', decided: at('2019-03-01') },
      { unit: b, filed: '2019-02-20', deemed: at('2019-03-01') },
      { unit: c, filed: '2019-02-20', decision: 'refused', decided: at('2019-03-01') },
    ]);
  });

  it('counts the applications decided or deemed granted in the period, and those an officer decided first, only the region\'s own', async () => {
    expect(byUnit(await measure.read(h.ctx, '32.11', year(2019)))).toEqual([
      { unitId: unit[0], done: 3, total: 5 },
      { unitId: unit[1], done: 1, total: 1 },
    ]);
    expect(byUnit(await measure.read(h.ctx, '32.11', year(2020)))).toEqual([
      { unitId: unit[1], done: 0, total: 1 },
      { unitId: unit[2], done: 1, total: 1 },
    ]);
    // A quarter: only what was decided in it.
    expect(await measure.read(h.ctx, '32.11', { kind: 'quarter', year: 2019, fromMonth: '2019-07', toMonth: '2019-09' })).toEqual([{ unitId: unit[0], done: 0, total: 1 }]);

    const head = await h.signIn('bupati@sumedang.demo');
    const page = (await h.api('GET', '/api/regions/32.11/pimpinan/adopsi?year=2019', { session: head })).body as any;
    expect(page.measures.find((m: any) => m.ref === REF)).toMatchObject({ method: { id: expect.stringContaining('fiktif positif'), en: expect.stringContaining('deemed granted') } });
    const row = (id: string) => page.units.find((u: any) => u.unitId === id);
    expect(row(unit[0]).measures[REF]).toEqual({ done: 3, total: 5, percent: 60 });
    expect(row(unit[1]).measures[REF]).toEqual({ done: 1, total: 1, percent: 100 });
    expect(row(unit[2]).measures[REF]).toBeUndefined();
  });
});
