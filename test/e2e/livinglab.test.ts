// The Living Lab in Chromium, on the demo: anyone on a phone searches the
// public catalogue by a word of a solution's description and opens its page;
// Sumedang's Living Lab officer drafts an application, publishes it, and the
// public catalogue then finds it, and drafts a package of two of its
// complaint categories; another region's officer previews adopting
// Sumedang's published complaint categories, maps a unit the suggestion
// missed, adopts, and the categories are its region's; then rates them, the
// public page shows the average and the review, and the province's curator
// hides the review and features a solution, which the catalogue lists first.
// An SPBE coordinator follows a leading practice to its solution and mentor.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { users, units } from '../../src/platform/schema.js';
import { createUser, grantRole } from '../../src/platform/auth/service.js';
import { enableRegion } from '../../src/platform/regions/service.js';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE } from './browser.js';

describeInBrowser('Living Lab in Chromium', (b) => {
  it('finds the demo application by a word of its description and shows its page', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await page.goto(b.url('/livinglab'));
    await eventually(() => page.getByRole('heading', { name: 'Living Lab: katalog solusi daerah' }).isVisible()).toBe(true);
    await eventually(() => page.locator('.livinglab-list li').count()).toBeGreaterThan(0);
    // A word only its description holds ("pemasangan": installing).
    await page.getByLabel('Cari solusi').fill('pemasangan');
    await page.getByRole('button', { name: 'Cari' }).click();
    await eventually(() => page.locator('.livinglab-list li').count()).toBe(1);
    const item = page.locator('.livinglab-list li');
    expect(await item.textContent()).toContain('Kabupaten Sumedang');
    expect(await item.textContent()).toContain('Aplikasi');
    expect(await item.textContent()).toContain('0 pengadopsi');
    expect(await page.getByRole('link', { name: 'CSV' }).getAttribute('href')).toBe('/api/livinglab/catalogue.csv');
    // Filters: an application of government administration, not a public service.
    await page.getByText('Saring').click();
    await page.getByLabel('Jenis').selectOption('application');
    await page.getByLabel('Domain layanan').selectOption('publik');
    await page.getByRole('button', { name: 'Cari' }).click();
    await eventually(() => page.getByText('Tidak ada solusi yang cocok.').isVisible()).toBe(true);
    await page.getByLabel('Domain layanan').selectOption('administrasi');
    await page.getByLabel('Provinsi').selectOption('32');
    await page.getByRole('button', { name: 'Cari' }).click();
    await eventually(() => page.locator('.livinglab-list li').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('domain')).toBe('administrasi');

    await page.getByRole('link', { name: 'Aplikasi absensi desa berbasis ponsel' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Aplikasi absensi desa berbasis ponsel' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(expect.arrayContaining(['Tentang aplikasi', 'Pendamping', 'Versi dan catatan perubahan', 'Daerah pengadopsi']));
    expect(await page.locator('.livinglab-facts').textContent()).toContain('AGPL-3.0-or-later');
    expect(await page.getByText('Belum ada daerah yang mengadopsi.').isVisible()).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);
  });

  it('takes an SPBE coordinator from a leading practice to its Living Lab solution and mentor', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'spbe@sumedang.demo');
    await page.goto(b.url('/staff/32.11/spbe/belajar?kerangka=spbe-2020&indikator=44'));
    await eventually(() => page.getByText('Pendamping: Koordinator SPBE Sumedang (spbe@sumedang.demo)').first().isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Lihat di katalog Living Lab' }).first().click();
    await eventually(() => page.locator('.livinglab-list li').count()).toBe(1);
    expect(await page.locator('.livinglab-list li').textContent()).toContain('Praktik SPBE: pengaduan warga terpadu');
    expect(new URL(page.url()).searchParams.get('tag')).toBe('spbe.indicator:spbe-2020/44');
    expect(b.problems(page)).toEqual([]);
  });

  it('lets the officer of 32.11 draft an application and publish it, and the public catalogue finds it', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'livinglab@sumedang.demo');
    await eventually(() => page.getByRole('heading', { name: 'Living Lab', exact: true }).isVisible()).toBe(true);
    expect(page.url()).toContain('/staff/32.11/livinglab');
    await eventually(() => page.getByText('Aplikasi persuratan dinas (draf)').isVisible()).toBe(true);

    await page.getByLabel('Judul', { exact: true }).fill('Aplikasi antrean puskesmas');
    await page.getByLabel('Ringkasan').fill('Antrean puskesmas dari ponsel warga.');
    await page.getByLabel('Uraian').fill('Warga mengambil nomor antrean poli dari ponsel dan menerima pemberitahuan menjelang gilirannya.');
    await page.getByLabel('Perangkat daerah pemilik').fill('Dinas Kesehatan');
    await page.getByLabel('Kegunaan').fill('Antrean pasien puskesmas');
    await page.getByRole('button', { name: 'Buat draf' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Aplikasi antrean puskesmas' }).isVisible()).toBe(true);
    expect(page.url()).toMatch(/\/staff\/32\.11\/livinglab\/solusi\/[0-9a-f-]{36}$/);

    await page.getByLabel('Catatan perubahan').fill('Versi pertama.');
    await page.getByRole('button', { name: 'Terbitkan versi baru' }).click();
    await eventually(() => page.getByText('Diterbitkan sebagai versi 1.').isVisible()).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);

    const citizen = await b.newPage({ viewport: PHONE });
    await citizen.goto(b.url('/livinglab?q=gilirannya'));
    await eventually(() => citizen.locator('.livinglab-list li').count()).toBe(1);
    await citizen.getByRole('link', { name: 'Aplikasi antrean puskesmas' }).click();
    await eventually(() => citizen.getByText('Dinas Kesehatan').isVisible()).toBe(true);
    expect(await citizen.locator('.livinglab-versions').textContent()).toContain('Versi pertama.');

    // A package: the module's package kind from the region's offer, two of its candidates.
    await page.goto(b.url('/staff/32.11/livinglab'));
    await page.getByLabel('Paket konfigurasi Pamong').check();
    await page.getByLabel('Jenis paket').selectOption({ label: 'Kategori pengaduan' });
    await page.getByLabel('Jalan rusak atau berlubang').check();
    await page.getByLabel('Sampah menumpuk').check();
    await page.getByLabel('Judul', { exact: true }).fill('Dua kategori pengaduan');
    await page.getByRole('button', { name: 'Buat draf' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Dua kategori pengaduan' }).isVisible()).toBe(true);
    expect(await page.getByText('Paket bila diterbitkan sekarang: 2 kategori', { exact: false }).isVisible()).toBe(true);

    // A package file from elsewhere: read in the browser, refused in words when it is not one.
    await page.goto(b.url('/staff/32.11/livinglab/impor'));
    await page.getByLabel('Berkas paket (.json)').setInputFiles({ name: 'rusak.json', mimeType: 'application/json', buffer: Buffer.from('{bukan json') });
    await eventually(() => page.getByRole('alert').textContent()).toBe('Berkas ini bukan JSON yang sah.');
    await page.getByLabel('Berkas paket (.json)').setInputFiles({ name: 'lain.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"lain"}') });
    await eventually(() => page.getByRole('alert').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^Adopsi/ }).count()).toBe(0);
    expect(b.problems(page)).toEqual([]);
  });

  it('lets another region\'s officer preview Sumedang\'s complaint categories, map a unit and adopt them', async () => {
    const TARGET = '32.73';
    await b.ctx.database.db.transaction(async (tx) => {
      await enableRegion(tx, TARGET);
      for (const [code, name] of [['DBM', 'Dinas Bina Marga dan Sumber Daya Air'], ['DLH', 'Dinas Lingkungan Hidup Kota Bandung'], ['DISHUB', 'Dinas Perhubungan Kota Bandung'], ['DINKES', 'Dinas Kesehatan Kota Bandung'], ['DPMPTSP', 'DPMPTSP Kota Bandung'], ['DISDIK', 'Dinas Pendidikan Kota Bandung']]) {
        await tx.insert(units).values({ regionCode: TARGET, code, name });
      }
      // The demo password's hash, from the demo admin's account.
      const [hash] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(sql`lower(${users.email}) = 'admin@sumedang.demo'`);
      const id = await createUser(tx, { email: 'livinglab@bandung.test', name: 'Living Lab Kota Bandung', passwordHash: hash.passwordHash ?? undefined });
      await grantRole(tx, TARGET, id, 'livinglab_officer', null);
    });
    const { items } = await b.api<{ items: { id: string; title: string }[] }>('GET', '/api/livinglab/solutions?module=complaints');
    const source = items[0];
    expect(await b.api<unknown[]>('GET', `/api/regions/${TARGET}/categories`)).toEqual([]);

    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'livinglab@bandung.test');
    await page.goto(b.url(`/livinglab/${source.id}`));
    await page.getByRole('link', { name: 'Adopsi', exact: true }).click();
    await eventually(() => page.getByRole('heading', { name: `Adopsi: ${source.title}` }).isVisible()).toBe(true);
    expect(page.url()).toContain(`/staff/${TARGET}/livinglab/adopsi/${source.id}`);
    // Sumedang's public works unit has no namesake here: no suggestion; the officer maps it.
    const pupr = page.getByLabel(/\(PUPR\)/);
    expect(await pupr.inputValue()).toBe('');
    expect(await page.getByLabel(/\(DLH\)/).locator('option:checked').textContent()).toBe('Dinas Lingkungan Hidup Kota Bandung');
    const lines = await page.locator('.livinglab-diff tbody tr.add').count();
    expect(lines).toBeGreaterThan(0);
    expect(await page.locator('.livinglab-diff tbody tr.add input:checked').count()).toBe(lines);
    // A change of mapping previews again, with it.
    const again = page.waitForRequest((r) => r.url().endsWith(`/api/regions/${TARGET}/livinglab/adoptions/preview`) && !!(r.postDataJSON() as { unitMap: Record<string, string> }).unitMap.PUPR);
    await pupr.selectOption({ label: 'Dinas Bina Marga dan Sumber Daya Air' });
    await again;
    await page.getByRole('button', { name: /^Adopsi \d+ baris terpilih$/ }).click();
    await eventually(() => page.getByText(/^Selesai: \d+ hal diterapkan/).isVisible()).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);

    const adopted = await b.api<{ code: string }[]>('GET', `/api/regions/${TARGET}/categories`);
    expect(adopted.map((c) => c.code)).toContain('jalan-rusak');
    await page.goto(b.url(`/staff/${TARGET}/livinglab`));
    await eventually(() => page.getByRole('link', { name: source.title }).isVisible()).toBe(true);
  });
  it('lets the adopting officer rate the solution and the province\'s curator hide the review and feature a solution', async () => {
    const { items } = await b.api<{ items: { id: string; title: string }[] }>('GET', '/api/livinglab/solutions?module=complaints');
    const source = items[0];
    const review = 'Kategori langsung terpakai; tenggatnya perlu disesuaikan.';
    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'livinglab@bandung.test');
    await page.goto(b.url(`/livinglab/${source.id}`));
    await eventually(() => page.getByRole('heading', { name: 'Nilai solusi ini' }).isVisible()).toBe(true);
    for (const [aspect, mark] of [['Kecocokan', '4'], ['Kemudahan', '5'], ['Kestabilan', '4'], ['Dukungan', '3'], ['Dokumentasi', '4']]) {
      await page.getByLabel(aspect, { exact: true }).selectOption(mark);
    }
    await page.getByLabel('Ulasan').fill(review);
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await eventually(() => page.getByText('Penilaian Anda tersimpan.').isVisible()).toBe(true);
    expect(b.problems(page)).toEqual([]);

    const citizen = await b.newPage({ viewport: PHONE });
    await citizen.goto(b.url(`/livinglab/${source.id}`));
    const averages = citizen.getByRole('table', { name: 'Rata-rata dari 1 penilaian (1–5)' });
    await eventually(() => averages.isVisible()).toBe(true);
    expect(await averages.getByRole('row', { name: /Dukungan/ }).textContent()).toBe('Dukungan3');
    expect(await citizen.getByText(review).isVisible()).toBe(true);
    expect(await citizen.locator('.livinglab-reviews').textContent()).toContain('Kota Bandung');
    // Figures before and after, per adopting region, under their caveat.
    expect(await citizen.getByRole('note').isVisible()).toBe(true);
    const figures = citizen.getByRole('table', { name: /^Kota Bandung: mengadopsi versi \d+ pada / });
    await eventually(() => figures.isVisible()).toBe(true);
    expect(await figures.getByRole('columnheader').allTextContents()).toEqual(['Ukuran', 'Sebelum', 'Sesudah']);
    expect(await figures.textContent()).toContain('belum ada periode penuh');
    expect(await citizen.getByRole('button', { name: 'Sembunyikan ulasan' }).count()).toBe(0);
    expect(await overflowsHorizontally(citizen)).toBe(false);

    // Sumedang's officer answers the review; the public reads the answer.
    const owner = await b.newPage({ viewport: PHONE });
    await b.signIn(owner, 'livinglab@sumedang.demo');
    await owner.goto(b.url(`/livinglab/${source.id}`));
    await owner.getByText('Jawab ulasan').click();
    await owner.getByLabel('Jawaban', { exact: true }).fill('Terima kasih; tenggat dapat diubah di pengaturan.');
    await owner.getByRole('button', { name: 'Kirim jawaban' }).click();
    await citizen.reload();
    await eventually(() => citizen.getByText('Terima kasih; tenggat dapat diubah di pengaturan.').isVisible()).toBe(true);
    expect(await citizen.locator('.livinglab-answer').textContent()).toContain('Jawaban Kabupaten Sumedang:');
    expect(b.problems(owner)).toEqual([]);

    // The curator of Jawa Barat lands on the curation screen of the province.
    const curator = await b.newPage({ viewport: PHONE });
    await b.signIn(curator, 'kurator@jabarprov.demo');
    await eventually(() => curator.getByRole('heading', { name: 'Kurasi Living Lab' }).isVisible()).toBe(true);
    expect(curator.url()).toContain('/staff/32/livinglab/kurasi');
    await curator.goto(b.url(`/livinglab/${source.id}`));
    await curator.getByText('Moderasi ulasan').click();
    await curator.getByLabel('Alasan menyembunyikan').fill('Uji moderasi.');
    await curator.getByRole('button', { name: 'Sembunyikan ulasan' }).click();
    await eventually(() => curator.getByText('Belum ada penilaian.').isVisible()).toBe(true);
    await citizen.reload();
    await eventually(() => citizen.getByText('Belum ada penilaian.').isVisible()).toBe(true);
    expect(await citizen.getByText(review).count()).toBe(0);

    // Featuring the officer's new application: the catalogue lists it first, with its badge.
    const title = 'Aplikasi antrean puskesmas';
    await citizen.goto(b.url('/livinglab'));
    await eventually(() => citizen.locator('.livinglab-list li').count()).toBeGreaterThan(1);
    expect(await citizen.locator('.livinglab-list li').first().textContent()).not.toContain(title);
    await curator.goto(b.url('/staff/32/livinglab/kurasi'));
    const item = curator.locator('.livinglab-curation > li').filter({ hasText: title });
    await item.getByText('Kurasi', { exact: true }).click();
    await item.getByLabel('Unggulan').check();
    await item.getByRole('button', { name: 'Simpan kurasi' }).click();
    await eventually(() => item.getByText('Kurasi disimpan.').isVisible()).toBe(true);
    // The hidden review is listed under "Disembunyikan", and shown again from there.
    await curator.getByRole('button', { name: 'Tampilkan lagi ulasan Kota Bandung' }).click();
    await eventually(() => curator.getByText('Tidak ada solusi atau ulasan yang disembunyikan.').isVisible()).toBe(true);
    expect(b.problems(curator)).toEqual([]);
    await citizen.reload();
    await eventually(() => citizen.locator('.livinglab-list li').first().textContent()).toContain(title);
    expect(await citizen.locator('.livinglab-list li').first().locator('.livinglab-badge').textContent()).toBe('Unggulan');
    await citizen.goto(b.url(`/livinglab/${source.id}`));
    await eventually(() => citizen.getByText(review).isVisible()).toBe(true);
    expect(b.problems(citizen)).toEqual([]);
  });
});
