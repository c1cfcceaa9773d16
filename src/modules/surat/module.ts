// The correspondence module (naskah dinas) as the platform sees it (the
// module contract): incoming letters and their dispositions, outgoing letters
// and memos (templates, verification, signing, numbering, sending), filing
// and retention, and the file exchange with SRIKANDI. README.md is the guide
// for records staff; what is built so far is listed there.
import { defineModule } from '../../platform/modules/contract.js';
import { referencesUser } from '../../platform/modules/relations.js';
import { suratAuditActions } from './audit.js';
import * as tables from './schema.js';
import { suratErrors } from './errors.js';
import { suratRoutes } from './http/routes.js';
import { suratIsolation } from './isolation.js';
import { loadReference } from './service/reference.js';
import { verifyLetter } from './service/verify.js';
import { suratLetterBook } from './service/letter-book.js';
import { seedSuratDemo } from './demo.js';
import { dispositionDeadlineHandler } from './service/deadlines.js';
import { RECORD_TYPE } from './service/dispositions.js';
import { suratAdoption } from './service/adoption.js';
import { suratTiles } from './service/tiles.js';
import { suratAttention } from './service/attention.js';

// Who does what (research §2.2, SRIKANDI's roles): a unit's records clerk
// (pencatat surat / TU) registers incoming letters, distributes them and
// sends signed ones; a leader (the unit's head, the head of region, or
// whoever is given surat_leader) gives dispositions; staff receive them and
// follow up, and draft letters; verifiers initial (paraf) and signers sign
// the letters assigned to them; the region's records manager files and
// retains; the region admin sets templates, numbering and the retention
// schedule. Opening a letter also depends on its security class and on
// being on it (domain/letter.ts).
const ROLES = ['surat_clerk', 'surat_leader', 'surat_staff', 'surat_verifier', 'surat_signer', 'surat_records_manager'] as const;
const permissions = {
  'region.staff': [...ROLES],
  'surat.read': [...ROLES, 'unit_head', 'head_of_region', 'region_admin'],
  'surat.register': ['surat_clerk'],
  'surat.dispose': ['surat_leader', 'unit_head', 'head_of_region'],
  'surat.draft': ['surat_staff', 'surat_clerk', 'surat_leader', 'unit_head'],
  'surat.send': ['surat_clerk'],
  'surat.file': ['surat_clerk', 'surat_records_manager'],
  'surat.retention': ['surat_records_manager'],
  'surat.disposal.decide': ['head_of_region', 'region_admin'],
  'surat.configure': ['region_admin'],
  'surat.exchange': ['surat_clerk', 'surat_records_manager'],
} as const;

declare module '../../platform/auth/policy.js' {
  interface ModuleRoles { surat_clerk: true; surat_leader: true; surat_staff: true; surat_verifier: true; surat_signer: true; surat_records_manager: true }
  interface ModulePermissions extends Record<keyof typeof permissions, true> {}
}

export const suratModule = defineModule({
  name: 'surat',
  title: { id: 'Naskah Dinas', en: 'Correspondence' },
  auditActions: suratAuditActions,
  tables,
  migrations: new URL('./migrations', import.meta.url),
  roles: [
    { name: 'surat_clerk', label: { id: 'Pencatat surat (tata usaha) perangkat daerah', en: 'Unit records clerk' }, scope: 'unit', grantedBy: 'region_admin' },
    { name: 'surat_leader', label: { id: 'Pimpinan pemberi disposisi', en: 'Leader (gives dispositions)' }, scope: 'unit', grantedBy: 'region_admin' },
    { name: 'surat_staff', label: { id: 'Staf penerima disposisi dan penyusun naskah', en: 'Staff (receives dispositions, drafts letters)' }, scope: 'unit', grantedBy: 'region_admin' },
    { name: 'surat_verifier', label: { id: 'Verifikator naskah (paraf)', en: 'Letter verifier (initials)' }, scope: 'unit', grantedBy: 'region_admin' },
    { name: 'surat_signer', label: { id: 'Penandatangan naskah', en: 'Letter signer' }, scope: 'unit', grantedBy: 'region_admin' },
    { name: 'surat_records_manager', label: { id: 'Pengelola arsip daerah (pemberkasan, retensi)', en: 'Region records manager (filing, retention)' }, scope: 'region', grantedBy: 'region_admin' },
  ],
  permissions,
  errors: suratErrors,
  routes: suratRoutes,
  isolation: suratIsolation,
  // Signed letters, for the platform's public verification by the token in their QR code.
  verifyDocument: verifyLetter,
  // The region's one letter numbering and register, for the letters public services and complaints produce.
  letterBook: suratLetterBook,
  // A disposition's deadline: a reminder to its recipient, then the one who gave it is told (service/deadlines.ts).
  deadlines: { [RECORD_TYPE]: dispositionDeadlineHandler },
  // For the leader's ranking of units: dispositions followed up on time (service/adoption.ts).
  adoption: suratAdoption,
  // The classification codes and document types, loaded once and corrected in Pamong afterwards (reference/SOURCES.md).
  prepare: (database, now) => loadReference(database, now),
  // People named on letters, dispositions, reviews, numbering, templates, files and disposals; the classification code and document type of letters and files are the shared lists.
  demo: { seed: (tx, place) => seedSuratDemo(tx, place) },
  tiles: suratTiles,
  attention: suratAttention,
  sharedRelations: [
    referencesUser('surat_letters', 'signer_user_id'),
    referencesUser('surat_letters', 'created_by'),
    referencesUser('surat_attachments', 'uploaded_by'),
    referencesUser('surat_letter_people', 'user_id'),
    referencesUser('surat_dispositions', 'from_user_id'),
    referencesUser('surat_dispositions', 'to_user_id'),
    referencesUser('surat_disposition_notes', 'author_user_id'),
    referencesUser('surat_reviews', 'verifier_user_id'),
    referencesUser('surat_numbering', 'updated_by'),
    referencesUser('surat_templates', 'updated_by'),
    referencesUser('surat_files', 'created_by'),
    referencesUser('surat_disposals', 'proposed_by'),
    referencesUser('surat_disposals', 'decided_by'),
    { from: { table: 'surat_letters', column: 'classification_code' }, to: { table: 'surat_classifications', column: 'code' }, naturalKey: ['code'] },
    { from: { table: 'surat_files', column: 'classification_code' }, to: { table: 'surat_classifications', column: 'code' }, naturalKey: ['code'] },
    { from: { table: 'surat_retention', column: 'classification_code' }, to: { table: 'surat_classifications', column: 'code' }, naturalKey: ['code'] },
    { from: { table: 'surat_letters', column: 'document_type_code' }, to: { table: 'surat_document_types', column: 'code' }, naturalKey: ['code'] },
    { from: { table: 'surat_templates', column: 'document_type_code' }, to: { table: 'surat_document_types', column: 'code' }, naturalKey: ['code'] },
  ],
});
