// The showcase demo (src/demo/showcase.ts): what `pamong serve` seeds on first
// start. Every screen has something true to show, the rows are what the live
// code would have left (summary, deadlines, escalations), and a second run adds nothing.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeWithApp, type Session } from './harness.js';
import { seedShowcase, showcaseAccounts, showcaseRegions } from '../src/demo/showcase.js';
import { rebuildStats } from '../src/modules/complaints/service/stats.js';
import { sweepDeadlines } from '../src/platform/deadlines/sweep.js';

describeWithApp('showcase demo', (h) => {
  const count = async (q: ReturnType<typeof sql>) => (await h.ctx.database.rows<{ n: number }>(q))[0].n;
  const tables = ['complaints', 'complaint_events', 'stage_deadlines', 'stage_escalations', 'complaint_stats', 'spbe_results', 'spbe_answers', 'users', 'regions', 'sakip_official_results', 'pimpinan_figures'];
  const sizes = async () => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(sql.raw(`select count(*)::int as n from ${t}`))])));
  let bupati: Session;
  let spbe: Session;

  beforeAll(async () => {
    const started = performance.now();
    expect(await seedShowcase(h.ctx)).toBe(true);
    console.log(`[showcase ${h.engine}] seeded in ${Math.round(performance.now() - started)} ms`);
    bupati = await h.signIn('bupati@sumedang.demo');
    spbe = await h.signIn('spbe@sumedang.demo');
  }, 120_000);

  it('switches on the showcase regions with their accounts', async () => {
    const regions = await h.api('GET', '/api/regions');
    for (const r of showcaseRegions) expect(regions.body.map((x: any) => x.code)).toContain(r.code);
    // The head of each region signs in with the demo password and sees its dashboard.
    for (const a of showcaseAccounts.filter((x) => x.role === 'head_of_region')) {
      const res = await h.api('GET', `/api/regions/${a.region}/dashboard?from=2025-11&to=2026-11`, { session: await h.signIn(a.email) });
      expect(res.body.totals.received, a.region).toBeGreaterThan(100);
    }
  });

  it('fills the dashboard: a year of months, overdue and escalated work, every unit and kecamatan', async () => {
    const res = await h.api('GET', '/api/regions/32.11/dashboard?from=2025-11&to=2026-11&by=month', { session: bupati });
    expect(res.status).toBe(200);
    const months = res.body.rows.filter((r: any) => r.received > 0);
    expect(months.length).toBe(13);
    const t = res.body.totals;
    expect(t.received).toBeGreaterThan(400);
    expect(t.overdue).toBeGreaterThan(0);
    expect(t.backlog).toBeGreaterThan(t.overdue);
    expect(t.rejected).toBeGreaterThan(0);
    expect(t.merged).toBeGreaterThan(0);
    expect(t.respondedInTime).toBeLessThan(t.responded); // some late, most on time
    expect(t.respondedInTime / t.responded).toBeGreaterThan(0.7);
    const byDistrict = await h.api('GET', '/api/regions/32.11/dashboard?from=2025-11&to=2026-11&by=district', { session: bupati });
    expect(byDistrict.body.rows.filter((r: any) => r.received > 0).length).toBeGreaterThan(15);
    const byUnit = await h.api('GET', '/api/regions/32.11/dashboard?from=2025-11&to=2026-11&by=unit', { session: bupati });
    expect(byUnit.body.rows.filter((r: any) => r.received > 0).length).toBeGreaterThanOrEqual(5);
    // Escalated, rated and reopened complaints, in every region.
    for (const code of ['32.11', ...showcaseRegions.map((r) => r.code)]) {
      const [row] = await h.ctx.database.rows<{ escalated: number; rated: number; reopened: number; open_escalated: number }>(sql`select
        count(*) filter (where escalation_level > 0)::int as escalated, count(*) filter (where escalated_open)::int as open_escalated,
        count(*) filter (where rating is not null)::int as rated, count(*) filter (where reopen_count > 0)::int as reopened
        from complaints where region_code = ${code}`);
      expect(row.escalated, code).toBeGreaterThan(0);
      expect(row.open_escalated, code).toBeGreaterThan(0);
      expect(row.rated, code).toBeGreaterThan(0);
      expect(row.reopened, code).toBeGreaterThan(0);
    }
  });

  it('leaves the summary, deadlines and escalations exactly as the live code would', async () => {
    expect((await rebuildStats(h.ctx)).differing).toBe(0);
    // The sweep has nothing to catch up: every deadline past due was escalated as far as its ladder goes by now.
    expect(await sweepDeadlines(h.ctx)).toBe(0);
    expect(await count(sql`select count(*)::int as n from complaints c where c.next_due_at is distinct from
      (select min(d.due_at) from stage_deadlines d where d.region_code = c.region_code and d.record_id = c.id and d.met_at is null)`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from complaints c where c.escalated_open <> exists (select 1 from stage_deadlines d
      where d.region_code = c.region_code and d.record_id = c.id and d.met_at is null and d.escalation_step > 0)`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from complaints c where c.escalation_level <> coalesce((select max(e.step) from stage_escalations e
      where e.region_code = c.region_code and e.record_id = c.id), 0)`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from complaint_events where at > ${h.clock.now()}`)).toBe(0);
    // A first response is in time exactly when it came before its deadline.
    expect(await count(sql`select count(*)::int as n from complaints c join stage_deadlines d on d.region_code = c.region_code and d.record_id = c.id
      and d.stage = 'response' and d.round = 0 where c.first_response_in_time <> (c.first_response_at <= d.due_at)`)).toBe(0);
  });

  it('works with the live code: an officer answers an escalated complaint and the summary stays exact', async () => {
    const [c] = await h.ctx.database.rows<{ id: string }>(sql`select c.id from complaints c join units u on u.region_code = c.region_code and u.id = c.unit_id
      where c.region_code = '32.11' and u.code = 'PUPR' and c.escalated_open and c.status in ('dispatched', 'in_progress') order by c.submitted_at limit 1`);
    const officer = await h.signIn('petugas.pupr@sumedang.demo');
    const res = await h.api('POST', `/api/regions/32.11/complaints/${c.id}/actions`, { session: officer, body: { action: 'resolve', message: 'Sudah diperbaiki.' } });
    expect(res.status).toBe(200);
    expect((await rebuildStats(h.ctx)).differing).toBe(0);
  });

  it('ranks several regions by SPBE index, with trends that improve', async () => {
    const ranking = await h.api('GET', '/api/spbe/rankings?year=2025&province=32', { session: spbe });
    expect(ranking.status).toBe(200);
    const codes = ranking.body.rows.map((r: any) => r.regionCode);
    expect(codes).toEqual(expect.arrayContaining(['32.11', ...showcaseRegions.map((r) => r.code)]));
    expect(ranking.body.rows[0].regionCode).toBe('32.73');
    const comparison = await h.api('GET', '/api/regions/32.11/spbe/comparison?year=2025', { session: spbe });
    const province = comparison.body.scopes.find((s: any) => s.scope === 'province');
    expect(province.of).toBe(5);
    expect(province.mean.index).not.toBeNull();
    const trend = await h.api('GET', '/api/spbe/trend?region=32.11', { session: spbe });
    const points = trend.body.points ?? trend.body;
    const indexes = points.filter((p: any) => p.year >= 2021).map((p: any) => p.index);
    expect(indexes).toHaveLength(5);
    expect(indexes[4]).toBeGreaterThan(indexes[0]);
  });

  it('learning from the leaders names other regions with what they share', async () => {
    const res = await h.api('GET', '/api/spbe/leaders?framework=spbe-2020&indicator=1&minLevel=4', { session: spbe });
    expect(res.status).toBe(200);
    const others = res.body.filter((l: any) => l.regionCode !== '32.11');
    expect(new Set(others.map((l: any) => l.regionCode)).size).toBeGreaterThanOrEqual(2);
    expect(others.some((l: any) => l.practiceNote && l.evidence.length > 0)).toBe(true);
  });

  it('gives the province\'s SAKIP comparison every kabupaten/kota with KemenPANRB\'s results 2023–2025', async () => {
    const res = await h.api('GET', '/api/regions/32/sakip/province-comparison?from=2023&to=2025&targetsYear=2025', { session: await h.signIn('sakip@jabarprov.demo') });
    expect(res.status).toBe(200);
    expect(res.body.regions.map((r: any) => r.code).sort()).toEqual(['32.11', ...showcaseRegions.map((r) => r.code)].sort());
    for (const r of res.body.regions) expect(r.trend.map((t: any) => t.official?.predicate.code ?? null).every(Boolean), r.code).toBe(true);
    // Kota Bandung leads (A, above 80); Kota Bogor dipped in 2025.
    const of = (code: string) => res.body.regions.find((r: any) => r.code === code);
    expect(of('32.73').latest).toMatchObject({ score: '80.62', predicate: { code: 'A' } });
    expect(of('32.71').change).toBe('-1.14');
  });

  it('gives the governor a full province page at once: every kabupaten/kota with its figures, read at seed time', async () => {
    const res = await h.api('GET', '/api/regions/32/pimpinan/provinsi?tile=complaints.received-this-month', { session: await h.signIn('gubernur@jabarprov.demo') });
    expect(res.status).toBe(200);
    expect(res.body.regions.map((r: any) => r.code).sort()).toEqual(['32.11', ...showcaseRegions.map((r) => r.code)].sort());
    for (const r of res.body.regions) expect(r.figures.map((f: any) => f.ref), r.code).toEqual(res.body.tiles.map((t: any) => t.ref));
    // This month's reading is in each one's history; the SPBE index ranks them, Kota Bandung (it leads the showcase) first.
    expect(res.body.history.regions.every((r: any) => r.values.at(-1) !== null)).toBe(true);
    const spbe = (code: string) => res.body.regions.find((r: any) => r.code === code).figures.find((f: any) => f.ref === 'spbe.index');
    expect(spbe('32.73').rank).toBe(1);
  });

  it('shows two Jawa Barat regions that adopted Sumedang\'s complaint categories, their ratings and their figures before and after', async () => {
    const found = await h.api('GET', '/api/livinglab/solutions?module=complaints&region=32.11');
    const id = found.body.items[0].id;
    expect(found.body.items[0].adopters).toBe(2);
    const page = await h.api('GET', `/api/livinglab/solutions/${id}`);
    expect(page.body.adopters.map((a: { regionCode: string }) => a.regionCode).sort()).toEqual(['32.04', '32.73']);
    const ratings = await h.api('GET', `/api/livinglab/solutions/${id}/ratings`);
    expect(ratings.body.count).toBe(2);
    const impact = await h.api('GET', `/api/livinglab/solutions/${id}/impact`);
    // Kota Bandung's SPBE team adopted instead of building its own complaints app: the budget shows what that avoided.
    const budget = await h.api('GET', '/api/regions/32.73/livinglab/budget?from=2026&to=2026', { session: await h.signIn('walikota@bandung.demo') });
    expect(budget.body.total[0].avoided).toBe(400_000_000);
    // Both regions had complaints answered before and after: the showcase's history is the complaints module's own.
    for (const a of impact.body.adopters) {
      const answered = a.figures.find((f: { ref: string }) => f.ref === 'complaints.responded-in-time');
      expect(answered.before.value, a.regionCode).not.toBeNull();
      expect(answered.after?.value, a.regionCode).not.toBeNull();
    }
  });

  it('runs Sumedang\'s coaching programme: SPBE targets with progress from the pilots\' own results, seen by Garut\'s pilot coordinator', async () => {
    const mentor = await h.signIn('livinglab@sumedang.demo');
    const list = await h.api('GET', '/api/regions/32.11/livinglab/coaching/programmes', { session: mentor });
    const [programme] = list.body.mentoring;
    expect(programme).toMatchObject({ title: 'Pendampingan SPBE Jawa Barat 2026', status: 'active', pilots: 3 });
    const detail = await h.api('GET', `/api/regions/32.11/livinglab/coaching/programmes/${programme.id}`, { session: mentor });
    for (const p of detail.body.pilots) {
      const goal = p.goals.find((g: { kind: string }) => g.kind === 'spbe_index');
      // Baseline 2024 and latest 2025 from the showcase's SPBE results: a real figure, not an empty one.
      expect(goal.baseline?.year, p.regionCode).toBe(2024);
      expect(goal.latest?.year, p.regionCode).toBe(2025);
      expect(goal.percent, p.regionCode).not.toBeNull();
      expect(p.tasksDone, p.regionCode).toBeGreaterThan(0);
      expect(p.tasksDone, p.regionCode).toBeLessThan(p.tasksTotal);
    }
    const garut = await h.signIn('pendampingan@garut.demo');
    const own = await h.api('GET', '/api/regions/32.05/livinglab/coaching/programmes', { session: garut });
    expect(own.body.piloting).toHaveLength(1);
    const pilot = await h.api('GET', `/api/regions/32.05/livinglab/coaching/pilots/${own.body.piloting[0].pilotId}`, { session: garut });
    expect(pilot.body).toMatchObject({ side: 'pilot', regionCode: '32.05', sessionsPlanned: 3 });
    expect(pilot.body.notes).toHaveLength(1);
  });

  it('adds nothing the second time', async () => {
    const before = await sizes();
    expect(await seedShowcase(h.ctx)).toBe(false);
    expect(await sizes()).toEqual(before);
  });
});
