// Which fields the API refused, as the form labels them: never the API's own
// (English) field names or paths like "escalation/0/afterHours".
import type { MessageKey, Translate } from '../../../i18n/index.js';

const labels: Record<string, MessageKey> = {
  code: 'admin.units.code',
  name: 'admin.field.name',
  email: 'admin.field.email',
  password: 'admin.field.password',
  role: 'admin.staff.role',
  unitId: 'admin.staff.unit',
  nameId: 'admin.categories.nameId',
  nameEn: 'admin.categories.nameEn',
  questions: 'admin.questions.title',
  reopenWindowDays: 'admin.settings.reopen',
  escalation: 'admin.settings.escalation',
  afterHours: 'admin.settings.stepHours',
  amount: 'admin.sla.amount',
  unit: 'admin.sla.unit',
  targetAmount: 'admin.sla.target',
  kind: 'admin.holidays.kind',
};

interface Refusal { path?: string; issue?: string; limit?: number }

const fieldName = (path: string | undefined) => (path ?? '').split('/').filter((s) => s && !/^\d+$/.test(s)).at(-1);

/**
 * What is wrong with each refused field of a `request.invalid` answer, in the
 * reader's language, keyed by the field's name (the last name in its path): the
 * server's zod validation is the one schema, the form only says where it failed.
 */
export function fieldProblems(details: unknown, t: Translate): Map<string, string> {
  const out = new Map<string, string>();
  if (!Array.isArray(details)) return out;
  for (const d of details as Refusal[]) {
    const name = fieldName(d.path);
    if (!name || out.has(name)) continue;
    const n = d.limit;
    out.set(name, d.issue === 'too_small' && n !== undefined ? t('admin.field.tooSmall', { n })
      : d.issue === 'too_big' && n !== undefined ? t('admin.field.tooBig', { n })
        : d.issue === 'invalid_type' ? t('admin.field.missing')
          : t('admin.field.invalid'));
  }
  return out;
}

/** The labels of the refused fields in a `request.invalid` answer's details, each once; unknown ones are left out. */
export function refusedFields(details: unknown, t: Translate): string[] {
  if (!Array.isArray(details)) return [];
  const names = details.map((d: Refusal) => fieldName(d.path));
  return [...new Set(names.flatMap((n) => (n && labels[n] ? [t(labels[n])] : [])))];
}
