// Coaching (pendampingan) in Chromium, on a phone: Sumedang's Living Lab
// officer creates a programme with Kabupaten Bandung as its pilot, sets it an
// SPBE index target and a text goal, adds a task and a session with its
// attendance, deletes a task and a session made by mistake (after confirming)
// and uploads evidence; Bandung's pilot coordinator signs in, lands on its
// programmes, opens its pilot record, marks the task and the text goal done,
// uploads evidence and deletes it again (the mentor's evidence offers it no
// delete button); the mentor then sees it done in the cohort's progress.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { users } from '../../src/platform/schema.js';
import { createUser, grantRole } from '../../src/platform/auth/service.js';
import { enableRegion } from '../../src/platform/regions/service.js';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE } from './browser.js';

const PILOT = '32.04';
const TITLE = 'Pendampingan SPBE uji peramban';
const TASK = 'Susun rancangan Perkada Arsitektur SPBE';
const GOAL = 'Perkada Arsitektur SPBE ditetapkan';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describeInBrowser('Living Lab coaching in Chromium', (b) => {
  it('lets the mentor officer create a programme with a pilot, goals and a task, delete mistakes, and the pilot coordinator mark its task and goal done and delete its own evidence', async () => {
    await b.ctx.database.db.transaction(async (tx) => {
      await enableRegion(tx, PILOT);
      // The demo password's hash, from the demo admin's account.
      const [hash] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(sql`lower(${users.email}) = 'admin@sumedang.demo'`);
      const id = await createUser(tx, { email: 'pendampingan@kabbandung.test', name: 'Koordinator Pendampingan Kabupaten Bandung', passwordHash: hash.passwordHash ?? undefined });
      await grantRole(tx, PILOT, id, 'livinglab_pilot_coordinator', null);
    });

    const mentor = await b.newPage({ viewport: PHONE });
    await b.signIn(mentor, 'livinglab@sumedang.demo');
    await eventually(() => mentor.getByRole('heading', { name: 'Living Lab', exact: true }).isVisible()).toBe(true);
    await mentor.goto(b.url('/staff/32.11/livinglab/pendampingan'));
    await eventually(() => mentor.getByRole('heading', { name: 'Pendampingan', exact: true }).isVisible()).toBe(true);
    await eventually(() => mentor.getByText('Belum ada program pendampingan.').isVisible()).toBe(true);
    await mentor.getByLabel('Judul program').fill(TITLE);
    await mentor.getByLabel('Tujuan').fill('Menaikkan indeks SPBE Kabupaten Bandung');
    await mentor.getByLabel('Mulai').fill('2026-01-01');
    await mentor.getByLabel('Selesai', { exact: true }).fill('2026-12-31');
    await mentor.getByLabel(/\(32\.04\)/).check();
    await mentor.getByRole('button', { name: 'Buat program' }).click();
    await eventually(() => mentor.getByRole('heading', { name: TITLE }).isVisible()).toBe(true);
    expect(mentor.url()).toContain('/staff/32.11/livinglab/pendampingan/program/');
    await mentor.getByRole('link', { name: 'Kabupaten Bandung' }).click();
    await eventually(() => mentor.getByRole('heading', { name: `${TITLE}: Kabupaten Bandung` }).isVisible()).toBe(true);

    // An SPBE index target for 2026.
    await mentor.getByText('Ubah sasaran').click();
    await mentor.getByRole('button', { name: 'Tambah sasaran' }).click();
    await mentor.getByLabel('Target indeks (0–5)').fill('3.60');
    await mentor.getByLabel('Tahun target').fill('2026');
    await mentor.getByRole('button', { name: 'Tambah sasaran' }).click();
    await mentor.locator('#ll-goal-1-kind').selectOption('text');
    await mentor.locator('#ll-goal-1-text').fill(GOAL);
    await mentor.getByRole('button', { name: 'Simpan sasaran' }).click();
    await eventually(() => mentor.getByText('Indeks SPBE 3.60 pada 2026').isVisible()).toBe(true);
    // No SPBE data for Bandung here: the progress says so rather than showing zero.
    expect(await mentor.getByText('Belum ada data').first().isVisible()).toBe(true);

    await mentor.getByLabel('Tugas baru').fill(TASK);
    await mentor.getByLabel('Tenggat').fill('2026-12-15');
    await mentor.getByRole('button', { name: 'Tambah tugas' }).click();
    await eventually(() => mentor.locator('.livinglab-tasks li').count()).toBe(1);
    expect(await mentor.locator('.livinglab-tasks li').textContent()).toContain('terbuka');
    // A session held in February, then its attendance noted.
    await mentor.getByText('Jadwalkan sesi', { exact: true }).first().click();
    await mentor.getByLabel('Tanggal sesi').fill('2026-02-12');
    await mentor.getByLabel('Topik').fill('Lokakarya Arsitektur SPBE');
    await mentor.locator('form button[type=submit]', { hasText: 'Jadwalkan sesi' }).click();
    await eventually(() => mentor.getByText('Lokakarya Arsitektur SPBE', { exact: true }).isVisible()).toBe(true);
    await mentor.getByText('Ubah sesi atau catat kehadiran').click();
    await mentor.getByLabel('Catatan kehadiran').first().fill('Hadir: Diskominfo dan Bappeda Kabupaten Bandung.');
    await mentor.getByRole('button', { name: 'Simpan sesi' }).click();
    await eventually(() => mentor.getByText('Catatan kehadiran: Hadir: Diskominfo dan Bappeda Kabupaten Bandung.').isVisible()).toBe(true);

    // A task and a session made by mistake: deleted only once the mentor confirms.
    await mentor.getByLabel('Tugas baru').fill('Tugas keliru');
    await mentor.getByRole('button', { name: 'Tambah tugas' }).click();
    await eventually(() => mentor.locator('.livinglab-tasks li').count()).toBe(2);
    const asked: string[] = [];
    mentor.once('dialog', (d) => { asked.push(d.message()); void d.dismiss(); });
    await mentor.getByRole('button', { name: 'Hapus tugas: Tugas keliru' }).click();
    await eventually(() => asked.length).toBe(1);
    expect(asked[0]).toContain('Tugas keliru');
    expect(await mentor.locator('.livinglab-tasks li').count()).toBe(2);
    mentor.once('dialog', (d) => void d.accept());
    await mentor.getByRole('button', { name: 'Hapus tugas: Tugas keliru' }).click();
    await eventually(() => mentor.locator('.livinglab-tasks li').count()).toBe(1);
    if (!(await mentor.locator('#ll-ses-date').isVisible())) await mentor.getByText('Jadwalkan sesi', { exact: true }).first().click();
    await mentor.locator('#ll-ses-date').fill('2026-03-03');
    await mentor.locator('#ll-ses-topic').fill('Sesi keliru');
    await mentor.locator('form button[type=submit]', { hasText: 'Jadwalkan sesi' }).click();
    await eventually(() => mentor.getByText('Sesi keliru', { exact: true }).isVisible()).toBe(true);
    mentor.once('dialog', (d) => void d.accept());
    await mentor.getByRole('button', { name: 'Hapus sesi: Sesi keliru' }).click();
    await eventually(() => mentor.getByText('Sesi keliru').count()).toBe(0);
    expect(await mentor.getByText('Lokakarya Arsitektur SPBE', { exact: true }).isVisible()).toBe(true);
    // The mentor's evidence.
    await mentor.getByLabel('Judul bukti').fill('Notula lokakarya');
    await mentor.getByLabel('Berkas', { exact: true }).setInputFiles({ name: 'notula.pdf', mimeType: 'application/pdf', buffer: PDF });
    await mentor.getByRole('button', { name: 'Unggah bukti' }).click();
    await eventually(() => mentor.getByRole('link', { name: 'Notula lokakarya' }).isVisible()).toBe(true);
    expect(await mentor.getByText('Tugas selesai 0/1 · sesi terlaksana 1/1').isVisible()).toBe(true);
    expect(await overflowsHorizontally(mentor)).toBe(false);
    expect(b.problems(mentor)).toEqual([]);

    // The pilot's coordinator lands on its coaching page and sees the programme.
    const pilot = await b.newPage({ viewport: PHONE });
    await b.signIn(pilot, 'pendampingan@kabbandung.test');
    await eventually(() => pilot.getByRole('heading', { name: 'Pendampingan', exact: true }).isVisible()).toBe(true);
    expect(pilot.url()).toContain(`/staff/${PILOT}/livinglab/pendampingan`);
    // A pilot does not see the mentor's forms.
    expect(await pilot.getByRole('button', { name: 'Buat program' }).count()).toBe(0);
    await pilot.getByRole('link', { name: TITLE }).click();
    await eventually(() => pilot.getByRole('heading', { name: `${TITLE}: Kabupaten Bandung` }).isVisible()).toBe(true);
    expect(await pilot.getByText('Pendamping: Kabupaten Sumedang').isVisible()).toBe(true);
    expect(await pilot.getByLabel('Tugas baru').count()).toBe(0);
    await pilot.getByRole('button', { name: `Tandai selesai: ${TASK}` }).click();
    await eventually(() => pilot.locator('.livinglab-tasks li').textContent()).toContain('✓ selesai');
    expect(await pilot.getByText('Tugas selesai 1/1').isVisible()).toBe(true);
    // Its text goal, done; the SPBE target is computed and offers no button; nor do the mentor's task and session delete buttons show.
    expect(await pilot.getByRole('button', { name: /^Hapus (tugas|sesi)/ }).count()).toBe(0);
    expect(await pilot.getByRole('button', { name: /^Tandai sasaran selesai/ }).count()).toBe(1);
    await pilot.getByRole('button', { name: `Tandai sasaran selesai: ${GOAL}` }).click();
    await eventually(() => pilot.getByRole('button', { name: `Tandai sasaran belum selesai: ${GOAL}` }).isVisible()).toBe(true);
    // Its own evidence it may delete; the mentor's it may not.
    expect(await pilot.getByRole('button', { name: 'Hapus bukti: Notula lokakarya' }).count()).toBe(0);
    await pilot.getByLabel('Judul bukti').fill('Foto kegiatan keliru');
    await pilot.getByLabel('Berkas', { exact: true }).setInputFiles({ name: 'keliru.pdf', mimeType: 'application/pdf', buffer: PDF });
    await pilot.getByRole('button', { name: 'Unggah bukti' }).click();
    await eventually(() => pilot.getByRole('link', { name: 'Foto kegiatan keliru' }).isVisible()).toBe(true);
    pilot.once('dialog', (d) => void d.accept());
    await pilot.getByRole('button', { name: 'Hapus bukti: Foto kegiatan keliru' }).click();
    await eventually(() => pilot.getByRole('link', { name: 'Foto kegiatan keliru' }).count()).toBe(0);
    expect(await pilot.getByRole('link', { name: 'Notula lokakarya' }).isVisible()).toBe(true);
    expect(await overflowsHorizontally(pilot)).toBe(false);
    expect(b.problems(pilot)).toEqual([]);

    // The mentor's cohort table shows it done.
    await mentor.getByRole('link', { name: '← Program pendampingan' }).click();
    await eventually(() => mentor.locator('.livinglab-cohort tbody tr').textContent()).toContain('1/1');
    expect(await mentor.locator('.livinglab-cohort tbody tr').textContent()).toContain(`${GOAL} ✓ selesai`);
    expect(await overflowsHorizontally(mentor)).toBe(false);
    expect(b.problems(mentor)).toEqual([]);
  });
});
