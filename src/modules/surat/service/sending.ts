// Sending a signed letter (the unit's clerk, once): each recipient and copy
// gets it the way it can take it, in one transaction:
// - a unit of the region: an incoming letter in that unit's register, with
//   the next agenda number of its year, opened to its clerks;
// - another region on this installation: an incoming letter in THAT region's
//   register (its first unit with a clerk, else its first active unit); only
//   rows of the target region are written for it, besides our recipient row;
// - an email address: an email through the outbox with the PDF attached.
// People told in-app are the receiving units' clerks.
import { and, asc, eq, exists, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { audit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors.js';
import { enqueueEmail, notifyInApp } from '../../../platform/notify/outbox.js';
import { usersWithRole } from '../../../platform/notify/staff.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { calendarOf } from '../../../platform/calendar/region.js';
import { getRegion } from '../../../platform/regions/service.js';
import { grants, units } from '../../../platform/schema.js';
import { verifyUrlOf } from '../../layanan/index.js';
import { suratLetters, suratRecipients } from '../schema.js';
import { addPeople, holdsIn, letterFor, viewerOf, type LetterRow } from './access.js';
import { nextAgendaNumber } from './incoming.js';

/** The unit of a region that receives letters from outside it: its first unit with a records clerk, else its first active unit; null when it has none. */
export async function correspondenceUnit(tx: Queryable, regionCode: string): Promise<{ id: string; name: string } | null> {
  const withClerk = exists(tx.select({ one: sql`1` }).from(grants)
    .where(and(eq(grants.regionCode, units.regionCode), eq(grants.unitId, units.id), eq(grants.role, 'surat_clerk'))));
  const [unit] = await tx.select({ id: units.id, name: units.name }).from(units)
    .where(and(eq(units.regionCode, regionCode), eq(units.active, true)))
    .orderBy(sql`case when ${withClerk} then 0 else 1 end`, asc(units.code)).limit(1);
  return unit ?? null;
}

async function receivingUnit(tx: Queryable, regionCode: string): Promise<{ id: string; name: string }> {
  const unit = await correspondenceUnit(tx, regionCode);
  if (!unit) throw new AppError('surat.region_not_found');
  return unit;
}

interface Delivery { regionCode: string; unitId: string; senderName: string; senderRegionCode: string | null; reason: 'recipient' | 'copy' }

/** An incoming letter in the receiving unit's register, opened to its clerks, who are told in-app. */
export async function deliver(tx: Queryable, letter: LetterRow, d: Delivery, now: Date): Promise<string> {
  const region = await getRegion(tx, d.regionCode);
  const year = Number(localDateOf(now, calendarOf(region, [])).slice(0, 4));
  const agendaNumber = await nextAgendaNumber(tx, d.regionCode, d.unitId, year);
  const [incoming] = await tx.insert(suratLetters).values({
    regionCode: d.regionCode, direction: 'incoming', unitId: d.unitId, documentTypeCode: letter.documentTypeCode, agendaYear: year, agendaNumber,
    number: letter.number, letterDate: letter.letterDate, receivedAt: now, senderName: d.senderName, senderRegionCode: d.senderRegionCode,
    sourceLetterId: letter.id, subject: letter.subject, classificationCode: letter.classificationCode, security: letter.security, urgency: letter.urgency,
    status: 'registered', signerName: letter.signerName, signerPosition: letter.signerPosition, signMethod: letter.signMethod, signedAt: letter.signedAt,
    pdf: letter.pdf, sha256: letter.sha256, origin: 'pamong', createdAt: now, createdBy: null, createdByLabel: 'Pamong', updatedAt: now,
  }).returning({ id: suratLetters.id });
  const clerks = await usersWithRole(tx, d.regionCode, ['surat_clerk'], d.unitId);
  await addPeople(tx, d.regionCode, incoming.id, clerks.map((userId) => ({ userId, reason: d.reason })), now);
  await notifyInApp(tx, now, d.regionCode, clerks, { id: 'Naskah masuk dari Pamong', en: 'An incoming letter from Pamong' },
    { id: `${letter.number} dari ${d.senderName}`, en: `${letter.number} from ${d.senderName}` }, `/staff/${d.regionCode}/surat/incoming/${incoming.id}`);
  return incoming.id;
}

function emailOf(letter: LetterRow, senderName: string, name: string, verifyUrl: string) {
  const id = `Yth. ${name},\n\nBersama ini kami sampaikan naskah dinas dari ${senderName}:\nNomor: ${letter.number}\nHal: ${letter.subject}\n\nNaskah terlampir sebagai PDF. Keasliannya dapat diperiksa di ${verifyUrl}`;
  const en = `Dear ${name},\n\nPlease find attached an official letter from ${senderName}:\nNumber: ${letter.number}\nSubject: ${letter.subject}\n\nThe letter is attached as a PDF. Its authenticity can be checked at ${verifyUrl}`;
  return { subject: `${letter.number} — ${letter.subject}`, text: `${id}\n\n---\n${en}` };
}

export async function sendLetter(ctx: AppContext, regionCode: string, actor: Actor, letterId: string): Promise<{ delivered: number }> {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { letter } = await letterFor(tx, viewerOf(actor, regionCode), letterId, 'open', true);
    if (letter.direction === 'incoming') throw new AppError('surat.wrong_direction');
    if (!holdsIn(actor, regionCode, letter.unitId, ['surat_clerk'])) throw new AppError('surat.unit_not_yours');
    if (letter.status === 'sent') throw new AppError('surat.already_sent');
    if (letter.status !== 'signed') throw new AppError('surat.not_signed');
    const region = await getRegion(tx, regionCode);
    const [unit] = await tx.select({ name: units.name }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.id, letter.unitId)));
    const recipients = await tx.select().from(suratRecipients)
      .where(and(eq(suratRecipients.regionCode, regionCode), eq(suratRecipients.letterId, letterId))).orderBy(asc(suratRecipients.position));
    const verifyUrl = verifyUrlOf(ctx, letter.token!);
    for (const r of recipients) {
      const reason = r.role === 'to' ? 'recipient' as const : 'copy' as const;
      let deliveredLetterId: string | null = null;
      if (r.kind === 'unit') {
        deliveredLetterId = await deliver(tx, letter, { regionCode, unitId: r.unitId!, senderName: unit.name, senderRegionCode: null, reason }, now);
      } else if (r.kind === 'region') {
        const target = await receivingUnit(tx, r.targetRegionCode!);
        deliveredLetterId = await deliver(tx, letter, { regionCode: r.targetRegionCode!, unitId: target.id, senderName: `${unit.name}, ${region.name}`, senderRegionCode: regionCode, reason }, now);
      } else {
        await enqueueEmail(tx, now, regionCode, {
          to: r.email!, ...emailOf(letter, `${unit.name}, ${region.name}`, r.name, verifyUrl),
          attachments: [{ fileName: `${letter.number!.replace(/[^A-Za-z0-9.-]+/g, '_')}.pdf`, contentType: 'application/pdf', base64: letter.pdf!.toString('base64') }],
        });
      }
      await tx.update(suratRecipients).set({ deliveredAt: now, deliveredLetterId }).where(and(eq(suratRecipients.regionCode, regionCode), eq(suratRecipients.id, r.id)));
    }
    await tx.update(suratLetters).set({ status: 'sent', updatedAt: now }).where(and(eq(suratLetters.regionCode, regionCode), eq(suratLetters.id, letterId)));
    await audit(tx, now, actor, regionCode, 'surat.send', 'letter', letterId, { number: letter.number, recipients: recipients.length });
    return { delivered: recipients.length };
  });
}
