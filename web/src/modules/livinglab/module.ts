// The Living Lab in the web app: the public catalogue of solutions regions
// share and a solution's page (phone first, no sign-in, outside any region's
// address), and the staff pages of a region: its own solutions, drafting and
// publishing them with their learning kit, its adoptions, adopting another
// region's package and importing a package file; the application portfolio
// (inventory, proposals with the SPBE team's decision, the digital budget);
// a curator's screen; coaching programmes (mentor, pilot and province
// views); the public adoption map and lineage. Each page its own chunk,
// loaded on demand with the module's texts. Listed in ../../modules.ts.
import type { WebModule } from '../../contract.js';
import type { Namespace } from '../../i18n/index.js';
import { lazyPage, staffPage } from '../../lazyPage.js';

const texts: Namespace = () => import('./messages.js').then((m) => m.texts);

export const livinglab: WebModule = {
  name: 'livinglab',
  texts,
  routes: [
    { path: '/livinglab', component: lazyPage(() => import('./pages/Public.js').then((m) => m.CataloguePage), texts) },
    { path: '/livinglab/peta', component: lazyPage(() => import('./pages/Map.js').then((m) => m.MapPage), texts) },
    { path: '/livinglab/:solutionId', component: lazyPage(() => import('./pages/Public.js').then((m) => m.SolutionPage), texts) },
    { path: '/staff/:region/livinglab', component: staffPage(() => import('./pages/Staff.js').then((m) => m.HomePage), texts) },
    { path: '/staff/:region/livinglab/solusi/:solutionId', component: staffPage(() => import('./pages/Staff.js').then((m) => m.EditorPage), texts) },
    { path: '/staff/:region/livinglab/adopsi/:solutionId', component: staffPage(() => import('./pages/Adopt.js').then((m) => m.AdoptPage), texts) },
    { path: '/staff/:region/livinglab/kurasi', component: staffPage(() => import('./pages/Curation.js').then((m) => m.CurationPage), texts) },
    { path: '/staff/:region/livinglab/inventaris', component: staffPage(() => import('./pages/Portfolio.js').then((m) => m.InventoryPage), texts) },
    { path: '/staff/:region/livinglab/anggaran', component: staffPage(() => import('./pages/Portfolio.js').then((m) => m.BudgetPage), texts) },
    { path: '/staff/:region/livinglab/usulan', component: staffPage(() => import('./pages/Proposals.js').then((m) => m.ProposalsPage), texts) },
    { path: '/staff/:region/livinglab/usulan/:proposalId', component: staffPage(() => import('./pages/Proposals.js').then((m) => m.ProposalPage), texts) },
    { path: '/staff/:region/livinglab/impor', component: staffPage(() => import('./pages/Adopt.js').then((m) => m.ImportPage), texts) },
    // Coaching (pendampingan)
    { path: '/staff/:region/livinglab/pendampingan', component: staffPage(() => import('./pages/Coaching.js').then((m) => m.CoachingPage), texts) },
    { path: '/staff/:region/livinglab/pendampingan/provinsi', component: staffPage(() => import('./pages/Coaching.js').then((m) => m.ProvinceCoachingPage), texts) },
    { path: '/staff/:region/livinglab/pendampingan/program/:programmeId', component: staffPage(() => import('./pages/Coaching.js').then((m) => m.ProgrammePage), texts) },
    { path: '/staff/:region/livinglab/pendampingan/dampingan/:pilotId', component: staffPage(() => import('./pages/Coaching.js').then((m) => m.PilotPage), texts) },
  ],
  menu: [
    { label: { id: 'Living Lab', en: 'Living Lab' }, href: (r) => `/staff/${r}/livinglab`, permission: 'livinglab.read' },
    { label: { id: 'Inventaris aplikasi', en: 'Application inventory' }, href: (r) => `/staff/${r}/livinglab/inventaris`, permission: 'livinglab.portfolio.read' },
    { label: { id: 'Usulan aplikasi', en: 'Application proposals' }, href: (r) => `/staff/${r}/livinglab/usulan`, permission: 'livinglab.portfolio.read' },
    { label: { id: 'Anggaran digital', en: 'Digital budget' }, href: (r) => `/staff/${r}/livinglab/anggaran`, permission: 'livinglab.portfolio.read' },
    { label: { id: 'Kurasi Living Lab', en: 'Living Lab curation' }, href: (r) => `/staff/${r}/livinglab/kurasi`, permission: 'livinglab.curate' },
    { label: { id: 'Pendampingan', en: 'Coaching' }, href: (r) => `/staff/${r}/livinglab/pendampingan`, permission: 'livinglab.coaching.take_part' },
    { label: { id: 'Pendampingan di provinsi', en: 'Coaching in the province' }, href: (r) => `/staff/${r}/livinglab/pendampingan/provinsi`, permission: 'livinglab.coaching.oversee' },
  ],
  landing: {
    roles: ['livinglab_officer', 'livinglab_curator', 'livinglab_pilot_coordinator'],
    href: (r, role) => `/staff/${r}/livinglab${role === 'livinglab_curator' ? '/kurasi' : role === 'livinglab_pilot_coordinator' ? '/pendampingan' : ''}`,
  },
};
