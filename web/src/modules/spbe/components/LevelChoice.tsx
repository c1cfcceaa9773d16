// Choosing a level against the indicator's criteria: one card per level with
// its name and criteria beside the radio button; the same criteria read-only
// for those who review rather than choose.
import { useId } from 'react';
import { useI18n } from '../../../i18n/index.js';
import { BiText } from './common.js';
import type { EvaluationAnswer, MaybeBilingual } from './types.js';

type Levels = EvaluationAnswer['indicator']['levels'];

/** One level's criteria in the reader's language, the Pedoman wording where it differs. */
function Criteria({ level, generic }: { level: Levels[number]; generic: MaybeBilingual | null | undefined }) {
  const { t } = useI18n();
  const pedoman = level.criteria?.pedoman;
  return (
    <>
      <BiText text={level.criteria ?? generic} fallback={t('spbe.level.noCriteria')} />
      {pedoman && (
        <span className="level-pedoman">
          <span className="level-pedoman-label">{t('spbe.level.pedoman')}</span> <span lang="id">{pedoman}</span>
        </span>
      )}
    </>
  );
}

/** Said once above the levels when their criteria are placeholders (Pemdi 2026 until the Lampiran text is in). */
function ProvisionalNote({ levels }: { levels: Levels }) {
  const { t } = useI18n();
  return levels.some((l) => l.criteria?.provisional) ? <p className="alert alert-warn small" role="note">{t('spbe.level.provisional')}</p> : null;
}

export function LevelChoice({ legend, levels, generic, value, onChange, marks = {} }: {
  legend: string;
  levels: Levels;
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
      <ProvisionalNote levels={levels} />
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
              <Criteria level={l} generic={generic[l.level]} />
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** The criteria of every level, read-only (coordinator, internal assessor, readers). */
export function LevelCriteriaList({ levels, generic }: { levels: Levels; generic: Record<number, MaybeBilingual | null> }) {
  const { t, pick } = useI18n();
  return (
    <section aria-labelledby="criteria-title">
      <h2 id="criteria-title">{t('spbe.level.criteriaTitle')}</h2>
      <ProvisionalNote levels={levels} />
      <dl className="level-list">
        {levels.map((l) => (
          <div key={l.level} className="level-card">
            <dt className="level-head">{t('spbe.level.n', { n: l.level })}{l.name && <> · {pick(l.name)}</>}</dt>
            <dd className="level-criteria small"><Criteria level={l} generic={generic[l.level]} /></dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
