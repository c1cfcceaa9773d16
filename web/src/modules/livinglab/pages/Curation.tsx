// A curator's screen: the published solutions of the province and its
// kabupaten/kota (every one, for the platform's curator, a platform admin),
// from the public catalogue, featured first; each with its curation (featured,
// hidden with a reason the owner reads, superseded by another solution),
// loaded from the solution's page when opened. The API decides who reaches
// what. Reviews are hidden from the solution's public page.
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import { Pager, pageFrom } from '../../../components/Pager.js';
import { RegionGate } from '../../../components/RegionGate.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import { ErrorMessage, Flash, Loading, PageTitle } from '../../../components/ui.js';
import { useApi } from '../../../data.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, queryString, useLocation, type Params } from '../../../router.js';
import { useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';
import { LL_API, livinglabApi, solutionPath } from '../components/paths.js';
import type { Catalogue, CatalogueItem, Solution } from '../components/types.js';
import '../components/livinglab.css';

const PER_PAGE = 50;
export const curationPath = (region: string) => `/staff/${region}/livinglab/kurasi`;

export function CurationPage({ params }: { params: Params }) {
  return <StaffOnly region={params.region} permission="livinglab.curate"><RegionGate code={params.region}>{(region) => <Curation region={region} />}</RegionGate></StaffOnly>;
}

function Curation({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { query } = useLocation();
  const page = pageFrom(query);
  const everything = !!me?.user?.platformAdmin;
  const province = region.code.slice(0, 2);
  const list = useApi<Catalogue>(`${LL_API}/solutions${queryString({ province: everything ? undefined : province, page, perPage: PER_PAGE })}`);
  const items = list.data?.items ?? [];
  return (
    <div className="livinglab">
      <PageTitle title={t('livinglab.curation.title')}>{t('livinglab.curation.title')}</PageTitle>
      <p className="muted">{t(everything ? 'livinglab.curation.introAll' : 'livinglab.curation.intro', { region: region.name })}</p>
      <ErrorMessage error={list.error} />
      {!list.data ? (!list.error && <Loading />) : items.length === 0 ? <p className="muted">{t('livinglab.public.none')}</p> : (
        <ul className="livinglab-list livinglab-curation">{items.map((s) => (
          <li key={s.id}>
            <Link to={solutionPath(s.id)}><strong>{s.title}</strong></Link>
            {s.featured && <> <span className="livinglab-badge">{t('livinglab.featured')}</span></>}
            <div className="small muted">{s.regionName} · {t(`livinglab.kind.${s.kind}`)} · {t('livinglab.adopters', { n: s.adopters })}</div>
            <CurateOne curator={region.code} item={s} others={items.filter((o) => o.id !== s.id)} onDone={list.reload} />
          </li>
        ))}</ul>
      )}
      {list.data && <Pager page={page} hasNext={page * PER_PAGE < list.data.total} href={(p) => `${curationPath(region.code)}${queryString({ hal: p > 1 ? p : undefined })}`} />}
      <Hidden curator={region.code} onShown={list.reload} />
    </div>
  );
}

interface HiddenItems {
  solutions: { id: string; title: string; regionName: string; featured: boolean; curatorNote: string | null; supersededBy: string | null }[];
  reviews: { id: string; solutionId: string; solutionTitle: string; regionName: string; review: string; moderationNote: string | null }[];
}

/** What curators hid (gone from the catalogue above), each with its note and a way to show it again. */
function Hidden({ curator, onShown }: { curator: string; onShown: () => void }) {
  const { t } = useI18n();
  const hidden = useApi<HiddenItems>(`${livinglabApi(curator)}/curation/hidden`);
  const [error, setError] = useState<unknown>();
  const show = async (path: string, body: object) => {
    setError(undefined);
    try {
      await api(`${livinglabApi(curator)}/curation/${path}`, { method: 'PUT', body });
      hidden.reload();
      onShown();
    } catch (err) {
      setError(err);
    }
  };
  const data = hidden.data;
  return (
    <section aria-labelledby="ll-hidden">
      <h2 id="ll-hidden">{t('livinglab.curation.hiddenTitle')}</h2>
      <ErrorMessage error={hidden.error ?? error} />
      {!data ? (!hidden.error && <Loading />) : data.solutions.length + data.reviews.length === 0 ? <p className="muted">{t('livinglab.curation.hiddenNone')}</p> : (
        <ul className="livinglab-list">
          {data.solutions.map((s) => (
            <li key={s.id}>
              <strong>{s.title}</strong> <span className="small muted">· {s.regionName}</span>
              {s.curatorNote && <div className="small">{t('livinglab.curation.note')}: {s.curatorNote}</div>}
              <button type="button" className="button secondary" onClick={() => show(s.id, { featured: s.featured, hidden: false, note: s.curatorNote, supersededBy: s.supersededBy })}>
                {t('livinglab.curation.showSolution', { title: s.title })}
              </button>
            </li>
          ))}
          {data.reviews.map((r) => (
            <li key={r.id}>
              <Link to={solutionPath(r.solutionId)}>{r.solutionTitle}</Link> <span className="small muted">· {t('livinglab.curation.reviewBy', { region: r.regionName })}</span>
              <blockquote className="small">{r.review}</blockquote>
              {r.moderationNote && <div className="small">{t('livinglab.curation.note')}: {r.moderationNote}</div>}
              <button type="button" className="button secondary" onClick={() => show(`${r.solutionId}/ratings/${r.id}`, { hidden: false })}>
                {t('livinglab.curation.showReview', { region: r.regionName })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CurateOne({ curator, item, others, onDone }: { curator: string; item: CatalogueItem; others: CatalogueItem[]; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details className="small" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('livinglab.curation.edit', { title: item.title })}</summary>
      {open && <CurateForm curator={curator} item={item} others={others} onDone={onDone} />}
    </details>
  );
}

function CurateForm({ curator, item, others, onDone }: { curator: string; item: CatalogueItem; others: CatalogueItem[]; onDone: () => void }) {
  // The catalogue lists no curator's note: the solution's page has it.
  const full = useApi<Solution>(`${LL_API}/solutions/${encodeURIComponent(item.id)}`);
  const s = full.data;
  return <>
    <ErrorMessage error={full.error} />
    {!s ? (!full.error && <Loading />) : <Fields key={s.id} curator={curator} solution={s} others={others} onDone={onDone} />}
  </>;
}

function Fields({ curator, solution, others, onDone }: { curator: string; solution: Solution; others: CatalogueItem[]; onDone: () => void }) {
  const { t } = useI18n();
  const [f, setF] = useState({ featured: solution.featured, hidden: false, note: solution.curatorNote ?? '', supersededBy: solution.supersededBy ?? '' });
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const id = (name: string) => `ll-cur-${solution.id}-${name}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setDone(false);
    try {
      await api(`${livinglabApi(curator)}/curation/${solution.id}`, { method: 'PUT', body: { featured: f.featured, hidden: f.hidden, note: f.note || null, supersededBy: f.supersededBy || null } });
      setDone(true);
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit}>
      <div className="field"><label><input type="checkbox" checked={f.featured} onChange={(e) => setF({ ...f, featured: e.target.checked })} /> {t('livinglab.curation.featured')}</label></div>
      <div className="field"><label><input type="checkbox" checked={f.hidden} onChange={(e) => setF({ ...f, hidden: e.target.checked })} /> {t('livinglab.curation.hidden')}</label></div>
      <div className="field"><label htmlFor={id('note')}>{t('livinglab.curation.note')}</label>
        <input id={id('note')} type="text" maxLength={1000} required={f.hidden} value={f.note} onChange={(e) => setF({ ...f, note: e.target.value })} /></div>
      <div className="field"><label htmlFor={id('sup')}>{t('livinglab.curation.supersededBy')}</label>
        <select id={id('sup')} value={f.supersededBy} onChange={(e) => setF({ ...f, supersededBy: e.target.value })}>
          <option value="">{t('livinglab.curation.notSuperseded')}</option>
          {f.supersededBy && !others.some((o) => o.id === f.supersededBy) && <option value={f.supersededBy}>{f.supersededBy}</option>}
          {others.map((o) => <option key={o.id} value={o.id}>{o.title} ({o.regionName})</option>)}
        </select></div>
      <ErrorMessage error={error} />
      {done && <Flash>{t('livinglab.curation.saved')}</Flash>}
      <button type="submit" className="button secondary">{t('livinglab.curation.save')}</button>
    </form>
  );
}
