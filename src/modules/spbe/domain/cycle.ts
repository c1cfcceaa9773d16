// The evaluation cycle as rules: the stages of an evaluation, the status of
// each indicator's answer, and which action is possible when.
import { AppError } from '../../../platform/errors.js';

export const stages = ['draft', 'self_assessment', 'internal_validation', 'external_assessment', 'final', 'closed'] as const;
export type Stage = (typeof stages)[number];

/**
 * unassigned → pending (assigned to a unit) → submitted → accepted (coordinator)
 * → validated (internal assessor); the coordinator or the internal assessor may
 * send it back as returned, and the unit fills it again.
 */
export const answerStatuses = ['unassigned', 'pending', 'submitted', 'returned', 'accepted', 'validated'] as const;
export type AnswerStatus = (typeof answerStatuses)[number];

export type Action = 'assign' | 'fill' | 'submit' | 'review' | 'validate' | 'assess' | 'share_practice';

const rules: Record<Action, { stages: Stage[]; statuses: AnswerStatus[] }> = {
  assign: { stages: ['draft', 'self_assessment'], statuses: ['unassigned', 'pending', 'returned'] },
  fill: { stages: ['self_assessment', 'internal_validation'], statuses: ['pending', 'returned'] },
  submit: { stages: ['self_assessment', 'internal_validation'], statuses: ['pending', 'returned'] },
  review: { stages: ['self_assessment', 'internal_validation'], statuses: ['submitted'] },
  validate: { stages: ['internal_validation'], statuses: ['accepted'] },
  assess: { stages: ['external_assessment'], statuses: ['validated'] },
  share_practice: { stages: ['final'], statuses: ['validated'] },
};

/** Throws the precise reason an action is impossible now: closed, wrong stage, or wrong answer status. */
export function ensureAllowed(action: Action, stage: Stage, status?: AnswerStatus): void {
  const rule = rules[action];
  if (stage === 'closed') throw new AppError('spbe.evaluation_closed');
  if (!rule.stages.includes(stage)) throw new AppError('spbe.wrong_stage', { action, stage, allowedStages: rule.stages });
  if (status !== undefined && !rule.statuses.includes(status)) throw new AppError('spbe.answer_wrong_status', { action, status, allowedStatuses: rule.statuses });
}

export interface AnswerState { indicator: string; status: AnswerStatus; finalLevel: number | null }

/** The stage after this one, and the answers still holding it back. */
export function nextStage(stage: Stage, answers: AnswerState[]): { to: Stage; blocking: string[] } {
  const blocking = (ok: (a: AnswerState) => boolean) => answers.filter((a) => !ok(a)).map((a) => a.indicator);
  switch (stage) {
    case 'draft': return { to: 'self_assessment', blocking: blocking((a) => a.status !== 'unassigned') };
    case 'self_assessment': return { to: 'internal_validation', blocking: blocking((a) => a.status === 'accepted' || a.status === 'validated') };
    case 'internal_validation': return { to: 'external_assessment', blocking: blocking((a) => a.status === 'validated') };
    case 'external_assessment': return { to: 'final', blocking: blocking((a) => a.finalLevel !== null) };
    case 'final': return { to: 'closed', blocking: [] };
    case 'closed': throw new AppError('spbe.evaluation_closed');
  }
}
