// Filing and retention as records staff use it: the region's schedule (JRA)
// set, imported and exported; files kept by a unit's clerk; a file closed
// takes its periods from the schedule; files come due; a disposal proposed
// by the records manager is decided by someone else, changes the files and
// leaves minutes; destruction removes the letters' files but keeps their
// register entries.
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { multipart } from '../../../test/support/multipart.js';
import { units } from '../../platform/schema.js';
import { suratAttachments, suratFiles, suratLetters, suratRetention } from './schema.js';

const R = '/api/regions/32.11/surat';
const YEAR = 365.25 * 24 * 3_600_000;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describeWithApp('Correspondence filing and retention', (h) => {
  const s: Record<string, Session> = {};
  const unit: Record<string, string> = {};
  let admin: Session;

  const letter = async (unitId: string, classificationCode: string, subject: string) => {
    const now = h.clock.now();
    const [row] = await h.ctx.database.db.insert(suratLetters).values({
      regionCode: '32.11', direction: 'incoming', unitId, number: `${classificationCode}/${subject.length}/2026`, letterDate: '2026-10-30', receivedAt: now, senderName: 'Kementerian',
      subject, classificationCode, security: 'biasa', urgency: 'biasa', status: 'done', pdf, createdAt: now, createdByLabel: 'Uji', updatedAt: now,
    }).returning({ id: suratLetters.id });
    await h.ctx.database.db.insert(suratAttachments).values({ regionCode: '32.11', letterId: row.id, fileName: 'lampiran.pdf', contentType: 'application/pdf', size: pdf.length, data: pdf, sha256: '0'.repeat(64), uploadedAt: now });
    return row.id;
  };
  const upload = (data: Buffer, name: string, session = s.manager) => {
    const form = multipart([{ name: 'file', fileName: name, data }]);
    return h.api('POST', `${R}/retention/import`, { session, body: form.body, headers: form.headers });
  };
  const download = async (url: string, session: Session) => {
    const res = await h.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
    return { status: res.statusCode, type: res.headers['content-type'], data: res.rawPayload };
  };
  /** Sessions last hours, files years: after moving the clock the records manager and the decider sign in again (as new people). */
  let round = 0;
  const signInAgain = async () => {
    round += 1;
    s.manager = await h.sessionWithRole('32.11', 'surat_records_manager', `arsiparis${round}@surat.test`);
    s.head = await h.sessionWithRole('32.11', 'head_of_region', `bupati${round}@surat.test`);
    s.clerk = await h.sessionWithRole('32.11', 'surat_clerk', `tu-pupr${round}@surat.test`, unit.PUPR);
    admin = await h.signIn('admin@pamong.demo');
  };
  const schedule = async () => (await h.api('GET', `${R}/retention`, { session: s.manager })).body.map((r: { classificationCode: string; activeYears: number; fate: string }) => [r.classificationCode, r.activeYears, r.fate]);

  it('gives the demo\'s records manager files to see: one open with a letter, one due for destruction, one due for transfer', async () => {
    const arsip = await h.signIn('arsip@sumedang.demo');
    const files = (await h.api('GET', `${R}/files`, { session: arsip })).body as { id: string; title: string; status: string; letters: number; fate: string | null }[];
    expect(files.map((f) => [f.title.replace(/\d{4}$/, 'YYYY'), f.status, f.letters])).toEqual(expect.arrayContaining([
      ['Evaluasi SPBE YYYY', 'open', 1], ['Undangan dan rapat koordinasi YYYY', 'closed', 2], ['Data kepegawaian YYYY', 'closed', 1],
    ]));
    const due = (await h.api('GET', `${R}/files/due`, { session: arsip })).body.files as { title: string; due: string; fate: string }[];
    expect(due.map((f) => [f.title.replace(/\d{4}$/, 'YYYY'), f.due, f.fate])).toEqual([['Undangan dan rapat koordinasi YYYY', 'fate', 'musnah'], ['Data kepegawaian YYYY', 'transfer', 'musnah']]);
    const old = files.find((f) => f.title.startsWith('Undangan'))!;
    const detail = (await h.api('GET', `${R}/files/${old.id}`, { session: arsip })).body;
    expect(detail.letterList.map((l: { subject: string }) => l.subject)).toEqual(['Undangan rapat koordinasi pelaksanaan e-government', 'Undangan rapat evaluasi jaringan intra pemerintah']);
    const [letter] = detail.letterList as { id: string }[];
    const scans = (await h.api('GET', `${R}/letters/${letter.id}`, { session: arsip })).body.attachments;
    expect(scans).toHaveLength(1);
  });

  it('sets up people: a clerk in each of two units, the records manager, a decider', async () => {
    for (const u of await h.ctx.database.db.select().from(units).where(eq(units.regionCode, '32.11'))) unit[u.code] = u.id;
    s.clerk = await h.sessionWithRole('32.11', 'surat_clerk', 'tu-pupr@surat.test', unit.PUPR);
    s.otherClerk = await h.sessionWithRole('32.11', 'surat_clerk', 'tu-dinkes@surat.test', unit.DINKES);
    s.manager = await h.sessionWithRole('32.11', 'surat_records_manager', 'arsiparis@surat.test');
    s.head = await h.sessionWithRole('32.11', 'head_of_region', 'bupati@surat.test');
    s.staff = await h.sessionWithRole('32.11', 'surat_staff', 'staf@surat.test', unit.PUPR);
    admin = await h.signIn('admin@pamong.demo');
    // The demo's small schedule goes: this test builds the region's schedule from nothing.
    await h.ctx.database.db.delete(suratRetention).where(eq(suratRetention.regionCode, '32.11'));
    // And so do its files: this test counts what is due from nothing.
    await h.ctx.database.db.update(suratLetters).set({ fileId: null }).where(eq(suratLetters.regionCode, '32.11'));
    await h.ctx.database.db.delete(suratFiles).where(eq(suratFiles.regionCode, '32.11'));
  });

  it('lets the records manager set a schedule row that clerks read but cannot change', async () => {
    const set = await h.api('PUT', `${R}/retention/000.1`, { session: s.manager, body: { activeYears: 2, inactiveYears: 3, fate: 'musnah', note: 'Surat biasa' } });
    expect(set.status, set.raw).toBe(200);
    expect((await h.api('GET', `${R}/retention`, { session: s.clerk })).body).toMatchObject([{ classificationCode: '000.1', activeYears: 2, fate: 'musnah', note: 'Surat biasa' }]);
    expect((await h.api('PUT', `${R}/retention/000.1`, { session: s.clerk, body: { activeYears: 9, inactiveYears: 9, fate: 'permanen' } })).status).toBe(403);
    expect((await h.api('GET', `${R}/retention`, { session: s.staff })).status).toBe(403);
    const unknown = await h.api('PUT', `${R}/retention/999.9`, { session: s.manager, body: { activeYears: 1, inactiveYears: 1, fate: 'musnah' } });
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'surat.classification_unknown']);
    const bad = await h.api('PUT', `${R}/retention/000.1`, { session: s.manager, body: { activeYears: -1, inactiveYears: 1, fate: 'dibakar' } });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'request.invalid']);
    expect(await schedule()).toEqual([['000.1', 2, 'musnah']]);
  });

  it('imports a whole schedule from a CSV with Indonesian headers, all rows or none', async () => {
    const csv = '\uFEFFKode klasifikasi;Aktif (tahun);Inaktif (tahun);Keterangan\r\n000;1;4;Permanen\r\n000.1;2;3;Musnah\r\n800;3;5;Dinilai kembali\r\n';
    const bad = await upload(Buffer.from(csv + '999.9;1;1;musnah\r\n500;x;1;musnah\r\n600;1;1;dibakar\r\n'), 'jra.csv');
    expect([bad.status, bad.body.error.code]).toEqual([422, 'surat.retention_invalid']);
    expect(bad.body.error.details.issues.join('\n')).toMatch(/baris 6.*aktif[\s\S]*baris 7.*keterangan[\s\S]*baris 5: kode 999\.9/);
    expect(await schedule()).toEqual([['000.1', 2, 'musnah']]);
    const notSheet = await upload(Buffer.from('GIF89a\x01\x00\x01\x00'), 'jra.csv');
    expect(notSheet.status).toBe(422);
    const done = await upload(Buffer.from(csv), 'jra.csv');
    expect(done.status, done.raw).toBe(200);
    expect(done.body).toEqual({ rows: 3, removed: 0 });
    expect(await schedule()).toEqual([['000', 1, 'permanen'], ['000.1', 2, 'musnah'], ['800', 3, 'dinilai_kembali']]);
    expect((await upload(Buffer.from(csv), 'jra.csv', s.clerk)).status).toBe(403);
  });

  it('exports the schedule as Excel that imports back unchanged, and reads an XLSX made elsewhere', async () => {
    const exported = await download(`${R}/retention.xlsx`, s.clerk);
    expect(exported.status).toBe(200);
    expect(exported.type).toMatch(/spreadsheetml/);
    const back = await upload(exported.data, 'jra.xlsx');
    expect(back.body).toEqual({ rows: 3, removed: 0 });
    expect(await schedule()).toEqual([['000', 1, 'permanen'], ['000.1', 2, 'musnah'], ['800', 3, 'dinilai_kembali']]);
    const sheet = await writeXlsxFile([
      [{ value: 'Kode Klasifikasi' }, { value: 'Aktif' }, { value: 'Inaktif' }, { value: 'Keterangan' }],
      [{ value: '000.1' }, { value: 2, type: Number }, { value: 3, type: Number }, { value: 'musnah' }],
      [{ value: '000' }, { value: 1, type: Number }, { value: 4, type: Number }, { value: 'permanen' }],
    ]).toBuffer();
    const replaced = await upload(sheet, 'jra-baru.xlsx');
    expect(replaced.body).toEqual({ rows: 2, removed: 1 });
  });

  let fileId = '';
  let filed = '';
  it('lets a clerk open a file for their unit only and file their unit\'s letters classified under it', async () => {
    const created = await h.api('POST', `${R}/files`, { session: s.clerk, body: { unitId: unit.PUPR, classificationCode: '000.1', title: 'Surat edaran 2026' } });
    expect(created.status, created.raw).toBe(200);
    expect(created.body).toMatchObject({ status: 'open', openedOn: '2026-11-02', letters: 0, unitName: 'Dinas Pekerjaan Umum dan Penataan Ruang' });
    fileId = created.body.id;
    const foreign = await h.api('POST', `${R}/files`, { session: s.otherClerk, body: { unitId: unit.PUPR, classificationCode: '000.1', title: 'Bukan unit saya' } });
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'surat.unit_not_yours']);
    const unknownCode = await h.api('POST', `${R}/files`, { session: s.clerk, body: { unitId: unit.PUPR, classificationCode: '999.9', title: 'X' } });
    expect(unknownCode.body.error.code).toBe('surat.classification_unknown');
    expect((await h.api('GET', `${R}/files/${fileId}`, { session: s.otherClerk })).body.error.code).toBe('surat.file_not_found');

    filed = await letter(unit.PUPR, '000.1.1', 'Edaran jam kerja');
    const add = await h.api('POST', `${R}/files/${fileId}/letters`, { session: s.clerk, body: { letterId: filed } });
    expect(add.status, add.raw).toBe(200);
    expect(add.body.letters).toBe(1);
    // The letter's page says which file holds it.
    expect((await h.api('GET', `${R}/letters/${filed}`, { session: s.clerk })).body.file).toMatchObject({ id: fileId, status: 'open' });
    const wrongCode = await h.api('POST', `${R}/files/${fileId}/letters`, { session: s.clerk, body: { letterId: await letter(unit.PUPR, '800.1.11.1', 'Surat tugas') } });
    expect([wrongCode.status, wrongCode.body.error.code]).toEqual([422, 'surat.file_classification']);
    const otherUnit = await letter(unit.DINKES, '000.1.1', 'Edaran Dinkes');
    expect((await h.api('POST', `${R}/files/${fileId}/letters`, { session: s.clerk, body: { letterId: otherUnit } })).body.error.code).toBe('surat.letter_not_found');
    expect((await h.api('POST', `${R}/files/${fileId}/letters`, { session: s.manager, body: { letterId: otherUnit } })).body.error.code).toBe('surat.file_classification');
    const detail = await h.api('GET', `${R}/files/${fileId}`, { session: s.clerk });
    expect(detail.body.letterList.map((l: { subject: string }) => l.subject)).toEqual(['Edaran jam kerja']);
    const list = await h.api('GET', `${R}/files?unit=${unit.PUPR}`, { session: s.manager });
    expect(list.body.map((f: { title: string; letters: number }) => [f.title, f.letters])).toEqual([['Surat edaran 2026', 1]]);
    expect((await h.api('GET', `${R}/files`, { session: s.otherClerk })).body).toEqual([]);
    expect((await h.api('GET', `${R}/files?unit=${unit.PUPR}`, { session: s.otherClerk })).body.error.code).toBe('surat.unit_not_yours');
  });

  it('closes a file with the periods of the nearest schedule row, and refuses one no row covers', async () => {
    const uncovered = (await h.api('POST', `${R}/files`, { session: s.clerk, body: { unitId: unit.PUPR, classificationCode: '800', title: 'Kepegawaian' } })).body.id;
    const refused = await h.api('POST', `${R}/files/${uncovered}/close`, { session: s.clerk });
    expect([refused.status, refused.body.error.code]).toEqual([422, 'surat.no_retention']);
    const closed = await h.api('POST', `${R}/files/${fileId}/close`, { session: s.clerk });
    expect(closed.status, closed.raw).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: '2026-11-02', activeUntil: '2028-11-02', inactiveUntil: '2031-11-02', fate: 'musnah' });
    expect((await h.api('POST', `${R}/files/${fileId}/close`, { session: s.clerk })).body.error.code).toBe('surat.file_closed');
    const late = await h.api('POST', `${R}/files/${fileId}/letters`, { session: s.clerk, body: { letterId: await letter(unit.PUPR, '000.1.1', 'Terlambat') } });
    expect([late.status, late.body.error.code]).toEqual([409, 'surat.file_closed']);
    // A later change of the schedule leaves a closed file's periods alone.
    await h.api('PUT', `${R}/retention/000.1`, { session: s.manager, body: { activeYears: 10, inactiveYears: 10, fate: 'permanen' } });
    expect((await h.api('GET', `${R}/files/${fileId}`, { session: s.clerk })).body).toMatchObject({ activeUntil: '2028-11-02', fate: 'musnah' });
  });

  it('lists what is due and takes a transfer through proposal and decision by someone else, with minutes', async () => {
    const early = await h.api('POST', `${R}/disposals`, { session: s.manager, body: { action: 'transfer', fileIds: [fileId], reason: 'Pindah' } });
    expect([early.status, early.body.error.code]).toEqual([409, 'surat.not_due']);
    expect((await h.api('GET', `${R}/files/due`, { session: s.manager })).body.files).toEqual([]);
    expect((await h.api('GET', `${R}/files/due?date=2028-11-02`, { session: s.manager })).body.files.map((f: { id: string; due: string }) => [f.id, f.due])).toEqual([[fileId, 'transfer']]);
    expect((await h.api('GET', `${R}/files/due`, { session: s.clerk })).status).toBe(403);
    h.clock.advance(2.1 * YEAR);
    await signInAgain();
    expect((await h.api('POST', `${R}/disposals`, { session: s.manager, body: { action: 'destroy', fileIds: [fileId], reason: 'Musnah' } })).body.error.code).toBe('surat.not_due');
    const proposed = await h.api('POST', `${R}/disposals`, { session: s.manager, body: { action: 'transfer', fileIds: [fileId], reason: 'Masa aktif habis' } });
    expect(proposed.status, proposed.raw).toBe(200);
    const id = proposed.body.id;
    // One proposal at a time for a file: a second, while the first awaits its decision, is refused.
    const twice = await h.api('POST', `${R}/disposals`, { session: s.manager, body: { action: 'transfer', fileIds: [fileId], reason: 'Lagi' } });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'surat.disposal_pending']);
    expect((await h.api('POST', `${R}/disposals/${id}/decision`, { session: s.manager, body: { approve: true } })).status).toBe(403);
    const approved = await h.api('POST', `${R}/disposals/${id}/decision`, { session: s.head, body: { approve: true, note: 'Setuju' } });
    expect(approved.status, approved.raw).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decisionNote: 'Setuju', hasMinutes: true });
    expect((await h.api('GET', `${R}/files/${fileId}`, { session: s.clerk })).body.status).toBe('transferred');
    const minutes = await download(`${R}/disposals/${id}/minutes.pdf`, s.manager);
    expect(minutes.type).toBe('application/pdf');
    expect(minutes.data.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await h.api('GET', `${R}/disposals/${id}/minutes.pdf`, { session: s.clerk })).status).toBe(403);
    const again = await h.api('POST', `${R}/disposals/${id}/decision`, { session: s.head, body: { approve: false } });
    expect([again.status, again.body.error.code]).toEqual([409, 'surat.disposal_decided']);
  });

  it('never lets a proposer decide their own proposal, and a rejection changes no file', async () => {
    h.clock.advance(3 * YEAR);
    await signInAgain();
    const own = await h.api('POST', `${R}/disposals`, { session: admin, body: { action: 'destroy', fileIds: [fileId], reason: 'Uji' } });
    expect(own.status, own.raw).toBe(200);
    const refused = await h.api('POST', `${R}/disposals/${own.body.id}/decision`, { session: admin, body: { approve: true } });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'surat.disposal_own']);
    const rejected = await h.api('POST', `${R}/disposals/${own.body.id}/decision`, { session: s.head, body: { approve: false, note: 'Belum dinilai' } });
    expect(rejected.body).toMatchObject({ status: 'rejected', hasMinutes: false });
    expect((await h.api('GET', `${R}/files/${fileId}`, { session: s.clerk })).body.status).toBe('transferred');
    expect((await h.api('POST', `${R}/disposals`, { session: s.manager, body: { action: 'permanent', fileIds: [fileId], reason: 'Salah nasib' } })).body.error.code).toBe('surat.not_due');
  });

  it('destroys a file: its letters keep number, date and subject, lose their PDFs and attachments', async () => {
    h.clock.advance(60_000);
    const proposed = await h.api('POST', `${R}/disposals`, { session: s.manager, body: { action: 'destroy', fileIds: [fileId], reason: 'Masa inaktif habis, nasib musnah' } });
    const done = await h.api('POST', `${R}/disposals/${proposed.body.id}/decision`, { session: s.head, body: { approve: true, note: 'Musnahkan' } });
    expect(done.body.status).toBe('approved');
    const [row] = await h.ctx.database.db.select().from(suratLetters).where(and(eq(suratLetters.regionCode, '32.11'), eq(suratLetters.id, filed)));
    expect(row).toMatchObject({ subject: 'Edaran jam kerja', letterDate: '2026-10-30', pdf: null, fileId });
    expect(row.number).toBeTruthy();
    expect(await h.ctx.database.db.select().from(suratAttachments).where(eq(suratAttachments.letterId, filed))).toEqual([]);
    expect((await h.api('GET', `${R}/files/${fileId}`, { session: s.clerk })).body).toMatchObject({ status: 'destroyed', letters: 1 });
    const list = (await h.api('GET', `${R}/disposals`, { session: s.head })).body;
    expect(list.map((d: { action: string; status: string }) => `${d.action}:${d.status}`)).toEqual(['destroy:approved', 'destroy:rejected', 'transfer:approved']);
    // The one who decides keeps no files: the proposal names them, as they are now.
    expect(list[0].files).toMatchObject([{ id: fileId, unitName: expect.any(String), classificationCode: '000.1', status: 'destroyed', letters: 1 }]);
    expect((await h.api('GET', `${R}/disposals`, { session: s.clerk })).status).toBe(403);
  });

  it('keeps the schedule rows of a region its own', async () => {
    const rows = await h.ctx.database.db.select().from(suratRetention);
    expect(new Set(rows.map((r) => r.regionCode))).toEqual(new Set(['32.11']));
  });
});
