// The report form on a phone says what it needs before it is sent: a location
// where the category requires one, optional fields marked, every text's limit
// counted (a longer text is refused, never cut), at most three photos, and a
// review of everything, answers and photos included. Then the reporter rates
// the answer and may still reopen within the region's window.
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, eventually, overflowsHorizontally, pngBuffer } from './browser.js';

describeInBrowser('report form on a phone in Chromium', (b) => {
  let citizen: Page;
  let code = '';
  let key = '';

  beforeAll(async () => {
    citizen = await b.newPage();
  });

  it('lets the region admin require a location for a category on the Categories page', async () => {
    const admin = await b.newPage({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });
    await b.signIn(admin, 'admin@sumedang.demo');
    await admin.goto(b.url('/staff/32.11/admin/kategori'));
    await admin.getByRole('button', { name: 'Ubah kategori: Jalan rusak atau berlubang' }).click();
    const required = admin.getByLabel('Wajib menyebut lokasi');
    expect(await required.isChecked()).toBe(false);
    await required.check();
    await admin.getByRole('button', { name: 'Simpan' }).click();
    await eventually(() => admin.getByRole('status').last().textContent()).toBe('Kategori Jalan rusak atau berlubang disimpan.');
    const card = admin.locator('li').filter({ hasText: 'Jalan rusak atau berlubang' });
    // The list reloads after the message: wait for the fresh row, not the stale one.
    await eventually(async () => (await card.textContent())?.includes('lokasi wajib')).toBe(true);
    expect(b.problems(admin)).toEqual([]);
    await admin.context().close();
  });

  it('counts the description against its limit and refuses to go on while it is too long, without cutting it', async () => {
    const page = citizen;
    await page.goto(b.url('/r/32.11/lapor'));
    await eventually(() => page.getByRole('heading', { name: 'Apa masalahnya?' }).isVisible()).toBe(true);
    await page.getByLabel('Jalan rusak atau berlubang').check();
    await page.getByRole('button', { name: 'Lanjut' }).click();

    await page.getByLabel('Berat, membahayakan').check();
    const description = page.getByLabel('Ceritakan masalahnya');
    expect(await page.locator('#description-count').textContent()).toBe('0/4000 karakter');
    const long = `Jalan berlubang besar di depan SD Negeri Cimalaka. ${'Lubang makin dalam setiap hujan. '.repeat(130)}`;
    expect(long.length).toBeGreaterThan(4000);
    await description.fill(long);
    // All of it stays in the field: the count says by how much it is over.
    expect((await description.inputValue()).length).toBe(long.length);
    expect(await page.locator('#description-count').textContent()).toBe(`${long.length}/4000 karakter: lebih ${long.length - 4000}`);
    expect(await description.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Ceritakan masalahnya melebihi batas 4000 karakter. Persingkat dulu; tidak ada yang kami potong.');
    expect(await page.getByRole('heading', { name: 'Ceritakan lebih lanjut' }).isVisible()).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    await description.fill('Jalan berlubang besar di depan SD Negeri Cimalaka, anak-anak hampir jatuh.');
    expect(await page.locator('#description-count').textContent()).toBe('74/4000 karakter');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Di mana lokasinya?' }).isVisible()).toBe(true);
  });

  it('asks for a location when the category requires one, and marks the optional fields', async () => {
    const page = citizen;
    expect(await page.getByText('Kategori ini memerlukan lokasi: pilih kecamatan, atau gunakan lokasi Anda.').isVisible()).toBe(true);
    expect(await page.locator('label[for=village]').textContent()).toBe('Desa/kelurahan (opsional)');
    expect(await page.locator('label[for=address]').textContent()).toBe('Alamat atau patokan (opsional)');
    expect(await page.locator('#address-count').textContent()).toBe('0/300 karakter');
    await page.getByLabel('Alamat atau patokan').fill('Depan SD Negeri Cimalaka');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Kategori ini memerlukan lokasi: pilih kecamatan, atau gunakan lokasi Anda.');
    await page.getByLabel('Kecamatan').selectOption({ label: 'Cimalaka' });
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Tambahkan foto' }).isVisible()).toBe(true);
  });

  it('says at most three photos are taken before and when a fourth is chosen, and disables adding more', async () => {
    const page = citizen;
    expect(await page.locator('#photos-hint').textContent()).toContain('Paling banyak 3 foto per laporan');
    const photo = async (n: number) => ({ name: `lubang-${n}.png`, mimeType: 'image/png', buffer: await pngBuffer(40, 30, [n * 60, 80, 40]) });
    await page.locator('input[type=file]').setInputFiles(await Promise.all([1, 2, 3, 4].map(photo)));
    await eventually(() => page.getByRole('alert').textContent()).toBe('Anda memilih 4 foto, tetapi paling banyak 3 foto per laporan: hanya 3 yang ditambahkan.');
    await eventually(() => page.getByRole('img', { name: /^Foto \d$/ }).count()).toBe(3);
    expect(await page.locator('input[type=file]').isDisabled()).toBe(true);
    expect(await page.getByText('Sudah 3 foto, batas per laporan. Hapus satu untuk menggantinya.').isVisible()).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('button', { name: 'Lanjut' }).click();
  });

  it('shows every contact field\'s limit and refuses a name over it', async () => {
    const page = citizen;
    await eventually(() => page.getByRole('heading', { name: 'Privasi dan kontak' }).isVisible()).toBe(true);
    expect(await page.locator('label[for=name]').textContent()).toBe('Nama (opsional)');
    expect(await page.locator('#phone-count').textContent()).toBe('0/20 karakter');
    expect(await page.locator('#email-count').textContent()).toBe('0/200 karakter');
    await page.getByLabel('Nama').fill('N'.repeat(121));
    expect(await page.locator('#name-count').textContent()).toBe('121/120 karakter: lebih 1');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Nama melebihi batas 120 karakter. Persingkat dulu; tidak ada yang kami potong.');
    await page.getByLabel('Nama').fill('Ujang');
    await page.getByRole('button', { name: 'Lanjut' }).click();
  });

  it('reviews the answers to the category\'s questions and the photos themselves before sending', async () => {
    const page = citizen;
    await eventually(() => page.getByRole('heading', { name: 'Periksa dan kirim' }).isVisible()).toBe(true);
    const facts = page.locator('.report-form dl.facts');
    expect(await facts.textContent()).toContain('Seberapa parah kerusakannya?Berat, membahayakan');
    const thumbs = facts.getByRole('img', { name: /^Foto \d$/ });
    expect(await thumbs.count()).toBe(3);
    await eventually(() => thumbs.last().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Laporan terkirim' }).isVisible()).toBe(true);
    code = (await page.locator('output.code').textContent())!.trim();
    const href = await page.getByRole('link', { name: 'Lihat status laporan' }).getAttribute('href');
    key = new URL(href!, 'http://x').searchParams.get('kunci')!;
    const track = await b.api<{ photos: unknown[]; answers: Record<string, unknown>; location: { districtName: string } }>('GET', `/api/regions/32.11/complaints/track/${code}`);
    expect(track.photos).toHaveLength(3);
    expect(track.answers).toEqual({ tingkat_kerusakan: 'berat' });
    expect(track.location.districtName).toBe('Cimalaka');
    expect(b.problems(page)).toEqual([]);
  });

  it('after a rating still offers to reopen, and says until when', async () => {
    const coordinator = await b.apiSession('koordinator@sumedang.demo');
    const staff = await b.api<{ id: string }[]>('GET', '/api/regions/32.11/inbox', undefined, coordinator);
    const { id } = staff.find((c) => (c as unknown as { trackingCode: string }).trackingCode === code)!;
    const units = await b.api<{ id: string; code: string }[]>('GET', '/api/regions/32.11/units', undefined, coordinator);
    await b.api('POST', `/api/regions/32.11/complaints/${id}/actions`, { action: 'dispatch', unitId: units.find((u) => u.code === 'PUPR')!.id }, coordinator);
    await b.api('POST', `/api/regions/32.11/complaints/${id}/actions`, { action: 'resolve', message: 'Lubang sudah ditambal.' }, coordinator);

    const page = citizen;
    await page.goto(b.url(`/r/32.11/lacak/${code}?kunci=${encodeURIComponent(key)}`));
    await eventually(() => page.getByRole('button', { name: 'Kirim penilaian' }).isVisible()).toBe(true);
    // Resolved on Monday 2 November 2026 at 09:00 WIB: the window of 14 days ends on the 16th, whatever the browser's zone.
    const until = 'Anda masih dapat membuka kembali laporan ini sampai 16 Nov 2026, 09.00 WIB.';
    expect(await page.getByText(until).isVisible()).toBe(true);
    await page.getByRole('radio', { name: '2 dari 5' }).check();
    expect(await page.locator('#rate-comment-count').textContent()).toBe('0/1000 karakter');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await eventually(() => page.locator('.status-line').textContent()).toContain('Ditutup');
    await eventually(() => page.getByText('Penilaian Anda: 2 dari 5').isVisible()).toBe(true);
    // Rated, and still reopenable until the same moment.
    expect(await page.getByText(until).isVisible()).toBe(true);
    await page.getByText('Masalah belum selesai? Buka kembali').click();
    await page.getByLabel('Mengapa laporan perlu dibuka kembali?').fill('Tambalannya sudah lepas lagi.');
    await page.getByRole('button', { name: 'Buka kembali', exact: true }).click();
    await eventually(() => page.getByText('Laporan dibuka kembali dan diteruskan lagi ke petugas.').isVisible()).toBe(true);
    await eventually(() => page.locator('.status-line').textContent()).toContain('Diteruskan ke perangkat daerah');
    // The rating stays in the history.
    expect(await page.locator('.timeline').textContent()).toContain('Nilai 2 dari 5');
    expect(await page.getByText(until).count()).toBe(0);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);
  });
});
