// What the tenant-isolation test aims at in the victim region (contract:
// IsolationFixtures): an incoming letter with its scan and a disposition,
// which every letter route would act on if access were wrongly granted. Its
// subject, sender and file name must never show to another region's people.
// For filing and retention: a schedule row, an open file the letter fits,
// a closed file past its periods and a proposal to destroy it. And an
// outgoing draft (its subject private) with its recipient and planned
// verification, which every outgoing route would act on.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import type { IsolationFixtures, IsolationRequest } from '../../platform/modules/contract.js';
import { grants, units, users } from '../../platform/schema.js';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION, MANIFEST } from './domain/exchange.js';
import { suratAttachments, suratDisposals, suratDispositions, suratFiles, suratLetterPeople, suratLetters, suratRecipients, suratRetention, suratReviews } from './schema.js';

const SECRET_SUBJECT = 'Perihal rahasia uji isolasi naskah dinas';
const SECRET_SENDER = 'Pengirim rahasia uji isolasi';
const SECRET_FILE = 'Pindaian rahasia uji isolasi.pdf';
const SECRET_INSTRUCTION = 'Instruksi disposisi rahasia uji isolasi';
const SECRET_FILE_TITLE = 'Berkas arsip rahasia uji isolasi';
const SECRET_REASON = 'Alasan penyusutan rahasia uji isolasi';
const SECRET_DRAFT = 'Hal draf surat keluar rahasia uji isolasi';

/** A multipart body: a JSON `options` part (when given) and one file part. */
function upload(fileName: string, data: Buffer, options?: unknown) {
  const boundary = 'pamong-isolasi-surat';
  const json = options === undefined ? '' : `--${boundary}\r\nContent-Disposition: form-data; name="options"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(options)}\r\n`;
  return {
    body: Buffer.concat([Buffer.from(`${json}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n\r\n`), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A package of one new letter that an import into the victim's unit would take. */
function exchangePackage(): Buffer {
  const pdf = Buffer.from('%PDF-1.4\n% paket palsu\n%%EOF\n');
  const letter = {
    ref: 'isolasi:paket-palsu', direction: 'incoming', number: '1/PALSU/2026', date: '2026-11-30', subject: 'Naskah palsu dari daerah lain', sender: 'Daerah lain', recipients: [],
    classification: '000.1.1', security: 'biasa', urgency: 'biasa', agenda: null, files: [{ name: 'naskah/1.pdf', kind: 'naskah', sha256: createHash('sha256').update(pdf).digest('hex') }],
  };
  const manifest = { format: EXCHANGE_FORMAT, version: EXCHANGE_VERSION, exportedAt: '2026-11-30T00:00:00.000Z', source: { system: 'Uji', region: 'Uji', unit: 'Uji' }, period: null, letters: [letter] };
  return Buffer.from(zipSync({ [MANIFEST]: strToU8(JSON.stringify(manifest)), 'naskah/1.pdf': pdf }));
}

export const suratIsolation: IsolationFixtures = {
  async records(ctx, region) {
    const now = ctx.clock.now();
    return ctx.database.db.transaction(async (tx) => {
      const [unit] = await tx.select({ id: units.id }).from(units).where(eq(units.regionCode, region)).limit(1);
      const people = await tx.select({ id: users.id }).from(users).limit(2);
      const [letter] = await tx.insert(suratLetters).values({
        regionCode: region, direction: 'incoming', unitId: unit.id, agendaYear: 2026, agendaNumber: 1, number: '000/1/UJI/2026', letterDate: '2026-11-30', receivedAt: now,
        senderName: SECRET_SENDER, subject: SECRET_SUBJECT, classificationCode: '000.1.1', security: 'biasa', urgency: 'biasa', status: 'distributed',
        createdAt: now, createdByLabel: 'Uji', updatedAt: now,
      }).returning({ id: suratLetters.id });
      const [file] = await tx.insert(suratAttachments).values({
        regionCode: region, letterId: letter.id, fileName: SECRET_FILE, contentType: 'application/pdf', size: 8, data: Buffer.from('%PDF-1.4'), sha256: '0'.repeat(64), uploadedAt: now,
      }).returning({ id: suratAttachments.id });
      await tx.insert(suratLetterPeople).values(people.map((p, i) => ({ regionCode: region, letterId: letter.id, userId: p.id, reason: i === 0 ? 'leader' as const : 'disposition' as const, addedAt: now })));
      const [disposition] = await tx.insert(suratDispositions).values({
        regionCode: region, letterId: letter.id, fromUserId: people[0].id, fromLabel: 'Uji', toUserId: people[people.length - 1].id, toLabel: 'Uji', instruction: SECRET_INSTRUCTION,
        priority: 'biasa', status: 'unread', createdAt: now,
      }).returning({ id: suratDispositions.id });
      await tx.insert(suratRetention).values({ regionCode: region, classificationCode: '000.1', activeYears: 0, inactiveYears: 0, fate: 'musnah', updatedAt: now });
      const fileRow = { regionCode: region, unitId: unit.id, classificationCode: '000.1', title: SECRET_FILE_TITLE, openedOn: '2020-01-02', createdAt: now, createdByLabel: 'Uji' };
      const [open] = await tx.insert(suratFiles).values({ ...fileRow, status: 'open' }).returning({ id: suratFiles.id });
      const [due] = await tx.insert(suratFiles).values({ ...fileRow, status: 'closed', closedOn: '2020-12-31', activeUntil: '2020-12-31', inactiveUntil: '2020-12-31', fate: 'musnah' })
        .returning({ id: suratFiles.id });
      const [disposal] = await tx.insert(suratDisposals).values({
        regionCode: region, action: 'destroy', status: 'proposed', fileIds: [due.id], reason: SECRET_REASON, proposedAt: now, proposedBy: people[0].id, proposedByLabel: 'Uji',
      }).returning({ id: suratDisposals.id });
      // A head of region signs any unit's letters: the signer a draft body names.
      const [signer] = await tx.select({ id: grants.userId }).from(grants).where(and(eq(grants.regionCode, region), eq(grants.role, 'head_of_region'))).limit(1);
      const [draft] = await tx.insert(suratLetters).values({
        regionCode: region, direction: 'outgoing', unitId: unit.id, documentTypeCode: 'surat-undangan', subject: SECRET_DRAFT, classificationCode: '000.1.1',
        security: 'biasa', urgency: 'biasa', status: 'draft', body: { addressee: '', place: '', attachments: '', opening: '', content: SECRET_DRAFT, closing: '' },
        signerUserId: signer.id, signerName: 'Uji', signerPosition: 'Uji', createdAt: now, createdBy: people[0].id, createdByLabel: 'Uji', updatedAt: now,
      }).returning({ id: suratLetters.id });
      await tx.insert(suratRecipients).values({ regionCode: region, letterId: draft.id, role: 'to', kind: 'unit', unitId: unit.id, name: 'Uji', position: 0 });
      await tx.insert(suratReviews).values({ regionCode: region, letterId: draft.id, round: 1, step: 1, verifierUserId: people[0].id, verifierLabel: 'Uji', status: 'waiting' });
      await tx.insert(suratLetterPeople).values([
        { regionCode: region, letterId: draft.id, userId: people[0].id, reason: 'drafter', addedAt: now },
        { regionCode: region, letterId: draft.id, userId: signer.id, reason: 'signer', addedAt: now },
      ]);
      return {
        // Reference rows are shared and public; a row to aim the correction routes at.
        params: { letterId: letter.id, attachmentId: file.id, dispositionId: disposition.id, suratPersonId: people[0].id, list: 'classification', ':list/:code': '100.3.3.2', 'classifications/:code': '100.3.3.2', 'document-types/:code': 'surat-tugas',
          'retention/:code': '000.1', 'surat/files/:fileId': open.id, 'surat/disposals/:disposalId': disposal.id, suratUnitId: unit.id, suratDueFileId: due.id,
          'outgoing/:letterId': draft.id, documentTypeCode: 'surat-undangan',
          // Not a route parameter: the signer a draft body names in the victim region.
          suratSignerId: signer.id },
        secrets: [letter.id, file.id, disposition.id, open.id, due.id, disposal.id, draft.id],
        private: [SECRET_SUBJECT, SECRET_SENDER, SECRET_FILE, SECRET_INSTRUCTION, SECRET_FILE_TITLE, SECRET_REASON, SECRET_DRAFT],
      };
    });
  },
  request(route, params): IsolationRequest | undefined {
    if (!route.url.includes('/surat')) return undefined;
    const R = '/api/regions/:region/surat';
    const O = `${R}/outgoing`;
    const draft = {
      direction: 'outgoing', unitId: params.unitId, documentTypeCode: 'surat-undangan', classificationCode: '000.1.1', security: 'biasa', urgency: 'biasa',
      subject: 'Draf palsu', body: { content: 'Isi palsu' }, recipients: [{ role: 'to', kind: 'unit', unitId: params.unitId }],
      signerUserId: params.suratSignerId, signerPosition: 'Bupati', verifierUserIds: [],
    };
    const bodies: Record<string, unknown> = {
      [`POST ${R}/letters/incoming`]: { unitId: params.unitId, number: '1/UJI', letterDate: '2026-11-30', senderName: 'Uji', subject: 'Uji', classificationCode: '000.1.1' },
      [`POST ${R}/letters/:letterId/distribute`]: { leaders: [params.suratPersonId] },
      [`POST ${R}/letters/:letterId/dispositions`]: { to: [params.suratPersonId], instruction: 'Uji' },
      [`POST ${R}/dispositions/:dispositionId/notes`]: { body: 'Uji' },
      [`POST ${R}/dispositions/:dispositionId/done`]: { report: 'Uji' },
      [`PUT ${R}/retention/:code`]: { activeYears: 9, inactiveYears: 9, fate: 'permanen' },
      [`POST ${R}/files`]: { unitId: params.suratUnitId, classificationCode: '000.1', title: 'Berkas palsu dari daerah lain' },
      [`POST ${R}/files/:fileId/letters`]: { letterId: params.letterId },
      [`POST ${R}/disposals`]: { action: 'destroy', fileIds: [params.suratDueFileId], reason: 'Usul palsu dari daerah lain' },
      [`POST ${R}/disposals/:disposalId/decision`]: { approve: true, note: 'Persetujuan palsu' },
      [`PUT ${R}/numbering`]: { pattern: '{nomor}/PALSU/{tahun}' },
      [`PUT ${R}/templates/:documentTypeCode`]: { opening: 'Pembuka palsu', closing: 'Penutup palsu' },
      [`POST ${O}`]: draft,
      [`PUT ${O}/:letterId`]: draft,
      [`POST ${O}/:letterId/submit`]: {},
      [`POST ${O}/:letterId/review`]: { action: 'approve' },
      [`POST ${O}/:letterId/sign`]: { method: 'paper' },
      [`POST ${O}/:letterId/send`]: {},
    };
    const key = `${route.method} ${route.url}`;
    if (key === `POST ${R}/retention/import`) return upload('jra.csv', Buffer.from('Kode klasifikasi;Aktif (tahun);Inaktif (tahun);Keterangan\r\n000;0;0;musnah\r\n'));
    if (key === `POST ${R}/exchange/import`) return upload('paket.zip', exchangePackage(), { unitId: params.suratUnitId });
    if (key === `GET ${R}/exchange/export`) return { query: { unit: params.suratUnitId, from: '2026-01-01', to: '2026-12-31' } };
    if (key === `POST ${O}/:letterId/scan`) return upload('pindaian.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    return key in bodies ? { body: bodies[key] } : undefined;
  },
};
