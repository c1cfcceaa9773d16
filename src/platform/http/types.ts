// What the edge of a request resolves once and carries in the request context.
import type { Actor, Permission } from '../auth/policy.js';
import type { Locale } from '../i18n.js';
import type { Region } from '../regions/service.js';
import type { Upload } from '../files.js';
import type { BodyType } from './media-types.js';

/**
 * Every API route declares who may call it. 'public' is anyone, 'signed_in'
 * any signed-in person, 'api_key' an integration key of the URL's region,
 * 'platform_admin' the deployment's administrators, a Permission is checked
 * against the caller's grants in the URL's region.
 */
export type Access = 'public' | 'signed_in' | 'api_key' | 'platform_admin' | Permission;

export interface RouteAccess { method: string; url: string; access: Access; bodyTypes?: BodyType[] }

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteAccess[];
  }
  interface FastifyContextConfig {
    access?: Access;
    /** The request bodies a route documents, JSON when unset; others are refused with 415 (http/media-types.ts). */
    bodyTypes?: BodyType[];
  }
  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
    region: Region | null;
    csrfToken: string | null;
    uploads: Upload[];
    /** Its place among the requests waiting for an answer (http/deadline.ts); null once answered. */
    deadline: object | null;
  }
}
