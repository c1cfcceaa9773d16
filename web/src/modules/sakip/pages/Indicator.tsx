// One indicator: how it is measured, its achievement in the chosen year, its
// yearly targets with every revision (who, when, why), its action plan
// (targets per quarter or month), its realisations per period with their
// evidence files and, when sourced, its automatic sync, with the forms to
// revise a target, set the action plan, report a period and attach its
// evidence for whoever may.
import { useState, type FormEvent } from 'react';
import { api, regionApi } from '../../../api.js';
import { ErrorMessage, Flash, Loading, PageTitle, When } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, navigate, useLocation, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile, Unit } from '../../../types.js';
import {
  AchievementValue, formatExact, kecamatanPath, mayEditPlan, periodName, plannerUnits, planPath, planUrl, sakipApi, SakipPage, TargetText, toApiDecimal, unitNames,
} from '../components/common.js';
import { EVIDENCE_ACCEPT, EvidenceList } from '../components/evidence.js';
import type { Indicator, Measure, Plan, PlanTable, Realisation, SakipEvidence, TargetHistory, VillageIndicator } from '../components/types.js';
import { ActionPlanSection } from '../components/budget.js';

export function IndicatorPage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <IndicatorView region={region} planId={params.planId} indicatorId={params.indicatorId} />}</SakipPage>;
}

function IndicatorView({ region, planId, indicatorId }: { region: RegionProfile; planId: string; indicatorId: string }) {
  const { t, pick } = useI18n();
  const { me } = useSession();
  const { path, query } = useLocation();
  const year = Number(query.get('tahun')) || undefined;
  const url = planUrl(region.code, planId);
  // The table carries the indicator's fields, its node and the year's achievement.
  const table = useStaffApi<PlanTable>(`${url}/table${year ? `?year=${year}` : ''}`);
  const history = useStaffApi<TargetHistory>(`${url}/indicators/${indicatorId}/targets`);
  const realisations = useStaffApi<Realisation[]>(`${url}/indicators/${indicatorId}/realisations`);
  const measures = useStaffApi<Measure[]>(`${regionApi(region.code)}/measures`);
  const units = useStaffApi<Unit[]>(`${regionApi(region.code)}/units`);
  const villageMeasured = useStaffApi<VillageIndicator[]>(table.data ? `${sakipApi(region.code)}/village-indicators?year=${table.data.year}` : null);
  const error = table.error ?? history.error ?? realisations.error;
  if (error) return <><p><Link to={planPath(region.code, planId)}>{t('sakip.back.plan')}</Link></p><ErrorMessage error={error} /></>;
  if (!table.data || !history.data || !realisations.data) return <Loading />;
  const row = table.data.rows.find((r) => r.indicator?.id === indicatorId);
  if (!row?.indicator) return <p className="alert alert-error" role="alert">{t('sakip.indicator.notFound')}</p>;
  const { plan } = table.data;
  const indicator = row.indicator;
  const village = villageMeasured.data?.find((i) => i.indicator.id === indicatorId);
  // A village-measured indicator's realisation is rolled up from its villages, never typed.
  const reporter = !village && (may(me, region.code, 'sakip.manage')
    || (may(me, region.code, 'sakip.realise') && [plan.unit?.id, row.node.unitId, ...indicator.sharedUnitIds].some((u) => !!u && plannerUnits(me, region.code).has(u))));
  return (
    <>
      <p className="no-print"><Link to={planPath(region.code, planId, `?tahun=${table.data.year}`)}>{t('sakip.back.plan')}</Link></p>
      <PageTitle title={indicator.name}>{indicator.name}</PageTitle>
      <p className="muted">{row.number} · {pick(row.node.kindLabel)} {row.node.code ?? ''} {row.node.title}</p>
      <IndicatorFacts indicator={indicator} source={measures.data?.find((m) => m.ref === indicator.source)} shared={unitNames(units.data, indicator.sharedUnitIds)} />
      <section aria-labelledby="achievement-title">
        <h2 id="achievement-title">{t('sakip.indicator.achievementTitle')}</h2>
        <div className="field narrow no-print">
          <label htmlFor="ind-year">{t('sakip.plan.year')}</label>
          <select id="ind-year" value={table.data.year} onChange={(e) => navigate(`${path}?tahun=${e.target.value}`, { replace: true })}>
            {table.data.years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
        <Achievement indicator={indicator} />
        {village && (
          <p className="card no-print">
            {t('sakip.villages.fromIndicator')} <Link to={kecamatanPath(region.code, planId, indicatorId, `?periode=${village.periods.at(-1) ?? table.data.year}`)}>{t('sakip.villages.toTable')}</Link>
          </p>
        )}
      </section>
      <ActionPlanSection url={url} indicatorId={indicator.id} year={table.data.year} measure={indicator.measure} mayEnter={reporter} corrector={may(me, region.code, 'sakip.manage')} />
      <Targets history={history.data} indicator={indicator} plan={plan} url={url} region={region} editable={mayEditPlan(me, region.code, plan)} />
      <Realisations rows={realisations.data} indicator={indicator} plan={plan} url={url} region={region} reporter={reporter} corrector={may(me, region.code, 'sakip.manage')} />
    </>
  );
}

function IndicatorFacts({ indicator, source, shared }: { indicator: Indicator; source?: Measure; shared: string }) {
  const { t, pick } = useI18n();
  const facts: [string, string][] = [
    [t('sakip.indicator.definition'), indicator.definition],
    [t('sakip.indicator.formula'), indicator.formula],
    [t('sakip.indicator.measure'), indicator.measure],
    [t('sakip.indicator.dataSource'), indicator.dataSource],
    [t('sakip.indicator.polarity'), t(`sakip.polarity.${indicator.polarity}`)],
    [t('sakip.indicator.targetType'), t(`sakip.targetType.${indicator.targetType}`)],
    [t('sakip.indicator.aggregation'), t(`sakip.aggregation.${indicator.aggregation}`)],
    [t('sakip.indicator.iku'), t(indicator.isIku ? 'sakip.yes' : 'sakip.no')],
    [t('sakip.indicator.sharedUnits'), shared],
    [t('sakip.indicator.source'), source ? `${pick(source.title)}: ${pick(source.method)}` : indicator.source ?? ''],
  ];
  return (
    <dl className="sakip-facts">
      {facts.filter(([, v]) => v).map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
    </dl>
  );
}

function Achievement({ indicator }: { indicator: Indicator }) {
  const { t, locale } = useI18n();
  const a = indicator.achievement;
  const r = a.realisation;
  return (
    <>
      <dl className="plan-facts">
        <div><dt>{t('sakip.figure.target', { year: a.year })}</dt><dd><TargetText target={a.target} measure={indicator.measure} /></dd></div>
        <div><dt>{t('sakip.figure.realisation')}</dt><dd>{r?.value ? `${formatExact(r.value, locale)} ${indicator.measure}` : '–'}</dd></div>
        <div><dt>{t('sakip.figure.achievement')}</dt><dd><AchievementValue result={a.result} /></dd></div>
      </dl>
      {r && r.missing.length > 0 && <p className="small muted">{t('sakip.indicator.missing', { periods: r.missing.join(', ') })}</p>}
    </>
  );
}

function Targets({ history, indicator, plan, url, region, editable }: { history: TargetHistory; indicator: Indicator; plan: Plan; url: string; region: RegionProfile; editable: boolean }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="targets-title">
      <h2 id="targets-title">{t('sakip.targets.title')}</h2>
      <div className="sakip-scroll">
        <table className="sakip-table">
          <thead>
            <tr>
              <th scope="col">{t('sakip.targets.year')}</th>
              <th scope="col" className="num">{t('sakip.targets.current')}</th>
              <th scope="col">{t('sakip.targets.revisions')}</th>
            </tr>
          </thead>
          <tbody>
            {history.years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td className="num"><TargetText target={y.current} measure={indicator.measure} /></td>
                <td>
                  {y.versions.length > 1 ? (
                    <details>
                      <summary>{t('sakip.targets.versions', { n: y.versions.length })}</summary>
                      <ol className="revision-list">
                        {y.versions.map((v) => (
                          <li key={v.version}>
                            <strong><TargetText target={v} measure={indicator.measure} /></strong>{' '}
                            <span className="small muted">{v.setBy}, <When at={v.setAt} zone={region} /></span>
                            {v.reason && <div className="small">{t('sakip.targets.reason')}: {v.reason}</div>}
                          </li>
                        ))}
                      </ol>
                    </details>
                  ) : y.current ? <span className="small muted">{y.current.setBy}, <When at={y.current.setAt} zone={region} /></span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editable && <TargetForm history={history} indicator={indicator} plan={plan} url={url} />}
    </section>
  );
}

/** Sets a year's first target, or revises it: a revision needs its reason and becomes a new version. */
function TargetForm({ history, indicator, plan, url }: { history: TargetHistory; indicator: Indicator; plan: Plan; url: string }) {
  const { t } = useI18n();
  const [year, setYear] = useState(String(history.years.find((y) => !y.current)?.year ?? plan.startYear));
  const [value, setValue] = useState('');
  const [low, setLow] = useState('');
  const [high, setHigh] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const current = history.years.find((y) => String(y.year) === year)?.current ?? null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const figures = indicator.targetType === 'single' ? { value: toApiDecimal(value) } : { low: toApiDecimal(low), high: toApiDecimal(high) };
      await api(`${url}/indicators/${indicator.id}/targets`, { method: 'POST', body: { year: Number(year), ...figures, ...(current ? { reason: reason.trim() } : {}) } });
      setSaved(true);
      setReason('');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="target-form-title">
      <h3 id="target-form-title">{t(current ? 'sakip.targets.revise' : 'sakip.targets.set')}</h3>
      <div className="field narrow">
        <label htmlFor="target-year">{t('sakip.targets.year')}</label>
        <select id="target-year" value={year} onChange={(e) => setYear(e.target.value)}>
          {history.years.map((y) => <option key={y.year} value={y.year}>{y.year}</option>)}
        </select>
      </div>
      {indicator.targetType === 'single' ? (
        <DecimalField id="target-value" label={t('sakip.targets.value', { measure: indicator.measure })} value={value} onChange={setValue} />
      ) : (
        <>
          <DecimalField id="target-low" label={t('sakip.targets.low')} value={low} onChange={setLow} />
          <DecimalField id="target-high" label={t('sakip.targets.high')} value={high} onChange={setHigh} />
        </>
      )}
      {current && (
        <div className="field">
          <label htmlFor="target-reason">{t('sakip.targets.reason')}</label>
          <input id="target-reason" type="text" required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby="target-reason-hint" />
          <small id="target-reason-hint" className="hint">{t('sakip.targets.reasonHint')}</small>
        </div>
      )}
      {saved && <Flash>{t('sakip.targets.saved')}</Flash>}
      <ErrorMessage error={error} />
      <button type="submit" className="button">{t(current ? 'sakip.targets.reviseButton' : 'sakip.targets.setButton')}</button>
    </form>
  );
}

/** A decimal typed as text ("12,5" or "12.5"): a number input would round or refuse the comma. */
function DecimalField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  return (
    <div className="field narrow">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" inputMode="decimal" required maxLength={60} pattern="-?[0-9]+([.,][0-9]+)?" title={t('sakip.decimalHint')}
        value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

const quarters = [1, 2, 3, 4];
const months = Array.from({ length: 12 }, (_, i) => i + 1);

function Realisations({ rows, indicator, plan, url, region, reporter, corrector }: {
  rows: Realisation[]; indicator: Indicator; plan: Plan; url: string; region: RegionProfile; reporter: boolean; corrector: boolean;
}) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="realisations-title">
      <h2 id="realisations-title">{t('sakip.realisations.title')}</h2>
      {indicator.source && <SourceSync indicator={indicator} region={region} />}
      {rows.length === 0 ? <p className="muted">{t('sakip.realisations.none')}</p> : (
        <div className="sakip-scroll">
          <table className="sakip-table">
            <thead>
              <tr>
                <th scope="col">{t('sakip.realisations.period')}</th>
                <th scope="col" className="num">{t('sakip.realisations.value')}</th>
                <th scope="col">{t('sakip.realisations.notes')}</th>
                <th scope="col">{t('sakip.realisations.entered')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.period}>
                  <th scope="row">{periodName(r.period, t)}</th>
                  <td className="num">{formatExact(r.value, locale)} {indicator.measure}</td>
                  <td className="small">
                    {r.note && <div>{r.note}</div>}
                    {r.obstacles && <div><strong>{t('sakip.realisations.obstacles')}:</strong> {r.obstacles}</div>}
                    {r.followUp && <div><strong>{t('sakip.realisations.followUp')}:</strong> {r.followUp}</div>}
                  </td>
                  <td className="small muted">{r.enteredBy}, <When at={r.enteredAt} zone={region} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > 0 && <Evidence key={rows.length} rows={rows} url={`${url}/indicators/${indicator.id}/realisations`} region={region} reporter={reporter} />}
      {reporter && <RealisationForm indicator={indicator} plan={plan} url={url} rows={rows} corrector={corrector} />}
    </section>
  );
}

/**
 * A sourced indicator takes its realisation for the open reporting periods
 * by itself (the server's sync): when it last ran, when it runs next, and
 * what each period came to, a refusal in the API's own words.
 */
function SourceSync({ indicator, region }: { indicator: Indicator; region: RegionProfile }) {
  const { t, pick, locale } = useI18n();
  const sync = indicator.sourceSync;
  const outcome = (o: NonNullable<Indicator['sourceSync']>['outcomes'][number]) => {
    const value = `${formatExact(o.value, locale)} ${indicator.measure}`;
    if (o.result === 'entered') return t('sakip.sync.entered', { value });
    if (o.result === 'unchanged') return t('sakip.sync.unchanged', { value });
    return t('sakip.sync.refused', { message: o.message ? pick(o.message) : o.code ?? '' });
  };
  return (
    <section className="card small" aria-labelledby="sync-title">
      <h3 id="sync-title">{t('sakip.sync.title')}</h3>
      <p>{t('sakip.sync.intro')}</p>
      {!sync ? <p className="muted">{t('sakip.sync.draft')}</p> : (
        <>
          <p>
            {sync.lastRunAt ? <>{t('sakip.sync.lastRun')} <When at={sync.lastRunAt} zone={region} /></> : t('sakip.sync.notYet')}
            {' · '}{t('sakip.sync.nextRun')} <When at={sync.nextAt} zone={region} />
          </p>
          {sync.lastRunAt && (sync.outcomes.length === 0 ? <p className="muted">{t('sakip.sync.noPeriod')}</p> : (
            <ul>{sync.outcomes.map((o) => <li key={o.period}>{periodName(o.period, t)}: {outcome(o)}</li>)}</ul>
          ))}
        </>
      )}
    </section>
  );
}

/**
 * The evidence files (bukti dukung) of one period's realisation: listed for
 * every reader, downloaded as stored; attached and removed by the
 * indicator's units or the coordinator while the period is open (the API
 * says so when it is closed).
 */
function Evidence({ rows, url, region, reporter }: { rows: Realisation[]; url: string; region: RegionProfile; reporter: boolean }) {
  const { t } = useI18n();
  const [period, setPeriod] = useState(rows[rows.length - 1].period);
  const list = useStaffApi<SakipEvidence[]>(`${url}/${period}/evidence`);
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const act = async (call: () => Promise<unknown>) => {
    setError(null);
    setDone(false);
    try {
      await call();
      list.reload();
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  };
  const upload = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData();
    for (const f of files) form.append('evidence', f);
    const input = e.currentTarget.querySelector('input[type="file"]') as HTMLInputElement | null;
    if (await act(() => api(`${url}/${period}/evidence`, { method: 'POST', body: form }))) {
      setDone(true);
      setFiles([]);
      if (input) input.value = '';
    }
  };
  return (
    <section className="card" aria-labelledby="evidence-title">
      <h3 id="evidence-title">{t('sakip.evidence.title')}</h3>
      <div className="field narrow">
        <label htmlFor="evidence-period">{t('sakip.realisations.period')}</label>
        <select id="evidence-period" value={period} onChange={(e) => { setPeriod(e.target.value); setError(null); setDone(false); }}>
          {rows.map((r) => <option key={r.period} value={r.period}>{periodName(r.period, t)}</option>)}
        </select>
      </div>
      {list.error ? <ErrorMessage error={list.error} /> : !list.data ? <Loading /> : list.data.length === 0 ? <p className="muted small">{t('sakip.evidence.none')}</p> : (
        <EvidenceList files={list.data} region={region} onRemove={reporter ? (file) => void act(() => api(file.url, { method: 'DELETE' })) : undefined} />
      )}
      {reporter && (
        <form onSubmit={upload}>
          <div className="field">
            <label htmlFor="evidence-files">{t('sakip.evidence.files')}</label>
            <input id="evidence-files" type="file" multiple required accept={EVIDENCE_ACCEPT}
              onChange={(e) => setFiles([...(e.target.files ?? [])])} aria-describedby="evidence-hint" />
            <small id="evidence-hint" className="hint">{t('sakip.evidence.hint')}</small>
          </div>
          {done && <Flash>{t('sakip.evidence.added')}</Flash>}
          <button type="submit" className="button secondary">{t('sakip.evidence.upload', { period: periodName(period, t) })}</button>
        </form>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

/**
 * Reports (or corrects) one period: the year, a quarter or a month, as the
 * indicator is reported that year. The coordinator may give a reason: it is
 * required to correct a period already closed.
 */
function RealisationForm({ indicator, plan, url, rows, corrector }: { indicator: Indicator; plan: Plan; url: string; rows: Realisation[]; corrector: boolean }) {
  const { t } = useI18n();
  const years = Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => plan.startYear + i);
  const [year, setYear] = useState(String(indicator.achievement.year));
  // The kind already used that year, if any: one indicator uses one kind of period per year.
  const used = rows.find((r) => String(r.year) === year)?.period;
  const usedKind = used ? (used.includes('-Q') ? 'quarter' : used.includes('-') ? 'month' : 'year') : null;
  const [kind, setKind] = useState<'year' | 'quarter' | 'month'>('year');
  const shownKind = usedKind ?? kind;
  const [part, setPart] = useState('1');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [obstacles, setObstacles] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const period = shownKind === 'year' ? year : shownKind === 'quarter' ? `${year}-Q${part}` : `${year}-${part.padStart(2, '0')}`;
  // A sourced indicator's value is read from its module, never typed (service/sources.ts).
  const takeFromSource = async () => {
    setError(null);
    setSaved(false);
    try {
      await api(`${url}/indicators/${indicator.id}/realisations/${period}/from-source`, { method: 'POST', body: reason.trim() ? { reason: reason.trim() } : {} });
      setSaved(true);
      setReason('');
    } catch (err) {
      setError(err);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api(`${url}/indicators/${indicator.id}/realisations/${period}`, {
        method: 'PUT', body: { value: toApiDecimal(value), note: note.trim(), obstacles: obstacles.trim(), followUp: followUp.trim(), ...(reason.trim() ? { reason: reason.trim() } : {}) },
      });
      setSaved(true);
      setValue('');
      setReason('');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="realisation-form-title">
      <h3 id="realisation-form-title">{t('sakip.realisations.report')}</h3>
      <div className="field narrow">
        <label htmlFor="real-year">{t('sakip.targets.year')}</label>
        <select id="real-year" value={year} onChange={(e) => setYear(e.target.value)}>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </div>
      <div className="field narrow">
        <label htmlFor="real-kind">{t('sakip.realisations.kind')}</label>
        <select id="real-kind" value={shownKind} disabled={!!usedKind} onChange={(e) => { setKind(e.target.value as typeof kind); setPart('1'); }} aria-describedby={usedKind ? 'real-kind-hint' : undefined}>
          <option value="year">{t('sakip.realisations.kind.year')}</option>
          <option value="quarter">{t('sakip.realisations.kind.quarter')}</option>
          <option value="month">{t('sakip.realisations.kind.month')}</option>
        </select>
        {usedKind && <small id="real-kind-hint" className="hint">{t('sakip.realisations.kindFixed')}</small>}
      </div>
      {shownKind !== 'year' && (
        <div className="field narrow">
          <label htmlFor="real-part">{t(shownKind === 'quarter' ? 'sakip.realisations.quarter' : 'sakip.realisations.month')}</label>
          <select id="real-part" value={part} onChange={(e) => setPart(e.target.value)}>
            {(shownKind === 'quarter' ? quarters : months).map((n) => (
              <option key={n} value={n}>{periodName(shownKind === 'quarter' ? `${year}-Q${n}` : `${year}-${String(n).padStart(2, '0')}`, t)}</option>
            ))}
          </select>
        </div>
      )}
      <DecimalField id="real-value" label={t('sakip.realisations.valueIn', { measure: indicator.measure })} value={value} onChange={setValue} />
      <div className="field">
        <label htmlFor="real-note">{t('sakip.realisations.note')}</label>
        <textarea id="real-note" maxLength={4000} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="real-obstacles">{t('sakip.realisations.obstacles')}</label>
        <textarea id="real-obstacles" maxLength={4000} rows={2} value={obstacles} onChange={(e) => setObstacles(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="real-follow">{t('sakip.realisations.followUp')}</label>
        <textarea id="real-follow" maxLength={4000} rows={2} value={followUp} onChange={(e) => setFollowUp(e.target.value)} />
      </div>
      {corrector && (
        <div className="field">
          <label htmlFor="real-reason">{t('sakip.realisations.reason')}</label>
          <input id="real-reason" type="text" maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby="real-reason-hint" />
          <small id="real-reason-hint" className="hint">{t('sakip.realisations.reasonHint')}</small>
        </div>
      )}
      <p className="small muted">{rows.some((r) => r.period === period) ? t('sakip.realisations.correcting', { period: periodName(period, t) }) : ''}</p>
      {saved && <Flash>{t('sakip.realisations.saved')}</Flash>}
      <ErrorMessage error={error} />
      <div className="button-row">
        <button type="submit" className="button">{t('sakip.realisations.save')}</button>
        {indicator.source && (
          <button type="button" className="button secondary" onClick={takeFromSource}>{t('sakip.realisations.fromSource', { period: periodName(period, t) })}</button>
        )}
      </div>
    </form>
  );
}
