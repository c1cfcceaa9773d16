// The region's application portfolio and digital budget: the inventory of
// its applications; units' proposals of new applications or digital spending
// for a budget year, each shown next to what already does the same (catalogue
// solutions, national general applications); the SPBE team's decision; and
// the budget per year with what adopting avoided, beside the SPBE index. A
// province reads the same figures for each of its kabupaten/kota.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { unitsReached, type Actor } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors.js';
import { audit, changedFields } from '../../../platform/audit/audit.js';
import { findMeasure, readMeasure } from '../../../platform/modules/measures.js';
import { areas, units } from '../../../platform/schema.js';
import type { Queryable } from '../../../platform/db/client.js';
import { livinglabApplications, livinglabProposals } from '../schema.js';
import { anyWordQuery, nationalDuplicates } from '../domain/matching.js';
import { NATIONAL_APPLICATIONS, type Domain, type NationalApplication } from '../domain/solution.js';
import { publishedForAdoption, searchCatalogue } from './catalogue.js';

export interface ApplicationInput {
  name: string; unitId: string; purpose: string; domain: Domain; sector: string | null; users: string; hosting: string;
  costPerYear: number; status: 'planned' | 'live' | 'retired'; duplicates: NationalApplication | null;
}
export interface ProposalInput { unitId: string; year: number; title: string; purpose: string; domain: Domain; sector: string | null; estimatedCost: number }
export type Decision = { decision: 'approved' | 'refused'; reason: string } | { decision: 'adopt_instead'; reason: string; solutionId: string };

const a = livinglabApplications;
const p = livinglabProposals;

async function regionUnit(tx: Queryable, regionCode: string, unitId: string) {
  const [unit] = await tx.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.id, unitId), eq(units.active, true)));
  if (!unit) throw new AppError('unit.not_found');
  return unit;
}

export async function listApplications(ctx: AppContext, regionCode: string) {
  return ctx.database.db.select({
    id: a.id, name: a.name, unit: { id: units.id, name: units.name }, purpose: a.purpose, domain: a.domain, sector: a.sector, users: a.users, hosting: a.hosting,
    costPerYear: a.costPerYear, status: a.status, duplicates: a.duplicates, updatedAt: a.updatedAt,
  }).from(a).innerJoin(units, and(eq(units.regionCode, a.regionCode), eq(units.id, a.unitId)))
    .where(eq(a.regionCode, regionCode)).orderBy(asc(a.status), asc(a.name));
}

export async function saveApplication(ctx: AppContext, regionCode: string, actor: Actor, input: ApplicationInput, id?: string): Promise<string> {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await regionUnit(tx, regionCode, input.unitId);
    const values = { ...input, updatedAt: now, updatedBy: actor.userId };
    if (!id) {
      const [row] = await tx.insert(a).values({ regionCode, ...values }).returning({ id: a.id });
      await audit(tx, now, actor, regionCode, 'livinglab.application_create', 'application', row.id, { name: input.name });
      return row.id;
    }
    const [before] = await tx.select().from(a).where(and(eq(a.regionCode, regionCode), eq(a.id, id))).for('update');
    if (!before) throw new AppError('livinglab.application_not_found');
    await tx.update(a).set(values).where(and(eq(a.regionCode, regionCode), eq(a.id, id)));
    const pick = (r: Record<string, unknown>) => Object.fromEntries(Object.keys(input).map((k) => [k, r[k]]));
    await audit(tx, now, actor, regionCode, 'livinglab.application_update', 'application', id, { name: input.name }, changedFields(pick(before), pick(input as unknown as Record<string, unknown>)));
    return id;
  });
}

/** A proposer acts for their own unit(s); the officer for any. */
function checkUnit(actor: Actor, regionCode: string, unitId: string) {
  const reach = unitsReached(actor, regionCode, new Set(['livinglab_officer', 'livinglab_proposer']));
  if (reach && !reach.has(unitId)) throw new AppError('livinglab.not_your_unit');
}

/** The region's units for the portfolio's forms, each with whether this person may propose for it (checkUnit's rule). */
export async function portfolioUnits(ctx: AppContext, regionCode: string, actor: Actor) {
  const reach = unitsReached(actor, regionCode, new Set(['livinglab_officer', 'livinglab_proposer']));
  const rows = await ctx.database.db.select({ id: units.id, code: units.code, name: units.name }).from(units).where(eq(units.regionCode, regionCode)).orderBy(asc(units.name));
  return rows.map((u) => ({ ...u, proposable: !reach || reach.has(u.id) }));
}

export async function propose(ctx: AppContext, regionCode: string, actor: Actor, input: ProposalInput): Promise<string> {
  checkUnit(actor, regionCode, input.unitId);
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await regionUnit(tx, regionCode, input.unitId);
    const [row] = await tx.insert(p).values({ regionCode, ...input, status: 'submitted', proposedBy: actor.userId, proposedAt: now }).returning({ id: p.id });
    await audit(tx, now, actor, regionCode, 'livinglab.propose', 'proposal', row.id, { title: input.title, year: input.year, estimatedCost: input.estimatedCost });
    return row.id;
  });
}

export async function listProposals(ctx: AppContext, regionCode: string, year?: number) {
  return ctx.database.db.select({
    id: p.id, year: p.year, title: p.title, unit: { id: units.id, name: units.name }, estimatedCost: p.estimatedCost, status: p.status, proposedAt: p.proposedAt, decidedAt: p.decidedAt,
  }).from(p).innerJoin(units, and(eq(units.regionCode, p.regionCode), eq(units.id, p.unitId)))
    .where(and(eq(p.regionCode, regionCode), year ? eq(p.year, year) : undefined)).orderBy(desc(p.year), desc(p.proposedAt));
}

/** A proposal with what already does the same: published solutions (other regions' first) and the national applications it would duplicate. */
export async function proposalDetail(ctx: AppContext, regionCode: string, id: string) {
  const db = ctx.database.db;
  const [row] = await db.select().from(p).where(and(eq(p.regionCode, regionCode), eq(p.id, id)));
  if (!row) throw new AppError('livinglab.proposal_not_found');
  const [unit] = await db.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.id, row.unitId)));
  const words = `${row.title} ${row.purpose}`;
  const q = anyWordQuery(words);
  const found = q ? await searchCatalogue(ctx, { q, page: 1, perPage: 10 }) : { items: [], total: 0 };
  return {
    id: row.id, year: row.year, title: row.title, purpose: row.purpose, domain: row.domain, sector: row.sector, estimatedCost: row.estimatedCost, unit,
    status: row.status, decisionReason: row.decisionReason, adoptSolutionId: row.adoptSolutionId, proposedAt: row.proposedAt, decidedAt: row.decidedAt,
    sameWork: {
      solutions: found.items.filter((s) => s.regionCode !== regionCode).slice(0, 5),
      nationalApplications: nationalDuplicates(words).map((key) => ({ key, name: NATIONAL_APPLICATIONS[key] })),
    },
  };
}

export async function decide(ctx: AppContext, regionCode: string, actor: Actor, id: string, input: Decision): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx.select().from(p).where(and(eq(p.regionCode, regionCode), eq(p.id, id))).for('update');
    if (!row) throw new AppError('livinglab.proposal_not_found');
    if (row.status !== 'submitted') throw new AppError('livinglab.proposal_decided');
    const solutionId = input.decision === 'adopt_instead' ? (await publishedForAdoption(tx, input.solutionId)).id : null;
    await tx.update(p).set({ status: input.decision, decisionReason: input.reason, adoptSolutionId: solutionId, decidedBy: actor.userId, decidedAt: now })
      .where(and(eq(p.regionCode, regionCode), eq(p.id, id)));
    await audit(tx, now, actor, regionCode, 'livinglab.decide', 'proposal', id, { title: row.title, decision: input.decision, reason: input.reason, solutionId });
  });
}

/**
 * The digital budget per budget year: proposed, approved, avoided by adopting
 * an existing solution, refused and still undecided (rupiah), the running cost
 * of the live applications, and the SPBE index of the year. For a province,
 * every kabupaten/kota's figures and their sum.
 */
export async function digitalBudget(ctx: AppContext, regionCode: string, from: number, to: number) {
  const db = ctx.database.db;
  const province = /^\d{2}$/.test(regionCode);
  const scope = province ? sql`(${p.regionCode} = ${regionCode} or ${p.regionCode} like ${`${regionCode}.%`})` : eq(p.regionCode, regionCode);
  const rows = await db.select({
    regionCode: p.regionCode, year: p.year,
    proposed: sql<number>`sum(${p.estimatedCost})::float8`, approved: sql<number>`coalesce(sum(${p.estimatedCost}) filter (where ${p.status} = 'approved'), 0)::float8`,
    avoided: sql<number>`coalesce(sum(${p.estimatedCost}) filter (where ${p.status} = 'adopt_instead'), 0)::float8`,
    refused: sql<number>`coalesce(sum(${p.estimatedCost}) filter (where ${p.status} = 'refused'), 0)::float8`,
    undecided: sql<number>`coalesce(sum(${p.estimatedCost}) filter (where ${p.status} = 'submitted'), 0)::float8`,
    proposals: sql<number>`count(*)::int`,
  }).from(p).where(and(scope, sql`${p.year} between ${from} and ${to}`)).groupBy(p.regionCode, p.year).orderBy(p.regionCode, p.year);
  const appScope = province ? sql`(${a.regionCode} = ${regionCode} or ${a.regionCode} like ${`${regionCode}.%`})` : eq(a.regionCode, regionCode);
  const running = await db.select({ regionCode: a.regionCode, cost: sql<number>`coalesce(sum(${a.costPerYear}) filter (where ${a.status} = 'live'), 0)::float8`, live: sql<number>`(count(*) filter (where ${a.status} = 'live'))::int` })
    .from(a).where(appScope).groupBy(a.regionCode);
  const regionCodes = [...new Set([...rows.map((r) => r.regionCode), ...running.map((r) => r.regionCode), ...(province ? [] : [regionCode])])].sort();
  const names = new Map((regionCodes.length ? await db.select({ code: areas.code, name: areas.name }).from(areas).where(sql`${areas.code} in ${regionCodes}`) : []).map((x) => [x.code, x.name]));
  const index = findMeasure('spbe.index');
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const regions = await Promise.all(regionCodes.map(async (code) => ({
    regionCode: code, regionName: names.get(code) ?? code,
    runningCost: running.find((r) => r.regionCode === code)?.cost ?? 0, liveApplications: running.find((r) => r.regionCode === code)?.live ?? 0,
    years: await Promise.all(years.map(async (year) => {
      const r = rows.find((x) => x.regionCode === code && x.year === year);
      return {
        year, proposals: r?.proposals ?? 0, proposed: r?.proposed ?? 0, approved: r?.approved ?? 0, avoided: r?.avoided ?? 0, refused: r?.refused ?? 0, undecided: r?.undecided ?? 0,
        spbeIndex: index ? await readMeasure(ctx, index.measure, code, { kind: 'year', year, fromMonth: `${year}-01`, toMonth: `${year}-12` }) : null,
      };
    })),
  })));
  const total = years.map((year) => {
    const all = regions.map((r) => r.years.find((y) => y.year === year)!);
    const sum = (k: 'proposals' | 'proposed' | 'approved' | 'avoided' | 'refused' | 'undecided') => all.reduce((s, y) => s + y[k], 0);
    return { year, proposals: sum('proposals'), proposed: sum('proposed'), approved: sum('approved'), avoided: sum('avoided'), refused: sum('refused'), undecided: sum('undecided') };
  });
  return { regions, total };
}
