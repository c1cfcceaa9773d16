// An application's journey through its service's workflow, as a pure state
// machine: where it stands (status and stage), which actions each position
// allows, where each action leads, and what happens to the decision clock.
// The workflow is the one of the version the application was filed under.
//
// The decision clock is the standard's time limit in working days, counted
// from filing, stopped while the application waits for the citizen (returned
// for completion) and met by the decision (approve or refuse). When it runs
// out with no decision, the law (UU 30/2014 Art. 53 as amended by UU 6/2023)
// deems the application granted: fiktif positif.

export type StageKind = 'check' | 'review' | 'decision' | 'issue';

/** The part of a workflow stage the journey needs. */
export interface JourneyStage { key: string; kind: StageKind }

export const applicationStatuses = ['in_process', 'returned', 'awaiting_payment', 'finished', 'refused', 'withdrawn'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export type Decision = 'approved' | 'refused';

/** Where an application stands: its status, the stage it waits at (none once finished), and the decision if taken. */
export interface Position {
  status: ApplicationStatus;
  stage: string | null;
  decision: Decision | null;
}

/** What staff do at a stage, what the citizen does, and the one the payment makes. */
export const staffActions = ['complete', 'return', 'forward', 'send_back', 'approve', 'refuse', 'issue'] as const;
export type StaffAction = (typeof staffActions)[number];
export type CitizenAction = 'resubmit' | 'withdraw';
export type Action = StaffAction | CitizenAction | 'paid';

/** Which staff actions each kind of stage offers. */
const actionsOfKind: Record<StageKind, readonly StaffAction[]> = {
  check: ['complete', 'return'],
  review: ['forward', 'send_back'],
  decision: ['approve', 'refuse'],
  issue: ['issue'],
};

/** Actions that need a reason written down (the citizen reads it). */
export const actionsNeedingReason: ReadonlySet<Action> = new Set(['return', 'refuse', 'send_back']);

export const finalStatuses: ReadonlySet<ApplicationStatus> = new Set(['finished', 'refused', 'withdrawn']);
/** Still waiting for staff or the citizen. */
export const openStatuses: ApplicationStatus[] = applicationStatuses.filter((s) => !finalStatuses.has(s));

/**
 * The final statuses in which the applicant was served: the result issued (or
 * the service finished without issuing) or the application refused, i.e. a
 * decision delivered. A withdrawn application was not served. These invite
 * the applicant to the satisfaction survey and count as service users.
 */
export const servedStatuses = ['finished', 'refused'] as const satisfies readonly ApplicationStatus[];

/** What happens to the decision clock. */
export type ClockEffect = 'pause' | 'resume' | 'meet' | 'stop' | null;

export interface Step {
  to: Position;
  clock: ClockEffect;
}

export interface JourneyOptions {
  /** The result waits for the fee to be paid (a fee is due and the service says so). */
  payBeforeIssue: boolean;
  /** The fee has been paid. */
  paid: boolean;
}

/** The first position of a newly filed application: at the first stage, which a valid workflow makes a check. */
export function firstPosition(workflow: readonly JourneyStage[]): Position {
  if (workflow.length === 0) throw new Error('A workflow has at least one stage');
  return { status: 'in_process', stage: workflow[0].key, decision: null };
}

const stageIndex = (workflow: readonly JourneyStage[], key: string | null) => workflow.findIndex((s) => s.key === key);

/** The staff actions open at a position: its stage's kind's, while in process. */
export function openStaffActions(workflow: readonly JourneyStage[], pos: Position): StaffAction[] {
  if (pos.status !== 'in_process') return [];
  const stage = workflow[stageIndex(workflow, pos.stage)];
  if (!stage) return [];
  return actionsOfKind[stage.kind].filter((a) => !(a === 'send_back' && stageIndex(workflow, stage.key) === 0));
}

/** The citizen's actions open at a position. */
export function openCitizenActions(pos: Position): CitizenAction[] {
  if (pos.status === 'returned') return ['resubmit', 'withdraw'];
  if (pos.status === 'in_process' && pos.decision === null) return ['withdraw'];
  return [];
}

/**
 * The position after `action`, with its effect on the decision clock, or null
 * when the action is not open here. Moving on from the last stage finishes the
 * application; approving leads to the issue stage if there is one (waiting for
 * the payment first when the service says so), else finishes it.
 */
export function step(workflow: readonly JourneyStage[], pos: Position, action: Action, opts: JourneyOptions): Step | null {
  const i = stageIndex(workflow, pos.stage);
  const next = (from: number, decision: Decision | null): Position => {
    const stage = workflow[from + 1];
    if (!stage) return { status: 'finished', stage: null, decision };
    if (stage.kind === 'issue' && opts.payBeforeIssue && !opts.paid) return { status: 'awaiting_payment', stage: stage.key, decision };
    return { status: 'in_process', stage: stage.key, decision };
  };
  switch (action) {
    case 'resubmit':
      return pos.status === 'returned' ? { to: { ...pos, status: 'in_process' }, clock: 'resume' } : null;
    case 'withdraw':
      return openCitizenActions(pos).includes('withdraw') ? { to: { status: 'withdrawn', stage: null, decision: pos.decision }, clock: 'stop' } : null;
    case 'paid':
      return pos.status === 'awaiting_payment' ? { to: { ...pos, status: 'in_process' }, clock: null } : null;
    default:
      break;
  }
  if (!openStaffActions(workflow, pos).includes(action)) return null;
  switch (action) {
    case 'return':
      return { to: { ...pos, status: 'returned' }, clock: 'pause' };
    case 'send_back':
      return { to: { ...pos, stage: workflow[i - 1].key }, clock: null };
    case 'approve':
      return { to: next(i, 'approved'), clock: 'meet' };
    case 'refuse':
      return { to: { status: 'refused', stage: null, decision: 'refused' }, clock: 'meet' };
    default: // complete, forward, issue: on to the next stage
      return { to: next(i, pos.decision), clock: null };
  }
}

/**
 * Whether the law now deems the application granted: its decision deadline
 * passed with no decision taken (the deadline engine moves `dueAt` later by
 * the time spent waiting for the citizen). A decision taken on the due
 * instant is on time.
 */
export function deemedGranted(dueAt: Date, decidedAt: Date | null, now: Date): boolean {
  return decidedAt === null ? now > dueAt : decidedAt > dueAt;
}

/**
 * The decision time limit in working days: the standard's, or five when no
 * regulation sets one (UU 30/2014 Art. 53 as amended).
 */
export const DEFAULT_DECISION_WORKING_DAYS = 5;
export const decisionWorkingDays = (standardDays: number | null | undefined): number =>
  standardDays && standardDays > 0 ? standardDays : DEFAULT_DECISION_WORKING_DAYS;

/** The platform stage deadline that holds the decision clock, and the reminder's hours before it runs out. */
export const DECISION_STAGE = 'decision';
export const REMINDER_HOURS_BEFORE = 24;
