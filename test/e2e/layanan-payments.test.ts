// Paying a bill in Chromium, on the demo region: a payer on a 360 px phone
// opens the bill's page by its billing code and sees the amount, the due date
// and the QRIS code; the simulated bank pays the payload that page shows and
// posts its signed callback over HTTP; the open page turns to paid by itself.
// The region's service manager changes the QRIS channel without ever seeing
// its secret.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE } from './browser.js';
import { startBank, type Bank } from '../support/bank.js';
import { DEMO_QRIS_CHANNEL } from '../../src/modules/layanan/demo.js';
import { openSecret } from '../../src/modules/layanan/service/secrets.js';

describeInBrowser('Paying a bill in Chromium', (b) => {
  let bank: Bank;
  beforeAll(async () => {
    bank = await startBank(b.url(''));
    bank.accounts.set(DEMO_QRIS_CHANNEL.merchantPan, { region: '32.11', secret: DEMO_QRIS_CHANNEL.secret });
  });
  afterAll(async () => bank?.close());

  it('shows the payer the QR code and amount, and turns to paid when the bank pays', async () => {
    const [bill] = await b.ctx.database.rows<{ billing_code: string }>(sql`select billing_code from layanan_bills where region_code = '32.11' and kind = 'retribusi' and status = 'unpaid'`);
    const page = await b.newPage({ viewport: PHONE });
    await page.goto(b.url(`/r/32.11/bayar/${bill.billing_code}`));
    await eventually(() => page.getByRole('heading', { name: 'Tagihan' }).isVisible()).toBe(true);
    expect(await page.locator('.layanan-bill-amount').textContent()).toBe('Rp 750.000');
    expect(await page.locator('.layanan-bill-code').textContent()).toBe(bill.billing_code);
    expect(await page.getByText('Izin Penyelenggaraan Reklame').isVisible()).toBe(true);
    expect(await page.getByText('CV Su**** Re****').isVisible()).toBe(true);
    expect(await page.getByText('Belum dibayar').isVisible()).toBe(true);
    await eventually(() => page.getByRole('img', { name: 'Kode QRIS untuk membayar Rp 750.000' }).locator('svg').count()).toBe(1);
    expect(await overflowsHorizontally(page)).toBe(false);

    // The bank pays the payload the page was given.
    const shown = await b.api<{ qris: { payload: string } }>('GET', `/api/regions/32.11/layanan/public/bills/${bill.billing_code}`);
    const paid = await bank.pay(shown.qris.payload, { paidAt: b.clock.now().toISOString() });
    expect(paid.body.callbacks.map((c) => c.status)).toEqual([200]);
    await eventually(() => page.getByText('Lunas', { exact: true }).isVisible()).toBe(true);
    expect(await page.locator('.layanan-qris').count()).toBe(0);
    expect(await page.getByText(/Terima kasih: tagihan ini lunas pada/).isVisible()).toBe(true);
    expect(b.problems(page)).toEqual([]);
  });

  it('lets the region\'s service manager change the QRIS channel, keeping the secret it never shows', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'layanan@sumedang.demo');
    await eventually(() => page.getByRole('link', { name: 'Kanal pembayaran QRIS' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Kanal pembayaran QRIS' }).click();
    await eventually(() => page.getByLabel('Nama merchant (maks. 25)').inputValue()).toBe('BAPENDA KAB SUMEDANG');
    expect(await page.getByText('Sudah diatur; kosongkan untuk mempertahankan.').isVisible()).toBe(true);
    expect(await page.getByLabel(/Kunci rahasia callback/).inputValue()).toBe('');
    expect(await page.content()).not.toContain(DEMO_QRIS_CHANNEL.secret);
    await page.getByLabel('Nama merchant (maks. 25)').fill('BAPENDA SUMEDANG');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await eventually(() => page.getByText('Kanal pembayaran disimpan.').isVisible()).toBe(true);
    const [row] = await b.ctx.database.rows<{ merchant_name: string; secret: string }>(sql`select merchant_name, secret from layanan_payment_channels where region_code = '32.11'`);
    // The secret kept, stored sealed (never in clear), still opening to the demo's.
    expect(row.merchant_name).toBe('BAPENDA SUMEDANG');
    expect(row.secret).not.toContain(DEMO_QRIS_CHANNEL.secret);
    expect(openSecret('layanan_payment_channels.secret', '32.11', row.secret)).toBe(DEMO_QRIS_CHANNEL.secret);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);
  });
});
