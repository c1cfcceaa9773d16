// The e-SAKIP (performance accountability) module as the platform sees it (the module contract).
import { defineModule } from '../../platform/modules/contract.js';
import { referencesUser } from '../../platform/modules/relations.js';
import { sakipAuditActions } from './audit.js';
import * as tables from './schema.js';
import { sakipErrors } from './errors.js';
import { sakipSettings } from './settings.js';
import { sakipRoutes } from './http/routes.js';
import { sakipPeriodRoutes } from './http/periods.js';
import { sakipAgreementRoutes } from './http/agreements.js';
import { sakipEvaluationRoutes } from './http/evaluation.js';
import { sakipReportRoutes } from './http/lkjip.js';
import { sakipVillageRoutes } from './http/villages.js';
import { sakipBudgetRoutes } from './http/budget.js';
import { sakipLibraryRoutes } from './http/library.js';
import { indicatorsPackage } from './service/library.js';
import { unitReportDeadlineHandler } from './service/escalation.js';
import { seedSakipDemo } from './demo.js';
import { seedAkipDemo } from './demo-evaluation.js';
import { seedLkjipDemo } from './demo-lkjip.js';
import { seedLibraryDemo } from './demo-library.js';
import { sakipIsolation } from './isolation.js';
import { sakipTiles } from './service/tiles.js';
import { sakipAdoption } from './service/adoption.js';
import { rebuildFigures, rebuildMissingFigures, rebuildRegionFigures } from './service/figures.js';
import { enrolSourceSyncs, sweepSourceSyncs } from './service/source-sync.js';

// The coordinator (organisation or planning office) runs the region's plans;
// unit planners fill their own unit's Renstra and realisations; unit heads,
// the Inspektorat's evaluators and the head of region read. What a unit
// planner may touch (their unit only) is checked in the service.
const permissions = {
  // They list the region's units (a Renstra's owner, a target's lead unit).
  'region.staff': ['sakip_coordinator', 'sakip_planner', 'sakip_evaluator'],
  'sakip.read': ['sakip_coordinator', 'sakip_planner', 'sakip_evaluator', 'sakip_village_officer', 'unit_head', 'head_of_region', 'region_admin'],
  'sakip.plan': ['sakip_coordinator', 'sakip_planner'],
  'sakip.realise': ['sakip_coordinator', 'sakip_planner'],
  'sakip.manage': ['sakip_coordinator'],
  // Village data: kecamatan staff enter their kecamatan's desa/kelurahan (the service checks the kecamatan); the coordinator any.
  'sakip.village': ['sakip_coordinator', 'sakip_village_officer'],
  // Performance agreements: the unit head records their own signing (the service checks the unit); the coordinator any.
  'sakip.agreement_sign': ['sakip_coordinator', 'unit_head'],
  // The internal AKIP evaluation: the Inspektorat runs it; units (their head or planner, or the coordinator) answer;
  // the coordinator records KemenPANRB's result; a province's SAKIP coordinator and head compare its kabupaten/kota.
  'sakip.evaluate': ['sakip_evaluator'],
  'sakip.answer': ['sakip_coordinator', 'sakip_planner', 'unit_head'],
  'sakip.follow_up': ['sakip_coordinator', 'sakip_planner', 'unit_head', 'sakip_evaluator'],
  'sakip.results': ['sakip_coordinator'],
  'sakip.compare': ['sakip_coordinator', 'sakip_evaluator', 'head_of_region'],
  // The performance report (LKjIP): the unit's head approves the unit's (the service checks the unit); the coordinator any.
  'sakip.report_approve': ['sakip_coordinator', 'unit_head'],
} as const;

declare module '../../platform/auth/policy.js' {
  interface ModuleRoles { sakip_coordinator: true; sakip_planner: true; sakip_evaluator: true; sakip_village_officer: true }
  interface ModulePermissions extends Record<keyof typeof permissions, true> {}
}

export const sakipModule = defineModule({
  name: 'sakip',
  title: { id: 'Akuntabilitas Kinerja (SAKIP)', en: 'Performance accountability (SAKIP)' },
  auditActions: sakipAuditActions,
  tables,
  migrations: new URL('./migrations', import.meta.url),
  roles: [
    { name: 'sakip_coordinator', label: { id: 'Koordinator SAKIP', en: 'SAKIP coordinator' }, scope: 'region', grantedBy: 'region_admin' },
    { name: 'sakip_planner', label: { id: 'Perencana perangkat daerah (SAKIP)', en: 'Unit planner (SAKIP)' }, scope: 'unit', grantedBy: 'region_admin' },
    { name: 'sakip_village_officer', label: { id: 'Petugas data desa kecamatan (SAKIP)', en: 'Kecamatan village-data officer (SAKIP)' }, scope: 'unit', grantedBy: 'region_admin' },
    { name: 'sakip_evaluator', label: { id: 'Evaluator AKIP (Inspektorat)', en: 'AKIP evaluator (Inspektorat)' }, scope: 'region', grantedBy: 'region_admin' },
  ],
  permissions,
  errors: sakipErrors,
  settings: sakipSettings,
  routes: (ctx) => async (app) => {
    await sakipRoutes(ctx)(app);
    await sakipPeriodRoutes(ctx)(app);
    await sakipAgreementRoutes(ctx)(app);
    await sakipEvaluationRoutes(ctx)(app);
    await sakipReportRoutes(ctx)(app);
    await sakipVillageRoutes(ctx)(app);
    await sakipBudgetRoutes(ctx)(app);
    await sakipLibraryRoutes(ctx)(app);
  },
  // A unit's report in a reporting period: reminded, then escalated (settings: sakip.reporting.ladder).
  deadlines: { unit_report: unitReportDeadlineHandler },
  isolation: sakipIsolation,
  packages: [indicatorsPackage],
  tiles: sakipTiles,
  // For the leader's ranking of units: reports submitted by their due time (service/adoption.ts).
  adoption: sakipAdoption,
  // Sourced indicators take their open periods' realisations by themselves, every few hours (settings: sakip.sourceSyncHours).
  sweeps: [{ name: 'sakip.source-sync', run: sweepSourceSyncs }],
  // The yearly achievement summary and the sourced indicators' syncs: filled for a database from before they existed (or rows lost), at every start.
  prepare: async (database, now) => {
    await rebuildMissingFigures(database);
    await enrolSourceSyncs(database.db, now);
  },
  commands: [{
    name: 'rebuild-sakip-figures',
    usage: 'rebuild-sakip-figures [--region KODE]           hitung ulang ringkasan capaian SAKIP / recompute the SAKIP achievement summary',
    options: { region: { type: 'string' } },
    async run(ctx, options) {
      const r = await rebuildFigures(ctx.database, options.region as string | undefined);
      return `Ringkasan capaian dibangun ulang / achievement summary rebuilt: ${r.regions} daerah / regions, ${r.rows} baris / rows, ${r.differing} baris berbeda sebelumnya / rows differed before`;
    },
  }],
  // People its rows name: who set a target, who entered a realisation (and its earlier versions), who opened,
  // closed or reopened a reporting period, who submitted a unit's report. Units are the region's own rows.
  sharedRelations: [
    referencesUser('sakip_targets', 'set_by'),
    referencesUser('sakip_indicator_library', 'updated_by'),
    referencesUser('sakip_realisations', 'entered_by'),
    referencesUser('sakip_realisation_versions', 'entered_by'),
    referencesUser('sakip_realisation_evidence', 'uploaded_by'),
    referencesUser('sakip_reporting_periods', 'opened_by'),
    referencesUser('sakip_reporting_periods', 'closed_by'),
    referencesUser('sakip_reporting_periods', 'reopened_by'),
    referencesUser('sakip_unit_reports', 'submitted_by'),
    // Who drafted a performance agreement's version and who recorded its signing.
    referencesUser('sakip_agreement_versions', 'created_by'),
    referencesUser('sakip_agreement_versions', 'signed_by'),
    // The AKIP evaluation: who answered (and attached its evidence files), reviewed, finalised, recommended, followed up; who recorded KemenPANRB's result.
    referencesUser('sakip_evaluations', 'finalised_by'),
    referencesUser('sakip_evaluation_answers', 'answered_by'),
    referencesUser('sakip_evaluation_evidence', 'uploaded_by'),
    referencesUser('sakip_evaluation_reviews', 'reviewed_by'),
    referencesUser('sakip_recommendations', 'created_by'),
    referencesUser('sakip_recommendation_follow_ups', 'by'),
    referencesUser('sakip_official_results', 'recorded_by'),
    // The performance report (LKjIP): who generated and finalised it, who last edited a section.
    referencesUser('sakip_reports', 'generated_by'),
    referencesUser('sakip_reports', 'finalised_by'),
    referencesUser('sakip_report_sections', 'updated_by'),
    // A final report's earlier versions: who approved each and who reopened it.
    referencesUser('sakip_report_versions', 'finalised_by'),
    referencesUser('sakip_report_versions', 'reopened_by'),
    // Village data: who linked a kecamatan, flagged an indicator as measured per village, entered a village's value (and its earlier versions), deleted one.
    referencesUser('sakip_kecamatan_units', 'set_by'),
    referencesUser('sakip_village_indicators', 'set_by'),
    referencesUser('sakip_village_values', 'entered_by'),
    referencesUser('sakip_village_value_versions', 'entered_by'),
    referencesUser('sakip_village_value_versions', 'deleted_by'),
    // Who entered a budget (and its earlier versions) or set an action-plan target.
    referencesUser('sakip_budgets', 'entered_by'),
    referencesUser('sakip_budget_versions', 'entered_by'),
    referencesUser('sakip_action_targets', 'set_by'),
  ],
  demo: {
    seed: async (tx, place) => {
      await seedSakipDemo(tx, place.region, (code) => place.unit(code), place.now);
      await seedAkipDemo(tx, place.region, (code) => place.unit(code), place.now);
      await seedLibraryDemo(tx, place.region, place.now);
      // The demo writes its plans' rows directly: its sourced indicators are enrolled for the sync (due at once), and
      // the summary is built before the report, whose budget chapter reads it.
      await enrolSourceSyncs(tx, place.now, { regionCode: place.region });
      await rebuildRegionFigures(tx, place.region);
      await seedLkjipDemo(tx, place.region);
    },
  },
});
