// Scores of an evaluation, self-assessed beside final: the index cards and
// the domain/aspect tables (the screen, the results page and the report).
import { useI18n } from '../../../i18n/index.js';
import { formatDecimal, formatScore, Score } from './common.js';
import type { Scores } from './types.js';

export function IndexCards({ self, final }: { self: Scores; final: Scores }) {
  const { t, pick } = useI18n();
  const card = (title: string, s: Scores) => (
    <div className="card score-card">
      <h2>{title}</h2>
      <p className="big-score"><Score value={s.index} /></p>
      <p>{s.predicate ? pick(s.predicate) : t('spbe.index.incomplete', { filled: s.filled, total: s.total })}</p>
    </div>
  );
  return (
    <div className="score-cards">
      {card(t('spbe.index.self'), self)}
      {card(t('spbe.index.final'), final)}
    </div>
  );
}

/** Domains or aspects with their derived weight, self-assessed and final values. */
export function ScoreTable({ caption, self, final }: { caption: string; self: Scores['aspects']; final: Scores['aspects'] }) {
  const { t, pick, locale } = useI18n();
  if (self.length === 0) return null;
  return (
    <div className="spbe-scroll">
      <table className="spbe-table scores">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('spbe.table.code')}</th>
            <th scope="col">{t('spbe.table.name')}</th>
            <th scope="col" className="num">{t('spbe.table.weight')}</th>
            <th scope="col" className="num">{t('spbe.level.self')}</th>
            <th scope="col" className="num">{t('spbe.level.final')}</th>
          </tr>
        </thead>
        <tbody>
          {self.map((s, i) => (
            <tr key={s.code}>
              <td>{s.code}</td>
              <th scope="row">{pick(s.name)}</th>
              <td className="num">{formatDecimal(s.weight, locale, 0)}</td>
              <td className="num">{formatScore(s.value, locale)}</td>
              <td className="num">{formatScore(final[i]?.value, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
