// Each route accepts the body types it documents and no other: JSON by
// default; a route that also takes files, form fields or CSV says so in
// `config.bodyTypes`. Anything else is 415 in the standard shape, before the
// body reaches validation (a form-encoded complaint used to be filed).
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

export type BodyType = 'json' | 'multipart' | 'form' | 'csv';

/** Each body type's media type (the OpenAPI document lists them per route too). */
export const mediaTypes: Record<BodyType, string> = {
  json: 'application/json',
  multipart: 'multipart/form-data',
  form: 'application/x-www-form-urlencoded',
  csv: 'text/csv',
};
const essences = Object.fromEntries(Object.entries(mediaTypes).map(([type, media]) => [media, type])) as Record<string, BodyType>;

export function installMediaTypes(app: FastifyInstance): void {
  // Synchronous (`done`, no promise): a throw is the request's error.
  app.addHook('preValidation', (request, _reply, done) => {
    const contentType = request.headers['content-type'];
    if (contentType === undefined || request.method === 'GET' || request.method === 'HEAD') return done();
    const accepted = request.routeOptions.config?.bodyTypes ?? ['json'];
    const type = essences[contentType.split(';')[0].trim().toLowerCase()];
    if (!type || !accepted.includes(type)) throw new AppError('request.unsupported_media_type', { accepted: accepted.map((t) => mediaTypes[t]) });
    done();
  });
}
