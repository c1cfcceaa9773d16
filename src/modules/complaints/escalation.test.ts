// The SLA sweep: working-day deadlines with the region's holidays, a ladder the
// region configures, never twice (even with two workers at once), and nothing
// forgotten across a restart.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session, sweepModule } from '../../../test/harness.js';

describeWithApp('deadlines and escalation', (h) => {
  let admin: Session;
  let coordinator: Session;
  let cats: Record<string, string>;
  let units: Record<string, string>;

  const submit = async (description: string) => {
    const res = await h.api('POST', '/api/regions/32.11/complaints', { body: { categoryId: cats.sampah, description } });
    expect(res.status).toBe(201);
    return res.body as { id: string; trackingCode: string };
  };
  const count = async (table: string) => (await h.ctx.database.rows<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0].n;

  it('prepares', async () => {
    admin = await h.signIn('admin@sumedang.demo');
    coordinator = await h.signIn('koordinator@sumedang.demo');
    cats = Object.fromEntries((await h.api('GET', '/api/regions/32.11/categories')).body.map((c: any) => [c.code, c.id]));
    units = Object.fromEntries((await h.api('GET', '/api/regions/32.11/units', { session: coordinator })).body.map((u: any) => [u.code, u.id]));
  });

  it('counts working days in the region\'s time zone, skipping a cuti bersama the admin adds', async () => {
    // Monday 2 Nov 2026 09:00 WIB. Verification: 1 working day -> end of Tuesday 3 Nov, 24:00 WIB.
    const a = await submit('Sampah menumpuk di Jalan Kutamaya dekat terminal');
    const track = await h.api('GET', `/api/regions/32.11/complaints/track/${a.trackingCode}`);
    expect(track.body.deadlines[0].dueAt).toBe('2026-11-03T17:00:00.000Z');
    const set = await h.api('PUT', '/api/regions/32.11/holidays/2026-11-03', { session: admin, body: { name: 'Cuti bersama (uji)', kind: 'cuti_bersama' } });
    expect(set.status).toBe(200);
    const b = await submit('Sampah menumpuk di Jalan Kutamaya dekat pasar');
    const trackB = await h.api('GET', `/api/regions/32.11/complaints/track/${b.trackingCode}`);
    expect(trackB.body.deadlines[0].dueAt).toBe('2026-11-04T17:00:00.000Z');
    await h.api('DELETE', '/api/regions/32.11/holidays/2026-11-03', { session: admin });
  });

  it('follows the region\'s own category deadline in working days', async () => {
    const res = await h.api('PUT', '/api/regions/32.11/admin/sla', {
      session: admin, body: { categoryId: cats.sampah, stage: 'resolution', amount: 3, unit: 'working_days', targetAmount: null },
    });
    expect(res.status).toBe(200);
    const c = await submit('Sampah di saluran irigasi Desa Cipacing');
    await h.api('POST', `/api/regions/32.11/complaints/${c.id}/actions`, { session: coordinator, body: { action: 'dispatch', unitId: units.DLH } });
    const detail = await h.api('GET', `/api/regions/32.11/complaints/${c.id}`, { session: coordinator });
    // Dispatched Monday 09:00 WIB: three working days -> end of Thursday 5 Nov WIB.
    expect(detail.body.deadlines.find((d: any) => d.stage === 'resolution').dueAt).toBe('2026-11-05T17:00:00.000Z');
    expect(detail.body.deadlines.find((d: any) => d.stage === 'response').dueAt).toBe('2026-11-04T02:00:00.000Z');
  });

  it('escalates each overdue stage exactly once even with two workers sweeping at the same time', async () => {
    const before = await count('stage_escalations');
    const open = [];
    for (let i = 0; i < 12; i++) open.push(await submit(`Sampah liar nomor ${i} di tepi jalan raya Sumedang-Bandung`));
    h.clock.advanceHours(24 * 5);
    const [a, b] = await Promise.all([sweepModule(h.ctx, 'complaints', 5), sweepModule(h.ctx, 'complaints', 5)]);
    let rest = 0;
    for (let n = await sweepModule(h.ctx, 'complaints', 5); n > 0; n = await sweepModule(h.ctx, 'complaints', 5)) rest += n;
    const made = (await count('stage_escalations')) - before;
    expect(a + b + rest).toBe(made);
    const dupes = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from (
      select record_id, stage, round, step from stage_escalations group by 1, 2, 3, 4 having count(*) > 1) d`);
    expect(dupes[0].n).toBe(0);
    for (const c of open) {
      const track = await h.api('GET', `/api/regions/32.11/complaints/track/${c.trackingCode}`);
      expect(track.body.overdue).toBe(true);
      // Verification is a coordinator's stage: both ladder steps (unit head, then head of region) have fired by now.
      expect(track.body.timeline.filter((e: any) => e.kind === 'escalated').map((e: any) => e.detail.step)).toEqual([1, 2]);
    }
  });

  it('keeps its progress in the database: a fresh worker context escalates nothing twice', async () => {
    const steps = await count('stage_escalations');
    expect(await sweepModule({ ...h.ctx }, 'complaints')).toBe(0);
    expect(await count('stage_escalations')).toBe(steps);
  });

  it('uses the ladder the region configures', async () => {
    const put = await h.api('PUT', '/api/regions/32.11/settings', {
      session: admin, body: { complaints: { reopenWindowDays: 7, escalation: [{ role: 'coordinator', afterHours: 0 }], publicStatistics: true } },
    });
    expect(put.status).toBe(200);
    const c = await submit('Tumpukan sampah di depan kantor kecamatan Sumedang Utara');
    h.clock.advanceHours(24 * 4);
    expect(await sweepModule(h.ctx, 'complaints')).toBe(1);
    const notes = await h.api('GET', '/api/notifications', { session: coordinator });
    expect(notes.body[0].subject.id).toContain(c.trackingCode);
    // One rung only: nothing more, however long it stays overdue.
    h.clock.advanceHours(24 * 10);
    expect(await sweepModule(h.ctx, 'complaints')).toBe(0);
    admin = await h.signIn('admin@sumedang.demo');
    const bad = await h.api('PUT', '/api/regions/32.11/settings', { session: admin, body: { complaints: { reopenWindowDays: 7, escalation: [], publicStatistics: true } } });
    expect(bad.status).toBe(400);
    // Only people who see complaints can be told: an SPBE role is refused, and so is a module that does not exist.
    const spbeRole = await h.api('PUT', '/api/regions/32.11/settings', { session: admin, body: { complaints: { reopenWindowDays: 7, escalation: [{ role: 'spbe_coordinator', afterHours: 0 }], publicStatistics: true } } });
    expect(spbeRole.status).toBe(400);
    expect((await h.api('PUT', '/api/regions/32.11/settings', { session: admin, body: { nothing: {} } })).status).toBe(400);
    // The ladder set above is kept through the refusals.
    expect((await h.api('GET', '/api/regions/32.11/settings', { session: admin })).body.complaints.escalation).toEqual([{ role: 'coordinator', afterHours: 0 }]);
  });
});
