// Issued documents: numbering, rendering, signing, hashing and storing in
// the caller's transaction (issueDocument, for the application and payment
// slices), the public verification by token, the staff list, download and
// revocation.
import { createHash, randomBytes } from 'node:crypto';
import { and, count, desc, eq, ilike, or } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { containing } from '../../../platform/db/like.js';
import { audit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { verifyToken, type DocumentVerification } from '../../../platform/modules/verify.js';
import { letterBook } from '../../../platform/modules/letters.js';
import { counter } from '../../../platform/db/counters.js';
import { AppError } from '../../../platform/errors.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { calendarOf } from '../../../platform/calendar/region.js';
import { getRegion } from '../../../platform/regions/service.js';
import { units } from '../../../platform/schema.js';
import { maskName } from '../domain/letter.js';
import { formatNumber, numberingYear, seriesOf, serviceCodeOf } from '../domain/numbering.js';
import { resultLetterOf, type ResultTemplate } from '../domain/template.js';
import { layananDocuments, layananNumberCounters, layananServices } from '../schema.js';
import { actorLabel, ensureManagesUnit } from './access.js';
import { letterheadFor, numberingPattern } from './document-settings.js';
import { letterPdf, receiptPdf, type ReceiptBody, type RenderSlot } from './pdf.js';
import { regionSigner } from './signer.js';

export type DocumentKind = 'result' | 'receipt';

export interface IssueInput {
  regionCode: string;
  kind: DocumentKind;
  actor: Actor;
  applicationId?: string | null;
  billId?: string | null;
  /** The service whose result this is; null for a receipt of a tax bill. */
  serviceId?: string | null;
  unitId?: string | null;
  title: string;
  /** The holder's full name (the public page shows it masked). */
  holder: string;
  /** A result's signer as printed, for the region's letter register. */
  signer?: { name: string; position: string };
  /** How a result is filed as the region's letter: its product's kind and classification code (the service's result template). */
  filing?: Pick<ResultTemplate, 'product' | 'classificationCode'>;
  render(slot: RenderSlot): Promise<Buffer>;
}

export interface Issued { id: string; number: string; token: string; verifyUrl: string; sha256: string }

/**
 * What issuing needs of the application: the time and the public address (the
 * demo seed issues with its own, in a simulated past that, like the showcase's,
 * writes no audit rows).
 */
export interface IssueContext { clock: Pick<AppContext['clock'], 'now'>; config: { publicUrl: string }; simulatedPast?: boolean }

/** The public verification address of a token: short, since it is printed as a QR code. */
export const verifyUrlOf = (ctx: Pick<IssueContext, 'config'>, token: string) => `${ctx.config.publicUrl.replace(/\/$/, '')}/v/${token}`;

/** Receipts without a service are numbered under this code. */
const RECEIPT_CODE = 'TBP';
/** Documents of the region itself (no unit) are numbered under this code. */
const REGION_UNIT_CODE = 'PEMDA';

/** The region's local date at an instant. */
async function localDate(db: Queryable, regionCode: string, at: Date) {
  const region = await getRegion(db, regionCode);
  return { region, localDate: localDateOf(at, calendarOf(region, [])) };
}

/**
 * Where an issue's number comes from. A result is a letter of the region: with
 * the correspondence module installed it takes the next number of the
 * region's one letter numbering (its pattern, in the series of the result's
 * classification, document type and unit). A receipt, or any document without
 * correspondence, counts in public services' own series (its pattern, per
 * service code and unit).
 */
async function seriesOfIssue(tx: Queryable, regionCode: string, input: IssueInput, date: string) {
  const book = input.kind === 'result' ? letterBook() : null;
  if (book) {
    return book.series(tx, { regionCode, unitId: input.unitId ?? null, ...resultLetterOf(input.filing ?? {}), security: 'biasa', localDate: date });
  }
  const pattern = await numberingPattern(tx, regionCode);
  const [service] = input.serviceId
    ? await tx.select({ name: layananServices.name }).from(layananServices).where(and(eq(layananServices.regionCode, regionCode), eq(layananServices.id, input.serviceId)))
    : [];
  const [unit] = input.unitId ? await tx.select({ code: units.code }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.id, input.unitId))) : [];
  const values = { serviceCode: service ? serviceCodeOf(service.name) : RECEIPT_CODE, unitCode: unit?.code ?? REGION_UNIT_CODE, localDate: date };
  const count = counter(tx, layananNumberCounters, { regionCode, series: seriesOf(pattern, values), year: numberingYear(date) });
  return { ...count, format: (seq: number) => formatNumber(pattern, values, seq) };
}

/** A document's reference in the region's letter register. */
const documentRef = (id: string) => `layanan:document:${id}`;

/** Attempts at numbering a remotely signed document before it waits for the counter's lock (each attempt signs once). */
const OPTIMISTIC_ATTEMPTS = 3;

/**
 * Issues a document inside the caller's transaction: assigns the number,
 * renders the PDF (with a signature slot when the region signs), signs it,
 * hashes the final bytes and stores them. A signing refusal throws, and the
 * caller's transaction rolls back with its number.
 *
 * Numbers are consecutive and never given twice: the series' counter is
 * raised in the transaction, its row locked until the transaction ends, so a
 * rolled-back issue gives its number back. The number is printed in the
 * signed file, so it must be known before signing; with a remote signing
 * service (an HTTP call that may take seconds) the counter is not locked
 * while it signs: the issue reads the next number, renders and signs with it,
 * then takes it only if it is still the next one (compare and set) and
 * otherwise starts again with the new next number; after a few lost races it
 * takes the lock first and signs under it, so it always finishes. Other issues
 * in the series go on meanwhile. A local certificate signs in milliseconds:
 * those issues take the lock first, as they always did.
 */
export async function issueDocument(ctx: IssueContext, tx: Queryable, input: IssueInput): Promise<Issued> {
  const now = ctx.clock.now();
  const { region, localDate: date } = await localDate(tx, input.regionCode, now);
  const provider = await regionSigner(tx, input.regionCode, now);
  const series = await seriesOfIssue(tx, input.regionCode, input, date);
  const token = randomBytes(16).toString('base64url');
  const verifyUrl = verifyUrlOf(ctx, token);
  const produce = async (number: string) => {
    const reason = `${input.title} ${number}`;
    const unsigned = await input.render({
      number, verifyUrl, localDate: date,
      signature: provider && { reason, name: region.name, location: region.name, contactInfo: verifyUrl },
    });
    const signed = provider ? await provider.sign(unsigned, reason) : null;
    return { signed, pdf: signed?.pdf ?? unsigned };
  };
  let number: string | null = null;
  let made: Awaited<ReturnType<typeof produce>> | null = null;
  for (let attempt = 0; provider?.name === 'remote' && attempt < OPTIMISTIC_ATTEMPTS && !number; attempt++) {
    const seq = (await series.peek()) + 1;
    const candidate = series.format(seq);
    const result = await produce(candidate);
    if (await series.claim(seq)) [number, made] = [candidate, result];
  }
  if (!number || !made) {
    number = series.format(await series.next());
    made = await produce(number);
  }
  const { signed, pdf } = made;
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const [row] = await tx.insert(layananDocuments).values({
    regionCode: input.regionCode, kind: input.kind, applicationId: input.applicationId ?? null, billId: input.billId ?? null,
    serviceId: input.serviceId ?? null, unitId: input.unitId ?? null, number, title: input.title, holderName: input.holder,
    issuedAt: now, issuedBy: input.actor.userId, issuedByLabel: actorLabel(input.actor), pdf, sha256, token,
    signerSubject: signed?.signer.subject ?? null, signerFingerprint: signed?.signer.fingerprint ?? null,
    signatureProvider: provider?.name ?? null, signedAt: signed ? now : null,
  }).returning({ id: layananDocuments.id });
  // A result is also in the region's letter register, outgoing, with the number it was given there; its QR code stays this document's.
  const book = input.kind === 'result' ? letterBook() : null;
  await book?.record(tx, {
    regionCode: input.regionCode, unitId: input.unitId ?? null, ...resultLetterOf(input.filing ?? {}), security: 'biasa', localDate: date,
    origin: 'layanan', externalRef: documentRef(row.id), number, subject: input.title, addressee: input.holder,
    summary: `${input.title} untuk ${input.holder}, diterbitkan oleh layanan publik.`,
    signer: {
      name: input.signer?.name ?? '', position: input.signer?.position ?? '', method: signed ? 'electronic' : 'paper',
      subject: signed?.signer.subject ?? null, fingerprint: signed?.signer.fingerprint ?? null,
    },
    pdf, sha256, at: now, by: { userId: input.actor.userId, label: actorLabel(input.actor) },
  });
  if (!ctx.simulatedPast) await audit(tx, now, input.actor, input.regionCode, 'layanan.document_issue', 'document', row.id, { number, kind: input.kind, signed: Boolean(signed) });
  return { id: row.id, number, token, verifyUrl, sha256 };
}

/**
 * A service's result letter on its unit's letterhead, issued in the caller's
 * transaction. Paragraphs may depend on the slot (a template naming the
 * number or the date of issue); a signer position replaces the letterhead's.
 */
export async function issueResult(ctx: IssueContext, tx: Queryable, input: Omit<IssueInput, 'kind' | 'render' | 'signer'> & {
  paragraphs: string[] | ((slot: RenderSlot) => string[]);
  signerPosition?: string;
}): Promise<Issued> {
  const letterhead = await letterheadFor(tx, input.regionCode, input.unitId ?? null);
  const head = input.signerPosition ? { ...letterhead, signerPosition: input.signerPosition } : letterhead;
  const { paragraphs } = input;
  return issueDocument(ctx, tx, {
    ...input, kind: 'result', signer: { name: head.signerName, position: head.signerPosition },
    render: (slot) => letterPdf(head, { title: input.title, paragraphs: typeof paragraphs === 'function' ? paragraphs(slot) : paragraphs }, slot),
  });
}

/** A payment receipt on the letterhead of the bill's unit (or the region's), issued in the caller's transaction. */
export async function issueReceipt(ctx: IssueContext, tx: Queryable, input: Omit<IssueInput, 'kind' | 'render' | 'title' | 'holder'> & { receipt: ReceiptBody }): Promise<Issued> {
  const head = await letterheadFor(tx, input.regionCode, input.unitId ?? null);
  return issueDocument(ctx, tx, {
    ...input, kind: 'receipt', title: input.receipt.title, holder: input.receipt.payer, render: (slot) => receiptPdf(head, input.receipt, slot),
  });
}

// ---------------------------------------------------------------------------
// Public verification

/** What anyone holding the token may learn (the module's part of the platform's verification): never the holder's full name, never who issued it inside the office. */
export async function verifyDocument(db: Queryable, token: string): Promise<DocumentVerification | null> {
  const [d] = await db.select({
    regionCode: layananDocuments.regionCode, unitId: layananDocuments.unitId, kind: layananDocuments.kind, title: layananDocuments.title,
    number: layananDocuments.number, holderName: layananDocuments.holderName, issuedAt: layananDocuments.issuedAt, sha256: layananDocuments.sha256,
    signerSubject: layananDocuments.signerSubject, signatureProvider: layananDocuments.signatureProvider, signedAt: layananDocuments.signedAt,
    revokedAt: layananDocuments.revokedAt, revokeReason: layananDocuments.revokeReason,
  }).from(layananDocuments).where(eq(layananDocuments.token, token));
  if (!d) return null;
  const region = await getRegion(db, d.regionCode);
  const cal = calendarOf(region, []);
  const [unit] = d.unitId ? await db.select({ name: units.name }).from(units).where(and(eq(units.regionCode, d.regionCode), eq(units.id, d.unitId))) : [];
  return {
    genuine: true as const,
    region: { code: region.code, name: region.name },
    unit: unit?.name ?? null,
    kind: d.kind, title: d.title, number: d.number,
    issuedOn: localDateOf(d.issuedAt, cal),
    holder: maskName(d.holderName),
    sha256: d.sha256,
    signature: d.signerSubject ? { signer: d.signerSubject, provider: d.signatureProvider!, signedOn: localDateOf(d.signedAt!, cal) } : null,
    revoked: d.revokedAt ? { on: localDateOf(d.revokedAt, cal), reason: d.revokeReason! } : null,
  };
}

/**
 * Whether a file is byte for byte the issued document (its SHA-256 equals the
 * stored one): any module's document the platform's verification knows (a
 * signed letter too), since the verification page offers the check for each.
 */
export async function checkDocumentFile(ctx: AppContext, token: string, file: Buffer) {
  const d = await verifyToken(ctx.database.db, token);
  if (!d) throw new AppError('layanan.document_not_found');
  const sha256 = createHash('sha256').update(file).digest('hex');
  return { matches: sha256 === d.sha256, sha256, expected: d.sha256 };
}

// ---------------------------------------------------------------------------
// Staff

export async function listDocuments(ctx: AppContext, regionCode: string, opts: { q?: string; limit: number; offset: number }) {
  const db = ctx.database.db;
  const where = and(
    eq(layananDocuments.regionCode, regionCode),
    opts.q ? or(ilike(layananDocuments.number, containing(opts.q)), ilike(layananDocuments.holderName, containing(opts.q))) : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(layananDocuments).where(where);
  const rows = await db.select({
    id: layananDocuments.id, kind: layananDocuments.kind, number: layananDocuments.number, title: layananDocuments.title, holder: layananDocuments.holderName,
    serviceId: layananDocuments.serviceId, unitId: layananDocuments.unitId, applicationId: layananDocuments.applicationId, billId: layananDocuments.billId,
    issuedAt: layananDocuments.issuedAt, issuedBy: layananDocuments.issuedByLabel, sha256: layananDocuments.sha256, token: layananDocuments.token,
    signer: layananDocuments.signerSubject, revokedAt: layananDocuments.revokedAt, revokedBy: layananDocuments.revokedByLabel, revokeReason: layananDocuments.revokeReason,
  }).from(layananDocuments).where(where).orderBy(desc(layananDocuments.issuedAt), desc(layananDocuments.number)).limit(opts.limit).offset(opts.offset);
  return { total, items: rows.map((r) => ({ ...r, kind: r.kind as DocumentKind, verifyUrl: verifyUrlOf(ctx, r.token) })) };
}

export async function documentPdf(ctx: AppContext, regionCode: string, id: string) {
  const [d] = await ctx.database.db.select({ pdf: layananDocuments.pdf, number: layananDocuments.number }).from(layananDocuments)
    .where(and(eq(layananDocuments.regionCode, regionCode), eq(layananDocuments.id, id)));
  if (!d) throw new AppError('layanan.document_not_found');
  return { fileName: `${d.number.replace(/[^A-Za-z0-9.-]+/g, '_')}.pdf`, data: d.pdf };
}

/** Marks a document revoked; a result is also a letter in the region's register, whose row then says so too. */
export async function markRevoked(tx: Queryable, d: { regionCode: string; id: string; kind: string }, at: Date, by: { userId: string | null; label: string }, reason: string) {
  await tx.update(layananDocuments).set({ revokedAt: at, revokedBy: by.userId, revokedByLabel: by.label, revokeReason: reason })
    .where(and(eq(layananDocuments.regionCode, d.regionCode), eq(layananDocuments.id, d.id)));
  if (d.kind === 'result') await letterBook()?.revoke(tx, { regionCode: d.regionCode, externalRef: documentRef(d.id), at, reason });
}

/** Revokes a document once, with the reason anyone verifying it will read. The region's manager any; a unit's manager their unit's. */
export async function revokeDocument(ctx: AppContext, regionCode: string, actor: Actor, id: string, reason: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const [d] = await tx.select({ kind: layananDocuments.kind, unitId: layananDocuments.unitId, number: layananDocuments.number, revokedAt: layananDocuments.revokedAt }).from(layananDocuments)
      .where(and(eq(layananDocuments.regionCode, regionCode), eq(layananDocuments.id, id))).for('update');
    if (!d) throw new AppError('layanan.document_not_found');
    // A document without a unit (a tax receipt) is the region's: only region-wide managers reach it.
    ensureManagesUnit(actor, regionCode, d.unitId ?? '');
    if (d.revokedAt) throw new AppError('layanan.document_revoked');
    const now = ctx.clock.now();
    await markRevoked(tx, { regionCode, id, kind: d.kind }, now, { userId: actor.userId, label: actorLabel(actor) }, reason);
    await audit(tx, now, actor, regionCode, 'layanan.document_revoke', 'document', id, { number: d.number, reason });
  });
}
