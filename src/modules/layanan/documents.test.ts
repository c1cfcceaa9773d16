// Issued documents through the real API on the demo region: a result letter
// is issued in a transaction with the next number of its series, anyone
// holding its token verifies it (masked holder, hash, local date) and checks
// a file against it; staff list, download and revoke it (once, with a
// reason, a unit's manager only their unit's) and verification then says
// revoked; 50 parallel issues get 50 consecutive numbers; a result is a
// letter of the region: numbered in the region's one letter numbering (the
// correspondence module's series, shared with the letters signed there) and
// in its register, never in another region's; the public-services pattern
// numbers receipts; letterheads are staff settings; signatures from the
// region's own certificate and from a remote signing service are checked for
// real.
import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { startSigningService, type SigningService } from '../../../test/support/signing-service.js';
import { systemActor } from '../../platform/auth/policy.js';
import { issueDocument, issueReceipt, issueResult } from './service/documents.js';
import { pdfSignature, readP12 } from './service/signing/certificate.js';
import { remoteProvider } from './service/signing/remote.js';
import { DEMO_CERTIFICATE_LABEL, selfSignedP12 } from './service/signing/self-signed.js';
import { DEMO_DOCUMENTS } from './demo.js';

const REGION = '32.11';
const R = `/api/regions/${REGION}/layanan`;
const D = `${R}/documents`;
const DAY = 86_400_000;
/** A result's sequence in the region's letter numbering (`400.7.22/017/KEC-SUMSEL/2026`). */
const sequenceOf = (number: string) => Number(number.split('/')[1]);

function multipart(field: string, file: Buffer, options?: unknown) {
  const boundary = '----pamongdokumen';
  return {
    body: Buffer.concat([
      ...(options === undefined ? [] : [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="options"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(options)}\r\n`)]),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="berkas"\r\nContent-Type: application/octet-stream\r\n\r\n`), file, Buffer.from('\r\n'),
      Buffer.from(`--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describeWithApp('Issued documents', (h) => {
  const s: Record<string, Session> = {};
  const unit: Record<string, string> = {};
  let sktm: string;
  const actor = systemActor('uji dokumen', REGION, ['layanan_manager']);
  const issue = (holder = 'Budi Santoso', unitCode = 'KEC-SUMSEL') => h.ctx.database.db.transaction((tx) => issueResult(h.ctx, tx, {
    regionCode: REGION, actor, serviceId: sktm, unitId: unit[unitCode], holder, title: 'Surat Keterangan Tidak Mampu',
    paragraphs: [`Yang bertanda tangan di bawah ini menerangkan bahwa ${holder} adalah warga yang tergolong tidak mampu.`, 'Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya.'],
  }));
  const pdfOf = async (id: string) => (await h.app.inject({ method: 'GET', url: `${D}/${id}/pdf`, headers: { cookie: s.manager.cookie } })).rawPayload;
  const moveTo = (at: Date) => h.clock.advance(at.getTime() - h.clock.now().getTime());
  const year = () => new Date(h.clock.now().getTime() + 7 * 3600_000).getUTCFullYear();
  const receipt = () => h.ctx.database.db.transaction((tx) => issueReceipt(h.ctx, tx, {
    regionCode: REGION, actor, billId: '00000000-0000-4000-8000-000000000001',
    receipt: { title: 'Tanda Bukti Pembayaran', amount: 1_250_000, billingCode: '3211260000123', payer: 'CV Maju Jaya', paidAt: '6 Desember 2026 14.05 WIB', channel: 'QRIS', purpose: 'Pajak reklame' },
  }));

  beforeAll(async () => {
    for (const [k, email] of Object.entries({
      manager: 'layanan@sumedang.demo', dpmptsp: 'layanan.dpmptsp@sumedang.demo', admin: 'admin@sumedang.demo', counter: 'loket.sumsel@sumedang.demo',
    })) s[k] = await h.signIn(email);
    for (const row of await h.ctx.database.rows<{ id: string; code: string }>(sql`select id, code from units where region_code = ${REGION}`)) unit[row.code] = row.id;
    [{ id: sktm }] = await h.ctx.database.rows<{ id: string }>(sql`select id from layanan_services where region_code = ${REGION} and slug = 'surat-keterangan-tidak-mampu'`);
  });

  it('issues a numbered letter that anyone with its QR code verifies, with the holder masked and the file checked by its hash', async () => {
    const doc = await issue();
    // The region's letter numbering (correspondence's default pattern): classification "Surat Keterangan, Sertifikasi dan Perijinan", unit, year.
    expect(doc.number).toMatch(new RegExp(`^400\\.7\\.22/\\d{3}/KEC-SUMSEL/${year()}$`));
    expect(doc.verifyUrl).toBe(`http://pamong.test/v/${doc.token}`);
    expect(Buffer.from(doc.token, 'base64url')).toHaveLength(16);

    const v = await h.api('GET', `/api/verify/${doc.token}`);
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({
      genuine: true, region: { code: REGION, name: 'Kabupaten Sumedang' }, unit: 'Kecamatan Sumedang Selatan', kind: 'result', number: doc.number,
      holder: 'Bu** Sa*****', sha256: doc.sha256, revoked: null,
      // The demo region signs with its demo certificate, which says so.
      signature: { provider: 'local', signer: expect.stringContaining(DEMO_CERTIFICATE_LABEL) },
    });
    expect(v.raw).not.toContain('Budi');

    const pdf = await pdfOf(doc.id);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FontFile2');
    const same = await h.api('POST', `/api/verify/${doc.token}/check`, multipart('file', pdf));
    expect(same.body).toMatchObject({ matches: true, expected: doc.sha256 });
    const changed = Buffer.from(pdf);
    changed[200] ^= 1;
    expect((await h.api('POST', `/api/verify/${doc.token}/check`, multipart('file', changed))).body.matches).toBe(false);
    const notPdf = await h.api('POST', `/api/verify/${doc.token}/check`, multipart('file', Buffer.from('bukan pdf sama sekali')));
    expect([notPdf.status, notPdf.body.error.code]).toEqual([422, 'layanan.check_not_pdf']);
  });

  it('seeds the demo region with one certificate in force and one revoked, signed with the demo certificate', async () => {
    const rows = await h.ctx.database.rows<{ token: string; holder_name: string }>(sql`select token, holder_name from layanan_documents where region_code = ${REGION} order by issued_at limit 2`);
    expect(rows.map((r) => r.holder_name)).toEqual(DEMO_DOCUMENTS.map((d) => d.holder));
    const [valid, revoked] = await Promise.all(rows.map((r) => h.api('GET', `/api/verify/${r.token}`)));
    expect(valid.body).toMatchObject({ revoked: null, unit: 'Kecamatan Sumedang Selatan', number: expect.stringMatching(/^400\.7\.22\/001\/KEC-SUMSEL\//) });
    expect(revoked.body.revoked).toMatchObject({ reason: DEMO_DOCUMENTS[1].revoked });
    const signer = await h.api('GET', `${D}/signer`, { session: s.manager });
    expect(signer.body.certificate).toMatchObject({ subject: expect.stringContaining(DEMO_CERTIFICATE_LABEL), validNow: true });
  });

  it('answers a guessed or unknown token with 404 and a stable code', async () => {
    for (const token of ['AAAAAAAAAAAAAAAAAAAAAA', 'x', (await issue()).token.slice(0, -1)]) {
      const r = await h.api('GET', `/api/verify/${token}`);
      expect([r.status, r.body.error.code]).toEqual([404, 'document.not_found']);
    }
    expect((await h.api('POST', '/api/verify/AAAAAAAAAAAAAAAAAAAAAA/check', multipart('file', Buffer.from('%PDF-1.4\n%%EOF\n')))).status).toBe(404);
  });

  it('gives 50 parallel issues 50 consecutive numbers of one series', async () => {
    // Numbering alone: unsigned, and a PDF that only carries its number, so that each transaction holds the
    // series' lock briefly and 50 of them fit the test pool's connection wait (5 s) on a busy machine.
    await h.ctx.database.rows(sql`delete from layanan_signers where region_code = ${REGION}`);
    const issued = await Promise.all(Array.from({ length: 50 }, (_, i) => h.ctx.database.db.transaction((tx) => issueDocument(h.ctx, tx, {
      regionCode: REGION, kind: 'result', actor, unitId: unit.DPMPTSP, title: 'Uji paralel', holder: `Pemohon ${i}`,
      render: async (slot) => Buffer.from(`%PDF-1.4\n% ${slot.number}\n%%EOF\n`),
    }))));
    const sequences = issued.map((d) => sequenceOf(d.number)).sort((a, b) => a - b);
    expect(new Set(issued.map((d) => d.number)).size).toBe(50);
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => sequences[0] + i));
  });

  it('lets staff list and search documents, and revoke one once with a reason that verification then shows', async () => {
    const doc = await issue('Siti Aminah');
    const list = await h.api('GET', `${D}?q=${encodeURIComponent('siti amin')}`, { session: s.counter });
    expect(list.status).toBe(200);
    expect(list.body.items.map((d: any) => d.number)).toEqual([doc.number]);
    expect((await h.api('GET', `${D}?q=${encodeURIComponent(doc.number)}`, { session: s.manager })).body.total).toBe(1);

    // The DPMPTSP's manager does not reach the kecamatan's documents; a reason is required.
    const foreign = await h.api('POST', `${D}/${doc.id}/revoke`, { session: s.dpmptsp, body: { reason: 'Salah data' } });
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'layanan.not_your_unit']);
    expect((await h.api('POST', `${D}/${doc.id}/revoke`, { session: s.manager, body: { reason: '  ' } })).status).toBe(400);

    const revoked = await h.api('POST', `${D}/${doc.id}/revoke`, { session: s.manager, body: { reason: 'Data pemohon tidak benar' } });
    expect(revoked.status).toBe(200);
    const v = await h.api('GET', `/api/verify/${doc.token}`);
    expect(v.body.revoked).toEqual({ on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), reason: 'Data pemohon tidak benar' });
    const twice = await h.api('POST', `${D}/${doc.id}/revoke`, { session: s.manager, body: { reason: 'Lagi' } });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'layanan.document_revoked']);
    const [row] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'layanan.document_revoke' and entity_id = ${doc.id}`);
    expect(row.n).toBe(1);
  });

  it('numbers receipts by public services\' pattern, refusing one without the sequence or year, restarting in a new local year; results keep the letter numbering', async () => {
    const bad = await h.api('PUT', `${D}/numbering`, { session: s.manager, body: { pattern: '{nomor}/{kode}' } });
    expect([bad.status, bad.body.error.code, bad.body.error.details]).toEqual([422, 'layanan.numbering_pattern_invalid', { unknown: ['kode'], missing: ['tahun'] }]);
    expect((await h.api('PUT', `${D}/numbering`, { session: s.dpmptsp, body: { pattern: '{nomor}/{tahun}' } })).status).toBe(403);
    const set = await h.api('PUT', `${D}/numbering`, { session: s.manager, body: { pattern: 'SK.{nomor}/{kode_unit}/{tahun}' } });
    expect(set.body).toMatchObject({ pattern: 'SK.{nomor}/{kode_unit}/{tahun}', isDefault: false, example: `SK.017/DINSOS/${year()}` });
    expect((await receipt()).number).toBe(`SK.001/PEMDA/${year()}`);
    expect((await receipt()).number).toBe(`SK.002/PEMDA/${year()}`);
    expect((await issue()).number).toMatch(/^400\.7\.22\/\d{3}\/KEC-SUMSEL\//);
    // 1 January, 00:30 in Sumedang (WIB) is still 31 December in UTC: the local year counts.
    const saved = h.clock.now();
    moveTo(new Date(Date.UTC(year(), 11, 31, 17, 30)));
    expect((await receipt()).number).toBe(`SK.001/PEMDA/${year()}`);
    expect((await issue()).number).toBe(`400.7.22/001/KEC-SUMSEL/${year()}`);
    moveTo(saved);
    await h.api('PUT', `${D}/numbering`, { session: s.manager, body: { pattern: '{nomor}/{kode_layanan}/{kode_unit}/{bulan_romawi}/{tahun}' } });
  });

  it('files a result in the region\'s letter register, outgoing and sent, numbered in the same series as a letter signed there; never in another region\'s', async () => {
    const kec = unit['KEC-SUMSEL'];
    const clerk = await h.sessionWithRole(REGION, 'surat_clerk', 'tu.kecamatan@dokumen.test', kec);
    const drafter = await h.sessionWithRole(REGION, 'surat_staff', 'staf.kecamatan@dokumen.test', kec);
    const signer = await h.sessionWithRole(REGION, 'surat_signer', 'camat@dokumen.test', kec);
    const [{ id: signerId }] = await h.ctx.database.rows<{ id: string }>(sql`select id from users where email = 'camat@dokumen.test'`);

    const first = await issue('Asep Sunandar');
    const found = await h.api('GET', `/api/regions/${REGION}/surat/letters?box=unit&unitId=${kec}&direction=outgoing&number=${encodeURIComponent(first.number)}`, { session: clerk });
    expect(found.body.items).toHaveLength(1);
    const letter = await h.api('GET', `/api/regions/${REGION}/surat/outgoing/${found.body.items[0].id}`, { session: clerk });
    expect(letter.body).toMatchObject({
      number: first.number, status: 'sent', origin: 'layanan', subject: 'Surat Keterangan Tidak Mampu', documentTypeCode: 'surat-keterangan',
      classificationCode: '400.7.22', security: 'biasa', sha256: first.sha256, signMethod: 'paper', signerUserId: null, body: { addressee: 'Asep Sunandar' },
    });
    // (Unsigned: the parallel issues above removed the region's certificate.) The register's PDF is the issued document itself, whose QR code verifies through public services.
    const pdf = await h.app.inject({ method: 'GET', url: `/api/regions/${REGION}/surat/outgoing/${letter.body.id}/pdf`, headers: { cookie: clerk.cookie } });
    expect(pdf.rawPayload.equals(await pdfOf(first.id))).toBe(true);

    // A letter signed in the correspondence module under the same classification, unit and year takes the next number …
    const draft = await h.api('POST', `/api/regions/${REGION}/surat/outgoing`, { session: drafter, body: {
      direction: 'outgoing', unitId: kec, documentTypeCode: 'surat-keterangan', classificationCode: '400.7.22', security: 'biasa', urgency: 'biasa',
      subject: 'Keterangan domisili lembaga', body: { addressee: 'Ketua Yayasan', place: 'Sumedang', content: 'Menerangkan domisili lembaga.' },
      recipients: [{ role: 'to', kind: 'unit', unitId: unit.DPMPTSP }], signerUserId: signerId, signerPosition: 'Camat Sumedang Selatan', verifierUserIds: [],
    } });
    expect(draft.status, draft.raw).toBe(200);
    expect((await h.api('POST', `/api/regions/${REGION}/surat/outgoing/${draft.body.id}/submit`, { session: drafter })).status).toBe(200);
    const signed = await h.api('POST', `/api/regions/${REGION}/surat/outgoing/${draft.body.id}/sign`, { session: signer, body: { method: 'paper' } });
    expect(signed.body.number).toBe(`400.7.22/${String(sequenceOf(first.number) + 1).padStart(3, '0')}/KEC-SUMSEL/${year()}`);
    // … and the next result the one after.
    expect(sequenceOf((await issue('Rina Marlina')).number)).toBe(sequenceOf(first.number) + 2);
    // A receipt stays public services' own.
    const paid = await receipt();
    expect(await h.ctx.database.rows(sql`select 1 from surat_letters where number = ${paid.number}`)).toHaveLength(0);

    // The province's records manager sees every letter of the province, none of the regency's results.
    const province = await h.sessionWithRole('32', 'surat_records_manager', 'arsip.provinsi@dokumen.test');
    const there = await h.api('GET', `/api/regions/32/surat/letters?box=all&limit=100&number=${encodeURIComponent(first.number)}`, { session: province });
    expect([there.status, there.body.items]).toEqual([200, []]);
    expect(await h.ctx.database.rows(sql`select 1 from surat_letters where region_code <> ${REGION} and external_ref = ${`layanan:document:${first.id}`}`)).toHaveLength(0);
  });

  it('prints the unit\'s letterhead as staff set it, with defaults until then, and previews a letter', async () => {
    const before = await h.api('GET', `${R}/units/${unit.DPMPTSP}/letterhead`, { session: s.counter });
    expect(before.body).toMatchObject({ isDefault: true, place: 'Sumedang', printed: { government: 'PEMERINTAH KABUPATEN SUMEDANG', unit: 'DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU' } });
    const body = { address: 'Jl. Prabu Geusan Ulun No. 36, Sumedang', phone: '(0261) 201021', email: 'dpmptsp@sumedangkab.go.id', place: 'Sumedang', signerPosition: 'Kepala DPMPTSP', signerName: 'Drs. Ahmad Sutisna' };
    expect((await h.api('PUT', `${R}/units/${unit['KEC-SUMSEL']}/letterhead`, { session: s.dpmptsp, body })).status).toBe(403);
    const set = await h.api('PUT', `${R}/units/${unit.DPMPTSP}/letterhead`, { session: s.dpmptsp, body });
    expect(set.body).toMatchObject({ isDefault: false, printed: { lines: ['Jl. Prabu Geusan Ulun No. 36, Sumedang', 'Telepon (0261) 201021 · Surel dpmptsp@sumedangkab.go.id'] } });
    const preview = await h.app.inject({
      method: 'POST', url: `${D}/preview`, headers: { cookie: s.dpmptsp.cookie, 'x-csrf-token': s.dpmptsp.csrf },
      payload: { unitId: unit.DPMPTSP, title: 'Izin Reklame', paragraphs: ['Diberikan izin kepada {{nama}}.'] },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(preview.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await h.ctx.database.rows(sql`select 1 from layanan_documents where title = 'Izin Reklame'`))).toHaveLength(0);
  });

  it('issues a payment receipt the payment slice can call, verifiable like a letter', async () => {
    const doc = await receipt();
    expect(doc.number).toMatch(new RegExp(`^\\d{3}/TBP/PEMDA/[IVX]+/${year()}$`));
    expect((await h.api('GET', `/api/verify/${doc.token}`)).body).toMatchObject({ kind: 'receipt', unit: null, holder: 'C* Ma** Ja**' });
  });

  it('signs with the region\'s own certificate: the signature covers the file, names the certificate, and breaks when one byte changes', async () => {
    const now = h.clock.now();
    const p12 = selfSignedP12({ commonName: 'Bupati Sumedang (uji)', organization: 'Pemerintah Kabupaten Sumedang', notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + 365 * DAY), passphrase: 'sandi' });
    const expired = selfSignedP12({ commonName: 'Lama', organization: 'Uji', notBefore: new Date(now.getTime() - 400 * DAY), notAfter: new Date(now.getTime() - DAY), passphrase: 'sandi' });
    const wrong = await h.api('PUT', `${D}/signer/local`, { session: s.admin, ...multipart('certificate', p12, { passphrase: 'salah' }) });
    expect([wrong.status, wrong.body.error.code]).toEqual([422, 'layanan.certificate_unreadable']);
    const old = await h.api('PUT', `${D}/signer/local`, { session: s.admin, ...multipart('certificate', expired, { passphrase: 'sandi' }) });
    expect([old.status, old.body.error.code]).toEqual([409, 'layanan.certificate_expired']);
    expect((await h.api('PUT', `${D}/signer/local`, { session: s.dpmptsp, ...multipart('certificate', p12, { passphrase: 'sandi' }) })).status).toBe(403);

    const set = await h.api('PUT', `${D}/signer/local`, { session: s.admin, ...multipart('certificate', p12, { passphrase: 'sandi' }) });
    expect(set.status).toBe(200);
    const fingerprint = readP12(p12, 'sandi').fingerprint;
    expect(set.body).toMatchObject({ provider: 'local', certificate: { subject: expect.stringContaining('CN=Bupati Sumedang (uji)'), fingerprint, validNow: true } });
    expect(set.raw).not.toContain('sandi');

    const doc = await issue();
    const pdf = await pdfOf(doc.id);
    const sig = pdfSignature(pdf)!;
    expect(sig).toMatchObject({ coversFile: true, digestMatches: true, signatureValid: true, signer: { fingerprint } });
    const tampered = Buffer.from(pdf);
    tampered[sig.slot.end + 10] ^= 1;
    expect(pdfSignature(tampered)!.digestMatches).toBe(false);
    expect((await h.api('GET', `/api/verify/${doc.token}`)).body.signature).toMatchObject({ signer: expect.stringContaining('Bupati Sumedang (uji)'), provider: 'local' });

    // A year and a day later the stored certificate has expired: nothing is issued, not even a number.
    const [{ n: before }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from layanan_documents`);
    const saved = h.clock.now();
    moveTo(new Date(now.getTime() + 366 * DAY));
    await expect(issue()).rejects.toMatchObject({ code: 'layanan.certificate_expired' });
    moveTo(saved);
    const [{ n: after }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from layanan_documents`);
    expect(after).toBe(before);
  });

  describeRemote(h, () => ({ issue, pdfOf, admin: s.admin }));
});

/** The remote provider against a simulated signing service over real HTTP. */
function describeRemote(h: Parameters<Parameters<typeof describeWithApp>[1]>[0], get: () => { issue: () => Promise<{ id: string; number: string; token: string }>; pdfOf: (id: string) => Promise<Buffer>; admin: Session }) {
  let service: SigningService;
  let fingerprint: string;
  beforeAll(async () => {
    const now = new Date();
    const p12 = selfSignedP12({ commonName: 'Penanda Tangan BSrE (simulasi)', organization: 'Balai Sertifikasi Elektronik (simulasi)', notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + 30 * DAY), passphrase: 'p' });
    fingerprint = readP12(p12, 'p').fingerprint;
    service = await startSigningService(p12, 'p');
  });
  afterAll(() => service.close());

  it('signs through a remote service, and maps its refusals to stable codes without issuing anything', async () => {
    const { issue, pdfOf, admin } = get();
    const body = { url: service.url, clientId: service.clientId, clientSecret: service.clientSecret, signerId: service.signerId, passphrase: service.passphrase };
    const set = await h.api('PUT', `${D}/signer/remote`, { session: admin, body });
    expect(set.body).toMatchObject({ provider: 'remote', certificate: null, remote: { url: service.url, signerId: service.signerId } });
    expect(set.raw).not.toContain(service.clientSecret);
    expect(set.raw).not.toContain(service.passphrase);

    const doc = await issue();
    expect(pdfSignature(await pdfOf(doc.id))).toMatchObject({ coversFile: true, digestMatches: true, signatureValid: true, signer: { fingerprint } });
    expect((await h.api('GET', `/api/verify/${doc.token}`)).body.signature).toMatchObject({ provider: 'remote', signer: expect.stringContaining('Penanda Tangan BSrE (simulasi)') });

    const count = async () => (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from layanan_documents`))[0].n;
    const before = await count();
    await h.api('PUT', `${D}/signer/remote`, { session: admin, body: { ...body, passphrase: 'keliru' } });
    await expect(issue()).rejects.toMatchObject({ code: 'layanan.signing_wrong_passphrase' });
    await h.api('PUT', `${D}/signer/remote`, { session: admin, body: { ...body, signerId: '3211999999999999' } });
    await expect(issue()).rejects.toMatchObject({ code: 'layanan.signing_signer_unknown' });
    await h.api('PUT', `${D}/signer/remote`, { session: admin, body });
    service.mode = 'down';
    await expect(issue()).rejects.toMatchObject({ code: 'layanan.signing_unavailable' });
    // A service that answers 200 with an unsigned file is not believed.
    service.mode = 'garbage';
    await expect(issue()).rejects.toMatchObject({ code: 'layanan.signing_unavailable' });
    service.mode = 'normal';
    expect(await count()).toBe(before);
    // The next document takes the number the refused ones gave back.
    const next = await issue();
    expect(sequenceOf(next.number)).toBe(sequenceOf(doc.number) + 1);
  });

  // PGlite has one connection: its transactions take turns whatever they lock, so only PostgreSQL can show two issues overlapping.
  if (h.engine === 'postgres') {
    it('does not lock the series\' counter while a slow remote service signs: an issue started later is numbered and committed first', async () => {
      const { issue, pdfOf, admin } = get();
      await h.api('PUT', `${D}/signer/remote`, { session: admin, body: { url: service.url, clientId: service.clientId, clientSecret: service.clientSecret, signerId: service.signerId, passphrase: service.passphrase } });
      const before = sequenceOf((await issue()).number);
      const requests = service.requests;
      service.delays = [2000];
      let slowDone = false;
      const slow = issue().then((d) => {
        slowDone = true;
        return d;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = Date.now();
      const quick = await issue();
      expect(Date.now() - started).toBeLessThan(1500);
      expect(slowDone).toBe(false);
      const late = await slow;
      // The quick one took the next number; the slow one lost it, signed again with the one after, and nothing was skipped or given twice.
      expect([sequenceOf(quick.number), sequenceOf(late.number)]).toEqual([before + 1, before + 2]);
      expect(service.requests - requests).toBe(3);
      const signature = pdfSignature(await pdfOf(late.id));
      expect(signature).toMatchObject({ coversFile: true, digestMatches: true, signatureValid: true });
    });
  }

  it('gives up on a service that does not answer in time', async () => {
    // Accepts the connection and never answers.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const provider = remoteProvider({ url: `http://127.0.0.1:${port}`, clientId: 'a', clientSecret: 'b', signerId: 'c', passphrase: 'd', timeoutMs: 300 });
    await expect(provider.sign(Buffer.from('%PDF-1.4'), 'uji')).rejects.toMatchObject({ code: 'layanan.signing_unavailable' });
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });
}
