// A handler that never answers (a database that hangs instead of refusing)
// still gives the client the standard 503 within the deadline.
import { expect, it } from 'vitest';
import Fastify from 'fastify';
import { installErrorHandling } from '../src/platform/http/errors.js';
import { installRequestDeadline } from '../src/platform/http/deadline.js';

/** An app with a 100 ms deadline, a route that never answers and one that answers at once. */
function appWithDeadline() {
  const app = Fastify();
  app.decorateRequest('locale', 'id');
  installErrorHandling(app);
  installRequestDeadline(app, 100);
  app.get('/hangs', () => new Promise(() => undefined));
  app.get('/quick', async () => ({ ok: true }));
  return app;
}

it('answers 503 service.unavailable when a handler outlives the deadline, and leaves quick answers alone', async () => {
  const app = appWithDeadline();
  const started = Date.now();
  const hung = await app.inject('/hangs');
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(hung.statusCode).toBe(503);
  expect(hung.headers['retry-after']).toBe('5');
  expect(hung.json()).toEqual({ error: { code: 'service.unavailable', status: 503, message: 'Layanan sedang tidak tersedia. Coba lagi sebentar lagi.', messages: { id: 'Layanan sedang tidak tersedia. Coba lagi sebentar lagi.', en: 'The service is temporarily unavailable. Try again shortly.' } } });
  const quick = await app.inject('/quick');
  expect(quick.statusCode).toBe(200);
  expect(quick.json()).toEqual({ ok: true });
  await app.close();
});

it('answers every hung request at its deadline while quick ones come and go around them', async () => {
  const app = appWithDeadline();
  app.get('/slow', () => new Promise((resolve) => setTimeout(() => resolve({ slow: true }), 30)));
  // Oldest, in the middle and newest among the waiting: each leaves the list in its own place.
  const answers = await Promise.all([
    app.inject('/hangs'), app.inject('/slow'), app.inject('/quick'), app.inject('/hangs'), app.inject('/quick'), app.inject('/slow'), app.inject('/hangs'),
  ]);
  expect(answers.map((a) => a.statusCode)).toEqual([503, 200, 200, 503, 200, 200, 503]);
  // Later requests still get their answers and their deadlines: the list is whole after the removals.
  const [late, quick] = await Promise.all([app.inject('/hangs'), app.inject('/quick')]);
  expect([late.statusCode, late.json().error.code, quick.statusCode]).toEqual([503, 'service.unavailable', 200]);
  await app.close();
});
