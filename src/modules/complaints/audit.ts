// What the complaints module records in the audit log, in words.
import type { Words } from '../../platform/errors.js';
import type { Action } from './domain/status.js';

const complaintActions: Record<`complaint.${Action}`, Words> = {
  'complaint.dispatch': { id: 'Pengaduan: Verifikasi dan teruskan', en: 'Complaint: Verified and dispatched' },
  'complaint.reject': { id: 'Pengaduan: Ditolak', en: 'Complaint: Rejected' },
  'complaint.merge': { id: 'Pengaduan: Digabung dengan laporan lain', en: 'Complaint: Merged into another report' },
  'complaint.acknowledge': { id: 'Pengaduan: Tugas diterima', en: 'Complaint: Task accepted' },
  'complaint.respond': { id: 'Pengaduan: Ditanggapi', en: 'Complaint: Responded' },
  'complaint.dispose': { id: 'Pengaduan: Dialihkan ke perangkat daerah lain', en: 'Complaint: Handed over to another unit' },
  'complaint.transfer': { id: 'Pengaduan: Dialihkan ke pemerintah daerah lain', en: 'Complaint: Transferred to another government level' },
  'complaint.resolve': { id: 'Pengaduan: Diselesaikan', en: 'Complaint: Resolved' },
  'complaint.rate': { id: 'Pengaduan: Dinilai pelapor', en: 'Complaint: Rated by the reporter' },
  'complaint.reopen': { id: 'Pengaduan: Dibuka kembali', en: 'Complaint: Reopened' },
  'complaint.note': { id: 'Pengaduan: Catatan internal', en: 'Complaint: Internal note' },
};

export const complaintAuditActions = {
  ...complaintActions,
  'category.create': { id: 'Menambah kategori', en: 'Added a category' },
  'category.update': { id: 'Mengubah kategori', en: 'Changed a category' },
  'routing.set': { id: 'Mengubah disposisi kategori', en: 'Changed a category\'s routing' },
  'sla.set': { id: 'Menetapkan batas waktu', en: 'Set a deadline' },
  'sla.remove': { id: 'Menghapus batas waktu khusus kategori', en: 'Removed a category\'s own deadline' },
};

declare module '../../platform/audit/audit.js' {
  interface ModuleAuditActions extends Record<keyof typeof complaintAuditActions, true> {}
}
