// The figures modules offer to the leader's dashboard (their `tiles`), read
// for one region with what the caller may see; the platform renders them
// without knowing the modules.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { can, rolesIn } from '../auth/policy.js';
import { AppError } from '../errors.js';
import { regionParam } from '../http/schemas.js';
import { modules } from './registry.js';
import { failures, instant, words } from '../http/responses.js';
import { z } from 'zod';

const tile = z.object({
  module: z.string(), key: z.string(), title: words, method: words.describe('Cara menghitung / how it is computed'),
  value: z.number().nullable(), unit: words.nullable(), asOf: instant, link: z.string(),
}).meta({ id: 'Tile' });

export const tileRoutes = (ctx: AppContext) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/regions/:region/tiles', {
    config: { access: 'signed_in' },
    schema: {
      tags: ['regions'], summary: 'Angka utama tiap modul / Each module\'s headline figures', params: regionParam,
      description: 'Hanya untuk yang punya peran di daerah ini, dan hanya angka yang boleh dilihatnya; tiap angka menyebut cara menghitung dan waktunya. / Only for people with a role in this region, and only the figures they may see; each says how it is computed and when.',
      response: { 200: z.array(tile), ...failures('auth.forbidden') },
    },
  }, async (request) => {
    const region = request.region!.code;
    // Staff of the region only: someone with no role here is refused, not shown an empty page.
    if (!request.actor.platformAdmin && rolesIn(request.actor, region).length === 0) throw new AppError('auth.forbidden');
    const tiles = modules().flatMap((m) => (m.tiles ?? []).map((tile) => ({ module: m.name, tile })))
      .filter(({ tile }) => can(request.actor, tile.permission, region));
    return Promise.all(tiles.map(async ({ module, tile }) => ({
      module, key: tile.key, title: tile.title, method: tile.method, ...(await tile.read(ctx, region)),
    })));
  });
};
