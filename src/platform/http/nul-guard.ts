// PostgreSQL cannot store U+0000 in text or jsonb: a NUL that reached a query
// came back as a 500. It is refused here, at the edge, for every route: in the
// URL (path and query), in headers, in any body (JSON, form, CSV) and, through
// multipartReader, in multipart fields and file names.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/** True when a string, or any key or string inside an object or array, holds a NUL. */
export function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) if (key.includes('\0') || containsNul(inner)) return true;
  }
  return false;
}

export function refuseNul(where: string, value: unknown): void {
  if (containsNul(value)) throw new AppError('request.nul_character', { where });
}

export function installNulGuard(app: FastifyInstance): void {
  // The raw URL: a NUL can only arrive percent-encoded (or raw from a lax client).
  // Synchronous hooks (`done`, no promise): a throw is the request's error.
  app.addHook('onRequest', (request, _reply, done) => {
    if (/%00|\0/i.test(request.url)) throw new AppError('request.nul_character', { where: 'url' });
    refuseNul('headers', request.headers);
    done();
  });
  // Before the access rules read the body (Open311's jurisdiction_id and api_key).
  app.addHook('preValidation', (request, _reply, done) => {
    refuseNul('body', request.body);
    done();
  });
}
