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

/** The labels of the refused fields in a `request.invalid` answer's details, each once; unknown ones are left out. */
export function refusedFields(details: unknown, t: Translate): string[] {
  if (!Array.isArray(details)) return [];
  const names = details.map((d: { path?: string }) => (d.path ?? '').split('/').filter((s) => s && !/^\d+$/.test(s)).at(-1));
  return [...new Set(names.flatMap((n) => (n && labels[n] ? [t(labels[n])] : [])))];
}
