// Lists and search over letters, always within what the viewer may see
// (service/access.ts): a unit's register, the viewer's own inbox, or every
// letter they may see; a text search (subject, sender, summary, PDF text)
// only ever matches letters they may open, so a match never reveals what a
// closed letter says. Also the home counts and the people one can route to.
import { and, asc, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { queryRows } from '../../../platform/db/client.js';
import { containing } from '../../../platform/db/like.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { grants, units, users } from '../../../platform/schema.js';
import type { SecurityClass } from '../domain/letter.js';
import { suratLetterPeople, suratLetters } from '../schema.js';
import { openSql, visibleSql, viewerOf } from './access.js';
import { RECIPIENT_ROLES } from './dispositions.js';

export interface LetterQuery {
  box: 'unit' | 'inbox' | 'all';
  unitId?: string;
  direction?: 'incoming' | 'outgoing' | 'memo';
  status?: string;
  security?: SecurityClass;
  /** Words of the subject, sender, summary or PDF text (Indonesian stemming). */
  q?: string;
  number?: string;
  sender?: string;
  /** A classification code and everything under it. */
  classification?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

const INBOX_REASONS = ['leader', 'disposition', 'recipient', 'copy'] as const;

export async function listLetters(ctx: AppContext, regionCode: string, actor: Actor, q: LetterQuery) {
  const viewer = viewerOf(actor, regionCode);
  const l = suratLetters;
  const reading = Boolean(q.q || q.sender);
  const opened = openSql(viewer);
  const where = and(
    eq(l.regionCode, regionCode),
    reading ? opened : visibleSql(viewer),
    q.box === 'unit' && q.unitId ? eq(l.unitId, q.unitId) : undefined,
    q.box === 'inbox' ? sql`exists (select 1 from ${suratLetterPeople} p where p.region_code = ${regionCode} and p.letter_id = ${l.id} and p.user_id = ${viewer.userId}::uuid and p.reason in (${sql.join(INBOX_REASONS.map((r) => sql`${r}`), sql`, `)}))` : undefined,
    q.direction ? eq(l.direction, q.direction) : undefined,
    q.status ? eq(l.status, q.status) : undefined,
    q.security ? eq(l.security, q.security) : undefined,
    q.number ? ilike(l.number, containing(q.number)) : undefined,
    q.sender ? ilike(l.senderName, containing(q.sender)) : undefined,
    q.classification ? or(eq(l.classificationCode, q.classification), sql`${l.classificationCode} like ${`${q.classification.replace(/[%_\\]/g, '')}.%`}`) : undefined,
    q.from ? gte(l.letterDate, q.from) : undefined,
    q.to ? lte(l.letterDate, q.to) : undefined,
  )!;
  // A text search finds its page of ids first; the page is then read like any list.
  const ids = q.q ? (await searchPage(ctx, where, q.q, q.offset + q.limit + 1)).slice(q.offset) : null;
  if (ids?.length === 0) return { items: [], hasMore: false };
  const rows = await ctx.database.db.select({
    id: l.id, direction: l.direction, unitId: l.unitId, unitName: units.name, agendaNumber: l.agendaNumber, agendaYear: l.agendaYear, number: l.number,
    letterDate: l.letterDate, receivedAt: l.receivedAt, security: l.security, urgency: l.urgency, status: l.status, classificationCode: l.classificationCode, createdAt: l.createdAt,
    revokedAt: l.revokedAt,
    open: sql<boolean>`${opened}`,
    subject: sql<string | null>`case when ${opened} then ${l.subject} end`,
    senderName: sql<string | null>`case when ${opened} then ${l.senderName} end`,
    unread: sql<boolean>`exists (select 1 from ${suratLetterPeople} p where p.region_code = ${regionCode} and p.letter_id = ${l.id} and p.user_id = ${viewer.userId}::uuid and p.read_at is null)`,
  }).from(l).innerJoin(units, and(eq(units.regionCode, l.regionCode), eq(units.id, l.unitId)))
    .where(ids ? and(eq(l.regionCode, regionCode), inArray(l.id, ids)) : where).orderBy(desc(l.createdAt), desc(l.id)).limit(q.limit + 1).offset(ids ? 0 : q.offset);
  return { items: rows.slice(0, q.limit).map(({ open, ...r }) => ({ ...r, access: open ? 'open' as const : 'exists' as const })), hasMore: rows.length > q.limit };
}

/** How many of the newest letters a search looks through before it asks the text index. */
const SEARCH_WINDOW = 300;

/**
 * The ids of the first `page` letters matching the words, newest first, among
 * those `where` admits. PostgreSQL's planner tells a common word from a rare
 * one too poorly to choose well: walking the letters by date finds a common
 * word's page at once but reads the whole region for a rare one, and the text
 * index the other way round. So the newest letters are looked through first;
 * only when they hold less than a page of matches does the text index give
 * every match to sort. On a large region the planner overestimates that second
 * query, and compiling it (JIT) would take far longer than running it.
 */
async function searchPage(ctx: AppContext, where: SQL, words: string, page: number): Promise<string[]> {
  const l = suratLetters;
  const query = sql`websearch_to_tsquery('indonesian', ${words})`;
  const [newest] = await queryRows<{ looked: number; ids: string[] | null }>(ctx.database.db, sql`
    select count(*)::int as looked, (array_agg(r.id::text order by r.created_at desc, r.id desc) filter (where r.hit))[1:${page}] as ids
    from (select ${l.id} as id, ${l.createdAt} as created_at, ${l.search} @@ ${query} as hit from ${l} where ${where}
          order by ${l.createdAt} desc, ${l.id} desc limit ${SEARCH_WINDOW}) r`);
  const found = newest.ids ?? [];
  if (found.length >= page || newest.looked < SEARCH_WINDOW) return found;
  return ctx.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    const rows = await queryRows<{ id: string }>(tx, sql`
      with hits as materialized (select ${l.id} as id, ${l.createdAt} as created_at from ${l} where ${where} and ${l.search} @@ ${query})
      select id::text from hits order by created_at desc, id desc limit ${page}`);
    return rows.map((r) => r.id);
  });
}

/** The counts of the home screen, as SRIKANDI users know them, for the viewer. */
export async function homeCounts(ctx: AppContext, regionCode: string, actor: Actor) {
  const viewer = viewerOf(actor, regionCode);
  const clerkUnits = actor.grants.filter((g) => g.regionCode === regionCode && g.role === 'surat_clerk' && g.unitId).map((g) => g.unitId!);
  const u = sql`${viewer.userId}::uuid`;
  const now = ctx.clock.now();
  const [row] = await queryRows<Record<string, number>>(ctx.database.db, sql`select
    (select count(*)::int from surat_letter_people p where p.region_code = ${regionCode} and p.user_id = ${u} and p.reason in ('leader', 'recipient') and p.read_at is null) as "unreadLetters",
    (select count(*)::int from surat_letter_people p where p.region_code = ${regionCode} and p.user_id = ${u} and p.reason = 'copy' and p.read_at is null) as "unreadCopies",
    (select count(*)::int from surat_dispositions d where d.region_code = ${regionCode} and d.to_user_id = ${u} and d.status = 'unread') as "unreadDispositions",
    (select count(*)::int from surat_dispositions d where d.region_code = ${regionCode} and d.to_user_id = ${u} and d.status in ('unread', 'in_progress')) as "dispositionsToFollowUp",
    (select count(*)::int from surat_dispositions d where d.region_code = ${regionCode} and d.to_user_id = ${u} and d.status in ('unread', 'in_progress') and d.due_at < ${now}) as "overdueReceived",
    (select count(*)::int from surat_dispositions d where d.region_code = ${regionCode} and d.from_user_id = ${u} and d.status in ('unread', 'in_progress') and d.due_at < ${now}) as "overdueGiven",
    (select count(*)::int from surat_reviews r join surat_letters l on l.region_code = r.region_code and l.id = r.letter_id
      where r.region_code = ${regionCode} and r.verifier_user_id = ${u} and r.status = 'pending' and l.status = 'verifying') as "toVerify",
    (select count(*)::int from surat_letters l where l.region_code = ${regionCode} and l.signer_user_id = ${u} and l.status = 'to_sign') as "toSign",
    (select count(*)::int from surat_letters l where l.region_code = ${regionCode} and l.status = 'signed'
      and l.unit_id in (${clerkUnits.length ? sql.join(clerkUnits.map((x) => sql`${x}::uuid`), sql`, `) : sql`null`})) as "signedNotSent",
    (select count(*)::int from surat_letters l where l.region_code = ${regionCode} and l.created_by = ${u} and l.status in ('draft', 'returned')) as "myDrafts"`);
  return row;
}

/** The people of the region one can distribute or dispose a letter to, with their units and correspondence roles. */
export async function routablePeople(ctx: AppContext, regionCode: string) {
  const rows = await ctx.database.db.select({ id: users.id, name: users.name, role: grants.role, unitId: grants.unitId, unitName: units.name }).from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .leftJoin(units, and(eq(units.regionCode, grants.regionCode), eq(units.id, grants.unitId)))
    .where(and(eq(grants.regionCode, regionCode), inArray(grants.role, RECIPIENT_ROLES))).orderBy(asc(users.name));
  const people = new Map<string, { id: string; name: string; roles: { role: string; unitId: string | null; unitName: string | null }[] }>();
  for (const r of rows) {
    const p = people.get(r.id) ?? { id: r.id, name: r.name, roles: [] };
    p.roles.push({ role: r.role, unitId: r.unitId, unitName: r.unitName });
    people.set(r.id, p);
  }
  return [...people.values()];
}
