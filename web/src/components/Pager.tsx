// Previous/next paging kept in the URL (?hal=2), so the back button works.
import { useI18n } from '../i18n/index.js';
import { Link } from '../router.js';

export const pageFrom = (query: URLSearchParams) => Math.max(1, Number.parseInt(query.get('hal') ?? '1', 10) || 1);

export function Pager({ page, hasNext, href }: { page: number; hasNext: boolean; href: (page: number) => string }) {
  const { t } = useI18n();
  if (page === 1 && !hasNext) return null;
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      {page > 1 ? <Link to={href(page - 1)} rel="prev">{t('pager.prev')}</Link> : <span />}
      <span className="muted">{t('pager.page', { n: page })}</span>
      {hasNext ? <Link to={href(page + 1)} rel="next">{t('pager.next')}</Link> : <span />}
    </nav>
  );
}
