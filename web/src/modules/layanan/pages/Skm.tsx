// The satisfaction survey (SKM) for staff: a paper form entered question by
// question (phone first: one radio group per element, big targets), the
// paper forms entered (by service and period, paged) to correct or delete
// with a reason, and the results by period with the index, band and sample
// (and where the population came from) per service and unit, the nine
// elements' averages, and the Excel download. Figures are the API's; the
// page lays them out.
import { useState, type FormEvent } from 'react';
import { api, regionApi } from '../../../api.js';
import { pageFrom, Pager } from '../../../components/Pager.js';
import { ErrorMessage, Flash, Loading, PageTitle, When } from '../../../components/ui.js';
import { formatScore } from '../components/format.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { Link, navigate, queryString, useLocation, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';
import type { ServiceBrief, SkmInstrument as Instrument, SkmPaperForm as PaperForm, SkmResults as Results } from '../components/types.js';
import { LayananPage } from './Staff.js';
import { SkmQuestions, type SkmProfile } from '../components/SkmQuestions.js';

type Summary = Results['overall'];

const skmApi = (region: string) => `${regionApi(region)}/layanan/skm`;
export const skmPath = (region: string, page: '' | 'isi' = '') => `/staff/${region}/layanan/skm${page ? `/${page}` : ''}`;
const today = (region: RegionProfile) => new Intl.DateTimeFormat('en-CA', { timeZone: region.timezone }).format(new Date());


export function SkmEntryPage({ params }: { params: Params }) {
  return <LayananPage region={params.region}>{(region) => <Entry region={region} />}</LayananPage>;
}

const PAGE = 20;
type Draft = { serviceId: string; serviceDate: string; answers: Record<string, number>; profile: SkmProfile };

/** A stored form back in the entry form's shape: blanks left out, the profile as given. */
const draftOf = (f: PaperForm): Draft => ({
  serviceId: f.service.id, serviceDate: f.serviceDate,
  answers: Object.fromEntries(Object.entries(f.answers).filter((e): e is [string, number] => e[1] !== null)),
  profile: Object.fromEntries((['gender', 'ageBand', 'education', 'occupation'] as const).flatMap((k) => (f[k] ? [[k, f[k]]] : []))),
});

function Entry({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { path, query } = useLocation();
  const instrument = useStaffApi<Instrument>(`${skmApi(region.code)}/instrument`);
  const services = useStaffApi<ServiceBrief[]>(`${regionApi(region.code)}/layanan/services`);
  const blank: Draft = { serviceId: '', serviceDate: today(region), answers: {}, profile: {} };
  const [form, setForm] = useState(blank);
  const [editing, setEditing] = useState<PaperForm | null>(null);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(0);
  const [done, setDone] = useState('');
  // The list of forms entered: by service and period, in the URL like the module's other lists.
  const listService = query.get('layanan') ?? '';
  const listPeriod = query.get('periode') ?? today(region).slice(0, 4);
  const page = pageFrom(query);
  const listHref = (next: { layanan?: string; periode?: string; page?: number }) => `${path}${queryString({
    layanan: (next.layanan ?? listService) || undefined, periode: next.periode ?? listPeriod, hal: next.page && next.page > 1 ? next.page : undefined,
  })}`;
  const list = useStaffApi<{ total: number; items: PaperForm[] }>(`${skmApi(region.code)}/responses${queryString({
    serviceId: listService || undefined, period: listPeriod, limit: PAGE, offset: (page - 1) * PAGE,
  })}`);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setDone('');
    try {
      const answers = Object.fromEntries(instrument.data!.elements.map((el) => [el.code, form.answers[el.code] ?? null]));
      // A correction replaces the profile whole: a field cleared is sent as null.
      const profile = { gender: null, ageBand: null, education: null, occupation: null, ...form.profile };
      if (editing) {
        await api(`${skmApi(region.code)}/responses/${editing.id}`, { method: 'PUT', body: { serviceDate: form.serviceDate, answers, ...profile } });
        setEditing(null);
        setForm(blank);
        setDone(t('layanan.skm.corrected'));
      } else {
        await api(`${skmApi(region.code)}/responses`, { method: 'POST', body: { serviceId: form.serviceId, serviceDate: form.serviceDate, answers, ...form.profile } });
        setSaved((n) => n + 1);
        // The next paper form is usually about the same service on the same day.
        setForm({ ...blank, serviceId: form.serviceId, serviceDate: form.serviceDate });
      }
      list.reload();
      window.scrollTo(0, 0);
    } catch (err) {
      setError(err);
    }
  };
  const edit = (f: PaperForm) => {
    setEditing(f);
    setForm(draftOf(f));
    setError(undefined);
    window.scrollTo(0, 0);
  };
  const cancel = () => {
    setEditing(null);
    setForm(blank);
  };
  const published = services.data?.filter((s) => s.version !== null) ?? [];
  return (
    <div className="skm-entry">
      <PageTitle title={t('layanan.skm.entryTitle')}>{editing ? t('layanan.skm.correctTitle') : t('layanan.skm.entryTitle')}</PageTitle>
      <p className="muted">{t('layanan.skm.entryIntro')} <Link to={skmPath(region.code)}>{t('layanan.skm.resultsLink')}</Link></p>
      {saved > 0 && !editing && <Flash>{t('layanan.skm.saved', { n: saved })}</Flash>}
      {done && <Flash>{done}</Flash>}
      <ErrorMessage error={error ?? instrument.error ?? services.error} />
      {!instrument.data || !services.data ? <Loading /> : (
        <form onSubmit={submit} aria-label={editing ? t('layanan.skm.correctTitle') : t('layanan.skm.entryTitle')}>
          {editing && <p className="small">{t('layanan.skm.correcting', { by: editing.enteredBy })}</p>}
          <div className="field"><label htmlFor="skm-service">{t('layanan.skm.service')}</label>
            <select id="skm-service" required disabled={!!editing} value={form.serviceId} onChange={(e) => setForm({ ...form, serviceId: e.target.value })}>
              <option value="">{t('layanan.skm.choose')}</option>
              {published.map((s) => <option key={s.id} value={s.id}>{s.name} ({s.unit.name})</option>)}
            </select></div>
          <div className="field"><label htmlFor="skm-date">{t('layanan.skm.date')}</label>
            <input id="skm-date" type="date" required max={today(region)} value={form.serviceDate} onChange={(e) => setForm({ ...form, serviceDate: e.target.value })} /></div>
          <SkmQuestions instrument={instrument.data} answers={form.answers} profile={form.profile}
            onAnswers={(answers) => setForm({ ...form, answers })} onProfile={(profile) => setForm({ ...form, profile })} />
          <button type="submit" className="skm-save">{editing ? t('layanan.skm.saveCorrection') : t('layanan.skm.save')}</button>
          {editing && <> <button type="button" className="button secondary" onClick={cancel}>{t('layanan.skm.cancel')}</button></>}
        </form>
      )}
      <section aria-labelledby="skm-forms">
        <h2 id="skm-forms">{t('layanan.skm.formsTitle')}</h2>
        <p className="small muted">{t('layanan.skm.formsIntro')}</p>
        <form className="input-row layanan-filters" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor="skm-list-service">{t('layanan.skm.listService')}</label>
          <select id="skm-list-service" value={listService} onChange={(e) => navigate(listHref({ layanan: e.target.value, page: 1 }), { replace: true })}>
            <option value="">{t('layanan.skm.anyService')}</option>
            {published.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
          <PeriodInput id="skm-list-period" period={listPeriod} onPeriod={(p) => navigate(listHref({ periode: p, page: 1 }), { replace: true })} />
        </form>
        <ErrorMessage error={list.error} />
        {!list.data ? (!list.error && <Loading />) : list.data.items.length === 0 ? <p className="muted">{t('layanan.skm.formsNone')}</p> : (
          <div className="table-scroll"><table>
            <thead><tr><th>{t('layanan.skm.date')}</th><th>{t('layanan.skm.service')}</th><th>{t('layanan.skm.answers')}</th><th>{t('layanan.skm.enteredBy')}</th><th /></tr></thead>
            <tbody>{list.data.items.map((f) => (
              <PaperFormRow key={f.id} region={region} form={f} onEdit={() => edit(f)} onDeleted={() => { setDone(t('layanan.skm.deleted')); if (editing?.id === f.id) cancel(); list.reload(); }} />
            ))}</tbody>
          </table></div>
        )}
        {list.data && <Pager page={page} hasNext={page * PAGE < list.data.total} href={(p) => listHref({ page: p })} />}
      </section>
    </div>
  );
}

function PaperFormRow({ region, form, onEdit, onDeleted }: { region: RegionProfile; form: PaperForm; onEdit: () => void; onDeleted: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const remove = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api(`${skmApi(region.code)}/responses/${form.id}`, { method: 'DELETE', body: { reason: reason.trim() } });
      setOpen(false);
      onDeleted();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <tr>
      <td>{form.serviceDate}</td>
      <td>{form.service.name}</td>
      <td className="skm-answers">{Object.entries(form.answers).map(([code, v]) => `${code}:${v ?? '–'}`).join(' ')}</td>
      <td><div>{form.enteredBy}</div><div className="small muted"><When at={form.enteredAt} zone={region} /></div>
        {form.correctedAt && <div className="small">{t('layanan.skm.correctedBy', { by: form.correctedBy ?? '' })} <When at={form.correctedAt} zone={region} /></div>}</td>
      <td>
        <button type="button" className="link-button" onClick={onEdit}>{t('layanan.skm.correct')}</button>{' '}
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>{t('layanan.skm.delete')}</button>
        {open && (
          <form onSubmit={remove} className="field">
            <label htmlFor={`skm-reason-${form.id}`}>{t('layanan.skm.deleteReason')}</label>
            <input id={`skm-reason-${form.id}`} required maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
            <button type="submit" className="button danger" disabled={!reason.trim()}>{t('layanan.skm.deleteConfirm')}</button>
            <ErrorMessage error={error} />
          </form>
        )}
      </td>
    </tr>
  );
}

/** The period box: typed, applied on submit (2026, 2026-S1, 2026-Q1, 2026-03). */
function PeriodInput({ id, period, onPeriod }: { id: string; period: string; onPeriod: (period: string) => void }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(period);
  return (
    <>
      <label htmlFor={id}>{t('layanan.skm.period')}</label>
      <input id={id} type="text" value={typed} maxLength={10} onChange={(e) => setTyped(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); onPeriod(typed.trim()); } }} />
      <small className="muted">{t('layanan.skm.periodHint')}</small>
      <button type="button" onClick={() => onPeriod(typed.trim())}>{t('layanan.skm.show')}</button>
    </>
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
  const qs = new URLSearchParams({ period, ...(serviceId ? { serviceId } : {}) });
  const results = useStaffApi<Results>(`${skmApi(region.code)}?${qs}`);
  const go = (next: Record<string, string>) => navigate(`${path}?${new URLSearchParams({ period, ...(serviceId ? { serviceId } : {}), ...next })}`, { replace: true });
  const n = (x: number | null) => (x === null ? '–' : formatScore(x, locale));
  const band = (s: Summary) => (s.band ? `${s.band.grade} (${s.band.performance})` : '–');
  const sample = (s: Summary) => (s.sufficient === null ? t('layanan.skm.noPopulation')
    : `${t(s.sufficient ? 'layanan.skm.sufficient' : 'layanan.skm.insufficient', { needed: s.requiredSample ?? 0, population: s.population ?? 0 })}${
      s.populationSource ? ` · ${t(`layanan.skm.source.${s.populationSource}`)}` : ''}`);
  const data = results.data;
  return (
    <>
      <PageTitle title={t('layanan.skm.resultsTitle')}>{t('layanan.skm.resultsTitle')}</PageTitle>
      <p className="muted">{t('layanan.skm.resultsIntro')}{' '}
        {may(me, region.code, 'layanan.skm.enter') && <Link to={skmPath(region.code, 'isi')}>{t('layanan.skm.entryLink')}</Link>}</p>
      <div className="field">
        <PeriodInput id="skm-period" period={period} onPeriod={(p) => go({ period: p })} />
      </div>
      <p><a href={`${skmApi(region.code)}/results.xlsx?${new URLSearchParams({ period, ...(serviceId ? { serviceId } : {}), lang: locale })}`} download>{t('layanan.skm.download')}</a></p>
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
