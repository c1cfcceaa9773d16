// Complaints in the web app. A citizen's pages (the region's page, the report
// form, tracking, the public list) are in the first download with their
// Indonesian texts; the statistics (charts), the staff pages and the
// administration sections load on demand with the complaints staff texts.
// Listed in ../../modules.ts.
import type { ComponentType } from 'react';
import type { WebModule } from '../../contract.js';
import type { Namespace } from '../../i18n/index.js';
import { lazyPage, staffPage } from '../../lazyPage.js';
import { citizenId } from './messages/citizen.id.js';
import { RegionHomePage } from './pages/citizen/RegionHome.js';
import { ReportPage } from './pages/citizen/Report.js';
import { TrackLookupPage, TrackPage } from './pages/citizen/Track.js';
import { PublicListPage } from './pages/citizen/PublicList.js';

const texts: Namespace = () => import('./messages/staff.js').then((m) => m.texts);
const page = <P extends object>(load: () => Promise<ComponentType<P>>) => staffPage(load, texts);
const admin = () => import('./admin/index.js');
const section = (slug: string, name: 'CategoriesSection' | 'RoutingSection' | 'DeadlinesSection') =>
  ({ slug, permission: 'region.admin' as const, load: () => admin().then((m) => m[name]) });

export const complaints: WebModule = {
  name: 'complaints',
  texts,
  firstTexts: { id: citizenId, en: () => import('./messages/citizen.en.js').then((m) => m.citizenEn) },
  routes: [
    { path: '/r/:region', component: RegionHomePage },
    { path: '/r/:region/lapor', component: ReportPage },
    { path: '/r/:region/lacak', component: TrackLookupPage },
    { path: '/r/:region/lacak/:code', component: TrackPage },
    { path: '/r/:region/pengaduan', component: PublicListPage },
    { path: '/r/:region/statistik', component: lazyPage(() => import('./pages/citizen/Statistics.js').then((m) => m.StatisticsPage), texts) },
    { path: '/staff/:region', component: page(() => import('./pages/staff/Inbox.js').then((m) => m.InboxPage)) },
    { path: '/staff/:region/complaints/:id', component: page(() => import('./pages/staff/ComplaintDetail.js').then((m) => m.ComplaintDetailPage)) },
    { path: '/staff/:region/loket', component: page(() => import('./pages/staff/Counter.js').then((m) => m.CounterPage)) },
    { path: '/staff/:region/dasbor', component: page(() => import('./pages/staff/Dashboard.js').then((m) => m.DashboardPage)) },
    { path: '/staff/:region/provinsi', component: page(() => import('./pages/staff/Dashboard.js').then((m) => m.ProvincePage)) },
  ],
  menu: [
    { label: { id: 'Kotak masuk', en: 'Inbox' }, href: (r) => `/staff/${r}`, permission: 'complaint.list' },
    { label: { id: 'Loket', en: 'Counter' }, href: (r) => `/staff/${r}/loket`, permission: 'complaint.file_for_citizen' },
    { label: { id: 'Dasbor', en: 'Dashboard' }, href: (r) => `/staff/${r}/dasbor`, permission: 'dashboard.read' },
    { label: { id: 'Rekap provinsi', en: 'Province roll-up' }, href: (r) => `/staff/${r}/provinsi`, permission: 'dashboard.read', provinceOnly: true },
  ],
  admin: [
    section('kategori', 'CategoriesSection'),
    section('disposisi', 'RoutingSection'),
    section('batas-waktu', 'DeadlinesSection'),
  ],
  settings: () => admin().then((m) => m.ComplaintSettings),
};
