// The SPBE evaluation cycle through the real API: open, assign, fill with
// evidence, return and accept, validate, assess, finalise, publish, close;
// framework pinning, permissions and regions' privacy.
import { beforeAll, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { strFromU8, unzipSync } from 'fflate';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { createUser, grantRole } from '../../platform/auth/service.js';
import { enableRegion } from '../../platform/regions/service.js';
import { DEMO_PASSWORD } from '../../demo/seed.js';
import { tokenFromLastEmail } from '../../../test/support/mailbox.js';
import { CAMERA_MAKE, phonePhoto, pngBomb } from '../../../test/support/images.js';

const R = '/api/regions/32.11/spbe';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function multipart(answer: unknown, files: { name: string; type: string; data: Buffer }[]) {
  const boundary = '----pamongspbe';
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="answer"\r\n\r\n${JSON.stringify(answer)}\r\n`)];
  for (const f of files) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="evidence"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

// Pemdi 2026 weights, indicators 1..20.
const SELF: Record<string, number> = { 1: 4, 19: 4, 20: 4 };
const FINAL: Record<string, number> = { 1: 4, 17: 2, 19: 4, 20: 3 };
const codes = Array.from({ length: 20 }, (_, i) => String(i + 1));

describeWithApp('SPBE evaluation cycle', (h) => {
  const s: Record<string, Session> = {};
  let versionId: string;
  let evaluationId: string;
  let unit: Record<string, string>;
  let E: string;
  const answer = async (code: string, who = s.coordinator) => (await h.api('GET', `${E}`, { session: who })).body.answers.find((a: any) => a.indicator.code === code);

  beforeAll(async () => {
    await h.ctx.database.db.transaction(async (tx) => {
      await enableRegion(tx, '32.73');
      const userId = await createUser(tx, { email: 'spbe@bandung.test', name: 'Koordinator SPBE Bandung', password: DEMO_PASSWORD });
      await grantRole(tx, '32.73', userId, 'spbe_coordinator', null);
    });
    for (const [k, email] of Object.entries({
      coordinator: 'spbe@sumedang.demo', kominfo: 'petugas.kominfo@sumedang.demo', pupr: 'petugas.pupr@sumedang.demo', internal: 'inspektorat@sumedang.demo',
      external: 'asesor@pamong.demo', admin: 'admin@pamong.demo', regionAdmin: 'admin@sumedang.demo', bupati: 'bupati@sumedang.demo', bandung: 'spbe@bandung.test',
    })) s[k] = await h.signIn(email);
  });

  it('lists the seeded frameworks publicly, with weights summing to 100', async () => {
    const res = await h.api('GET', '/api/spbe/frameworks');
    expect(res.status).toBe(200);
    const summary = res.body.map((f: any) => [f.code, f.versions.map((v: any) => [v.version, v.status, v.indicatorCount, v.weightSum, v.problems.length])]);
    expect(summary).toEqual([
      ['pemdi-2026', [[1, 'active', 20, 100, 0]]],
      ['spbe-2018', []],
      ['spbe-2020', [[1, 'active', 47, 100, 0]]],
    ]);
    versionId = res.body[0].versions[0].id;
    const doc = (await h.api('GET', '/api/spbe/frameworks/spbe-2020/versions/1')).body.document;
    expect(doc.domains.map((d: any) => d.code)).toEqual(['D1', 'D2', 'D3', 'D4']);
    expect(doc.indicators.find((i: any) => i.code === '1').criteria['3'].en).toContain('covers all architecture references');
  });

  it('lets only the SPBE coordinator open the year, once, under an active version', async () => {
    expect((await h.api('POST', `${R}/evaluations`, { session: s.kominfo, body: { year: 2026, versionId } })).status).toBe(403);
    const res = await h.api('POST', `${R}/evaluations`, { session: s.coordinator, body: { year: 2026, versionId } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ year: 2026, stage: 'draft', framework: { code: 'pemdi-2026', version: 1 }, published: false });
    expect(res.body.answers).toHaveLength(20);
    expect(res.body.progress.unassigned).toBe(20);
    evaluationId = res.body.id;
    E = `${R}/evaluations/${evaluationId}`;
    unit = Object.fromEntries(res.body.units.map((u: any) => [u.code, u.id]));
    const again = await h.api('POST', `${R}/evaluations`, { session: s.coordinator, body: { year: 2026, versionId } });
    expect(again.body.error.code).toBe('spbe.evaluation_exists');
  });

  it('starts self-assessment only when every indicator has a unit', async () => {
    const early = await h.api('POST', `${E}/advance`, { session: s.coordinator, body: { to: 'self_assessment' } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('spbe.stage_incomplete');
    expect(early.body.error.details.indicators).toHaveLength(20);
    // The message says which, in the reader's language, never pointing at raw "details".
    expect(early.body.error.message).toBe('Tahap belum dapat dilanjutkan: masih ada indikator yang belum siap. Indikator nomor 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 dan 10 lainnya.');
    expect(early.body.error.messages.en).toBe('The stage cannot advance yet: some indicators are not ready. Indicators number 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 10 more.');
    const assignments = codes.map((c) => ({ indicator: c, unitId: c === '20' ? unit.PUPR : unit.DISKOMINFO }));
    expect((await h.api('PUT', `${E}/assignments`, { session: s.coordinator, body: { assignments } })).status).toBe(200);
    const res = await h.api('POST', `${E}/advance`, { session: s.coordinator, body: { to: 'self_assessment' } });
    expect(res.body).toEqual({ stage: 'self_assessment' });
  });

  it('refuses a level outside the framework, a fake, oversized or bomb file, and another unit, saving nothing', async () => {
    const bad = await h.api('PUT', `${E}/answers/1`, { session: s.kominfo, body: { level: 6, explanation: 'Terlalu tinggi' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'spbe.level_invalid', details: { min: 1, max: 5 } });
    expect((await h.api('PUT', `${E}/answers/1`, { session: s.kominfo, body: { level: 2.5 } })).body.error.code).toBe('request.invalid');

    const fake = multipart({ level: 3, explanation: 'Berkas palsu' }, [{ name: 'sk.pdf', type: 'application/pdf', data: Buffer.from('<html><script>alert(1)</script></html>') }]);
    const r1 = await h.api('PUT', `${E}/answers/1`, { session: s.kominfo, ...fake });
    expect([r1.status, r1.body.error.code]).toEqual([415, 'spbe.evidence_type_not_allowed']);
    const big = multipart({ level: 3 }, [{ name: 'besar.pdf', type: 'application/pdf', data: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) }]);
    const r2 = await h.api('PUT', `${E}/answers/1`, { session: s.kominfo, ...big });
    expect([r2.status, r2.body.error.code]).toEqual([413, 'file.too_large']);
    const bomb = multipart({ level: 3 }, [{ name: 'sk.pdf', type: 'application/pdf', data: PDF }, { name: 'denah.png', type: 'image/png', data: pngBomb() }]);
    const r3 = await h.api('PUT', `${E}/answers/1`, { session: s.kominfo, ...bomb });
    expect([r3.status, r3.body.error.code]).toEqual([413, 'file.image_too_large']);
    const other = await h.api('PUT', `${E}/answers/1`, { session: s.pupr, body: { level: 3 } });
    expect([other.status, other.body.error.code]).toEqual([403, 'spbe.not_your_unit']);

    const a = await answer('1');
    expect([a.selfLevel, a.explanation, a.evidence]).toEqual([null, '', []]);
    const hist = (await h.api('GET', `${E}/history`, { session: s.coordinator })).body;
    expect(hist.filter((x: any) => x.indicator === '1').map((x: any) => x.action)).toEqual(['assign']);
  });

  it('takes a self-assessment with evidence files checked by content and links', async () => {
    const xlsx = await writeXlsxFile([['Aplikasi', 'Status'], ['SRIKANDI', 'aktif']]).toBuffer();
    const req = multipart({ level: 3, explanation: 'Peraturan bupati tentang tata kelola Pemerintah Digital sudah ditetapkan.', links: [{ url: 'https://jdih.sumedangkab.go.id/perbup-12-2025', label: 'Perbup 12/2025' }] }, [
      { name: 'perbup.pdf', type: 'application/octet-stream', data: PDF },
      { name: 'inventaris.xlsx', type: 'application/octet-stream', data: xlsx },
      { name: 'foto.png', type: 'image/png', data: PNG },
      { name: 'rapat.jpeg', type: 'image/jpeg', data: await phonePhoto() },
    ]);
    const res = await h.api('PUT', `${E}/answers/1`, { session: s.kominfo, ...req });
    expect(res.status).toBe(200);
    expect(res.body.selfLevel).toBe(3);
    expect(res.body.selfLevelName).toEqual({ id: 'Berkembang', en: 'Developing' });
    expect(res.body.evidence.map((e: any) => [e.fileName, e.contentType])).toEqual([
      ['perbup.pdf', 'application/pdf'],
      ['inventaris.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      // Images are kept re-encoded as JPEG, without the camera's metadata, and named for it.
      ['foto.jpg', 'image/jpeg'],
      ['rapat.jpg', 'image/jpeg'],
    ]);
    const photo = await h.app.inject({ method: 'GET', url: res.body.evidence[3].url, headers: { cookie: s.bupati.cookie } });
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.rawPayload.includes(CAMERA_MAKE)).toBe(false);
    const file = await h.app.inject({ method: 'GET', url: res.body.evidence[0].url, headers: { cookie: s.bupati.cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await h.app.inject({ method: 'GET', url: res.body.evidence[0].url, headers: { cookie: s.bandung.cookie } })).statusCode).toBe(403);
  });

  it('lets the unit remove its own evidence, not another unit\'s', async () => {
    const up = await h.api('PUT', `${E}/answers/2`, { session: s.kominfo, ...multipart({ explanation: 'Draf' }, [{ name: 'salah.png', type: 'image/png', data: PNG }]) });
    const id = up.body.evidence[0].id;
    const foreign = await h.api('DELETE', `${E}/evidence/${id}`, { session: s.pupr });
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'spbe.not_your_unit']);
    expect((await h.api('DELETE', `${E}/evidence/${id}`, { session: s.kominfo })).status).toBe(200);
    expect((await answer('2')).evidence).toEqual([]);
    const hist = (await h.api('GET', `${E}/history`, { session: s.coordinator })).body.filter((x: any) => x.indicator === '2').map((x: any) => [x.action, x.detail.file ?? x.detail.files ?? null]);
    expect(hist).toEqual([['assign', null], ['fill', ['salah.jpg']], ['evidence_remove', 'salah.jpg']]);
  });

  it('returns an answer with a note and accepts it after correction', async () => {
    expect((await h.api('POST', `${E}/answers/1/submit`, { session: s.kominfo })).body).toEqual({ status: 'submitted' });
    const noNote = await h.api('POST', `${E}/answers/1/review`, { session: s.coordinator, body: { decision: 'return' } });
    expect(noNote.status).toBe(400);
    expect((await h.api('POST', `${E}/answers/1/review`, { session: s.coordinator, body: { decision: 'return', note: 'Lampirkan bukti penerapan di semua OPD.' } })).body).toEqual({ status: 'returned' });
    const tasks = (await h.api('GET', `${R}/tasks`, { session: s.kominfo })).body;
    expect(tasks.find((t: any) => t.indicator === '1')).toMatchObject({ action: 'fill', status: 'returned' });
    expect((await h.api('PUT', `${E}/answers/1`, { session: s.kominfo, body: { level: SELF['1'] } })).status).toBe(200);
    await h.api('POST', `${E}/answers/1/submit`, { session: s.kominfo });
    expect((await h.api('POST', `${E}/answers/1/review`, { session: s.coordinator, body: { decision: 'accept' } })).body).toEqual({ status: 'accepted' });
    // Accepted answers are no longer the unit's to change.
    expect((await h.api('PUT', `${E}/answers/1`, { session: s.kominfo, body: { level: 5 } })).body.error.code).toBe('spbe.answer_wrong_status');
  });

  it('fills, accepts and validates the rest, then moves to external assessment', async () => {
    for (const c of codes.slice(1)) {
      const who = c === '20' ? s.pupr : s.kominfo;
      expect((await h.api('PUT', `${E}/answers/${c}`, { session: who, body: { level: SELF[c] ?? 3, explanation: `Penjelasan indikator ${c}` } })).status).toBe(200);
      expect((await h.api('POST', `${E}/answers/${c}/submit`, { session: who })).status).toBe(200);
      expect((await h.api('POST', `${E}/answers/${c}/review`, { session: s.coordinator, body: { decision: 'accept' } })).status).toBe(200);
    }
    const early = await h.api('PUT', `${E}/answers/1/assessment`, { session: s.external, body: { level: 4, reason: 'Terlalu dini' } });
    expect([early.status, early.body.error.code]).toEqual([409, 'spbe.wrong_stage']);
    expect((await h.api('POST', `${E}/advance`, { session: s.coordinator, body: { to: 'internal_validation' } })).body.stage).toBe('internal_validation');
    expect((await h.api('POST', `${E}/answers/2/validation`, { session: s.coordinator, body: { decision: 'validate' } })).status).toBe(403);
    for (const c of codes) expect((await h.api('POST', `${E}/answers/${c}/validation`, { session: s.internal, body: { decision: 'validate' } })).status).toBe(200);
    expect((await h.api('POST', `${E}/advance`, { session: s.coordinator, body: { to: 'external_assessment' } })).body.stage).toBe('external_assessment');
  });

  it('refuses an external assessor without a grant in the region, and region admins cannot grant one', async () => {
    const grant = await h.api('PUT', '/api/spbe/assessors', { session: s.admin, body: { email: 'asesor2@pamong.test', name: 'Asesor Dua', regions: ['32.73'] } });
    expect(grant.body.regions).toEqual(['32.73']);
    // The new assessor chooses their password through the emailed link.
    const token = await tokenFromLastEmail(h.ctx.database, 'asesor2@pamong.test', '/reset-password');
    expect((await h.api('POST', '/api/auth/password-reset/confirm', { body: { token, password: DEMO_PASSWORD } })).status).toBe(200);
    const outsider = await h.signIn('asesor2@pamong.test');
    const res = await h.api('PUT', `${E}/answers/1/assessment`, { session: outsider, body: { level: 5, reason: 'Dari daerah lain' } });
    expect([res.status, res.body.error.code]).toEqual([403, 'auth.forbidden']);
    expect((await h.api('GET', E, { session: outsider })).status).toBe(403);
    const byRegionAdmin = await h.api('POST', '/api/regions/32.11/invitations', { session: s.regionAdmin, body: { email: 'asesor3@pamong.test', role: 'external_assessor' } });
    expect(byRegionAdmin.status).toBe(403);
    const listed = (await h.api('GET', '/api/spbe/assessors', { session: s.admin })).body.map((a: any) => [a.email, a.regions]);
    expect(listed).toEqual([['asesor2@pamong.test', ['32.73']], ['asesor@pamong.demo', ['32.11']]]);
  });

  it('tells each person their SPBE regions, permissions and running evaluations', async () => {
    const me = (await h.api('GET', '/api/spbe/me', { session: s.external })).body;
    expect(me).toEqual([{ code: '32.11', name: 'Kabupaten Sumedang', permissions: ['spbe.read', 'spbe.assess'], evaluations: [
      { id: expect.any(String), year: 2025, stage: 'final' }, { id: evaluationId, year: 2026, stage: 'external_assessment' },
    ] }]);
    const tasks = (await h.api('GET', `${R}/tasks`, { session: s.external })).body;
    expect([tasks.length, tasks[0]]).toEqual([20, expect.objectContaining({ evaluationId, indicator: '1', action: 'assess' })]);
    expect((await h.api('GET', '/api/spbe/me', { session: s.pupr })).body[0].permissions).toEqual(['spbe.read', 'spbe.fill']);
  });

  it('takes the final level with reason and notes, and only the assessor finalises', async () => {
    for (const c of codes) {
      const body = { level: FINAL[c] ?? 3, reason: FINAL[c] === 2 ? 'Portal belum terintegrasi dengan SPLP.' : 'Sesuai bukti dukung.', interviewNote: c === '17' ? 'Wawancara Kadis Kominfo 12/11' : null, visitNote: c === '17' ? 'Kunjungan ruang server' : null };
      expect((await h.api('PUT', `${E}/answers/${c}/assessment`, { session: s.external, body })).status).toBe(200);
    }
    expect((await h.api('POST', `${E}/finalise`, { session: s.coordinator })).status).toBe(403);
    h.clock.advanceHours(24);
    expect((await h.api('POST', `${E}/finalise`, { session: s.external })).body).toEqual({ stage: 'final' });
  });

  it('keeps self-assessed and final results side by side, stages dated', async () => {
    const d = (await h.api('GET', E, { session: s.bupati })).body;
    expect(d.stage).toBe('final');
    expect(d.stages.map((x: any) => [x.stage, x.at !== null])).toEqual([
      ['draft', true], ['self_assessment', true], ['internal_validation', true], ['external_assessment', true], ['final', true], ['closed', false],
    ]);
    expect(new Date(d.stages[4].at).getTime() - new Date(d.stages[3].at).getTime()).toBe(24 * 3_600_000);
    // Self: 300 + 5 + 10 + 15 = 330 → 3.30; final: 300 + 5 − 4 + 10 = 311 → 3.11.
    expect([d.scores.self.index, d.scores.self.predicate.id, d.scores.final.index, d.scores.final.predicate.id]).toEqual([3.3, 'Baik', 3.11, 'Baik']);
    const aspect = (which: 'self' | 'final', code: string) => d.scores[which].aspects.find((a: any) => a.code === code).value;
    expect([aspect('self', 'P1'), aspect('final', 'P1'), aspect('self', 'P6'), aspect('final', 'P6'), aspect('self', 'P7'), aspect('final', 'P7')]).toEqual([3.5, 3.5, 3, 2.73, 4, 3.4]);
    const a17 = d.answers.find((a: any) => a.indicator.code === '17');
    expect(a17).toMatchObject({ selfLevel: 3, finalLevel: 2, finalReason: 'Portal belum terintegrasi dengan SPLP.', interviewNote: 'Wawancara Kadis Kominfo 12/11', visitNote: 'Kunjungan ruang server' });
    const results = (await h.api('GET', `${R}/results`, { session: s.coordinator })).body;
    expect(results.find((r: any) => r.year === 2026)).toMatchObject({ index: 3.11, published: false, source: 'evaluation', framework: { code: 'pemdi-2026', version: 1 }, frameworkChanged: true });
  });

  it('keeps every change in the history', async () => {
    const hist = (await h.api('GET', `${E}/history`, { session: s.coordinator })).body;
    expect(hist.filter((x: any) => x.indicator === '1').map((x: any) => [x.action, x.actor])).toEqual([
      ['assign', 'spbe@sumedang.demo'],
      ['fill', 'petugas.kominfo@sumedang.demo'],
      ['submit', 'petugas.kominfo@sumedang.demo'],
      ['return', 'spbe@sumedang.demo'],
      ['fill', 'petugas.kominfo@sumedang.demo'],
      ['submit', 'petugas.kominfo@sumedang.demo'],
      ['accept', 'spbe@sumedang.demo'],
      ['validate', 'inspektorat@sumedang.demo'],
      ['assess', 'asesor@pamong.demo'],
    ]);
    const fills = hist.filter((x: any) => x.indicator === '1' && x.action === 'fill').map((x: any) => x.detail);
    expect(fills[0]).toMatchObject({ level: { from: null, to: 3 }, files: ['perbup.pdf', 'inventaris.xlsx', 'foto.jpg', 'rapat.jpg'] });
    expect(fills[1]).toMatchObject({ level: { from: 3, to: 4 } });
    expect(hist.filter((x: any) => x.action === 'stage').map((x: any) => x.detail.to)).toEqual(['self_assessment', 'internal_validation', 'external_assessment', 'final']);
  });

  it('never shows another region the unpublished result', async () => {
    expect((await h.api('GET', `${R}/evaluations`, { session: s.bandung })).status).toBe(403);
    expect((await h.api('GET', E, { session: s.bandung })).status).toBe(403);
    expect((await h.api('GET', `${R}/results`, { session: s.bandung })).status).toBe(403);
    expect((await h.api('GET', `/api/regions/32.73/spbe/comparison?year=2026`, { session: s.bandung })).body.scopes[0].count).toBe(0);
    const publicTrend = (await h.api('GET', '/api/spbe/trend?region=32.11')).body.points.map((p: any) => p.year);
    expect(publicTrend).toEqual([2025]);
    expect((await h.api('GET', '/api/spbe/rankings?year=2026')).body.rows).toEqual([]);
    expect((await h.api('GET', '/api/spbe/leaders?framework=pemdi-2026&indicator=19')).body).toEqual([]);
  });

  it('publishes the result and a shared practice for other regions to learn from', async () => {
    const pdfId = (await answer('1')).evidence[0].id;
    const share = await h.api('PUT', `${E}/answers/1/practice`, { session: s.coordinator, body: { shared: true, note: 'Perbup disusun bersama Bagian Hukum dalam 3 bulan.', evidenceIds: [pdfId] } });
    expect(share.status).toBe(200);
    expect((await h.api('PUT', `${R}/results/2026/publication`, { session: s.coordinator, body: { published: true } })).body).toEqual({ year: 2026, published: true });
    const ranking = (await h.api('GET', '/api/spbe/rankings?year=2026')).body;
    expect(ranking.rows.map((r: any) => [r.rank, r.regionCode, r.value, r.predicate.id])).toEqual([[1, '32.11', 3.11, 'Baik']]);
    const leaders = (await h.api('GET', '/api/spbe/leaders?framework=pemdi-2026&indicator=1')).body;
    expect(leaders).toHaveLength(1);
    expect(leaders[0]).toMatchObject({ regionCode: '32.11', name: 'Kabupaten Sumedang', year: 2026, level: 4, levelName: { id: 'Melembaga', en: 'Embedded' }, practiceNote: 'Perbup disusun bersama Bagian Hukum dalam 3 bulan.' });
    expect(leaders[0].evidence.map((e: any) => e.fileName)).toEqual(['perbup.pdf']);
    const file = await h.app.inject({ method: 'GET', url: leaders[0].evidence[0].url });
    expect([file.statusCode, file.headers['content-type']]).toEqual([200, 'application/pdf']);
    // Files not chosen stay private, even with the result published.
    const png = (await answer('1')).evidence[2];
    expect((await h.app.inject({ method: 'GET', url: `/api/regions/32.11/spbe/shared-evidence/${png.id}` })).statusCode).toBe(404);
    // Indicator 19 reached level 4 but shares nothing: listed without notes.
    const l19 = (await h.api('GET', '/api/spbe/leaders?framework=pemdi-2026&indicator=19')).body;
    expect(l19.map((l: any) => [l.regionCode, l.level, l.practiceNote, l.evidence])).toEqual([['32.11', 4, null, []]]);
  });

  it('exports levels, evidence and scores as XLSX and CSV, with statuses in words and CSV for the reader\'s Excel', async () => {
    const xlsx = await h.app.inject({ method: 'GET', url: `${E}/export?format=xlsx`, headers: { cookie: s.bupati.cookie } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const workbook = Object.values(unzipSync(new Uint8Array(xlsx.rawPayload))).map((f) => strFromU8(f)).join('\n');
    expect(workbook).toContain('Tervalidasi');
    expect(workbook).not.toMatch(/>validated</);
    const levels = await h.api('GET', `${E}/export?format=csv&part=levels`, { session: s.bupati });
    expect(levels.raw.startsWith('\uFEFF')).toBe(true);
    const lines = levels.raw.slice(1).split('\r\n');
    expect(lines[0]).toBe('No;Domain;Aspek;Indikator;Bobot (%);Perangkat daerah;Status;Tingkat mandiri;Nama tingkat mandiri;Penjelasan;Tingkat akhir;Nama tingkat akhir;Alasan penilaian');
    expect(lines[17]).toBe('17;;Keterpaduan Layanan Digital Pemerintah;Portal Layanan Digital Pemerintah;4;Dinas Komunikasi dan Informatika;Tervalidasi;3;Berkembang;Penjelasan indikator 17;2;Membangun;Portal belum terintegrasi dengan SPLP.');
    const levelsEn = (await h.api('GET', `${E}/export?format=csv&part=levels&lang=en`, { session: s.bupati })).raw.split('\r\n');
    expect(levelsEn[17]).toContain(',Validated,');
    const scores = (await h.api('GET', `${E}/export?format=csv&part=scores&lang=en`, { session: s.bupati })).raw.split('\r\n');
    expect(scores.slice(0, 3)).toEqual(['\uFEFFLevel,Code,Name,Weight (%),Self-assessed,Final', 'Index,,Digital government performance evaluation (PermenPANRB 8/2026),100,3.3,3.11', 'Predicate,,,,Good,Good']);
    const scoresId = (await h.api('GET', `${E}/export?format=csv&part=scores`, { session: s.bupati })).raw.split('\r\n');
    expect(scoresId[1]).toBe('Indeks;;Evaluasi Kinerja Pemerintah Digital (PermenPANRB 8/2026);100;3,3;3,11');
    const evidence = (await h.api('GET', `${E}/export?format=csv&part=evidence`, { session: s.bupati })).raw.slice(1).split('\r\n');
    expect(evidence[0]).toBe('No;Indikator;Jenis;Nama berkas / tautan;Tipe;Ukuran (byte);Diunggah (WIB)');
    const first = evidence.filter((l) => l.startsWith('1;')).map((l) => l.split(';'));
    expect(first.map((c) => c.slice(2, 4).join(','))).toEqual(['berkas,perbup.pdf', 'berkas,inventaris.xlsx', 'berkas,foto.jpg', 'berkas,rapat.jpg', 'tautan,Perbup 12/2025 <https://jdih.sumedangkab.go.id/perbup-12-2025>']);
    // Uploaded at the region's wall-clock time, in a form Excel reads as a date.
    expect(first[0][6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('refuses every edit to a closed evaluation with spbe.evaluation_closed', async () => {
    expect((await h.api('POST', `${E}/advance`, { session: s.coordinator, body: { to: 'closed' } })).body.stage).toBe('closed');
    const attempts = [
      await h.api('PUT', `${E}/answers/2`, { session: s.kominfo, body: { level: 5 } }),
      await h.api('PUT', `${E}/answers/2/assessment`, { session: s.external, body: { level: 5, reason: 'Koreksi' } }),
      await h.api('PUT', `${E}/assignments`, { session: s.coordinator, body: { assignments: [{ indicator: '2', unitId: unit.PUPR }] } }),
      await h.api('PUT', `${E}/answers/2/practice`, { session: s.coordinator, body: { shared: true, note: 'x' } }),
      await h.api('POST', `${E}/advance`, { session: s.coordinator, body: { to: 'closed' } }),
    ];
    expect(attempts.map((a) => [a.status, a.body.error.code])).toEqual(Array(5).fill([409, 'spbe.evaluation_closed']));
    expect((await answer('2')).selfLevel).toBe(3);
  });

  it('plans the fewest level steps to a target, honouring indicators out of reach', async () => {
    const none = await h.api('GET', `${R}/targets/2027/plan`, { session: s.coordinator });
    expect([none.status, none.body.error.code]).toEqual([404, 'spbe.target_not_found']);
    expect((await h.api('PUT', `${R}/targets/2027`, { session: s.kominfo, body: { targetIndex: 3.5 } })).status).toBe(403);
    // Two levels a year for this region (the default is one).
    const set = await h.api('PUT', `${R}/targets/2027`, { session: s.coordinator, body: { targetIndex: 3.5, outOfReach: ['20'], maxRisePerYear: 2, note: 'RPJMD' } });
    expect(set.body).toMatchObject({ year: 2027, targetIndex: 3.5, outOfReach: ['20'], maxRisePerYear: 2 });
    const plan = (await h.api('GET', `${R}/targets/2027/plan`, { session: s.bupati })).body;
    // From the final 3.11: 20 (weight 15) is out of reach, so 19 (10) once, then weight-5 indicators at level 3 in order.
    // Two levels a year keeps the indicators at level 2 below the top: the best index is 4.66, not 4.7.
    expect(plan).toMatchObject({ currentIndex: 3.11, targetIndex: 3.5, gap: 0.39, reachable: true, stepCount: 7, projectedIndex: 3.51, maxIndex: 4.66, maxIndexWithoutCap: 4.7, outOfReach: ['20'] });
    expect(plan.baseline).toMatchObject({ evaluationId, year: 2026, basis: 'final', framework: { code: 'pemdi-2026', version: 1 } });
    expect(plan.rise).toEqual({ perYear: 2, years: 1, levels: 2 });
    expect(plan.steps.map((x: any) => [x.code, x.from, x.to, x.gain, x.indexAfter])).toEqual([['19', 4, 5, 0.1, 3.21], ['2', 3, 5, 0.1, 3.31], ['3', 3, 5, 0.1, 3.41], ['4', 3, 5, 0.1, 3.51]]);
    expect(plan.steps[0]).toMatchObject({ fromName: { id: 'Melembaga', en: 'Embedded' }, toName: { id: 'Unggul', en: 'Leading' } });
    await h.api('PUT', `${R}/targets/2027`, { session: s.coordinator, body: { targetIndex: 3.5 } });
    const free = (await h.api('GET', `${R}/targets/2027/plan`, { session: s.coordinator })).body;
    expect(free.steps.map((x: any) => [x.code, x.from, x.to])).toEqual([['20', 3, 5], ['19', 4, 5]]);
    expect(free.stepCount).toBe(3);
    expect(free.rise.perYear).toBe(2); // remembered when the target is saved again without it
  });

  it('keeps every indicator within the levels it may rise a year, and says when that puts the target out of reach', async () => {
    const slow = (await h.api('GET', `${R}/targets/2027/plan?maxRisePerYear=1`, { session: s.coordinator })).body;
    expect(slow).toMatchObject({ reachable: true, rise: { perYear: 1, years: 1, levels: 1 } });
    expect(slow.steps.every((x: any) => x.to === x.from + 1)).toBe(true);
    expect(slow.stepCount).toBeGreaterThan(3);
    const far = (await h.api('GET', `${R}/targets/2027/plan?maxRisePerYear=1&targetIndex=4.5`, { session: s.coordinator })).body;
    // Every indicator one level up, 20 included, is the best this year: 4.11.
    expect(far).toMatchObject({ reachable: false, steps: [], maxIndex: 4.11, maxIndexWithoutCap: 5 });
    // A new target starts at one level a year; two years after the baseline, two levels.
    await h.api('PUT', `${R}/targets/2028`, { session: s.coordinator, body: { targetIndex: 3.6 } });
    const later = (await h.api('GET', `${R}/targets/2028/plan`, { session: s.coordinator })).body;
    expect(later.rise).toEqual({ perYear: 1, years: 2, levels: 2 });
    expect(later.steps.every((x: any) => x.to - x.from <= 2)).toBe(true);
    expect((await h.api('PUT', `${R}/targets/2028`, { session: s.coordinator, body: { targetIndex: 3.6, maxRisePerYear: 0 } })).status).toBe(400);
    const selfBased = (await h.api('GET', `${R}/targets/2027/plan?basis=self&targetIndex=3.4`, { session: s.coordinator })).body;
    expect([selfBased.currentIndex, selfBased.stepCount, selfBased.gap]).toEqual([3.3, 1, 0.1]);
  });

  it('simulates "what if" without touching the answers', async () => {
    const one = (await h.api('POST', `${R}/simulate`, { session: s.coordinator, body: { evaluationId, levels: { 20: 5 } } })).body;
    expect([one.basis, one.baseline.index, one.simulated.index, one.simulated.predicate.id]).toEqual(['final', 3.11, 3.41, 'Baik']);
    expect(one.simulated.aspects.find((a: any) => a.code === 'P7').value).toBe(4.6);
    expect(one.changed).toEqual([{ code: '20', number: 20, name: expect.any(Object), aspect: 'P7', weight: 15, from: 3, to: 5 }]);
    const two = (await h.api('POST', `${R}/simulate`, { session: s.coordinator, body: { evaluationId, levels: { 20: 5, 19: 5 } } })).body;
    expect([two.simulated.index, two.simulated.predicate.id]).toEqual([3.51, 'Sangat Baik']);
    const bad = await h.api('POST', `${R}/simulate`, { session: s.coordinator, body: { evaluationId, levels: { 20: 9 } } });
    expect(bad.body.error.code).toBe('spbe.level_invalid');
    expect((await answer('20')).finalLevel).toBe(3);
    expect((await h.api('GET', E, { session: s.coordinator })).body.scores.final.index).toBe(3.11);
  });

  it('keeps a pinned evaluation\'s results when a new version is drafted, edited and activated', async () => {
    const draft = await h.api('POST', '/api/spbe/frameworks/pemdi-2026/versions', { session: s.admin, body: { copyFrom: 1, note: 'Koreksi bobot' } });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ version: 2, status: 'draft' });
    expect((await h.api('GET', '/api/spbe/frameworks/pemdi-2026/versions/2')).status).toBe(404); // drafts are not public
    const heavier = await h.api('PATCH', '/api/spbe/frameworks/pemdi-2026/versions/2/indicators/1', { session: s.admin, body: { weight: 10, name: { id: 'Tata Kelola Pemdi', en: 'Pemdi governance' } } });
    expect(heavier.body.weightSum).toBe(105);
    const refused = await h.api('POST', '/api/spbe/frameworks/pemdi-2026/versions/2/activate', { session: s.admin });
    expect([refused.status, refused.body.error.code, refused.body.error.details.weightSum]).toEqual([409, 'spbe.weights_not_100', '105']);
    // The draft's edit changes nothing for the evaluation pinned to version 1.
    const pinned = (await h.api('GET', E, { session: s.coordinator })).body;
    expect([pinned.framework.version, pinned.scores.final.index, pinned.answers[0].indicator.weight, pinned.answers[0].indicator.name.id]).toEqual([1, 3.11, 5, 'Tingkat Kematangan Tata Kelola Pemerintah Digital']);
    await h.api('PATCH', '/api/spbe/frameworks/pemdi-2026/versions/2/indicators/20', { session: s.admin, body: { weight: 10 } });
    const active = await h.api('POST', '/api/spbe/frameworks/pemdi-2026/versions/2/activate', { session: s.admin });
    expect([active.status, active.body.status]).toEqual([200, 'active']);
    const versions = (await h.api('GET', '/api/spbe/frameworks')).body.find((f: any) => f.code === 'pemdi-2026').versions.map((v: any) => [v.version, v.status]);
    expect(versions).toEqual([[2, 'active'], [1, 'retired']]);
    // Active and retired versions never change.
    for (const v of [1, 2]) {
      const edit = await h.api('PATCH', `/api/spbe/frameworks/pemdi-2026/versions/${v}/indicators/1`, { session: s.admin, body: { weight: 5 } });
      expect([edit.status, edit.body.error.code]).toEqual([409, 'spbe.version_immutable']);
    }
    const after = (await h.api('GET', E, { session: s.coordinator })).body;
    expect([after.scores.final.index, after.scores.self.index]).toEqual([3.11, 3.3]);
    const results = (await h.api('GET', `${R}/results`, { session: s.coordinator })).body;
    expect(results.find((r: any) => r.year === 2026).index).toBe(3.11);
    // A new evaluation can only use the active version.
    const old = await h.api('POST', '/api/regions/32.73/spbe/evaluations', { session: s.bandung, body: { year: 2026, versionId } });
    expect(old.body.error.code).toBe('spbe.version_not_active');
  });

  it('lets only platform admins edit frameworks', async () => {
    expect((await h.api('POST', '/api/spbe/frameworks/pemdi-2026/versions', { session: s.coordinator, body: { copyFrom: 1 } })).status).toBe(403);
    expect((await h.api('POST', '/api/spbe/frameworks/pemdi-2026/versions', { body: { copyFrom: 1 } })).status).toBe(401);
    const broken = await h.api('POST', '/api/spbe/frameworks/pemdi-2026/versions', {
      session: s.admin,
      body: { document: { levels: [{ level: 1, name: { id: 'a', en: 'a' } }, { level: 2, name: { id: 'b', en: 'b' } }], predicates: [{ name: { id: 'x', en: 'x' }, min: 1, max: 2, maxInclusive: true }], aspects: [{ code: 'A', name: { id: 'A', en: 'A' } }], indicators: [{ code: '1', number: 1, aspect: 'B', name: { id: 'i', en: 'i' }, weight: 100 }] } },
    });
    expect([broken.status, broken.body.error.code, broken.body.error.details.problems]).toEqual([400, 'spbe.framework_invalid', [
      { path: 'indicators[0].aspect', message: { id: 'indikator 1: aspek B tidak ada', en: 'indicator 1: unknown aspect B' } },
      { path: 'aspects', message: { id: 'aspek A tidak memiliki indikator', en: 'aspect A has no indicator' } },
    ]]);
  });
});
