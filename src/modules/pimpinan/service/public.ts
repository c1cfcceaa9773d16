// The public version of the leader's page and its open data (issue 15, "Open
// data"): the figures a region chooses to publish (settings:
// pimpinan.published), for anyone, as JSON and as CSV for open-data portals.
// Read ONLY from the figures' snapshot (service/figures.ts), never live: an
// anonymous caller must not be able to make the server read every module.
// Titles and methods come from the tiles' declarations (never stored), so a
// figure whose module is gone is not shown, whatever the setting still says.
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { AppError, type Words } from '../../../platform/errors.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { csvFile, type CsvValue } from '../../../platform/csv.js';
import { staleRead } from '../../../platform/db/replica.js';
import { listTiles, type NamedTile, tileRef } from '../../../platform/modules/tiles.js';
import { saveSettings } from '../../../platform/regions/admin.js';
import type { Region } from '../../../platform/regions/service.js';
import type { Locale } from '../../../platform/i18n.js';
import { periodKey, trendPeriods } from '../domain/periods.js';
import { pimpinanFigureMonths, pimpinanFigures } from '../schema.js';
import { unknownRefs } from '../settings.js';

type Tone = 'good' | 'watch' | 'bad';

export interface PublicFigure {
  ref: string;
  module: string;
  moduleTitle: Words;
  key: string;
  title: Words;
  method: Words;
  value: number | null;
  unit: Words | null;
  tone: Tone | null;
  asOf: Date;
  takenAt: Date;
  /** The last twelve local months, oldest first: the last reading taken in each, null where none was. */
  months: { month: string; value: number | null; takenAt: Date | null }[];
}

export interface PublicPage {
  region: { code: string; name: string; kind: string; timezone: string; timezoneLabel: string };
  generatedAt: Date;
  months: string[];
  figures: PublicFigure[];
}

const numberOf = (v: string | null) => (v === null ? null : Number(v));

/** The registered tiles the region publishes, in the tiles' order (a ref no tile answers to is left out). */
export function publishedTiles(region: Region): NamedTile[] {
  const chosen = new Set(region.settings.pimpinan.published);
  return listTiles().filter((t) => chosen.has(tileRef(t)));
}

/** The published figures from the snapshot: the latest reading of each and its last twelve months. Figures not read yet are not shown. */
export async function publicPage(ctx: AppContext, region: Region): Promise<PublicPage> {
  const now = ctx.clock.now();
  const months = trendPeriods('month', localDateOf(now, region)).map(periodKey);
  const tiles = publishedTiles(region);
  const head = {
    region: { code: region.code, name: region.name, kind: region.kind, timezone: region.timezone, timezoneLabel: region.timezoneLabel },
    generatedAt: now,
    months,
  };
  if (tiles.length === 0) return { ...head, figures: [] };
  const refs = tiles.map(tileRef);
  const f = pimpinanFigures;
  const m = pimpinanFigureMonths;
  const [latest, history] = await staleRead(ctx, (c) => Promise.all([
    c.database.db.select({ module: f.module, key: f.key, value: f.value, unit: f.unit, tone: f.tone, asOf: f.asOf, takenAt: f.takenAt }).from(f)
      .where(and(eq(f.regionCode, region.code), inArray(sql`${f.module} || '.' || ${f.key}`, refs))),
    c.database.db.select({ module: m.module, key: m.key, month: m.month, value: m.value, takenAt: m.takenAt }).from(m)
      .where(and(eq(m.regionCode, region.code), gte(m.month, months[0]), inArray(sql`${m.module} || '.' || ${m.key}`, refs)))
      .orderBy(asc(m.month)),
  ]));
  const read = new Map(latest.map((r) => [`${r.module}.${r.key}`, r]));
  const monthly = new Map(history.map((r) => [`${r.module}.${r.key} ${r.month}`, r]));
  const figures: PublicFigure[] = [];
  for (const t of tiles) {
    const ref = tileRef(t);
    const r = read.get(ref);
    if (!r) continue;
    figures.push({
      ref, module: t.module, moduleTitle: t.moduleTitle, key: t.tile.key, title: t.tile.title, method: t.tile.method,
      value: numberOf(r.value), unit: r.unit ?? null, tone: (r.tone as Tone | null) ?? null, asOf: r.asOf, takenAt: r.takenAt,
      months: months.map((month) => {
        const h = monthly.get(`${ref} ${month}`);
        return { month, value: h ? numberOf(h.value) : null, takenAt: h?.takenAt ?? null };
      }),
    });
  }
  return { ...head, figures };
}

/** The columns of the open-data file, one row per figure and month: in Indonesian (what Satu Data portals expect) and in English (`?lang=en`), in the same order. */
export const PUBLIC_CSV_HEADERS: Record<Locale, string[]> = {
  id: ['kode_wilayah', 'nama_wilayah', 'modul', 'nama_modul', 'kunci', 'judul', 'cara_menghitung', 'bulan', 'nilai', 'satuan', 'berlaku_per', 'dibaca_pada'],
  en: ['region_code', 'region_name', 'module', 'module_name', 'key', 'title', 'method', 'month', 'value', 'unit', 'as_of', 'read_at'],
};
export const PUBLIC_CSV_HEADER = PUBLIC_CSV_HEADERS.id;

/** The open-data file's name: says what it is and whose, in the file's language. */
export const publicCsvName = (region: Pick<Region, 'code'>, lang: Locale) => `${lang === 'en' ? 'public-dashboard' : 'dasbor-publik'}-${region.code}.csv`;

/** An instant as ISO 8601 in the region's own time with its offset ("2026-11-28T10:05:00+07:00"): unambiguous for a machine, readable for a person. */
function isoLocal(at: Date, region: Region): string {
  const offset = region.utcOffsetMinutes; // Indonesia: +07:00, +08:00, +09:00
  const local = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${local}+${String(Math.floor(offset / 60)).padStart(2, '0')}:${String(offset % 60).padStart(2, '0')}`;
}

/**
 * The page as CSV for open-data portals: comma-separated with a decimal point
 * whatever the file's language (a machine reads it), UTF-8 with a byte-order
 * mark (so Excel shows the words right). A month without a reading has no
 * row. `satuan` and `berlaku_per` belong to the latest reading only (Pamong
 * keeps each earlier month's value and when it read it), so they are filled on
 * that row alone. `lang` chooses the header and the texts (module, title,
 * method, unit); the region's name is a name in both.
 */
export function publicCsv(page: PublicPage, region: Region, lang: Locale = 'id'): string {
  const rows: CsvValue[][] = [];
  for (const f of page.figures) {
    for (const m of f.months) {
      if (m.takenAt === null) continue;
      const latest = m.takenAt.getTime() === f.takenAt.getTime();
      rows.push([
        page.region.code, page.region.name, f.module, f.moduleTitle[lang], f.key, f.title[lang], f.method[lang],
        m.month, m.value, latest ? f.unit?.[lang] ?? null : null, latest ? isoLocal(f.asOf, region) : null, isoLocal(m.takenAt, region),
      ]);
    }
  }
  return csvFile(PUBLIC_CSV_HEADERS[lang], rows, { separator: ',', decimal: '.', timeZone: region.timezone });
}

/** Every tile the region may publish, with whether it does: the region admin's checklist. */
export function publicationChoices(region: Region) {
  const chosen = new Set(region.settings.pimpinan.published);
  return {
    tiles: listTiles().map((t) => ({ ref: tileRef(t), module: t.module, moduleTitle: t.moduleTitle, key: t.tile.key, title: t.tile.title, method: t.tile.method, published: chosen.has(tileRef(t)) })),
  };
}

/** Sets the figures the region publishes; every ref must be a registered tile. Saved as a settings change (audited as such). */
export async function setPublished(ctx: AppContext, actor: Actor, region: Region, refs: string[]): Promise<void> {
  const unknown = unknownRefs(refs);
  if (unknown.length) throw new AppError('pimpinan.unknown_tile', { refs: unknown });
  const chosen = new Set(refs);
  await saveSettings(ctx, actor, region, { pimpinan: { ...region.settings.pimpinan, published: listTiles().map(tileRef).filter((r) => chosen.has(r)) } });
}
