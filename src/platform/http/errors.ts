// Maps every failure to the one error shape; never a stack trace to the client.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorBody, errorCatalogue, errorEntry, type ErrorCode } from '../errors.js';

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.invalid',
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.invalid',
  FST_ERR_VALIDATION: 'request.invalid',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'request.unsupported_media_type',
  FST_REQ_FILE_TOO_LARGE: 'file.too_large',
  FST_FILES_LIMIT: 'file.too_many',
  FST_PARTS_LIMIT: 'file.too_many',
  FST_FIELDS_LIMIT: 'request.invalid',
  FST_PROTO_VIOLATION: 'request.invalid',
  FST_ERR_BAD_URL: 'route.not_found',
};

// Connection-level failures of the database: the client should retry later.
const unavailable = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300', '08006', '08001', '08003']);

export function isDatabaseDown(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  if (!e) return false;
  if (e.code && unavailable.has(e.code)) return true;
  return /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Client has encountered a connection error/i.test(e.message ?? '');
}

export interface Failure {
  code: ErrorCode;
  status: number;
  details?: unknown;
}

/** The catalogue code a refused body's refinement names (`params: { code, details }`), when it is the only thing wrong with it. */
function catalogueCodeOf(issues: { keyword: string; params: Record<string, unknown> }[]): { code: ErrorCode; details: unknown } | null {
  const named = issues.map((v) => (v.keyword === 'custom' ? (v.params.params as { code?: unknown; details?: unknown } | undefined) : undefined));
  const first = named[0];
  if (typeof first?.code !== 'string' || !errorCatalogue().has(first.code) || named.some((n) => n?.code !== first.code)) return null;
  return { code: first.code as ErrorCode, details: first.details };
}

/** Turns anything thrown into a catalogue code; logs only what nobody expected. */
export function classifyError(err: FastifyError, request: FastifyRequest): Failure {
  let code: ErrorCode;
  let details: unknown;
  if (err instanceof AppError) {
    code = err.code;
    details = err.details;
  } else if (hasZodFastifySchemaValidationErrors(err) && catalogueCodeOf(err.validation)) {
    // A schema's refinement that names a catalogue code (a module's settings check, contract: settingsChange).
    ({ code, details } = catalogueCodeOf(err.validation)!);
  } else if (hasZodFastifySchemaValidationErrors(err)) {
    // Texts over their limit get their own code and the limits: clients show them, nothing is ever cut to fit.
    const tooLong = err.validation.every((v) => v.keyword === 'too_big' && v.params.origin === 'string');
    code = tooLong ? 'request.text_too_long' : 'request.invalid';
    // Each refused field with what is wrong with it (zod's issue code and its limit), so a form can say it next to the field.
    details = err.validation.map((v) => (tooLong ? { field: v.instancePath, max: v.params.maximum }
      : { path: v.instancePath, message: v.message, issue: v.keyword, ...(v.params.minimum !== undefined || v.params.maximum !== undefined ? { limit: v.params.minimum ?? v.params.maximum } : {}) }));
  } else if (err.code && fastifyCodes[err.code]) {
    code = fastifyCodes[err.code];
  } else if ((err as { statusCode?: number }).statusCode === 429) {
    code = 'request.rate_limited';
  } else if (isDatabaseDown(err)) {
    code = 'service.unavailable';
  } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    code = 'request.invalid';
  } else {
    request.log.error({ err }, 'unhandled error');
    code = 'internal';
  }
  return { code, status: errorEntry(code)[0], ...(details === undefined ? {} : { details }) };
}

/** Headers a failure asks of the reply, whatever the body's shape. */
export function failureHeaders(failure: Failure): Record<string, string> {
  return failure.code === 'service.unavailable' ? { 'retry-after': '5' } : {};
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const failure = classifyError(err, request);
    reply.headers(failureHeaders(failure)).status(failure.status).send(errorBody(failure.code, request.locale ?? 'id', failure.details));
  });
}
