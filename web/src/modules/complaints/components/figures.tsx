// Complaint figures in words (counts, percentages, times in the reader's
// language) and the tiles that show the headline numbers.
import { formatNumber } from '../../../format.js';
import { useId } from 'react';
import { useI18n } from '../../../i18n/index.js';
import type { Metrics } from '../../../admin-types.js';
import { estimateText } from '../../../../../src/modules/complaints/domain/times.js';

/** The figures the dashboards show, as the API names them. */
export const metricNames = [
  'received', 'backlog', 'overdue', 'responseCompliancePct', 'resolutionCompliancePct',
  'responseTimeMedian', 'responseTimeP90', 'resolutionTimeMedian', 'resolutionTimeP90', 'resolved',
] as const satisfies readonly (keyof Metrics)[];
export type MetricName = (typeof metricNames)[number];
type Figure = Metrics[MetricName];

export const isPercent = (m: MetricName) => m === 'responseCompliancePct' || m === 'resolutionCompliancePct';
/** Medians and P90 are known only to their histogram bucket (dashboard/times.ts): estimates, said so on screen. */
export const isEstimate = (m: MetricName) => /Time(Median|P90)$/.test(m);

/** A figure as a number, to order rows and size bars: a time by its estimated place inside its bucket. */
export const amount = (v: Figure): number | null => (v !== null && typeof v === 'object' ? v.minutes : v);

export function useFigures() {
  const { t, pick, locale } = useI18n();
  const number = (n: number) => formatNumber(n, locale);
  /** A figure with its unit, a time as its bucket ("< 5 menit", "1–2 jam"); "–" when there is nothing to measure yet. */
  const figure = (m: MetricName, v: Figure) => {
    if (v === null) return '–';
    if (typeof v === 'object') return pick(estimateText(v));
    if (isPercent(m)) return t('dash.percent', { n: number(v) });
    return number(v);
  };
  return { number, figure, label: (m: MetricName) => t(`dash.metric.${m}`) };
}

/** Headline figures as tiles; compliance shows its counts when the totals have them. */
export function Tiles({ totals, metrics, label }: { totals: Partial<Metrics>; metrics: readonly MetricName[]; label: string }) {
  const { t } = useI18n();
  const f = useFigures();
  const counts: Partial<Record<MetricName, [number | undefined, number | undefined]>> = {
    responseCompliancePct: [totals.respondedInTime, totals.responded],
    resolutionCompliancePct: [totals.resolvedInTime, totals.resolved],
  };
  const note = useId();
  const estimated = metrics.some(isEstimate);
  return (
    <>
    <dl className="tiles" aria-label={label}>
      {metrics.map((m) => {
        const [part, whole] = counts[m] ?? [];
        return (
          <div key={m} className="tile" data-metric={m} aria-describedby={isEstimate(m) ? note : undefined}>
            <dt>{f.label(m)}</dt>
            <dd>
              {f.figure(m, totals[m] ?? null)}
              {part !== undefined && whole !== undefined && whole > 0 && <span className="tile-note">{t('dash.ofTotal', { part: f.number(part), whole: f.number(whole) })}</span>}
            </dd>
          </div>
        );
      })}
    </dl>
    {estimated && <p id={note} className="muted small">{t('dash.estimate')}</p>}
    </>
  );
}
