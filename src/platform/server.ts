// Builds the Fastify app: the platform's edge and routes, then each installed
// module's routes (through the registry, never by importing a module).
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
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './context.js';
import { AppError, errorBody } from './errors.js';
import { gatewayOf, guardedPrefixes, installAccess, SESSION_COOKIE } from './http/access.js';
import { classifyError, installErrorHandling } from './http/errors.js';
import { installOps } from './http/ops.js';
import { inlineScriptHashes, installSecurityHeaders, securityHeaders } from './http/security-headers.js';
import { installRequestDeadline } from './http/deadline.js';
import { installNulGuard } from './http/nul-guard.js';
import { installMediaTypes } from './http/media-types.js';
import { installRateLimits } from './http/rate-limit.js';
import { installIdempotency } from './http/idempotency.js';
import { documentObject, documentRoute, installResponses } from './http/responses.js';
import { responseSerializer } from './http/serialize.js';
import { firstPaintRoutes } from './http/first-paint.js';
import { installStrictBodies } from './http/strict-bodies.js';
import { authRoutes } from './auth/routes.js';
import { regionRoutes } from './regions/routes.js';
import { modules } from './modules/registry.js';
import { tileRoutes } from './modules/routes.js';
import { verifyRoutes } from './modules/verify.js';
import { notificationRoutes } from './notify/routes.js';
import { installRequestLog } from './logging.js';

export interface ServerOptions {
  logger?: boolean | object;
  /** A line per request (off for a person at a terminal). */
  requestLogging?: boolean;
}

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Hashed file names change with their content: a browser may keep them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export async function buildServer(ctx: AppContext, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const spa = existsSync(join(webDist, 'index.html'));
  const headers = securityHeaders(spa ? inlineScriptHashes(readFileSync(join(webDist, 'index.html'), 'utf8')) : []);
  const app = Fastify({
    logger: opts.logger ?? false,
    // Fastify's own two lines per request are off; installRequestLog writes one.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    trustProxy: ctx.config.trustProxy,
    requestTimeout: 30_000,
    // A URL the router cannot even decode (e.g. a stray %) or with a parameter too long gets the standard shape too (Open311's under /open311).
    frameworkErrors: (err, request, reply) => {
      const failure = classifyError(err, request as FastifyRequest);
      (reply as FastifyReply).headers(headers);
      const gateway = gatewayOf(request.url);
      if (gateway) return gateway.sendFailure(failure, request as FastifyRequest, reply as FastifyReply);
      (reply as FastifyReply).status(failure.status).send(errorBody(failure.code, 'id', failure.details));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(ctx.config.checkResponses));

  // Every answer worth it is compressed (JSON included: a slow phone waits for
  // each byte), Brotli where the client takes it. Tiny answers are not, nor are
  // photos and spreadsheets (already compressed types); the web app's files
  // come precompressed from the build and pass through as they are.
  // Answers up to 256 KB are compressed in one call (about 1.5 ms of Brotli at
  // quality 4) instead of the stream pipeline, whose thread-pool round trips
  // cost ~10 ms for a 50 KB overview on two cores (BENCHMARKS.md, issue 11).
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024, syncThreshold: 256 * 1024, globalDecompression: false });
  await app.register(cookie);
  // Fallback limits; each upload route reads its parts with its own policy's (files.ts multipartReader).
  await app.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 3, fields: 5, fieldSize: 64 * 1024, parts: 8 } });
  installSecurityHeaders(app, headers);
  installRequestDeadline(app);
  installErrorHandling(app);
  installNulGuard(app);
  installAccess(app, ctx);
  installMediaTypes(app);
  installRateLimits(app, ctx);
  installIdempotency(app, ctx);
  installResponses(app);
  installStrictBodies(app);
  installOps(app, ctx);
  if (opts.logger && opts.requestLogging !== false) installRequestLog(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pamong API', version: '0.1.0',
        description: 'API Pamong. Semua galat / every error: `{ error: { code, status, message, messages: { id, en }, details? } }`. '
          + 'Tulis dengan sesi cookie membawa header x-csrf-token dari GET /api/auth/me / writes with the session cookie carry the x-csrf-token header from GET /api/auth/me.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Sesi dari POST /api/auth/sign-in / the session from sign-in' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'csrfToken sesi, wajib untuk tulis dengan cookie / the session\'s csrfToken, required on cookie writes' },
          apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'Kunci API daerah / a region\'s API key' },
          open311ApiKey: { type: 'apiKey', in: 'query', name: 'api_key', description: 'Open311: kunci API daerah, di query atau field api_key / a region\'s API key, in the query or the api_key field' },
        },
      },
    },
    transform: documentRoute,
    transformObject: documentObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(authRoutes(ctx));
  await app.register(regionRoutes(ctx));
  await app.register(tileRoutes(ctx));
  await app.register(verifyRoutes(ctx));
  await app.register(notificationRoutes(ctx));
  for (const m of modules()) if (m.routes) await app.register(m.routes(ctx));

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
    // Pages a module paints before the app's script arrives (the report form's first step).
    await app.register(firstPaintRoutes(ctx, webDist));
  }
  const apiPrefixes = guardedPrefixes();
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: unknown non-API pages get index.html.
    if (spa && request.method === 'GET' && !apiPrefixes.some((p) => request.url.startsWith(p))) return reply.type('text/html').sendFile('index.html');
    throw new AppError('route.not_found');
  });
  return app;
}
