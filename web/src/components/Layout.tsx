// The app shell: header with language switch and account, the staff
// navigation for the current region, and the footer.
import { lazy, Suspense, type ReactNode } from 'react';
import { useRegion } from '../data.js';
import { loadTexts, staffTexts, useI18n, type Locale } from '../i18n/index.js';
import { modules } from '../modules.js';
import { Link, matchRoute, useLocation } from '../router.js';
import { useSession } from '../session.js';

// Only signed-in people see the staff bar: it and its words are a chunk of
// their own, never in a citizen's download. If it cannot load, the page goes on without it.
const StaffBar = lazy(() => Promise.all([import('./StaffBar.js'), loadTexts(staffTexts)]).then(
  ([m]) => ({ default: m.StaffBar }),
  () => ({ default: () => null }),
));

/** The region the current page is about, from /r/:region or /staff/:region. */
function regionInPath(path: string): { code: string; staff: boolean } | null {
  const m = /^\/(r|staff)\/([^/]+)/.exec(path);
  return m ? { code: decodeURIComponent(m[2]), staff: m[1] === 'staff' } : null;
}

/** Which module a page belongs to (whose route it is), so the footer says what this part of Pamong is. */
const moduleOf = (path: string) => modules.find((m) => matchRoute(m.routes, path))?.name ?? 'platform';

export function Layout({ children }: { children: ReactNode }) {
  const { t, has } = useI18n();
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
        {me?.user && <Suspense fallback={null}><StaffBar current={here?.staff ? here.code : undefined} /></Suspense>}
      </header>
      <main id="main" className="container" tabIndex={-1}>{children}</main>
      <footer className="site-footer">
        <div className="container">
          {/* A module's words come with its texts; until then, the platform's. */}
          <p>{t(((key) => (has(key) ? key : 'footer.about.platform'))(`footer.about.${moduleOf(path)}`))}</p>
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
