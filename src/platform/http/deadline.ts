// Every request's wait is bounded: a handler that has not answered within the
// deadline (a database that hangs instead of refusing) gets the standard 503
// and the client its answer; the socket never hangs. The clock starts once
// the request is read, so a slow upload does not count.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

export const REQUEST_DEADLINE_MS = 15_000;

export function installRequestDeadline(app: FastifyInstance, ms = REQUEST_DEADLINE_MS): void {
  const timers = new WeakMap<object, NodeJS.Timeout>();
  app.addHook('preHandler', (request, reply, done) => {
    timers.set(request, setTimeout(() => {
      if (reply.sent) return;
      request.log.error({ url: request.url, ms }, 'request deadline passed');
      // Through the route's own error handler: the standard shape, or Open311's.
      reply.send(new AppError('service.unavailable'));
    }, ms));
    done();
  });
  app.addHook('onResponse', (request, _reply, done) => {
    clearTimeout(timers.get(request));
    done();
  });
}
