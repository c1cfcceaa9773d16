// Telling staff: everyone holding one of some roles in a region (or in one of
// its units) gets an in-app notice and, when asked, an email through the
// outbox, in the same transaction as the change. The words come from a
// module's templates, one per language (Eta), filled with the notice's data.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { Eta } from 'eta';
import { grants, notifications, outbox, users } from '../schema.js';
import type { Queryable } from '../db/client.js';
import type { Text } from '../i18n.js';
import { enqueueEmail, notifyInApp } from './outbox.js';

/** Eta templates (`<%= it.code %>`) for a notice's subject and body, per language. Plain text: nothing is HTML-escaped. */
export interface NoticeTemplate { subject: Text; body: Text }

export interface StaffNotice {
  regionCode: string;
  /** Who is told: holders of these roles in the region… */
  roles: string[];
  /** …in this unit only, when given (unit-scoped roles). */
  unitId?: string | null;
  /** Roles told instead when nobody holds the first ones (work must never go unheard). */
  otherwise?: string[];
  template: NoticeTemplate;
  data: Record<string, unknown>;
  /** A path of the web app (e.g. /staff/32.11/complaints/…): in-app as is, in emails after the public URL. */
  link: string;
  /** Also by email (to each person's address), or in-app only. */
  email: false | { publicUrl: string };
}

const eta = new Eta({ autoEscape: false, autoTrim: false });
const compiled = new Map<string, ReturnType<Eta['compile']>>();

function fill(template: string, data: Record<string, unknown>): string {
  let fn = compiled.get(template);
  if (!fn) compiled.set(template, (fn = eta.compile(template)));
  return eta.render(fn, data);
}

/** The notice's words in both languages. */
export function renderNotice(template: NoticeTemplate, data: Record<string, unknown>): { subject: Text; body: Text } {
  return {
    subject: { id: fill(template.subject.id, data), en: fill(template.subject.en, data) },
    body: { id: fill(template.body.id, data), en: fill(template.body.en, data) },
  };
}

/** People holding one of `roles` in the region (in the unit, when given). */
export async function usersWithRole(tx: Queryable, regionCode: string, roles: string[], unitId: string | null): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await tx.select({ userId: grants.userId }).from(grants)
    .where(and(eq(grants.regionCode, regionCode), inArray(grants.role, roles), unitId ? eq(grants.unitId, unitId) : undefined));
  return [...new Set(rows.map((r) => r.userId))];
}

/** The email of a notice to someone whose language is `locale`: their own language first, the other after the line. */
function noticeEmail(words: { subject: Text; body: Text }, url: string, locale: string): { subject: string; text: string } {
  const [first, second] = locale === 'en' ? (['en', 'id'] as const) : (['id', 'en'] as const);
  return { subject: `${words.subject[first]} / ${words.subject[second]}`, text: `${words.body[first]}\n${url}\n\n---\n${words.body[second]}` };
}

/**
 * notifyStaff as entries of a data-modifying WITH, for a use case that sends
 * its writes in one statement: the people (holders of the roles, in the unit
 * when given, else of the `otherwise` roles in the region), their in-app
 * notices and, with `email`, one outbox email each in their language. The
 * values are placeholders named `${prefix}…`, given by staffNoticeValues.
 * The entries are named `${prefix}_told`, `_people`, `_inbox` and `_mail`.
 */
export function staffNoticeWith(prefix: string, email: boolean): SQL {
  const P = (name: string) => sql.placeholder(`${prefix}${name}`);
  const name = (part: string) => sql.raw(`${prefix}_${part}`);
  const entries = [
    sql`${name('told')} as (select distinct user_id from ${grants} where region_code = ${P('Region')} and role = any(${P('Roles')}::text[])
      and (${P('Unit')}::uuid is null or unit_id = ${P('Unit')}::uuid))`,
    sql`${name('people')} as (select user_id from ${name('told')} union select distinct user_id from ${grants}
      where region_code = ${P('Region')} and role = any(${P('Otherwise')}::text[]) and not exists (select 1 from ${name('told')}))`,
    sql`${name('inbox')} as (insert into ${notifications} (region_code, user_id, at, subject, body, link)
      select ${P('Region')}, user_id, ${P('At')}::timestamptz, ${P('Subject')}::jsonb, ${P('Body')}::jsonb, ${P('Link')}::text from ${name('people')})`,
    ...(email ? [sql`${name('mail')} as (insert into ${outbox} (region_code, kind, payload, created_at, next_attempt_at)
      select ${P('Region')}, 'email', (case when u.locale = 'en' then ${P('MailEn')}::jsonb else ${P('MailId')}::jsonb end) || jsonb_build_object('to', u.email),
        ${P('At')}::timestamptz, ${P('At')}::timestamptz
      from ${users} u where u.id in (select user_id from ${name('people')}))`] : []),
  ];
  return sql.join(entries, sql`, `);
}

/** The values of staffNoticeWith's placeholders for a notice sent at `now`. */
export function staffNoticeValues(prefix: string, now: Date, notice: StaffNotice): Record<string, unknown> {
  const words = renderNotice(notice.template, notice.data);
  const url = notice.email ? `${notice.email.publicUrl}${notice.link}` : '';
  return Object.fromEntries(Object.entries({
    Region: notice.regionCode, Roles: notice.roles, Unit: notice.unitId ?? null, Otherwise: notice.otherwise ?? [], At: now,
    Subject: words.subject, Body: words.body, Link: notice.link, MailId: noticeEmail(words, url, 'id'), MailEn: noticeEmail(words, url, 'en'),
  }).map(([k, v]) => [`${prefix}${k}`, v]));
}

/** Sends the notice; returns who was told. */
export async function notifyStaff(tx: Queryable, now: Date, notice: StaffNotice): Promise<string[]> {
  let people = await usersWithRole(tx, notice.regionCode, notice.roles, notice.unitId ?? null);
  if (people.length === 0 && notice.otherwise) people = await usersWithRole(tx, notice.regionCode, notice.otherwise, null);
  await notifyPeople(tx, now, people, notice);
  return people;
}

/** Tells these people (a disposition's recipient, the one who gave it), in-app and, when asked, by email in each person's language first. */
export async function notifyPeople(tx: Queryable, now: Date, people: string[], notice: Omit<StaffNotice, 'roles' | 'unitId' | 'otherwise'>): Promise<void> {
  if (people.length === 0) return;
  const words = renderNotice(notice.template, notice.data);
  await notifyInApp(tx, now, notice.regionCode, people, words.subject, words.body, notice.link);
  if (notice.email) {
    const url = `${notice.email.publicUrl}${notice.link}`;
    const addresses = await tx.select({ email: users.email, locale: users.locale }).from(users).where(inArray(users.id, people));
    for (const a of addresses) await enqueueEmail(tx, now, notice.regionCode, { to: a.email, ...noticeEmail(words, url, a.locale) });
  }
}
