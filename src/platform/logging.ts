// Logs: JSON lines for production (collectors read them), readable lines for
// a person at a terminal. A terminal gets no line per request: the person
// wants to see that Pamong runs and what went wrong, not every asset served.
import type { LoggerOptions } from 'pino';
import type { Config } from './config.js';

export function loggerOptions(config: Pick<Config, 'logLevel' | 'logFormat'>): LoggerOptions {
  if (config.logFormat === 'json') return { level: config.logLevel };
  return {
    level: config.logLevel,
    transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,reqId', singleLine: true } },
  };
}

/** Per-request lines (Fastify's "incoming request"/"request completed") only in JSON logs. */
export const logsRequests = (config: Pick<Config, 'logFormat'>) => config.logFormat === 'json';
