// The internal AKIP evaluation (PermenPANRB 88/2021 worksheet): the year's
// evaluations and KemenPANRB's official results; one evaluation with its
// stage, each unit's answers with evidence (a note or link, and files), the
// evaluator's letter and note per sub-komponen, the score and predicate, the
// recommendations and their follow-up; and its printable report. Scores
// come from the API (computed there from the pinned worksheet); this page
// only shows them.
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import { ErrorMessage, Flash, Loading, PageTitle, When } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, navigate, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { Me, RegionProfile } from '../../../types.js';
import { formatExact, SakipPage, sakipApi, sakipPath, toApiDecimal, unitsReached } from '../components/common.js';
import { EVIDENCE_ACCEPT, EvidenceList } from '../components/evidence.js';
import type { AnswerEvidence, Evaluation, EvaluationBrief, OfficialResult } from '../components/types.js';

const evaluationsUrl = (region: string) => `${sakipApi(region)}/evaluations`;
const evaluationUrl = (region: string, id: string) => `${evaluationsUrl(region)}/${encodeURIComponent(id)}`;
export const evaluationPath = (region: string, id?: string, rest = '') => sakipPath(region, `/evaluasi${id ? `/${id}` : ''}${rest}`);

type Sub = Evaluation['components'][number]['subComponents'][number];
type Recommendation = Evaluation['recommendations'][number];

/** A score with its predicate, as published. */
export function Predicate({ score, predicate }: { score: string | null | undefined; predicate: { code: string; label: string } | null | undefined }) {
  const { locale } = useI18n();
  if (!score || !predicate) return <span className="muted">–</span>;
  return <span className="akip-predicate"><strong>{formatExact(score, locale)}</strong> <span className={`badge predicate-${predicate.code}`} title={predicate.label}>{predicate.code}</span></span>;
}

/** Units this person answers for (the roles of sakip.answer). */
function answerableUnits(me: Me | undefined, region: string, ev: Evaluation): Evaluation['units'] {
  if (!may(me, region, 'sakip.answer')) return [];
  const reach = unitsReached(me, region, ['sakip_coordinator', 'sakip_planner', 'unit_head']);
  return reach === null ? ev.units : ev.units.filter((u) => reach.has(u.id));
}

// ---------------------------------------------------------------------------
// The list: evaluations by year, opening one, KemenPANRB's results

export function EvaluationsPage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <EvaluationsView region={region} />}</SakipPage>;
}

function EvaluationsView({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  const list = useStaffApi<EvaluationBrief[]>(evaluationsUrl(region.code));
  const results = useStaffApi<OfficialResult[]>(`${sakipApi(region.code)}/official-results`);
  return (
    <>
      <PageTitle title={t('sakip.eval.title')}>{t('sakip.eval.title')}</PageTitle>
      <p className="small muted">{t('sakip.eval.intro')}</p>
      <ErrorMessage error={list.error} />
      {!list.data ? <Loading /> : list.data.length === 0 ? <p className="muted">{t('sakip.eval.none')}</p> : (
        <div className="sakip-scroll"><table className="sakip-table">
          <caption>{t('sakip.eval.caption')}</caption>
          <thead><tr><th scope="col">{t('sakip.plan.year')}</th><th scope="col">{t('sakip.eval.stage')}</th><th scope="col">{t('sakip.eval.score')}</th></tr></thead>
          <tbody>
            {[...list.data].reverse().map((e) => (
              <tr key={e.id}>
                <th scope="row"><Link to={evaluationPath(region.code, e.id)}>{t('sakip.eval.of', { year: e.year })}</Link></th>
                <td><span className={`badge eval-${e.status}`}>{t(`sakip.eval.status.${e.status}`)}</span></td>
                <td><Predicate score={e.score} predicate={e.predicate} /></td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
      {may(me, region.code, 'sakip.evaluate') && <OpenEvaluation region={region} />}
      <h2>{t('sakip.results.title')}</h2>
      <p className="small muted">{t('sakip.results.intro')}</p>
      <ErrorMessage error={results.error} />
      {results.data && (results.data.length === 0 ? <p className="muted">{t('sakip.results.none')}</p> : (
        <div className="sakip-scroll"><table className="sakip-table akip-results">
          <caption>{t('sakip.results.caption')}</caption>
          <thead><tr><th scope="col">{t('sakip.plan.year')}</th><th scope="col">{t('sakip.eval.score')}</th><th scope="col">{t('sakip.results.source')}</th><th scope="col">{t('sakip.results.recorded')}</th></tr></thead>
          <tbody>
            {[...results.data].reverse().map((r) => (
              <tr key={r.year}>
                <th scope="row">{r.year}</th>
                <td><Predicate score={r.score} predicate={r.predicate} /></td>
                <td className="small">{r.source || '–'}</td>
                <td className="small">{r.recorded.by}, <When at={r.recorded.at} zone={region} /></td>
              </tr>
            ))}
          </tbody>
        </table></div>
      ))}
      {may(me, region.code, 'sakip.results') && <RecordResult region={region} reload={results.reload} />}
    </>
  );
}

function OpenEvaluation({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const created = await api<Evaluation>(evaluationsUrl(region.code), { method: 'POST', body: { year: Number(year) } });
      navigate(evaluationPath(region.code, created.id));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card no-print" onSubmit={submit}>
      <h2>{t('sakip.eval.open')}</h2>
      <div className="field narrow">
        <label htmlFor="eval-year">{t('sakip.plan.year')}</label>
        <input id="eval-year" type="number" min={2000} max={2100} required value={year} onChange={(e) => setYear(e.target.value)} />
      </div>
      <p className="small muted">{t('sakip.eval.openHelp')}</p>
      <ErrorMessage error={error} />
      <button type="submit" className="button">{t('sakip.eval.openButton')}</button>
    </form>
  );
}

function RecordResult({ region, reload }: { region: RegionProfile; reload: () => void }) {
  const { t } = useI18n();
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [score, setScore] = useState('');
  const [source, setSource] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<OfficialResult | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    try {
      setSaved(await api<OfficialResult>(`${sakipApi(region.code)}/official-results/${Number(year)}`, { method: 'PUT', body: { score: toApiDecimal(score), source: source.trim() } }));
      setScore('');
      reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card no-print" onSubmit={submit}>
      <h3>{t('sakip.results.record')}</h3>
      <div className="sakip-toolbar">
        <div className="field narrow">
          <label htmlFor="result-year">{t('sakip.plan.year')}</label>
          <input id="result-year" type="number" min={2000} max={2100} required value={year} onChange={(e) => setYear(e.target.value)} />
        </div>
        <div className="field narrow">
          <label htmlFor="result-score">{t('sakip.results.scoreLabel')}</label>
          <input id="result-score" inputMode="decimal" required value={score} onChange={(e) => setScore(e.target.value)} placeholder="72,35" />
        </div>
      </div>
      <div className="field">
        <label htmlFor="result-source">{t('sakip.results.source')}</label>
        <input id="result-source" type="text" maxLength={2000} value={source} onChange={(e) => setSource(e.target.value)} />
      </div>
      <p className="small muted">{t('sakip.results.help')}</p>
      {saved && <Flash>{t('sakip.results.saved', { year: saved.year, predicate: saved.predicate.code })}</Flash>}
      <ErrorMessage error={error} />
      <button type="submit" className="button">{t('sakip.results.recordButton')}</button>
    </form>
  );
}

// ---------------------------------------------------------------------------
// One evaluation

export function EvaluationPage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <EvaluationView region={region} id={params.evaluationId} />}</SakipPage>;
}

const nextStage: Partial<Record<Evaluation['status'], Evaluation['status'][]>> = { draft: ['answering'], answering: ['reviewing'], reviewing: ['answering', 'final'] };

function EvaluationView({ region, id }: { region: RegionProfile; id: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const url = evaluationUrl(region.code, id);
  const data = useStaffApi<Evaluation>(url);
  // Evidence files: evaluators and the coordinator see all, a unit's answerers their unit's; others none.
  const files = useStaffApi<AnswerEvidence[]>(may(me, region.code, 'sakip.evaluate') || may(me, region.code, 'sakip.answer') ? `${url}/evidence` : null);
  const [error, setError] = useState<unknown>(null);
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data) return <Loading />;
  const ev = data.data;
  const evaluator = may(me, region.code, 'sakip.evaluate');
  const answerable = ev.status === 'answering' ? answerableUnits(me, region.code, ev) : [];
  const move = async (status: Evaluation['status']) => {
    if (status === 'final' && !window.confirm(t('sakip.eval.finalConfirm'))) return;
    setError(null);
    try {
      await api(`${url}/status`, { method: 'PUT', body: { status } });
      data.reload();
    } catch (err) {
      setError(err);
    }
  };
  const title = t('sakip.eval.of', { year: ev.year });
  return (
    <>
      <p className="no-print"><Link to={evaluationPath(region.code)}>{t('sakip.eval.back')}</Link></p>
      <PageTitle title={title}>{title}</PageTitle>
      <dl className="sakip-facts">
        <div><dt>{t('sakip.eval.stage')}</dt><dd><span className={`badge eval-${ev.status}`}>{t(`sakip.eval.status.${ev.status}`)}</span></dd></div>
        <div><dt>{t('sakip.eval.worksheet')}</dt><dd className="small">{ev.regulation} ({ev.worksheetVersion})</dd></div>
        <div><dt>{t('sakip.eval.score')}</dt><dd>{ev.score.complete ? <Predicate score={ev.score.total} predicate={ev.score.predicate} /> : <span className="small muted">{t('sakip.eval.missing', { n: ev.score.missing.length })}</span>}</dd></div>
        {ev.final && <div><dt>{t('sakip.eval.finalised')}</dt><dd className="small">{ev.final.by}, <When at={ev.final.at} zone={region} /></dd></div>}
      </dl>
      <div className="button-row no-print">
        <Link className="button secondary" to={evaluationPath(region.code, ev.id, '/laporan')}>{t('sakip.eval.report')}</Link>
        {evaluator && (nextStage[ev.status] ?? []).map((s) => (
          <button key={s} type="button" className={s === 'final' ? 'button' : 'button secondary'} onClick={() => void move(s)}>{t(`sakip.eval.to.${s}`)}</button>
        ))}
      </div>
      <ErrorMessage error={error} />
      <h2>{t('sakip.eval.units')}</h2>
      <ul className="small">{ev.units.map((u) => <li key={u.id}>{u.name}: {t('sakip.eval.answered', { n: u.answered, total: u.criteria })}</li>)}</ul>
      {answerable.length > 0 && <AnswerForm url={url} ev={ev} units={answerable} reload={data.reload} region={region} files={files.data ?? []} reloadFiles={files.reload} />}
      <h2>{t('sakip.eval.worksheetTitle')}</h2>
      {ev.components.map((c) => (
        <section key={c.code} className="akip-component">
          <h3>{c.code}. {c.name} <span className="small muted">({t('sakip.eval.weight', { w: c.weight })}{c.score ? ` · ${t('sakip.eval.value', { v: c.score })}` : ''})</span></h3>
          {c.subComponents.map((s) => <SubComponent key={s.code} sub={s} ev={ev} url={url} canReview={evaluator && ev.status === 'reviewing'} reload={data.reload} region={region} files={files.data ?? []} />)}
        </section>
      ))}
      <h2>{t('sakip.eval.notes')}</h2>
      {evaluator && ev.status !== 'final' ? <NotesForm url={url} notes={ev.notes} reload={data.reload} /> : <p>{ev.notes || <span className="muted">–</span>}</p>}
      <h2>{t('sakip.rec.title')}</h2>
      <Recommendations region={region} ev={ev} url={url} reload={data.reload} />
    </>
  );
}

function SubComponent({ sub, ev, url, canReview, reload, region, files }: { sub: Sub; ev: Evaluation; url: string; canReview: boolean; reload: () => void; region: RegionProfile; files: AnswerEvidence[] }) {
  const { t, locale } = useI18n();
  const [letter, setLetter] = useState(sub.letter ?? '');
  const [note, setNote] = useState(sub.note);
  const [error, setError] = useState<unknown>(null);
  const unitName = new Map(ev.units.map((u) => [u.id, u.name]));
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`${url}/reviews/${encodeURIComponent(sub.code)}`, { method: 'PUT', body: { letter, note } });
      reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="card akip-sub" data-sub={sub.code}>
      <h4>{sub.code} {sub.name}</h4>
      <p className="small">
        {t('sakip.eval.weight', { w: sub.weight })} · {t('sakip.eval.letter')}: <strong>{sub.letter ?? '–'}</strong>
        {sub.score && <> · {t('sakip.eval.value', { v: formatExact(sub.score, locale) })}</>}
        {sub.suggestions.some((x) => x.letter) && <span className="muted"> · {t('sakip.eval.suggested')} {sub.suggestions.filter((x) => x.letter).map((x) => `${unitName.get(x.unitId)}: ${x.letter} (${x.met}/${x.total})`).join('; ')}</span>}
      </p>
      {sub.note && !canReview && <p className="small">{sub.note}</p>}
      <details>
        <summary className="small">{t('sakip.eval.criteria', { n: sub.criteria.length })}</summary>
        <ol className="akip-criteria small">
          {sub.criteria.map((k) => (
            <li key={k.code}>
              <span className="muted">{k.code}</span> {k.text}
              <CriterionAnswers criterion={k} ev={ev} region={region} files={files.filter((f) => f.criterion === k.code)} />
            </li>
          ))}
        </ol>
      </details>
      {canReview && (
        <form className="akip-review no-print" onSubmit={save}>
          <div className="sakip-toolbar">
            <div className="field narrow">
              <label htmlFor={`letter-${sub.code}`}>{t('sakip.eval.letterFor', { code: sub.code })}</label>
              <select id={`letter-${sub.code}`} required value={letter} onChange={(e) => setLetter(e.target.value)}>
                <option value="">–</option>
                {ev.letters.map((l) => <option key={l.letter} value={l.letter}>{l.letter} ({l.share} %)</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`note-${sub.code}`}>{t('sakip.eval.note')}</label>
              <input id={`note-${sub.code}`} type="text" maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
            </div>
            <button type="submit" className="button small">{t('sakip.eval.saveLetter')}</button>
          </div>
          <ErrorMessage error={error} />
        </form>
      )}
    </div>
  );
}

/** Each unit's answer to one kriteria with its evidence: the note or link, and the files this person may download. */
function CriterionAnswers({ criterion, ev, region, files }: { criterion: Sub['criteria'][number]; ev: Evaluation; region: RegionProfile; files: AnswerEvidence[] }) {
  // A unit may attach files before its Y/T answer: it is listed then too.
  const shown = ev.units.filter((u) => criterion.answers.some((a) => a.unitId === u.id) || files.some((f) => f.unitId === u.id));
  if (shown.length === 0) return null;
  return (
    <ul>
      {shown.map((u) => {
        const a = criterion.answers.find((x) => x.unitId === u.id);
        const own = files.filter((f) => f.unitId === u.id);
        return (
          <li key={u.id}>
            <strong>{a?.answer ?? '–'}</strong> {u.name}{a?.evidence && <> · {/^https?:\/\//.test(a.evidence) ? <a href={a.evidence} rel="noreferrer noopener" target="_blank">{a.evidence}</a> : a.evidence}</>}
            {own.length > 0 && <EvidenceList files={own} region={region} />}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A unit's answers: one row per kriteria, Y/T (the worksheet's scheme), the
 * evidence note or link, and its evidence files, attached as soon as they are
 * picked (each upload stands on its own, the answers are saved together).
 */
function AnswerForm({ url, ev, units, reload, region, files, reloadFiles }: {
  url: string; ev: Evaluation; units: Evaluation['units']; reload: () => void; region: RegionProfile; files: AnswerEvidence[]; reloadFiles: () => void;
}) {
  const { t } = useI18n();
  const [unitId, setUnitId] = useState(units[0].id);
  const criteria = ev.components.flatMap((c) => c.subComponents.flatMap((s) => s.criteria));
  const current = (code: string) => criteria.find((k) => k.code === code)!.answers.find((a) => a.unitId === unitId);
  const [draft, setDraft] = useState<Record<string, { answer: string; evidence: string }>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const value = (code: string) => draft[`${unitId}:${code}`] ?? { answer: current(code)?.answer ?? '', evidence: current(code)?.evidence ?? '' };
  const set = (code: string, change: Partial<{ answer: string; evidence: string }>) => setDraft((d) => ({ ...d, [`${unitId}:${code}`]: { ...value(code), ...change } }));
  const [fileError, setFileError] = useState<unknown>(null);
  const changeFiles = async (call: () => Promise<unknown>) => {
    setFileError(null);
    try {
      await call();
    } catch (err) {
      setFileError(err);
    }
    reloadFiles();
  };
  const attach = (code: string, input: HTMLInputElement) => {
    const form = new FormData();
    for (const f of input.files ?? []) form.append('evidence', f);
    void changeFiles(() => api(`${url}/units/${unitId}/criteria/${encodeURIComponent(code)}/evidence`, { method: 'POST', body: form })).then(() => { input.value = ''; });
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const answers = criteria.map((k) => ({ criterion: k.code, ...value(k.code) })).filter((a) => a.answer !== '');
    if (answers.length === 0) return;
    try {
      await api(`${url}/units/${unitId}/answers`, { method: 'PUT', body: { answers } });
      setDraft({});
      setSaved(true);
      reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card no-print" onSubmit={save}>
      <h3>{t('sakip.answer.title')}</h3>
      {units.length > 1 && (
        <div className="field narrow">
          <label htmlFor="answer-unit">{t('sakip.overview.unit')}</label>
          <select id="answer-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>{units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}</select>
        </div>
      )}
      <details>
        <summary>{t('sakip.answer.open', { n: criteria.length })}</summary>
        <div className="sakip-scroll"><table className="sakip-table small">
          <thead><tr><th scope="col">{t('sakip.answer.criterion')}</th><th scope="col">{t('sakip.answer.answer')}</th><th scope="col">{t('sakip.answer.evidence')}</th><th scope="col">{t('sakip.answer.files')}</th></tr></thead>
          <tbody>
            {criteria.map((k) => (
              <tr key={k.code}>
                <td><span className="muted">{k.code}</span> {k.text}</td>
                <td>
                  <select aria-label={t('sakip.answer.answerFor', { code: k.code })} value={value(k.code).answer} onChange={(e) => set(k.code, { answer: e.target.value })}>
                    <option value="">–</option>
                    {ev.answerScheme.map((a) => <option key={a.answer} value={a.answer}>{t(`sakip.answer.scheme.${a.answer === 'Y' ? 'Y' : a.answer === 'T' ? 'T' : 'other'}`, { a: a.answer })}</option>)}
                  </select>
                </td>
                <td><input aria-label={t('sakip.answer.evidenceFor', { code: k.code })} type="text" maxLength={2000} value={value(k.code).evidence} onChange={(e) => set(k.code, { evidence: e.target.value })} /></td>
                <td>
                  <EvidenceList files={files.filter((f) => f.unitId === unitId && f.criterion === k.code)} region={region} onRemove={(f) => void changeFiles(() => api(f.url, { method: 'DELETE' }))} />
                  <input type="file" multiple accept={EVIDENCE_ACCEPT} aria-label={t('sakip.answer.filesFor', { code: k.code })} onChange={(e) => attach(k.code, e.currentTarget)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table></div>
        <p className="small muted">{t('sakip.evidence.hint')}</p>
        <ErrorMessage error={fileError} />
      </details>
      {saved && <Flash>{t('sakip.answer.saved')}</Flash>}
      <ErrorMessage error={error} />
      <button type="submit" className="button">{t('sakip.answer.save')}</button>
    </form>
  );
}

function NotesForm({ url, notes, reload }: { url: string; notes: string; reload: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(notes);
  const [error, setError] = useState<unknown>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(url, { method: 'PATCH', body: { notes: text } });
      reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="no-print" onSubmit={save}>
      <div className="field">
        <label htmlFor="eval-notes">{t('sakip.eval.notes')}</label>
        <textarea id="eval-notes" rows={3} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <ErrorMessage error={error} />
      <button type="submit" className="button secondary small">{t('sakip.eval.saveNotes')}</button>
    </form>
  );
}

function Recommendations({ region, ev, url, reload }: { region: RegionProfile; ev: Evaluation; url: string; reload: () => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const [text, setText] = useState('');
  const [unitId, setUnitId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`${url}/recommendations`, { method: 'POST', body: { text: text.trim(), unitId: unitId || null } });
      setText('');
      reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      {ev.recommendations.length === 0 ? <p className="muted">{t('sakip.rec.none')}</p> : (
        <ol className="akip-recs">
          {ev.recommendations.map((r) => <RecommendationItem key={r.id} region={region} rec={r} ev={ev} url={url} reload={reload} />)}
        </ol>
      )}
      {may(me, region.code, 'sakip.evaluate') && (ev.status === 'answering' || ev.status === 'reviewing') && (
        <form className="card no-print" onSubmit={add}>
          <div className="field">
            <label htmlFor="rec-text">{t('sakip.rec.new')}</label>
            <textarea id="rec-text" rows={2} required maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <div className="field narrow">
            <label htmlFor="rec-unit">{t('sakip.rec.for')}</label>
            <select id="rec-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
              <option value="">{t('sakip.rec.region')}</option>
              {ev.units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
          </div>
          <ErrorMessage error={error} />
          <button type="submit" className="button secondary">{t('sakip.rec.add')}</button>
        </form>
      )}
    </>
  );
}

function RecommendationItem({ region, rec, ev, url, reload }: { region: RegionProfile; rec: Recommendation; ev: Evaluation; url: string; reload: () => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const evaluator = may(me, region.code, 'sakip.evaluate');
  // Whoever the API lets act on it (the roles of sakip.follow_up): region-wide, or the unit it names.
  const reach = unitsReached(me, region.code, ['sakip_coordinator', 'sakip_planner', 'unit_head', 'sakip_evaluator']);
  const mine = reach === null || (rec.unit !== null && reach.has(rec.unit.id));
  const choices: Recommendation['status'][] = ev.status !== 'final' || !mine || !may(me, region.code, 'sakip.follow_up') ? []
    : rec.status === 'done' ? (evaluator ? ['in_progress'] : []) : evaluator ? ['in_progress', 'done'] : ['in_progress'];
  const step = async (status: Recommendation['status']) => {
    setError(null);
    try {
      await api(`${url}/recommendations/${rec.id}/follow-ups`, { method: 'POST', body: { status, note: note.trim() } });
      setNote('');
      reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <li className="akip-rec" data-status={rec.status}>
      <p>{rec.text} <span className={`badge follow-${rec.status}`}>{t(`sakip.rec.status.${rec.status}`)}</span></p>
      <p className="small muted">{rec.unit?.name ?? t('sakip.rec.region')}{rec.subComponent && ` · ${t('sakip.rec.sub', { code: rec.subComponent })}`}</p>
      {rec.followUps.length > 0 && (
        <ul className="small">
          {rec.followUps.map((f) => <li key={f.seq}>{t(`sakip.rec.status.${f.status}`)}: {f.note} — {f.by}, <When at={f.at} zone={region} /></li>)}
        </ul>
      )}
      {choices.length > 0 && (
        <form className="no-print" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor={`follow-${rec.id}`}>{t('sakip.rec.note')}</label>
            <input id={`follow-${rec.id}`} type="text" maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="button-row">
            {choices.map((s) => <button key={s} type="button" className="button small secondary" disabled={!note.trim()} onClick={() => void step(s)}>{t(`sakip.rec.to.${s}`)}</button>)}
          </div>
          <ErrorMessage error={error} />
        </form>
      )}
    </li>
  );
}

// ---------------------------------------------------------------------------
// The printable report (the browser saves it as PDF)

export function EvaluationReportPage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <ReportView region={region} id={params.evaluationId} />}</SakipPage>;
}

function ReportView({ region, id }: { region: RegionProfile; id: string }) {
  const { t, locale } = useI18n();
  const data = useStaffApi<Evaluation>(evaluationUrl(region.code, id));
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data) return <Loading />;
  const ev = data.data;
  const title = t('sakip.report.title', { year: ev.year });
  return (
    <>
      <div className="no-print">
        <p><Link to={evaluationPath(region.code, ev.id)}>{t('sakip.report.back')}</Link></p>
        <div className="button-row"><button type="button" className="button" onClick={() => window.print()}>{t('sakip.report.print')}</button></div>
        {ev.status !== 'final' && <p className="small muted">{t('sakip.report.notFinal')}</p>}
      </div>
      <article className="sakip-report">
        <PageTitle title={title}>{title}</PageTitle>
        <dl className="sakip-facts">
          <div><dt>{t('sakip.report.region')}</dt><dd>{region.name} ({region.code})</dd></div>
          <div><dt>{t('sakip.eval.worksheet')}</dt><dd>{ev.regulation}</dd></div>
          <div><dt>{t('sakip.eval.stage')}</dt><dd>{t(`sakip.eval.status.${ev.status}`)}</dd></div>
          <div><dt>{t('sakip.eval.score')}</dt><dd className="akip-total">{ev.score.complete ? <Predicate score={ev.score.total} predicate={ev.score.predicate} /> : '–'}{ev.score.predicate && <span className="small"> {ev.score.predicate.label}</span>}</dd></div>
          {ev.final && <div><dt>{t('sakip.eval.finalised')}</dt><dd>{ev.final.by}, <When at={ev.final.at} zone={region} /></dd></div>}
        </dl>
        <table className="sakip-table">
          <caption>{t('sakip.report.scores')}</caption>
          <thead><tr><th scope="col">{t('sakip.report.component')}</th><th scope="col" className="num">{t('sakip.report.weight')}</th><th scope="col">{t('sakip.eval.letter')}</th><th scope="col" className="num">{t('sakip.report.value')}</th><th scope="col">{t('sakip.eval.note')}</th></tr></thead>
          <tbody>
            {ev.components.flatMap((c) => [
              <tr key={c.code} className="akip-component-row"><th scope="row">{c.code}. {c.name}</th><td className="num">{formatExact(String(c.weight), locale)}</td><td /><td className="num">{formatExact(c.score, locale)}</td><td /></tr>,
              ...c.subComponents.map((s) => (
                <tr key={s.code}><td>{s.code} {s.name}</td><td className="num">{formatExact(String(s.weight), locale)}</td><td>{s.letter ?? '–'}</td><td className="num">{formatExact(s.score, locale)}</td><td className="small">{s.note}</td></tr>
              )),
            ])}
            <tr><th scope="row">{t('sakip.report.total')}</th><td className="num">100</td><td /><td className="num"><strong>{formatExact(ev.score.total, locale)}</strong></td><td>{ev.score.predicate?.code}</td></tr>
          </tbody>
        </table>
        <h2>{t('sakip.eval.notes')}</h2>
        <p>{ev.notes || '–'}</p>
        <h2>{t('sakip.rec.title')}</h2>
        <table className="sakip-table">
          <thead><tr><th scope="col">#</th><th scope="col">{t('sakip.rec.text')}</th><th scope="col">{t('sakip.rec.for')}</th><th scope="col">{t('sakip.rec.follow')}</th></tr></thead>
          <tbody>
            {ev.recommendations.map((r, i) => (
              <tr key={r.id}>
                <td>{i + 1}</td><td>{r.text}</td><td className="small">{r.unit?.name ?? t('sakip.rec.region')}</td>
                <td className="small">{t(`sakip.rec.status.${r.status}`)}{r.followUps.at(-1) && <> — {r.followUps.at(-1)!.note}</>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="small muted">{t('sakip.report.printed')} <When at={new Date().toISOString()} zone={region} /></p>
      </article>
    </>
  );
}
