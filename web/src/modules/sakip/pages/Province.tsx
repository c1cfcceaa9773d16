// A province's kabupaten/kota side by side on AKIP: the latest result
// (KemenPANRB's, else the final internal evaluation), its change, each year's
// score and predicate (the trend), the share of RPJMD key indicators met, and
// its efficiency by the method it chose.
import { ErrorMessage, Loading, PageTitle } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { navigate, useLocation, type Params } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';
import { formatExact, SakipPage, sakipApi } from '../components/common.js';
import type { ProvinceComparison } from '../components/types.js';
import { Predicate } from './Evaluation.js';
import { EfficiencyValue } from '../components/budget.js';

export function ProvincePage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <ComparisonView region={region} />}</SakipPage>;
}

type Row = ProvinceComparison['regions'][number];

/** ▲ 2,37 / ▼ 1,14 / = */
function Change({ value }: { value: string | null }) {
  const { t, locale } = useI18n();
  if (value === null) return <span className="muted">–</span>;
  const n = Number(value);
  const sign = n > 0 ? '▲' : n < 0 ? '▼' : '=';
  return <span className={`akip-change ${n > 0 ? 'up' : n < 0 ? 'down' : ''}`} title={t('sakip.province.change')}>{sign} {formatExact(value.replace('-', ''), locale)}</span>;
}

/** The scores over the years as a small line (official where published, else internal). */
function Sparkline({ row }: { row: Row }) {
  const points = row.trend.map((p, i) => ({ i, v: p.official?.score ?? p.internal?.score ?? null })).filter((p): p is { i: number; v: string } => p.v !== null);
  if (points.length < 2) return null;
  const w = 80;
  const h = 24;
  const x = (i: number) => (i / Math.max(1, row.trend.length - 1)) * w;
  const y = (v: string) => h - (Number(v) / 100) * h;
  return <svg className="akip-spark" width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true"><polyline fill="none" stroke="currentColor" strokeWidth="1.5" points={points.map((p) => `${x(p.i)},${y(p.v)}`).join(' ')} /></svg>;
}

function ComparisonView({ region }: { region: RegionProfile }) {
  const { t, pick, locale } = useI18n();
  const { path, query } = useLocation();
  const to = Number(query.get('sampai')) || undefined;
  const data = useStaffApi<ProvinceComparison>(`${sakipApi(region.code)}/province-comparison${to ? `?to=${to}&targetsYear=${to}` : ''}`);
  if (region.parentCode !== null) return <p className="muted">{t('sakip.province.onlyProvince')}</p>;
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data) return <Loading />;
  const view = data.data;
  const title = t('sakip.province.title', { name: view.province.name });
  const choices = Array.from({ length: 6 }, (_, i) => view.to + 1 - i);
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <div className="field narrow no-print">
        <label htmlFor="province-to">{t('sakip.province.until')}</label>
        <select id="province-to" value={view.to} onChange={(e) => navigate(`${path}?sampai=${e.target.value}`, { replace: true })}>
          {choices.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </div>
      {view.regions.length === 0 ? <p className="muted">{t('sakip.province.none')}</p> : (
        <div className="sakip-scroll">
          <table className="sakip-table akip-comparison">
            <caption>{t('sakip.province.caption', { from: view.from, to: view.to })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sakip.province.region')}</th>
                <th scope="col">{t('sakip.province.latest')}</th>
                <th scope="col">{t('sakip.province.change')}</th>
                {view.years.map((y) => <th key={y} scope="col" className="num">{y}</th>)}
                <th scope="col">{t('sakip.province.trend')}</th>
                <th scope="col" className="num">{t('sakip.province.targets', { year: view.targetsYear })}</th>
                <th scope="col">{t('sakip.province.efficiencyCol', { year: view.targetsYear })}</th>
              </tr>
            </thead>
            <tbody>
              {view.regions.map((r) => (
                <tr key={r.code} data-region={r.code}>
                  <th scope="row">{r.name}</th>
                  <td>{r.latest ? <><Predicate score={r.latest.score} predicate={r.latest.predicate} /> <span className="small muted">{r.latest.year} · {t(`sakip.province.source.${r.latest.source}`)}</span></> : <span className="muted">–</span>}</td>
                  <td><Change value={r.change} /></td>
                  {r.trend.map((p) => (
                    <td key={p.year} className="num">
                      {p.official ? <>{formatExact(p.official.score, locale)} <span className="small">{p.official.predicate.code}</span></> : <span className="muted">–</span>}
                      {p.internal && <div className="small muted" title={t('sakip.province.internal')}>{t('sakip.province.internalShort')} {formatExact(p.internal.score, locale)} {p.internal.predicate.code}</div>}
                    </td>
                  ))}
                  <td><Sparkline row={r} /></td>
                  <td className="num">{r.targets.percent === null ? <span className="muted">–</span> : <>{formatExact(r.targets.percent, locale)} % <span className="small muted">({r.targets.met}/{r.targets.withTarget})</span></>}</td>
                  <td className="efficiency-cell">
                    <EfficiencyValue efficiency={r.efficiency.efficiency} />
                    {r.efficiency.budget?.absorption && <div className="small muted">{t('sakip.budget.absorption')} {formatExact(r.efficiency.budget.absorption.percent, locale)} %</div>}
                    <div className="small muted">{pick(r.efficiency.method.label)}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="small muted">{t('sakip.province.how')}</p>
      <p className="small muted">{t('sakip.province.efficiency')}</p>
    </>
  );
}
