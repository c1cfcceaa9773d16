// What people are told about letters and dispositions, in both languages
// (Eta templates filled by platform/notify/staff.ts).
import type { NoticeTemplate } from '../../../platform/notify/staff.js';
import { indonesianDate } from '../../../platform/calendar/calendar.js';

/** To the leader a letter is distributed to. Data: subject, sender, agenda. */
export const letterDistributed: NoticeTemplate = {
  subject: { id: 'Naskah masuk: <%= it.subject %>', en: 'Incoming letter: <%= it.subject %>' },
  body: { id: 'Dari <%= it.sender %>, agenda <%= it.agenda %>. Beri disposisi bila perlu.', en: 'From <%= it.sender %>, agenda <%= it.agenda %>. Give a disposition if needed.' },
};

/** To a disposition's recipient. Data: subject, from, instruction, due (text or empty). */
export const dispositionGiven: NoticeTemplate = {
  subject: { id: 'Disposisi dari <%= it.from %>: <%= it.subject %>', en: 'Disposition from <%= it.from %>: <%= it.subject %>' },
  body: { id: '<%= it.instruction %><% if (it.due) { %> Batas: <%= it.due %>.<% } %>', en: '<%= it.instruction %><% if (it.due) { %> Due: <%= it.due %>.<% } %>' },
};

/** To the recipient before the deadline. Data: subject, due. */
export const dispositionDueSoon: NoticeTemplate = {
  subject: { id: 'Pengingat: disposisi "<%= it.subject %>" jatuh tempo <%= it.due %>', en: 'Reminder: disposition "<%= it.subject %>" is due <%= it.due %>' },
  body: { id: 'Tindak lanjuti dan laporkan sebelum batas waktu.', en: 'Follow it up and report before the deadline.' },
};

/** To the one who gave the instruction (and the recipient) when it is overdue. Data: subject, to, due. */
export const dispositionOverdue: NoticeTemplate = {
  subject: { id: 'Disposisi lewat batas: <%= it.subject %>', en: 'Disposition overdue: <%= it.subject %>' },
  body: { id: 'Disposisi kepada <%= it.to %> belum selesai pada batas <%= it.due %>.', en: 'The disposition to <%= it.to %> was not done by <%= it.due %>.' },
};

/** To the one who gave the instruction when it is reported done. Data: subject, to, report. */
export const dispositionDone: NoticeTemplate = {
  subject: { id: 'Disposisi selesai: <%= it.subject %>', en: 'Disposition done: <%= it.subject %>' },
  body: { id: '<%= it.to %> melaporkan: <%= it.report %>', en: '<%= it.to %> reports: <%= it.report %>' },
};

const ZONES: Record<number, string> = { 420: 'WIB', 480: 'WITA', 540: 'WIT' };

/** A deadline as people in the region read it: "8 Desember 2026 pukul 14.00 WIB". */
export function localDeadline(at: Date, utcOffsetMinutes: number): string {
  const shifted = new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString();
  const zone = ZONES[utcOffsetMinutes] ?? `UTC${utcOffsetMinutes >= 0 ? '+' : '-'}${Math.abs(utcOffsetMinutes / 60)}`;
  return `${indonesianDate(shifted.slice(0, 10))} pukul ${shifted.slice(11, 13)}.${shifted.slice(14, 16)} ${zone}`;
}
