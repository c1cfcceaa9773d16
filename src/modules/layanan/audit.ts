// What the public-services module records in the audit log, in words.
export const layananAuditActions = {
  'layanan.service_create': { id: 'Membuat layanan', en: 'Created a service' },
  'layanan.service_update': { id: 'Mengubah draf layanan dan standar pelayanannya', en: 'Changed a service\'s draft and its standard' },
  'layanan.service_publish': { id: 'Menerbitkan standar pelayanan', en: 'Published a service standard' },
  'layanan.service_archive': { id: 'Mengarsipkan layanan', en: 'Archived a service' },
  'layanan.service_delete': { id: 'Menghapus draf layanan', en: 'Deleted a draft service' },
  'layanan.pledge_update': { id: 'Mengubah maklumat pelayanan', en: 'Changed a service pledge' },
  'layanan.skm_response_enter': { id: 'Memasukkan formulir survei kepuasan masyarakat', en: 'Entered a satisfaction-survey form' },
  'layanan.skm_response_correct': { id: 'Mengoreksi formulir survei kepuasan masyarakat (kertas)', en: 'Corrected a (paper) satisfaction-survey form' },
  'layanan.skm_response_delete': { id: 'Menghapus formulir survei kepuasan masyarakat (kertas)', en: 'Deleted a (paper) satisfaction-survey form' },
  'layanan.skm_population_set': { id: 'Mengisi jumlah pengguna layanan untuk survei kepuasan', en: 'Set the number of service users for the satisfaction survey' },
  'layanan.document_issue': { id: 'Menerbitkan dokumen', en: 'Issued a document' },
  'layanan.document_revoke': { id: 'Mencabut dokumen', en: 'Revoked a document' },
  'layanan.numbering_set': { id: 'Mengubah pola penomoran dokumen', en: 'Changed the document numbering pattern' },
  'layanan.letterhead_set': { id: 'Mengubah kop surat dan penanda tangan', en: 'Changed a letterhead and signer' },
  'layanan.signer_set': { id: 'Mengatur penanda tangan elektronik daerah', en: 'Set the region\'s electronic signer' },
  'layanan.bill_cancel': { id: 'Membatalkan tagihan', en: 'Cancelled a bill' },
  'layanan.payment_channel_set': { id: 'Mengatur kanal pembayaran QRIS', en: 'Set the QRIS payment channel' },
  'layanan.reconciliation': { id: 'Merekonsiliasi mutasi rekening bank', en: 'Reconciled a bank statement' },
  'layanan.tax_import': { id: 'Mengimpor tagihan pajak daerah', en: 'Imported regional tax bills' },
} as const;

declare module '../../platform/audit/audit.js' {
  interface ModuleAuditActions extends Record<keyof typeof layananAuditActions, true> {}
}
