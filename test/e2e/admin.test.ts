// A region admin sets up a new kind of complaint end to end in the browser:
// a unit, a category with a required list question, its routing and its own
// resolution deadline, a cuti bersama day, an officer invited to the new unit
// (who accepts from the emailed link with their own password), an API
// key made and revoked, all in the audit log; the region's settings (the
// complaints' and e-SAKIP's sync interval); then a citizen reports in the new
// category, and its deadline skips the cuti bersama day.
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';
import { emailsTo } from '../support/mailbox.js';
import { describeInBrowser, eventually, overflowsHorizontally } from './browser.js';

const R = '/api/regions/32.11';
const UNIT = { code: 'DISPERKIM', name: 'Dinas Perumahan dan Kawasan Permukiman' };
const CATEGORY = { nameId: 'Rumah tidak layak huni', nameEn: 'Substandard housing', code: 'rutilahu' };
const OFFICER = { email: 'petugas.perkim@sumedang.demo', name: 'Wawan Petugas Perkim' };

describeInBrowser('region administration in Chromium', (b) => {
  let admin: Page;
  let unitId = '';
  let categoryId = '';
  const flash = () => admin.getByRole('status').last().textContent();

  beforeAll(async () => {
    admin = await b.newPage({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });
  });

  /** Opens an administration section from the staff menu and the section menu. */
  async function openSection(name: string) {
    await admin.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Administrasi' }).click();
    await eventually(() => admin.getByRole('heading', { name: 'Administrasi daerah' }).isVisible()).toBe(true);
    await admin.locator('main').getByRole('link', { name, exact: true }).click();
    await eventually(() => admin.getByRole('heading', { name, exact: true, level: 1 }).isVisible()).toBe(true);
  }

  it('adds a unit, and shows the API\'s message when the code is taken', async () => {
    await b.signIn(admin, 'admin@sumedang.demo');
    await openSection('Perangkat daerah');
    await admin.getByLabel('Kode').fill(UNIT.code);
    await admin.getByLabel('Nama perangkat daerah').fill(UNIT.name);
    // The browser takes "kantor@dinas" for an address; the server does not, and the form says so under that field.
    const email = admin.getByLabel('Email perangkat daerah');
    await email.fill('kantor@dinas');
    await admin.getByRole('button', { name: 'Tambah perangkat daerah' }).click();
    await eventually(() => email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby'))!;
    expect(await admin.locator(`[id="${describedBy}"]`).textContent()).toBe('Isian ini tidak sesuai format yang diminta.');
    expect(await admin.getByLabel('Kode').getAttribute('aria-invalid')).toBeNull();
    await email.fill('');
    await admin.getByRole('button', { name: 'Tambah perangkat daerah' }).click();
    await eventually(flash).toBe(`Perangkat daerah ${UNIT.name} ditambahkan.`);
    expect(await email.getAttribute('aria-invalid')).toBeNull();
    await eventually(() => admin.locator('main li').filter({ hasText: UNIT.name }).textContent()).toBe(`${UNIT.name}${UNIT.code}`);
    // The form was emptied; the same code again is refused by the API, in its words.
    expect(await admin.getByLabel('Kode').inputValue()).toBe('');
    await admin.getByLabel('Kode').fill(UNIT.code);
    await admin.getByLabel('Nama perangkat daerah').fill('Dinas lain');
    await admin.getByRole('button', { name: 'Tambah perangkat daerah' }).click();
    await eventually(() => admin.getByRole('alert').textContent()).toBe('Kode perangkat daerah sudah dipakai.');
    const units = await b.api<{ id: string; code: string }[]>('GET', `${R}/units`, undefined, await b.apiSession('admin@sumedang.demo'));
    unitId = units.find((u) => u.code === UNIT.code)!.id;
    expect(b.problems(admin)).toEqual([]);
  });

  it('adds a category with a required list question', async () => {
    await openSection('Kategori');
    await admin.getByRole('button', { name: 'Tambah kategori' }).click();
    await admin.getByLabel('Nama (Bahasa Indonesia)').fill(CATEGORY.nameId);
    await admin.getByLabel('Nama (English)').fill(CATEGORY.nameEn);
    await admin.getByLabel('Kode kategori').fill(CATEGORY.code);
    await admin.getByLabel('Kelompok').fill('Infrastruktur');
    await admin.getByRole('button', { name: 'Tambah pertanyaan' }).click();
    const question = admin.getByRole('group', { name: 'Pertanyaan 1' });
    await question.getByLabel('Pertanyaan (Bahasa Indonesia)').fill('Bagaimana kondisi atapnya?');
    await question.getByLabel('Pertanyaan (English)').fill('What state is the roof in?');
    await question.getByLabel('Kode jawaban').fill('kondisi_atap');
    await question.getByLabel('Jenis jawaban').selectOption({ label: 'Pilih satu' });
    await question.getByLabel('Wajib dijawab').check();
    // A list question starts with one empty choice.
    const first = question.getByRole('group', { name: 'Pilihan 1' });
    await first.getByLabel('Pilihan (Bahasa Indonesia)').fill('Bocor');
    await first.getByLabel('Pilihan (English)').fill('Leaking');
    await first.getByLabel('Kode pilihan').fill('bocor');
    await question.getByRole('button', { name: 'Tambah pilihan' }).click();
    const second = question.getByRole('group', { name: 'Pilihan 2' });
    await second.getByLabel('Pilihan (Bahasa Indonesia)').fill('Hampir roboh');
    await second.getByLabel('Pilihan (English)').fill('About to collapse');
    await second.getByLabel('Kode pilihan').fill('hampir_roboh');
    await admin.getByRole('button', { name: 'Simpan' }).click();
    await eventually(flash).toBe(`Kategori ${CATEGORY.nameId} disimpan.`);
    const card = admin.locator('main li').filter({ hasText: CATEGORY.nameId });
    expect(await card.textContent()).toContain('Infrastruktur · 1 pertanyaan');

    const saved = await b.api<{ id: string; code: string; questions: unknown[]; active: boolean }[]>('GET', `${R}/admin/categories`, undefined, await b.apiSession('admin@sumedang.demo'));
    const category = saved.find((c) => c.code === CATEGORY.code)!;
    categoryId = category.id;
    expect(category.active).toBe(true);
    expect(category.questions).toEqual([{
      code: 'kondisi_atap', datatype: 'singlevaluelist', required: true,
      description: { id: 'Bagaimana kondisi atapnya?', en: 'What state is the roof in?' },
      values: [{ key: 'bocor', name: { id: 'Bocor', en: 'Leaking' } }, { key: 'hampir_roboh', name: { id: 'Hampir roboh', en: 'About to collapse' } }],
    }]);

    // Editing shows the saved question; a list question without choices is refused before sending.
    await card.getByRole('button', { name: `Ubah kategori: ${CATEGORY.nameId}` }).click();
    expect(await admin.getByRole('group', { name: 'Pertanyaan 1' }).getByLabel('Kode jawaban').inputValue()).toBe('kondisi_atap');
    await admin.getByRole('button', { name: 'Tambah pertanyaan' }).click();
    const extra = admin.getByRole('group', { name: 'Pertanyaan 2' });
    await extra.getByLabel('Pertanyaan (Bahasa Indonesia)').fill('Siapa saja penghuninya?');
    await extra.getByLabel('Pertanyaan (English)').fill('Who lives there?');
    await extra.getByLabel('Kode jawaban').fill('penghuni');
    await extra.getByLabel('Jenis jawaban').selectOption({ label: 'Pilih beberapa' });
    await extra.getByRole('button', { name: 'Hapus pilihan' }).click();
    await admin.getByRole('button', { name: 'Simpan' }).click();
    await eventually(() => admin.getByRole('alert').textContent()).toBe('Pertanyaan "Siapa saja penghuninya?" perlu minimal satu pilihan jawaban.');
    await admin.getByRole('button', { name: 'Batal' }).click();
    expect(await admin.getByRole('group', { name: 'Pertanyaan 1' }).count()).toBe(0);
  });

  it('routes the category to the new unit and keeps the history', async () => {
    await openSection('Disposisi');
    const card = admin.locator('li.routing').filter({ has: admin.getByText(CATEGORY.nameId, { exact: true }) });
    await eventually(() => card.getByText('Saat ini: belum diatur').isVisible()).toBe(true);
    const select = card.getByLabel(`Perangkat daerah untuk ${CATEGORY.nameId}`);
    await select.selectOption({ label: 'Dinas Pekerjaan Umum dan Penataan Ruang' });
    await card.getByRole('button', { name: 'Simpan' }).click();
    await eventually(() => card.getByRole('status').textContent()).toBe(`${CATEGORY.nameId} kini diarahkan ke Dinas Pekerjaan Umum dan Penataan Ruang.`);
    // The card shows the new route once the list has reloaded (its form starts afresh then).
    await eventually(() => card.getByText('Saat ini: Dinas Pekerjaan Umum dan Penataan Ruang').isVisible()).toBe(true);
    await select.selectOption({ label: UNIT.name });
    await card.getByRole('button', { name: 'Simpan' }).click();
    await eventually(() => card.getByRole('status').textContent()).toBe(`${CATEGORY.nameId} kini diarahkan ke ${UNIT.name}.`);
    await eventually(() => card.getByText(`Saat ini: ${UNIT.name}`).isVisible()).toBe(true);
    await card.getByText('Riwayat (2)').click();
    expect(await card.locator('.history li').allTextContents()).toEqual([
      `${UNIT.name} sejak 2 Nov 2026, 09.00 WIB · oleh Admin Sumedang`,
      'Dinas Pekerjaan Umum dan Penataan Ruang 2 Nov 2026, 09.00 WIB sampai 2 Nov 2026, 09.00 WIB · oleh Admin Sumedang',
    ]);
  });

  it('gives the category its own resolution deadline in working days', async () => {
    await openSection('Batas waktu');
    // The section's data arrives after its heading.
    await eventually(() => admin.getByText('Belum ada batas waktu khusus kategori.').isVisible()).toBe(true);
    const form = admin.getByRole('form', { name: 'Tetapkan batas waktu khusus kategori' });
    await form.getByLabel('Kategori').selectOption({ label: CATEGORY.nameId });
    await form.getByLabel('Tahap').selectOption({ label: 'Penyelesaian' });
    await form.getByLabel('Lama').fill('2');
    await form.getByLabel('Satuan').selectOption({ label: 'hari kerja' });
    await form.getByRole('button', { name: 'Simpan' }).click();
    await eventually(() => form.getByRole('status').textContent()).toBe(`Batas waktu Penyelesaian (${CATEGORY.nameId}) disimpan.`);
    // The category now has its own rule, editable in place; the region default is untouched.
    const own = admin.getByRole('form', { name: `Penyelesaian, ${CATEGORY.nameId}` });
    await eventually(() => own.getByLabel('Lama').inputValue()).toBe('2');
    expect(await own.getByLabel('Satuan').inputValue()).toBe('working_days');
    expect(await admin.getByRole('form', { name: 'Penyelesaian, Bawaan daerah' }).getByLabel('Lama').inputValue()).toBe('14');
    const sla = await b.api<{ categoryId: string | null; stage: string; amount: number; unit: string; targetAmount: number | null }[]>('GET', `${R}/admin/sla`, undefined, await b.apiSession('admin@sumedang.demo'));
    expect(sla.filter((p) => p.categoryId === categoryId).map(({ stage, amount, unit, targetAmount }) => ({ stage, amount, unit, targetAmount })))
      .toEqual([{ stage: 'resolution', amount: 2, unit: 'working_days', targetAmount: null }]);
  });

  it('adds a cuti bersama day, and removes a local holiday after asking', async () => {
    await openSection('Hari libur');
    const add = async (date: string, name: string, kind: string) => {
      await admin.getByLabel('Tanggal').fill(date);
      await admin.getByLabel('Keterangan').fill(name);
      await admin.getByLabel('Jenis').selectOption({ label: kind });
      await admin.getByRole('button', { name: 'Tambah hari libur' }).click();
    };
    await add('2026-11-04', 'Cuti bersama uji', 'Cuti bersama');
    await eventually(flash).toBe('Rabu, 4 November 2026 ditetapkan sebagai hari libur.');
    await add('2026-11-06', 'Libur daerah uji', 'Libur daerah');
    await eventually(flash).toBe('Jumat, 6 November 2026 ditetapkan sebagai hari libur.');
    const list = admin.locator('main li.holiday');
    await eventually(() => list.allTextContents()).toEqual([
      'Rabu, 4 November 2026Cuti bersamaCuti bersama ujiHapus',
      'Jumat, 6 November 2026Libur daerahLibur daerah ujiHapus',
    ]);
    const local = list.filter({ hasText: 'Libur daerah uji' });
    await local.getByRole('button', { name: 'Hapus' }).click();
    // Nothing is removed until the question is answered.
    expect(await local.getByText('Hapus hari libur Jumat, 6 November 2026?').isVisible()).toBe(true);
    await local.getByRole('button', { name: 'Batal' }).click();
    expect(await list.count()).toBe(2);
    await local.getByRole('button', { name: 'Hapus' }).click();
    await local.getByRole('button', { name: 'Ya, hapus' }).click();
    await eventually(flash).toBe('Jumat, 6 November 2026 bukan hari libur lagi.');
    await eventually(() => list.count()).toBe(1);
    expect(await b.api('GET', `${R}/holidays`)).toEqual([{ regionCode: '32.11', date: '2026-11-04', name: 'Cuti bersama uji', kind: 'cuti_bersama' }]);
  });

  it('invites an officer to the new unit; the invitee sets their own password from the emailed link and has the role', async () => {
    await openSection('Pegawai dan peran');
    const invite = async (email: string, role: string, unit?: string) => {
      await admin.getByLabel('Email pegawai').fill(email);
      await admin.getByLabel('Peran', { exact: true }).selectOption({ label: role });
      if (unit) await admin.getByLabel('Perangkat daerah').selectOption({ label: unit });
      await admin.getByRole('button', { name: 'Kirim undangan' }).click();
    };
    // An officer needs a unit: the unit field appears with the role. No password is asked for.
    expect(await admin.getByLabel('Perangkat daerah').count()).toBe(0);
    expect(await admin.locator('input[type=password]').count()).toBe(0);
    await invite(OFFICER.email, 'Petugas', UNIT.name);
    await eventually(flash).toBe(`Undangan peran Petugas — ${UNIT.name} dikirim ke ${OFFICER.email}.`);
    await invite(OFFICER.email, 'Petugas loket');
    await eventually(flash).toBe(`Undangan peran Petugas loket dikirim ke ${OFFICER.email}.`);
    await invite('salah.ketik@sumedang.demo', 'Petugas loket');
    await eventually(flash).toBe('Undangan peran Petugas loket dikirim ke salah.ketik@sumedang.demo.');
    // Pending invitations are listed by the address typed, and can be cancelled after asking.
    const pending = admin.locator('.staff-pending > li');
    await eventually(() => pending.locator('.row-title').allTextContents()).toEqual([OFFICER.email, OFFICER.email, 'salah.ketik@sumedang.demo']);
    const typo = pending.filter({ hasText: 'salah.ketik' });
    await typo.getByRole('button', { name: 'Batalkan' }).click();
    await typo.getByRole('button', { name: 'Ya, batalkan' }).click();
    await eventually(flash).toBe('Undangan untuk salah.ketik@sumedang.demo dibatalkan.');
    await eventually(() => pending.count()).toBe(2);

    // The invitee opens the link from the email, chooses a name and password, and is signed in.
    const invitee = await b.newPage({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });
    const mails = await emailsTo(b.ctx.database, OFFICER.email);
    expect(mails.map((m) => m.subject)).toEqual([
      'Undangan peran Petugas di Pamong Kabupaten Sumedang / Invitation to the role Officer in Pamong Kabupaten Sumedang',
      'Undangan peran Petugas loket di Pamong Kabupaten Sumedang / Invitation to the role Counter staff in Pamong Kabupaten Sumedang',
    ]);
    const link = (text: string) => b.url(/\/undangan\?token=[\w-]+/.exec(text)![0]);
    await invitee.goto(link(mails[0].text));
    await eventually(() => invitee.locator('.invitation-offer').textContent()).toBe(`Admin Kabupaten Sumedang mengundang ${OFFICER.email} untuk peran Petugas — ${UNIT.name}.`);
    await invitee.getByLabel('Nama lengkap').fill(OFFICER.name);
    await invitee.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
    await invitee.getByLabel('Ulangi kata sandi baru').fill(DEMO_PASSWORD);
    await invitee.getByRole('button', { name: 'Terima undangan' }).click();
    await eventually(() => invitee.url()).toBe(b.url('/staff/32.11'));
    // Signed in, the second invitation is accepted with the account, no new password.
    await invitee.goto(link(mails[1].text));
    await eventually(() => invitee.getByText(`Anda sudah masuk sebagai ${OFFICER.name}.`).isVisible()).toBe(true);
    await invitee.getByRole('button', { name: 'Terima undangan' }).click();
    await eventually(() => invitee.url()).toBe(b.url('/staff/32.11'));
    expect(b.problems(invitee)).toEqual([]);
    // The password is the one the invitee chose: it signs in through the sign-in page too.
    const fresh = await b.newPage({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });
    await fresh.goto(b.url('/masuk'));
    await fresh.getByLabel('Email').fill(OFFICER.email);
    await fresh.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await fresh.getByRole('button', { name: 'Masuk' }).click();
    await eventually(() => fresh.url()).toBe(b.url('/staff/32.11'));
    const me = await fresh.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
    expect(me.regions.find((r: { code: string }) => r.code === '32.11').actions).toContain('complaint.handle');

    // The admin now sees the person, by the name they chose, and revokes the second role after asking.
    await admin.reload();
    await eventually(() => pending.count()).toBe(0);
    await admin.getByLabel('Cari pegawai').fill('perkim');
    const person = admin.locator('.staff-list > li');
    await eventually(() => person.count()).toBe(1);
    expect(await person.locator('.row-title').textContent()).toBe(OFFICER.name);
    expect(await person.locator('.grant > span').allTextContents()).toEqual([`Petugas — ${UNIT.name}`, 'Petugas loket']);
    await person.locator('.grant').filter({ hasText: 'Petugas loket' }).getByRole('button', { name: 'Cabut' }).click();
    expect(await admin.getByText(`Cabut peran Petugas loket dari ${OFFICER.name}?`).isVisible()).toBe(true);
    await admin.getByRole('button', { name: 'Ya, cabut' }).click();
    await eventually(flash).toBe(`Peran Petugas loket dicabut dari ${OFFICER.name}.`);
    await eventually(() => person.locator('.grant > span').allTextContents()).toEqual([`Petugas — ${UNIT.name}`]);
  });

  it('creates an API key shown once with a copy button, then revokes it', async () => {
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: b.url('') });
    await openSection('Kunci API');
    await admin.getByLabel('Nama aplikasi').fill('Aplikasi Desa Uji');
    await admin.getByRole('button', { name: 'Buat kunci' }).click();
    const box = admin.locator('.new-key');
    await eventually(() => box.getByRole('heading').textContent()).toBe('Kunci API baru: Aplikasi Desa Uji');
    expect(await box.textContent()).toContain('Salin dan simpan kunci ini sekarang. Demi keamanan, kunci ini tidak akan ditampilkan lagi.');
    const key = (await box.locator('output').textContent())!;
    expect(key).toMatch(/^pmg_[\w-]+_[\w-]+$/);
    await box.getByRole('button', { name: 'Salin kunci' }).click();
    await eventually(() => box.getByRole('button', { name: 'Tersalin ✓' }).isVisible()).toBe(true);
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(key);
    // The key works: it is a known key (sign-in still required for this staff list).
    const asKey = async () => ((await (await fetch(b.url(`${R}/units`), { headers: { 'x-api-key': key } })).json()) as { error: { code: string } }).error.code;
    expect(await asKey()).toBe('auth.required');
    await box.getByRole('button', { name: 'Sudah saya simpan' }).click();
    expect(await box.count()).toBe(0);
    await admin.reload();
    const row = admin.locator('main li').filter({ hasText: 'Aplikasi Desa Uji' });
    await eventually(() => row.getByText('Aktif', { exact: true }).isVisible()).toBe(true);
    expect(await admin.locator('main').textContent()).not.toContain(key);

    await row.getByRole('button', { name: 'Cabut' }).click();
    expect(await row.getByText('Cabut kunci Aplikasi Desa Uji? Aplikasi yang memakainya tidak dapat mengakses Pamong lagi.').isVisible()).toBe(true);
    await row.getByRole('button', { name: 'Ya, cabut' }).click();
    await eventually(flash).toBe('Kunci Aplikasi Desa Uji dicabut.');
    await eventually(() => row.getByText('Dicabut 2 Nov 2026, 09.00 WIB').isVisible()).toBe(true);
    expect(await row.getByRole('button', { name: 'Cabut' }).count()).toBe(0);
    expect(await asKey()).toBe('auth.invalid_api_key');
  });

  it('shows all of it in the audit log, newest first, in the region\'s time', async () => {
    await admin.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Log audit' }).click();
    await eventually(() => admin.getByRole('heading', { name: 'Log audit', level: 1 }).isVisible()).toBe(true);
    const entries = admin.locator('.audit-entry');
    await eventually(() => entries.count()).toBe(17);
    expect(await entries.locator('strong').allTextContents()).toEqual([
      'Mencabut kunci API', 'Membuat kunci API', 'Mencabut peran', 'Menerima undangan', 'Menerima undangan',
      'Membatalkan undangan', 'Mengundang pegawai', 'Mengundang pegawai', 'Mengundang pegawai', 'Menghapus hari libur', 'Menetapkan hari libur', 'Menetapkan hari libur', 'Menetapkan batas waktu',
      'Mengubah disposisi kategori', 'Mengubah disposisi kategori', 'Menambah kategori', 'Menambah perangkat daerah',
    ]);
    const text = (i: number) => entries.nth(i).textContent();
    expect(await text(0)).toBe('Mencabut kunci API2 Nov 2026, 09.00 WIBKunci API: Aplikasi Desa Ujioleh Admin Sumedang (admin@sumedang.demo)');
    expect(await text(3)).toBe(`Menerima undangan2 Nov 2026, 09.00 WIBPegawai: ${OFFICER.name} (${OFFICER.email})oleh ${OFFICER.name} (${OFFICER.email})Petugas loket`);
    expect(await text(8)).toBe(`Mengundang pegawai2 Nov 2026, 09.00 WIBUndangan: ${OFFICER.email}oleh Admin Sumedang (admin@sumedang.demo)Petugas · ${UNIT.name}`);
    expect(await text(12)).toContain(`Batas waktu: ${CATEGORY.nameId} · Penyelesaian`);
    expect(await text(13)).toContain(`Kategori: ${CATEGORY.nameId}`);
    // An edit says what it replaced: the unit before, and the new one.
    expect(await text(13)).toContain(`→ ${UNIT.name}`);
    expect(await text(16)).toContain(`Perangkat daerah: ${UNIT.name}`);
    expect(await admin.getByRole('navigation', { name: 'Halaman log' }).count()).toBe(0);
    await admin.screenshot({ path: '/tmp/pamong-admin-audit.png', fullPage: true });
  });

  it('pages through a long audit log', async () => {
    // 40 more entries: a day off set and removed, twenty times.
    const session = await b.apiSession('admin@sumedang.demo');
    for (let d = 1; d <= 20; d++) {
      const date = `2027-01-${String(d).padStart(2, '0')}`;
      await b.api('PUT', `${R}/holidays/${date}`, { name: 'Uji', kind: 'local' }, session);
      await b.api('DELETE', `${R}/holidays/${date}`, undefined, session);
    }
    await admin.goto(b.url('/staff/32.11/admin/audit'));
    const entries = admin.locator('.audit-entry');
    await eventually(() => entries.count()).toBe(50);
    await admin.getByRole('link', { name: 'Lebih lama →' }).click();
    await eventually(() => entries.count()).toBe(7);
    expect(await entries.locator('strong').allTextContents()).toEqual([
      'Menetapkan hari libur', 'Menetapkan hari libur', 'Menetapkan batas waktu', 'Mengubah disposisi kategori', 'Mengubah disposisi kategori', 'Menambah kategori', 'Menambah perangkat daerah',
    ]);
    expect(await admin.getByRole('link', { name: 'Lebih lama →' }).count()).toBe(0);
    await admin.getByRole('link', { name: '← Terbaru' }).click();
    await eventually(() => entries.first().textContent()).toContain('Menghapus hari libur');
    expect(b.problems(admin)).toEqual([]);
  });

  it('changes the reopen window, the escalation ladder and public statistics', async () => {
    await openSection('Pengaturan');
    await admin.getByLabel('Masa penilaian dan buka kembali (hari)').fill('7');
    await admin.getByRole('button', { name: 'Tambah langkah' }).click();
    const step = admin.getByRole('group', { name: 'Langkah 3' });
    await step.getByLabel('Beri tahu').selectOption({ label: 'Koordinator pengaduan' });
    await step.getByLabel('Jam setelah batas waktu').fill('12');
    await step.getByRole('button', { name: 'Naikkan' }).click();
    await admin.getByLabel('Tampilkan statistik pengaduan kepada publik').uncheck();
    await admin.getByRole('button', { name: 'Simpan', exact: true }).click();
    await eventually(flash).toBe('Pengaturan disimpan.');
    // The complaints' settings as saved; other modules' settings are theirs to test.
    const settings = await b.api<{ complaints: unknown }>('GET', `${R}/settings`, undefined, await b.apiSession('admin@sumedang.demo'));
    expect(settings.complaints).toEqual({
      reopenWindowDays: 7, publicStatistics: false,
      escalation: [{ role: 'unit_head', afterHours: 0 }, { role: 'coordinator', afterHours: 12 }, { role: 'head_of_region', afterHours: 24 }],
    });
    expect((await b.api<{ settings: { complaints: { publicStatistics: boolean } } }>('GET', R)).settings.complaints.publicStatistics).toBe(false);
  });

  it('sets how often e-SAKIP\'s sourced indicators sync, within an hour to a week, keeping its other settings', async () => {
    const session = await b.apiSession('admin@sumedang.demo');
    const before = (await b.api<{ sakip: Record<string, unknown> }>('GET', `${R}/settings`, undefined, session)).sakip;
    await openSection('Pengaturan');
    const form = admin.getByRole('form', { name: 'e-SAKIP' });
    const hours = form.getByLabel('Sinkron otomatis indikator bersumber (jam)');
    await eventually(() => hours.inputValue()).toBe('6');
    expect(await admin.locator(`[id="${await hours.getAttribute('aria-describedby')}"]`).textContent()).toContain('1–168 jam, bawaan 6');
    // The browser holds the bounds; past them anyway, the server refuses and the form says so under the field.
    await hours.fill('169');
    await form.getByRole('button', { name: 'Simpan pengaturan e-SAKIP' }).click();
    expect(await hours.evaluate((e: HTMLInputElement) => e.validity.rangeOverflow)).toBe(true);
    await form.evaluate((f: HTMLFormElement) => { f.noValidate = true; });
    await form.getByRole('button', { name: 'Simpan pengaturan e-SAKIP' }).click();
    await eventually(() => hours.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('#settings-sakip-sync-problem').textContent()).toBe('Terlalu besar atau panjang: paling banyak 168.');
    expect((await b.api<{ sakip: Record<string, unknown> }>('GET', `${R}/settings`, undefined, session)).sakip).toEqual(before);
    await hours.fill('12');
    await form.getByRole('button', { name: 'Simpan pengaturan e-SAKIP' }).click();
    await eventually(flash).toBe('Pengaturan e-SAKIP disimpan.');
    expect(await hours.getAttribute('aria-invalid')).toBeNull();
    // Only the interval changed: the efficiency method, bands and reporting rules are the region's as before.
    expect((await b.api<{ sakip: Record<string, unknown> }>('GET', `${R}/settings`, undefined, session)).sakip).toEqual({ ...before, sourceSyncHours: 12 });
    expect(b.problems(admin)).toEqual([]);
  });

  it('fits every administration page on a 360 px phone', async () => {
    const phone = await b.newPage();
    await b.signIn(phone, 'admin@sumedang.demo');
    for (const section of ['', '/unit', '/pegawai', '/kategori', '/disposisi', '/batas-waktu', '/hari-libur', '/pengaturan', '/kunci-api', '/audit']) {
      await phone.goto(b.url(`/staff/32.11/admin${section}`));
      await eventually(() => phone.locator('main h1').count()).toBe(1);
      await eventually(() => phone.getByText('Memuat…').count()).toBe(0);
      if (section === '/kategori') await phone.getByRole('button', { name: `Ubah kategori: ${CATEGORY.nameId}` }).click();
      expect(await overflowsHorizontally(phone), section).toBe(false);
      await phone.screenshot({ path: `/tmp/pamong-admin${section.replace('/', '-') || '-index'}.png`, fullPage: true });
    }
    expect(b.problems(phone)).toEqual([]);
    await phone.context().close();
  });

  it('offers the new category and its question to a citizen, then tracks it with the region\'s days off', async () => {
    const citizen = await b.newPage();
    await citizen.goto(b.url('/r/32.11/lapor'));
    const group = citizen.getByRole('group', { name: 'Infrastruktur' });
    await eventually(() => group.getByLabel(CATEGORY.nameId).isVisible()).toBe(true);
    await group.getByLabel(CATEGORY.nameId).check();
    await citizen.getByRole('button', { name: 'Lanjut' }).click();
    const question = citizen.getByRole('group', { name: 'Bagaimana kondisi atapnya? (wajib)' });
    await eventually(() => question.isVisible()).toBe(true);
    expect(await question.getByRole('radio').count()).toBe(2);
    await citizen.getByLabel('Ceritakan masalahnya').fill('Rumah warga di Desa Sukamaju hampir roboh setelah hujan deras');
    await citizen.getByRole('button', { name: 'Lanjut' }).click();
    await eventually(() => citizen.getByRole('alert').textContent()).toBe('Jawab pertanyaan yang wajib.');
    await question.getByLabel('Hampir roboh').check();
    await citizen.getByRole('button', { name: 'Lanjut' }).click();
    for (let step = 0; step < 3; step++) await citizen.getByRole('button', { name: 'Lanjut' }).click();
    await citizen.getByRole('button', { name: 'Kirim laporan' }).click();
    await eventually(() => citizen.getByRole('heading', { name: 'Laporan terkirim' }).isVisible()).toBe(true);
    const code = (await citizen.locator('output.code').textContent())!.trim();

    // The coordinator is offered the new unit, and dispatches there at once (Monday 09:00).
    const coordinator = await b.apiSession('koordinator@sumedang.demo');
    const [row] = await b.api<{ id: string }[]>('GET', `${R}/inbox?q=${code}`, undefined, coordinator);
    const detail = await b.api<{ proposedUnitId: string }>('GET', `${R}/complaints/${row.id}`, undefined, coordinator);
    expect(detail.proposedUnitId).toBe(unitId);
    await b.api('POST', `${R}/complaints/${row.id}/actions`, { action: 'dispatch', unitId }, coordinator);
    const officerInbox = await b.api<{ trackingCode: string }[]>('GET', `${R}/inbox`, undefined, await b.apiSession(OFFICER.email));
    expect(officerInbox.map((r) => r.trackingCode)).toEqual([code]);

    await citizen.getByRole('link', { name: 'Lihat status laporan' }).click();
    const answers = citizen.locator('section', { has: citizen.getByRole('heading', { name: 'Jawaban pelapor' }) });
    await eventually(() => answers.textContent()).toBe('Jawaban pelaporBagaimana kondisi atapnya?Hampir roboh');
    // Two working days after Monday: Tuesday, then (Wednesday is cuti bersama) Thursday, to its last minute.
    const deadline = (stage: string) => citizen.locator('.deadlines li').filter({ hasText: stage }).textContent();
    expect(await deadline('Penyelesaian')).toContain('paling lambat 5 Nov 2026, 23.59 WIB');
    expect(await deadline('Tanggapan pertama')).toContain('paling lambat 4 Nov 2026, 09.00 WIB');
    expect(await overflowsHorizontally(citizen)).toBe(false);
    expect(b.problems(citizen)).toEqual([]);
    await citizen.context().close();
  });
});
