// e-SAKIP (performance accountability) in the web app: staff screens, the
// public documents page and its part of the region's settings, each its own
// chunk loaded on demand with the SAKIP texts (a citizen's first download
// never carries them). Listed in ../../modules.ts.
import type { ComponentType } from 'react';
import type { WebModule } from '../../contract.js';
import type { Namespace } from '../../i18n/index.js';
import { lazyPage, staffPage } from '../../lazyPage.js';

const texts: Namespace = () => import('./messages.js').then((m) => m.texts);
const page = <P extends object>(load: () => Promise<ComponentType<P>>) => staffPage(load, texts);

export const sakip: WebModule = {
  name: 'sakip',
  texts,
  routes: [
    { path: '/staff/:region/sakip', component: page(() => import('./pages/Home.js').then((m) => m.SakipHomePage)) },
    { path: '/staff/:region/sakip/ringkasan', component: page(() => import('./pages/Overview.js').then((m) => m.OverviewPage)) },
    { path: '/staff/:region/sakip/pelaporan', component: page(() => import('./pages/Reporting.js').then((m) => m.ReportingPage)) },
    { path: '/staff/:region/sakip/pelaporan/:period', component: page(() => import('./pages/Reporting.js').then((m) => m.ReportingPeriodPage)) },
    { path: '/staff/:region/sakip/rencana/:planId', component: page(() => import('./pages/Plan.js').then((m) => m.PlanPage)) },
    { path: '/staff/:region/sakip/evaluasi', component: page(() => import('./pages/Evaluation.js').then((m) => m.EvaluationsPage)) },
    { path: '/staff/:region/sakip/evaluasi/:evaluationId', component: page(() => import('./pages/Evaluation.js').then((m) => m.EvaluationPage)) },
    { path: '/staff/:region/sakip/evaluasi/:evaluationId/laporan', component: page(() => import('./pages/Evaluation.js').then((m) => m.EvaluationReportPage)) },
    { path: '/staff/:region/sakip/perjanjian', component: page(() => import('./pages/Agreement.js').then((m) => m.AgreementsPage)) },
    { path: '/staff/:region/sakip/perjanjian/:agreementId', component: page(() => import('./pages/Agreement.js').then((m) => m.AgreementPage)) },
    { path: '/staff/:region/sakip/perjanjian/:agreementId/versi/:version', component: page(() => import('./pages/Agreement.js').then((m) => m.AgreementPage)) },
    { path: '/staff/:region/sakip/perjanjian/:agreementId/versi/:version/cetak', component: page(() => import('./pages/Agreement.js').then((m) => m.AgreementPrintPage)) },
    { path: '/staff/:region/sakip/katalog-indikator', component: page(() => import('./pages/Library.js').then((m) => m.LibraryPage)) },
    { path: '/staff/:region/sakip/provinsi', component: page(() => import('./pages/Province.js').then((m) => m.ProvincePage)) },
    { path: '/staff/:region/sakip/lkjip', component: page(() => import('./pages/Lkjip.js').then((m) => m.ReportsPage)) },
    { path: '/staff/:region/sakip/lkjip/:reportId', component: page(() => import('./pages/Lkjip.js').then((m) => m.ReportPage)) },
    { path: '/staff/:region/sakip/lkjip/:reportId/cetak', component: page(() => import('./pages/Lkjip.js').then((m) => m.ReportPrintPage)) },
    // Public (no sign-in): the documents the region publishes, and a final LKjIP.
    { path: '/r/:region/sakip', component: lazyPage(() => import('./pages/Public.js').then((m) => m.PublicSakipPage), texts) },
    { path: '/r/:region/sakip/lkjip/:reportId', component: lazyPage(() => import('./pages/Public.js').then((m) => m.PublicReportPage), texts) },
    { path: '/staff/:region/sakip/desa', component: page(() => import('./pages/Villages.js').then((m) => m.VillagesHomePage)) },
    { path: '/staff/:region/sakip/desa/:planId/:indicatorId', component: page(() => import('./pages/Villages.js').then((m) => m.VillageTablePage)) },
    { path: '/staff/:region/sakip/desa/:planId/:indicatorId/kecamatan', component: page(() => import('./pages/Villages.js').then((m) => m.KecamatanPage)) },
    { path: '/staff/:region/sakip/rencana/:planId/indikator/:indicatorId', component: page(() => import('./pages/Indicator.js').then((m) => m.IndicatorPage)) },
  ],
  menu: [{ label: { id: 'SAKIP', en: 'SAKIP' }, href: (r) => `/staff/${r}/sakip`, permission: 'sakip.read' }],
  landing: { roles: ['sakip_coordinator', 'sakip_planner', 'sakip_evaluator', 'sakip_village_officer'], href: (r) => `/staff/${r}/sakip` },
  settings: () => import('./admin/Settings.js').then((m) => m.SakipSettings),
};
