// What every administration form shares: a write that reports its outcome (the
// API's message on failure, a confirmation on success) and a destructive
// button that asks first.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../../api.js';
import { ErrorMessage, Flash } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import { fieldProblems, refusedFields } from './fields.js';

export interface Write {
  busy: boolean;
  error: unknown;
  done: string | null;
  /** Runs the call; on success shows `done` and returns true. */
  run: (call: () => Promise<unknown>, done: string) => Promise<boolean>;
}

export function useWrite(): Write {
  const [state, setState] = useState<{ busy: boolean; error: unknown; done: string | null }>({ busy: false, error: null, done: null });
  const run = useCallback(async (call: () => Promise<unknown>, done: string) => {
    setState({ busy: true, error: null, done: null });
    try {
      await call();
      setState({ busy: false, error: null, done });
      return true;
    } catch (error) {
      setState({ busy: false, error, done: null });
      return false;
    }
  }, []);
  return { ...state, run };
}

/** The outcome of a write: the API's message (and which fields it refused), or the confirmation. */
export function Outcome({ write }: { write: Write }) {
  const { t } = useI18n();
  const details = write.error instanceof ApiError && write.error.code === 'request.invalid' ? refusedFields(write.error.details, t) : [];
  return (
    <>
      <ErrorMessage error={write.error} />
      {details.length > 0 && <p className="small muted">{t('admin.checkFields', { fields: details.join(', ') })}</p>}
      {write.done && <Flash>{write.done}</Flash>}
    </>
  );
}

/**
 * A field's own problem after the server refused the form: the words under the
 * input, and the attributes that tie them to it. `id` is the input's id.
 */
export function useFieldProblem(write: Write) {
  const { t } = useI18n();
  const problems = write.error instanceof ApiError && write.error.code === 'request.invalid' ? fieldProblems(write.error.details, t) : new Map<string, string>();
  return (name: string, id: string, hint?: string) => {
    const problem = problems.get(name);
    return {
      /** Spread on the input. */
      input: { 'aria-invalid': problem ? true : undefined, 'aria-describedby': [hint, problem ? `${id}-problem` : undefined].filter(Boolean).join(' ') || undefined },
      /** Placed after the input. */
      message: problem ? <small id={`${id}-problem`} className="field-problem">{problem}</small> : null,
    };
  };
}

/** A destructive action: the first press asks the question, the second does it. */
export function ConfirmButton({ label, question, confirm, onConfirm, disabled }: {
  label: string; question: string; confirm: string; onConfirm: () => void; disabled?: boolean;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  if (!asking) return <button type="button" className="button secondary small" disabled={disabled} onClick={() => setAsking(true)}>{label}</button>;
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button ref={yes} type="button" className="button danger small" onClick={() => { setAsking(false); onConfirm(); }}>{confirm}</button>
      <button type="button" className="button secondary small" onClick={() => setAsking(false)}>{t('admin.cancel')}</button>
    </span>
  );
}

/** Text from a form field, trimmed. */
export const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/**
 * A module's one-number setting as a form of its own (e.g. how often a sweep
 * reads again): the field by its settings key, its bounds and hint, and
 * `save`, which sends the module's settings whole.
 */
export function NumberSettingForm({ id, name, title, label, hint, initial, bounds, save, saveLabel, saved }: {
  id: string; name: string; title: string; label: string; hint: string; initial: number; bounds: { min: number; max: number };
  save: (value: number) => Promise<unknown>; saveLabel: string; saved: string;
}) {
  const [value, setValue] = useState(String(initial));
  const write = useWrite();
  const field = useFieldProblem(write)(name, id, `${id}-hint`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void write.run(() => save(Number(value)), saved);
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div className="field narrow">
        <label htmlFor={id}>{label}</label>
        <input id={id} type="number" inputMode="numeric" min={bounds.min} max={bounds.max} step={1} required value={value}
          onChange={(e) => setValue(e.target.value)} {...field.input} />
        <small id={`${id}-hint`} className="hint">{hint}</small>
        {field.message}
      </div>
      <Outcome write={write} />
      <button type="submit" className="button" disabled={write.busy}>{saveLabel}</button>
    </form>
  );
}
