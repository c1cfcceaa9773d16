import { PublicComplaints } from '../../components/PublicComplaints.js';
import { RegionGate } from '../../../../components/RegionGate.js';
import { ErrorMessage, Loading, PageTitle } from '../../../../components/ui.js';
import { regionApi } from '../../../../api.js';
import { useApi } from '../../../../data.js';
import { useI18n } from '../../../../i18n/index.js';
import { Link, queryString, useLocation, type Params } from '../../../../router.js';
import type { PublicRow, RegionProfile } from '../../../../types.js';
import { Pager, pageFrom } from '../../../../components/Pager.js';

const PAGE_SIZE = 20;

export function PublicListPage({ params }: { params: Params }) {
  return <RegionGate code={params.region}>{(region) => <PublicList region={region} />}</RegionGate>;
}

function PublicList({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { path, query } = useLocation();
  const page = pageFrom(query);
  const rows = useApi<PublicRow[]>(`${regionApi(region.code)}/complaints/public${queryString({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`);
  return (
    <>
      <PageTitle title={t('public.title')}>{t('public.title')}</PageTitle>
      <p><Link to={`/r/${region.code}/lapor`}>{t('region.report')}</Link></p>
      <ErrorMessage error={rows.error} />
      {rows.loading && <Loading />}
      {rows.data && <PublicComplaints rows={rows.data} region={region} />}
      <Pager page={page} hasNext={(rows.data?.length ?? 0) === PAGE_SIZE} href={(p) => `${path}${queryString({ hal: p > 1 ? p : undefined })}`} />
    </>
  );
}
