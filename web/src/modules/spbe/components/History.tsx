// Who did what when in an evaluation, from its history (one line per change).
import { When } from '../../../components/ui.js';
import { useI18n, type Translate } from '../../../i18n/index.js';
import { Link } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';
import { indicatorPath } from './common.js';
import type { Evaluation, HistoryEntry, Stage } from './types.js';

const actions = ['open', 'assign', 'fill', 'evidence_remove', 'submit', 'accept', 'return', 'validate', 'return_validation', 'assess', 'share_practice', 'stage', 'publish', 'unpublish'] as const;
type Known = (typeof actions)[number];

interface Detail {
  year?: number; framework?: string; version?: number; from?: unknown; to?: unknown; level?: unknown; note?: string | null; files?: string[]; file?: string;
  reason?: string; explanation?: string; shared?: boolean; interviewNote?: string | null; visitNote?: string | null;
}

const levelChange = (t: Translate, level: unknown) => {
  if (typeof level === 'number') return t('spbe.history.level', { level });
  const l = level as { from?: number | null; to?: number | null } | undefined;
  return l && 'to' in l ? t('spbe.history.levelChange', { from: l.from ?? '–', to: l.to ?? '–' }) : null;
};

/** One line of plain text saying what changed. */
function describe(e: HistoryEntry, t: Translate, unitName: (id: unknown) => string): string {
  const d = (e.detail ?? {}) as Detail;
  const parts: (string | null | undefined)[] = [];
  switch (e.action) {
    case 'open': parts.push(t('spbe.history.opened', { year: d.year ?? '', framework: `${d.framework ?? ''} v${d.version ?? ''}` })); break;
    case 'assign': parts.push(t('spbe.history.assigned', { from: unitName(d.from), to: unitName(d.to) })); break;
    case 'stage': parts.push(t('spbe.history.stage', { from: t(`spbe.stage.${d.from as Stage}`), to: t(`spbe.stage.${d.to as Stage}`) })); break;
    case 'evidence_remove': parts.push(d.file); break;
    case 'share_practice': parts.push(d.shared ? t('spbe.history.shared') : t('spbe.history.notShared'), d.note); break;
    default:
      parts.push(levelChange(t, d.level), d.files?.length ? t('spbe.history.files', { files: d.files.join(', ') }) : null, d.explanation !== undefined ? t('spbe.history.explanation') : null, d.reason, d.note);
  }
  return parts.filter(Boolean).join(' · ');
}

export function HistoryList({ entries, ev, region, showIndicator = true }: { entries: HistoryEntry[]; ev: Evaluation; region: RegionProfile; showIndicator?: boolean }) {
  const { t, pick } = useI18n();
  const units = new Map(ev.units.map((u) => [u.id, u.name]));
  const unitName = (id: unknown) => (typeof id === 'string' ? units.get(id) ?? id : '–');
  const names = new Map(ev.answers.map((a) => [a.indicator.code, a.indicator]));
  if (entries.length === 0) return <p className="muted">{t('spbe.history.none')}</p>;
  return (
    <ol className="timeline spbe-history">
      {entries.map((e) => {
        const ind = e.indicator ? names.get(e.indicator) : null;
        const text = describe(e, t, unitName);
        return (
          <li key={e.id}>
            <div className="timeline-head">
              <strong>{(actions as readonly string[]).includes(e.action) ? t(`spbe.history.action.${e.action as Known}`) : e.action}</strong>
              <span className="muted small"><When at={e.at} zone={region} /> · {e.actor}</span>
            </div>
            {showIndicator && ind && <p className="small"><Link to={indicatorPath(region.code, ev.id, ind.code)}>{ind.number}. {pick(ind.name)}</Link></p>}
            {text && <p className="small">{text}</p>}
          </li>
        );
      })}
    </ol>
  );
}
