// Coaching (pendampingan): a mentor region runs a programme for a cohort of
// pilot regions, with goals per pilot (an SPBE index target read against the
// pilot's own SPBE data through the platform's measures, or a free-text
// goal), a plan of sessions, tasks, notes and evidence. Every row belongs to
// the mentor region. Who reaches what:
// - the mentor region's officer or admin: its programmes and all their pilots;
// - a pilot region's coordinator (or its officer or admin): its own pilot
//   record only, once the programme is no longer a draft; it marks its tasks
//   and its text goals, adds notes and evidence, and deletes the evidence its
//   own region uploaded (the mentor region deletes any);
// - a province's curator: the progress of the pilots in its province.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { can, type Actor } from '../../../platform/auth/policy.js';
import { queryRows, type Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { audit, changedFields } from '../../../platform/audit/audit.js';
import { checkUploads, type Upload } from '../../../platform/files.js';
import { findMeasure, readMeasure } from '../../../platform/modules/measures.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { getRegion } from '../../../platform/regions/service.js';
import { areas, regions } from '../../../platform/schema.js';
import {
  livinglabCoachingFiles as files, livinglabCoachingNotes as notes, livinglabCoachingPilots as pilots, livinglabCoachingProgrammes as programmes,
  livinglabCoachingSessions as sessions, livinglabCoachingTasks as tasks, livinglabSolutions,
} from '../schema.js';
import { COACHING_FILE_MAX_BYTES, COACHING_FILE_TYPES, goalPercent, indexYears, type CoachingGoal, type ProgrammeStatus } from '../domain/coaching.js';
import { curates } from './curation.js';

export interface ProgrammeInput {
  title: string; purpose: string; solutionIds: string[]; startDate: string; endDate: string; status: ProgrammeStatus; pilotRegions: string[];
}
export interface SessionInput { date: string; topic: string; mode: 'online' | 'onsite'; place: string; attendance: string }

type PilotRow = typeof pilots.$inferSelect;
type ProgrammeRow = typeof programmes.$inferSelect;
/** Which side of a pilot record a request is on. */
type Side = 'mentor' | 'pilot';

export const coachingFilePolicy = { types: COACHING_FILE_TYPES, maxBytes: COACHING_FILE_MAX_BYTES, maxFiles: 1, typeError: 'livinglab.coaching_file_type' } as const;

// ---- reaching records ----

async function ownProgramme(tx: Queryable, mentorRegion: string, id: string, lock = false): Promise<ProgrammeRow> {
  const q = tx.select().from(programmes).where(and(eq(programmes.regionCode, mentorRegion), eq(programmes.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('livinglab.coaching_programme_not_found');
  return row;
}

/**
 * The pilot record a request in `region` reaches: as the mentor region (its
 * officer or admin) or as the pilot region (once the programme is under
 * way). Anyone else is told it does not exist.
 */
async function reachPilot(tx: Queryable, actor: Actor, region: string, pilotId: string, lock = false) {
  const q = tx.select({ pilot: pilots, programme: programmes }).from(pilots)
    .innerJoin(programmes, and(eq(programmes.regionCode, pilots.regionCode), eq(programmes.id, pilots.programmeId)))
    .where(and(eq(pilots.id, pilotId), sql`(${pilots.regionCode} = ${region} or ${pilots.pilotRegion} = ${region})`));
  const [row] = lock ? await q.for('update', { of: pilots }) : await q;
  if (row && row.pilot.regionCode === region && can(actor, 'livinglab.coaching.manage', region)) return { ...row, side: 'mentor' as Side };
  if (row && row.pilot.pilotRegion === region && row.programme.status !== 'draft' && can(actor, 'livinglab.coaching.take_part', region)) return { ...row, side: 'pilot' as Side };
  throw new AppError('livinglab.coaching_pilot_not_found');
}

async function mentorPilot(tx: Queryable, actor: Actor, region: string, pilotId: string, lock = false) {
  const reached = await reachPilot(tx, actor, region, pilotId, lock);
  if (reached.side !== 'mentor') throw new AppError('livinglab.coaching_mentor_only');
  return reached;
}

/** Written in the mentor region's log, and in the pilot region's too when the pilot acted. */
async function auditBoth(tx: Queryable, now: Date, actor: Actor, pilot: PilotRow, side: Side, action: Parameters<typeof audit>[4], entityId: string, detail: Record<string, unknown>) {
  await audit(tx, now, actor, pilot.regionCode, action, 'coaching_pilot', entityId, { ...detail, pilotRegion: pilot.pilotRegion });
  if (side === 'pilot') await audit(tx, now, actor, pilot.pilotRegion, action, 'coaching_pilot', entityId, { ...detail, mentorRegion: pilot.regionCode });
}

// ---- programmes (the mentor region) ----

async function checkProgramme(tx: Queryable, mentorRegion: string, input: ProgrammeInput) {
  const wanted = [...new Set(input.pilotRegions)];
  if (wanted.includes(mentorRegion)) throw new AppError('livinglab.coaching_own_region');
  const found = wanted.length ? await tx.select({ code: regions.code }).from(regions).where(inArray(regions.code, wanted)) : [];
  const unknown = wanted.filter((c) => !found.some((f) => f.code === c));
  if (unknown.length) throw new AppError('livinglab.coaching_region_unknown', { regions: unknown });
  const solutionIds = [...new Set(input.solutionIds)];
  const published = solutionIds.length ? await tx.select({ id: livinglabSolutions.id }).from(livinglabSolutions)
    .where(and(eq(livinglabSolutions.regionCode, mentorRegion), inArray(livinglabSolutions.id, solutionIds), sql`${livinglabSolutions.latestVersion} is not null`)) : [];
  const notOurs = solutionIds.filter((id) => !published.some((p) => p.id === id));
  if (notOurs.length) throw new AppError('livinglab.coaching_solution_unknown', { solutions: notOurs });
  return { pilotRegions: wanted, solutionIds };
}

const programmeValues = (input: ProgrammeInput, solutionIds: string[]) => ({
  title: input.title, purpose: input.purpose, solutionIds, startDate: input.startDate, endDate: input.endDate, status: input.status,
});

export async function createProgramme(ctx: AppContext, mentorRegion: string, actor: Actor, input: ProgrammeInput): Promise<string> {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const checked = await checkProgramme(tx, mentorRegion, input);
    const [row] = await tx.insert(programmes).values({ regionCode: mentorRegion, ...programmeValues(input, checked.solutionIds), createdAt: now, updatedAt: now, updatedBy: actor.userId })
      .returning({ id: programmes.id });
    if (checked.pilotRegions.length) {
      await tx.insert(pilots).values(checked.pilotRegions.map((pilotRegion) => ({ regionCode: mentorRegion, programmeId: row.id, pilotRegion, createdAt: now })));
    }
    await audit(tx, now, actor, mentorRegion, 'livinglab.coaching_programme_create', 'coaching_programme', row.id, { title: input.title, pilots: checked.pilotRegions });
    return row.id;
  });
}

/** Changes a programme; pilots left out of the cohort are removed, unless work was recorded with them. */
export async function updateProgramme(ctx: AppContext, mentorRegion: string, actor: Actor, id: string, input: ProgrammeInput): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const before = await ownProgramme(tx, mentorRegion, id, true);
    const checked = await checkProgramme(tx, mentorRegion, input);
    const current = await tx.select({ id: pilots.id, pilotRegion: pilots.pilotRegion }).from(pilots).where(and(eq(pilots.regionCode, mentorRegion), eq(pilots.programmeId, id)));
    const leaving = current.filter((p) => !checked.pilotRegions.includes(p.pilotRegion));
    for (const p of leaving) {
      const [{ n }] = await queryRows<{ n: number }>(tx, sql`select (
        (select count(*) from livinglab_coaching_tasks t where t.region_code = ${mentorRegion} and t.pilot_id = ${p.id})
        + (select count(*) from livinglab_coaching_sessions s where s.region_code = ${mentorRegion} and s.pilot_id = ${p.id})
        + (select count(*) from livinglab_coaching_notes n where n.region_code = ${mentorRegion} and n.pilot_id = ${p.id})
        + (select count(*) from livinglab_coaching_files f where f.region_code = ${mentorRegion} and f.pilot_id = ${p.id}))::int as n`);
      if (n > 0) throw new AppError('livinglab.coaching_pilot_has_records', { regions: [p.pilotRegion] });
    }
    if (leaving.length) await tx.delete(pilots).where(and(eq(pilots.regionCode, mentorRegion), inArray(pilots.id, leaving.map((p) => p.id))));
    const joining = checked.pilotRegions.filter((c) => !current.some((p) => p.pilotRegion === c));
    if (joining.length) await tx.insert(pilots).values(joining.map((pilotRegion) => ({ regionCode: mentorRegion, programmeId: id, pilotRegion, createdAt: now })));
    const values = programmeValues(input, checked.solutionIds);
    await tx.update(programmes).set({ ...values, updatedAt: now, updatedBy: actor.userId }).where(and(eq(programmes.regionCode, mentorRegion), eq(programmes.id, id)));
    const pick = (r: Record<string, unknown>) => Object.fromEntries(Object.keys(values).map((k) => [k, r[k]]));
    await audit(tx, now, actor, mentorRegion, 'livinglab.coaching_programme_update', 'coaching_programme', id,
      { title: input.title, joined: joining, left: leaving.map((p) => p.pilotRegion) }, changedFields(pick(before), pick(values)));
  });
}

async function regionNames(db: Queryable, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (!unique.length) return new Map();
  return new Map((await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, unique))).map((a) => [a.code, a.name]));
}

/** The region's programmes as mentor (when its person may manage them) and those it takes part in as a pilot. */
export async function listProgrammes(ctx: AppContext, region: string, actor: Actor) {
  const db = ctx.database.db;
  const mentoring = can(actor, 'livinglab.coaching.manage', region)
    ? await db.select({
      id: programmes.id, title: programmes.title, status: programmes.status, startDate: programmes.startDate, endDate: programmes.endDate,
      pilots: sql<number>`(select count(*)::int from livinglab_coaching_pilots p where p.region_code = livinglab_coaching_programmes.region_code and p.programme_id = livinglab_coaching_programmes.id)`,
    }).from(programmes).where(eq(programmes.regionCode, region)).orderBy(desc(programmes.startDate), asc(programmes.title))
    : [];
  const piloting = await db.select({
    pilotId: pilots.id, programmeId: programmes.id, mentorRegion: programmes.regionCode, title: programmes.title, status: programmes.status, startDate: programmes.startDate, endDate: programmes.endDate,
  }).from(pilots).innerJoin(programmes, and(eq(programmes.regionCode, pilots.regionCode), eq(programmes.id, pilots.programmeId)))
    .where(and(eq(pilots.pilotRegion, region), sql`${programmes.status} <> 'draft'`)).orderBy(desc(programmes.startDate));
  const names = await regionNames(db, piloting.map((p) => p.mentorRegion));
  return { mentoring, piloting: piloting.map((p) => ({ ...p, mentorRegionName: names.get(p.mentorRegion) ?? p.mentorRegion })) };
}

async function solutionRefs(db: Queryable, mentorRegion: string, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: livinglabSolutions.id, title: livinglabSolutions.title }).from(livinglabSolutions)
    .where(and(eq(livinglabSolutions.regionCode, mentorRegion), inArray(livinglabSolutions.id, ids))).orderBy(asc(livinglabSolutions.title));
}

const programmeHead = async (db: Queryable, row: ProgrammeRow) => ({
  id: row.id, mentorRegion: row.regionCode, mentorRegionName: (await regionNames(db, [row.regionCode])).get(row.regionCode) ?? row.regionCode,
  title: row.title, purpose: row.purpose, startDate: row.startDate, endDate: row.endDate, status: row.status,
  solutions: await solutionRefs(db, row.regionCode, row.solutionIds),
});

/** A programme with its cohort's progress: the mentor region's view. */
export async function programmeDetail(ctx: AppContext, mentorRegion: string, id: string) {
  const db = ctx.database.db;
  const row = await ownProgramme(db, mentorRegion, id);
  return { ...(await programmeHead(db, row)), pilots: await cohortProgress(ctx, row, undefined) };
}

// ---- progress ----

/** Each goal with what it measures: an SPBE target's baseline, latest figure and percentage. */
async function goalsWithProgress(ctx: AppContext, programme: ProgrammeRow, pilot: PilotRow, today: string) {
  const index = findMeasure('spbe.index');
  const years = indexYears(programme.startDate, today);
  const cache = new Map<number, Promise<string | null>>();
  const read = (year: number) => {
    if (!index) return Promise.resolve(null);
    if (!cache.has(year)) cache.set(year, readMeasure(ctx, index.measure, pilot.pilotRegion, { kind: 'year', year, fromMonth: `${year}-01`, toMonth: `${year}-12` }));
    return cache.get(year)!;
  };
  const first = async (list: number[]) => {
    for (const year of list) {
      const value = await read(year);
      if (value !== null) return { year, value };
    }
    return null;
  };
  const hasIndexGoal = pilot.goals.some((g) => g.kind === 'spbe_index');
  const baseline = hasIndexGoal ? await first(years.baseline) : null;
  const latest = hasIndexGoal ? await first(years.latest) : null;
  return pilot.goals.map((g) => (g.kind === 'spbe_index'
    ? { ...g, baseline, latest, percent: goalPercent(baseline?.value ?? null, latest?.value ?? null, g.target), reached: latest !== null && Number(latest.value) >= Number(g.target) }
    : { ...g, baseline: null, latest: null, percent: g.done ? 100 : 0, reached: g.done }));
}

async function pilotCounts(db: Queryable, mentorRegion: string, pilotIds: string[], today: string) {
  if (!pilotIds.length) return new Map<string, { tasksDone: number; tasksTotal: number; sessionsHeld: number; sessionsPlanned: number }>();
  const taskRows = await db.select({ pilotId: tasks.pilotId, total: sql<number>`count(*)::int`, done: sql<number>`(count(*) filter (where ${tasks.status} = 'done'))::int` })
    .from(tasks).where(and(eq(tasks.regionCode, mentorRegion), inArray(tasks.pilotId, pilotIds))).groupBy(tasks.pilotId);
  const sessionRows = await db.select({ pilotId: sessions.pilotId, total: sql<number>`count(*)::int`, held: sql<number>`(count(*) filter (where ${sessions.date} <= ${today}))::int` })
    .from(sessions).where(and(eq(sessions.regionCode, mentorRegion), inArray(sessions.pilotId, pilotIds))).groupBy(sessions.pilotId);
  return new Map(pilotIds.map((id) => {
    const t = taskRows.find((r) => r.pilotId === id);
    const s = sessionRows.find((r) => r.pilotId === id);
    return [id, { tasksDone: t?.done ?? 0, tasksTotal: t?.total ?? 0, sessionsHeld: s?.held ?? 0, sessionsPlanned: s?.total ?? 0 }];
  }));
}

/** The cohort's table: per pilot, its goals' progress, tasks done of all, sessions held. `only` keeps the pilots a province curates. */
async function cohortProgress(ctx: AppContext, programme: ProgrammeRow, only: ((pilotRegion: string) => boolean) | undefined) {
  const db = ctx.database.db;
  const today = localDateOf(ctx.clock.now(), await getRegion(db, programme.regionCode));
  const rows = (await db.select().from(pilots).where(and(eq(pilots.regionCode, programme.regionCode), eq(pilots.programmeId, programme.id))).orderBy(asc(pilots.pilotRegion)))
    .filter((p) => !only || only(p.pilotRegion));
  const names = await regionNames(db, rows.map((p) => p.pilotRegion));
  const counts = await pilotCounts(db, programme.regionCode, rows.map((p) => p.id), today);
  return Promise.all(rows.map(async (p) => ({
    id: p.id, regionCode: p.pilotRegion, regionName: names.get(p.pilotRegion) ?? p.pilotRegion,
    goals: await goalsWithProgress(ctx, programme, p, today), ...counts.get(p.id)!,
  })));
}

/** The province's view: every programme under way with pilots in the province, and those pilots' progress. */
export async function provinceProgress(ctx: AppContext, province: string) {
  const db = ctx.database.db;
  const rows = await db.selectDistinct({ programme: programmes }).from(programmes)
    .innerJoin(pilots, and(eq(pilots.regionCode, programmes.regionCode), eq(pilots.programmeId, programmes.id)))
    .where(and(sql`${programmes.status} <> 'draft'`, sql`(${pilots.pilotRegion} = ${province} or ${pilots.pilotRegion} like ${`${province}.%`})`));
  const list = rows.map((r) => r.programme).sort((a, b) => b.startDate.localeCompare(a.startDate) || a.title.localeCompare(b.title));
  return Promise.all(list.map(async (row) => ({ ...(await programmeHead(db, row)), pilots: await cohortProgress(ctx, row, (code) => curates(province, code)) })));
}

// ---- one pilot ----

/** One pilot's record: goals with progress, tasks, sessions, notes and evidence. The mentor and the pilot itself read it. */
export async function pilotDetail(ctx: AppContext, region: string, actor: Actor, pilotId: string) {
  const db = ctx.database.db;
  const { pilot, programme, side } = await reachPilot(db, actor, region, pilotId);
  const mentorRegion = pilot.regionCode;
  const today = localDateOf(ctx.clock.now(), await getRegion(db, mentorRegion));
  const names = await regionNames(db, [pilot.pilotRegion]);
  const of = <T extends typeof tasks | typeof sessions | typeof notes | typeof files>(t: T) => and(eq(t.regionCode, mentorRegion), eq(t.pilotId, pilotId));
  const counts = (await pilotCounts(db, mentorRegion, [pilotId], today)).get(pilotId)!;
  return {
    id: pilot.id, side, regionCode: pilot.pilotRegion, regionName: names.get(pilot.pilotRegion) ?? pilot.pilotRegion,
    programme: await programmeHead(db, programme),
    goals: await goalsWithProgress(ctx, programme, pilot, today), ...counts,
    tasks: await db.select({ id: tasks.id, title: tasks.title, dueDate: tasks.dueDate, status: tasks.status, doneAt: tasks.doneAt }).from(tasks).where(of(tasks))
      .orderBy(sql`${tasks.status} = 'done'`, sql`${tasks.dueDate} nulls last`, asc(tasks.createdAt)),
    sessions: (await db.select({ id: sessions.id, date: sessions.date, topic: sessions.topic, mode: sessions.mode, place: sessions.place, attendance: sessions.attendance })
      .from(sessions).where(of(sessions)).orderBy(asc(sessions.date))).map((s) => ({ ...s, held: s.date <= today })),
    notes: await db.select({ id: notes.id, authorRegion: notes.authorRegion, body: notes.body, createdAt: notes.createdAt }).from(notes).where(of(notes)).orderBy(desc(notes.createdAt)),
    files: await db.select({ id: files.id, authorRegion: files.authorRegion, title: files.title, fileName: files.fileName, contentType: files.contentType, size: files.size, uploadedAt: files.uploadedAt })
      .from(files).where(of(files)).orderBy(desc(files.uploadedAt)),
  };
}

export async function setGoals(ctx: AppContext, region: string, actor: Actor, pilotId: string, goals: CoachingGoal[]): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const { pilot } = await mentorPilot(tx, actor, region, pilotId, true);
    await tx.update(pilots).set({ goals }).where(and(eq(pilots.regionCode, region), eq(pilots.id, pilotId)));
    await audit(tx, ctx.clock.now(), actor, region, 'livinglab.coaching_goals', 'coaching_pilot', pilotId, { pilotRegion: pilot.pilotRegion }, { before: { goals: pilot.goals }, after: { goals } });
  });
}

/**
 * Marks a text goal done (or not done again): the mentor region, or the pilot
 * region on its own record. An SPBE index goal is computed from the pilot's
 * SPBE data and is never marked by hand. Goals are addressed by position, so
 * the caller also sends the goal's text as it saw it: when the goal at that
 * position no longer has that text (the mentor edited or reordered the goals
 * meanwhile), nothing is marked.
 */
export async function setGoalDone(ctx: AppContext, region: string, actor: Actor, pilotId: string, index: number, seenText: string, done: boolean): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const { pilot, side } = await reachPilot(tx, actor, region, pilotId, true);
    const goal = pilot.goals[index];
    if (!goal) throw new AppError('livinglab.coaching_goal_not_found');
    if (goal.kind !== 'text') throw new AppError('livinglab.coaching_goal_computed');
    if (goal.text !== seenText) throw new AppError('livinglab.coaching_goal_changed');
    if (goal.done === done) return;
    const goals = pilot.goals.map((g, i) => (i === index ? { ...goal, done } : g));
    await tx.update(pilots).set({ goals }).where(and(eq(pilots.regionCode, pilot.regionCode), eq(pilots.id, pilotId)));
    await auditBoth(tx, ctx.clock.now(), actor, pilot, side, 'livinglab.coaching_goal_done', pilotId, { goal: goal.text, done });
  });
}

export async function addTask(ctx: AppContext, region: string, actor: Actor, pilotId: string, input: { title: string; dueDate: string | null }): Promise<string> {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { pilot } = await mentorPilot(tx, actor, region, pilotId, true);
    const [row] = await tx.insert(tasks).values({ regionCode: region, pilotId, title: input.title, dueDate: input.dueDate, status: 'open', createdAt: now }).returning({ id: tasks.id });
    await audit(tx, now, actor, region, 'livinglab.coaching_task_add', 'coaching_pilot', pilotId, { pilotRegion: pilot.pilotRegion, task: input.title });
    return row.id;
  });
}

export async function deleteTask(ctx: AppContext, region: string, actor: Actor, pilotId: string, taskId: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const { pilot } = await mentorPilot(tx, actor, region, pilotId, true);
    const [gone] = await tx.delete(tasks).where(and(eq(tasks.regionCode, region), eq(tasks.pilotId, pilotId), eq(tasks.id, taskId))).returning({ title: tasks.title });
    if (!gone) throw new AppError('livinglab.coaching_task_not_found');
    await audit(tx, ctx.clock.now(), actor, region, 'livinglab.coaching_task_delete', 'coaching_pilot', pilotId, { pilotRegion: pilot.pilotRegion, task: gone.title });
  });
}

/** The mentor or the pilot marks a task done (or open again). */
export async function setTaskStatus(ctx: AppContext, region: string, actor: Actor, pilotId: string, taskId: string, status: 'open' | 'done'): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { pilot, side } = await reachPilot(tx, actor, region, pilotId, true);
    const where = and(eq(tasks.regionCode, pilot.regionCode), eq(tasks.pilotId, pilotId), eq(tasks.id, taskId));
    const [task] = await tx.select().from(tasks).where(where).for('update');
    if (!task) throw new AppError('livinglab.coaching_task_not_found');
    if (task.status === status) return;
    await tx.update(tasks).set(status === 'done' ? { status, doneAt: now, doneBy: actor.userId } : { status, doneAt: null, doneBy: null }).where(where);
    await auditBoth(tx, now, actor, pilot, side, 'livinglab.coaching_task_status', pilotId, { task: task.title, status });
  });
}

export async function saveSession(ctx: AppContext, region: string, actor: Actor, pilotId: string, input: SessionInput, sessionId?: string): Promise<string> {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { pilot } = await mentorPilot(tx, actor, region, pilotId, true);
    const values = { ...input, updatedAt: now, updatedBy: actor.userId };
    if (!sessionId) {
      const [row] = await tx.insert(sessions).values({ regionCode: region, pilotId, ...values }).returning({ id: sessions.id });
      await audit(tx, now, actor, region, 'livinglab.coaching_session', 'coaching_pilot', pilotId, { pilotRegion: pilot.pilotRegion, session: input.topic, date: input.date });
      return row.id;
    }
    const where = and(eq(sessions.regionCode, region), eq(sessions.pilotId, pilotId), eq(sessions.id, sessionId));
    const [before] = await tx.select().from(sessions).where(where).for('update');
    if (!before) throw new AppError('livinglab.coaching_session_not_found');
    await tx.update(sessions).set(values).where(where);
    const pick = (r: Record<string, unknown>) => Object.fromEntries(Object.keys(input).map((k) => [k, r[k]]));
    await audit(tx, now, actor, region, 'livinglab.coaching_session', 'coaching_pilot', pilotId, { pilotRegion: pilot.pilotRegion, session: input.topic }, changedFields(pick(before), pick(input as unknown as Record<string, unknown>)));
    return sessionId;
  });
}

export async function deleteSession(ctx: AppContext, region: string, actor: Actor, pilotId: string, sessionId: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const { pilot } = await mentorPilot(tx, actor, region, pilotId, true);
    const [gone] = await tx.delete(sessions).where(and(eq(sessions.regionCode, region), eq(sessions.pilotId, pilotId), eq(sessions.id, sessionId))).returning({ topic: sessions.topic });
    if (!gone) throw new AppError('livinglab.coaching_session_not_found');
    await audit(tx, ctx.clock.now(), actor, region, 'livinglab.coaching_session_delete', 'coaching_pilot', pilotId, { pilotRegion: pilot.pilotRegion, session: gone.topic });
  });
}

export async function addNote(ctx: AppContext, region: string, actor: Actor, pilotId: string, body: string): Promise<string> {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { pilot, side } = await reachPilot(tx, actor, region, pilotId, true);
    const [row] = await tx.insert(notes).values({ regionCode: pilot.regionCode, pilotId, authorRegion: region, body, createdAt: now, createdBy: actor.userId }).returning({ id: notes.id });
    await auditBoth(tx, now, actor, pilot, side, 'livinglab.coaching_note', pilotId, { note: body.slice(0, 200) });
    return row.id;
  });
}

export async function addFile(ctx: AppContext, region: string, actor: Actor, pilotId: string, part: { title: string }, uploads: Upload[]): Promise<string> {
  if (uploads.length !== 1) throw new AppError('livinglab.coaching_file_missing');
  const [file] = await checkUploads(uploads, coachingFilePolicy);
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { pilot, side } = await reachPilot(tx, actor, region, pilotId, true);
    const [row] = await tx.insert(files).values({
      regionCode: pilot.regionCode, pilotId, authorRegion: region, title: part.title, fileName: file.fileName, contentType: file.contentType, size: file.data.length, data: file.data, uploadedAt: now, uploadedBy: actor.userId,
    }).returning({ id: files.id });
    await auditBoth(tx, now, actor, pilot, side, 'livinglab.coaching_file', pilotId, { file: file.fileName });
    return row.id;
  });
}

/**
 * Deletes a piece of evidence, its bytes with it (they live in the row). The
 * mentor region deletes any; the pilot region only what its own region
 * uploaded.
 */
export async function deleteFile(ctx: AppContext, region: string, actor: Actor, pilotId: string, fileId: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const { pilot, side } = await reachPilot(tx, actor, region, pilotId, true);
    const where = and(eq(files.regionCode, pilot.regionCode), eq(files.pilotId, pilotId), eq(files.id, fileId));
    const [row] = await tx.select({ authorRegion: files.authorRegion, title: files.title, fileName: files.fileName }).from(files).where(where).for('update');
    if (!row) throw new AppError('file.not_found');
    if (side === 'pilot' && row.authorRegion !== region) throw new AppError('livinglab.coaching_file_not_yours');
    await tx.delete(files).where(where);
    await auditBoth(tx, ctx.clock.now(), actor, pilot, side, 'livinglab.coaching_file_delete', pilotId, { file: row.fileName, title: row.title, uploadedBy: row.authorRegion });
  });
}

export async function readFile(ctx: AppContext, region: string, actor: Actor, pilotId: string, fileId: string) {
  const db = ctx.database.db;
  const { pilot } = await reachPilot(db, actor, region, pilotId);
  const [row] = await db.select({ fileName: files.fileName, contentType: files.contentType, data: files.data }).from(files)
    .where(and(eq(files.regionCode, pilot.regionCode), eq(files.pilotId, pilotId), eq(files.id, fileId)));
  if (!row) throw new AppError('file.not_found');
  return row;
}
