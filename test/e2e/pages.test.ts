// The web app beyond the main journey: hostile text stays text, English on
// request, the report form's download budget, the counter, and password reset.
import { desc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { outbox } from '../../src/platform/schema.js';
import { BUDGET_BYTES, describeWeight, measureFirstVisit, REPORT_FORM, SCRIPT_WIRE_BUDGET_BYTES } from '../../bench/page-weight.js';
import { describeInBrowser, eventually, overflowsHorizontally } from './browser.js';

const XSS = 'Jalan rusak <img src=x onerror="window.__xss=1"> dan <script>window.__xss=1</script> di depan sekolah';
const xssFired = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);

describeInBrowser('web pages in Chromium', (b) => {
  let roadId = '';

  it('shows a description holding HTML and script as plain text, to citizens and staff', async () => {
    const categories = await b.api<{ id: string; code: string }[]>('GET', '/api/regions/32.11/categories');
    roadId = categories.find((c) => c.code === 'jalan-rusak')!.id;
    const { trackingCode, id } = await b.api<{ trackingCode: string; id: string }>('POST', '/api/regions/32.11/complaints', {
      categoryId: roadId, description: XSS, answers: { tingkat_kerusakan: 'sedang' }, districtCode: '32.11.15',
      address: '<b onmouseover="window.__xss=1">Jl. Raya</b>', anonymous: false, reporter: { name: '<img src=y onerror="window.__xss=1">' },
    });

    const citizen = await b.newPage();
    for (const path of ['/r/32.11', '/r/32.11/pengaduan', `/r/32.11/lacak/${trackingCode}`]) {
      await citizen.goto(b.url(path));
      await eventually(() => citizen.getByText(XSS).first().isVisible()).toBe(true);
      expect(await citizen.locator('main img[src="x"], main script, main b').count()).toBe(0);
      expect(await xssFired(citizen)).toBeUndefined();
      expect(await overflowsHorizontally(citizen)).toBe(false);
    }
    expect(await citizen.getByText('<b onmouseover="window.__xss=1">Jl. Raya</b>', { exact: false }).isVisible()).toBe(true);
    expect(b.problems(citizen)).toEqual([]);

    const coordinator = await b.newPage({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });
    await b.signIn(coordinator, 'koordinator@sumedang.demo');
    await eventually(() => coordinator.locator('.inbox').getByText(XSS).isVisible()).toBe(true);
    await coordinator.goto(b.url(`/staff/32.11/complaints/${id}`));
    await eventually(() => coordinator.getByText('<img src=y onerror="window.__xss=1">').isVisible()).toBe(true);
    expect(await coordinator.getByText(XSS).isVisible()).toBe(true);
    expect(await coordinator.locator('main img[src="x"], main img[src="y"], main script').count()).toBe(0);
    expect(await xssFired(coordinator)).toBeUndefined();
    expect(b.problems(coordinator)).toEqual([]);
    await citizen.context().close();
    await coordinator.context().close();
  });

  it('switches to English, and the API answers in English too', async () => {
    const page = await b.newPage();
    await page.goto(b.url('/r/32.11'));
    await eventually(() => page.getByRole('link', { name: 'Laporkan' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'English' }).click();
    await eventually(() => page.getByRole('link', { name: 'Report a problem' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Track a report' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Latest reports' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // The choice survives a reload and reaches the API through the cookie.
    await page.goto(b.url('/r/32.11/lacak/ADU-2222-2222'));
    await eventually(() => page.getByRole('alert').textContent()).toBe('Complaint not found.');
    expect(await page.getByRole('heading', { name: 'Report status' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Status laporan' }).isVisible()).toBe(true);
    await page.reload();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Pengaduan tidak ditemukan.');
    await page.context().close();
  });

  it(`keeps a first visit to ${REPORT_FORM} under 200 KB compressed, its scripts under 40 KB on the wire`, async () => {
    const page = await b.newPage();
    const weight = await measureFirstVisit(page, b.url(REPORT_FORM));
    console.log(describeWeight(weight));
    // The form really is there, on a phone, without sideways scrolling.
    await eventually(() => page.getByRole('heading', { name: 'Apa masalahnya?' }).isVisible()).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(weight.files.filter((f) => f.type === 'document')).toHaveLength(1);
    expect(weight.gzipBytes).toBeLessThan(BUDGET_BYTES);
    // What a slow 3G phone waits for before the form can run (bench/slow3g.ts).
    const scripts = weight.files.filter((f) => f.type === 'script');
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.reduce((sum, f) => sum + f.wireBytes, 0)).toBeLessThan(SCRIPT_WIRE_BUDGET_BYTES);
    await page.context().close();
  });

  it('lets counter staff file a walk-in complaint with the caller named', async () => {
    const page = await b.newPage();
    await b.signIn(page, 'loket@sumedang.demo');
    await page.getByRole('link', { name: 'Loket' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Loket pengaduan' }).isVisible()).toBe(true);
    await page.getByLabel('Sampah menumpuk').check();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByLabel('Ceritakan masalahnya').fill('Sampah di TPS Jatinangor tidak diangkut selama seminggu');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByLabel('Kecamatan').selectOption({ label: 'Jatinangor' });
    // A caller's location is not the counter's: no "use my location" here.
    expect(await page.getByRole('button', { name: 'Gunakan lokasi saya' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByLabel('Anonim').uncheck();
    // Optional fields say so in their label.
    await page.getByLabel('Nama (opsional)', { exact: true }).fill('Ibu Sari');
    await page.getByLabel('Nomor telepon/WhatsApp').fill('0812 3456 7890');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await eventually(() => page.getByText('Laporan tercatat. Berikan kode lacak ini kepada pelapor.').isVisible()).toBe(true);
    const code = (await page.locator('output.code').textContent())!.trim();

    await page.getByRole('link', { name: 'Kotak masuk' }).click();
    await page.locator('.inbox li').filter({ hasText: code }).getByRole('link', { name: code }).click();
    await eventually(() => page.getByText('Loket/telepon').isVisible()).toBe(true);
    expect(await page.locator('main').textContent()).toContain('Ibu Sari');
    expect(await page.locator('main').textContent()).toContain('0812 3456 7890');
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
  });

  it('asks a category\'s extra questions by their type and sends typed answers, times in the region\'s zone', async () => {
    const admin = await b.apiSession('admin@sumedang.demo');
    const none = { values: [] };
    await b.api('POST', '/api/regions/32.11/admin/categories', {
      code: 'jalan-desa', nameId: 'Jalan desa rusak', nameEn: 'Damaged village road', group: 'Infrastruktur',
      questions: [
        { code: 'nama_jalan', datatype: 'string', required: true, description: { id: 'Nama jalan', en: 'Street name' }, ...none },
        { code: 'kronologi', datatype: 'text', required: false, description: { id: 'Kronologi kejadian', en: 'What happened' }, ...none },
        { code: 'jumlah_lubang', datatype: 'number', required: true, description: { id: 'Jumlah lubang', en: 'Number of holes' }, ...none },
        { code: 'waktu_kejadian', datatype: 'datetime', required: true, description: { id: 'Waktu kejadian', en: 'When it happened' }, ...none },
        {
          code: 'kendaraan', datatype: 'multivaluelist', required: false, description: { id: 'Kendaraan yang terdampak', en: 'Vehicles affected' },
          values: [{ key: 'motor', name: { id: 'Sepeda motor', en: 'Motorcycle' } }, { key: 'mobil', name: { id: 'Mobil', en: 'Car' } }, { key: 'truk', name: { id: 'Truk', en: 'Truck' } }],
        },
      ],
    }, admin);

    const page = await b.newPage();
    await page.goto(b.url('/r/32.11/lapor'));
    await page.getByLabel('Jalan desa rusak').check();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByLabel('Ceritakan masalahnya').fill('Jalan desa penuh lubang sejak musim hujan');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Jawab pertanyaan yang wajib.');
    await page.getByLabel('Nama jalan').fill('Jl. Cipacing');
    await page.getByLabel('Kronologi kejadian').fill('Dua motor jatuh malam hari');
    await page.getByLabel('Jumlah lubang').fill('3');
    await page.getByLabel('Waktu kejadian').fill('2026-11-01T19:30');
    await page.getByLabel('Sepeda motor').check();
    await page.getByLabel('Mobil').check();
    for (let step = 0; step < 4; step++) await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Laporan terkirim' }).isVisible()).toBe(true);
    const code = (await page.locator('output.code').textContent())!.trim();

    const coordinator = await b.apiSession('koordinator@sumedang.demo');
    const [row] = await b.api<{ id: string }[]>('GET', `/api/regions/32.11/inbox?q=${code}`, undefined, coordinator);
    const detail = await b.api<{ answers: unknown }>('GET', `/api/regions/32.11/complaints/${row.id}`, undefined, coordinator);
    // 19:30 WIB is 12:30 UTC, although this browser lives in New York.
    expect(detail.answers).toEqual({
      nama_jalan: 'Jl. Cipacing', kronologi: 'Dua motor jatuh malam hari', jumlah_lubang: 3, waktu_kejadian: '2026-11-01T12:30:00.000Z', kendaraan: ['motor', 'mobil'],
    });

    await b.signIn(page, 'koordinator@sumedang.demo');
    await page.goto(b.url(`/staff/32.11/complaints/${row.id}`));
    const answers = page.locator('section', { has: page.getByRole('heading', { name: 'Jawaban pelapor' }) });
    await eventually(() => answers.textContent()).toContain('Waktu kejadian1 Nov 2026, 19.30 WIB');
    expect(await answers.textContent()).toContain('Kendaraan yang terdampakSepeda motor, Mobil');
    expect(await answers.textContent()).toContain('Jumlah lubang3');
    await page.context().close();
  });

  it('lets a user who forgot the password choose a new one from the emailed link', async () => {
    const page = await b.newPage();
    await page.goto(b.url('/masuk'));
    await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
    await page.getByLabel('Email').fill('petugas.dlh@sumedang.demo');
    await page.getByRole('button', { name: 'Kirim tautan' }).click();
    await eventually(() => page.getByText(/tautan atur ulang kata sandi sudah dikirim/).isVisible()).toBe(true);

    const [mail] = await b.ctx.database.db.select().from(outbox).where(eq(outbox.kind, 'email')).orderBy(desc(outbox.id)).limit(1);
    const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec((mail.payload as { text: string }).text)![0];
    await page.goto(b.url(new URL(link).pathname + new URL(link).search));
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('sandi-baru-yang-panjang');
    await page.getByLabel('Ulangi kata sandi baru').fill('sandi-baru-yang-panjang');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await eventually(() => page.getByText('Kata sandi tersimpan. Silakan masuk.').isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Masuk petugas' }).click();
    await page.getByLabel('Email').fill('petugas.dlh@sumedang.demo');
    await page.getByLabel('Kata sandi').fill('sandi-baru-yang-panjang');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await eventually(() => page.getByRole('heading', { name: 'Kotak masuk pengaduan' }).isVisible()).toBe(true);
    await page.context().close();
  });
});
