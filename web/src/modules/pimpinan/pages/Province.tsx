// The province's page: its kabupaten/kota side by side on every figure of
// the leader's page, ranked by the figure chosen (where its better direction
// is known), each figure saying when Pamong read it; the chosen figure's
// last twelve months for the best and the worst; and what waits on the
// governor. The table scrolls inside its frame on a phone.
import './pimpinan.css';
import { useState } from 'react';
import type { components } from '../../../api-types.js';
import { LineChart } from '../../../components/charts.js';
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
          <p className="small muted">{t('pimpinan.province.noMap')}</p>
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
