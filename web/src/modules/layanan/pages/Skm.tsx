// The satisfaction survey (SKM) for staff: a paper form entered question by
// question (phone first: one radio group per element, big targets), and the
// results by period with the index, band and sample per service and unit and
// the nine elements' averages. Figures are the API's; the page lays them out.
import { useState, type FormEvent } from 'react';
import { api, regionApi } from '../../../api.js';
import { ErrorMessage, Flash, Loading, PageTitle } from '../../../components/ui.js';
import { formatScore } from '../components/format.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { Link, navigate, useLocation, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';
import type { ServiceBrief, SkmInstrument as Instrument, SkmResults as Results } from '../components/types.js';
import { LayananPage } from './Staff.js';
import { SkmQuestions, type SkmProfile } from '../components/SkmQuestions.js';

type Summary = Results['overall'];

const skmApi = (region: string) => `${regionApi(region)}/layanan/skm`;
export const skmPath = (region: string, page: '' | 'isi' = '') => `/staff/${region}/layanan/skm${page ? `/${page}` : ''}`;
const today = (region: RegionProfile) => new Intl.DateTimeFormat('en-CA', { timeZone: region.timezone }).format(new Date());


export function SkmEntryPage({ params }: { params: Params }) {
  return <LayananPage region={params.region}>{(region) => <Entry region={region} />}</LayananPage>;
}

function Entry({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const instrument = useStaffApi<Instrument>(`${skmApi(region.code)}/instrument`);
  const services = useStaffApi<ServiceBrief[]>(`${regionApi(region.code)}/layanan/services`);
  const blank = { serviceId: '', serviceDate: today(region), answers: {} as Record<string, number>, profile: {} as SkmProfile };
  const [form, setForm] = useState(blank);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(0);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const answers = Object.fromEntries(instrument.data!.elements.map((el) => [el.code, form.answers[el.code] ?? null]));
      await api(`${skmApi(region.code)}/responses`, { method: 'POST', body: { serviceId: form.serviceId, serviceDate: form.serviceDate, answers, ...form.profile } });
      setSaved((n) => n + 1);
      // The next paper form is usually about the same service on the same day.
      setForm({ ...blank, serviceId: form.serviceId, serviceDate: form.serviceDate });
      window.scrollTo(0, 0);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="skm-entry">
      <PageTitle title={t('layanan.skm.entryTitle')}>{t('layanan.skm.entryTitle')}</PageTitle>
      <p className="muted">{t('layanan.skm.entryIntro')} <Link to={skmPath(region.code)}>{t('layanan.skm.resultsLink')}</Link></p>
      {saved > 0 && <Flash>{t('layanan.skm.saved', { n: saved })}</Flash>}
      <ErrorMessage error={error ?? instrument.error ?? services.error} />
      {!instrument.data || !services.data ? <Loading /> : (
        <form onSubmit={submit} aria-label={t('layanan.skm.entryTitle')}>
          <div className="field"><label htmlFor="skm-service">{t('layanan.skm.service')}</label>
            <select id="skm-service" required value={form.serviceId} onChange={(e) => setForm({ ...form, serviceId: e.target.value })}>
              <option value="">{t('layanan.skm.choose')}</option>
              {services.data.filter((s) => s.version !== null).map((s) => <option key={s.id} value={s.id}>{s.name} ({s.unit.name})</option>)}
            </select></div>
          <div className="field"><label htmlFor="skm-date">{t('layanan.skm.date')}</label>
            <input id="skm-date" type="date" required max={today(region)} value={form.serviceDate} onChange={(e) => setForm({ ...form, serviceDate: e.target.value })} /></div>
          <SkmQuestions instrument={instrument.data} answers={form.answers} profile={form.profile}
            onAnswers={(answers) => setForm({ ...form, answers })} onProfile={(profile) => setForm({ ...form, profile })} />
          <button type="submit" className="skm-save">{t('layanan.skm.save')}</button>
        </form>
      )}
    </div>
  );
}

export function SkmResultsPage({ params }: { params: Params }) {
  return <LayananPage region={params.region}>{(region) => <ResultsView region={region} />}</LayananPage>;
}

function ResultsView({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { path, query } = useLocation();
  const period = query.get('period') ?? today(region).slice(0, 4);
  const serviceId = query.get('serviceId') ?? '';
  const [typed, setTyped] = useState(period);
  const qs = new URLSearchParams({ period, ...(serviceId ? { serviceId } : {}) });
  const results = useStaffApi<Results>(`${skmApi(region.code)}?${qs}`);
  const go = (next: Record<string, string>) => navigate(`${path}?${new URLSearchParams({ period, ...(serviceId ? { serviceId } : {}), ...next })}`, { replace: true });
  const n = (x: number | null) => (x === null ? '–' : formatScore(x, locale));
  const band = (s: Summary) => (s.band ? `${s.band.grade} (${s.band.performance})` : '–');
  const sample = (s: Summary) => (s.sufficient === null ? t('layanan.skm.noPopulation')
    : t(s.sufficient ? 'layanan.skm.sufficient' : 'layanan.skm.insufficient', { needed: s.requiredSample ?? 0, population: s.population ?? 0 }));
  const data = results.data;
  return (
    <>
      <PageTitle title={t('layanan.skm.resultsTitle')}>{t('layanan.skm.resultsTitle')}</PageTitle>
      <p className="muted">{t('layanan.skm.resultsIntro')}{' '}
        {may(me, region.code, 'layanan.skm.enter') && <Link to={skmPath(region.code, 'isi')}>{t('layanan.skm.entryLink')}</Link>}</p>
      <form className="field" onSubmit={(e) => { e.preventDefault(); go({ period: typed.trim() }); }}>
        <label htmlFor="skm-period">{t('layanan.skm.period')}</label>
        <input id="skm-period" type="text" value={typed} maxLength={10} onChange={(e) => setTyped(e.target.value)} />
        <small className="muted">{t('layanan.skm.periodHint')}</small>
        <button type="submit">{t('layanan.skm.show')}</button>
      </form>
      <ErrorMessage error={results.error} />
      {!data ? (!results.error && <Loading />) : (
        <>
          <section aria-label={t('layanan.skm.overall')} className="card">
            <h2>{serviceId ? data.services[0]?.service.name : t('layanan.skm.overall')}</h2>
            <p className="skm-index"><strong>{n(data.overall.converted)}</strong> · {t('layanan.skm.band')} {band(data.overall)}</p>
            <p className="small">{t('layanan.skm.respondents', { n: data.overall.respondents })} · {sample(data.overall)}</p>
            {data.overall.unanswered.length > 0 && data.overall.respondents > 0 && <p className="small">{t('layanan.skm.unanswered', { list: data.overall.unanswered.join(', ') })}</p>}
            <div className="table-scroll"><table>
              <thead><tr><th>{t('layanan.skm.element')}</th><th>{t('layanan.skm.answered')}</th><th>NRR</th></tr></thead>
              <tbody>{data.overall.elements.map((e) => <tr key={e.code}><td>{e.code}. {e.name}</td><td>{e.answered}</td><td>{n(e.nrr)}</td></tr>)}</tbody>
            </table></div>
            <p className="small muted">{t('layanan.skm.reference', { version: data.instrument.version, regulation: data.instrument.regulation })}</p>
          </section>
          <h2>{t('layanan.skm.byService')}</h2>
          {serviceId && <p><button type="button" className="link-button" onClick={() => navigate(`${path}?${new URLSearchParams({ period })}`, { replace: true })}>{t('layanan.skm.allServices')}</button></p>}
          <Breakdown rows={data.services.map((s) => ({ key: s.service.id, label: s.service.name, sub: s.unit.name, summary: s, onPick: () => go({ serviceId: s.service.id }) }))} n={n} band={band} sample={sample} />
          {!serviceId && <><h2>{t('layanan.skm.byUnit')}</h2>
            <Breakdown rows={data.units.map((u) => ({ key: u.unit.id, label: u.unit.name, sub: '', summary: u }))} n={n} band={band} sample={sample} /></>}
        </>
      )}
    </>
  );
}

interface Row { key: string; label: string; sub: string; summary: Summary; onPick?: () => void }

function Breakdown({ rows, n, band, sample }: { rows: Row[]; n: (x: number | null) => string; band: (s: Summary) => string; sample: (s: Summary) => string }) {
  const { t } = useI18n();
  return (
    <div className="table-scroll"><table>
      <thead><tr><th>{t('layanan.skm.name')}</th><th>IKM</th><th>{t('layanan.skm.band')}</th><th>{t('layanan.skm.respondentsHead')}</th><th>{t('layanan.skm.sample')}</th></tr></thead>
      <tbody>{rows.map((r) => (
        <tr key={r.key}>
          <td>{r.onPick ? <button type="button" className="link-button" onClick={r.onPick}>{r.label}</button> : r.label}{r.sub && <div className="small muted">{r.sub}</div>}</td>
          <td>{n(r.summary.converted)}</td><td>{band(r.summary)}</td><td>{r.summary.respondents}</td><td>{sample(r.summary)}</td>
        </tr>
      ))}</tbody>
    </table></div>
  );
}
