// Security headers on every response. They are the same for every request, so
// they are computed once when the server starts (the set helmet sends by
// default, with our Content-Security-Policy) instead of by a middleware on
// each request. The web app's HTML has one small inline script (it starts the
// report form's data early); the policy allows exactly that script by its hash.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

const contentSecurityPolicy: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'font-src': ["'self'", 'https:', 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'"],
};

/** CSP sources for the inline scripts (those without attributes) of an HTML page. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
}

export const securityHeaders = (scriptHashes: string[] = []): Readonly<Record<string, string>> => Object.freeze({
  'content-security-policy': Object.entries({ ...contentSecurityPolicy, 'script-src': [...contentSecurityPolicy['script-src'], ...scriptHashes] })
    .map(([k, v]) => `${k} ${v.join(' ')}`).join(';'),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
});

export function installSecurityHeaders(app: FastifyInstance, headers: Readonly<Record<string, string>>): void {
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
