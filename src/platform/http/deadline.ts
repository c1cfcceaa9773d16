// Every request's wait is bounded: a handler that has not answered within the
// deadline (a database that hangs instead of refusing) gets the standard 503
// and the client its answer; the socket never hangs. The clock starts once
// the request is read, so a slow upload does not count.
//
// One timer for all requests rather than one each: a timer per request cost
// about 12 µs of CPU (issue 10's profile). The timer looks at the waiting
// requests a few times per deadline, oldest first, so a deadline passes at
// most a quarter of it (and never more than a second) late.
//
// The waiting requests are a list through one small node each, not a Map:
// with a long-lived Map, each request (with its reply, headers and answer)
// outlived the young-generation collections, ~10 µs more garbage collection
// per request (BENCHMARKS.md, session 25; likely the Map's rehashed tables
// holding old entries until a full collection). A node leaves the list with
// its links cleared, so a dead node holds nothing either.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export const REQUEST_DEADLINE_MS = 15_000;

interface Waiting {
  request: FastifyRequest | null;
  reply: FastifyReply | null;
  since: number;
  prev: Waiting | null;
  next: Waiting | null;
}

export function installRequestDeadline(app: FastifyInstance, ms = REQUEST_DEADLINE_MS): void {
  // In the order the requests reached their handlers: the oldest first.
  let oldest: Waiting | null = null;
  let newest: Waiting | null = null;
  const leave = (node: Waiting) => {
    if (node.prev) node.prev.next = node.next;
    else oldest = node.next;
    if (node.next) node.next.prev = node.prev;
    else newest = node.prev;
    node.prev = node.next = node.request = node.reply = null;
  };
  const timer = setInterval(() => {
    const now = Date.now();
    while (oldest && now - oldest.since >= ms) {
      const { request, reply } = oldest;
      leave(oldest);
      if (!request || !reply) continue;
      request.deadline = null;
      if (reply.sent) continue;
      request.log.error({ url: request.url, ms }, 'request deadline passed');
      // Through the route's own error handler: the standard shape, or Open311's.
      reply.send(new AppError('service.unavailable'));
    }
  }, Math.min(1_000, Math.max(10, ms / 4)));
  timer.unref();
  app.decorateRequest('deadline', null);
  app.addHook('preHandler', (request, reply, done) => {
    const node: Waiting = { request, reply, since: Date.now(), prev: newest, next: null };
    if (newest) newest.next = node;
    else oldest = node;
    newest = node;
    request.deadline = node;
    done();
  });
  app.addHook('onResponse', (request, _reply, done) => {
    const node = request.deadline as Waiting | null;
    if (node) {
      request.deadline = null;
      leave(node);
    }
    done();
  });
  app.addHook('onClose', (_app, done) => {
    clearInterval(timer);
    done();
  });
}
