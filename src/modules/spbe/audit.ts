// What the SPBE module records in the audit log, in words (assessor grants use the platform's grant.* actions).
export const spbeAuditActions = {
  'spbe.target': { id: 'Menetapkan target SPBE', en: 'Set the SPBE target' },
  'spbe.publish': { id: 'Menerbitkan hasil SPBE', en: 'Published the SPBE result' },
  'spbe.unpublish': { id: 'Menarik hasil SPBE', en: 'Withdrew the SPBE result' },
  'spbe.practice_set': { id: 'Menulis praktik SPBE indikator', en: 'Wrote an indicator\'s SPBE practice' },
  'spbe.practice_delete': { id: 'Menghapus praktik SPBE indikator', en: 'Removed an indicator\'s SPBE practice' },
  'spbe.practice_adopt': { id: 'Mengadopsi praktik SPBE dari daerah lain', en: 'Adopted another region\'s SPBE practice' },
};

declare module '../../platform/audit/audit.js' {
  interface ModuleAuditActions extends Record<keyof typeof spbeAuditActions, true> {}
}
