// The Living Lab for anyone, phone first: the catalogue of solutions regions
// published (Indonesian full-text search, filters by kind, domain, province
// and sector, its open data as JSON and CSV), and one solution's page (what it
// is, who to ask, its versions, its learning kit, who adopted it and what its
// owner adopted itself). One request per page; what shows is the API's.
import { useState, type FormEvent } from 'react';
import { Pager, pageFrom } from '../../../components/Pager.js';
import { ErrorMessage, Loading, PageTitle } from '../../../components/ui.js';
import { useApi } from '../../../data.js';
import { formatDate } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, navigate, queryString, useLocation, type Params } from '../../../router.js';
import { useSession } from '../../../session.js';
import type { RegionSummary } from '../../../types.js';
import { adoptPath, cataloguePath, LL_API, mapPath, solutionPath } from '../components/paths.js';
import type { Catalogue, Reference, Solution, Words } from '../components/types.js';
import { ImpactSection, RatingsSection } from '../components/Reviews.js';
import '../components/livinglab.css';

/** Catalogue dates: the platform's Indonesian default zone (the owner region's own is not in the list). */
export const WIB = { timezone: 'Asia/Jakarta', timezoneLabel: 'WIB' };
const PER_PAGE = 20;
// `tag` and `region` come from links (SPBE's leaders page: a practice's indicator and its region); the form keeps them.
const FILTERS = ['q', 'kind', 'domain', 'province', 'sector', 'tag', 'region'] as const;

export const useReference = () => useApi<Reference>(`${LL_API}/reference`);

export function CataloguePage() {
  const { t, locale } = useI18n();
  const { query } = useLocation();
  const page = pageFrom(query);
  const filters = Object.fromEntries(FILTERS.map((f) => [f, query.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const list = useApi<Catalogue>(`${LL_API}/solutions${queryString({ ...filters, page, perPage: PER_PAGE })}`);
  const ref = useReference();
  const regions = useApi<RegionSummary[]>('/api/regions');
  const provinces = (regions.data ?? []).filter((r) => r.code.length === 2);
  const [form, setForm] = useState(filters);
  const go = (e: FormEvent) => {
    e.preventDefault();
    navigate(`${cataloguePath}${queryString(form)}`);
  };
  const href = (p: number) => `${cataloguePath}${queryString({ ...filters, hal: p > 1 ? p : undefined })}`;
  const words = (w: Words | undefined) => (w ? w[locale] : '');
  return (
    <div className="livinglab">
      <PageTitle title={t('livinglab.public.title')}>{t('livinglab.public.title')}</PageTitle>
      <p>{t('livinglab.public.intro')}</p>
      <p><Link to={mapPath}>{t('livinglab.map.link')}</Link></p>
      <form onSubmit={go} className="livinglab-search" role="search">
        <div className="field">
          <label htmlFor="ll-q">{t('livinglab.public.search')}</label>
          <div className="input-row">
            <input id="ll-q" type="search" maxLength={200} value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} />
            <button type="submit" className="button">{t('livinglab.public.searchButton')}</button>
          </div>
        </div>
        <details className="livinglab-filters" open={FILTERS.slice(1).some((f) => filters[f]) || undefined}>
          <summary>{t('livinglab.public.filters')}</summary>
          {([
            ['kind', t('livinglab.kind'), [['package', t('livinglab.kind.package')], ['application', t('livinglab.kind.application')]]],
            ['domain', t('livinglab.domain'), Object.entries(ref.data?.domains ?? {}).map(([k, w]) => [k, words(w)])],
            ['province', t('livinglab.province'), provinces.map((p) => [p.code, p.name])],
            ['sector', t('livinglab.sector'), Object.entries(ref.data?.sectors ?? {}).map(([k, name]) => [k, `${k} ${name}`])],
          ] as const).map(([name, label, options]) => (
            <div className="field" key={name}>
              <label htmlFor={`ll-${name}`}>{label}</label>
              <select id={`ll-${name}`} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })}>
                <option value="">{t('livinglab.public.any')}</option>
                {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
              </select>
            </div>
          ))}
        </details>
      </form>
      {(filters.tag || filters.region) && (
        <p className="small">{t('livinglab.public.linkedFilter', { filter: [filters.tag, filters.region].filter(Boolean).join(' · ') })}{' '}
          <Link to={`${cataloguePath}${queryString({ ...filters, tag: undefined, region: undefined })}`}>{t('livinglab.public.clearFilter')}</Link></p>
      )}
      <ErrorMessage error={list.error} />
      {!list.data ? (!list.error && <Loading />) : (
        <>
          <p className="small muted" aria-live="polite">{t('livinglab.public.found', { n: list.data.total })}</p>
          {list.data.items.length === 0 ? <p className="muted">{t('livinglab.public.none')}</p> : (
            <ul className="livinglab-list">
              {list.data.items.map((s) => (
                <li key={s.id}>
                  <Link to={solutionPath(s.id)}><strong>{s.title}</strong></Link>
                  {s.featured && <> <span className="livinglab-badge">{t('livinglab.featured')}</span></>}
                  <div className="small">{s.summary}</div>
                  <div className="small muted">{s.regionName} · {t(`livinglab.kind.${s.kind}`)} · {t('livinglab.adopters', { n: s.adopters })}</div>
                  {s.duplicates && <div className="small livinglab-warning">{t('livinglab.duplicates', { name: ref.data?.nationalApplications[s.duplicates] ?? s.duplicates })}</div>}
                  {s.supersededBy && <div className="small muted"><Link to={solutionPath(s.supersededBy)}>{t('livinglab.superseded')}</Link></div>}
                </li>
              ))}
            </ul>
          )}
          <Pager page={page} hasNext={page * PER_PAGE < list.data.total} href={href} />
        </>
      )}
      <p className="small">{t('livinglab.public.openData')}{' '}
        <a href={`${LL_API}/catalogue.json`} download>JSON</a> · <a href={`${LL_API}/catalogue.csv`} download>CSV</a></p>
    </div>
  );
}

export function SolutionPage({ params }: { params: Params }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { query } = useLocation();
  const version = query.get('versi');
  const answer = useApi<Solution>(`${LL_API}/solutions/${encodeURIComponent(params.solutionId)}${queryString({ version })}`);
  const ref = useReference();
  const s = answer.data;
  const date = (iso: string) => formatDate(iso, WIB, locale);
  // The region the signed-in staff member works in: the first one they may adopt in.
  const adopter = me?.regions.find((r) => r.actions.includes('livinglab.adopt') && r.code !== s?.region.code);
  return (
    <div className="livinglab">
      <p><Link to={cataloguePath}>{t('livinglab.public.back')}</Link></p>
      <ErrorMessage error={answer.error} />
      {!s ? (!answer.error && <Loading />) : (
        <>
          <PageTitle title={s.title}>{s.title}</PageTitle>
          <p className="small muted">{s.region.name} · {t(`livinglab.kind.${s.kind}`)} · {t('livinglab.versionOf', { version: s.version, date: date(s.publishedAt) })}
            {s.featured && <> <span className="livinglab-badge">{t('livinglab.featured')}</span></>}</p>
          {s.version < s.latestVersion && <p className="alert"><Link to={solutionPath(s.id)}>{t('livinglab.solution.newer', { version: s.latestVersion })}</Link></p>}
          {s.supersededBy && <p className="alert"><Link to={solutionPath(s.supersededBy)}>{t('livinglab.superseded')}</Link></p>}
          {s.curatorNote && <p className="small"><strong>{t('livinglab.curatorNote')}:</strong> {s.curatorNote}</p>}
          <p>{s.summary}</p>
          {adopter && s.kind === 'package' && <p><Link className="button" to={adoptPath(adopter.code, s.id)}>{t('livinglab.adopt.button')}</Link></p>}
          {s.description && <p className="livinglab-text">{s.description}</p>}
          {s.application && (
            <section aria-labelledby="ll-app">
              <h2 id="ll-app">{t('livinglab.app.title')}</h2>
              {s.application.duplicates && <p className="livinglab-warning">{t('livinglab.duplicates', { name: ref.data?.nationalApplications[s.application.duplicates] ?? s.application.duplicates })}</p>}
              <dl className="livinglab-facts">
                <dt>{t('livinglab.app.ownerUnit')}</dt><dd>{s.application.ownerUnit}</dd>
                <dt>{t('livinglab.app.purpose')}</dt><dd>{s.application.purpose}</dd>
                <dt>{t('livinglab.app.type')}</dt><dd>{t(`livinglab.app.type.${s.application.type}`)}</dd>
                {s.application.licence && <><dt>{t('livinglab.app.licence')}</dt><dd>{s.application.licence}</dd></>}
                {s.application.repository && <><dt>{t('livinglab.app.repository')}</dt><dd><a href={s.application.repository} rel="noopener noreferrer nofollow">{s.application.repository}</a></dd></>}
                {s.application.stack && <><dt>{t('livinglab.app.stack')}</dt><dd>{s.application.stack}</dd></>}
                {s.application.hosting && <><dt>{t('livinglab.app.hosting')}</dt><dd>{s.application.hosting}</dd></>}
                {s.application.contact && <><dt>{t('livinglab.app.contact')}</dt><dd>{s.application.contact}</dd></>}
              </dl>
            </section>
          )}
          {s.package && (
            <section aria-labelledby="ll-pkg">
              <h2 id="ll-pkg">{t('livinglab.package.title')}</h2>
              <p>{s.package.summary[locale]}</p>
              {s.package.units.length > 0 && <>
                <p className="small">{t('livinglab.package.units')}</p>
                <ul className="small">{s.package.units.map((u) => <li key={u.code}>{u.name} <span className="muted">({u.code})</span></li>)}</ul>
              </>}
              <p className="small"><a href={`${LL_API}/solutions/${s.id}/versions/${s.version}/package`} download>{t('livinglab.package.file')}</a></p>
            </section>
          )}
          {s.mentor && (
            <section aria-labelledby="ll-mentor">
              <h2 id="ll-mentor">{t('livinglab.mentor')}</h2>
              <p>{s.mentor.name}{s.mentor.role && <>, {s.mentor.role}</>}<br /><span className="small">{s.mentor.contact}</span></p>
            </section>
          )}
          {s.kit.length > 0 && (
            <section aria-labelledby="ll-kit">
              <h2 id="ll-kit">{t('livinglab.kit.title')}</h2>
              <ul>{s.kit.map((f) => (
                <li key={f.id}><a href={`${LL_API}/solutions/${s.id}/kit/${f.id}`} download={f.fileName}>{f.title}</a>{' '}
                  <span className="small muted">({ref.data?.kitKinds[f.kind]?.[locale] ?? f.kind}, {Math.max(1, Math.round(f.size / 1024))} KB)</span></li>
              ))}</ul>
            </section>
          )}
          <section aria-labelledby="ll-versions">
            <h2 id="ll-versions">{t('livinglab.versions')}</h2>
            <ul className="livinglab-versions">{[...s.versions].sort((a, b) => b.number - a.number).map((v) => (
              <li key={v.number}><Link to={`${solutionPath(s.id)}?versi=${v.number}`}>{t('livinglab.versionN', { version: v.number })}</Link>{' '}
                <span className="small muted">{date(v.publishedAt)}</span>{v.changelog && <div className="small">{v.changelog}</div>}</li>
            ))}</ul>
          </section>
          <section aria-labelledby="ll-adopters">
            <h2 id="ll-adopters">{t('livinglab.adopters.title')}</h2>
            {s.adopters.length === 0 ? <p className="muted">{t('livinglab.adopters.none')}</p> : (
              <div className="table-scroll"><table className="livinglab-table">
                <thead><tr><th>{t('livinglab.region')}</th><th>{t('livinglab.version')}</th><th>{t('livinglab.adoptedAt')}</th></tr></thead>
                <tbody>{s.adopters.map((a) => <tr key={a.regionCode}><td>{a.regionName}</td><td>{a.version}</td><td>{date(a.adoptedAt)}</td></tr>)}</tbody>
              </table></div>
            )}
          </section>
          <RatingsSection solution={s} />
          <ImpactSection solution={s} />
          {s.adoptedFrom.length > 0 && (
            <section aria-labelledby="ll-from">
              <h2 id="ll-from">{t('livinglab.adoptedFrom')}</h2>
              <ul>{s.adoptedFrom.map((a, i) => (
                <li key={i}>{a.solutionId ? <Link to={solutionPath(a.solutionId)}>{a.title}</Link> : a.title}{' '}
                  <span className="small muted">({a.regionCode ?? t('livinglab.otherInstallation')}, {t('livinglab.versionN', { version: a.version })})</span></li>
              ))}</ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
