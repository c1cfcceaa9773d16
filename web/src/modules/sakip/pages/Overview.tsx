// The region's performance in a year, quarter or month (`?periode=2025-Q2`:
// the period's action-plan targets, realisations and budget), by unit: how
// many indicators each unit answers for, how many have a target, were reported and met it, and their
// average achievement; and the RPJMD's key indicators (IKU) together; and
// efficiency (achievement against budget absorption, by the region's method)
// by unit, for the whole region, and by target (sasaran): the RPJMD's, or the
// targets of the unit chosen in the efficiency table (`?opd=`).
import { ErrorMessage, Loading, PageTitle } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, navigate, useLocation, type Params } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';
import { formatExact, nodeAnchor, periodName, planPath, SakipPage, sakipApi, SummaryValue } from '../components/common.js';
import type { Overview } from '../components/types.js';
import { BudgetCells, EfficiencyValue, MethodNote } from '../components/budget.js';

export function OverviewPage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <OverviewView region={region} />}</SakipPage>;
}

function OverviewView({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { path, query } = useLocation();
  const asked = Number(query.get('tahun')) || undefined;
  const period = query.get('periode') || undefined;
  const focus = query.get('opd') || undefined;
  const params = new URLSearchParams({ ...(asked ? { year: String(asked) } : {}), ...(period ? { period } : {}), ...(focus ? { unit: focus } : {}) }).toString();
  const data = useStaffApi<Overview>(`${sakipApi(region.code)}/overview${params ? `?${params}` : ''}`);
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data) return <Loading />;
  const view = data.data;
  const years = Array.from({ length: 7 }, (_, i) => view.year - 4 + i);
  // The same part of another year when the year changes (Triwulan II 2025 → Triwulan II 2026); the unit in focus stays.
  const part = view.period?.slice(4) ?? '';
  const show = (year: number, p: string) => navigate(overviewPath(path, year, p && `${year}${p}`, focus), { replace: true });
  const when = whenShown(view, t);
  // The drill-down: a unit to its Renstra, the region (and a unit without one) to the RPJMD, where their targets and indicators are.
  const rpjmd = view.plans.find((p) => p.kind === 'rpjmd');
  const planOf = (unitId: string | null) => view.plans.find((p) => p.kind === 'renstra' && p.unitId === unitId) ?? rpjmd;
  const toPlan = (planId: string) => planPath(region.code, planId, `?tahun=${view.year}`);
  return (
    <>
      <PageTitle title={t('sakip.overview.title')}>{t('sakip.overview.title')}: {when}</PageTitle>
      <div className="filters no-print">
        <div className="field">
          <label htmlFor="overview-year">{t('sakip.plan.year')}</label>
          <select id="overview-year" value={view.year} onChange={(e) => show(Number(e.target.value), part)}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="overview-period">{t('sakip.overview.period')}</label>
          <select id="overview-period" value={part} onChange={(e) => show(view.year, e.target.value)}>
            <option value="">{t('sakip.overview.wholeYear')}</option>
            {PARTS.map((p) => <option key={p} value={p}>{periodName(`${view.year}${p}`, t)}</option>)}
          </select>
        </div>
      </div>
      {view.plans.length === 0 ? <p className="muted">{t('sakip.overview.noPlans', { year: view.year })}</p> : (
        <>
          <p className="small muted">
            {t('sakip.overview.plans')}{' '}
            {view.plans.map((p, i) => <span key={p.id}>{i > 0 && ', '}<Link to={planPath(region.code, p.id, `?tahun=${view.year}`)}>{p.title}</Link></span>)}
          </p>
          <dl className="plan-facts">
            <div>
              <dt>{t('sakip.overview.iku')}</dt>
              <dd>{rpjmd ? <Link to={toPlan(rpjmd.id)}>{t('sakip.overview.metOf', { met: view.iku.met, n: view.iku.indicators })}</Link> : t('sakip.overview.metOf', { met: view.iku.met, n: view.iku.indicators })}</dd>
            </div>
            <div><dt>{t('sakip.overview.ikuReported')}</dt><dd>{view.iku.reported}</dd></div>
            <div><dt>{t('sakip.overview.ikuAverage')}</dt><dd><SummaryValue summary={view.iku.achievement} /></dd></div>
          </dl>
          <div className="sakip-scroll">
            <table className="sakip-table">
              <caption>{t('sakip.overview.caption', { when })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sakip.overview.unit')}</th>
                  <th scope="col" className="num">{t('sakip.overview.indicators')}</th>
                  <th scope="col" className="num">{t('sakip.overview.withTarget')}</th>
                  <th scope="col" className="num">{t('sakip.overview.reported')}</th>
                  <th scope="col" className="num">{t('sakip.overview.met')}</th>
                  <th scope="col">{t('sakip.overview.average')}</th>
                </tr>
              </thead>
              <tbody>
                {view.units.map((u) => {
                  const plan = planOf(u.unit?.id ?? null);
                  const name = u.unit?.name ?? t('sakip.overview.region');
                  return (
                  <tr key={u.unit?.id ?? 'region'}>
                    <th scope="row">{plan ? <Link to={toPlan(plan.id)}>{name}</Link> : name}</th>
                    <td className="num">{u.indicators}</td>
                    <td className="num">{u.withTarget}</td>
                    <td className="num">{u.reported}</td>
                    <td className="num">{u.met}</td>
                    <td><SummaryValue summary={u.achievement} /></td>
                  </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="small muted">{t('sakip.overview.how')} {view.period && t('sakip.overview.periodHow')} {t('sakip.overview.drill')}</p>
          <Efficiencies view={view} region={region.code} path={path} />
        </>
      )}
    </>
  );
}

/** The overview's address: the year, the period (2025-Q2) and the unit whose targets are shown (`opd`), each only when chosen. */
const overviewPath = (path: string, year: number, period?: string | null, unitId?: string) =>
  `${path}?tahun=${year}${period ? `&periode=${period}` : ''}${unitId ? `&opd=${unitId}` : ''}`;

/** The quarters and months a year can be narrowed to, as the period's tail (2025-Q2, 2025-05). */
const PARTS = [...[1, 2, 3, 4].map((q) => `-Q${q}`), ...Array.from({ length: 12 }, (_, i) => `-${String(i + 1).padStart(2, '0')}`)];

/** "tahun 2025", "Triwulan II 2025", "Mei 2025": what the headings and captions say is shown. */
const whenShown = (view: Overview, t: ReturnType<typeof useI18n>['t']) => (view.period ? periodName(view.period, t) : t('sakip.overview.inYear', { year: view.year }));

/** Achievement against absorption by unit, by target and for the whole region, in the region's method and colours. */
function Efficiencies({ view, region, path }: { view: Overview; region: string; path: string }) {
  const { t, locale } = useI18n();
  const when = whenShown(view, t);
  const budgeted = view.units.filter((u) => u.budget !== null);
  const focused = view.units.find((u) => u.unit !== null && u.unit.id === view.targetsUnitId)?.unit ?? null;
  const focusOn = (unitId?: string) => `${overviewPath(path, view.year, view.period, unitId)}#efisiensi-sasaran`;
  const head = (first: string) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="num">{t('sakip.budget.ceiling')}</th>
        <th scope="col" className="num">{t('sakip.budget.spending')}</th>
        <th scope="col" className="num">{t('sakip.budget.absorption')}</th>
        <th scope="col">{t('sakip.budget.achievement')}</th>
        <th scope="col">{t('sakip.budget.efficiency')}</th>
      </tr>
    </thead>
  );
  if (budgeted.length === 0) return <p className="muted">{t('sakip.overview.noBudgets', { when })}</p>;
  return (
    <section aria-labelledby="efficiency-title">
      <h2 id="efficiency-title">{t('sakip.budget.efficiency')}</h2>
      <div className="sakip-scroll">
        <table className="sakip-table" id="overview-efficiency">
          <caption>{t('sakip.overview.budgetCaption', { when })}</caption>
          {head(t('sakip.overview.unit'))}
          <tbody>
            {budgeted.map((u) => (
              <tr key={u.unit?.id ?? 'region'} data-unit={u.unit?.code ?? ''}>
                <th scope="row">{u.unit ? (
                  <Link to={focusOn(u.unit.id)} aria-current={u.unit.id === view.targetsUnitId ? 'true' : undefined}>{u.unit.name}</Link>
                ) : t('sakip.overview.region')}</th>
                <BudgetCells budget={u.budget} />
                <td><SummaryValue summary={u.achievement} /></td>
                <td><EfficiencyValue efficiency={u.efficiency} /></td>
              </tr>
            ))}
            <tr className="budget-total">
              <th scope="row">{t('sakip.overview.total')}</th>
              <BudgetCells budget={view.total.budget} />
              <td><SummaryValue summary={view.iku.achievement} /></td>
              <td><EfficiencyValue efficiency={view.total.efficiency} /></td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="small muted" id="efisiensi-sasaran">
        {focused ? <Link to={focusOn()}>{t('sakip.overview.allTargets')}</Link> : t('sakip.overview.pickUnit')}
      </p>
      {view.targets.length === 0 ? <p className="muted">{t('sakip.overview.noTargets', { when })}</p> : (
        <div className="sakip-scroll">
          <table className="sakip-table" id="overview-target-efficiency">
            <caption>{focused ? t('sakip.overview.unitTargetsCaption', { unit: focused.name, when }) : t('sakip.overview.targetsCaption', { when })}</caption>
            {head(t('sakip.overview.target'))}
            <tbody>
              {view.targets.map((x) => (
                <tr key={x.node.id}>
                  <th scope="row"><Link to={planPath(region, x.planId, `?tahun=${view.year}#${nodeAnchor(x.node.id)}`)}>{x.node.title}</Link></th>
                  <BudgetCells budget={x.budget} />
                  <td className="num">{x.achievement ? `${formatExact(x.achievement.percent, locale)} %` : '–'}</td>
                  <td><EfficiencyValue efficiency={x.efficiency} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <MethodNote method={view.efficiencyMethod} />
    </section>
  );
}
