// The figures modules offer to the leader's dashboard (their `tiles`), read
// for one region with what the caller may see; the platform renders them
// without knowing the modules.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { can } from '../auth/policy.js';
import { regionParam } from '../http/schemas.js';
import { modules } from './registry.js';

export const tileRoutes = (ctx: AppContext) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/regions/:region/tiles', {
    config: { access: 'signed_in' },
    schema: {
      tags: ['regions'], summary: 'Angka utama tiap modul / Each module\'s headline figures', params: regionParam,
      description: 'Hanya angka yang boleh dilihat pemanggil di daerah ini; tiap angka menyebut cara menghitung dan waktunya. / Only the figures the caller may see in this region; each says how it is computed and when.',
    },
  }, async (request) => {
    const region = request.region!.code;
    const tiles = modules().flatMap((m) => (m.tiles ?? []).map((tile) => ({ module: m.name, tile })))
      .filter(({ tile }) => can(request.actor, tile.permission, region));
    return Promise.all(tiles.map(async ({ module, tile }) => ({
      module, key: tile.key, title: tile.title, method: tile.method, ...(await tile.read(ctx, region)),
    })));
  });
};
