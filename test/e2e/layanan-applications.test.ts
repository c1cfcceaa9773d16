// The application journey in Chromium, on the demo region and a phone: the
// demo citizen applies for the SKTM with its three documents (a bad NIK is
// refused next to its field first, and nothing is filed), the counter returns
// it with a reason from the queue, the citizen reads the reason and replaces
// one document, the counter completes, the camat approves, and the public
// status page shows the approval waiting at the issuing stage. Counter staff
// file for a walk-in, a return without a reason is refused in words, and a
// week without a decision shows fiktif positif.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE, pngBuffer } from './browser.js';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';
import { sweepDeadlines } from '../../src/platform/deadlines/sweep.js';
import { fillAddress } from './layanan-helpers.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const SKTM = '/r/32.11/layanan/surat-keterangan-tidak-mampu';
// Sumedang Selatan (32.11.17), a woman born 2 July 1985; the bad one has no such district.
const NIK = '3211174207850003';
const UNKNOWN_DISTRICT_NIK = '9911994207850003';

describeInBrowser('Service applications in Chromium', (b) => {
  const filedCount = async () => (await b.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from layanan_applications where applicant_name = 'Siti Warga Sumedang'`))[0].n;
  const signInHere = async (page: Page, email: string) => {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  };

  it('applies on a phone, is returned, resubmits, is completed and approved, and shows on the public status page', async () => {
    const before = await filedCount();
    const citizen = await b.newPage({ viewport: PHONE });
    await citizen.goto(b.url(SKTM));
    await citizen.getByRole('link', { name: 'Ajukan permohonan' }).click();
    // Signed out: told why an account is needed, and signing in comes back here.
    await eventually(() => citizen.getByText('surelnya sudah dikonfirmasi').isVisible()).toBe(true);
    await citizen.getByRole('link', { name: 'Masuk', exact: true }).click();
    await signInHere(citizen, 'warga@sumedang.demo');
    await eventually(() => citizen.url()).toContain(`${SKTM}/ajukan`);
    await eventually(() => citizen.getByLabel('NIK pemohon').isVisible()).toBe(true);

    await citizen.getByLabel('NIK pemohon').fill(UNKNOWN_DISTRICT_NIK);
    await citizen.getByLabel('Nama lengkap').fill('Siti Warga Sumedang');
    await fillAddress(citizen, 'apply-alamat', 'Jl. Mawar 3 RT 01/RW 02');
    await citizen.getByLabel('Keringanan biaya sekolah').check();
    await citizen.getByLabel('Kartu Keluarga').setInputFiles({ name: 'kk.pdf', mimeType: 'application/pdf', buffer: PDF });
    await citizen.getByLabel('KTP-el pemohon').setInputFiles({ name: 'ktp.png', mimeType: 'image/png', buffer: await pngBuffer(40, 25) });
    await citizen.getByLabel('Surat pengantar RT/RW').setInputFiles({ name: 'pengantar.pdf', mimeType: 'application/pdf', buffer: PDF });

    // A NIK of no known district: the API's message next to the field, the field focused, nothing filed.
    await citizen.getByRole('button', { name: 'Kirim permohonan' }).click();
    const nikField = citizen.locator('.field', { has: citizen.locator('#apply-nik') });
    await eventually(() => nikField.getByRole('alert').textContent()).toBe('Enam angka pertama NIK bukan kode kecamatan yang dikenal.');
    expect(await citizen.evaluate(() => document.activeElement?.id)).toBe('apply-nik');
    expect(await filedCount()).toBe(before);

    await citizen.getByLabel('NIK pemohon').fill(NIK);
    await citizen.getByRole('button', { name: 'Kirim permohonan' }).click();
    await eventually(() => citizen.getByRole('heading', { name: 'Permohonan terkirim' }).isVisible()).toBe(true);
    const registrationNo = (await citizen.locator('.tracking-code .code').textContent())!;
    expect(registrationNo).toMatch(/^PLY-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await citizen.locator('.layanan-receipt').textContent()).toContain('Batas waktu keputusan');
    expect(await filedCount()).toBe(before + 1);
    expect(await overflowsHorizontally(citizen)).toBe(false);

    // The counter finds it in the queue and returns it with a reason.
    const counter = await b.newPage({ viewport: { width: 1280, height: 900 } });
    await b.signIn(counter, 'loket.sumsel@sumedang.demo');
    await counter.goto(b.url('/staff/32.11/layanan/permohonan'));
    await counter.getByRole('link', { name: registrationNo }).click();
    await eventually(() => counter.getByRole('heading', { name: registrationNo }).isVisible()).toBe(true);
    expect(await counter.locator('.layanan-answers').textContent()).toContain('Keringanan biaya sekolah');
    await counter.getByLabel('Alasan').fill('Foto KTP-el buram; unggah ulang yang terbaca.');
    await counter.getByRole('button', { name: 'Kembalikan untuk dilengkapi' }).click();
    await eventually(() => counter.getByText('Permohonan dikembalikan kepada pemohon.').isVisible()).toBe(true);

    // The citizen reads the reason in their applications and replaces only the ID card.
    await citizen.goto(b.url('/permohonan-saya'));
    await citizen.getByRole('link', { name: registrationNo }).click();
    await eventually(() => citizen.getByText('Foto KTP-el buram; unggah ulang yang terbaca.').first().isVisible()).toBe(true);
    await eventually(() => citizen.locator('#resubmit-nik').inputValue()).toBe(NIK);
    await citizen.locator('#resubmit-ktp').setInputFiles({ name: 'ktp-baru.png', mimeType: 'image/png', buffer: await pngBuffer(60, 38, [20, 20, 20]) });
    await citizen.getByRole('button', { name: 'Kirim kelengkapan' }).click();
    await eventually(() => citizen.getByText('Kelengkapan terkirim; permohonan diproses lagi.').isVisible()).toBe(true);
    // Images are stored re-encoded as JPEG; the earlier ID card stays, marked as replaced, the other documents as they were.
    const ktp = citizen.locator('.layanan-answers > div', { hasText: 'KTP-el pemohon' });
    await eventually(() => ktp.locator('li').allTextContents()).toEqual([expect.stringMatching(/^ktp-baru\.jpg \(\d+ KB\)$/), expect.stringMatching(/^ktp\.jpg \(\d+ KB · sudah diganti\)$/)]);
    expect(await citizen.locator('.layanan-answers > div', { hasText: 'Kartu Keluarga' }).locator('li').allTextContents()).toEqual([expect.stringMatching(/^kk\.pdf \(\d+ KB\)$/)]);
    expect(await overflowsHorizontally(citizen)).toBe(false);

    // The counter completes the check; the camat approves.
    await counter.reload();
    await counter.getByRole('button', { name: 'Berkas lengkap, teruskan' }).click();
    await eventually(() => counter.getByText('Berkas lengkap; permohonan diteruskan.').isVisible()).toBe(true);
    const detailUrl = counter.url();
    const camat = await b.newPage({ viewport: PHONE });
    await b.signIn(camat, 'camat.sumsel@sumedang.demo');
    await camat.goto(detailUrl);
    await camat.getByRole('button', { name: 'Setujui' }).click();
    await eventually(() => camat.getByText('Permohonan disetujui.').isVisible()).toBe(true);

    // Anyone with the number sees the approval, waiting at the issuing stage, and the timeline in words.
    const anyone = await b.newPage({ viewport: PHONE });
    await anyone.goto(b.url('/r/32.11/layanan'));
    await anyone.getByLabel('Nomor registrasi').fill(registrationNo.toLowerCase());
    await anyone.getByRole('button', { name: 'Lacak' }).click();
    await eventually(() => anyone.getByRole('heading', { name: `Permohonan ${registrationNo}` }).isVisible()).toBe(true);
    await eventually(() => anyone.locator('main').textContent()).toContain('disetujui');
    const status = (await anyone.locator('main').textContent())!;
    expect(status).toContain('Menunggu di tahap Penerbitan');
    for (const event of ['Diajukan', 'Dikembalikan untuk dilengkapi', 'Dilengkapi pemohon', 'Berkas lengkap, diteruskan', 'Disetujui']) expect(status).toContain(event);
    expect(status).not.toContain('Foto KTP-el buram');
    expect(await overflowsHorizontally(anyone)).toBe(false);

    // The counter issues the certificate; the citizen downloads it, its QR address says it is genuine, and the survey invites them.
    await counter.reload();
    await counter.getByRole('button', { name: 'Terbitkan' }).click();
    await eventually(() => counter.getByText('Hasil layanan diterbitkan.').isVisible()).toBe(true);
    await citizen.reload();
    await eventually(() => citizen.getByRole('heading', { name: 'Hasil dan pembayaran' }).isVisible()).toBe(true);
    expect(await citizen.getByText('SURAT KETERANGAN TIDAK MAMPU', { exact: true }).isVisible()).toBe(true);
    const download = await citizen.getByRole('link', { name: 'Unduh PDF' }).getAttribute('href');
    const pdf = await citizen.evaluate(async (href) => { const r = await fetch(href!); return [r.status, (await r.text()).slice(0, 5)]; }, download);
    expect(pdf).toEqual([200, '%PDF-']);
    const verify = await citizen.getByRole('link', { name: 'Halaman verifikasi' }).getAttribute('href');
    await anyone.goto(b.url(new URL(verify!).pathname));
    await eventually(() => anyone.getByText('Dokumen asli: diterbitkan oleh pemerintah daerah dan masih berlaku.').isVisible()).toBe(true);
    const survey = citizen.getByRole('form', { name: 'Survei kepuasan masyarakat' });
    for (let i = 1; i <= 9; i++) await survey.locator(`input[name="U${i}"][value="4"]`).check();
    await survey.getByRole('button', { name: 'Kirim survei' }).click();
    await eventually(() => citizen.getByText('Terima kasih, survei Anda tercatat.').isVisible()).toBe(true);
    await eventually(() => citizen.getByRole('heading', { name: 'Survei kepuasan masyarakat' }).count()).toBe(0);
    const [{ n }] = await b.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from layanan_skm_responses where channel = 'online'`);
    expect(n).toBe(1);
    expect(await overflowsHorizontally(citizen)).toBe(false);
    for (const page of [citizen, counter, camat, anyone]) expect(b.problems(page)).toEqual([]);
  });

  it('files at the counter for a walk-in, refuses a return without a reason in words, and shows fiktif positif a week on', async () => {
    const counter = await b.newPage({ viewport: PHONE });
    await b.signIn(counter, 'loket.sumsel@sumedang.demo');
    await counter.goto(b.url('/staff/32.11/layanan/permohonan'));
    await counter.getByRole('link', { name: 'Permohonan baru di loket' }).click();
    await eventually(() => counter.locator('#counter-service option', { hasText: 'Surat Keterangan Tidak Mampu (SKTM)' }).count()).toBe(1);
    await counter.locator('#counter-service').selectOption({ label: 'Surat Keterangan Tidak Mampu (SKTM) — Kecamatan Sumedang Selatan' });
    await eventually(() => counter.getByLabel('NIK pemohon').isVisible()).toBe(true);
    await counter.getByLabel('NIK pemohon').fill('3211170101900001');
    await counter.getByLabel('Nama lengkap').fill('Asep Sunandar');
    await fillAddress(counter, 'counter-alamat', 'Jl. Prabu Geusan Ulun 5');
    await counter.getByLabel('Keringanan biaya berobat').check();
    for (const [label, name] of [['Kartu Keluarga', 'kk.pdf'], ['KTP-el pemohon', 'ktp.pdf'], ['Surat pengantar RT/RW', 'rt.pdf']]) {
      await counter.getByLabel(label).setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
    }
    await counter.getByLabel('Nama pemohon').fill('Asep Sunandar');
    await counter.getByRole('button', { name: 'Ajukan permohonan' }).click();
    await eventually(() => counter.getByRole('heading', { name: 'Permohonan terkirim' }).isVisible()).toBe(true);
    const registrationNo = (await counter.locator('.tracking-code .code').textContent())!;

    await counter.getByRole('link', { name: 'Buka permohonan' }).click();
    await eventually(() => counter.getByRole('heading', { name: registrationNo }).isVisible()).toBe(true);
    expect(await counter.locator('main').textContent()).toContain('Asep Sunandar · diajukan di loket');
    // The documents download as they were checked.
    const download = await counter.locator('.layanan-answers a', { hasText: 'ktp.pdf' }).getAttribute('href');
    expect(await counter.evaluate(async (href) => {
      const res = await fetch(href!);
      return [res.status, res.headers.get('content-type'), (await res.text()).slice(0, 8)];
    }, download)).toEqual([200, 'application/pdf', '%PDF-1.4']);
    await counter.getByRole('button', { name: 'Kembalikan untuk dilengkapi' }).click();
    await eventually(() => counter.getByRole('alert').textContent()).toBe('Tuliskan alasannya: pemohon akan membacanya.');
    expect(await counter.locator('main').textContent()).toContain('Menunggu di tahap Pemeriksaan berkas');

    // In the queue, filtered to applications in process.
    await counter.getByRole('link', { name: '← Antrean permohonan' }).click();
    await counter.getByLabel('Status').selectOption({ label: 'Diproses' });
    await eventually(() => counter.url()).toContain('status=in_process');
    await eventually(() => counter.locator('.layanan-queue tr', { hasText: registrationNo }).textContent()).toContain('Asep Sunandar');
    expect(b.problems(counter)).toEqual([]);

    // A week on with no decision, the law deems it granted: the queue and the public status page say so.
    await b.advanceHours(24 * 7);
    // One escalation step per sweep: the reminder, then the deadline itself.
    await sweepDeadlines(b.ctx);
    await sweepDeadlines(b.ctx);
    const head = await b.newPage({ viewport: PHONE });
    await b.signIn(head, 'camat.sumsel@sumedang.demo');
    await head.goto(b.url('/staff/32.11/layanan/permohonan?terlambat=1'));
    await eventually(() => head.locator('.layanan-queue tr', { hasText: registrationNo }).textContent()).toContain('FIKTIF POSITIF');
    const anyone = await b.newPage({ viewport: PHONE });
    await anyone.goto(b.url(`/r/32.11/layanan/permohonan/${registrationNo}`));
    await eventually(() => anyone.locator('.layanan-fiktif').textContent()).toContain('dianggap dikabulkan secara hukum');
    expect(await anyone.locator('.layanan-timeline').textContent()).toContain('Fiktif positif: dianggap dikabulkan');
    expect(await overflowsHorizontally(anyone)).toBe(false);
  });
});
