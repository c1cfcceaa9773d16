// Each route accepts the body types it documents and no other: JSON by
// default; a route that also takes files, form fields or CSV says so in
// `config.bodyTypes`. Anything else is 415 in the standard shape, before the
// body reaches validation (a form-encoded complaint used to be filed).
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

export type BodyType = 'json' | 'multipart' | 'form' | 'csv';

const essences: Record<string, BodyType> = {
  'application/json': 'json',
  'multipart/form-data': 'multipart',
  'application/x-www-form-urlencoded': 'form',
  'text/csv': 'csv',
};

export function installMediaTypes(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const contentType = request.headers['content-type'];
    if (contentType === undefined || request.method === 'GET' || request.method === 'HEAD') return;
    const accepted = request.routeOptions.config?.bodyTypes ?? ['json'];
    const type = essences[contentType.split(';')[0].trim().toLowerCase()];
    if (!type || !accepted.includes(type)) throw new AppError('request.unsupported_media_type', { accepted: accepted.map((t) => Object.keys(essences).find((k) => essences[k] === t)) });
  });
}
