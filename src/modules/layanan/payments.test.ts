// Bills and QRIS payments on the demo region, with a simulated bank over real
// HTTP: the payer reads a bill by its code and pays the QRIS payload it shows;
// the bank's signed callback credits the bill once, however often it comes or
// however many arrive at once; a bad signature, an unknown code, a different
// amount, a bill already paid, expired (in the region's time zone) or
// cancelled are each refused with their code and recorded, and credit nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { startBank, type Bank, type PayOptions } from '../../../test/support/bank.js';
import { billingCode } from './domain/billing.js';
import { parseQris, parseTlv, qrisPayload } from './domain/qris.js';
import { DEMO_QRIS_CHANNEL } from './demo.js';
import { layananPaymentChannels } from './schema.js';
import { createBill, type NewBill } from './service/payments/bills.js';
import { localToday } from './service/skm.js';
import { CALLBACK_FAILURES_PER_MINUTE } from './http/payments.js';
import { readXlsx } from '../../platform/xlsx.js';

const REGION = '32.11';
const R = `/api/regions/${REGION}/layanan`;
const WIB = { code: REGION, utcOffsetMinutes: 420 };

describeWithApp('Bills and QRIS payments', (h) => {
  const s: Record<string, Session> = {};
  let bank: Bank;
  const pay = (payload: string, opts: PayOptions = {}) => bank.pay(payload, { paidAt: h.clock.now().toISOString(), ...opts });
  const newBill = async (input: Partial<NewBill> = {}) => h.ctx.database.db.transaction((tx) => createBill(tx, WIB, h.clock.now(), {
    kind: 'pajak', taxType: 'PBB-P2', taxObjectNumber: String(Math.floor(Math.random() * 1e17)).padStart(18, '1'), taxYear: 2026, payerName: 'Budi Santoso',
    amount: 125_000, dueDate: localToday(h.clock.now(), WIB), ...input,
  } as NewBill, 'uji'));
  const publicBill = async (code: string) => (await h.api('GET', `${R}/public/bills/${code}`)).body;
  const credits = async (billId: string) => (await h.ctx.database.rows<{ outcome: string; n: number }>(
    sql`select outcome, count(*)::int as n from layanan_payment_events where region_code = ${REGION} and bill_id = ${billId} group by outcome order by outcome`));

  beforeAll(async () => {
    for (const [k, email] of Object.entries({ manager: 'layanan@sumedang.demo', dpmptsp: 'layanan.dpmptsp@sumedang.demo', bupati: 'bupati@sumedang.demo' })) s[k] = await h.signIn(email);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address() as { port: number };
    bank = await startBank(`http://127.0.0.1:${address.port}`);
    bank.accounts.set(DEMO_QRIS_CHANNEL.merchantPan, { region: REGION, secret: DEMO_QRIS_CHANNEL.secret });
  });
  afterAll(async () => bank?.close());

  it('shows the payer the amount, due date, masked name and a QRIS code whose payload names the bill', async () => {
    const bill = await newBill({ payerName: 'Siti Rahmawati', amount: 98_500 });
    const page = await publicBill(bill.billingCode);
    expect(page).toMatchObject({ billingCode: bill.billingCode, status: 'unpaid', amount: 98_500, dueDate: bill.dueDate, payerName: 'Si** Ra*******', kind: 'pajak' });
    expect(page.qris.svg).toContain('<svg');
    const parsed = parseQris(page.qris.payload);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect([parsed.fields.get('54'), parseTlv(parsed.fields.get('62')!)!.get('01'), parsed.fields.get('59')]).toEqual(['98500', bill.billingCode, 'BAPENDA KAB SUMEDANG']);
    // A payload altered on its way (a lower amount) fails its CRC at the bank.
    const altered = await bank.pay(page.qris.payload.replace('540598500', '540598000'));
    expect([altered.status, altered.body.error]).toEqual([422, 'qris_crc']);
    // A code of another region, or a mistyped one, is simply not found.
    expect((await h.api('GET', `${R}/public/bills/${billingCode('32.04', 2026, 1)}`)).body.error.code).toBe('layanan.bill_not_found');
    expect((await h.api('GET', `${R}/public/bills/${bill.billingCode.slice(0, -1)}${(Number(bill.billingCode.at(-1)) + 1) % 10}`)).status).toBe(404);
  });

  it('credits a bill paid through the bank once; the page then says paid and shows no QR code', async () => {
    const bill = await newBill();
    const paid = await pay((await publicBill(bill.billingCode)).qris.payload, { bankTransactionId: 'TRX-ONCE' });
    expect(paid.status).toBe(200);
    expect(paid.body.callbacks).toEqual([{ status: 200, body: { billingCode: bill.billingCode, status: 'paid', amount: 125_000, paidAt: h.clock.now().toISOString(), bankTransactionId: 'TRX-ONCE' } }]);
    const page = await publicBill(bill.billingCode);
    expect([page.status, page.qris]).toEqual(['paid', null]);
    const staff = await h.api('GET', `${R}/bills/${bill.id}`, { session: s.manager });
    expect(staff.body).toMatchObject({ status: 'paid', paidAmount: 125_000, paymentReference: 'TRX-ONCE', paymentChannel: 'qris' });
    expect(await credits(bill.id)).toEqual([{ outcome: 'credited', n: 1 }]);
  });

  it('answers a repeated callback as the first and credits it once; another transaction for a paid bill is refused for a refund', async () => {
    const bill = await newBill();
    const payload = (await publicBill(bill.billingCode)).qris.payload;
    const first = await pay(payload, { bankTransactionId: 'TRX-REPEAT', copies: 5 });
    expect(first.body.callbacks.map((c: any) => c.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(first.body.callbacks.map((c: any) => JSON.stringify(c.body))).size).toBe(1);
    const again = await pay(payload, { bankTransactionId: 'TRX-REPEAT' });
    expect(again.body.callbacks[0].status).toBe(200);
    const other = await pay(payload, { bankTransactionId: 'TRX-SECOND' });
    expect(other.body.callbacks[0]).toMatchObject({ status: 409, body: { error: { code: 'layanan.bill_already_paid' } } });
    expect(await credits(bill.id)).toEqual([{ outcome: 'already_paid', n: 1 }, { outcome: 'credited', n: 1 }, { outcome: 'duplicate', n: 5 }]);
    expect((await h.api('GET', `${R}/bills/${bill.id}`, { session: s.manager })).body.paymentReference).toBe('TRX-REPEAT');
  });

  it('refuses a bad signature (401), an unknown code (404) and a different amount (409), crediting nothing and recording the signed ones', async () => {
    const bill = await newBill();
    const payload = (await publicBill(bill.billingCode)).qris.payload;
    const forged = await pay(payload, { tamperSignature: true });
    expect(forged.body.callbacks[0]).toMatchObject({ status: 401, body: { error: { code: 'layanan.callback_signature_invalid' } } });
    const short = await pay(payload, { amountDelta: -1 });
    expect(short.body.callbacks[0]).toMatchObject({ status: 409, body: { error: { code: 'layanan.payment_amount_mismatch' } } });
    expect((await publicBill(bill.billingCode)).status).toBe('unpaid');
    const unknown = qrisPayload(DEMO_QRIS_CHANNEL, { billingCode: billingCode(REGION, 2026, 9_999_999), amount: 1000, referenceLabel: 'X' });
    expect((await pay(unknown)).body.callbacks[0]).toMatchObject({ status: 404, body: { error: { code: 'layanan.billing_code_unknown' } } });
    const outcomes = await h.ctx.database.rows<{ outcome: string }>(sql`select outcome from layanan_payment_events where region_code = ${REGION} and billing_code in (${bill.billingCode}, ${billingCode(REGION, 2026, 9_999_999)}) order by outcome`);
    // The forged one wrote nothing: anyone may post here, and only the bank's signed callbacks are the region's records.
    expect(outcomes.map((o) => o.outcome)).toEqual(['amount_mismatch', 'unknown_code']);
    // A body that is not even JSON, unsigned: the signature is checked first.
    const raw = await h.api('POST', `${R}/payments/qris/callback`, { body: '{not json', headers: { 'content-type': 'application/json', 'x-signature': 'ab' } });
    expect([raw.status, raw.body.error.code]).toEqual([401, 'layanan.callback_signature_invalid']);
  });

  it('takes a payment up to the end of the due date in the region (WIB), and refuses it from local midnight', async () => {
    // The clock reads 09:00 WIB; the bill is due today.
    const today = localToday(h.clock.now(), WIB);
    const late = await newBill({ dueDate: today });
    const lastMinute = new Date(`${today}T16:59:59Z`); // 23:59:59 WIB
    expect((await pay((await publicBill(late.billingCode)).qris.payload, { paidAt: lastMinute.toISOString() })).body.callbacks[0].status).toBe(200);
    const after = await newBill({ dueDate: today });
    const payload = (await publicBill(after.billingCode)).qris.payload;
    const refused = await pay(payload, { paidAt: new Date(`${today}T17:00:00Z`).toISOString() });
    expect(refused.body.callbacks[0]).toMatchObject({ status: 409, body: { error: { code: 'layanan.bill_expired' } } });
    h.clock.advanceHours(24);
    try {
      expect((await publicBill(after.billingCode))).toMatchObject({ status: 'expired', qris: null });
    } finally {
      h.clock.advanceHours(-24);
    }
  });

  it('lets the region\'s service manager cancel an unpaid bill (then refused at the bank), never a paid one', async () => {
    const bill = await newBill();
    const payload = (await publicBill(bill.billingCode)).qris.payload;
    expect((await h.api('POST', `${R}/bills/${bill.id}/cancel`, { session: s.dpmptsp })).status).toBe(403);
    const cancelled = await h.api('POST', `${R}/bills/${bill.id}/cancel`, { session: s.manager });
    expect([cancelled.status, cancelled.body.status, cancelled.body.cancelledBy]).toEqual([200, 'cancelled', 'layanan@sumedang.demo']);
    expect((await pay(payload)).body.callbacks[0]).toMatchObject({ status: 409, body: { error: { code: 'layanan.bill_cancelled' } } });
    const again = await h.api('POST', `${R}/bills/${bill.id}/cancel`, { session: s.manager });
    expect([again.status, again.body.error.code]).toEqual([409, 'layanan.bill_not_cancellable']);
  });

  it('credits each of 200 concurrent callbacks (10% repeats) exactly once', async () => {
    const bills = await Promise.all(Array.from({ length: 180 }, (_, i) => newBill({ amount: 10_000 + i })));
    // The payer's pages one after another: what runs at once is the bank's callbacks (180 pages at once could pass the
    // request deadline on a loaded machine, each drawing its QR code).
    const payloads: string[] = [];
    for (const b of bills) payloads.push((await publicBill(b.billingCode)).qris.payload);
    // 160 bills paid once, 20 with their callback sent twice at once: 200 callbacks.
    const results = await Promise.all(payloads.map((p, i) => pay(p, { bankTransactionId: `TRX-BURST-${i}`, copies: i < 20 ? 2 : 1 })));
    expect(results.flatMap((r) => r.body.callbacks.map((c: any) => c.status))).toEqual(Array(200).fill(200));
    const rows = await h.ctx.database.rows<{ paid: number; credited: number; duplicate: number }>(sql`
      select count(*) filter (where b.status = 'paid')::int as paid,
        (select count(*) from layanan_payment_events e where e.region_code = ${REGION} and e.outcome = 'credited' and e.bank_reference like 'TRX-BURST-%')::int as credited,
        (select count(*) from layanan_payment_events e where e.region_code = ${REGION} and e.outcome = 'duplicate' and e.bank_reference like 'TRX-BURST-%')::int as duplicate
      from layanan_bills b where b.region_code = ${REGION} and b.payment_reference like 'TRX-BURST-%'`);
    expect(rows[0]).toEqual({ paid: 180, credited: 180, duplicate: 20 });
  });

  it('stops an address that keeps sending refused callbacks, while the bank\'s signed ones still credit', async () => {
    const forged = JSON.stringify({ billingCode: 'NOPE', amount: 1 });
    const send = () => h.app.inject({ method: 'POST', url: `${R}/payments/qris/callback`, payload: forged, remoteAddress: '198.51.100.23', headers: { 'content-type': 'application/json', 'x-signature': 'ab'.repeat(32) } });
    const statuses: number[] = [];
    for (let i = 0; i < CALLBACK_FAILURES_PER_MINUTE; i++) statuses.push((await send()).statusCode);
    expect(statuses).toEqual(Array(CALLBACK_FAILURES_PER_MINUTE).fill(401));
    const last = await send();
    expect([last.statusCode, last.json().error.code]).toEqual([429, 'request.rate_limited']);
    expect(last.headers['retry-after']).toBeDefined();
    const bill = await newBill();
    expect((await pay((await publicBill(bill.billingCode)).qris.payload)).body.callbacks[0].status).toBe(200);
  });

  it('refuses a callback signed with this region\'s secret at another region\'s address', async () => {
    await h.ctx.database.db.insert(layananPaymentChannels).values({
      regionCode: '32', provider: 'qris', ...DEMO_QRIS_CHANNEL, merchantPan: '9360000800000000099', secret: 'secret-of-the-province-only-32-characters', active: true, updatedAt: h.clock.now(), updatedByLabel: 'uji',
    });
    const bill = await newBill();
    const wrongPlace = await pay((await publicBill(bill.billingCode)).qris.payload, { region: '32' });
    expect(wrongPlace.body.callbacks[0]).toMatchObject({ status: 401, body: { error: { code: 'layanan.callback_signature_invalid' } } });
    expect((await publicBill(bill.billingCode)).status).toBe('unpaid');
  });

  it('lists bills for staff by status, kind and code; the unit manager may not read them', async () => {
    const expired = await h.api('GET', `${R}/bills?status=expired&kind=pajak`, { session: s.bupati });
    expect(expired.status).toBe(200);
    expect(expired.body.items.map((b: any) => [b.payerName, b.tax.year])).toContainEqual(['Dedi Kurniawan', 2025]);
    expect(expired.body.items.every((b: any) => b.status === 'expired' && b.kind === 'pajak')).toBe(true);
    const reklame = await h.api('GET', `${R}/bills?kind=retribusi`, { session: s.manager });
    expect(reklame.body.items.map((b: any) => [b.payerName, b.status, b.amount])).toEqual([['CV Sumber Rejeki', 'unpaid', 750_000]]);
    const one = await h.api('GET', `${R}/bills?q=${reklame.body.items[0].billingCode}`, { session: s.manager });
    expect(one.body.total).toBe(1);
    const page = await h.api('GET', `${R}/bills?limit=2&offset=1`, { session: s.manager });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(3);
    expect((await h.api('GET', `${R}/bills`, { session: s.dpmptsp })).status).toBe(403);
  });

  it('reconciles a bank statement: previews without saving, then credits matching lines once and reports every line, downloadable as Excel', async () => {
    const [a, b, c] = [await newBill({ amount: 100_000 }), await newBill({ amount: 200_000 }), await newBill({ amount: 300_000 })];
    await pay((await publicBill(b.billingCode)).qris.payload, { bankTransactionId: 'REF-B' });
    const day = localToday(h.clock.now(), WIB).split('-').reverse().join('/');
    const csv = [
      'Tanggal;Keterangan;Jumlah;No Referensi',
      `${day};TRF BAYAR ${a.billingCode.replace(/(\d{4})(\d{2})/, '$1 $2 ')} BUDI;100.000,00;REF-A`,
      `${day};QRIS ${b.billingCode};200.000;REF-B`,
      `${day};${c.billingCode};299.000;REF-C`,
      `${day};TRANSFER TANPA KODE;5.000;REF-X`,
      `${day};TRF BAYAR ${a.billingCode};100.000;REF-A`,
      `kemarin;${a.billingCode};100.000;REF-Z`,
    ].join('\r\n');
    const post = (dryRun: boolean, session = s.manager) => h.api('POST', `${R}/payments/reconciliations?dryRun=${dryRun}`, { session, body: csv, headers: { 'content-type': 'text/csv' } });
    const expected = [[2, 'credited'], [3, 'duplicate'], [4, 'amount_mismatch'], [5, 'unknown_code'], [6, 'duplicate_line'], [7, 'invalid']];
    const preview = await post(true);
    expect(preview.status).toBe(200);
    expect([preview.body.id, preview.body.dryRun, preview.body.lines.map((l: any) => [l.line, l.outcome])]).toEqual([null, true, expected]);
    expect((await publicBill(a.billingCode)).status).toBe('unpaid');
    expect(await credits(a.id)).toEqual([]);

    expect((await post(false, s.dpmptsp)).status).toBe(403);
    const done = await post(false);
    expect(done.body.lines.map((l: any) => [l.line, l.outcome])).toEqual(expected);
    expect(done.body.totals).toMatchObject({ credited: 1, duplicate: 1, amount_mismatch: 1, unknown_code: 1, duplicate_line: 1, invalid: 1 });
    expect((await h.api('GET', `${R}/bills/${a.id}`, { session: s.manager })).body).toMatchObject({ status: 'paid', paymentChannel: 'rekonsiliasi', paymentReference: 'REF-A', paidAmount: 100_000 });
    expect((await h.api('GET', `${R}/bills/${c.id}`, { session: s.manager })).body.status).toBe('unpaid');

    // The same statement again, and the bank's late callback for the same transfer: nothing is credited twice.
    expect((await post(false)).body.lines[0].outcome).toBe('duplicate');
    const late = await pay(qrisPayload(DEMO_QRIS_CHANNEL, { billingCode: a.billingCode, amount: 100_000, referenceLabel: 'X' }), { bankTransactionId: 'REF-A' });
    expect(late.body.callbacks[0].status).toBe(200);
    expect(await credits(a.id)).toEqual([{ outcome: 'credited', n: 1 }, { outcome: 'duplicate', n: 2 }]);

    const list = await h.api('GET', `${R}/payments/reconciliations`, { session: s.manager });
    expect(list.body.map((r: any) => r.id)).toContain(done.body.id);
    const xlsx = await h.app.inject({ method: 'GET', url: `${R}/payments/reconciliations/${done.body.id}/report.xlsx`, headers: { cookie: s.manager.cookie } });
    expect([xlsx.statusCode, xlsx.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    const [sheet] = await readXlsx(xlsx.rawPayload, { maxEntries: 50, maxUnpackedBytes: 5_000_000, maxRows: 1000, maxColumns: 20, tooLarge: 'request.invalid', unreadable: 'request.invalid' });
    expect(sheet.rows[0]).toEqual(['Baris', 'Tanggal', 'Jumlah (Rp)', 'Keterangan', 'Referensi bank', 'Kode bayar', 'Hasil']);
    expect(sheet.rows[1].slice(4)).toEqual(['REF-A', a.billingCode, 'Dicatat lunas']);
    expect(sheet.rows.slice(1).map((r) => r[6])).toEqual(['Dicatat lunas', 'Sudah lunas (referensi sama)', 'Jumlah berbeda dengan tagihan', 'Kode bayar tidak ditemukan', 'Baris ganda dalam berkas', 'Baris tidak terbaca (tanggal, jumlah atau referensi)']);
    const missing = await h.api('POST', `${R}/payments/reconciliations`, { session: s.manager, body: 'tanggal,jumlah\r\n2026-11-02,1000\r\n', headers: { 'content-type': 'text/csv' } });
    expect([missing.status, missing.body.error.code, missing.body.error.details.problems.length]).toEqual([422, 'layanan.statement_invalid', 2]);
  });

  it('imports tax bills all or nothing, names every bad line, and does not duplicate a bill already present', async () => {
    const taxBills = async () => (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from layanan_bills where region_code = ${REGION} and kind = 'pajak'`))[0].n;
    const before = await taxBills();
    const post = (body: string, session = s.manager) => h.api('POST', `${R}/bills/tax-import`, { session, body, headers: { 'content-type': 'text/csv' } });
    const header = 'NOP;Jenis Pajak;Tahun Pajak;Nama Wajib Pajak;Jumlah;Jatuh Tempo';
    const bad = await post([header, '32.11.010.001.005-0001.0;pbb-p2;2026;Ani Lestari;245.000;31/12/2026', '3211010001;PBB-P2;2026;Budi;1000;2026-12-31',
      '321101000100500020;PBB-P2;2026;Cici;-5;2026-12-31', '321101000100500030;PBB-P2;2026;Dodi;1000;2020-01-01'].join('\r\n'));
    expect([bad.status, bad.body.error.code]).toEqual([422, 'layanan.tax_import_invalid']);
    expect(bad.body.error.details.problems.map((p: any) => p.line)).toEqual([3, 4, 5]);
    expect(bad.body.error.messages.id).toContain('Periksa baris 3, 4, 5');
    expect(await taxBills()).toBe(before);

    const good = [header, '32.11.010.001.005-0001.0;pbb-p2;2026;Ani Lestari;245.000;31/12/2026', '321101000100500020;PBB-P2;2026;Cici Paramida;1.250.000;2026-12-31'].join('\r\n');
    const first = await post(good);
    expect([first.status, first.body.created, first.body.alreadyPresent]).toEqual([200, 2, 0]);
    const again = await post(good);
    expect([again.body.created, again.body.alreadyPresent, again.body.lines.map((l: any) => l.billingCode)]).toEqual([0, 2, first.body.lines.map((l: any) => l.billingCode)]);
    expect(await taxBills()).toBe(before + 2);
    const ani = await publicBill(first.body.lines[0].billingCode);
    expect(ani).toMatchObject({ kind: 'pajak', amount: 245_000, dueDate: '2026-12-31', payerName: 'An* Le*****', tax: { type: 'PBB-P2', objectNumber: '321101000100500010', year: 2026 } });
    expect((await post(good, s.dpmptsp)).status).toBe(403);
  });

  it('sets the payment channel with a write-only secret', async () => {
    const read = await h.api('GET', `${R}/payments/channel`, { session: s.manager });
    expect(read.body).toMatchObject({ configured: true, secretSet: true, merchantName: 'BAPENDA KAB SUMEDANG' });
    expect(JSON.stringify(read.body)).not.toContain(DEMO_QRIS_CHANNEL.secret);
    const { secret: _s, ...fields } = DEMO_QRIS_CHANNEL;
    const renamed = await h.api('PUT', `${R}/payments/channel`, { session: s.manager, body: { ...fields, merchantName: 'BAPENDA SUMEDANG' } });
    expect([renamed.status, renamed.body.merchantName, renamed.body.secretSet]).toEqual([200, 'BAPENDA SUMEDANG', true]);
    // The secret was kept: the bank's callbacks still verify.
    const bill = await newBill();
    expect((await pay((await publicBill(bill.billingCode)).qris.payload)).body.callbacks[0].status).toBe(200);
    const bad = await h.api('PUT', `${R}/payments/channel`, { session: s.manager, body: { ...fields, mcc: '93', secret: 'short' } });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'request.invalid']);
    expect((await h.api('PUT', `${R}/payments/channel`, { session: s.dpmptsp, body: fields })).status).toBe(403);
    const audit = await h.ctx.database.rows<{ detail: string }>(sql`select detail::text as detail from audit_log where region_code = ${REGION} and action = 'layanan.payment_channel_set'`);
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).not.toContain(DEMO_QRIS_CHANNEL.secret);
  });
});
