// Outgoing letters and memos through the API, on both engines: a draft
// starts from its type's template, is initialled tier by tier (a return
// starts a new round), is numbered only when signed (electronically with the
// region's certificate or on paper), verifies publicly by its QR code's token,
// and is sent once: into a unit's register, into another region's register,
// and by email with the PDF attached. Bad input is refused with a stable code
// and leaves nothing behind.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { pdfText } from './service/pdf-text.js';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { multipart } from '../../../test/support/multipart.js';
import { startSmtp } from '../../../test/support/smtp.js';
import { createTransport, sendPendingEmails } from '../../platform/notify/outbox.js';
import { notifications, units, users } from '../../platform/schema.js';
import { suratLetterPeople, suratLetters } from './schema.js';

const REGION = '32.11';
const PROVINCE = '32';
const S = `/api/regions/${REGION}/surat`;
const O = `${S}/outgoing`;

let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
});

describeWithApp('Outgoing letters and memos', (h) => {
  const unit: Record<string, string> = {};
  const who: Record<string, { session: Session; id: string }> = {};
  let n = 0;

  /** A new person holding one role, signed in, with their id. */
  async function person(name: string, region: string, role: Parameters<typeof h.sessionWithRole>[1], unitId?: string) {
    const email = `${name}-${++n}@surat.test`;
    const session = await h.sessionWithRole(region, role, email, unitId);
    const [u] = await h.ctx.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    return (who[name] = { session, id: u.id });
  }

  const draft = (over: Record<string, unknown> = {}) => ({
    direction: 'outgoing', unitId: unit.PUPR, documentTypeCode: 'surat-undangan', classificationCode: '000.1.1', security: 'biasa', urgency: 'segera',
    subject: 'Undangan rapat koordinasi jalan kabupaten', body: { addressee: 'Kepala Dinas Lingkungan Hidup', place: 'Sumedang', content: 'Kami mengundang Bapak/Ibu pada rapat koordinasi.' },
    recipients: [{ role: 'to', kind: 'unit', unitId: unit.DLH }], signerUserId: who.signer.id, signerPosition: 'Kepala Dinas PUPR', verifierUserIds: [who.v1.id, who.v2.id],
    ...over,
  });
  const count = async () => (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from surat_letters where region_code = ${REGION}`))[0].n;

  it('sets up a unit with drafter, two verifiers, a signer and a clerk', async () => {
    const rows = await h.ctx.database.db.select({ id: units.id, code: units.code, region: units.regionCode }).from(units);
    for (const r of rows) unit[r.region === REGION ? r.code : `${r.region}:${r.code}`] = r.id;
    expect(unit.PUPR && unit.DLH && unit[`${PROVINCE}:DBMPR`]).toBeTruthy();
    await person('drafter', REGION, 'surat_staff', unit.PUPR);
    await person('v1', REGION, 'surat_verifier', unit.PUPR);
    await person('v2', REGION, 'surat_verifier', unit.PUPR);
    await person('signer', REGION, 'surat_signer', unit.PUPR);
    await person('clerk', REGION, 'surat_clerk', unit.PUPR);
    await person('dlhClerk', REGION, 'surat_clerk', unit.DLH);
    await person('admin', REGION, 'region_admin');
    await person('provClerk', PROVINCE, 'surat_clerk', unit[`${PROVINCE}:DBMPR`]);
  });

  it('prefills a draft from the template the region admin set for its type', async () => {
    const refused = await h.api('PUT', `${S}/templates/surat-undangan`, { body: { opening: 'x', closing: 'y' }, session: who.clerk.session });
    expect(refused.status).toBe(403);
    const builtIn = (await h.api('GET', `${S}/templates`, { session: who.drafter.session })).body.find((t: { documentTypeCode: string }) => t.documentTypeCode === 'surat-undangan');
    expect(builtIn).toMatchObject({ layout: 'korespondensi', opening: 'Dengan hormat,', isDefault: true });
    const set = await h.api('PUT', `${S}/templates/surat-undangan`, { body: { opening: 'Dengan hormat, bersama ini kami mengundang:', closing: 'Atas kehadirannya kami ucapkan terima kasih.' }, session: who.admin.session });
    expect(set.status, set.raw).toBe(200);
    const res = await h.api('POST', O, { body: draft(), session: who.drafter.session });
    expect(res.status, res.raw).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', number: null, drafterUserId: who.drafter.id, body: { opening: 'Dengan hormat, bersama ini kami mengundang:', closing: 'Atas kehadirannya kami ucapkan terima kasih.' } });
    expect(res.body.verifierUserIds).toEqual([who.v1.id, who.v2.id]);
    // A berjudul type keeps the built-in words; wording given in the draft wins over the template.
    const own = await h.api('POST', O, { body: draft({ documentTypeCode: 'surat-tugas', body: { content: 'Menugaskan staf.', opening: 'Dasar: DPA 2026.' } }), session: who.drafter.session });
    expect(own.body.body).toMatchObject({ opening: 'Dasar: DPA 2026.', closing: 'Demikian untuk dilaksanakan dengan penuh tanggung jawab.' });
  });

  it('verifies in tiers with a return, signs with the region certificate and a number, verifies by QR token, and sends to a unit, a region and an email', async () => {
    const created = await h.api('POST', O, {
      body: draft({
        recipients: [
          { role: 'to', kind: 'unit', unitId: unit.DLH },
          { role: 'to', kind: 'region', regionCode: PROVINCE },
          { role: 'cc', kind: 'email', email: 'warga@contoh.test', name: 'Budi Santoso' },
        ],
      }),
      session: who.drafter.session,
    });
    const id = created.body.id;
    // Nobody initials before it is submitted, and not out of turn.
    expect((await h.api('POST', `${O}/${id}/review`, { body: { action: 'approve' }, session: who.v1.session })).body.error.code).toBe('surat.review_not_yours');
    let res = await h.api('POST', `${O}/${id}/submit`, { session: who.drafter.session });
    expect(res.body.status, res.raw).toBe('verifying');
    const v2Early = await h.api('POST', `${O}/${id}/review`, { body: { action: 'approve' }, session: who.v2.session });
    expect([v2Early.status, v2Early.body.error.code]).toEqual([403, 'surat.review_not_yours']);
    res = await h.api('POST', `${O}/${id}/review`, { body: { action: 'approve' }, session: who.v1.session });
    expect(res.body.reviews.map((r: { status: string }) => r.status)).toEqual(['approved', 'pending']);
    // A return needs notes; with them, the letter goes back to its drafter.
    expect((await h.api('POST', `${O}/${id}/review`, { body: { action: 'return' }, session: who.v2.session })).status).toBe(400);
    res = await h.api('POST', `${O}/${id}/review`, { body: { action: 'return', note: 'Tambahkan waktu dan tempat rapat.' }, session: who.v2.session });
    expect(res.body.status).toBe('returned');
    const told = await h.ctx.database.db.select().from(notifications).where(eq(notifications.userId, who.drafter.id));
    expect(told.some((t) => t.body.id === 'Tambahkan waktu dan tempat rapat.')).toBe(true);
    // Signing before the verifiers have all initialled is refused.
    expect((await h.api('POST', `${O}/${id}/sign`, { body: { method: 'paper' }, session: who.signer.session })).body.error.code).toBe('surat.not_ready_to_sign');

    const edited = await h.api('PUT', `${O}/${id}`, { body: { ...draft(), subject: 'Undangan rapat koordinasi, Senin 14 Desember 2026', recipients: created.body.recipients.map((r: Record<string, string | null>) => (
      r.kind === 'unit' ? { role: r.role, kind: 'unit', unitId: r.unitId } : r.kind === 'region' ? { role: r.role, kind: 'region', regionCode: r.regionCode } : { role: r.role, kind: 'email', email: r.email, name: r.name })) }, session: who.drafter.session });
    expect(edited.status, edited.raw).toBe(200);
    res = await h.api('POST', `${O}/${id}/submit`, { session: who.drafter.session });
    expect(res.body.reviews.filter((r: { round: number }) => r.round === 2).map((r: { status: string }) => r.status)).toEqual(['pending', 'waiting']);
    for (const v of ['v1', 'v2']) res = await h.api('POST', `${O}/${id}/review`, { body: { action: 'approve' }, session: who[v].session });
    expect(res.body).toMatchObject({ status: 'to_sign', number: null });

    // Only its signer signs; the number is given now, with the region's certificate.
    expect((await h.api('POST', `${O}/${id}/sign`, { body: { method: 'electronic' }, session: who.v1.session })).body.error.code).toBe('surat.not_signer');
    const signed = await h.api('POST', `${O}/${id}/sign`, { body: { method: 'electronic' }, session: who.signer.session });
    expect(signed.status, signed.raw).toBe(200);
    expect(signed.body.number).toMatch(/^000\.1\.1\/\d{3}\/PUPR\/\d{4}$/);
    const again = await h.api('POST', `${O}/${id}/sign`, { body: { method: 'paper' }, session: who.signer.session });
    expect([again.status, again.body.error.code]).toEqual([409, 'surat.already_signed']);

    const pdf = await h.app.inject({ method: 'GET', url: `${O}/${id}/pdf`, headers: { cookie: who.drafter.session.cookie } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toContain('/ByteRange');
    const token = signed.body.verifyUrl.split('/v/')[1];
    const v = await h.api('GET', `/api/verify/${token}`);
    expect(v.body).toMatchObject({
      genuine: true, region: { code: REGION }, kind: 'letter', title: 'Surat Undangan', number: signed.body.number, sha256: signed.body.sha256,
      signature: { provider: 'electronic' }, revoked: null,
    });
    expect(v.raw).not.toContain('Undangan rapat koordinasi');
    // The verification page's file check knows letters too.
    const boundary = '----pamongsurat';
    const check = await h.api('POST', `/api/verify/${token}/check`, {
      body: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="surat.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), pdf.rawPayload, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(check.body, check.raw).toMatchObject({ matches: true, expected: signed.body.sha256 });

    // Only the unit's clerk sends, and only once: another unit's clerk does not even see it.
    expect((await h.api('POST', `${O}/${id}/send`, { session: who.dlhClerk.session })).body.error.code).toBe('surat.letter_not_found');
    const sent = await h.api('POST', `${O}/${id}/send`, { session: who.clerk.session });
    expect(sent.status, sent.raw).toBe(200);
    expect(sent.body.status).toBe('sent');
    expect(sent.body.recipients.every((r: { deliveredAt: string | null }) => r.deliveredAt)).toBe(true);
    const twice = await h.api('POST', `${O}/${id}/send`, { session: who.clerk.session });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'surat.already_sent']);

    const delivered = await h.ctx.database.db.select().from(suratLetters).where(eq(suratLetters.sourceLetterId, id));
    const dlh = delivered.find((l) => l.regionCode === REGION)!;
    expect(dlh).toMatchObject({ direction: 'incoming', status: 'registered', unitId: unit.DLH, number: signed.body.number, senderName: expect.stringMatching(/Pekerjaan Umum|PUPR/i), agendaNumber: 1, origin: 'pamong' });
    const prov = delivered.find((l) => l.regionCode === PROVINCE)!;
    expect(prov).toMatchObject({ direction: 'incoming', unitId: unit[`${PROVINCE}:DBMPR`], senderRegionCode: REGION, agendaNumber: 1 });
    const provPeople = await h.ctx.database.db.select().from(suratLetterPeople).where(and(eq(suratLetterPeople.regionCode, PROVINCE), eq(suratLetterPeople.letterId, prov.id)));
    expect(provPeople.map((p) => [p.userId, p.reason])).toEqual([[who.provClerk.id, 'recipient']]);
    expect((await h.ctx.database.db.select().from(notifications).where(eq(notifications.userId, who.dlhClerk.id))).length).toBe(1);

    smtp.mails.length = 0;
    const ctx = { ...h.ctx, config: { ...h.ctx.config, smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'Pamong <no-reply@pamong.test>' } } };
    const transport = createTransport(ctx);
    expect(await sendPendingEmails(ctx, transport)).toBeGreaterThanOrEqual(1);
    transport!.close();
    const mail = smtp.mails.find((m) => m.to.includes('warga@contoh.test'))!;
    expect(mail.raw).toMatch(/Content-Type: application\/pdf/);
    expect(mail.raw).toContain(`${signed.body.number.replace(/[^A-Za-z0-9.-]+/g, '_')}.pdf`);
    // The attachment is the signed PDF, byte for byte.
    const b64 = /Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*?\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(mail.raw.slice(mail.raw.indexOf('application/pdf')))![1];
    expect(Buffer.from(b64.replace(/\s/g, ''), 'base64').equals(pdf.rawPayload)).toBe(true);
  });

  it('finds a draft by the words of its body, for its drafter and not for another unit', async () => {
    const res = await h.api('POST', O, { body: draft({ subject: 'Pemberitahuan pekerjaan', body: { addressee: 'Camat Jatinangor', place: 'Sumedang', content: 'Pekerjaan normalisasi drainase Jalan Raya Jatinangor dimulai pekan depan.' } }), session: who.drafter.session });
    const search = async (session: Session) => ((await h.api('GET', `${S}/letters?box=all&q=drainase`, { session })).body.items as { id: string }[]).map((l) => l.id);
    expect(await search(who.drafter.session)).toEqual([res.body.id]);
    expect(await search(who.dlhClerk.session)).toEqual([]);
  });

  it('gives 30 letters signed at once the numbers 1 to 30 of their series, with no gap', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await h.api('POST', O, { body: draft({ classificationCode: '000.1.2', verifierUserIds: [], subject: `Surat ${i}` }), session: who.drafter.session });
      ids.push(res.body.id);
      expect((await h.api('POST', `${O}/${res.body.id}/submit`, { session: who.drafter.session })).body.status).toBe('to_sign');
    }
    const signed = await Promise.all(ids.map((id) => h.api('POST', `${O}/${id}/sign`, { body: { method: 'paper' }, session: who.signer.session })));
    expect(signed.map((s) => s.status), signed.filter((s) => s.status !== 200).map((s) => s.raw).join('\n')).toEqual(ids.map(() => 200));
    const sequences = signed.map((s) => Number(s.body.number.split('/')[1])).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('numbers by the region\'s pattern and refuses a pattern without {nomor} or {tahun}', async () => {
    const bad = await h.api('PUT', `${S}/numbering`, { body: { pattern: '{klasifikasi}/{kode_unit}/{sifat}' }, session: who.admin.session });
    expect([bad.status, bad.body.error.code, bad.body.error.details]).toEqual([422, 'surat.pattern_invalid', { unknown: ['sifat'], missing: ['nomor', 'tahun'] }]);
    const good = await h.api('PUT', `${S}/numbering`, { body: { pattern: '{kode_keamanan}/{kode_jenis}/{nomor}/{kode_unit}/{bulan_romawi}/{tahun}' }, session: who.admin.session });
    expect(good.status, good.raw).toBe(200);
    const res = await h.api('POST', O, { body: draft({ documentTypeCode: 'nota-dinas', direction: 'memo', verifierUserIds: [] }), session: who.drafter.session });
    await h.api('POST', `${O}/${res.body.id}/submit`, { session: who.drafter.session });
    const signed = await h.api('POST', `${O}/${res.body.id}/sign`, { body: { method: 'paper' }, session: who.signer.session });
    expect(signed.body.number).toMatch(/^B\/ND\/001\/PUPR\/[IVX]+\/\d{4}$/);
    const v = await h.api('GET', `/api/verify/${signed.body.verifyUrl.split('/v/')[1]}`);
    expect(v.body).toMatchObject({ kind: 'memo', signature: { provider: 'paper', signer: expect.stringContaining('Kepala Dinas PUPR') } });
    // Titled NOTA DINAS above the letter's head (Permendagri 1/2023).
    const pdf = await h.app.inject({ method: 'GET', url: `${O}/${res.body.id}/pdf`, headers: { cookie: who.drafter.session.cookie } });
    const text = await pdfText(pdf.rawPayload);
    expect(text.indexOf('NOTA DINAS')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('NOTA DINAS')).toBeLessThan(text.indexOf(signed.body.number));
    await h.api('PUT', `${S}/numbering`, { body: { pattern: '{klasifikasi}/{nomor}/{kode_unit}/{tahun}' }, session: who.admin.session });
  });

  it('refuses bad input with a stable code and saves nothing', async () => {
    const before = await count();
    const refuse = async (body: Record<string, unknown>, status: number, code: string) => {
      const res = await h.api('POST', O, { body: draft(body), session: who.drafter.session });
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    };
    await refuse({ classificationCode: undefined }, 422, 'surat.classification_unknown');
    await refuse({ classificationCode: '999.9.9' }, 422, 'surat.classification_unknown');
    await refuse({ recipients: [{ role: 'to', kind: 'unit', unitId: unit[`${PROVINCE}:DBMPR`] }] }, 422, 'surat.unit_not_found');
    await refuse({ recipients: [{ role: 'to', kind: 'region', regionCode: '99' }] }, 422, 'surat.region_not_found');
    await refuse({ recipients: [{ role: 'cc', kind: 'unit', unitId: unit.DLH }] }, 422, 'surat.no_recipient');
    await refuse({ direction: 'memo', documentTypeCode: 'nota-dinas', recipients: [{ role: 'to', kind: 'region', regionCode: PROVINCE }] }, 422, 'surat.memo_internal');
    await refuse({ signerUserId: who.v1.id }, 422, 'surat.signer_not_allowed');
    await refuse({ verifierUserIds: [who.clerk.id] }, 422, 'surat.verifier_not_allowed');
    await refuse({ unitId: unit.DLH }, 403, 'surat.unit_not_yours');
    expect(await count()).toBe(before);
  });

  it('refuses electronic signing where the region has no certificate, and lets its signer sign on paper', async () => {
    const provUnit = unit[`${PROVINCE}:DBMPR`];
    const drafter = await person('provDrafter', PROVINCE, 'surat_staff', provUnit);
    const signer = await person('provSigner', PROVINCE, 'surat_signer', provUnit);
    const res = await h.api('POST', `/api/regions/${PROVINCE}/surat/outgoing`, {
      body: draft({ unitId: provUnit, recipients: [{ role: 'to', kind: 'region', regionCode: REGION }], signerUserId: signer.id, verifierUserIds: [] }), session: drafter.session,
    });
    expect(res.status, res.raw).toBe(200);
    const P = `/api/regions/${PROVINCE}/surat/outgoing/${res.body.id}`;
    await h.api('POST', `${P}/submit`, { session: drafter.session });
    const e = await h.api('POST', `${P}/sign`, { body: { method: 'electronic' }, session: signer.session });
    expect([e.status, e.body.error.code]).toEqual([409, 'surat.no_signer_certificate']);
    expect((await h.api('GET', P, { session: drafter.session })).body).toMatchObject({ status: 'to_sign', number: null });
    const paper = await h.api('POST', `${P}/sign`, { body: { method: 'paper' }, session: signer.session });
    expect(paper.body.number).toMatch(/^000\.1\.1\/001\/DBMPR\/\d{4}$/);
    // The scan of the wet signature is optional, a PDF judged by its content.
    const scan = (data: Buffer) => multipart([{ name: 'file', fileName: 'pindaian.pdf', data, type: 'application/pdf' }]);
    const notPdf = await h.api('POST', `${P}/scan`, { ...scan(Buffer.from('bukan pdf')), session: signer.session });
    expect([notPdf.status, notPdf.body.error.code]).toEqual([415, 'surat.not_pdf']);
    const stored = await h.api('POST', `${P}/scan`, { ...scan(Buffer.from('%PDF-1.4\n%%EOF\n')), session: signer.session });
    expect(stored.status, stored.raw).toBe(200);
    expect(stored.body).toMatchObject({ fileName: 'pindaian.pdf', size: 15 });
  });
});
