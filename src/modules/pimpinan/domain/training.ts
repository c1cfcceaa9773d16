// Training records for digital leadership without I/O: what a programme and a
// participant may be, the completion rule, the counts per unit the list
// shows, and the export's rows (Indonesian headers, one row per participant)
// that the SPBE coordinator attaches as evidence for the human-resources
// indicators (README: which ones).
import type { Words } from '../../../platform/errors.js';

export const TRAINING_KINDS = ['digital_leadership', 'gcio', 'technical', 'other'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const PARTICIPANT_STATUSES = ['enrolled', 'completed', 'not_completed'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export const KIND_LABEL: Record<TrainingKind, Words> = {
  digital_leadership: { id: 'Kepemimpinan digital', en: 'Digital leadership' },
  gcio: { id: 'Bimbingan teknis GCIO', en: 'GCIO technical guidance' },
  technical: { id: 'Teknis', en: 'Technical' },
  other: { id: 'Lainnya', en: 'Other' },
};
export const STATUS_LABEL: Record<ParticipantStatus, Words> = {
  enrolled: { id: 'Terdaftar', en: 'Enrolled' },
  completed: { id: 'Lulus/selesai', en: 'Completed' },
  not_completed: { id: 'Tidak selesai', en: 'Not completed' },
};

/** What the audit log says for each training action. */
export const trainingAuditActions = {
  'pimpinan.training_create': { id: 'Mencatat program pelatihan', en: 'Recorded a training programme' },
  'pimpinan.training_update': { id: 'Mengubah program pelatihan', en: 'Changed a training programme' },
  'pimpinan.training_delete': { id: 'Menghapus program pelatihan', en: 'Deleted a training programme' },
  'pimpinan.participant_add': { id: 'Menambah peserta pelatihan', en: 'Added a training participant' },
  'pimpinan.participant_update': { id: 'Mengubah peserta pelatihan', en: 'Changed a training participant' },
  'pimpinan.participant_remove': { id: 'Menghapus peserta pelatihan', en: 'Removed a training participant' },
  'pimpinan.certificate_upload': { id: 'Mengunggah sertifikat pelatihan', en: 'Uploaded a training certificate' },
  'pimpinan.certificate_remove': { id: 'Menghapus sertifikat pelatihan', en: 'Removed a training certificate' },
} as const;

declare module '../../../platform/audit/audit.js' {
  interface ModuleAuditActions extends Record<keyof typeof trainingAuditActions, true> {}
}

/** A programme's dates: the end not before the start. */
export const datesInOrder = (start: string, end: string) => end >= start;

/**
 * A participant's status and completion date together: completed has a date
 * (not before the programme starts, not after today), other statuses none.
 * Returns the problem in words, or null.
 */
export function completionProblem(status: ParticipantStatus, completedOn: string | null, programme: { startDate: string }, today: string): string | null {
  if (status !== 'completed') return completedOn === null ? null : 'completedOn only for a completed participant';
  if (completedOn === null) return 'completedOn required when completed';
  if (completedOn < programme.startDate) return 'completedOn before the programme starts';
  if (completedOn > today) return 'completedOn in the future';
  return null;
}

export interface UnitCount { unitId: string; participants: number; completed: number }

/** Participants and completions per unit, most participants first, then by unit id. */
export function countByUnit(rows: readonly { unitId: string; status: string }[]): UnitCount[] {
  const by = new Map<string, UnitCount>();
  for (const r of rows) {
    const c = by.get(r.unitId) ?? { unitId: r.unitId, participants: 0, completed: 0 };
    c.participants += 1;
    if (r.status === 'completed') c.completed += 1;
    by.set(r.unitId, c);
  }
  return [...by.values()].sort((a, b) => b.participants - a.participants || a.unitId.localeCompare(b.unitId));
}

export const EXPORT_HEADER = ['Program', 'Penyelenggara', 'Jenis', 'Tanggal', 'Jam pelajaran', 'Peserta', 'NIP', 'Unit', 'Jabatan', 'Status', 'Tanggal selesai', 'Sertifikat'];

export interface ExportProgramme {
  title: string; organiser: string; kind: TrainingKind; startDate: string; endDate: string; hours: number | null;
  participants: { name: string; nip: string | null; unit: string; position: string; status: ParticipantStatus; completedOn: string | null; certificate: boolean }[];
}

/** One row per participant (a programme without participants still gets one row), as text and numbers. */
export function exportRows(programmes: readonly ExportProgramme[]): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (const p of programmes) {
    const head = [p.title, p.organiser, KIND_LABEL[p.kind].id, p.startDate === p.endDate ? p.startDate : `${p.startDate} s.d. ${p.endDate}`, p.hours];
    if (p.participants.length === 0) rows.push([...head, null, null, null, null, null, null, null]);
    for (const x of p.participants) {
      rows.push([...head, x.name, x.nip, x.unit, x.position, STATUS_LABEL[x.status].id, x.completedOn, x.certificate ? 'ada' : 'tidak']);
    }
  }
  return rows;
}
