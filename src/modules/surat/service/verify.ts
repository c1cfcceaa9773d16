// The correspondence module's part of the platform's public verification
// (GET /api/verify/:token): a signed outgoing letter or memo by the token in
// its QR code. It says what the letter is, its number and date, who signed it
// and how, its addressees and the hash of its PDF; never its subject or body,
// which its security class may close.
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { calendarOf } from '../../../platform/calendar/region.js';
import { getRegion } from '../../../platform/regions/service.js';
import type { DocumentVerification } from '../../../platform/modules/verify.js';
import { units } from '../../../platform/schema.js';
import { maskName } from '../../layanan/index.js';
import { suratDocumentTypes, suratLetters, suratRecipients } from '../schema.js';

export async function verifyLetter(db: Queryable, token: string): Promise<DocumentVerification | null> {
  const l = suratLetters;
  const [letter] = await db.select({
    regionCode: l.regionCode, id: l.id, direction: l.direction, unitId: l.unitId, number: l.number, signedAt: l.signedAt, sha256: l.sha256,
    signMethod: l.signMethod, signerName: l.signerName, signerPosition: l.signerPosition, signerSubject: l.signerSubject, type: suratDocumentTypes.name,
  }).from(l).leftJoin(suratDocumentTypes, eq(suratDocumentTypes.code, l.documentTypeCode))
    // Only the letter that was signed: a delivered copy carries no token.
    .where(and(eq(l.token, token), ne(l.direction, 'incoming')));
  if (!letter || !letter.signedAt) return null;
  const region = await getRegion(db, letter.regionCode);
  const cal = calendarOf(region, []);
  const [unit] = await db.select({ name: units.name }).from(units).where(and(eq(units.regionCode, letter.regionCode), eq(units.id, letter.unitId)));
  const to = await db.select({ kind: suratRecipients.kind, name: suratRecipients.name }).from(suratRecipients)
    .where(and(eq(suratRecipients.regionCode, letter.regionCode), eq(suratRecipients.letterId, letter.id), eq(suratRecipients.role, 'to'))).orderBy(asc(suratRecipients.position));
  const signedOn = localDateOf(letter.signedAt, cal);
  return {
    genuine: true,
    region: { code: region.code, name: region.name },
    unit: unit?.name ?? null,
    kind: letter.direction === 'memo' ? 'memo' : 'letter',
    title: letter.type ?? '',
    number: letter.number!,
    issuedOn: signedOn,
    // Units and regions are public bodies; a person written to by email is masked like a service's holder.
    holder: to.map((r) => (r.kind === 'email' ? maskName(r.name) : r.name)).join('; '),
    sha256: letter.sha256!,
    signature: {
      signer: letter.signerSubject ?? [letter.signerName, letter.signerPosition].filter(Boolean).join(', '),
      provider: letter.signMethod === 'electronic' ? 'electronic' : 'paper',
      signedOn,
    },
    revoked: null,
  };
}
