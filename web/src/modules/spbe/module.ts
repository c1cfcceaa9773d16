// SPBE / Pemerintah Digital evaluation in the web app: staff screens only,
// each its own chunk loaded on demand with the SPBE texts (citizens never
// download them). Listed in ../../modules.ts.
import type { ComponentType } from 'react';
import type { WebModule } from '../../contract.js';
import type { Namespace } from '../../i18n/index.js';
import { staffPage } from '../../lazyPage.js';

const texts: Namespace = () => import('./messages.js').then((m) => m.texts);
const page = <P extends object>(load: () => Promise<ComponentType<P>>) => staffPage(load, texts);

export const spbe: WebModule = {
  name: 'spbe',
  texts,
  routes: [
    { path: '/staff/:region/spbe', component: page(() => import('./pages/Home.js').then((m) => m.SpbeHomePage)) },
    { path: '/staff/:region/spbe/isian', component: page(() => import('./pages/SelfAssessment.js').then((m) => m.SelfAssessmentPage)) },
    { path: '/staff/:region/spbe/evaluasi/:evaluationId', component: page(() => import('./pages/Evaluation.js').then((m) => m.EvaluationPage)) },
    { path: '/staff/:region/spbe/evaluasi/:evaluationId/indikator/:indicator', component: page(() => import('./pages/Indicator.js').then((m) => m.IndicatorPage)) },
    { path: '/staff/:region/spbe/evaluasi/:evaluationId/riwayat', component: page(() => import('./pages/History.js').then((m) => m.HistoryPage)) },
    { path: '/staff/:region/spbe/evaluasi/:evaluationId/hasil', component: page(() => import('./pages/Results.js').then((m) => m.ResultsPage)) },
    { path: '/staff/:region/spbe/laporan/:evaluationId', component: page(() => import('./pages/Report.js').then((m) => m.ReportPage)) },
    { path: '/staff/:region/spbe/target', component: page(() => import('./pages/Target.js').then((m) => m.TargetPage)) },
    { path: '/staff/:region/spbe/perbandingan', component: page(() => import('./pages/Compare.js').then((m) => m.ComparePage)) },
    { path: '/staff/:region/spbe/praktik', component: page(() => import('./pages/Practices.js').then((m) => m.PracticesPage)) },
    { path: '/staff/:region/spbe/belajar', component: page(() => import('./pages/Leaders.js').then((m) => m.LeadersPage)) },
    { path: '/spbe/kerangka', component: page(() => import('./pages/Frameworks.js').then((m) => m.FrameworksPage)) },
    { path: '/spbe/kerangka/:framework/:version', component: page(() => import('./pages/Frameworks.js').then((m) => m.VersionPage)) },
  ],
  menu: [{ label: { id: 'SPBE', en: 'SPBE' }, href: (r) => `/staff/${r}/spbe`, permission: 'spbe.read' }],
  landing: { roles: ['spbe_coordinator', 'internal_assessor', 'external_assessor'], href: (r) => `/staff/${r}/spbe` },
};
