// What the complaints module records in the audit log, in words.
import type { Words } from '../../platform/errors.js';
import type { Action } from './domain/status.js';

const complaintActions: Record<`complaint.${Action}`, Words> = {
  'complaint.dispatch': { id: 'Pengaduan: verifikasi dan teruskan', en: 'Complaint: verified and dispatched' },
  'complaint.reject': { id: 'Pengaduan: ditolak', en: 'Complaint: rejected' },
  'complaint.merge': { id: 'Pengaduan: digabung dengan laporan lain', en: 'Complaint: merged into another report' },
  'complaint.acknowledge': { id: 'Pengaduan: tugas diterima', en: 'Complaint: task accepted' },
  'complaint.respond': { id: 'Pengaduan: ditanggapi', en: 'Complaint: responded' },
  'complaint.dispose': { id: 'Pengaduan: dialihkan ke perangkat daerah lain', en: 'Complaint: handed over to another unit' },
  'complaint.transfer': { id: 'Pengaduan: dialihkan ke pemerintah daerah lain', en: 'Complaint: transferred to another government level' },
  'complaint.resolve': { id: 'Pengaduan: diselesaikan', en: 'Complaint: resolved' },
  'complaint.rate': { id: 'Pengaduan: dinilai pelapor', en: 'Complaint: rated by the reporter' },
  'complaint.reopen': { id: 'Pengaduan: dibuka kembali', en: 'Complaint: reopened' },
  'complaint.note': { id: 'Pengaduan: catatan internal', en: 'Complaint: internal note' },
};

export const complaintAuditActions = {
  ...complaintActions,
  'category.create': { id: 'Menambah kategori', en: 'Added a category' },
  'category.update': { id: 'Mengubah kategori', en: 'Changed a category' },
  'routing.set': { id: 'Mengubah disposisi kategori', en: 'Changed a category\'s routing' },
  'sla.set': { id: 'Menetapkan batas waktu', en: 'Set a deadline' },
};

declare module '../../platform/audit/audit.js' {
  interface ModuleAuditActions extends Record<keyof typeof complaintAuditActions, true> {}
}
