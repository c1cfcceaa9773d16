// The head of region's page: every module's tiles for the region, grouped by
// module in registry order, from the region's kept readings (service/
// figures.ts: minutes old, said on the page, read again on demand), and what
// waits on the reader today, read live. Read through the platform's registry
// (platform/modules/tiles.ts): this module never knows the others.
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { Words } from '../../../platform/errors.js';
import type { Region } from '../../../platform/regions/service.js';
import { eq } from 'drizzle-orm';
import { readAttention, type AttentionReading, type ReadAttention, type ReadTile } from '../../../platform/modules/tiles.js';
import { currentFigures, refreshFigures } from './figures.js';
import { pimpinanRefreshes } from '../schema.js';

export interface LeaderPage {
  region: { code: string; name: string; kind: string };
  generatedAt: Date;
  /** The oldest reading among the figures shown, and how often the region's figures are read again. */
  figuresReadAt: Date;
  figuresMinutes: number;
  modules: { module: string; title: Words; tiles: ReadTile[] }[];
  attention: ReadAttention[];
  /** Sources of `attention` that could not be read just now. */
  attentionUnread: AttentionReading['failed'];
}

/** Tiles in registry order, one group per module that offers any. */
export function groupByModule(tiles: ReadTile[]): LeaderPage['modules'] {
  const groups: LeaderPage['modules'] = [];
  for (const tile of tiles) {
    const last = groups.at(-1);
    if (last?.module === tile.module) last.tiles.push(tile);
    else groups.push({ module: tile.module, title: tile.moduleTitle, tiles: [tile] });
  }
  return groups;
}

export async function leaderPage(ctx: AppContext, log: FastifyBaseLogger, actor: Actor, region: Region): Promise<LeaderPage> {
  const [figures, attention] = await Promise.all([
    currentFigures(ctx, log, region),
    readAttention(ctx, actor, region.code, log),
  ]);
  return {
    region: { code: region.code, name: region.name, kind: region.kind }, generatedAt: ctx.clock.now(),
    figuresReadAt: figures.readAt, figuresMinutes: region.settings.pimpinan.figuresMinutes,
    modules: groupByModule(figures.tiles), attention: attention.items, attentionUnread: attention.failed,
  };
}

/** A reading this recent is not taken again on demand: a button pressed twice reads once. */
const REFRESH_GAP_MS = 30_000;

/** "Read the figures now": every tile read and kept (unless they were read moments ago), then the page. */
export async function refreshedLeaderPage(ctx: AppContext, log: FastifyBaseLogger, actor: Actor, region: Region): Promise<LeaderPage> {
  const [last] = await ctx.database.db.select({ at: pimpinanRefreshes.lastRunAt }).from(pimpinanRefreshes).where(eq(pimpinanRefreshes.regionCode, region.code));
  const now = ctx.clock.now().getTime();
  if (!last?.at || now - last.at.getTime() >= REFRESH_GAP_MS || last.at.getTime() > now) await refreshFigures(ctx, region.code);
  return leaderPage(ctx, log, actor, region);
}
