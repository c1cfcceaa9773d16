// A region's numbering pattern and each unit's letterhead and signer, as
// staff set them; what is not set yet comes from defaults (domain/numbering.ts,
// domain/letter.ts).
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { audit, changedFields } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { calendarOf } from '../../../platform/calendar/region.js';
import { getRegion } from '../../../platform/regions/service.js';
import { units } from '../../../platform/schema.js';
import { defaultLetterhead, letterheadOf, type Letterhead, type LetterheadSettings } from '../domain/letter.js';
import { DEFAULT_PATTERN, formatNumber, patternProblem } from '../domain/numbering.js';
import { layananLetterheads, layananNumbering } from '../schema.js';
import { actorLabel, ensureManagesUnit, unitIn } from './access.js';

export async function numberingPattern(db: Queryable, regionCode: string): Promise<string> {
  const [row] = await db.select({ pattern: layananNumbering.pattern }).from(layananNumbering).where(eq(layananNumbering.regionCode, regionCode));
  return row?.pattern ?? DEFAULT_PATTERN;
}

/** The pattern with an example number as of today (the first SKTM of a Dinas Sosial). */
export async function numberingView(ctx: AppContext, regionCode: string) {
  const db = ctx.database.db;
  const [row] = await db.select().from(layananNumbering).where(eq(layananNumbering.regionCode, regionCode));
  const pattern = row?.pattern ?? DEFAULT_PATTERN;
  const region = await getRegion(db, regionCode);
  const localDate = localDateOf(ctx.clock.now(), calendarOf(region, []));
  return {
    pattern, isDefault: !row, example: formatNumber(pattern, { serviceCode: 'SKTM', unitCode: 'DINSOS', localDate }, 17),
    updatedAt: row?.updatedAt ?? null, updatedBy: row?.updatedByLabel ?? null,
  };
}

export async function setNumbering(ctx: AppContext, regionCode: string, actor: Actor, pattern: string): Promise<void> {
  const problem = patternProblem(pattern);
  if (problem) throw new AppError('layanan.numbering_pattern_invalid', problem);
  await ctx.database.db.transaction(async (tx) => {
    const before = await numberingPattern(tx, regionCode);
    const now = ctx.clock.now();
    const set = { pattern, updatedAt: now, updatedBy: actor.userId, updatedByLabel: actorLabel(actor) };
    await tx.insert(layananNumbering).values({ regionCode, ...set }).onConflictDoUpdate({ target: layananNumbering.regionCode, set });
    await audit(tx, now, actor, regionCode, 'layanan.numbering_set', 'region', regionCode, {}, { before: { pattern: before }, after: { pattern } });
  });
}

/** A unit's letterhead settings, its own or the defaults, with `isDefault`. */
async function letterheadSettings(db: Queryable, regionCode: string, unit: { id: string; name: string; email: string | null } | null) {
  const region = await getRegion(db, regionCode);
  const [row] = unit ? await db.select().from(layananLetterheads).where(and(eq(layananLetterheads.regionCode, regionCode), eq(layananLetterheads.unitId, unit.id))) : [];
  const settings: LetterheadSettings = row
    ? { address: row.address, phone: row.phone, email: row.email, place: row.place, signerPosition: row.signerPosition, signerName: row.signerName }
    : defaultLetterhead(region, unit);
  return { region, settings, row };
}

async function unitWithEmail(db: Queryable, regionCode: string, unitId: string) {
  const { id, name } = await unitIn(db, regionCode, unitId);
  const [u] = await db.select({ email: units.email }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.id, unitId)));
  return { id, name, email: u?.email ?? null };
}

/** The letterhead a document of this unit (or of the region itself, null) is printed on. */
export async function letterheadFor(db: Queryable, regionCode: string, unitId: string | null): Promise<Letterhead> {
  const unit = unitId ? await unitWithEmail(db, regionCode, unitId) : null;
  const { region, settings } = await letterheadSettings(db, regionCode, unit);
  return letterheadOf(region, unit?.name ?? null, settings);
}

export async function unitLetterhead(ctx: AppContext, regionCode: string, unitId: string) {
  const db = ctx.database.db;
  const unit = await unitWithEmail(db, regionCode, unitId);
  const { region, settings, row } = await letterheadSettings(db, regionCode, unit);
  return {
    unit: { id: unit.id, name: unit.name }, ...settings, isDefault: !row, printed: letterheadOf(region, unit.name, settings),
    updatedAt: row?.updatedAt ?? null, updatedBy: row?.updatedByLabel ?? null,
  };
}

export async function setLetterhead(ctx: AppContext, regionCode: string, actor: Actor, unitId: string, input: LetterheadSettings): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const unit = await unitWithEmail(tx, regionCode, unitId);
    ensureManagesUnit(actor, regionCode, unitId);
    const { settings: before } = await letterheadSettings(tx, regionCode, unit);
    const now = ctx.clock.now();
    const set = { ...input, updatedAt: now, updatedBy: actor.userId, updatedByLabel: actorLabel(actor) };
    await tx.insert(layananLetterheads).values({ regionCode, unitId, ...set }).onConflictDoUpdate({ target: [layananLetterheads.regionCode, layananLetterheads.unitId], set });
    await audit(tx, now, actor, regionCode, 'layanan.letterhead_set', 'unit', unitId, {}, changedFields({ ...before }, { ...input }));
  });
}
