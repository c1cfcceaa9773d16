// Builds the Fastify app from the platform and the modules.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './platform/context.js';
import { AppError, errorBody } from './platform/errors.js';
import { installAccess } from './platform/http/access.js';
import { classifyError, installErrorHandling } from './platform/http/errors.js';
import { installOps } from './platform/http/ops.js';
import { inlineScriptHashes, installSecurityHeaders, securityHeaders } from './platform/http/security-headers.js';
import { installRequestDeadline } from './platform/http/deadline.js';
import { installNulGuard } from './platform/http/nul-guard.js';
import { installMediaTypes } from './platform/http/media-types.js';
import { installRateLimits } from './platform/http/rate-limit.js';
import { installIdempotency } from './platform/http/idempotency.js';
import { installStrictBodies } from './platform/http/strict-bodies.js';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from './modules/complaints/service/photos.js';
import { authRoutes } from './platform/auth/routes.js';
import { regionRoutes } from './platform/regions/routes.js';
import { complaintRoutes } from './modules/complaints/routes.js';
import { dashboardRoutes } from './modules/complaints/dashboard/routes.js';
import { isOpen311Url, open311Routes, sendOpen311Failure } from './modules/complaints/open311.js';
import { spbeRoutes } from './modules/spbe/routes.js';

export interface ServerOptions {
  logger?: boolean | object;
  /** Fastify's line per request (off for a person at a terminal). */
  requestLogging?: boolean;
}

const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));

/** Hashed file names change with their content: a browser may keep them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export async function buildServer(ctx: AppContext, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const spa = existsSync(join(webDist, 'index.html'));
  const headers = securityHeaders(spa ? inlineScriptHashes(readFileSync(join(webDist, 'index.html'), 'utf8')) : []);
  const app = Fastify({
    logger: opts.logger ?? false,
    ...(opts.requestLogging === false ? { logController: new LogController({ disableRequestLogging: true }) } : {}),
    bodyLimit: 1024 * 1024,
    trustProxy: ctx.config.trustProxy,
    requestTimeout: 30_000,
    // A URL the router cannot even decode (e.g. a stray %) or with a parameter too long gets the standard shape too (Open311's under /open311).
    frameworkErrors: (err, request, reply) => {
      const failure = classifyError(err, request as FastifyRequest);
      (reply as FastifyReply).headers(headers);
      if (isOpen311Url(request.url)) return sendOpen311Failure(failure, request as FastifyRequest, reply as FastifyReply);
      (reply as FastifyReply).status(failure.status).send(errorBody(failure.code, 'id', failure.details));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Every answer worth it is compressed (JSON included: a slow phone waits for
  // each byte), Brotli where the client takes it. Tiny answers are not, nor are
  // photos and spreadsheets (already compressed types); the web app's files
  // come precompressed from the build and pass through as they are.
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024, globalDecompression: false });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS, fields: 5, fieldSize: 64 * 1024, parts: MAX_PHOTOS + 5 } });
  installSecurityHeaders(app, headers);
  installRequestDeadline(app);
  installErrorHandling(app);
  installNulGuard(app);
  installAccess(app, ctx);
  installMediaTypes(app);
  installRateLimits(app, ctx);
  installIdempotency(app, ctx);
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

  if (spa) {
    const assets = join(webDist, 'assets');
    await app.register(fastifyStatic, {
      root: webDist, wildcard: false, preCompressed: true, cacheControl: false,
      // Hashed assets are kept for good; the HTML that names them must not be, or a deploy strands clients.
      setHeaders: (res, path) => {
        const file = path.replace(/\.(br|gz)$/, ''); // the precompressed sibling stands for the file
        res.setHeader('cache-control', file.endsWith('.html') ? 'no-cache' : file.startsWith(assets) ? IMMUTABLE : 'public, max-age=3600');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: unknown non-API pages get index.html.
    if (spa && request.method === 'GET' && !/^\/(api|open311)\//.test(request.url)) return reply.type('text/html').sendFile('index.html');
    throw new AppError('route.not_found');
  });
  return app;
}
