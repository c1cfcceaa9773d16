// Pay, then issue, in Chromium on the demo region: the demo citizen applies
// on a phone for the reklame permit (a fee per m², paid before the permit is
// issued); DPMPTSP's staff check, review and approve it; the citizen finds the
// bill on their application, opens the payer's page, the simulated bank pays
// and posts its signed callback over HTTP, and the application then reads
// paid; the counter issues the permit and the citizen downloads it. The
// service manager finds the bill paid on the bills page and cancels another,
// and the public accountability page shows the API's figures. Then the tax
// import and the bank statement reconciliation, through their pages.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE, pngBuffer } from './browser.js';
import { fillAddress } from './layanan-helpers.js';
import { startBank, type Bank } from '../support/bank.js';
import { DEMO_QRIS_CHANNEL } from '../../src/modules/layanan/demo.js';
import { localToday } from '../../src/modules/layanan/service/skm.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const REGION = '32.11';
const R = `/api/regions/${REGION}/layanan`;
const WIB = { utcOffsetMinutes: 420 };
const DESKTOP = { width: 1280, height: 900 };

interface AccountRow { slug: string; filed: number; decided: number; onTime: number; onTimePercent: number | null; medianDays: number | null; deemedGranted: number; open: number }
interface SkmRow { slug: string; converted: number | null; band: { grade: string; performance: string } | null; respondents: number }

describeInBrowser('Paying before issue, bills and the public account in Chromium', (b) => {
  let bank: Bank;
  beforeAll(async () => {
    bank = await startBank(b.url(''));
    bank.accounts.set(DEMO_QRIS_CHANNEL.merchantPan, { region: REGION, secret: DEMO_QRIS_CHANNEL.secret });
  });
  afterAll(async () => bank?.close());

  const bill = async (code: string) => (await b.ctx.database.rows<{ status: string; amount: number; payer_name: string; payment_channel: string | null }>(
    sql`select status, amount, payer_name, payment_channel from layanan_bills where region_code = ${REGION} and billing_code = ${code}`))[0];
  const account = async (year: number) => (await b.api<{ services: AccountRow[] }>('GET', `${R}/public/accountability?year=${year}`)).services;
  const id = (n: number | null, digits = 1) => (n === null ? '–' : new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits === 2 ? 2 : 0, maximumFractionDigits: digits }).format(n));
  const manager = async (viewport = DESKTOP): Promise<Page> => {
    const page = await b.newPage({ viewport });
    await b.signIn(page, 'layanan@sumedang.demo');
    return page;
  };

  /** The account page's table, row by row, against the API's figures for the year (services with applications or survey answers). */
  const expectAccountShown = async (page: Page, year: number) => {
    const figures = await account(year);
    const skm = (await b.api<{ services: SkmRow[] }>('GET', `${R}/public/skm?period=${year}`)).services;
    const table = page.getByRole('table', { name: `Kinerja layanan tahun ${year}` });
    const slugs = new Set([...figures, ...skm].map((s) => s.slug));
    await eventually(() => table.locator('tbody tr').count()).toBe(slugs.size);
    for (const slug of slugs) {
      // A service with survey answers but no application that year shows no applications.
      const s = figures.find((a) => a.slug === slug) ?? { filed: 0, decided: 0, onTime: 0, onTimePercent: null, medianDays: null, deemedGranted: 0, open: 0 };
      const satisfaction = skm.find((k) => k.slug === slug);
      expect((await table.locator(`tr[data-slug="${slug}"] td`).allTextContents()).slice(1)).toEqual([
        String(s.filed), String(s.decided), s.onTimePercent === null ? '–' : `${id(s.onTimePercent)} %${s.onTime}/${s.decided}`, id(s.medianDays), String(s.deemedGranted), String(s.open),
        satisfaction?.converted == null ? '–' : `${id(satisfaction.converted, 2)} ${satisfaction.band!.grade}${satisfaction.band!.performance} · ${satisfaction.respondents} responden`,
      ]);
    }
    return { figures, skm };
  };

  it('applies, is approved and billed, is paid through the bank, is issued and downloaded; the bill reads paid for staff; the public account matches the API', async () => {
    const year = Number(localToday(b.clock.now(), WIB).slice(0, 4));
    const reklameBefore = (await account(year)).find((s) => s.slug === 'izin-reklame')!;

    // The citizen applies for the reklame permit: 4 m² at Rp 150.000 per m².
    const citizen = await b.newPage({ viewport: PHONE });
    await b.signIn(citizen, 'warga@sumedang.demo');
    await citizen.goto(b.url('/r/32.11/layanan/izin-reklame/ajukan'));
    await eventually(() => citizen.getByLabel('NIK pemohon').isVisible()).toBe(true);
    await citizen.getByLabel('NIK pemohon').fill('3211174207850003');
    await citizen.getByLabel('Nama lengkap').fill('Siti Reklame Sumedang');
    await fillAddress(citizen, 'apply-alamat', 'Jl. Mawar 3 RT 01/RW 02');
    await citizen.getByLabel('Papan/billboard').check();
    await citizen.getByLabel('Luas bidang reklame').fill('4');
    await fillAddress(citizen, 'apply-lokasi', 'Jl. Prabu Geusan Ulun 12');
    await citizen.getByLabel('Mulai tayang').fill('2026-11-16');
    await citizen.getByLabel('Gambar desain dan konstruksi').setInputFiles({ name: 'desain.pdf', mimeType: 'application/pdf', buffer: PDF });
    await citizen.getByLabel('Persetujuan pemilik lahan/bangunan').setInputFiles({ name: 'izin.png', mimeType: 'image/png', buffer: await pngBuffer(40, 25) });
    await citizen.getByRole('button', { name: 'Kirim permohonan' }).click();
    await eventually(() => citizen.getByRole('heading', { name: 'Permohonan terkirim' }).isVisible()).toBe(true);
    const registrationNo = (await citizen.locator('.tracking-code .code').textContent())!;
    expect(await citizen.locator('.layanan-receipt').textContent()).toContain('Rp 600.000');
    const [app] = await b.ctx.database.rows<{ id: string; applicant_name: string }>(sql`select id, applicant_name from layanan_applications where registration_no = ${registrationNo}`);

    // DPMPTSP's counter checks it, its officer reviews it, its service manager records the head's approval.
    for (const [email, action] of [['loket.dpmptsp@sumedang.demo', 'complete'], ['pengolah.dpmptsp@sumedang.demo', 'forward'], ['layanan.dpmptsp@sumedang.demo', 'approve']]) {
      await b.api('POST', `${R}/applications/${app.id}/actions`, { action }, await b.apiSession(email));
    }
    const [billed] = await b.ctx.database.rows<{ status: string; billing_code: string }>(
      sql`select a.status, l.billing_code from layanan_applications a join layanan_bills l on l.application_id = a.id where a.id = ${app.id}`);
    expect(billed.status).toBe('awaiting_payment');
    const code = billed.billing_code;
    expect(await bill(code)).toEqual({ status: 'unpaid', amount: 600_000, payer_name: app.applicant_name, payment_channel: null });

    // The citizen finds the bill on their application and opens the payer's page.
    await citizen.goto(b.url('/permohonan-saya'));
    await citizen.getByRole('link', { name: registrationNo }).click();
    await eventually(() => citizen.getByRole('heading', { name: 'Hasil dan pembayaran' }).isVisible()).toBe(true);
    expect(await citizen.locator('#results + p').textContent()).toContain(`Retribusi Rp 600.000, kode bayar ${code}.`);
    const applicationUrl = citizen.url();
    await citizen.getByRole('link', { name: 'Bayar dengan QRIS' }).click();
    await eventually(() => citizen.locator('.layanan-bill-code').textContent()).toBe(code);
    expect(await citizen.locator('.layanan-bill-amount').textContent()).toBe('Rp 600.000');
    await eventually(() => citizen.getByRole('img', { name: 'Kode QRIS untuk membayar Rp 600.000' }).locator('svg').count()).toBe(1);
    expect(await overflowsHorizontally(citizen)).toBe(false);

    // The bank pays the payload the page shows and posts its signed callback over HTTP; the open page turns to paid.
    const shown = await b.api<{ qris: { payload: string } }>('GET', `${R}/public/bills/${code}`);
    const paid = await bank.pay(shown.qris.payload, { paidAt: b.clock.now().toISOString() });
    expect(paid.body.callbacks.map((c) => [c.status, c.body.billingCode, c.body.amount])).toEqual([[200, code, 600_000]]);
    await eventually(() => citizen.getByText('Lunas', { exact: true }).isVisible()).toBe(true);
    await citizen.goto(applicationUrl);
    await eventually(() => citizen.locator('#results + p').textContent()).toContain('Lunas.');
    expect(await citizen.getByRole('link', { name: 'Bayar dengan QRIS' }).count()).toBe(0);

    // The counter issues the permit; the citizen downloads it.
    const counter = await b.newPage({ viewport: DESKTOP });
    await b.signIn(counter, 'loket.dpmptsp@sumedang.demo');
    await counter.goto(b.url(`/staff/32.11/layanan/permohonan/${app.id}`));
    await counter.getByRole('button', { name: 'Terbitkan' }).click();
    await eventually(() => counter.getByText('Hasil layanan diterbitkan.').isVisible()).toBe(true);
    await citizen.reload();
    await eventually(() => citizen.getByText('IZIN PENYELENGGARAAN REKLAME', { exact: true }).isVisible()).toBe(true);
    const download = await citizen.getByRole('link', { name: 'Unduh PDF' }).getAttribute('href');
    expect(await citizen.evaluate(async (href) => { const r = await fetch(href!); return [r.status, r.headers.get('content-type'), (await r.text()).slice(0, 5)]; }, download))
      .toEqual([200, 'application/pdf', '%PDF-']);
    expect(await overflowsHorizontally(citizen)).toBe(false);

    // The service manager finds the bill paid through QRIS, from the catalogue's link.
    const staff = await manager();
    await staff.goto(b.url('/staff/32.11/layanan'));
    await staff.getByRole('link', { name: 'Tagihan dan pembayaran' }).click();
    await eventually(() => staff.getByRole('heading', { name: 'Tagihan dan pembayaran' }).isVisible()).toBe(true);
    await staff.getByLabel('Cari kode bayar, NOP atau nama pembayar').fill(code);
    await staff.getByRole('button', { name: 'Cari' }).click();
    const row = staff.locator(`tr[data-code="${code}"]`);
    await eventually(() => staff.locator('tbody tr').count()).toBe(1);
    const cells = await row.locator('td').allTextContents();
    // Due 30 days after the approval on 2 November, to the end of that day in the region.
    expect(cells.slice(0, 5)).toEqual([code, 'Izin Penyelenggaraan Reklame', app.applicant_name, 'Rp 600.000', '2 Des 2026, 23.59 WIB']);
    expect(cells[5]).toMatch(/^LunasQRIS 2 Nov 2026.* WIB$/);
    expect(await row.getByRole('button', { name: 'Batalkan' }).count()).toBe(0);
    expect(await bill(code)).toMatchObject({ status: 'paid', payment_channel: 'qris' });

    // It cancels the demo's unpaid reklame fee after confirming; the bank would now be refused.
    await staff.getByLabel('Cari kode bayar, NOP atau nama pembayar').fill('');
    await staff.getByRole('button', { name: 'Cari' }).click();
    await staff.getByLabel('Status', { exact: true }).selectOption({ label: 'Belum dibayar' });
    await staff.getByLabel('Jenis', { exact: true }).selectOption({ label: 'Retribusi' });
    await eventually(() => staff.url()).toContain('status=unpaid&jenis=retribusi');
    const demoRow = staff.locator('tbody tr', { hasText: 'CV Sumber Rejeki' });
    await eventually(() => demoRow.count()).toBe(1);
    const demoCode = (await demoRow.getAttribute('data-code'))!;
    const asked: string[] = [];
    staff.once('dialog', (d) => { asked.push(d.message()); void d.accept(); });
    await demoRow.getByRole('button', { name: 'Batalkan' }).click();
    await eventually(() => staff.getByText(`Tagihan ${demoCode} dibatalkan.`).isVisible()).toBe(true);
    expect(asked).toEqual([`Batalkan tagihan ${demoCode} atas nama CV Sumber Rejeki sebesar Rp 750.000? Tagihan yang dibatalkan tidak dapat dibayar lagi.`]);
    expect((await bill(demoCode)).status).toBe('cancelled');
    await eventually(() => staff.locator(`tr[data-code="${demoCode}"]`).count()).toBe(0);
    for (const page of [citizen, counter, staff]) expect(b.problems(page)).toEqual([]);

    // Anyone reads the year's account from the catalogue: the API's figures, this application counted.
    const figures = await account(year);
    const reklame = figures.find((s) => s.slug === 'izin-reklame')!;
    expect([reklame.filed, reklame.decided]).toEqual([reklameBefore.filed + 1, reklameBefore.decided + 1]);
    const anyone = await b.newPage({ viewport: PHONE });
    await anyone.goto(b.url('/r/32.11/layanan'));
    await anyone.getByRole('link', { name: /Akuntabilitas layanan/ }).click();
    await eventually(() => anyone.getByRole('heading', { name: 'Akuntabilitas layanan publik Kabupaten Sumedang' }).isVisible()).toBe(true);
    const { skm } = await expectAccountShown(anyone, year);
    // The reklame permit has applications and survey answers in the demo: its row is not all dashes.
    expect(reklame.filed).toBeGreaterThan(0);
    expect(skm.find((k) => k.slug === 'izin-reklame')?.converted).not.toBeNull();
    expect(await overflowsHorizontally(anyone)).toBe(false);

    // An earlier year: chosen in the page, its figures the API's for that year.
    await anyone.getByLabel('Tahun', { exact: true }).selectOption(String(year - 1));
    await eventually(() => anyone.url()).toContain(`tahun=${year - 1}`);
    // The demo's earlier year has paper survey forms and no applications.
    const earlier = await expectAccountShown(anyone, year - 1);
    expect([earlier.figures.length, earlier.skm.filter((k) => k.converted !== null).length > 0]).toEqual([0, true]);
    expect(b.problems(anyone)).toEqual([]);
  });

  it('imports tax bills from a CSV, naming every bad line, and reconciles a bank statement on a phone: previewed, then confirmed, with its report to download', async () => {
    const staff = await manager(PHONE);
    await staff.goto(b.url('/staff/32.11/layanan/tagihan'));
    const file = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
    const header = 'NOP;Jenis Pajak;Tahun Pajak;Nama Wajib Pajak;Jumlah;Jatuh Tempo';
    const taxBills = async () => (await b.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from layanan_bills where region_code = ${REGION} and kind = 'pajak'`))[0].n;
    const before = await taxBills();

    // A file with a bad line: nothing imported, each bad line named with the API's words.
    await staff.getByLabel('Berkas CSV tagihan pajak').setInputFiles(file('pajak-salah.csv', [header, '321101000100500110;PBB-P2;2026;Ani Lestari;245.000;31/12/2026', '3211010001;PBB-P2;2026;Budi;1000;2026-12-31']));
    await staff.getByRole('button', { name: 'Impor' }).click();
    await eventually(() => staff.getByRole('alert').textContent()).toContain('Berkas tagihan pajak memuat baris yang salah; tidak ada yang diimpor.');
    expect(await staff.getByRole('list', { name: 'Baris yang perlu diperbaiki' }).locator('li').allTextContents()).toEqual(['Baris 3: NOP 3211010001 harus 18 angka']);
    expect(await taxBills()).toBe(before);

    const good = file('pajak.csv', [header, '32.11.010.001.005-0011.0;pbb-p2;2026;Ani Lestari;245.000;31/12/2026', '321101000100500120;PBB-P2;2026;Cici Paramida;1.250.000;2026-12-31']);
    await staff.getByLabel('Berkas CSV tagihan pajak').setInputFiles(good);
    await staff.getByRole('button', { name: 'Impor' }).click();
    await eventually(() => staff.getByText('2 tagihan baru dibuat, 0 sudah ada sebelumnya.').isVisible()).toBe(true);
    const imported = staff.getByRole('table', { name: 'Impor tagihan pajak daerah' });
    const rows = await imported.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows.map((r) => r.slice(0, 5))).toEqual([['2', '321101000100500110', 'PBB-P2', '2026', 'Dibuat'], ['3', '321101000100500120', 'PBB-P2', '2026', 'Dibuat']]);
    const [aniCode, ciciCode] = rows.map((r) => r[5]!);
    expect(await bill(aniCode)).toEqual({ status: 'unpaid', amount: 245_000, payer_name: 'Ani Lestari', payment_channel: null });
    expect(await taxBills()).toBe(before + 2);
    // The same file again creates nothing.
    await staff.getByRole('button', { name: 'Impor' }).click();
    await eventually(() => staff.getByText('0 tagihan baru dibuat, 2 sudah ada sebelumnya.').isVisible()).toBe(true);
    expect(await taxBills()).toBe(before + 2);
    // The new bills are listed under regional tax.
    await staff.getByLabel('Jenis', { exact: true }).selectOption({ label: 'Pajak daerah' });
    await eventually(() => staff.locator(`tr[data-code="${ciciCode}"] td`).nth(1).textContent()).toBe('PBB-P2 tahun 2026, NOP 321101000100500120');
    // The tables scroll in their own boxes; the page itself never sideways.
    expect(await overflowsHorizontally(staff)).toBe(false);

    // Reconciliation: the preview records nothing; confirming credits the matching line once.
    await staff.getByRole('link', { name: 'Rekonsiliasi mutasi rekening' }).click();
    await eventually(() => staff.getByRole('heading', { name: 'Rekonsiliasi mutasi rekening' }).isVisible()).toBe(true);
    await eventually(() => staff.getByText('Belum ada rekonsiliasi yang dikonfirmasi.').isVisible()).toBe(true);
    const day = localToday(b.clock.now(), WIB).split('-').reverse().join('/');
    await staff.getByLabel('Berkas CSV mutasi rekening').setInputFiles(file('mutasi.csv', [
      'Tanggal;Keterangan;Jumlah;No Referensi', `${day};TRF PBB ${aniCode} ANI;245.000;REF-E2E-1`, `${day};${ciciCode};1.000.000;REF-E2E-2`, `${day};TRANSFER TANPA KODE;5.000;REF-E2E-3`,
    ]));
    await staff.getByRole('button', { name: 'Pratinjau' }).click();
    await eventually(() => staff.getByRole('heading', { name: 'Pratinjau rekonsiliasi' }).isVisible()).toBe(true);
    const outcomes = async () => staff.locator('.layanan-recon tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-outcome'), tr.lastElementChild!.textContent]));
    const expected = [['credited', 'Dicatat lunas'], ['amount_mismatch', 'Jumlah berbeda dengan tagihan'], ['unknown_code', 'Kode bayar tidak ditemukan']];
    expect(await outcomes()).toEqual(expected);
    expect((await bill(aniCode)).status).toBe('unpaid');
    expect(await overflowsHorizontally(staff)).toBe(false);
    await staff.getByRole('button', { name: 'Konfirmasi dan catat pembayaran' }).click();
    await eventually(() => staff.getByText('Rekonsiliasi dicatat: 1 tagihan dicatat lunas.').isVisible()).toBe(true);
    expect(await outcomes()).toEqual(expected);
    expect(await bill(aniCode)).toMatchObject({ status: 'paid', payment_channel: 'rekonsiliasi' });
    expect((await bill(ciciCode)).status).toBe('unpaid');

    // The confirmed report is listed, and downloads as Excel.
    const history = staff.getByRole('list', { name: 'Rekonsiliasi sebelumnya' });
    await eventually(() => history.locator('li').count()).toBe(1);
    expect(await history.locator('li').textContent()).toContain('Dicatat lunas: 1 · Jumlah berbeda dengan tagihan: 1 · Kode bayar tidak ditemukan: 1');
    const report = await history.getByRole('link', { name: 'Unduh laporan (Excel)' }).getAttribute('href');
    expect(await staff.evaluate(async (href) => { const r = await fetch(href!); return [r.status, r.headers.get('content-type'), (await r.arrayBuffer()).byteLength > 0]; }, report))
      .toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', true]);
    expect(b.problems(staff)).toEqual([]);
  });
});
