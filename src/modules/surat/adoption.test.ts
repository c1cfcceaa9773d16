// Units' digital adoption, correspondence's part: the dispositions a unit's
// people were given that are done or past their deadline, and of those the
// ones completed in Pamong by their deadline, on the leader's ranking.
import { beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { units, users } from '../../platform/schema.js';

const R = '/api/regions/32.11/surat';
const REF = 'surat.dispositions-followed-up';

describeWithApp('Correspondence: dispositions followed up, on the units\' adoption ranking', (h) => {
  const s: Record<string, Session> = {};
  const id: Record<string, string> = {};

  beforeAll(async () => {
    const db = h.ctx.database.db;
    const [a] = await db.select({ id: units.id, code: units.code }).from(units).where(eq(units.regionCode, '32.11')).orderBy(units.code).limit(1);
    id.unit = a.id;
    id.code = a.code;
    for (const [key, role] of [['clerk', 'surat_clerk'], ['leader', 'surat_leader'], ['staff', 'surat_staff']] as const) {
      s[key] = await h.sessionWithRole('32.11', role, `${key}@adopsi-surat.test`, id.unit);
      [{ id: id[key] }] = await db.select({ id: users.id }).from(users).where(eq(users.email, `${key}@adopsi-surat.test`));
    }
  });

  it('counts a disposition done by its deadline as done, one done late or left past its deadline as not, and leaves out what is not due yet', async () => {
    const head = await h.signIn('bupati@sumedang.demo');
    const share = async () => {
      const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(h.clock.now()));
      const body = (await h.api('GET', `/api/regions/32.11/pimpinan/adopsi?year=${year}`, { session: head })).body as any;
      expect(body.measures.map((m: any) => m.ref)).toContain(REF);
      return body.units.find((u: any) => u.unitId === id.unit)?.measures[REF] ?? { done: 0, total: 0 };
    };
    const before = await share();
    const letter = await h.api('POST', `${R}/letters/incoming`, {
      body: { unitId: id.unit, number: '005/77/Bappeda/XII/2026', letterDate: '2026-12-01', senderName: 'Bappeda Provinsi Jawa Barat', subject: 'Permintaan data indikator', classificationCode: '000.7.1.6' },
      session: s.clerk,
    });
    expect(letter.status, letter.raw).toBe(201);
    await h.api('POST', `${R}/letters/${letter.body.id}/distribute`, { body: { leaders: [id.leader] }, session: s.clerk });
    let dueAt = new Date(0);
    const give = async (due?: { amount: number; unit: string }) => {
      const res = await h.api('POST', `${R}/letters/${letter.body.id}/dispositions`, { body: { to: [id.staff], instruction: 'Siapkan data', ...(due ? { due } : {}) }, session: s.leader });
      expect(res.status, res.raw).toBe(201);
      if (res.body.dueAt) dueAt = new Date(res.body.dueAt);
      return res.body.ids[0] as string;
    };
    const done = (d: string) => h.api('POST', `${R}/dispositions/${d}/done`, { body: { report: 'Data terkirim' }, session: s.staff });
    const onTime = await give({ amount: 4, unit: 'hours' });
    const late = await give({ amount: 4, unit: 'hours' });
    await give({ amount: 4, unit: 'hours' }); // left open
    await give(); // no deadline, open: not due, not counted
    const withdrawn = await give({ amount: 4, unit: 'hours' });
    expect((await h.api('POST', `${R}/dispositions/${withdrawn}/withdraw`, { session: s.leader })).status).toBe(200);
    expect((await done(onTime)).status).toBe(200);
    // Still within the deadline: only the one done counts so far.
    expect(await share()).toMatchObject({ done: before.done + 1, total: before.total + 1 });

    h.clock.advance(dueAt.getTime() + 60_000 - h.clock.now().getTime());
    expect((await done(late)).status).toBe(200);
    // Past the deadline: the one done late and the one left open count, not done.
    expect(await share()).toMatchObject({ done: before.done + 1, total: before.total + 3 });
  });
});
