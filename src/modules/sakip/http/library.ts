// HTTP for the region's SAKIP indicator library: the indicator definitions
// its planners reuse, its own or adopted in the Living Lab (`sakip.indicators`).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { regionParam } from '../../../platform/http/schemas.js';
import { failures, instant, ok } from '../../../platform/http/responses.js';
import { libraryCode, libraryFields } from '../domain/library.js';
import { deleteLibraryEntry, listLibrary, setLibraryEntry } from '../service/library.js';

const tags = ['sakip'];
const entryParam = regionParam.extend({ libraryCode });
const entry = libraryFields.extend({
  code: z.string(),
  adoptedFrom: z.object({ code: z.string(), name: z.string() }).nullable().describe('Diadopsi dari daerah ini lewat Living Lab; null: milik sendiri / adopted from this region in the Living Lab; null: its own'),
  updatedAt: instant,
}).meta({ id: 'SakipLibraryIndicator' });

export const sakipLibraryRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/regions/:region/sakip/indicator-library';

  r.get(base, {
    config: { access: 'sakip.read' },
    schema: { tags, summary: 'Katalog indikator kinerja daerah / The region\'s indicator library', params: regionParam, response: { 200: z.array(entry) } },
  }, async (request) => listLibrary(ctx, request.region!.code));

  r.put(`${base}/:libraryCode`, {
    config: { access: 'sakip.manage' },
    schema: {
      tags, summary: 'Tulis indikator di katalog / Write an indicator in the library', params: entryParam,
      description: 'Definisi indikator yang dapat dipakai ulang dan dibagikan di Living Lab (paket sakip.indicators); rencana, target dan realisasi tidak berubah. / A reusable indicator definition, shareable in the Living Lab (package sakip.indicators); plans, targets and realisations do not change.',
      body: libraryFields, response: { 200: entry },
    },
  }, async (request) => setLibraryEntry(ctx, request.region!.code, request.actor, request.params.libraryCode, request.body));

  r.delete(`${base}/:libraryCode`, {
    config: { access: 'sakip.manage' },
    schema: { tags, summary: 'Hapus indikator dari katalog / Remove an indicator from the library', params: entryParam, response: { 200: ok, ...failures('sakip.library_not_found') } },
  }, async (request) => {
    await deleteLibraryEntry(ctx, request.region!.code, request.actor, request.params.libraryCode);
    return { ok: true as const };
  });
};
