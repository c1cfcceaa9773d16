// What the tenant-isolation test aims at in the victim region (contract:
// IsolationFixtures): a published service of its own whose draft holds a
// change not yet published (so editing, publishing and archiving would all
// succeed if access were wrongly granted), and its unit's own pledge. The
// draft's change is staff-only: nobody calling from outside may read it, the
// public pages included; nor the published workflow and result template (the
// public page shows the form and the tariff only). A paper survey form about that service and its population
// for the year, so the results (JSON and Excel), the forms' list and the public index would name it,
// and correcting or deleting it would succeed. An
// application filed for that service, with a document and a secret applicant.
// An issued document, signed by the region's own (test) certificate, whose
// holder's full name nobody outside may read (verification masks it), so
// revoking, downloading and the settings routes are aimed at real records.
// An unpaid bill (its payer's full name is staff-only; the public page masks
// it), a callback for it signed with another region's secret, a statement line
// and a confirmed reconciliation naming it.
import { and, eq } from 'drizzle-orm';
import type { IsolationFixtures } from '../../platform/modules/contract.js';
import { units } from '../../platform/schema.js';
import { defaultDefinition, type Definition } from './domain/definition.js';
import { emptyStandard, type Standard } from './domain/standard.js';
import { storedAnswers } from './domain/skm.js';
import { layananApplicationEvents, layananApplicationFiles, layananApplications, layananPledges, layananReconciliations, layananServices, layananSkmPopulations, layananSkmResponses, layananStandardVersions } from './schema.js';
import { firstPosition } from './domain/journey.js';
import { currentSkmInstrument } from './service/skm-instrument.js';
import { systemActor } from '../../platform/auth/policy.js';
import { issueResult } from './service/documents.js';
import { setLocalSigner } from './service/signer.js';
import { selfSignedP12 } from './service/signing/self-signed.js';
import { DEMO_QRIS_CHANNEL } from './demo.js';
import { createBill } from './service/payments/bills.js';
import { signBody } from './service/payments/provider.js';
import { getRegion } from '../../platform/regions/service.js';

const SLUG = 'izin-uji-isolasi';
const SECRET_DRAFT = 'Persyaratan draf rahasia uji isolasi layanan';
const SECRET_PLEDGE = 'Maklumat rahasia uji isolasi layanan';
const SECRET_STAGE = 'Tahap internal rahasia uji isolasi layanan';
const SECRET_SIGNER = 'Penanda tangan rahasia uji isolasi layanan';
const SECRET_FIELD = 'Isian draf rahasia uji isolasi layanan';
const SECRET_APPLICANT = 'Pemohon rahasia uji isolasi layanan';
const REGISTRATION_NO = 'PLY-ZZZZ-ZZZ2';

/** The published definition: a public form, a staff-only workflow stage and template; the draft adds a field nobody outside may see. */
const definition = (draft: boolean): Definition => {
  const d = defaultDefinition();
  return {
    form: { fields: [{ key: 'nama', label: { id: draft ? SECRET_FIELD : 'Nama pemohon' }, required: true, type: 'text', maxLength: 100 }] },
    // A later stage's name is staff-only; the stage an application waits at is named on its public status by design.
    workflow: { stages: d.workflow.stages.map((st, i) => (i === 1 ? { ...st, name: { id: SECRET_STAGE } } : st)) },
    result: { ...d.result, signer: SECRET_SIGNER },
    tariff: d.tariff,
  };
};

const SECRET_HOLDER = 'Pemegang Rahasia Isolasi';
const SECRET_PASSPHRASE = 'sandi-rahasia-uji-isolasi';
const DAY = 86_400_000;

const certificate = (now: Date) => selfSignedP12({
  commonName: 'Penanda tangan uji isolasi', organization: 'Uji isolasi', notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + 365 * DAY), passphrase: SECRET_PASSPHRASE,
});

const upload = (field: string, data: Buffer, options?: unknown) => {
  const boundary = 'pamong-isolasi-layanan';
  const json = options === undefined ? '' : `--${boundary}\r\nContent-Disposition: form-data; name="options"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(options)}\r\n`;
  return {
    body: Buffer.concat([Buffer.from(`${json}--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="berkas"\r\n\r\n`), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
};

const SECRET_PAYER = 'Pembayar Rahasia Isolasi';
/** What the foreign region's bank would sign with: never the victim's secret. */
const FOREIGN_SECRET = 'kunci-rahasia-daerah-lain-untuk-uji-isolasi';

const filled = (requirement: string): Standard => {
  const s = emptyStandard();
  const text = 'Diisi untuk uji isolasi.';
  return {
    ...s, requirements: [requirement], procedure: text, product: text, complaints: text, legalBasis: text, facilities: text, competence: text,
    supervision: text, staffing: text, serviceGuarantee: text, safetyGuarantee: text, performanceEvaluation: text,
  };
};

export const layananIsolation: IsolationFixtures = {
  async records(ctx, region) {
    const { db } = ctx.database;
    const [unit] = await db.select({ id: units.id }).from(units).where(and(eq(units.regionCode, region), eq(units.code, 'DPMPTSP')));
    if (!unit) throw new Error(`The public-services isolation fixtures need the unit DPMPTSP in ${region} (the demo seeds it)`);
    const now = ctx.clock.now();
    const service = await db.transaction(async (tx) => {
      const published = { name: 'Izin uji isolasi', summary: 'Layanan uji isolasi', standard: filled('KTP-el') };
      const [s] = await tx.insert(layananServices).values({
        regionCode: region, unitId: unit.id, slug: SLUG, name: published.name, summary: published.summary, status: 'published', draft: filled(SECRET_DRAFT), ...definition(true),
        version: 1, createdAt: now, updatedAt: now, updatedByLabel: 'uji isolasi',
      }).returning();
      await tx.insert(layananStandardVersions).values({ regionCode: region, serviceId: s.id, version: 1, ...published, ...definition(false), publishedAt: now, publishedByLabel: 'uji isolasi' });
      await tx.insert(layananPledges).values({ regionCode: region, unitId: unit.id, text: SECRET_PLEDGE, updatedAt: now, updatedByLabel: 'uji isolasi' })
        .onConflictDoUpdate({ target: [layananPledges.regionCode, layananPledges.unitId], set: { text: SECRET_PLEDGE } });
      const instrument = currentSkmInstrument();
      const [skmForm] = await tx.insert(layananSkmResponses).values({
        regionCode: region, serviceId: s.id, unitId: unit.id, serviceDate: now.toISOString().slice(0, 10), instrumentVersion: instrument.version,
        answers: storedAnswers(instrument, Array(9).fill(4)), channel: 'paper', enteredAt: now, enteredByLabel: 'uji isolasi',
      }).returning({ id: layananSkmResponses.id });
      await tx.insert(layananSkmPopulations).values({ regionCode: region, serviceId: s.id, period: String(now.getUTCFullYear()), population: 10, updatedAt: now, updatedByLabel: 'uji isolasi' });
      // An application at its first stage, with a document: acting on it, reading it or its file would all succeed if access were wrongly granted.
      const pos = firstPosition(definition(false).workflow.stages);
      const [a] = await tx.insert(layananApplications).values({
        regionCode: region, registrationNo: REGISTRATION_NO, serviceId: s.id, version: 1, unitId: unit.id, channel: 'counter', applicantName: SECRET_APPLICANT,
        answers: { nama: SECRET_APPLICANT }, ...pos, filedAt: now, updatedAt: now, filedByLabel: 'uji isolasi',
      }).returning();
      const [f] = await tx.insert(layananApplicationFiles).values({
        regionCode: region, applicationId: a.id, fieldKey: 'ktp', fileName: 'ktp.pdf', contentType: 'application/pdf', bytes: 8, sha256: '0'.repeat(64), data: Buffer.from('%PDF-1.4'), round: 1, uploadedAt: now,
      }).returning();
      await tx.insert(layananApplicationEvents).values({ regionCode: region, applicationId: a.id, at: now, kind: 'filed', stage: pos.stage, actorLabel: 'uji isolasi', public: true, message: null });
      const regionRow = await getRegion(tx, region);
      const bill = await createBill(tx, regionRow, now, { kind: 'retribusi', serviceId: s.id, unitId: unit.id, payerName: SECRET_PAYER, amount: 50_000, dueDate: '2099-12-31' }, 'uji isolasi');
      const [reconciliation] = await tx.insert(layananReconciliations).values({
        regionCode: region, at: now, byLabel: 'uji isolasi',
        lines: [{ line: 2, date: '2026-11-02', amount: 50_000, description: SECRET_PAYER, reference: 'REF-ISOLASI', billingCode: bill.billingCode, outcome: 'amount_mismatch' }],
      }).returning();
      return { ...s, applicationId: a.id, fileId: f.id, bill, reconciliation, skmFormId: skmForm.id };
    });
    const actor = systemActor('uji isolasi', region, ['layanan_manager']);
    await setLocalSigner(ctx, region, actor, certificate(now), SECRET_PASSPHRASE);
    const document = await db.transaction((tx) => issueResult(ctx, tx, {
      regionCode: region, actor, serviceId: service.id, unitId: unit.id, holder: SECRET_HOLDER, title: 'Izin uji isolasi', paragraphs: ['Diterbitkan untuk uji isolasi.'],
    }));
    return {
      // By path: the platform's :unitId is another unit, e-SAKIP's fixtures fill other :version routes.
      params: {
        'layanan/services/:serviceId': service.id, 'layanan/services/:serviceId/versions/:version': '1', 'layanan/units/:unitId': unit.id,
        'public/services/:slug': SLUG, layananUnitId: unit.id, layananServiceId: service.id,
        'counter/services/:serviceId': service.id, 'integrations/services/:serviceId': service.id, applicationId: service.applicationId, fileId: service.fileId, registrationNo: REGISTRATION_NO,
        documentId: document.id, 'verify/:token': document.token, layananP12: certificate(now).toString('base64'),
        'layanan/bills/:billId': service.bill.id, 'public/bills/:code': service.bill.billingCode, layananBillingCode: service.bill.billingCode,
        reconciliationId: service.reconciliation.id, 'skm/responses/:responseId': service.skmFormId,
      },
      // The token is public by design (it is the QR code): anyone holding it reads the masked verification.
      secrets: [service.id, service.applicationId, service.fileId, REGISTRATION_NO, document.id, service.bill.id, service.bill.billingCode, service.reconciliation.id, service.skmFormId],
      private: [SECRET_DRAFT, SECRET_STAGE, SECRET_SIGNER, SECRET_FIELD, SECRET_APPLICANT, SECRET_HOLDER, SECRET_PASSPHRASE, SECRET_PAYER, DEMO_QRIS_CHANNEL.secret],
    };
  },

  request({ method, url }, p) {
    // Public and writes nothing: a file checked against the document.
    if (url === '/api/verify/:token/check') return upload('file', Buffer.from('%PDF-1.4\n% berkas uji isolasi\n%%EOF\n'));
    if (!url.startsWith('/api/regions/:region/layanan/')) return undefined;
    const input = { slug: 'layanan-palsu', name: 'Layanan palsu dari daerah lain', summary: '', unitId: p.layananUnitId };
    if (method === 'POST' && url.endsWith('/services')) return { body: input };
    if (method === 'PUT' && url.endsWith('/services/:serviceId')) return { body: { ...input, slug: SLUG, standard: filled('Persyaratan palsu') } };
    if (method === 'PUT' && url.endsWith('/pledge')) return { body: { text: 'Maklumat palsu dari daerah lain' } };
    const serviceId = p.layananServiceId;
    if (method === 'POST' && url.endsWith('/skm/responses')) {
      return { body: { serviceId, serviceDate: '2020-01-15', answers: Object.fromEntries(currentSkmInstrument().elements.map((e) => [e.code, 1])) } };
    }
    if (method === 'PUT' && url.endsWith('/skm/populations')) return { body: { serviceId, period: '2020', population: 1 } };
    if (method === 'GET' && (url.endsWith('/layanan/skm') || url.endsWith('/skm/results.xlsx') || url.endsWith('/skm/responses'))) return { query: { serviceId } };
    if (method === 'PUT' && url.endsWith('/skm/responses/:responseId')) {
      return { body: { serviceDate: '2020-01-15', answers: Object.fromEntries(currentSkmInstrument().elements.map((e) => [e.code, 1])) } };
    }
    if (method === 'DELETE' && url.endsWith('/skm/responses/:responseId')) return { body: { reason: 'Penghapusan palsu dari daerah lain' } };
    if (/\/(counter|integrations)\/services\/:serviceId\/applications$/.test(url)) return { body: { answers: { nama: 'Pemohon palsu' }, applicant: { name: 'Pemohon palsu dari daerah lain' } } };
    if (url.endsWith('/applications/:applicationId/actions')) return { body: { action: 'complete' } };
    if (url.endsWith('/applications/:applicationId/resubmit')) return { body: { answers: { nama: 'Pemohon palsu' } } };
    if (url.endsWith('/applications/:applicationId/survey')) return { body: { answers: Object.fromEntries(currentSkmInstrument().elements.map((e) => [e.code, 1])) } };
    if (url.endsWith('/revoke')) return { body: { reason: 'Pencabutan palsu dari daerah lain' } };
    if (url.endsWith('/documents/numbering') && method === 'PUT') return { body: { pattern: '{nomor}/PALSU/{tahun}' } };
    if (url.endsWith('/letterhead') && method === 'PUT') {
      return { body: { address: 'Alamat palsu', phone: '', email: '', place: 'Palsu', signerPosition: 'Pejabat palsu', signerName: 'Nama palsu' } };
    }
    if (url.endsWith('/documents/preview')) return { body: { unitId: p.layananUnitId, title: 'Surat palsu', paragraphs: ['Isi palsu.'] } };
    if (url.endsWith('/signer/local')) return upload('certificate', Buffer.from(p.layananP12, 'base64'), { passphrase: SECRET_PASSPHRASE });
    if (url.endsWith('/signer/remote')) return { body: { url: 'https://tte.palsu.test', clientId: 'palsu', clientSecret: 'palsu', signerId: '1', passphrase: 'palsu' } };
    if (method === 'PUT' && url.endsWith('/payments/channel')) return { body: { ...DEMO_QRIS_CHANNEL, merchantName: 'MERCHANT PALSU', secret: FOREIGN_SECRET } };
    const csv = { 'content-type': 'text/csv' };
    if (method === 'POST' && url.endsWith('/payments/reconciliations')) {
      // Spaced as a payer may type it (it still matches): the report echoes the caller's own description, which is not the victim's to hide.
      const spaced = p.layananBillingCode.replace(/^(\d{4})(\d{2})/, '$1 $2 ');
      return { body: `tanggal,jumlah,keterangan,referensi\r\n2026-11-02,50000,BAYAR ${spaced},REF-ISOLASI-2\r\n`, headers: csv };
    }
    if (method === 'POST' && url.endsWith('/bills/tax-import')) {
      return { body: 'nop,jenis pajak,tahun pajak,nama wajib pajak,jumlah,jatuh tempo\r\n321101000100100999,PBB-P2,2026,Pajak Palsu,1000,2099-12-31\r\n', headers: csv };
    }
    if (method === 'POST' && url.endsWith('/payments/qris/callback')) {
      const body = JSON.stringify({ billingCode: p.layananBillingCode, amount: 50_000, paidAt: '2026-11-02T03:00:00Z', bankTransactionId: 'TRX-ISOLASI' });
      return { body, headers: { 'content-type': 'application/json', 'x-signature': signBody(FOREIGN_SECRET, body) } };
    }
    return undefined;
  },
};
