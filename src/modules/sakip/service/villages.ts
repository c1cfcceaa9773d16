// Village data, "down to the village": a kecamatan is a unit linked to its
// district code; an indicator can be measured per desa/kelurahan, entered by
// the kecamatan's staff (their own villages only) or the coordinator, typed
// or imported (from a template), a wrong value deleted with its reason, and
// rolled up (domain/villages.ts) to each kecamatan and to the indicator's
// realisation, which is written in the same transaction and marked as from
// villages. One transaction per use case, audited inside it.
import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import type { AppContext } from '../../../platform/context.js';
import { csvDialect, csvFile, parseCsv } from '../../../platform/csv.js';
import type { Locale } from '../../../platform/i18n.js';
import type { TimeZone } from '../../../platform/regions/areas.js';
import { isXlsxNumber, readXlsx, type XlsxLimits } from '../../../platform/xlsx.js';
import type { Queryable } from '../../../platform/db/client.js';
import { Dec, round2 } from '../../../platform/decimal.js';
import { AppError, errorMessages, type ErrorCode } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import { rolesWith, unitsReached, type Actor } from '../../../platform/auth/policy.js';
import { areas, units } from '../../../platform/schema.js';
import { achievement, type Polarity } from '../domain/achievement.js';
import { rankOf, rollUp, type RolledUp, type VillageEntry, type VillageRule } from '../domain/villages.js';
import { sakipIndicators, sakipKecamatanUnits, sakipPlans, sakipRealisations, sakipTargets, sakipVillageIndicators, sakipVillageValues, sakipVillageValueVersions } from '../schema.js';
import { actorLabel, decimalInput, ensureUnits, indicatorIn, planFor, villageRuleOf, type IndicatorRow, type PlanRow, type VillageRuleRow } from './data.js';
import { parsePeriod, periodOrder } from './periods.js';
import { lockingPeriod } from './reporting.js';
import { periodGuard, realisationView, removeRealisation, targetView, writeRealisation } from './targets.js';
import { resultOf, targetValueOf, type RegionView } from './views.js';
import { decimalCell, headerRow, widths, XLSX_TYPE } from './workbook.js';

type Region = { code: string; utcOffsetMinutes: number };
type ValueRow = typeof sakipVillageValues.$inferSelect;

// ---------------------------------------------------------------------------
// Kecamatan: a unit linked to its district code

/** The districts (kecamatan codes) the actor enters villages for; null: every one of the region (the coordinator). */
async function districtsReached(db: Queryable, actor: Actor, regionCode: string): Promise<Set<string> | null> {
  const reach = unitsReached(actor, regionCode, new Set(rolesWith('sakip.village')));
  if (reach === null) return null;
  if (reach.size === 0) return new Set();
  const rows = await db.select({ districtCode: sakipKecamatanUnits.districtCode }).from(sakipKecamatanUnits)
    .where(and(eq(sakipKecamatanUnits.regionCode, regionCode), inArray(sakipKecamatanUnits.unitId, [...reach])));
  return new Set(rows.map((r) => r.districtCode));
}

const inRegion = (regionCode: string, code: string) => code.startsWith(`${regionCode}.`);

/** The region's kecamatan units, each with its district's name and number of desa/kelurahan, and whether the actor enters its villages. */
export async function listKecamatan(ctx: AppContext, regionCode: string, actor: Actor) {
  const db = ctx.database.db;
  const [links, reached] = await Promise.all([
    db.select({ link: sakipKecamatanUnits, unit: { id: units.id, code: units.code, name: units.name }, name: areas.name }).from(sakipKecamatanUnits)
      .innerJoin(units, and(eq(units.regionCode, sakipKecamatanUnits.regionCode), eq(units.id, sakipKecamatanUnits.unitId)))
      .innerJoin(areas, eq(areas.code, sakipKecamatanUnits.districtCode))
      .where(eq(sakipKecamatanUnits.regionCode, regionCode)).orderBy(asc(sakipKecamatanUnits.districtCode)),
    districtsReached(db, actor, regionCode),
  ]);
  const counts = links.length === 0 ? [] : await db.select({ parent: areas.parentCode, code: areas.code }).from(areas)
    .where(inArray(areas.parentCode, links.map((l) => l.link.districtCode)));
  return links.map(({ link, unit, name }) => ({
    districtCode: link.districtCode, name, unit, villages: counts.filter((c) => c.parent === link.districtCode).length,
    editable: reached === null || reached.has(link.districtCode), setAt: link.setAt, setBy: link.setByLabel,
  }));
}

/** Links a unit of the region to a kecamatan (district) of the region; a kecamatan belongs to one unit. */
export async function linkKecamatan(ctx: AppContext, regionCode: string, actor: Actor, unitId: string, districtCode: string) {
  await ctx.database.db.transaction(async (tx) => {
    await ensureUnits(tx, regionCode, [unitId]);
    const [district] = await tx.select().from(areas).where(eq(areas.code, districtCode));
    if (!district || district.level !== 'district' || !inRegion(regionCode, districtCode)) throw new AppError('sakip.district_not_in_region', { districtCode });
    const [taken] = await tx.select().from(sakipKecamatanUnits)
      .where(and(eq(sakipKecamatanUnits.regionCode, regionCode), eq(sakipKecamatanUnits.districtCode, districtCode))).for('update');
    if (taken && taken.unitId !== unitId) throw new AppError('sakip.district_taken', { districtCode });
    const [before] = await tx.select().from(sakipKecamatanUnits).where(and(eq(sakipKecamatanUnits.regionCode, regionCode), eq(sakipKecamatanUnits.unitId, unitId))).for('update');
    if (before?.districtCode === districtCode) return;
    const now = ctx.clock.now();
    const set = { districtCode, setAt: now, setBy: actor.userId, setByLabel: actorLabel(actor) };
    await tx.insert(sakipKecamatanUnits).values({ regionCode, unitId, ...set })
      .onConflictDoUpdate({ target: [sakipKecamatanUnits.regionCode, sakipKecamatanUnits.unitId], set });
    await audit(tx, now, actor, regionCode, 'sakip.kecamatan_link', 'unit', unitId, { districtCode },
      { before: before ? { districtCode: before.districtCode } : null, after: { districtCode } });
  });
}

// ---------------------------------------------------------------------------
// Which indicators are measured per village, and how they roll up

export interface VillageRuleInput { rollup: 'sum' | 'rate'; scale?: string | number; numeratorLabel?: string; denominatorLabel?: string }

export const ruleOf = (r: VillageRuleRow): VillageRule => (r.rollup === 'rate' ? { rollup: 'rate', scale: r.scale! } : { rollup: 'sum' });
export const ruleView = (r: VillageRuleRow) => ({ rollup: r.rollup as 'sum' | 'rate', scale: r.scale, numeratorLabel: r.numeratorLabel, denominatorLabel: r.denominatorLabel });

/**
 * Marks an indicator as measured per village with its roll-up (the
 * coordinator's): a sum, or a rate with its scale (100 for a percentage).
 * Not for an indicator taken from another module; the kind of roll-up no
 * longer changes once villages have values (their meaning would).
 */
export async function setVillageRule(ctx: AppContext, regionCode: string, actor: Actor, planId: string, indicatorId: string, input: VillageRuleInput) {
  return ctx.database.db.transaction(async (tx) => {
    const plan = await planFor(tx, regionCode, planId, 'share');
    const indicator = await indicatorIn(tx, plan, indicatorId, 'update');
    if (indicator.source) throw new AppError('sakip.village_source_conflict');
    let scale: string | null = null;
    if (input.rollup === 'rate') {
      scale = decimalInput(input.scale ?? '100', false);
      if (new Dec(scale).isZero()) throw new AppError('sakip.village_rule_invalid');
    } else if (input.scale !== undefined) throw new AppError('sakip.village_rule_invalid');
    const before = await villageRuleOf(tx, regionCode, indicator.id);
    if (before && (before.rollup !== input.rollup || !new Dec(before.scale ?? 0).eq(scale ?? 0))) {
      const [used] = await tx.select({ v: sakipVillageValues.villageCode }).from(sakipVillageValues)
        .where(and(eq(sakipVillageValues.regionCode, regionCode), eq(sakipVillageValues.indicatorId, indicator.id))).limit(1);
      if (used) throw new AppError('sakip.village_rule_in_use');
    }
    const now = ctx.clock.now();
    const set = {
      rollup: input.rollup, scale, numeratorLabel: input.numeratorLabel ?? before?.numeratorLabel ?? '', denominatorLabel: input.denominatorLabel ?? before?.denominatorLabel ?? '',
      setAt: now, setBy: actor.userId, setByLabel: actorLabel(actor),
    };
    const [row] = await tx.insert(sakipVillageIndicators).values({ regionCode, indicatorId: indicator.id, planId: plan.id, ...set })
      .onConflictDoUpdate({ target: [sakipVillageIndicators.regionCode, sakipVillageIndicators.indicatorId], set }).returning();
    await audit(tx, now, actor, regionCode, 'sakip.village_rule', 'sakip_indicator', indicator.id, { planId: plan.id },
      { before: before ? ruleView(before) : null, after: ruleView(row) });
    return ruleView(row);
  });
}

/** The region's indicators measured per village in the active plans covering the year, with the periods that have village values. */
export async function listVillageIndicators(ctx: AppContext, regionCode: string, year: number) {
  const db = ctx.database.db;
  const rows = await db.select({ rule: sakipVillageIndicators, plan: sakipPlans, indicator: { id: sakipIndicators.id, name: sakipIndicators.name, measure: sakipIndicators.measure, polarity: sakipIndicators.polarity } })
    .from(sakipVillageIndicators)
    .innerJoin(sakipPlans, and(eq(sakipPlans.regionCode, sakipVillageIndicators.regionCode), eq(sakipPlans.id, sakipVillageIndicators.planId)))
    .innerJoin(sakipIndicators, and(eq(sakipIndicators.regionCode, sakipVillageIndicators.regionCode), eq(sakipIndicators.id, sakipVillageIndicators.indicatorId)))
    .where(and(eq(sakipVillageIndicators.regionCode, regionCode), eq(sakipPlans.status, 'active')))
    .orderBy(asc(sakipPlans.kind), asc(sakipPlans.title), asc(sakipIndicators.position), asc(sakipIndicators.name));
  const covering = rows.filter((r) => r.plan.startYear <= year && r.plan.endYear >= year);
  const periods = covering.length === 0 ? [] : await db.selectDistinct({ indicatorId: sakipVillageValues.indicatorId, period: sakipVillageValues.period }).from(sakipVillageValues)
    .where(and(eq(sakipVillageValues.regionCode, regionCode), eq(sakipVillageValues.year, year), inArray(sakipVillageValues.indicatorId, covering.map((r) => r.rule.indicatorId))));
  return covering.map((r) => ({
    planId: r.plan.id, planTitle: r.plan.title, indicator: r.indicator, rule: ruleView(r.rule),
    periods: periods.filter((p) => p.indicatorId === r.rule.indicatorId).map((p) => p.period).sort((a, b) => periodOrder(a) - periodOrder(b)),
  }));
}

// ---------------------------------------------------------------------------
// Entering village values

export interface VillageValueInput { villageCode: string; value: string | number; denominator?: string | number | null; note?: string }

interface Checked { villageCode: string; districtCode: string; value: string; denominator: string | null; note: string | undefined }

/** One village's figures as the rule wants them: exact, not negative; a rate's numerator within a denominator above 0. */
function checkFigures(rule: VillageRuleRow, input: Pick<VillageValueInput, 'value' | 'denominator'>): { value: string; denominator: string | null } {
  const value = decimalInput(input.value, false);
  const given = input.denominator !== undefined && input.denominator !== null && String(input.denominator).trim() !== '';
  if (rule.rollup === 'sum') {
    if (given) throw new AppError('sakip.denominator_not_allowed');
    return { value, denominator: null };
  }
  if (!given) throw new AppError('sakip.denominator_required');
  const denominator = decimalInput(input.denominator!, false);
  if (new Dec(denominator).isZero()) throw new AppError('sakip.denominator_required', { value: String(input.denominator) });
  if (new Dec(value).gt(denominator)) throw new AppError('sakip.numerator_exceeds_denominator', { value: `${value} / ${denominator}` });
  return { value, denominator };
}

/** The villages named, by code, each a village of the region: its kecamatan, name and kind. */
async function villagesOf(db: Queryable, regionCode: string, codes: string[]) {
  const wanted = [...new Set(codes.filter((c) => inRegion(regionCode, c)))];
  const rows = wanted.length === 0 ? [] : await db.select().from(areas).where(and(inArray(areas.code, wanted), eq(areas.level, 'village')));
  return new Map(rows.map((r) => [r.code, r]));
}

/** The village's problem, if any: not the region's, not the actor's kecamatan. */
function villageProblem(code: string, found: Map<string, { parentCode: string | null }>, reached: Set<string> | null): ErrorCode | null {
  const v = found.get(code);
  if (!v) return 'sakip.village_not_in_region';
  if (reached !== null && !reached.has(v.parentCode!)) return 'sakip.village_not_yours';
  return null;
}

/**
 * Writes checked village values for one period inside the caller's
 * transaction (corrections keep the version they replace; the same figures
 * again change nothing), then rolls every village of the period up into the
 * indicator's realisation, marked as from villages.
 */
async function writeVillageValues(
  tx: Queryable, now: Date, actor: Actor, plan: PlanRow, indicator: IndicatorRow, rule: VillageRuleRow, period: string, entries: Checked[],
  opts: { reason: string | null; lockedBy: string | null },
) {
  const regionCode = plan.regionCode;
  const year = parsePeriod(period).year;
  const key = and(eq(sakipVillageValues.regionCode, regionCode), eq(sakipVillageValues.indicatorId, indicator.id), eq(sakipVillageValues.period, period));
  const existing = new Map((await tx.select().from(sakipVillageValues).where(key).for('update')).map((r) => [r.villageCode, r]));
  // A village whose value was deleted goes on from its last version.
  const fresh = entries.map((e) => e.villageCode).filter((c) => !existing.has(c));
  const lastDeleted = new Map(fresh.length === 0 ? [] : (await tx.select({ villageCode: sakipVillageValueVersions.villageCode, version: max(sakipVillageValueVersions.version) })
    .from(sakipVillageValueVersions)
    .where(and(eq(sakipVillageValueVersions.regionCode, regionCode), eq(sakipVillageValueVersions.indicatorId, indicator.id), eq(sakipVillageValueVersions.period, period),
      inArray(sakipVillageValueVersions.villageCode, fresh)))
    .groupBy(sakipVillageValueVersions.villageCode)).map((r) => [r.villageCode, r.version ?? 0]));
  let changed = 0;
  for (const e of entries) {
    const before = existing.get(e.villageCode);
    const note = e.note ?? before?.note ?? '';
    if (before && new Dec(before.value).eq(e.value) && (before.denominator === null ? e.denominator === null : e.denominator !== null && new Dec(before.denominator).eq(e.denominator)) && before.note === note) continue;
    if (before) {
      const { year: _year, ...replaced } = before;
      await tx.insert(sakipVillageValueVersions).values(replaced);
    }
    const set = {
      districtCode: e.districtCode, value: e.value, denominator: e.denominator, note, enteredAt: now, enteredBy: actor.userId, enteredByLabel: actorLabel(actor),
      version: (before?.version ?? lastDeleted.get(e.villageCode) ?? 0) + 1, reason: opts.reason, afterClose: opts.lockedBy !== null,
    };
    await tx.insert(sakipVillageValues).values({ regionCode, indicatorId: indicator.id, period, villageCode: e.villageCode, planId: plan.id, year, ...set })
      .onConflictDoUpdate({ target: [sakipVillageValues.regionCode, sakipVillageValues.indicatorId, sakipVillageValues.period, sakipVillageValues.villageCode], set });
    changed++;
  }
  if (changed === 0) return { changed, realisation: null };
  return { changed, realisation: await rollUpRealisation(tx, now, actor, plan, indicator, rule, period, opts) };
}

/**
 * Rewrites the indicator's realisation for the period from all its village
 * values, inside the caller's transaction; with no village value left, the
 * realisation is removed (kept in its history) and null returned.
 */
async function rollUpRealisation(
  tx: Queryable, now: Date, actor: Actor, plan: PlanRow, indicator: IndicatorRow, rule: VillageRuleRow, period: string, opts: { reason: string | null; lockedBy: string | null },
) {
  const all = await tx.select().from(sakipVillageValues)
    .where(and(eq(sakipVillageValues.regionCode, plan.regionCode), eq(sakipVillageValues.indicatorId, indicator.id), eq(sakipVillageValues.period, period)));
  const total = rollUp(ruleOf(rule), all);
  if (!total) {
    await removeRealisation(tx, now, actor, plan, indicator, period, opts);
    return null;
  }
  const kecamatan = new Set(all.map((r) => r.districtCode)).size;
  return writeRealisation(tx, now, actor, plan, indicator, period, {
    value: total.value.toFixed(),
    note: `Dihitung dari ${total.villages} desa/kelurahan di ${kecamatan} kecamatan / Rolled up from ${total.villages} villages in ${kecamatan} kecamatan`,
  }, { ...opts, fromVillages: true });
}

/** What entering and importing share: the plan, the indicator and its rule, the period's guard, the actor's kecamatan. */
async function prepareEntry(tx: Queryable, region: Region, actor: Actor, planId: string, indicatorId: string, period: string, reason: string | null, now: Date) {
  parsePeriod(period);
  const plan = await planFor(tx, region.code, planId, 'share');
  const indicator = await indicatorIn(tx, plan, indicatorId, 'update');
  const rule = await villageRuleOf(tx, region.code, indicator.id);
  if (!rule) throw new AppError('sakip.not_village_indicator');
  const reached = await districtsReached(tx, actor, region.code);
  const lockedBy = await periodGuard(tx, region, actor, plan, period, reason, now);
  return { plan, indicator, rule, reached, lockedBy };
}

/**
 * Enters (or corrects) the values of some villages for one period: every
 * village of the region, and of the actor's kecamatan unless they are the
 * coordinator; all or nothing. The indicator's realisation follows.
 */
export async function enterVillageValues(ctx: AppContext, region: Region, actor: Actor, planId: string, indicatorId: string, period: string, input: { values: VillageValueInput[]; reason?: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const reason = input.reason?.trim() || null;
    const { plan, indicator, rule, reached, lockedBy } = await prepareEntry(tx, region, actor, planId, indicatorId, period, reason, now);
    const found = await villagesOf(tx, region.code, input.values.map((v) => v.villageCode));
    const seen = new Set<string>();
    const entries = input.values.map((v): Checked => {
      const problem = villageProblem(v.villageCode, found, reached);
      if (problem) throw new AppError(problem, { villageCode: v.villageCode });
      if (seen.has(v.villageCode)) throw new AppError('sakip.village_duplicate', { villageCode: v.villageCode });
      seen.add(v.villageCode);
      try {
        return { villageCode: v.villageCode, districtCode: found.get(v.villageCode)!.parentCode!, ...checkFigures(rule, v), note: v.note };
      } catch (err) {
        // Which village's figure was refused, beside what was wrong with it.
        if (err instanceof AppError) throw new AppError(err.code, { ...(err.details as object), villageCode: v.villageCode });
        throw err;
      }
    });
    const written = await writeVillageValues(tx, now, actor, plan, indicator, rule, period, entries, { reason, lockedBy });
    await audit(tx, now, actor, region.code, 'sakip.village_values', 'sakip_indicator', indicator.id,
      { planId: plan.id, period, villages: entries.map((e) => e.villageCode), changed: written.changed, ...(reason ? { reason } : {}), ...(lockedBy ? { lockedBy } : {}) });
    return { changed: written.changed, realisation: written.realisation };
  });
}

/**
 * Deletes one village's value for a period (a wrong entry), with a reason:
 * the same villages, people and period locks as entering; the value is kept
 * in its history marked deleted, and the indicator's realisation is rolled
 * up again from the villages left, in the same transaction.
 */
export async function deleteVillageValue(ctx: AppContext, region: Region, actor: Actor, planId: string, indicatorId: string, period: string, villageCode: string, input: { reason: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const reason = input.reason.trim();
    if (!reason) throw new AppError('sakip.village_delete_reason_required');
    const { plan, indicator, rule, reached, lockedBy } = await prepareEntry(tx, region, actor, planId, indicatorId, period, reason, now);
    const problem = villageProblem(villageCode, await villagesOf(tx, region.code, [villageCode]), reached);
    if (problem) throw new AppError(problem, { villageCode });
    const key = and(eq(sakipVillageValues.regionCode, region.code), eq(sakipVillageValues.indicatorId, indicator.id), eq(sakipVillageValues.period, period),
      eq(sakipVillageValues.villageCode, villageCode));
    const [before] = await tx.select().from(sakipVillageValues).where(key).for('update');
    if (!before) throw new AppError('sakip.village_value_not_found', { villageCode });
    const { year: _year, ...removed } = before;
    await tx.insert(sakipVillageValueVersions).values({ ...removed, deletedAt: now, deletedBy: actor.userId, deletedByLabel: actorLabel(actor), deleteReason: reason });
    await tx.delete(sakipVillageValues).where(key);
    const realisation = await rollUpRealisation(tx, now, actor, plan, indicator, rule, period, { reason, lockedBy });
    await audit(tx, now, actor, region.code, 'sakip.village_delete', 'sakip_indicator', indicator.id,
      { planId: plan.id, period, villageCode, version: before.version, reason, ...(lockedBy ? { lockedBy } : {}) },
      { before: { value: before.value, denominator: before.denominator, note: before.note }, after: null });
    return { realisation };
  });
}

// ---------------------------------------------------------------------------
// Importing a CSV or XLSX of village values

/**
 * A village file as one sheet of text cells, and whether its figures are
 * written with a decimal comma: a CSV separated by semicolons is what Excel
 * in Indonesian saves, with "12,5" for 12.5.
 */
export interface VillageSheet { rows: string[][]; decimalComma: boolean }

/** A village file: an .xlsx (checked by its content, first sheet) or else UTF-8 text read as CSV (comma or semicolon). */
export async function readVillageFile(data: Buffer): Promise<VillageSheet> {
  const type = await fileTypeFromBuffer(data);
  if (type?.mime === XLSX_TYPE) {
    const [sheet] = await readXlsx(data, villageXlsxLimits);
    const rows = (sheet?.rows ?? []).map((row) => row.map((c) => (c === null ? '' : isXlsxNumber(c) ? new Dec(c.number).toFixed() : c instanceof Date ? c.toISOString() : String(c))));
    return { rows, decimalComma: false };
  }
  if (type) throw new AppError('sakip.village_file_type');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new AppError('sakip.village_file_type');
  }
  if (text.includes('\u0000')) throw new AppError('sakip.village_file_type');
  const { rows, separator } = parseCsv(text);
  return { rows, decimalComma: separator === ';' };
}

/** A region's villages are a few hundred rows: far below these. */
const villageXlsxLimits: XlsxLimits = {
  maxEntries: 100, maxUnpackedBytes: 10 * 1024 * 1024, maxRows: 10_000, maxColumns: 50, tooLarge: 'sakip.workbook_too_large', unreadable: 'sakip.workbook_unreadable',
};

export interface ImportProblem { row: number; column: string; code: string; message: { id: string; en: string } }

/** The columns of the file, by header (Indonesian or English), row 1. */
export const VILLAGE_COLUMNS = {
  villageCode: ['kode_desa', 'village_code'],
  value: ['nilai', 'value'],
  denominator: ['penyebut', 'denominator'],
  note: ['catatan', 'note'],
} as const;

/** Columns the template adds for people to read; the import does not read them. */
const TEMPLATE_INFO_COLUMNS = { name: 'nama_desa', district: 'kecamatan' } as const;

const MAX_PROBLEMS = 50;

/**
 * Imports a sheet of village values (rows of text cells, header first) for
 * one period: every row checked, every problem named by row (as a
 * spreadsheet numbers it, the header being row 1) and column; nothing is
 * saved unless every row is right.
 */
export async function importVillageValues(ctx: AppContext, region: Region, actor: Actor, planId: string, indicatorId: string, period: string, sheet: VillageSheet, input: { fileName: string; reason?: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const reason = input.reason?.trim() || null;
    const { plan, indicator, rule, reached, lockedBy } = await prepareEntry(tx, region, actor, planId, indicatorId, period, reason, now);
    const problems: ImportProblem[] = [];
    const problem = (row: number, column: string, code: ErrorCode, details?: unknown) => problems.push({ row, column, code, message: errorMessages(code, details) });
    const header = (sheet.rows[0] ?? []).map((h) => h.trim().toLowerCase());
    const columnOf = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
    const at = { villageCode: columnOf(VILLAGE_COLUMNS.villageCode), value: columnOf(VILLAGE_COLUMNS.value), denominator: columnOf(VILLAGE_COLUMNS.denominator), note: columnOf(VILLAGE_COLUMNS.note) };
    const required: (keyof typeof at)[] = rule.rollup === 'rate' ? ['villageCode', 'value', 'denominator'] : ['villageCode', 'value'];
    for (const c of required) if (at[c] < 0) problem(1, VILLAGE_COLUMNS[c][0], 'sakip.village_column_missing', { column: VILLAGE_COLUMNS[c][0] });
    if (rule.rollup === 'sum' && at.denominator >= 0) problem(1, VILLAGE_COLUMNS.denominator[0], 'sakip.denominator_not_allowed');
    const cell = (row: string[], i: number) => (i < 0 ? '' : (row[i] ?? '').trim());
    const figure = (row: string[], i: number) => (sheet.decimalComma ? cell(row, i).replace(/^(\d+),(\d+)$/, '$1.$2') : cell(row, i));
    // A row without a figure is a village not entered (the template lists every village), not a mistake.
    const rows = sheet.rows.slice(1).map((cells, i) => ({ n: i + 2, cells })).filter((r) => cell(r.cells, at.value) !== '' || cell(r.cells, at.denominator) !== '');
    if (problems.length === 0 && rows.length === 0) problem(2, VILLAGE_COLUMNS.villageCode[0], 'sakip.village_file_empty');
    const found = await villagesOf(tx, region.code, rows.map((r) => cell(r.cells, at.villageCode)));
    const seen = new Set<string>();
    const entries: Checked[] = [];
    if (problems.length === 0) {
      for (const { n, cells } of rows) {
        const villageCode = cell(cells, at.villageCode);
        const wrong = villageProblem(villageCode, found, reached);
        if (wrong) problem(n, VILLAGE_COLUMNS.villageCode[0], wrong, { villageCode });
        else if (seen.has(villageCode)) problem(n, VILLAGE_COLUMNS.villageCode[0], 'sakip.village_duplicate', { villageCode });
        seen.add(villageCode);
        let figures: { value: string; denominator: string | null } | null = null;
        try {
          figures = checkFigures(rule, { value: figure(cells, at.value), denominator: rule.rollup === 'rate' ? figure(cells, at.denominator) : null });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          const column = err.code === 'sakip.denominator_required' ? VILLAGE_COLUMNS.denominator[0] : VILLAGE_COLUMNS.value[0];
          problem(n, column, err.code, err.details);
        }
        if (!wrong && figures) entries.push({ villageCode, districtCode: found.get(villageCode)!.parentCode!, ...figures, note: at.note >= 0 ? cell(cells, at.note) : undefined });
      }
    }
    if (problems.length > 0) throw new AppError('sakip.village_import_invalid', { problems: problems.slice(0, MAX_PROBLEMS), total: problems.length });
    const written = await writeVillageValues(tx, now, actor, plan, indicator, rule, period, entries, { reason, lockedBy });
    await audit(tx, now, actor, region.code, 'sakip.village_import', 'sakip_indicator', indicator.id,
      { planId: plan.id, period, fileName: input.fileName, rows: entries.length, changed: written.changed, ...(reason ? { reason } : {}) });
    return { rows: entries.length, changed: written.changed, realisation: written.realisation };
  });
}

/**
 * The import's template for one period: a row per village of one kecamatan
 * (by default those the actor enters, else every kecamatan unit's), in the
 * columns the import reads, with the value already entered, if any, to
 * correct; the village's name and kecamatan beside for people, ignored by
 * the import. A CSV in the reader's dialect (Indonesian: semicolons and
 * decimal commas; UTF-8 with its byte-order mark) or an XLSX.
 */
export async function villageTemplate(
  ctx: AppContext, region: RegionView & { timezone: TimeZone }, actor: Actor, planId: string, indicatorId: string, period: string, query: { district?: string },
  file: { format: 'csv' | 'xlsx'; locale: Locale },
): Promise<{ fileName: string; data: Buffer }> {
  const { format } = file;
  const { breakdown, villages } = await villageFigures(ctx, region, actor, planId, indicatorId, { period, district: query.district });
  const mine = breakdown.kecamatan.filter((k) => k.editable);
  const districts = new Set((query.district || mine.length === 0 ? breakdown.kecamatan : mine).map((k) => k.districtCode));
  const rate = breakdown.rule.rollup === 'rate';
  const columns = [
    { header: VILLAGE_COLUMNS.villageCode[0], width: 16 }, { header: TEMPLATE_INFO_COLUMNS.name, width: 30 }, { header: TEMPLATE_INFO_COLUMNS.district, width: 24 },
    { header: VILLAGE_COLUMNS.value[0], width: 14 }, ...(rate ? [{ header: VILLAGE_COLUMNS.denominator[0], width: 14 }] : []), { header: VILLAGE_COLUMNS.note[0], width: 40 },
  ];
  const rows = villages.filter((v) => districts.has(v.districtCode)).map((v) => ({
    code: v.code, name: v.name, district: v.districtName, value: v.entry?.value ?? null, denominator: v.entry?.denominator ?? null, note: v.entry?.note ?? '',
  }));
  const scope = districts.size === 1 ? [...districts][0] : region.code;
  const fileName = `data-desa-${scope}-${period}.${format}`;
  if (format === 'csv') {
    // In the reader's Excel: semicolons and decimal commas in Indonesian, which the import reads back.
    const dialect = csvDialect(file.locale, region.timezone);
    const figure = (v: string | null) => (v === null ? null : v.replace('.', dialect.decimal));
    const cells = rows.map((r) => [r.code, r.name, r.district, figure(r.value), ...(rate ? [figure(r.denominator)] : []), r.note]);
    return { fileName, data: Buffer.from(csvFile(columns.map((c) => c.header), cells, dialect)) };
  }
  const cells = rows.map((r) => [{ value: r.code, type: String }, r.name, r.district, decimalCell(r.value), ...(rate ? [decimalCell(r.denominator)] : []), r.note || null]);
  const data = await writeXlsxFile([headerRow(columns), ...cells] as SheetData, { sheet: 'Data desa', columns: widths(columns), stickyRowsCount: 1 }).toBuffer();
  return { fileName, data };
}

// ---------------------------------------------------------------------------
// Reading: the villages of an indicator in a period, by kecamatan

/** A figure as shown: exact, two decimals half up, its totals, and its achievement against the year's target in the region's bands. */
function figureView(rolled: RolledUp | null, polarity: Polarity, target: typeof sakipTargets.$inferSelect | undefined, bands: RegionView['settings']['sakip']['bands']) {
  if (!rolled) return null;
  return {
    value: rolled.value.toFixed(), shown: round2(rolled.value).toFixed(2), numerator: rolled.numerator.toFixed(), denominator: rolled.denominator?.toFixed() ?? null,
    result: target ? resultOf(achievement(polarity, targetValueOf(target), rolled.value), bands) : null,
  };
}

/**
 * The indicator in a period (by default the latest with values) by
 * kecamatan: each rolled up from its villages by the indicator's rule (a
 * sum, or the weighted rate), ranked and, for a rate, compared with the
 * year's target (a count's target is the whole region's, so only the total
 * is); and the total, which is the indicator's realisation. Every
 * kecamatan unit and any other kecamatan with a value; `district` narrows
 * it to one. The drill-down between the indicator and its villages.
 */
export async function kecamatanBreakdown(ctx: AppContext, region: RegionView, actor: Actor, planId: string, indicatorId: string, query: { period?: string; district?: string }) {
  return (await villageFigures(ctx, region, actor, planId, indicatorId, query)).breakdown;
}

/**
 * The breakdown by kecamatan with every village of those kecamatan (and any
 * other village with a value), each with its entry, figure, rank and, for a
 * rate, colour.
 */
export async function villageTable(ctx: AppContext, region: RegionView, actor: Actor, planId: string, indicatorId: string, query: { period?: string; district?: string }) {
  const { breakdown, villages } = await villageFigures(ctx, region, actor, planId, indicatorId, query);
  return { ...breakdown, villages };
}

/** What the breakdown, the village table and the template read: the breakdown, and the village rows apart. */
async function villageFigures(ctx: AppContext, region: RegionView, actor: Actor, planId: string, indicatorId: string, query: { period?: string; district?: string }) {
  const db = ctx.database.db;
  const regionCode = region.code;
  const plan = await planFor(db, regionCode, planId);
  const indicator = await indicatorIn(db, plan, indicatorId);
  const ruleRow = await villageRuleOf(db, regionCode, indicator.id);
  if (!ruleRow) throw new AppError('sakip.not_village_indicator');
  const rule = ruleOf(ruleRow);
  const polarity = indicator.polarity as Polarity;
  const periods = (await db.selectDistinct({ period: sakipVillageValues.period }).from(sakipVillageValues)
    .where(and(eq(sakipVillageValues.regionCode, regionCode), eq(sakipVillageValues.indicatorId, indicator.id))))
    .map((p) => p.period).sort((a, b) => parsePeriod(b).year - parsePeriod(a).year || periodOrder(b) - periodOrder(a));
  const thisYear = new Date(ctx.clock.now().getTime() + region.utcOffsetMinutes * 60_000).getUTCFullYear();
  const period = query.period ?? periods[0] ?? String(Math.min(plan.endYear, Math.max(plan.startYear, thisYear)));
  const year = parsePeriod(period).year;
  const [values, links, [target], [realisation], reached, lockedBy] = await Promise.all([
    db.select().from(sakipVillageValues).where(and(eq(sakipVillageValues.regionCode, regionCode), eq(sakipVillageValues.indicatorId, indicator.id), eq(sakipVillageValues.period, period))),
    db.select({ districtCode: sakipKecamatanUnits.districtCode, unit: { id: units.id, code: units.code, name: units.name } }).from(sakipKecamatanUnits)
      .innerJoin(units, and(eq(units.regionCode, sakipKecamatanUnits.regionCode), eq(units.id, sakipKecamatanUnits.unitId)))
      .where(eq(sakipKecamatanUnits.regionCode, regionCode)),
    db.select().from(sakipTargets).where(and(eq(sakipTargets.regionCode, regionCode), eq(sakipTargets.indicatorId, indicator.id), eq(sakipTargets.year, year)))
      .orderBy(desc(sakipTargets.version)).limit(1),
    db.select().from(sakipRealisations).where(and(eq(sakipRealisations.regionCode, regionCode), eq(sakipRealisations.indicatorId, indicator.id), eq(sakipRealisations.period, period))),
    districtsReached(db, actor, regionCode),
    lockingPeriod(db, regionCode, period),
  ]);
  const districtCodes = [...new Set([...links.map((l) => l.districtCode), ...values.map((v) => v.districtCode)])]
    .filter((d) => !query.district || d === query.district).sort();
  const [districtAreas, villageAreas] = districtCodes.length === 0 ? [[], []] : await Promise.all([
    db.select().from(areas).where(inArray(areas.code, districtCodes)),
    db.select().from(areas).where(and(inArray(areas.parentCode, districtCodes), eq(areas.level, 'village'))).orderBy(asc(areas.code)),
  ]);
  const byVillage = new Map(values.map((v) => [v.villageCode, v]));
  const districtName = new Map(districtAreas.map((d) => [d.code, d.name]));
  const bands = region.settings.sakip.bands;
  // A rate's target holds for every kecamatan and village; a count's is the sum's alone.
  const targetPerPart = rule.rollup === 'rate';
  const shown = (entries: VillageEntry[], whole = false) => figureView(rollUp(rule, entries), polarity, whole || targetPerPart ? target : undefined, bands);

  const villageRows = villageAreas.map((v) => {
    const entry = byVillage.get(v.code) ?? null;
    return { area: v, entry, figure: entry ? shown([entry]) : null };
  });
  const villageRanks = rankOf(villageRows.map((r) => r.figure?.value ?? null), polarity);
  const kecamatanRows = districtCodes.map((code) => {
    const own = values.filter((v) => v.districtCode === code);
    return {
      districtCode: code, name: districtName.get(code) ?? code, unit: links.find((l) => l.districtCode === code)?.unit ?? null,
      villages: villageAreas.filter((v) => v.parentCode === code).length, entered: own.length, figure: shown(own),
      editable: reached === null || reached.has(code),
    };
  });
  const kecamatanRanks = rankOf(kecamatanRows.map((k) => k.figure?.value ?? null), polarity);
  return {
    breakdown: {
      plan: { id: plan.id, title: plan.title, kind: plan.kind as 'rpjmd' | 'renstra', unitId: plan.unitId },
      indicator: { id: indicator.id, name: indicator.name, measure: indicator.measure, polarity, aggregation: indicator.aggregation as 'sum' | 'average' | 'last' },
      rule: ruleView(ruleRow), period, year, periods, lockedBy, targetPerPart,
      target: target ? targetView(target) : null,
      total: shown(values, true),
      realisation: realisation ? realisationView(realisation) : null,
      kecamatan: kecamatanRows.map((k, i) => ({ ...k, rank: kecamatanRanks[i] })),
    },
    villages: villageRows.map((r, i) => ({
      code: r.area.code, name: r.area.name, kind: r.area.kind, districtCode: r.area.parentCode!, districtName: districtName.get(r.area.parentCode!) ?? '',
      entry: r.entry ? entryView(r.entry) : null, figure: r.figure, rank: villageRanks[i],
    })),
  };
}

type DeletedVersion = Pick<typeof sakipVillageValueVersions.$inferSelect, 'deletedAt' | 'deletedByLabel' | 'deleteReason'>;

const entryView = (r: Omit<ValueRow, 'year' | 'planId' | 'districtCode' | 'regionCode' | 'indicatorId' | 'period' | 'villageCode'> & Partial<DeletedVersion>) => ({
  value: r.value, denominator: r.denominator, note: r.note, version: r.version, enteredAt: r.enteredAt, enteredBy: r.enteredByLabel, reason: r.reason, afterClose: r.afterClose,
  deleted: r.deletedAt ? { at: r.deletedAt, by: r.deletedByLabel ?? '', reason: r.deleteReason ?? '' } : null,
});

/** Every version of one village's value in a period, oldest first: its correction history. */
export async function villageValueHistory(ctx: AppContext, regionCode: string, planId: string, indicatorId: string, period: string, villageCode: string) {
  const db = ctx.database.db;
  const indicator = await indicatorIn(db, await planFor(db, regionCode, planId), indicatorId);
  const of = <T extends typeof sakipVillageValues | typeof sakipVillageValueVersions>(t: T) =>
    and(eq(t.regionCode, regionCode), eq(t.indicatorId, indicator.id), eq(t.period, period), eq(t.villageCode, villageCode));
  const [[current], older] = await Promise.all([
    db.select().from(sakipVillageValues).where(of(sakipVillageValues)),
    db.select().from(sakipVillageValueVersions).where(of(sakipVillageValueVersions)).orderBy(asc(sakipVillageValueVersions.version)),
  ]);
  return { villageCode, period, versions: [...older, ...(current ? [current] : [])].map(entryView) };
}
