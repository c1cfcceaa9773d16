// The showcase's year of complaints, as a pure simulation: each complaint is
// filed, verified, handled, rated or reopened by the same rules the use cases
// apply (status machine, SLA arithmetic on the region's working-day calendar,
// the escalation ladder of the SLA sweep), and nothing happens after `now`.
// The result is the rows the live code would have left behind; showcase.ts
// writes them in bulk.
import type { Question } from '../modules/complaints/domain/questions.js';
import { nextStatus, type Action, type RejectionReason, type Status } from '../modules/complaints/domain/status.js';
import { deadlinesFor, type SlaRule, type SlaStage } from '../modules/complaints/domain/sla.js';
import { isWorkingDay, localDateOf, type WorkCalendar } from '../platform/calendar/calendar.js';
import { newTrackingCode } from '../modules/complaints/domain/tracking.js';
import type { complaintEvents, complaints } from '../modules/complaints/schema.js';
import type { stageDeadlines, stageEscalations } from '../platform/schema.js';
import type { ComplaintSettings } from '../modules/complaints/settings.js';
import type { Rng } from './random.js';
import { categoryTexts, dispatchNotes, durations, fill, landmarks, otherTexts, ratingComments, rejections, reporterNames } from './showcase-texts.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type ComplaintRow = typeof complaints.$inferInsert & { id: string; trackingCode: string };
export type EventRow = typeof complaintEvents.$inferInsert;
export type DeadlineRow = typeof stageDeadlines.$inferInsert;
export type EscalationRow = typeof stageEscalations.$inferInsert;

export interface PlanCategory { id: string; code: string; nameId: string; unitId: string; unitName: string; questions: Question[] }
export interface PlanDistrict { code: string; name: string; villages: { code: string; name: string; kind: string }[] }
export interface Actor { userId: string | null; label: string }

/** How a region's administration performs: the differences the dashboards and the comparison show. */
export interface Pace {
  /** Complaints a month at the end of the year (the year starts at about half). */
  perMonth: number;
  /** Mean hours from dispatch to the first response. */
  responseHours: number;
  /** Share of first responses that slip by days. */
  lateResponse: number;
  /** Multiplies the working days a fix takes. */
  resolutionSpeed: number;
  /** Share of recent complaints left unhandled at one stage (what makes work overdue now). */
  stuck: number;
}

export interface PlanInput {
  regionCode: string;
  now: Date;
  calendar: WorkCalendar;
  rules: (categoryId: string) => Record<SlaStage, SlaRule>;
  settings: Pick<ComplaintSettings, 'escalation' | 'reopenWindowDays'>;
  categories: PlanCategory[];
  districts: PlanDistrict[];
  pace: Pace;
  coordinator: Actor;
  counter: Actor;
  officer: (unitId: string) => Actor;
  /** Tracking codes already taken (shared across regions, filled as codes are made). */
  taken: Set<string>;
  rng: Rng;
}

export interface PlannedComplaint { row: ComplaintRow; events: EventRow[]; deadlines: DeadlineRow[]; escalations: EscalationRow[] }

/** How often each demo category is reported, and in the rainy season (November to April). */
const frequency: Record<string, { dry: number; rainy: number }> = {
  'jalan-rusak': { dry: 18, rainy: 28 }, jembatan: { dry: 3, rainy: 5 }, drainase: { dry: 6, rainy: 18 }, sampah: { dry: 16, rainy: 16 },
  pju: { dry: 12, rainy: 12 }, 'layanan-kesehatan': { dry: 10, rainy: 10 }, perizinan: { dry: 8, rainy: 8 }, sekolah: { dry: 8, rainy: 6 },
};
/** Typical working days a fix takes. */
const fixDays: Record<string, number> = {
  'jalan-rusak': 7, jembatan: 12, drainase: 5, sampah: 2, pju: 3, 'layanan-kesehatan': 4, perizinan: 5, sekolah: 6,
};

/** One complaint's life, step by step, through the same transitions and deadline rules as the use cases. */
class Life {
  readonly events: EventRow[] = [];
  readonly escalations: EscalationRow[] = [];
  readonly deadlines = new Map<SlaStage, DeadlineRow & { dueAt: Date; metAt: Date | null; round: number; escalationStep: number; nextCheckAt: Date | null }>();
  /** False once a step would fall after `now`: the complaint stays where it is. */
  live = true;

  constructor(readonly row: ComplaintRow, private readonly input: PlanInput) {}

  private get status() {
    return this.row.status as Status;
  }

  /** Runs the SLA sweep up to `until`, as the worker would have. */
  private sweep(until: Date) {
    const ladder = this.input.settings.escalation;
    for (;;) {
      const due = [...this.deadlines.entries()].filter(([, d]) => d.nextCheckAt && d.nextCheckAt <= until)
        .sort(([, a], [, b]) => a.nextCheckAt!.getTime() - b.nextCheckAt!.getTime())[0];
      if (!due) return;
      const [stage, d] = due;
      const at = d.nextCheckAt!;
      const step = d.escalationStep + 1;
      const rung = ladder[step - 1];
      // As the platform's sweep: rung k fires its delay after the deadline, and the ladder ends.
      const fireAt = rung && new Date(d.dueAt.getTime() + rung.afterHours * HOUR);
      if (!rung || fireAt > at) {
        d.nextCheckAt = rung ? fireAt : null;
        continue;
      }
      const following = ladder[step];
      d.escalationStep = step;
      d.nextCheckAt = following ? new Date(d.dueAt.getTime() + following.afterHours * HOUR) : null;
      this.escalations.push({ regionCode: this.row.regionCode, module: 'complaints', recordType: 'complaint', recordId: this.row.id, stage, round: d.round, step, rung, at });
      this.row.escalationLevel = Math.max(this.row.escalationLevel ?? 0, step);
      this.row.escalatedOpen = true;
      this.row.updatedAt = at;
      this.event(at, 'escalated', { userId: null, label: 'sistem' }, null, { stage, step, role: rung.role, dueAt: d.dueAt.toISOString() });
    }
  }

  private event(at: Date, kind: string, actor: Actor, message: string | null, detail: Record<string, unknown> = {}, isPublic = true) {
    this.events.push({ regionCode: this.row.regionCode, complaintId: this.row.id, at, kind, actorUserId: actor.userId, actorLabel: actor.label, public: isPublic, message, detail });
  }

  private start(stages: SlaStage[], at: Date) {
    const rules = this.input.rules(this.row.categoryId!);
    for (const stage of stages) {
      const { dueAt, targetAt } = deadlinesFor(at, rules[stage], this.input.calendar);
      const before = this.deadlines.get(stage);
      this.deadlines.set(stage, {
        regionCode: this.row.regionCode, module: 'complaints', recordType: 'complaint', recordId: this.row.id, stage, unit: rules[stage].unit, dueAt, targetAt, metAt: null,
        round: before ? before.round + 1 : 0, escalationStep: 0, nextCheckAt: dueAt,
      });
    }
  }

  private meet(stages: SlaStage[] | 'all', at: Date) {
    for (const [stage, d] of this.deadlines) {
      if (d.metAt === null && (stages === 'all' || stages.includes(stage))) Object.assign(d, { metAt: at, nextCheckAt: null });
    }
  }

  private inTime(stage: SlaStage, at: Date) {
    const d = this.deadlines.get(stage);
    return !d || at <= d.dueAt;
  }

  /**
   * Takes one step at `at` if it is not in the future: the sweep runs up to
   * it, the transition is checked, `apply` changes the row and deadlines;
   * then what every action recomputes (escalated_open) is recomputed.
   */
  step(action: Action | 'submit', at: Date, apply: () => void): boolean {
    if (!this.live || at > this.input.now) return (this.live = false);
    this.sweep(at);
    if (action !== 'submit') {
      const to = nextStatus(this.status, action);
      if (!to) throw new Error(`showcase: ${action} is not allowed from ${this.status}`);
      this.row.status = to;
    }
    apply();
    this.row.updatedAt = at;
    this.row.escalatedOpen = [...this.deadlines.values()].some((d) => d.metAt === null && d.escalationStep > 0);
    return true;
  }

  submit(at: Date, actor: Actor) {
    this.step('submit', at, () => {
      this.start(['verification'], at);
      this.event(at, 'submitted', actor, null, { channel: this.row.channel, photos: 0 });
    });
  }

  dispatch(at: Date, unit: { id: string; name: string }, note: string | null) {
    return this.step('dispatch', at, () => {
      Object.assign(this.row, { unitId: unit.id, verifiedAt: at, dispatchedAt: at });
      this.meet(['verification'], at);
      this.start(['response', 'resolution'], at);
      this.event(at, 'dispatched', this.input.coordinator, note, { unitId: unit.id, unitName: unit.name });
    });
  }

  reject(at: Date, reason: RejectionReason, message: string) {
    return this.step('reject', at, () => {
      Object.assign(this.row, { rejectionReason: reason, closedAt: at });
      this.meet('all', at);
      this.event(at, 'rejected', this.input.coordinator, message, { reason });
    });
  }

  merge(at: Date, into: Life) {
    return this.step('merge', at, () => {
      Object.assign(this.row, { mergedInto: into.row.id, closedAt: at });
      this.meet('all', at);
      this.event(at, 'merged', this.input.coordinator, null, { into: into.row.trackingCode });
      into.events.push({ regionCode: this.row.regionCode, complaintId: into.row.id, at, kind: 'merged_in', actorUserId: this.input.coordinator.userId,
        actorLabel: this.input.coordinator.label, public: false, message: null, detail: { from: this.row.trackingCode } });
    });
  }

  acknowledge(at: Date, actor: Actor) {
    return this.step('acknowledge', at, () => {
      this.row.acknowledgedAt = at;
      this.event(at, 'acknowledged', actor, null);
    });
  }

  respond(at: Date, actor: Actor, message: string) {
    return this.step('respond', at, () => {
      if (!this.row.firstResponseAt) Object.assign(this.row, { firstResponseAt: at, firstResponseInTime: this.inTime('response', at) });
      this.row.acknowledgedAt ??= at;
      this.meet(['response'], at);
      this.event(at, 'responded', actor, message);
    });
  }

  resolve(at: Date, actor: Actor, message: string) {
    return this.step('resolve', at, () => {
      if (!this.row.firstResponseAt) Object.assign(this.row, { firstResponseAt: at, firstResponseInTime: this.inTime('response', at) });
      Object.assign(this.row, { resolvedAt: at, resolvedInTime: this.inTime('resolution', at) });
      this.row.acknowledgedAt ??= at;
      this.meet(['response', 'resolution'], at);
      this.event(at, 'resolved', actor, message);
    });
  }

  rate(at: Date, rating: number, comment: string | null) {
    return this.step('rate', at, () => {
      Object.assign(this.row, { rating, ratingComment: comment, closedAt: at });
      this.event(at, 'rated', { userId: null, label: 'pelapor' }, comment, { rating });
    });
  }

  reopen(at: Date, reason: string) {
    return this.step('reopen', at, () => {
      this.start(['response', 'resolution'], at);
      Object.assign(this.row, { resolvedAt: null, resolvedInTime: null, reopenCount: (this.row.reopenCount ?? 0) + 1, acknowledgedAt: null });
      this.event(at, 'reopened', { userId: null, label: 'pelapor' }, reason);
    });
  }

  /** The sweep catches up to now; the deadlines as stored, and the complaint's earliest open one. */
  finish(): PlannedComplaint {
    this.sweep(this.input.now);
    const open = [...this.deadlines.values()].filter((d) => d.metAt === null).map((d) => d.dueAt.getTime());
    this.row.nextDueAt = open.length > 0 ? new Date(Math.min(...open)) : null;
    return { row: this.row, events: this.events, deadlines: [...this.deadlines.values()], escalations: this.escalations };
  }
}

/** The next moment an office is staffed (working day, 07:30 to 15:30 local), from `t` on. */
function onDuty(t: Date, cal: WorkCalendar, rng: Rng): Date {
  const offset = cal.utcOffsetMinutes * 60_000;
  const localHour = (((t.getTime() + offset) % DAY) + DAY) % DAY / HOUR;
  if (isWorkingDay(localDateOf(t, cal), cal) && localHour >= 7.5 && localHour < 15.5) return t;
  let day = t.getTime() + offset - ((t.getTime() + offset) % DAY); // local midnight, shifted
  if (localHour >= 7.5) day += DAY;
  while (!isWorkingDay(new Date(day).toISOString().slice(0, 10), cal)) day += DAY;
  return new Date(day - offset + 8 * HOUR + rng.int(90) * 60_000);
}

const after = (t: Date, ms: number) => new Date(t.getTime() + ms);

/** A year of a region's complaints, oldest first. */
export function planComplaints(input: PlanInput): PlannedComplaint[] {
  const { rng, now, calendar: cal, pace } = input;
  const offset = cal.utcOffsetMinutes * 60_000;
  // Some kecamatan report much more than others (towns, main roads).
  const districts = input.districts.filter((d) => d.villages.length > 0).map((d, i) => [d, 1 / Math.pow(1 + ((i * 7) % input.districts.length), 0.7)] as const);
  const candidates = new Map<string, Life[]>(); // open complaints by category and district: what a duplicate merges into
  const planned: PlannedComplaint[] = [];
  const lives: Life[] = [];
  const today = now.getTime() + offset - ((now.getTime() + offset) % DAY);
  for (let daysAgo = 365; daysAgo >= 0; daysAgo--) {
    const day = today - daysAgo * DAY; // local midnight, shifted
    const date = new Date(day);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    const month = date.getUTCMonth() + 1;
    const rainy = month >= 11 || month <= 4;
    // Uptake grows through the year, weekends are quieter.
    const mean = (pace.perMonth / 30) * (0.5 + 0.5 * (1 - daysAgo / 365)) * (weekend ? 0.55 : 1.1);
    const count = rng.poisson(mean);
    const times = Array.from({ length: count }, () => day - offset + (6 + rng.next() * 16) * HOUR).sort((a, b) => a - b);
    for (const t of times) {
      if (t > now.getTime()) continue;
      const category = rng.weighted(input.categories.map((c) => [c, (rainy ? frequency[c.code]?.rainy : frequency[c.code]?.dry) ?? 5] as const));
      const district = rng.weighted(districts);
      const life = fileComplaint(input, new Date(t), category, district, daysAgo, candidates);
      lives.push(life);
    }
  }
  for (const life of lives) planned.push(life.finish());
  return planned;
}

function fileComplaint(input: PlanInput, submittedAt: Date, category: PlanCategory, district: PlanDistrict, daysAgo: number, candidates: Map<string, Life[]>): Life {
  const { rng, calendar: cal, pace } = input;
  const village = rng.pick(district.villages);
  const texts = categoryTexts[category.code] ?? otherTexts;
  const place = `${village.kind === 'kelurahan' ? 'Kelurahan' : 'Desa'} ${village.name}, Kecamatan ${district.name}`;
  const channel = rng.weighted([['web', 68], ['counter', 20], ['open311', 12]] as const);
  const anonymous = channel === 'web' ? rng.chance(0.55) : channel === 'open311' ? rng.chance(0.3) : false;
  let trackingCode: string;
  do trackingCode = newTrackingCode(rng.int); while (input.taken.has(trackingCode));
  input.taken.add(trackingCode);
  const answers = Object.fromEntries(category.questions.filter((q) => q.datatype === 'singlevaluelist' && q.values.length > 0)
    .map((q) => [q.code, rng.weighted(q.values.map((v, i) => [v.key, [5, 3, 1][i] ?? 1] as const))]));
  const row: ComplaintRow = {
    regionCode: input.regionCode, id: rng.uuid(), trackingCode, categoryId: category.id, status: 'submitted',
    description: fill(rng.pick(texts.reports), { tempat: place, patokan: rng.pick(landmarks), lama: rng.pick(durations) }),
    answers, districtCode: district.code, villageCode: village.code, lat: null, lng: null, address: null,
    anonymous, confidential: rng.chance(0.04), reporterUserId: null, reporterName: anonymous ? null : rng.pick(reporterNames),
    reporterEmail: null, reporterPhone: null, reporterKeyHash: null, channel, unitId: null, submittedAt, updatedAt: submittedAt,
    reopenCount: 0, escalationLevel: 0, escalatedOpen: false,
  };
  const life = new Life(row, input);
  life.submit(submittedAt, channel === 'counter' ? input.counter : { userId: null, label: 'pelapor' });
  const officer = input.officer(category.unitId);
  // Recent complaints may be left waiting at one stage: the overdue work of today.
  const stuckAt = daysAgo <= 60 && rng.chance(pace.stuck * 3) ? rng.pick(['verify', 'respond', 'resolve'] as const) : null;
  if (stuckAt === 'verify') return life;

  const verifyAt = onDuty(after(submittedAt, rng.exp(3 * HOUR) + (rng.chance(0.05) ? DAY * (1 + rng.int(3)) : 0)), cal, rng);
  const key = `${category.id}|${district.code}`;
  const earlier = (candidates.get(key) ?? []).filter((c) => c.row.submittedAt! > after(submittedAt, -14 * DAY) && !['rejected', 'merged'].includes(c.row.status!));
  if (earlier.length > 0 && rng.chance(0.08)) {
    life.merge(verifyAt, rng.pick(earlier));
    return life;
  }
  if (rng.chance(0.07)) {
    const reason = rng.weighted([['incomplete', 35], ['not_our_authority', 30], ['duplicate', 25], ['spam', 10]] as const);
    life.reject(verifyAt, reason, rng.pick(rejections[reason]));
    return life;
  }
  if (!life.dispatch(verifyAt, { id: category.unitId, name: category.unitName }, rng.pick(dispatchNotes))) return life;
  candidates.set(key, [...(candidates.get(key) ?? []).slice(-5), life]);
  if (stuckAt === 'respond') return life;

  const ackAt = onDuty(after(verifyAt, rng.exp(2 * HOUR)), cal, rng);
  if (!life.acknowledge(ackAt, officer)) return life;
  const late = rng.chance(pace.lateResponse) ? DAY * (2 + rng.int(3)) : 0;
  const respondAt = onDuty(after(ackAt, rng.exp(pace.responseHours * HOUR) + late), cal, rng);
  if (!life.respond(respondAt, officer, rng.pick(texts.responses))) return life;
  if (stuckAt === 'resolve') return life;

  const days = (fixDays[category.code] ?? 5) * pace.resolutionSpeed * (0.3 + rng.exp(0.9));
  const resolveAt = onDuty(after(respondAt, days * 1.4 * DAY), cal, rng);
  if (!life.resolve(resolveAt, officer, rng.pick(texts.resolutions))) return life;
  afterResolution(input, life, resolveAt, officer, texts);
  return life;
}

/** The citizen's word: rate, reopen within the window (and the unit's second go), or nothing. */
function afterResolution(input: PlanInput, life: Life, resolvedAt: Date, officer: Actor, texts: { resolutions: string[]; responses: string[]; reopenReasons: string[] }) {
  const { rng, calendar: cal } = input;
  const windowMs = input.settings.reopenWindowDays * DAY;
  if (windowMs === 0) return; // no window: the citizen can neither rate nor reopen
  const roll = rng.next();
  if (roll < 0.06) {
    const reopenAt = after(resolvedAt, Math.min(windowMs - HOUR, DAY * (1 + rng.int(6))));
    if (!life.reopen(reopenAt, rng.pick(texts.reopenReasons))) return;
    const again = onDuty(after(reopenAt, rng.exp(10 * HOUR)), cal, rng);
    if (!life.respond(again, officer, rng.pick(texts.responses))) return;
    const fixed = onDuty(after(again, DAY * (1 + rng.exp(3))), cal, rng);
    if (!life.resolve(fixed, officer, rng.pick(texts.resolutions))) return;
    if (rng.chance(0.5)) rateIt(input, life, fixed, true);
  } else if (roll < 0.62) {
    rateIt(input, life, resolvedAt, false);
  }
}

function rateIt(input: PlanInput, life: Life, resolvedAt: Date, secondGo: boolean) {
  const { rng } = input;
  const onTime = life.row.resolvedInTime && life.row.firstResponseInTime;
  const rating = rng.weighted(onTime && !secondGo ? [[5, 50], [4, 35], [3, 10], [2, 4], [1, 1]] : [[5, 12], [4, 30], [3, 30], [2, 18], [1, 10]]);
  const at = after(resolvedAt, Math.min(rng.exp(1.5 * DAY), input.settings.reopenWindowDays * DAY - HOUR));
  life.rate(at, rating, rng.chance(0.6) ? rng.pick(ratingComments[rating]) : null);
}
