// Practices per indicator: the region's own or adopted one (with the
// checklist of evidence to prepare) on the evaluation's screens, and the
// Living Lab solutions behind a leading region's practice. The Living Lab is
// reached by its public API and address only: where it is not installed the
// request fails and nothing is shown.
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../api.js';
import type { components } from '../../../api-types.js';
import { ErrorMessage, Flash } from '../../../components/ui.js';
import { useApi } from '../../../data.js';
import { useStaffApi } from '../../../query.js';
import { useI18n, type Translate } from '../../../i18n/index.js';
import { ConfirmButton, useWrite } from '../../../pages/staff/admin/shared.js';
import { fieldProblems } from '../../../pages/staff/admin/fields.js';
import { Link, queryString } from '../../../router.js';
import { spbeApi } from './common.js';

type Practice = components['schemas']['SpbePractice'];
type Solution = components['schemas']['LivingLabCatalogueItem'];

const KIND_WORDS: Record<string, `spbe.adopted.kind.${'regulation' | 'sop' | 'report' | 'minutes' | 'data' | 'screenshot' | 'document'}`> = {
  regulation: 'spbe.adopted.kind.regulation', sop: 'spbe.adopted.kind.sop', report: 'spbe.adopted.kind.report', minutes: 'spbe.adopted.kind.minutes',
  data: 'spbe.adopted.kind.data', screenshot: 'spbe.adopted.kind.screenshot', document: 'spbe.adopted.kind.document',
};

/** The region's practices of a framework (one indicator's when given). */
export const usePractices = (region: string, framework: string | undefined, indicator?: string) =>
  useStaffApi<Practice[]>(framework ? `${spbeApi(region)}/practices${queryString({ framework, indicator })}` : null);

/** The catalogue label of a framework's indicator, as `spbe.practices` packages carry it. */
export const indicatorTag = (framework: string, indicator: string) => `spbe.indicator:${framework}/${indicator}`;

/** The practice the region holds for the indicator, adopted or its own: what it does, its SOP and what evidence to prepare. */
export function PracticeCard({ practice }: { practice: Practice }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="adopted-practice" className="card adopted-practice">
      <h2 id="adopted-practice">{practice.adoptedFrom ? t('spbe.adopted.title') : t('spbe.adopted.ownTitle')}</h2>
      {practice.adoptedFrom && <p className="muted small">{t('spbe.adopted.from', { region: practice.adoptedFrom.name })}</p>}
      {practice.note && <p className="message">{practice.note}</p>}
      {practice.explanation && <p className="message small">{practice.explanation}</p>}
      {practice.evidence.length > 0 && (
        <>
          <h3>{t('spbe.adopted.checklist')}</h3>
          <ul className="checklist">
            {practice.evidence.map((e, i) => (
              <li key={i}><strong>{e.title}</strong> <span className="badge">{t(KIND_WORDS[e.kind] ?? 'spbe.adopted.kind.document')}</span>{e.description && <div className="small muted">{e.description}</div>}</li>
            ))}
          </ul>
        </>
      )}
      {practice.sop && (
        <details>
          <summary>{t('spbe.adopted.sop')}</summary>
          <p className="message">{practice.sop}</p>
        </details>
      )}
      <p className="hint">{t('spbe.adopted.hint')}</p>
    </section>
  );
}

/** The published Living Lab solutions behind one indicator's practices, by owner region (none when the Living Lab is absent). */
export function useLivingLabSolutions(framework: string | undefined, indicator: string | undefined) {
  const list = useApi<{ items: Solution[] }>(framework && indicator ? `/api/livinglab/solutions${queryString({ tag: indicatorTag(framework, indicator), perPage: 100 })}` : null);
  const byRegion = new Map<string, Solution[]>();
  for (const s of list.data?.items ?? []) byRegion.set(s.regionCode, [...(byRegion.get(s.regionCode) ?? []), s]);
  return byRegion;
}

/** A leading region's solutions for the indicator, each with its mentor, and the catalogue filtered to them. */
export function LeaderSolutions({ solutions, region, framework, indicator }: { solutions: Solution[]; region: string; framework: string; indicator: string }) {
  const { t } = useI18n();
  if (solutions.length === 0) return null;
  return (
    <div className="leader-solutions">
      <h3 className="small">{t('spbe.leaders.solutions')}</h3>
      <ul className="plain">
        {solutions.map((s) => (
          <li key={s.id}>
            <Link to={`/livinglab/${encodeURIComponent(s.id)}`}>{s.title}</Link>
            {s.mentor && <div className="small muted">{t('spbe.leaders.mentor', { name: s.mentor.name, contact: s.mentor.contact })}{s.mentor.role ? ` · ${s.mentor.role}` : ''}</div>}
          </li>
        ))}
      </ul>
      <Link className="small" to={`/livinglab${queryString({ tag: indicatorTag(framework, indicator), region })}`}>{t('spbe.leaders.allSolutions')}</Link>
    </div>
  );
}

type Evidence = Practice['evidence'][number];
const KINDS = ['document', 'regulation', 'sop', 'report', 'minutes', 'data', 'screenshot'] as const;

/** Each field the API refused (`request.invalid`), by its full path (`/evidence/0/title`), in the reader's words. */
function refusals(error: unknown, t: Translate): Map<string, string> {
  const out = new Map<string, string>();
  if (!(error instanceof ApiError) || error.code !== 'request.invalid' || !Array.isArray(error.details)) return out;
  for (const d of error.details as { path?: string }[]) {
    const words = fieldProblems([d], t).values().next().value;
    if (d.path && words && !out.has(d.path)) out.set(d.path, words);
  }
  return out;
}

/**
 * The region's own practice for one indicator, for its SPBE coordinator
 * (spbe.manage): read it, write or change it (practice note, explanation,
 * SOP text, the checklist of evidence to prepare), or remove it. Adapting an
 * adopted practice keeps where it came from. Evaluation answers never change.
 */
export function PracticeEditor({ region, framework, indicator, practice }: { region: string; framework: string; indicator: string; practice: Practice | undefined }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  const remove = useWrite();
  const url = `${spbeApi(region)}/practices/${encodeURIComponent(framework)}/${encodeURIComponent(indicator)}`;
  const done = (message: string) => {
    setEditing(false);
    setFlash(message);
  };
  return (
    <>
      {flash && <Flash>{flash}</Flash>}
      {editing ? <PracticeWriteForm url={url} practice={practice} onDone={done} onCancel={() => setEditing(false)} /> : (
        <>
          {practice ? <PracticeCard practice={practice} /> : (
            <section aria-labelledby="own-practice-none" className="card adopted-practice">
              <h2 id="own-practice-none">{t('spbe.adopted.ownTitle')}</h2>
              <p className="muted">{t('spbe.ownPractice.none')}</p>
            </section>
          )}
          <div className="button-row">
            <button type="button" className="button secondary" onClick={() => { setFlash(null); setEditing(true); }}>{practice ? t('spbe.ownPractice.edit') : t('spbe.ownPractice.write')}</button>
            {practice && (
              <ConfirmButton label={t('spbe.ownPractice.delete')} question={t('spbe.ownPractice.deleteQuestion')} confirm={t('spbe.ownPractice.deleteConfirm')} disabled={remove.busy}
                onConfirm={() => void remove.run(() => api(url, { method: 'DELETE' }), '').then((ok) => ok && done(t('spbe.ownPractice.deleted')))} />
            )}
          </div>
          <ErrorMessage error={remove.error} />
        </>
      )}
    </>
  );
}

function PracticeWriteForm({ url, practice, onDone, onCancel }: { url: string; practice: Practice | undefined; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState(practice?.note ?? '');
  const [explanation, setExplanation] = useState(practice?.explanation ?? '');
  const [sop, setSop] = useState(practice?.sop ?? '');
  const [evidence, setEvidence] = useState<Evidence[]>(practice?.evidence.map((e) => ({ ...e })) ?? []);
  const write = useWrite();
  const refused = refusals(write.error, t);
  const problem = (path: string, id: string) => {
    const words = refused.get(path);
    return {
      input: words ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-problem` } : {},
      message: words ? <small id={`${id}-problem`} className="field-problem">{words}</small> : null,
    };
  };
  const change = (i: number, item: Partial<Evidence>) => setEvidence(evidence.map((e, j) => (j === i ? { ...e, ...item } : e)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await write.run(() => api(url, { method: 'PUT', body: { note, explanation, sop, evidence } }), '');
    if (ok) onDone(t('spbe.ownPractice.saved'));
  };
  const area = (key: 'note' | 'explanation' | 'sop', label: string, value: string, set: (v: string) => void, max: number, rows: number) => {
    const p = problem(`/${key}`, `own-practice-${key}`);
    return (
      <div className="field">
        <label htmlFor={`own-practice-${key}`}>{label}</label>
        <textarea id={`own-practice-${key}`} rows={rows} maxLength={max} value={value} onChange={(e) => set(e.target.value)} {...p.input} />
        {p.message}
      </div>
    );
  };
  return (
    <form className="card action-form" onSubmit={(e) => void submit(e)} aria-labelledby="own-practice-form">
      <h2 id="own-practice-form">{practice ? t('spbe.ownPractice.editTitle') : t('spbe.ownPractice.writeTitle')}</h2>
      {practice?.adoptedFrom && <p className="hint">{t('spbe.ownPractice.adoptedHint', { region: practice.adoptedFrom.name })}</p>}
      {area('note', t('spbe.ownPractice.note'), note, setNote, 4000, 3)}
      {area('explanation', t('spbe.ownPractice.explanation'), explanation, setExplanation, 8000, 4)}
      {area('sop', t('spbe.ownPractice.sop'), sop, setSop, 20000, 5)}
      <fieldset>
        <legend>{t('spbe.adopted.checklist')}</legend>
        {evidence.map((item, i) => {
          const title = problem(`/evidence/${i}/title`, `own-evidence-${i}-title`);
          const description = problem(`/evidence/${i}/description`, `own-evidence-${i}-description`);
          return (
            <div key={i} className="evidence-item">
              <div className="field">
                <label htmlFor={`own-evidence-${i}-title`}>{t('spbe.ownPractice.itemTitle', { n: i + 1 })}</label>
                <input id={`own-evidence-${i}-title`} type="text" required maxLength={200} value={item.title} onChange={(e) => change(i, { title: e.target.value })} {...title.input} />
                {title.message}
              </div>
              <div className="field narrow">
                <label htmlFor={`own-evidence-${i}-kind`}>{t('spbe.ownPractice.itemKind', { n: i + 1 })}</label>
                <select id={`own-evidence-${i}-kind`} value={item.kind} onChange={(e) => change(i, { kind: e.target.value })}>
                  {KINDS.map((k) => <option key={k} value={k}>{t(KIND_WORDS[k])}</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`own-evidence-${i}-description`}>{t('spbe.ownPractice.itemDescription', { n: i + 1 })}</label>
                <input id={`own-evidence-${i}-description`} type="text" maxLength={1000} value={item.description} onChange={(e) => change(i, { description: e.target.value })} {...description.input} />
                {description.message}
              </div>
              <button type="button" className="link-button" onClick={() => setEvidence(evidence.filter((_, j) => j !== i))} aria-label={t('spbe.ownPractice.itemRemove', { n: i + 1 })}>{t('common.remove')}</button>
            </div>
          );
        })}
        {evidence.length < 30 && (
          <button type="button" className="button secondary" onClick={() => setEvidence([...evidence, { title: '', description: '', kind: 'document' }])}>{t('spbe.ownPractice.addItem')}</button>
        )}
      </fieldset>
      <p className="hint">{t('spbe.adopted.hint')}</p>
      <ErrorMessage error={write.error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={write.busy}>{t('spbe.ownPractice.save')}</button>
        <button type="button" className="button secondary" onClick={onCancel}>{t('admin.cancel')}</button>
      </div>
    </form>
  );
}
