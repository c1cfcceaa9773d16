// Public complaint statistics, for anyone and phone first: aggregate figures
// of one year, per month and per category. Loaded on demand (charts are not
// part of the report form's download).
import { BarChart, LineChart } from '../../../../components/charts.js';
import { Tiles, useFigures } from '../../components/figures.js';
import { RegionGate } from '../../../../components/RegionGate.js';
import { ErrorMessage, Loading, PageTitle } from '../../../../components/ui.js';
import { ApiError, regionApi } from '../../../../api.js';
import { useApi } from '../../../../data.js';
import { formatCalendarDate, localMonth } from '../../../../format.js';
import { useI18n } from '../../../../i18n/index.js';
import { Link, navigate, useLocation, type Params } from '../../../../router.js';
import type { RegionProfile } from '../../../../types.js';
import type { PublicStatistics } from '../../../../admin-types.js';

/** How many years back the year picker goes. */
const YEARS = 5;
const shownMetrics = ['received', 'resolved', 'responseCompliancePct', 'resolutionCompliancePct', 'responseTimeMedian', 'resolutionTimeMedian'] as const;

export function StatisticsPage({ params }: { params: Params }) {
  return <RegionGate code={params.region}>{(region) => <Statistics region={region} />}</RegionGate>;
}

function Statistics({ region }: { region: RegionProfile }) {
  const { t, pick, locale } = useI18n();
  const { path, query } = useLocation();
  const f = useFigures();
  const thisYear = Number(localMonth(Date.now(), region.timezone).slice(0, 4));
  const years = Array.from({ length: YEARS }, (_, i) => thisYear - i);
  const asked = Number(query.get('tahun'));
  const year = years.includes(asked) ? asked : thisYear;
  // The API, not the profile loaded earlier, says whether statistics are public: an admin may just have changed it.
  const stats = useApi<PublicStatistics>(`${regionApi(region.code)}/statistics?year=${year}`);
  const off = stats.error instanceof ApiError && stats.error.code === 'statistics.not_public';
  const s = stats.data;
  return (
    <>
      <PageTitle title={t('dash.stats.title')}>{t('dash.stats.title')}</PageTitle>
      {off ? (
        <div className="card">
          <p>{t('dash.stats.off', { region: region.name })}</p>
          <p className="muted">{t('dash.stats.offHint')}</p>
        </div>
      ) : (
        <>
          <p>{t('dash.stats.intro', { region: region.name })}</p>
          <div className="field narrow">
            <label htmlFor="stats-year">{t('dash.stats.year')}</label>
            <select id="stats-year" value={year} onChange={(e) => navigate(`${path}?tahun=${e.target.value}`, { replace: true })}>
              {years.map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </div>
          <ErrorMessage error={stats.error} />
          {stats.loading && <Loading />}
          {s && (
            <>
              <h2>{t('dash.stats.summary', { year: s.year })}</h2>
              <Tiles totals={s.totals} metrics={shownMetrics} label={t('dash.stats.summary', { year: s.year })} />
              <p className="muted small">{t('dash.stats.note', { zone: s.timezone })}</p>
              <section aria-labelledby="stats-month">
                <h2 id="stats-month">{t('dash.stats.byMonth')}</h2>
                <LineChart
                  title={t('dash.trendTitle')}
                  labels={s.byMonth.map((m) => formatCalendarDate(`${m.key}-01`, locale, { month: 'short' }))}
                  series={[
                    { name: f.label('received'), className: 'line-1', values: s.byMonth.map((m) => m.received) },
                    { name: f.label('resolved'), className: 'line-2', values: s.byMonth.map((m) => m.resolved) },
                  ]}
                  format={f.number}
                />
              </section>
              <section aria-labelledby="stats-category">
                <h2 id="stats-category">{t('dash.stats.byCategory')}</h2>
                {s.byCategory.length === 0 ? <p className="muted">{t('dash.noData')}</p> : (
                  <>
                    <BarChart
                      title={t('dash.chartTitle', { metric: f.label('received'), by: t('dash.by.category').toLowerCase() })}
                      bars={s.byCategory.map((c) => ({ key: c.key ?? '', label: pick(c.label), value: c.received }))}
                      format={f.number} valueLabel={f.label('received')} dataTable={false}
                    />
                    <div className="table-scroll">
                      <table className="data compact">
                        <thead>
                          <tr>
                            <th scope="col">{t('dash.by.category')}</th>
                            {(['received', 'resolved', 'resolutionCompliancePct'] as const).map((m) => <th key={m} scope="col">{f.label(m)}</th>)}
                          </tr>
                        </thead>
                        <tbody>
                          {s.byCategory.map((c) => (
                            <tr key={c.key ?? ''}>
                              <th scope="row">{pick(c.label)}</th>
                              <td>{f.figure('received', c.received)}</td>
                              <td>{f.figure('resolved', c.resolved)}</td>
                              <td>{f.figure('resolutionCompliancePct', c.resolutionCompliancePct)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </>
                )}
              </section>
            </>
          )}
        </>
      )}
      <p><Link to={`/r/${region.code}`}>{t('track.back', { region: region.name })}</Link></p>
    </>
  );
}
