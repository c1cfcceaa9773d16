// Words for the evaluation's codes, the one place they are written: the web
// app's dictionaries and the exports both read them. Kept apart from cycle.ts
// so the web's first download carries the words without the rules' errors.
import type { Text } from '../../../platform/i18n.js';
import type { AnswerStatus, Stage } from './cycle.js';

export const stageLabel: Record<Stage, Text> = {
  draft: { id: 'Persiapan', en: 'Preparation' },
  self_assessment: { id: 'Penilaian mandiri', en: 'Self-assessment' },
  internal_validation: { id: 'Validasi internal', en: 'Internal validation' },
  external_assessment: { id: 'Penilaian eksternal', en: 'External assessment' },
  final: { id: 'Final', en: 'Final' },
  closed: { id: 'Ditutup', en: 'Closed' },
};

export const answerStatusLabel: Record<AnswerStatus, Text> = {
  unassigned: { id: 'Belum ditugaskan', en: 'Not assigned' },
  pending: { id: 'Belum diisi', en: 'Not filled' },
  submitted: { id: 'Menunggu tinjauan', en: 'Awaiting review' },
  returned: { id: 'Dikembalikan', en: 'Returned' },
  accepted: { id: 'Diterima', en: 'Accepted' },
  validated: { id: 'Tervalidasi', en: 'Validated' },
};
