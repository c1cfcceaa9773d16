// A category's extra questions, shaped like Open311 service attributes.
import { z } from 'zod';
import { textLimits } from './limits.js';

export const questionSchema = z.object({
  code: z.string().regex(/^[a-z0-9_]{1,40}$/),
  datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
  required: z.boolean(),
  description: z.object({ id: z.string().min(1).max(300), en: z.string().min(1).max(300) }),
  values: z.array(z.object({ key: z.string().min(1).max(40), name: z.object({ id: z.string(), en: z.string() }) })).max(50).default([]),
});
export type Question = z.infer<typeof questionSchema>;
export type Answers = Record<string, string | number | string[]>;

/** Checks answers against the questions; returns a map of problems by question code. */
export function checkAnswers(questions: Question[], raw: Record<string, unknown>): { answers: Answers; problems: Record<string, string> } {
  const answers: Answers = {};
  const problems: Record<string, string> = {};
  const known = new Set(questions.map((q) => q.code));
  for (const code of Object.keys(raw)) if (!known.has(code)) problems[code] = 'unknown';
  for (const q of questions) {
    const v = raw[q.code];
    const empty = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (q.required) problems[q.code] = 'required';
      continue;
    }
    const keys = new Set(q.values.map((x) => x.key));
    switch (q.datatype) {
      case 'number': {
        const n = typeof v === 'number' ? v : Number(v);
        if (typeof v === 'boolean' || !Number.isFinite(n)) problems[q.code] = 'number';
        else answers[q.code] = n;
        break;
      }
      case 'datetime':
        if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) problems[q.code] = 'datetime';
        else answers[q.code] = new Date(v).toISOString();
        break;
      case 'singlevaluelist':
        if (typeof v !== 'string' || !keys.has(v)) problems[q.code] = 'value';
        else answers[q.code] = v;
        break;
      case 'multivaluelist': {
        const list = Array.isArray(v) ? v : [v];
        if (!list.every((x) => typeof x === 'string' && keys.has(x))) problems[q.code] = 'value';
        else answers[q.code] = [...new Set(list as string[])];
        break;
      }
      default: {
        const max = q.datatype === 'text' ? textLimits.answerText : textLimits.answerString;
        if (typeof v !== 'string') problems[q.code] = 'string';
        else if (v.length > max) problems[q.code] = `too_long: at most ${max} characters`; // refused, never cut
        else answers[q.code] = v;
      }
    }
  }
  return { answers, problems };
}
