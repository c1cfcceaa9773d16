// The SAKIP indicator library (`sakip.indicators`, shareable in the Living
// Lab) in Chromium, on the demo region: the SAKIP coordinator finds it in the
// SAKIP menu, adds an indicator, sees it listed, has a blank name refused by
// the API (shown next to the field, the form kept as typed), changes it, and
// removes it; a unit planner reads the library without the means to change it,
// and takes an entry from it when adding an indicator to its draft Renstra.
import { expect, it } from 'vitest';
import { describeInBrowser, eventually, overflowsHorizontally } from './browser.js';

const LIB = '/api/regions/32.11/sakip/indicator-library';

const R = '/api/regions/32.11';

interface Entry { code: string; name: string; level: string; measure: string; polarity: string; aggregation: string; definition: string; adoptedFrom: unknown }

describeInBrowser('SAKIP indicator library in Chromium', (b) => {
  it('lets the coordinator add, change and remove library indicators, showing the API\'s refusals', async () => {
    const page = await b.newPage();
    await b.signIn(page, 'sakip@sumedang.demo');
    await eventually(() => page.url()).toBe(b.url('/staff/32.11/sakip'));
    await page.getByRole('navigation', { name: 'Menu SAKIP' }).getByRole('link', { name: 'Katalog indikator' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Katalog indikator kinerja' }).isVisible()).toBe(true);
    expect(page.url()).toBe(b.url('/staff/32.11/sakip/katalog-indikator'));
    // The demo's own definitions are listed, with what they measure.
    await eventually(() => page.locator('li[data-code="IKD-STUNTING"]').textContent()).toContain('Prevalensi stunting pada balita');
    expect(await page.locator('li[data-code="IKD-STUNTING"]').textContent()).toContain('Sasaran · Semakin rendah semakin baik · %');

    // A new indicator through the form.
    await page.getByRole('button', { name: 'Tambah indikator ke katalog' }).click();
    const form = page.getByRole('form', { name: 'Indikator katalog baru' });
    await form.getByLabel('Kode').fill('IKU-PEL.01');
    await form.getByLabel('Nama indikator').fill('Persentase pengaduan selesai tepat waktu');
    await form.getByLabel('Tingkat yang diukur').selectOption({ label: 'Sasaran' });
    await form.getByLabel('Definisi operasional').fill('Pengaduan yang selesai dalam batas waktu layanan dibagi seluruh pengaduan.');
    await form.getByLabel('Satuan').fill('%');
    await form.getByLabel('Penggabungan periode').selectOption({ label: 'Rata-rata' });
    await form.getByRole('button', { name: 'Simpan' }).click();
    await eventually(() => page.getByText('Indikator IKU-PEL.01 ditambahkan ke katalog.').isVisible()).toBe(true);
    const item = page.locator('li[data-code="IKU-PEL.01"]');
    await eventually(() => item.textContent()).toContain('Persentase pengaduan selesai tepat waktu');
    expect(await item.textContent()).toContain('Sasaran · Semakin tinggi semakin baik · %');
    const read = async () => (await b.api<Entry[]>('GET', LIB, undefined, await b.apiSession('sakip@sumedang.demo'))).find((e) => e.code === 'IKU-PEL.01');
    let saved = await read();
    expect(saved).toMatchObject({ code: 'IKU-PEL.01', name: 'Persentase pengaduan selesai tepat waktu', level: 'target', measure: '%', aggregation: 'average', polarity: 'higher_is_better', adoptedFrom: null });

    // The same code again is caught before it would overwrite the entry.
    await page.getByRole('button', { name: 'Tambah indikator ke katalog' }).click();
    const again = page.getByRole('form', { name: 'Indikator katalog baru' });
    await again.getByLabel('Kode').fill('IKU-PEL.01');
    await again.getByLabel('Nama indikator').fill('Lain');
    await again.getByRole('button', { name: 'Simpan' }).click();
    await eventually(() => again.getByRole('alert').textContent()).toBe('Kode IKU-PEL.01 sudah ada di katalog; ubah indikator itu.');
    await again.getByRole('button', { name: 'Batal' }).click();

    // Change it: a name of blanks passes the browser but not the API, which says so by the field.
    await item.getByRole('button', { name: 'Ubah indikator IKU-PEL.01' }).click();
    const edit = page.getByRole('form', { name: 'Ubah indikator katalog IKU-PEL.01' });
    expect(await edit.getByLabel('Kode').isDisabled()).toBe(true);
    expect(await edit.getByLabel('Satuan').inputValue()).toBe('%');
    await edit.getByLabel('Nama indikator').fill('   ');
    await edit.getByLabel('Rumus').fill('(selesai tepat waktu / seluruh pengaduan) × 100');
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await eventually(() => edit.getByRole('alert').textContent()).toBe('Data yang dikirim tidak valid.');
    const name = edit.getByLabel('Nama indikator');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await edit.locator('.field-problem').textContent()).toBe('Terlalu kecil atau pendek: paling sedikit 1.');
    expect(await edit.getByLabel('Rumus').inputValue()).toBe('(selesai tepat waktu / seluruh pengaduan) × 100'); // kept as typed
    saved = await read();
    expect(saved?.name).toBe('Persentase pengaduan selesai tepat waktu'); // nothing written
    await name.fill('Persentase pengaduan warga selesai tepat waktu');
    await edit.getByLabel('Arah').selectOption({ label: 'Semakin rendah semakin baik' });
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await eventually(() => page.getByText('Indikator IKU-PEL.01 disimpan.').isVisible()).toBe(true);
    await eventually(() => item.textContent()).toContain('Persentase pengaduan warga selesai tepat waktu');
    expect(await item.textContent()).toContain('Semakin rendah semakin baik');
    expect(await item.textContent()).toContain('Rumus: (selesai tepat waktu / seluruh pengaduan) × 100');
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);

    // A unit planner reads the library: no form, no buttons.
    const planner = await b.newPage();
    await b.signIn(planner, 'perencana.dinkes@sumedang.demo');
    await planner.goto(b.url('/staff/32.11/sakip/katalog-indikator'));
    await eventually(() => planner.locator('li[data-code="IKU-PEL.01"]').textContent()).toContain('Persentase pengaduan warga selesai tepat waktu');
    expect(await planner.getByText('Hanya koordinator SAKIP yang dapat menambah, mengubah atau menghapus indikator katalog.').isVisible()).toBe(true);
    expect(await planner.getByRole('button', { name: 'Tambah indikator ke katalog' }).count()).toBe(0);
    expect(await planner.getByRole('button', { name: 'Ubah indikator IKU-PEL.01' }).count()).toBe(0);

    // The coordinator removes it, after confirming.
    await item.getByRole('button', { name: 'Hapus' }).click();
    await item.getByRole('button', { name: 'Ya, hapus' }).click();
    await eventually(() => page.getByText('Indikator IKU-PEL.01 dihapus dari katalog.').isVisible()).toBe(true);
    await eventually(() => item.count()).toBe(0);
    expect(await read()).toBeUndefined();
    expect(await page.locator('li[data-code="IKD-STUNTING"]').count()).toBe(1);
  });

  it('lets a unit planner add an indicator to its plan from a library entry, the fields filled in and still editable', async () => {
    const planner = await b.apiSession('perencana.dinkes@sumedang.demo');
    const units = await b.api<{ id: string; code: string }[]>('GET', `${R}/units`, undefined, planner);
    const plan = await b.api<{ id: string }>('POST', `${R}/sakip/plans`, { kind: 'renstra', unitId: units.find((u) => u.code === 'DINKES')!.id, startYear: 2035, title: 'Renstra Dinas Kesehatan 2035–2039' }, planner);
    const P = `${R}/sakip/plans/${plan.id}`;
    const goal = await b.api<{ id: string }>('POST', `${P}/nodes`, { parentId: null, kind: 'goal', title: 'Meningkatnya derajat kesehatan masyarakat' }, planner);
    await b.api('POST', `${P}/nodes`, { parentId: goal.id, kind: 'target', title: 'Menurunnya stunting' }, planner);

    const page = await b.newPage();
    await b.signIn(page, 'perencana.dinkes@sumedang.demo');
    await page.goto(b.url(`/staff/32.11/sakip/rencana/${plan.id}`));
    const target = page.locator('.sakip-node.kind-target', { hasText: 'Menurunnya stunting' });
    await eventually(() => target.isVisible()).toBe(true);
    await target.getByRole('button', { name: 'Tambah indikator' }).click();
    const form = page.getByRole('form', { name: 'Indikator baru' });
    const pick = form.getByLabel('Ambil dari katalog indikator');
    await eventually(() => pick.locator('option').count()).toBeGreaterThan(1);
    // The entries measuring a target come first.
    expect(await pick.locator('option').nth(1).textContent()).toMatch(/\(Sasaran\)$/);
    await pick.selectOption('IKD-STUNTING');
    expect(await form.getByLabel('Nama indikator').inputValue()).toBe('Prevalensi stunting pada balita');
    expect(await form.getByLabel('Definisi operasional').inputValue()).toContain('di bawah −2 SD standar WHO');
    expect(await form.getByLabel('Rumus').inputValue()).toBe('Jumlah balita stunting ÷ jumlah balita yang diukur × 100');
    expect(await form.getByLabel('Satuan').inputValue()).toBe('%');
    expect(await form.getByLabel('Arah').inputValue()).toBe('lower_is_better');
    expect(await form.getByText('Diisi dari katalog: IKD-STUNTING.').isVisible()).toBe(true);
    // Still the planner's to change before saving.
    await form.getByLabel('Sumber data').fill('e-PPGBM Dinas Kesehatan');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await eventually(() => page.getByRole('link', { name: 'Prevalensi stunting pada balita' }).isVisible()).toBe(true);
    expect(b.problems(page)).toEqual([]);

    const tree = await b.api<unknown>('GET', `${P}/tree`, undefined, planner);
    expect(findIndicator(tree, 'Prevalensi stunting pada balita')).toMatchObject({
      measure: '%', polarity: 'lower_is_better', targetType: 'single', aggregation: 'last', allowsNegative: false,
      formula: 'Jumlah balita stunting ÷ jumlah balita yang diukur × 100', dataSource: 'e-PPGBM Dinas Kesehatan',
    });
  });
});

/** The indicator of that name anywhere in a plan's tree. */
function findIndicator(tree: unknown, name: string): Record<string, unknown> | undefined {
  if (Array.isArray(tree)) return tree.map((x) => findIndicator(x, name)).find(Boolean);
  if (!tree || typeof tree !== 'object') return undefined;
  const o = tree as Record<string, unknown>;
  if (o.name === name && 'polarity' in o) return o;
  return Object.values(o).map((v) => findIndicator(v, name)).find(Boolean);
}
