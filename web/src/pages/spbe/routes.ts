// The SPBE screens, each its own chunk loaded on demand (citizens never
// download them). Spread into the route table in ../../routes.tsx.
import type { RouteDef } from '../../router.js';
import { lazyPage as page } from '../../lazyPage.js';

export const spbeRoutes: RouteDef[] = [
  { path: '/staff/:region/spbe', component: page(() => import('./Home.js').then((m) => m.SpbeHomePage)) },
  { path: '/staff/:region/spbe/isian', component: page(() => import('./SelfAssessment.js').then((m) => m.SelfAssessmentPage)) },
  { path: '/staff/:region/spbe/evaluasi/:evaluationId', component: page(() => import('./Evaluation.js').then((m) => m.EvaluationPage)) },
  { path: '/staff/:region/spbe/evaluasi/:evaluationId/indikator/:indicator', component: page(() => import('./Indicator.js').then((m) => m.IndicatorPage)) },
  { path: '/staff/:region/spbe/evaluasi/:evaluationId/riwayat', component: page(() => import('./History.js').then((m) => m.HistoryPage)) },
  { path: '/staff/:region/spbe/evaluasi/:evaluationId/hasil', component: page(() => import('./Results.js').then((m) => m.ResultsPage)) },
  { path: '/staff/:region/spbe/laporan/:evaluationId', component: page(() => import('./Report.js').then((m) => m.ReportPage)) },
  { path: '/staff/:region/spbe/target', component: page(() => import('./Target.js').then((m) => m.TargetPage)) },
  { path: '/staff/:region/spbe/perbandingan', component: page(() => import('./Compare.js').then((m) => m.ComparePage)) },
  { path: '/staff/:region/spbe/belajar', component: page(() => import('./Leaders.js').then((m) => m.LeadersPage)) },
  { path: '/spbe/kerangka', component: page(() => import('./Frameworks.js').then((m) => m.FrameworksPage)) },
  { path: '/spbe/kerangka/:framework/:version', component: page(() => import('./Frameworks.js').then((m) => m.VersionPage)) },
];
