// The outgoing draft form in Chromium, on a phone. Diskominfo's staff saves a
// letter to an email address as a draft without sending it to verification:
// a mistyped address is refused first by the browser, then (an address the
// browser lets through) by the API, said next to the field; the draft stays
// a draft, and reopened it holds every field as saved. And a nota dinas: it
// goes to units of the region only, and is initialled and signed as a
// letter is, its number and the signer's position in the PDF given at signing.
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { describeInBrowser, eventually, overflowsHorizontally } from './browser.js';
import { pdfRuns } from '../support/pdf.js';

const SIGNER = 'Kepala Dinas Kominfo Sumedang (Dinas Komunikasi dan Informatika)';
const VERIFIER = 'Ujang Kabid Aptika (Dinas Komunikasi dan Informatika)';
const POSITION = 'Kepala Dinas Komunikasi dan Informatika';

describeInBrowser('Correspondence: the draft form in Chromium', (b) => {
  it('saves a letter to an email address as a draft only, refusing a bad address, and reopens it with every field kept', async () => {
    const SUBJECT = 'Penyampaian daftar peserta pelatihan keamanan siber';
    const staf = await b.newPage();
    await b.signIn(staf, 'staf.aptika@sumedang.demo');
    const form = await newDraft(b.url('/staff/32.11/surat/outgoing'), staf);
    await staf.getByLabel('Jenis naskah').selectOption({ label: 'Surat Pengantar' });
    await staf.getByLabel('Kode klasifikasi arsip').fill('000.5.1');
    await staf.getByLabel('Hal', { exact: true }).fill(SUBJECT);
    await staf.getByLabel('Kepada Yth.').fill('Kepala Balai Sertifikasi Elektronik');
    await staf.getByLabel('Lampiran (kosongkan bila tidak ada)').fill('1 (satu) berkas');
    await staf.getByLabel('Isi', { exact: true }).fill('Bersama ini kami sampaikan daftar operator perangkat daerah peserta pelatihan keamanan siber.');
    const first = staf.getByRole('group', { name: 'Penerima 1' });
    await first.getByLabel('Jenis penerima').selectOption('email');
    await first.getByLabel('Nama penerima').fill('Kepala Balai Sertifikasi Elektronik');
    await staf.getByRole('button', { name: 'Tambah penerima' }).click();
    const second = staf.getByRole('group', { name: 'Penerima 2' });
    await second.getByLabel('Sebagai').selectOption('cc');
    await second.getByLabel('Perangkat daerah').selectOption({ label: 'Dinas Kesehatan' });
    await staf.getByLabel('Penanda tangan', { exact: true }).selectOption({ label: SIGNER });
    // Pamong keeps no positions: the form says what to write.
    const position = staf.getByLabel('Jabatan penanda tangan (sebagaimana tercetak)');
    expect(await describedBy(position)).toContain('Pamong tidak menyimpan jabatan orang');
    await position.fill(POSITION);
    await staf.getByRole('button', { name: 'Tambah verifikator' }).click();
    await staf.getByLabel('Verifikator 1', { exact: true }).selectOption({ label: VERIFIER });

    // Not an address at all: the browser keeps the form, nothing is saved.
    const email = first.getByLabel('Alamat email');
    await email.fill('bse.bssn.go.id');
    await staf.getByRole('button', { name: 'Simpan draf' }).click();
    expect(await email.evaluate((el: HTMLInputElement) => el.validity.typeMismatch)).toBe(true);
    expect(await email.evaluate((el: HTMLInputElement) => el.validationMessage)).not.toBe('');
    expect(staf.url()).toMatch(/\/surat\/outgoing\/baru$/);
    // An address the browser lets through and the API does not: said at the field, the form as typed.
    await email.fill('layanan@bssn');
    await staf.getByRole('button', { name: 'Simpan draf' }).click();
    await eventually(() => form.getByRole('alert').textContent()).toBe('Data yang dikirim tidak valid.');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(email)).toContain('Alamat email ini tidak valid');
    expect(await staf.getByLabel('Hal', { exact: true }).inputValue()).toBe(SUBJECT);
    expect(staf.url()).toMatch(/\/surat\/outgoing\/baru$/);
    expect(await overflowsHorizontally(staf)).toBe(false);

    await email.fill('layanan@bssn.go.id');
    await staf.getByRole('button', { name: 'Simpan draf' }).click();
    await eventually(() => staf.getByRole('heading', { level: 1 }).textContent()).toBe(SUBJECT);
    // Saved, not submitted: still a draft, nobody asked to initial it.
    await eventually(() => staf.locator('.surat-facts').textContent()).toContain('Draf');
    expect(await staf.getByRole('button', { name: 'Ajukan untuk paraf' }).isVisible()).toBe(true);
    const reviews = await staf.getByRole('region', { name: 'Riwayat paraf' }).textContent();
    expect(reviews).toContain('Ujang Kabid Aptika — menunggu giliran');
    expect(reviews).not.toContain('giliran paraf');
    const recipients = staf.getByRole('region', { name: 'Penerima' });
    expect(await recipients.textContent()).toContain('Kepala Balai Sertifikasi Elektronik <layanan@bssn.go.id>');
    expect(await recipients.textContent()).toContain('Dinas Kesehatan');
    expect(await overflowsHorizontally(staf)).toBe(false);

    // Reopened, from the boxes as its drafter finds it: every field as saved.
    await staf.goto(b.url('/staff/32.11/surat/outgoing'));
    await staf.getByRole('link', { name: SUBJECT }).click();
    await staf.getByRole('link', { name: 'Ubah draf' }).click();
    await eventually(() => staf.getByLabel('Hal', { exact: true }).inputValue()).toBe(SUBJECT);
    const kept = async (label: string, exact = false) => staf.getByLabel(label, { exact }).inputValue();
    expect(await selected(staf.getByLabel('Jenis naskah'))).toBe('Surat Pengantar');
    expect(await kept('Kode klasifikasi arsip')).toBe('000.5.1');
    expect(await kept('Kepada Yth.')).toBe('Kepala Balai Sertifikasi Elektronik');
    expect(await kept('Lampiran (kosongkan bila tidak ada)')).toBe('1 (satu) berkas');
    expect(await kept('Isi', true)).toContain('peserta pelatihan keamanan siber');
    expect(await selected(first.getByLabel('Jenis penerima'))).toBe('Alamat email');
    expect(await first.getByLabel('Alamat email').inputValue()).toBe('layanan@bssn.go.id');
    expect(await first.getByLabel('Nama penerima').inputValue()).toBe('Kepala Balai Sertifikasi Elektronik');
    expect(await selected(second.getByLabel('Sebagai'))).toBe('Tembusan');
    expect(await selected(second.getByLabel('Perangkat daerah'))).toBe('Dinas Kesehatan');
    expect(await selected(staf.getByLabel('Penanda tangan', { exact: true }))).toBe(SIGNER);
    expect(await position.inputValue()).toBe(POSITION);
    expect(await selected(staf.getByLabel('Verifikator 1', { exact: true }))).toBe(VERIFIER);
    expect(b.problems(staf)).toEqual([]);
  });

  it('takes a nota dinas to units only, through initials and the electronic signature', async () => {
    const SUBJECT = 'Permintaan data jaringan internet kantor kecamatan';
    const staf = await b.newPage();
    await b.signIn(staf, 'staf.aptika@sumedang.demo');
    await newDraft(b.url('/staff/32.11/surat/outgoing'), staf);
    await staf.getByLabel('Jenis naskah').selectOption({ label: 'Nota Dinas' });
    // A memo says it stays inside the region, and offers units only.
    expect(await describedBy(staf.getByLabel('Jenis naskah'))).toBe('Nota dinas hanya untuk perangkat daerah di daerah ini.');
    const first = staf.getByRole('group', { name: 'Penerima 1' });
    const kinds = first.getByLabel('Jenis penerima');
    expect(await kinds.locator('option:not([disabled])').allTextContents()).toEqual(['Perangkat daerah di daerah ini']);
    await staf.getByLabel('Kode klasifikasi arsip').fill('000.1.1');
    await staf.getByLabel('Hal', { exact: true }).fill(SUBJECT);
    await staf.getByLabel('Isi', { exact: true }).fill('Mohon disampaikan daftar kantor kecamatan beserta penyedia dan kapasitas jaringan internetnya.');
    await first.getByLabel('Perangkat daerah').selectOption({ label: 'Dinas Perhubungan' });
    await staf.getByLabel('Penanda tangan', { exact: true }).selectOption({ label: SIGNER });
    await staf.getByLabel('Jabatan penanda tangan (sebagaimana tercetak)').fill(POSITION);
    await staf.getByRole('button', { name: 'Tambah verifikator' }).click();
    await staf.getByLabel('Verifikator 1', { exact: true }).selectOption({ label: VERIFIER });
    expect(await overflowsHorizontally(staf)).toBe(false);
    await staf.getByRole('button', { name: 'Simpan dan ajukan' }).click();
    await eventually(() => staf.getByRole('heading', { level: 1 }).textContent()).toBe(SUBJECT);
    await eventually(() => staf.locator('.surat-facts').textContent()).toContain('Verifikasi');
    expect(await staf.locator('.surat-facts').textContent()).toContain('Nota Dinas (Nota dinas)');
    const letterUrl = staf.url();

    const kabid = await b.newPage();
    await b.signIn(kabid, 'kabid.aptika@sumedang.demo');
    await kabid.goto(letterUrl);
    await kabid.getByRole('region', { name: 'Paraf naskah ini' }).getByRole('button', { name: 'Paraf (setujui)' }).click();
    await eventually(() => kabid.locator('.surat-facts').textContent()).toContain('Menunggu tanda tangan');

    const head = await b.newPage();
    await b.signIn(head, 'kadis.kominfo@sumedang.demo');
    await head.goto(letterUrl);
    await head.getByRole('region', { name: 'Tandatangani naskah ini' }).getByRole('button', { name: 'Tandatangani secara elektronik' }).click();
    await eventually(() => head.getByRole('status').textContent()).toMatch(/Ditandatangani dengan nomor 000\.1\.1\/\d{3}\/DISKOMINFO\/\d{4}\./);
    const number = /nomor (\S+)\.$/.exec((await head.getByRole('status').textContent())!)![1];
    const href = await head.getByRole('link', { name: 'Unduh PDF naskah bertanda tangan' }).getAttribute('href');
    const res = await head.request.get(new URL(href!, head.url()).toString());
    expect(res.status()).toBe(200);
    const text = pdfRuns(Buffer.from(await res.body())).join(' ');
    expect(text).toContain(number);
    expect(text).toContain(POSITION);
    expect(await overflowsHorizontally(head)).toBe(false);
    expect([staf, kabid, head].flatMap((p) => b.problems(p))).toEqual([]);
  });
});

/** Opens a new draft from the outgoing boxes (at `boxes`) and waits for its type's template; the form. */
async function newDraft(boxes: string, page: Page): Promise<Locator> {
  await page.goto(boxes);
  await page.getByRole('link', { name: 'Susun naskah baru' }).click();
  await eventually(() => page.getByLabel('Pembuka').inputValue()).toBe('Dengan hormat,');
  return page.locator('form.surat-draft');
}

/** The text of the option a select shows. */
const selected = (select: Locator) => select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? '');

/** The words an input's aria-describedby points at. */
const describedBy = (input: Locator) => input.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
  .map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
