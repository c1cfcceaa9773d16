// A citizen's own account, on a phone: registering from the footer (the same
// answer whether or not the address has an account), activating it from the
// emailed link, then finding the reports they sent under "Laporan saya".
import { expect, it } from 'vitest';
import { emailsTo, tokenFromLastEmail } from '../support/mailbox.js';
import { describeInBrowser, eventually, overflowsHorizontally } from './browser.js';

const CITIZEN = { name: 'Rina Warga', email: 'rina.warga@example.id', password: 'sandi-rina-panjang' };

describeInBrowser('a citizen account in Chromium', (b) => {
  it('registers from the footer, refusing two different passwords, and says to check the email', async () => {
    const page = await b.newPage();
    await page.goto(b.url('/r/32.11'));
    await page.getByRole('link', { name: 'Daftar akun warga' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Daftar akun warga' }).isVisible()).toBe(true);
    await page.getByLabel('Nama lengkap').fill(CITIZEN.name);
    await page.getByLabel('Email').fill(CITIZEN.email);
    await page.getByLabel('Nomor telepon (opsional)').fill('0812 1111 2222');
    await page.getByLabel('Kata sandi', { exact: true }).fill(CITIZEN.password);
    await page.getByLabel('Ulangi kata sandi baru').fill('sandi-lain-sekali');
    await page.getByRole('button', { name: 'Daftar' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Kedua kata sandi tidak sama.');
    expect(await emailsTo(b.ctx.database, CITIZEN.email)).toEqual([]);

    await page.getByLabel('Ulangi kata sandi baru').fill(CITIZEN.password);
    await page.getByRole('button', { name: 'Daftar' }).click();
    await eventually(() => page.getByRole('status').textContent()).toContain(`Periksa email ${CITIZEN.email}`);
    expect(await overflowsHorizontally(page)).toBe(false);
    // An address that has an account gets the same answer on the page (its owner is told by email).
    const again = await b.newPage();
    await again.goto(b.url('/daftar'));
    await again.getByLabel('Nama lengkap').fill('Orang Lain');
    await again.getByLabel('Email').fill('koordinator@sumedang.demo');
    await again.getByLabel('Kata sandi', { exact: true }).fill('sandi-orang-lain');
    await again.getByLabel('Ulangi kata sandi baru').fill('sandi-orang-lain');
    await again.getByRole('button', { name: 'Daftar' }).click();
    await eventually(() => again.getByRole('status').textContent()).toContain('Periksa email koordinator@sumedang.demo');
    expect(b.problems(page)).toEqual([]);
    expect(b.problems(again)).toEqual([]);
    await page.context().close();
    await again.context().close();
  });

  it('activates the account from the emailed link and lists the reports sent while signed in', async () => {
    const page = await b.newPage();
    const token = await tokenFromLastEmail(b.ctx.database, CITIZEN.email, '/verifikasi-email');
    await page.goto(b.url(`/verifikasi-email?token=${token}`));
    await page.getByRole('button', { name: 'Aktifkan akun saya' }).click();
    await eventually(() => page.getByRole('status').textContent()).toContain('Akun Anda aktif dan Anda sudah masuk.');
    await page.getByRole('link', { name: 'Lihat laporan saya' }).click();
    await eventually(() => page.getByText('Belum ada laporan yang Anda kirim sambil masuk dengan akun ini.').isVisible()).toBe(true);

    // A report sent while signed in is the citizen's own.
    await page.goto(b.url('/r/32.11/lapor'));
    await page.getByLabel('Sampah menumpuk').check();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByLabel('Ceritakan masalahnya').fill('Sampah di depan SDN Cipacing belum diangkut tiga hari');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByLabel('Kecamatan').selectOption({ label: 'Jatinangor' });
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await eventually(() => page.locator('output.code').count()).toBe(1);
    const code = (await page.locator('output.code').textContent())!.trim();

    await page.getByRole('link', { name: 'Laporan saya' }).click();
    const row = page.locator('main li').filter({ hasText: code });
    await eventually(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Sampah di depan SDN Cipacing');
    expect(await row.textContent()).toContain('Kabupaten Sumedang');
    expect(await row.textContent()).toContain(' WIB');
    await row.getByRole('link', { name: code }).click();
    await eventually(() => page.url()).toBe(b.url(`/r/32.11/lacak/${code}`));
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
  });
});
