// What people are told while a unit's performance report is not in, in both
// languages (Eta templates filled by platform/notify/staff.ts). Data: unit
// (the unit's name), period (2026-Q1), due ({ id, en }: the due time in words,
// "Rabu, 14 Oktober 2026 pukul 24.00 WIB"), step (the rung of the ladder).
import type { NoticeTemplate } from '../../../platform/notify/staff.js';
import type { LadderAudience } from './reporting.js';

/** Before the due time, to whoever the rung names. */
export const reportDueSoon: NoticeTemplate = {
  subject: { id: 'Pengingat laporan kinerja <%= it.period %>: <%= it.unit %>', en: 'Reminder, performance report <%= it.period %>: <%= it.unit %>' },
  body: {
    id: 'Laporan realisasi kinerja <%= it.unit %> untuk periode <%= it.period %> belum dikirim. Batas waktunya <%= it.due.id %>. Isi realisasi setiap indikator, lalu kirim laporan perangkat daerah.',
    en: 'The performance realisation report of <%= it.unit %> for <%= it.period %> has not been submitted. It is due by <%= it.due.en %>. Enter each indicator\'s realisation, then submit the unit\'s report.',
  },
};

/** At or after the due time, by who is told. */
export const reportOverdue: Record<LadderAudience, NoticeTemplate> = {
  planners: {
    subject: { id: 'Laporan kinerja <%= it.period %> terlambat: <%= it.unit %>', en: 'Performance report <%= it.period %> overdue: <%= it.unit %>' },
    body: {
      id: 'Batas waktu laporan realisasi kinerja <%= it.unit %> periode <%= it.period %>, <%= it.due.id %>, telah lewat. Segera isi realisasi dan kirim laporan.',
      en: 'The performance realisation report of <%= it.unit %> for <%= it.period %> was due by <%= it.due.en %>. Please enter the realisations and submit it now.',
    },
  },
  unit_head: {
    subject: { id: 'Laporan kinerja <%= it.period %> <%= it.unit %> belum dikirim', en: 'Performance report <%= it.period %> of <%= it.unit %> not submitted' },
    body: {
      id: 'Perencana <%= it.unit %> belum mengirim laporan realisasi kinerja periode <%= it.period %>; batas waktunya, <%= it.due.id %>, telah lewat. Mohon pastikan laporan segera dikirim. Eskalasi tingkat <%= it.step %>.',
      en: 'The planners of <%= it.unit %> have not submitted the performance realisation report for <%= it.period %>, due by <%= it.due.en %>. Please see that it is submitted soon. Escalation level <%= it.step %>.',
    },
  },
  coordinator: {
    subject: { id: 'Eskalasi: laporan kinerja <%= it.period %> <%= it.unit %> belum masuk', en: 'Escalation: performance report <%= it.period %> of <%= it.unit %> not in' },
    body: {
      id: 'Laporan realisasi kinerja <%= it.unit %> periode <%= it.period %> belum dikirim, padahal batas waktunya, <%= it.due.id %>, telah lewat. Eskalasi tingkat <%= it.step %>.',
      en: 'The performance realisation report of <%= it.unit %> for <%= it.period %> has not been submitted, although it was due by <%= it.due.en %>. Escalation level <%= it.step %>.',
    },
  },
};
