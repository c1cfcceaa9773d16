// The stage-deadline engine with a module of the test's own: each rung fires
// once, at its delay after the deadline, even with two sweeps at once; met
// and paused stages never escalate; resuming moves the deadline by the paused
// working time; a restarted stage is a new round.
import { expect, it } from 'vitest';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { describeWithApp } from '../../../test/harness.js';
import type { DeadlineHandler, EscalationRung, EscalationStep } from '../modules/contract.js';
import { stageDeadlines } from '../schema.js';
import { addDuration } from '../calendar/calendar.js';
import { regionCalendar } from '../calendar/region.js';
import { meetStages, nextDueSql, pauseStages, resumeStages, startStages, type RecordKey } from './deadlines.js';
import { sweepDeadlines } from './sweep.js';

const H = 3_600_000;

describeWithApp('stage deadlines', (h) => {
  let ladder: EscalationRung[] = [{ afterHours: 0, to: 'head' }, { afterHours: 24, to: 'boss' }];
  const steps: EscalationStep[] = [];
  const handler: DeadlineHandler = {
    async ladder() { return ladder; },
    async onEscalate(tx, taken) {
      // Runs in the sweep's transaction, after the step's own row.
      for (const s of taken) {
        const [{ n }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from stage_escalations
          where record_id = ${s.deadline.recordId} and stage = ${s.deadline.stage} and round = ${s.deadline.round} and step = ${s.step}`, tx);
        expect(n).toBe(1);
      }
      steps.push(...taken);
    },
  };
  const handlers = new Map([['test/case', handler]]);
  const sweep = (batch = 200) => sweepDeadlines(h.ctx, batch, handlers);
  const key = (): RecordKey => ({ regionCode: '32.11', module: 'test', recordType: 'case', recordId: randomUUID() });
  const db = () => h.ctx.database.db;
  const row = async (k: RecordKey, stage: string) => (await db().select().from(stageDeadlines)
    .where(and(eq(stageDeadlines.regionCode, k.regionCode), eq(stageDeadlines.recordId, k.recordId), eq(stageDeadlines.stage, stage))))[0];
  const inHours = (n: number) => new Date(h.clock.now().getTime() + n * H);
  // Earlier tests' stages would escalate as the clock moves on: close them.
  const closeAll = () => db().update(stageDeadlines).set({ metAt: h.clock.now(), nextCheckAt: null }).where(isNull(stageDeadlines.metAt));
  const stepsOf = (k: RecordKey) => steps.filter((s) => s.deadline.recordId === k.recordId).map((s) => `${s.deadline.stage}#${s.deadline.round}:${s.step}:${s.rung.to}`);

  it('climbs the ladder once per rung, each at its delay, even with two sweeps at once', async () => {
    const keys = Array.from({ length: 12 }, key);
    for (const k of keys) await startStages(db(), k, [{ stage: 'review', unit: 'hours', dueAt: inHours(24), targetAt: null }]);
    expect(await sweep()).toBe(0);
    h.clock.advanceHours(25);
    const [a, b] = await Promise.all([sweep(5), sweep(5)]);
    let rest = 0;
    for (let n = await sweep(5); n > 0; n = await sweep(5)) rest += n;
    expect(a + b + rest).toBe(12);
    for (const k of keys) expect(stepsOf(k)).toEqual(['review#0:1:head']);
    // The second rung is due 24 hours after the deadline, not before.
    h.clock.advanceHours(22);
    expect(await sweep()).toBe(0);
    h.clock.advanceHours(1);
    expect(await sweep()).toBe(12);
    for (const k of keys) expect(stepsOf(k)).toEqual(['review#0:1:head', 'review#0:2:boss']);
    h.clock.advanceHours(24 * 30);
    expect(await sweep()).toBe(0);
    const [{ n }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from stage_escalations where module = 'test'`);
    expect(n).toBe(24);
  });

  it('waits for a first rung with a delay', async () => {
    ladder = [{ afterHours: 4, to: 'late' }];
    const k = key();
    await startStages(db(), k, [{ stage: 'review', unit: 'hours', dueAt: inHours(1), targetAt: null }]);
    h.clock.advanceHours(2);
    expect(await sweep()).toBe(0);
    expect((await row(k, 'review')).nextCheckAt).toEqual(inHours(3));
    h.clock.advanceHours(3);
    expect(await sweep()).toBe(1);
    expect(stepsOf(k)).toEqual(['review#0:1:late']);
    ladder = [{ afterHours: 0, to: 'head' }, { afterHours: 24, to: 'boss' }];
  });

  it('fires a reminder rung before the deadline when the stage is checked from then, and the next rung at the deadline', async () => {
    ladder = [{ afterHours: -24, to: 'reminder' }, { afterHours: 0, to: 'head' }];
    const k = key();
    await startStages(db(), k, [{ stage: 'report', unit: 'hours', dueAt: inHours(48), targetAt: null, checkFrom: inHours(24) }]);
    h.clock.advanceHours(23);
    expect(await sweep()).toBe(0);
    h.clock.advanceHours(1);
    expect(await sweep()).toBe(1);
    expect(stepsOf(k)).toEqual(['report#0:1:reminder']);
    expect((await row(k, 'report')).nextCheckAt).toEqual(inHours(24));
    h.clock.advanceHours(24);
    expect(await sweep()).toBe(1);
    expect(stepsOf(k)).toEqual(['report#0:1:reminder', 'report#0:2:head']);
    ladder = [{ afterHours: 0, to: 'head' }, { afterHours: 24, to: 'boss' }];
  });

  it('never escalates a met stage, and keeps the earliest open deadline', async () => {
    const k = key();
    await startStages(db(), k, [
      { stage: 'first', unit: 'hours', dueAt: inHours(2), targetAt: null },
      { stage: 'second', unit: 'hours', dueAt: inHours(5), targetAt: null },
    ]);
    const nextDue = async () => (await h.ctx.database.rows<{ d: string | null }>(sql`select ${nextDueSql(k)} as d`))[0].d;
    expect(new Date((await nextDue())!)).toEqual(inHours(2));
    await meetStages(db(), k, ['first'], h.clock.now());
    expect(new Date((await nextDue())!)).toEqual(inHours(5));
    await meetStages(db(), k, 'all', h.clock.now());
    expect(await nextDue()).toBeNull();
    h.clock.advanceHours(48);
    expect(await sweep()).toBe(0);
    expect(stepsOf(k)).toEqual([]);
  });

  it('stops the clock while paused and moves the deadline by the paused working time', async () => {
    // Monday 15 Feb 2027, 09:00 WIB; the region takes Wednesday 17 Feb off.
    h.clock.advance(new Date('2027-02-15T02:00:00Z').getTime() - h.clock.now().getTime());
    await db().execute(sql`insert into region_holidays (region_code, date, name, kind) values ('32.11', '2027-02-17', 'Libur daerah (uji)', 'local')`);
    const cal = await regionCalendar(db(), '32.11', h.clock.now());
    const k = key();
    const dueAt = addDuration(h.clock.now(), 3, 'working_days', cal);
    expect(dueAt.toISOString()).toBe('2027-02-19T17:00:00.000Z'); // Tue, (Wed off), Thu, Fri
    await startStages(db(), k, [
      { stage: 'decision', unit: 'working_days', dueAt, targetAt: null },
      { stage: 'answer', unit: 'hours', dueAt: inHours(30), targetAt: inHours(20) },
    ]);
    await pauseStages(db(), k, 'all', h.clock.now());
    h.clock.advanceHours(24 * 8); // Tuesday 23 Feb, 09:00 WIB: past both deadlines
    expect(await sweep()).toBe(0);
    await resumeStages(db(), k, 'all', h.clock.now());
    const decision = await row(k, 'decision');
    const answer = await row(k, 'answer');
    // Paused: Mon 15 h + Tue + Thu + Fri + Mon 22 + Tue 23 9 h = 5 working days; from the end of Fri 19: Mon 22 ... Fri 26.
    expect(decision.dueAt.toISOString()).toBe('2027-02-26T17:00:00.000Z');
    expect(decision.pausedAt).toBeNull();
    expect(decision.nextCheckAt).toEqual(decision.dueAt);
    // Hours count the calendar: the pause took 8 days.
    expect(answer.dueAt.getTime() - h.clock.now().getTime()).toBe(30 * H);
    expect(answer.targetAt!.getTime() - h.clock.now().getTime()).toBe(20 * H);
    h.clock.advanceHours(29);
    expect(await sweep()).toBe(0);
    h.clock.advanceHours(2);
    expect(await sweep()).toBe(1);
    expect(stepsOf(k)).toEqual(['answer#0:1:head']);
  });

  it('after a pause, an escalated stage takes its next rung at its delay after the moved deadline', async () => {
    await closeAll();
    const k = key();
    await startStages(db(), k, [{ stage: 'review', unit: 'hours', dueAt: inHours(1), targetAt: null }]);
    h.clock.advanceHours(2);
    expect(await sweep()).toBe(1);
    await pauseStages(db(), k, 'all', h.clock.now());
    h.clock.advanceHours(48);
    expect(await sweep()).toBe(0);
    await resumeStages(db(), k, 'all', h.clock.now());
    const moved = (await row(k, 'review')).dueAt;
    expect(moved).toEqual(inHours(-1)); // one hour overdue when paused, one hour overdue now
    expect(await sweep()).toBe(0);
    expect((await row(k, 'review')).nextCheckAt).toEqual(new Date(moved.getTime() + 24 * H));
    h.clock.advanceHours(23);
    expect(await sweep()).toBe(1);
    expect(stepsOf(k)).toEqual(['review#0:1:head', 'review#0:2:boss']);
  });

  it('starts a new round when a stage is started again, and escalates it again', async () => {
    const k = key();
    await startStages(db(), k, [{ stage: 'review', unit: 'hours', dueAt: inHours(1), targetAt: null }]);
    h.clock.advanceHours(2);
    expect(await sweep()).toBe(1);
    await startStages(db(), k, [{ stage: 'review', unit: 'hours', dueAt: inHours(1), targetAt: null }]);
    const again = await row(k, 'review');
    expect([again.round, again.escalationStep, again.metAt]).toEqual([1, 0, null]);
    h.clock.advanceHours(2);
    expect(await sweep()).toBe(1);
    expect(stepsOf(k)).toEqual(['review#0:1:head', 'review#1:1:head']);
  });

  it('stops checking a deadline no installed module handles', async () => {
    await closeAll();
    const k = { ...key(), module: 'gone' };
    await startStages(db(), k, [{ stage: 'review', unit: 'hours', dueAt: inHours(1), targetAt: null }]);
    h.clock.advanceHours(2);
    expect(await sweep()).toBe(0);
    expect((await row(k, 'review')).nextCheckAt).toBeNull();
  });
});
