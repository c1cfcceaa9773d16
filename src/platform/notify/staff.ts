// Telling staff: everyone holding one of some roles in a region (or in one of
// its units) gets an in-app notice and, when asked, an email through the
// outbox, in the same transaction as the change. The words come from a
// module's templates, one per language (Eta), filled with the notice's data.
import { and, eq, inArray } from 'drizzle-orm';
import { Eta } from 'eta';
import { grants, users } from '../schema.js';
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

/** Sends the notice; returns who was told. */
export async function notifyStaff(tx: Queryable, now: Date, notice: StaffNotice): Promise<string[]> {
  let people = await usersWithRole(tx, notice.regionCode, notice.roles, notice.unitId ?? null);
  if (people.length === 0 && notice.otherwise) people = await usersWithRole(tx, notice.regionCode, notice.otherwise, null);
  if (people.length === 0) return [];
  const { subject, body } = renderNotice(notice.template, notice.data);
  await notifyInApp(tx, now, notice.regionCode, people, subject, body, notice.link);
  if (notice.email) {
    const url = `${notice.email.publicUrl}${notice.link}`;
    const addresses = await tx.select({ email: users.email, locale: users.locale }).from(users).where(inArray(users.id, people));
    for (const a of addresses) {
      // The person's own language first, the other after the line.
      const [first, second] = a.locale === 'en' ? (['en', 'id'] as const) : (['id', 'en'] as const);
      await enqueueEmail(tx, now, notice.regionCode, {
        to: a.email, subject: `${subject[first]} / ${subject[second]}`,
        text: `${body[first]}\n${url}\n\n---\n${body[second]}`,
      });
    }
  }
  return people;
}
