// The exchange with SRIKANDI (or any system that reads the format) by files:
// export a unit's letters of a period that the person may open as a package
// (domain/exchange.ts), and import a package as incoming letters of a unit's
// register, each letter once (its ref kept as external_ref). A package is
// checked whole before anything is written: nothing is imported from a
// package with any problem.
import { createHash } from 'node:crypto';
import { and, asc, between, eq, inArray, isNotNull } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { strToU8, zipSync, type Zippable } from 'fflate';
import yauzl from 'yauzl';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { audit } from '../../../platform/audit/audit.js';
import { rolesWith, unitsReached, type Actor } from '../../../platform/auth/policy.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { AppError } from '../../../platform/errors.js';
import type { Region } from '../../../platform/regions/service.js';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION, MANIFEST, readManifest, refOf, safeName, type ExchangeLetter, type ExchangeManifest } from '../domain/exchange.js';
import type { SecurityClass, Urgency } from '../domain/letter.js';
import { pdfsText } from './pdf-text.js';
import { suratAttachments, suratClassifications, suratLetters, suratRecipients } from '../schema.js';
import { actorLabel, addPeople, openSql, unitIn, viewerOf } from './access.js';
import { nextAgendaNumber } from './incoming.js';

type RegionRef = Pick<Region, 'code' | 'name' | 'utcOffsetMinutes'>;

/** The units whose letters the actor exchanges: null for every unit (the records manager), else their units as clerk. */
function requireExchangeUnit(actor: Actor, regionCode: string, unitId: string) {
  const reach = unitsReached(actor, regionCode, new Set(rolesWith('surat.exchange')));
  if (reach !== null && !reach.has(unitId)) throw new AppError('surat.unit_not_yours');
}

// ---------------------------------------------------------------------------
// Export

/** A unit's letters dated in [from, to] that the person may open, as a package; a letter they may only see exists is left out. */
export async function exportPackage(ctx: AppContext, region: RegionRef, actor: Actor, q: { unitId: string; from: string; to: string }) {
  const db = ctx.database.db;
  const unit = await unitIn(db, region.code, q.unitId);
  requireExchangeUnit(actor, region.code, q.unitId);
  const viewer = viewerOf(actor, region.code);
  const l = suratLetters;
  const letters = await db.select().from(l)
    .where(and(eq(l.regionCode, region.code), eq(l.unitId, q.unitId), isNotNull(l.letterDate), between(l.letterDate, q.from, q.to), openSql(viewer)))
    .orderBy(asc(l.letterDate), asc(l.createdAt));
  const ids = letters.map((x) => x.id);
  const [recipients, attachments] = ids.length === 0 ? [[], []] : await Promise.all([
    db.select({ letterId: suratRecipients.letterId, name: suratRecipients.name }).from(suratRecipients)
      .where(and(eq(suratRecipients.regionCode, region.code), inArray(suratRecipients.letterId, ids))).orderBy(asc(suratRecipients.position)),
    db.select().from(suratAttachments).where(and(eq(suratAttachments.regionCode, region.code), inArray(suratAttachments.letterId, ids))).orderBy(asc(suratAttachments.uploadedAt)),
  ]);
  const files: Zippable = {};
  const entries: ExchangeLetter[] = letters.map((letter, i) => {
    const listed: ExchangeLetter['files'] = [];
    const put = (name: string, kind: 'naskah' | 'lampiran', data: Buffer) => {
      files[name] = [data, { level: 0 }];
      listed.push({ name, kind, sha256: createHash('sha256').update(data).digest('hex') });
    };
    const n = String(i + 1).padStart(4, '0');
    if (letter.pdf) put(`naskah/${n}-${safeName(letter.number ?? 'naskah')}.pdf`, 'naskah', letter.pdf);
    attachments.filter((a) => a.letterId === letter.id).forEach((a, k) => put(`lampiran/${n}-${k + 1}-${safeName(a.fileName)}`, 'lampiran', a.data));
    return {
      ref: refOf(letter), direction: letter.direction, number: letter.number, date: letter.letterDate, subject: letter.subject,
      sender: letter.senderName || (letter.direction === 'incoming' ? '' : unit.name),
      recipients: recipients.filter((r) => r.letterId === letter.id).map((r) => r.name),
      classification: letter.classificationCode, security: letter.security, urgency: letter.urgency,
      agenda: letter.agendaYear && letter.agendaNumber ? { year: letter.agendaYear, number: letter.agendaNumber } : null, files: listed,
    };
  });
  const manifest: ExchangeManifest = {
    format: EXCHANGE_FORMAT, version: EXCHANGE_VERSION, exportedAt: ctx.clock.now().toISOString(),
    source: { system: 'Pamong', region: `${region.code} ${region.name}`, unit: `${unit.code} ${unit.name}` }, period: { from: q.from, to: q.to }, letters: entries,
  };
  const data = Buffer.from(zipSync({ [MANIFEST]: strToU8(JSON.stringify(manifest, null, 2)), ...files }));
  await audit(db, ctx.clock.now(), actor, region.code, 'surat.export', 'unit', unit.id, { from: q.from, to: q.to, letters: entries.length });
  return { fileName: `naskah-${region.code}-${unit.code}-${q.from}-${q.to}.zip`, data };
}

// ---------------------------------------------------------------------------
// Import

/** Enough for a year of a unit's letters with their scans; more is split by period. */
const LIMITS = { entries: 5_000, unpackedBytes: 300 * 1024 * 1024 };

const refuse = (issues: string[]): never => { throw new AppError('surat.import_format', { issues }); };

/** The package's parts by name, unpacked by yauzl within the limits (each part held to the size its header declares). */
async function unpack(data: Buffer): Promise<Map<string, Buffer>> {
  if ((await fileTypeFromBuffer(data))?.mime !== 'application/zip') refuse(['berkas bukan ZIP / the file is not a ZIP']);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true });
  } catch {
    return refuse(['ZIP rusak / damaged ZIP']);
  }
  const parts = new Map<string, Buffer>();
  try {
    if (zip.entryCount > LIMITS.entries) refuse([`lebih dari ${LIMITS.entries} berkas / more than ${LIMITS.entries} files`]);
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      total += entry.uncompressedSize;
      if (total > LIMITS.unpackedBytes) refuse(['isi ZIP terlalu besar / the ZIP unpacks too large']);
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      parts.set(entry.fileName, Buffer.concat(chunks));
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    refuse(['ZIP rusak / damaged ZIP']);
  } finally {
    zip.close();
  }
  return parts;
}

/** Every problem of a package against this region: missing or non-PDF files, wrong checksums, unknown classification codes. */
async function packageProblems(db: Queryable, manifest: ExchangeManifest, parts: Map<string, Buffer>): Promise<string[]> {
  const problems: string[] = [];
  for (const [i, letter] of manifest.letters.entries()) {
    for (const f of letter.files) {
      const data = parts.get(f.name);
      if (!data) problems.push(`letters.${i}.files: "${f.name}" tidak ada dalam ZIP / not in the ZIP`);
      else if ((await fileTypeFromBuffer(data))?.mime !== 'application/pdf') problems.push(`letters.${i}.files: "${f.name}" bukan PDF / is not a PDF`);
      else if (createHash('sha256').update(data).digest('hex') !== f.sha256) problems.push(`letters.${i}.files: "${f.name}" tidak cocok dengan sha256 / does not match its sha256`);
    }
  }
  const codes = [...new Set(manifest.letters.map((l) => l.classification))];
  const known = codes.length === 0 ? new Set<string>() : new Set((await db.select({ code: suratClassifications.code }).from(suratClassifications)
    .where(and(inArray(suratClassifications.code, codes), eq(suratClassifications.active, true)))).map((r) => r.code));
  manifest.letters.forEach((l, i) => { if (!known.has(l.classification)) problems.push(`letters.${i}.classification: kode ${l.classification} tidak dikenal / unknown code`); });
  return problems;
}

/**
 * Imports a package as incoming letters of the unit's register, received
 * now, with the register's next agenda numbers of the region's current
 * year (as a clerk's registration takes them); letters whose ref
 * the region already holds are skipped, so importing a package twice adds
 * nothing the second time.
 */
export async function importPackage(ctx: AppContext, region: RegionRef, actor: Actor, unitId: string, data: Buffer) {
  const parts = await unpack(data);
  const text = parts.get(MANIFEST);
  if (!text) return refuse([`${MANIFEST} tidak ada dalam ZIP / missing from the ZIP`]);
  const read = readManifest(text.toString('utf8'));
  if (!read.manifest) return refuse(read.problems);
  const manifest = read.manifest;
  // Each letter's PDF text, read before the transaction (files the manifest names but the ZIP lacks are refused inside it).
  const texts = new Map<string, string>();
  for (const letter of manifest.letters) texts.set(letter.ref, await pdfsText(letter.files.flatMap((f) => (parts.has(f.name) ? [{ data: parts.get(f.name)! }] : []))));
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await unitIn(tx, region.code, unitId);
    requireExchangeUnit(actor, region.code, unitId);
    const problems = await packageProblems(tx, manifest, parts);
    if (problems.length) refuse(problems);
    const refs = manifest.letters.map((l) => l.ref);
    const held = new Set<string | null>(refs.length === 0 ? [] : (await tx.select({ ref: suratLetters.externalRef }).from(suratLetters)
      .where(and(eq(suratLetters.regionCode, region.code), inArray(suratLetters.externalRef, refs)))).map((r) => r.ref));
    const year = Number(localDateOf(now, region).slice(0, 4));
    const imported: { id: string; ref: string; agendaNumber: number }[] = [];
    for (const letter of manifest.letters.filter((l) => !held.has(l.ref))) {
      const agendaNumber = await nextAgendaNumber(tx, region.code, unitId, year);
      const [row] = await tx.insert(suratLetters).values({
        regionCode: region.code, direction: 'incoming', unitId, agendaYear: year, agendaNumber, number: letter.number, letterDate: letter.date, receivedAt: now,
        senderName: letter.sender, subject: letter.subject, summary: letter.recipients.length ? `Kepada: ${letter.recipients.join('; ')}` : '',
        classificationCode: letter.classification, security: letter.security as SecurityClass, urgency: letter.urgency as Urgency, status: 'registered',
        origin: 'import', externalRef: letter.ref, contentText: texts.get(letter.ref) ?? '', createdAt: now, createdBy: actor.userId, createdByLabel: actorLabel(actor), updatedAt: now,
      }).returning({ id: suratLetters.id });
      if (letter.files.length) {
        await tx.insert(suratAttachments).values(letter.files.map((f) => {
          const bytes = parts.get(f.name)!;
          return { regionCode: region.code, letterId: row.id, fileName: f.name.split('/').pop()!, contentType: 'application/pdf', size: bytes.length, data: bytes, sha256: f.sha256, uploadedAt: now, uploadedBy: actor.userId };
        }));
      }
      await addPeople(tx, region.code, row.id, actor.userId ? [{ userId: actor.userId, reason: 'registrar' }] : [], now);
      imported.push({ id: row.id, ref: letter.ref, agendaNumber });
    }
    await audit(tx, now, actor, region.code, 'surat.import', 'unit', unitId, { source: manifest.source, imported: imported.length, skipped: held.size });
    return { imported, skipped: refs.filter((ref) => held.has(ref)) };
  });
}
