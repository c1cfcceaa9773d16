// What a route answers, declared per route in `schema.response`. A JSON
// answer's zod schema documents it (OpenAPI) and serializes it (serialize.ts):
// only the keys the schema names are written, so a field a service adds never
// reaches a client by accident. Error answers are
// the one error shape, listed by the catalogue codes a route can give; the
// codes the edge itself gives (access, validation, idempotency, rate limits)
// are added here from the route's config, so a route names only its own.
import type { FastifyInstance, FastifyReply, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorEntry, type ErrorCode } from '../errors.js';
import { mediaTypes } from './media-types.js';

export const words = z.object({ id: z.string(), en: z.string() });

/** The one error shape (platform/errors.ts errorBody). */
export const errorSchema = z.object({
  error: z.object({
    code: z.string().describe('Kode dari katalog galat / a catalogue code'),
    status: z.number().int(),
    message: z.string().describe('Pesan dalam bahasa permintaan / the message in the request\'s language'),
    messages: words,
    details: z.unknown().optional(),
  }),
}).meta({ id: 'Error' });

/** `{ ok: true }`: a write with nothing else to say. */
export const ok = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });

/** An instant: a Date inside the server, an ISO 8601 string on the wire. */
export const instant = z.date();

/** One of a list of words, from a text column: checked when sent, documented as the list. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.string().pipe(z.enum(values));

/**
 * A schema composed from the installed modules (their permissions, settings),
 * made on first use and then kept: a named schema (`.meta({ id })`) exists once.
 */
export function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

/** An error answer: the error shape, with the codes that give this status. */
export interface Failure {
  properties: typeof errorSchema;
  description: string;
  codes: string[];
}

const isFailure = (entry: unknown): entry is Failure => typeof entry === 'object' && entry !== null && 'codes' in entry && 'properties' in entry;

function failureOf(codes: string[]): Failure {
  const sorted = [...new Set(codes)].sort();
  return { properties: errorSchema, codes: sorted, description: `Galat / error: ${sorted.map((c) => `\`${c}\``).join(', ')}` };
}

/** The error answers a route gives besides the edge's, by catalogue code: `...failures('complaint.not_found')`. */
export function failures(...codes: ErrorCode[]): Record<number, Failure> {
  const byStatus = new Map<number, string[]>();
  for (const code of codes) {
    const status = errorEntry(code)[0];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries([...byStatus].map(([status, list]) => [status, failureOf(list)]));
}

/** A non-JSON answer (a file, a CSV, a photo): documented by its content types, sent as it is. */
export function fileAnswer(description: string, ...contentTypes: string[]) {
  return { description, content: Object.fromEntries(contentTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) };
}

/**
 * Sends a file as a download with its checked type and name: never sniffed or
 * shown in place by the browser. `cache` is the route's: private for what
 * needs a sign-in, public for published documents.
 */
export function sendAttachment(reply: FastifyReply, file: { fileName: string; data: Buffer }, contentType: string, cache = 'private, no-store') {
  return reply.type(contentType).header('x-content-type-options', 'nosniff').header('cache-control', cache)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.data);
}

/** The codes the edge gives on a route, from how it is declared (http/access.ts, media-types.ts, idempotency.ts, rate-limit.ts). */
function edgeCodes(route: RouteOptions): ErrorCode[] {
  const config = route.config ?? {};
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  const codes: ErrorCode[] = ['request.nul_character', 'auth.invalid_api_key', 'internal', 'service.unavailable'];
  if (schema.params || schema.querystring || schema.body || schema.headers) codes.push('request.invalid');
  if (schema.body) codes.push('request.text_too_long', 'request.body_too_large', 'request.unsupported_media_type');
  if (config.bodyTypes?.includes('multipart')) codes.push('file.too_large', 'file.too_many');
  if (route.url.includes(':region')) codes.push('region.not_found');
  const access = config.access;
  if (access && access !== 'public' && access !== 'api_key') codes.push('auth.required', 'auth.session_expired');
  if (access && access !== 'public' && access !== 'signed_in') codes.push('auth.forbidden');
  if (access && access !== 'public' && access !== 'api_key' && route.method !== 'GET') codes.push('auth.csrf');
  if (config.idempotent) codes.push('idempotency.in_progress', 'idempotency.key_reused');
  if (config.limits?.length) codes.push('request.rate_limited');
  return codes;
}

const isJsonApi = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

/** Adds the edge's error answers to every /api route's declared answers. */
export function installResponses(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!isJsonApi(route.url)) return;
    const response = { ...((route.schema?.response ?? {}) as Record<string, unknown>) };
    for (const code of edgeCodes(route)) {
      const status = String(errorEntry(code)[0]);
      const declared = response[status];
      if (declared !== undefined && !isFailure(declared)) throw new Error(`Route ${route.method} ${route.url} declares ${status} as something other than an error`);
      response[status] = failureOf([...(declared?.codes ?? []), code]);
    }
    route.schema = { ...route.schema, response };
  });
}

/** Who may call a route, as OpenAPI security requirements (components.securitySchemes in server.ts). */
function security(access: string | undefined, method: string): Record<string, string[]>[] {
  if (!access || access === 'public') return [];
  if (access === 'api_key') return [{ apiKey: [] }, { open311ApiKey: [] }];
  return [method === 'GET' ? { session: [] } : { session: [], csrf: [] }];
}

/** A multipart body: a JSON field and files, named in the operation's description (files.ts multipartReader). */
const multipartBody = { type: 'object', description: 'Field JSON dan berkas: lihat deskripsi operasi / a JSON field and files: see the operation\'s description' };

const successes: Record<string, string> = { 200: 'OK', 201: 'Dibuat / Created', 202: 'Diterima / Accepted' };

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/**
 * The OpenAPI transform: zod schemas through fastify-type-provider-zod, error
 * answers with their codes as the description, file answers as declared, and
 * each operation's security from its access rule.
 */
export function documentRoute(input: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  const response = (input.schema?.response ?? {}) as Record<string, unknown>;
  const zodOnly: Record<string, unknown> = {};
  const kept: Record<string, unknown> = {};
  for (const [status, entry] of Object.entries(response)) {
    if (isFailure(entry)) zodOnly[status] = entry.properties;
    else if (entry instanceof z.ZodType) zodOnly[status] = entry;
    else kept[status] = entry;
  }
  const out = jsonSchemaTransform({ ...input, schema: { ...input.schema, response: zodOnly } } as TransformInput);
  const schema = out.schema as (Record<string, unknown> & { response?: Record<string, Record<string, unknown>> }) | undefined;
  if (!schema?.response) return out;
  for (const [status, entry] of Object.entries(response)) {
    if (isFailure(entry)) schema.response[status] = { ...schema.response[status], description: entry.description };
    else if (entry instanceof z.ZodType) schema.response[status] = { ...schema.response[status], description: successes[status] ?? 'OK' };
  }
  Object.assign(schema.response, kept);
  const bodyTypes = input.route.config?.bodyTypes;
  if (schema.body && bodyTypes) schema.body = { content: Object.fromEntries(bodyTypes.map((t) => [mediaTypes[t], { schema: t === 'multipart' ? multipartBody : schema.body }])) };
  const method = [input.route.method].flat()[0];
  if (isJsonApi(input.url) || input.route.config?.access) schema.security = security(input.route.config?.access, method);
  return out;
}

type ObjectInput = Parameters<typeof jsonSchemaTransformObject>[0];
type Document = { paths?: unknown; components?: { schemas?: Record<string, unknown> } };

/** Named schemas (`.meta({ id })`) as components, only those the document refers to. */
export function documentObject(input: ObjectInput): ReturnType<typeof jsonSchemaTransformObject> {
  const doc = jsonSchemaTransformObject(input) as Document;
  const all = doc.components?.schemas ?? {};
  const used = new Set<string>();
  const visit = (value: unknown) => {
    for (const [, name] of JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      if (used.has(name)) continue;
      used.add(name);
      visit(all[name]);
    }
  };
  visit(doc.paths);
  doc.components!.schemas = Object.fromEntries(Object.keys(all).filter((name) => used.has(name)).sort().map((name) => [name, all[name]]));
  return doc as ReturnType<typeof jsonSchemaTransformObject>;
}
