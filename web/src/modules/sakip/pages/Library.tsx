// The region's indicator library (`sakip.indicators`): the indicator
// definitions its planners reuse, its own or adopted from another region in
// the Living Lab. Everyone with SAKIP access reads it; the SAKIP coordinator
// (sakip.manage) adds, changes and removes entries. Plans, targets and
// realisations never change from here.
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import type { components } from '../../../api-types.js';
import { ErrorMessage, Flash, Loading, PageTitle, When } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import type { Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';
import { ConfirmButton, useFieldProblem, useWrite } from '../../../pages/staff/admin/shared.js';
import { nodeKindLabels } from '../../../../../src/modules/sakip/domain/kinds.js';
import { SakipPage, sakipApi } from '../components/common.js';

type Entry = components['schemas']['SakipLibraryIndicator'];
type Level = Entry['level'];
type Fields = Omit<Entry, 'code' | 'adoptedFrom' | 'updatedAt'>;

const LEVELS: readonly Level[] = ['goal', 'target', 'programme', 'activity', 'sub_activity'];
const CODE = /^[A-Za-z0-9._-]{1,40}$/;
/** The form for a new entry (a space: never a code). */
const NEW = ' new';
const blank: Fields = {
  name: '', definition: '', formula: '', measure: '', dataSource: '', polarity: 'higher_is_better',
  targetType: 'single', aggregation: 'last', allowsNegative: false, level: 'target', note: '',
};

export const libraryUrl = (region: string) => `${sakipApi(region)}/indicator-library`;

export function LibraryPage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <LibraryView region={region} />}</SakipPage>;
}

function LibraryView({ region }: { region: RegionProfile }) {
  const { t, pick } = useI18n();
  const { me } = useSession();
  const list = useStaffApi<Entry[]>(libraryUrl(region.code));
  const canEdit = may(me, region.code, 'sakip.manage');
  /** The code of the entry being changed, or NEW (by code: a reload brings new objects). */
  const [editing, setEditing] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const remove = useWrite();
  const title = t('sakip.library.title');
  const done = (message: string) => {
    setEditing(null);
    setFlash(message);
    list.reload();
  };
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="muted">{t('sakip.library.intro')}</p>
      {!canEdit && <p className="small muted">{t('sakip.library.readOnly')}</p>}
      {flash && <Flash>{flash}</Flash>}
      <ErrorMessage error={remove.error} />
      {list.error ? <ErrorMessage error={list.error} /> : !list.data ? <Loading /> : list.data.length === 0 ? <p className="muted">{t('sakip.library.empty')}</p> : (
        <ul className="plan-list library-list" aria-label={title}>
          {list.data.map((e) => (
            <li key={e.code} className="card" data-code={e.code}>
              <div><strong>{e.code}</strong> · <strong>{e.name}</strong>{e.adoptedFrom && <> <span className="badge">{t('sakip.library.adopted', { region: e.adoptedFrom.name })}</span></>}</div>
              <div className="small">
                {pick(nodeKindLabels[e.level])} · {t(`sakip.polarity.${e.polarity}`)}{e.measure && <> · {e.measure}</>} · {t(`sakip.targetType.${e.targetType}`)} · {t(`sakip.aggregation.${e.aggregation}`)}
              </div>
              {e.definition && <p className="small message">{e.definition}</p>}
              {e.formula && <p className="small"><strong>{t('sakip.indicator.formula')}:</strong> {e.formula}</p>}
              {e.dataSource && <p className="small"><strong>{t('sakip.indicator.dataSource')}:</strong> {e.dataSource}</p>}
              {e.note && <p className="small muted">{e.note}</p>}
              <div className="small muted">{t('sakip.library.updated')} <When at={e.updatedAt} zone={region} /></div>
              {canEdit && editing !== e.code && (
                <div className="button-row">
                  <button type="button" className="button secondary small" onClick={() => { setFlash(null); setEditing(e.code); }} aria-label={t('sakip.library.editLabel', { code: e.code })}>{t('sakip.library.edit')}</button>
                  <ConfirmButton label={t('sakip.library.delete')} question={t('sakip.library.deleteQuestion', { code: e.code })} confirm={t('sakip.library.deleteConfirm')}
                    disabled={remove.busy}
                    onConfirm={() => void remove.run(() => api(`${libraryUrl(region.code)}/${encodeURIComponent(e.code)}`, { method: 'DELETE' }), '').then((ok) => ok && done(t('sakip.library.deleted', { code: e.code })))} />
                </div>
              )}
              {canEdit && editing === e.code && <EntryForm region={region.code} entry={e} existing={[]} onDone={done} onCancel={() => setEditing(null)} />}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (editing === NEW
        ? <EntryForm region={region.code} existing={(list.data ?? []).map((e) => e.code)} onDone={done} onCancel={() => setEditing(null)} />
        : <button type="button" className="button" onClick={() => { setFlash(null); setEditing(NEW); }}>{t('sakip.library.add')}</button>)}
    </>
  );
}

/** A new entry (its code chosen here) or an existing one (its code fixed); the API's refusals shown next to the fields. */
function EntryForm({ region, entry, existing, onDone, onCancel }: {
  region: string; entry?: Entry; existing: string[]; onDone: (message: string) => void; onCancel: () => void;
}) {
  const { t, pick } = useI18n();
  const [code, setCode] = useState(entry?.code ?? '');
  const [fields, setFields] = useState<Fields>(entry ? { ...blank, ...entry } : blank);
  const [localError, setLocalError] = useState<string | null>(null);
  const write = useWrite();
  const problem = useFieldProblem(write);
  const set = <K extends keyof Fields>(key: K) => (value: Fields[K]) => setFields({ ...fields, [key]: value });
  const id = entry ? `lib-${entry.code.replace(/[^A-Za-z0-9_-]/g, '_')}` : 'lib-new';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const typed = code.trim();
    const local = !entry && !CODE.test(typed) ? t('sakip.library.codeInvalid') : !entry && existing.includes(typed) ? t('sakip.library.codeTaken', { code: typed }) : null;
    setLocalError(local);
    if (local) return;
    const { name, definition, formula, measure, dataSource, polarity, targetType, aggregation, allowsNegative, level, note } = fields;
    const ok = await write.run(() => api(`${libraryUrl(region)}/${encodeURIComponent(typed)}`, {
      method: 'PUT', body: { name, definition, formula, measure, dataSource, polarity, targetType, aggregation, allowsNegative, level, note },
    }), '');
    if (ok) onDone(t(entry ? 'sakip.library.saved' : 'sakip.library.created', { code: typed }));
  };
  const text = (key: 'name' | 'measure' | 'dataSource', label: string, max: number, required = false) => {
    const p = problem(key, `${id}-${key}`);
    return (
      <div className={`field${key === 'measure' ? ' narrow' : ''}`}>
        <label htmlFor={`${id}-${key}`}>{label}</label>
        <input id={`${id}-${key}`} type="text" required={required} maxLength={max} value={fields[key]} onChange={(e) => set(key)(e.target.value)} {...p.input} />
        {p.message}
      </div>
    );
  };
  const area = (key: 'definition' | 'formula' | 'note', label: string) => {
    const p = problem(key, `${id}-${key}`);
    return (
      <div className="field">
        <label htmlFor={`${id}-${key}`}>{label}</label>
        <textarea id={`${id}-${key}`} rows={2} maxLength={4000} value={fields[key]} onChange={(e) => set(key)(e.target.value)} {...p.input} />
        {p.message}
      </div>
    );
  };
  const choice = <K extends 'polarity' | 'targetType' | 'aggregation' | 'level'>(key: K, label: string, options: [Fields[K], string][]) => (
    <div className="field narrow">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={fields[key]} onChange={(e) => set(key)(e.target.value as Fields[K])}>
        {options.map(([v, words]) => <option key={v} value={v}>{words}</option>)}
      </select>
    </div>
  );
  const codeProblem = problem('libraryCode', `${id}-code`, `${id}-code-hint`);
  return (
    <form className="card node-form" onSubmit={(e) => void submit(e)} aria-label={entry ? t('sakip.library.editForm', { code: entry.code }) : t('sakip.library.newForm')}>
      <div className="field narrow">
        <label htmlFor={`${id}-code`}>{t('sakip.library.code')}</label>
        <input id={`${id}-code`} type="text" required maxLength={40} value={code} disabled={!!entry} onChange={(e) => setCode(e.target.value)} {...codeProblem.input} />
        <small id={`${id}-code-hint`} className="hint">{t('sakip.library.codeHint')}</small>
        {codeProblem.message}
      </div>
      {text('name', t('sakip.indicator.name'), 1000, true)}
      {choice('level', t('sakip.library.level'), LEVELS.map((l) => [l, pick(nodeKindLabels[l])]))}
      {area('definition', t('sakip.indicator.definition'))}
      {area('formula', t('sakip.indicator.formula'))}
      {text('measure', t('sakip.indicator.measure'), 100)}
      {text('dataSource', t('sakip.indicator.dataSource'), 1000)}
      {choice('polarity', t('sakip.indicator.polarity'), (['higher_is_better', 'lower_is_better'] as const).map((v) => [v, t(`sakip.polarity.${v}`)]))}
      {choice('targetType', t('sakip.indicator.targetType'), (['single', 'range'] as const).map((v) => [v, t(`sakip.targetType.${v}`)]))}
      {choice('aggregation', t('sakip.indicator.aggregation'), (['last', 'sum', 'average'] as const).map((v) => [v, t(`sakip.aggregation.${v}`)]))}
      <label className="choice"><input type="checkbox" checked={fields.allowsNegative} onChange={(e) => set('allowsNegative')(e.target.checked)} /> {t('sakip.library.allowsNegative')}</label>
      {area('note', t('sakip.library.note'))}
      {localError && <p className="alert alert-error" role="alert">{localError}</p>}
      <ErrorMessage error={write.error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={write.busy}>{t('sakip.edit.save')}</button>
        <button type="button" className="button secondary" onClick={onCancel}>{t('sakip.edit.cancel')}</button>
      </div>
    </form>
  );
}
