// Public services (layanan publik) in the web app: the public catalogue and a
// service's page (phone first, no sign-in), a document's verification page,
// a bill's payment page by its billing code, the staff catalogue with the
// standard editor, the issued documents and the QRIS payment channel; each
// its own chunk loaded on demand with the module's
// texts. Listed in ../../modules.ts.
import type { ComponentType } from 'react';
import type { WebModule } from '../../contract.js';
import type { Namespace } from '../../i18n/index.js';
import { lazyPage, staffPage } from '../../lazyPage.js';

const texts: Namespace = () => import('./messages.js').then((m) => m.texts);
const page = <P extends object>(load: () => Promise<ComponentType<P>>) => staffPage(load, texts);

export const layanan: WebModule = {
  name: 'layanan',
  texts,
  routes: [
    { path: '/r/:region/layanan', component: lazyPage(() => import('./pages/Public.js').then((m) => m.PublicCataloguePage), texts) },
    { path: '/r/:region/layanan/:slug', component: lazyPage(() => import('./pages/Public.js').then((m) => m.PublicServicePage), texts) },
    { path: '/staff/:region/layanan', component: page(() => import('./pages/Staff.js').then((m) => m.CataloguePage)) },
    { path: '/r/:region/bayar/:code', component: lazyPage(() => import('./pages/Payments.js').then((m) => m.PublicBillPage), texts) },
    { path: '/staff/:region/layanan/pembayaran', component: page(() => import('./pages/Payments.js').then((m) => m.PaymentChannelPage)) },
    { path: '/staff/:region/layanan/skm', component: page(() => import('./pages/Skm.js').then((m) => m.SkmResultsPage)) },
    { path: '/staff/:region/layanan/skm/isi', component: page(() => import('./pages/Skm.js').then((m) => m.SkmEntryPage)) },
    { path: '/staff/:region/layanan/dokumen', component: page(() => import('./pages/Documents.js').then((m) => m.DocumentsPage)) },
    // The short address a document's QR code carries.
    { path: '/v/:token', component: lazyPage(() => import('./pages/Documents.js').then((m) => m.VerifyPage), texts) },
    { path: '/staff/:region/layanan/:serviceId', component: page(() => import('./pages/Staff.js').then((m) => m.ServiceEditorPage)) },
  ],
  menu: [{ label: { id: 'Layanan', en: 'Services' }, href: (r) => `/staff/${r}/layanan`, permission: 'layanan.read' }],
  landing: { roles: ['layanan_manager', 'layanan_unit_manager', 'layanan_counter', 'layanan_officer'], href: (r) => `/staff/${r}/layanan` },
};
