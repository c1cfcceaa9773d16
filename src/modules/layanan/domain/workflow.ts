// A service's workflow: the stages an application passes, each acted on by a
// role of a unit (the service's own unless another is named, e.g. a field
// survey by another office), with an optional internal target in working
// days. Pure.
import { z } from 'zod';
import { FIELD_KEY_MAX, FIELD_KEY_PATTERN } from './form.js';
import { problem, type Problem } from './problems.js';

export const STAGE_KINDS = ['check', 'review', 'decision', 'issue'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];
export const STAGE_ROLES = ['layanan_counter', 'layanan_officer', 'unit_head', 'layanan_unit_manager'] as const;
export const STAGES_MAX = 20;

export const stageSchema = z.object({
  key: z.string().max(FIELD_KEY_MAX).regex(FIELD_KEY_PATTERN).describe('Kunci tetap tahap / the stage\'s stable key'),
  name: z.object({ id: z.string().trim().min(1).max(200), en: z.string().trim().max(200).optional() }),
  kind: z.enum(STAGE_KINDS).describe('check: periksa berkas (boleh dikembalikan ke pemohon); review: mis. survei lapangan (teruskan atau kembalikan satu tahap); decision: setujui/tolak dengan alasan; issue: terbitkan dokumen hasil / check, review, decision, issue'),
  actor: z.object({
    role: z.enum(STAGE_ROLES),
    unitId: z.uuid().nullable().describe('Perangkat daerah pelaksana; null: pemilik layanan / the acting unit; null: the service\'s own'),
  }),
  days: z.number().int().min(1).max(365).optional().describe('Target internal dalam hari kerja / internal target in working days'),
});
export type Stage = z.infer<typeof stageSchema>;

export const workflowShape = z.object({ stages: z.array(stageSchema).min(1).max(STAGES_MAX) });
export type Workflow = z.infer<typeof workflowShape>;

/** A service without its own workflow: the counter checks, the unit's head decides, the counter issues. */
export const defaultWorkflow = (): Workflow => ({
  stages: [
    { key: 'periksa', name: { id: 'Pemeriksaan berkas', en: 'Document check' }, kind: 'check', actor: { role: 'layanan_counter', unitId: null } },
    { key: 'keputusan', name: { id: 'Keputusan', en: 'Decision' }, kind: 'decision', actor: { role: 'unit_head', unitId: null } },
    { key: 'terbit', name: { id: 'Penerbitan', en: 'Issuing' }, kind: 'issue', actor: { role: 'layanan_counter', unitId: null } },
  ],
});

/** The workflow's own rules: keys unique, a check first, exactly one decision, at most one issue and only after the decision. */
export function workflowProblems(w: Workflow): Problem[] {
  const out: Problem[] = [];
  const keys = new Set<string>();
  for (const s of w.stages) {
    if (keys.has(s.key)) out.push(problem('workflow', 'workflow.duplicate_key', s.key));
    keys.add(s.key);
  }
  if (w.stages[0]?.kind !== 'check') out.push(problem('workflow', 'workflow.first_not_check', w.stages[0]?.key ?? null));
  const kinds = w.stages.map((s) => s.kind);
  if (kinds.filter((k) => k === 'decision').length !== 1) out.push(problem('workflow', 'workflow.decision_count', null));
  const issues = kinds.filter((k) => k === 'issue').length;
  if (issues > 1) out.push(problem('workflow', 'workflow.issue_count', null));
  else if (issues === 1 && kinds.indexOf('issue') < kinds.indexOf('decision')) out.push(problem('workflow', 'workflow.issue_before_decision', w.stages[kinds.indexOf('issue')].key));
  return out;
}

/** The stages' working days, against the standard's time limit (they are the internal share of it). */
export function workflowDayProblems(w: Workflow, timeLimitDays: number): Problem[] {
  const days = w.stages.reduce((sum, s) => sum + (s.days ?? 0), 0);
  return days > timeLimitDays ? [problem('workflow', 'workflow.days_over_limit', null, { days, limit: timeLimitDays })] : [];
}
