// The region's indicator library (sakip_indicator_library): indicator
// definitions by code that its planners reuse, written by its coordinator or
// adopted from another region in the Living Lab (the package kind
// `sakip.indicators`, declared here). Plans, targets and realisations are
// never touched from here.
import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { Queryable, Tx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import type { PackageKind } from '../../../platform/modules/contract.js';
import { areas } from '../../../platform/schema.js';
import {
  indicatorKey, indicatorLine, indicatorsContent, indicatorsSummary, indicatorsTags, INDICATORS_FORMAT_VERSION, repeatedCodes,
  type IndicatorsContent, type LibraryFields,
} from '../domain/library.js';
import { sakipIndicatorLibrary as lib } from '../schema.js';

type LibraryRow = typeof lib.$inferSelect;

const definitionOf = (r: LibraryFields): LibraryFields => ({
  name: r.name, definition: r.definition, formula: r.formula, measure: r.measure, dataSource: r.dataSource,
  polarity: r.polarity, targetType: r.targetType, aggregation: r.aggregation, allowsNegative: r.allowsNegative, level: r.level, note: r.note,
});
/** A stored row read as a definition (its enum columns are text in the table). */
const rowDefinition = (r: LibraryRow) => definitionOf(r as unknown as LibraryFields);

async function entries(db: Queryable, regionCode: string, lock = false) {
  const q = db.select().from(lib).where(eq(lib.regionCode, regionCode)).orderBy(asc(lib.code));
  return lock ? q.for('update') : q;
}

const view = (r: LibraryRow) => ({ code: r.code, ...rowDefinition(r), adoptedFrom: r.adoptedFrom, updatedAt: r.updatedAt });

export async function listLibrary(ctx: AppContext, regionCode: string) {
  return (await entries(ctx.database.db, regionCode)).map(view);
}

/** Writes one of the region's own library entries (adapting an adopted one keeps where it came from). */
export async function setLibraryEntry(ctx: AppContext, regionCode: string, actor: Actor, code: string, input: LibraryFields) {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const values = { ...definitionOf(input), updatedAt: now, updatedBy: actor.userId };
    const [row] = await tx.insert(lib).values({ regionCode, code, ...values })
      .onConflictDoUpdate({ target: [lib.regionCode, lib.code], set: values }).returning();
    await audit(tx, now, actor, regionCode, 'sakip.library_set', 'sakip_library', code, { name: input.name });
    return view(row);
  });
}

export async function deleteLibraryEntry(ctx: AppContext, regionCode: string, actor: Actor, code: string) {
  await ctx.database.db.transaction(async (tx) => {
    const [gone] = await tx.delete(lib).where(and(eq(lib.regionCode, regionCode), eq(lib.code, code))).returning({ name: lib.name });
    if (!gone) throw new AppError('sakip.library_not_found');
    await audit(tx, ctx.clock.now(), actor, regionCode, 'sakip.library_delete', 'sakip_library', code, { name: gone.name });
  });
}

/**
 * Adopts the chosen indicators into the library: new codes are added, a code
 * the region has is replaced only when its line is taken (and differs). A
 * code twice refuses the package whole (sakip.package_invalid).
 */
async function apply(tx: Tx, regionCode: string, content: IndicatorsContent, take: ReadonlySet<string>, actor: Actor, now: Date) {
  const twice = repeatedCodes(content);
  if (twice.length > 0) throw new AppError('sakip.package_invalid', { codes: twice });
  const ours = new Map((await entries(tx, regionCode, true)).map((r) => [r.code, rowDefinition(r)]));
  const writes = content.indicators.filter((i) => take.has(indicatorKey(i.code)) && indicatorLine(i, ours.get(i.code)).kind !== 'same');
  const adoptedFrom = { code: content.region.code, name: content.region.name };
  for (const i of writes) {
    const values = { ...definitionOf(i), adoptedFrom, updatedAt: now, updatedBy: actor.userId };
    await tx.insert(lib).values({ regionCode, code: i.code, ...values }).onConflictDoUpdate({ target: [lib.regionCode, lib.code], set: values });
  }
  if (writes.length > 0) {
    await audit(tx, now, actor, regionCode, 'sakip.library_adopt', 'sakip_library', writes[0].code, { from: adoptedFrom.code, codes: writes.map((i) => i.code) });
  }
  return { applied: writes.length };
}

export const indicatorsPackage: PackageKind<IndicatorsContent> = {
  key: 'indicators',
  title: { id: 'Set indikator kinerja SAKIP', en: 'SAKIP indicator set' },
  formatVersion: INDICATORS_FORMAT_VERSION,
  content: indicatorsContent,
  async candidates(db, regionCode) {
    return (await entries(db, regionCode)).map((r) => ({ key: r.code, label: `${r.code} ${r.name}` }));
  },
  async export(db, regionCode, keys) {
    const rows = await entries(db, regionCode);
    const missing = keys.filter((k) => !rows.some((r) => r.code === k));
    if (missing.length > 0) throw new AppError('sakip.library_not_found', { codes: missing });
    const [region] = await db.select({ name: areas.name }).from(areas).where(eq(areas.code, regionCode));
    return {
      region: { code: regionCode, name: region?.name ?? regionCode },
      indicators: rows.filter((r) => keys.length === 0 || keys.includes(r.code)).map((r) => ({ code: r.code, ...rowDefinition(r) })),
    };
  },
  units: () => [],
  keys: (content) => content.indicators.map((i) => indicatorKey(i.code)),
  summary: indicatorsSummary,
  tags: indicatorsTags,
  async preview(db, regionCode, content) {
    const ours = new Map((await entries(db, regionCode)).map((r) => [r.code, rowDefinition(r)]));
    return content.indicators.map((i) => indicatorLine(i, ours.get(i.code)));
  },
  apply: (tx, regionCode, content, plan, actor, now) => apply(tx, regionCode, content, plan.take, actor, now),
};
