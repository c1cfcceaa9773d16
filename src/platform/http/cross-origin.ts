// Reads any web page may make from another site (CORS), for open data only: a
// route opts in by name, nothing else in the API answers another origin. The
// answers are public and carry no credentials: `Access-Control-Allow-Origin: *`
// (a browser then sends no cookie and exposes no session), GET and HEAD, and
// the preflight (OPTIONS) a browser sends before a read with other headers.
import type { FastifyInstance, onRequestHookHandler } from 'fastify';

const READ = Object.freeze({
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Content-Disposition, Content-Language, Content-Length',
  // The platform's `same-origin` (security-headers.ts) would keep the answer from pages of other sites that isolate themselves.
  'cross-origin-resource-policy': 'cross-origin',
});

const PREFLIGHT = Object.freeze({
  ...READ,
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'Accept, Accept-Language, Content-Language, If-None-Match, If-Modified-Since',
  'access-control-max-age': '86400',
});

/** A GET route's `onRequest`: its answers (and its errors, such as an unknown region) may be read from any site. */
export const readableFromAnyOrigin: onRequestHookHandler = (_request, reply, done) => {
  reply.headers(READ);
  done();
};

/** Answers the preflight of these public GET routes (204, no body); hidden from the API document and the route table's tests. */
export function preflightFromAnyOrigin(app: FastifyInstance, urls: readonly string[]): void {
  for (const url of urls) {
    app.options(url, { config: { access: 'public' }, schema: { hide: true } }, (_request, reply) => {
      reply.headers(PREFLIGHT).code(204).send();
    });
  }
}
