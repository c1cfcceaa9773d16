// Operations: /healthz and Prometheus /metrics.
import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import type { AppContext } from '../context.js';
import { registerJobMetrics } from '../jobs/metrics.js';
import { staleReads } from '../db/replica.js';

export function installOps(app: FastifyInstance, ctx: AppContext): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'pamong_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  registerJobMetrics(registry, ctx);
  registry.registerMetric(staleReads);
  app.addHook('onResponse', (request, reply, done) => {
    duration.observe({ method: request.method, route: request.routeOptions.url ?? 'unknown', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
  app.get('/healthz', async (_request, reply) => {
    const db = await ctx.database.ping();
    return reply.status(db ? 200 : 503).send({ status: db ? 'ok' : 'unavailable', database: db ? 'ok' : 'down', engine: ctx.database.kind });
  });
  app.get('/metrics', async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()));
}
