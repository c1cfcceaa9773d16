// Overdue work on the dashboard: counted live while the SLA sweep has not seen
// it, from the summary once the sweep has escalated it, and the same number
// either way; handling the complaint takes it off, and the summary stays what
// a rebuild from the raw tables gives.
import { expect, it } from 'vitest';
import { describeWithApp, type Session, sweepModule } from '../../../test/harness.js';
import { rebuildStats } from './service/stats.js';
import { overdueQuery } from './service/dashboard.js';

describeWithApp('overdue work on the dashboard', (h) => {
  let coordinator: Session;
  let officer: Session;
  let head: Session;
  let unitDlh: string;
  const filed: Record<string, { id: string; trackingCode: string }> = {};

  const overdue = async () => {
    const res = await h.api('GET', '/api/regions/32.11/dashboard', { session: head });
    expect(res.status).toBe(200);
    return { total: res.body.totals.overdue as number, byUnit: Object.fromEntries(res.body.rows.filter((r: any) => r.overdue > 0).map((r: any) => [r.key ?? 'none', r.overdue])) };
  };
  const notSweptYet = async () => {
    const scope = { regionCodes: ['32.11'], period: { from: '2026-01', to: '2026-12' }, offsetMinutes: 420, unitIds: null };
    const rows = await h.ctx.database.rows<{ overdue: number }>(overdueQuery(scope, 'unit', h.clock.now()));
    return rows.reduce((n, r) => n + r.overdue, 0);
  };
  const act = async (session: Session, id: string, body: Record<string, unknown>) => {
    const res = await h.api('POST', `/api/regions/32.11/complaints/${id}/actions`, { session, body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };

  it('counts the same overdue work before and after the sweep, and takes off what is handled', async () => {
    coordinator = await h.signIn('koordinator@sumedang.demo');
    officer = await h.signIn('petugas.dlh@sumedang.demo');
    head = await h.signIn('bupati@sumedang.demo');
    const sampah = (await h.api('GET', '/api/regions/32.11/categories')).body.find((c: any) => c.code === 'sampah').id;
    unitDlh = (await h.api('GET', '/api/regions/32.11/units', { session: coordinator })).body.find((u: any) => u.code === 'DLH').id;
    for (const name of ['A', 'B', 'C']) {
      filed[name] = (await h.api('POST', '/api/regions/32.11/complaints', { body: { categoryId: sampah, description: `Sampah menumpuk, laporan ${name}` } })).body;
    }
    await act(coordinator, filed.C.id, { action: 'dispatch', unitId: unitDlh });

    // Wednesday 11:00 WIB: A and B missed verification (end of Tuesday), C its first response (48 hours).
    h.clock.advanceHours(50);
    expect(await overdue()).toEqual({ total: 3, byUnit: { none: 2, [unitDlh]: 1 } });
    expect(await notSweptYet()).toBe(3);

    expect(await sweepModule(h.ctx, 'complaints')).toBe(3);
    expect(await overdue()).toEqual({ total: 3, byUnit: { none: 2, [unitDlh]: 1 } });
    expect(await notSweptYet()).toBe(0);
    expect((await rebuildStats(h.ctx, '32.11')).differing).toBe(0);

    await act(officer, filed.C.id, { action: 'respond', message: 'Segera kami angkut' });
    await act(coordinator, filed.A.id, { action: 'dispatch', unitId: unitDlh });
    expect(await overdue()).toEqual({ total: 1, byUnit: { none: 1 } });
    expect((await rebuildStats(h.ctx, '32.11')).differing).toBe(0);
  });
});
