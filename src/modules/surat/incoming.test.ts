// Incoming letters and dispositions, as a unit's records clerk, its leader
// and staff use them: registration with an agenda number and the scan,
// distribution, the disposition tree (routing further, notes, the report back
// up, withdrawing only while unread), deadlines that remind and escalate to
// the giver, the home counts, and the security classes deciding who opens a
// letter or only sees it exists.
import { beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeWithApp, sweepModule, type Session } from '../../../test/harness.js';
import { multipart } from '../../../test/support/multipart.js';
import { notifications, outbox, units, users } from '../../platform/schema.js';
import { enableRegion } from '../../platform/regions/service.js';
import { suratLetters } from './schema.js';
import { a4Pdf } from '../../platform/fonts.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const R = '/api/regions/32.11/surat';

describeWithApp('Correspondence: incoming letters and dispositions', (h) => {
  const s: Record<string, Session> = {};
  const id: Record<string, string> = {};
  const letter = (over: Record<string, unknown> = {}) => ({
    unitId: id.unitA, number: '005/123/Bappeda/XI/2026', letterDate: '2026-11-30', senderName: 'Bappeda Provinsi Jawa Barat',
    subject: 'Undangan rapat koordinasi perencanaan pembangunan', classificationCode: '000.7.1.6', ...over,
  });
  const register = async (over: Record<string, unknown> = {}, session = s.clerk) => {
    const res = await h.api('POST', `${R}/letters/incoming`, { body: letter(over), session });
    expect(res.status, res.raw).toBe(201);
    return res.body as { id: string; agendaNumber: number; agendaYear: number };
  };

  beforeAll(async () => {
    const db = h.ctx.database.db;
    const [a, b] = await db.select({ id: units.id }).from(units).where(eq(units.regionCode, '32.11')).orderBy(units.code).limit(2);
    id.unitA = a.id;
    id.unitB = b.id;
    const people: [string, Parameters<typeof h.sessionWithRole>[1], string | undefined][] = [
      ['clerk', 'surat_clerk', id.unitA], ['leader', 'surat_leader', id.unitA], ['staff', 'surat_staff', id.unitA], ['staff2', 'surat_staff', id.unitA],
      ['clerkB', 'surat_clerk', id.unitB], ['staffB', 'surat_staff', id.unitB], ['manager', 'surat_records_manager', undefined],
    ];
    for (const [key, role, unit] of people) {
      s[key] = await h.sessionWithRole('32.11', role, `${key}@surat.test`, unit);
      [{ id: id[key] }] = await db.select({ id: users.id }).from(users).where(eq(users.email, `${key}@surat.test`));
    }
    await db.transaction((tx) => enableRegion(tx, '35.78'));
    s.foreign = await h.sessionWithRole('35.78', 'surat_records_manager', 'arsip@surabaya-surat.test');
  });

  it('registers a letter with the next agenda number of the unit\'s year and its scan, checked as a PDF by content', async () => {
    const first = await register();
    const second = await register({ number: '005/124/Bappeda/XI/2026' });
    expect(second.agendaNumber).toBe(first.agendaNumber + 1);
    expect(first.agendaYear).toBe(Number(new Date(h.clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 4)));
    const other = await register({ unitId: id.unitB }, s.clerkB);
    expect(other.agendaNumber).toBe(1);

    const form = multipart([{ name: 'surat', json: letter({ number: '005/125/Bappeda/XI/2026' }) }, { name: 'berkas', fileName: 'undangan.pdf', data: PDF }]);
    const withScan = await h.api('POST', `${R}/letters/incoming`, { body: form.body, headers: form.headers, session: s.clerk });
    expect(withScan.status, withScan.raw).toBe(201);
    const detail = await h.api('GET', `${R}/letters/${withScan.body.id}`, { session: s.clerk });
    expect(detail.body.attachments).toHaveLength(1);
    const file = await h.api('GET', `${R}/letters/${withScan.body.id}/attachments/${detail.body.attachments[0].id}`, { session: s.clerk });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/application\/pdf/);

    const before = await h.ctx.database.db.$count(suratLetters);
    const fake = multipart([{ name: 'surat', json: letter() }, { name: 'berkas', fileName: 'undangan.pdf', data: Buffer.from('ini bukan pdf') }]);
    const refused = await h.api('POST', `${R}/letters/incoming`, { body: fake.body, headers: fake.headers, session: s.clerk });
    expect(refused.status).toBe(415);
    expect(refused.body.error.code).toBe('surat.not_pdf');
    const noClass = await h.api('POST', `${R}/letters/incoming`, { body: letter({ classificationCode: '999.9' }), session: s.clerk });
    expect(noClass.body.error.code).toBe('surat.classification_unknown');
    const missing = await h.api('POST', `${R}/letters/incoming`, { body: { ...letter(), classificationCode: undefined }, session: s.clerk });
    expect(missing.status).toBe(400);
    const notMine = await h.api('POST', `${R}/letters/incoming`, { body: letter({ unitId: id.unitB }), session: s.clerk });
    expect(notMine.body.error.code).toBe('surat.unit_not_yours');
    expect(await h.ctx.database.db.$count(suratLetters)).toBe(before);
  });

  it('distributes to the leader, who disposes down a tree; recipients follow up, report back, and a read disposition cannot be withdrawn', async () => {
    const { id: letterId } = await register({ subject: 'Permohonan data SPBE untuk evaluasi' });
    const notLeader = await h.api('POST', `${R}/letters/${letterId}/distribute`, { body: { leaders: [id.staffB] }, session: s.clerk });
    expect(notLeader.body.error.code).toBe('surat.person_not_found');
    const dist = await h.api('POST', `${R}/letters/${letterId}/distribute`, { body: { leaders: [id.leader] }, session: s.clerk });
    expect(dist.status, dist.raw).toBe(200);
    const twice = await h.api('POST', `${R}/letters/${letterId}/distribute`, { body: { leaders: [id.leader] }, session: s.clerk });
    expect(twice.body.error.code).toBe('surat.already_distributed');
    expect((await h.api('GET', `${R}/home`, { session: s.leader })).body.unreadLetters).toBe(1);

    // Only the leader disposes the letter itself.
    const byStaff = await h.api('POST', `${R}/letters/${letterId}/dispositions`, { body: { to: [id.staff2], instruction: 'Siapkan' }, session: s.clerk });
    expect(byStaff.body.error.code).toBe('surat.not_disposer');
    const given = await h.api('POST', `${R}/letters/${letterId}/dispositions`, {
      body: { to: [id.staff, id.staffB], instruction: 'Siapkan data indikator dan laporkan', priority: 'segera', due: { amount: 3, unit: 'working_days' } }, session: s.leader,
    });
    expect(given.status, given.raw).toBe(201);
    const [toStaff, toStaffB] = given.body.ids as string[];
    expect((await h.api('GET', `${R}/home`, { session: s.staff })).body).toMatchObject({ unreadDispositions: 1, dispositionsToFollowUp: 1 });

    // The unread one to staff B is withdrawn; staff opens the letter (read), so theirs cannot be.
    const withdrawn = await h.api('POST', `${R}/dispositions/${toStaffB}/withdraw`, { session: s.leader });
    expect(withdrawn.status, withdrawn.raw).toBe(200);
    const gone = await h.api('GET', `${R}/letters/${letterId}`, { session: s.staffB });
    expect(gone.status).toBe(404);
    const opened = await h.api('GET', `${R}/letters/${letterId}`, { session: s.staff });
    expect(opened.body.subject).toBe('Permohonan data SPBE untuk evaluasi');
    const late = await h.api('POST', `${R}/dispositions/${toStaff}/withdraw`, { session: s.leader });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('surat.disposition_read');
    const notGiver = await h.api('POST', `${R}/dispositions/${toStaff}/withdraw`, { session: s.staff });
    expect(notGiver.body.error.code).toBe('surat.disposition_not_found');

    // Staff routes it further to staff2 (a child in the tree); staff2 reports; staff reports up.
    const further = await h.api('POST', `${R}/letters/${letterId}/dispositions`, { body: { parentId: toStaff, to: [id.staff2], instruction: 'Kumpulkan data dari bidang' }, session: s.staff });
    expect(further.status, further.raw).toBe(201);
    const notYours = await h.api('POST', `${R}/dispositions/${further.body.ids[0]}/done`, { body: { report: 'x' }, session: s.staff });
    expect(notYours.body.error.code).toBe('surat.disposition_not_yours');
    expect((await h.api('POST', `${R}/dispositions/${further.body.ids[0]}/notes`, { body: { body: 'Sudah minta ke tiga bidang' }, session: s.staff2 })).status).toBe(200);
    expect((await h.api('POST', `${R}/dispositions/${further.body.ids[0]}/done`, { body: { report: 'Data terkumpul, terlampir' }, session: s.staff2 })).status).toBe(200);
    expect((await h.api('POST', `${R}/dispositions/${toStaff}/done`, { body: { report: 'Data indikator sudah dikirim' }, session: s.staff })).status).toBe(200);
    const again = await h.api('POST', `${R}/dispositions/${toStaff}/done`, { body: { report: 'lagi' }, session: s.staff });
    expect(again.body.error.code).toBe('surat.disposition_state');

    const tree = (await h.api('GET', `${R}/letters/${letterId}`, { session: s.leader })).body.dispositions;
    const root = tree.find((d: { id: string }) => d.id === toStaff);
    expect(root).toMatchObject({ status: 'done', report: 'Data indikator sudah dikirim', from: { name: expect.any(String) } });
    expect(root.children[0]).toMatchObject({ status: 'done', report: 'Data terkumpul, terlampir', to: { userId: id.staff2 } });
    expect(root.children[0].notes.map((n: { kind: string }) => n.kind)).toEqual(['note', 'report']);
    expect(tree.find((d: { id: string }) => d.id === toStaffB).status).toBe('withdrawn');
    // The giver was told of the report.
    const told = await h.ctx.database.db.select({ subject: notifications.subject }).from(notifications).where(eq(notifications.userId, id.leader));
    expect(told.some((n) => (n.subject as { id: string }).id.startsWith('Disposisi selesai'))).toBe(true);
  });

  it('reminds the recipient before the deadline and tells the giver when it passes', async () => {
    const { id: letterId } = await register({ subject: 'Surat edaran batas laporan keuangan' });
    await h.api('POST', `${R}/letters/${letterId}/distribute`, { body: { leaders: [id.leader] }, session: s.clerk });
    const given = await h.api('POST', `${R}/letters/${letterId}/dispositions`, { body: { to: [id.staff2], instruction: 'Segera tindak lanjuti', due: { amount: 4, unit: 'hours' } }, session: s.leader });
    expect(given.status, given.raw).toBe(201);
    const dueAt = new Date(given.body.dueAt);
    const subjects = async (user: string) => (await h.ctx.database.db.select({ subject: notifications.subject }).from(notifications).where(eq(notifications.userId, user)))
      .map((n) => (n.subject as { id: string }).id);
    h.clock.advance(dueAt.getTime() - 30 * 60_000 - h.clock.now().getTime());
    await sweepModule(h.ctx, 'surat');
    expect((await subjects(id.staff2)).some((x) => x.startsWith('Pengingat: disposisi "Surat edaran batas laporan keuangan"'))).toBe(true);
    expect((await subjects(id.leader)).some((x) => x === 'Disposisi lewat batas: Surat edaran batas laporan keuangan')).toBe(false);
    h.clock.advance(dueAt.getTime() + 60_000 - h.clock.now().getTime());
    await sweepModule(h.ctx, 'surat');
    expect((await subjects(id.leader)).filter((x) => x === 'Disposisi lewat batas: Surat edaran batas laporan keuangan')).toHaveLength(1);
    expect((await h.api('GET', `${R}/home`, { session: s.leader })).body.overdueGiven).toBeGreaterThanOrEqual(1);
    const mails = await h.ctx.database.db.select({ payload: outbox.payload }).from(outbox);
    expect(mails.some((m) => JSON.stringify(m.payload).includes('Disposisi lewat batas'))).toBe(true);
    // Done after the deadline: no longer counted as overdue.
    await h.api('POST', `${R}/dispositions/${given.body.ids[0]}/done`, { body: { report: 'Selesai terlambat' }, session: s.staff2 });
    const received = (await h.api('GET', `${R}/dispositions?box=received&status=open`, { session: s.staff2 })).body.items;
    expect(received.find((d: { letterId: string }) => d.letterId === letterId)).toBeUndefined();
  });

  it('lets the security class decide who opens a letter and who only sees that it exists', async () => {
    const ordinary = await register({ subject: 'Biasa: jadwal piket kantor' });
    const restricted = await register({ subject: 'Terbatas: evaluasi kinerja pegawai', security: 'terbatas' });
    const confidential = await register({ subject: 'Rahasia: laporan pemeriksaan', security: 'rahasia' });
    const secret = await register({ subject: 'Sangat rahasia: penyidikan', security: 'sangat_rahasia' });
    const view = async (session: Session, letterId: string) => h.api('GET', `${R}/letters/${letterId}`, { session });

    // The unit's other staff: opens the ordinary, sees the restricted exists, nothing of the others.
    expect((await view(s.staff2, ordinary.id)).body.subject).toBe('Biasa: jadwal piket kantor');
    const r = await view(s.staff2, restricted.id);
    expect(r.body).toMatchObject({ access: 'exists', subject: null, senderName: null, attachments: [] });
    expect(r.raw).not.toContain('evaluasi kinerja');
    expect((await view(s.staff2, confidential.id)).status).toBe(404);
    expect((await view(s.staff2, secret.id)).status).toBe(404);
    // Another unit's staff sees none of them.
    expect((await view(s.staffB, ordinary.id)).status).toBe(404);
    // The records manager opens ordinary and restricted, sees the confidential exists, not the secret.
    expect((await view(s.manager, restricted.id)).body.access).toBe('open');
    expect((await view(s.manager, confidential.id)).body).toMatchObject({ access: 'exists', subject: null });
    expect((await view(s.manager, secret.id)).status).toBe(404);
    // The clerk who registered them is on every one of them.
    expect((await view(s.clerk, secret.id)).body.subject).toBe('Sangat rahasia: penyidikan');

    // Lists and search follow the same rule; a word of a closed letter's subject never finds it.
    const register2 = (await h.api('GET', `${R}/letters?box=unit&unitId=${id.unitA}&limit=100`, { session: s.staff2 })).body.items as { id: string; subject: string | null; access: string }[];
    expect(register2.find((x) => x.id === restricted.id)).toMatchObject({ access: 'exists', subject: null });
    expect(register2.find((x) => x.id === confidential.id)).toBeUndefined();
    const search = await h.api('GET', `${R}/letters?box=all&q=evaluasi%20kinerja`, { session: s.staff2 });
    expect(search.body.items).toHaveLength(0);
    const managerSearch = await h.api('GET', `${R}/letters?box=all&q=pemeriksaan`, { session: s.manager });
    expect(managerSearch.body.items).toHaveLength(0);
    const clerkSearch = await h.api('GET', `${R}/letters?box=all&q=pemeriksaan`, { session: s.clerk });
    expect(clerkSearch.body.items.map((x: { id: string }) => x.id)).toEqual([confidential.id]);
    // A file of a letter you only see exists is refused.
    const denied = await h.api('GET', `${R}/letters/${restricted.id}/attachments/00000000-0000-4000-8000-000000000000`, { session: s.staff2 });
    expect(denied.body.error.code).toBe('surat.letter_closed');
  });

  it('searches by number, sender, classification and date within what the person may open', async () => {
    await register({ number: '900.1/777/BPKAD/2026', senderName: 'Badan Pengelolaan Keuangan', classificationCode: '900.1.1', letterDate: '2026-10-01', subject: 'Penyampaian DPA' });
    const by = async (query: string) => ((await h.api('GET', `${R}/letters?box=all&${query}`, { session: s.clerk })).body.items as { number: string }[]).map((x) => x.number);
    expect(await by('number=777%2FBPKAD')).toEqual(['900.1/777/BPKAD/2026']);
    expect(await by('sender=pengelolaan%20keuangan')).toEqual(['900.1/777/BPKAD/2026']);
    expect(await by('classification=900')).toEqual(['900.1/777/BPKAD/2026']);
    expect(await by('from=2026-10-01&to=2026-10-01')).toEqual(['900.1/777/BPKAD/2026']);
    expect(await by('q=penyampaian%20dpa')).toEqual(['900.1/777/BPKAD/2026']);
    expect(await by('from=2026-10-02&to=2026-10-31')).toEqual([]);
  });

  it('finds a letter by the words inside its PDF, only for those who may open it; a scan without words is kept all the same', async () => {
    const { doc, done } = a4Pdf({ Title: 'Undangan', Author: 'Bappeda' }, 72);
    doc.text('Dengan hormat, kami mengundang Bapak/Ibu membahas percepatan penurunan prevalensi stunting di Kecamatan Jatinangor.');
    doc.addPage().text('Lampiran: daftar posyandu percontohan.');
    doc.end();
    const born = multipart([{ name: 'surat', json: letter({ subject: 'Undangan rapat', number: '005/300/Bappeda/XI/2026' }) }, { name: 'berkas', fileName: 'undangan.pdf', data: await done }]);
    const digital = await h.api('POST', `${R}/letters/incoming`, { body: born.body, headers: born.headers, session: s.clerk });
    expect(digital.status, digital.raw).toBe(201);
    h.clock.advance(1000); // registered a second later: newest first
    const restricted = multipart([{ name: 'surat', json: letter({ subject: 'Undangan rapat terbatas', security: 'terbatas', number: '005/301/Bappeda/XI/2026' }) }, { name: 'berkas', fileName: 'u.pdf', data: await done }]);
    const closed = await h.api('POST', `${R}/letters/incoming`, { body: restricted.body, headers: restricted.headers, session: s.clerk });
    const ids = async (q: string, session: Session) => ((await h.api('GET', `${R}/letters?box=all&q=${encodeURIComponent(q)}`, { session })).body.items as { id: string }[]).map((x) => x.id);
    // Words of the first page and of the second, stemmed (posyandu, percepatan → cepat).
    expect(await ids('jatinangor', s.clerk)).toEqual([closed.body.id, digital.body.id]);
    expect(await ids('posyandu percontohan', s.clerk)).toEqual([closed.body.id, digital.body.id]);
    // Another member of the unit opens the ordinary letter only: the restricted one's PDF never answers them.
    expect(await ids('jatinangor', s.staff2)).toEqual([digital.body.id]);
    // The minimal scan of the first test has no words: registered, not found by any.
    const scan = multipart([{ name: 'surat', json: letter({ subject: 'Pindaian tanpa teks', number: '005/302/Bappeda/XI/2026' }) }, { name: 'berkas', fileName: 's.pdf', data: PDF }]);
    expect((await h.api('POST', `${R}/letters/incoming`, { body: scan.body, headers: scan.headers, session: s.clerk })).status).toBe(201);
  });

  it('finds an old letter by a rare word behind hundreds of newer ones, and pages a common word newest first', async () => {
    const old = await register({ subject: 'Sertifikasi halal pelaku UMKM' });
    await register({ subject: 'Sertifikasi tanah kas desa', unitId: id.unitB }, s.clerkB); // another unit's: never the clerk's match
    // 400 newer letters of the unit, more than a search first looks through (inserted directly: the API would take minutes).
    const start = h.clock.now().getTime();
    await h.ctx.database.db.insert(suratLetters).values(Array.from({ length: 400 }, (_, i) => ({
      regionCode: '32.11', direction: 'incoming' as const, unitId: id.unitA, number: `KAL/${i}`, letterDate: '2026-11-30', receivedAt: new Date(start + (i + 1) * 1000),
      senderName: 'Balai Metrologi', subject: `Kalibrasi alat ukur nomor ${i}`, summary: '', classificationCode: '000.1.1', security: 'biasa' as const, urgency: 'biasa' as const,
      status: 'registered', createdAt: new Date(start + (i + 1) * 1000), createdBy: id.clerk, createdByLabel: 'clerk@surat.test', updatedAt: new Date(start),
    })));
    const search = async (query: string) => (await h.api('GET', `${R}/letters?box=all&${query}`, { session: s.clerk })).body as { items: { id: string; number: string }[]; hasMore: boolean };
    expect((await search('q=sertifikasi')).items.map((x) => x.id)).toEqual([old.id]);
    const first = await search('q=kalibrasi&limit=25');
    expect([first.items.map((x) => x.number), first.hasMore]).toEqual([Array.from({ length: 25 }, (_, i) => `KAL/${399 - i}`), true]);
    const next = await search('q=kalibrasi&limit=25&offset=25');
    expect(next.items.map((x) => x.number)).toEqual(Array.from({ length: 25 }, (_, i) => `KAL/${374 - i}`));
    // A page beyond the newest letters looked through comes from the text index, in the same order.
    const deep = await search('q=kalibrasi&limit=100&offset=350');
    expect([deep.items.map((x) => x.number), deep.hasMore]).toEqual([Array.from({ length: 50 }, (_, i) => `KAL/${49 - i}`), false]);
  });

  it('keeps another region\'s people out even with their own region in the URL', async () => {
    const { id: letterId } = await register({ subject: 'Nota internal Sumedang' });
    const foreignUrl = await h.api('GET', `/api/regions/35.78/surat/letters/${letterId}`, { session: s.foreign });
    expect(foreignUrl.status).toBe(404);
    const victimUrl = await h.api('GET', `${R}/letters/${letterId}`, { session: s.foreign });
    expect(victimUrl.status).toBe(403);
    const rows = await h.ctx.database.db.select({ subject: suratLetters.subject }).from(suratLetters).where(and(eq(suratLetters.regionCode, '35.78')));
    expect(rows).toHaveLength(0);
  });
});
