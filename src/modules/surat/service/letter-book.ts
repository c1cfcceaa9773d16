// The region's one letter numbering and register, offered to other modules
// through the platform's LetterBook contract (platform/modules/letters.ts):
// public services number a service's result in the same series as a letter
// signed here and record it in the register; complaints write a transfer's
// letter here, delivered to the receiving region's register. Signing a
// letter in this module numbers it with the same series.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import { counter } from '../../../platform/db/counters.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { calendarOf } from '../../../platform/calendar/region.js';
import { getRegion } from '../../../platform/regions/service.js';
import { AppError } from '../../../platform/errors.js';
import type { LetterBook, LetterSeries, LetterSeriesKey, LetterToRecord } from '../../../platform/modules/contract.js';
import { units } from '../../../platform/schema.js';
import { letterheadFor, regionSigner, verifyUrlOf } from '../../layanan/index.js';
import { SECURITY_CODE } from '../domain/letter.js';
import { formatLetterNumber, letterSeries } from '../domain/numbering.js';
import { suratLetters, suratNumberCounters, suratRecipients } from '../schema.js';
import { outgoingPdf } from './pdf.js';
import { requireDocumentType } from './reference.js';
import { correspondenceUnit, deliver } from './sending.js';
import { letterPattern, templateOf } from './settings.js';

/** The unit a letter is registered in: the one named, else the region's correspondence unit; a region without units has no register. */
async function registerUnit(tx: Queryable, regionCode: string, unitId: string | null): Promise<{ id: string; code: string; name: string }> {
  const id = unitId ?? (await correspondenceUnit(tx, regionCode))?.id;
  const [unit] = id ? await tx.select({ id: units.id, code: units.code, name: units.name }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.id, id))) : [];
  if (!unit) throw new AppError('surat.unit_not_found');
  return unit;
}

/** A series of the region's letter numbering: the pattern filled with the letter's values, counted per local year. */
export async function seriesOf(tx: Queryable, key: LetterSeriesKey): Promise<LetterSeries> {
  const unit = await registerUnit(tx, key.regionCode, key.unitId);
  const pattern = await letterPattern(tx, key.regionCode);
  const values = {
    classification: key.classificationCode, unitCode: unit.code, documentTypeCode: key.documentTypeCode, securityCode: SECURITY_CODE[key.security], localDate: key.localDate,
  };
  const count = counter(tx, suratNumberCounters, { regionCode: key.regionCode, series: letterSeries(pattern, values), year: Number(key.localDate.slice(0, 4)) });
  return { ...count, format: (seq) => formatLetterNumber(pattern, values, seq) };
}

/** A produced letter in the register: outgoing, sent, with its producer and its own record named. */
async function insertLetter(tx: Queryable, l: LetterToRecord, token: string | null) {
  const unit = await registerUnit(tx, l.regionCode, l.unitId);
  const [row] = await tx.insert(suratLetters).values({
    regionCode: l.regionCode, direction: 'outgoing', unitId: unit.id, documentTypeCode: l.documentTypeCode, number: l.number, letterDate: l.localDate,
    subject: l.subject, summary: l.summary, classificationCode: l.classificationCode, security: l.security, urgency: 'biasa', status: 'sent',
    body: { addressee: l.addressee, place: '', attachments: '', opening: '', content: l.summary, closing: '' },
    signerName: l.signer.name, signerPosition: l.signer.position, signMethod: l.signer.method, signedAt: l.at,
    signerSubject: l.signer.subject, signerFingerprint: l.signer.fingerprint, pdf: l.pdf, sha256: l.sha256, token,
    origin: l.origin, externalRef: l.externalRef, createdAt: l.at, createdBy: l.by.userId, createdByLabel: l.by.label, updatedAt: l.at,
  }).returning();
  return { row, unit };
}

export const suratLetterBook: LetterBook = {
  series: seriesOf,

  // The producing module keeps its own verification token (its QR code points at it): the row has none.
  record: async (tx, letter) => ({ id: (await insertLetter(tx, letter, null)).row.id }),

  async revoke(tx, l) {
    const rows = await tx.update(suratLetters).set({ revokedAt: l.at, revokeReason: l.reason, updatedAt: l.at })
      .where(and(eq(suratLetters.regionCode, l.regionCode), eq(suratLetters.externalRef, l.externalRef), isNull(suratLetters.revokedAt)))
      .returning({ id: suratLetters.id });
    return rows.length > 0;
  },

  async write(tx, l) {
    // A region without a unit has no register (nor a letterhead to print on): the producer goes on without a letter.
    if (!l.unitId && !(await correspondenceUnit(tx, l.regionCode))) return null;
    const region = await getRegion(tx, l.regionCode);
    const localDate = localDateOf(l.at, calendarOf(region, []));
    const series = await seriesOf(tx, { ...l, localDate });
    const number = series.format(await series.next());
    const unit = await registerUnit(tx, l.regionCode, l.unitId);
    const head = await letterheadFor(tx, l.regionCode, unit.id);
    const type = await requireDocumentType(tx, l.documentTypeCode);
    const words = await templateOf(tx, l.regionCode, type);
    const provider = await regionSigner(tx, l.regionCode, l.at);
    const token = randomBytes(16).toString('base64url');
    const verifyUrl = verifyUrlOf({ config: { publicUrl: l.publicUrl } }, token);
    const reason = `${type.name} ${number}`;
    const unsigned = await outgoingPdf(head, {
      layout: type.layout, title: type.title, number, localDate, security: l.security, subject: l.subject,
      body: { addressee: l.addressee, place: head.place, attachments: '', opening: words.opening, content: l.paragraphs.join('\n\n'), closing: words.closing },
      signerPosition: head.signerPosition, signerName: head.signerName, copies: [], verifyUrl,
      signature: provider && { reason, name: region.name, location: region.name, contactInfo: verifyUrl },
    });
    const signed = provider ? await provider.sign(unsigned, reason) : null;
    const pdf = signed?.pdf ?? unsigned;
    const { row } = await insertLetter(tx, {
      ...l, unitId: unit.id, localDate, number, pdf, sha256: createHash('sha256').update(pdf).digest('hex'),
      signer: { name: head.signerName, position: head.signerPosition, method: signed ? 'electronic' : 'paper', subject: signed?.signer.subject ?? null, fingerprint: signed?.signer.fingerprint ?? null },
    }, token);
    if (l.deliverTo) {
      const target = await getRegion(tx, l.deliverTo);
      // A region without units has no register to take it: the letter stays recorded here, not delivered.
      const receiving = await correspondenceUnit(tx, target.code);
      const deliveredLetterId = receiving
        ? await deliver(tx, row, { regionCode: target.code, unitId: receiving.id, senderName: `${unit.name}, ${region.name}`, senderRegionCode: region.code, reason: 'recipient' }, l.at)
        : null;
      await tx.insert(suratRecipients).values({
        regionCode: l.regionCode, letterId: row.id, role: 'to', kind: 'region', targetRegionCode: target.code, name: l.addressee, position: 0,
        deliveredAt: receiving ? l.at : null, deliveredLetterId,
      });
    }
    return { id: row.id, number, pdf };
  },
};
