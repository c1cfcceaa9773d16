// What staff and applicants are told about applications, in both languages.
// Staff notices are Eta templates filled by platform/notify/staff.ts; the
// applicant's emails are plain text built here.
import type { NoticeTemplate } from '../../../platform/notify/staff.js';
import type { ApplicationStatus } from './journey.js';

/** To the acting role of a stage when an application arrives there. Data: no, service, stage ({ id, en }). */
export const arrivedAtStage: NoticeTemplate = {
  subject: { id: 'Permohonan <%= it.no %> menunggu tahap <%= it.stage.id %>', en: 'Application <%= it.no %> waits at <%= it.stage.en %>' },
  body: { id: 'Layanan: <%= it.service %>. Tindak lanjuti sebelum batas waktu.', en: 'Service: <%= it.service %>. Please act before the deadline.' },
};

/** A day before the decision deadline. Data: no, service. */
export const decisionSoon: NoticeTemplate = {
  subject: { id: 'Batas keputusan permohonan <%= it.no %> tinggal sehari', en: 'One day left to decide application <%= it.no %>' },
  body: {
    id: 'Layanan: <%= it.service %>. Bila batas terlewati tanpa keputusan, permohonan dianggap dikabulkan (fiktif positif, UU 30/2014 Pasal 53).',
    en: 'Service: <%= it.service %>. If the deadline passes without a decision, the application is deemed granted (fiktif positif).',
  },
};

/** To the unit's head (and, later, the service manager) when the decision deadline passed with no decision. Data: no, service. */
export const deemedGrantedNotice: NoticeTemplate = {
  subject: { id: 'FIKTIF POSITIF: permohonan <%= it.no %> lewat batas tanpa keputusan', en: 'FIKTIF POSITIF: application <%= it.no %> passed its deadline undecided' },
  body: {
    id: 'Layanan: <%= it.service %>. Menurut UU 30/2014 Pasal 53 sebagaimana diubah, permohonan ini dianggap dikabulkan secara hukum. Segera tetapkan keputusannya.',
    en: 'Service: <%= it.service %>. Under Law 30/2014 Art. 53 as amended, the application is deemed granted. Issue the decision now.',
  },
};

/** A stage past its own internal target. Data: no, service. */
export const stageOverdue: NoticeTemplate = {
  subject: { id: 'Permohonan <%= it.no %> melewati target tahapnya', en: 'Application <%= it.no %> is past its stage target' },
  body: { id: 'Layanan: <%= it.service %>. Segera tindak lanjuti.', en: 'Service: <%= it.service %>. Please act now.' },
};

export const statusLabel: Record<ApplicationStatus, { id: string; en: string }> = {
  in_process: { id: 'Diproses', en: 'In process' },
  returned: { id: 'Dikembalikan untuk dilengkapi', en: 'Returned for completion' },
  awaiting_payment: { id: 'Menunggu pembayaran retribusi', en: 'Awaiting payment of the fee' },
  finished: { id: 'Selesai', en: 'Finished' },
  refused: { id: 'Ditolak', en: 'Refused' },
  withdrawn: { id: 'Dibatalkan pemohon', en: 'Withdrawn by the applicant' },
};

/** The applicant's email after a step: what happened, the reason if any, and where to follow it. */
export function applicantEmail(a: { no: string; service: string; status: ApplicationStatus; reason: string | null; note?: string | null; link: string; filed?: boolean }) {
  const label = statusLabel[a.status];
  const head = a.filed
    ? { id: `Permohonan Anda untuk ${a.service} telah diterima dengan nomor registrasi ${a.no}.`, en: `Your application for ${a.service} was received with registration number ${a.no}.` }
    : { id: `Status permohonan Anda untuk ${a.service} kini: ${label.id}.`, en: `Your application for ${a.service} is now: ${label.en}.` };
  const reason = `${a.reason ? `\n\nAlasan / reason: ${a.reason}` : ''}${a.note ? `\n\n${a.note}` : ''}`;
  return {
    subject: `[${a.no}] ${a.filed ? 'Permohonan diterima / Application received' : `${label.id} / ${label.en}`}`,
    text: `${head.id}${reason}\n\nIkuti perkembangannya: ${a.link}\n\n---\n${head.en}\nFollow it: ${a.link}`,
  };
}
