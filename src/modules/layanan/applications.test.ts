// Applications through the API, on the demo region's certificate of low
// income (surat keterangan tidak mampu: check → decision → issue): a citizen
// files with three documents and gets a registration number and a decision
// deadline in working days; a bad filing is refused whole; the counter
// returns it for completion and the clock stops; the citizen completes it and
// the clock resumes later by the time waited; only the stage's role of its
// unit acts; the head approves; anyone with the number follows it without
// seeing personal data; past the deadline undecided it is fiktif positif.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { createUser, openSession } from '../../platform/auth/service.js';
import { sweepDeadlines } from '../../platform/deadlines/sweep.js';
import { runDueJobs } from '../../platform/jobs/queue.js';
import { createHash } from 'node:crypto';
import { signBody } from './service/payments/provider.js';
import { DEMO_QRIS_CHANNEL } from './demo.js';
import { applicationFiling } from '../../../test/support/multipart.js';

const R = '/api/regions/32.11/layanan';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describeWithApp('Applications', (h) => {
  const s: Record<string, Session> = {};
  let sktm = '';
  let place = { district: '', village: '' };
  let png = Buffer.alloc(0);
  const answers = () => ({ nik: `${place.district.replaceAll('.', '')}4207850003`, nama: 'Siti Aminah', alamat: { street: 'Jl. Mawar 3', ...place }, keperluan: 'sekolah' });
  const documents = () => [{ field: 'kk', name: 'kk.pdf', data: PDF }, { field: 'ktp', name: 'ktp.png', data: png }, { field: 'pengantar', name: 'pengantar.pdf', data: PDF }];
  const counts = async () => (await h.ctx.database.rows<{ apps: number; files: number }>(sql`select
    (select count(*)::int from layanan_applications where region_code = '32.11') as apps,
    (select count(*)::int from layanan_application_files where region_code = '32.11') as files`))[0];

  beforeAll(async () => {
    for (const [k, email] of Object.entries({ clerk: 'loket.sumsel@sumedang.demo', camat: 'camat.sumsel@sumedang.demo', manager: 'layanan@sumedang.demo', dpmptsp: 'layanan.dpmptsp@sumedang.demo' })) {
      s[k] = await h.signIn(email);
    }
    for (const [k, email] of [['citizen', 'siti.aminah@example.id'], ['stranger', 'orang.lain@example.id']]) {
      const id = await createUser(h.ctx.database.db, { email, name: k === 'citizen' ? 'Siti Aminah' : 'Orang Lain' });
      const session = await openSession(h.ctx.database.db, h.clock.now(), id);
      s[k] = { cookie: `pamong_session=${session.sessionId}`, csrf: session.csrfToken };
    }
    [{ id: sktm }] = await h.ctx.database.rows<{ id: string }>(sql`select id from layanan_services where region_code = '32.11' and slug = 'surat-keterangan-tidak-mampu'`);
    [place] = await h.ctx.database.rows<{ district: string; village: string }>(sql`select d.code as district, v.code as village from areas d join areas v on v.parent_code = d.code
      where d.parent_code = '32.11' and d.level = 'district' order by d.code, v.code limit 1`);
    png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ccc' } }).png().toBuffer();
  });

  let app = { id: '', registrationNo: '', dueAt: '' };

  it('opens the demo with applications in every state, some past their stage\'s target and one deemed granted', async () => {
    const queue = await h.api('GET', `${R}/applications?limit=100`, { session: s.manager });
    expect(queue.status).toBe(200);
    const states = new Set(queue.body.items.map((x: any) => x.status));
    expect([...states].sort()).toEqual(['awaiting_payment', 'finished', 'in_process', 'refused', 'returned', 'withdrawn']);
    // Deemed granted: the demo's one, and any other undecided one its decision deadline passed on (which depends on the weekdays before now), as the sweep marks them.
    const deemed = queue.body.items.filter((x: any) => x.fiktifPositifAt !== null).map((x: any) => x.id).sort();
    expect(deemed.length).toBeGreaterThanOrEqual(1);
    const pastDue = await h.ctx.database.rows<{ id: string }>(sql`select a.id from layanan_applications a join stage_deadlines d on d.record_id = a.id and d.module = 'layanan' and d.stage = 'decision'
      where a.region_code = '32.11' and a.decision is null and d.met_at is null and d.paused_at is null and d.due_at <= ${h.clock.now()} order by a.id`);
    expect(pastDue.map((r) => r.id)).toEqual(deemed);
    // The demo's open clocks are the sweep's like any other: none left without its next check unless its ladder is done.
    const idle = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from stage_deadlines d
      where d.region_code = '32.11' and d.module = 'layanan' and d.met_at is null and d.paused_at is null and d.next_check_at is null
        and d.escalation_step < case when d.stage = 'decision' then 2 else 1 end`);
    expect(idle[0].n).toBe(0);
    const waiting = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from stage_deadlines
      where region_code = '32.11' and module = 'layanan' and met_at is null and paused_at is null and next_check_at > ${h.clock.now()}`);
    expect(waiting[0].n).toBeGreaterThan(0);
    // Each waits at a stage named as its version names it.
    expect(queue.body.items.find((x: any) => x.status === 'returned')).toMatchObject({ stage: 'periksa', stageName: 'Pemeriksaan berkas' });
    const [late] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from stage_deadlines
      where region_code = '32.11' and module = 'layanan' and stage like 'stage:%' and met_at is null and paused_at is null and due_at < ${h.clock.now()}`);
    expect(late.n).toBeGreaterThanOrEqual(2);
    // The returned one waits for its applicant: its clock is stopped, its reason written.
    const returned = queue.body.items.find((x: any) => x.status === 'returned');
    const detail = await h.api('GET', `${R}/applications/${returned.id}`, { session: s.manager });
    expect(detail.body).toMatchObject({ clockStopped: true });
    expect(detail.body.returnReason).toContain('RT/RW');
    // The demo citizen has one of their own.
    const warga = await h.signIn('warga@sumedang.demo');
    expect((await h.api('GET', '/api/me/layanan/applications', { session: warga })).body).toHaveLength(1);
  });

  it('files a citizen\'s application with three documents: a registration number, a deadline in working days, the documents checked by content', async () => {
    const f = applicationFiling(answers(), documents());
    const res = await h.api('POST', `${R}/services/${sktm}/applications`, { session: s.citizen, ...f });
    expect(res.status, res.raw).toBe(201);
    expect(res.body.registrationNo).toMatch(/^PLY-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(res.body.fee).toBe(0);
    app = res.body;
    // Filed Monday 2 November 2026 09:00 WIB; the certificate's standard says 1 working day.
    const detail = await h.api('GET', `${R}/applications/${app.id}`, { session: s.citizen });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ reader: 'applicant', status: 'in_process', stage: { key: 'periksa' }, channel: 'web', applicant: { name: 'Siti Aminah', email: 'siti.aminah@example.id' } });
    expect(detail.body.files.map((x: any) => [x.field, x.contentType])).toEqual([['kk', 'application/pdf'], ['ktp', 'image/jpeg'], ['pengantar', 'application/pdf']]);
    expect(detail.body.answers.alamat).toMatchObject({ street: 'Jl. Mawar 3', district: place.district, village: place.village });
    expect(detail.body.actions).toEqual(['withdraw']);
    expect(new Date(detail.body.decisionDueAt).getTime()).toBeGreaterThan(h.clock.now().getTime());
    // The citizen was told by email, with the number.
    const [mail] = await h.ctx.database.rows<{ subject: string }>(sql`select payload->>'subject' as subject from outbox where payload->>'to' = 'siti.aminah@example.id' order by id desc limit 1`);
    expect(mail.subject).toContain(app.registrationNo);
    // The check stage's people of the service's unit were told, in-app and each by email with the link to it.
    const link = `/staff/32.11/layanan/permohonan/${app.id}`;
    const told = await h.ctx.database.rows<{ email: string }>(sql`select u.email from notifications n join users u on u.id = n.user_id where n.link = ${link} order by u.email`);
    expect(told.map((t) => t.email)).toContain('loket.sumsel@sumedang.demo');
    const staffMail = await h.ctx.database.rows<{ to: string; subject: string }>(sql`select payload->>'to' as to, payload->>'subject' as subject from outbox
      where payload->>'text' like ${`%http://pamong.test${link}%`} order by payload->>'to'`);
    expect(staffMail.map((m) => m.to)).toEqual(told.map((t) => t.email));
    expect(staffMail[0].subject).toContain(app.registrationNo);
  });

  it('refuses a filing that does not fit the form, whole, with every field\'s error', async () => {
    const before = await counts();
    const bad: [unknown, { field: string; name: string; data: Buffer }[], number, string, string[]][] = [
      [{ ...answers(), nik: '3211' }, documents(), 422, 'layanan.answers_invalid', ['nik']],
      [{ ...answers(), nik: `${place.district.replaceAll('.', '')}3213850003` }, documents(), 422, 'layanan.answers_invalid', ['nik']], // month 13
      [{ ...answers(), keperluan: 'lainnya' }, documents(), 422, 'layanan.answers_invalid', ['keperluan_lain']],
      [{ ...answers(), warna: 'merah' }, documents(), 422, 'layanan.answers_invalid', ['warna']],
      [answers(), documents().slice(0, 2), 422, 'layanan.answers_invalid', ['pengantar']],
      [answers(), [...documents().slice(0, 2), { field: 'pengantar', name: 'pengantar.pdf', data: Buffer.from('MZ not a pdf at all') }], 422, 'layanan.document_type', []],
    ];
    for (const [a, files, status, code, fields] of bad) {
      const res = await h.api('POST', `${R}/services/${sktm}/applications`, { session: s.citizen, ...applicationFiling(a, files) });
      expect([res.status, res.body.error?.code], JSON.stringify(a)).toEqual([status, code]);
      if (fields.length) expect(res.body.error.details.fields.map((x: any) => x.key)).toEqual(fields);
    }
    // Not signed in: no application at all.
    expect((await h.api('POST', `${R}/services/${sktm}/applications`, applicationFiling(answers(), documents()))).status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('lets only the stage\'s role of its unit act; return needs a reason and stops the clock; completing resumes it later', async () => {
    const act = (session: Session, action: string, reason?: string) => h.api('POST', `${R}/applications/${app.id}/actions`, { session, body: { action, reason } });
    expect((await act(s.camat, 'complete')).body.error.code).toBe('layanan.not_your_stage');
    expect((await act(s.dpmptsp, 'complete')).status).toBe(403);
    expect((await act(s.clerk, 'approve')).body.error.code).toBe('layanan.action_not_open');
    expect((await act(s.clerk, 'return')).body.error.code).toBe('layanan.reason_required');
    const due = new Date((await h.api('GET', `${R}/applications/${app.id}`, { session: s.clerk })).body.decisionDueAt).getTime();
    const returned = await act(s.clerk, 'return', 'Surat pengantar RT/RW belum ditandatangani.');
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned');
    const waiting = await h.api('GET', `${R}/applications/${app.id}`, { session: s.citizen });
    expect(waiting.body).toMatchObject({ status: 'returned', clockStopped: true, returnReason: 'Surat pengantar RT/RW belum ditandatangani.', actions: ['resubmit', 'withdraw'] });
    // Four hours later the citizen sends the signed letter only; the others stand.
    h.clock.advanceHours(4);
    const again = await h.api('POST', `${R}/applications/${app.id}/resubmit`, { session: s.citizen, ...applicationFiling(answers(), [{ field: 'pengantar', name: 'pengantar-ttd.pdf', data: PDF }], { note: 'Sudah ditandatangani' }) });
    expect(again.status, again.raw).toBe(200);
    const back = await h.api('GET', `${R}/applications/${app.id}`, { session: s.clerk });
    expect(back.body).toMatchObject({ status: 'in_process', clockStopped: false, stage: { key: 'periksa' } });
    expect(back.body.files.filter((x: any) => x.field === 'pengantar').map((x: any) => x.round)).toEqual([1, 2]);
    // The deadline moved by the working time waited (here: four working hours).
    expect(new Date(back.body.decisionDueAt).getTime()).toBeGreaterThan(due);
    expect(back.body.actions).toEqual(['complete', 'return']);
    // Someone else cannot resubmit or even see it.
    expect((await h.api('GET', `${R}/applications/${app.id}`, { session: s.stranger })).status).toBe(404);
  });

  it('moves on to the head\'s decision and finishes at issuance; the timeline tells the citizen each step without staff names', async () => {
    expect((await h.api('POST', `${R}/applications/${app.id}/actions`, { session: s.clerk, body: { action: 'complete' } })).body.stage).toBe('keputusan');
    const approved = await h.api('POST', `${R}/applications/${app.id}/actions`, { session: s.camat, body: { action: 'approve' } });
    expect(approved.body).toEqual({ status: 'in_process', stage: 'terbit', decision: 'approved' });
    const mine = await h.api('GET', `${R}/applications/${app.id}`, { session: s.citizen });
    expect(mine.body.timeline.map((e: any) => e.kind)).toEqual(['filed', 'return', 'resubmit', 'complete', 'approve']);
    expect(mine.body.timeline.filter((e: any) => e.kind !== 'filed' && e.kind !== 'resubmit').every((e: any) => e.actor === null)).toBe(true);
    expect(mine.body.actions).toEqual([]);
  });

  it('issues the result: a numbered, signed PDF from the service\'s template, verifiable by anyone, downloaded by its applicant only', async () => {
    const issued = await h.api('POST', `${R}/applications/${app.id}/actions`, { session: s.clerk, body: { action: 'issue' } });
    expect(issued.status, issued.raw).toBe(200);
    expect(issued.body).toEqual({ status: 'finished', stage: null, decision: 'approved' });
    const mine = await h.api('GET', `${R}/applications/${app.id}`, { session: s.citizen });
    expect(mine.body.documents).toHaveLength(1);
    const [doc] = mine.body.documents;
    expect(doc).toMatchObject({ kind: 'result', title: 'SURAT KETERANGAN TIDAK MAMPU', revokedAt: null });
    expect(doc.number).toMatch(/^400\.7\.22\/\d{3}\/KEC-SUMSEL\/2026$/);
    const token = doc.verifyUrl.split('/v/')[1];
    const verified = await h.api('GET', `/api/verify/${token}`);
    expect(verified.status).toBe(200);
    expect(verified.raw).toContain(doc.number);
    expect(verified.raw).not.toContain('Siti Aminah'); // masked on the public page
    const pdf = await h.app.inject({ method: 'GET', url: `${R}/applications/${app.id}/documents/${doc.id}/pdf`, headers: { cookie: s.citizen.cookie } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.includes(Buffer.from('/ByteRange'))).toBe(true); // signed with the region's (demo) certificate
    const [stored] = await h.ctx.database.rows<{ sha256: string }>(sql`select sha256 from layanan_documents where id = ${doc.id}`);
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(stored.sha256);
    expect((await h.app.inject({ method: 'GET', url: `${R}/applications/${app.id}/documents/${doc.id}/pdf`, headers: { cookie: s.stranger.cookie } })).statusCode).toBe(404);
  });

  it('invites the applicant to the satisfaction survey once the service is delivered, once per application', async () => {
    const all = (v: number) => Object.fromEntries(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((c) => [c, v]));
    const before = await h.api('GET', `${R}/applications/${app.id}`, { session: s.citizen });
    expect(before.body.survey).toBe('open');
    const [mail] = await h.ctx.database.rows<{ text: string }>(sql`select payload->>'text' as text from outbox where payload->>'to' = 'siti.aminah@example.id' and payload->>'subject' like ${`[${app.registrationNo}] Selesai%`}`);
    expect(mail.text).toContain(`/permohonan-saya/32.11/${app.id}`);
    expect((await h.api('POST', `${R}/applications/${app.id}/survey`, { session: s.stranger, body: { answers: all(4) } })).status).toBe(404);
    expect((await h.api('POST', `${R}/applications/${app.id}/survey`, { session: s.citizen, body: { answers: { ...all(4), U2: 5 } } })).body.error.code).toBe('layanan.skm_answer_out_of_range');
    const res = await h.api('POST', `${R}/applications/${app.id}/survey`, { session: s.citizen, body: { answers: all(4), gender: 'female' } });
    expect(res.status, res.raw).toBe(201);
    expect((await h.api('POST', `${R}/applications/${app.id}/survey`, { session: s.citizen, body: { answers: all(1) } })).body.error.code).toBe('layanan.survey_answered');
    const [row] = await h.ctx.database.rows<{ channel: string; service_date: string }>(sql`select channel, service_date::text from layanan_skm_responses where id = ${res.body.id}`);
    expect(row).toEqual({ channel: 'online', service_date: '2026-11-02' });
    expect((await h.api('GET', `${R}/applications/${app.id}`, { session: s.citizen })).body.survey).toBe('answered');
  });

  it('bills a permit\'s fee on approval, waits for the payment, and issues once the bank\'s callback pays it', async () => {
    const [{ id: reklame }] = await h.ctx.database.rows<{ id: string }>(sql`select id from layanan_services where region_code = '32.11' and slug = 'izin-reklame'`);
    const filed = await h.api('POST', `${R}/services/${reklame}/applications`, {
      session: s.citizen,
      ...applicationFiling({ ...answers(), jenis: 'papan', luas: 8, lokasi: { street: 'Jl. Mayor Abdurahman 150', ...place }, mulai: '2026-12-01', keperluan: undefined },
        [{ field: 'desain', name: 'desain.pdf', data: PDF }, { field: 'izin_pemilik', name: 'izin.pdf', data: PDF }]),
    });
    expect(filed.status, filed.raw).toBe(201);
    expect(filed.body.fee).toBe(1_200_000); // 8 m² × Rp150.000
    const staff = Object.fromEntries(await Promise.all(['loket.dpmptsp', 'pengolah.dpmptsp', 'layanan.dpmptsp'].map(async (k) => [k, await h.signIn(`${k}@sumedang.demo`)])));
    const act = (who: string, action: string) => h.api('POST', `${R}/applications/${filed.body.id}/actions`, { session: staff[who], body: { action } });
    expect((await act('loket.dpmptsp', 'complete')).status).toBe(200);
    expect((await act('pengolah.dpmptsp', 'forward')).status).toBe(200);
    expect((await act('layanan.dpmptsp', 'approve')).body).toEqual({ status: 'awaiting_payment', stage: 'terbit', decision: 'approved' });
    expect((await act('loket.dpmptsp', 'issue')).body.error.code).toBe('layanan.action_not_open');
    const waiting = await h.api('GET', `${R}/applications/${filed.body.id}`, { session: s.citizen });
    expect(waiting.body.bill).toMatchObject({ amount: 1_200_000, status: 'unpaid' });
    // The bank's signed callback for the bill.
    const body = JSON.stringify({ billingCode: waiting.body.bill.billingCode, amount: 1_200_000, paidAt: h.clock.now().toISOString(), bankTransactionId: 'TRX-REKLAME-1' });
    const paid = await h.api('POST', `${R}/payments/qris/callback`, { body, headers: { 'content-type': 'application/json', 'x-signature': signBody(DEMO_QRIS_CHANNEL.secret, body) } });
    expect(paid.status, paid.raw).toBe(200);
    const released = await h.api('GET', `${R}/applications/${filed.body.id}`, { session: s.citizen });
    expect(released.body).toMatchObject({ status: 'in_process', stage: { key: 'terbit' }, bill: { status: 'paid' } });
    expect(released.body.timeline.map((e: any) => e.kind).slice(-2)).toEqual(['approve', 'paid']);
    expect((await act('loket.dpmptsp', 'issue')).body.status).toBe('finished');
    // The receipt comes from a job the payment queued; run twice, it still issues one.
    await runDueJobs(h.ctx);
    await runDueJobs(h.ctx);
    const done = await h.api('GET', `${R}/applications/${filed.body.id}`, { session: s.citizen });
    expect(done.body.documents.map((d: any) => `${d.kind}: ${d.title}`).sort()).toEqual(['receipt: Tanda Bukti Pembayaran', 'result: IZIN PENYELENGGARAAN REKLAME']);
    // The permit is a letter of the region: a Surat Izin in DPMPTSP's register, numbered in the letter numbering.
    const permit = done.body.documents.find((d: any) => d.kind === 'result');
    expect(await h.ctx.database.rows(sql`select number, document_type_code, direction, status from surat_letters where region_code = '32.11' and external_ref = ${`layanan:document:${permit.id}`}`))
      .toEqual([{ number: permit.number, document_type_code: 'surat-izin', direction: 'outgoing', status: 'sent' }]);
    expect(permit.number).toMatch(/^400\.7\.22\/\d{3}\/DPMPTSP\/2026$/);
    const receipt = done.body.documents.find((d: any) => d.kind === 'receipt');
    const verified = await h.api('GET', `/api/verify/${receipt.verifyUrl.split('/v/')[1]}`);
    expect(verified.body).toMatchObject({ kind: 'receipt' });
  });

  it('shows the status to anyone with the number, without personal data', async () => {
    const res = await h.api('GET', `${R}/public/applications/${app.registrationNo}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ registrationNo: app.registrationNo, service: 'Surat Keterangan Tidak Mampu (SKTM)', status: 'finished', decision: 'approved' });
    expect(res.raw).not.toContain('Siti');
    expect(res.raw).not.toContain('siti.aminah');
    expect(res.raw).not.toContain('Mawar');
    expect((await h.api('GET', `${R}/public/applications/PLY-2222-2222`)).status).toBe(404);
    expect((await h.api('GET', `${R}/public/applications/nomor-ngawur`)).status).toBe(400);
  });

  it('marks an application undecided past its deadline fiktif positif, once, and tells the head and the citizen', async () => {
    const f = await h.api('POST', `${R}/services/${sktm}/applications`, { session: s.citizen, ...applicationFiling(answers(), documents()) });
    expect(f.status).toBe(201);
    h.clock.advanceHours(24 * 7);
    await sweepDeadlines(h.ctx);
    await sweepDeadlines(h.ctx);
    const d = await h.api('GET', `${R}/applications/${f.body.id}`, { session: s.camat });
    expect(d.body.fiktifPositifAt).not.toBeNull();
    expect(d.body.timeline.filter((e: any) => e.kind === 'deemed_granted')).toHaveLength(1);
    const queue = await h.api('GET', `${R}/applications?overdue=true`, { session: s.camat });
    expect(queue.body.items.map((x: any) => x.id)).toContain(f.body.id);
    expect(queue.body.items.map((x: any) => x.id)).not.toContain(app.id); // decided in time
    const [mail] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from outbox where payload->>'to' = 'siti.aminah@example.id' and payload->>'subject' like ${`[${f.body.registrationNo}] Fiktif%`}`);
    expect(mail.n).toBe(1);
  });
});
