// Signing an outgoing letter: the number is given here, never before and
// never twice. A first short transaction checks the letter, raises the
// series' counter (INSERT … ON CONFLICT DO UPDATE … RETURNING locks the row
// only until that transaction ends, so concurrent signings in a series queue
// for a moment, not for a PDF's rendering) and ties the number to the letter.
// Then the final PDF is rendered and signed electronically with the region's
// signer (public services' signing provider) or marked as signed on paper,
// and a second transaction stores it with its hash and verification token. A
// signing that fails after numbering leaves the letter waiting for signature
// with its number, which the next attempt reuses: no number is skipped or
// given twice.
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { audit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors.js';
import { notifyInApp } from '../../../platform/notify/outbox.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { calendarOf } from '../../../platform/calendar/region.js';
import { getRegion } from '../../../platform/regions/service.js';
import { usersWithRole } from '../../../platform/notify/staff.js';
import { letterheadFor, regionSigner, verifyUrlOf } from '../../layanan/index.js';
import type { SecurityClass } from '../domain/letter.js';
import { suratAttachments, suratLetters, suratRecipients } from '../schema.js';
import { holdsIn, letterFor, viewerOf } from './access.js';
import { outgoingPdf } from './pdf.js';
import { requireDocumentType } from './reference.js';
import { seriesOf } from './letter-book.js';

export async function signLetter(ctx: AppContext, regionCode: string, actor: Actor, letterId: string, method: 'electronic' | 'paper') {
  const viewer = viewerOf(actor, regionCode);
  // The region's certificate, read once (opening a PKCS#12 file costs tens of milliseconds).
  const provider = method === 'electronic' ? await regionSigner(ctx.database.db, regionCode, ctx.clock.now()) : null;
  const numbered = await ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { letter } = await letterFor(tx, viewer, letterId, 'open', true);
    if (letter.direction === 'incoming') throw new AppError('surat.wrong_direction');
    if (letter.status === 'signed' || letter.status === 'sent') throw new AppError('surat.already_signed');
    if (letter.status !== 'to_sign') throw new AppError('surat.not_ready_to_sign');
    if (letter.signerUserId !== actor.userId) throw new AppError('surat.not_signer');
    if (method === 'electronic' && !provider) throw new AppError('surat.no_signer_certificate');
    // An earlier attempt that numbered the letter and then failed: its number stays the letter's.
    if (letter.number && letter.letterDate) return { letter, number: letter.number, localDate: letter.letterDate };
    const region = await getRegion(tx, regionCode);
    const localDate = localDateOf(now, calendarOf(region, []));
    const series = await seriesOf(tx, {
      regionCode, unitId: letter.unitId, classificationCode: letter.classificationCode, documentTypeCode: letter.documentTypeCode ?? '',
      security: letter.security as SecurityClass, localDate,
    });
    const number = series.format(await series.next());
    await tx.update(suratLetters).set({ number, letterDate: localDate, updatedAt: now }).where(and(eq(suratLetters.regionCode, regionCode), eq(suratLetters.id, letterId)));
    return { letter, number, localDate };
  });

  const { letter, number, localDate } = numbered;
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const region = await getRegion(db, regionCode);
  const type = await requireDocumentType(db, letter.documentTypeCode!);
  const copies = await db.select({ name: suratRecipients.name }).from(suratRecipients)
    .where(and(eq(suratRecipients.regionCode, regionCode), eq(suratRecipients.letterId, letterId), eq(suratRecipients.role, 'cc'))).orderBy(asc(suratRecipients.position));
  const token = randomBytes(16).toString('base64url');
  const verifyUrl = verifyUrlOf(ctx, token);
  const reason = `${type.name} ${number}`;
  const unsigned = await outgoingPdf(await letterheadFor(db, regionCode, letter.unitId), {
    layout: type.layout, title: letter.direction === 'memo' ? 'NOTA DINAS' : type.title, number, localDate,
    security: letter.security as SecurityClass, subject: letter.subject, body: letter.body!,
    signerPosition: letter.signerPosition ?? '', signerName: letter.signerName ?? '', copies: copies.map((c) => c.name), verifyUrl,
    signature: provider && { reason, name: region.name, location: region.name, contactInfo: verifyUrl },
  });
  const signed = provider ? await provider.sign(unsigned, reason) : null;
  const pdf = signed?.pdf ?? unsigned;
  const sha256 = createHash('sha256').update(pdf).digest('hex');

  return db.transaction(async (tx) => {
    // Stored once: a concurrent signing of the same letter that got here first wins, this one is refused.
    const stored = await tx.update(suratLetters).set({
      status: 'signed', signMethod: method, signedAt: now,
      signerSubject: signed?.signer.subject ?? null, signerFingerprint: signed?.signer.fingerprint ?? null, pdf, sha256, token, updatedAt: now,
    }).where(and(eq(suratLetters.regionCode, regionCode), eq(suratLetters.id, letterId), eq(suratLetters.status, 'to_sign'), eq(suratLetters.number, number)))
      .returning({ id: suratLetters.id });
    if (stored.length === 0) throw new AppError('surat.already_signed');
    // The unit's clerks send it; the drafter learns it is signed.
    const clerks = await usersWithRole(tx, regionCode, ['surat_clerk'], letter.unitId);
    await notifyInApp(tx, now, regionCode, [...new Set([...clerks, letter.createdBy!])],
      { id: 'Naskah ditandatangani, siap dikirim', en: 'A letter was signed and is ready to send' }, { id: `${number}: ${letter.subject}`, en: `${number}: ${letter.subject}` },
      `/staff/${regionCode}/surat/outgoing/${letterId}`);
    await audit(tx, now, actor, regionCode, 'surat.sign', 'letter', letterId, { number, method, sha256 });
    return { number, sha256, verifyUrl };
  });
}

/** The signed PDF of a letter the person may open. */
export async function letterPdf(ctx: AppContext, regionCode: string, actor: Actor, letterId: string) {
  const { letter } = await letterFor(ctx.database.db, viewerOf(actor, regionCode), letterId, 'open');
  if (!letter.pdf) throw new AppError('surat.not_signed');
  return { fileName: `${letter.number!.replace(/[^A-Za-z0-9.-]+/g, '_')}.pdf`, data: letter.pdf };
}

/**
 * The scan of a letter signed on paper (optional): its signer or the unit's
 * clerk adds it to the letter's files. The PDF Pamong made stays the one its
 * QR code verifies; the scan shows the wet signature.
 */
export async function addPaperScan(ctx: AppContext, regionCode: string, actor: Actor, letterId: string, file: { fileName: string; data: Buffer; contentType: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { letter } = await letterFor(tx, viewerOf(actor, regionCode), letterId, 'open', true);
    if (letter.direction === 'incoming') throw new AppError('surat.wrong_direction');
    if (letter.signMethod !== 'paper') throw new AppError('surat.not_signed');
    if (letter.signerUserId !== actor.userId && !holdsIn(actor, regionCode, letter.unitId, ['surat_clerk'])) throw new AppError('surat.not_signer');
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const [row] = await tx.insert(suratAttachments).values({
      regionCode, letterId, fileName: file.fileName, contentType: file.contentType, size: file.data.length, data: file.data, sha256, uploadedAt: now, uploadedBy: actor.userId,
    }).returning({ id: suratAttachments.id });
    await audit(tx, now, actor, regionCode, 'surat.attachment_add', 'letter', letterId, { attachmentId: row.id, fileName: file.fileName, sha256, scanOf: 'paper_signature' });
    return { id: row.id, fileName: file.fileName, size: file.data.length, sha256 };
  });
}
