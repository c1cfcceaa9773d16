// The route table. Citizen pages are in the first download; staff pages load
// on demand so a citizen on a slow phone never downloads them.
// To add a page: add its route here and, for staff, its menu entry in nav.ts.
import type { RouteDef } from './router.js';
import { lazyPage as staffPage } from './lazyPage.js';
import { RegionPickerPage } from './pages/citizen/RegionPicker.js';
import { RegionHomePage } from './pages/citizen/RegionHome.js';
import { ReportPage } from './pages/citizen/Report.js';
import { TrackLookupPage, TrackPage } from './pages/citizen/Track.js';
import { PublicListPage } from './pages/citizen/PublicList.js';
import { spbeRoutes } from './pages/spbe/routes.js';

export const routes: RouteDef[] = [
  { path: '/', component: RegionPickerPage },
  { path: '/r/:region', component: RegionHomePage },
  { path: '/r/:region/lapor', component: ReportPage },
  { path: '/r/:region/lacak', component: TrackLookupPage },
  { path: '/r/:region/lacak/:code', component: TrackPage },
  { path: '/r/:region/pengaduan', component: PublicListPage },
  { path: '/masuk', component: staffPage(() => import('./pages/staff/Account.js').then((m) => m.SignInPage)) },
  { path: '/lupa-sandi', component: staffPage(() => import('./pages/staff/Account.js').then((m) => m.ForgotPasswordPage)) },
  { path: '/reset-password', component: staffPage(() => import('./pages/staff/Account.js').then((m) => m.ResetPasswordPage)) },
  { path: '/undangan', component: staffPage(() => import('./pages/staff/Account.js').then((m) => m.InvitationPage)) },
  { path: '/daftar', component: staffPage(() => import('./pages/staff/Account.js').then((m) => m.RegisterPage)) },
  { path: '/laporan-saya', component: staffPage(() => import('./pages/staff/Account.js').then((m) => m.MyComplaintsPage)) },
  { path: '/verifikasi-email', component: staffPage(() => import('./pages/staff/Account.js').then((m) => m.VerifyEmailPage)) },
  { path: '/notifikasi', component: staffPage(() => import('./pages/staff/Notifications.js').then((m) => m.NotificationsPage)) },
  { path: '/staff/:region', component: staffPage(() => import('./pages/staff/Inbox.js').then((m) => m.InboxPage)) },
  { path: '/staff/:region/complaints/:id', component: staffPage(() => import('./pages/staff/ComplaintDetail.js').then((m) => m.ComplaintDetailPage)) },
  { path: '/staff/:region/loket', component: staffPage(() => import('./pages/staff/Counter.js').then((m) => m.CounterPage)) },
  { path: '/staff/:region/dasbor', component: staffPage(() => import('./pages/staff/Dashboard.js').then((m) => m.DashboardPage)) },
  { path: '/staff/:region/provinsi', component: staffPage(() => import('./pages/staff/Dashboard.js').then((m) => m.ProvincePage)) },
  { path: '/staff/:region/admin', component: staffPage(() => import('./pages/staff/admin/Admin.js').then((m) => m.AdminPage)) },
  { path: '/staff/:region/admin/:section', component: staffPage(() => import('./pages/staff/admin/Admin.js').then((m) => m.AdminPage)) },
  // Charts are not part of a citizen's first download either.
  { path: '/r/:region/statistik', component: staffPage(() => import('./pages/citizen/Statistics.js').then((m) => m.StatisticsPage)) },
  ...spbeRoutes,
];
