// The app shell: header with language switch and account, the staff
// navigation for the current region, and the footer.
import { useEffect, type ReactNode } from 'react';
import { useRegion } from '../data.js';
import { loadStaffTexts, useI18n, type Locale } from '../i18n/index.js';
import { staffNav } from '../nav.js';
import { Link, navigate, useLocation } from '../router.js';
import { useSession } from '../session.js';

/** The region the current page is about, from /r/:region or /staff/:region. */
function regionInPath(path: string): { code: string; staff: boolean } | null {
  const m = /^\/(r|staff)\/([^/]+)/.exec(path);
  return m ? { code: decodeURIComponent(m[2]), staff: m[1] === 'staff' } : null;
}

/** Which module a page belongs to, so the footer says what this part of Pamong is. */
export function moduleOf(path: string): 'complaints' | 'spbe' | 'platform' {
  if (/^\/(staff\/[^/]+\/)?spbe(\/|$)/.test(path)) return 'spbe';
  if (/^\/r\/[^/]+/.test(path) || /^\/staff\/[^/]+(\/(complaints|loket|dasbor|provinsi)(\/|$)|\/?$)/.test(path)) return 'complaints';
  return 'platform';
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const { me } = useSession();
  const here = regionInPath(path);
  const { region } = useRegion(here?.code);
  const home = here ? (here.staff ? `/staff/${here.code}` : `/r/${here.code}`) : '/';
  return (
    <>
      <a className="skip-link" href="#main">{t('nav.skip')}</a>
      <header className="site-header">
        <div className="container header-row">
          <Link to={home} className="brand">
            <span className="brand-mark" aria-hidden="true">P</span>
            <span>
              <span className="brand-name">Pamong</span>
              {region && <span className="brand-region">{region.name}</span>}
            </span>
          </Link>
          <LanguageSwitch />
        </div>
        {me?.user && <StaffBar current={here?.staff ? here.code : undefined} />}
      </header>
      <main id="main" className="container" tabIndex={-1}>{children}</main>
      <footer className="site-footer">
        <div className="container">
          <p>{t(`footer.about.${moduleOf(path)}`)}</p>
          {!me?.user && <p><Link to="/masuk">{t('footer.staff')}</Link> · <Link to="/daftar">{t('footer.register')}</Link></p>}
        </div>
      </footer>
    </>
  );
}

function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const options: { value: Locale; short: string; name: string }[] = [
    { value: 'id', short: 'ID', name: 'Bahasa Indonesia' },
    { value: 'en', short: 'EN', name: 'English' },
  ];
  return (
    <div className="lang-switch" role="group" aria-label={t('nav.language')}>
      {options.map((o) => (
        <button key={o.value} type="button" aria-pressed={locale === o.value} aria-label={o.name} lang={o.value} onClick={() => setLocale(o.value)}>
          {o.short}
        </button>
      ))}
    </div>
  );
}

function StaffBar({ current }: { current?: string }) {
  const { t, staffTexts } = useI18n();
  const { me, unread, signOut, refreshUnread } = useSession();
  const { path } = useLocation();
  // New notifications show up as staff move between pages.
  useEffect(refreshUnread, [path, refreshUnread]);
  // The menu names staff screens, whose texts are not in the first download.
  useEffect(() => void loadStaffTexts().catch(() => undefined), []);
  if (!me?.user || !staffTexts) return null;
  const region = me.regions.find((r) => r.code === current) ?? me.regions[0];
  const entries = region ? staffNav.filter((e) => region.actions.includes(e.permission) && (!e.provinceOnly || region.parentCode === null)) : [];
  return (
    <nav className="staff-bar" aria-label={t('nav.staff')}>
      <div className="container staff-row">
        {me.regions.length > 1 && (
          <select aria-label={t('nav.region')} value={region?.code} onChange={(e) => navigate(`/staff/${e.target.value}`)}>
            {me.regions.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
          </select>
        )}
        {region && entries.map((e) => {
          const href = e.href(region.code);
          return <Link key={e.label} to={href} aria-current={path === href ? 'page' : undefined}>{t(e.label)}</Link>;
        })}
        <Link to="/laporan-saya" aria-current={path === '/laporan-saya' ? 'page' : undefined}>{t('nav.mine')}</Link>
        <Link to="/notifikasi" aria-current={path === '/notifikasi' ? 'page' : undefined}>
          {t('nav.notifications')}
          {unread > 0 && <span className="count" aria-label={t('nav.unread', { n: unread })}>{unread}</span>}
        </Link>
        <span className="spacer" />
        <span className="muted small user-name">{me.user.name}</span>
        <button type="button" className="link-button" onClick={() => void signOut().then(() => navigate('/'))}>{t('nav.signOut')}</button>
      </div>
    </nav>
  );
}
