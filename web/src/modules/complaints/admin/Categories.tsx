// Complaint categories and their extra questions (Open311 attributes): the
// list, and an editor for a new or an existing category with its questions.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, regionApi } from '../../../api.js';
import { ErrorMessage, Flash, Loading } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import type { Category, Question, RegionProfile } from '../../../types.js';
import { Outcome, useFieldProblem, useWrite } from '../../../pages/staff/admin/shared.js';

type Datatype = Question['datatype'];
const datatypes: Datatype[] = ['string', 'text', 'number', 'datetime', 'singlevaluelist', 'multivaluelist'];
const isList = (d: Datatype) => d === 'singlevaluelist' || d === 'multivaluelist';
const MAX_QUESTIONS = 20;
const MAX_VALUES = 50;

/** Questions and choices carry a local id: their codes change while being typed. */
let nextUid = 0;
const uid = () => `q${++nextUid}`;
type ValueDraft = Question['values'][number] & { uid: string };
type QuestionDraft = Omit<Question, 'values'> & { uid: string; values: ValueDraft[] };

interface Draft {
  id: string | null;
  code: string;
  nameId: string;
  nameEn: string;
  group: string;
  description: string;
  keywords: string;
  locationRequired: boolean;
  active: boolean;
  questions: QuestionDraft[];
}

const emptyDraft = (): Draft => ({ id: null, code: '', nameId: '', nameEn: '', group: '', description: '', keywords: '', locationRequired: false, active: true, questions: [] });
const draftOf = (c: Category): Draft => ({
  id: c.id, code: c.code, nameId: c.nameId, nameEn: c.nameEn, group: c.group, description: c.description, keywords: c.keywords, locationRequired: c.locationRequired, active: c.active,
  questions: c.questions.map((q) => ({ ...q, uid: uid(), values: q.values.map((v) => ({ ...v, uid: uid() })) })),
});
const newQuestion = (): QuestionDraft => ({ uid: uid(), code: '', datatype: 'string', required: false, description: { id: '', en: '' }, values: [] });
const newValue = (): ValueDraft => ({ uid: uid(), key: '', name: { id: '', en: '' } });

/** Moves item i by one place up (-1) or down (+1). */
function move<T>(list: T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

export function CategoriesSection({ region }: { region: RegionProfile }) {
  const { t, pick } = useI18n();
  const url = `${regionApi(region.code)}/admin/categories`;
  const categories = useStaffApi<Category[]>(url);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const groups = [...new Set((categories.data ?? []).map((c) => c.group).filter(Boolean))];
  const open = (d: Draft) => {
    setSaved(null);
    setDraft(d);
  };
  return (
    <>
      {saved && <Flash>{saved}</Flash>}
      {draft ? (
        <CategoryEditor key={draft.id ?? 'new'} initial={draft} url={url} groups={groups} onCancel={() => setDraft(null)}
          onSaved={(message) => { setDraft(null); setSaved(message); categories.reload(); }} />
      ) : (
        <p><button type="button" className="button" onClick={() => open(emptyDraft())}>{t('admin.categories.add')}</button></p>
      )}
      <section aria-labelledby="category-list">
        <h2 id="category-list">{t('admin.categories.list')}</h2>
        <ErrorMessage error={categories.error} />
        {categories.loading && <Loading />}
        {categories.data?.length === 0 && <p className="muted">{t('admin.categories.empty')}</p>}
        <ul className="plain cards">
          {categories.data?.map((c) => (
            <li key={c.id} className="card row-card">
              <div className="row-head">
                <span className="row-title">{pick({ id: c.nameId, en: c.nameEn })}</span>
                <span className="badge badge-neutral code">{c.code}</span>
                {!c.active && <span className="badge badge-amber">{t('admin.categories.inactive')}</span>}
              </div>
              <p className="muted small">
                {[c.group, t('admin.categories.questionCount', { n: c.questions.length }), c.locationRequired ? t('admin.categories.locationRequiredShort') : ''].filter(Boolean).join(' · ')}
              </p>
              <button type="button" className="button secondary small" onClick={() => open(draftOf(c))}
                aria-label={t('admin.categories.editing', { name: c.nameId })}>{t('admin.edit')}</button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function CategoryEditor({ initial, url, groups, onSaved, onCancel }: {
  initial: Draft; url: string; groups: string[]; onSaved: (message: string) => void; onCancel: () => void;
}) {
  const { t } = useI18n();
  const [d, setD] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const write = useWrite();
  const fieldProblem = useFieldProblem(write);
  const [nameIdProblem, nameEnProblem, codeProblem] = [fieldProblem('nameId', 'cat-nameId'), fieldProblem('nameEn', 'cat-nameEn'), fieldProblem('code', 'cat-code', 'cat-code-hint')];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set = (next: Partial<Draft>) => setD((cur) => ({ ...cur, ...next }));
  const setQuestion = (i: number, next: Partial<QuestionDraft>) => setD((cur) => ({ ...cur, questions: cur.questions.map((q, n) => (n === i ? { ...q, ...next } : q)) }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const empty = d.questions.find((q) => isList(q.datatype) && q.values.length === 0);
    setProblem(empty ? t('admin.questions.needValues', { question: empty.description.id || empty.code }) : null);
    if (empty) return;
    const body = {
      code: d.code.trim(), nameId: d.nameId.trim(), nameEn: d.nameEn.trim(), group: d.group.trim(), description: d.description.trim(), keywords: d.keywords.trim(), locationRequired: d.locationRequired, active: d.active,
      questions: d.questions.map(({ uid: _, values, ...q }) => ({ ...q, values: isList(q.datatype) ? values.map(({ uid: __, ...v }) => v) : [] })),
    };
    const call = () => api(d.id ? `${url}/${d.id}` : url, { method: d.id ? 'PUT' : 'POST', body });
    if (await write.run(call, '')) onSaved(t('admin.categories.saved', { name: body.nameId }));
  };

  return (
    <form className="card editor" onSubmit={save} aria-labelledby="category-editor">
      <h2 id="category-editor" ref={heading} tabIndex={-1}>{d.id ? t('admin.categories.editing', { name: initial.nameId }) : t('admin.categories.new')}</h2>
      <div className="field">
        <label htmlFor="cat-nameId">{t('admin.categories.nameId')}</label>
        <input id="cat-nameId" required maxLength={200} value={d.nameId} onChange={(e) => set({ nameId: e.target.value })} {...nameIdProblem.input} />
        {nameIdProblem.message}
      </div>
      <div className="field">
        <label htmlFor="cat-nameEn">{t('admin.categories.nameEn')}</label>
        <input id="cat-nameEn" required maxLength={200} value={d.nameEn} onChange={(e) => set({ nameEn: e.target.value })} lang="en" {...nameEnProblem.input} />
        {nameEnProblem.message}
      </div>
      <div className="field">
        <label htmlFor="cat-code">{t('admin.categories.code')}</label>
        <input id="cat-code" required maxLength={40} pattern="[A-Za-z0-9_\-]{1,40}" value={d.code} onChange={(e) => set({ code: e.target.value })} autoComplete="off" {...codeProblem.input} />
        <small id="cat-code-hint" className="hint">{t('admin.categories.codeHint')}</small>
        {codeProblem.message}
      </div>
      <div className="field">
        <label htmlFor="cat-group">{t('admin.categories.group')}</label>
        <input id="cat-group" list="cat-groups" maxLength={100} value={d.group} onChange={(e) => set({ group: e.target.value })} aria-describedby="cat-group-hint" />
        <datalist id="cat-groups">{groups.map((g) => <option key={g} value={g} />)}</datalist>
        <small id="cat-group-hint" className="hint">{t('admin.categories.groupHint')}</small>
      </div>
      <div className="field">
        <label htmlFor="cat-description">{t('admin.categories.description')} <span className="muted small">({t('common.optional')})</span></label>
        <textarea id="cat-description" rows={2} maxLength={2000} value={d.description} onChange={(e) => set({ description: e.target.value })} aria-describedby="cat-description-hint" />
        <small id="cat-description-hint" className="hint">{t('admin.categories.descriptionHint')}</small>
      </div>
      <div className="field">
        <label htmlFor="cat-keywords">{t('admin.categories.keywords')} <span className="muted small">({t('common.optional')})</span></label>
        <input id="cat-keywords" maxLength={500} value={d.keywords} onChange={(e) => set({ keywords: e.target.value })} aria-describedby="cat-keywords-hint" />
        <small id="cat-keywords-hint" className="hint">{t('admin.categories.keywordsHint')}</small>
      </div>
      <label className="choice">
        <input type="checkbox" checked={d.locationRequired} onChange={(e) => set({ locationRequired: e.target.checked })} />
        <span>{t('admin.categories.locationRequired')}<br /><small className="hint">{t('admin.categories.locationRequiredHint')}</small></span>
      </label>
      <label className="choice">
        <input type="checkbox" checked={d.active} onChange={(e) => set({ active: e.target.checked })} />
        <span>{t('admin.categories.active')}</span>
      </label>

      <h3>{t('admin.questions.title')}</h3>
      <p className="hint">{t('admin.questions.hint')}</p>
      {d.questions.map((q, i) => (
        <QuestionEditor key={q.uid} q={q} n={i + 1} count={d.questions.length} onChange={(next) => setQuestion(i, next)}
          onMove={(by) => set({ questions: move(d.questions, i, by) })} onRemove={() => set({ questions: d.questions.filter((_, n) => n !== i) })} />
      ))}
      <p>
        <button type="button" className="button secondary small" disabled={d.questions.length >= MAX_QUESTIONS}
          onClick={() => set({ questions: [...d.questions, newQuestion()] })}>{t('admin.questions.add')}</button>
      </p>

      {problem && <p className="alert alert-error" role="alert">{problem}</p>}
      <Outcome write={write} />
      <div className="row-actions">
        <button type="submit" className="button" disabled={write.busy}>{t('admin.save')}</button>
        <button type="button" className="button secondary" onClick={onCancel}>{t('admin.cancel')}</button>
      </div>
    </form>
  );
}

function QuestionEditor({ q, n, count, onChange, onMove, onRemove }: {
  q: QuestionDraft; n: number; count: number; onChange: (next: Partial<QuestionDraft>) => void; onMove: (by: -1 | 1) => void; onRemove: () => void;
}) {
  const { t } = useI18n();
  const id = (name: string) => `${q.uid}-${name}`;
  const setValue = (i: number, next: Partial<ValueDraft>) => onChange({ values: q.values.map((v, k) => (k === i ? { ...v, ...next } : v)) });
  return (
    <fieldset className="question">
      <legend>{t('admin.questions.n', { n })}</legend>
      <div className="field">
        <label htmlFor={id('id')}>{t('admin.questions.descriptionId')}</label>
        <input id={id('id')} required maxLength={300} value={q.description.id} onChange={(e) => onChange({ description: { ...q.description, id: e.target.value } })} />
      </div>
      <div className="field">
        <label htmlFor={id('en')}>{t('admin.questions.descriptionEn')}</label>
        <input id={id('en')} required maxLength={300} lang="en" value={q.description.en} onChange={(e) => onChange({ description: { ...q.description, en: e.target.value } })} />
      </div>
      <div className="field">
        <label htmlFor={id('code')}>{t('admin.questions.code')}</label>
        <input id={id('code')} required maxLength={40} pattern="[a-z0-9_]{1,40}" value={q.code} onChange={(e) => onChange({ code: e.target.value })} aria-describedby={id('code-hint')} autoComplete="off" />
        <small id={id('code-hint')} className="hint">{t('admin.questions.codeHint')}</small>
      </div>
      <div className="field">
        <label htmlFor={id('type')}>{t('admin.questions.datatype')}</label>
        <select id={id('type')} value={q.datatype}
          onChange={(e) => {
            const datatype = e.target.value as Datatype;
            onChange({ datatype, values: isList(datatype) && q.values.length === 0 ? [newValue()] : q.values });
          }}>
          {datatypes.map((d) => <option key={d} value={d}>{t(`admin.datatype.${d}`)}</option>)}
        </select>
      </div>
      <label className="choice">
        <input type="checkbox" checked={q.required} onChange={(e) => onChange({ required: e.target.checked })} />
        <span>{t('admin.questions.required')}</span>
      </label>
      {isList(q.datatype) && (
        <fieldset className="values">
          <legend>{t('admin.questions.values')}</legend>
          {q.values.map((v, i) => (
            <fieldset key={v.uid} className="value">
              <legend className="small">{t('admin.questions.valueN', { n: i + 1 })}</legend>
              <div className="field">
                <label htmlFor={`${v.uid}-id`}>{t('admin.questions.valueId')}</label>
                <input id={`${v.uid}-id`} required maxLength={200} value={v.name.id} onChange={(e) => setValue(i, { name: { ...v.name, id: e.target.value } })} />
              </div>
              <div className="field">
                <label htmlFor={`${v.uid}-en`}>{t('admin.questions.valueEn')}</label>
                <input id={`${v.uid}-en`} required maxLength={200} lang="en" value={v.name.en} onChange={(e) => setValue(i, { name: { ...v.name, en: e.target.value } })} />
              </div>
              <div className="field">
                <label htmlFor={`${v.uid}-key`}>{t('admin.questions.valueKey')}</label>
                <input id={`${v.uid}-key`} required maxLength={40} value={v.key} onChange={(e) => setValue(i, { key: e.target.value })} autoComplete="off" />
              </div>
              <button type="button" className="link-button small" onClick={() => onChange({ values: q.values.filter((_, k) => k !== i) })}>
                {t('admin.questions.removeValue')}
              </button>
            </fieldset>
          ))}
          <button type="button" className="button secondary small" disabled={q.values.length >= MAX_VALUES} onClick={() => onChange({ values: [...q.values, newValue()] })}>
            {t('admin.questions.addValue')}
          </button>
        </fieldset>
      )}
      <div className="row-actions">
        <button type="button" className="button secondary small" disabled={n === 1} onClick={() => onMove(-1)}>{t('admin.moveUp')}</button>
        <button type="button" className="button secondary small" disabled={n === count} onClick={() => onMove(1)}>{t('admin.moveDown')}</button>
        <button type="button" className="button secondary small" onClick={onRemove}>{t('admin.questions.remove')}</button>
      </div>
    </fieldset>
  );
}
