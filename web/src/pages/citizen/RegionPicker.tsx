import { PageTitle, ErrorMessage, Loading } from '../../components/ui.js';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n/index.js';
import { Link } from '../../router.js';
import type { RegionSummary } from '../../types.js';

export function RegionPickerPage() {
  const { t } = useI18n();
  const regions = useApi<RegionSummary[]>('/api/regions');
  return (
    <>
      <PageTitle title={t('home.title')}>{t('home.title')}</PageTitle>
      <p>{t('home.intro')}</p>
      <ErrorMessage error={regions.error} />
      {regions.loading && <Loading />}
      <ul className="plain cards">
        {regions.data?.map((r) => (
          <li key={r.code}>
            <Link to={`/r/${r.code}`} className="card region-link">
              <strong>{r.name}</strong>
              <span className="muted small">{t('home.code', { code: r.code })}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
