// A text field with its character limit in view ("120/4000 karakter"). Over
// the limit it says by how much and is marked invalid, and the form refuses
// to go on: the text is never cut, by the browser or by the server.
import type { InputHTMLAttributes, ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';

export const overLimit = (value: string, max: number) => value.length > max;

export function TextField({ id, label, value, max, onChange, optional, multiline, rows = 3, hint, input }: {
  id: string; label: ReactNode; value: string; max: number; onChange: (value: string) => void;
  /** Adds "(opsional)" to the label. */
  optional?: boolean;
  multiline?: boolean;
  rows?: number;
  hint?: ReactNode;
  /** Extra attributes of a one-line input (type, autoComplete...). */
  input?: InputHTMLAttributes<HTMLInputElement>;
}) {
  const { t } = useI18n();
  const over = overLimit(value, max);
  const describedBy = [hint ? `${id}-hint` : null, `${id}-count`].filter(Boolean).join(' ');
  const common = { id, value, onChange: (e: { target: { value: string } }) => onChange(e.target.value), 'aria-describedby': describedBy, 'aria-invalid': over || undefined };
  return (
    <div className="field">
      <label htmlFor={id}>{label}{optional && <> <span className="muted small">({t('common.optional')})</span></>}</label>
      {multiline ? <textarea rows={rows} {...common} /> : <input type="text" {...input} {...common} />}
      {hint && <small id={`${id}-hint`} className="hint">{hint}</small>}
      <small id={`${id}-count`} className={over ? 'char-count over' : 'char-count'}>
        {t(over ? 'common.charsOver' : 'common.chars', { n: value.length, max, over: value.length - max })}
      </small>
    </div>
  );
}
