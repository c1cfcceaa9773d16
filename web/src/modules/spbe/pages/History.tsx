// The history of an evaluation: who did what when, every change.
import { ErrorMessage, Loading, PageTitle } from '../../../components/ui.js';
import { evaluationPath, SpbePage, evaluationUrl } from '../components/common.js';
import { HistoryList } from '../components/History.js';
import type { Evaluation, HistoryEntry } from '../components/types.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, type Params } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';

export function HistoryPage({ params }: { params: Params }) {
  return <SpbePage region={params.region}>{(region) => <History region={region} id={params.evaluationId} />}</SpbePage>;
}

function History({ region, id }: { region: RegionProfile; id: string }) {
  const { t } = useI18n();
  const url = evaluationUrl(region.code, id);
  const ev = useStaffApi<Evaluation>(url);
  const history = useStaffApi<HistoryEntry[]>(`${url}/history`);
  if (ev.error || history.error) return <ErrorMessage error={ev.error ?? history.error} />;
  if (!ev.data || !history.data) return <Loading />;
  const title = t('spbe.history.pageTitle', { year: ev.data.year });
  return (
    <>
      <p><Link to={evaluationPath(region.code, id)}>{t('spbe.back.evaluation', { year: ev.data.year })}</Link></p>
      <PageTitle title={title}>{title}</PageTitle>
      {/* Newest first: what happened last is what people look for. */}
      <HistoryList entries={[...history.data].reverse()} ev={ev.data} region={region} />
    </>
  );
}
