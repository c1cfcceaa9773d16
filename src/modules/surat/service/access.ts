// Who may open which letter (domain/letter.ts accessTo) as SQL every list,
// search and count applies, and for one letter as the check every action
// starts with. Being on a letter is a row in surat_letter_people; a unit role
// (a correspondence role or unit_head) makes its holder `unit` to the unit's
// letters; surat_records_manager makes its holder `manager` in the region.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { units } from '../../../platform/schema.js';
import { accessTo, type Access, type SecurityClass, type Standing } from '../domain/letter.js';
import { suratLetterPeople, suratLetters } from '../schema.js';

export { actorLabel } from '../../../platform/auth/policy.js';

/** Roles that make a person part of a unit's correspondence. */
export const UNIT_ROLES = new Set(['surat_clerk', 'surat_leader', 'surat_staff', 'surat_verifier', 'surat_signer', 'unit_head']);

/** Who is looking, in one region. */
export interface Viewer {
  regionCode: string;
  userId: string;
  /** Units where they hold a correspondence role. */
  units: string[];
  /** The region's records manager. */
  manager: boolean;
}

/** The viewer an actor is in a region (a person: API keys and anonymous callers have no letters). */
export function viewerOf(actor: Actor, regionCode: string): Viewer {
  if (!actor.userId) throw new AppError('auth.forbidden');
  const grants = actor.grants.filter((g) => g.regionCode === regionCode);
  return {
    regionCode,
    userId: actor.userId,
    units: [...new Set(grants.filter((g) => g.unitId && UNIT_ROLES.has(g.role)).map((g) => g.unitId!))],
    manager: grants.some((g) => g.role === 'surat_records_manager'),
  };
}

/** Whether the viewer holds one of `roles` in the unit (unit roles) or region-wide. */
export function holdsIn(actor: Actor, regionCode: string, unitId: string | null, roles: readonly string[]): boolean {
  return actor.grants.some((g) => g.regionCode === regionCode && roles.includes(g.role) && (g.unitId === null || g.unitId === unitId));
}

const inUnits = (v: Viewer): SQL => (v.units.length ? sql`${suratLetters.unitId} in (${sql.join(v.units.map((u) => sql`${u}::uuid`), sql`, `)})` : sql`false`);

/**
 * Whether the viewer is on the letter (the row of suratLetters in the query).
 * The region is a constant, not the letter's column: PostgreSQL then reads the
 * viewer's letters once through the people index (region, user) and hashes
 * them, where a correlated region made it scan every person on every letter.
 */
export const partySql = (v: Viewer): SQL =>
  sql`exists (select 1 from ${suratLetterPeople} p where p.region_code = ${v.regionCode} and p.letter_id = ${suratLetters.id} and p.user_id = ${v.userId}::uuid)`;

/** Letters the viewer sees at all (open, or only that they exist): accessTo ≠ none. */
export function visibleSql(v: Viewer): SQL {
  const manager = v.manager ? sql`true` : sql`false`;
  const unit = inUnits(v);
  return sql`(${partySql(v)} or (${suratLetters.security} in ('biasa', 'terbatas') and (${manager} or ${unit})) or (${suratLetters.security} = 'rahasia' and ${manager}))`;
}

/** Letters the viewer may open: accessTo = open. */
export function openSql(v: Viewer): SQL {
  const manager = v.manager ? sql`true` : sql`false`;
  return sql`(${partySql(v)} or (${suratLetters.security} = 'biasa' and (${manager} or ${inUnits(v)})) or (${suratLetters.security} = 'terbatas' and ${manager}))`;
}

/** How the viewer stands to one letter. */
export async function standingOf(db: Queryable, v: Viewer, letter: { id: string; unitId: string }): Promise<Standing> {
  const [on] = await db.select({ one: sql`1` }).from(suratLetterPeople)
    .where(and(eq(suratLetterPeople.regionCode, v.regionCode), eq(suratLetterPeople.letterId, letter.id), eq(suratLetterPeople.userId, v.userId))).limit(1);
  if (on) return 'party';
  if (v.manager) return 'manager';
  return v.units.includes(letter.unitId) ? 'unit' : 'none';
}

export type LetterRow = typeof suratLetters.$inferSelect;

/**
 * A letter of the viewer's region they may act on: `open` needs the right to
 * open it, `exists` only to see it. A letter they may not see at all is "not
 * found", the same answer as a letter that does not exist (or is another region's).
 */
export async function letterFor(db: Queryable, v: Viewer, letterId: string, need: 'open' | 'exists' = 'open', lock = false): Promise<{ letter: LetterRow; access: Exclude<Access, 'none'>; standing: Standing }> {
  const q = db.select().from(suratLetters).where(and(eq(suratLetters.regionCode, v.regionCode), eq(suratLetters.id, letterId)));
  const [letter] = lock ? await q.for('update') : await q;
  if (!letter) throw new AppError('surat.letter_not_found');
  const standing = await standingOf(db, v, letter);
  const access = accessTo(letter.security as SecurityClass, standing);
  if (access === 'none') throw new AppError('surat.letter_not_found');
  if (need === 'open' && access !== 'open') throw new AppError('surat.letter_closed');
  return { letter, access, standing };
}

export type PersonReason = typeof suratLetterPeople.$inferInsert['reason'];

/** Puts people on a letter (idempotent per reason); being on it opens it whatever its class. */
export async function addPeople(db: Queryable, regionCode: string, letterId: string, people: { userId: string; reason: PersonReason }[], now: Date): Promise<void> {
  if (people.length === 0) return;
  await db.insert(suratLetterPeople).values(people.map((p) => ({ regionCode, letterId, userId: p.userId, reason: p.reason, addedAt: now }))).onConflictDoNothing();
}

/** An active unit of the region, else surat.unit_not_found (another region's unit id included). */
export async function unitIn(db: Queryable, regionCode: string, unitId: string) {
  const [unit] = await db.select({ id: units.id, code: units.code, name: units.name }).from(units)
    .where(and(eq(units.regionCode, regionCode), eq(units.id, unitId), eq(units.active, true)));
  if (!unit) throw new AppError('surat.unit_not_found');
  return unit;
}
