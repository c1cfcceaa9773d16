// Evidence files of a realisation through the real API on the demo region:
// the health office's planner attaches a PDF, a Word file and a photo to
// the open quarter's realisation; everyone who reads the plan lists and
// downloads them as they were checked; another unit's planner and a reader
// change nothing; a wrong type, an oversized file, a Word/Excel file that
// unpacks to far more than it weighs and a period without a realisation are
// refused in words with nothing saved; a closed period's evidence stays as
// it was; and another region sees none of it.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { zipSync, strToU8 } from 'fflate';
import sharp from 'sharp';
import { Document, Packer, Paragraph } from 'docx';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { createUser, grantRole } from '../../platform/auth/service.js';
import { DEMO_PASSWORD } from '../../demo/seed.js';

const R = '/api/regions/32.11/sakip';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

function upload(files: { name: string; data: Buffer }[]) {
  const boundary = '----pamongbukti';
  return {
    body: Buffer.concat([
      ...files.flatMap((f) => [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="evidence"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), f.data, Buffer.from('\r\n')]),
      Buffer.from(`--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** An XLSX-shaped zip whose one sheet unpacks to `bytes` of XML: a few hundred kilobytes on the wire. */
function inflatingWorkbook(bytes: number): Buffer {
  const sheet = new Uint8Array(bytes).fill(0x20);
  return Buffer.from(zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
    'xl/workbook.xml': strToU8('<workbook/>'),
    'xl/worksheets/sheet1.xml': sheet,
  }, { level: 9 }));
}

describeWithApp('SAKIP realisation evidence', (h) => {
  const s: Record<string, Session> = {};
  let plan = '';
  let indicator = '';
  let period = '';
  const evidenceUrl = (p = period) => `${R}/plans/${plan}/indicators/${indicator}/realisations/${p}/evidence`;
  const send = (who: Session, files: { name: string; data: Buffer }[], p = period) => h.api('POST', evidenceUrl(p), { session: who, ...upload(files) });
  const stored = async () => (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from sakip_realisation_evidence where region_code = '32.11'`))[0].n;

  beforeAll(async () => {
    await h.ctx.database.db.transaction(async (tx) => {
      const userId = await createUser(tx, { email: 'sakip@bandung.test', name: 'Koordinator SAKIP Bandung', password: DEMO_PASSWORD });
      await grantRole(tx, '32.73', userId, 'sakip_coordinator', null);
    });
    for (const [k, email] of Object.entries({
      coordinator: 'sakip@sumedang.demo', dinkes: 'perencana.dinkes@sumedang.demo', kominfo: 'perencana.kominfo@sumedang.demo', evaluator: 'evaluator@sumedang.demo', foreign: 'sakip@bandung.test',
    })) s[k] = await h.signIn(email);
    const [row] = await h.ctx.database.rows<{ plan_id: string; id: string }>(sql`select i.plan_id, i.id from sakip_indicators i join sakip_plans p on p.region_code = i.region_code and p.id = i.plan_id
      join units u on u.region_code = p.region_code and u.id = p.unit_id where i.region_code = '32.11' and u.code = 'DINKES' and i.name = 'Cakupan tablet tambah darah pada remaja putri'`);
    [plan, indicator] = [row.plan_id, row.id];
    // The demo's open quarter: the office has entered its realisation and the period is not closed yet.
    const realised = (await h.api('GET', `${R}/plans/${plan}/indicators/${indicator}/realisations`, { session: s.dinkes })).body;
    period = realised.filter((r: any) => r.year === 2026).at(-1).period;
  });

  it('lets the unit\'s planner attach files that every reader lists and downloads as checked, and remove one', async () => {
    const word = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Rekap distribusi tablet tambah darah')] }] }));
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c03030' } }).png().toBuffer();
    const res = await send(s.dinkes, [{ name: 'laporan-ttd.pdf', data: PDF }, { name: 'rekap.docx', data: word }, { name: 'foto kegiatan.png', data: photo }]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.map((e: any) => [e.fileName, e.contentType, e.uploadedBy])).toEqual([
      ['foto kegiatan.jpg', 'image/jpeg', 'perencana.dinkes@sumedang.demo'],
      ['laporan-ttd.pdf', 'application/pdf', 'perencana.dinkes@sumedang.demo'],
      ['rekap.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'perencana.dinkes@sumedang.demo'],
    ]);
    const listed = (await h.api('GET', evidenceUrl(), { session: s.evaluator })).body;
    expect(listed).toEqual(res.body);
    const pdf = listed.find((e: any) => e.fileName === 'laporan-ttd.pdf');
    expect(pdf.bytes).toBe(PDF.length);
    const download = await h.app.inject({ method: 'GET', url: pdf.url, headers: { cookie: s.evaluator.cookie } });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers).toMatchObject({ 'content-type': 'application/pdf', 'x-content-type-options': 'nosniff' });
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''laporan-ttd\.pdf$/);
    // The photo was decoded and stored again as a JPEG.
    const jpeg = await h.app.inject({ method: 'GET', url: listed[0].url, headers: { cookie: s.evaluator.cookie } });
    expect((await sharp(jpeg.rawPayload).metadata()).format).toBe('jpeg');

    // Another unit's planner and a reader change nothing.
    expect((await send(s.kominfo, [{ name: 'x.pdf', data: PDF }])).body.error.code).toBe('sakip.not_your_unit');
    expect((await send(s.evaluator, [{ name: 'x.pdf', data: PDF }])).status).toBe(403);
    expect((await h.api('DELETE', pdf.url, { session: s.kominfo })).body.error.code).toBe('sakip.not_your_unit');
    const removed = await h.api('DELETE', pdf.url, { session: s.dinkes });
    expect(removed.status).toBe(200);
    expect((await h.api('GET', evidenceUrl(), { session: s.dinkes })).body.map((e: any) => e.fileName)).toEqual(['foto kegiatan.jpg', 'rekap.docx']);
    expect((await h.app.inject({ method: 'GET', url: pdf.url, headers: { cookie: s.evaluator.cookie } })).statusCode).toBe(404);
    const [{ n }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where region_code = '32.11' and action in ('sakip.evidence_add', 'sakip.evidence_remove')`);
    expect(n).toBe(2);
  });

  it('refuses a wrong type, an oversized file, an inflating Word/Excel file and a period without a realisation, saving nothing', async () => {
    const before = await stored();
    const cases: [{ name: string; data: Buffer }[], number, string, string?][] = [
      [[{ name: 'catatan.txt', data: Buffer.from('bukan berkas bukti yang diizinkan') }], 415, 'sakip.evidence_type_not_allowed'],
      // One good file and one bad: all or nothing.
      [[{ name: 'baik.pdf', data: PDF }, { name: 'skrip.html', data: Buffer.from('<html><script>alert(1)</script></html>') }], 415, 'sakip.evidence_type_not_allowed'],
      [[{ name: 'besar.pdf', data: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) }], 413, 'file.too_large'],
      [[{ name: 'bom.xlsx', data: inflatingWorkbook(101 * 1024 * 1024) }], 413, 'sakip.evidence_too_large_unpacked', 'terlalu besar setelah dibuka'],
    ];
    for (const [files, status, code, words] of cases) {
      const res = await send(s.dinkes, files);
      expect([res.status, res.body.error?.code], code).toEqual([status, code]);
      if (words) expect(res.body.error.message).toContain(words);
    }
    const none = await send(s.dinkes, [{ name: 'bukti.pdf', data: PDF }], '2027-Q1');
    expect([none.status, none.body.error.code]).toEqual([404, 'sakip.realisation_not_found']);
    expect(await stored()).toBe(before);
  });

  it('keeps a closed period\'s evidence as it was', async () => {
    // 2025 is closed in the demo: nothing is added, even by the coordinator.
    const closed = await send(s.coordinator, [{ name: 'bukti.pdf', data: PDF }], '2025-Q4');
    expect([closed.status, closed.body.error.code]).toEqual([409, 'sakip.evidence_period_locked']);
    // Closing the open quarter freezes what it has.
    const [file] = (await h.api('GET', evidenceUrl(), { session: s.dinkes })).body;
    expect((await h.api('PUT', `${R}/reporting-periods/${period}/status`, { session: s.coordinator, body: { status: 'closed' } })).status).toBe(200);
    expect((await h.api('DELETE', file.url, { session: s.coordinator })).body.error.code).toBe('sakip.evidence_period_locked');
    expect((await send(s.dinkes, [{ name: 'bukti.pdf', data: PDF }])).body.error.code).toBe('sakip.evidence_period_locked');
    expect((await h.api('GET', evidenceUrl(), { session: s.dinkes })).body).toHaveLength(2);
  });

  it('shows another region none of it, by its URL or its own', async () => {
    const [file] = (await h.api('GET', evidenceUrl(), { session: s.dinkes })).body;
    const own = (path: string) => path.replace('/regions/32.11/', '/regions/32.73/');
    for (const [method, url, status] of [
      ['GET', evidenceUrl(), 403], ['GET', file.url, 403], ['DELETE', file.url, 403],
      ['GET', own(evidenceUrl()), 404], ['GET', own(file.url), 404], ['DELETE', own(file.url), 404],
    ] as const) {
      const res = await h.api(method, url, { session: s.foreign });
      expect(res.status, `${method} ${url}`).toBe(status);
      expect(res.raw).not.toContain(file.fileName);
    }
    const posted = await h.api('POST', own(evidenceUrl()), { session: s.foreign, ...upload([{ name: 'bukti.pdf', data: PDF }]) });
    expect(posted.status).toBe(404);
    expect((await h.api('GET', evidenceUrl(), { session: s.dinkes })).body).toHaveLength(2);
  });
});

// Evidence files of a unit's answers in the internal AKIP evaluation: the
// health office's planner attaches a PDF to its answer of 1.a.1 while the
// evaluation takes answers; the evaluator and the coordinator list and
// download it, another unit's planner neither sees nor changes it, the head
// of region reads none; a wrong type by content, an oversized file and an
// unknown kriteria are refused with nothing saved; under review or final
// nothing changes; and another region sees none of it.
describeWithApp('SAKIP AKIP answer evidence', (h) => {
  const s: Record<string, Session> = {};
  const unitId: Record<string, string> = {};
  let E = '';
  const send = (who: Session, unit: string, criterion: string, files: { name: string; data: Buffer }[], base = E) =>
    h.api('POST', `${base}/units/${unitId[unit]}/criteria/${criterion}/evidence`, { session: who, ...upload(files) });
  const stored = async () => (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from sakip_evaluation_evidence where region_code = '32.11'`))[0].n;

  beforeAll(async () => {
    await h.ctx.database.db.transaction(async (tx) => {
      const userId = await createUser(tx, { email: 'sakip@bandung.test', name: 'Koordinator SAKIP Bandung', password: DEMO_PASSWORD });
      await grantRole(tx, '32.73', userId, 'sakip_coordinator', null);
    });
    for (const [k, email] of Object.entries({
      coordinator: 'sakip@sumedang.demo', dinkes: 'perencana.dinkes@sumedang.demo', kominfo: 'perencana.kominfo@sumedang.demo', evaluator: 'evaluator@sumedang.demo',
      bupati: 'bupati@sumedang.demo', foreign: 'sakip@bandung.test',
    })) s[k] = await h.signIn(email);
    for (const u of (await h.api('GET', '/api/regions/32.11/units', { session: s.coordinator })).body) unitId[u.code] = u.id;
    const opened = await h.api('POST', `${R}/evaluations`, { session: s.evaluator, body: { year: 2026, unitIds: [unitId.DINKES, unitId.DISKOMINFO] } });
    E = `${R}/evaluations/${opened.body.id}`;
    expect((await h.api('PUT', `${E}/status`, { session: s.evaluator, body: { status: 'answering' } })).status).toBe(200);
  });

  it('lets the unit attach a file to its answer that evaluators and the coordinator list and download, and remove it', async () => {
    const res = await send(s.dinkes, 'DINKES', '1.a.1', [{ name: 'renstra-dinkes.pdf', data: PDF }]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject([{ fileName: 'renstra-dinkes.pdf', contentType: 'application/pdf', unitId: unitId.DINKES, criterion: '1.a.1', uploadedBy: 'perencana.dinkes@sumedang.demo' }]);
    await send(s.dinkes, 'DINKES', '1.a.2', [{ name: 'iku.pdf', data: PDF }]);
    for (const who of [s.evaluator, s.coordinator, s.dinkes]) {
      expect((await h.api('GET', `${E}/evidence`, { session: who })).body.map((e: any) => [e.criterion, e.fileName])).toEqual([['1.a.1', 'renstra-dinkes.pdf'], ['1.a.2', 'iku.pdf']]);
    }
    const [file] = res.body;
    const download = await h.app.inject({ method: 'GET', url: file.url, headers: { cookie: s.evaluator.cookie } });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers).toMatchObject({ 'content-type': 'application/pdf', 'x-content-type-options': 'nosniff' });

    // Another unit's planner sees only its own unit's files and changes nothing; the head of region reads none; an evaluator attaches none.
    expect((await h.api('GET', `${E}/evidence`, { session: s.kominfo })).body).toEqual([]);
    expect((await h.api('GET', file.url, { session: s.kominfo })).body.error.code).toBe('sakip.not_your_unit');
    expect((await h.api('GET', `${E}/evidence`, { session: s.bupati })).status).toBe(403);
    expect((await send(s.kominfo, 'DINKES', '1.a.1', [{ name: 'x.pdf', data: PDF }])).body.error.code).toBe('sakip.not_your_unit');
    expect((await send(s.evaluator, 'DINKES', '1.a.1', [{ name: 'x.pdf', data: PDF }])).status).toBe(403);
    expect((await h.api('DELETE', file.url, { session: s.kominfo })).body.error.code).toBe('sakip.not_your_unit');

    expect((await h.api('DELETE', file.url, { session: s.dinkes })).status).toBe(200);
    expect((await h.api('GET', `${E}/evidence`, { session: s.evaluator })).body.map((e: any) => e.fileName)).toEqual(['iku.pdf']);
    expect((await h.api('GET', file.url, { session: s.evaluator })).status).toBe(404);
    const [{ n }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where region_code = '32.11' and action in ('sakip.evaluation_evidence_add', 'sakip.evaluation_evidence_remove')`);
    expect(n).toBe(3);
  });

  it('refuses a wrong type by content, an oversized file and an unknown kriteria, saving nothing', async () => {
    const before = await stored();
    const cases: [{ name: string; data: Buffer }[], string, number, string][] = [
      [[{ name: 'bukti.pdf', data: Buffer.from('<html><script>alert(1)</script></html>') }], '1.a.1', 415, 'sakip.evidence_type_not_allowed'],
      [[{ name: 'besar.pdf', data: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) }], '1.a.1', 413, 'file.too_large'],
      [[{ name: 'bukti.pdf', data: PDF }], '9.z.9', 400, 'sakip.criterion_unknown'],
    ];
    for (const [files, criterion, status, code] of cases) {
      const res = await send(s.dinkes, 'DINKES', criterion, files);
      expect([res.status, res.body.error?.code], code).toEqual([status, code]);
    }
    expect(await stored()).toBe(before);
  });

  it('changes nothing once the evaluation is under review or final, while evaluators still download', async () => {
    const [file] = (await h.api('GET', `${E}/evidence`, { session: s.dinkes })).body;
    expect((await h.api('PUT', `${E}/status`, { session: s.evaluator, body: { status: 'reviewing' } })).status).toBe(200);
    expect((await send(s.dinkes, 'DINKES', '1.a.1', [{ name: 'bukti.pdf', data: PDF }])).body.error.code).toBe('sakip.evaluation_status');
    expect((await h.api('DELETE', file.url, { session: s.coordinator })).body.error.code).toBe('sakip.evaluation_status');
    expect((await h.app.inject({ method: 'GET', url: file.url, headers: { cookie: s.evaluator.cookie } })).statusCode).toBe(200);
    // The demo's 2025 evaluation is final.
    const final = (await h.api('GET', `${R}/evaluations`, { session: s.evaluator })).body.find((e: any) => e.year === 2025);
    expect((await send(s.coordinator, 'DINKES', '1.a.1', [{ name: 'bukti.pdf', data: PDF }], `${R}/evaluations/${final.id}`)).body.error.code).toBe('sakip.evaluation_final');
    expect(await stored()).toBe(1);
  });

  it('shows another region none of it, by its URL or its own', async () => {
    const [file] = (await h.api('GET', `${E}/evidence`, { session: s.evaluator })).body;
    const own = (path: string) => path.replace('/regions/32.11/', '/regions/32.73/');
    for (const [method, url, status] of [
      ['GET', `${E}/evidence`, 403], ['GET', file.url, 403], ['DELETE', file.url, 403],
      ['GET', own(`${E}/evidence`), 404], ['GET', own(file.url), 404], ['DELETE', own(file.url), 404],
    ] as const) {
      const res = await h.api(method, url, { session: s.foreign });
      expect(res.status, `${method} ${url}`).toBe(status);
      expect(res.raw).not.toContain(file.fileName);
    }
    const posted = await send(s.foreign, 'DINKES', '1.a.1', [{ name: 'bukti.pdf', data: PDF }], own(E));
    expect(posted.status).toBe(404);
    expect(await stored()).toBe(1);
  });
});
