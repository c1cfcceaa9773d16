// Public services (layanan publik) in the web app: the public catalogue and a
// service's page (phone first, no sign-in), applying and following an
// application, the citizen's own applications, a document's verification
// page, a bill's payment page by its billing code, the region's public
// accountability (timeliness and satisfaction per service), the staff
// catalogue with the standard editor, the staff queue of applications, the
// issued documents, the bills with the tax import and the bank statement
// reconciliation, and the QRIS payment channel; each its own chunk loaded on
// demand with the module's texts. Listed in ../../modules.ts.
import type { ComponentType } from 'react';
import type { WebModule } from '../../contract.js';
import type { Namespace } from '../../i18n/index.js';
import { lazyPage, staffPage } from '../../lazyPage.js';
import type { Params } from '../../router.js';

const texts: Namespace = () => import('./messages.js').then((m) => m.texts);
const page = <P extends object>(load: () => Promise<ComponentType<P>>) => staffPage(load, texts);
type CitizenPages = typeof import('./pages/Apply.js');
const citizen = (pick: (m: CitizenPages) => ComponentType<{ params: Params }>) => lazyPage(() => import('./pages/Apply.js').then(pick), texts);

export const layanan: WebModule = {
  name: 'layanan',
  texts,
  routes: [
    { path: '/r/:region/layanan', component: lazyPage(() => import('./pages/Public.js').then((m) => m.PublicCataloguePage), texts) },
    // Before a service's page: a service slugged "akuntabilitas" would otherwise hide it.
    { path: '/r/:region/layanan/akuntabilitas', component: lazyPage(() => import('./pages/Public.js').then((m) => m.AccountabilityPage), texts) },
    { path: '/r/:region/layanan/:slug', component: lazyPage(() => import('./pages/Public.js').then((m) => m.PublicServicePage), texts) },
    { path: '/r/:region/layanan/permohonan/:registrationNo', component: citizen((m) => m.StatusPage) },
    { path: '/r/:region/layanan/:slug/ajukan', component: citizen((m) => m.ApplyPage) },
    { path: '/permohonan-saya', component: citizen((m) => m.MyApplicationsPage) },
    { path: '/permohonan-saya/:region/:id', component: citizen((m) => m.MyApplicationPage) },
    { path: '/staff/:region/layanan', component: page(() => import('./pages/Staff.js').then((m) => m.CataloguePage)) },
    { path: '/staff/:region/layanan/permohonan', component: page(() => import('./pages/Applications.js').then((m) => m.QueuePage)) },
    { path: '/staff/:region/layanan/permohonan/baru', component: page(() => import('./pages/Applications.js').then((m) => m.CounterPage)) },
    { path: '/staff/:region/layanan/permohonan/:id', component: page(() => import('./pages/Applications.js').then((m) => m.DetailPage)) },
    { path: '/r/:region/bayar/:code', component: lazyPage(() => import('./pages/Payments.js').then((m) => m.PublicBillPage), texts) },
    { path: '/staff/:region/layanan/pembayaran', component: page(() => import('./pages/Payments.js').then((m) => m.PaymentChannelPage)) },
    { path: '/staff/:region/layanan/tagihan', component: page(() => import('./pages/Bills.js').then((m) => m.BillsPage)) },
    { path: '/staff/:region/layanan/tagihan/rekonsiliasi', component: page(() => import('./pages/Bills.js').then((m) => m.ReconciliationPage)) },
    { path: '/staff/:region/layanan/skm', component: page(() => import('./pages/Skm.js').then((m) => m.SkmResultsPage)) },
    { path: '/staff/:region/layanan/skm/isi', component: page(() => import('./pages/Skm.js').then((m) => m.SkmEntryPage)) },
    { path: '/staff/:region/layanan/dokumen', component: page(() => import('./pages/Documents.js').then((m) => m.DocumentsPage)) },
    // The short address a document's QR code carries.
    { path: '/v/:token', component: lazyPage(() => import('./pages/Documents.js').then((m) => m.VerifyPage), texts) },
    { path: '/staff/:region/layanan/:serviceId', component: page(() => import('./pages/Staff.js').then((m) => m.ServiceEditorPage)) },
  ],
  menu: [
    { label: { id: 'Layanan', en: 'Services' }, href: (r) => `/staff/${r}/layanan`, permission: 'layanan.read' },
    { label: { id: 'Permohonan', en: 'Applications' }, href: (r) => `/staff/${r}/layanan/permohonan`, permission: 'layanan.read' },
  ],
  landing: { roles: ['layanan_manager', 'layanan_unit_manager', 'layanan_counter', 'layanan_officer'], href: (r) => `/staff/${r}/layanan` },
};
