// The figures modules offer to the leader's dashboard (their `tiles`) and
// what waits on a reader in each (their `attention`), read through the
// registry so the dashboard never knows a module. A tile that fails is shown
// as unavailable, with the others, instead of taking the page down.
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.js';
import type { Words } from '../errors.js';
import { can, type Actor } from '../auth/policy.js';
import type { AdoptionMeasure, AttentionItem, DashboardTile, MeasurePeriod, TileItem, TileReading, UnitAdoption } from './contract.js';
import { modules } from './registry.js';

export interface ReadTile extends Omit<TileReading, 'tone' | 'items'> {
  tone: NonNullable<TileReading['tone']> | null;
  items: TileItem[];
  module: string;
  moduleTitle: Words;
  key: string;
  title: Words;
  method: Words;
  /** "module.measure" of its trend, when it has one. */
  trend: string | null;
  /** True when reading it failed: its value is then null, and the page says so. */
  failed: boolean;
}

export interface ReadAttention extends AttentionItem {
  module: string;
  source: string;
  sourceTitle: Words;
}

export interface NamedTile { module: string; moduleTitle: Words; tile: DashboardTile }

/** A tile's name across modules, "module.key": how pages, settings and the snapshot refer to it. */
export const tileRef = ({ module, tile }: NamedTile) => `${module}.${tile.key}`;

/** Every installed module's tiles, in registry order. */
export const listTiles = (): NamedTile[] =>
  modules().flatMap((m) => (m.tiles ?? []).map((tile) => ({ module: m.name, moduleTitle: m.title, tile })));

/** What a tile says of itself, whatever its reading: who offers it, its title, method and trend. */
export const tileHead = ({ module, moduleTitle, tile }: NamedTile) =>
  ({ module, moduleTitle, key: tile.key, title: tile.title, method: tile.method, trend: tile.trend ? `${module}.${tile.trend}` : null });

/** One tile read now; a failure is logged and returned as such. */
export async function readTile(ctx: AppContext, log: FastifyBaseLogger, named: NamedTile, regionCode: string): Promise<ReadTile> {
  const { tile } = named;
  const head = tileHead(named);
  try {
    const reading = await tile.read(ctx, regionCode);
    return { ...head, ...reading, tone: reading.tone ?? null, items: (reading.items ?? []).slice(0, 5), failed: false };
  } catch (err) {
    log.error({ err, tile: tileRef(named), region: regionCode }, 'tile failed');
    return { ...head, value: null, unit: null, asOf: ctx.clock.now(), link: '', tone: null, items: [], failed: true };
  }
}

/**
 * The region's tiles, at once: those whose permission the reader holds, or
 * every tile when `everyTile` (the leader's page, whose own permission grants
 * the region's whole picture).
 */
export function readTiles(ctx: AppContext, log: FastifyBaseLogger, actor: Actor, regionCode: string, { everyTile = false } = {}): Promise<ReadTile[]> {
  const shown = listTiles().filter(({ tile }) => everyTile || can(actor, tile.permission, regionCode));
  return Promise.all(shown.map((t) => readTile(ctx, log, t, regionCode)));
}

/** One tile by "module.key", read as readTiles reads it (a failure shown as such); null when no module offers it. */
export async function readTileByRef(ctx: AppContext, log: FastifyBaseLogger, regionCode: string, ref: string): Promise<ReadTile | null> {
  const named = listTiles().find((t) => tileRef(t) === ref);
  return named ? readTile(ctx, log, named, regionCode) : null;
}

/** What waits on a reader, and the sources that could not be read (the others still shown: a list missing its failures says so). */
export interface AttentionReading {
  items: ReadAttention[];
  failed: { module: string; source: string; sourceTitle: Words }[];
}

/** What waits on this reader in the region, from every module, oldest deadline first (undated last). */
export async function readAttention(ctx: AppContext, actor: Actor, regionCode: string, log?: FastifyBaseLogger): Promise<AttentionReading> {
  const sources = modules().flatMap((m) => (m.attention ?? []).map((source) => ({ module: m.name, source })));
  const failed: AttentionReading['failed'] = [];
  const lists = await Promise.all(sources.map(async ({ module, source }) => {
    try {
      return (await source.read(ctx, actor, regionCode)).map((item) => ({ ...item, module, source: source.key, sourceTitle: source.title }));
    } catch (err) {
      log?.error({ err, attention: `${module}.${source.key}`, region: regionCode }, 'attention source failed');
      failed.push({ module, source: source.key, sourceTitle: source.title });
      return [];
    }
  }));
  const at = (d: Date | null) => d?.getTime() ?? Number.POSITIVE_INFINITY;
  return { items: lists.flat().sort((a, b) => at(a.due) - at(b.due) || at(a.since) - at(b.since)), failed };
}

export interface NamedAdoption { ref: string; module: string; measure: AdoptionMeasure }

/** Every installed module's adoption measures, as "module.key", in registry order. */
export const listAdoption = (): NamedAdoption[] =>
  modules().flatMap((m) => (m.adoption ?? []).map((measure) => ({ ref: `${m.name}.${measure.key}`, module: m.name, measure })));

/** Each adoption measure's units for the region and period, read at once. */
export async function readAdoption(ctx: AppContext, regionCode: string, period: MeasurePeriod): Promise<{ adoption: NamedAdoption; units: UnitAdoption[] }[]> {
  const all = listAdoption();
  const read = await Promise.all(all.map((a) => a.measure.read(ctx, regionCode, period)));
  return all.map((adoption, i) => ({ adoption, units: read[i] }));
}
