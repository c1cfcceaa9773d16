// Budgets and efficiency in Chromium, on the demo region: the health office's
// planner on a phone opens a sub-activity's budget, enters a quarter's ceiling
// and spending in Indonesian notation and sees its absorption, is told in
// words when a figure is negative, reads 2025's quarters with their
// efficiency in the region's colours, and sets an indicator's action-plan
// target; another unit's planner reads without the form; the overview shows
// each efficiency category, and a unit's targets from its row, still in focus
// when the year or the period changes; the overview narrowed to a quarter
// shows that quarter's figures.
import { expect, it } from 'vitest';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE } from './browser.js';

const DESKTOP = { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false };
const SUB_ACTIVITY = 'Pengelolaan Pelayanan Kesehatan Ibu Hamil';

describeInBrowser('e-SAKIP budgets in Chromium', (b) => {
  async function openPlan(page: Awaited<ReturnType<typeof b.newPage>>, year: string) {
    await page.getByRole('link', { name: 'Renstra Dinas Kesehatan 2025–2029' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Renstra Dinas Kesehatan 2025–2029' }).isVisible()).toBe(true);
    await page.getByLabel('Tahun capaian').selectOption(year);
    const node = page.locator('li.sakip-node.kind-sub_activity', { hasText: SUB_ACTIVITY });
    await node.locator('summary', { hasText: `Anggaran ${year}` }).click();
    return node;
  }

  it('lets the health office\'s planner on a phone enter a quarter\'s budget, refuses a negative one in words, and shows 2025\'s efficiency in colour', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'perencana.dinkes@sumedang.demo');
    await eventually(() => page.getByRole('heading', { name: 'Akuntabilitas kinerja (SAKIP)' }).isVisible()).toBe(true);
    const node = await openPlan(page, '2026');
    const form = node.getByRole('form', { name: 'Isi pagu dan realisasi anggaran' });
    await eventually(() => form.isVisible()).toBe(true);
    expect(await form.getByLabel('Triwulan').inputValue()).toBe('2026-Q1');
    await form.getByLabel('Pagu (Rp)').fill('1.187.500.000');
    await form.getByLabel('Realisasi anggaran (Rp)').fill('-5');
    await form.getByRole('button', { name: 'Simpan anggaran' }).click();
    await eventually(() => form.getByRole('alert').textContent()).toContain('tidak boleh negatif');

    await form.getByLabel('Realisasi anggaran (Rp)').fill('950.000.000');
    await form.getByRole('button', { name: 'Simpan anggaran' }).click();
    await eventually(() => form.getByText('Anggaran disimpan.').isVisible()).toBe(true);
    const q1 = node.locator('tr[data-period="2026-Q1"]');
    await eventually(() => q1.textContent()).toContain('Rp1.187.500.000');
    // 950 000 000 / 1 187 500 000 = 80 %; no action-plan target for the quarter yet, so no achievement to judge.
    expect(await q1.textContent()).toContain('80,00 %');
    expect(await q1.textContent()).toContain('Belum ada capaian');
    expect(await overflowsHorizontally(page)).toBe(false);

    // 2025: the demo's quarters, each judged against its action-plan targets, in the region's traffic-light colours.
    await page.getByLabel('Tahun capaian').selectOption('2025');
    await node.locator('summary', { hasText: 'Anggaran 2025' }).click();
    const first = node.locator('tr[data-period="2025-Q1"]');
    await eventually(() => first.textContent()).toContain('Efisien');
    expect(await first.textContent()).toContain('96,23 %');
    expect(await first.locator('.efficiency .band-dot').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(29, 107, 58)');
    const total = node.locator('tr[data-period="total"]');
    expect(await total.textContent()).toContain('Rp4.750.000.000');
    expect(await total.textContent()).toContain('90,00 %');
    expect(await node.getByText('Capaian kinerja dikurangi serapan anggaran', { exact: false }).isVisible()).toBe(true);
    // Closed quarters are marked; the planner's form is still there, the API refuses them (tested in budget.test.ts).
    expect(await first.textContent()).toContain('Ditutup');
    expect(b.problems(page)).toEqual([]);
  });

  it('sets an action-plan target on the indicator page, and another unit\'s planner reads budgets without the form', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'perencana.dinkes@sumedang.demo');
    await eventually(() => page.getByRole('heading', { name: 'Akuntabilitas kinerja (SAKIP)' }).isVisible()).toBe(true);
    const node = await openPlan(page, '2026');
    await node.getByRole('link', { name: 'Jumlah ibu hamil yang mendapatkan layanan kesehatan sesuai standar' }).click();
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Rencana aksi 2026' }) });
    await eventually(() => section.isVisible()).toBe(true);
    expect(await section.textContent()).toContain('17.600 orang');
    await section.getByLabel('Periode pelaporan').selectOption('month');
    await section.getByLabel('Bulan').selectOption('2026-03');
    await section.getByLabel('Target (orang)').fill('1466,5');
    await section.getByRole('button', { name: 'Simpan target' }).click();
    await eventually(() => section.locator('tr[data-period="2026-03"]').textContent()).toContain('1.466,5 orang');
    expect(b.problems(page)).toEqual([]);

    const other = await b.newPage(DESKTOP);
    await b.signIn(other, 'perencana.kominfo@sumedang.demo');
    await eventually(() => other.getByRole('heading', { name: 'Akuntabilitas kinerja (SAKIP)' }).isVisible()).toBe(true);
    const seen = await openPlan(other, '2025');
    await eventually(() => seen.locator('tr[data-period="2025-Q4"]').isVisible()).toBe(true);
    expect(await seen.getByRole('form', { name: 'Isi pagu dan realisasi anggaran' }).count()).toBe(0);
    expect(b.problems(other)).toEqual([]);
  });

  it('shows the region\'s efficiency by unit and by target in the overview, each category in its colour', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'bupati@sumedang.demo');
    await page.goto(b.url('/staff/32.11/sakip/ringkasan?tahun=2025'));
    const units = page.getByRole('table', { name: 'Efisiensi per perangkat daerah, tahun 2025' });
    await eventually(() => units.isVisible()).toBe(true);
    expect(await units.locator('tr[data-unit="DINKES"] [data-category]').getAttribute('data-category')).toBe('efficient');
    expect(await units.locator('tr[data-unit="DISKOMINFO"] [data-category]').textContent()).toContain('Cukup efisien');
    // The RPJMD's targets carry no budget; a unit's targets open from its row.
    expect(await page.getByText('Tidak ada sasaran dengan program beranggaran pada tahun 2025.').isVisible()).toBe(true);
    await units.locator('tr[data-unit="DISKOMINFO"]').getByRole('link').click();
    const targets = page.getByRole('table', { name: /Efisiensi per sasaran Dinas Komunikasi dan Informatika/ });
    await eventually(() => targets.isVisible()).toBe(true);
    expect(page.url()).toContain('opd=');
    const spbe = targets.getByRole('row', { name: /keterpaduan layanan digital/ });
    expect(await spbe.textContent()).toContain('Tidak efisien');
    expect(await spbe.textContent()).toContain('-5,56');
    expect(await spbe.locator('.band-dot').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(180, 35, 24)');
    // The health office's target is not among Diskominfo's.
    expect(await targets.getByRole('row', { name: /stunting/i }).count()).toBe(0);
    // Narrowed to a quarter, then to another year's same quarter, the unit stays in focus.
    await page.getByLabel('Periode').selectOption({ label: 'Triwulan II 2025' });
    const quarter = page.getByRole('table', { name: 'Efisiensi per sasaran Dinas Komunikasi dan Informatika (anggaran program di bawahnya), Triwulan II 2025' });
    await eventually(() => quarter.isVisible()).toBe(true);
    expect(await quarter.getByRole('row', { name: /keterpaduan layanan digital/ }).count()).toBe(1);
    const focus = new URL(page.url()).searchParams.get('opd');
    expect(focus).toBeTruthy();
    await page.getByLabel('Tahun capaian').selectOption('2026');
    await eventually(() => page.getByRole('heading', { name: 'Ringkasan kinerja daerah: Triwulan II 2026' }).isVisible()).toBe(true);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ tahun: '2026', periode: '2026-Q2', opd: focus });
    await page.getByLabel('Tahun capaian').selectOption('2025');
    await eventually(() => quarter.isVisible()).toBe(true);
    // Back to the region's own targets: the unit leaves the address, the quarter stays.
    await page.getByRole('link', { name: 'Kembali ke sasaran RPJMD' }).click();
    await eventually(() => quarter.isVisible()).toBe(false);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ tahun: '2025', periode: '2025-Q2' });
    await eventually(() => page.getByText('Tidak ada sasaran dengan program beranggaran pada Triwulan II 2025.').isVisible()).toBe(true);
    expect(b.problems(page)).toEqual([]);
  });

  it('narrows the overview to a quarter: Triwulan II\'s achievement against its action plan and its budget', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'bupati@sumedang.demo');
    await page.goto(b.url('/staff/32.11/sakip/ringkasan?tahun=2025'));
    await eventually(() => page.getByRole('table', { name: 'Kinerja per perangkat daerah, tahun 2025' }).isVisible()).toBe(true);
    await page.getByLabel('Periode').selectOption({ label: 'Triwulan II 2025' });
    await eventually(() => page.getByRole('heading', { name: 'Ringkasan kinerja daerah: Triwulan II 2025' }).isVisible()).toBe(true);
    expect(page.url()).toContain('periode=2025-Q2');
    const performance = page.getByRole('table', { name: 'Kinerja per perangkat daerah, Triwulan II 2025' });
    await eventually(() => performance.isVisible()).toBe(true);
    // The health office: 7 indicators, 1 with a quarterly action plan, 4 reported, 1 met (4 388 of 4 375 mothers).
    const dinkes = performance.getByRole('row', { name: /Dinas Kesehatan/ });
    expect((await dinkes.locator('td').allTextContents()).slice(0, 4)).toEqual(['7', '1', '4', '1']);
    // Its quarter's budget: 1 100 000 000 of 1 187 500 000 = 92,63 %, against 100,30 %: efficient.
    const efficiency = page.getByRole('table', { name: 'Efisiensi per perangkat daerah, Triwulan II 2025' });
    const row = efficiency.locator('tr[data-unit="DINKES"]');
    expect(await row.textContent()).toContain('Rp1.187.500.000');
    expect(await row.textContent()).toContain('92,63 %');
    expect(await row.textContent()).toContain('100,30 %');
    expect(await row.locator('[data-category]').getAttribute('data-category')).toBe('efficient');
    // Back to the whole year.
    await page.getByLabel('Periode').selectOption({ label: 'Tahun penuh' });
    await eventually(() => page.getByRole('table', { name: 'Efisiensi per perangkat daerah, tahun 2025' }).isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: 'Efisiensi per perangkat daerah, tahun 2025' }).locator('tr[data-unit="DINKES"]').textContent()).toContain('Rp4.750.000.000');
    expect(b.problems(page)).toEqual([]);
  });
});
