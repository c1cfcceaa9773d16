// The in-app notification inbox.
import { useState } from 'react';
import { StaffOnly } from '../../components/StaffOnly.js';
import { ErrorMessage, Loading, PageTitle, When } from '../../components/ui.js';
import { api } from '../../api.js';
import { useRegion } from '../../data.js';
import { useStaffApi } from '../../query.js';
import { useI18n } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { useSession } from '../../session.js';
import type { Notification } from '../../types.js';

export function NotificationsPage() {
  const { t } = useI18n();
  return (
    <StaffOnly>
      <PageTitle title={t('notifications.title')}>{t('notifications.title')}</PageTitle>
      <NotificationList />
    </StaffOnly>
  );
}

function NotificationList() {
  const { t } = useI18n();
  const { refreshUnread } = useSession();
  const list = useStaffApi<Notification[]>('/api/notifications');
  const [error, setError] = useState<unknown>(null);
  const markAllRead = async () => {
    try {
      await api('/api/notifications/read', { method: 'POST' });
      list.reload();
      refreshUnread();
    } catch (e) {
      setError(e);
    }
  };
  const unread = list.data?.some((n) => !n.readAt);
  return (
    <>
      <ErrorMessage error={list.error ?? error} />
      {list.loading && <Loading />}
      {unread && <p><button type="button" className="button secondary" onClick={() => void markAllRead()}>{t('notifications.markAllRead')}</button></p>}
      {list.data?.length === 0 && <p className="muted">{t('notifications.empty')}</p>}
      <ul className="plain cards">
        {list.data?.map((n) => <NotificationItem key={`${n.regionCode}-${n.id}`} n={n} />)}
      </ul>
    </>
  );
}

function NotificationItem({ n }: { n: Notification }) {
  const { t, pick } = useI18n();
  const { region } = useRegion(n.regionCode);
  const subject = pick(n.subject);
  return (
    <li className={`card row-card${n.readAt ? '' : ' unread'}`}>
      <div className="row-head">
        {n.link?.startsWith('/') ? <Link to={n.link}><strong>{subject}</strong></Link> : <strong>{subject}</strong>}
        {!n.readAt && <span className="badge badge-amber">{t('notifications.new')}</span>}
      </div>
      <p>{pick(n.body)}</p>
      {region && <p className="muted small"><When at={n.at} zone={region} /></p>}
    </li>
  );
}
