// The public-services module (layanan publik) as the platform sees it (the
// module contract). Slice 1: the region's service catalogue, each service's
// standard (PermenPANRB 15/2014, versioned on publication) and each unit's
// service pledge. Slice 2: the satisfaction survey (SKM, PermenPANRB
// 14/2017): paper forms entered by staff, populations, the index per service,
// unit and period, and its public page. Slice 6: bills (service fees and
// imported regional tax bills), paid by a dynamic QRIS code with signed bank
// callbacks or reconciled from a bank statement. Applications, deadlines and
// documents come in later slices (README.md).
import { defineModule } from '../../platform/modules/contract.js';
import { referencesUser } from '../../platform/modules/relations.js';
import { layananAuditActions } from './audit.js';
import * as tables from './schema.js';
import { layananErrors } from './errors.js';
import { layananRoutes } from './http/routes.js';
import { layananIsolation } from './isolation.js';
import { verifyDocument } from './service/documents.js';
import { seedLayananDemo } from './demo.js';
import { applicationDeadlineHandler } from './service/deadlines.js';
import { servicesPackage } from './service/package.js';
import { receiptJob } from './service/payments/receipts.js';
import { layananSealedColumns, rewriteClearSecrets } from './service/secrets.js';
import { layananMeasures, layananTiles } from './service/tiles.js';
import { stagesPastTarget } from './service/attention.js';
import { layananAdoption } from './service/adoption.js';

// The region's service manager (often the DPMPTSP or the organisation
// office) runs the whole catalogue; a unit's service manager its own unit's
// services and pledge (the service checks the unit). Unit heads and the head
// of region read. Citizens and anonymous callers read published services only
// (public routes). Counter staff (layanan_counter) enter paper satisfaction
// forms for their unit's services (later they file applications for
// walk-ins); service managers may too. Every reader sees the survey results.
// Service officers (layanan_officer) act on workflow stages such as a
// technical review or a field survey (the application slice); they read.
const permissions = {
  // They list the region's units (a service's owner).
  'region.staff': ['layanan_manager', 'layanan_unit_manager', 'layanan_counter', 'layanan_officer'],
  'layanan.read': ['layanan_manager', 'layanan_unit_manager', 'layanan_counter', 'layanan_officer', 'unit_head', 'head_of_region', 'region_admin'],
  'layanan.manage': ['layanan_manager', 'layanan_unit_manager'],
  'layanan.skm.enter': ['layanan_manager', 'layanan_unit_manager', 'layanan_counter'],
  // Filing for a walk-in at the counter, for the service's unit.
  'layanan.file': ['layanan_manager', 'layanan_unit_manager', 'layanan_counter'],
  // The region's document numbering and its electronic signer are region-wide settings.
  'layanan.documents.configure': ['layanan_manager', 'region_admin'],
  // Bills name payers and amounts: the region's service manager and the region's leadership read them; only the manager cancels, imports, reconciles and sets the payment channel.
  'layanan.bills.read': ['layanan_manager', 'head_of_region', 'region_admin'],
  'layanan.payments.manage': ['layanan_manager'],
} as const;

declare module '../../platform/auth/policy.js' {
  interface ModuleRoles { layanan_manager: true; layanan_unit_manager: true; layanan_counter: true; layanan_officer: true }
  interface ModulePermissions extends Record<keyof typeof permissions, true> {}
}

export const layananModule = defineModule({
  name: 'layanan',
  title: { id: 'Layanan Publik', en: 'Public services' },
  auditActions: layananAuditActions,
  tables,
  migrations: new URL('./migrations', import.meta.url),
  roles: [
    { name: 'layanan_manager', label: { id: 'Pengelola katalog layanan publik', en: 'Public-service catalogue manager' }, scope: 'region', grantedBy: 'region_admin' },
    { name: 'layanan_unit_manager', label: { id: 'Pengelola layanan perangkat daerah', en: 'Unit service manager' }, scope: 'unit', grantedBy: 'region_admin' },
    { name: 'layanan_counter', label: { id: 'Petugas loket', en: 'Counter staff' }, scope: 'unit', grantedBy: 'region_admin' },
    { name: 'layanan_officer', label: { id: 'Petugas pengolah layanan', en: 'Service officer' }, scope: 'unit', grantedBy: 'region_admin' },
  ],
  permissions,
  errors: layananErrors,
  routes: layananRoutes,
  isolation: layananIsolation,
  // Its issued documents, for the platform's public verification by token.
  verifyDocument,
  // Secrets stored in clear before they were encrypted (or restored from such a backup) are sealed at every start (service/secrets.ts).
  async prepare(database) {
    await rewriteClearSecrets(database.db);
  },
  // Re-sealed under a new key by `pamong rotate-secret-key` (platform/secret-rotation.ts).
  sealedColumns: layananSealedColumns,
  deadlines: { application: applicationDeadlineHandler },
  jobs: [receiptJob],
  tiles: layananTiles,
  attention: [stagesPastTarget],
  measures: layananMeasures,
  // For the leader's ranking of units: applications decided by an officer, not deemed granted (service/adoption.ts).
  adoption: layananAdoption,
  // Living Lab: a region shares its published service definitions; another adopts them as drafts (service/package.ts).
  packages: [servicesPackage],
  // Who last changed a service's draft, published a version, wrote a unit's pledge, entered a survey form or a population, issued or revoked a document, set the numbering, a letterhead, the signer or the payment channel, confirmed a reconciliation; who filed an application or acted on it. Units are the region's own rows.
  sharedRelations: [
    referencesUser('layanan_services', 'updated_by'),
    referencesUser('layanan_standard_versions', 'published_by'),
    referencesUser('layanan_pledges', 'updated_by'),
    referencesUser('layanan_skm_responses', 'entered_by'),
    referencesUser('layanan_skm_responses', 'corrected_by'),
    referencesUser('layanan_skm_populations', 'updated_by'),
    referencesUser('layanan_applications', 'applicant_user_id'),
    referencesUser('layanan_applications', 'filed_by'),
    referencesUser('layanan_application_events', 'actor_user_id'),
    referencesUser('layanan_documents', 'issued_by'),
    referencesUser('layanan_documents', 'revoked_by'),
    referencesUser('layanan_numbering', 'updated_by'),
    referencesUser('layanan_letterheads', 'updated_by'),
    referencesUser('layanan_signers', 'updated_by'),
    referencesUser('layanan_payment_channels', 'updated_by'),
    referencesUser('layanan_reconciliations', 'by'),
  ],
  demo: { seed: (tx, place) => seedLayananDemo(tx, place) },
});
