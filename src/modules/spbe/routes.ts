// HTTP for SPBE / Pemerintah Digital evaluation: platform routes (frameworks,
// assessors, public comparison) and a region's routes (the evaluation cycle).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { platformSpbeRoutes } from './http/platform.js';
import { regionSpbeRoutes } from './http/region.js';

export const spbeRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  // History imports arrive as text/csv; this parser is scoped to these routes.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 2_000_000 }, (_request, body, done) => done(null, body));
  platformSpbeRoutes(app, ctx);
  regionSpbeRoutes(app, ctx);
};
