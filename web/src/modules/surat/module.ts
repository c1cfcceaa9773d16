// Correspondence (naskah dinas) in the web app: the home screen with the
// counts SRIKANDI users know, the inbox and dispositions; the register and
// search; a letter's page (files, distribution, the disposition tree and its
// actions); record files, the retention schedule, disposal and the exchange
// with SRIKANDI; outgoing letters and memos (their boxes, the draft form, a
// letter's page with initials, signing and sending). Each page its own chunk, loaded with the module's texts. Listed in
// ../../modules.ts.
import type { WebModule } from '../../contract.js';
import type { Namespace } from '../../i18n/index.js';
import { staffPage } from '../../lazyPage.js';

const texts: Namespace = () => import('./messages.js').then((m) => m.texts);

export const surat: WebModule = {
  name: 'surat',
  texts,
  routes: [
    { path: '/staff/:region/surat', component: staffPage(() => import('./pages/Home.js').then((m) => m.HomePage), texts) },
    { path: '/staff/:region/surat/register', component: staffPage(() => import('./pages/Register.js').then((m) => m.RegisterPage), texts) },
    { path: '/staff/:region/surat/naskah/:letterId', component: staffPage(() => import('./pages/Letter.js').then((m) => m.LetterPage), texts) },
    // ---- filing, retention and exchange (records staff)
    { path: '/staff/:region/surat/arsip', component: staffPage(() => import('./pages/Archive.js').then((m) => m.ArchivePage), texts) },
    { path: '/staff/:region/surat/arsip/:fileId', component: staffPage(() => import('./pages/RecordFile.js').then((m) => m.RecordFilePage), texts) },
    { path: '/staff/:region/surat/jra', component: staffPage(() => import('./pages/Retention.js').then((m) => m.RetentionPage), texts) },
    { path: '/staff/:region/surat/penyusutan', component: staffPage(() => import('./pages/Disposals.js').then((m) => m.DisposalsPage), texts) },
    { path: '/staff/:region/surat/pertukaran', component: staffPage(() => import('./pages/Exchange.js').then((m) => m.ExchangePage), texts) },
    // ---- end filing, retention and exchange
    // Outgoing letters and memos (the new draft's path before the letter's: routes match in order).
    { path: '/staff/:region/surat/outgoing', component: staffPage(() => import('./pages/Outgoing.js').then((m) => m.OutgoingPage), texts) },
    { path: '/staff/:region/surat/outgoing/baru', component: staffPage(() => import('./pages/Draft.js').then((m) => m.DraftPage), texts) },
    { path: '/staff/:region/surat/outgoing/:letterId', component: staffPage(() => import('./pages/OutgoingLetter.js').then((m) => m.OutgoingLetterPage), texts) },
    { path: '/staff/:region/surat/pengaturan', component: staffPage(() => import('./pages/Settings.js').then((m) => m.SettingsPage), texts) },
    { path: '/staff/:region/surat/outgoing/:letterId/ubah', component: staffPage(() => import('./pages/Draft.js').then((m) => m.DraftPage), texts) },
  ],
  menu: [
    { label: { id: 'Naskah dinas', en: 'Correspondence' }, href: (r) => `/staff/${r}/surat`, permission: 'surat.read' },
    // ---- filing, retention and exchange: the records staff's files; the decider's disposals (who keeps no files)
    { label: { id: 'Arsip naskah', en: 'Record files' }, href: (r) => `/staff/${r}/surat/arsip`, permission: 'surat.file' },
    { label: { id: 'Penyusutan arsip', en: 'Records disposal' }, href: (r) => `/staff/${r}/surat/penyusutan`, permission: 'surat.disposal.decide' },
    // ---- end filing, retention and exchange
    { label: { id: 'Pengaturan naskah dinas', en: 'Correspondence settings' }, href: (r) => `/staff/${r}/surat/pengaturan`, permission: 'surat.configure' },
  ],
  landing: {
    roles: ['surat_clerk', 'surat_leader', 'surat_staff', 'surat_verifier', 'surat_signer', 'surat_records_manager'],
    href: (r) => `/staff/${r}/surat`,
  },
};
