import { PublicComplaints } from '../../components/PublicComplaints.js';
import { RegionGate } from '../../../../components/RegionGate.js';
import { ErrorMessage, Loading, PageTitle } from '../../../../components/ui.js';
import { regionApi } from '../../../../api.js';
import { useApi } from '../../../../data.js';
import { useI18n } from '../../../../i18n/index.js';
import { Link, type Params } from '../../../../router.js';
import type { PublicRow, RegionProfile } from '../../../../types.js';

const RECENT = 5;

export function RegionHomePage({ params }: { params: Params }) {
  return <RegionGate code={params.region}>{(region) => <RegionHome region={region} />}</RegionGate>;
}

function RegionHome({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const recent = useApi<PublicRow[]>(`${regionApi(region.code)}/complaints/public?limit=${RECENT}`);
  return (
    <>
      <PageTitle title={region.name}>{region.name}</PageTitle>
      <p>{t('region.intro')}</p>
      <div className="big-actions">
        <Link to={`/r/${region.code}/lapor`} className="button big">{t('region.report')}</Link>
        <Link to={`/r/${region.code}/lacak`} className="button secondary big">{t('region.track')}</Link>
      </div>
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{t('region.recent')}</h2>
        <ErrorMessage error={recent.error} />
        {recent.loading && <Loading />}
        {recent.data && <PublicComplaints rows={recent.data} region={region} />}
        <p><Link to={`/r/${region.code}/pengaduan`}>{t('region.allComplaints')}</Link></p>
      </section>
      {region.settings.complaints?.publicStatistics && <p><Link to={`/r/${region.code}/statistik`}>{t('dash.stats.link')}</Link></p>}
    </>
  );
}
