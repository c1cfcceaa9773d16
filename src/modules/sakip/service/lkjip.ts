// The performance report (LKjIP) of the region or a unit for a year: its
// figures read from the active plan covering the year (the RPJMD for the
// region, the unit's Renstra) and built into a snapshot (domain/lkjip.ts);
// the narrative sections start as the generated draft and are staff's from
// then on. draft → final (the unit's head, or the coordinator for the
// region's). A final report is read-only and public; regenerating replaces
// the snapshot of a draft only, and keeps staff's texts unless asked. The
// coordinator may reopen a final report for correction, with a reason: it
// goes back to draft, the approved report stays readable as a version, and
// the public keeps reading that version until the report is final again.
import { and, asc, desc, eq, inArray, max, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { Region } from '../../../platform/regions/service.js';
import { units } from '../../../platform/schema.js';
import { aggregatePeriods, type AggregationRule, type Polarity, type TargetValue } from '../domain/achievement.js';
import {
  buildLkjip, LKJIP_HEADINGS, LKJIP_SECTIONS, type LkjipBudgetInput, type LkjipIndicatorInput, type LkjipProgrammeInput, type LkjipSection, type LkjipSnapshot,
} from '../domain/lkjip.js';
import { planTable } from '../domain/tree.js';
import { sakipRealisations, sakipReports, sakipReportSections, sakipReportVersions } from '../schema.js';
import { ensureMayEditPlan, ensureUnitReached } from './access.js';
import { sourcePlan } from './agreements.js';
import { actorLabel, domainPlan, ensureUnits, loadPlanData, type PlanRow, type TargetRow } from './data.js';
import { budgetedPlans, budgetsByUnit, countedProgrammes, nodeAchievement, nodeOutputs, servedTarget, type ProgrammeBudget } from './efficiency.js';
import { activePlans } from './overview.js';
import { periodKind, periodsOfYear } from './periods.js';

export type ReportRegion = Pick<Region, 'code' | 'name' | 'utcOffsetMinutes' | 'settings'>;
type ReportRow = typeof sakipReports.$inferSelect;
type VersionRow = typeof sakipReportVersions.$inferSelect;

/** The node kinds a report measures: the plan's goals and targets (tujuan, sasaran). */
const REPORTED_KINDS = new Set(['goal', 'target']);

const targetValue = (t: TargetRow | undefined): TargetValue | null =>
  (t === undefined ? null : t.value !== null ? { type: 'single', value: t.value } : { type: 'range', low: t.low!, high: t.high! });

async function unitName(db: Queryable, regionCode: string, unitId: string | null) {
  if (!unitId) return null;
  const [u] = await db.select({ id: units.id, code: units.code, name: units.name }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.id, unitId)));
  return u ?? null;
}

/**
 * Chapter III B's figures: the year's budgeted programmes, each counted once
 * as the region overview counts them (service/efficiency.ts). The region's
 * report (the RPJMD's) takes every active plan covering the year, so each
 * unit's Renstra programmes, or the RPJMD programmes it leads when its
 * Renstra has none; a unit's report its Renstra's, with their activities and
 * sub-activities. Achievement comes from the stored yearly summary, as the
 * overview reads it (kept in step in every change's own transaction). Null
 * when nothing is budgeted that year.
 */
async function budgetFor(db: Queryable, region: ReportRegion, plan: PlanRow, year: number): Promise<LkjipBudgetInput | null> {
  const settings = region.settings.sakip;
  const ofRegion = plan.unitId === null;
  // In turn, not together: `db` may be a transaction's one connection.
  const plans = ofRegion ? await activePlans(db, region.code, year) : [plan];
  const budgeted = await budgetedPlans(db, region, plans, year);
  if (budgeted.length === 0) return null;
  const byUnit = budgetsByUnit(budgeted);
  const names = new Map((await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.regionCode, region.code))).map((u) => [u.id, u.name]));
  const unitOf = (p: ProgrammeBudget) => (ofRegion && p.unitId ? names.get(p.unitId) ?? null : null);
  const byCode = (a: { code: string | null; title: string }, b: { code: string | null; title: string }) => (a.code ?? a.title).localeCompare(b.code ?? b.title, 'id', { numeric: true });
  const programmes = [...byUnit.values()].flatMap(countedProgrammes)
    .sort((a, b) => (unitOf(a) ?? '').localeCompare(unitOf(b) ?? '', 'id') || byCode(a.node, b.node));
  const partsOf = (p: ProgrammeBudget): LkjipProgrammeInput['parts'] => {
    if (ofRegion) return [];
    const under = (parentId: string) => p.from.nodes.filter((n) => n.parentId === parentId && p.from.budgets.get(n.id)).sort(byCode);
    return under(p.node.id).flatMap((a) => [a, ...under(a.id)]).map((n) => ({
      kind: n.kind as 'activity' | 'sub_activity', code: n.code, title: n.title, budget: p.from.budgets.get(n.id)!,
    }));
  };
  return {
    settings,
    programmes: programmes.map((p) => {
      const target = servedTarget(p.from, p.node);
      return {
        code: p.node.code, title: p.node.title, unit: unitOf(p), budget: p.budget, parts: partsOf(p),
        target: target && { title: target.title, achievementPercent: nodeAchievement(settings, p.from, target.id), outputs: nodeOutputs(p.from, target.id, p.budget) },
      };
    }),
    outputs: [...byUnit.values()].flatMap((u) => u.outputs),
  };
}

/**
 * The report's figures as they are now: every goal's and target's indicator
 * in the plan's reading order, with the year's and the plan's last year's
 * targets, the year's and last year's realisations added up by the
 * indicator's rule (missing periods never count as zero), and the year's
 * obstacles and follow-up as reported with the realisations; and the
 * year's budget (budgetFor).
 */
export async function snapshotFor(db: Queryable, region: ReportRegion, plan: PlanRow, year: number): Promise<LkjipSnapshot> {
  // In turn, not together: `db` may be a transaction's one connection.
  const data = await loadPlanData(db, plan);
  const realised = await db.select().from(sakipRealisations).where(and(eq(sakipRealisations.regionCode, region.code), eq(sakipRealisations.planId, plan.id)));
  const unit = await unitName(db, region.code, plan.unitId);
  const targets = new Map(data.targets.map((t) => [`${t.indicatorId}:${t.year}`, t]));
  const indicators = new Map(data.indicators.map((i) => [i.id, i]));
  const yearFigure = (indicatorId: string, rule: AggregationRule, y: number) => {
    const rows = realised.filter((r) => r.indicatorId === indicatorId && r.year === y);
    if (rows.length === 0) return null;
    const values = new Map(rows.map((r) => [r.period, r.value]));
    const a = aggregatePeriods(rule, periodsOfYear(periodKind(rows[0].period), y).map((period) => ({ period, value: values.get(period) ?? null })));
    return a.value === null ? null : { value: a.value.toFixed(), complete: a.complete, rows };
  };
  const distinct = (texts: string[]) => [...new Set(texts.map((t) => t.trim()).filter((t) => t !== ''))];
  const inputs: LkjipIndicatorInput[] = [];
  for (const r of planTable(domainPlan(plan, data))) {
    if (!r.indicator || !REPORTED_KINDS.has(r.node.kind)) continue;
    const i = indicators.get(r.indicator.id)!;
    const rule = i.aggregation as AggregationRule;
    const now = yearFigure(i.id, rule, year);
    const before = year > plan.startYear ? yearFigure(i.id, rule, year - 1) : null;
    inputs.push({
      id: i.id, target: r.node.name, name: i.name, measure: i.measure, polarity: i.polarity as Polarity, isIku: i.isIku,
      targetThisYear: targetValue(targets.get(`${i.id}:${year}`)), targetEnd: targetValue(targets.get(`${i.id}:${plan.endYear}`)),
      realisation: now && { value: now.value, complete: now.complete },
      lastYear: year > plan.startYear ? { realisation: before?.value ?? null, target: targetValue(targets.get(`${i.id}:${year - 1}`)) } : null,
      obstacles: distinct((now?.rows ?? []).map((x) => x.obstacles)), followUp: distinct((now?.rows ?? []).map((x) => x.followUp)),
    });
  }
  const budget = await budgetFor(db, region, plan, year);
  return buildLkjip({
    regionName: region.name, unitName: unit?.name ?? null, year, bands: region.settings.sakip.bands, indicators: inputs, budget,
    plan: { kind: plan.kind as 'rpjmd' | 'renstra', title: plan.title, startYear: plan.startYear, endYear: plan.endYear },
  });
}

async function reportFor(db: Queryable, regionCode: string, id: string, lock?: 'update'): Promise<ReportRow> {
  const q = db.select().from(sakipReports).where(and(eq(sakipReports.regionCode, regionCode), eq(sakipReports.id, id)));
  const [row] = lock ? await q.for(lock) : await q;
  if (!row) throw new AppError('sakip.report_not_found');
  return row;
}

const ensureDraftReport = (r: ReportRow) => {
  if (r.status !== 'draft') throw new AppError('sakip.report_final');
};

async function writeSections(tx: Queryable, r: { regionCode: string; id: string }, texts: Record<LkjipSection, string>, now: Date, by: { id: string | null; label: string }) {
  const values = LKJIP_SECTIONS.map((section) => ({ regionCode: r.regionCode, reportId: r.id, section, text: texts[section], updatedAt: now, updatedBy: by.id, updatedByLabel: by.label }));
  await tx.insert(sakipReportSections).values(values).onConflictDoUpdate({
    target: [sakipReportSections.regionCode, sakipReportSections.reportId, sakipReportSections.section],
    set: { text: sql`excluded.text`, updatedAt: now, updatedBy: by.id, updatedByLabel: by.label },
  });
}

/**
 * Inserts a report with its snapshot and draft texts, as the given person
 * (the demo passes its coordinator). Shared by the use case and the demo.
 */
export async function insertReport(tx: Queryable, region: ReportRegion, plan: PlanRow, year: number, now: Date, by: { id: string | null; label: string }) {
  const snapshot = await snapshotFor(tx, region, plan, year);
  const [r] = await tx.insert(sakipReports).values({
    regionCode: region.code, year, unitId: plan.unitId, planId: plan.id, status: 'draft', generation: 1, snapshot,
    generatedAt: now, generatedBy: by.id, generatedByLabel: by.label, createdAt: now, updatedAt: now,
  }).onConflictDoNothing().returning();
  if (!r) throw new AppError('sakip.report_exists', { year });
  await writeSections(tx, r, snapshot.drafts, now, by);
  return { report: r, snapshot };
}

/** Generates the year's draft report of the region (no unit) or a unit: the coordinator any, a unit planner their unit's. */
export async function generateReport(ctx: AppContext, region: ReportRegion, actor: Actor, input: { year: number; unitId?: string | null }): Promise<string> {
  const unitId = input.unitId ?? null;
  ensureMayEditPlan(actor, { regionCode: region.code, unitId });
  return ctx.database.db.transaction(async (tx) => {
    await ensureUnits(tx, region.code, [unitId]);
    const plan = await sourcePlan(tx, region.code, input.year, unitId, 'sakip.report_no_plan');
    const now = ctx.clock.now();
    const { report, snapshot } = await insertReport(tx, region, plan, input.year, now, { id: actor.userId, label: actorLabel(actor) });
    await audit(tx, now, actor, region.code, 'sakip.report_generate', 'sakip_report', report.id, { year: input.year, unitId, planId: plan.id, indicators: snapshot.rows.length });
    return report.id;
  });
}

/** Replaces a draft's snapshot with today's figures; staff's texts stay unless `resetTexts` asks for the new draft texts. */
export async function regenerateReport(ctx: AppContext, region: ReportRegion, actor: Actor, id: string, input: { resetTexts?: boolean }) {
  await ctx.database.db.transaction(async (tx) => {
    const r = await reportFor(tx, region.code, id, 'update');
    ensureMayEditPlan(actor, r);
    ensureDraftReport(r);
    const plan = await sourcePlan(tx, region.code, r.year, r.unitId, 'sakip.report_no_plan');
    const snapshot = await snapshotFor(tx, region, plan, r.year);
    const now = ctx.clock.now();
    const by = { id: actor.userId, label: actorLabel(actor) };
    await tx.update(sakipReports).set({ snapshot, planId: plan.id, generation: r.generation + 1, generatedAt: now, generatedBy: by.id, generatedByLabel: by.label, updatedAt: now })
      .where(and(eq(sakipReports.regionCode, r.regionCode), eq(sakipReports.id, r.id)));
    if (input.resetTexts) await writeSections(tx, r, snapshot.drafts, now, by);
    await audit(tx, now, actor, region.code, 'sakip.report_regenerate', 'sakip_report', r.id, { generation: r.generation + 1, resetTexts: !!input.resetTexts });
  });
}

/** Staff's text of one section of a draft. */
export async function editSection(ctx: AppContext, region: ReportRegion, actor: Actor, id: string, section: LkjipSection, text: string) {
  await ctx.database.db.transaction(async (tx) => {
    const r = await reportFor(tx, region.code, id, 'update');
    ensureMayEditPlan(actor, r);
    ensureDraftReport(r);
    const now = ctx.clock.now();
    const where = and(eq(sakipReportSections.regionCode, r.regionCode), eq(sakipReportSections.reportId, r.id), eq(sakipReportSections.section, section));
    const [before] = await tx.select({ text: sakipReportSections.text }).from(sakipReportSections).where(where);
    await tx.update(sakipReportSections).set({ text, updatedAt: now, updatedBy: actor.userId, updatedByLabel: actorLabel(actor) }).where(where);
    await tx.update(sakipReports).set({ updatedAt: now }).where(and(eq(sakipReports.regionCode, r.regionCode), eq(sakipReports.id, r.id)));
    await audit(tx, now, actor, region.code, 'sakip.report_section', 'sakip_report', r.id, { section }, { before: { text: before?.text ?? '' }, after: { text } });
  });
}

/** Approves the draft as final: the unit's head for a unit's report, the coordinator for any. */
export async function finaliseReport(ctx: AppContext, region: ReportRegion, actor: Actor, id: string) {
  await ctx.database.db.transaction(async (tx) => {
    const r = await reportFor(tx, region.code, id, 'update');
    ensureUnitReached(actor, region.code, r.unitId, 'sakip.report_approve');
    ensureDraftReport(r);
    const now = ctx.clock.now();
    await tx.update(sakipReports).set({ status: 'final', finalisedAt: now, finalisedBy: actor.userId, finalisedByLabel: actorLabel(actor), updatedAt: now })
      .where(and(eq(sakipReports.regionCode, r.regionCode), eq(sakipReports.id, r.id)));
    await audit(tx, now, actor, region.code, 'sakip.report_finalise', 'sakip_report', r.id, { year: r.year, generation: r.generation }, { before: { status: 'draft' }, after: { status: 'final' } });
  });
}

/**
 * Reopens a final report for correction: the coordinator only (a unit's head
 * approves, but does not undo an approval), with a reason. The report as
 * approved (figures, texts, who approved it) is kept as the next version,
 * with who reopened it, when and why; the report is a draft again.
 */
export async function reopenReport(ctx: AppContext, region: ReportRegion, actor: Actor, id: string, reason: string | undefined) {
  await ctx.database.db.transaction(async (tx) => {
    const r = await reportFor(tx, region.code, id, 'update');
    ensureUnitReached(actor, region.code, null, 'sakip.report_approve');
    const why = reason?.trim() ?? '';
    if (why === '') throw new AppError('sakip.report_reopen_reason_required');
    if (r.status !== 'final') throw new AppError('sakip.report_not_final');
    // In turn, not together: `tx` is one connection.
    const sections = await tx.select({ section: sakipReportSections.section, text: sakipReportSections.text }).from(sakipReportSections)
      .where(and(eq(sakipReportSections.regionCode, r.regionCode), eq(sakipReportSections.reportId, r.id)));
    const [{ last }] = await tx.select({ last: max(sakipReportVersions.version) }).from(sakipReportVersions)
      .where(and(eq(sakipReportVersions.regionCode, r.regionCode), eq(sakipReportVersions.reportId, r.id)));
    const version = (last ?? 0) + 1;
    const now = ctx.clock.now();
    await tx.insert(sakipReportVersions).values({
      regionCode: r.regionCode, reportId: r.id, version, generation: r.generation, snapshot: r.snapshot,
      sections: LKJIP_SECTIONS.map((key) => ({ key, text: sections.find((x) => x.section === key)?.text ?? '' })),
      generatedAt: r.generatedAt, finalisedAt: r.finalisedAt!, finalisedBy: r.finalisedBy, finalisedByLabel: r.finalisedByLabel ?? '',
      reopenedAt: now, reopenedBy: actor.userId, reopenedByLabel: actorLabel(actor), reason: why,
    });
    await tx.update(sakipReports).set({ status: 'draft', finalisedAt: null, finalisedBy: null, finalisedByLabel: null, updatedAt: now })
      .where(and(eq(sakipReports.regionCode, r.regionCode), eq(sakipReports.id, r.id)));
    await audit(tx, now, actor, region.code, 'sakip.report_reopen', 'sakip_report', r.id, { year: r.year, version, reason: why }, { before: { status: 'final' }, after: { status: 'draft' } });
  });
}

// ---------------------------------------------------------------------------
// Reading

/** The reports' earlier final versions, oldest first. */
const versionsOf = (db: Queryable, regionCode: string, reportIds: string[]): Promise<VersionRow[]> => (reportIds.length === 0 ? Promise.resolve([]) : db.select().from(sakipReportVersions)
  .where(and(eq(sakipReportVersions.regionCode, regionCode), inArray(sakipReportVersions.reportId, reportIds)))
  .orderBy(asc(sakipReportVersions.reportId), asc(sakipReportVersions.version)));

/** The sections as the documents print them, from what is stored. */
const sectionsWithHeadings = (stored: { key: string; text: string }[]) =>
  LKJIP_SECTIONS.map((key) => ({ key, heading: LKJIP_HEADINGS[key], text: stored.find((x) => x.key === key)?.text ?? '' }));

/**
 * The region's reports of a year (or every year), the region's first, then
 * by unit code. `published`: only those the public reads (final, or reopened
 * with an approved version), each with when its public version was approved.
 */
export async function listReports(ctx: AppContext, regionCode: string, filter: { year?: number; published?: boolean }) {
  const db = ctx.database.db;
  const reopened = db.select({ id: sakipReportVersions.reportId }).from(sakipReportVersions).where(eq(sakipReportVersions.regionCode, regionCode));
  const rows = await db.select({ r: sakipReports, unit: { id: units.id, code: units.code, name: units.name } }).from(sakipReports)
    .leftJoin(units, and(eq(units.regionCode, sakipReports.regionCode), eq(units.id, sakipReports.unitId)))
    .where(and(
      eq(sakipReports.regionCode, regionCode),
      filter.year === undefined ? undefined : eq(sakipReports.year, filter.year),
      filter.published ? or(eq(sakipReports.status, 'final'), inArray(sakipReports.id, reopened)) : undefined,
    ))
    .orderBy(desc(sakipReports.year), asc(units.code));
  const approved = new Map((filter.published ? await versionsOf(db, regionCode, rows.filter(({ r }) => r.status !== 'final').map(({ r }) => r.id)) : [])
    .map((v) => [v.reportId, v.finalisedAt])); // ascending versions: the last one stays
  return rows.sort((a, b) => b.r.year - a.r.year || Number(a.r.unitId !== null) - Number(b.r.unitId !== null)).map(({ r, unit }) => ({
    id: r.id, year: r.year, unit: unit?.id ? unit : null, status: r.status as 'draft' | 'final', generation: r.generation,
    subject: (r.snapshot as LkjipSnapshot).subject, generatedAt: r.generatedAt, finalisedAt: r.finalisedAt ?? approved.get(r.id) ?? null, updatedAt: r.updatedAt,
  }));
}

/** One report: the snapshot, the sections as staff wrote them, who did what, and its earlier final versions (for staff). */
export async function reportView(ctx: AppContext, regionCode: string, id: string) {
  const db = ctx.database.db;
  const r = await reportFor(db, regionCode, id);
  const [sections, unit, versions] = await Promise.all([
    db.select().from(sakipReportSections).where(and(eq(sakipReportSections.regionCode, regionCode), eq(sakipReportSections.reportId, r.id))),
    unitName(db, regionCode, r.unitId),
    versionsOf(db, regionCode, [r.id]),
  ]);
  const bySection = new Map(sections.map((s) => [s.section, s]));
  return {
    id: r.id, year: r.year, unit, planId: r.planId, status: r.status as 'draft' | 'final', generation: r.generation,
    generated: { at: r.generatedAt, by: r.generatedByLabel }, final: r.finalisedAt ? { at: r.finalisedAt, by: r.finalisedByLabel ?? '' } : null,
    snapshot: r.snapshot as LkjipSnapshot,
    sections: LKJIP_SECTIONS.map((key) => {
      const s = bySection.get(key);
      return { key, heading: LKJIP_HEADINGS[key], text: s?.text ?? '', updated: s ? { at: s.updatedAt, by: s.updatedByLabel } : null };
    }),
    versions: versions.map((v) => ({
      version: v.version, generation: v.generation, final: { at: v.finalisedAt, by: v.finalisedByLabel }, reopened: { at: v.reopenedAt, by: v.reopenedByLabel, reason: v.reason },
    })),
  };
}

export type ReportView = Awaited<ReturnType<typeof reportView>>;

/** An earlier final version of a report, as it was approved, with who reopened it, when and why. */
export async function reportVersionView(ctx: AppContext, regionCode: string, id: string, version: number) {
  const db = ctx.database.db;
  const r = await reportFor(db, regionCode, id);
  const [[v], unit] = await Promise.all([
    db.select().from(sakipReportVersions).where(and(eq(sakipReportVersions.regionCode, regionCode), eq(sakipReportVersions.reportId, r.id), eq(sakipReportVersions.version, version))),
    unitName(db, regionCode, r.unitId),
  ]);
  if (!v) throw new AppError('sakip.report_version_not_found', { version });
  return {
    id: r.id, year: r.year, unit, version: v.version, status: 'final' as const, generation: v.generation, generatedAt: v.generatedAt,
    final: { at: v.finalisedAt, by: v.finalisedByLabel }, reopened: { at: v.reopenedAt, by: v.reopenedByLabel, reason: v.reason },
    snapshot: v.snapshot as LkjipSnapshot, sections: sectionsWithHeadings(v.sections as { key: string; text: string }[]),
  };
}

/**
 * A report as the public reads it: the report when final; while a final
 * report is reopened for correction, its latest approved version (marked
 * `underRevision`); a report never approved is not found. No one's sign-in name.
 */
export async function publicReportView(ctx: AppContext, regionCode: string, id: string) {
  const r = await reportView(ctx, regionCode, id);
  const asPublished = (x: { generation: number; finalisedAt: Date; generatedAt: Date; snapshot: LkjipSnapshot; sections: { key: LkjipSection; heading: string; text: string }[] }, underRevision: boolean) => ({
    id: r.id, year: r.year, unit: r.unit, status: 'final' as const, generation: x.generation, generatedAt: x.generatedAt, finalisedAt: x.finalisedAt, underRevision,
    snapshot: x.snapshot, sections: x.sections.map((s) => ({ key: s.key, heading: s.heading, text: s.text })),
  });
  if (r.status === 'final') return asPublished({ ...r, generatedAt: r.generated.at, finalisedAt: r.final!.at }, false);
  const last = r.versions.at(-1);
  if (!last) throw new AppError('sakip.report_not_found');
  const v = await reportVersionView(ctx, regionCode, id, last.version);
  return asPublished({ ...v, finalisedAt: v.final.at }, true);
}
