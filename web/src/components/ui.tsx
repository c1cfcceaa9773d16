// Small shared pieces: errors, status, time left, dates, page titles.
import { useEffect, type ReactNode } from 'react';
import { ApiError } from '../api.js';
import { useI18n } from '../i18n/index.js';
import { formatDateTime, formatDeadline, formatDuration, type Zone } from '../format.js';
import { statuses, type Status } from '../../../src/modules/complaints/domain/status.js';

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const text = error instanceof ApiError ? (error.code === 'network' ? t('error.network') : error.message || t('error.unexpected')) : t('error.unexpected');
  return <p className="alert alert-error" role="alert">{text}</p>;
}

export function Loading() {
  const { t } = useI18n();
  return <p className="muted" aria-live="polite">{t('common.loading')}</p>;
}

const isStatus = (s: string): s is Status => (statuses as readonly string[]).includes(s);

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className={`badge status-${status}`}>{isStatus(status) ? t(`status.${status}`) : status}</span>;
}

/** Time left before a deadline: red when overdue, amber in the last 24 hours. */
export function TimeLeft({ ms, overdue }: { ms: number | null; overdue: boolean }) {
  const { t } = useI18n();
  if (ms === null) return null;
  if (overdue || ms <= 0) {
    return <span className="badge badge-red">{ms < 0 ? t('time.overdueBy', { d: formatDuration(ms, t) }) : t('time.overdue')}</span>;
  }
  return <span className={`badge ${ms < 86_400_000 ? 'badge-amber' : 'badge-neutral'}`}>{t('time.left', { d: formatDuration(ms, t) })}</span>;
}

/** An instant in the region's zone; a deadline at midnight reads as 23.59 the day before. */
export function When({ at, zone, deadline }: { at: string; zone: Zone; deadline?: boolean }) {
  const { locale } = useI18n();
  return <time dateTime={at}>{(deadline ? formatDeadline : formatDateTime)(at, zone, locale)}</time>;
}

export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  useEffect(() => {
    document.title = `${title} · Pamong`;
  }, [title]);
  return <h1>{children}</h1>;
}

export function Flash({ children }: { children: ReactNode }) {
  return <p className="alert alert-ok" role="status">{children}</p>;
}
