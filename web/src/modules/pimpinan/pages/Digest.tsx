// A person's weekly digest: which day the email comes, or that it does not.
// Linked from the email itself, the leader's page and the adoption page.
import { useEffect, useState, type FormEvent } from 'react';
import type { components } from '../../../api-types.js';
import { api } from '../../../api.js';
import { RegionGate } from '../../../components/RegionGate.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import { ErrorMessage, Flash, Loading, PageTitle } from '../../../components/ui.js';
import { formatCalendarDate } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { Link, type Params } from '../../../router.js';
import { useSend } from '../../../send.js';
import type { RegionProfile } from '../../../types.js';

type Choice = components['schemas']['PimpinanDigestChoice'];
const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function DigestPage({ params }: { params: Params }) {
  return (
    <StaffOnly region={params.region} permission="pimpinan.digest">
      <RegionGate code={params.region}>{(region) => <DigestChoiceForm region={region} />}</RegionGate>
    </StaffOnly>
  );
}

function DigestChoiceForm({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const path = `/api/regions/${region.code}/pimpinan/ringkasan`;
  const data = useStaffApi<Choice>(path);
  const [day, setDay] = useState('');
  const send = useSend<Choice>();
  const shown = send.result ?? data.data;
  useEffect(() => {
    if (data.data) setDay(data.data.day === null ? 'off' : String(data.data.day));
  }, [data.data]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send.run(() => api<Choice>(path, { method: 'PUT', body: { day: day === 'off' ? null : Number(day) } }));
  };
  return (
    <div className="pimpinan">
      <PageTitle title={t('pimpinan.digest.title')}>{t('pimpinan.digest.title')}</PageTitle>
      <p className="subnav"><Link to={`/staff/${region.code}/pimpinan/adopsi`}>{t('pimpinan.adoption.title')}</Link></p>
      <ErrorMessage error={data.error} />
      {!shown ? (!data.error && <Loading />) : (
        <form onSubmit={submit}>
          <p>{t('pimpinan.digest.intro', { region: region.name })}</p>
          {!shown.receives && <p className="alert">{t('pimpinan.digest.notReceiving')}</p>}
          <label htmlFor="pimpinan-digest-day">{t('pimpinan.digest.day')}</label>
          <select id="pimpinan-digest-day" value={day} onChange={(e) => setDay(e.target.value)}>
            {DAYS.map((d) => <option key={d} value={d}>{t(`pimpinan.digest.day.${d}`)}</option>)}
            <option value="off">{t('pimpinan.digest.off')}</option>
          </select>
          <p className="muted small">
            {shown.chosen ? null : t('pimpinan.digest.default')}{' '}
            {shown.lastSentOn ? t('pimpinan.digest.last', { date: formatCalendarDate(shown.lastSentOn, locale) }) : t('pimpinan.digest.never')}
          </p>
          <ErrorMessage error={send.error} />
          {send.result && <Flash>{send.result.day === null ? t('pimpinan.digest.savedOff') : t('pimpinan.digest.saved', { day: t(`pimpinan.digest.day.${send.result.day as (typeof DAYS)[number]}`) })}</Flash>}
          <button type="submit" className="button" disabled={send.busy}>{t('pimpinan.digest.save')}</button>
        </form>
      )}
    </div>
  );
}
