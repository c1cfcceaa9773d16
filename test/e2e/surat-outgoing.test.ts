// Outgoing letters in Chromium, on a phone: Diskominfo's staff drafts an
// invitation from its type's template to another unit and to the province,
// and submits it; the Aptika head returns it with notes; the drafter sees
// the notes, edits and submits again; the Aptika head initials it; the head
// of the office signs it electronically and the page shows its number and
// the signed PDF, whose text carries that number; the records clerk sends
// it and files it in a new record file, and the province's records clerk
// finds it in the province's register.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, eventually, overflowsHorizontally } from './browser.js';
import { pdfRuns } from '../support/pdf.js';

const SUBJECT = 'Undangan rapat koordinasi keamanan informasi';
const EDITED = 'Undangan rapat koordinasi keamanan informasi, Senin 14 Desember 2026';

describeInBrowser('Correspondence: draft, initial, sign and send an outgoing letter in Chromium', (b) => {
  it('takes a letter from its draft through a return, initials, the electronic signature and filing to the province\'s register', async () => {
    const staf = await b.newPage();
    await b.signIn(staf, 'staf.aptika@sumedang.demo');
    await staf.goto(b.url('/staff/32.11/surat/outgoing'));
    await staf.getByRole('link', { name: 'Susun naskah baru' }).click();
    // The type's template fills the opening.
    await eventually(() => staf.getByLabel('Pembuka').inputValue()).toBe('Dengan hormat,');
    await staf.getByLabel('Jenis naskah').selectOption({ label: 'Surat Undangan' });
    await staf.getByLabel('Kode klasifikasi arsip').fill('000.1.1');
    await staf.getByLabel('Hal', { exact: true }).fill(SUBJECT);
    await staf.getByLabel('Kepada Yth.').fill('Kepala Dinas Kesehatan dan Sekretaris Daerah Provinsi Jawa Barat');
    await staf.getByLabel('Isi', { exact: true }).fill('Kami mengundang Bapak/Ibu pada rapat koordinasi keamanan informasi.');
    const first = staf.getByRole('group', { name: 'Penerima 1' });
    await first.getByLabel('Perangkat daerah').selectOption({ label: 'Dinas Kesehatan' });
    await staf.getByRole('button', { name: 'Tambah penerima' }).click();
    const second = staf.getByRole('group', { name: 'Penerima 2' });
    await second.getByLabel('Jenis penerima').selectOption('region');
    await second.getByLabel('Daerah', { exact: true }).selectOption('32');
    await staf.getByLabel('Penanda tangan', { exact: true }).selectOption({ label: 'Kepala Dinas Kominfo Sumedang (Dinas Komunikasi dan Informatika)' });
    await staf.getByLabel('Jabatan penanda tangan (sebagaimana tercetak)').fill('Kepala Dinas Komunikasi dan Informatika');
    await staf.getByRole('button', { name: 'Tambah verifikator' }).click();
    await staf.getByLabel('Verifikator 1', { exact: true }).selectOption({ label: 'Ujang Kabid Aptika (Dinas Komunikasi dan Informatika)' });
    expect(await overflowsHorizontally(staf)).toBe(false);
    await staf.getByRole('button', { name: 'Simpan dan ajukan' }).click();
    await eventually(() => staf.getByRole('heading', { level: 1 }).textContent()).toBe(SUBJECT);
    await eventually(() => staf.locator('.surat-facts').textContent()).toContain('Verifikasi');
    const letterUrl = staf.url();
    expect(letterUrl).toMatch(/\/staff\/32\.11\/surat\/outgoing\/[0-9a-f-]{36}$/);

    // The Aptika head finds it behind the home's count and returns it with notes.
    const kabid = await b.newPage();
    await b.signIn(kabid, 'kabid.aptika@sumedang.demo');
    await kabid.goto(b.url('/staff/32.11/surat'));
    await kabid.getByRole('link', { name: /Perlu paraf/ }).click();
    await kabid.getByRole('link', { name: SUBJECT }).click();
    const review = kabid.getByRole('region', { name: 'Paraf naskah ini' });
    await review.getByLabel('Catatan untuk penyusun (wajib bila dikembalikan)').fill('Sebutkan hari, tanggal dan tempat rapat pada hal.');
    await review.getByRole('button', { name: 'Kembalikan dengan catatan' }).click();
    await eventually(() => kabid.locator('.surat-facts').textContent()).toContain('Dikembalikan');
    expect(await overflowsHorizontally(kabid)).toBe(false);

    await staf.reload();
    await eventually(() => staf.getByRole('alert').textContent()).toContain('Sebutkan hari, tanggal dan tempat rapat pada hal.');
    await staf.getByRole('link', { name: 'Ubah draf' }).click();
    await eventually(() => staf.getByLabel('Hal', { exact: true }).inputValue()).toBe(SUBJECT);
    await staf.getByLabel('Hal', { exact: true }).fill(EDITED);
    await staf.getByRole('button', { name: 'Simpan dan ajukan' }).click();
    await eventually(() => staf.getByRole('heading', { level: 1 }).textContent()).toBe(EDITED);
    await eventually(() => staf.getByRole('heading', { name: 'Putaran 2' }).isVisible()).toBe(true);

    await kabid.goto(letterUrl);
    await kabid.getByRole('region', { name: 'Paraf naskah ini' }).getByRole('button', { name: 'Paraf (setujui)' }).click();
    await eventually(() => kabid.locator('.surat-facts').textContent()).toContain('Menunggu tanda tangan');

    // The head signs electronically: the number is given now.
    const head = await b.newPage();
    await b.signIn(head, 'kadis.kominfo@sumedang.demo');
    await head.goto(b.url('/staff/32.11/surat'));
    await head.getByRole('link', { name: /Perlu tanda tangan/ }).click();
    await head.getByRole('link', { name: EDITED }).click();
    await head.getByRole('region', { name: 'Tandatangani naskah ini' }).getByRole('button', { name: 'Tandatangani secara elektronik' }).click();
    await eventually(() => head.getByRole('status').textContent()).toMatch(/Ditandatangani dengan nomor 000\.1\.1\/\d{3}\/DISKOMINFO\/\d{4}\./);
    const number = /nomor (\S+)\.$/.exec((await head.getByRole('status').textContent())!)![1];
    await eventually(() => head.locator('.surat-facts').textContent()).toContain(number);
    const pdf = await pdfOf(head, 'Unduh PDF naskah bertanda tangan');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfRuns(pdf).join(' ')).toContain(number);

    // The records clerk sends it: a unit of the region and the province receive it.
    const clerk = await b.newPage();
    await b.signIn(clerk, 'tu.kominfo@sumedang.demo');
    await clerk.goto(letterUrl);
    await clerk.getByRole('region', { name: 'Kirim naskah' }).getByRole('button', { name: 'Kirim ke semua penerima' }).click();
    await eventually(() => clerk.getByRole('status').textContent()).toBe('Naskah terkirim.');
    const recipients = clerk.getByRole('region', { name: 'Penerima' });
    await eventually(() => recipients.getByText('Terkirim').count()).toBe(2);
    expect(await recipients.textContent()).toContain('Dinas Kesehatan');
    expect(await overflowsHorizontally(clerk)).toBe(false);
    // And files it in the unit's records, in a new file under 000.1.
    const filing = clerk.getByRole('region', { name: 'Pemberkasan' });
    await eventually(() => filing.textContent()).toContain('Naskah ini belum diberkaskan.');
    await filing.getByLabel('Nama berkas').fill('Rapat keamanan informasi 2026');
    await filing.getByLabel('Kode klasifikasi berkas').fill('000.1');
    await filing.getByRole('button', { name: 'Berkaskan' }).click();
    await eventually(() => filing.textContent()).toContain('Diberkaskan dalam Rapat keamanan informasi 2026 Terbuka');

    const province = await b.newPage();
    await b.signIn(province, 'tu.setda@jabarprov.demo');
    await province.goto(b.url('/staff/32/surat/register'));
    await eventually(() => province.getByRole('row', { name: new RegExp(EDITED) }).textContent()).toContain(number);
    await province.getByRole('link', { name: EDITED }).click();
    await eventually(() => province.locator('.surat-facts').textContent()).toContain('Dinas Komunikasi dan Informatika, Kabupaten Sumedang');
    expect([staf, kabid, head, clerk, province].flatMap((p) => b.problems(p))).toEqual([]);
  });
});

/** The file behind a download link, fetched with the page's own session. */
async function pdfOf(page: Page, link: string): Promise<Buffer> {
  const href = await page.getByRole('link', { name: link }).getAttribute('href');
  const res = await page.request.get(new URL(href!, page.url()).toString());
  expect(res.status()).toBe(200);
  return Buffer.from(await res.body());
}
