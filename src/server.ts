// Builds the Fastify app from the platform and the modules.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './platform/context.js';
import { AppError, errorBody } from './platform/errors.js';
import { installAccess } from './platform/http/access.js';
import { classifyError, installErrorHandling } from './platform/http/errors.js';
import { installOps } from './platform/http/ops.js';
import { installSecurityHeaders, securityHeaders } from './platform/http/security-headers.js';
import { installRequestDeadline } from './platform/http/deadline.js';
import { installStrictBodies } from './platform/http/strict-bodies.js';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from './modules/complaints/service/photos.js';
import { authRoutes } from './platform/auth/routes.js';
import { regionRoutes } from './platform/regions/routes.js';
import { complaintRoutes } from './modules/complaints/routes.js';
import { dashboardRoutes } from './modules/complaints/dashboard/routes.js';
import { open311Routes } from './modules/complaints/open311.js';
import { spbeRoutes } from './modules/spbe/routes.js';

export interface ServerOptions {
  logger?: boolean | object;
}

const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));

export async function buildServer(ctx: AppContext, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: ctx.config.trustProxy,
    requestTimeout: 30_000,
    // A URL the router cannot even decode (e.g. a stray %) gets the standard shape too.
    frameworkErrors: (err, request, reply) => {
      const failure = classifyError(err, request as FastifyRequest);
      (reply as FastifyReply).headers(securityHeaders).status(failure.status).send(errorBody(failure.code, 'id', failure.details));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS, fields: 5, fieldSize: 64 * 1024, parts: MAX_PHOTOS + 5 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('request.rate_limited'),
  });
  installSecurityHeaders(app);
  installRequestDeadline(app);
  installErrorHandling(app);
  installAccess(app, ctx);
  installStrictBodies(app);
  installOps(app, ctx);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Pamong API', version: '0.1.0', description: 'API Pamong. Semua galat: { error: { code, status, message, messages: { id, en } } }.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'pamong_session' }, apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(authRoutes(ctx));
  await app.register(regionRoutes(ctx));
  await app.register(complaintRoutes(ctx));
  await app.register(dashboardRoutes(ctx));
  await app.register(open311Routes(ctx));
  await app.register(spbeRoutes(ctx));

  const spa = existsSync(webDist);
  if (spa) {
    await app.register(fastifyStatic, {
      root: webDist, wildcard: false, maxAge: '1h', preCompressed: true,
      // Hashed assets may be cached; the HTML that names them must not be, or a deploy strands clients.
      setHeaders: (res, path) => {
        if (path.endsWith('.html')) res.setHeader('cache-control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: unknown non-API pages get index.html.
    if (spa && request.method === 'GET' && !/^\/(api|open311)\//.test(request.url)) return reply.type('text/html').sendFile('index.html', { maxAge: 0 });
    throw new AppError('route.not_found');
  });
  return app;
}
