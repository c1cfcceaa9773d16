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
import { seedLayananDemo } from './demo.js';

// The region's service manager (often the DPMPTSP or the organisation
// office) runs the whole catalogue; a unit's service manager its own unit's
// services and pledge (the service checks the unit). Unit heads and the head
// of region read. Citizens and anonymous callers read published services only
// (public routes). Counter staff (layanan_counter) enter paper satisfaction
// forms for their unit's services (later they file applications for
// walk-ins); service managers may too. Every reader sees the survey results.
const permissions = {
  // They list the region's units (a service's owner).
  'region.staff': ['layanan_manager', 'layanan_unit_manager', 'layanan_counter'],
  'layanan.read': ['layanan_manager', 'layanan_unit_manager', 'layanan_counter', 'unit_head', 'head_of_region', 'region_admin'],
  'layanan.manage': ['layanan_manager', 'layanan_unit_manager'],
  'layanan.skm.enter': ['layanan_manager', 'layanan_unit_manager', 'layanan_counter'],
  // Bills name payers and amounts: the region's service manager and the region's leadership read them; only the manager cancels, imports, reconciles and sets the payment channel.
  'layanan.bills.read': ['layanan_manager', 'head_of_region', 'region_admin'],
  'layanan.payments.manage': ['layanan_manager'],
} as const;

declare module '../../platform/auth/policy.js' {
  interface ModuleRoles { layanan_manager: true; layanan_unit_manager: true; layanan_counter: true }
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
  ],
  permissions,
  errors: layananErrors,
  routes: layananRoutes,
  isolation: layananIsolation,
  // Who last changed a service's draft, published a version, wrote a unit's pledge, entered a survey form or a population, set the payment channel, confirmed a reconciliation. Units are the region's own rows.
  sharedRelations: [
    referencesUser('layanan_services', 'updated_by'),
    referencesUser('layanan_standard_versions', 'published_by'),
    referencesUser('layanan_pledges', 'updated_by'),
    referencesUser('layanan_skm_responses', 'entered_by'),
    referencesUser('layanan_skm_populations', 'updated_by'),
    referencesUser('layanan_payment_channels', 'updated_by'),
    referencesUser('layanan_reconciliations', 'by'),
  ],
  demo: { seed: (tx, place) => seedLayananDemo(tx, place) },
});
