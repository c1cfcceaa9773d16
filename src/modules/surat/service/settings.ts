// What the region admin (surat.configure) sets for outgoing letters: the
// numbering pattern and each document type's template wording.
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { audit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { calendarOf } from '../../../platform/calendar/region.js';
import { getRegion } from '../../../platform/regions/service.js';
import { DEFAULT_LETTER_PATTERN, formatLetterNumber, letterPatternProblem } from '../domain/numbering.js';
import { templateFor, type Layout, type TemplateWords } from '../domain/templates.js';
import { suratNumbering, suratTemplates } from '../schema.js';
import { actorLabel } from './access.js';
import { listDocumentTypes, requireDocumentType } from './reference.js';

export async function letterPattern(db: Queryable, regionCode: string): Promise<string> {
  const [row] = await db.select({ pattern: suratNumbering.pattern }).from(suratNumbering).where(eq(suratNumbering.regionCode, regionCode));
  return row?.pattern ?? DEFAULT_LETTER_PATTERN;
}

/** The pattern with an example: the 17th letter of today under 000.1.1 of a unit coded DISKOMINFO. */
export async function numberingView(ctx: AppContext, regionCode: string) {
  const db = ctx.database.db;
  const [row] = await db.select().from(suratNumbering).where(eq(suratNumbering.regionCode, regionCode));
  const pattern = row?.pattern ?? DEFAULT_LETTER_PATTERN;
  const localDate = localDateOf(ctx.clock.now(), calendarOf(await getRegion(db, regionCode), []));
  return {
    pattern, isDefault: !row,
    example: formatLetterNumber(pattern, { classification: '000.1.1', unitCode: 'DISKOMINFO', documentTypeCode: 'sd', securityCode: 'B', localDate }, 17),
    updatedAt: row?.updatedAt ?? null, updatedBy: row?.updatedByLabel ?? null,
  };
}

export async function setNumbering(ctx: AppContext, regionCode: string, actor: Actor, pattern: string): Promise<void> {
  const problem = letterPatternProblem(pattern);
  if (problem) throw new AppError('surat.pattern_invalid', problem);
  await ctx.database.db.transaction(async (tx) => {
    const before = await letterPattern(tx, regionCode);
    const now = ctx.clock.now();
    const set = { pattern, updatedAt: now, updatedBy: actor.userId, updatedByLabel: actorLabel(actor) };
    await tx.insert(suratNumbering).values({ regionCode, ...set }).onConflictDoUpdate({ target: suratNumbering.regionCode, set });
    await audit(tx, now, actor, regionCode, 'surat.numbering_set', 'region', regionCode, {}, { before: { pattern: before }, after: { pattern } });
  });
}

async function ownWords(db: Queryable, regionCode: string, documentTypeCode: string): Promise<TemplateWords | null> {
  const [row] = await db.select({ opening: suratTemplates.opening, closing: suratTemplates.closing }).from(suratTemplates)
    .where(and(eq(suratTemplates.regionCode, regionCode), eq(suratTemplates.documentTypeCode, documentTypeCode)));
  return row ?? null;
}

/** The template a new draft of this type starts from in the region. */
export async function templateOf(db: Queryable, regionCode: string, type: { code: string; layout: Layout }) {
  return templateFor(type.layout, await ownWords(db, regionCode, type.code));
}

/** Every active document type with the template the region's drafts start from. */
export async function listTemplates(ctx: AppContext, regionCode: string) {
  const db = ctx.database.db;
  const own = new Map((await db.select().from(suratTemplates).where(eq(suratTemplates.regionCode, regionCode))).map((t) => [t.documentTypeCode, t]));
  return (await listDocumentTypes(db)).map((t) => ({
    documentTypeCode: t.code, name: t.name, layout: t.layout, title: t.title,
    ...templateFor(t.layout, own.get(t.code) ?? null),
  }));
}

export async function setTemplate(ctx: AppContext, regionCode: string, actor: Actor, documentTypeCode: string, words: TemplateWords) {
  await ctx.database.db.transaction(async (tx) => {
    const type = await requireDocumentType(tx, documentTypeCode);
    const before = await ownWords(tx, regionCode, type.code);
    const now = ctx.clock.now();
    const set = { ...words, updatedAt: now, updatedBy: actor.userId, updatedByLabel: actorLabel(actor) };
    await tx.insert(suratTemplates).values({ regionCode, documentTypeCode: type.code, ...set })
      .onConflictDoUpdate({ target: [suratTemplates.regionCode, suratTemplates.documentTypeCode], set });
    await audit(tx, now, actor, regionCode, 'surat.template_set', 'document_type', type.code, {}, { before: before ? { ...before } : null, after: { ...words } });
  });
}
