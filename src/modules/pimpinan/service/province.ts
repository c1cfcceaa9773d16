// The province's page: its enabled kabupaten/kota side by side on every
// tile, read from the figures' snapshot (service/figures.ts) in one query
// however many there are, each figure saying as of when; a rank per tile
// whose better direction is known; one tile's monthly history; and what
// waits on the reader in the province itself (the governor's escalations).
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { can, type Actor } from '../../../platform/auth/policy.js';
import { AppError, type Words } from '../../../platform/errors.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { areas } from '../../../platform/schema.js';
import type { FastifyBaseLogger } from 'fastify';
import { listTiles, readAttention, type AttentionReading, type ReadAttention, tileRef as refOf } from '../../../platform/modules/tiles.js';
import { childRegions, type Region } from '../../../platform/regions/service.js';
import { ranks } from '../domain/ranking.js';
import { periodKey, trendPeriods } from '../domain/periods.js';
import { pimpinanFigureMonths, pimpinanFigures } from '../schema.js';

type Tone = 'good' | 'watch' | 'bad';

export interface ProvinceFigure {
  ref: string;
  value: number | null;
  unit: Words | null;
  tone: Tone | null;
  asOf: Date;
  takenAt: Date;
  rank: number | null;
}

export interface ProvincePage {
  province: { code: string; name: string };
  generatedAt: Date;
  tiles: { ref: string; module: string; moduleTitle: Words; key: string; title: Words; method: Words; better: 'higher' | 'lower' | null }[];
  regions: { code: string; name: string; kind: string; leaderPage: boolean; figures: ProvinceFigure[] }[];
  history: { ref: string; months: string[]; regions: { code: string; values: (number | null)[] }[] } | null;
  attention: ReadAttention[];
  attentionUnread: AttentionReading['failed'];
}

/**
 * A region's kept figures as one JSON text: 27 regions × ~20 figures as rows
 * cost the embedded database a parse per field (several times the rest of
 * the page); one text per region is parsed once.
 */
type KeptFigure = [module: string, key: string, value: number | null, unit: Words | null, tone: Tone | null, asOf: string, takenAt: string];
const keptFigures = sql<string | null>`(select json_agg(json_build_array(f.module, f.key, f.value, f.unit, f.tone, f.as_of, f.taken_at))::text
  from ${pimpinanFigures} f where f.region_code = ${areas.code})`;
const numberOf = (v: string | null) => (v === null ? null : Number(v));

export async function provincePage(ctx: AppContext, log: FastifyBaseLogger, actor: Actor, province: Region, tileRef: string | undefined): Promise<ProvincePage> {
  if (province.kind !== 'provinsi') throw new AppError('pimpinan.not_province');
  const tiles = listTiles();
  if (tileRef !== undefined && !tiles.some((t) => refOf(t) === tileRef)) throw new AppError('pimpinan.tile_not_found');
  const db = ctx.database.db;
  const codes = await childRegions(db, province.code);
  const [rows, history, attention] = await Promise.all([
    codes.length === 0 ? [] : db.select({ code: areas.code, name: areas.name, kind: areas.kind, figures: keptFigures })
      .from(areas).where(inArray(areas.code, codes)).orderBy(areas.name),
    tileRef === undefined ? null : monthHistory(ctx, province, codes, tileRef),
    readAttention(ctx, actor, province.code, log),
  ]);

  const regions = new Map<string, ProvincePage['regions'][number]>();
  for (const r of rows) {
    const figures = (JSON.parse(r.figures ?? '[]') as KeptFigure[]).map(([module, key, value, unit, tone, asOf, takenAt]): ProvinceFigure => (
      { ref: `${module}.${key}`, value, unit, tone, asOf: new Date(asOf), takenAt: new Date(takenAt), rank: null }));
    regions.set(r.code, { code: r.code, name: r.name, kind: r.kind, leaderPage: can(actor, 'pimpinan.read', r.code), figures });
  }
  // In the tiles' order; a tile no longer offered (its module gone) is not shown. Ranks within each tile that knows its better.
  const order = new Map(tiles.map((t, i) => [refOf(t), i]));
  for (const region of regions.values()) {
    region.figures = region.figures.filter((x) => order.has(x.ref)).sort((a, b) => order.get(a.ref)! - order.get(b.ref)!);
  }
  for (const t of tiles) {
    if (!t.tile.better) continue;
    const figures = [...regions.values()].flatMap((r) => r.figures.filter((x) => x.ref === refOf(t)));
    ranks(figures.map((x) => x.value), t.tile.better).forEach((rank, i) => { figures[i].rank = rank; });
  }
  return {
    province: { code: province.code, name: province.name },
    generatedAt: ctx.clock.now(),
    tiles: tiles.map((t) => ({ ref: refOf(t), module: t.module, moduleTitle: t.moduleTitle, key: t.tile.key, title: t.tile.title, method: t.tile.method, better: t.tile.better ?? null })),
    regions: [...regions.values()],
    history,
    attention: attention.items,
    attentionUnread: attention.failed,
  };
}

/** The tile's last reading in each of the last twelve months of the province's calendar, per kabupaten/kota (null where none was taken). */
async function monthHistory(ctx: AppContext, province: Region, codes: string[], ref: string): Promise<NonNullable<ProvincePage['history']>> {
  const months = trendPeriods('month', localDateOf(ctx.clock.now(), province)).map(periodKey);
  const [module, key] = [ref.slice(0, ref.indexOf('.')), ref.slice(ref.indexOf('.') + 1)];
  const m = pimpinanFigureMonths;
  const rows = codes.length === 0 ? [] : await ctx.database.db.select({ code: m.regionCode, month: m.month, value: m.value }).from(m)
    .where(and(inArray(m.regionCode, codes), eq(m.module, module), eq(m.key, key), gte(m.month, months[0])));
  const found = new Map(rows.map((r) => [`${r.code} ${r.month}`, numberOf(r.value)]));
  return { ref, months, regions: codes.map((code) => ({ code, values: months.map((month) => found.get(`${code} ${month}`) ?? null) })) };
}
