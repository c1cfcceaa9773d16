// Choosing a level against the indicator's criteria: one card per level with
// its name and criteria beside the radio button.
import { useId } from 'react';
import { useI18n } from '../../i18n/index.js';
import { BiText } from './common.js';
import type { EvaluationAnswer, MaybeBilingual } from './types.js';

export function LevelChoice({ legend, levels, generic, value, onChange, marks = {} }: {
  legend: string;
  levels: EvaluationAnswer['indicator']['levels'];
  /** The framework's general description of each level, shown when the indicator has no criteria of its own. */
  generic: Record<number, MaybeBilingual | null>;
  value: number | null;
  onChange: (level: number) => void;
  /** A badge on some levels, e.g. the unit's own choice shown to the assessor. */
  marks?: Record<number, string>;
}) {
  const { t, pick } = useI18n();
  const id = useId();
  return (
    <fieldset className="level-choice">
      <legend>{legend}</legend>
      {levels.map((l) => (
        <label key={l.level} className="level-card">
          <input type="radio" name={id} value={l.level} checked={value === l.level} onChange={() => onChange(l.level)}
            aria-labelledby={`${id}-${l.level}-h`} aria-describedby={`${id}-${l.level}-c`} />
          <span className="level-text">
            <span id={`${id}-${l.level}-h`} className="level-head">
              {t('spbe.level.n', { n: l.level })}{l.name && <> · {pick(l.name)}</>}
            </span>
            {marks[l.level] && <span className="badge badge-neutral">{marks[l.level]}</span>}
            <span id={`${id}-${l.level}-c`} className="level-criteria small">
              <BiText text={l.criteria ?? generic[l.level]} fallback={t('spbe.level.noCriteria')} />
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
