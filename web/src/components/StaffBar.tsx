// The staff bar under the header: the region switch, the staff menu (the
// platform's entries and each module's, nav.ts), the person's own pages and
// signing out. Loaded with the platform's staff texts (Layout.tsx).
import { useEffect } from 'react';
import { api, setCsrfToken } from '../api.js';
import { useI18n } from '../i18n/index.js';
import { staffNav } from '../nav.js';
import { Link, navigate, useLocation } from '../router.js';
import { useSession } from '../session.js';

export function StaffBar({ current }: { current?: string }) {
  const { t, pick } = useI18n();
  const { me, unread, refresh, refreshUnread } = useSession();
  const signOut = async () => {
    await api('/api/auth/sign-out', { method: 'POST' }).catch(() => undefined);
    setCsrfToken(null);
    await refresh();
  };
  const { path } = useLocation();
  // New notifications show up as staff move between pages.
  useEffect(refreshUnread, [path, refreshUnread]);
  if (!me?.user) return null;
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
          return <Link key={href} to={href} aria-current={path === href ? 'page' : undefined}>{pick(e.label)}</Link>;
        })}
        <Link to="/laporan-saya" aria-current={path === '/laporan-saya' ? 'page' : undefined}>{t('nav.mine')}</Link>
        <Link to="/permohonan-saya" aria-current={path === '/permohonan-saya' ? 'page' : undefined}>{t('nav.mineApplications')}</Link>
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
