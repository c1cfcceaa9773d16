// The SPBE / Pemerintah Digital evaluation module as the platform sees it (the module contract).
import { defineModule, type SharedRelation } from '../../platform/modules/contract.js';
import { referencesUser } from '../../platform/modules/relations.js';
import { spbeAuditActions } from './audit.js';
import * as tables from './schema.js';
import { spbeErrors } from './errors.js';
import { spbeRoutes } from './routes.js';
import { seedSpbe } from './seed.js';
import { seedSpbeDemo } from './demo.js';
import { spbeTiles } from './service/tiles.js';
import { spbeMeasures } from './service/measures.js';
import { spbeAdoption } from './service/adoption.js';
import { spbeIsolation } from './isolation.js';
import { practicesPackage } from './service/practices.js';

// Unit roles fill their units' indicators, the coordinator runs the cycle,
// the assessors validate and assess; all of them read.
const permissions = {
  'spbe.read': ['spbe_coordinator', 'internal_assessor', 'external_assessor', 'head_of_region', 'region_admin', 'officer', 'unit_head'],
  'spbe.fill': ['officer', 'unit_head'],
  'spbe.manage': ['spbe_coordinator'],
  'spbe.validate': ['internal_assessor'],
  'spbe.assess': ['external_assessor'],
} as const;

/** A framework version is the same in another database when its framework and number are; its framework comes first. */
const pinnedTo = (table: string): SharedRelation => ({
  from: { table, column: 'version_id' },
  to: { table: 'spbe_framework_versions', column: 'id' },
  naturalKey: ['framework_code', 'version'],
  parents: [{ table: 'spbe_frameworks', column: 'code', references: 'framework_code' }],
});

declare module '../../platform/auth/policy.js' {
  interface ModuleRoles { spbe_coordinator: true; internal_assessor: true; external_assessor: true }
  interface ModulePermissions extends Record<keyof typeof permissions, true> {}
}

export const spbeModule = defineModule({
  name: 'spbe',
  title: { id: 'Evaluasi SPBE', en: 'SPBE evaluation' },
  auditActions: spbeAuditActions,
  tables,
  migrations: new URL('./migrations', import.meta.url),
  roles: [
    { name: 'spbe_coordinator', label: { id: 'Koordinator SPBE', en: 'SPBE coordinator' }, scope: 'region', grantedBy: 'region_admin' },
    { name: 'internal_assessor', label: { id: 'Asesor internal SPBE', en: 'SPBE internal assessor' }, scope: 'region', grantedBy: 'region_admin' },
    // Works across regions for the ministry: only a platform admin grants it.
    { name: 'external_assessor', label: { id: 'Asesor eksternal SPBE', en: 'SPBE external assessor' }, scope: 'region', grantedBy: 'platform_admin' },
  ],
  permissions,
  errors: spbeErrors,
  routes: spbeRoutes,
  prepare: seedSpbe,
  tiles: spbeTiles,
  measures: spbeMeasures,
  // For the leader's ranking of units: assigned indicators filled with evidence (service/adoption.ts).
  adoption: spbeAdoption,
  isolation: spbeIsolation,
  packages: [practicesPackage],
  sharedRelations: [
    pinnedTo('spbe_evaluations'),
    pinnedTo('spbe_results'),
    // A result imported under a version this database does not hold still names its framework.
    { from: { table: 'spbe_results', column: 'framework_code' }, to: { table: 'spbe_frameworks', column: 'code' }, naturalKey: ['code'] },
    { from: { table: 'spbe_practices', column: 'framework_code' }, to: { table: 'spbe_frameworks', column: 'code' }, naturalKey: ['code'] },
    referencesUser('spbe_practices', 'updated_by'),
    referencesUser('spbe_evaluations', 'opened_by'),
    referencesUser('spbe_answers', 'assessed_by'),
    referencesUser('spbe_evidence', 'uploaded_by'),
    referencesUser('spbe_history', 'actor_user_id'),
    referencesUser('spbe_targets', 'set_by'),
  ],
  demo: {
    // Public-service indicators (42-47) with the permit office, the rest with Diskominfo.
    seed: (tx, place) => seedSpbeDemo(tx, place.region, place.now, (n) => place.unit(n >= 42 ? 'DPMPTSP' : 'DISKOMINFO')),
  },
});
