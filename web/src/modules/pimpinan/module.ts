// The leader's dashboard in the web app: the head of region's page with every
// module's figures, what waits on them today, and each figure's trend. Its
// page is its own chunk, loaded with the module's texts. Listed in ../../modules.ts.
import type { WebModule } from '../../contract.js';
import type { Namespace } from '../../i18n/index.js';
import { lazyPage, staffPage } from '../../lazyPage.js';

const texts: Namespace = () => import('./messages.js').then((m) => m.texts);

export const pimpinan: WebModule = {
  name: 'pimpinan',
  texts,
  routes: [
    { path: '/staff/:region/pimpinan', component: staffPage(() => import('./pages/Leader.js').then((m) => m.LeaderPage), texts) },
    { path: '/staff/:region/pimpinan/provinsi', component: staffPage(() => import('./pages/Province.js').then((m) => m.ProvincePage), texts) },
    { path: '/staff/:region/pimpinan/adopsi', component: staffPage(() => import('./pages/Adoption.js').then((m) => m.AdoptionPage), texts) },
    { path: '/staff/:region/pimpinan/ringkasan', component: staffPage(() => import('./pages/Digest.js').then((m) => m.DigestPage), texts) },
    // The figures the region publishes, for anyone (no sign-in).
    { path: '/r/:region/dasbor', component: lazyPage(() => import('./pages/Public.js').then((m) => m.PublicLeaderPage), texts) },
    { path: '/staff/:region/pimpinan/pelatihan', component: staffPage(() => import('./pages/Training.js').then((m) => m.TrainingPage), texts) },
  ],
  menu: [
    { label: { id: 'Dasbor pimpinan', en: 'Leader\'s dashboard' }, href: (r) => `/staff/${r}/pimpinan`, permission: 'pimpinan.read' },
    { label: { id: 'Adopsi digital', en: 'Digital adoption' }, href: (r) => `/staff/${r}/pimpinan/adopsi`, permission: 'pimpinan.adoption' },
    { label: { id: 'Pelatihan kepemimpinan digital', en: 'Digital leadership training' }, href: (r) => `/staff/${r}/pimpinan/pelatihan`, permission: 'pimpinan.training_read' },
  ],
  landing: { roles: ['head_of_region', 'pimpinan_delegate'], href: (r) => `/staff/${r}/pimpinan` },
  // How often the figures are read again, and which the region publishes, in the region's settings.
  settings: () => import('./admin/Settings.js').then((m) => m.PimpinanSettings),
};
