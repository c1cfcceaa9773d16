// What staff are told about complaints, in both languages (Eta templates
// filled by platform/notify/staff.ts).
import type { NoticeTemplate } from '../../../platform/notify/staff.js';

/** To a unit's officers and head when a complaint is sent to their unit. Data: code. */
export const newForUnit: NoticeTemplate = {
  subject: { id: 'Pengaduan baru untuk unit Anda: <%= it.code %>', en: 'New complaint for your unit: <%= it.code %>' },
  body: { id: 'Segera tindak lanjuti sebelum batas waktu.', en: 'Please act before the deadline.' },
};

/** To the escalation ladder's role when a stage's deadline passes. Data: code, stage ({ id, en }), step. */
export const overdue: NoticeTemplate = {
  subject: { id: 'Lewat batas waktu <%= it.stage.id %>: <%= it.code %>', en: 'Overdue <%= it.stage.en %>: <%= it.code %>' },
  body: {
    id: 'Batas waktu <%= it.stage.id %> terlewati. Eskalasi tingkat <%= it.step %>.',
    en: 'The <%= it.stage.en %> deadline passed. Escalation level <%= it.step %>.',
  },
};
