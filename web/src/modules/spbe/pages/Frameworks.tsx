// Platform admin: the evaluation frameworks and their versions; a draft
// version's names, weights, criteria and predicate bands are edited here with
// the running weight sum in view. Activation is the API's decision (weights
// must sum to exactly 100): its refusal is shown as it comes.
import { useState, type ReactNode } from 'react';
import { api, ApiError } from '../../../api.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import { ErrorMessage, Flash, Loading, PageTitle, When } from '../../../components/ui.js';
import { formatDecimal } from '../components/common.js';
import type { Framework, FrameworkDocument, Version } from '../components/types.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, navigate, type Params } from '../../../router.js';
import { useSession } from '../../../session.js';

/** Platform times have no region: shown in Jakarta time (WIB), where the ministry sits. */
const PLATFORM_ZONE = { timezone: 'Asia/Jakarta', timezoneLabel: 'WIB' };
const versionPath = (framework: string, version: number) => `/spbe/kerangka/${framework}/${version}`;
const versionApi = (framework: string, version: number) => `/api/spbe/frameworks/${encodeURIComponent(framework)}/versions/${version}`;

function AdminOnly({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const { t } = useI18n();
  return (
    <StaffOnly>
      {me?.user?.platformAdmin ? children : <p className="alert alert-error" role="alert">{t('error.forbidden')}</p>}
    </StaffOnly>
  );
}

export function FrameworksPage() {
  return <AdminOnly><FrameworkList /></AdminOnly>;
}

function FrameworkList() {
  const { t, pick } = useI18n();
  const list = useStaffApi<Framework[]>('/api/spbe/frameworks');
  const [error, setError] = useState<unknown>(null);
  const copy = async (framework: string, version: number) => {
    setError(null);
    try {
      const created = await api<Version>(`/api/spbe/frameworks/${encodeURIComponent(framework)}/versions`, { method: 'POST', body: { copyFrom: version } });
      navigate(versionPath(framework, created.version));
    } catch (err) {
      setError(err);
    }
  };
  if (list.error) return <ErrorMessage error={list.error} />;
  if (!list.data) return <Loading />;
  return (
    <>
      <PageTitle title={t('spbe.fw.title')}>{t('spbe.fw.title')}</PageTitle>
      <p className="muted">{t('spbe.fw.intro')}</p>
      <ErrorMessage error={error} />
      {list.data.map((f) => (
        <section key={f.code} className="card" aria-labelledby={`fw-${f.code}`}>
          <h2 id={`fw-${f.code}`}>{pick(f.name)} <span className="muted small code">{f.code}</span></h2>
          {f.regulation && <p className="small">{f.regulation}</p>}
          {f.note && <p className="small muted">{f.note}</p>}
          {f.versions.length === 0 ? <p className="muted small">{t('spbe.fw.noVersions')}</p> : (
            <div className="spbe-scroll">
              <table className="spbe-table">
                <thead>
                  <tr>
                    <th scope="col">{t('spbe.fw.version')}</th>
                    <th scope="col">{t('spbe.fw.status')}</th>
                    <th scope="col" className="num">{t('spbe.fw.indicators')}</th>
                    <th scope="col" className="num">{t('spbe.fw.weightSum')}</th>
                    <th scope="col">{t('spbe.fw.updated')}</th>
                    <th scope="col">{t('spbe.fw.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {f.versions.map((v) => (
                    <tr key={v.id}>
                      <th scope="row"><Link to={versionPath(f.code, v.version)}>{t('spbe.framework.version', { n: v.version })}</Link></th>
                      <td><span className={`badge fw-${v.status}`}>{t(`spbe.fw.status.${v.status}`)}</span></td>
                      <td className="num">{v.indicatorCount}</td>
                      <td className="num">{v.weightSum}{v.problems.length > 0 && <span className="badge badge-red">{t('spbe.fw.problems', { n: v.problems.length })}</span>}</td>
                      <td><When at={v.updatedAt} zone={PLATFORM_ZONE} /></td>
                      <td>
                        <button type="button" className="link-button" onClick={() => void copy(f.code, v.version)}>
                          {t('spbe.fw.copy', { n: v.version })}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  );
}

export function VersionPage({ params }: { params: Params }) {
  return <AdminOnly><VersionLoader framework={params.framework} version={Number(params.version)} /></AdminOnly>;
}

function VersionLoader({ framework, version }: { framework: string; version: number }) {
  const v = useStaffApi<Version>(versionApi(framework, version));
  if (v.error) return <ErrorMessage error={v.error} />;
  if (!v.data) return <Loading />;
  return <Editor key={v.data.status} version={v.data} onChanged={v.reload} />;
}

/** Weights have at most 4 decimals: summed in ten-thousandths they add up exactly. */
const TEN_THOUSANDTHS = 10_000;
const toUnits = (text: string): number | null => {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 && Math.abs(n * TEN_THOUSANDTHS - Math.round(n * TEN_THOUSANDTHS)) < 1e-6 ? Math.round(n * TEN_THOUSANDTHS) : null;
};

function Editor({ version, onChanged }: { version: Version; onChanged: () => void }) {
  const { t, pick, locale } = useI18n();
  const editable = version.status === 'draft';
  const [doc, setDoc] = useState<FrameworkDocument>(() => structuredClone(version.document) as FrameworkDocument);
  const [weights, setWeights] = useState<Record<string, string>>(() => Object.fromEntries(version.document.indicators.map((i) => [i.code, String(i.weight)])));
  const [note, setNote] = useState(version.note);
  const [open, setOpen] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const change = (next: FrameworkDocument) => {
    setDoc(next);
    setDirty(true);
    setFlash(null);
  };
  const units = doc.indicators.map((i) => toUnits(weights[i.code] ?? ''));
  const invalid = doc.indicators.filter((_, k) => units[k] === null).map((i) => i.number);
  const sum = units.reduce<number>((s, u) => s + (u ?? 0), 0);
  const sumText = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 4 }).format(sum / TEN_THOUSANDTHS);
  const aspectSum = (aspect: string) => doc.indicators.reduce((s, ind, k) => s + (ind.aspect === aspect ? units[k] ?? 0 : 0), 0) / TEN_THOUSANDTHS;
  const url = versionApi(version.framework, version.version);

  const built = (): FrameworkDocument => ({ ...doc, indicators: doc.indicators.map((i, k) => ({ ...i, weight: (units[k] ?? 0) / TEN_THOUSANDTHS })) });
  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    setFlash(null);
    try {
      const done = await work();
      if (done) setFlash(done);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    await api(url, { method: 'PUT', body: { document: built(), note } });
    setDirty(false);
  };
  const problems = error instanceof ApiError ? ((error.details as { problems?: { path: string; message: { id: string; en: string } }[] } | undefined)?.problems ?? []) : [];

  const setIndicator = (code: string, patch: Partial<FrameworkDocument['indicators'][number]>) =>
    change({ ...doc, indicators: doc.indicators.map((i) => (i.code === code ? { ...i, ...patch } : i)) });
  const setCriterion = (code: string, level: number, field: CriterionField, text: string) => {
    const ind = doc.indicators.find((i) => i.code === code)!;
    const { provisional, pedoman, ...edited } = { ...(ind.criteria[String(level)] ?? { id: null, en: null }), [field]: text || null };
    // The Pedoman wording is optional: an emptied field removes it rather than storing an empty text.
    const withPedoman = pedoman ? { ...edited, pedoman } : edited;
    // Indonesian written here replaces a provisional placeholder, so it is no longer marked as one.
    setIndicator(code, { criteria: { ...ind.criteria, [String(level)]: field === 'id' || !provisional ? withPedoman : { ...withPedoman, provisional } } });
  };
  const bi = (label: string, value: { id: string; en: string }, set: (v: { id: string; en: string }) => void) => (
    <>
      <td><input type="text" aria-label={`${label} (Bahasa Indonesia)`} value={value.id} maxLength={500} required onChange={(e) => set({ ...value, id: e.target.value })} /></td>
      <td><input type="text" aria-label={`${label} (English)`} lang="en" value={value.en} maxLength={500} required onChange={(e) => set({ ...value, en: e.target.value })} /></td>
    </>
  );

  return (
    <>
      <p><Link to="/spbe/kerangka">{t('spbe.fw.back')}</Link></p>
      <PageTitle title={`${version.framework} · ${t('spbe.framework.version', { n: version.version })}`}>
        {version.framework} · {t('spbe.framework.version', { n: version.version })} <span className={`badge fw-${version.status}`}>{t(`spbe.fw.status.${version.status}`)}</span>
      </PageTitle>
      {!editable && <p className="alert alert-warn">{t('spbe.fw.readOnly')}</p>}
      <div className={`card weight-sum${sum === 100 * TEN_THOUSANDTHS && invalid.length === 0 ? ' ok' : ' off'}`} role="status" aria-live="polite">
        <strong>{t('spbe.fw.sum', { sum: sumText })}</strong>{' '}
        {sum === 100 * TEN_THOUSANDTHS ? t('spbe.fw.sumOk') : t('spbe.fw.sumOff')}
        {invalid.length > 0 && <span className="small"> {t('spbe.fw.invalidWeights', { list: invalid.join(', ') })}</span>}
      </div>
      {flash && <Flash>{flash}</Flash>}
      <ErrorMessage error={error} />
      {problems.length > 0 && <ul className="small problems">{problems.map((p, i) => <li key={i}><code>{p.path}</code>: {pick(p.message)}</li>)}</ul>}
      {editable && (
        <div className="button-row sticky-actions">
          <button type="button" className="button" disabled={busy || invalid.length > 0} onClick={() => void run(async () => { await save(); onChanged(); return t('spbe.fw.saved'); })}>{t('spbe.fw.save')}</button>
          <button type="button" className="button secondary" disabled={busy || invalid.length > 0} onClick={() => void run(async () => {
            if (dirty) await save();
            await api(`${url}/activate`, { method: 'POST' });
            onChanged();
            return null;
          })}>{t('spbe.fw.activate')}</button>
          {confirmDelete ? (
            <span className="confirm">
              <span className="confirm-question">{t('spbe.fw.deleteConfirm')}</span>
              <button type="button" className="button danger" disabled={busy} onClick={() => void run(async () => {
                await api(url, { method: 'DELETE' });
                navigate('/spbe/kerangka');
                return null;
              })}>{t('spbe.fw.deleteYes')}</button>
              <button type="button" className="link-button" onClick={() => setConfirmDelete(false)}>{t('spbe.fw.deleteNo')}</button>
            </span>
          ) : <button type="button" className="button danger" disabled={busy} onClick={() => setConfirmDelete(true)}>{t('spbe.fw.delete')}</button>}
        </div>
      )}
      <fieldset disabled={!editable} className="fw-editor">
        <div className="field">
          <label htmlFor="fw-note">{t('spbe.fw.note')}</label>
          <input id="fw-note" type="text" maxLength={2000} value={note} onChange={(e) => { setNote(e.target.value); setDirty(true); }} />
        </div>

        <h2>{t('spbe.fw.predicates')}</h2>
        <div className="spbe-scroll">
          <table className="spbe-table">
            <thead><tr><th scope="col">{t('spbe.fw.nameId')}</th><th scope="col">{t('spbe.fw.nameEn')}</th><th scope="col">{t('spbe.fw.min')}</th><th scope="col">{t('spbe.fw.max')}</th><th scope="col">{t('spbe.fw.topInclusive')}</th><th scope="col" /></tr></thead>
            <tbody>
              {doc.predicates.map((b, k) => {
                const set = (patch: Partial<typeof b>) => change({ ...doc, predicates: doc.predicates.map((x, j) => (j === k ? { ...x, ...patch } : x)) });
                return (
                  <tr key={k}>
                    {bi(t('spbe.fw.bandName', { n: k + 1 }), b.name, (name) => set({ name }))}
                    <td><input type="number" step={0.01} min={0} aria-label={t('spbe.fw.bandMin', { n: k + 1 })} value={b.min} onChange={(e) => set({ min: Number(e.target.value) })} /></td>
                    <td><input type="number" step={0.01} min={0} aria-label={t('spbe.fw.bandMax', { n: k + 1 })} value={b.max} onChange={(e) => set({ max: Number(e.target.value) })} /></td>
                    <td><input type="checkbox" aria-label={t('spbe.fw.topInclusive')} checked={b.maxInclusive} onChange={(e) => set({ maxInclusive: e.target.checked })} /></td>
                    <td>{doc.predicates.length > 1 && <button type="button" className="link-button" onClick={() => change({ ...doc, predicates: doc.predicates.filter((_, j) => j !== k) })}>{t('common.remove')}</button>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button type="button" className="button secondary" onClick={() => change({ ...doc, predicates: [...doc.predicates, { name: { id: '', en: '' }, min: 0, max: 0, maxInclusive: false }] })}>{t('spbe.fw.addBand')}</button>

        <h2>{t('spbe.fw.levels')}</h2>
        <div className="spbe-scroll">
          <table className="spbe-table">
            <thead><tr><th scope="col">{t('spbe.table.level')}</th><th scope="col">{t('spbe.fw.nameId')}</th><th scope="col">{t('spbe.fw.nameEn')}</th></tr></thead>
            <tbody>
              {doc.levels.map((l, k) => (
                <tr key={l.level}>
                  <th scope="row">{l.level}</th>
                  {bi(t('spbe.fw.levelName', { n: l.level }), l.name, (name) => change({ ...doc, levels: doc.levels.map((x, j) => (j === k ? { ...x, name } : x)) }))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        {doc.domains.length > 0 && (
          <>
            <h2>{t('spbe.table.domains')}</h2>
            <div className="spbe-scroll">
              <table className="spbe-table">
                <thead><tr><th scope="col">{t('spbe.table.code')}</th><th scope="col">{t('spbe.fw.nameId')}</th><th scope="col">{t('spbe.fw.nameEn')}</th></tr></thead>
                <tbody>
                  {doc.domains.map((d, k) => (
                    <tr key={d.code}>
                      <th scope="row">{d.code}</th>
                      {bi(t('spbe.fw.domainName', { code: d.code }), d.name, (name) => change({ ...doc, domains: doc.domains.map((x, j) => (j === k ? { ...x, name } : x)) }))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}

        <h2>{t('spbe.fw.aspectsAndIndicators')}</h2>
        {doc.aspects.map((a, k) => (
          <section key={a.code} className="fw-aspect">
            <div className="spbe-scroll">
              <table className="spbe-table">
                <caption>{a.code}{a.domain ? ` (${a.domain})` : ''} · {pick(a.name)} — {t('spbe.fw.aspectWeight', { w: formatDecimal(aspectSum(a.code), locale, 0) })}</caption>
                <thead><tr><th scope="col">{t('spbe.table.no')}</th><th scope="col">{t('spbe.fw.nameId')}</th><th scope="col">{t('spbe.fw.nameEn')}</th><th scope="col">{t('spbe.table.weight')}</th><th scope="col" /></tr></thead>
                <tbody>
                  <tr className="aspect-row">
                    <th scope="row">{a.code}</th>
                    {bi(t('spbe.fw.aspectName', { code: a.code }), a.name, (name) => change({ ...doc, aspects: doc.aspects.map((x, j) => (j === k ? { ...x, name } : x)) }))}
                    <td /><td />
                  </tr>
                  {doc.indicators.filter((i) => i.aspect === a.code).map((i) => (
                    <IndicatorRows key={i.code} i={i} levels={doc.levels.map((l) => l.level)} open={open === i.code} onToggle={() => setOpen(open === i.code ? null : i.code)}
                      weight={weights[i.code] ?? ''} onWeight={(w) => { setWeights({ ...weights, [i.code]: w }); setDirty(true); setFlash(null); }}
                      nameCells={bi(t('spbe.fw.indicatorName', { n: i.number }), i.name, (name) => setIndicator(i.code, { name }))}
                      onCriterion={(level, lang, text) => setCriterion(i.code, level, lang, text)} />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </fieldset>
    </>
  );
}

/** The texts of one level's criteria an admin can edit: the regulation's Indonesian, the English summary, the Pedoman wording. */
type CriterionField = 'id' | 'en' | 'pedoman';

function IndicatorRows({ i, levels, open, onToggle, weight, onWeight, nameCells, onCriterion }: {
  i: FrameworkDocument['indicators'][number]; levels: number[]; open: boolean; onToggle: () => void; weight: string; onWeight: (w: string) => void;
  nameCells: ReactNode; onCriterion: (level: number, field: CriterionField, text: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <tr>
        <th scope="row">{i.number}</th>
        {nameCells}
        <td><input type="text" inputMode="decimal" className="weight-input" aria-label={t('spbe.fw.weightOf', { n: i.number })} value={weight} onChange={(e) => onWeight(e.target.value)} /></td>
        <td><button type="button" className="link-button" aria-expanded={open} onClick={onToggle}>{t('spbe.fw.criteria')}</button></td>
      </tr>
      {open && (
        <tr className="criteria-row">
          <td colSpan={5}>
            {levels.map((level) => (
              <div key={level} className="criteria-pair">
                <label>{t('spbe.fw.criterion', { n: i.number, level })} (Bahasa Indonesia)
                  <textarea rows={2} maxLength={4000} value={i.criteria[String(level)]?.id ?? ''} onChange={(e) => onCriterion(level, 'id', e.target.value)} />
                </label>
                <label lang="en">{t('spbe.fw.criterion', { n: i.number, level })} (English)
                  <textarea rows={2} maxLength={4000} value={i.criteria[String(level)]?.en ?? ''} onChange={(e) => onCriterion(level, 'en', e.target.value)} />
                </label>
                <label className="criteria-pedoman">{t('spbe.fw.pedoman', { n: i.number, level })} <small className="hint">{t('spbe.fw.pedomanHint')}</small>
                  <textarea rows={2} maxLength={4000} value={i.criteria[String(level)]?.pedoman ?? ''} onChange={(e) => onCriterion(level, 'pedoman', e.target.value)} />
                </label>
              </div>
            ))}
          </td>
        </tr>
      )}
    </>
  );
}
