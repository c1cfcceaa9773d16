// A region's own SPBE practice per indicator (`spbe.practices`, shareable in
// the Living Lab) in Chromium, on the demo region's 2025 evaluation: the SPBE
// coordinator writes one on the indicator page (practice, explanation, SOP,
// evidence checklist), has a blank checklist title refused by the API (shown
// next to that item, the form kept as typed), sees it, changes it and removes
// it; the internal assessor reads it without the means to change it. On the
// practices page the framework chosen at first is the one the region is
// evaluated on.
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, eventually, overflowsHorizontally, type ApiSession } from './browser.js';

const R = '/api/regions/32.11/spbe';

interface Practice { framework: string; indicator: string; note: string; explanation: string; sop: string; evidence: { title: string; description: string; kind: string }[]; adoptedFrom: unknown }

describeInBrowser('SPBE practices per indicator in Chromium', (b) => {
  let coordinator: ApiSession;
  let page = '';
  const practices = () => b.api<Practice[]>('GET', `${R}/practices`, undefined, coordinator);

  beforeAll(async () => {
    coordinator = await b.apiSession('spbe@sumedang.demo');
    const evaluations = await b.api<{ id: string; year: number }[]>('GET', `${R}/evaluations`, undefined, coordinator);
    page = `/staff/32.11/spbe/evaluasi/${evaluations.find((e) => e.year === 2025)!.id}/indikator`;
  });

  it('lets the SPBE coordinator write, change and remove the region\'s practice for an indicator', async () => {
    const p = await b.newPage();
    await b.signIn(p, 'spbe@sumedang.demo');
    await p.goto(b.url(`${page}/1`));
    await eventually(() => p.getByText('Daerah ini belum menuliskan praktik untuk indikator ini.').isVisible()).toBe(true);
    await p.getByRole('button', { name: 'Tulis praktik daerah' }).click();
    const form = p.getByRole('form', { name: 'Tulis praktik daerah untuk indikator ini' });
    await form.getByLabel('Praktik: apa yang dilakukan daerah').fill('Kebijakan internal arsitektur SPBE ditetapkan dengan Perbup dan ditinjau tiap tahun.');
    await form.getByLabel('Penjelasan pemenuhan kriteria').fill('Perbup mengatur seluruh domain arsitektur; tim koordinasi meninjaunya setiap tahun.');
    await form.getByLabel('SOP (teks)').fill('1. Tim menyusun rancangan.\n2. Bagian hukum memeriksa.\n3. Bupati menetapkan.');
    await form.getByRole('button', { name: 'Tambah bukti dukung' }).click();
    await form.getByLabel('Bukti dukung 1: judul').fill('Perbup tentang arsitektur SPBE');
    await form.getByLabel('Bukti dukung 1: jenis').selectOption({ label: 'Peraturan / SK' });
    await form.getByLabel('Bukti dukung 1: keterangan').fill('Yang berlaku tahun ini.');
    await form.getByRole('button', { name: 'Tambah bukti dukung' }).click();
    // A title of blanks passes the browser's check but not the API's: the refusal is shown at that item.
    await form.getByLabel('Bukti dukung 2: judul').fill('   ');
    await form.getByRole('button', { name: 'Simpan praktik' }).click();
    await eventually(() => form.getByRole('alert').textContent()).toBe('Data yang dikirim tidak valid.');
    const second = form.getByLabel('Bukti dukung 2: judul');
    expect(await second.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Bukti dukung 1: judul').getAttribute('aria-invalid')).toBeNull();
    expect(await form.locator('#own-evidence-1-title-problem').textContent()).toBe('Terlalu kecil atau pendek: paling sedikit 1.');
    expect(await form.getByLabel('SOP (teks)').inputValue()).toContain('3. Bupati menetapkan.'); // kept as typed
    expect(await practices()).toHaveLength(1); // only the demo's indicator 44

    await second.fill('Notulen rapat tinjauan arsitektur');
    await form.getByLabel('Bukti dukung 2: jenis').selectOption({ label: 'Notulen / berita acara' });
    await form.getByRole('button', { name: 'Simpan praktik' }).click();
    await eventually(() => p.getByText('Praktik daerah disimpan.').isVisible()).toBe(true);
    const card = p.locator('section.adopted-practice');
    await eventually(() => card.textContent()).toContain('Kebijakan internal arsitektur SPBE ditetapkan dengan Perbup');
    expect(await card.getByRole('heading', { name: 'Praktik daerah untuk indikator ini' }).isVisible()).toBe(true);
    expect(await card.locator('.checklist li').allTextContents()).toEqual([
      'Perbup tentang arsitektur SPBE Peraturan / SKYang berlaku tahun ini.', 'Notulen rapat tinjauan arsitektur Notulen / berita acara',
    ]);
    const written = (await practices()).find((x) => x.indicator === '1');
    expect(written).toMatchObject({
      note: 'Kebijakan internal arsitektur SPBE ditetapkan dengan Perbup dan ditinjau tiap tahun.', sop: '1. Tim menyusun rancangan.\n2. Bagian hukum memeriksa.\n3. Bupati menetapkan.', adoptedFrom: null,
      evidence: [{ title: 'Perbup tentang arsitektur SPBE', description: 'Yang berlaku tahun ini.', kind: 'regulation' }, { title: 'Notulen rapat tinjauan arsitektur', description: '', kind: 'minutes' }],
    });

    // Change it: a new note, one checklist item fewer.
    await p.getByRole('button', { name: 'Ubah praktik' }).click();
    const edit = p.getByRole('form', { name: 'Ubah praktik daerah untuk indikator ini' });
    expect(await edit.getByLabel('Bukti dukung 2: judul').inputValue()).toBe('Notulen rapat tinjauan arsitektur');
    await edit.getByLabel('Praktik: apa yang dilakukan daerah').fill('Arsitektur SPBE ditetapkan dengan Perbup, ditinjau tiap tahun oleh tim koordinasi.');
    await edit.getByRole('button', { name: 'Hapus bukti dukung 2' }).click();
    await edit.getByRole('button', { name: 'Simpan praktik' }).click();
    await eventually(() => card.textContent()).toContain('ditinjau tiap tahun oleh tim koordinasi');
    expect(await card.locator('.checklist li').count()).toBe(1);
    expect((await practices()).find((x) => x.indicator === '1')?.evidence).toHaveLength(1);
    expect(await overflowsHorizontally(p)).toBe(false);
    expect(b.problems(p)).toEqual([]);

    // The internal assessor reads it: no way to change it.
    const assessor = await b.newPage();
    await b.signIn(assessor, 'inspektorat@sumedang.demo');
    await assessor.goto(b.url(`${page}/1`));
    await eventually(() => assessor.locator('section.adopted-practice').textContent()).toContain('ditinjau tiap tahun oleh tim koordinasi');
    expect(await assessor.getByRole('button', { name: 'Ubah praktik' }).count()).toBe(0);
    expect(await assessor.getByRole('button', { name: 'Hapus praktik' }).count()).toBe(0);

    // The coordinator removes it, after confirming.
    await p.getByRole('button', { name: 'Hapus praktik' }).click();
    await p.getByRole('button', { name: 'Ya, hapus' }).click();
    await eventually(() => p.getByText('Praktik daerah dihapus.').isVisible()).toBe(true);
    await eventually(() => p.getByText('Daerah ini belum menuliskan praktik untuk indikator ini.').isVisible()).toBe(true);
    expect((await practices()).map((x) => x.indicator)).toEqual(['44']);
  });

  it('opens the demo\'s written practice (indicator 44) for changing, its SOP and checklist filled in', async () => {
    const p = await b.newPage();
    await b.signIn(p, 'spbe@sumedang.demo');
    await p.goto(b.url(`${page}/44`));
    await eventually(() => p.getByRole('button', { name: 'Ubah praktik' }).isVisible()).toBe(true);
    await p.getByRole('button', { name: 'Ubah praktik' }).click();
    const edit = p.getByRole('form', { name: 'Ubah praktik daerah untuk indikator ini' });
    expect(await edit.getByLabel('SOP (teks)').inputValue()).toContain('1. Petugas verifikasi memeriksa laporan dalam 1 hari kerja.');
    expect(await edit.getByLabel('Bukti dukung 4: judul').inputValue()).toBe('Tangkapan layar kanal pengaduan daring');
    expect(await edit.getByLabel('Bukti dukung 2: jenis').inputValue()).toBe('sop');
  });

  it('lists the region\'s practices on their own page, where the coordinator writes one for any indicator without an evaluation', async () => {
    const p = await b.newPage();
    await b.signIn(p, 'spbe@sumedang.demo');
    await eventually(() => p.getByRole('link', { name: 'Praktik daerah per indikator' }).isVisible()).toBe(true);
    await p.getByRole('link', { name: 'Praktik daerah per indikator' }).click();
    await eventually(() => p.getByRole('heading', { name: 'Praktik daerah per indikator', level: 1 }).isVisible()).toBe(true);
    expect(p.url()).toBe(b.url('/staff/32.11/spbe/praktik'));
    const list = p.getByRole('list', { name: 'Praktik daerah per indikator' });
    await eventually(() => list.locator('li').count()).toBe(1);
    expect(await list.locator('li').first().textContent()).toContain('4 bukti dukung');

    // The choice starts on the framework of the region's evaluation (59/2020), not the first active one (PEMDI 2026).
    const framework = p.getByLabel('Kerangka evaluasi', { exact: true });
    await eventually(() => framework.locator('option:checked').textContent()).toBe('Evaluasi SPBE (PermenPANRB 59/2020) — versi 1');
    expect(await framework.locator('option').first().textContent()).not.toBe('Evaluasi SPBE (PermenPANRB 59/2020) — versi 1');
    await p.getByLabel('Indikator', { exact: true }).selectOption({ value: '3' });
    await p.getByRole('button', { name: 'Tulis praktik daerah' }).click();
    const form = p.getByRole('form', { name: 'Tulis praktik daerah untuk indikator ini' });
    await form.getByLabel('Praktik: apa yang dilakukan daerah').fill('Peta rencana SPBE lima tahun disusun bersama Bappeda.');
    await form.getByRole('button', { name: 'Tambah bukti dukung' }).click();
    await form.getByLabel('Bukti dukung 1: judul').fill('Dokumen peta rencana SPBE');
    await form.getByRole('button', { name: 'Simpan praktik' }).click();
    await eventually(() => p.getByText('Praktik daerah disimpan.').isVisible()).toBe(true);
    await eventually(() => list.locator('li').count()).toBe(2);
    expect(await list.locator('li[data-indicator="spbe-2020/3"]').textContent()).toContain('Peta rencana SPBE lima tahun disusun bersama Bappeda.1 bukti dukung');
    expect((await practices()).map((x) => x.indicator)).toEqual(['3', '44']);

    // The demo's practice opens for changing from the list.
    await list.locator('li[data-indicator="spbe-2020/44"]').getByRole('button', { name: /^Buka praktik/ }).click();
    await eventually(() => p.getByLabel('Indikator', { exact: true }).inputValue()).toBe('44');
    expect(await p.getByRole('button', { name: 'Ubah praktik' }).isVisible()).toBe(true);
    expect(await overflowsHorizontally(p)).toBe(false);
    expect(b.problems(p)).toEqual([]);

    // Another SPBE role reads the list only.
    const officer = await b.newPage();
    await b.signIn(officer, 'inspektorat@sumedang.demo');
    await officer.goto(b.url('/staff/32.11/spbe/praktik'));
    await eventually(() => officer.getByRole('list', { name: 'Praktik daerah per indikator' }).locator('li').count()).toBe(2);
    expect(await officer.getByRole('heading', { name: 'Tulis atau ubah praktik untuk indikator' }).count()).toBe(0);
    expect(await officer.getByRole('button', { name: /^Buka praktik/ }).count()).toBe(0);
  });
});
