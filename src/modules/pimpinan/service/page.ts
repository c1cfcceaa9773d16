// The head of region's page: every module's tiles for the region, grouped by
// module in registry order, and what waits on the reader today. Read through
// the platform's registry (platform/modules/tiles.ts): this module never
// knows the others.
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { Words } from '../../../platform/errors.js';
import type { Region } from '../../../platform/regions/service.js';
import { readAttention, readTiles, type AttentionReading, type ReadAttention, type ReadTile } from '../../../platform/modules/tiles.js';

export interface LeaderPage {
  region: { code: string; name: string; kind: string };
  generatedAt: Date;
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
  const [tiles, attention] = await Promise.all([
    readTiles(ctx, log, actor, region.code, { everyTile: true }),
    readAttention(ctx, actor, region.code, log),
  ]);
  return { region: { code: region.code, name: region.name, kind: region.kind }, generatedAt: ctx.clock.now(), modules: groupByModule(tiles), attention: attention.items, attentionUnread: attention.failed };
}
