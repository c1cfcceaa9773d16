// Complaint deadlines (SLA): the stages, their rules and defaults. Pure; the
// calendar arithmetic is the platform's (platform/calendar/calendar.ts).
import { addDuration, type DurationUnit, type WorkCalendar } from '../../../platform/calendar/calendar.js';

export type SlaStage = 'verification' | 'response' | 'resolution';

export const slaStageLabel: Record<SlaStage, { id: string; en: string }> = {
  verification: { id: 'Verifikasi', en: 'Verification' },
  response: { id: 'Tanggapan pertama', en: 'First response' },
  resolution: { id: 'Penyelesaian', en: 'Resolution' },
};
export type SlaUnit = DurationUnit;

export interface SlaRule {
  stage: SlaStage;
  amount: number;
  unit: SlaUnit;
  /** Internal service target, stricter than `amount`; null when there is none. */
  targetAmount: number | null;
}

/** Due and (optional) target instants for a rule. Why: the target uses the same unit as the due date. */
export function deadlinesFor(start: Date, rule: SlaRule, cal: WorkCalendar): { dueAt: Date; targetAt: Date | null } {
  return {
    dueAt: addDuration(start, rule.amount, rule.unit, cal),
    targetAt: rule.targetAmount === null ? null : addDuration(start, rule.targetAmount, rule.unit, cal),
  };
}

// Why these defaults: verification within 1×24 h of receipt; first response
// within the national 2×24 h, aiming for 1×24 h; resolution within 14 working days.
export const DEFAULT_SLA: Record<SlaStage, SlaRule> = Object.freeze({
  verification: Object.freeze({ stage: 'verification', amount: 24, unit: 'hours', targetAmount: null }),
  response: Object.freeze({ stage: 'response', amount: 48, unit: 'hours', targetAmount: 24 }),
  resolution: Object.freeze({ stage: 'resolution', amount: 14, unit: 'working_days', targetAmount: null }),
} satisfies Record<SlaStage, SlaRule>);

/**
 * Effective rule per stage. Why: precedence is category override > region
 * default > DEFAULT_SLA, decided per stage, so a category can tighten one stage
 * and inherit the rest. Within one list, the last rule for a stage wins; rules
 * for unknown stages are ignored. Returns fresh objects (never DEFAULT_SLA's).
 */
export function resolveRules(regionDefaults: SlaRule[], categoryOverrides: SlaRule[]): Record<SlaStage, SlaRule> {
  const out: Record<SlaStage, SlaRule> = {
    verification: { ...DEFAULT_SLA.verification },
    response: { ...DEFAULT_SLA.response },
    resolution: { ...DEFAULT_SLA.resolution },
  };
  for (const rule of [...regionDefaults, ...categoryOverrides]) {
    if (Object.prototype.hasOwnProperty.call(out, rule.stage)) out[rule.stage] = { ...rule };
  }
  return out;
}
