// Training records for digital leadership through the API on the demo
// region: the SPBE coordinator records the Digital Leadership Academy, adds
// participants from two units, marks one completed with a date and keeps
// their certificate; a renamed non-PDF and an oversized file are refused with
// nothing kept; the certificate downloads byte for byte; the year's export
// opens as a workbook and as CSV with Indonesian headers; the PUPR unit head
// sees only PUPR's participants and changes nothing; another region's admin
// gets nothing with this region's ids. The demo's own records (the Digital
// Leadership Academy and the GCIO's guidance) are there from the start: the
// counts below are the demo's plus this file's. A certificate is removed on
// its own; the keepers find the region's staff accounts to name participants.
import { beforeAll, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { multipart } from '../../../test/support/multipart.js';
import { createUser, grantRole, openSession } from '../../platform/auth/service.js';
import { enableRegion } from '../../platform/regions/service.js';
import { units } from '../../platform/schema.js';
import { readXlsx } from '../../platform/xlsx.js';

const R = '32.11';
const B = `/api/regions/${R}/pimpinan/pelatihan`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const certificate = (name: string, data: Buffer) => multipart([{ name: 'certificate', fileName: name, data }]);

describeWithApp('pimpinan training records', (h) => {
  const s: Record<string, Session> = {};
  const unit: Record<string, string> = {};
  let training = '';
  const people: Record<string, string> = {};
  // The demo's training in the year, read before this file adds anything.
  let demo: { programmes: any[]; units: any[]; certificates: number } = { programmes: [], units: [], certificates: 0 };
  const demoUnit = (id: string) => demo.units.find((u) => u.unitId === id) ?? { participants: 0, completed: 0 };
  const stored = async () => (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from pimpinan_training_participants where region_code = ${R} and certificate_data is not null`))[0].n;

  beforeAll(async () => {
    for (const code of ['PUPR', 'DISKOMINFO']) {
      [{ id: unit[code] }] = await h.ctx.database.db.select({ id: units.id }).from(units).where(and(eq(units.regionCode, R), eq(units.code, code)));
    }
    s.spbe = await h.signIn('spbe@sumedang.demo');
    s.head = await h.signIn('kepala.pupr@sumedang.demo');
    s.officer = await h.signIn('petugas.pupr@sumedang.demo');
    // Another region's admin, in their own region.
    const now = h.clock.now();
    await h.ctx.database.db.transaction(async (tx) => {
      await enableRegion(tx, '32.73');
      const userId = await createUser(tx, { email: 'admin@bandung.test', name: 'Admin Bandung' });
      await grantRole(tx, '32.73', userId, 'region_admin', null);
      const opened = await openSession(tx, now, userId);
      s.foreign = { cookie: `pamong_session=${opened.sessionId}`, csrf: opened.csrfToken };
    });
    const before = await h.api('GET', `${B}?year=2026`, { session: s.spbe });
    demo = { programmes: before.body.programmes, units: before.body.units, certificates: await stored() };
  });

  it('starts with the demo\'s training: the Digital Leadership Academy completed, with a certificate, and the GCIO guidance under way', async () => {
    expect(demo.programmes.map((p) => [p.title, p.kind, p.participants, p.completed, p.certificates])).toEqual([
      ['Digital Leadership Academy (DLA) Pemerintah Daerah', 'digital_leadership', 3, 3, 1],
      ['Bimbingan Teknis Government Chief Information Officer (GCIO)', 'gcio', 3, 0, 0],
    ]);
    const [dla, gcio] = demo.programmes;
    // Under way on the demo's day (2 November 2026 in the tests); the academy ended before it.
    expect(gcio.startDate <= '2026-11-02' && gcio.endDate >= '2026-11-02').toBe(true);
    expect(dla.endDate < '2026-11-02').toBe(true);
    const people = (await h.api('GET', `${B}/${dla.id}`, { session: s.spbe })).body.participants;
    const [{ id: bupati }] = await h.ctx.database.rows<{ id: string }>(sql`select id from users where email = 'bupati@sumedang.demo'`);
    expect(people.find((p: any) => p.position === 'Bupati')).toMatchObject({ userId: bupati, status: 'completed', completedOn: dla.endDate });
    const pupr = people.find((p: any) => p.unitId === unit.PUPR);
    expect(pupr).toMatchObject({ name: 'Dewi Kepala PUPR', status: 'completed', certificate: { contentType: 'application/pdf' } });
    // The certificate is a real PDF, as an upload would have been checked.
    const pdf = await h.app.inject({ method: 'GET', url: pupr.certificate.url, headers: { cookie: s.spbe.cookie } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(pdf.rawPayload.toString('latin1')).toContain('Dewi Kepala PUPR');
    expect(pdf.rawPayload.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    // A person named by hand, without an account.
    const named = (await h.api('GET', `${B}/${gcio.id}`, { session: s.spbe })).body.participants.find((p: any) => p.userId === null);
    expect(named).toMatchObject({ name: 'dr. Asep Hidayat', nip: '198203152009011004', status: 'enrolled', certificate: null });
    expect(demo.certificates).toBe(1);
  });

  it('records a programme with participants from two units and counts them per unit', async () => {
    const created = await h.api('POST', B, { session: s.spbe, body: { title: 'Digital Leadership Academy 2026', organiser: 'Kementerian Komdigi', kind: 'digital_leadership', startDate: '2026-10-05', endDate: '2026-10-09', hours: 40 } });
    expect(created.status).toBe(201);
    training = created.body.id;
    expect(created.body).toMatchObject({ title: 'Digital Leadership Academy 2026', kind: 'digital_leadership', hours: 40, participants: [] });

    const add = (body: object) => h.api('POST', `${B}/${training}/peserta`, { session: s.spbe, body });
    const kadis = await add({ name: 'Ir. Budi Santoso', nip: '197501012000031001', unitId: unit.PUPR, position: 'Kepala Dinas' });
    expect(kadis.status).toBe(201);
    expect(kadis.body).toMatchObject({ name: 'Ir. Budi Santoso', unitName: expect.any(String), position: 'Kepala Dinas', status: 'enrolled', completedOn: null, certificate: null });
    people.kadis = kadis.body.id;
    // A staff account: named from it.
    const [{ id: userId }] = await h.ctx.database.rows<{ id: string }>(sql`select id from users where email = 'petugas.kominfo@sumedang.demo'`);
    const gcio = await add({ userId, unitId: unit.DISKOMINFO, position: 'GCIO' });
    expect(gcio.body).toMatchObject({ userId, name: 'Fajar Petugas Diskominfo', position: 'GCIO' });
    people.gcio = gcio.body.id;
    expect((await add({ userId, unitId: unit.DISKOMINFO, position: 'GCIO' })).body.error.code).toBe('pimpinan.participant_duplicate');
    // Refused in words: an end before the start, a unit of no region here, a completion without a date.
    expect((await h.api('POST', B, { session: s.spbe, body: { title: 'X', organiser: 'Y', kind: 'gcio', startDate: '2026-10-09', endDate: '2026-10-05' } })).body.error.code).toBe('pimpinan.training_dates');
    expect((await add({ name: 'X', unitId: '00000000-0000-4000-8000-000000000000', position: 'Staf' })).body.error.code).toBe('pimpinan.training_unit_unknown');
    expect((await add({ name: 'X', unitId: unit.PUPR, position: 'Staf', status: 'completed' })).body.error.code).toBe('pimpinan.participant_completion');

    const list = await h.api('GET', `${B}?year=2026`, { session: s.spbe });
    expect(list.status).toBe(200);
    expect(list.body.programmes).toHaveLength(demo.programmes.length + 1);
    expect(list.body.programmes).toEqual(expect.arrayContaining([expect.objectContaining({ id: training, participants: 2, completed: 0, certificates: 0 })]));
    // Counted per unit on top of the demo's.
    expect(list.body.units).toEqual(expect.arrayContaining([
      expect.objectContaining({ unitId: unit.PUPR, participants: demoUnit(unit.PUPR).participants + 1, completed: demoUnit(unit.PUPR).completed }),
      expect.objectContaining({ unitId: unit.DISKOMINFO, participants: demoUnit(unit.DISKOMINFO).participants + 1, completed: demoUnit(unit.DISKOMINFO).completed }),
    ]));
    // Another year holds nothing.
    expect((await h.api('GET', `${B}?year=2025`, { session: s.spbe })).body.programmes).toEqual([]);
  });

  it('marks a participant completed with a date, refusing a date before the programme or in the future', async () => {
    const mark = (completedOn: string) => h.api('PATCH', `${B}/${training}/peserta/${people.kadis}`, { session: s.spbe, body: { status: 'completed', completedOn } });
    expect((await mark('2026-10-01')).body.error.code).toBe('pimpinan.participant_completion');
    expect((await mark('2027-01-01')).body.error.code).toBe('pimpinan.participant_completion');
    const done = await mark('2026-10-09');
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', completedOn: '2026-10-09' });
    const list = await h.api('GET', `${B}?year=2026`, { session: s.spbe });
    expect(list.body.programmes.find((p: any) => p.id === training)).toMatchObject({ participants: 2, completed: 1 });
    expect(list.body.units.find((u: any) => u.unitId === unit.PUPR)).toMatchObject({ participants: demoUnit(unit.PUPR).participants + 1, completed: demoUnit(unit.PUPR).completed + 1 });
    // Its audit entry.
    const [{ n }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where region_code = ${R} and action = 'pimpinan.participant_update' and entity_id = ${people.kadis}`);
    expect(n).toBe(1);
  });

  it('keeps a PDF certificate, refuses a renamed non-PDF and an oversized file, and downloads the same bytes', async () => {
    const url = `${B}/${training}/peserta/${people.kadis}/sertifikat`;
    const fake = await h.api('PUT', url, { session: s.spbe, ...certificate('sertifikat.pdf', Buffer.from('MZ\x90\x00 bukan pdf, sebuah program')) });
    expect(fake.status).toBe(415);
    expect(fake.body.error.code).toBe('pimpinan.certificate_type');
    const big = await h.api('PUT', url, { session: s.spbe, ...certificate('besar.pdf', Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)])) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('file.too_large');
    expect(await stored()).toBe(demo.certificates);

    const put = await h.api('PUT', url, { session: s.spbe, ...certificate('Sertifikat DLA Budi.pdf', PDF) });
    expect(put.status).toBe(200);
    expect(put.body.certificate).toMatchObject({ fileName: 'Sertifikat DLA Budi.pdf', contentType: 'application/pdf', size: PDF.length, url });
    const res = await h.app.inject({ method: 'GET', url, headers: { cookie: s.spbe.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('Sertifikat DLA Budi.pdf')}`);
    expect(Buffer.compare(res.rawPayload, PDF)).toBe(0);
    // Someone without a certificate: said so.
    expect((await h.api('GET', `${B}/${training}/peserta/${people.gcio}/sertifikat`, { session: s.spbe })).body.error.code).toBe('pimpinan.certificate_missing');
  });

  it('exports the year as a workbook and as CSV with Indonesian headers', async () => {
    const xlsx = await h.app.inject({ method: 'GET', url: `${B}/ekspor.xlsx?year=2026`, headers: { cookie: s.spbe.cookie } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('pelatihan-32.11-2026.xlsx');
    const [sheet] = await readXlsx(xlsx.rawPayload, { maxEntries: 50, maxUnpackedBytes: 5_000_000, maxRows: 100, maxColumns: 20, tooLarge: 'request.invalid', unreadable: 'request.invalid' });
    expect(sheet.rows[0]).toEqual(['Program', 'Penyelenggara', 'Jenis', 'Tanggal', 'Jam pelajaran', 'Peserta', 'NIP', 'Unit', 'Jabatan', 'Status', 'Tanggal selesai', 'Sertifikat']);
    const budi = sheet.rows.find((r) => r[5] === 'Ir. Budi Santoso')!;
    expect(budi.slice(0, 4)).toEqual(['Digital Leadership Academy 2026', 'Kementerian Komdigi', 'Kepemimpinan digital', '2026-10-05 s.d. 2026-10-09']);
    expect(budi.slice(6)).toEqual(['197501012000031001', expect.any(String), 'Kepala Dinas', 'Lulus/selesai', '2026-10-09', 'ada']);
    expect(sheet.rows.find((r) => r[5] === 'Fajar Petugas Diskominfo')!.slice(9)).toEqual(['Terdaftar', null, 'tidak']);

    const csv = await h.app.inject({ method: 'GET', url: `${B}/ekspor.csv?year=2026`, headers: { cookie: s.spbe.cookie } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Program;Penyelenggara;Jenis;Tanggal;Jam pelajaran;Peserta;NIP;Unit;Jabatan;Status;Tanggal selesai;Sertifikat');
    const demoPeople = demo.programmes.reduce((n, p) => n + p.participants, 0);
    expect(lines).toHaveLength(2 + demoPeople + 2); // header, the demo's participants, this file's two, the final line end
    // The unit head keeps no export: it is the keepers' evidence.
    expect((await h.api('GET', `${B}/ekspor.csv`, { session: s.head })).status).toBe(403);
  });

  it('shows a unit head only their own unit\'s participants and lets them change nothing', async () => {
    const list = await h.api('GET', `${B}?year=2026`, { session: s.head });
    expect(list.status).toBe(200);
    expect(list.body.own).toBe(true);
    // This file's programme and the demo's academy, which PUPR's head attended; not the GCIO guidance, which no one from PUPR attends.
    expect(list.body.programmes.map((p: any) => p.id)).toEqual([demo.programmes[0].id, training]);
    expect(list.body.programmes[1]).toMatchObject({ participants: 1, completed: 1 });
    expect(list.body.units.map((u: any) => u.unitId)).toEqual([unit.PUPR]);
    const one = await h.api('GET', `${B}/${training}`, { session: s.head });
    expect(one.body.participants.map((p: any) => p.name)).toEqual(['Ir. Budi Santoso']);
    expect(one.raw).not.toContain('Fajar');
    expect((await h.app.inject({ method: 'GET', url: `${B}/${training}/peserta/${people.kadis}/sertifikat`, headers: { cookie: s.head.cookie } })).statusCode).toBe(200);
    expect((await h.api('GET', `${B}/${training}/peserta/${people.gcio}/sertifikat`, { session: s.head })).status).toBe(404);
    expect((await h.api('PATCH', `${B}/${training}/peserta/${people.kadis}`, { session: s.head, body: { position: 'Palsu' } })).status).toBe(403);
    expect((await h.api('POST', B, { session: s.head, body: { title: 'X', organiser: 'Y', kind: 'other', startDate: '2026-01-01', endDate: '2026-01-01' } })).status).toBe(403);
    // An officer reads nothing.
    expect((await h.api('GET', B, { session: s.officer })).status).toBe(403);
  });

  it('refuses another region\'s admin with their own region in the URL and this region\'s ids', async () => {
    const F = '/api/regions/32.73/pimpinan/pelatihan';
    expect((await h.api('GET', `${F}/${training}`, { session: s.foreign })).status).toBe(404);
    expect((await h.api('GET', `${F}/${training}/peserta/${people.kadis}/sertifikat`, { session: s.foreign })).status).toBe(404);
    expect((await h.api('PATCH', `${F}/${training}/peserta/${people.kadis}`, { session: s.foreign, body: { position: 'Palsu' } })).status).toBe(404);
    expect((await h.api('DELETE', `${F}/${training}`, { session: s.foreign })).status).toBe(404);
    const list = await h.api('GET', `${F}?year=2026`, { session: s.foreign });
    expect(list.body.programmes).toEqual([]);
    expect((await h.api('GET', `${B}/${training}`, { session: s.foreign })).status).toBe(403);
  });

  it('removes a certificate on its own, audited, and says so when there is none', async () => {
    const url = `${B}/${training}/peserta/${people.kadis}/sertifikat`;
    // Neither the unit head nor another region's admin may remove it.
    expect((await h.api('DELETE', url, { session: s.head })).status).toBe(403);
    expect((await h.api('DELETE', `/api/regions/32.73/pimpinan/pelatihan/${training}/peserta/${people.kadis}/sertifikat`, { session: s.foreign })).status).toBe(404);
    const removed = await h.api('DELETE', url, { session: s.spbe });
    expect(removed.status).toBe(200);
    // The participant stays, completed; only the file is gone.
    expect(removed.body).toMatchObject({ id: people.kadis, status: 'completed', completedOn: '2026-10-09', certificate: null });
    expect(await stored()).toBe(demo.certificates);
    expect((await h.api('GET', url, { session: s.spbe })).body.error.code).toBe('pimpinan.certificate_missing');
    const again = await h.api('DELETE', url, { session: s.spbe });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('pimpinan.certificate_missing');
    expect((await h.api('DELETE', url, { session: s.spbe, headers: { 'accept-language': 'en' } })).body.error.message).toBe('This participant has no certificate yet.');
    const audit = await h.ctx.database.rows<{ detail: any }>(sql`select detail from audit_log where region_code = ${R} and action = 'pimpinan.certificate_remove' and entity_id = ${people.kadis}`);
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toMatchObject({ trainingId: training, fileName: 'Sertifikat DLA Budi.pdf', contentType: 'application/pdf', bytes: PDF.length });
    const list = await h.api('GET', `${B}?year=2026`, { session: s.spbe });
    expect(list.body.programmes.find((p: any) => p.id === training)).toMatchObject({ certificates: 0 });
  });

  it('finds the region\'s staff accounts for the keepers, with their unit and a position to start from', async () => {
    const found = await h.api('GET', `${B}/pegawai?q=kepala`, { session: s.spbe });
    expect(found.status).toBe(200);
    expect(found.body.find((p: any) => p.email === 'kepala.pupr@sumedang.demo')).toMatchObject({ name: 'Dewi Kepala PUPR', unitId: unit.PUPR, unitName: expect.any(String), position: 'Kepala unit' });
    expect(found.body.every((p: any) => /kepala/i.test(`${p.name} ${p.email}`))).toBe(true);
    // The head of region's office: no unit.
    expect((await h.api('GET', `${B}/pegawai?q=bupati@`, { session: s.spbe })).body).toEqual([
      expect.objectContaining({ email: 'bupati@sumedang.demo', unitId: null, unitName: null, position: 'Kepala daerah' }),
    ]);
    // Wildcards are letters, not patterns; at most twenty.
    expect((await h.api('GET', `${B}/pegawai?q=%25`, { session: s.spbe })).body).toEqual([]);
    expect((await h.api('GET', `${B}/pegawai`, { session: s.spbe })).body.length).toBeLessThanOrEqual(20);
    // A unit head may not list the staff; another region's admin finds only their own region's people.
    expect((await h.api('GET', `${B}/pegawai?q=kepala`, { session: s.head })).status).toBe(403);
    expect((await h.api('GET', `${B}/pegawai?q=kepala`, { session: s.foreign })).status).toBe(403);
    const own = await h.api('GET', '/api/regions/32.73/pimpinan/pelatihan/pegawai?q=a', { session: s.foreign });
    expect(own.body.map((p: any) => p.email)).toEqual(['admin@bandung.test']);
  });

  it('changes a programme, removes a participant, and deletes the programme with its participants', async () => {
    const changed = await h.api('PATCH', `${B}/${training}`, { session: s.spbe, body: { hours: 32, notes: 'Angkatan II' } });
    expect(changed.body).toMatchObject({ hours: 32, notes: 'Angkatan II' });
    // Moving the start after a completion date is refused.
    expect((await h.api('PATCH', `${B}/${training}`, { session: s.spbe, body: { startDate: '2026-10-10', endDate: '2026-10-12' } })).body.error.code).toBe('pimpinan.participant_completion');
    expect((await h.api('DELETE', `${B}/${training}/peserta/${people.gcio}`, { session: s.spbe })).status).toBe(200);
    expect((await h.api('GET', `${B}/${training}`, { session: s.spbe })).body.participants).toHaveLength(1);
    expect((await h.api('DELETE', `${B}/${training}`, { session: s.spbe })).status).toBe(200);
    expect((await h.api('GET', `${B}/${training}`, { session: s.spbe })).body.error.code).toBe('pimpinan.training_not_found');
    const [{ n }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from pimpinan_training_participants where region_code = ${R} and training_id = ${training}`);
    expect(n).toBe(0);
  });
});
