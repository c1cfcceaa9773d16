import { RegionGate } from '../../../../components/RegionGate.js';
import { ReportForm } from '../../components/ReportForm.js';
import { PageTitle } from '../../../../components/ui.js';
import { useI18n } from '../../../../i18n/index.js';
import type { Params } from '../../../../router.js';

export function ReportPage({ params }: { params: Params }) {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('report.title')}>{t('report.title')}</PageTitle>
      <RegionGate code={params.region}>{(region) => <ReportForm region={region} mode="citizen" />}</RegionGate>
    </>
  );
}
