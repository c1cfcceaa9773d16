// The e-SAKIP screens in Chromium, on the demo region: the coordinator lands
// on the plans, reads the RPJMD's tree and table with exact achievement; a
// unit planner on a phone starts a Renstra, builds its tree, sets and revises
// a target (the revision with its reason), and the coordinator activates it;
// the planner reports a quarter's realisation; another unit's planner and the
// Inspektorat's evaluator read without the forms. In a draft, a planner moves
// nodes (the server's refusal shown in its words), shares an indicator with
// another unit and links a Renstra target to the RPJMD target it supports.
import { expect, it } from 'vitest';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE } from './browser.js';

const DESKTOP = { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false };

interface PlanBrief { id: string; title: string; kind: string; status: string }

describeInBrowser('e-SAKIP screens in Chromium', (b) => {
  it('lands the SAKIP coordinator on the plans and shows the RPJMD as a tree and a table with exact achievement', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'sakip@sumedang.demo');
    await eventually(() => page.getByRole('heading', { name: 'Akuntabilitas kinerja (SAKIP)' }).isVisible()).toBe(true);
    expect(page.url()).toBe(b.url('/staff/32.11/sakip'));
    await page.getByRole('link', { name: 'Renstra Dinas Kesehatan 2025–2029' }).isVisible();

    await page.getByRole('link', { name: 'RPJMD Kabupaten Sumedang 2025–2029' }).click();
    await eventually(() => page.getByRole('heading', { name: 'RPJMD Kabupaten Sumedang 2025–2029' }).isVisible()).toBe(true);
    await page.getByLabel('Tahun capaian').selectOption('2025');
    // Stunting, lower is better: target 14, realised 13.8 → (2×14 − 13.8)/14 = 101.43 %.
    const stunting = page.locator('.indicator-line', { has: page.getByRole('link', { name: 'Prevalensi stunting pada balita' }) });
    await eventually(() => stunting.textContent()).toContain('Target 202514,00 %');
    expect(await stunting.textContent()).toContain('13,8 %');
    expect(await stunting.textContent()).toContain('101,43 %');

    await page.getByRole('button', { name: 'Tabel' }).click();
    const table = page.getByRole('table', { name: /Rencana sebagai tabel; capaian tahun 2025/ });
    await eventually(() => table.isVisible()).toBe(true);
    const ipm = table.getByRole('row', { name: /Indeks Pembangunan Manusia/ });
    expect(await ipm.textContent()).toContain('72,10');
    expect(await ipm.textContent()).toContain('74,10');
    expect(await ipm.textContent()).toContain('100,29 %');
    // An active plan: the coordinator may return it to draft, never "activate" it again.
    expect(await page.getByRole('button', { name: 'Kembalikan ke draf' }).isVisible()).toBe(true);

    // The region overview: each unit's indicators, reported and met, for 2025.
    await page.getByRole('link', { name: 'Ringkasan daerah' }).click();
    await page.getByLabel('Tahun capaian').selectOption('2025');
    const units = page.getByRole('table', { name: 'Kinerja per perangkat daerah, tahun 2025' });
    await eventually(() => units.getByRole('row', { name: /Dinas Kesehatan/ }).isVisible()).toBe(true);
    const overview = await b.api<{ units: { unit: { name: string } | null; indicators: number; met: number }[] }>(
      'GET', '/api/regions/32.11/sakip/overview?year=2025', undefined, await b.apiSession('sakip@sumedang.demo'));
    const dinkes = overview.units.find((u) => u.unit?.name === 'Dinas Kesehatan')!;
    const cells = await units.getByRole('row', { name: /Dinas Kesehatan/ }).getByRole('cell').allTextContents();
    expect(cells[0]).toBe(String(dinkes.indicators));
    expect(cells[3]).toBe(String(dinkes.met));
    expect(b.problems(page)).toEqual([]);
  });

  it('lets a unit planner on a phone build a Renstra, set and revise a target, and the coordinator activate it', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'perencana.dinkes@sumedang.demo');
    await eventually(() => page.getByRole('heading', { name: 'Akuntabilitas kinerja (SAKIP)' }).isVisible()).toBe(true);
    await page.getByText('Buat rencana baru').click();
    // A planner starts only their own unit's Renstra: no RPJMD choice, their unit only.
    expect(await page.getByLabel('RPJMD daerah').count()).toBe(0);
    expect(await page.getByLabel('Perangkat daerah').locator('option').allTextContents()).toEqual(['Dinas Kesehatan']);
    await page.getByLabel('Tahun awal').fill('2030');
    await page.getByLabel('Judul rencana').fill('Renstra Dinas Kesehatan 2030–2034');
    await page.getByRole('button', { name: 'Buat draf' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Renstra Dinas Kesehatan 2030–2034' }).isVisible()).toBe(true);
    expect(await page.locator('.badge.plan-draft').textContent()).toBe('Draf');

    // The draft's Excel workbook: the download is the blank template; a file that is not a workbook is refused in words.
    await page.getByText('Excel: unduh atau impor').click();
    const href = await page.getByRole('link', { name: /Unduh rencana ini sebagai buku kerja Excel/ }).getAttribute('href');
    const template = await page.request.get(b.url(href!));
    expect([template.status(), template.headers()['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    await page.getByLabel('Buku kerja yang sudah diisi (.xlsx)').setInputFiles({ name: 'rencana.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('bukan buku kerja') });
    await page.getByRole('button', { name: 'Impor buku kerja' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('bukan buku kerja Excel');
    await page.getByText('Excel: unduh atau impor').click();

    await page.getByRole('button', { name: 'Tambah simpul teratas' }).click();
    expect(await page.getByLabel('Jenis').locator('option').allTextContents()).toEqual(['Tujuan']);
    await page.getByLabel('Uraian').fill('Meningkatnya derajat kesehatan masyarakat');
    await page.getByRole('button', { name: 'Simpan' }).click();
    const goal = page.locator('.sakip-node.kind-goal');
    await eventually(() => goal.locator('.node-title').first().textContent()).toBe('Meningkatnya derajat kesehatan masyarakat');
    // A node's description is changed in place; its kind stays.
    await goal.locator('> .node-actions').getByRole('button', { name: 'Ubah', exact: true }).click();
    expect(await page.getByLabel('Jenis').isDisabled()).toBe(true);
    await page.getByLabel('Uraian').fill('Meningkatnya derajat kesehatan dan gizi masyarakat');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await eventually(() => goal.locator('.node-title').first().textContent()).toBe('Meningkatnya derajat kesehatan dan gizi masyarakat');
    await goal.locator('> .node-actions').getByRole('button', { name: 'Tambah di bawahnya' }).click();
    await page.getByLabel('Uraian').fill('Menurunnya angka kematian bayi');
    await page.getByRole('button', { name: 'Simpan' }).click();
    const target = page.locator('.sakip-node.kind-target', { hasText: 'Menurunnya angka kematian bayi' });
    await eventually(() => target.isVisible()).toBe(true);
    // A target without an indicator keeps the plan from being activated, and says so.
    await eventually(() => page.locator('.alert-warn').textContent()).toMatch(/Rencana belum dapat diaktifkan/);

    await target.getByRole('button', { name: 'Tambah indikator' }).click();
    await page.getByLabel('Nama indikator').fill('Angka kematian bayi');
    await page.getByLabel('Satuan').fill('per 1.000 kelahiran');
    await page.getByLabel('Arah').selectOption({ label: 'Semakin rendah semakin baik' });
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('link', { name: 'Angka kematian bayi' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Angka kematian bayi' }).isVisible()).toBe(true);

    // The first target of 2030, typed with a decimal comma; then a revision, which needs its reason.
    const targetForm = page.locator('form', { has: page.locator('#target-form-title') });
    await targetForm.getByLabel('Tahun', { exact: true }).selectOption('2030');
    await targetForm.getByLabel('Target (per 1.000 kelahiran)').fill('12,5');
    await page.getByRole('button', { name: 'Tetapkan', exact: true }).click();
    const y2030 = page.getByRole('row', { name: /^2030/ });
    await eventually(() => y2030.textContent()).toContain('12,5 per 1.000 kelahiran');
    await targetForm.getByLabel('Tahun', { exact: true }).selectOption('2030');
    await targetForm.getByLabel('Target (per 1.000 kelahiran)').fill('11.75');
    await page.getByLabel('Alasan revisi').fill('Penyesuaian dengan target RPJMD perubahan');
    await page.getByRole('button', { name: 'Simpan revisi' }).click();
    await eventually(() => y2030.textContent()).toContain('11,75 per 1.000 kelahiran');
    await y2030.getByText('2 versi').click();
    expect(await y2030.textContent()).toContain('Penyesuaian dengan target RPJMD perubahan');
    expect(await y2030.textContent()).toContain('12,5 per 1.000 kelahiran');
    expect(await overflowsHorizontally(page)).toBe(false);

    // Every target has an indicator now: no problems left, but only the coordinator activates.
    await page.getByRole('link', { name: '← Kembali ke rencana' }).click();
    await eventually(() => page.locator('.badge.plan-draft').isVisible()).toBe(true);
    expect(await page.locator('.alert-warn').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Aktifkan rencana' }).count()).toBe(0);
    expect(b.problems(page)).toEqual([]);

    const planner = await b.apiSession('perencana.dinkes@sumedang.demo');
    const plans = await b.api<PlanBrief[]>('GET', '/api/regions/32.11/sakip/plans', undefined, planner);
    const plan = plans.find((p) => p.title === 'Renstra Dinas Kesehatan 2030–2034')!;
    const coordinator = await b.newPage(DESKTOP);
    await b.signIn(coordinator, 'sakip@sumedang.demo');
    await coordinator.goto(b.url(`/staff/32.11/sakip/rencana/${plan.id}`));
    await coordinator.getByRole('button', { name: 'Aktifkan rencana' }).click();
    await eventually(() => coordinator.locator('.badge.plan-active').textContent()).toBe('Aktif');
    expect((await b.api<PlanBrief>('GET', `/api/regions/32.11/sakip/plans/${plan.id}`, undefined, planner)).status).toBe('active');
    // Active: the structure is fixed, so the editor's buttons are gone for the planner.
    await page.reload();
    await eventually(() => page.locator('.badge.plan-active').textContent()).toBe('Aktif');
    expect(await page.getByRole('button', { name: 'Tambah indikator' }).count()).toBe(0);
  }, 120_000);

  it('lets a planner on a phone move nodes, share an indicator with another unit and link a target to the RPJMD target it supports', async () => {
    const planner = await b.apiSession('perencana.kominfo@sumedang.demo');
    const R = '/api/regions/32.11';
    const units = await b.api<{ id: string; code: string; name: string }[]>('GET', `${R}/units`, undefined, planner);
    const kominfo = units.find((u) => u.code === 'DISKOMINFO')!;
    const plan = await b.api<PlanBrief>('POST', `${R}/sakip/plans`, { kind: 'renstra', unitId: kominfo.id, startYear: 2030, title: 'Renstra Diskominfo 2030–2034' }, planner);
    const P = `${R}/sakip/plans/${plan.id}`;
    const add = async (parentId: string | null, kind: string, title: string, code?: string) =>
      (await b.api<{ id: string }>('POST', `${P}/nodes`, { parentId, kind, title, code }, planner)).id;
    const services = await add(null, 'goal', 'Meningkatnya layanan digital');
    const integration = await add(services, 'target', 'Meningkatnya integrasi layanan');
    const apps = await add(integration, 'programme', 'Program aplikasi informatika', '2.16.03');
    await add(apps, 'activity', 'Pengelolaan nama domain', '2.16.03.2.01');
    await add(integration, 'programme', 'Program informasi dan komunikasi publik', '2.16.02');
    const security = await add(null, 'goal', 'Meningkatnya keamanan informasi');
    await add(security, 'target', 'Menurunnya insiden keamanan siber');

    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'perencana.kominfo@sumedang.demo');
    await page.goto(b.url(`/staff/32.11/sakip/rencana/${plan.id}`));
    const node = (kind: string, title: string) => page.locator(`.sakip-node.kind-${kind}`, { has: page.locator(':scope > .node-head', { hasText: title }) });
    const actions = (kind: string, title: string) => node(kind, title).locator('> .node-actions');
    const targetsOf = (goal: string) => node('goal', goal).locator('.sakip-node.kind-target > .node-head .node-title').allTextContents();
    await eventually(() => targetsOf('Meningkatnya layanan digital')).toEqual(['Meningkatnya integrasi layanan']);

    // A target moves under the other goal, with the keyboard: the tree shows it there, last.
    await actions('target', 'Menurunnya insiden keamanan siber').getByRole('button', { name: 'Pindahkan' }).click();
    const moveForm = page.getByRole('form', { name: 'Pindahkan "Menurunnya insiden keamanan siber"' });
    // Only the nodes that may hold a target are offered: goals and targets, never a programme.
    expect(await moveForm.getByLabel('Induk baru').locator('option').allTextContents()).toEqual([
      '1 Tujuan Meningkatnya layanan digital', '1.1 Sasaran Meningkatnya integrasi layanan', '2 Tujuan Meningkatnya keamanan informasi',
    ]);
    await moveForm.getByLabel('Induk baru').selectOption({ label: '1 Tujuan Meningkatnya layanan digital' });
    await moveForm.getByRole('button', { name: 'Pindahkan' }).press('Enter');
    await eventually(() => targetsOf('Meningkatnya layanan digital')).toEqual(['Meningkatnya integrasi layanan', 'Menurunnya insiden keamanan siber']);
    expect(await targetsOf('Meningkatnya keamanan informasi')).toEqual([]);
    // And up among its new siblings; at the top, the keyboard's focus stays on the node, on "Turun".
    await page.getByRole('button', { name: 'Naik: Menurunnya insiden keamanan siber' }).press('Enter');
    await eventually(() => targetsOf('Meningkatnya layanan digital')).toEqual(['Menurunnya insiden keamanan siber', 'Meningkatnya integrasi layanan']);
    expect(await page.getByRole('button', { name: 'Naik: Menurunnya insiden keamanan siber' }).isDisabled()).toBe(true);
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Turun: Menurunnya insiden keamanan siber');

    // An activity whose code starts with its programme's cannot move under another programme: the server says why, nothing moves.
    await actions('activity', 'Pengelolaan nama domain').getByRole('button', { name: 'Pindahkan' }).click();
    const activityMove = page.getByRole('form', { name: 'Pindahkan "Pengelolaan nama domain"' });
    expect(await activityMove.getByLabel('Induk baru').locator('option').allTextContents()).toEqual([
      '1.2.1 Program 2.16.03 Program aplikasi informatika', '1.2.2 Program 2.16.02 Program informasi dan komunikasi publik',
    ]);
    await activityMove.getByLabel('Induk baru').selectOption({ label: '1.2.2 Program 2.16.02 Program informasi dan komunikasi publik' });
    await activityMove.getByRole('button', { name: 'Pindahkan' }).click();
    await eventually(() => activityMove.getByRole('alert').textContent()).toContain('tidak diawali kode induknya');
    expect(await node('programme', 'Program aplikasi informatika').locator('.kind-activity .node-title').allTextContents()).toEqual(['Pengelolaan nama domain']);
    await activityMove.getByRole('button', { name: 'Batal' }).click();

    // A cross-cutting indicator: the health office reports it too; the plan's own unit is not offered.
    await actions('target', 'Meningkatnya integrasi layanan').getByRole('button', { name: 'Tambah indikator' }).click();
    await page.getByLabel('Nama indikator').fill('Persentase layanan publik terintegrasi');
    await page.getByLabel('Satuan').fill('%');
    const shared = page.getByRole('group', { name: 'Perangkat daerah lain yang ikut mengampu' });
    expect(await shared.getByLabel('Dinas Komunikasi dan Informatika').count()).toBe(0);
    await shared.getByLabel('Dinas Kesehatan').check();
    await page.getByRole('button', { name: 'Simpan' }).click();
    const line = page.locator('.indicator-line', { hasText: 'Persentase layanan publik terintegrasi' });
    await eventually(() => line.textContent()).toContain('Diampu juga oleh: Dinas Kesehatan');
    const dinkes = units.find((u) => u.code === 'DINKES')!;
    const table = await b.api<{ rows: { indicator: { name: string; sharedUnitIds: string[] } | null }[] }>('GET', `${P}/table`, undefined, planner);
    expect(table.rows.find((r) => r.indicator?.name === 'Persentase layanan publik terintegrasi')!.indicator!.sharedUnitIds).toEqual([dinkes.id]);

    // The target cascades from the RPJMD's SPBE target, and says so.
    await actions('target', 'Meningkatnya integrasi layanan').getByRole('button', { name: 'Ubah', exact: true }).click();
    // Offered: the RPJMD's targets (the region's latest, this Renstra starting after it ends).
    const spbe = page.getByLabel('Mendukung sasaran RPJMD').locator('option', { hasText: 'Meningkatnya kematangan SPBE' });
    await eventually(() => spbe.count()).toBe(1);
    expect(await page.getByLabel('Mendukung sasaran RPJMD').locator('option', { hasText: 'Menurunnya prevalensi stunting' }).count()).toBe(1);
    await page.getByLabel('Mendukung sasaran RPJMD').selectOption((await spbe.getAttribute('value'))!);
    await page.getByRole('button', { name: 'Simpan' }).click();
    await eventually(() => node('target', 'Meningkatnya integrasi layanan').locator('> .node-supports').textContent()).toMatch(/^Mendukung: [\d.]+ Meningkatnya kematangan SPBE$/);
    expect(await overflowsHorizontally(page)).toBe(false);

    // The indicator's page names the other unit too.
    await line.getByRole('link', { name: 'Persentase layanan publik terintegrasi' }).click();
    await eventually(() => page.locator('.sakip-facts').textContent()).toContain('Perangkat daerah lain yang ikut mengampuDinas Kesehatan');
    expect(b.problems(page)).toEqual([]);
  }, 120_000);

  it('lets the planner report a quarter and shows it; another unit and the evaluator read without forms', async () => {
    const planner = await b.apiSession('perencana.dinkes@sumedang.demo');
    const plans = await b.api<PlanBrief[]>('GET', '/api/regions/32.11/sakip/plans', undefined, planner);
    const renstra = plans.find((p) => p.title === 'Renstra Dinas Kesehatan 2025–2029')!;
    const table = await b.api<{ rows: { indicator: { id: string; name: string } | null }[] }>('GET', `/api/regions/32.11/sakip/plans/${renstra.id}/table`, undefined, planner);
    const stunting = table.rows.find((r) => r.indicator?.name === 'Prevalensi stunting pada balita')!.indicator!.id;
    const path = `/staff/32.11/sakip/rencana/${renstra.id}/indikator/${stunting}`;

    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'perencana.dinkes@sumedang.demo');
    await page.goto(b.url(`${path}?tahun=2026`));
    await eventually(() => page.getByRole('heading', { name: 'Laporkan realisasi' }).isVisible()).toBe(true);
    // The demo reports 2026 by quarter already: the kind is fixed to it.
    const reportForm = page.getByRole('form', { name: 'Laporkan realisasi' });
    expect(await reportForm.getByLabel('Periode pelaporan').inputValue()).toBe('quarter');
    await reportForm.getByLabel('Triwulan', { exact: true }).selectOption({ label: 'Triwulan III 2026' });
    await reportForm.getByLabel('Realisasi (%)').fill('12,9');
    await reportForm.getByLabel('Kendala').fill('Dua posyandu belum melapor');
    await reportForm.getByRole('button', { name: 'Simpan realisasi' }).click();
    // The realisations' table (the action plan lists its quarters too).
    const row = page.locator('section', { has: page.locator('#realisations-title') }).getByRole('row', { name: /Triwulan III 2026/ });
    await eventually(() => row.textContent()).toContain('12,9 %');
    expect(await row.textContent()).toContain('Dua posyandu belum melapor');
    // Lower is better, target 12.00 for 2026: (2×12 − 12.9)/12 = 92.5 %.
    await eventually(() => page.locator('.plan-facts').textContent()).toContain('92,50 %');
    // One kind of period per year: 2026 is reported by quarter only.
    expect(await reportForm.getByLabel('Periode pelaporan').isDisabled()).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);

    for (const email of ['perencana.kominfo@sumedang.demo', 'evaluator@sumedang.demo']) {
      const reader = await b.newPage(DESKTOP);
      await b.signIn(reader, email);
      await eventually(() => reader.url()).toBe(b.url('/staff/32.11/sakip'));
      await reader.goto(b.url(path));
      await eventually(() => reader.getByRole('row', { name: /Triwulan III 2026/ }).isVisible()).toBe(true);
      expect(await reader.getByRole('heading', { name: 'Laporkan realisasi' }).count()).toBe(0);
      expect(await reader.getByRole('button', { name: 'Simpan revisi' }).count()).toBe(0);
    }
  });

  it('shows the reporting period from the reminder\'s link: the late unit submits on a phone, the coordinator closes and locks it', async () => {
    const coordinator = await b.apiSession('sakip@sumedang.demo');
    const periods = await b.api<{ period: string; status: string }[]>('GET', '/api/regions/32.11/sakip/reporting-periods?year=2026', undefined, coordinator);
    const open = periods.find((p) => p.status === 'open')!;

    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'perencana.kominfo@sumedang.demo');
    await page.goto(b.url(`/staff/32.11/sakip/pelaporan/${open.period}`));
    const row = page.getByRole('row', { name: /Dinas Komunikasi dan Informatika/ });
    await eventually(() => row.textContent()).toContain('Terlambat: belum melapor setelah batas waktu');
    // A planner submits only for their own unit.
    expect(await page.getByRole('row', { name: /Dinas Kesehatan/ }).getByRole('button', { name: 'Kirim laporan' }).count()).toBe(0);
    await row.getByRole('button', { name: 'Kirim laporan' }).click();
    await eventually(() => row.textContent()).toContain('perencana.kominfo@sumedang.demo');
    expect(await row.textContent()).toContain('Melapor terlambat');
    expect(await page.getByRole('button', { name: 'Tutup dan kunci periode' }).count()).toBe(0);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);

    const desk = await b.newPage(DESKTOP);
    await b.signIn(desk, 'sakip@sumedang.demo');
    await desk.goto(b.url(`/staff/32.11/sakip/pelaporan/${open.period}`));
    desk.once('dialog', (d) => void d.accept());
    await desk.getByRole('button', { name: 'Tutup dan kunci periode' }).click();
    await eventually(() => desk.locator('.badge.plan-active').first().textContent()).toBe('Ditutup');
    // Locked: a planner's realisation for a month inside it is refused.
    const planner = await b.apiSession('perencana.kominfo@sumedang.demo');
    const plans = await b.api<{ id: string; title: string }[]>('GET', '/api/regions/32.11/sakip/plans', undefined, planner);
    const renstra = plans.find((p) => p.title.startsWith('Renstra Dinas Komunikasi'))!;
    const table = await b.api<{ rows: { indicator: { id: string } | null }[] }>('GET', `/api/regions/32.11/sakip/plans/${renstra.id}/table`, undefined, planner);
    const indicatorId = table.rows.find((r) => r.indicator)!.indicator!.id;
    const res = await fetch(b.url(`/api/regions/32.11/sakip/plans/${renstra.id}/indicators/${indicatorId}/realisations/${open.period}`), {
      method: 'PUT', headers: { cookie: planner.cookie, 'x-csrf-token': planner.csrf, 'content-type': 'application/json' }, body: JSON.stringify({ value: '1' }),
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('sakip.period_locked');
  });

  it('takes the SPBE index from the SPBE module with one click, never typed, beside its automatic sync', async () => {
    const coordinator = await b.apiSession('sakip@sumedang.demo');
    const plans = await b.api<PlanBrief[]>('GET', '/api/regions/32.11/sakip/plans', undefined, coordinator);
    const rpjmd = plans.find((p) => p.kind === 'rpjmd')!;
    const table = await b.api<{ rows: { indicator: { id: string; name: string } | null }[] }>('GET', `/api/regions/32.11/sakip/plans/${rpjmd.id}/table`, undefined, coordinator);
    const spbe = table.rows.find((r) => r.indicator?.name === 'Indeks SPBE')!.indicator!.id;
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'sakip@sumedang.demo');
    await page.goto(b.url(`/staff/32.11/sakip/rencana/${rpjmd.id}/indikator/${spbe}?tahun=2025`));
    await eventually(() => page.locator('.sakip-facts').textContent()).toContain('Indeks SPBE: Indeks hasil evaluasi SPBE');
    // It is also taken by itself for the open periods: the sync has not run yet in this test (no worker).
    const sync = page.getByRole('region', { name: 'Sinkron otomatis' });
    expect(await sync.textContent()).toContain('Belum pernah berjalan.');
    const reportForm = page.getByRole('form', { name: 'Laporkan realisasi' });
    await reportForm.getByLabel('Tahun', { exact: true }).selectOption('2025');
    // 2025 is closed: the coordinator's correction carries its reason.
    await reportForm.getByLabel('Alasan koreksi').fill('Diselaraskan dengan hasil evaluasi SPBE');
    await page.getByRole('button', { name: 'Ambil dari sumber untuk 2025' }).click();
    const row = page.getByRole('row', { name: /^2025/ }).last();
    await eventually(() => row.textContent()).toContain('Diambil otomatis dari Indeks SPBE');
    expect(await row.textContent()).toContain('3,22 indeks (1–5)');
    expect(b.problems(page)).toEqual([]);
  });
});
