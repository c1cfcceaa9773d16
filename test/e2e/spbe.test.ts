// The SPBE evaluation screens in Chromium, on the demo region: the
// coordinator opens 2026 under PermenPANRB 59/2020 and assigns indicators;
// the Diskominfo officer fills one on a phone (a wrong file refused, then a
// PDF); review with return and acceptance; internal validation; the external
// assessor's final level beside the self-assessed one; comparison with the
// framework break; target, plan and "what if"; the printable report; learning
// from the leaders; and the platform admin's framework editor.
import { mkdirSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, eventually, overflowsHorizontally, type ApiSession } from './browser.js';

const R = '/api/regions/32.11/spbe';
const DESKTOP = { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** PermenPANRB 59/2020 numbers its 47 indicators 1..47; 42-47 are public services (A8). */
const ALL = Array.from({ length: 47 }, (_, i) => String(i + 1));
const A8 = ['42', '43', '44', '45', '46', '47'];
/** Final levels set by the assessor: 3 everywhere except these. */
const FINAL: Record<string, number> = { 44: 5, 29: 2, 30: 2, 31: 2 };

interface Answer { indicator: { code: string }; unitId: string | null; status: string; selfLevel: number | null; finalLevel: number | null; evidence: { fileName: string; contentType: string }[]; links: { url: string; label: string }[] }
interface Detail { id: string; stage: string; units: { id: string; code: string }[]; answers: Answer[]; scores: { self: { index: number | null }; final: { index: number | null } } }

/** Screenshots for a person to look at, only when PAMONG_SCREENSHOTS names a folder. */
async function shot(page: Page, name: string) {
  const dir = process.env.PAMONG_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

describeInBrowser('SPBE evaluation screens in Chromium', (b) => {
  const s: Record<string, ApiSession> = {};
  let id = '';
  let E = '';
  const detail = () => b.api<Detail>('GET', E, undefined, s.coordinator);
  const answer = async (code: string) => (await detail()).answers.find((a) => a.indicator.code === code)!;

  async function importCsv(path: string, lines: string[], session: ApiSession) {
    const res = await fetch(b.url(path), { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'text/csv' }, body: lines.join('\n') + '\n' });
    expect(res.status, await res.clone().text()).toBe(200);
  }

  beforeAll(async () => {
    for (const [k, email] of Object.entries({
      coordinator: 'spbe@sumedang.demo', kominfo: 'petugas.kominfo@sumedang.demo', internal: 'inspektorat@sumedang.demo', external: 'asesor@pamong.demo', admin: 'admin@pamong.demo',
    })) s[k] = await b.apiSession(email);
    // Published history: the region's own (under two frameworks) and its peers' 2026 results.
    await importCsv(`${R}/results/import`, ['region_code,year,framework_version,index', '32.11,2020,spbe-2018,2.10', '32.11,2023,spbe-2020@1,3.02', '32.11,2024,spbe-2020@1,3.45'], s.coordinator);
    await importCsv('/api/spbe/results/import', [
      'region_code,year,framework_version,index,domain:D4',
      '32,2026,spbe-2020@1,3.90,', '32.73,2026,spbe-2020@1,4.10,4.20', '32.04,2026,spbe-2020@1,3.20,3.40', '32.79,2026,spbe-2020@1,2.95,', '33.01,2026,spbe-2020@1,3.30,',
    ], s.admin);
  });

  it('lets the coordinator open the year, assign indicators per row, per aspect and all at once, and start the self-assessment', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'spbe@sumedang.demo');
    // An SPBE-only role lands on the SPBE home, with the demo's 2025 result against the 2026 target.
    await eventually(() => page.getByRole('heading', { name: 'Evaluasi SPBE', exact: true }).isVisible()).toBe(true);
    expect(page.url()).toBe(b.url('/staff/32.11/spbe'));
    const cards = page.locator('.score-cards');
    await eventually(() => cards.textContent()).toContain('Hasil 20253,22Baik · Dipublikasikan');
    expect(await cards.textContent()).toContain('Target 20263,50Kurang 0,28 dari target');
    expect(await page.getByText('Tidak ada tugas yang menunggu Anda.').isVisible()).toBe(true);
    await shot(page, 'home-desktop');

    await page.getByLabel('Kerangka evaluasi').selectOption({ label: 'Evaluasi SPBE (PermenPANRB 59/2020) — versi 1' });
    expect(await page.getByRole('spinbutton', { name: 'Tahun' }).inputValue()).toBe('2026');
    await page.getByRole('button', { name: 'Buka evaluasi' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Evaluasi SPBE 2026' }).isVisible()).toBe(true);
    id = /\/evaluasi\/([0-9a-f-]{36})$/.exec(page.url())![1];
    E = `${R}/evaluations/${id}`;
    expect(await page.locator('.status-line').first().textContent()).toContain('Persiapan');

    await page.getByLabel('Perangkat daerah untuk indikator 1', { exact: true }).selectOption({ label: 'Dinas Komunikasi dan Informatika' });
    await page.getByLabel('Tugaskan seluruh aspek A8 ke').selectOption({ label: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu' });
    await page.locator('.bulk-assign', { has: page.getByLabel('Tugaskan seluruh aspek A8 ke') }).getByRole('button', { name: 'Terapkan' }).click();
    const all = page.getByLabel(/Tugaskan semua yang belum ditugaskan/);
    expect(await page.locator('label[for="assign-all"]').textContent()).toBe('Tugaskan semua yang belum ditugaskan (40) ke');
    await all.selectOption({ label: 'Dinas Komunikasi dan Informatika' });
    await page.locator('.bulk-assign', { has: all }).getByRole('button', { name: 'Terapkan' }).click();
    await page.getByRole('button', { name: 'Simpan penugasan (47 perubahan)' }).click();
    await eventually(() => page.getByText('Penugasan tersimpan.').isVisible()).toBe(true);
    await shot(page, 'evaluation-assigned-desktop');

    await page.getByRole('button', { name: 'Mulai penilaian mandiri' }).click();
    await eventually(() => page.getByText('Tersimpan. Tahap: Penilaian mandiri.').isVisible()).toBe(true);
    const d = await detail();
    const unit = Object.fromEntries(d.units.map((u) => [u.id, u.code]));
    expect(d.stage).toBe('self_assessment');
    expect(d.answers.map((a) => [a.indicator.code, unit[a.unitId!], a.status])).toEqual(ALL.map((c) => [c, A8.includes(c) ? 'DPMPTSP' : 'DISKOMINFO', 'pending']));
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
  });

  it('lets the Diskominfo officer fill an indicator on a phone against its criteria, refusing a wrong file in Indonesian, then taking a PDF', async () => {
    const page = await b.newPage();
    await b.signIn(page, 'petugas.kominfo@sumedang.demo');
    await page.getByRole('link', { name: 'SPBE', exact: true }).click();
    const fill = page.locator('details', { hasText: 'Isi penilaian mandiri' });
    await eventually(() => fill.locator('summary').textContent()).toBe('Isi penilaian mandiri 41');
    await shot(page, 'home-officer-phone');
    await page.getByRole('link', { name: 'Isian mandiri' }).click();
    await eventually(() => page.getByText('41 indikator, 41 perlu diisi.').isVisible()).toBe(true);
    await page.getByRole('link', { name: /^1\. Tingkat Kematangan Kebijakan Internal Arsitektur SPBE/ }).click();

    // The level criteria stand beside each choice, in the regulation's Indonesian (English for an English reader).
    const level3 = page.getByRole('radio', { name: 'Tingkat 3 · Terdefinisi' });
    await eventually(() => level3.isVisible()).toBe(true);
    expect(await page.locator('.level-card').count()).toBe(5);
    const criteria3 = page.locator('.level-card', { has: level3 }).locator('.level-criteria');
    expect(await criteria3.textContent()).toBe('Kriteria tingkat 2 telah terpenuhi dan kebijakan internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah telah memuat secara lengkap pengaturan mengenai referensi Arsitektur dan domain Arsitektur SPBE (Proses Bisnis, Data dan Informasi, Infrastruktur SPBE, Aplikasi SPBE, Keamanan SPBE, dan Layanan SPBE).');
    expect(await criteria3.locator('[lang]').count()).toBe(0);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('button', { name: 'English' }).click();
    await eventually(() => page.locator('.level-card').nth(2).locator('.level-criteria').textContent()).toBe('Level 2 met and the policy covers all architecture references and domains.');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await eventually(() => criteria3.textContent()).toContain('Kriteria tingkat 2 telah terpenuhi');

    await level3.check();
    await page.getByLabel('Penjelasan').fill('Perbup arsitektur SPBE sudah ditetapkan dan mencakup semua domain arsitektur.');
    const files = page.getByLabel('Pilih berkas bukti dukung');
    await files.setInputFiles({ name: 'surat.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><body>bukan PDF</body></html>') });
    await page.getByRole('button', { name: 'Simpan dan kirim ke koordinator' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Jenis berkas bukti dukung tidak diizinkan. Gunakan PDF, JPEG, PNG, XLSX atau DOCX.');
    // Nothing half-saved: neither the level nor the file.
    expect(await answer('1')).toMatchObject({ selfLevel: null, status: 'pending', evidence: [] });
    await shot(page, 'fill-wrong-file-phone');

    await page.getByRole('button', { name: 'Hapus surat.pdf' }).click();
    await files.setInputFiles({ name: 'perbup-arsitektur.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Simpan dan kirim ke koordinator' }).click();
    await eventually(() => page.getByText('Terkirim ke koordinator SPBE.').isVisible()).toBe(true);
    await eventually(() => page.locator('.status-line').textContent()).toContain('Menunggu tinjauan');
    expect(await page.getByRole('link', { name: 'perbup-arsitektur.pdf' }).isVisible()).toBe(true);
    expect(await answer('1')).toMatchObject({ selfLevel: 3, status: 'submitted', evidence: [{ fileName: 'perbup-arsitektur.pdf', contentType: 'application/pdf' }] });
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
  });

  it('lets the coordinator return it with a note, the officer correct and resubmit it, and the coordinator accept it', async () => {
    const coordinator = await b.newPage(DESKTOP);
    await b.signIn(coordinator, 'spbe@sumedang.demo');
    await coordinator.goto(b.url(`/staff/32.11/spbe/evaluasi/${id}/indikator/1`));
    await eventually(() => coordinator.getByRole('heading', { name: 'Tinjau jawaban' }).isVisible()).toBe(true);
    await coordinator.getByRole('button', { name: 'Kembalikan' }).click();
    expect(await coordinator.getByRole('alert').textContent()).toBe('Tulis catatan: apa yang perlu diperbaiki.');
    await coordinator.getByLabel('Catatan', { exact: true }).fill('Lampirkan SK tim arsitektur SPBE dan naikkan tingkat bila sudah terpadu.');
    await coordinator.getByRole('button', { name: 'Kembalikan' }).click();
    await eventually(() => coordinator.getByText('Tersimpan. Status: Dikembalikan.').isVisible()).toBe(true);

    const officer = await b.newPage();
    await b.signIn(officer, 'petugas.kominfo@sumedang.demo');
    await officer.goto(b.url('/staff/32.11/spbe/isian'));
    const first = officer.locator('.row-card').first();
    await eventually(() => first.textContent()).toContain('Dikembalikan');
    expect(await first.textContent()).toContain('Catatan: Lampirkan SK tim arsitektur SPBE dan naikkan tingkat bila sudah terpadu.');
    await first.getByRole('link').click();
    await eventually(() => officer.getByRole('heading', { name: 'Dikembalikan untuk diperbaiki' }).isVisible()).toBe(true);
    expect(await officer.getByRole('radio', { name: 'Tingkat 3 · Terdefinisi' }).isChecked()).toBe(true);
    await officer.getByRole('radio', { name: 'Tingkat 4 · Terpadu dan Terukur' }).check();
    await officer.getByRole('button', { name: 'Tambah tautan' }).click();
    await officer.getByLabel('Alamat tautan 1').fill('https://jdih.sumedangkab.go.id/perbup-arsitektur-spbe');
    await officer.getByLabel('Keterangan tautan 1').fill('Perbup Arsitektur SPBE');
    await officer.getByRole('button', { name: 'Simpan dan kirim ke koordinator' }).click();
    await eventually(() => officer.getByText('Terkirim ke koordinator SPBE.').isVisible()).toBe(true);
    expect(await overflowsHorizontally(officer)).toBe(false);
    await shot(officer, 'indicator-resubmitted-phone');
    await officer.context().close();

    await coordinator.reload();
    await eventually(() => coordinator.getByRole('button', { name: 'Terima' }).isVisible()).toBe(true);
    await coordinator.getByRole('button', { name: 'Terima' }).click();
    await eventually(() => coordinator.getByText('Tersimpan. Status: Diterima.').isVisible()).toBe(true);
    const history = coordinator.locator('.spbe-history');
    await eventually(() => history.locator('li').count()).toBe(7);
    expect(await history.locator('li strong').allTextContents()).toEqual([
      'Penugasan', 'Isian diubah', 'Dikirim ke koordinator', 'Dikembalikan koordinator', 'Isian diubah', 'Dikirim ke koordinator', 'Diterima koordinator',
    ]);
    expect(await history.locator('li').nth(3).textContent()).toContain('Lampirkan SK tim arsitektur SPBE');
    expect(await answer('1')).toMatchObject({ selfLevel: 4, status: 'accepted', links: [{ url: 'https://jdih.sumedangkab.go.id/perbup-arsitektur-spbe', label: 'Perbup Arsitektur SPBE' }] });

    // The coordinator reads each level's criteria, with the Pedoman Evaluasi wording where it differs.
    await coordinator.goto(b.url(`/staff/32.11/spbe/evaluasi/${id}/indikator/2`));
    const criteria = coordinator.locator('section', { has: coordinator.getByRole('heading', { name: 'Kriteria tingkat kematangan' }) });
    await eventually(() => criteria.locator('.level-card').count()).toBe(5);
    expect(await criteria.locator('.level-card').first().locator('.level-pedoman').textContent())
      .toBe('Rumusan Pedoman: Konsep kebijakan internal terkait Peta Rencana SPBE Instansi Pusat/Pemerintah Daerah belum tersedia atau masih dalam bentuk draft.');
    expect(await criteria.locator('.level-pedoman').count()).toBe(2);
    expect(b.problems(coordinator)).toEqual([]);
    await coordinator.context().close();
  });

  it('lets the coordinator accept many answers at once, refusing the whole batch with a reason per indicator when one is no longer waiting', async () => {
    for (const c of ALL.slice(1)) {
      const unit = A8.includes(c) ? s.admin : s.kominfo; // no DPMPTSP officer in the demo: the platform admin stands in
      await b.api('PUT', `${E}/answers/${c}`, { level: 3, explanation: `Penjelasan indikator ${c}` }, unit);
      await b.api('POST', `${E}/answers/${c}/submit`, undefined, unit);
    }
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'spbe@sumedang.demo');
    await page.goto(b.url(`/staff/32.11/spbe/evaluasi/${id}`));
    const bar = page.locator('.bulk-bar');
    await eventually(() => bar.getByRole('button', { name: 'Pilih semua yang dapat diproses (46)' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Pilih indikator 1', { exact: true }).isDisabled()).toBe(true); // already accepted
    await bar.getByRole('button', { name: 'Pilih semua yang dapat diproses (46)' }).click();
    expect(await bar.getByText('46 indikator terpilih').isVisible()).toBe(true);
    // Meanwhile, indicator 2 is returned from its own page: this screen is now out of date.
    await b.api('POST', `${E}/answers/2/review`, { decision: 'return', note: 'Lengkapi SK.' }, s.coordinator);
    await bar.getByRole('button', { name: 'Terima terpilih (46)' }).click();
    await eventually(() => bar.locator('.bulk-failures li').allTextContents()).toEqual(['Indikator 2: Tindakan ini tidak dapat dilakukan pada status jawaban indikator saat ini.']);
    expect((await detail()).answers.filter((a) => a.status === 'accepted').map((a) => a.indicator.code)).toEqual(['1']);
    await shot(page, 'bulk-refused-desktop');

    await b.api('POST', `${E}/answers/2/submit`, undefined, s.kominfo);
    await page.reload();
    await eventually(() => bar.getByRole('button', { name: 'Pilih semua yang dapat diproses (46)' }).isVisible()).toBe(true);
    await bar.getByRole('button', { name: 'Pilih semua yang dapat diproses (46)' }).click();
    await bar.getByRole('button', { name: 'Terima terpilih (46)' }).click();
    await eventually(() => bar.getByText('Tersimpan: 46 indikator, status Diterima.').isVisible()).toBe(true);
    expect((await detail()).answers.every((a) => a.status === 'accepted')).toBe(true);
    const accepted = (await b.api<{ action: string; indicator: string; actor: string }[]>('GET', `${E}/history`, undefined, s.coordinator)).filter((x) => x.action === 'accept');
    expect(accepted).toHaveLength(47);
    expect(new Set(accepted.map((x) => x.actor))).toEqual(new Set(['spbe@sumedang.demo']));
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
    await b.api('POST', `${E}/advance`, { to: 'internal_validation' }, s.coordinator);
  });

  it('validates internally, then the external assessor sets a final level with a reason, shown beside the self-assessed level', async () => {

    const internal = await b.newPage();
    await b.signIn(internal, 'inspektorat@sumedang.demo');
    await eventually(() => internal.locator('details', { hasText: 'Validasi internal' }).locator('summary').textContent()).toBe('Validasi internal 47');
    await internal.getByRole('link', { name: /^1\. Tingkat Kematangan Kebijakan Internal/ }).click();
    await internal.getByRole('button', { name: 'Validasi', exact: true }).click();
    await eventually(() => internal.getByText('Tersimpan. Status: Tervalidasi.').isVisible()).toBe(true);
    // The other 46 at once, from the evaluation's indicator list.
    await internal.getByRole('link', { name: '← Evaluasi 2026' }).click();
    const internalBar = internal.locator('.bulk-bar');
    await internalBar.getByRole('button', { name: 'Pilih semua yang dapat diproses (46)' }).click();
    await internalBar.getByRole('button', { name: 'Validasi terpilih (46)' }).click();
    await eventually(() => internalBar.getByText('Tersimpan: 46 indikator, status Tervalidasi.').isVisible()).toBe(true);
    expect(await overflowsHorizontally(internal)).toBe(false);
    await shot(internal, 'bulk-validated-phone');
    await internal.context().close();
    expect((await detail()).answers.every((a) => a.status === 'validated')).toBe(true);
    await b.api('POST', `${E}/advance`, { to: 'external_assessment' }, s.coordinator);

    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'asesor@pamong.demo');
    await eventually(() => page.locator('details', { hasText: 'Nilai sebagai asesor' }).locator('summary').textContent()).toBe('Nilai sebagai asesor 47');
    await page.getByRole('link', { name: /^1\. Tingkat Kematangan Kebijakan Internal/ }).click();
    await eventually(() => page.getByRole('heading', { name: 'Penilaian asesor eksternal' }).isVisible()).toBe(true);
    // The self-assessment and its evidence are in view.
    const pair = page.locator('.level-pair').first();
    await eventually(() => pair.textContent()).toBe('Mandiri4 · Terpadu dan TerukurAkhir–');
    await eventually(() => page.getByRole('link', { name: 'perbup-arsitektur.pdf' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Perbup Arsitektur SPBE' }).getAttribute('href')).toBe('https://jdih.sumedangkab.go.id/perbup-arsitektur-spbe');
    expect(await page.locator('.level-card', { has: page.getByRole('radio', { name: 'Tingkat 4 · Terpadu dan Terukur' }) }).textContent()).toContain('Pilihan unit');

    await page.getByLabel('Catatan wawancara').fill('Wawancara Kepala Diskominfo, 10 November.');
    await page.getByLabel('Catatan kunjungan lapangan').fill('Dokumen arsitektur diperiksa di ruang rapat.');
    await page.getByRole('radio', { name: 'Tingkat 3 · Terdefinisi' }).check();
    await page.getByLabel('Alasan penilaian').fill('Integrasi dengan instansi lain belum diatur; reviu berkala belum ada.');
    await page.getByRole('button', { name: 'Simpan penilaian' }).click();
    await eventually(() => page.getByText('Penilaian tersimpan: tingkat akhir 3.').isVisible()).toBe(true);
    await eventually(() => pair.textContent()).toBe('Mandiri4 · Terpadu dan TerukurAkhir3 · TerdefinisiIntegrasi dengan instansi lain belum diatur; reviu berkala belum ada.');
    await shot(page, 'assessment-desktop');

    // The rest from the indicator list: level 3 for most, level 2 for 29-31, level 5 for 44.
    await page.getByRole('link', { name: '← Evaluasi 2026' }).click();
    const bar = page.locator('.bulk-bar');
    const assessSelected = async (codes: string[], level: string, count: number) => {
      for (const c of codes) await page.getByLabel(`Pilih indikator ${c}`, { exact: true }).check();
      await bar.getByLabel('Tingkat akhir').selectOption({ label: level });
      await bar.getByLabel('Alasan penilaian').fill('Sesuai bukti dukung dan wawancara.');
      await bar.getByRole('button', { name: `Simpan penilaian terpilih (${count})` }).click();
      await eventually(() => bar.getByText(`Penilaian tersimpan: ${count} indikator.`).isVisible()).toBe(true);
    };
    const special = ['1', ...Object.keys(FINAL)];
    await eventually(() => bar.getByRole('button', { name: 'Pilih semua yang dapat diproses (47)' }).isVisible()).toBe(true);
    await bar.getByRole('button', { name: 'Pilih semua yang dapat diproses (47)' }).click();
    for (const c of special) await page.getByLabel(`Pilih indikator ${c}`, { exact: true }).uncheck();
    await assessSelected([], 'Tingkat 3 · Terdefinisi', 42);
    await assessSelected(['29', '30', '31'], 'Tingkat 2 · Terkelola', 3);
    await assessSelected(['44'], 'Tingkat 5 · Optimum', 1);
    expect((await detail()).answers.map((a) => a.finalLevel)).toEqual(ALL.map((c) => FINAL[c] ?? 3));
    await page.getByRole('button', { name: 'Tetapkan hasil akhir' }).click();
    await eventually(() => page.getByText('Tersimpan. Tahap: Final.').isVisible()).toBe(true);
    // Self: all 3, indicator 1 (weight 1.3) at 4 → 3.013; final: 44 (3.0) at 5, 29-31 (1.5 each) at 2 → 3.015.
    await eventually(() => page.locator('.score-cards').textContent()).toBe('Indeks penilaian mandiri3,01BaikIndeks akhir (asesor)3,02Baik');
    const row1 = page.locator('tr', { has: page.getByRole('link', { name: /^Tingkat Kematangan Kebijakan Internal Arsitektur SPBE/ }) });
    expect(await row1.locator('td').allTextContents()).toEqual(['1', 'Dinas Komunikasi dan Informatika', 'Tervalidasi', '4 · Terpadu dan Terukur', '3 · Terdefinisi']);
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
    expect((await answer('1')).finalLevel).toBe(3);
  });

  it('lets the coordinator publish the result and share a practice that others then learn from', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'spbe@sumedang.demo');
    await page.goto(b.url(`/staff/32.11/spbe/evaluasi/${id}`));
    await page.getByRole('button', { name: 'Publikasikan hasil 2026' }).click();
    await eventually(() => page.getByText('Hasil dipublikasikan.').isVisible()).toBe(true);
    await eventually(() => page.getByRole('button', { name: 'Tarik publikasi' }).isVisible()).toBe(true);

    await page.goto(b.url(`/staff/32.11/spbe/evaluasi/${id}/indikator/44`));
    await page.getByLabel('Bagikan praktik indikator ini').check();
    await page.getByLabel('Catatan praktik').fill('Satu pintu perizinan daring terhubung OSS, dipantau mingguan.');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await eventually(() => page.getByText('Praktik dibagikan.').isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Belajar dari yang terbaik' }).click();
    await page.getByLabel('Indikator', { exact: true }).selectOption({ value: '44' });
    const cards = page.locator('.row-card');
    await eventually(() => cards.count()).toBe(2);
    expect(await cards.nth(0).textContent()).toMatch(/^Kabupaten SumedangTingkat 5 · Optimum2026Satu pintu perizinan daring terhubung OSS, dipantau mingguan\./);
    // The leader's practice published in the Living Lab, with its mentor.
    await eventually(() => cards.nth(0).getByRole('link', { name: /Praktik SPBE: pengaduan warga terpadu/ }).isVisible()).toBe(true);
    expect(await cards.nth(1).textContent()).toContain('Pengaduan warga terpadu di Pamong');
    expect(await cards.nth(1).getByRole('link', { name: 'sop-pengaduan-terpadu.pdf' }).getAttribute('href')).toMatch(/^\/api\/regions\/32\.11\/spbe\/shared-evidence\//);
    expect(page.url()).toBe(b.url('/staff/32.11/spbe/belajar?indikator=44'));
    await page.context().close();
  });

  it('lays out "Belajar dari yang terbaik" without breaking a word, on a desk screen and on a phone', async () => {
    for (const viewport of [{ width: 1366, height: 900 }, { width: 360, height: 740 }]) {
      const page = await b.newPage({ viewport, isMobile: viewport.width < 400, hasTouch: viewport.width < 400 });
      await b.signIn(page, 'spbe@sumedang.demo');
      await page.goto(b.url('/staff/32.11/spbe/belajar?indikator=44'));
      await eventually(() => page.locator('.row-card').count()).toBe(2);
      // Each filter is at least as wide as the longest word of its label and of its chosen option.
      const narrow = await page.locator('.leaders-filters .field').evaluateAll((fields) => fields.flatMap((f) => {
        const label = f.querySelector('label')!;
        const select = f.querySelector('select')!;
        const longest = (text: string) => text.split(/\s+/).reduce((a, w) => (w.length > a.length ? w : a), '');
        const width = (text: string, like: Element) => {
          const probe = document.createElement('span');
          probe.style.cssText = `font: ${getComputedStyle(like).font}; white-space: nowrap; position: absolute; visibility: hidden`;
          probe.textContent = text;
          document.body.append(probe);
          const w = probe.getBoundingClientRect().width;
          probe.remove();
          return w;
        };
        const word = longest(label.textContent ?? '');
        const option = longest(select.selectedOptions[0]?.textContent ?? '');
        return [
          ...(label.getBoundingClientRect().width + 0.5 < width(word, label) ? [`label "${label.textContent}" narrower than "${word}"`] : []),
          ...(select.getBoundingClientRect().width + 0.5 < width(option, select) ? [`select "${label.textContent}" narrower than "${option}"`] : []),
          ...(label.getBoundingClientRect().height > 3 * parseFloat(getComputedStyle(label).lineHeight || '20') ? [`label "${label.textContent}" wraps over ${label.getBoundingClientRect().height}px`] : []),
        ];
      }));
      expect(narrow, `${viewport.width} px`).toEqual([]);
      expect(await overflowsHorizontally(page)).toBe(false);
      await shot(page, `leaders-${viewport.width}`);
      await page.context().close();
    }
  });

  it('shows the results as radar and bar charts with tables', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'bupati@sumedang.demo');
    await page.goto(b.url(`/staff/32.11/spbe/evaluasi/${id}/hasil`));
    await eventually(() => page.getByRole('heading', { name: 'Hasil evaluasi 2026' }).isVisible()).toBe(true);
    const radar = page.getByRole('img', { name: 'Nilai per Domain: mandiri dan akhir' });
    expect(await radar.locator('polygon.area').count()).toBe(2);
    const domains = page.locator('table.scores', { has: page.locator('caption', { hasText: /^Domain$/ }) });
    expect(await domains.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)))).toEqual([
      ['D1', 'Kebijakan Internal SPBE', '13', '3,10', '3,00'],
      ['D2', 'Tata Kelola SPBE', '25', '3,00', '3,00'],
      ['D3', 'Manajemen SPBE', '16,5', '3,00', '2,73'],
      ['D4', 'Layanan SPBE', '45,5', '3,00', '3,13'],
    ]);
    await shot(page, 'results-desktop');
    await page.context().close();
  });

  it('compares: ranking with the region among its peers, and the trend with the national series and the framework break', async () => {
    const page = await b.newPage();
    await b.signIn(page, 'spbe@sumedang.demo');
    await page.getByRole('link', { name: 'Perbandingan' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Posisi daerah tahun 2026' }).isVisible()).toBe(true);
    expect(await page.locator('.standing li').allTextContents()).toEqual([
      'Semua daerahperingkat 5 dari 6rata-rata 3,49',
      'Kabupaten/kota se-provinsiperingkat 3 dari 4rata-rata 3,42',
      'Sesama kabupatenperingkat 3 dari 3rata-rata 3,25',
    ]);
    const ranking = page.locator('table.ranking tbody tr');
    await eventually(() => ranking.count()).toBe(4);
    expect(await ranking.evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)))).toEqual([
      ['1', 'Kota Bandung', '4,10', 'Sangat Baik'], ['2', 'Kabupaten Bandung', '3,20', 'Baik'], ['3', 'Kabupaten Sumedang', '3,02', 'Baik'], ['4', 'Kota Banjar', '2,95', 'Baik'],
    ]);
    expect(await page.locator('table.ranking tr[aria-current="true"] th').textContent()).toBe('Kabupaten Sumedang');
    const chart = page.getByRole('img', { name: 'Peringkat 2026: Kabupaten/kota se-provinsi' });
    expect(await chart.locator('.highlight .bar-label').textContent()).toBe('3. Kabupaten Sumedang');

    await page.getByLabel('Menurut').selectOption({ label: 'Domain' });
    await page.getByLabel('Domain', { exact: true }).selectOption({ value: 'D4' });
    await eventually(() => ranking.evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)))).toEqual([
      ['1', 'Kota Bandung', '4,20', 'Sangat Baik'], ['2', 'Kabupaten Bandung', '3,40', 'Baik'], ['3', 'Kabupaten Sumedang', '3,13', 'Baik'],
    ]);
    await page.getByLabel('Cakupan').selectOption({ label: 'Semua daerah' });
    await page.getByLabel('Menurut').selectOption({ label: 'Indeks' });
    await eventually(() => ranking.count()).toBe(6);
    expect(await overflowsHorizontally(page)).toBe(false);

    // Trend: the region's years and the national series, broken where the framework changed.
    const trend = page.getByRole('img', { name: 'Indeks SPBE Kabupaten Sumedang dan nasional' });
    expect(await trend.locator('.break line').count()).toBe(2);
    expect(await trend.locator('.break text').allTextContents()).toEqual(['Kerangka berubah: spbe-2020 v1', 'Kerangka berubah: spbe-2020 v1']);
    // The region's line is not drawn across its 2020 → 2023 change: two segments.
    expect(await trend.locator('.line.series-0 polyline').count()).toBe(2);
    const rows = page.locator('figure', { has: trend }).locator('tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((r) => [...r.children].map((c) => c.textContent)))).toEqual([
      ['2018', '–', '1,98', ''], ['2019', '–', '2,18', ''], ['2020', '2,10', '2,26', ''], ['2021', '–', '2,24', 'Kerangka berubah: spbe-2020 v1'],
      ['2022', '–', '2,34', ''], ['2023', '3,02', '2,79', 'Kerangka berubah: spbe-2020 v1'], ['2024', '3,45', '3,12', ''], ['2025', '3,22', '–', ''], ['2026', '3,02', '–', ''],
    ]);
    await shot(page, 'compare-phone');

    // The national index is the reference line of a year it was published.
    await page.getByLabel('Tahun', { exact: true }).selectOption('2024');
    await eventually(() => page.locator('.reference text').textContent()).toBe('Nasional 3,12');
    await page.getByRole('button', { name: 'English' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Comparison' }).isVisible()).toBe(true);
    expect(await page.getByText('The region\'s standing in 2024').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
  });

  it('sets a target, shows the gap and the fewest-steps plan, and simulates "what if" without touching the stored answers', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'spbe@sumedang.demo');
    await page.goto(b.url('/staff/32.11/spbe/target'));
    await page.getByLabel('Tahun target').selectOption('2027');
    await eventually(() => page.getByText('Belum ada target untuk tahun ini.').isVisible()).toBe(true);
    await page.getByLabel('Target indeks (1–5)').fill('3.5');
    await page.getByLabel('Catatan, mis. dasar target').fill('RPJMD 2025-2029');
    // One level a year unless the coordinator says otherwise; here two.
    const rise = page.getByLabel('Kenaikan paling banyak per indikator per tahun (tingkat)');
    expect(await rise.inputValue()).toBe('1');
    await rise.fill('2');
    await page.locator('details.out-of-reach summary').click();
    await page.getByRole('checkbox', { name: /^29\. / }).check();
    await page.getByRole('button', { name: 'Simpan target' }).click();
    await eventually(() => page.getByText('Target tersimpan.').isVisible()).toBe(true);

    // From the final 3.015: the weight-3 indicators first (3 → 5), then weight 2.75; 29 is out of reach.
    const facts = page.locator('.plan-facts');
    // Two levels a year: 30 and 31 (at 2) reach 4 at most, so the best is 4,93 rather than 4,96.
    await eventually(() => facts.textContent()).toBe('Indeks saat ini3,02Target3,50Selisih0,48Langkah paling sedikit17Indeks setelah rencana3,51Indeks tertinggi yang mungkin4,93');
    expect(await page.getByText('Tiap indikator naik paling banyak 2 tingkat (2 per tahun, 1 tahun).').isVisible()).toBe(true);
    const steps = await page.locator('table', { has: page.locator('caption', { hasText: 'Rencana: 17 langkah' }) }).locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    expect(steps.map((r) => [r[0]!.split('.')[0], r[1], r[2], r[3], r[4]])).toEqual([
      ['42', '3 · Transaksi', '5 · Optimum', '+0,06', '3,08'], ['43', '3 · Transaksi', '5 · Optimum', '+0,06', '3,14'], ['45', '3 · Transaksi', '5 · Optimum', '+0,06', '3,20'],
      ['46', '3 · Transaksi', '5 · Optimum', '+0,06', '3,26'], ['47', '3 · Transaksi', '5 · Optimum', '+0,06', '3,32'], ['32', '3 · Transaksi', '5 · Optimum', '+0,055', '3,37'],
      ['33', '3 · Transaksi', '5 · Optimum', '+0,055', '3,43'], ['34', '3 · Transaksi', '5 · Optimum', '+0,055', '3,48'], ['35', '3 · Transaksi', '4 · Kolaborasi', '+0,0275', '3,51'],
    ]);
    expect(await page.getByText('Di luar jangkauan: indikator 29.').isVisible()).toBe(true);

    // At one level a year, 4,00 is out of reach: the page says so and gives the best reachable index.
    await rise.fill('1');
    await page.getByLabel('Target indeks (1–5)').fill('4');
    await page.getByRole('button', { name: 'Simpan target' }).click();
    await eventually(() => page.locator('.alert-warn').textContent()).toBe('Target tidak tercapai bila tiap indikator naik paling banyak 1 tingkat: indeks tertinggi yang dapat dicapai 3,97.');
    expect(await b.api('GET', `${R}/targets`, undefined, s.coordinator)).toContainEqual(expect.objectContaining({ year: 2027, targetIndex: 4, maxRisePerYear: 1 }));
    await rise.fill('2');
    await page.getByLabel('Target indeks (1–5)').fill('3.5');
    await page.getByRole('button', { name: 'Simpan target' }).click();
    await eventually(() => facts.textContent()).toContain('Langkah paling sedikit17');

    const result = page.locator('.sim-result');
    await eventually(() => result.textContent()).toBe('Simulasi3,02Baik');
    await page.getByRole('button', { name: 'Coba rencana ini di simulator' }).click();
    await eventually(() => result.textContent()).toBe('Simulasi3,51Sangat Baik');
    // Taking one step back by hand: 35 returns to its level.
    await page.locator('details.sim-group', { hasText: 'A7 · Layanan Administrasi' }).locator('summary').click();
    await page.getByRole('combobox', { name: /^35\. / }).selectOption('3');
    await eventually(() => result.textContent()).toBe('Simulasi3,48Baik');
    expect(await page.locator('.sim-baseline').textContent()).toBe('Sekarang3,02Baik');
    await shot(page, 'target-desktop');

    // Nothing stored changed.
    const d = await detail();
    expect([d.scores.final.index, d.answers.find((a) => a.indicator.code === '42')!.finalLevel, d.answers.find((a) => a.indicator.code === '35')!.finalLevel]).toEqual([3.02, 3, 3]);
    expect(await b.api('GET', `${R}/targets`, undefined, s.coordinator)).toContainEqual(expect.objectContaining({ year: 2027, targetIndex: 3.5, outOfReach: ['29'], maxRisePerYear: 2, note: 'RPJMD 2025-2029' }));
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
  });

  it('renders the printable report, prints it without the navigation, and links the exports', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'spbe@sumedang.demo');
    await page.goto(b.url(`/staff/32.11/spbe/laporan/${id}`));
    await eventually(() => page.getByRole('heading', { name: 'Laporan Evaluasi SPBE 2026' }).isVisible()).toBe(true);
    const facts = page.locator('.spbe-report header .facts');
    expect(await facts.textContent()).toContain('DaerahKabupaten Sumedang (32.11)Kerangka evaluasiEvaluasi SPBE (PermenPANRB 59/2020) · versi 1TahapFinal');
    expect(await page.locator('.spbe-report .score-cards').textContent()).toBe('Indeks penilaian mandiri3,01BaikIndeks akhir (asesor)3,02Baik');
    expect(await page.locator('.report-domain h2').allTextContents()).toEqual(['D1 · Kebijakan Internal SPBE', 'D2 · Tata Kelola SPBE', 'D3 · Manajemen SPBE', 'D4 · Layanan SPBE']);
    expect(await page.locator('.report-indicator').count()).toBe(47);
    const first = await page.locator('.report-indicator').first().textContent();
    for (const part of ['Mandiri4 · Terpadu dan Terukur', 'Akhir3 · Terdefinisi', 'Alasan penilaian: Integrasi dengan instansi lain belum diatur', 'perbup-arsitektur.pdf', 'Perbup Arsitektur SPBE']) expect(first).toContain(part);

    const xlsx = await page.getByRole('link', { name: 'XLSX' }).getAttribute('href');
    expect(xlsx).toBe(`${E}/export?format=xlsx`);
    const download = await page.request.get(b.url(xlsx!));
    expect([download.status(), download.headers()['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(await page.getByRole('link', { name: 'CSV bukti dukung' }).getAttribute('href')).toBe(`${E}/export?format=csv&part=evidence`);

    await page.evaluate(() => { window.print = () => { (window as unknown as { printed: boolean }).printed = true; }; });
    await page.getByRole('button', { name: 'Cetak / simpan PDF' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed?: boolean }).printed)).toBe(true);
    await shot(page, 'report-desktop');

    await page.emulateMedia({ media: 'print' });
    await shot(page, 'report-print');
    expect(await page.locator('header.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Menu SPBE' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Cetak / simpan PDF' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Laporan Evaluasi SPBE 2026' }).isVisible()).toBe(true);
    expect(await page.locator('.report-domain').evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore))).toEqual(['page', 'page', 'page', 'page']);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('header.site-header').isVisible()).toBe(true);
    await page.context().close();
  });

  it('shows the evaluation on a phone without sideways scrolling, with its dated history', async () => {
    const page = await b.newPage();
    await b.signIn(page, 'spbe@sumedang.demo');
    await page.goto(b.url(`/staff/32.11/spbe/evaluasi/${id}`));
    await eventually(() => page.getByRole('heading', { name: 'Evaluasi SPBE 2026' }).isVisible()).toBe(true);
    // Dates in the region's time zone, although this browser lives in New York.
    expect(await page.locator('.stages li').first().textContent()).toBe('Persiapan2 Nov 2026, 09.00 WIB');
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, 'evaluation-phone');
    await page.getByRole('link', { name: 'Riwayat' }).first().click();
    await eventually(() => page.getByRole('heading', { name: 'Riwayat evaluasi 2026' }).isVisible()).toBe(true);
    const latest = page.locator('.spbe-history > li').first();
    expect(await latest.textContent()).toContain('Praktik baik');
    expect(await latest.textContent()).toContain('spbe@sumedang.demo');
    expect(await page.locator('.spbe-history > li').last().textContent()).toBe('Evaluasi dibuka2 Nov 2026, 09.00 WIB · spbe@sumedang.demoTahun 2026, kerangka spbe-2020 v1');
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.context().close();
  });

  it('lets the platform admin edit a draft version with the running weight sum; activation is refused until it is 100', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'admin@pamong.demo');
    await page.goto(b.url('/spbe/kerangka'));
    const pemdi = page.locator('section', { has: page.getByRole('heading', { name: /PermenPANRB 8\/2026/ }) });
    await pemdi.getByRole('button', { name: 'Salin versi 1 jadi draf baru' }).click();
    await eventually(() => page.getByRole('heading', { name: /pemdi-2026 · versi 2/ }).isVisible()).toBe(true);
    const sum = page.locator('.weight-sum');
    expect(await sum.textContent()).toBe('Jumlah bobot indikator: 100 — tepat 100, dapat diaktifkan.');
    await page.getByLabel('Bobot indikator 1', { exact: true }).fill('10');
    expect(await sum.textContent()).toBe('Jumlah bobot indikator: 105 — harus tepat 100 agar dapat diaktifkan.');
    await page.getByLabel('Nama indikator 1 (English)').fill('Digital-government governance maturity');
    // The official wording replaces a provisional placeholder: no longer marked provisional.
    await page.getByRole('button', { name: 'Kriteria' }).first().click();
    await page.getByLabel('Kriteria indikator 1 tingkat 1 (Bahasa Indonesia)').fill('Rencana aksi Pemerintah Digital daerah belum disusun.');
    // The Pedoman wording is editable too, and marked optional.
    await page.getByLabel('Rumusan Pedoman Evaluasi indikator 1 tingkat 1').fill('Dokumen rencana aksi belum tersedia.');
    await page.getByRole('button', { name: 'Aktifkan versi ini' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Versi tidak dapat diaktifkan: jumlah bobot indikator harus tepat 100.');
    // The draft was saved before the refusal: nothing lost.
    const draft = await b.api<{ status: string; weightSum: number; document: { indicators: { code: string; weight: number; name: { en: string }; criteria: Record<string, unknown> }[] } }>('GET', '/api/spbe/frameworks/pemdi-2026/versions/2', undefined, s.admin);
    expect([draft.status, draft.weightSum, draft.document.indicators[0].weight, draft.document.indicators[0].name.en]).toEqual(['draft', 105, 10, 'Digital-government governance maturity']);
    expect(draft.document.indicators[0].criteria['1']).toEqual({ id: 'Rencana aksi Pemerintah Digital daerah belum disusun.', en: null, pedoman: 'Dokumen rencana aksi belum tersedia.' });
    expect(draft.document.indicators[0].criteria['2']).toMatchObject({ provisional: true });
    await shot(page, 'framework-editor-desktop');

    await page.getByLabel('Bobot indikator 20', { exact: true }).fill('10');
    expect(await sum.textContent()).toBe('Jumlah bobot indikator: 100 — tepat 100, dapat diaktifkan.');
    await page.getByRole('button', { name: 'Aktifkan versi ini' }).click();
    await eventually(() => page.getByText('Versi ini tidak dapat diubah. Salin menjadi versi draf untuk mengoreksinya.').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: /pemdi-2026 · versi 2/ }).textContent()).toContain('Aktif');
    const list = await b.api<{ code: string; versions: { version: number; status: string }[] }[]>('GET', '/api/spbe/frameworks', undefined, s.admin);
    expect(list.find((f) => f.code === 'pemdi-2026')!.versions.map((v) => [v.version, v.status])).toEqual([[2, 'active'], [1, 'retired']]);
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
  });
});
