// Adopting in a region: the preview of another region's package as a
// readable diff against this region's configuration (lines to add checked,
// lines that differ unchecked with ours and theirs per field, lines already
// the same greyed), the source's units mapped to this region's own (the
// suggestion preselected; a change of mapping previews again), then one
// adoption writing only the lines chosen. A package file from another Pamong
// installation goes the same way, read in the browser.
import { useEffect, useState, type ChangeEvent } from 'react';
import { api } from '../../../api.js';
import { ErrorMessage, Flash, Loading, PageTitle } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, type Params } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';
import { livinglabApi, solutionPath, staffPath } from '../components/paths.js';
import type { Change, Preview } from '../components/types.js';
import { LivinglabPage } from './Staff.js';
import '../components/livinglab.css';

export function AdoptPage({ params }: { params: Params }) {
  return <LivinglabPage region={params.region}>{(region) => <Adopt region={region} solutionId={params.solutionId} />}</LivinglabPage>;
}

function Adopt({ region, solutionId }: { region: RegionProfile; solutionId: string }) {
  const { t } = useI18n();
  return (
    <div className="livinglab">
      <p><Link to={staffPath(region.code)}>{t('livinglab.staff.back')}</Link> · <Link to={solutionPath(solutionId)}>{t('livinglab.adopt.sourceLink')}</Link></p>
      <Adoption region={region} source={{ solutionId }} />
    </div>
  );
}

export function ImportPage({ params }: { params: Params }) {
  return <LivinglabPage region={params.region}>{(region) => <Import region={region} />}</LivinglabPage>;
}

function Import({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const [file, setFile] = useState<{ name: string; content: unknown } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const read = async (e: ChangeEvent<HTMLInputElement>) => {
    setError(null);
    setFile(null);
    const chosen = e.target.files?.[0];
    if (!chosen) return;
    try {
      setFile({ name: chosen.name, content: JSON.parse(await chosen.text()) });
    } catch {
      setError(t('livinglab.import.notJson'));
    }
  };
  return (
    <div className="livinglab">
      <p><Link to={staffPath(region.code)}>{t('livinglab.staff.back')}</Link></p>
      <PageTitle title={t('livinglab.import.title')}>{t('livinglab.import.title')}</PageTitle>
      <p className="muted">{t('livinglab.import.intro')}</p>
      <div className="field">
        <label htmlFor="ll-import">{t('livinglab.import.file')}</label>
        <input id="ll-import" type="file" accept="application/json,.json" onChange={read} />
      </div>
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      {file && <Adoption key={file.name} region={region} source={{ file: file.content }} />}
    </div>
  );
}

type Source = { solutionId: string } | { file: unknown };

function Adoption({ region, source }: { region: RegionProfile; source: Source }) {
  const { t, locale } = useI18n();
  const base = livinglabApi(region.code);
  const fromFile = 'file' in source;
  const [unitMap, setUnitMap] = useState<Record<string, string> | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>();
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [applied, setApplied] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    setError(undefined);
    api<Preview>(`${base}/${fromFile ? 'imports' : 'adoptions'}/preview`, { method: 'POST', body: { ...source, unitMap: unitMap ?? {} }, reads: true, signal: abort.signal }).then((p) => {
      setPreview(p);
      // The first preview's suggestions become the mapping shown (and sent).
      if (unitMap === null) setUnitMap(Object.fromEntries(p.units.filter((u) => u.unitId).map((u) => [u.code, u.unitId!])));
    }, (err) => !abort.signal.aborted && setError(err));
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [base, fromFile, JSON.stringify(source), JSON.stringify(unitMap)]);

  const isTaken = (c: Change) => c.kind !== 'same' && (chosen[c.key] ?? c.kind === 'add');
  const adopt = async () => {
    if (!preview) return;
    setError(undefined);
    setBusy(true);
    try {
      const take = preview.changes.filter(isTaken).map((c) => c.key);
      const body = fromFile ? { ...source, unitMap: unitMap ?? {}, take } : { ...source, version: preview.source.version, unitMap: unitMap ?? {}, take };
      const answer = await api<{ id: string; applied: number }>(`${base}/${fromFile ? 'imports' : 'adoptions'}`, { method: 'POST', body });
      setApplied(answer.applied);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!preview) return <>{error ? <ErrorMessage error={error} /> : <Loading />}</>;
  const p = preview;
  const counts = { add: 0, change: 0, same: 0 };
  for (const c of p.changes) counts[c.kind] += 1;
  return (
    <>
      <PageTitle title={t('livinglab.adopt.title', { title: p.source.title })}>{t('livinglab.adopt.title', { title: p.source.title })}</PageTitle>
      <p className="small muted">{p.source.region.name}{p.source.installation && <> ({p.source.installation})</>} · {t('livinglab.versionN', { version: p.source.version })}
        {p.adoptedVersion !== null && <> · {t('livinglab.adopt.adoptedBefore', { version: p.adoptedVersion })}</>}</p>
      {p.summary && <p>{p.summary[locale]}</p>}
      {p.units.length > 0 && (
        <section aria-labelledby="ll-units">
          <h2 id="ll-units">{t('livinglab.adopt.units')}</h2>
          <p className="small">{t('livinglab.adopt.unitsHint')}</p>
          {p.units.map((u) => (
            <div className="field" key={u.code}>
              <label htmlFor={`ll-unit-${u.code}`}>{u.name} <span className="muted small">({u.code})</span></label>
              <select id={`ll-unit-${u.code}`} value={unitMap?.[u.code] ?? ''} onChange={(e) => {
                const next = { ...(unitMap ?? {}) };
                if (e.target.value) next[u.code] = e.target.value;
                else delete next[u.code];
                setApplied(null);
                setUnitMap(next);
              }}>
                <option value="">{t('livinglab.adopt.unitNone')}</option>
                {p.yourUnits.map((y) => <option key={y.id} value={y.id}>{y.name}</option>)}
              </select>
            </div>
          ))}
        </section>
      )}
      <section aria-labelledby="ll-changes">
        <h2 id="ll-changes">{t('livinglab.adopt.changes')}</h2>
        <p className="small">{t('livinglab.adopt.counts', counts)}</p>
        <div className="table-scroll"><table className="livinglab-table livinglab-diff">
          <thead><tr><th>{t('livinglab.adopt.take')}</th><th>{t('livinglab.adopt.item')}</th><th>{t('livinglab.adopt.what')}</th></tr></thead>
          <tbody>{p.changes.map((c) => (
            <tr key={c.key} className={c.kind}>
              <td>{c.kind === 'same' ? <span className="muted">—</span> : (
                <input type="checkbox" aria-label={`${t('livinglab.adopt.take')}: ${c.label}`} checked={isTaken(c)}
                  onChange={(e) => setChosen({ ...chosen, [c.key]: e.target.checked })} />
              )}</td>
              <td>{c.label}<div className="small muted">{t(`livinglab.adopt.kind.${c.kind}`)}</div></td>
              <td>{c.kind === 'change' ? (
                <dl className="small">{c.fields.map((f) => (
                  <div key={f.field}><dt>{f.field}</dt><dd>{t('livinglab.adopt.ours')}: <del>{f.ours ?? '—'}</del><br />{t('livinglab.adopt.theirs')}: <ins>{f.theirs ?? '—'}</ins></dd></div>
                ))}</dl>
              ) : c.kind === 'add' ? <span className="small">{c.fields.map((f) => `${f.field}: ${f.theirs ?? '—'}`).join(' · ')}</span> : null}</td>
            </tr>
          ))}</tbody>
        </table></div>
      </section>
      <ErrorMessage error={error} />
      {applied !== null && <Flash>{t('livinglab.adopt.applied', { n: applied })}</Flash>}
      <button type="button" className="button" disabled={busy || applied !== null} onClick={adopt}>{t('livinglab.adopt.confirm', { n: p.changes.filter(isTaken).length })}</button>
    </>
  );
}
