// Target and plan: the year's target index (and the indicators out of reach
// that year), the gap from the latest evaluation, the plan with the fewest
// level steps, and a "what if" simulator that never touches stored answers.
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../api.js';
import { ErrorMessage, Flash, Loading, PageTitle } from '../../../components/ui.js';
import { formatDecimal, formatScore, groupAnswers, regionYear, Score, SpbePage, spbeApi, toggled } from '../components/common.js';
import type { Evaluation, EvaluationSummary, Plan, Simulation, Target } from '../components/types.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { navigate, useLocation, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';

export function TargetPage({ params }: { params: Params }) {
  return <SpbePage region={params.region}>{(region) => <TargetView region={region} />}</SpbePage>;
}

function TargetView({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { path, query } = useLocation();
  const base = spbeApi(region.code);
  const thisYear = regionYear(region);
  const year = Number(query.get('tahun')) || thisYear;
  const targets = useStaffApi<Target[]>(`${base}/targets`);
  const evaluations = useStaffApi<EvaluationSummary[]>(`${base}/evaluations`);
  const plan = useStaffApi<Plan>(`${base}/targets/${year}/plan`);
  // The plan starts from the latest evaluation up to the year, as the API does.
  const baseline = evaluations.data?.find((e) => e.year <= year);
  const detail = useStaffApi<Evaluation>(baseline ? `${base}/evaluations/${baseline.id}` : null);
  const [changed, setChanged] = useState<Record<string, number>>({});
  if (targets.error || evaluations.error) return <ErrorMessage error={targets.error ?? evaluations.error} />;
  if (!targets.data || !evaluations.data) return <Loading />;
  const target = targets.data.find((x) => x.year === year) ?? null;
  const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, thisYear + 2, ...targets.data.map((x) => x.year)])].sort((a, b) => a - b);
  const noTarget = plan.error instanceof ApiError && plan.error.code === 'spbe.target_not_found';
  return (
    <>
      <PageTitle title={t('spbe.target.title')}>{t('spbe.target.title')}</PageTitle>
      <div className="field narrow">
        <label htmlFor="target-year">{t('spbe.target.year')}</label>
        <select id="target-year" value={year} onChange={(e) => { setChanged({}); navigate(`${path}?tahun=${e.target.value}`, { replace: true }); }}>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </div>
      {!baseline && <p className="alert alert-warn">{t('spbe.target.noBaseline')}</p>}
      {may(me, region.code, 'spbe.manage')
        ? <TargetForm key={year} region={region} year={year} target={target} ev={detail.data} onSaved={() => { targets.reload(); plan.reload(); }} />
        : target && <p>{t('spbe.target.current', { year, index: formatScore(target.targetIndex, locale) })}</p>}
      <section aria-labelledby="plan-title">
        <h2 id="plan-title">{t('spbe.plan.title')}</h2>
        {noTarget ? <p className="muted">{t('spbe.plan.noTarget')}</p> : plan.error ? <ErrorMessage error={plan.error} /> : plan.data ? (
          <PlanView plan={plan.data} ev={detail.data} onTry={(steps) => setChanged(Object.fromEntries(steps.map((s) => [s.code, s.to])))} />
        ) : <Loading />}
      </section>
      {detail.data && <Simulator region={region} ev={detail.data} changed={changed} setChanged={setChanged} />}
    </>
  );
}

/** The coordinator sets the year's target and marks indicators out of reach this year. */
function TargetForm({ region, year, target, ev, onSaved }: { region: RegionProfile; year: number; target: Target | null; ev?: Evaluation; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const [index, setIndex] = useState(target ? target.targetIndex.toFixed(2) : '');
  const [note, setNote] = useState(target?.note ?? '');
  const [out, setOut] = useState(new Set(target?.outOfReach ?? []));
  const [rise, setRise] = useState(String(target?.maxRisePerYear ?? 1));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api(`${spbeApi(region.code)}/targets/${year}`, { method: 'PUT', body: { targetIndex: Number(index.replace(',', '.')), outOfReach: [...out], maxRisePerYear: Number(rise), note: note.trim() } });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="target-form-title">
      <h2 id="target-form-title">{t('spbe.target.formTitle', { year })}</h2>
      <div className="field narrow">
        <label htmlFor="target-index">{t('spbe.target.index')}</label>
        <input id="target-index" type="number" inputMode="decimal" min={1} max={5} step={0.01} required value={index} onChange={(e) => setIndex(e.target.value)} />
      </div>
      <div className="field narrow">
        <label htmlFor="target-rise">{t('spbe.target.rise')}</label>
        <input id="target-rise" type="number" inputMode="numeric" min={1} max={10} step={1} required value={rise} onChange={(e) => setRise(e.target.value)} aria-describedby="target-rise-hint" />
        <small id="target-rise-hint" className="hint">{t('spbe.target.riseHint')}</small>
      </div>
      <div className="field">
        <label htmlFor="target-note">{t('spbe.target.note')}</label>
        <input id="target-note" type="text" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {ev && (
        <details className="out-of-reach">
          <summary>{t('spbe.target.outOfReach', { n: out.size })}</summary>
          <p className="hint">{t('spbe.target.outOfReachHint')}</p>
          <div className="out-of-reach-list">
            {ev.answers.map((a) => (
              <label key={a.indicator.code} className="choice">
                <input type="checkbox" checked={out.has(a.indicator.code)} onChange={(e) => setOut(toggled(out, a.indicator.code, e.target.checked))} />
                {a.indicator.number}. {pick(a.indicator.name)}
              </label>
            ))}
          </div>
        </details>
      )}
      {saved && <Flash>{t('spbe.target.saved')}</Flash>}
      <ErrorMessage error={error} />
      <button type="submit" className="button">{t('spbe.target.save')}</button>
    </form>
  );
}

function PlanView({ plan, ev, onTry }: { plan: Plan; ev?: Evaluation; onTry: (steps: Plan['steps']) => void }) {
  const { t, pick, locale } = useI18n();
  const reached = plan.gap <= 0;
  const levelText = (level: number, name: { id: string; en: string } | null) => `${level}${name ? ` · ${pick(name)}` : ''}`;
  return (
    <>
      <p className="muted small">
        {t('spbe.plan.baseline', { year: plan.baseline.year, basis: t(plan.baseline.basis === 'final' ? 'spbe.plan.basis.final' : 'spbe.plan.basis.self') })}
        {plan.assumedLowest.length > 0 && ` ${t('spbe.plan.assumedLowest', { n: plan.assumedLowest.length })}`}
        {' '}{t('spbe.plan.rise', { levels: plan.rise.levels, perYear: plan.rise.perYear, years: plan.rise.years })}
      </p>
      <dl className="plan-facts">
        <div><dt>{t('spbe.plan.current')}</dt><dd><Score value={plan.currentIndex} /></dd></div>
        <div><dt>{t('spbe.plan.target')}</dt><dd><Score value={plan.targetIndex} /></dd></div>
        <div><dt>{t('spbe.plan.gap')}</dt><dd>{reached ? t('spbe.plan.reached') : formatScore(plan.gap, locale)}</dd></div>
        <div><dt>{t('spbe.plan.steps')}</dt><dd>{plan.stepCount}</dd></div>
        <div><dt>{t('spbe.plan.projected')}</dt><dd><Score value={plan.projectedIndex} /></dd></div>
        <div><dt>{t('spbe.plan.max')}</dt><dd><Score value={plan.maxIndex} /></dd></div>
      </dl>
      {!plan.reachable && (
        <p className="alert alert-warn">
          {plan.maxIndexWithoutCap >= plan.targetIndex
            ? t('spbe.plan.unreachableCap', { levels: plan.rise.levels, max: formatScore(plan.maxIndex, locale) })
            : t('spbe.plan.unreachable', { max: formatScore(plan.maxIndex, locale) })}
        </p>
      )}
      {plan.steps.length > 0 && (
        <>
          <div className="spbe-scroll">
            <table className="spbe-table">
              <caption>{t('spbe.plan.tableCaption', { n: plan.stepCount })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('spbe.table.indicator')}</th>
                  <th scope="col">{t('spbe.plan.from')}</th>
                  <th scope="col">{t('spbe.plan.to')}</th>
                  <th scope="col" className="num">{t('spbe.plan.gain')}</th>
                  <th scope="col" className="num">{t('spbe.plan.indexAfter')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.steps.map((s) => (
                  <tr key={s.code}>
                    <th scope="row">{s.indicator.number}. {pick(s.indicator.name)} <span className="muted small">({t('spbe.indicator.weight', { w: formatDecimal(s.indicator.weight, locale, 0) })})</span></th>
                    <td>{levelText(s.from, s.fromName)}</td>
                    <td>{levelText(s.to, s.toName)}</td>
                    <td className="num">+{formatDecimal(s.gain, locale)}</td>
                    <td className="num">{formatScore(s.indexAfter, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {ev?.id === plan.baseline.evaluationId && <button type="button" className="button secondary" onClick={() => onTry(plan.steps)}>{t('spbe.plan.try')}</button>}
        </>
      )}
      {plan.outOfReach.length > 0 && <p className="small muted">{t('spbe.plan.outOfReach', { list: plan.outOfReach.join(', ') })}</p>}
    </>
  );
}

/** "What if": levels changed in a scratch copy, scored by the API, never saved. */
function Simulator({ region, ev, changed, setChanged }: { region: RegionProfile; ev: Evaluation; changed: Record<string, number>; setChanged: (c: Record<string, number>) => void }) {
  const { t, pick, locale } = useI18n();
  const [sim, setSim] = useState<Simulation | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = JSON.stringify(changed);
  useEffect(() => {
    const abort = new AbortController();
    api<Simulation>(`${spbeApi(region.code)}/simulate`, { method: 'POST', reads: true, body: { evaluationId: ev.id, levels: JSON.parse(key) as Record<string, number> }, signal: abort.signal })
      .then((s) => { setSim(s); setError(null); }, (err) => !abort.signal.aborted && setError(err));
    return () => abort.abort();
  }, [region.code, ev.id, key]);
  const baseLevel = (a: Evaluation['answers'][number]) => (sim?.basis === 'final' ? a.finalLevel : a.selfLevel);
  const count = Object.keys(changed).length;
  return (
    <section aria-labelledby="sim-title" className="simulator">
      <h2 id="sim-title">{t('spbe.sim.title')}</h2>
      <p className="hint">{t('spbe.sim.hint', { year: ev.year })}</p>
      <ErrorMessage error={error} />
      {sim && (
        <div className="score-cards" aria-live="polite">
          <div className="card score-card sim-baseline">
            <h3>{t('spbe.sim.baseline')}</h3>
            <p className="big-score"><Score value={sim.baseline.index} /></p>
            <p>{sim.baseline.predicate ? pick(sim.baseline.predicate) : '–'}</p>
          </div>
          <div className={`card score-card sim-result${count > 0 ? ' simulated' : ''}`}>
            <h3>{t('spbe.sim.simulated')}</h3>
            <p className="big-score"><Score value={sim.simulated.index} /></p>
            <p>{sim.simulated.predicate ? pick(sim.simulated.predicate) : '–'}</p>
          </div>
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button secondary" disabled={count === 0} onClick={() => setChanged({})}>{t('spbe.sim.reset')}</button>
        <span className="muted small">{t('spbe.sim.changed', { n: count })}</span>
      </div>
      {groupAnswers(ev.answers, ev.domains, ev.aspects).flatMap((g) => g.aspects).map(({ aspect, answers }) => {
        const inGroup = answers.filter((a) => changed[a.indicator.code] !== undefined).length;
        const score = (s: Simulation['baseline'] | undefined) => s?.aspects.find((x) => x.code === aspect.code)?.value;
        return (
          <details key={aspect.code} className="card sim-group">
            <summary>
              {aspect.code} · {pick(aspect.name)} — {formatScore(score(sim?.baseline), locale)} → {formatScore(score(sim?.simulated), locale)}
              {inGroup > 0 && <span className="badge badge-amber">{t('spbe.sim.changed', { n: inGroup })}</span>}
            </summary>
            {answers.map((a) => (
              <div key={a.indicator.code} className={`sim-row${changed[a.indicator.code] !== undefined ? ' changed' : ''}`}>
                <label htmlFor={`sim-${a.indicator.code}`}>{a.indicator.number}. {pick(a.indicator.name)}</label>
                <select id={`sim-${a.indicator.code}`} value={changed[a.indicator.code] ?? baseLevel(a) ?? ''}
                  onChange={(e) => {
                    const level = Number(e.target.value);
                    const { [a.indicator.code]: _, ...rest } = changed;
                    setChanged(level === baseLevel(a) ? rest : { ...rest, [a.indicator.code]: level });
                  }}>
                  {baseLevel(a) === null && <option value="">–</option>}
                  {a.indicator.levels.map((l) => (
                    <option key={l.level} value={l.level}>{l.level}{l.name ? ` · ${pick(l.name)}` : ''}{l.level === baseLevel(a) ? ` (${t('spbe.sim.now')})` : ''}</option>
                  ))}
                </select>
              </div>
            ))}
          </details>
        );
      })}
    </section>
  );
}
