// Reporting periods: the coordinator opens a month, quarter or year with its
// due date, sees which units have reported, submits or closes (locks) it;
// a unit planner submits their unit's report. Reminder emails link here.
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import { ErrorMessage, Flash, Loading, PageTitle, When } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, navigate, useLocation, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';
import { indicatorPath, periodName, plannerUnits, SakipPage, sakipApi, sakipPath } from '../components/common.js';
import type { ReportingPeriod, UnitReport } from '../components/types.js';

const periodsUrl = (region: string) => `${sakipApi(region)}/reporting-periods`;
const reportingPath = (region: string, period?: string) => sakipPath(region, `/pelaporan${period ? `/${period}` : ''}`);

export function ReportingPage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <PeriodsView region={region} />}</SakipPage>;
}

export function ReportingPeriodPage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <PeriodView region={region} period={params.period} />}</SakipPage>;
}

function Counts({ p }: { p: ReportingPeriod }) {
  const { t } = useI18n();
  const c = p.counts;
  return <span className="small">{t('sakip.reporting.counts', { reported: c.reported + c.reported_late, total: p.units.length, late: c.late, missing: c.missing })}</span>;
}

function PeriodsView({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { path, query } = useLocation();
  const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: region.timezone, year: 'numeric' }).format(new Date()));
  const year = Number(query.get('tahun')) || thisYear;
  const periods = useStaffApi<ReportingPeriod[]>(`${periodsUrl(region.code)}?year=${year}`);
  return (
    <>
      <PageTitle title={t('sakip.reporting.title')}>{t('sakip.reporting.title')}</PageTitle>
      <div className="field narrow no-print">
        <label htmlFor="reporting-year">{t('sakip.targets.year')}</label>
        <select id="reporting-year" value={year} onChange={(e) => navigate(`${path}?tahun=${e.target.value}`, { replace: true })}>
          {[thisYear - 2, thisYear - 1, thisYear].map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </div>
      {periods.error ? <ErrorMessage error={periods.error} /> : !periods.data ? <Loading /> : periods.data.length === 0
        ? <p className="muted">{t('sakip.reporting.none', { year })}</p>
        : (
          <ul className="plan-list">
            {periods.data.map((p) => (
              <li key={p.period} className="card">
                <Link to={reportingPath(region.code, p.period)}><strong>{periodName(p.period, t)}</strong></Link>{' '}
                <span className={`badge ${p.locked ? 'plan-active' : 'plan-draft'}`}>{t(p.locked ? 'sakip.reporting.locked' : 'sakip.reporting.open')}</span>
                <div className="small">{t('sakip.reporting.due')} <When at={p.dueAt} zone={region} deadline /> · <Counts p={p} /></div>
              </li>
            ))}
          </ul>
        )}
      {may(me, region.code, 'sakip.manage') && <OpenPeriod region={region} year={thisYear} />}
    </>
  );
}

/** The coordinator opens a period; without a date the region's rule (working days after it ends) sets the due date. */
function OpenPeriod({ region, year: thisYear }: { region: RegionProfile; year: number }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'year' | 'quarter' | 'month'>('quarter');
  const [year, setYear] = useState(String(thisYear));
  const [part, setPart] = useState('1');
  const [dueDate, setDueDate] = useState('');
  const [error, setError] = useState<unknown>(null);
  const period = kind === 'year' ? year : kind === 'quarter' ? `${year}-Q${part}` : `${year}-${part.padStart(2, '0')}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(periodsUrl(region.code), { method: 'POST', body: { period, ...(dueDate ? { dueDate } : {}) } });
      navigate(reportingPath(region.code, period));
    } catch (err) {
      setError(err);
    }
  };
  const parts = kind === 'quarter' ? [1, 2, 3, 4] : Array.from({ length: 12 }, (_, i) => i + 1);
  return (
    <details className="card new-plan">
      <summary>{t('sakip.reporting.openTitle')}</summary>
      <form onSubmit={submit}>
        <div className="field narrow">
          <label htmlFor="open-kind">{t('sakip.realisations.kind')}</label>
          <select id="open-kind" value={kind} onChange={(e) => { setKind(e.target.value as typeof kind); setPart('1'); }}>
            <option value="year">{t('sakip.realisations.kind.year')}</option>
            <option value="quarter">{t('sakip.realisations.kind.quarter')}</option>
            <option value="month">{t('sakip.realisations.kind.month')}</option>
          </select>
        </div>
        <div className="field narrow">
          <label htmlFor="open-year">{t('sakip.targets.year')}</label>
          <select id="open-year" value={year} onChange={(e) => setYear(e.target.value)}>
            {[thisYear - 1, thisYear].map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
        {kind !== 'year' && (
          <div className="field narrow">
            <label htmlFor="open-part">{t(kind === 'quarter' ? 'sakip.realisations.quarter' : 'sakip.realisations.month')}</label>
            <select id="open-part" value={part} onChange={(e) => setPart(e.target.value)}>
              {parts.map((n) => <option key={n} value={n}>{periodName(kind === 'quarter' ? `${year}-Q${n}` : `${year}-${String(n).padStart(2, '0')}`, t)}</option>)}
            </select>
          </div>
        )}
        <div className="field narrow">
          <label htmlFor="open-due">{t('sakip.reporting.dueDate')}</label>
          <input id="open-due" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} aria-describedby="open-due-hint" />
          <small id="open-due-hint" className="hint">{t('sakip.reporting.dueHint')}</small>
        </div>
        <ErrorMessage error={error} />
        <button type="submit" className="button">{t('sakip.reporting.openButton')}</button>
      </form>
    </details>
  );
}

function PeriodView({ region, period }: { region: RegionProfile; period: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const data = useStaffApi<ReportingPeriod>(`${periodsUrl(region.code)}/${encodeURIComponent(period)}`);
  if (data.error) return <><p><Link to={reportingPath(region.code)}>{t('sakip.back.reporting')}</Link></p><ErrorMessage error={data.error} /></>;
  if (!data.data) return <Loading />;
  const p = data.data;
  const coordinator = may(me, region.code, 'sakip.manage');
  const own = plannerUnits(me, region.code);
  return (
    <>
      <p className="no-print"><Link to={reportingPath(region.code)}>{t('sakip.back.reporting')}</Link></p>
      <PageTitle title={periodName(p.period, t)}>{t('sakip.reporting.periodTitle', { period: periodName(p.period, t) })}</PageTitle>
      <p>
        <span className={`badge ${p.locked ? 'plan-active' : 'plan-draft'}`}>{t(p.locked ? 'sakip.reporting.locked' : 'sakip.reporting.open')}</span>{' '}
        {t('sakip.reporting.due')} <When at={p.dueAt} zone={region} deadline /> · <Counts p={p} />
      </p>
      {p.locked && p.lockedBy !== p.period && <p className="small muted">{t('sakip.reporting.lockedBy', { period: periodName(p.lockedBy ?? '', t) })}</p>}
      <div className="sakip-scroll">
        <table className="sakip-table">
          <caption>{t('sakip.reporting.unitsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sakip.overview.unit')}</th>
              <th scope="col">{t('sakip.reporting.status')}</th>
              <th scope="col" className="num">{t('sakip.reporting.indicators')}</th>
              <th scope="col">{t('sakip.reporting.submitted')}</th>
            </tr>
          </thead>
          <tbody>
            {p.units.map((u) => (
              <UnitRow key={u.unit.id} region={region} period={p} report={u} maySubmit={!p.locked && !u.submitted && (coordinator || own.has(u.unit.id))} />
            ))}
          </tbody>
        </table>
      </div>
      {coordinator && <StatusControl region={region} period={p} />}
    </>
  );
}

function UnitRow({ region, period, report, maySubmit }: { region: RegionProfile; period: ReportingPeriod; report: UnitReport; maySubmit: boolean }) {
  const { t, pick } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setError(null);
    try {
      await api(`${periodsUrl(region.code)}/${period.period}/units/${report.unit.id}/submit`, { method: 'POST', body: {} });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <tr>
      <th scope="row">{report.unit.name}</th>
      <td><span className={`badge report-${report.status}`}>{pick(report.statusLabel)}</span></td>
      <td className="num">
        {report.indicators.reported}/{report.indicators.total}
        {report.indicators.missing.length > 0 && (
          <details className="small">
            <summary>{t('sakip.reporting.missing', { n: report.indicators.missing.length })}</summary>
            <ul>{report.indicators.missing.map((m) => <li key={m.indicatorId}><Link to={indicatorPath(region.code, m.planId, m.indicatorId)}>{m.name}</Link></li>)}</ul>
          </details>
        )}
      </td>
      <td className="small">
        {report.submitted ? <>{report.submitted.by}, <When at={report.submitted.at} zone={region} /></> : maySubmit && (
          <button type="button" className="button small" onClick={submit}>{t('sakip.reporting.submit')}</button>
        )}
        <ErrorMessage error={error} />
      </td>
    </tr>
  );
}

/** The coordinator closes (locks) an open period, or reopens a closed one with a reason. */
function StatusControl({ region, period }: { region: RegionProfile; period: ReportingPeriod }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const url = `${periodsUrl(region.code)}/${period.period}/status`;
  const change = async (e: FormEvent) => {
    e.preventDefault();
    if (period.status === 'open' && !window.confirm(t('sakip.reporting.closeConfirm'))) return;
    setError(null);
    setDone(false);
    try {
      await api(url, { method: 'PUT', body: period.status === 'open' ? { status: 'closed' } : { status: 'open', reason: reason.trim() } });
      setDone(true);
      setReason('');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card no-print" onSubmit={change}>
      {period.status === 'closed' && (
        <div className="field">
          <label htmlFor="reopen-reason">{t('sakip.reporting.reopenReason')}</label>
          <input id="reopen-reason" type="text" required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      {done && <Flash>{t('sakip.reporting.saved')}</Flash>}
      <ErrorMessage error={error} />
      <button type="submit" className={period.status === 'open' ? 'button' : 'button secondary'}>
        {t(period.status === 'open' ? 'sakip.reporting.close' : 'sakip.reporting.reopen')}
      </button>
    </form>
  );
}
