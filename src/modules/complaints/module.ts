// The complaints module as the platform sees it (the module contract).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { defineModule } from '../../platform/modules/contract.js';
import { referencesUser } from '../../platform/modules/relations.js';
import * as tables from './schema.js';
import { complaints } from './schema.js';
import { complaintErrors } from './errors.js';
import { complaintSettings } from './settings.js';
import { complaintRoutes } from './http/routes.js';
import { reportFormFirstPaint } from './http/first-paint.js';
import { dashboardRoutes } from './http/dashboard.js';
import { open311Gateway, open311Routes } from './http/open311.js';
import { complaintDeadlineHandler } from './service/escalation.js';
import { rebuildStats } from './service/stats.js';
import { seedComplaintDemo } from './demo.js';
import { staffRoles } from './domain/staff.js';
import { complaintTiles } from './service/tiles.js';
import { escalatedToMe } from './service/attention.js';
import { complaintMeasures } from './service/measures.js';
import { complaintAdoption } from './service/adoption.js';
import { complaintAuditActions } from './audit.js';
import { complaintIsolation } from './isolation.js';
import { categoriesPackage } from './service/package.js';


const permissions = {
  'region.staff': ['coordinator', 'counter_staff'],
  'complaint.list': staffRoles,
  // Who may see the identity of an anonymous reporter.
  'complaint.read_private': ['coordinator', 'counter_staff', 'region_admin'],
  'complaint.file_for_citizen': ['counter_staff', 'coordinator', 'region_admin'],
  'complaint.triage': ['coordinator', 'region_admin'],
  'complaint.handle': ['officer', 'unit_head', 'coordinator'],
  'complaint.transfer': ['coordinator', 'region_admin'],
  'dashboard.read': ['head_of_region', 'coordinator', 'region_admin', 'unit_head'],
} as const;

declare module '../../platform/auth/policy.js' {
  interface ModuleRoles { coordinator: true; counter_staff: true }
  interface ModulePermissions extends Record<keyof typeof permissions, true> {}
}

export const complaintsModule = defineModule({
  name: 'complaints',
  title: { id: 'Pengaduan', en: 'Complaints' },
  prefixes: ['complaint', 'category', 'dashboard', 'statistics', 'open311'],
  auditActions: complaintAuditActions,
  tables,
  migrations: new URL('./migrations', import.meta.url),
  roles: [
    { name: 'coordinator', label: { id: 'Koordinator pengaduan', en: 'Complaints coordinator' }, scope: 'region', grantedBy: 'region_admin' },
    { name: 'counter_staff', label: { id: 'Petugas loket', en: 'Counter staff' }, scope: 'region', grantedBy: 'region_admin' },
  ],
  permissions,
  errors: complaintErrors,
  settings: complaintSettings,
  // The citizen's pages show the reopen window and a link to the statistics.
  publicSettings: ['reopenWindowDays', 'publicStatistics'],
  firstPaints: [reportFormFirstPaint],
  routes: (ctx) => async (app) => {
    await app.register(complaintRoutes(ctx));
    await app.register(dashboardRoutes(ctx));
    await app.register(open311Routes(ctx));
  },
  gateway: open311Gateway,
  deadlines: { complaint: complaintDeadlineHandler },
  demo: { seed: seedComplaintDemo },
  // People its rows name: a signed-in reporter, an actor on the timeline, who changed a routing rule.
  sharedRelations: [
    referencesUser('complaints', 'reporter_user_id'),
    referencesUser('complaint_events', 'actor_user_id'),
    referencesUser('routing_rules', 'created_by'),
  ],
  tiles: complaintTiles,
  attention: [escalatedToMe],
  measures: complaintMeasures,
  adoption: complaintAdoption,
  // Categories with their questions, deadlines and routing, for other regions to adopt in the Living Lab.
  packages: [categoriesPackage],
  isolation: complaintIsolation,
  commands: [{
    name: 'rebuild-stats',
    usage: 'rebuild-stats [--region KODE]                   hitung ulang ringkasan dasbor / recompute the dashboard summary',
    options: { region: { type: 'string' } },
    async run(ctx, options) {
      const r = await rebuildStats(ctx, options.region as string | undefined);
      return `Ringkasan dibangun ulang / summary rebuilt: ${r.regions} daerah / regions, ${r.rows} baris / rows, ${r.differing} baris berbeda sebelumnya / rows differed before`;
    },
  }],
  auditLabels: {
    entity: 'complaint',
    async labels(db, regionCode, ids) {
      const rows = await db.select({ id: complaints.id, code: complaints.trackingCode }).from(complaints)
        .where(and(eq(complaints.regionCode, regionCode), inArray(sql`${complaints.id}::text`, ids)));
      return new Map(rows.map((r) => [r.id, r.code]));
    },
    async find(db, regionCode, text) {
      const rows = await db.select({ id: complaints.id }).from(complaints)
        .where(and(eq(complaints.regionCode, regionCode), eq(complaints.trackingCode, text.toUpperCase())));
      return rows.map((r) => r.id);
    },
  },
});
