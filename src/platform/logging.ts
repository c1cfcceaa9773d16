// Logs: JSON lines for production (collectors read them), readable lines for
// a person at a terminal. A terminal gets no line per request: the person
// wants to see that Pamong runs and what went wrong, not every asset served.
import type { FastifyInstance } from 'fastify';
import type { LoggerOptions } from 'pino';
import type { Config } from './config.js';

export function loggerOptions(config: Pick<Config, 'logLevel' | 'logFormat'>): LoggerOptions {
  if (config.logFormat === 'json') return { level: config.logLevel };
  return {
    level: config.logLevel,
    transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,reqId', singleLine: true } },
  };
}

/** A line per request only in JSON logs. */
export const logsRequests = (config: Pick<Config, 'logFormat'>) => config.logFormat === 'json';

/**
 * One line per answered request, instead of Fastify's two ("incoming request"
 * and "request completed"): what a collector needs is in the second, and the
 * first cost as much again (issue 10's profile).
 */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info({ req: { method: request.method, url: request.url, remoteAddress: request.ip }, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime }, 'request completed');
    done();
  });
}
