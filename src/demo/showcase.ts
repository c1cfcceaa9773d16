// The showcase: what `pamong serve` adds to the demo region on first start
// (and `pamong seed-demo`), so the screens have something true to show. Four
// more kabupaten/kota of Jawa Barat switched on with the demo's units and
// categories, a year of complaints in each (and in Sumedang) simulated by
// showcase-plan.ts, and published SPBE evaluations 2021-2025 for all five.
// Deterministic (seeded), idempotent (each part only where it is missing),
// one transaction. The tests' seedDemo stays minimal; only this adds volume.
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../platform/context.js';
import { queryRows, type Queryable } from '../platform/db/client.js';
import { insertAll } from '../platform/db/insert-all.js';
import { createUser, grantRole } from '../platform/auth/service.js';
import type { Role } from '../platform/auth/policy.js';
import { enableRegion, findRegion, listEnabledRegions, type Region } from '../platform/regions/service.js';
import { stageDeadlines, stageEscalations, units } from '../platform/schema.js';
import { categories, complaintEvents, complaints, routingRules } from '../modules/complaints/schema.js';
import { rulesOf, rulesSql, type RuleRow } from '../modules/complaints/service/deadlines.js';
import { calendarOf, holidaysSql } from '../platform/calendar/region.js';
import { restateMany } from '../modules/complaints/service/stats.js';
import type { Question } from '../modules/complaints/domain/questions.js';
import type { SlaRule, SlaStage } from '../modules/complaints/domain/sla.js';
import { activeSpbe2020, personByEmail, seedFinishedEvaluation, sumedang2025Level } from '../modules/spbe/demo.js';
import { spbeEvaluations, spbeResults } from '../modules/spbe/schema.js';
import type { VersionRow } from '../modules/spbe/service/frameworks.js';
import { DEMO_REGION, setDemoPassword } from './seed.js';
import { seedRegionDefaults } from '../modules/complaints/demo.js';
import { seedOfficialResults } from '../modules/sakip/demo-evaluation.js';
import { seedLivinglabShowcase } from '../modules/livinglab/demo.js';
import { DEMO_PILOT_COORDINATOR, seedCoachingShowcase } from '../modules/livinglab/demo-coaching.js';
import { refreshFigures } from '../modules/pimpinan/service/figures.js';
import { seededRng, type Rng } from './random.js';
import { planComplaints, type Actor, type Pace, type PlanCategory, type PlanDistrict, type PlannedComplaint } from './showcase-plan.js';

const DAY = 86_400_000;
const SPBE_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

interface ShowcaseRegion {
  code: string;
  seed: number;
  pace: Pace;
  /** Where the region's SPBE maturity stood each year (SPBE_YEARS); each indicator's level scatters around it. */
  spbeBase: readonly number[];
  /** Indicators it does best, with the practice it shares ("learn from the leaders"). */
  strengths: readonly number[];
  accounts: { email: string; name: string; role: Role }[];
}

const accountsOf = (domain: string, head: string): ShowcaseRegion['accounts'] => [
  { email: `${head.startsWith('Wali') ? 'walikota' : 'bupati'}@${domain}`, name: `Kantor ${head}`, role: 'head_of_region' },
  { email: `admin@${domain}`, name: `Admin ${head.replace(/^(Wali Kota|Bupati) /, '')}`, role: 'region_admin' },
  { email: `koordinator@${domain}`, name: `Koordinator Pengaduan ${head.replace(/^(Wali Kota|Bupati) /, '')}`, role: 'coordinator' },
  { email: `spbe@${domain}`, name: `Koordinator SPBE ${head.replace(/^(Wali Kota|Bupati) /, '')}`, role: 'spbe_coordinator' },
];

/** The regions switched on besides Sumedang: a city that leads, two regencies catching up, one that is slower. */
export const showcaseRegions: ShowcaseRegion[] = [
  {
    code: '32.73', seed: 3273, pace: { perMonth: 85, responseHours: 6, lateResponse: 0.04, resolutionSpeed: 0.8, stuck: 0.04 },
    spbeBase: [2.9, 3.2, 3.5, 3.8, 4.1], strengths: [1, 11, 15, 43], accounts: accountsOf('bandung.demo', 'Wali Kota Bandung'),
  },
  {
    code: '32.04', seed: 3204, pace: { perMonth: 70, responseHours: 9, lateResponse: 0.1, resolutionSpeed: 1.2, stuck: 0.1 },
    spbeBase: [2.5, 2.8, 3.0, 3.3, 3.6], strengths: [13, 36, 45], accounts: accountsOf('kabbandung.demo', 'Bupati Bandung'),
  },
  {
    code: '32.05', seed: 3205, pace: { perMonth: 40, responseHours: 14, lateResponse: 0.18, resolutionSpeed: 1.5, stuck: 0.15 },
    spbeBase: [2.0, 2.2, 2.4, 2.4, 2.7], strengths: [42], accounts: [...accountsOf('garut.demo', 'Bupati Garut'), DEMO_PILOT_COORDINATOR],
  },
  {
    code: '32.71', seed: 3271, pace: { perMonth: 50, responseHours: 8, lateResponse: 0.08, resolutionSpeed: 0.9, stuck: 0.06 },
    spbeBase: [3.0, 3.2, 3.1, 3.4, 3.6], strengths: [1, 22, 35], accounts: accountsOf('bogor.demo', 'Wali Kota Bogor'),
  },
];

const sumedangPace: Pace = { perMonth: 55, responseHours: 10, lateResponse: 0.06, resolutionSpeed: 1, stuck: 0.08 };

export const showcaseAccounts = showcaseRegions.flatMap((r) => r.accounts.map((a) => ({ ...a, region: r.code })));

/** What a region shares about an indicator it does well on, with the evidence file's name. */
const practices: Record<number, { note: string; fileName: string }> = {
  1: { note: 'Peraturan kepala daerah tentang Arsitektur SPBE disusun bersama seluruh perangkat daerah dan ditinjau setiap tahun oleh Tim Koordinasi SPBE.', fileName: 'perkada-arsitektur-spbe.pdf' },
  11: { note: 'Arsitektur SPBE daerah dipetakan ke arsitektur SPBE nasional dan menjadi syarat setiap usulan aplikasi baru.', fileName: 'arsitektur-spbe-daerah.pdf' },
  13: { note: 'Setiap belanja TIK di RKA diperiksa Diskominfo terhadap peta rencana SPBE sebelum dibahas TAPD.', fileName: 'sop-reviu-belanja-tik.pdf' },
  15: { note: 'Satu katalog aplikasi daerah; aplikasi baru dibangun di atas platform bersama (login tunggal, data kependudukan, tanda tangan elektronik).', fileName: 'katalog-aplikasi.pdf' },
  22: { note: 'Sistem manajemen keamanan informasi tersertifikasi untuk pusat data dan tim tanggap insiden siber (CSIRT) daerah.', fileName: 'smki-csirt.pdf' },
  35: { note: 'Seluruh paket pengadaan melalui SPSE dan katalog elektronik lokal; dasbor pengadaan terbuka untuk publik.', fileName: 'dasbor-pengadaan.pdf' },
  36: { note: 'Data kepegawaian terintegrasi dengan SIASN BKN; kenaikan pangkat dan cuti sepenuhnya daring.', fileName: 'layanan-kepegawaian-daring.pdf' },
  42: { note: 'Pengaduan dari SP4N-LAPOR!, media sosial dan loket dikelola dalam satu kanal, dengan batas waktu tanggapan yang dipantau pimpinan.', fileName: 'sop-pengaduan.pdf' },
  43: { note: 'Portal data terbuka dengan set data yang diperbarui otomatis dari aplikasi perangkat daerah.', fileName: 'portal-data-terbuka.pdf' },
  45: { note: 'Layanan perizinan sektor kesehatan terhubung dengan OSS dan dapat dilacak pemohon.', fileName: 'layanan-sektor-kesehatan.pdf' },
};

const rows = <T>(db: Queryable, q: ReturnType<typeof sql>) => queryRows<T>(db, q);

/** Adds the showcase where it is missing; false when nothing was missing (or there is no demo region to add it to). */
export async function seedShowcase(ctx: AppContext): Promise<boolean> {
  const added = await ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const demo = await findRegion(tx, DEMO_REGION);
    if (!demo) return false;
    const switchedOn = [];
    for (const r of showcaseRegions) {
      if (await findRegion(tx, r.code)) continue;
      await switchOn(tx, r, now);
      switchedOn.push(r);
    }
    if (switchedOn.length > 0) await setDemoPassword(tx, switchedOn.flatMap((r) => r.accounts.map((a) => a.email)));
    let added = switchedOn.length > 0;
    const taken = new Set<string>();
    for (const { code, seed, pace } of [{ code: DEMO_REGION, seed: 3211, pace: sumedangPace }, ...showcaseRegions]) {
      const [{ n }] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from complaints where region_code = ${code}`);
      if (n > 0) continue;
      await seedComplaints(tx, (await findRegion(tx, code))!, now, pace, seededRng(seed), taken);
      added = true;
    }
    // KemenPANRB's AKIP results 2023–2025, so the province's SAKIP comparison starts full.
    for (const r of showcaseRegions) added = (await seedOfficialResults(tx, r.code, now)) || added;
    // Two regions that adopted Sumedang's complaint categories in the Living Lab.
    added = (await seedLivinglabShowcase(tx, DEMO_REGION, ['32.73', '32.04'], now)) || added;
    // Sumedang's coaching programme for the regions catching up on SPBE (Kota Bandung leads; it is not coached).
    added = (await seedCoachingShowcase(tx, DEMO_REGION, ['32.04', '32.05', '32.71'], now)) || added;
    return (await seedSpbe(tx)) || added;
  });
  // The leader's figures read once now (the worker keeps them fresh from here), so the governor's province page is full at the first start.
  if (added) for (const r of await listEnabledRegions(ctx.database.db)) await refreshFigures(ctx, r.code);
  return added;
}

/** Switches a region on with the demo region's units, categories and routing, and its accounts. */
async function switchOn(tx: Queryable, r: ShowcaseRegion, now: Date) {
  await enableRegion(tx, r.code);
  const unitIds = new Map<string, string>();
  for (const u of await tx.select().from(units).where(eq(units.regionCode, DEMO_REGION))) {
    const [copy] = await tx.insert(units).values({ regionCode: r.code, code: u.code, name: u.name }).returning();
    unitIds.set(u.id, copy.id);
  }
  await seedRegionDefaults(tx, r.code);
  const routes = await tx.select().from(routingRules).where(and(eq(routingRules.regionCode, DEMO_REGION), sql`${routingRules.validTo} is null`));
  for (const c of await tx.select().from(categories).where(eq(categories.regionCode, DEMO_REGION))) {
    const [copy] = await tx.insert(categories).values({ ...c, regionCode: r.code, id: undefined }).returning();
    const route = routes.find((x) => x.categoryId === c.id);
    if (route) await tx.insert(routingRules).values({ regionCode: r.code, categoryId: copy.id, unitId: unitIds.get(route.unitId)!, validFrom: now });
  }
  for (const a of r.accounts) await grantRole(tx, r.code, await createUser(tx, { email: a.email, name: a.name }), a.role, null);
  const assessor = await personByEmail(tx, 'asesor@pamong.demo');
  if (assessor) await grantRole(tx, r.code, assessor, 'external_assessor', null);
}

/** Who acts in the simulated timelines: the region's staff where it has them, a role's name where not. */
async function staffOf(tx: Queryable, regionCode: string) {
  const people = await rows<{ role: string; unit_id: string | null; unit_code: string | null; user_id: string; name: string }>(tx, sql`
    select g.role, g.unit_id, u.code as unit_code, p.id as user_id, p.name from grants g join users p on p.id = g.user_id
    left join units u on u.region_code = g.region_code and u.id = g.unit_id
    where g.region_code = ${regionCode} order by p.email`);
  const unitCodes = new Map((await tx.select({ id: units.id, code: units.code }).from(units).where(eq(units.regionCode, regionCode))).map((u) => [u.id, u.code]));
  const first = (role: string, unitId: string | null = null): Actor | null => {
    const p = people.find((x) => x.role === role && x.unit_id === unitId);
    return p ? { userId: p.user_id, label: p.name } : null;
  };
  return {
    coordinator: first('coordinator') ?? { userId: null, label: 'Koordinator pengaduan' },
    counter: first('counter_staff') ?? { userId: null, label: 'Petugas loket' },
    officer: (unitId: string): Actor => first('officer', unitId) ?? first('unit_head', unitId) ?? { userId: null, label: `Petugas ${unitCodes.get(unitId) ?? ''}`.trim() },
  };
}

async function seedComplaints(tx: Queryable, region: Region, now: Date, pace: Pace, rng: Rng, taken: Set<string>) {
  const cats = (await rows<{ id: string; code: string; name_id: string; questions: Question[]; unit_id: string; unit_name: string }>(tx, sql`
    select c.id, c.code, c.name_id, c.questions, r.unit_id, u.name as unit_name from categories c
    join routing_rules r on r.region_code = c.region_code and r.category_id = c.id and r.valid_to is null
    join units u on u.region_code = c.region_code and u.id = r.unit_id
    where c.region_code = ${region.code} and c.active order by c.code`))
    .map((c): PlanCategory => ({ id: c.id, code: c.code, nameId: c.name_id, questions: c.questions, unitId: c.unit_id, unitName: c.unit_name }));
  if (cats.length === 0) return;
  const areaRows = await rows<{ d_code: string; d_name: string; v_code: string; v_name: string; v_kind: string }>(tx, sql`
    select d.code as d_code, d.name as d_name, v.code as v_code, v.name as v_name, v.kind as v_kind from areas d join areas v on v.parent_code = d.code
    where d.parent_code = ${region.code} order by d.code, v.code`);
  const districts = new Map<string, PlanDistrict>();
  for (const a of areaRows) {
    const d = districts.get(a.d_code) ?? { code: a.d_code, name: a.d_name, villages: [] };
    d.villages.push({ code: a.v_code, name: a.v_name, kind: a.v_kind });
    districts.set(a.d_code, d);
  }
  const window = { start: new Date(now.getTime() - 400 * DAY).toISOString().slice(0, 10), end: new Date(now.getTime() + 200 * DAY).toISOString().slice(0, 10) };
  const [facts] = await rows<{ rules: RuleRow[]; holidays: string[] }>(tx, sql`select ${rulesSql(region.code)} as rules, ${holidaysSql(region.code, window)} as holidays`);
  const ruleCache = new Map<string, Record<SlaStage, SlaRule>>();
  const rules = (categoryId: string) => ruleCache.get(categoryId) ?? ruleCache.set(categoryId, rulesOf(facts.rules, categoryId)).get(categoryId)!;
  const plan = planComplaints({
    regionCode: region.code, now, calendar: calendarOf(region, facts.holidays), rules, settings: region.settings.complaints, categories: cats,
    districts: [...districts.values()], pace, ...(await staffOf(tx, region.code)), taken, rng,
  });
  await writeComplaints(tx, region, plan);
}

/**
 * In bulk, then the dashboard summary through the live incremental path
 * (restateMany) from the rows as stored, a few hundred complaints at a time
 * (each adds to two summary rows: a statement's parameters stay bounded).
 */
async function writeComplaints(tx: Queryable, region: Region, plan: PlannedComplaint[]) {
  await insertAll(tx, complaints, plan.map((p) => p.row));
  await insertAll(tx, complaintEvents, plan.flatMap((p) => p.events).sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime()));
  await insertAll(tx, stageDeadlines, plan.flatMap((p) => p.deadlines));
  await insertAll(tx, stageEscalations, plan.flatMap((p) => p.escalations));
  const written = await tx.select().from(complaints).where(eq(complaints.regionCode, region.code)).orderBy(complaints.submittedAt);
  for (let i = 0; i < written.length; i += 500) await restateMany(tx, written.slice(i, i + 500).map((after) => ({ before: null, after })));
}

/** Levels of a region's indicators in a year: around the year's base, each indicator a little off it, strengths a level up. */
function levelsOf(r: ShowcaseRegion, version: VersionRow): Map<number, number>[] {
  const rng = seededRng(r.seed * 31);
  const offsets = new Map(version.document.indicators.map((i) => {
    const off = (rng.next() + rng.next() - 1) * 0.9; // -0.9..0.9, mostly near 0
    return [i.number, r.strengths.includes(i.number) ? Math.max(off, 0) + 1 : off];
  }));
  return r.spbeBase.map((base) => new Map([...offsets].map(([n, off]) => [n, Math.min(5, Math.max(1, Math.round(base + off)))])));
}

/** Sumedang before 2025: each indicator climbed to its 2025 level at its own pace. */
function sumedangLevels(version: VersionRow): Map<number, number>[] {
  const rng = seededRng(3211 * 31);
  const pace = new Map(version.document.indicators.map((i) => [i.number, { rate: 0.15 + rng.next() * 0.3, phase: rng.next() }]));
  return SPBE_YEARS.map((year) => new Map([...pace].map(([n, p]) => [n, Math.max(1, sumedang2025Level(n) - Math.floor((2025 - year) * p.rate + p.phase))])));
}

/** Published evaluations for every showcase region and year that has no result yet; Sumedang's 2025 one comes from seedDemo. */
async function seedSpbe(tx: Queryable): Promise<boolean> {
  const version = await activeSpbe2020(tx);
  if (!version) return false;
  const assessor = { id: await personByEmail(tx, 'asesor@pamong.demo'), label: 'asesor@pamong.demo' };
  const plans = [
    { code: DEMO_REGION, levels: sumedangLevels(version), coordinator: 'spbe@sumedang.demo', strengths: [] as readonly number[] },
    ...showcaseRegions.map((r) => ({ code: r.code, levels: levelsOf(r, version), coordinator: r.accounts.find((a) => a.role === 'spbe_coordinator')!.email, strengths: r.strengths })),
  ];
  let added = false;
  for (const p of plans) {
    const have = new Set([
      ...(await tx.select({ year: spbeResults.year }).from(spbeResults).where(eq(spbeResults.regionCode, p.code))).map((x) => x.year),
      ...(await tx.select({ year: spbeEvaluations.year }).from(spbeEvaluations).where(eq(spbeEvaluations.regionCode, p.code))).map((x) => x.year),
    ]);
    if (!(await findRegion(tx, p.code))) continue;
    const unitIds = new Map((await tx.select().from(units).where(eq(units.regionCode, p.code))).map((u) => [u.code, u.id]));
    const coordinator = { id: await personByEmail(tx, p.coordinator), label: p.coordinator };
    for (const [i, year] of SPBE_YEARS.entries()) {
      if (have.has(year)) continue;
      const levels = p.levels[i];
      const latest = year === SPBE_YEARS[SPBE_YEARS.length - 1];
      await seedFinishedEvaluation(tx, {
        regionCode: p.code, year, version, closed: !latest, coordinator, assessor,
        finalLevel: (n) => levels.get(n)!,
        selfLevel: (n) => Math.min(5, levels.get(n)! + ((n + year) % 5 === 0 ? 1 : 0)),
        unitFor: (n) => unitIds.get(n >= 42 ? 'DPMPTSP' : 'DISKOMINFO') ?? null,
        // Practices are shared from the years a strength reached level 4.
        practices: new Map(p.strengths.filter((n) => levels.get(n)! >= 4 && practices[n]).map((n) => [n, practices[n]])),
      });
      added = true;
    }
  }
  return added;
}
