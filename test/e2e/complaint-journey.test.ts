// A damaged road from report to rating, as the citizen and the staff see it:
// report on a phone, duplicate hint, dispatch, escalation when overdue,
// response and resolution, rating.
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sweepModule } from '../harness.js';
import { describeInBrowser, eventually, overflowsHorizontally, pngBuffer } from './browser.js';

// In front of the Tanjungsari market, Sumedang.
const MARKET = { latitude: -6.9005, longitude: 107.7976 };
const DESCRIPTION = 'Jalan berlubang besar di depan pasar Tanjungsari, sudah dua motor jatuh';

describeInBrowser('complaint journey in Chromium', (b) => {
  let citizen: Page;
  let code = '';

  beforeAll(async () => {
    citizen = await b.newPage({ geolocation: MARKET, permissions: ['geolocation'] });
  });

  /** Walks the report form up to its last step. */
  async function fillReport(page: Page, description: string, photo?: Buffer) {
    await page.goto(b.url('/r/32.11'));
    await page.getByRole('link', { name: 'Laporkan' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Apa masalahnya?' }).isVisible()).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByLabel('Jalan rusak atau berlubang').check();
    await page.getByRole('button', { name: 'Lanjut' }).click();

    await page.getByLabel('Berat, membahayakan').check();
    await page.getByLabel('Ceritakan masalahnya').fill(description);
    await page.getByRole('button', { name: 'Lanjut' }).click();

    await page.getByLabel('Kecamatan').selectOption({ label: 'Tanjungsari' });
    await page.getByLabel('Desa/kelurahan').selectOption({ label: 'Tanjungsari' });
    await page.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
    await eventually(() => page.getByText('Lokasi Anda: -6.9005, 107.7976').isVisible()).toBe(true);
    await page.getByLabel('Alamat atau patokan').fill('Depan Pasar Tanjungsari');
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('button', { name: 'Lanjut' }).click();

    await eventually(() => page.getByRole('heading', { name: 'Tambahkan foto' }).isVisible()).toBe(true);
    if (photo) {
      await page.locator('input[type=file]').setInputFiles({ name: 'lubang.png', mimeType: 'image/png', buffer: photo });
      await eventually(() => page.getByRole('img', { name: 'Foto 1' }).isVisible()).toBe(true);
    }
    await page.getByRole('button', { name: 'Lanjut' }).click();

    // Anonymous is the default: identity hidden from officers and the public.
    expect(await page.getByLabel('Anonim').isChecked()).toBe(true);
    expect(await page.getByLabel('Rahasia').isChecked()).toBe(false);
    await page.getByLabel('Email').fill('warga@example.id');
    // The last step asks the server for likely duplicates: wait for its answer.
    const similar = page.waitForResponse((r) => r.url().endsWith('/api/regions/32.11/complaints/similar'));
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Periksa dan kirim' }).isVisible()).toBe(true);
    expect((await similar).status()).toBe(200);
  }

  it('lets a citizen on a phone report a damaged road with a photo and track it', async () => {
    const page = citizen;
    // Larger than the 1600 px limit: the phone must shrink it before upload.
    await fillReport(page, DESCRIPTION, await pngBuffer(2400, 1200));
    expect(await page.getByText('Laporan serupa sudah ada').count()).toBe(0);
    await page.getByRole('button', { name: 'Kirim laporan' }).click();

    await eventually(() => page.getByRole('heading', { name: 'Laporan terkirim' }).isVisible()).toBe(true);
    code = (await page.locator('output.code').textContent())!.trim();
    expect(code).toMatch(/^ADU-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(await overflowsHorizontally(page)).toBe(false);

    await page.getByRole('link', { name: 'Lihat status laporan' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Status laporan' }).isVisible()).toBe(true);
    await eventually(() => page.getByText('Menunggu verifikasi').first().isVisible()).toBe(true);
    const main = page.locator('main');
    expect(await main.textContent()).toContain(DESCRIPTION);
    expect(await main.textContent()).toContain('Tanjungsari, Tanjungsari — Depan Pasar Tanjungsari');
    // Submitted Monday 2 November 2026, 09:00 in Sumedang, whatever the browser's own time zone.
    expect(await main.textContent()).toContain('2 Nov 2026, 09.00 WIB');
    // Verification is due within one working day.
    expect(await page.locator('.deadlines li').filter({ hasText: 'Verifikasi' }).textContent()).toContain('Sisa 1 hari');
    expect(await page.getByText('Belum ditentukan').isVisible()).toBe(true);
    // The photo arrived shrunk to 1600 px on its longest side, as a JPEG.
    const photo = page.getByRole('img', { name: 'Foto 1' });
    await eventually(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1600);
    expect(await photo.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(800);
    const src = await photo.getAttribute('src');
    expect((await fetch(b.url(src!))).headers.get('content-type')).toBe('image/jpeg');
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);
  });

  it('shows the first report as a likely duplicate to a second citizen reporting the same hole', async () => {
    const second = await b.newPage({ geolocation: MARKET, permissions: ['geolocation'] });
    await fillReport(second, 'Ada lubang besar di jalan depan pasar Tanjungsari, motor sering jatuh');
    await eventually(() => second.getByRole('heading', { name: 'Laporan serupa sudah ada' }).isVisible()).toBe(true);
    const link = second.getByRole('link', { name: code });
    expect(await link.getAttribute('href')).toBe(`/r/32.11/lacak/${code}`);
    expect(await overflowsHorizontally(second)).toBe(false);
    await second.context().close();
  });

  it('lets the coordinator open it from the inbox and dispatch it to the proposed unit', async () => {
    const page = await b.newPage({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });
    await b.signIn(page, 'koordinator@sumedang.demo');
    await eventually(() => page.getByRole('heading', { name: 'Kotak masuk pengaduan' }).isVisible()).toBe(true);
    const row = page.locator('.inbox li').filter({ hasText: code });
    await eventually(() => row.isVisible()).toBe(true);
    // Filters: nothing is overdue yet; status and search narrow the list.
    await page.getByLabel('Hanya yang terlambat').check();
    await eventually(() => page.getByText('Tidak ada pengaduan.').isVisible()).toBe(true);
    await page.getByLabel('Hanya yang terlambat').uncheck();
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Sedang ditangani' });
    await eventually(() => page.getByText('Tidak ada pengaduan.').isVisible()).toBe(true);
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Menunggu verifikasi' });
    await page.getByLabel('Cari', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Cari' }).click();
    await eventually(() => page.url()).toBe(b.url(`/staff/32.11?status=submitted&q=${code}`));
    await eventually(() => page.locator('.inbox li').count()).toBe(1);
    expect(await row.textContent()).toContain('Jalan rusak atau berlubang');
    expect(await row.textContent()).toContain('Tanjungsari');
    expect(await row.textContent()).toContain('Menunggu verifikasi');
    await row.getByRole('link', { name: code }).click();

    await eventually(() => page.getByRole('heading', { name: 'Verifikasi dan teruskan' }).isVisible()).toBe(true);
    // The coordinator may see who reported, even anonymously; the proposed unit is preselected.
    expect(await page.getByText('warga@example.id').isVisible()).toBe(true);
    const unit = page.getByLabel('Perangkat daerah', { exact: true });
    expect(await unit.locator('option:checked').textContent()).toBe('Dinas Pekerjaan Umum dan Penataan Ruang (usulan)');
    await page.getByRole('button', { name: 'Teruskan' }).click();
    await eventually(() => page.getByText('Tersimpan. Status: Diteruskan ke perangkat daerah.').isVisible()).toBe(true);
    // The page reloads the complaint after saving: the triage form goes once it has.
    await eventually(() => page.getByRole('heading', { name: 'Verifikasi dan teruskan' }).count()).toBe(0);
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the officer the dispatched complaint without the reporter or the coordinator-only actions', async () => {
    const page = await b.newPage();
    await b.signIn(page, 'petugas.pupr@sumedang.demo');
    const row = page.locator('.inbox li').filter({ hasText: code });
    await eventually(() => row.isVisible()).toBe(true);
    // Two days to answer, shown on a phone.
    expect(await row.locator('.badge').first().textContent()).toBe('Sisa 2 hari');
    await row.getByRole('link', { name: code }).click();
    await eventually(() => page.getByRole('heading', { name: 'Tanggapi' }).isVisible()).toBe(true);
    expect(await page.getByText('warga@example.id').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Gabungkan dengan laporan lain' }).count()).toBe(0);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.context().close();
  });

  it('escalates to the unit head when the response deadline passes, and marks it overdue everywhere', async () => {
    await b.advanceHours(49);
    expect(await sweepModule(b.ctx, 'complaints')).toBe(1);

    const head = await b.newPage();
    await b.signIn(head, 'kepala.pupr@sumedang.demo');
    const bell = head.getByRole('link', { name: /Notifikasi/ });
    // Unread: the new complaint for the unit (at dispatch) and the escalation.
    await eventually(() => bell.textContent()).toBe('Notifikasi2');
    const row = head.locator('.inbox li').filter({ hasText: code });
    expect(await row.locator('.badge-red').textContent()).toBe('Terlambat 1 jam');

    await bell.click();
    const note = head.locator('li').filter({ hasText: `Lewat batas waktu tanggapan pertama: ${code}` });
    await eventually(() => note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('Eskalasi tingkat 1');
    expect(await head.getByText(`Pengaduan baru untuk unit Anda: ${code}`).isVisible()).toBe(true);
    await head.getByRole('button', { name: 'Tandai semua sudah dibaca' }).click();
    await eventually(() => bell.textContent()).toBe('Notifikasi');
    await head.context().close();

    await citizen.goto(b.url(`/r/32.11/lacak/${code}`));
    await eventually(() => citizen.locator('.deadlines li').filter({ hasText: 'Tanggapan pertama' }).textContent()).toContain('Terlambat');
    expect(await citizen.locator('.status-line').textContent()).toContain('Terlambat');
    expect(await citizen.getByText('Lewat batas waktu, dieskalasi').isVisible()).toBe(true);
  });

  it('lets the officer respond and resolve', async () => {
    const page = await b.newPage();
    await b.signIn(page, 'petugas.pupr@sumedang.demo');
    await page.locator('.inbox li').filter({ hasText: code }).getByRole('link', { name: code }).click();
    await page.getByLabel('Tanggapan untuk pelapor').fill('Tim kami menuju lokasi hari ini.');
    await page.getByRole('button', { name: 'Kirim tanggapan' }).click();
    await eventually(() => page.getByText('Tersimpan. Status: Sedang ditangani.').isVisible()).toBe(true);
    await page.getByLabel('Jawaban penutup').fill('Lubang sudah ditambal dengan aspal.');
    await page.getByRole('button', { name: 'Tandai selesai' }).click();
    await eventually(() => page.getByText('Tersimpan. Status: Selesai ditindaklanjuti.').isVisible()).toBe(true);
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
  });

  it('lets the citizen read the answer and rate it on the tracking page', async () => {
    const page = citizen;
    await page.goto(b.url(`/r/32.11/lacak/${code}`));
    // The closing answer comes first, then the rating form.
    await eventually(() => page.locator('.answer').textContent()).toBe('Jawaban penyelesaianLubang sudah ditambal dengan aspal.');
    expect(await page.getByText('Tim kami menuju lokasi hari ini.').isVisible()).toBe(true);
    expect(await page.locator('.status-line').textContent()).toContain('Selesai ditindaklanjuti');
    expect(await page.locator('.deadlines li').filter({ hasText: 'Tanggapan pertama' }).textContent()).toContain('Terpenuhi, terlambat');
    // The officer's name never reaches the public page.
    expect(await page.locator('main').textContent()).not.toContain('Agus');
    expect(await overflowsHorizontally(page)).toBe(false);

    // Someone else with only the tracking code sees the answer but cannot rate or reopen.
    const stranger = await b.newPage();
    await stranger.goto(b.url(`/r/32.11/lacak/${code}`));
    await eventually(() => stranger.locator('.answer').isVisible()).toBe(true);
    expect(await stranger.getByRole('button', { name: 'Kirim penilaian' }).count()).toBe(0);
    await stranger.context().close();

    await page.getByRole('radio', { name: '4 dari 5' }).check();
    await eventually(() => page.getByText('Puas', { exact: true }).isVisible()).toBe(true);
    await page.getByLabel('Komentar').fill('Cepat ditangani, terima kasih.');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await eventually(() => page.getByText('Terima kasih atas penilaian Anda.').isVisible()).toBe(true);
    // The thanks shows at once; the status follows when the page has reloaded the report.
    await eventually(() => page.locator('.status-line').textContent()).toContain('Ditutup');
    await eventually(() => page.getByText('Penilaian Anda: 4 dari 5').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Kirim penilaian' }).count()).toBe(0);
    expect(b.problems(page)).toEqual([]);
  });
});
