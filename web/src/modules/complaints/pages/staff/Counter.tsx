// Counter staff file a complaint for a walk-in or phone caller.
import { RegionGate } from '../../../../components/RegionGate.js';
import { ReportForm } from '../../components/ReportForm.js';
import { StaffOnly } from '../../../../components/StaffOnly.js';
import { PageTitle } from '../../../../components/ui.js';
import { useI18n } from '../../../../i18n/index.js';
import type { Params } from '../../../../router.js';

export function CounterPage({ params }: { params: Params }) {
  const { t } = useI18n();
  return (
    <StaffOnly region={params.region} permission="complaint.file_for_citizen">
      <PageTitle title={t('counter.title')}>{t('counter.title')}</PageTitle>
      <p>{t('counter.intro')}</p>
      <RegionGate code={params.region}>{(region) => <ReportForm region={region} mode="counter" />}</RegionGate>
    </StaffOnly>
  );
}
