// Reporting periods as a SAKIP coordinator runs them, through the real API,
// the platform's deadline sweep and a real SMTP server: a month opened with
// its due date on the region's calendar, each reporting unit's deadline, a
// reminder and escalations emailed as the clock passes them, a submission
// meeting its deadline; closing locks the period (and what lies inside it)
// against planners, the coordinator corrects it only with a reason and the
// value it replaced stays readable; and another region gets nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session, sweepModule } from '../../../test/harness.js';
import { startSmtp } from '../../../test/support/smtp.js';
import { createUser, grantRole, openSession } from '../../platform/auth/service.js';
import { enableRegion } from '../../platform/regions/service.js';
import { createTransport, sendPendingEmails } from '../../platform/notify/outbox.js';

const REGION = '/api/regions/32.11';
const R = `${REGION}/sakip`;
const RP = `${R}/reporting-periods`;

let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
});

/** An email's text with quoted-printable undone (soft line breaks, =XX bytes as UTF-8). */
const textOf = (raw: string) => Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
/** A Subject header, decoded from its RFC 2047 words. */
const subjectOf = (raw: string) => {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)![1].replace(/\r?\n[ \t]/g, ' ');
  return header.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) => (enc.toUpperCase() === 'B'
    ? Buffer.from(data, 'base64').toString('utf8')
    : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')));
};

describeWithApp('SAKIP reporting periods', (h) => {
  const s: Record<string, Session> = {};
  const units: Record<string, string> = {};
  const plans: Record<string, string> = {};
  const ind: Record<string, Record<string, string>> = {};
  const count = async (what: string) => (await h.ctx.database.rows<{ n: number }>(sql.raw(`select count(*)::int as n from ${what}`)))[0].n;
  const auditCount = () => count(`audit_log where region_code = '32.11' and action like 'sakip.%'`);
  const put = (who: string, plan: string, name: string, period: string, body: Record<string, unknown>) =>
    h.api('PUT', `${R}/plans/${plans[plan]}/indicators/${ind[plan][name]}/realisations/${period}`, { session: s[who], body });
  const history = (plan: string, name: string, period: string) =>
    h.api('GET', `${R}/plans/${plans[plan]}/indicators/${ind[plan][name]}/realisations/${period}/history`, { session: s.unitHead });
  const unitOf = (view: any, code: string) => view.units.find((u: any) => u.unit.code === code);
  /** Runs the sweep and sends what it queued over SMTP; returns the steps taken and the mails received. */
  const sweepAndSend = async () => {
    const steps = await sweepModule(h.ctx, 'sakip');
    const ctx = { ...h.ctx, config: { ...h.ctx.config, smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'Pamong <no-reply@pamong.test>' } } };
    const transport = createTransport(ctx);
    smtp.mails.length = 0;
    await sendPendingEmails(ctx, transport, 100);
    transport!.close();
    const mails = smtp.mails.map((m) => ({ to: m.to.join(','), subject: subjectOf(m.raw), text: textOf(m.raw) })).sort((a, b) => a.to.localeCompare(b.to) || a.subject.localeCompare(b.subject));
    return { steps, mails };
  };
  /** Moves the test clock to an instant. */
  const at = (iso: string) => h.clock.advance(new Date(iso).getTime() - h.clock.now().getTime());

  const demoStaff = {
    coordinator: 'sakip@sumedang.demo', dinkes: 'perencana.dinkes@sumedang.demo', kominfo: 'perencana.kominfo@sumedang.demo',
    evaluator: 'evaluator@sumedang.demo', admin: 'admin@sumedang.demo',
  };
  /** People this test adds, by session key: their user ids. */
  const added: Record<string, string> = {};
  /** Sessions last 14 days: the clock moves further. Added people's sessions are opened directly (no password hashing). */
  const renewSessions = async () => {
    for (const [k, email] of Object.entries(demoStaff)) s[k] = await h.signIn(email);
    for (const [k, userId] of Object.entries(added)) {
      const opened = await openSession(h.ctx.database.db, h.clock.now(), userId);
      s[k] = { cookie: `pamong_session=${opened.sessionId}`, csrf: opened.csrfToken };
    }
  };

  beforeAll(async () => {
    const [dinkes] = await h.ctx.database.rows<{ id: string }>(sql`select id from units where region_code = '32.11' and code = 'DINKES'`);
    // The health office's head, and a foreign region's SAKIP staff.
    await h.ctx.database.db.transaction(async (tx) => {
      const person = async (key: string, email: string, region: string, role: 'unit_head' | 'sakip_coordinator' | 'sakip_planner', unitId: string | null) => {
        added[key] = await createUser(tx, { email, name: email.split('@')[0] });
        await grantRole(tx, region, added[key], role, unitId);
      };
      await person('unitHead', 'kepala.dinkes@sumedang.test', '32.11', 'unit_head', dinkes.id);
      await enableRegion(tx, '32.73');
      const [foreignUnit] = await h.ctx.database.rows<{ id: string }>(sql`insert into units (region_code, code, name) values ('32.73', 'DINKES', 'Dinas Kesehatan Kota Bandung') returning id`, tx);
      await person('foreignCoordinator', 'sakip@bandung.test', '32.73', 'sakip_coordinator', null);
      await person('foreignPlanner', 'perencana@bandung.test', '32.73', 'sakip_planner', foreignUnit.id);
    });
    await renewSessions();
    for (const u of (await h.api('GET', `${REGION}/units`, { session: s.coordinator })).body) units[u.code] = u.id;
    for (const p of (await h.api('GET', `${R}/plans`, { session: s.coordinator })).body) {
      const key = p.unit?.code ?? 'RPJMD';
      plans[key] = p.id;
      const rows = (await h.api('GET', `${R}/plans/${p.id}/table`, { session: s.coordinator })).body.rows;
      ind[key] = Object.fromEntries(rows.filter((r: any) => r.indicator).map((r: any) => [r.indicator.name, r.indicator.id]));
    }
  });

  it('opens a month with its due date counted in working days on the region\'s calendar, and gives each reporting unit a deadline', async () => {
    // Monday 2 November 2026. October's reports are due five working days after its last day; the region takes Wednesday 4 November off.
    expect((await h.api('PUT', `${REGION}/holidays/2026-11-04`, { session: s.admin, body: { name: 'Cuti bersama (uji)', kind: 'cuti_bersama' } })).status).toBe(200);
    const opened = await h.api('POST', RP, { session: s.coordinator, body: { period: '2026-10' } });
    expect(opened.status, opened.raw).toBe(201);
    await h.api('DELETE', `${REGION}/holidays/2026-11-04`, { session: s.admin });
    // Mon 2, Tue 3, (Wed 4 off), Thu 5, Fri 6, Mon 9: the end of Monday 9 November, WIB.
    expect(opened.body).toMatchObject({ period: '2026-10', kind: 'month', year: 2026, status: 'open', locked: false, dueDate: '2026-11-09', dueAt: '2026-11-09T17:00:00.000Z' });
    expect(opened.body.opened.by).toBe('sakip@sumedang.demo');
    // The units with indicators of the active plans: their Renstra's (the health office's two village-measured ones too), the RPJMD targets they lead, the indicators they share.
    expect(opened.body.units.map((u: any) => [u.unit.code, u.status, u.indicators.total, u.indicators.reported, u.escalationLevel])).toEqual([
      ['DINKES', 'pending', 7, 0, 0], ['DISKOMINFO', 'pending', 5, 0, 0], ['DPMPTSP', 'pending', 1, 0, 0],
    ]);
    expect(opened.body.counts).toEqual({ reported: 0, reported_late: 0, pending: 3, late: 0, missing: 0 });
    // Each unit's deadline is the platform's, first checked at the ladder's reminder, three days before it is due.
    const deadlines = await h.ctx.database.rows<{ due_at: Date | string; next_check_at: Date | string }>(sql`select d.due_at, d.next_check_at from stage_deadlines d
      join sakip_unit_reports r on r.id = d.record_id where d.module = 'sakip' and d.record_type = 'unit_report' and r.period = '2026-10'`);
    expect(deadlines.map((d) => [new Date(d.due_at).toISOString(), new Date(d.next_check_at).toISOString()])).toEqual(Array(3).fill(['2026-11-09T17:00:00.000Z', '2026-11-06T17:00:00.000Z']));
  });

  it('refuses to open a period twice, before it begins, with a due date before its end or already passed, or by anyone but the coordinator, saving nothing', async () => {
    const before = [await count('sakip_reporting_periods'), await count('sakip_unit_reports'), await count('stage_deadlines'), await auditCount()];
    const refusals: [Session, Record<string, unknown>, number, string][] = [
      [s.coordinator, { period: '2026-10' }, 409, 'sakip.reporting_period_exists'],
      [s.coordinator, { period: '2026-12' }, 409, 'sakip.period_not_started'],
      // September's default due date (mid-October) has passed: a late opening names a new one.
      [s.coordinator, { period: '2026-09' }, 400, 'sakip.due_invalid'],
      [s.coordinator, { period: '2026-11', dueDate: '2026-11-20' }, 400, 'sakip.due_invalid'],
      [s.coordinator, { period: '2026-09', dueDate: '2026-02-30' }, 400, 'request.invalid'],
      [s.coordinator, { period: '2026-Q5' }, 400, 'request.invalid'],
      [s.dinkes, { period: '2026-11' }, 403, 'auth.forbidden'],
      [s.unitHead, { period: '2026-11' }, 403, 'auth.forbidden'],
    ];
    for (const [who, body, status, code] of refusals) {
      const res = await h.api('POST', RP, { session: who, body });
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const late = await h.api('POST', RP, { session: s.coordinator, body: { period: '2026-09' } });
    expect(late.body.error.messages.id).toContain('Batas waktu: 2026-10-07.');
    expect([await count('sakip_reporting_periods'), await count('sakip_unit_reports'), await count('stage_deadlines'), await auditCount()]).toEqual(before);
  });

  it('lets a unit submit its report once, for its own unit only; the submission meets its deadline', async () => {
    expect((await put('kominfo', 'DISKOMINFO', 'Persentase layanan publik yang tersedia daring', '2026-10', { value: '58.5', note: 'Oktober' })).status).toBe(200);
    const submitted = await h.api('POST', `${RP}/2026-10/units/${units.DISKOMINFO}/submit`, { session: s.kominfo, body: { note: 'Laporan Oktober' } });
    expect(submitted.status, submitted.raw).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'reported', submitted: { by: 'perencana.kominfo@sumedang.demo' }, note: 'Laporan Oktober' });
    // Indicators without a realisation do not stop a submission; they are listed.
    expect([submitted.body.indicators.total, submitted.body.indicators.reported]).toEqual([5, 1]);
    expect(submitted.body.indicators.missing.map((i: any) => i.name)).not.toContain('Persentase layanan publik yang tersedia daring');
    const [met] = await h.ctx.database.rows<{ met_at: unknown; next_check_at: unknown }>(sql`select d.met_at, d.next_check_at from stage_deadlines d
      join sakip_unit_reports r on r.id = d.record_id where r.period = '2026-10' and r.unit_id = ${units.DISKOMINFO}`);
    expect([met.met_at !== null, met.next_check_at]).toEqual([true, null]);

    const before = await auditCount();
    const refusals: [Session, string, number, string][] = [
      [s.kominfo, units.DISKOMINFO, 409, 'sakip.report_submitted'],
      [s.kominfo, units.DINKES, 403, 'sakip.not_your_unit'],
      [s.coordinator, units.PUPR, 404, 'sakip.unit_not_reporting'],
      [s.unitHead, units.DINKES, 403, 'auth.forbidden'],
    ];
    for (const [who, unit, status, code] of refusals) {
      const res = await h.api('POST', `${RP}/2026-10/units/${unit}/submit`, { session: who, body: {} });
      expect([res.status, res.body.error?.code]).toEqual([status, code]);
    }
    const missing = await h.api('POST', `${RP}/2026-11/units/${units.DINKES}/submit`, { session: s.dinkes, body: {} });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'sakip.reporting_period_not_found']);
    expect(await auditCount()).toBe(before);
  });

  it('reminds the planners before the due date, then tells the unit head and the coordinator, by email over SMTP, each once', async () => {
    expect((await sweepAndSend()).steps).toBe(0);
    at('2026-11-06T16:59:00Z');
    expect((await sweepAndSend()).steps).toBe(0);
    // Three days before the due time: the planners of the two units not in yet. DPMPTSP has no planner: its coordinator hears.
    at('2026-11-06T17:00:00Z');
    const reminders = await sweepAndSend();
    expect(reminders.steps).toBe(2);
    expect(reminders.mails.map((m) => [m.to, m.subject])).toEqual([
      ['perencana.dinkes@sumedang.demo', 'Pengingat laporan kinerja 2026-10: Dinas Kesehatan / Reminder, performance report 2026-10: Dinas Kesehatan'],
      ['sakip@sumedang.demo', 'Pengingat laporan kinerja 2026-10: Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu / Reminder, performance report 2026-10: Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu'],
    ]);
    expect(reminders.mails[0].text).toContain('Batas waktunya Senin, 9 November 2026 pukul 24.00 WIB.');
    expect(reminders.mails[0].text).toContain('It is due by the end of Monday, 9 November 2026 (WIB).');
    expect(reminders.mails[0].text).toContain('http://pamong.test/staff/32.11/sakip/pelaporan/2026-10');
    expect((await sweepAndSend()).steps).toBe(0);

    // At the due time: the unit's head (DPMPTSP has none: the coordinator again).
    at('2026-11-09T17:00:00Z');
    const overdue = await sweepAndSend();
    expect(overdue.steps).toBe(2);
    expect(overdue.mails.map((m) => [m.to, m.subject])).toEqual([
      ['kepala.dinkes@sumedang.test', 'Laporan kinerja 2026-10 Dinas Kesehatan belum dikirim / Performance report 2026-10 of Dinas Kesehatan not submitted'],
      ['sakip@sumedang.demo', 'Laporan kinerja 2026-10 Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu belum dikirim / Performance report 2026-10 of Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu not submitted'],
    ]);
    expect(overdue.mails[0].text).toContain('Perencana Dinas Kesehatan belum mengirim laporan realisasi kinerja periode 2026-10');
    const inbox = (await h.api('GET', '/api/notifications', { session: s.unitHead })).body;
    expect(inbox.map((n: any) => n.subject.id)).toEqual(['Laporan kinerja 2026-10 Dinas Kesehatan belum dikirim']);
    let view = (await h.api('GET', `${RP}/2026-10`, { session: s.unitHead })).body;
    expect(['DINKES', 'DISKOMINFO', 'DPMPTSP'].map((c) => [c, unitOf(view, c).status, unitOf(view, c).escalationLevel])).toEqual([
      ['DINKES', 'late', 2], ['DISKOMINFO', 'reported', 0], ['DPMPTSP', 'late', 2],
    ]);

    // The health office submits late: its deadline is met, and its ladder stops there.
    const late = await h.api('POST', `${RP}/2026-10/units/${units.DINKES}/submit`, { session: s.dinkes, body: {} });
    expect([late.status, late.body.status]).toEqual([200, 'reported_late']);
    at('2026-11-12T17:00:00Z');
    const escalated = await sweepAndSend();
    expect(escalated.steps).toBe(1);
    expect(escalated.mails.map((m) => [m.to, m.subject])).toEqual([
      ['sakip@sumedang.demo', 'Eskalasi: laporan kinerja 2026-10 Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu belum masuk / Escalation: performance report 2026-10 of Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu not in'],
    ]);
    expect(escalated.mails[0].text).toContain('Eskalasi tingkat 3.');
    view = (await h.api('GET', `${RP}/2026-10`, { session: s.coordinator })).body;
    expect(view.counts).toEqual({ reported: 1, reported_late: 1, pending: 0, late: 1, missing: 0 });
    // The ladder has no rung left.
    at('2026-12-31T00:00:00Z');
    expect((await sweepAndSend()).steps).toBe(0);
  });

  it('locks a closed month: a planner is refused with 409 and nothing is saved; the coordinator corrects it only with a reason, and the value it replaced stays readable', async () => {
    await renewSessions();
    const closed = await h.api('PUT', `${RP}/2026-10/status`, { session: s.coordinator, body: { status: 'closed' } });
    expect(closed.status, closed.raw).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', locked: true, lockedBy: '2026-10', closed: { by: 'sakip@sumedang.demo' } });
    // A report not in when the period closes is missing; its reminders stop.
    expect(unitOf(closed.body, 'DPMPTSP').status).toBe('missing');
    expect(closed.body.counts).toEqual({ reported: 1, reported_late: 1, pending: 0, late: 0, missing: 1 });
    expect(await count(`stage_deadlines where module = 'sakip' and met_at is null and record_id in (select id from sakip_unit_reports where period = '2026-10')`)).toBe(0);

    const indicator = 'Persentase layanan publik yang tersedia daring';
    const before = [await count('sakip_realisations'), await count('sakip_realisation_versions'), await auditCount()];
    const refused = await put('kominfo', 'DISKOMINFO', indicator, '2026-10', { value: '60', note: 'Diubah setelah ditutup', reason: 'Salah ketik' });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'sakip.period_locked']);
    expect(refused.body.error.messages).toEqual({
      id: 'Periode pelaporan sudah ditutup dan dikunci: realisasinya tidak dapat diubah. Koreksi hanya oleh koordinator SAKIP, dengan alasan. Dikunci oleh penutupan periode 2026-10.',
      en: 'The reporting period is closed and locked: its realisations cannot be changed. Only the SAKIP coordinator corrects them, with a reason. Locked by closing 2026-10.',
    });
    const noReason = await put('coordinator', 'DISKOMINFO', indicator, '2026-10', { value: '60' });
    expect([noReason.status, noReason.body.error.code]).toEqual([400, 'sakip.correction_reason_required']);
    const submitClosed = await h.api('POST', `${RP}/2026-10/units/${units.DPMPTSP}/submit`, { session: s.coordinator, body: {} });
    expect([submitClosed.status, submitClosed.body.error.code]).toEqual([409, 'sakip.period_locked']);
    expect([await count('sakip_realisations'), await count('sakip_realisation_versions'), await auditCount()]).toEqual(before);
    expect((await history('DISKOMINFO', indicator, '2026-10')).body.versions.map((v: any) => v.value)).toEqual(['58.5']);

    const corrected = await put('coordinator', 'DISKOMINFO', indicator, '2026-10', { value: '60.25', reason: 'Data layanan dari DPMPTSP terlambat masuk' });
    expect(corrected.status, corrected.raw).toBe(200);
    expect(corrected.body).toMatchObject({ value: '60.25', note: 'Oktober', version: 2, reason: 'Data layanan dari DPMPTSP terlambat masuk', afterClose: true, enteredBy: 'sakip@sumedang.demo' });
    const read = (await history('DISKOMINFO', indicator, '2026-10')).body;
    expect(read.versions.map((v: any) => [v.version, v.value, v.enteredBy, v.reason, v.afterClose])).toEqual([
      [1, '58.5', 'perencana.kominfo@sumedang.demo', null, false],
      [2, '60.25', 'sakip@sumedang.demo', 'Data layanan dari DPMPTSP terlambat masuk', true],
    ]);
    expect(read.current.value).toBe('60.25');
    // Sending the current value again changes nothing: no new version.
    expect((await put('coordinator', 'DISKOMINFO', indicator, '2026-10', { value: '60.250', reason: 'Ulang' })).body.version).toBe(2);
    // The table reads the corrected value.
    const table = (await h.api('GET', `${R}/plans/${plans.DISKOMINFO}/table?year=2026`, { session: s.coordinator })).body;
    expect(table.rows.find((r: any) => r.indicator?.name === indicator).indicator.achievement.realisation.value).toBe('60.25');
  });

  it('locks a closed quarter\'s months but not the year nor the next quarter; a closed year locks all of it, and its quarters reopen only after it', async () => {
    const body = (v: string) => ({ value: v });
    const spbe = 'Indeks SPBE';
    const apps = 'Jumlah aplikasi layanan yang terintegrasi';
    const online = 'Persentase layanan publik yang tersedia daring';
    // 31 December 2026: the fourth quarter, its due date given (the default is mid-January).
    expect((await h.api('POST', RP, { session: s.coordinator, body: { period: '2026-Q4', dueDate: '2027-01-15' } })).status).toBe(201);
    expect((await put('kominfo', 'DISKOMINFO', online, '2026-11', body('59'))).status).toBe(200);
    expect((await h.api('PUT', `${RP}/2026-Q4/status`, { session: s.coordinator, body: { status: 'closed' } })).status).toBe(200);
    const inQuarter = await put('kominfo', 'DISKOMINFO', online, '2026-12', body('61'));
    expect([inQuarter.status, inQuarter.body.error.code, inQuarter.body.error.messages.en]).toEqual([409, 'sakip.period_locked', expect.stringContaining('Locked by closing 2026-Q4.')]);
    // The year and the first quarter are not inside the fourth quarter.
    expect((await put('kominfo', 'DISKOMINFO', spbe, '2026', body('3.7'))).status).toBe(200);
    expect((await put('kominfo', 'DISKOMINFO', apps, '2026-Q1', body('1'))).status).toBe(200);
    expect((await h.api('GET', `${RP}/2026-Q4`, { session: s.coordinator })).body.units.map((u: any) => u.status)).toEqual(['missing', 'missing', 'missing']);

    // The whole year: opened with the default due date, twenty working days after 31 December skipping
    // New Year's Day (Friday 1 January) and Isra Mikraj (Tuesday 5 January 2027), then closed.
    const year = await h.api('POST', RP, { session: s.coordinator, body: { period: '2026' } });
    expect([year.status, year.body.dueDate]).toEqual([201, '2027-02-01']);
    expect((await h.api('PUT', `${RP}/2026/status`, { session: s.coordinator, body: { status: 'closed' } })).status).toBe(200);
    for (const [name, period] of [[spbe, '2026'], [apps, '2026-Q1'], [online, '2026-10'], [online, '2026-12']] as const) {
      const res = await put('kominfo', 'DISKOMINFO', name, period, body('1'));
      expect([res.status, res.body.error?.code], period).toEqual([409, 'sakip.period_locked']);
    }
    const list = (await h.api('GET', `${RP}?year=2026`, { session: s.evaluator })).body;
    // The demo's third quarter is still open, yet locked by the year.
    expect(list.map((p: any) => [p.period, p.status, p.lockedBy])).toEqual([
      ['2026', 'closed', '2026'], ['2026-Q4', 'closed', '2026-Q4'], ['2026-10', 'closed', '2026-10'], ['2026-Q3', 'open', '2026'],
    ]);
    // Opening a period inside a closed one, or reopening a quarter while its year is closed, is refused.
    const inside = await h.api('POST', RP, { session: s.coordinator, body: { period: '2026-11', dueDate: '2027-01-15' } });
    expect([inside.status, inside.body.error.code]).toEqual([409, 'sakip.period_locked']);
    const quarter = await h.api('PUT', `${RP}/2026-Q4/status`, { session: s.coordinator, body: { status: 'open', reason: 'Koreksi data' } });
    expect([quarter.status, quarter.body.error.code, quarter.body.error.messages.en]).toEqual([409, 'sakip.period_locked', expect.stringContaining('Locked by closing 2026.')]);
    const noReason = await h.api('PUT', `${RP}/2026/status`, { session: s.coordinator, body: { status: 'open' } });
    expect([noReason.status, noReason.body.error.code]).toEqual([400, 'request.invalid']);

    // Reopening the year (with its reason) leaves the fourth quarter closed.
    const reopened = await h.api('PUT', `${RP}/2026/status`, { session: s.coordinator, body: { status: 'open', reason: 'Hasil evaluasi SPBE 2026 baru terbit' } });
    expect(reopened.body).toMatchObject({ status: 'open', locked: false, closed: null, reopened: { by: 'sakip@sumedang.demo', reason: 'Hasil evaluasi SPBE 2026 baru terbit' } });
    expect((await put('kominfo', 'DISKOMINFO', spbe, '2026', body('3.75'))).status).toBe(200);
    expect((await put('kominfo', 'DISKOMINFO', online, '2026-12', body('62'))).body.error.code).toBe('sakip.period_locked');
    expect((await h.api('PUT', `${RP}/2026-Q4/status`, { session: s.coordinator, body: { status: 'open', reason: 'Koreksi data' } })).body.locked).toBe(false);
    expect((await put('kominfo', 'DISKOMINFO', online, '2026-12', body('62'))).status).toBe(200);
  });

  it('lets only the coordinator close and reopen; unit heads and the Inspektorat read', async () => {
    const before = await auditCount();
    for (const who of ['dinkes', 'unitHead', 'evaluator', 'admin']) {
      const res = await h.api('PUT', `${RP}/2026-Q4/status`, { session: s[who], body: { status: 'closed' } });
      expect([res.status, res.body.error.code], who).toEqual([403, 'auth.forbidden']);
    }
    expect(await auditCount()).toBe(before);
    expect((await h.api('GET', `${RP}/2026-Q4`, { session: s.coordinator })).body.status).toBe('open');
    for (const who of ['unitHead', 'evaluator', 'dinkes']) expect((await h.api('GET', RP, { session: s[who] })).status, who).toBe(200);
    expect((await h.api('GET', RP)).status).toBe(401);
  });

  it('gives a foreign region\'s SAKIP staff nothing of this region, even with its ids', async () => {
    const before = [await count('sakip_reporting_periods'), await count('sakip_unit_reports'), await count('sakip_realisations'), await auditCount()];
    const own = '/api/regions/32.73/sakip';
    expect((await h.api('GET', `${own}/reporting-periods`, { session: s.foreignCoordinator })).body).toEqual([]);
    const attempts: [Session, 'GET' | 'POST' | 'PUT', string, unknown, number][] = [
      [s.foreignCoordinator, 'GET', `${RP}`, undefined, 403],
      [s.foreignCoordinator, 'GET', `${RP}/2026-10`, undefined, 403],
      [s.foreignCoordinator, 'PUT', `${RP}/2026-Q4/status`, { status: 'closed' }, 403],
      [s.foreignPlanner, 'POST', `${RP}/2026-Q4/units/${units.DINKES}/submit`, {}, 403],
      [s.foreignCoordinator, 'GET', `${own}/reporting-periods/2026-10`, undefined, 404],
      [s.foreignCoordinator, 'PUT', `${own}/reporting-periods/2026-Q4/status`, { status: 'closed' }, 404],
      [s.foreignCoordinator, 'POST', `${own}/reporting-periods/2026-Q4/units/${units.DINKES}/submit`, {}, 404],
      [s.foreignCoordinator, 'GET', `${own}/plans/${plans.DISKOMINFO}/indicators/${ind.DISKOMINFO['Persentase layanan publik yang tersedia daring']}/realisations/2026-10/history`, undefined, 404],
      [s.foreignCoordinator, 'PUT', `${own}/plans/${plans.DISKOMINFO}/indicators/${ind.DISKOMINFO['Persentase layanan publik yang tersedia daring']}/realisations/2026-10`, { value: '1', reason: 'x' }, 404],
    ];
    for (const [who, method, url, body, status] of attempts) {
      const res = await h.api(method, url, { session: who, ...(body === undefined ? {} : { body }) });
      expect(res.status, `${method} ${url}`).toBe(status);
      expect(res.raw).not.toContain('58.5');
      expect(res.raw).not.toContain('Dinas Kesehatan');
    }
    expect([await count('sakip_reporting_periods'), await count('sakip_unit_reports'), await count('sakip_realisations'), await auditCount()]).toEqual(before);
  });
});
