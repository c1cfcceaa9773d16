// The deadline sweep: overdue stages climb their escalation ladder.
// Runs from the database: rows are claimed with FOR UPDATE SKIP LOCKED (safe
// with several workers; on PGlite's single connection, transactions simply
// take turns), each step is a primary-keyed row (never twice), and the next
// check time is stored (survives restarts).
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { DeadlineHandler, EscalationRung, EscalationStep, StageDeadline } from '../modules/contract.js';
import { modules } from '../modules/registry.js';
import { stageDeadlines, stageEscalations } from '../schema.js';

const HOUR = 3_600_000;

interface DueRow { region_code: string; module: string; record_type: string; record_id: string; stage: string; round: number; escalation_step: number; due_at: Date | string }

/** The stages due for a check (of the `only` modules, when given), oldest first, claimed by this sweep (through the partial index on next_check_at). */
export const dueStages = (now: Date, batch: number, only?: readonly string[]) =>
  sql`select region_code, module, record_type, record_id, stage, round, escalation_step, due_at from stage_deadlines
      where next_check_at is not null and next_check_at <= ${now}${only ? sql` and module = any(${`{${only.join(',')}}`}::text[])` : sql``}
      order by next_check_at limit ${batch} for update skip locked`;

const handlerKey = (module: string, recordType: string) => `${module}/${recordType}`;

/** Every installed module's deadline handlers, by module and record type. */
export function deadlineHandlers(): Map<string, DeadlineHandler> {
  return new Map(modules().flatMap((m) => Object.entries(m.deadlines ?? {}).map(([type, h]) => [handlerKey(m.name, type), h] as const)));
}

/**
 * Takes the next escalation step of up to `batch` due stages, in one
 * transaction with what the modules do about them; returns how many steps
 * were taken. Rung k fires `ladder[k-1].afterHours` after the deadline.
 * `only` limits the sweep to some modules' stages: a module's tests move the
 * clock past other modules' demo deadlines and count their own steps.
 */
export async function sweepDeadlines(ctx: AppContext, batch = 200, handlers = deadlineHandlers(), only?: readonly string[]): Promise<number> {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const due = await ctx.database.rows<DueRow>(dueStages(now, batch, only), tx);
    const taken = new Map<string, EscalationStep[]>();
    const ladders = new Map<string, Promise<readonly EscalationRung[]>>();
    for (const r of due) {
      const deadline: StageDeadline = {
        regionCode: r.region_code, module: r.module, recordType: r.record_type, recordId: r.record_id,
        stage: r.stage, round: r.round, dueAt: new Date(r.due_at), escalationStep: r.escalation_step,
      };
      const key = and(
        eq(stageDeadlines.regionCode, r.region_code), eq(stageDeadlines.module, r.module), eq(stageDeadlines.recordType, r.record_type),
        eq(stageDeadlines.recordId, r.record_id), eq(stageDeadlines.stage, r.stage),
      );
      const handler = handlers.get(handlerKey(r.module, r.record_type));
      const ladderKey = `${handlerKey(r.module, r.record_type)}/${r.region_code}/${r.stage}`;
      if (handler && !ladders.has(ladderKey)) ladders.set(ladderKey, handler.ladder(tx, { regionCode: r.region_code, stage: r.stage }));
      const ladder = handler ? await ladders.get(ladderKey)! : [];
      const step = r.escalation_step + 1;
      const rung = ladder[step - 1];
      const at = (i: number) => new Date(deadline.dueAt.getTime() + ladder[i].afterHours * HOUR);
      // No rung left (or no module to handle it any more): nothing to check again.
      if (!handler || !rung) {
        await tx.update(stageDeadlines).set({ nextCheckAt: null }).where(key);
        continue;
      }
      if (at(step - 1) > now) {
        await tx.update(stageDeadlines).set({ nextCheckAt: at(step - 1) }).where(key);
        continue;
      }
      await tx.update(stageDeadlines).set({ escalationStep: step, nextCheckAt: ladder[step] ? at(step) : null }).where(key);
      const inserted = await tx.insert(stageEscalations)
        .values({ regionCode: r.region_code, module: r.module, recordType: r.record_type, recordId: r.record_id, stage: r.stage, round: r.round, step, rung, at: now })
        .onConflictDoNothing()
        .returning({ step: stageEscalations.step });
      if (inserted.length === 0) continue;
      const list = taken.get(handlerKey(r.module, r.record_type)) ?? [];
      list.push({ deadline: { ...deadline, escalationStep: step }, step, rung, at: now });
      taken.set(handlerKey(r.module, r.record_type), list);
    }
    let steps = 0;
    for (const [key, list] of taken) {
      await handlers.get(key)!.onEscalate(tx, list, ctx);
      steps += list.length;
    }
    return steps;
  });
}
