// What the complaints module shows the head of region (issue 15): answered on
// time, overdue with the worst units, escalated to the head of region, and in
// "what needs me" the complaints escalated to the reader's own rung.
import { expect, it } from 'vitest';
import { describeWithApp, type Session, sweepModule } from '../../../test/harness.js';
import { actorByEmail, tilesOf } from '../../../test/support/leader.js';
import { readAttention } from '../../platform/modules/tiles.js';

const R = '32.11';
const API = `/api/regions/${R}`;

describeWithApp('complaint tiles', (h) => {
  let head: Session;
  let coordinator: Session;
  let category: string;
  let units: Record<string, string>;

  const sweepAll = async () => { while (await sweepModule(h.ctx, 'complaints') > 0); };
  const signInAll = async () => { [head, coordinator] = [await h.signIn('bupati@sumedang.demo'), await h.signIn('koordinator@sumedang.demo')]; };
  const tiles = () => tilesOf(h, head, R, 'complaints');
  const submit = async (description: string) => {
    const res = await h.api('POST', `${API}/complaints`, { body: { categoryId: category, description } });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const act = async (id: string, body: object) => expect((await h.api('POST', `${API}/complaints/${id}/actions`, { session: coordinator, body })).status).toBe(200);
  const attentionOf = async (email: string) => (await readAttention(h.ctx, await actorByEmail(h, email), R)).items.filter((a) => a.module === 'complaints').map((a) => a.link);
  const page = (id: string) => `/staff/${R}/complaints/${id}`;

  it('prepares: the demo\'s own deadlines all past and escalated, so only this test\'s complaints move the figures', async () => {
    h.clock.advanceHours(24 * 30);
    await sweepAll();
    await signInAll();
    category = (await h.api('GET', `${API}/categories`)).body.find((c: any) => c.code === 'sampah').id;
    units = Object.fromEntries((await h.api('GET', `${API}/units`, { session: coordinator })).body.map((u: any) => [u.code, u.id]));
    const shown = await tiles();
    expect([...shown.keys()]).toEqual(['overdue', 'received-this-month', 'answered-on-time', 'escalated-to-head']);
    expect(shown.get('answered-on-time').trend).toBe('complaints.responded-in-time');
    expect(shown.get('escalated-to-head').method.id).toContain('kepala daerah');
  });

  it('counts an overdue complaint under its unit, then escalated to the head of region, each in the reader\'s own "what needs me"', async () => {
    const before = await tiles();
    const id = await submit('Sampah menumpuk di saluran Jalan Prabu Geusan Ulun');
    await act(id, { action: 'dispatch', unitId: units.DLH });
    const dlhHead = 'kepala.dlh@tiles.test';
    await h.sessionWithRole(R, 'unit_head', dlhHead, units.DLH);

    // An hour past the first response deadline: the ladder's first rung, the unit's head.
    const due = (await h.api('GET', `${API}/complaints/${id}`, { session: coordinator })).body.deadlines.find((d: any) => d.stage === 'response').dueAt;
    h.clock.advanceHours((Date.parse(due) - h.clock.now().getTime()) / 3600_000 + 1);
    await sweepAll();
    await signInAll();
    let now = await tiles();
    expect(now.get('overdue').value).toBe(before.get('overdue').value + 1);
    expect(now.get('overdue').tone).toBe('bad');
    // The units with most overdue complaints, most first: the unit's count rose by one.
    const byUnit = (t: any) => new Map<string, number>(t.get('overdue').items.map((i: any) => [i.label.id, Number(i.value.id)]));
    const dlh = 'Dinas Lingkungan Hidup dan Kehutanan';
    expect(byUnit(now).get(dlh)).toBe((byUnit(before).get(dlh) ?? 0) + 1);
    const counts = [...byUnit(now).values()];
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(now.get('overdue').items.every((i: any) => i.link === `/staff/${R}?overdue=1`)).toBe(true);
    expect(now.get('escalated-to-head').value).toBe(before.get('escalated-to-head').value);
    expect(await attentionOf(dlhHead)).toContain(page(id));
    expect(await attentionOf('kepala.pupr@sumedang.demo')).not.toContain(page(id));
    expect(await attentionOf('bupati@sumedang.demo')).not.toContain(page(id));

    // A day on: the head of region's rung.
    h.clock.advanceHours(25);
    await sweepAll();
    await signInAll();
    now = await tiles();
    expect(now.get('escalated-to-head').value).toBe(before.get('escalated-to-head').value + 1);
    const mine = (await readAttention(h.ctx, await actorByEmail(h, 'bupati@sumedang.demo'), R)).items.find((a) => a.link === page(id))!;
    expect(mine.source).toBe('escalated');
    expect(mine.since!.getTime()).toBeLessThanOrEqual(h.clock.now().getTime());
    expect(mine.due!.getTime()).toBeLessThan(mine.since!.getTime());
    expect(await attentionOf('koordinator@sumedang.demo')).not.toContain(page(id));

    // Answered (late): off the head's list and counts, counted as answered but not on time.
    await act(id, { action: 'respond', message: 'Petugas kebersihan dijadwalkan besok pagi.' });
    const after = await tiles();
    expect(after.get('escalated-to-head').value).toBe(now.get('escalated-to-head').value - 1);
    expect(after.get('overdue').value).toBe(now.get('overdue').value - 1);
    expect(await attentionOf('bupati@sumedang.demo')).not.toContain(page(id));
    expect(after.get('answered-on-time').unit.id).toMatch(/^%, \d+ dari \d+ ditanggapi, tahun 2026$/);
    const tally = (t: any) => (t.unit.id.match(/(\d+) dari (\d+)/)?.slice(1) ?? [0, 0]).map(Number);
    const [inTime, answered] = tally(after.get('answered-on-time'));
    expect(tally(now.get('answered-on-time'))).toEqual([inTime, answered - 1]);

    // One answered in time.
    const quick = await submit('Sampah berserakan di depan Pasar Inpres');
    await act(quick, { action: 'dispatch', unitId: units.DLH });
    await act(quick, { action: 'respond', message: 'Kami angkut hari ini.' });
    const last = await tiles();
    expect(tally(last.get('answered-on-time'))).toEqual([inTime + 1, answered + 1]);
    expect(last.get('answered-on-time').value).toBe(Math.round(((inTime + 1) / (answered + 1)) * 1000) / 10);
  });
});
