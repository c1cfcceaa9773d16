// The province's page: its kabupaten/kota side by side on every figure of
// the leader's page, ranked by the figure chosen (where its better direction
// is known), each figure saying when Pamong read it; the chosen figure's
// last twelve months for the best and the worst; a map of the province's
// kabupaten/kota shaded by the same figure (outlines from geoBoundaries,
// CC BY 3.0 IGO, attributed under it; the table is its accessible
// equivalent); and what waits on the governor. The table scrolls inside its
// frame on a phone.
import './pimpinan.css';
import { useState } from 'react';
import type { components } from '../../../api-types.js';
import { LineChart } from '../../../components/charts.js';
import { Choropleth, type ShadedArea } from '../../../components/choropleth.js';
import { RegionGate } from '../../../components/RegionGate.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import { ErrorMessage, Loading, PageTitle } from '../../../components/ui.js';
import { formatDateTime, formatNumber } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { Link, type Params } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';
import { AttentionList } from '../components/AttentionList.js';

type Province = components['schemas']['PimpinanProvince'];
type Row = Province['regions'][number];
type Tile = Province['tiles'][number];
type ProvinceMap = components['schemas']['PimpinanProvinceMap'];

export function ProvincePage({ params }: { params: Params }) {
  return (
    <StaffOnly region={params.region} permission="pimpinan.read">
      <RegionGate code={params.region}>{(region) => <ProvinceView region={region} />}</RegionGate>
    </StaffOnly>
  );
}

/** Regions by their rank on a figure, unranked last, then by name. */
const byRank = (rows: Row[], ref: string) => [...rows].sort((a, b) => {
  const ra = a.figures.find((f) => f.ref === ref)?.rank ?? Number.POSITIVE_INFINITY;
  const rb = b.figures.find((f) => f.ref === ref)?.rank ?? Number.POSITIVE_INFINITY;
  return ra - rb || a.name.localeCompare(b.name);
});

function ProvinceView({ region }: { region: RegionProfile }) {
  const { t, pick, locale } = useI18n();
  const [chosen, setChosen] = useState<string | null>(null);
  const base = `/api/regions/${region.code}/pimpinan/provinsi`;
  const page = useStaffApi<Province>(chosen ? `${base}?tile=${encodeURIComponent(chosen)}` : base);
  const data = page.data;
  const ranked = data?.tiles.filter((x) => x.better) ?? [];
  const ref = chosen ?? ranked[0]?.ref ?? null;
  const rows = data && ref ? byRank(data.regions, ref) : data?.regions ?? [];
  const tile = data?.tiles.find((x) => x.ref === ref);
  return (
    <div className="pimpinan">
      <PageTitle title={`${t('pimpinan.province.title')} · ${region.name}`}>{t('pimpinan.province.title')} · {region.name}</PageTitle>
      <p className="subnav"><Link to={`/staff/${region.code}/pimpinan`}>{t('pimpinan.title')}</Link></p>
      <p className="muted">{t('pimpinan.province.intro')}</p>
      <ErrorMessage error={page.error} />
      {!data ? (!page.error && <Loading />) : (
        <>
          <AttentionList region={region} items={data.attention} unread={data.attentionUnread} />
          <div className="field">
            <label htmlFor="province-rank">{t('pimpinan.province.rankBy')}</label>
            <select id="province-rank" value={ref ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {ranked.map((x) => <option key={x.ref} value={x.ref}>{pick(x.moduleTitle)}: {pick(x.title)}</option>)}
            </select>
          </div>
          {tile && <p className="small muted">{pick(tile.method)}</p>}
          {tile && <KabKotaMap region={region} rows={data.regions} tile={tile} />}
          <div className="table-scroll">
            <table className="pimpinan-adoption">
              <caption>{t('pimpinan.province.caption', { province: region.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('pimpinan.province.region')}</th>
                  {data.tiles.map((x) => <th key={x.ref} scope="col">{pick(x.title)}</th>)}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.code}>
                    <th scope="row">{r.leaderPage ? <Link to={`/staff/${r.code}/pimpinan`}>{r.name}</Link> : r.name}</th>
                    {data.tiles.map((x) => {
                      const f = r.figures.find((y) => y.ref === x.ref);
                      if (!f || f.value === null) return <td key={x.ref}>–</td>;
                      return (
                        <td key={x.ref} title={t('pimpinan.province.takenAt', { at: formatDateTime(f.takenAt, region, locale) })}>
                          {formatNumber(f.value, locale, 2)}
                          {f.rank !== null && <span className="small muted"> #{f.rank}</span>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.regions.length === 0 && <p className="muted">{t('pimpinan.province.none')}</p>}
          {tile && <History region={region.code} tile={tile.ref} title={pick(tile.title)} rows={rows} history={data.history} onLoad={() => setChosen(tile.ref)} />}
        </>
      )}
    </div>
  );
}

/** The chosen figure's last twelve months for the first and the last of the ranking. */
function History({ tile, title, rows, history, onLoad }: { region: string; tile: string; title: string; rows: Row[]; history: Province['history']; onLoad: () => void }) {
  const { t, locale } = useI18n();
  if (!history || history.ref !== tile) {
    return <p><button type="button" className="link-button" onClick={onLoad}>{t('pimpinan.province.showHistory')}</button></p>;
  }
  const ends = rows.length > 1 ? [rows[0], rows[rows.length - 1]] : rows;
  const series = ends.map((r, i) => ({
    name: r.name, className: `line-${i + 1}`,
    values: history.regions.find((x) => x.code === r.code)?.values ?? history.months.map(() => null),
  }));
  if (series.every((s) => s.values.every((v) => v === null))) return <p className="muted">{t('pimpinan.trend.empty')}</p>;
  return <LineChart title={t('pimpinan.trend.title', { title })} labels={history.months} series={series} format={(v) => formatNumber(v, locale, 2)} />;
}

/** The province's kabupaten/kota shaded by the chosen figure; a kabupaten/kota without it (not in Pamong yet, or not read) hatched. */
function KabKotaMap({ region, rows, tile }: { region: RegionProfile; rows: Row[]; tile: Tile }) {
  const { t, pick, locale } = useI18n();
  const map = useStaffApi<ProvinceMap>(`/api/regions/${region.code}/pimpinan/provinsi/peta`);
  if (!map.data) return map.error ? <ErrorMessage error={map.error} /> : <Loading />;
  const figures = new Map(rows.map((r) => [r.code, r.figures.find((f) => f.ref === tile.ref)]));
  const number = (v: number) => formatNumber(v, locale, 2);
  const title = pick(tile.title);
  const areas: ShadedArea[] = map.data.areas.flatMap((a) => {
    if (a.d === null) return [];
    const f = figures.get(a.code);
    const value = f?.value ?? null;
    const label = value === null ? t('pimpinan.province.map.noValue', { name: a.name })
      : f?.rank != null ? t('pimpinan.province.map.ranked', { name: a.name, value: number(value), rank: f.rank })
        : t('pimpinan.province.map.value', { name: a.name, value: number(value) });
    return [{ code: a.code, d: a.d, value, label }];
  });
  const undrawn = map.data.areas.filter((a) => a.d === null).map((a) => a.name);
  return (
    <section aria-labelledby="province-map">
      <h2 id="province-map">{t('pimpinan.province.map.title', { title })}</h2>
      <Choropleth id="province-map-shades" viewBox={map.data.viewBox} areas={areas} format={number}
        label={t('pimpinan.province.map.label', { province: region.name, title })} legend={t('pimpinan.province.map.legend')}
        noValue={t('pimpinan.province.map.none')} hint={t('pimpinan.province.map.hint')} />
      {tile.better && <p className="small">{t(tile.better === 'higher' ? 'pimpinan.province.map.higher' : 'pimpinan.province.map.lower')}</p>}
      {undrawn.length > 0 && <p className="small">{t('pimpinan.province.map.undrawn', { names: undrawn.join(', ') })}</p>}
      <p className="small muted">{pick(map.data.attribution)} {t('pimpinan.province.map.year', { year: map.data.year })}</p>
    </section>
  );
}
