// Staff pages: sign in first, then the region permission the page needs.
import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { navigate, useLocation } from '../router.js';
import { may, useSession } from '../session.js';
import type { Permission } from '../types.js';
import { Loading } from './ui.js';

export function StaffOnly({ region, permission, children }: { region?: string; permission?: Permission; children: ReactNode }) {
  const { me } = useSession();
  const { t } = useI18n();
  const { href } = useLocation();
  const signedOut = me !== undefined && !me.user;
  useEffect(() => {
    if (signedOut) navigate(`/masuk?next=${encodeURIComponent(href)}`, { replace: true });
  }, [signedOut, href]);
  if (!me?.user) return <Loading />;
  if (region && permission && !may(me, region, permission)) return <p className="alert alert-error" role="alert">{t('error.forbidden')}</p>;
  return <>{children}</>;
}
