// Dates and durations, always in the region's own time zone (WIB, WITA, WIT).
import type { Locale, Translate } from './i18n/index.js';

export interface Zone {
  timezone: string;
  timezoneLabel: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, timeZone: string, dateOnly: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${dateOnly}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
      timeZone, day: 'numeric', month: 'short', year: 'numeric', ...(dateOnly ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    });
    formatters.set(key, f);
  }
  return f;
}

export function formatDateTime(iso: string, zone: Zone, locale: Locale): string {
  return `${formatter(locale, zone.timezone, false).format(new Date(iso))} ${zone.timezoneLabel}`;
}

export function formatDate(iso: string, zone: Zone, locale: Locale): string {
  return formatter(locale, zone.timezone, true).format(new Date(iso));
}

/**
 * A deadline. One at local midnight (a working-day deadline ends with its last
 * day) reads as the last minute of the day before: "3 Nov 2026, 23.59 WIB",
 * not "4 Nov, 00.00", which people take for a day more than they have.
 */
export function formatDeadline(iso: string, zone: Zone, locale: Locale): string {
  const at = new Date(iso).getTime();
  const midnight = at % 60_000 === 0 && localClock(at, zone.timezone) === '00:00';
  return formatDateTime(new Date(midnight ? at - 60_000 : at).toISOString(), zone, locale);
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** "HH:MM" of an instant in a time zone. */
function localClock(at: number, timeZone: string): string {
  let f = clocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clocks.set(timeZone, f);
  }
  return f.format(at);
}

/** The month (YYYY-MM) an instant falls in, in a time zone. */
export function localMonth(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(at);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

/** A calendar date (YYYY-MM-DD, no time zone) in words: "Rabu, 4 November 2026". */
export function formatCalendarDate(date: string, locale: Locale, opts: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { ...opts, timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

const numbers = new Map<string, Intl.NumberFormat>();

/** Numbers the way the reader writes them: "1.234", "66,7" (one decimal unless more are asked for: an index "3,12"). */
export function formatNumber(n: number, locale: Locale, maxDecimals = 1): string {
  const key = `${locale}|${maxDecimals}`;
  let f = numbers.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: maxDecimals });
    numbers.set(key, f);
  }
  return f.format(n);
}

/** "2 hari 3 jam", "5 jam 10 menit", "12 menit": the two largest units. */
export function formatDuration(ms: number, t: Translate): string {
  const minutes = Math.max(1, Math.floor(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return [t('duration.days', { n: days }), hours ? t('duration.hours', { n: hours }) : ''].filter(Boolean).join(' ');
  if (hours > 0) return [t('duration.hours', { n: hours }), mins ? t('duration.minutes', { n: mins }) : ''].filter(Boolean).join(' ');
  return t('duration.minutes', { n: mins });
}

/**
 * A wall-clock time typed in a form ("2026-11-02T09:30"), read in the region's
 * time zone, as an ISO instant. Indonesian zones have no daylight saving, so
 * one offset lookup is exact.
 */
export function zonedTimeToIso(local: string, timeZone: string): string {
  const asUtc = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(asUtc));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return new Date(asUtc - (shown - asUtc)).toISOString();
}
