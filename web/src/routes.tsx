// The route table: the platform's pages, then each module's (modules.ts).
// Pages in the first download are imported here or in a module's module.ts;
// the others load on demand (lazyPage) so a citizen on a slow phone never
// downloads them.
import type { RouteDef } from './router.js';
import { lazyPage, staffPage } from './lazyPage.js';
import { modules } from './modules.js';
import { RegionPickerPage } from './pages/citizen/RegionPicker.js';

const account = (name: 'SignInPage' | 'ForgotPasswordPage' | 'ResetPasswordPage' | 'InvitationPage' | 'RegisterPage' | 'MyComplaintsPage' | 'VerifyEmailPage') =>
  lazyPage(() => import('./pages/staff/Account.js').then((m) => m[name]));
const admin = staffPage(() => import('./pages/staff/admin/Admin.js').then((m) => m.loadAdminPage()));

export const routes: RouteDef[] = [
  { path: '/', component: RegionPickerPage },
  { path: '/masuk', component: account('SignInPage') },
  { path: '/lupa-sandi', component: account('ForgotPasswordPage') },
  { path: '/reset-password', component: account('ResetPasswordPage') },
  { path: '/undangan', component: account('InvitationPage') },
  { path: '/daftar', component: account('RegisterPage') },
  { path: '/laporan-saya', component: account('MyComplaintsPage') },
  { path: '/verifikasi-email', component: account('VerifyEmailPage') },
  { path: '/notifikasi', component: staffPage(() => import('./pages/staff/Notifications.js').then((m) => m.NotificationsPage)) },
  { path: '/staff/:region/admin', component: admin },
  { path: '/staff/:region/admin/:section', component: admin },
  ...modules.flatMap((m) => m.routes),
];
