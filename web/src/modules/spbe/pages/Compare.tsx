// Comparison: where the region stands among all regions, its province's
// kabupaten/kota and regions of the same kind (by index, domain or aspect),
// and its trend over the years beside the national series, with a visible
// break where the framework changed.
import { ErrorMessage, Loading, PageTitle } from '../../../components/ui.js';
import { BarChart, RadarChart, TrendChart } from '../components/charts.js';
import { formatScore, Score, SpbePage, spbeApi } from '../components/common.js';
import type { Comparison, NationalTrend, Ranking, ResultPoint, Version } from '../components/types.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { navigate, queryString, useLocation, type Params } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';

export function ComparePage({ params }: { params: Params }) {
  return <SpbePage region={params.region}>{(region) => <Compare region={region} />}</SpbePage>;
}

type Scope = 'all' | 'province' | 'kind';
type By = 'index' | 'domain' | 'aspect';
/** The ranking chart shows the leaders and the region itself; the table lists everyone. */
const CHART_ROWS = 15;

function Compare({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { path, query } = useLocation();
  const own = useStaffApi<ResultPoint[]>(`${spbeApi(region.code)}/results`);
  const national = useStaffApi<NationalTrend>('/api/spbe/trend?region=00');
  if (own.error || national.error) return <ErrorMessage error={own.error ?? national.error} />;
  if (!own.data || !national.data) return <Loading />;
  const years = [...new Set([...own.data.map((p) => p.year), ...national.data.points.map((p) => p.year)])].sort((a, b) => b - a);
  const year = Number(query.get('tahun')) || own.data[own.data.length - 1]?.year || years[0];
  const set = (changes: Record<string, string | undefined>) => {
    const q = Object.fromEntries(query.entries());
    navigate(path + queryString({ ...q, ...changes }), { replace: true });
  };
  return (
    <>
      <PageTitle title={t('spbe.compare.title')}>{t('spbe.compare.title')}</PageTitle>
      {year ? (
        <>
          <div className="field narrow">
            <label htmlFor="compare-year">{t('spbe.compare.year')}</label>
            <select id="compare-year" value={year} onChange={(e) => set({ tahun: e.target.value })}>
              {years.map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </div>
          <Standing region={region} year={year} scope={(query.get('cakupan') as Scope) || 'province'} by={(query.get('menurut') as By) || 'index'} code={query.get('kode') ?? ''} set={set} />
        </>
      ) : <p className="muted">{t('spbe.compare.noResults')}</p>}
      <Trend region={region} own={own.data} national={national.data.points} />
    </>
  );
}

function Standing({ region, year, scope, by, code, set }: {
  region: RegionProfile; year: number; scope: Scope; by: By; code: string; set: (c: Record<string, string | undefined>) => void;
}) {
  const { t, pick, locale } = useI18n();
  const comparison = useStaffApi<Comparison>(`${spbeApi(region.code)}/comparison?year=${year}`);
  const c = comparison.data;
  const version = c?.own?.framework.version ? `/api/spbe/frameworks/${c.own.framework.code}/versions/${c.own.framework.version}` : null;
  const doc = useStaffApi<Version>(version);
  const province = region.kind === 'provinsi' ? region.code : region.parentCode ?? undefined;
  const codes = c ? Object.keys(by === 'domain' ? c.scopes[0].mean.domains : c.scopes[0].mean.aspects) : [];
  const chosen = by === 'index' ? undefined : codes.includes(code) ? code : codes[0];
  const rankingUrl = c?.framework && (by === 'index' || chosen) ? `/api/spbe/rankings${queryString({
    year, by, code: chosen, framework: c.framework, province: scope === 'province' ? province : undefined, kind: scope === 'kind' ? region.kind : undefined,
  })}` : null;
  const ranking = useStaffApi<Ranking>(rankingUrl);
  if (comparison.error) return <ErrorMessage error={comparison.error} />;
  if (!c) return <Loading />;
  const names = new Map([...(doc.data?.document.domains ?? []), ...(doc.data?.document.aspects ?? [])].map((x) => [x.code, pick(x.name)]));
  const scopeName = (s: Scope) => t(`spbe.compare.scope.${s}`, { kind: region.kind });
  const meanOf = (s: Scope) => c.scopes.find((x) => x.scope === s)!.mean;
  const radarKey: 'domains' | 'aspects' = Object.keys(meanOf('all').domains).length >= 3 ? 'domains' : 'aspects';
  const radarCodes = c.own ? Object.keys(c.own[radarKey]).sort() : [];
  const rows = ranking.data?.rows ?? [];
  const chartRows = rows.filter((r, i) => i < CHART_ROWS || r.regionCode === region.code);
  return (
    <>
      <section aria-labelledby="standing-title">
        <h2 id="standing-title">{t('spbe.compare.standing', { year })}</h2>
        {c.own ? (
          <p>
            {t('spbe.compare.own')}: <strong><Score value={c.own.index} /></strong> {c.own.predicate ? pick(c.own.predicate) : ''}
            {!c.own.published && <span className="badge badge-amber">{t('spbe.result.unpublished')}</span>}
          </p>
        ) : <p className="muted">{t('spbe.compare.noOwn', { year })}</p>}
        <ul className="plain standing">
          {c.scopes.map((s) => (
            <li key={s.scope} className="card">
              <strong>{scopeName(s.scope)}</strong>
              <span>{s.rank !== null ? t('spbe.compare.rank', { rank: s.rank, of: s.of }) : t('spbe.compare.peers', { n: s.count })}</span>
              <span className="muted small">{t('spbe.compare.mean', { mean: formatScore(s.mean.index, locale) })}</span>
            </li>
          ))}
        </ul>
        {radarCodes.length >= 3 && c.own && (
          <RadarChart title={t('spbe.compare.radar')} axes={radarCodes.map((k) => ({ code: k, name: names.get(k) ?? k }))} series={[
            { name: t('spbe.compare.own'), values: radarCodes.map((k) => c.own![radarKey][k] ?? null) },
            { name: t('spbe.compare.meanOf', { scope: scopeName('province') }), values: radarCodes.map((k) => meanOf('province')[radarKey][k] ?? null) },
            { name: t('spbe.compare.meanOf', { scope: scopeName('all') }), values: radarCodes.map((k) => meanOf('all')[radarKey][k] ?? null) },
          ]} />
        )}
      </section>
      <section aria-labelledby="ranking-title">
        <h2 id="ranking-title">{t('spbe.compare.ranking')}</h2>
        <div className="filters ranking-filters">
          <div className="field">
            <label htmlFor="rank-scope">{t('spbe.compare.scope')}</label>
            <select id="rank-scope" value={scope} onChange={(e) => set({ cakupan: e.target.value })}>
              {(['all', 'province', 'kind'] as const).map((s) => <option key={s} value={s}>{scopeName(s)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="rank-by">{t('spbe.compare.by')}</label>
            <select id="rank-by" value={by} onChange={(e) => set({ menurut: e.target.value, kode: undefined })}>
              {(['index', 'domain', 'aspect'] as const).map((b) => <option key={b} value={b}>{t(`spbe.compare.by.${b}`)}</option>)}
            </select>
          </div>
          {by !== 'index' && (
            <div className="field">
              <label htmlFor="rank-code">{t(`spbe.compare.by.${by}`)}</label>
              <select id="rank-code" value={chosen ?? ''} onChange={(e) => set({ kode: e.target.value })}>
                {codes.map((k) => <option key={k} value={k}>{k}{names.get(k) ? ` · ${names.get(k)}` : ''}</option>)}
              </select>
            </div>
          )}
        </div>
        <ErrorMessage error={ranking.error} />
        {rankingUrl && !ranking.data && !ranking.error && <Loading />}
        {ranking.data && rows.length === 0 && <p className="muted">{t('spbe.compare.noRanking')}</p>}
        {rows.length > 0 && (
          <>
            <BarChart title={t('spbe.compare.rankingChart', { scope: scopeName(scope), year })} series={[by === 'index' ? t('spbe.compare.by.index') : `${chosen}`]}
              rows={chartRows.map((r) => ({ label: `${r.rank}. ${r.name}`, values: [r.value], highlight: r.regionCode === region.code }))}
              reference={ranking.data?.national !== null && ranking.data?.national !== undefined ? { value: ranking.data.national, label: t('spbe.compare.national', { value: formatScore(ranking.data.national, locale) }) } : null} />
            <div className="spbe-scroll">
              <table className="spbe-table ranking">
                <caption>{t('spbe.compare.rankingTable', { n: rows.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">{t('spbe.compare.rankCol')}</th>
                    <th scope="col">{t('spbe.compare.region')}</th>
                    <th scope="col" className="num">{t('spbe.compare.value')}</th>
                    <th scope="col">{t('spbe.compare.predicate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.regionCode} className={r.regionCode === region.code ? 'own' : undefined} aria-current={r.regionCode === region.code ? 'true' : undefined}>
                      <td className="num">{r.rank}</td>
                      <th scope="row">{r.name}</th>
                      <td className="num">{formatScore(r.value, locale)}</td>
                      <td>{r.predicate ? pick(r.predicate) : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}

function Trend({ region, own, national }: { region: RegionProfile; own: ResultPoint[]; national: ResultPoint[] }) {
  const { t } = useI18n();
  const frameworkOf = (p: ResultPoint) => `${p.framework.code}${p.framework.version ? ` v${p.framework.version}` : ''}`;
  // One marker per year and framework, whichever series changed there.
  const breaks = new Map<string, { year: number; label: string }>();
  for (const p of [...own, ...national]) {
    if (p.frameworkChanged) breaks.set(`${p.year}|${frameworkOf(p)}`, { year: p.year, label: t('spbe.trend.break', { framework: frameworkOf(p) }) });
  }
  const line = (points: ResultPoint[]) => points.map((p) => ({ year: p.year, value: p.index, newFramework: p.frameworkChanged }));
  return (
    <section aria-labelledby="trend-title">
      <h2 id="trend-title">{t('spbe.trend.title')}</h2>
      <TrendChart title={t('spbe.trend.chart', { region: region.name })} breaks={[...breaks.values()].sort((a, b) => a.year - b.year)}
        series={[{ name: region.name, points: line(own) }, { name: t('spbe.trend.national'), points: line(national) }]} />
      {own.some((p) => !p.published) && <p className="hint">{t('spbe.trend.unpublishedNote')}</p>}
    </section>
  );
}
