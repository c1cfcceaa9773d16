// The adoption map of Indonesia and the lineage graph, for anyone, phone
// first: provinces shaded by adoptions or by published solutions (an inline
// SVG from Natural Earth's outlines, no tiles, no map library), each a link
// to the catalogue of that province; who adopted from whom as a layered
// graph; and both as tables, the accessible alternative to the pictures and
// the easier read on a phone. Choosing a province (on the map or from the
// list) opens its kabupaten/kota level: each kabupaten/kota shaded by what its
// government adopted or published (the platform's geoBoundaries outlines,
// drawn by the shared choropleth, their attribution under the map), with a
// table of the same numbers. Filters (a module's packages, a kind, one
// solution) and the chosen province narrow the maps, the graph and the tables
// together and live in the address, so a filtered map can be shared.
import { useState } from 'react';
import { Choropleth, countClasses, countShade, NEUTRAL, type ShadedArea } from '../../../components/choropleth.js';
import { ErrorMessage, Loading, PageTitle } from '../../../components/ui.js';
import { useApi } from '../../../data.js';
import { formatDate } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, navigate, queryString, useLocation } from '../../../router.js';
import { cataloguePath, LL_API, mapPath, solutionPath } from '../components/paths.js';
import { layoutLineage, sourceKey } from '../components/lineage.js';
import type { Catalogue, Lineage, MapCounts, Outlines, RegencyMap } from '../components/types.js';
import { WIB } from './Public.js';
import '../components/livinglab.css';

type Measure = 'adoptions' | 'solutions';
const MEASURES: Record<string, Measure> = { adopsi: 'adoptions', solusi: 'solutions' };
// The colours of every shaded map in Pamong (components/choropleth.tsx).
const ZERO = NEUTRAL;
const provinceCatalogue = (code: string) => `${cataloguePath}${queryString({ province: code })}`;
/** The modules that offer configuration packages (README: complaints, layanan, spbe, sakip). */
const PACKAGE_MODULES = ['complaints', 'layanan', 'spbe', 'sakip'] as const;
const KINDS = ['package', 'application'] as const;
/** The address's words for the filters, and the API's. */
const FILTER_KEYS = { modul: 'module', jenis: 'kind', solusi: 'solution' } as const;
type Filters = { module: string; kind: string; solution: string };

export function MapPage() {
  const { t, locale } = useI18n();
  const { query } = useLocation();
  const measure: Measure = MEASURES[query.get('ukuran') ?? ''] ?? 'adoptions';
  const filters: Filters = { module: query.get('modul') ?? '', kind: query.get('jenis') ?? '', solution: query.get('solusi') ?? '' };
  // The province whose kabupaten/kota are shown (its Kemendagri code), or the whole of Indonesia.
  const province = /^\d\d$/.test(query.get('provinsi') ?? '') ? query.get('provinsi')! : '';
  const apiQuery = queryString(filters);
  const outlines = useApi<Outlines>(`${LL_API}/map/outlines`);
  const counts = useApi<MapCounts>(`${LL_API}/map${apiQuery}`);
  const lineage = useApi<Lineage>(`${LL_API}/lineage${apiQuery}`);
  const regencies = useApi<RegencyMap>(province ? `${LL_API}/map/provinces/${province}${apiQuery}` : null);
  const address = (m: Measure, f: Filters, p: string) => `${mapPath}${queryString({
    ukuran: m === 'solutions' ? 'solusi' : undefined,
    ...Object.fromEntries(Object.entries(FILTER_KEYS).map(([word, key]) => [word, f[key]])),
    provinsi: p || undefined,
  })}`;
  const choose = (m: Measure) => navigate(address(m, filters, province), { replace: true });
  const filter = (f: Filters) => navigate(address(measure, f, province), { replace: true });
  const open = (p: string) => navigate(address(measure, filters, p));
  const error = outlines.error ?? counts.error ?? lineage.error ?? regencies.error;
  const regional = province ? regencies.data : undefined;
  return (
    <div className="livinglab">
      <p><Link to={cataloguePath}>{t('livinglab.public.back')}</Link></p>
      <PageTitle title={t('livinglab.map.title')}>{t('livinglab.map.title')}</PageTitle>
      <p>{t('livinglab.map.intro')}</p>
      <MapFilters filters={filters} onChange={filter} />
      <ErrorMessage error={error} />
      {!outlines.data || !counts.data || !lineage.data || (province && !regional) ? (!error && <Loading />) : (
        <>
          <ProvinceChoice counts={counts.data} province={province} onChoose={open} />
          {regional
            ? <RegencyLevel map={regional} measure={measure} onMeasure={choose} whole={address(measure, filters, '')} />
            : <ProvinceMap outlines={outlines.data} counts={counts.data} measure={measure} onMeasure={choose} at={(p) => address(measure, filters, p)} />}
          <LineageGraph lineage={lineage.data} />
          <section aria-labelledby="ll-map-tables">
            <h2 id="ll-map-tables">{t('livinglab.map.tables')}</h2>
            {regional ? <RegencyTable map={regional} /> : <ProvinceTable counts={counts.data} outlines={outlines.data} />}
            <LineageTable lineage={lineage.data} date={(iso) => formatDate(iso, WIB, locale)} />
          </section>
          <p className="small muted">{t('livinglab.map.source')}</p>
        </>
      )}
    </div>
  );
}

function MapFilters({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
  const { t } = useI18n();
  // The solutions to choose from: the catalogue's first hundred (a shared link may name another: it is kept).
  const catalogue = useApi<Catalogue>(`${LL_API}/solutions${queryString({ perPage: 100, kind: filters.kind })}`);
  const solutions: (readonly [string, string])[] = (catalogue.data?.items ?? []).map((s) => [s.id, `${s.title} (${s.regionName})`] as const);
  if (filters.solution && !solutions.some(([id]) => id === filters.solution)) solutions.unshift([filters.solution, filters.solution]);
  const fields = [
    ['module', t('livinglab.map.filter.module'), PACKAGE_MODULES.map((m) => [m, t(`livinglab.map.module.${m}`)] as const)],
    ['kind', t('livinglab.kind'), KINDS.map((k) => [k, t(`livinglab.kind.${k}`)] as const)],
    ['solution', t('livinglab.map.solution'), solutions],
  ] as const;
  const any = filters.module || filters.kind || filters.solution;
  return (
    <fieldset className="livinglab-filters livinglab-map-filters">
      <legend>{t('livinglab.map.filter.legend')}</legend>
      {fields.map(([name, label, options]) => (
        <div className="field" key={name}>
          <label htmlFor={`ll-map-${name}`}>{label}</label>
          <select id={`ll-map-${name}`} value={filters[name]} onChange={(e) => onChange({ ...filters, [name]: e.target.value })}>
            <option value="">{t('livinglab.public.any')}</option>
            {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
          </select>
        </div>
      ))}
      {any && <p className="small"><button type="button" className="button secondary small" onClick={() => onChange({ module: '', kind: '', solution: '' })}>{t('livinglab.public.clearFilter')}</button></p>}
    </fieldset>
  );
}

/** The province whose kabupaten/kota to show, from the list (the map's provinces are links to the same). */
function ProvinceChoice({ counts, province, onChoose }: { counts: MapCounts; province: string; onChoose: (code: string) => void }) {
  const { t } = useI18n();
  return (
    <div className="field livinglab-province-choice">
      <label htmlFor="ll-map-province">{t('livinglab.map.level')}</label>
      <select id="ll-map-province" value={province} onChange={(e) => onChoose(e.target.value)}>
        <option value="">{t('livinglab.map.wholeCountry')}</option>
        {counts.provinces.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
      </select>
    </div>
  );
}

/** Shade by adoptions or by published solutions (both maps). */
function MeasureChoice({ measure, onMeasure }: { measure: Measure; onMeasure: (m: Measure) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="livinglab-measure">
      <legend>{t('livinglab.map.measure')}</legend>
      {(['adoptions', 'solutions'] as const).map((m) => (
        <label key={m}><input type="radio" name="ll-measure" checked={measure === m} onChange={() => onMeasure(m)} /> {t(`livinglab.map.measure.${m}`)}</label>
      ))}
    </fieldset>
  );
}

/** "3 adopsi" / "2 solusi terbit" */
function useUnit(measure: Measure) {
  const { t } = useI18n();
  return (n: number) => t(measure === 'adoptions' ? 'livinglab.map.nAdoptions' : 'livinglab.map.nSolutions', { n });
}

function ProvinceMap({ outlines, counts, measure, onMeasure, at }: { outlines: Outlines; counts: MapCounts; measure: Measure; onMeasure: (m: Measure) => void; at: (province: string) => string }) {
  const { t } = useI18n();
  const unit = useUnit(measure);
  const [active, setActive] = useState<string | null>(null);
  const byCode = new Map(counts.provinces.map((p) => [p.code, p]));
  // An outline drawn before a province was split carries the sum of the provinces inside it.
  const value = (covers: string[]) => covers.reduce((n, c) => n + (byCode.get(c)?.[measure] ?? 0), 0);
  const shapes = outlines.provinces.map((o) => ({ ...o, value: value(o.covers), names: o.covers.map((c) => byCode.get(c)?.name ?? c) }));
  const bins = countClasses(Math.max(0, ...shapes.map((s) => s.value)));
  const colour = (v: number) => countShade(v, bins);
  const label = (s: (typeof shapes)[number]) => `${s.names.join(', ')}: ${unit(s.value)}`;
  const shaded = shapes.filter((s) => s.value > 0);
  const shown = shapes.find((s) => s.code === active);
  return (
    <section aria-labelledby="ll-map">
      <h2 id="ll-map">{t('livinglab.map.mapTitle')}</h2>
      <MeasureChoice measure={measure} onMeasure={onMeasure} />
      <svg className="livinglab-map" viewBox={outlines.viewBox} role="img"
        aria-label={t('livinglab.map.svgLabel', { measure: t(`livinglab.map.measure.${measure}`), list: shaded.length ? shaded.map(label).join('; ') : t('livinglab.map.nothing') })}>
        {shapes.map((s) => (
          <a key={s.code} href={at(s.code)} aria-label={label(s)}
            onClick={(e) => { e.preventDefault(); navigate(at(s.code)); }}
            onMouseEnter={() => setActive(s.code)} onFocus={() => setActive(s.code)} onMouseLeave={() => setActive(null)} onBlur={() => setActive(null)}>
            <title>{label(s)}</title>
            <path d={s.d} fill={colour(s.value)} data-code={s.code} data-value={s.value} className={s.code === active ? 'active' : undefined} />
          </a>
        ))}
      </svg>
      <p className="small livinglab-map-focus" aria-hidden="true">{shown ? label(shown) : t('livinglab.map.hint')}</p>
      <ul className="livinglab-legend small" aria-label={t('livinglab.map.legend')}>
        <li><span className="swatch"><svg viewBox="0 0 1 1" aria-hidden="true"><rect width="1" height="1" fill={ZERO} /></svg></span>0</li>
        {bins.map((b) => (
          <li key={b.from}><span className="swatch"><svg viewBox="0 0 1 1" aria-hidden="true"><rect width="1" height="1" fill={colour(b.to)} /></svg></span>{b.from === b.to ? b.from : `${b.from}–${b.to}`}</li>
        ))}
      </ul>
      <p className="small muted">{t('livinglab.map.provinceLevel')}</p>
    </section>
  );
}

/** One province's kabupaten/kota shaded by what each one's government adopted or published, with the outlines' attribution. */
function RegencyLevel({ map, measure, onMeasure, whole }: { map: RegencyMap; measure: Measure; onMeasure: (m: Measure) => void; whole: string }) {
  const { t, pick } = useI18n();
  const unit = useUnit(measure);
  const areas: ShadedArea[] = map.regencies.flatMap((r) => (r.d === null ? [] : [{ code: r.code, d: r.d, value: r[measure], label: `${r.name}: ${unit(r[measure])}` }]));
  const undrawn = map.regencies.filter((r) => r.d === null).map((r) => r.name);
  const own = map.province;
  return (
    <section aria-labelledby="ll-map">
      <h2 id="ll-map">{t('livinglab.map.regencyTitle', { province: own.name })}</h2>
      <p className="small"><Link to={whole}>{t('livinglab.map.backToCountry')}</Link> · <Link to={provinceCatalogue(own.code)}>{t('livinglab.map.provinceCatalogue', { province: own.name })}</Link></p>
      <MeasureChoice measure={measure} onMeasure={onMeasure} />
      <Choropleth id="ll-regency-map" viewBox={map.viewBox} areas={areas} counts format={String}
        label={t('livinglab.map.regencyLabel', { province: own.name, measure: t(`livinglab.map.measure.${measure}`) })}
        legend={t('livinglab.map.legend')} noValue="" hint={t('livinglab.map.regencyHint')} />
      <p className="small">{t('livinglab.map.provinceOwn', { province: own.name, solutions: own.solutions, adoptions: own.adoptions })}</p>
      {undrawn.length > 0 && <p className="small">{t('livinglab.map.undrawn', { names: undrawn.join(', ') })}</p>}
      <p className="small muted livinglab-attribution">{pick(map.attribution)} {t('livinglab.map.boundaryYear', { year: map.year })}</p>
    </section>
  );
}

function RegencyTable({ map }: { map: RegencyMap }) {
  const { t } = useI18n();
  const rows = [...map.regencies, { ...map.province, name: t('livinglab.map.provinceGovernment', { province: map.province.name }) }];
  return (
    <div className="table-scroll"><table className="livinglab-table livinglab-regency-table">
      <caption>{t('livinglab.map.regencyTable', { province: map.province.name })}</caption>
      <thead><tr><th scope="col">{t('livinglab.map.regency')}</th><th scope="col" className="num">{t('livinglab.map.measure.solutions')}</th><th scope="col" className="num">{t('livinglab.map.measure.adoptions')}</th></tr></thead>
      <tbody>{rows.map((r) => (
        <tr key={r.code} data-code={r.code}>
          <th scope="row">{r.name}</th><td className="num">{r.solutions}</td><td className="num">{r.adoptions}</td>
        </tr>
      ))}</tbody>
    </table></div>
  );
}

const NODE_W = 170;
const NODE_H = 30;
const COL_W = 240;
const ROW_H = 46;

function LineageGraph({ lineage }: { lineage: Lineage }) {
  const { t } = useI18n();
  const g = layoutLineage(lineage.edges);
  const at = new Map(g.nodes.map((n) => [n.key, { x: 10 + n.layer * COL_W, y: 10 + n.row * ROW_H }]));
  const width = 20 + (g.layers - 1) * COL_W + NODE_W;
  const height = 20 + (g.rows - 1) * ROW_H + NODE_H;
  const short = (s: string) => (s.length > 22 ? `${s.slice(0, 21)}…` : s);
  return (
    <section aria-labelledby="ll-lineage">
      <h2 id="ll-lineage">{t('livinglab.map.lineageTitle')}</h2>
      {lineage.edges.length === 0 ? <p className="muted">{t('livinglab.map.noAdoptions')}</p> : (
        <svg className="livinglab-graph" viewBox={`0 0 ${width} ${height}`} role="img"
          aria-label={t('livinglab.map.graphLabel', { edges: lineage.edges.length, regions: g.nodes.length })}>
          <defs>
            <marker id="ll-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0 0L10 5L0 10z" fill="#1b6f65" />
            </marker>
          </defs>
          {g.links.map((l) => {
            const a = at.get(l.from)!;
            const b = at.get(l.to)!;
            const x1 = a.x + NODE_W;
            const y1 = a.y + NODE_H / 2;
            const x2 = b.x;
            const y2 = b.y + NODE_H / 2;
            const bend = Math.max(40, Math.abs(x2 - x1) / 2);
            return (
              <path key={`${l.from}→${l.to}`} d={`M${x1} ${y1}C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}`} fill="none" stroke="#1b6f65" strokeWidth="1.5" markerEnd="url(#ll-arrow)">
                <title>{l.titles.join('; ')}</title>
              </path>
            );
          })}
          {g.nodes.map((n) => {
            const p = at.get(n.key)!;
            return (
              <g key={n.key} transform={`translate(${p.x} ${p.y})`} className="livinglab-node" data-key={n.key}>
                <title>{n.label}</title>
                <rect width={NODE_W} height={NODE_H} rx="6" fill={n.key.startsWith('file:') ? '#fff4d6' : '#e5f4ea'} stroke="#5b6570" />
                <text x={NODE_W / 2} y={NODE_H / 2 + 5} textAnchor="middle" fontSize="13">{short(n.label)}</text>
              </g>
            );
          })}
        </svg>
      )}
      {lineage.truncated && <p className="small livinglab-warning">{t('livinglab.map.truncated', { n: lineage.edges.length })}</p>}
    </section>
  );
}

function ProvinceTable({ counts, outlines }: { counts: MapCounts; outlines: Outlines }) {
  const { t } = useI18n();
  // Provinces drawn inside another's outline (made after the boundaries were drawn).
  const within = new Map(outlines.provinces.flatMap((o) => o.covers.slice(1).map((c) => [c, o.name] as const)));
  return (
    <div className="table-scroll"><table className="livinglab-table livinglab-province-table">
      <caption>{t('livinglab.map.provinceTable')}</caption>
      <thead><tr><th scope="col">{t('livinglab.province')}</th><th scope="col" className="num">{t('livinglab.map.measure.solutions')}</th><th scope="col" className="num">{t('livinglab.map.measure.adoptions')}</th><th scope="col" className="num">{t('livinglab.map.adopters')}</th></tr></thead>
      <tbody>{counts.provinces.map((p) => (
        <tr key={p.code} data-code={p.code}>
          <th scope="row"><Link to={provinceCatalogue(p.code)}>{p.name}</Link>{within.has(p.code) && <div className="small muted">{t('livinglab.map.drawnWithin', { name: within.get(p.code)! })}</div>}</th>
          <td className="num">{p.solutions}</td><td className="num">{p.adoptions}</td><td className="num">{p.adopters}</td>
        </tr>
      ))}</tbody>
    </table></div>
  );
}

function LineageTable({ lineage, date }: { lineage: Lineage; date: (iso: string) => string }) {
  const { t } = useI18n();
  if (lineage.edges.length === 0) return null;
  return (
    <div className="table-scroll"><table className="livinglab-table livinglab-lineage-table">
      <caption>{t('livinglab.map.lineageTable')}</caption>
      <thead><tr><th scope="col">{t('livinglab.map.from')}</th><th scope="col">{t('livinglab.map.to')}</th><th scope="col">{t('livinglab.map.solution')}</th><th scope="col" className="num">{t('livinglab.version')}</th><th scope="col">{t('livinglab.map.date')}</th></tr></thead>
      <tbody>{lineage.edges.map((e, i) => (
        <tr key={`${sourceKey(e)}→${e.to.code}:${e.solutionId ?? i}`}>
          <td>{e.from.name}{e.from.installation && <div className="small muted">{t('livinglab.map.installation', { url: e.from.installation })}</div>}</td>
          <td>{e.to.name}</td>
          <td>{e.solutionId ? <Link to={solutionPath(e.solutionId)}>{e.title}</Link> : e.title}</td>
          <td className="num">{e.version}</td>
          <td>{date(e.adoptedAt)}</td>
        </tr>
      ))}</tbody>
    </table></div>
  );
}
