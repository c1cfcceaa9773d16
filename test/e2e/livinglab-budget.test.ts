// The Living Lab's application portfolio in Chromium, on the demo: Sumedang's
// Diskominfo proposer proposes a complaints application (only for Diskominfo)
// and sees it flagged as SP4N-LAPOR!'s work, with Kota Bandung's published
// complaints application in the catalogue; the SPBE team decides to adopt
// that instead; the head of region reads the amount avoided on the digital
// budget page; the officer reads the inventory with its duplicate flagged.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { units, users } from '../../src/platform/schema.js';
import { createUser, grantRole } from '../../src/platform/auth/service.js';
import { enableRegion } from '../../src/platform/regions/service.js';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE } from './browser.js';

const REGION = '32.11';
const OTHER = '32.73';
const SOLUTION = 'Kanal pengaduan warga Kota Bandung';

describeInBrowser('Living Lab portfolio in Chromium', (b) => {
  it('flags a proposal doing SP4N-LAPOR!\'s work, the SPBE team adopts a solution instead, and the head of region sees what it avoided', async () => {
    // Another region's published application doing the same work.
    await b.ctx.database.db.transaction(async (tx) => {
      await enableRegion(tx, OTHER);
      await tx.insert(units).values({ regionCode: OTHER, code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika Kota Bandung' });
      const [hash] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(sql`lower(${users.email}) = 'admin@sumedang.demo'`);
      const id = await createUser(tx, { email: 'livinglab@bandung.test', name: 'Living Lab Kota Bandung', passwordHash: hash.passwordHash ?? undefined });
      await grantRole(tx, OTHER, id, 'livinglab_officer', null);
    });
    const bandung = await b.apiSession('livinglab@bandung.test');
    const created = await b.api<{ id: string }>('POST', `/api/regions/${OTHER}/livinglab/solutions`, {
      kind: 'application', title: SOLUTION, summary: 'Pengaduan warga dengan kategori dan tenggat.', description: 'Warga menyampaikan pengaduan dari ponsel; petugas menanggapi dalam tenggat.',
      domain: 'publik', application: { ownerUnit: 'Diskominfo', purpose: 'Pengaduan warga', type: 'khusus' },
    }, bandung);
    await b.api('POST', `/api/regions/${OTHER}/livinglab/solutions/${created.id}/publish`, { changelog: 'Versi pertama.' }, bandung);

    const year = new Date().getFullYear() + 1;
    const proposer = await b.newPage({ viewport: PHONE });
    await b.signIn(proposer, 'petugas.kominfo@sumedang.demo');
    await proposer.goto(b.url(`/staff/${REGION}/livinglab/usulan`));
    await eventually(() => proposer.getByRole('heading', { name: 'Usulan aplikasi dan belanja digital' }).isVisible()).toBe(true);
    await eventually(() => proposer.getByRole('link', { name: 'Aplikasi antrean puskesmas' }).isVisible()).toBe(true);
    // A unit's proposer proposes for their own unit only.
    const unit = proposer.getByLabel('Perangkat daerah', { exact: true });
    await eventually(() => unit.locator('option').allTextContents()).toEqual([expect.stringMatching(/Komunikasi dan Informatika/)]);
    await proposer.getByLabel('Tahun anggaran', { exact: true }).fill(String(year));
    await proposer.getByLabel('Judul usulan').fill('Aplikasi pengaduan warga Sumedang');
    await proposer.getByLabel('Kegunaan dan kebutuhan').fill('Warga menyampaikan pengaduan dan keluhan dari ponsel.');
    await proposer.getByLabel('Perkiraan biaya (Rp)').fill('450000000');
    await proposer.getByRole('button', { name: 'Kirim usulan' }).click();
    await eventually(() => proposer.getByRole('heading', { name: 'Aplikasi pengaduan warga Sumedang' }).isVisible()).toBe(true);
    expect(proposer.url()).toMatch(/\/staff\/32\.11\/livinglab\/usulan\/[0-9a-f-]{36}$/);
    const same = proposer.locator('.livinglab-same');
    await eventually(() => same.getByRole('heading', { name: 'Sudah ada yang mengerjakan hal sama' }).isVisible()).toBe(true);
    expect(await same.textContent()).toContain('Usulan ini menduplikasi aplikasi umum nasional: SP4N-LAPOR!');
    expect(await same.getByRole('link', { name: SOLUTION }).getAttribute('href')).toBe(`/livinglab/${created.id}`);
    expect(await proposer.getByText('Rp 450.000.000').isVisible()).toBe(true);
    expect(await proposer.getByRole('heading', { name: 'Keputusan Tim SPBE' }).count()).toBe(0);
    expect(await overflowsHorizontally(proposer)).toBe(false);
    expect(b.problems(proposer)).toEqual([]);
    const proposalUrl = proposer.url();

    const team = await b.newPage({ viewport: PHONE });
    await b.signIn(team, 'spbe@sumedang.demo');
    await team.goto(proposalUrl);
    await eventually(() => team.getByRole('heading', { name: 'Keputusan Tim SPBE' }).isVisible()).toBe(true);
    await team.getByLabel('Adopsi solusi yang ada sebagai gantinya').check();
    await team.getByLabel('Solusi yang diadopsi').selectOption({ label: `${SOLUTION} (Kota Bandung)` });
    await team.getByLabel('Alasan', { exact: true }).fill('Kota Bandung sudah punya; adopsi lewat Living Lab dan SP4N-LAPOR!.');
    await team.getByRole('button', { name: 'Simpan keputusan' }).click();
    await eventually(() => team.locator('.livinglab-facts').textContent()).toContain('Adopsi solusi yang ada');
    expect(await team.getByRole('heading', { name: 'Keputusan Tim SPBE' }).count()).toBe(0);
    expect(await team.locator('.livinglab-facts').getByRole('link', { name: SOLUTION }).isVisible()).toBe(true);
    expect(b.problems(team)).toEqual([]);

    const head = await b.newPage({ viewport: PHONE });
    await b.signIn(head, 'bupati@sumedang.demo');
    await head.goto(b.url(`/staff/${REGION}/livinglab/anggaran`));
    const table = head.getByRole('table', { name: 'Kabupaten Sumedang: anggaran digital per tahun' });
    await eventually(() => table.isVisible()).toBe(true);
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Tahun', 'Usulan', 'Diusulkan', 'Disetujui', 'Dihindari dengan adopsi', 'Ditolak', 'Belum diputus', 'Indeks SPBE']);
    const row = table.getByRole('row', { name: new RegExp(`^${year}`) });
    // 750 million approved (demo), 450 million avoided, 300 million undecided (the demo's puskesmas queue).
    expect(await row.locator('td').allTextContents()).toEqual(['3', 'Rp 1.500.000.000', 'Rp 750.000.000', 'Rp 450.000.000', 'Rp 0', 'Rp 300.000.000', expect.any(String)]);
    expect(await head.getByText(/^Biaya berjalan: 2 aplikasi berjalan, Rp 210\.000\.000 per tahun$/).isVisible()).toBe(true);
    expect(await overflowsHorizontally(head)).toBe(false);
    expect(b.problems(head)).toEqual([]);
  });

  it('shows the officer the inventory with its yearly cost and the row duplicating SRIKANDI, and saves a new row', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'livinglab@sumedang.demo');
    await page.goto(b.url(`/staff/${REGION}/livinglab`));
    await page.getByRole('link', { name: 'Inventaris aplikasi' }).first().click();
    const table = page.getByRole('table', { name: 'Aplikasi daerah (3)' });
    await eventually(() => table.isVisible()).toBe(true);
    expect(await table.getByRole('row', { name: /e-Surat lama/ }).textContent()).toContain('Duplikasi SRIKANDI');
    expect(await table.getByRole('row', { name: /Jumlah biaya per tahun aplikasi berjalan/ }).textContent()).toContain('Rp 210.000.000');

    await page.getByLabel('Nama aplikasi').fill('Peta jalan rusak');
    await page.getByLabel('Perangkat daerah', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Kegunaan').fill('Peta laporan jalan rusak');
    await page.getByLabel('Biaya per tahun (Rp)').fill('25000000');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await eventually(() => page.getByRole('table', { name: 'Aplikasi daerah (4)' }).isVisible()).toBe(true);
    expect(await page.getByRole('row', { name: /Jumlah biaya per tahun aplikasi berjalan/ }).textContent()).toContain('Rp 235.000.000');

    await page.getByRole('button', { name: 'Ubah: Peta jalan rusak' }).click();
    await page.getByLabel('Status').selectOption('retired');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await eventually(() => page.getByRole('row', { name: /Jumlah biaya per tahun aplikasi berjalan/ }).textContent()).toContain('Rp 210.000.000');
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);
  });
});
