// What the correspondence module records in the audit log, in words.
export const suratAuditActions = {
  'surat.reference_correct': { id: 'Mengoreksi data referensi naskah dinas', en: 'Corrected correspondence reference data' },
  'surat.incoming_register': { id: 'Mencatat naskah masuk', en: 'Registered an incoming letter' },
  'surat.incoming_update': { id: 'Mengubah catatan naskah masuk', en: 'Changed an incoming letter\'s record' },
  'surat.distribute': { id: 'Mendistribusikan naskah kepada pimpinan', en: 'Distributed a letter to the leader' },
  'surat.attachment_add': { id: 'Menambah berkas naskah', en: 'Added a letter file' },
  'surat.dispose': { id: 'Memberi disposisi', en: 'Gave a disposition' },
  'surat.disposition_withdraw': { id: 'Menarik disposisi', en: 'Withdrew a disposition' },
  'surat.disposition_follow_up': { id: 'Menindaklanjuti disposisi', en: 'Followed up a disposition' },
  'surat.disposition_done': { id: 'Menyelesaikan disposisi dengan laporan', en: 'Completed a disposition with a report' },
  'surat.draft_create': { id: 'Membuat draf naskah', en: 'Created a letter draft' },
  'surat.draft_update': { id: 'Mengubah draf naskah', en: 'Changed a letter draft' },
  'surat.draft_submit': { id: 'Mengajukan draf untuk verifikasi', en: 'Submitted a draft for verification' },
  'surat.review_approve': { id: 'Memaraf naskah', en: 'Initialled a letter' },
  'surat.review_return': { id: 'Mengembalikan naskah dengan catatan', en: 'Returned a letter with notes' },
  'surat.sign': { id: 'Menandatangani dan menomori naskah', en: 'Signed and numbered a letter' },
  'surat.send': { id: 'Mengirim naskah', en: 'Sent a letter' },
  'surat.numbering_set': { id: 'Mengubah pola penomoran naskah', en: 'Changed the letter numbering pattern' },
  'surat.template_set': { id: 'Mengubah templat jenis naskah', en: 'Changed a document type\'s template' },
  'surat.file_create': { id: 'Membuat berkas arsip', en: 'Created a record file' },
  'surat.file_add': { id: 'Memberkaskan naskah', en: 'Filed a letter' },
  'surat.file_close': { id: 'Menutup berkas arsip', en: 'Closed a record file' },
  'surat.retention_set': { id: 'Mengubah jadwal retensi arsip', en: 'Changed the retention schedule' },
  'surat.disposal_propose': { id: 'Mengusulkan penyusutan arsip', en: 'Proposed a records disposal' },
  'surat.disposal_decide': { id: 'Memutus usul penyusutan arsip', en: 'Decided a records disposal' },
  'surat.import': { id: 'Mengimpor naskah', en: 'Imported letters' },
  'surat.export': { id: 'Mengekspor naskah untuk pertukaran', en: 'Exported letters for exchange' },
} as const;

declare module '../../platform/audit/audit.js' {
  interface ModuleAuditActions extends Record<keyof typeof suratAuditActions, true> {}
}
