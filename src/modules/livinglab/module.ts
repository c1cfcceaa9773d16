// The Living Lab as the platform sees it (the module contract): regions
// publish solutions (a Pamong module's configuration as a versioned package,
// or an application outside Pamong, with a learning kit), search the public
// catalogue, and adopt another region's package in one step. Packages come
// from the other modules' `packages` declarations, through the registry.
import { defineModule } from '../../platform/modules/contract.js';
import { referencesUser } from '../../platform/modules/relations.js';
import { livinglabAuditActions } from './audit.js';
import * as tables from './schema.js';
import { livinglabErrors } from './errors.js';
import { livinglabRoutes } from './http/routes.js';
import { livinglabIsolation } from './isolation.js';
import { seedLivinglabDemo } from './demo.js';
import { livinglabTiles } from './service/tiles.js';
import { proposalsToDecide } from './service/attention.js';

// The region's Living Lab officer publishes and adopts for the region; the
// region admin may adopt too; leaders read. A curator is granted by the
// platform's operators in a province (or the platform admin curates all).
const permissions = {
  'livinglab.read': ['livinglab_officer', 'region_admin', 'head_of_region'],
  'livinglab.publish': ['livinglab_officer'],
  'livinglab.adopt': ['livinglab_officer', 'region_admin'],
  'livinglab.curate': ['livinglab_curator'],
  // Rating what the region adopted: its officials (the service checks the adoption).
  'livinglab.rate': ['livinglab_officer', 'region_admin', 'head_of_region'],
  // The application inventory and the digital budget: the officer keeps the inventory; units propose for
  // their own unit; the region's SPBE team decides; leaders read (a province's, every kabupaten/kota's figures).
  'livinglab.portfolio.read': ['livinglab_officer', 'region_admin', 'head_of_region', 'livinglab_reviewer', 'livinglab_proposer'],
  'livinglab.portfolio.manage': ['livinglab_officer'],
  'livinglab.propose': ['livinglab_officer', 'livinglab_proposer'],
  'livinglab.decide': ['livinglab_reviewer'],
  // Coaching (pendampingan): the mentor region's officer or admin runs programmes; a pilot region's coordinator
  // (or its officer or admin) takes part in its own pilot record; a province's curator oversees its pilots.
  'livinglab.coaching.manage': ['livinglab_officer', 'region_admin'],
  'livinglab.coaching.take_part': ['livinglab_pilot_coordinator', 'livinglab_officer', 'region_admin'],
  'livinglab.coaching.oversee': ['livinglab_curator'],
} as const;

declare module '../../platform/auth/policy.js' {
  interface ModuleRoles { livinglab_officer: true; livinglab_curator: true; livinglab_reviewer: true; livinglab_proposer: true; livinglab_pilot_coordinator: true }
  interface ModulePermissions extends Record<keyof typeof permissions, true> {}
}

export const livinglabModule = defineModule({
  name: 'livinglab',
  title: { id: 'Living Lab', en: 'Living Lab' },
  auditActions: livinglabAuditActions,
  tables,
  migrations: new URL('./migrations', import.meta.url),
  roles: [
    { name: 'livinglab_officer', label: { id: 'Petugas Living Lab daerah', en: 'Region\'s Living Lab officer' }, scope: 'region', grantedBy: 'region_admin' },
    { name: 'livinglab_reviewer', label: { id: 'Tim SPBE daerah: memutus usulan aplikasi dan belanja digital', en: 'Region\'s SPBE team: decides application and digital-spending proposals' }, scope: 'region', grantedBy: 'region_admin' },
    { name: 'livinglab_proposer', label: { id: 'Pengusul aplikasi perangkat daerah', en: 'Unit\'s application proposer' }, scope: 'unit', grantedBy: 'region_admin' },
    { name: 'livinglab_pilot_coordinator', label: { id: 'Koordinator daerah dampingan (pendampingan Living Lab)', en: 'Pilot coordinator (Living Lab coaching)' }, scope: 'region', grantedBy: 'region_admin' },
    { name: 'livinglab_curator', label: { id: 'Kurator Living Lab (provinsi)', en: 'Living Lab curator (province)' }, scope: 'region', grantedBy: 'platform_admin' },
  ],
  permissions,
  errors: livinglabErrors,
  routes: livinglabRoutes,
  isolation: livinglabIsolation,
  // Who last changed a draft, published a version, uploaded a kit file, adopted, rated, answered a review, changed the inventory, proposed or decided.
  sharedRelations: [
    referencesUser('livinglab_solutions', 'updated_by'),
    referencesUser('livinglab_versions', 'published_by'),
    referencesUser('livinglab_kit_files', 'uploaded_by'),
    referencesUser('livinglab_adoptions', 'adopted_by'),
    referencesUser('livinglab_ratings', 'user_id'),
    referencesUser('livinglab_ratings', 'answered_by'),
    referencesUser('livinglab_applications', 'updated_by'),
    referencesUser('livinglab_proposals', 'proposed_by'),
    referencesUser('livinglab_proposals', 'decided_by'),
    referencesUser('livinglab_coaching_programmes', 'updated_by'),
    referencesUser('livinglab_coaching_sessions', 'updated_by'),
    referencesUser('livinglab_coaching_tasks', 'done_by'),
    referencesUser('livinglab_coaching_notes', 'created_by'),
    referencesUser('livinglab_coaching_files', 'uploaded_by'),
  ],
  demo: { seed: (tx, place) => seedLivinglabDemo(tx, place) },
  tiles: livinglabTiles,
  attention: [proposalsToDecide],
});
