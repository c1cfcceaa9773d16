// Budgets and efficiency on the e-SAKIP screens: a category in its
// traffic-light colour, a budget node's ceiling and spending by period with
// absorption and efficiency and the form to enter them, and an indicator's
// action plan (targets per quarter or month) with its form.
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import { ErrorMessage, Flash, Loading } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { useI18n, type Locale } from '../../../i18n/index.js';
import { formatExact, periodName, toApiDecimal } from './common.js';
import type { ActionPlan, BudgetTotals, Efficiency, EfficiencyMethod, NodeBudget } from './types.js';

/** Rupiah as typed: "1.187.500.000" or "1187500000,50" (Indonesian grouping) or "1187500000.50", as the API's decimal. */
export function toApiRupiah(typed: string): string {
  const s = typed.trim().replace(/\s|Rp/gi, '');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return s.replace(/\./g, '').replace(',', '.');
  return toApiDecimal(s);
}

export const rupiah = (value: string, locale: Locale) => `Rp${formatExact(value, locale)}`;

/** An efficiency category in its colour with its figure, or why there is none. */
export function EfficiencyValue({ efficiency }: { efficiency: Efficiency | null | undefined }) {
  const { t, pick, locale } = useI18n();
  if (!efficiency) return <span className="muted">–</span>;
  if (!efficiency.computable) return <span className="muted small">{t(`sakip.efficiency.none.${efficiency.reason}`)}</span>;
  return (
    <span className="achievement efficiency" title={efficiency.valueExact} data-category={efficiency.category}>
      <span className="band-dot" style={{ background: efficiency.colour }} aria-hidden="true" />
      <strong>{pick(efficiency.label)}</strong> <span className="small muted">({formatExact(efficiency.value, locale)})</span>
    </span>
  );
}

/** Ceiling, spending and absorption side by side. */
export function BudgetCells({ budget }: { budget: BudgetTotals | null }) {
  const { locale } = useI18n();
  if (!budget) return <><td className="num muted">–</td><td className="num muted">–</td><td className="num muted">–</td></>;
  return (
    <>
      <td className="num">{rupiah(budget.ceiling, locale)}</td>
      <td className="num">{rupiah(budget.spending, locale)}</td>
      <td className="num">{budget.absorption ? `${formatExact(budget.absorption.percent, locale)} %` : '–'}</td>
    </>
  );
}

/** The region's method in words, with its threshold. */
export function MethodNote({ method }: { method: EfficiencyMethod }) {
  const { t, pick, locale } = useI18n();
  return <p className="small muted">{t(`sakip.efficiency.how.${method.code}`, { method: pick(method.label), threshold: formatExact(method.threshold, locale) })}</p>;
}

/** A form's save: clears the last notice and error, calls, then shows the notice or the error. */
function useSave() {
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const run = async (call: () => Promise<void>) => {
    setError(null);
    setSaved(false);
    try {
      await call();
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };
  return { error, saved, run };
}

const quarters = [1, 2, 3, 4];
const months = Array.from({ length: 12 }, (_, i) => i + 1);
type Kind = 'year' | 'quarter' | 'month';
const kindOf = (period: string): Kind => (period.includes('-Q') ? 'quarter' : period.includes('-') ? 'month' : 'year');

/** Year, quarter or month within a year; the kind already used that year is fixed. */
function PeriodPicker({ id, year, used, kinds, period, onChange }: { id: string; year: number; used: Kind | null; kinds: Kind[]; period: string; onChange: (p: string) => void }) {
  const { t } = useI18n();
  const kind = used ?? kindOf(period);
  const first = (k: Kind) => (k === 'year' ? String(year) : k === 'quarter' ? `${year}-Q1` : `${year}-01`);
  return (
    <>
      <div className="field narrow">
        <label htmlFor={`${id}-kind`}>{t('sakip.realisations.kind')}</label>
        <select id={`${id}-kind`} value={kind} disabled={used !== null} onChange={(e) => onChange(first(e.target.value as Kind))}>
          {kinds.map((k) => <option key={k} value={k}>{t(`sakip.realisations.kind.${k}`)}</option>)}
        </select>
        {used && <small className="hint">{t('sakip.budget.kindFixed')}</small>}
      </div>
      {kind !== 'year' && (
        <div className="field narrow">
          <label htmlFor={`${id}-part`}>{t(kind === 'quarter' ? 'sakip.realisations.quarter' : 'sakip.realisations.month')}</label>
          <select id={`${id}-part`} value={period} onChange={(e) => onChange(e.target.value)}>
            {(kind === 'quarter' ? quarters.map((n) => `${year}-Q${n}`) : months.map((n) => `${year}-${String(n).padStart(2, '0')}`)).map((p) => (
              <option key={p} value={p}>{periodName(p, t)}</option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}

/**
 * A programme's, activity's or sub-activity's budget in a year: each period
 * entered with its absorption and efficiency, the year's total, and (for its
 * unit or the coordinator) the form to enter or correct a period.
 */
export function BudgetPanel({ url, nodeId, year, mayEnter, corrector }: { url: string; nodeId: string; year: number; mayEnter: boolean; corrector: boolean }) {
  const { t, locale } = useI18n();
  const loaded = useStaffApi<NodeBudget>(`${url}/nodes/${nodeId}/budget?year=${year}`);
  const [fresh, setFresh] = useState<NodeBudget | null>(null);
  const view = fresh ?? loaded.data;
  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!view) return <Loading />;
  const formId = `budget-${nodeId}`;
  return (
    <div className="budget-panel">
      <div className="sakip-scroll">
      <table className="sakip-table">
        <caption>{t('sakip.budget.caption', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sakip.budget.period')}</th>
            <th scope="col" className="num">{t('sakip.budget.ceiling')}</th>
            <th scope="col" className="num">{t('sakip.budget.spending')}</th>
            <th scope="col" className="num">{t('sakip.budget.absorption')}</th>
            <th scope="col" className="num">{t('sakip.budget.achievement')}</th>
            <th scope="col">{t('sakip.budget.efficiency')}</th>
          </tr>
        </thead>
        <tbody>
          {view.periods.map((p) => (
            <tr key={p.period} data-period={p.period}>
              <th scope="row">{periodName(p.period, t)}{p.locked && <span className="small muted"> · {t('sakip.reporting.locked')}</span>}</th>
              <BudgetCells budget={p} />
              <td className="num">{p.achievement ? `${formatExact(p.achievement.percent, locale)} %` : '–'}</td>
              <td><EfficiencyValue efficiency={p.efficiency} /></td>
            </tr>
          ))}
          <tr className="budget-total" data-period="total">
            <th scope="row">{t(view.total.source === 'children' ? 'sakip.budget.totalChildren' : 'sakip.budget.total', { year })}</th>
            <BudgetCells budget={view.total.budget} />
            <td className="num">{view.total.achievement ? `${formatExact(view.total.achievement.percent, locale)} %` : '–'}</td>
            <td><EfficiencyValue efficiency={view.total.efficiency} /></td>
          </tr>
        </tbody>
      </table>
      </div>
      <MethodNote method={view.method} />
      {view.history.length > 0 && (
        <details className="small">
          <summary>{t('sakip.budget.history', { n: view.history.length })}</summary>
          <ul>{view.history.map((h) => <li key={`${h.period}-${h.version}`}>{periodName(h.period, t)} v{h.version}: {rupiah(h.ceiling, locale)} / {rupiah(h.spending, locale)} · {h.enteredBy}</li>)}</ul>
        </details>
      )}
      {mayEnter && <BudgetForm id={formId} url={url} nodeId={nodeId} year={year} view={view} corrector={corrector} onSaved={setFresh} />}
    </div>
  );
}

function BudgetForm({ id, url, nodeId, year, view, corrector, onSaved }: {
  id: string; url: string; nodeId: string; year: number; view: NodeBudget; corrector: boolean; onSaved: (v: NodeBudget) => void;
}) {
  const { t } = useI18n();
  const used = view.periods[0] ? kindOf(view.periods[0].period) : null;
  const [period, setPeriod] = useState(view.periods[0]?.period ?? `${year}-Q1`);
  const [ceiling, setCeiling] = useState('');
  const [spending, setSpending] = useState('');
  const [reason, setReason] = useState('');
  const { error, saved, run } = useSave();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      onSaved(await api<NodeBudget>(`${url}/nodes/${nodeId}/budget/${period}`, {
        method: 'PUT', body: { ceiling: toApiRupiah(ceiling), spending: toApiRupiah(spending), ...(reason.trim() ? { reason: reason.trim() } : {}) },
      }));
      setReason('');
    });
  };
  return (
    <form className="card no-print" onSubmit={submit} aria-label={t('sakip.budget.form')}>
      <PeriodPicker id={id} year={year} used={used} kinds={['year', 'quarter', 'month']} period={period} onChange={setPeriod} />
      <div className="field narrow">
        <label htmlFor={`${id}-ceiling`}>{t('sakip.budget.ceilingRp')}</label>
        <input id={`${id}-ceiling`} type="text" inputMode="decimal" required maxLength={40} value={ceiling} onChange={(e) => setCeiling(e.target.value)} aria-describedby={`${id}-hint`} />
      </div>
      <div className="field narrow">
        <label htmlFor={`${id}-spending`}>{t('sakip.budget.spendingRp')}</label>
        <input id={`${id}-spending`} type="text" inputMode="decimal" required maxLength={40} value={spending} onChange={(e) => setSpending(e.target.value)} aria-describedby={`${id}-hint`} />
      </div>
      <small id={`${id}-hint`} className="hint">{t('sakip.budget.hint')}</small>
      {corrector && (
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('sakip.realisations.reason')}</label>
          <input id={`${id}-reason`} type="text" maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      {saved && <Flash>{t('sakip.budget.saved')}</Flash>}
      <ErrorMessage error={error} />
      <button type="submit" className="button">{t('sakip.budget.save')}</button>
    </form>
  );
}

/** An indicator's action plan for a year: the plan's year target and a target per quarter or month, with the form for whoever may set them. */
export function ActionPlanSection({ url, indicatorId, year, measure, mayEnter, corrector }: {
  url: string; indicatorId: string; year: number; measure: string; mayEnter: boolean; corrector: boolean;
}) {
  const { t, locale } = useI18n();
  const loaded = useStaffApi<ActionPlan>(`${url}/indicators/${indicatorId}/action-plan?year=${year}`);
  const [fresh, setFresh] = useState<ActionPlan | null>(null);
  const view = fresh && fresh.year === year ? fresh : loaded.data;
  const [period, setPeriod] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const { error, saved, run } = useSave();
  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!view) return <Loading />;
  const used = view.periodKind;
  const chosen = period && period.startsWith(String(year)) ? period : view.periods[0]?.period ?? `${year}-Q1`;
  const yearTarget = view.yearTarget ? (view.yearTarget.value ?? `${view.yearTarget.low}–${view.yearTarget.high}`) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setFresh(await api<ActionPlan>(`${url}/indicators/${indicatorId}/action-plan/${chosen}`, { method: 'PUT', body: { value: toApiDecimal(value), ...(reason.trim() ? { reason: reason.trim() } : {}) } }));
      setValue('');
      setReason('');
    });
  };
  return (
    <section aria-labelledby="action-plan-title">
      <h2 id="action-plan-title">{t('sakip.action.title', { year })}</h2>
      <p>{t('sakip.action.yearTarget')} <strong>{yearTarget ? `${formatExact(yearTarget, locale)} ${measure}` : '–'}</strong></p>
      {view.periods.length === 0 ? <p className="muted">{t('sakip.action.none')}</p> : (
        <table className="sakip-table">
          <thead><tr><th scope="col">{t('sakip.budget.period')}</th><th scope="col" className="num">{t('sakip.action.target')}</th><th scope="col">{t('sakip.action.setBy')}</th></tr></thead>
          <tbody>
            {view.periods.map((p) => (
              <tr key={p.period} data-period={p.period}>
                <th scope="row">{periodName(p.period, t)}</th>
                <td className="num">{formatExact(p.value, locale)} {measure}</td>
                <td className="small">{p.setBy}{p.reason ? ` · ${p.reason}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayEnter && (
        <form className="card no-print" onSubmit={submit} aria-label={t('sakip.action.form')}>
          <PeriodPicker id="action" year={year} used={used} kinds={['quarter', 'month']} period={chosen} onChange={setPeriod} />
          <div className="field narrow">
            <label htmlFor="action-value">{t('sakip.action.valueIn', { measure })}</label>
            <input id="action-value" type="text" inputMode="decimal" required maxLength={60} value={value} onChange={(e) => setValue(e.target.value)} />
          </div>
          {corrector && (
            <div className="field">
              <label htmlFor="action-reason">{t('sakip.realisations.reason')}</label>
              <input id="action-reason" type="text" maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
          )}
          {saved && <Flash>{t('sakip.action.saved')}</Flash>}
          <ErrorMessage error={error} />
          <button type="submit" className="button">{t('sakip.action.save')}</button>
        </form>
      )}
    </section>
  );
}
