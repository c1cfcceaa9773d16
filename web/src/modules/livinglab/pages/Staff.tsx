// The Living Lab for a region's staff: the region's own solutions (drafts
// too) with their adopters and curators' notes, the region's adoptions with
// newer versions to take, a form for a new draft, and a solution's editor:
// its facts or its package (which module package and what of it), publishing
// a version with its changelog, and its learning kit. Who may do what is the
// API's rule; the forms show to those holding livinglab.publish.
import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../../api.js';
import { RegionGate } from '../../../components/RegionGate.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import { ErrorMessage, Flash, Loading, PageTitle } from '../../../components/ui.js';
import { formatDate } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { Link, navigate, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';
import { adoptPath, cataloguePath, importPath, livinglabApi, solutionPath, staffPath } from '../components/paths.js';
import type { Adoption, ApplicationFacts, OwnBrief, OwnSolution, PackageOffer } from '../components/types.js';
import { PortfolioNav } from './Portfolio.js';
import { useReference } from './Public.js';
import { DomainSectorFields } from '../components/Fields.js';
import '../components/livinglab.css';

export const editorPath = (region: string, id: string) => `${staffPath(region)}/solusi/${encodeURIComponent(id)}`;

export function LivinglabPage({ region, children }: { region: string; children: (region: RegionProfile) => ReactNode }) {
  return <StaffOnly region={region} permission="livinglab.read"><RegionGate code={region}>{children}</RegionGate></StaffOnly>;
}

export function HomePage({ params }: { params: Params }) {
  return <LivinglabPage region={params.region}>{(region) => <Home region={region} />}</LivinglabPage>;
}

function Home({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const own = useStaffApi<OwnBrief[]>(`${livinglabApi(region.code)}/solutions`);
  const adoptions = useStaffApi<Adoption[]>(`${livinglabApi(region.code)}/adoptions`);
  return (
    <div className="livinglab">
      <PageTitle title={t('livinglab.staff.title')}>{t('livinglab.staff.title')}</PageTitle>
      <p className="muted">{t('livinglab.staff.intro')} <Link to={cataloguePath}>{t('livinglab.staff.catalogueLink')}</Link>
        {may(me, region.code, 'livinglab.adopt') && <> · <Link to={importPath(region.code)}>{t('livinglab.import.title')}</Link></>}</p>
      {may(me, region.code, 'livinglab.portfolio.read') && <PortfolioNav region={region.code} />}
      <section aria-labelledby="ll-own">
        <h2 id="ll-own">{t('livinglab.staff.own')}</h2>
        <ErrorMessage error={own.error} />
        {!own.data ? (!own.error && <Loading />) : own.data.length === 0 ? <p className="muted">{t('livinglab.staff.ownNone')}</p> : (
          <ul className="livinglab-list">
            {own.data.map((s) => (
              <li key={s.id}>
                <Link to={editorPath(region.code, s.id)}><strong>{s.title}</strong></Link>{' '}
                <span className="small">{s.latestVersion === null ? t('livinglab.draft') : t('livinglab.versionN', { version: s.latestVersion })}</span>
                {s.featured && <> <span className="livinglab-badge">{t('livinglab.featured')}</span></>}
                {s.hidden && <> <span className="small livinglab-warning">{t('livinglab.hidden')}</span></>}
                <div className="small muted">{t(`livinglab.kind.${s.kind}`)} · {t('livinglab.adopters', { n: s.adopters })} · {formatDate(s.updatedAt, region, locale)}</div>
                {s.curatorNote && <div className="small"><strong>{t('livinglab.curatorNote')}:</strong> {s.curatorNote}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="ll-adoptions">
        <h2 id="ll-adoptions">{t('livinglab.staff.adoptions')}</h2>
        <ErrorMessage error={adoptions.error} />
        {!adoptions.data ? (!adoptions.error && <Loading />) : adoptions.data.length === 0 ? <p className="muted">{t('livinglab.staff.adoptionsNone')}</p> : (
          <ul className="livinglab-list">
            {adoptions.data.map((a) => (
              <li key={a.id}>
                {a.solutionId ? <Link to={solutionPath(a.solutionId)}><strong>{a.source.title}</strong></Link> : <strong>{a.source.title}</strong>}
                <div className="small muted">{a.source.region} · {t('livinglab.versionN', { version: a.version })} · {t('livinglab.applied', { n: a.applied })} · {formatDate(a.updatedAt, region, locale)}</div>
                {a.updateAvailable && a.solutionId && (
                  <div className="small"><strong className="livinglab-badge">{t('livinglab.staff.updateAvailable', { version: a.latestVersion ?? '' })}</strong>{' '}
                    {a.latestChangelog && <span>{a.latestChangelog} </span>}
                    {may(me, region.code, 'livinglab.adopt') && <Link to={adoptPath(region.code, a.solutionId)}>{t('livinglab.staff.takeUpdate')}</Link>}</div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {may(me, region.code, 'livinglab.publish') && (
        <section aria-labelledby="ll-new" className="card">
          <h2 id="ll-new">{t('livinglab.staff.new')}</h2>
          <SolutionForm region={region} onSaved={(s) => navigate(editorPath(region.code, s.id))} />
        </section>
      )}
    </div>
  );
}

type Form = {
  kind: 'package' | 'application'; packageKind: string; contentKeys: string[]; title: string; summary: string; description: string;
  domain: 'publik' | 'administrasi'; sector: string; mentorName: string; mentorRole: string; mentorContact: string;
  application: { ownerUnit: string; purpose: string; type: 'umum' | 'khusus'; duplicates: string; licence: string; repository: string; stack: string; hosting: string; contact: string };
};

const formOf = (s?: OwnSolution): Form => ({
  kind: s?.kind ?? 'application', packageKind: s?.packageKind ?? '', contentKeys: s?.contentKeys ?? [], title: s?.title ?? '', summary: s?.summary ?? '',
  description: s?.description ?? '', domain: s?.domain ?? 'publik', sector: s?.sector ?? '',
  mentorName: s?.mentor?.name ?? '', mentorRole: s?.mentor?.role ?? '', mentorContact: s?.mentor?.contact ?? '',
  application: {
    ownerUnit: s?.application?.ownerUnit ?? '', purpose: s?.application?.purpose ?? '', type: s?.application?.type ?? 'khusus', duplicates: s?.application?.duplicates ?? '',
    licence: s?.application?.licence ?? '', repository: s?.application?.repository ?? '', stack: s?.application?.stack ?? '', hosting: s?.application?.hosting ?? '', contact: s?.application?.contact ?? '',
  },
});

const bodyOf = (f: Form) => ({
  kind: f.kind, title: f.title, summary: f.summary, description: f.description, domain: f.domain, sector: f.sector || null,
  packageKind: f.kind === 'package' ? f.packageKind || null : null, contentKeys: f.kind === 'package' ? f.contentKeys : [],
  mentor: f.mentorName || f.mentorContact ? { name: f.mentorName, role: f.mentorRole, contact: f.mentorContact } : null,
  application: f.kind === 'application' ? {
    ...f.application, duplicates: (f.application.duplicates || null) as ApplicationFacts['duplicates'],
    licence: f.application.licence || null, repository: f.application.repository || null,
  } : null,
});

function SolutionForm({ region, solution, onSaved }: { region: RegionProfile; solution?: OwnSolution; onSaved: (s: OwnSolution) => void }) {
  const { t, locale } = useI18n();
  const ref = useReference();
  const offer = useStaffApi<PackageOffer>(`${livinglabApi(region.code)}/package-offer`);
  const [f, setF] = useState<Form>(() => formOf(solution));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<Form>) => setF({ ...f, ...patch });
  const setApp = (patch: Partial<Form['application']>) => setF({ ...f, application: { ...f.application, ...patch } });
  const chosen = offer.data?.find((o) => o.ref === f.packageKind);
  const id = (name: string) => `ll-${solution?.id ?? 'new'}-${name}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    setBusy(true);
    try {
      const path = solution ? `${livinglabApi(region.code)}/solutions/${solution.id}` : `${livinglabApi(region.code)}/solutions`;
      const answer = await api<OwnSolution>(path, { method: solution ? 'PUT' : 'POST', body: bodyOf(f) });
      setSaved(true);
      onSaved(answer);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const input = (name: keyof Form['application'], label: string, max: number, required = false) => (
    <div className="field">
      <label htmlFor={id(name)}>{label}</label>
      <input id={id(name)} type="text" maxLength={max} required={required} value={f.application[name]} onChange={(e) => setApp({ [name]: e.target.value })} />
    </div>
  );
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>{t('livinglab.kind')}</legend>
        {(['application', 'package'] as const).map((k) => (
          <label key={k}><input type="radio" name={id('kind')} checked={f.kind === k} onChange={() => set({ kind: k })} /> {t(`livinglab.kind.${k}`)}</label>
        ))}
      </fieldset>
      <div className="field"><label htmlFor={id('title')}>{t('livinglab.form.title')}</label>
        <input id={id('title')} type="text" required maxLength={200} value={f.title} onChange={(e) => set({ title: e.target.value })} /></div>
      <div className="field"><label htmlFor={id('summary')}>{t('livinglab.form.summary')}</label>
        <textarea id={id('summary')} rows={2} maxLength={500} value={f.summary} onChange={(e) => set({ summary: e.target.value })} /></div>
      <div className="field"><label htmlFor={id('description')}>{t('livinglab.form.description')}</label>
        <textarea id={id('description')} rows={5} maxLength={20000} value={f.description} onChange={(e) => set({ description: e.target.value })} /></div>
      <DomainSectorFields reference={ref.data} idOf={id} domain={f.domain} sector={f.sector} onChange={(patch) => set(patch as Partial<Form>)} />
      {f.kind === 'package' ? (
        <fieldset>
          <legend>{t('livinglab.package.title')}</legend>
          <div className="field"><label htmlFor={id('packageKind')}>{t('livinglab.form.packageKind')}</label>
            <select id={id('packageKind')} required value={f.packageKind} onChange={(e) => set({ packageKind: e.target.value, contentKeys: [] })}>
              <option value="">—</option>
              {offer.data?.map((o) => <option key={o.ref} value={o.ref}>{o.title[locale]}</option>)}
            </select></div>
          {offer.data && offer.data.length === 0 && <p className="muted small">{t('livinglab.form.noPackages')}</p>}
          {chosen && (
            <div className="livinglab-checks">
              <p className="small">{t('livinglab.form.contentHint')}</p>
              {chosen.candidates.map((c) => (
                <label key={c.key}><input type="checkbox" checked={f.contentKeys.includes(c.key)}
                  onChange={(e) => set({ contentKeys: e.target.checked ? [...f.contentKeys, c.key] : f.contentKeys.filter((k) => k !== c.key) })} /> {c.label}</label>
              ))}
            </div>
          )}
        </fieldset>
      ) : (
        <fieldset>
          <legend>{t('livinglab.app.title')}</legend>
          {input('ownerUnit', t('livinglab.app.ownerUnit'), 200, true)}
          {input('purpose', t('livinglab.app.purpose'), 2000, true)}
          <div className="field"><label htmlFor={id('type')}>{t('livinglab.app.type')}</label>
            <select id={id('type')} value={f.application.type} onChange={(e) => setApp({ type: e.target.value as 'umum' | 'khusus' })}>
              <option value="khusus">{t('livinglab.app.type.khusus')}</option><option value="umum">{t('livinglab.app.type.umum')}</option>
            </select></div>
          <div className="field"><label htmlFor={id('duplicates')}>{t('livinglab.app.duplicates')}</label>
            <select id={id('duplicates')} value={f.application.duplicates} onChange={(e) => setApp({ duplicates: e.target.value })}>
              <option value="">{t('livinglab.app.duplicatesNone')}</option>
              {Object.entries(ref.data?.nationalApplications ?? {}).map(([k, name]) => <option key={k} value={k}>{name}</option>)}
            </select></div>
          {input('licence', t('livinglab.app.licence'), 100)}
          {input('repository', t('livinglab.app.repository'), 500)}
          {input('stack', t('livinglab.app.stack'), 200)}
          {input('hosting', t('livinglab.app.hosting'), 200)}
          {input('contact', t('livinglab.app.contact'), 200)}
        </fieldset>
      )}
      <fieldset>
        <legend>{t('livinglab.mentor')}</legend>
        <div className="field"><label htmlFor={id('mentorName')}>{t('livinglab.form.mentorName')}</label>
          <input id={id('mentorName')} type="text" maxLength={200} value={f.mentorName} onChange={(e) => set({ mentorName: e.target.value })} /></div>
        <div className="field"><label htmlFor={id('mentorRole')}>{t('livinglab.form.mentorRole')}</label>
          <input id={id('mentorRole')} type="text" maxLength={200} value={f.mentorRole} onChange={(e) => set({ mentorRole: e.target.value })} /></div>
        <div className="field"><label htmlFor={id('mentorContact')}>{t('livinglab.form.mentorContact')}</label>
          <input id={id('mentorContact')} type="text" maxLength={200} value={f.mentorContact} onChange={(e) => set({ mentorContact: e.target.value })} /></div>
      </fieldset>
      <ErrorMessage error={error} />
      {saved && <Flash>{t('livinglab.form.saved')}</Flash>}
      <button type="submit" className="button" disabled={busy}>{solution ? t('livinglab.form.save') : t('livinglab.form.create')}</button>
    </form>
  );
}

export function EditorPage({ params }: { params: Params }) {
  return <LivinglabPage region={params.region}>{(region) => <Editor region={region} id={params.solutionId} />}</LivinglabPage>;
}

function Editor({ region, id }: { region: RegionProfile; id: string }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const path = `${livinglabApi(region.code)}/solutions/${encodeURIComponent(id)}`;
  const solution = useStaffApi<OwnSolution>(path);
  const s = solution.data;
  const canPublish = may(me, region.code, 'livinglab.publish');
  return (
    <div className="livinglab">
      <p><Link to={staffPath(region.code)}>{t('livinglab.staff.back')}</Link></p>
      <ErrorMessage error={solution.error} />
      {!s ? (!solution.error && <Loading />) : (
        <>
          <PageTitle title={s.title}>{s.title}</PageTitle>
          <p className="small muted">{s.latestVersion === null ? t('livinglab.draft') : <Link to={solutionPath(s.id)}>{t('livinglab.staff.publicPage', { version: s.latestVersion })}</Link>}</p>
          {s.curatorNote && <p className="small"><strong>{t('livinglab.curatorNote')}:</strong> {s.curatorNote}</p>}
          {s.package && <p className="small">{t('livinglab.staff.packageNow')}: {s.package.summary[locale]}</p>}
          {canPublish ? <>
            <section aria-labelledby="ll-edit" className="card">
              <h2 id="ll-edit">{t('livinglab.staff.edit')}</h2>
              <SolutionForm key={s.updatedAt} region={region} solution={s} onSaved={() => solution.reload()} />
            </section>
            <Publish path={path} onDone={() => solution.reload()} />
            <Kit region={region} solution={s} path={path} onDone={() => solution.reload()} />
          </> : <p className="muted">{t('error.forbidden')}</p>}
          {s.versions.length > 0 && (
            <section aria-labelledby="ll-versions">
              <h2 id="ll-versions">{t('livinglab.versions')}</h2>
              <ul className="livinglab-versions">{[...s.versions].sort((a, b) => b.number - a.number).map((v) => (
                <li key={v.number}>{t('livinglab.versionN', { version: v.number })} <span className="small muted">{formatDate(v.publishedAt, region, locale)}</span>
                  {v.changelog && <div className="small">{v.changelog}</div>}</li>
              ))}</ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}

function Publish({ path, onDone }: { path: string; onDone: () => void }) {
  const { t } = useI18n();
  const [changelog, setChangelog] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<number | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setDone(null);
    try {
      const answer = await api<OwnSolution>(`${path}/publish`, { method: 'POST', body: { changelog } });
      setDone(answer.latestVersion);
      setChangelog('');
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="ll-publish" className="card">
      <h2 id="ll-publish">{t('livinglab.publish.title')}</h2>
      <form onSubmit={submit}>
        <div className="field"><label htmlFor="ll-changelog">{t('livinglab.publish.changelog')}</label>
          <textarea id="ll-changelog" rows={2} maxLength={2000} value={changelog} onChange={(e) => setChangelog(e.target.value)} /></div>
        <ErrorMessage error={error} />
        {done !== null && <Flash>{t('livinglab.publish.done', { version: done })}</Flash>}
        <button type="submit" className="button">{t('livinglab.publish.button')}</button>
      </form>
    </section>
  );
}

function Kit({ region, solution, path, onDone }: { region: RegionProfile; solution: OwnSolution; path: string; onDone: () => void }) {
  const { t, locale } = useI18n();
  const ref = useReference();
  const [kind, setKind] = useState('sop');
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!file) return;
    setError(undefined);
    const form = new FormData();
    form.append('bagian', JSON.stringify({ kind, title }));
    form.append('berkas', file);
    try {
      await api(`${path}/kit`, { method: 'POST', body: form });
      setTitle('');
      setFile(null);
      (e.target as HTMLFormElement).reset();
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  const remove = async (fileId: string) => {
    setError(undefined);
    try {
      await api(`${path}/kit/${fileId}`, { method: 'DELETE' });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="ll-kit" className="card">
      <h2 id="ll-kit">{t('livinglab.kit.title')}</h2>
      {solution.kit.length === 0 ? <p className="muted">{t('livinglab.kit.none')}</p> : (
        <ul>{solution.kit.map((f) => (
          <li key={f.id}><a href={`${livinglabApi(region.code)}/solutions/${solution.id}/kit/${f.id}`} download={f.fileName}>{f.title}</a>{' '}
            <span className="small muted">({ref.data?.kitKinds[f.kind]?.[locale] ?? f.kind})</span>{' '}
            <button type="button" className="button secondary small" onClick={() => remove(f.id)}>{t('common.remove')}</button></li>
        ))}</ul>
      )}
      <form onSubmit={submit}>
        <div className="field"><label htmlFor="ll-kit-kind">{t('livinglab.kit.kind')}</label>
          <select id="ll-kit-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {Object.entries(ref.data?.kitKinds ?? {}).map(([k, w]) => <option key={k} value={k}>{w[locale]}</option>)}
          </select></div>
        <div className="field"><label htmlFor="ll-kit-title">{t('livinglab.kit.fileTitle')}</label>
          <input id="ll-kit-title" type="text" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} /></div>
        <div className="field"><label htmlFor="ll-kit-file">{t('livinglab.kit.file')}</label>
          <input id="ll-kit-file" type="file" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <small className="hint">{t('livinglab.kit.hint')}</small></div>
        <ErrorMessage error={error} />
        <button type="submit" className="button secondary">{t('livinglab.kit.upload')}</button>
      </form>
    </section>
  );
}
