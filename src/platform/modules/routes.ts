// The figures modules offer to the leader's dashboard (their `tiles`), read
// for one region with what the caller may see; the platform renders them
// without knowing the modules. And the list of what modules measure (their
// `measures`), which another module's forms offer as a source.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { rolesIn } from '../auth/policy.js';
import { AppError } from '../errors.js';
import { regionParam } from '../http/schemas.js';
import { readTiles } from './tiles.js';
import { listMeasures } from './measures.js';
import { failures, instant, words } from '../http/responses.js';
import { z } from 'zod';

const tileItem = z.object({ label: words, value: words.nullable(), link: z.string().nullable() }).meta({ id: 'TileItem' });

export const tileSchema = z.object({
  module: z.string(), moduleTitle: words, key: z.string(), title: words, method: words.describe('Cara menghitung / how it is computed'),
  value: z.number().nullable(), unit: words.nullable(), asOf: instant, link: z.string(),
  tone: z.enum(['good', 'watch', 'bad']).nullable().describe('Terhadap sasarannya: baik, perlu perhatian, buruk / Against its goal: good, watch, bad'),
  items: z.array(tileItem).describe('Rincian singkat, paling banyak lima / A short list behind the figure, at most five'),
  trend: z.string().nullable().describe('Ukuran (modul.kunci) yang menjadi tren angka ini / The measure (module.key) that is its trend'),
  failed: z.boolean().describe('Gagal dibaca: nilainya kosong / Could not be read: its value is empty'),
}).meta({ id: 'Tile' });

const measure = z.object({
  ref: z.string().describe('modul.kunci / module.key'), module: z.string(), title: words, method: words, measure: z.string(),
  periods: z.array(z.enum(['year', 'quarter', 'month'])),
}).meta({ id: 'Measure' });

export const tileRoutes = (ctx: AppContext) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/regions/:region/tiles', {
    config: { access: 'signed_in' },
    schema: {
      tags: ['regions'], summary: 'Angka utama tiap modul / Each module\'s headline figures', params: regionParam,
      description: 'Hanya untuk yang punya peran di daerah ini, dan hanya angka yang boleh dilihatnya; tiap angka menyebut cara menghitung dan waktunya. / Only for people with a role in this region, and only the figures they may see; each says how it is computed and when.',
      response: { 200: z.array(tileSchema), ...failures('auth.forbidden') },
    },
  }, async (request) => {
    const region = request.region!.code;
    // Staff of the region only: someone with no role here is refused, not shown an empty page.
    if (!request.actor.platformAdmin && rolesIn(request.actor, region).length === 0) throw new AppError('auth.forbidden');
    return readTiles(ctx, request.log, request.actor, region);
  });

  app.get('/api/regions/:region/measures', {
    config: { access: 'region.staff' },
    schema: {
      tags: ['regions'], summary: 'Angka yang diukur modul, untuk diambil modul lain / The figures modules measure, for other modules to take', params: regionParam,
      description: 'Misalnya indeks SPBE dan persentase pengaduan yang ditanggapi tepat waktu, yang dapat menjadi sumber realisasi indikator e-SAKIP. / E.g. the SPBE index and the share of complaints answered on time, which can be the source of an e-SAKIP indicator\'s realisations.',
      response: { 200: z.array(measure) },
    },
  }, async () => listMeasures().map(({ ref, module, measure: m }) => ({ ref, module, title: m.title, method: m.method, measure: m.measure, periods: [...m.periods] })));
};
