// What the Living Lab records in the audit log, in words.
export const livinglabAuditActions = {
  'livinglab.solution_create': { id: 'Membuat draf solusi Living Lab', en: 'Created a Living Lab solution draft' },
  'livinglab.solution_update': { id: 'Mengubah draf solusi Living Lab', en: 'Changed a Living Lab solution draft' },
  'livinglab.solution_publish': { id: 'Menerbitkan versi solusi Living Lab', en: 'Published a Living Lab solution version' },
  'livinglab.solution_delete': { id: 'Menghapus draf solusi Living Lab', en: 'Deleted a Living Lab solution draft' },
  'livinglab.kit_add': { id: 'Menambah berkas perangkat belajar', en: 'Added a learning-kit file' },
  'livinglab.kit_delete': { id: 'Menghapus berkas perangkat belajar', en: 'Deleted a learning-kit file' },
  'livinglab.adopt': { id: 'Mengadopsi solusi Living Lab', en: 'Adopted a Living Lab solution' },
  'livinglab.rate': { id: 'Menilai solusi Living Lab yang diadopsi', en: 'Rated an adopted Living Lab solution' },
  'livinglab.review_answer': { id: 'Menjawab ulasan solusi Living Lab', en: 'Answered a Living Lab review' },
  'livinglab.review_moderate': { id: 'Memoderasi ulasan solusi Living Lab', en: 'Moderated a Living Lab review' },
  'livinglab.application_create': { id: 'Menambah aplikasi ke inventaris', en: 'Added an application to the inventory' },
  'livinglab.application_update': { id: 'Mengubah aplikasi dalam inventaris', en: 'Changed an application in the inventory' },
  'livinglab.propose': { id: 'Mengusulkan aplikasi atau belanja digital', en: 'Proposed an application or digital spending' },
  'livinglab.decide': { id: 'Memutus usulan aplikasi atau belanja digital', en: 'Decided an application or digital-spending proposal' },
  'livinglab.curate': { id: 'Mengkurasi solusi Living Lab', en: 'Curated a Living Lab solution' },
  // ---- coaching (pendampingan) ----
  'livinglab.coaching_programme_create': { id: 'Membuat program pendampingan', en: 'Created a coaching programme' },
  'livinglab.coaching_programme_update': { id: 'Mengubah program pendampingan', en: 'Changed a coaching programme' },
  'livinglab.coaching_goals': { id: 'Menetapkan sasaran daerah dampingan', en: 'Set a pilot\'s goals' },
  'livinglab.coaching_task_add': { id: 'Menambah tugas pendampingan', en: 'Added a coaching task' },
  'livinglab.coaching_task_delete': { id: 'Menghapus tugas pendampingan', en: 'Deleted a coaching task' },
  'livinglab.coaching_task_status': { id: 'Mengubah status tugas pendampingan', en: 'Changed a coaching task\'s status' },
  'livinglab.coaching_session': { id: 'Menjadwalkan atau mengubah sesi pendampingan', en: 'Planned or changed a coaching session' },
  'livinglab.coaching_session_delete': { id: 'Menghapus sesi pendampingan', en: 'Deleted a coaching session' },
  'livinglab.coaching_note': { id: 'Menambah catatan pendampingan', en: 'Added a coaching note' },
  'livinglab.coaching_file': { id: 'Mengunggah bukti pendampingan', en: 'Uploaded coaching evidence' },
  'livinglab.coaching_file_delete': { id: 'Menghapus bukti pendampingan', en: 'Deleted coaching evidence' },
  'livinglab.coaching_goal_done': { id: 'Menandai sasaran teks daerah dampingan', en: 'Marked a pilot\'s text goal' },
} as const;

declare module '../../platform/audit/audit.js' {
  interface ModuleAuditActions extends Record<keyof typeof livinglabAuditActions, true> {}
}
