// Coaching (pendampingan): the shapes of a programme's goals and the pure
// arithmetic of a pilot's progress. A goal is an SPBE index target by a year
// (progress read from the pilot's own SPBE data) or a free-text goal the
// mentor marks done.
import { z } from 'zod';

export const PROGRAMME_STATUSES = ['draft', 'active', 'finished'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

const indexValue = z.string().trim().regex(/^[0-5](\.\d{1,2})?$/, 'an index 0–5 with at most two decimals, e.g. 3.50')
  .refine((v) => Number(v) <= 5, 'at most 5');

export const coachingGoalSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('spbe_index'),
    target: indexValue.describe('Target indeks SPBE (0–5) / the SPBE index target (0–5)'),
    year: z.number().int().min(2018).max(2100).describe('Tahun evaluasi target / the evaluation year of the target'),
  }),
  z.object({ kind: z.literal('text'), text: z.string().trim().min(1).max(500), done: z.boolean().default(false) }),
]);
export type CoachingGoal = z.infer<typeof coachingGoalSchema>;

/** Evidence of coaching work: documents, spreadsheets, photos (checked by content). */
export const COACHING_FILE_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/png', 'image/jpeg', 'image/webp',
] as const;
export const COACHING_FILE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * How far a pilot has come from its baseline towards a target, 0–100
 * (rounded), or null when the baseline or the latest figure is unknown. A
 * target at or below the baseline counts as reached once the latest figure
 * meets it.
 */
export function goalPercent(baseline: string | null, latest: string | null, target: string): number | null {
  if (baseline === null || latest === null) return null;
  const b = Number(baseline);
  const l = Number(latest);
  const t = Number(target);
  if (t <= b) return l >= t ? 100 : 0;
  return Math.round(Math.min(100, Math.max(0, ((l - b) / (t - b)) * 100)));
}

/** The years to look for the baseline (the evaluation before the programme started, then earlier) and the latest figure (this year back). */
export function indexYears(startDate: string, today: string): { baseline: number[]; latest: number[] } {
  const start = Number(startDate.slice(0, 4));
  const now = Number(today.slice(0, 4));
  const baseline = [start - 1, start - 2, start - 3];
  const latest: number[] = [];
  for (let y = Math.max(now, start); y >= start - 3; y--) latest.push(y);
  return { baseline, latest };
}
