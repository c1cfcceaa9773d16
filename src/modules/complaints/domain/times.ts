// Response and resolution times as the dashboard summary keeps them: counts
// per time bucket, never single values. A median or P90 is known only to the
// bucket it falls in, so that is what is shown: "< 5 menit", "1–2 jam".
// Shared with the web app (no imports beyond types).
import type { Text } from '../../../platform/i18n.js';

/**
 * Lower bounds (minutes) of the histogram buckets for first-response and
 * resolution times: fine under an hour, where officers who answer in two
 * minutes must not read "30 minutes", coarser beyond (2 h … 30 days); the last
 * (30 days and more) is open-ended. Changing them means a migration that
 * reshapes complaint_stats' arrays, as src/modules/complaints/migrations/0001_minute_buckets.sql does.
 */
export const BUCKET_MINUTES = [0, 5, 15, 30, 60, 120, 240, 480, 720, 1440, 2160, 2880, 4320, 5760, 10080, 20160, 43200] as const;

const MINUTE_MS = 60_000;

/** The bucket (0-based) holding a duration; a negative duration counts as 0. */
export function bucketOf(ms: number): number {
  let i = 0;
  while (i + 1 < BUCKET_MINUTES.length && ms >= BUCKET_MINUTES[i + 1] * MINUTE_MS) i++;
  return i;
}

/**
 * A quantile of a time histogram. The value itself (the nearest-rank one) lies
 * in [fromMinutes, toMinutes): that much is exact. `minutes` places it inside
 * the bucket by assuming the bucket's values spread evenly: a guess, good for
 * ordering rows and drawing bars, not to be shown as a figure.
 */
export interface TimeEstimate {
  fromMinutes: number;
  /** Null for the open-ended last bucket. */
  toMinutes: number | null;
  minutes: number;
}

/** The p-th quantile (0 < p <= 1) of a histogram over BUCKET_MINUTES; null when it is empty. */
export function quantile(hist: readonly number[], p: number): TimeEstimate | null {
  const n = hist.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const rank = p * n;
  let below = 0;
  let i = 0;
  while (hist[i] === 0 || below + hist[i] < rank) below += hist[i++];
  const from = BUCKET_MINUTES[i];
  const to: number | undefined = BUCKET_MINUTES[i + 1];
  if (to === undefined) return { fromMinutes: from, toMinutes: null, minutes: from };
  return { fromMinutes: from, toMinutes: to, minutes: Math.round((from + ((rank - below) / hist[i]) * (to - from)) * 10) / 10 };
}

const units = {
  minutes: { div: 1, id: 'menit', en: 'min' },
  hours: { div: 60, id: 'jam', en: 'h' },
  days: { div: 1440, id: 'hari', en: 'days' },
};

/**
 * A time estimate in words, as precise as its bucket and no more: "< 5 menit",
 * "5–15 menit", "1–2 jam", "24–36 jam", "7–14 hari", "> 30 hari". The unit is
 * the one of the bucket's upper bound: minutes up to an hour, hours up to two days.
 */
export function estimateText(e: TimeEstimate): Text {
  const top = e.toMinutes ?? e.fromMinutes;
  const unit = top <= 60 ? units.minutes : top <= 2880 ? units.hours : units.days;
  const words = (text: (lo: number, hi: number) => string): Text => {
    const [lo, hi] = [e.fromMinutes / unit.div, top / unit.div];
    return { id: `${text(lo, hi)} ${unit.id}`, en: `${text(lo, hi)} ${unit.en}` };
  };
  if (e.toMinutes === null) return words((lo) => `> ${lo}`);
  if (e.fromMinutes === 0) return words((_, hi) => `< ${hi}`);
  return words((lo, hi) => `${lo}–${hi}`);
}
