// The leader's dashboard as the platform sees it (the module contract): one
// page per region with every module's figures (their `tiles`) and what waits
// on the reader (their `attention`), read through the registry, never from
// another module's tables. The head of region reads it, and the delegates
// the region admin names (a chief of staff, a GCIO).
import { defineModule } from '../../platform/modules/contract.js';
import { referencesUser } from '../../platform/modules/relations.js';
import { pimpinanErrors } from './errors.js';
import { pimpinanRoutes } from './http/routes.js';
import { pimpinanIsolation } from './isolation.js';
import * as tables from './schema.js';
import { pimpinanSettings, pimpinanSettingsChange } from './settings.js';
import { sweepFigures } from './service/figures.js';
import { sweepDigests } from './service/digest.js';
import { trainingAuditActions } from './domain/training.js';
import { seedPimpinanDemo } from './demo.js';

const permissions = {
  'pimpinan.read': ['head_of_region', 'pimpinan_delegate'],
  // Units' digital adoption: the leader's whole list; a unit head their own unit's row.
  'pimpinan.adoption': ['head_of_region', 'pimpinan_delegate', 'unit_head'],
  // The weekly digest's day: everyone who receives one (service/digest.ts).
  'pimpinan.digest': ['head_of_region', 'pimpinan_delegate', 'unit_head'],
  // Training records (digital leadership, GCIO guidance): kept by these, and the SPBE coordinator's evidence (service/training.ts).
  'pimpinan.training': ['region_admin', 'head_of_region', 'pimpinan_delegate', 'spbe_coordinator'],
  // Reading them: the keepers, and a unit head their own unit's participants only.
  'pimpinan.training_read': ['region_admin', 'head_of_region', 'pimpinan_delegate', 'spbe_coordinator', 'unit_head'],
} as const;

declare module '../../platform/auth/policy.js' {
  interface ModuleRoles { pimpinan_delegate: true }
  interface ModulePermissions extends Record<keyof typeof permissions, true> {}
}

export const pimpinanModule = defineModule({
  name: 'pimpinan',
  title: { id: 'Dasbor pimpinan', en: 'Leader\'s dashboard' },
  tables,
  migrations: new URL('./migrations', import.meta.url),
  settings: pimpinanSettings,
  // A save names only figures some module offers now; what is stored keeps reading after a module is removed.
  settingsChange: { schema: pimpinanSettingsChange, errors: ['pimpinan.unknown_tile'] },
  roles: [
    { name: 'pimpinan_delegate', label: { id: 'Delegasi kepala daerah (dasbor pimpinan)', en: 'Head of region\'s delegate (leader\'s dashboard)' }, scope: 'region', grantedBy: 'region_admin' },
  ],
  permissions,
  errors: pimpinanErrors,
  routes: pimpinanRoutes,
  isolation: pimpinanIsolation,
  // Training records for the demo region (demo.ts).
  demo: { seed: seedPimpinanDemo },
  // Every enabled region's figures, read again when older than the region's interval (settings: pimpinan.figuresMinutes).
  // Each person's weekly digest on their day (service/digest.ts).
  sweeps: [{ name: 'pimpinan.figures', run: sweepFigures }, { name: 'pimpinan.digest', run: sweepDigests }],
  // A digest's preference and sending are a person's: backup carries the account they point at.
  sharedRelations: [referencesUser('pimpinan_digest_preferences', 'user_id'), referencesUser('pimpinan_digests', 'user_id'),
    // Training records: who entered a programme, a participant's account, who uploaded a certificate.
    referencesUser('pimpinan_trainings', 'created_by'), referencesUser('pimpinan_training_participants', 'user_id'),
    referencesUser('pimpinan_training_participants', 'certificate_by')],
  auditActions: trainingAuditActions,
});
