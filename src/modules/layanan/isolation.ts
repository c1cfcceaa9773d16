// What the tenant-isolation test aims at in the victim region (contract:
// IsolationFixtures): a published service of its own whose draft holds a
// change not yet published (so editing, publishing and archiving would all
// succeed if access were wrongly granted), and its unit's own pledge. The
// draft's change is staff-only: nobody calling from outside may read it, the
// public pages included. A survey form about that service and its population
// for the year, so the results and the public index would name it. An unpaid
// bill (its payer's full name is staff-only; the public page masks it), a
// callback for it signed with another region's secret, a statement line and
// a confirmed reconciliation naming it.
import { and, eq } from 'drizzle-orm';
import type { IsolationFixtures } from '../../platform/modules/contract.js';
import { units } from '../../platform/schema.js';
import { emptyStandard, type Standard } from './domain/standard.js';
import { storedAnswers } from './domain/skm.js';
import { layananPledges, layananReconciliations, layananServices, layananSkmPopulations, layananSkmResponses, layananStandardVersions } from './schema.js';
import { currentSkmInstrument } from './service/skm-instrument.js';
import { DEMO_QRIS_CHANNEL } from './demo.js';
import { createBill } from './service/payments/bills.js';
import { signBody } from './service/payments/provider.js';
import { getRegion } from '../../platform/regions/service.js';

const SLUG = 'izin-uji-isolasi';
const SECRET_DRAFT = 'Persyaratan draf rahasia uji isolasi layanan';
const SECRET_PLEDGE = 'Maklumat rahasia uji isolasi layanan';
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
        regionCode: region, unitId: unit.id, slug: SLUG, name: published.name, summary: published.summary, status: 'published', draft: filled(SECRET_DRAFT),
        version: 1, createdAt: now, updatedAt: now, updatedByLabel: 'uji isolasi',
      }).returning();
      await tx.insert(layananStandardVersions).values({ regionCode: region, serviceId: s.id, version: 1, ...published, publishedAt: now, publishedByLabel: 'uji isolasi' });
      await tx.insert(layananPledges).values({ regionCode: region, unitId: unit.id, text: SECRET_PLEDGE, updatedAt: now, updatedByLabel: 'uji isolasi' })
        .onConflictDoUpdate({ target: [layananPledges.regionCode, layananPledges.unitId], set: { text: SECRET_PLEDGE } });
      const instrument = currentSkmInstrument();
      await tx.insert(layananSkmResponses).values({
        regionCode: region, serviceId: s.id, unitId: unit.id, serviceDate: now.toISOString().slice(0, 10), instrumentVersion: instrument.version,
        answers: storedAnswers(instrument, Array(9).fill(4)), channel: 'paper', enteredAt: now, enteredByLabel: 'uji isolasi',
      });
      await tx.insert(layananSkmPopulations).values({ regionCode: region, serviceId: s.id, period: String(now.getUTCFullYear()), population: 10, updatedAt: now, updatedByLabel: 'uji isolasi' });
      const regionRow = await getRegion(tx, region);
      const bill = await createBill(tx, regionRow, now, { kind: 'retribusi', serviceId: s.id, unitId: unit.id, payerName: SECRET_PAYER, amount: 50_000, dueDate: '2099-12-31' }, 'uji isolasi');
      const [reconciliation] = await tx.insert(layananReconciliations).values({
        regionCode: region, at: now, byLabel: 'uji isolasi',
        lines: [{ line: 2, date: '2026-11-02', amount: 50_000, description: SECRET_PAYER, reference: 'REF-ISOLASI', billingCode: bill.billingCode, outcome: 'amount_mismatch' }],
      }).returning();
      return { ...s, bill, reconciliation };
    });
    return {
      // By path: the platform's :unitId is another unit, e-SAKIP's fixtures fill other :version routes.
      params: {
        'layanan/services/:serviceId': service.id, 'layanan/services/:serviceId/versions/:version': '1', 'layanan/units/:unitId': unit.id,
        'public/services/:slug': SLUG, layananUnitId: unit.id, layananServiceId: service.id,
        'layanan/bills/:billId': service.bill.id, 'public/bills/:code': service.bill.billingCode, layananBillingCode: service.bill.billingCode,
        reconciliationId: service.reconciliation.id,
      },
      secrets: [service.id, service.bill.id, service.bill.billingCode, service.reconciliation.id],
      private: [SECRET_DRAFT, SECRET_PAYER, DEMO_QRIS_CHANNEL.secret],
    };
  },

  request({ method, url }, p) {
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
    if (method === 'GET' && url.endsWith('/layanan/skm')) return { query: { serviceId } };
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
