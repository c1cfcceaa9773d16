// Performance agreements (Perjanjian Kinerja): drafted from the official's
// active plan for the year (the RPJMD for the head of region, the unit's
// Renstra otherwise), the year's targets copied with their version so a later
// revision of the plan leaves a signed agreement as signed; the parties typed
// in; signing recorded by the coordinator or the unit's head; a revision is a
// new version with its reason, every version kept. One transaction per use
// case, audited inside it.
import { and, asc, desc, eq, gte, isNull, lte } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { audit, changedFields } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { Region } from '../../../platform/regions/service.js';
import { units } from '../../../platform/schema.js';
import { agreementWords, type AgreementLevel, type AgreementParty } from '../domain/agreement.js';
import { planTable } from '../domain/tree.js';
import { sakipAgreementRows, sakipAgreements, sakipAgreementVersions, sakipPlans } from '../schema.js';
import { ensureMayEditPlan, ensureUnitReached } from './access.js';
import { actorLabel, decimalInput, domainPlan, ensureUnits, loadPlanData, planFor, type PlanRow } from './data.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';

type AgreementRegion = Pick<Region, 'code' | 'name' | 'utcOffsetMinutes'>;
type AgreementRow = typeof sakipAgreements.$inferSelect;
type VersionRow = typeof sakipAgreementVersions.$inferSelect;
type ContentRow = typeof sakipAgreementRows.$inferSelect;

export interface PartyInput { name: string; position: string; nip?: string }
export interface NewAgreement {
  year: number; level: AgreementLevel; unitId?: string; subunit?: string;
  firstParty: PartyInput; secondParty?: PartyInput | null; place?: string;
  /** The indicators committed; by default those of the plan's targets (sasaran). */
  indicatorIds?: string[];
}
export interface AgreementChange {
  firstParty?: PartyInput; secondParty?: PartyInput | null; place?: string; signedOn?: string | null;
  budgets?: { nodeId: string; budget: string | number | null }[];
}
export interface AgreementRevision { reason: string; firstParty?: PartyInput; secondParty?: PartyInput | null; place?: string }

/** The head of region signs alone (the DPRD is not a party); everyone else with their superior. */
function checkParties(level: AgreementLevel, second: PartyInput | null | undefined): void {
  if ((level === 'region') !== !second) throw new AppError('sakip.agreement_parties_invalid', { level });
}

/** "Kabupaten Sumedang" → "Sumedang": where the document is signed, by default. */
const townOf = (regionName: string) => regionName.replace(/^(kabupaten|kota|provinsi)\s+/i, '');

async function agreementFor(db: Queryable, regionCode: string, id: string, lock?: 'update'): Promise<AgreementRow> {
  const q = db.select().from(sakipAgreements).where(and(eq(sakipAgreements.regionCode, regionCode), eq(sakipAgreements.id, id)));
  const [row] = lock ? await q.for(lock) : await q;
  if (!row) throw new AppError('sakip.agreement_not_found');
  return row;
}

async function versionOf(db: Queryable, a: AgreementRow, version = a.version): Promise<VersionRow> {
  const [row] = await db.select().from(sakipAgreementVersions)
    .where(and(eq(sakipAgreementVersions.regionCode, a.regionCode), eq(sakipAgreementVersions.agreementId, a.id), eq(sakipAgreementVersions.version, version)));
  if (!row) throw new AppError('sakip.agreement_version_not_found', { version });
  return row;
}

/** The active plan the official's targets come from: the RPJMD, or the unit's Renstra, covering the year. */
export async function sourcePlan(db: Queryable, regionCode: string, year: number, unitId: string | null, missing: 'sakip.agreement_no_plan' | 'sakip.report_no_plan' = 'sakip.agreement_no_plan'): Promise<PlanRow> {
  const [plan] = await db.select().from(sakipPlans).where(and(
    eq(sakipPlans.regionCode, regionCode), eq(sakipPlans.status, 'active'), lte(sakipPlans.startYear, year), gte(sakipPlans.endYear, year),
    unitId === null ? isNull(sakipPlans.unitId) : eq(sakipPlans.unitId, unitId),
  ));
  if (!plan) throw new AppError(missing, { year });
  return plan;
}

/**
 * A version's rows, from the plan as it is now: the chosen indicators (by
 * default every target's) with the year's current target, in the plan's
 * reading order, skipping those without a target that year; then the
 * programmes (activities for an echelon III/IV official) with the budgets
 * the previous version gave them.
 */
export async function rowsFromPlan(db: Queryable, plan: PlanRow, level: AgreementLevel, year: number, indicatorIds: readonly string[] | undefined, budgets: Map<string, string | null>) {
  const data = await loadPlanData(db, plan);
  const known = new Set(data.indicators.map((i) => i.id));
  const missing = (indicatorIds ?? []).find((id) => !known.has(id));
  if (missing) throw new AppError('sakip.indicator_not_found', { indicatorId: missing });
  const chosen = indicatorIds ? new Set(indicatorIds) : null;
  const targets = new Map(data.targets.filter((t) => t.year === year).map((t) => [t.indicatorId, t]));
  const indicators = new Map(data.indicators.map((i) => [i.id, i]));
  const programmeKind = level === 'subunit' ? 'activity' : 'programme';
  const rows: Omit<ContentRow, 'regionCode' | 'agreementId' | 'version' | 'position'>[] = [];
  const programmes: typeof rows = [];
  const none = { code: null, indicatorId: null, indicatorName: null, measure: null, value: null, low: null, high: null, targetVersion: null, budget: null };
  for (const r of planTable(domainPlan(plan, data))) {
    if (r.indicator) {
      const target = targets.get(r.indicator.id);
      const picked = chosen ? chosen.has(r.indicator.id) : r.node.kind === 'target';
      if (picked && target) {
        rows.push({
          ...none, kind: 'indicator', nodeId: r.node.id, nodeTitle: r.node.name, indicatorId: r.indicator.id, indicatorName: r.indicator.name,
          measure: indicators.get(r.indicator.id)!.measure, value: target.value, low: target.low, high: target.high, targetVersion: target.version,
        });
      }
    }
    if (r.node.kind === programmeKind && !programmes.some((p) => p.nodeId === r.node.id)) {
      programmes.push({ ...none, kind: 'programme', nodeId: r.node.id, nodeTitle: r.node.name, code: r.node.code ?? null, budget: budgets.get(r.node.id) ?? null });
    }
  }
  if (rows.length === 0) throw new AppError('sakip.agreement_empty', { year });
  return [...rows, ...programmes];
}

async function insertVersion(tx: Queryable, a: { regionCode: string; id: string }, v: Omit<VersionRow, 'regionCode' | 'agreementId'>, rows: Awaited<ReturnType<typeof rowsFromPlan>>) {
  await tx.insert(sakipAgreementVersions).values({ ...v, regionCode: a.regionCode, agreementId: a.id });
  await tx.insert(sakipAgreementRows).values(rows.map((r, position) => ({ ...r, regionCode: a.regionCode, agreementId: a.id, version: v.version, position })));
}

const partyColumns = (first: PartyInput, second: PartyInput | null | undefined) => ({
  firstName: first.name, firstPosition: first.position, firstNip: first.nip ?? '',
  secondName: second?.name ?? null, secondPosition: second?.position ?? null, secondNip: second ? second.nip ?? '' : null,
});

/** Drafts an official's agreement for the year (version 1, a draft): the coordinator any, a unit planner their unit's. */
export async function draftAgreement(ctx: AppContext, region: AgreementRegion, actor: Actor, input: NewAgreement): Promise<string> {
  const regionCode = region.code;
  const unitId = input.level === 'region' ? null : input.unitId ?? null;
  const subunit = input.level === 'subunit' ? input.subunit?.trim() ?? '' : '';
  if ((input.level !== 'region' && !unitId) || (input.level === 'subunit' && !subunit)) throw new AppError('sakip.agreement_parties_invalid', { level: input.level });
  checkParties(input.level, input.secondParty);
  ensureMayEditPlan(actor, { regionCode, unitId });
  return ctx.database.db.transaction(async (tx) => {
    await ensureUnits(tx, regionCode, [unitId]);
    const plan = await sourcePlan(tx, regionCode, input.year, unitId);
    const rows = await rowsFromPlan(tx, plan, input.level, input.year, input.indicatorIds, new Map());
    const now = ctx.clock.now();
    const [a] = await tx.insert(sakipAgreements).values({
      regionCode, year: input.year, level: input.level, unitId, subunit, planId: plan.id, version: 1, createdAt: now, updatedAt: now,
    }).onConflictDoNothing().returning();
    if (!a) throw new AppError('sakip.agreement_exists', { year: input.year });
    await insertVersion(tx, a, {
      version: 1, status: 'draft', ...partyColumns(input.firstParty, input.secondParty), place: input.place?.trim() || townOf(region.name), signedOn: null, reason: null,
      createdAt: now, createdBy: actor.userId, createdByLabel: actorLabel(actor), signedAt: null, signedBy: null, signedByLabel: null,
    }, rows);
    await audit(tx, now, actor, regionCode, 'sakip.agreement_draft', 'sakip_agreement', a.id, { year: a.year, level: a.level, unitId, subunit, planId: plan.id, rows: rows.length });
    return a.id;
  });
}

/** The current version while it is a draft: its parties, place, date and programme budgets. */
export async function updateAgreement(ctx: AppContext, region: AgreementRegion, actor: Actor, id: string, input: AgreementChange) {
  await ctx.database.db.transaction(async (tx) => {
    const a = await agreementFor(tx, region.code, id, 'update');
    ensureMayEditPlan(actor, a);
    const v = await versionOf(tx, a);
    if (v.status === 'signed') throw new AppError('sakip.agreement_signed');
    const second = input.secondParty === undefined ? (v.secondName === null ? null : { name: v.secondName, position: v.secondPosition!, nip: v.secondNip ?? '' }) : input.secondParty;
    checkParties(a.level as AgreementLevel, second);
    const first = input.firstParty ?? { name: v.firstName, position: v.firstPosition, nip: v.firstNip };
    const next = { ...partyColumns(first, second), place: input.place?.trim() || v.place, signedOn: input.signedOn === undefined ? v.signedOn : input.signedOn };
    const where = and(eq(sakipAgreementVersions.regionCode, a.regionCode), eq(sakipAgreementVersions.agreementId, a.id), eq(sakipAgreementVersions.version, v.version));
    await tx.update(sakipAgreementVersions).set(next).where(where);
    const budgets: Record<string, string | null> = {};
    for (const b of input.budgets ?? []) {
      const budget = b.budget === null ? null : decimalInput(b.budget, false);
      const updated = await tx.update(sakipAgreementRows).set({ budget }).where(and(
        eq(sakipAgreementRows.regionCode, a.regionCode), eq(sakipAgreementRows.agreementId, a.id), eq(sakipAgreementRows.version, v.version),
        eq(sakipAgreementRows.kind, 'programme'), eq(sakipAgreementRows.nodeId, b.nodeId),
      )).returning({ nodeId: sakipAgreementRows.nodeId });
      if (updated.length === 0) throw new AppError('sakip.node_not_found', { nodeId: b.nodeId });
      budgets[b.nodeId] = budget;
    }
    const now = ctx.clock.now();
    await tx.update(sakipAgreements).set({ updatedAt: now }).where(and(eq(sakipAgreements.regionCode, a.regionCode), eq(sakipAgreements.id, a.id)));
    const before = { firstName: v.firstName, firstPosition: v.firstPosition, firstNip: v.firstNip, secondName: v.secondName, secondPosition: v.secondPosition, secondNip: v.secondNip, place: v.place, signedOn: v.signedOn };
    const change = changedFields(before, next);
    await audit(tx, now, actor, region.code, 'sakip.agreement_update', 'sakip_agreement', a.id, { version: v.version, ...(Object.keys(budgets).length ? { budgets } : {}) }, change);
  });
}

/**
 * Records that the current draft was signed: by the coordinator, or the head
 * of the agreement's unit. The date is the one typed on the draft, else today
 * in the region's time.
 */
export async function signAgreement(ctx: AppContext, region: AgreementRegion, actor: Actor, id: string, input: { signedOn?: string }) {
  await ctx.database.db.transaction(async (tx) => {
    const a = await agreementFor(tx, region.code, id, 'update');
    ensureUnitReached(actor, region.code, a.unitId, 'sakip.agreement_sign');
    const v = await versionOf(tx, a);
    if (v.status === 'signed') throw new AppError('sakip.agreement_signed');
    const now = ctx.clock.now();
    const signedOn = input.signedOn ?? v.signedOn ?? localDateOf(now, region);
    await tx.update(sakipAgreementVersions).set({ status: 'signed', signedOn, signedAt: now, signedBy: actor.userId, signedByLabel: actorLabel(actor) })
      .where(and(eq(sakipAgreementVersions.regionCode, a.regionCode), eq(sakipAgreementVersions.agreementId, a.id), eq(sakipAgreementVersions.version, v.version)));
    await tx.update(sakipAgreements).set({ updatedAt: now }).where(and(eq(sakipAgreements.regionCode, a.regionCode), eq(sakipAgreements.id, a.id)));
    await audit(tx, now, actor, region.code, 'sakip.agreement_sign', 'sakip_agreement', a.id, { version: v.version, signedOn }, { before: { status: 'draft' }, after: { status: 'signed' } });
  });
}

/**
 * Revises a signed agreement: a new draft version with its reason, the
 * parties as given (or kept), the targets copied afresh from the plan and the
 * programme budgets carried over. The signed version stays as it was.
 */
export async function reviseAgreement(ctx: AppContext, region: AgreementRegion, actor: Actor, id: string, input: AgreementRevision) {
  const reason = input.reason?.trim();
  if (!reason) throw new AppError('sakip.agreement_reason_required');
  await ctx.database.db.transaction(async (tx) => {
    const a = await agreementFor(tx, region.code, id, 'update');
    ensureMayEditPlan(actor, a);
    const v = await versionOf(tx, a);
    if (v.status !== 'signed') throw new AppError('sakip.agreement_not_signed');
    const old = await contentOf(tx, a, v.version);
    const second = input.secondParty === undefined ? (v.secondName === null ? null : { name: v.secondName, position: v.secondPosition!, nip: v.secondNip ?? '' }) : input.secondParty;
    checkParties(a.level as AgreementLevel, second);
    const plan = await planFor(tx, region.code, a.planId);
    const indicatorIds = old.filter((r) => r.kind === 'indicator').map((r) => r.indicatorId!);
    const budgets = new Map(old.filter((r) => r.kind === 'programme').map((r) => [r.nodeId, r.budget]));
    const rows = await rowsFromPlan(tx, plan, a.level as AgreementLevel, a.year, indicatorIds, budgets);
    const now = ctx.clock.now();
    const version = a.version + 1;
    await insertVersion(tx, a, {
      version, status: 'draft', ...partyColumns(input.firstParty ?? { name: v.firstName, position: v.firstPosition, nip: v.firstNip }, second),
      place: input.place?.trim() || v.place, signedOn: null, reason, createdAt: now, createdBy: actor.userId, createdByLabel: actorLabel(actor), signedAt: null, signedBy: null, signedByLabel: null,
    }, rows);
    await tx.update(sakipAgreements).set({ version, updatedAt: now }).where(and(eq(sakipAgreements.regionCode, a.regionCode), eq(sakipAgreements.id, a.id)));
    await audit(tx, now, actor, region.code, 'sakip.agreement_revise', 'sakip_agreement', a.id, { version, reason });
  });
}

// ---------------------------------------------------------------------------
// Reading

async function contentOf(db: Queryable, a: AgreementRow, version: number): Promise<ContentRow[]> {
  return db.select().from(sakipAgreementRows)
    .where(and(eq(sakipAgreementRows.regionCode, a.regionCode), eq(sakipAgreementRows.agreementId, a.id), eq(sakipAgreementRows.version, version)))
    .orderBy(asc(sakipAgreementRows.position));
}

const partyOf = (name: string | null, position: string | null, nip: string | null): AgreementParty | null => (name === null ? null : { name, position: position ?? '', nip: nip ?? '' });
const personOf = (at: Date | null, by: string | null) => (at ? { at, by: by ?? '' } : null);

async function unitOf(db: Queryable, regionCode: string, unitId: string | null) {
  if (!unitId) return null;
  const [u] = await db.select({ id: units.id, code: units.code, name: units.name }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.id, unitId)));
  return u ?? null;
}

const versionBrief = (v: VersionRow) => ({
  version: v.version, status: v.status as 'draft' | 'signed', reason: v.reason, created: personOf(v.createdAt, v.createdByLabel)!, signed: personOf(v.signedAt, v.signedByLabel), signedOn: v.signedOn,
});

/** The agreements of a year (or every year), each with its current version's state. */
export async function listAgreements(ctx: AppContext, region: AgreementRegion, filter: { year?: number }) {
  const db = ctx.database.db;
  const rows = await db.select({ a: sakipAgreements, v: sakipAgreementVersions, unit: { id: units.id, code: units.code, name: units.name } }).from(sakipAgreements)
    .innerJoin(sakipAgreementVersions, and(eq(sakipAgreementVersions.regionCode, sakipAgreements.regionCode), eq(sakipAgreementVersions.agreementId, sakipAgreements.id), eq(sakipAgreementVersions.version, sakipAgreements.version)))
    .leftJoin(units, and(eq(units.regionCode, sakipAgreements.regionCode), eq(units.id, sakipAgreements.unitId)))
    .where(and(eq(sakipAgreements.regionCode, region.code), filter.year === undefined ? undefined : eq(sakipAgreements.year, filter.year)))
    .orderBy(desc(sakipAgreements.year), asc(sakipAgreements.level), asc(units.code), asc(sakipAgreements.subunit));
  const levelOrder = { region: 0, unit: 1, subunit: 2 } as Record<string, number>;
  return rows.sort((x, y) => y.a.year - x.a.year || (x.unit?.code ?? '').localeCompare(y.unit?.code ?? '') || levelOrder[x.a.level] - levelOrder[y.a.level])
    .map(({ a, v, unit }) => ({
      id: a.id, year: a.year, level: a.level as AgreementLevel, unit: unit?.id ? unit : null, subunit: a.subunit, version: a.version, status: v.status as 'draft' | 'signed',
      firstParty: partyOf(v.firstName, v.firstPosition, v.firstNip)!, signed: personOf(v.signedAt, v.signedByLabel), signedOn: v.signedOn, updatedAt: a.updatedAt,
    }));
}

/**
 * One agreement as a version shows it (the current one by default): the
 * document's words, the targets as copied (with whether the plan's target has
 * been revised since), the programmes, the signatures; and every version.
 * A published copy leaves out the parties' NIP, as the public pages do.
 */
export async function agreementView(ctx: AppContext, region: AgreementRegion, id: string, version?: number, copy: 'internal' | 'published' = 'internal') {
  const db = ctx.database.db;
  const a = await agreementFor(db, region.code, id);
  const [v, rows, versions, unit, plan] = await Promise.all([
    versionOf(db, a, version ?? a.version), contentOf(db, a, version ?? a.version),
    db.select().from(sakipAgreementVersions).where(and(eq(sakipAgreementVersions.regionCode, a.regionCode), eq(sakipAgreementVersions.agreementId, a.id))).orderBy(asc(sakipAgreementVersions.version)),
    unitOf(db, region.code, a.unitId), planFor(db, region.code, a.planId),
  ]);
  const current = new Map((await loadPlanData(db, plan)).targets.filter((t) => t.year === a.year).map((t) => [t.indicatorId, t.version]));
  const nip = (n: string | null) => (copy === 'published' ? null : n);
  const first = partyOf(v.firstName, v.firstPosition, nip(v.firstNip))!;
  const second = partyOf(v.secondName, v.secondPosition, nip(v.secondNip));
  return {
    id: a.id, year: a.year, level: a.level as AgreementLevel, unit, subunit: a.subunit, plan: { id: plan.id, title: plan.title },
    currentVersion: a.version, ...versionBrief(v), firstParty: first, secondParty: second, place: v.place,
    words: agreementWords({ year: a.year, level: a.level as AgreementLevel, regionName: region.name, unitName: unit?.name ?? null, subunit: a.subunit, first, second, place: v.place, signedOn: v.signedOn }),
    targets: rows.filter((r) => r.kind === 'indicator').map((r) => ({
      nodeId: r.nodeId, target: r.nodeTitle, indicatorId: r.indicatorId!, indicator: r.indicatorName!, measure: r.measure ?? '',
      type: r.value !== null ? 'single' as const : 'range' as const, value: r.value, low: r.low, high: r.high, targetVersion: r.targetVersion!,
      revisedSince: (current.get(r.indicatorId!) ?? r.targetVersion!) !== r.targetVersion,
    })),
    programmes: rows.filter((r) => r.kind === 'programme').map((r) => ({ nodeId: r.nodeId, code: r.code, title: r.nodeTitle, budget: r.budget })),
    versions: versions.map(versionBrief),
  };
}

/** The latest signed version of an agreement, as the region publishes it (no NIP); null when it was never signed. */
export async function signedVersionView(ctx: AppContext, region: AgreementRegion, id: string) {
  const current = await agreementView(ctx, region, id, undefined, 'published');
  const signed = current.versions.filter((v) => v.status === 'signed').at(-1);
  if (!signed) return null;
  return signed.version === current.version ? current : agreementView(ctx, region, id, signed.version, 'published');
}

export type AgreementView = Awaited<ReturnType<typeof agreementView>>;
