// What the e-SAKIP module records in the audit log, in words.
export const sakipAuditActions = {
  'sakip.plan_create': { id: 'Membuat rencana kinerja', en: 'Created a performance plan' },
  'sakip.plan_update': { id: 'Mengubah rencana kinerja', en: 'Changed a performance plan' },
  'sakip.plan_status': { id: 'Mengubah status rencana kinerja', en: 'Changed a performance plan\'s status' },
  'sakip.node_add': { id: 'Menambah simpul pohon kinerja', en: 'Added a performance-tree node' },
  'sakip.node_update': { id: 'Mengubah simpul pohon kinerja', en: 'Changed a performance-tree node' },
  'sakip.node_move': { id: 'Memindahkan simpul pohon kinerja', en: 'Moved a performance-tree node' },
  'sakip.node_remove': { id: 'Menghapus simpul pohon kinerja', en: 'Removed a performance-tree node' },
  'sakip.indicator_add': { id: 'Menambah indikator kinerja', en: 'Added a performance indicator' },
  'sakip.indicator_update': { id: 'Mengubah indikator kinerja', en: 'Changed a performance indicator' },
  'sakip.indicator_remove': { id: 'Menghapus indikator kinerja', en: 'Removed a performance indicator' },
  'sakip.target_set': { id: 'Menetapkan target indikator', en: 'Set an indicator target' },
  'sakip.target_revise': { id: 'Merevisi target indikator', en: 'Revised an indicator target' },
  'sakip.realisation': { id: 'Mengisi realisasi indikator', en: 'Entered an indicator realisation' },
  'sakip.evidence_add': { id: 'Melampirkan bukti dukung realisasi', en: 'Attached evidence to a realisation' },
  'sakip.evidence_remove': { id: 'Menghapus bukti dukung realisasi', en: 'Removed a realisation\'s evidence' },
  'sakip.plan_import': { id: 'Mengimpor susunan rencana kinerja dari Excel', en: 'Imported a performance plan\'s structure from Excel' },
  'sakip.period_open': { id: 'Membuka periode pelaporan kinerja', en: 'Opened a performance reporting period' },
  'sakip.period_close': { id: 'Menutup dan mengunci periode pelaporan kinerja', en: 'Closed and locked a performance reporting period' },
  'sakip.period_reopen': { id: 'Membuka kembali periode pelaporan kinerja', en: 'Reopened a performance reporting period' },
  'sakip.report_submit': { id: 'Mengirim laporan kinerja perangkat daerah', en: 'Submitted a unit\'s performance report' },
  'sakip.agreement_draft': { id: 'Menyusun draf perjanjian kinerja', en: 'Drafted a performance agreement' },
  'sakip.agreement_update': { id: 'Mengubah draf perjanjian kinerja', en: 'Changed a performance agreement draft' },
  'sakip.agreement_sign': { id: 'Mencatat penandatanganan perjanjian kinerja', en: 'Recorded a performance agreement\'s signing' },
  'sakip.agreement_revise': { id: 'Merevisi perjanjian kinerja', en: 'Revised a performance agreement' },
  // The internal AKIP evaluation and KemenPANRB's results.
  'sakip.evaluation_open': { id: 'Membuka evaluasi AKIP', en: 'Opened an AKIP evaluation' },
  'sakip.evaluation_status': { id: 'Mengubah tahap evaluasi AKIP', en: 'Changed an AKIP evaluation\'s stage' },
  'sakip.evaluation_answer': { id: 'Menjawab kriteria evaluasi AKIP', en: 'Answered AKIP evaluation criteria' },
  'sakip.evaluation_evidence_add': { id: 'Melampirkan berkas bukti jawaban evaluasi AKIP', en: 'Attached evidence files to an AKIP evaluation answer' },
  'sakip.evaluation_evidence_remove': { id: 'Menghapus berkas bukti jawaban evaluasi AKIP', en: 'Removed an AKIP evaluation answer\'s evidence file' },
  'sakip.evaluation_review': { id: 'Menilai sub-komponen evaluasi AKIP', en: 'Scored an AKIP evaluation sub-component' },
  'sakip.evaluation_notes': { id: 'Mengubah catatan evaluasi AKIP', en: 'Changed an AKIP evaluation\'s notes' },
  'sakip.evaluation_final': { id: 'Memfinalkan evaluasi AKIP', en: 'Finalised an AKIP evaluation' },
  'sakip.recommendation_add': { id: 'Menambah rekomendasi evaluasi AKIP', en: 'Added an AKIP evaluation recommendation' },
  'sakip.recommendation_follow_up': { id: 'Mencatat tindak lanjut rekomendasi AKIP', en: 'Recorded an AKIP recommendation\'s follow-up' },
  'sakip.official_result': { id: 'Mencatat hasil evaluasi AKIP KemenPANRB', en: 'Recorded KemenPANRB\'s AKIP result' },
};

declare module '../../platform/audit/audit.js' {
  interface ModuleAuditActions extends Record<keyof typeof sakipAuditActions, true> {}
}
