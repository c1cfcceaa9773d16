// The head of region's dashboard and the province roll-up: a period in whole
// months, the headline figures, a breakdown as bars and a sortable table, the
// monthly trend, and the CSV of exactly the figures shown. The period, the
// breakdown and the charted figure live in the URL, so a view can be shared.
import { useState, type FormEvent } from 'react';
import { BarChart, LineChart } from '../../../../components/charts.js';
import { Tiles, amount, metricNames, isPercent, useFigures, type MetricName } from '../../components/figures.js';
import { RegionGate } from '../../../../components/RegionGate.js';
import { StaffOnly } from '../../../../components/StaffOnly.js';
import { ErrorMessage, Loading, PageTitle } from '../../../../components/ui.js';
import { regionApi } from '../../../../api.js';
import { useStaffApi } from '../../../../query.js';
import { formatCalendarDate, localMonth } from '../../../../format.js';
import { useI18n } from '../../../../i18n/index.js';
import { navigate, queryString, useLocation, type Params } from '../../../../router.js';
import type { RegionProfile } from '../../../../types.js';
import type { DashboardReport, ReportRow } from '../../../../admin-types.js';

const breakdowns = ['unit', 'category', 'district', 'month'] as const satisfies readonly DashboardReport['by'][];
type Breakdown = (typeof breakdowns)[number];
/** The table's columns and the figures the chart can show. */
const columns: MetricName[] = metricNames.filter((m) => m !== 'resolved');
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

interface View {
  from: string;
  to: string;
  by: Breakdown;
  metric: MetricName;
}

/** The view in the URL; by default this year up to this month, in the region's time zone. */
function viewFrom(query: URLSearchParams, region: RegionProfile): View {
  const now = localMonth(Date.now(), region.timezone);
  const month = (name: string, fallback: string) => {
    const v = query.get(name) ?? '';
    return MONTH.test(v) ? v : fallback;
  };
  const by = query.get('by') as Breakdown;
  const metric = query.get('metric') as MetricName;
  return {
    from: month('from', `${now.slice(0, 4)}-01`),
    to: month('to', now),
    by: breakdowns.includes(by) ? by : 'unit',
    metric: columns.includes(metric) ? metric : 'received',
  };
}

function useView(region: RegionProfile): [View, (next: Partial<View>) => void] {
  const { path, query } = useLocation();
  const view = viewFrom(query, region);
  const set = (next: Partial<View>) => navigate(`${path}${queryString({ ...view, ...next })}`, { replace: true });
  return [view, set];
}

export function DashboardPage({ params }: { params: Params }) {
  return (
    <StaffOnly region={params.region} permission="dashboard.read">
      <RegionGate code={params.region}>{(region) => <Dashboard region={region} />}</RegionGate>
    </StaffOnly>
  );
}

export function ProvincePage({ params }: { params: Params }) {
  return (
    <StaffOnly region={params.region} permission="dashboard.read">
      <RegionGate code={params.region}>{(region) => <Province region={region} />}</RegionGate>
    </StaffOnly>
  );
}

function Dashboard({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const [view, setView] = useView(region);
  const base = regionApi(region.code);
  const url = (by: Breakdown, csv = '') => `${base}/dashboard${csv}${queryString({ from: view.from, to: view.to, by, ...(csv ? { lang: locale } : {}) })}`;
  // The monthly report gives the tiles and the trend whatever the breakdown, so they stay put while it changes.
  const monthly = useStaffApi<DashboardReport>(url('month'));
  const other = useStaffApi<DashboardReport>(view.by === 'month' ? null : url(view.by));
  const breakdown = view.by === 'month' ? monthly : other;
  return (
    <>
      <PageTitle title={t('dash.title')}>{t('dash.title')}</PageTitle>
      <PeriodPicker key={`${view.from}|${view.to}`} view={view} onChange={setView} />
      <ErrorMessage error={monthly.error} />
      {monthly.loading && <Loading />}
      {monthly.data && (
        <>
          <Summary report={monthly.data} />
          <section aria-labelledby="breakdown-title">
            <h2 id="breakdown-title">{t('dash.breakdown')}</h2>
            <fieldset className="segmented">
              <legend>{t('dash.by')}</legend>
              {breakdowns.map((b) => (
                <label key={b} className="choice inline">
                  <input type="radio" name="by" value={b} checked={view.by === b} onChange={() => setView({ by: b })} />
                  <span>{t(`dash.by.${b}`)}</span>
                </label>
              ))}
            </fieldset>
            <ErrorMessage error={breakdown.error} />
            {breakdown.loading && <Loading />}
            {breakdown.data && <ReportView key={view.by} report={breakdown.data} metric={view.metric} onMetric={(metric) => setView({ metric })} csv={url(view.by, '.csv')} />}
          </section>
          <section aria-labelledby="trend-title">
            <h2 id="trend-title">{t('dash.trend')}</h2>
            <Trend report={monthly.data} />
          </section>
        </>
      )}
    </>
  );
}

function Province({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const [view, setView] = useView(region);
  const url = (csv = '') => `${regionApi(region.code)}/dashboard/regions${csv}${queryString({ from: view.from, to: view.to, ...(csv ? { lang: locale } : {}) })}`;
  const report = useStaffApi<DashboardReport>(url());
  return (
    <>
      <PageTitle title={t('dash.province.title')}>{t('dash.province.title')}</PageTitle>
      <p>{t('dash.province.intro', { name: region.name })}</p>
      <PeriodPicker key={`${view.from}|${view.to}`} view={view} onChange={setView} />
      <ErrorMessage error={report.error} />
      {report.loading && <Loading />}
      {report.data && (
        <>
          <Summary report={report.data} />
          <section aria-labelledby="breakdown-title">
            <h2 id="breakdown-title">{t('dash.breakdown')}</h2>
            <ReportView report={report.data} metric={view.metric} onMetric={(metric) => setView({ metric })} csv={url('.csv')} />
          </section>
        </>
      )}
    </>
  );
}

function PeriodPicker({ view, onChange }: { view: View; onChange: (next: Partial<View>) => void }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(view.from);
  const [to, setTo] = useState(view.to);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ from, to });
  };
  return (
    <form className="filters period" onSubmit={submit} aria-label={t('dash.period')}>
      <div className="field">
        <label htmlFor="period-from">{t('dash.from')}</label>
        <input id="period-from" type="month" required pattern="\d{4}-\d{2}" placeholder="2026-01" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="period-to">{t('dash.to')}</label>
        <input id="period-to" type="month" required pattern="\d{4}-\d{2}" placeholder="2026-12" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
      </div>
      <div className="field">
        <button type="submit" className="button secondary">{t('dash.show')}</button>
      </div>
    </form>
  );
}

/** "Jan 2026" from 2026-01. */
const monthName = (ym: string, locale: 'id' | 'en', withYear = true) =>
  formatCalendarDate(`${ym}-01`, locale, withYear ? { month: 'short', year: 'numeric' } : { month: 'short' });

function Summary({ report }: { report: DashboardReport }) {
  const { t, locale } = useI18n();
  const heading = t('dash.summary', { from: monthName(report.period.from, locale), to: monthName(report.period.to, locale) });
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{heading}</h2>
      <Tiles totals={report.totals} metrics={columns} label={heading} />
      <p className="muted small">{t('dash.note', { zone: report.period.timezone })}</p>
    </section>
  );
}

type Sort = { column: MetricName | 'label'; descending: boolean } | null;

/** The chosen figure as bars and every figure in a sortable table, rows in the same order; the CSV link. */
function ReportView({ report, metric, onMetric, csv }: { report: DashboardReport; metric: MetricName; onMetric: (m: MetricName) => void; csv: string }) {
  const { t, pick } = useI18n();
  const f = useFigures();
  // Null: the API's order (busiest first; months and regions in their own order).
  const [sort, setSort] = useState<Sort>(null);
  const dimension = t(`dash.by.${report.by}`);
  const rows = sorted(report.rows, sort, report.by === 'month' || report.by === 'region', pick);
  const toggle = (column: MetricName | 'label') =>
    setSort(sort?.column === column ? { column, descending: !sort.descending } : { column, descending: column !== 'label' });
  const ariaSort = (column: MetricName | 'label') => (sort?.column === column ? (sort.descending ? 'descending' : 'ascending') : undefined);
  if (rows.length === 0) return <p className="muted">{t('dash.noData')}</p>;
  return (
    <>
      <div className="field narrow">
        <label htmlFor="chart-metric">{t('dash.metric')}</label>
        <select id="chart-metric" value={metric} onChange={(e) => onMetric(e.target.value as MetricName)}>
          {columns.map((m) => <option key={m} value={m}>{f.label(m)}</option>)}
        </select>
      </div>
      <BarChart
        title={t('dash.chartTitle', { metric: f.label(metric), by: dimension.toLowerCase() })}
        bars={rows.map((r) => ({ key: r.key ?? '', label: pick(r.label), value: amount(r[metric]), text: f.figure(metric, r[metric]) }))}
        format={(v) => f.figure(metric, v)} max={isPercent(metric) ? 100 : undefined} valueLabel={f.label(metric)} dataTable={false}
      />
      <div className="table-scroll">
        <table className="data report-table">
          <thead>
            <tr>
              {(['label', ...columns] as const).map((c) => (
                <th key={c} scope="col" aria-sort={ariaSort(c)}>
                  <button type="button" className="sort-button" onClick={() => toggle(c)} title={t('dash.sortBy', { column: c === 'label' ? dimension : f.label(c) })}>
                    {c === 'label' ? dimension : f.label(c)}
                    <span aria-hidden="true" className="sort-mark">{sort?.column === c ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key ?? 'none'}>
                <th scope="row">{pick(r.label)}</th>
                {columns.map((c) => <td key={c}>{f.figure(c, r[c])}</td>)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('dash.total')}</th>
              {columns.map((c) => <td key={c}>{f.figure(c, report.totals[c])}</td>)}
            </tr>
          </tfoot>
        </table>
      </div>
      <p><a className="button secondary" href={csv} download>{t('dash.csv')}</a></p>
    </>
  );
}

/** Rows in the chosen order; figures nobody could measure yet (null) always last. */
function sorted(rows: ReportRow[], sort: Sort, byKey: boolean, pick: (t: { id: string; en: string }) => string): ReportRow[] {
  if (!sort) return rows;
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (sort.column === 'label') {
      // Months and region codes sort as they are keyed, not alphabetically by name.
      const [x, y] = byKey ? [a.key ?? '', b.key ?? ''] : [pick(a.label), pick(b.label)];
      return sign * x.localeCompare(y, 'id');
    }
    const x = amount(a[sort.column]);
    const y = amount(b[sort.column]);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y);
  });
}

function Trend({ report }: { report: DashboardReport }) {
  const { t, locale } = useI18n();
  const f = useFigures();
  const years = new Set(report.rows.map((r) => r.key?.slice(0, 4))).size;
  return (
    <LineChart
      title={t('dash.trendTitle')}
      labels={report.rows.map((r) => monthName(r.key ?? '', locale, years > 1))}
      series={[
        { name: f.label('received'), className: 'line-1', values: report.rows.map((r) => r.received) },
        { name: f.label('resolved'), className: 'line-2', values: report.rows.map((r) => r.resolved) },
      ]}
      format={f.number}
    />
  );
}
