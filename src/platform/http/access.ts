// Resolves who is calling and where, once per request, and enforces the
// route's declared access before anything else runs.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { pickLocale } from '../i18n.js';
import { anonymousActor, can, isPermission, type Permission } from '../auth/policy.js';
import { modules } from '../modules/registry.js';
import type { Gateway } from '../modules/contract.js';
import { actorFromApiKey, actorFromSession } from '../auth/service.js';
import { findRegionCached } from '../regions/service.js';
import type { Access, RouteAccess } from './types.js';

export const SESSION_COOKIE = 'pamong_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes that must declare access: everything under /api and under each module's gateway. */
export const guardedPrefixes = (): string[] => ['/api/', ...modules().flatMap((m) => (m.gateway ? [m.gateway.prefix] : []))];

/** The module gateway a URL is under, if any (e.g. Open311's /open311/). */
export const gatewayOf = (url: string): Gateway | undefined => modules().find((m) => m.gateway && url.startsWith(m.gateway.prefix))?.gateway;
const exempt = (url: string) => url.startsWith('/api/docs');

export function installAccess(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('locale', 'id');
  app.decorateRequest('region', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('uploads', null as never);

  // A new route without an access rule is a bug: refuse to start. The table
  // of routes and their rules is kept for the tenant-isolation tests.
  const table: RouteAccess[] = [];
  app.decorate('routeTable', table);
  const guarded = guardedPrefixes();
  app.addHook('onRoute', (route) => {
    if (!guarded.some((p) => route.url.startsWith(p)) || exempt(route.url)) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    if (!['public', 'signed_in', 'api_key', 'platform_admin'].includes(access) && !isPermission(access)) throw new Error(`Unknown access ${access} on ${route.url}`);
    // HEAD answers as GET does; OPTIONS is a cross-origin preflight (cross-origin.ts), which answers no data.
    for (const method of [route.method].flat()) if (method !== 'HEAD' && method !== 'OPTIONS') table.push({ method, url: route.url, access, bodyTypes: route.config?.bodyTypes });
  });

  // Hooks that do not wait are written with `done`: an async hook costs a promise and a turn of the event loop per request.
  app.addHook('onRequest', (request, _reply, done) => {
    request.locale = pickLocale(request.query, request.cookies?.pamong_lang, request.headers['accept-language']);
    request.actor = anonymousActor;
    request.uploads = [];
    done();
  });

  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    await resolveActor(ctx, request, access);
    const regionCode = (request.params as { region?: string } | undefined)?.region ?? gatewayOf(request.url)?.regionOf?.(request);
    if (regionCode !== undefined) {
      if (typeof regionCode !== 'string' || !/^\d{2}(\.\d{2})?$/.test(regionCode)) throw new AppError('region.not_found');
      request.region = await findRegionCached(ctx.database.db, regionCode);
      if (!request.region) throw new AppError('region.not_found');
    }
    check(request, access);
  });
}

async function resolveActor(ctx: AppContext, request: FastifyRequest, access: Access): Promise<void> {
  const sessionId = request.cookies?.[SESSION_COOKIE];
  const apiKey = headerOrParam(request);
  if (apiKey) {
    const actor = await actorFromApiKey(ctx, apiKey);
    if (!actor) throw new AppError('auth.invalid_api_key');
    request.actor = actor;
    return;
  }
  if (!sessionId) return;
  const found = await actorFromSession(ctx, sessionId);
  if (found === 'expired' || found === null) {
    // A stale cookie on a public page is harmless; elsewhere say why.
    if (access !== 'public') throw new AppError(found === 'expired' ? 'auth.session_expired' : 'auth.required');
    return;
  }
  // Cookie-authenticated writes must echo the session's CSRF token.
  if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== found.csrfToken) throw new AppError('auth.csrf');
  request.actor = found.actor;
  request.csrfToken = found.csrfToken;
}

function headerOrParam(request: FastifyRequest): string | undefined {
  const h = request.headers['x-api-key'];
  if (typeof h === 'string' && h) return h;
  return gatewayOf(request.url)?.apiKeyOf?.(request);
}

function check(request: FastifyRequest, access: Access): void {
  const actor = request.actor;
  if (access === 'public') return;
  if (access === 'api_key') {
    if (actor.kind !== 'api_key') throw new AppError('auth.invalid_api_key');
    if (request.region && actor.apiKeyRegion !== request.region.code) throw new AppError('auth.forbidden');
    return;
  }
  if (actor.kind !== 'user') throw new AppError('auth.required');
  if (access === 'signed_in') return;
  if (access === 'platform_admin') {
    if (!actor.platformAdmin) throw new AppError('auth.forbidden');
    return;
  }
  if (!request.region) throw new Error(`Route ${request.url} needs a region for ${access}`);
  if (!can(actor, access as Permission, request.region.code)) throw new AppError('auth.forbidden');
}
