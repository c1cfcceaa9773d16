// The module's dashboard tiles and its SKM measure (issue 12): one request
// for the tiles computes the year's service account once, though two tiles
// show it; the SKM tile and measure are summed in the database, and the index
// they give for 25 forms is the one worked out by hand below (and the same as
// the staff results page, which counts the forms in Node).
import { expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describeWithApp, type Harness } from '../../../test/harness.js';
import { layananMeasures } from './service/tiles.js';
import { skmOverall, skmResults } from './service/skm.js';
import { currentSkmInstrument } from './service/skm-instrument.js';
import { storedAnswers } from './domain/skm.js';
import { layananSkmResponses } from './schema.js';
import { readAttention } from '../../platform/modules/tiles.js';
import { actorByEmail, tilesOf } from '../../../test/support/leader.js';

/** How many services' accounts (transparency.ts accountBetween, the one query with a median) are read while `run` runs. */
async function accountsRead(h: Harness, run: () => Promise<unknown>): Promise<number> {
  const database = h.ctx.database;
  const rows = database.rows;
  const dialect = new PgDialect();
  let read = 0;
  database.rows = ((q: SQL, tx?: Parameters<typeof rows>[1]) => {
    if (dialect.sqlToQuery(q).sql.includes('percentile_cont(0.5)')) read++;
    return rows(q, tx);
  }) as typeof rows;
  try {
    await run();
  } finally {
    database.rows = rows;
  }
  return read;
}

const REGION = '32.11';
const WIB = { code: REGION, utcOffsetMinutes: 420 };

describeWithApp('Public-service tiles', (h) => {
  it('computes the year\'s account once for the whole dashboard, though two tiles show it', async () => {
    const head = await h.signIn('bupati@sumedang.demo');
    let tiles: any[] = [];
    expect(await accountsRead(h, async () => (tiles = (await h.api('GET', `/api/regions/${REGION}/tiles`, { session: head })).body))).toBe(1);
    const shown = new Map(tiles.filter((t) => t.module === 'layanan').map((t) => [t.key, t]));
    expect(shown.get('decided-on-time').value).not.toBeNull();
    expect(shown.get('fiktif-positif').value).toBeGreaterThan(0);
    // The next request computes afresh (nothing kept between requests).
    expect(await accountsRead(h, () => h.api('GET', `/api/regions/${REGION}/tiles`, { session: head }))).toBe(1);
  });

  it('sums the SKM in the database to the index worked out by hand', async () => {
    const skm = layananMeasures.find((m) => m.key === 'skm')!;
    const q1 = { kind: 'quarter' as const, year: 2019, fromMonth: '2019-01', toMonth: '2019-03' };
    expect(await skm.read(h.ctx, REGION, q1)).toBeNull();
    const [service] = await h.ctx.database.rows<{ id: string; unit_id: string }>(sql`select id, unit_id from layanan_services where region_code = ${REGION} and version > 0 order by slug limit 1`);
    const instrument = currentSkmInstrument();
    expect(instrument.elements).toHaveLength(9);
    // 25 forms. U1–U8: 15 answer 4 and 10 answer 3, NRR (60 + 30) / 25 = 3.6. U9: 10 answer 4, 10 answer 2, 5 leave it empty, NRR 60 / 20 = 3.
    // IKM = (8 × 3.6 + 3) / 9 = 3.5333…; × 25 = 88.333… → 88.33, band A (88.31–100).
    const forms = Array.from({ length: 25 }, (_, k) => [...Array(8).fill(k < 15 ? 4 : 3), k < 10 ? 4 : k < 20 ? 2 : null]);
    await h.ctx.database.db.insert(layananSkmResponses).values(forms.map((answers, k) => ({
      regionCode: REGION, serviceId: service.id, unitId: service.unit_id, serviceDate: `2019-0${1 + (k % 3)}-15`, instrumentVersion: instrument.version,
      answers: storedAnswers(instrument, answers), channel: 'paper', enteredAt: h.clock.now(), enteredByLabel: 'uji agregat',
    })));
    const overall = await skmOverall(h.ctx, REGION, '2019-Q1');
    expect(overall).toMatchObject({ respondents: 25, converted: 88.33, band: { grade: 'A' } });
    expect(overall.elements.map((e) => [e.answered, e.nrr])).toEqual([...Array(8).fill([25, 3.6]), [20, 3]]);
    expect(await skm.read(h.ctx, REGION, q1)).toBe('88.33');
    // The staff page, which reads every form, says the same.
    const page = (await skmResults(h.ctx, WIB, { period: '2019-Q1' })).overall;
    expect([page.respondents, page.converted, page.band]).toEqual([overall.respondents, overall.converted, overall.band]);
    // They are this region's forms only.
    expect((await skmOverall(h.ctx, '32.04', '2019-Q1')).respondents).toBe(0);
  });

  it('names the trend of decisions on time and of the SKM, and counts any deemed grant against its goal of zero', async () => {
    const shown = await tilesOf(h, await h.signIn('bupati@sumedang.demo'), REGION, 'layanan');
    expect(shown.get('decided-on-time').trend).toBe('layanan.decided-on-time');
    expect(shown.get('skm').trend).toBe('layanan.skm');
    // The demo holds one application deemed granted.
    expect(shown.get('fiktif-positif')).toMatchObject({ tone: 'bad' });
    expect(shown.get('fiktif-positif').value).toBeGreaterThan(0);
  });

  it('hands an application past its stage\'s target to whoever holds the stage\'s role in its unit, nobody else', async () => {
    const [late] = await h.ctx.database.rows<{ id: string; role: string; unit: string }>(sql`
      select a.id, s->'actor'->>'role' as role, coalesce(s->'actor'->>'unitId', a.unit_id::text) as unit
      from layanan_applications a
      join layanan_standard_versions v on v.region_code = a.region_code and v.service_id = a.service_id and v.version = a.version
      join stage_deadlines d on d.region_code = a.region_code and d.module = 'layanan' and d.record_id = a.id and d.stage = 'stage:' || a.stage
      cross join lateral jsonb_array_elements(v.workflow->'stages') s
      where a.region_code = ${REGION} and a.status = 'in_process' and s->>'key' = a.stage and d.met_at is null and d.due_at < ${h.clock.now()}
      order by a.registration_no limit 1`);
    expect(late).toBeDefined();
    const [other] = await h.ctx.database.rows<{ id: string }>(sql`select id from units where region_code = ${REGION} and id <> ${late.unit}::uuid limit 1`);
    await h.sessionWithRole(REGION, late.role as any, 'tahap@layanan-tiles.test', late.unit);
    await h.sessionWithRole(REGION, late.role as any, 'tahap-lain@layanan-tiles.test', other.id);
    const mine = (await readAttention(h.ctx, await actorByEmail(h, 'tahap@layanan-tiles.test'), REGION)).items.filter((a) => a.source === 'stage-overdue');
    const item = mine.find((a) => a.link === `/staff/${REGION}/layanan/permohonan/${late.id}`);
    expect(item).toBeDefined();
    expect(item!.due!.getTime()).toBeLessThan(h.clock.now().getTime());
    const others = (await readAttention(h.ctx, await actorByEmail(h, 'tahap-lain@layanan-tiles.test'), REGION)).items.filter((a) => a.source === 'stage-overdue');
    expect(others.map((a) => a.link)).not.toContain(item!.link);
    expect((await readAttention(h.ctx, await actorByEmail(h, 'bupati@sumedang.demo'), REGION)).items.filter((a) => a.source === 'stage-overdue')).toEqual([]);
  });
});
