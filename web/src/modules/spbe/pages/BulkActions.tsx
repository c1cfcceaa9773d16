// Acting on many indicators of an evaluation at once: the coordinator accepts
// or returns, the internal assessor validates or returns, the external
// assessor sets final levels. The API applies the same rules as one at a time
// and saves all or nothing; refusals come back per indicator.
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../api.js';
import { ErrorMessage, Flash } from '../../../components/ui.js';
import { allowed } from '../components/common.js';
import type { Evaluation, EvaluationAnswer } from '../components/types.js';
import { useI18n } from '../../../i18n/index.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';

export type BulkMode = 'review' | 'validate' | 'assess';

/** What this person may do to many indicators in the evaluation's stage (several roles: several modes). */
export function bulkModes(ev: Evaluation, region: RegionProfile, me: ReturnType<typeof useSession>['me']): BulkMode[] {
  const permission = { review: 'spbe.manage', validate: 'spbe.validate', assess: 'spbe.assess' } as const;
  return (['review', 'validate', 'assess'] as const).filter((m) => may(me, region.code, permission[m]) && allowed(m, ev.stage));
}

export const eligible = (mode: BulkMode, ev: Evaluation, a: EvaluationAnswer) => allowed(mode, ev.stage, a.status);

interface Failure { indicator: string; messages: { id: string; en: string } }

export function BulkBar({ ev, url, modes, mode, setMode, selected, setSelected, onDone }: {
  ev: Evaluation; url: string; modes: BulkMode[]; mode: BulkMode; setMode: (m: BulkMode) => void;
  selected: Set<string>; setSelected: (s: Set<string>) => void; onDone: () => void;
}) {
  const { t, pick } = useI18n();
  const [note, setNote] = useState('');
  const [level, setLevel] = useState('self');
  const [error, setError] = useState<unknown>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [noteMissing, setNoteMissing] = useState(false);
  const candidates = ev.answers.filter((a) => eligible(mode, ev, a));
  const chosen = ev.answers.filter((a) => selected.has(a.indicator.code));
  const number = new Map(ev.answers.map((a) => [a.indicator.code, a.indicator.number]));

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const decision = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') ?? '';
    const needsNote = decision === 'return' || mode === 'assess';
    setNoteMissing(needsNote && !note.trim());
    if (needsNote && !note.trim()) return;
    const indicators = chosen.map((a) => a.indicator.code);
    const [method, path, body] = mode === 'assess'
      ? ['PUT', '/assessments', { assessments: chosen.map((a) => ({ indicator: a.indicator.code, level: level === 'self' ? a.selfLevel : Number(level), reason: note.trim() })) }] as const
      : ['POST', mode === 'review' ? '/reviews' : '/validations', { decision, indicators, ...(note.trim() ? { note: note.trim() } : {}) }] as const;
    setSending(true);
    setError(null);
    setFlash(null);
    api<{ count: number; status?: string }>(`${url}${path}`, { method, body })
      .then((done) => {
        setFlash(done.status ? t('spbe.bulk.done', { n: done.count, status: t(`spbe.status.${done.status as 'accepted'}`) }) : t('spbe.bulk.assessed', { n: done.count }));
        setSelected(new Set());
        setNote('');
        onDone();
      }, setError)
      .finally(() => setSending(false));
  };
  const failures = error instanceof ApiError && error.code === 'spbe.bulk_refused' ? (error.details as { failures: Failure[] }).failures : [];
  const buttons = mode === 'review'
    ? [{ value: 'accept', label: t('spbe.bulk.accept', { n: chosen.length }) }, { value: 'return', label: t('spbe.bulk.return', { n: chosen.length }) }]
    : mode === 'validate'
      ? [{ value: 'validate', label: t('spbe.bulk.validate', { n: chosen.length }) }, { value: 'return', label: t('spbe.bulk.return', { n: chosen.length }) }]
      : [{ value: 'assess', label: t('spbe.bulk.assess', { n: chosen.length }) }];
  return (
    <form className="card bulk-bar no-print" onSubmit={submit} aria-labelledby="bulk-title">
      <h3 id="bulk-title">{t('spbe.bulk.title')}</h3>
      {modes.length > 1 && (
        <div className="field narrow">
          <label htmlFor="bulk-mode">{t('spbe.bulk.mode')}</label>
          <select id="bulk-mode" value={mode} onChange={(e) => { setMode(e.target.value as BulkMode); setSelected(new Set()); }}>
            {modes.map((m) => <option key={m} value={m}>{t(`spbe.bulk.mode.${m}`)}</option>)}
          </select>
        </div>
      )}
      <p className="hint">{t(`spbe.bulk.hint.${mode}`)}</p>
      <div className="button-row">
        <span aria-live="polite">{t('spbe.bulk.selected', { n: chosen.length })}</span>
        <button type="button" className="button secondary" disabled={candidates.length === 0} onClick={() => setSelected(new Set(candidates.map((a) => a.indicator.code)))}>
          {t('spbe.bulk.selectAll', { n: candidates.length })}
        </button>
        <button type="button" className="link-button" disabled={chosen.length === 0} onClick={() => setSelected(new Set())}>{t('spbe.bulk.clear')}</button>
      </div>
      {mode === 'assess' && (
        <div className="field narrow">
          <label htmlFor="bulk-level">{t('spbe.assess.level')}</label>
          <select id="bulk-level" value={level} onChange={(e) => setLevel(e.target.value)}>
            <option value="self">{t('spbe.bulk.levelSelf')}</option>
            {ev.levels.map((l) => <option key={l.level} value={l.level}>{t('spbe.level.n', { n: l.level })} · {pick(l.name)}</option>)}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="bulk-note">{mode === 'assess' ? t('spbe.assess.reason') : t('spbe.review.note')}</label>
        <textarea id="bulk-note" rows={2} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
        {mode !== 'assess' && <small className="hint">{t('spbe.review.noteHint')}</small>}
      </div>
      {noteMissing && <p className="alert alert-error" role="alert">{mode === 'assess' ? t('spbe.bulk.reasonRequired') : t('spbe.review.noteRequired')}</p>}
      {flash && <Flash>{flash}</Flash>}
      <ErrorMessage error={error} />
      {failures.length > 0 && (
        <ul className="bulk-failures">
          {failures.map((f) => <li key={f.indicator}>{t('spbe.indicator.number', { n: number.get(f.indicator) ?? f.indicator })}: {pick(f.messages)}</li>)}
        </ul>
      )}
      <div className="button-row">
        {buttons.map((b) => (
          <button key={b.value} type="submit" value={b.value} className={`button${b.value === 'return' ? ' secondary' : ''}`} disabled={sending || chosen.length === 0}>{b.label}</button>
        ))}
      </div>
    </form>
  );
}
