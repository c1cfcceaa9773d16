// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over Pamong's
// categories (services) and complaints (service requests). jurisdiction_id is
// the region code; every answer, errors included, is JSON or XML by the URL.
import { staleRead } from '../../../platform/db/replica.js';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import formbody from '@fastify/formbody';
import { z } from 'zod';
import type { Gateway } from '../../../platform/modules/contract.js';
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { classifyError, failureHeaders, type Failure } from '../../../platform/http/errors.js';
import type { Region } from '../../../platform/regions/service.js';
import * as admin from '../service/admin.js';
import { statusLabel } from '../domain/status.js';
import { trackingCodePattern } from '../domain/tracking.js';
import { textLimits } from '../domain/limits.js';
import { submitComplaint } from '../service/intake.js';
import { listOpen311, type Open311Filter } from '../service/queries.js';
import { contentTypes, documentedAnswers, errorFormatOf, errorList, extensionOf, formats, isFormat, render, type Format } from './open311/format.js';
import { areaOf, attributesOf, commaList, requestWindow } from './open311/parse.js';
import { API_PATH, API_ROOT, discovery, service, serviceDefinition, serviceRequest, statusesFor, type RequestRow } from './open311/present.js';

const tags = ['open311'];
/** The spec's cap on one GET requests answer. */
const MAX_REQUESTS = 1000;
const DESCRIPTION_MAX = textLimits.description;

const formatParam = z.object({ format: z.enum(formats) });
const jurisdictionQuery = z.object({ jurisdiction_id: z.string().max(10).optional() });

// Form fields arrive as strings and clients send empty ones for "none".
const blank = z.literal('');
const optionalText = (max: number) => z.union([blank, z.string().trim().max(max)]).optional();
const coordinate = (limit: number) => z.union([
  blank,
  z.union([z.number(), z.string().trim().regex(/^[-+]?\d{1,3}(\.\d+)?$/).transform(Number)]).pipe(z.number().min(-limit).max(limit)),
]).optional();
/** A comma list, or the parameter repeated. */
const listParam = <T extends z.ZodType<string, string>>(item: T, max: number) =>
  z.union([z.string().max(4000), z.array(z.string().max(4000)).max(max)]).optional().transform(commaList).pipe(z.array(item).max(max));

const createBody = z.looseObject({
  jurisdiction_id: z.string().max(10).optional(),
  api_key: z.string().max(200).optional(),
  service_code: z.string().trim().min(1).max(40),
  lat: coordinate(90),
  long: coordinate(180),
  address_string: optionalText(textLimits.address),
  address_id: optionalText(20),
  email: z.union([blank, z.email().max(textLimits.reporterEmail)]).optional(),
  device_id: optionalText(100),
  account_id: optionalText(100),
  first_name: optionalText(60),
  last_name: optionalText(60),
  phone: z.union([blank, z.string().regex(/^\+?[0-9 -]{6,20}$/)]).optional(),
  description: z.string().trim().min(10).max(DESCRIPTION_MAX),
  media_url: z.union([blank, z.url({ protocol: /^https?$/ }).max(1000)]).optional(),
  attribute: z.record(z.string().max(40), z.union([z.string().max(textLimits.answerText), z.number(), z.array(z.string().max(textLimits.answerString)).max(50)])).optional(),
}).describe('application/x-www-form-urlencoded (per the spec) or JSON. Answers: attribute[CODE]=value; a multivaluelist repeats attribute[CODE][]=value.');

const requestsQuery = jurisdictionQuery.extend({
  service_request_id: listParam(z.string().max(20), 200),
  service_code: z.string().max(40).optional(),
  start_date: z.string().max(40).optional(),
  end_date: z.string().max(40).optional(),
  status: listParam(z.enum(['open', 'closed']), 2),
});

function answer(reply: FastifyReply, format: Format, root: string, body: unknown, status = 200) {
  return reply.status(status).type(contentTypes[format]).send(render(format, root, body));
}

/** The spec's error list, in the format the URL asks for (XML for `.xml`, else JSON). */
function sendOpen311Failure(failure: Failure, request: FastifyRequest, reply: FastifyReply) {
  return answer(reply.headers(failureHeaders(failure)), errorFormatOf(request.url), 'errors', errorList(failure), failure.status);
}

/** A parameter from the query or, for a form or JSON post, the body; `first` says which wins when both have it. */
function parameter(request: FastifyRequest, name: string, first: 'query' | 'body'): unknown {
  const q = (request.query as Record<string, unknown> | undefined)?.[name];
  const body = request.body as Record<string, unknown> | undefined;
  const b = body && typeof body === 'object' ? body[name] : undefined;
  return first === 'query' ? q ?? b : b ?? q;
}

/**
 * /open311 follows the GeoReport v2 conventions, not Pamong's: the region is
 * jurisdiction_id, the key may be api_key, unknown keys are allowed, and every
 * address under it (even one that never reaches a route) answers errors as the
 * spec's list.
 */
export const open311Gateway: Gateway = {
  prefix: `${API_ROOT}/`,
  regionOf(request) {
    const j = parameter(request, 'jurisdiction_id', 'query');
    return j === undefined ? undefined : String(j);
  },
  apiKeyOf(request) {
    const k = parameter(request, 'api_key', 'body');
    return typeof k === 'string' && k ? k : undefined;
  },
  lenientBodies: true,
  sendFailure: sendOpen311Failure,
};

async function serviceByCode(ctx: AppContext, region: Region, code: string) {
  const category = (await admin.listCategories(ctx, region.code)).find((c) => c.code === code);
  if (!category) throw new AppError('open311.service_not_found');
  return category;
}

/** One request by its id (the tracking code), under the same privacy rules as the list. */
async function findRequest(ctx: AppContext, region: Region, id: string) {
  const [row] = trackingCodePattern.test(id) ? await listOpen311(ctx, region, { trackingCodes: [id], limit: 1 }) : [];
  if (!row) throw new AppError('complaint.not_found');
  return row;
}

function answerErrorsAsOpen311(scope: FastifyInstance) {
  scope.setErrorHandler((err: FastifyError, request, reply) => sendOpen311Failure(classifyError(err, request), request, reply));
  scope.setNotFoundHandler((request, reply) => sendOpen311Failure(classifyError(new AppError('route.not_found'), request), request, reply));
}

export const open311Routes = (ctx: AppContext) => async (root: FastifyInstance) => {
  // Addresses under /open311 outside the version (e.g. /open311/v3/...) are the spec's too.
  await root.register(async (scope) => answerErrorsAsOpen311(scope), { prefix: API_ROOT });
  await root.register(async (scope) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    answerErrorsAsOpen311(scope);
    // The spec posts form fields; only this scope parses them.
    await scope.register(formbody);
    app.addHook('onRequest', async (request) => {
      if (!request.is404 && !isFormat(extensionOf(request.url))) throw new AppError('open311.format');
    });
    // After the access hook has resolved jurisdiction_id: every call but discovery names its region.
    app.addHook('preValidation', async (request) => {
      if (!request.region && !request.is404 && !request.routeOptions.url?.startsWith(`${API_PATH}/discovery.`)) throw new AppError('open311.jurisdiction_required');
    });

    const present = (request: FastifyRequest, row: RequestRow) => serviceRequest(row, request.locale, ctx.config.publicUrl, request.region!);

    app.get('/discovery.:format', {
      config: { access: 'public' },
      schema: { tags, summary: 'Penemuan layanan / Service discovery', params: formatParam, response: documentedAnswers('Penemuan layanan / service discovery', { list: false }) },
    }, async (request, reply) => answer(reply, request.params.format, 'discovery', discovery(ctx.config.publicUrl, request.locale)));

    app.get('/services.:format', {
      config: { access: 'public' },
      schema: { tags, summary: 'Daftar layanan (kategori) / Service list (categories)', params: formatParam, querystring: jurisdictionQuery, response: documentedAnswers('Daftar layanan / services') },
    }, async (request, reply) => {
      const list = await admin.listCategories(ctx, request.region!.code);
      return answer(reply, request.params.format, 'services', list.map((c) => service(c, request.locale)));
    });

    app.get('/services/:service_code.:format', {
      config: { access: 'public' },
      schema: {
        tags, summary: 'Definisi layanan dan pertanyaannya / Service definition with its attributes',
        params: formatParam.extend({ service_code: z.string().max(40) }), querystring: jurisdictionQuery,
        response: documentedAnswers('Definisi layanan / service definition', { list: false }),
      },
    }, async (request, reply) => {
      const category = await serviceByCode(ctx, request.region!, request.params.service_code);
      return answer(reply, request.params.format, 'service_definition', serviceDefinition(category, request.locale));
    });

    app.post('/requests.:format', {
      config: { idempotent: true, access: 'api_key', bodyTypes: ['form', 'json'], limits: [{ name: 'open311-request', max: ctx.config.intakePerMinute, windowSeconds: 60 }] },
      schema: {
        tags, summary: 'Kirim pengaduan / Create a service request', security: [{ apiKey: [] }],
        description: 'Butuh api_key daerah ini (field, query atau header x-api-key) dan lokasi: lat+long, address_string, atau address_id (kode BPS kecamatan/desa).',
        params: formatParam, body: createBody,
        response: documentedAnswers('Id permintaan baru / the new request\'s id', { status: 201 }),
      },
    }, async (request, reply) => {
      const b = request.body;
      const region = request.region!;
      const category = await serviceByCode(ctx, region, b.service_code);
      const lat = b.lat === '' ? undefined : b.lat;
      const lng = b.long === '' ? undefined : b.long;
      if ((lat === undefined) !== (lng === undefined)) throw new AppError('request.invalid', { [lat === undefined ? 'lat' : 'long']: 'lat and long come together' });
      const area = b.address_id ? areaOf(b.address_id) : null;
      if (b.address_id && !area) throw new AppError('area.not_in_region', { address_id: b.address_id });
      if (lat === undefined && !b.address_string && !area) throw new AppError('open311.location_required');
      // Pamong keeps photos, not links: the link goes into the text the officer reads.
      const description = b.media_url ? `${b.description}\n\nMedia: ${b.media_url}` : b.description;
      if (description.length > DESCRIPTION_MAX) throw new AppError('request.text_too_long', [{ field: 'description', max: DESCRIPTION_MAX, note: 'with media_url' }]);
      const { trackingCode } = await submitComplaint(ctx, region, request.actor, {
        categoryId: category.id, description, answers: attributesOf(b),
        districtCode: area?.districtCode ?? null, villageCode: area?.villageCode ?? null, lat: lat ?? null, lng: lng ?? null,
        address: b.address_string || null,
        // An Open311 client's reporter is never shown: anonymous, as on the web by default.
        anonymous: true, confidential: false,
        reporterName: [b.first_name, b.last_name].filter((n) => !!n).join(' ') || null,
        reporterEmail: b.email || null, reporterPhone: b.phone || null, channel: 'open311',
      }, []);
      const created = [{ service_request_id: trackingCode, service_notice: statusLabel.submitted[request.locale], account_id: null }];
      return answer(reply, request.params.format, 'service_requests', created, 201);
    });

    app.get('/tokens/:token.:format', {
      config: { access: 'public' },
      schema: {
        tags, summary: 'Id dari token (token = kode lacak) / Request id from a token (the token is the tracking code)',
        params: formatParam.extend({ token: z.string().max(20) }), querystring: jurisdictionQuery,
        response: documentedAnswers('Id permintaan / the request id'),
      },
    }, async (request, reply) => {
      const row = await findRequest(ctx, request.region!, request.params.token);
      return answer(reply, request.params.format, 'service_requests', [{ service_request_id: row.trackingCode, token: row.trackingCode }]);
    });

    app.get('/requests.:format', {
      config: { access: 'public' },
      schema: {
        tags, summary: 'Daftar pengaduan / Service requests',
        description: 'Terbaru dahulu, maks. 1000; bawaan 90 hari terakhir. service_request_id (daftar berkoma) mengabaikan filter lain.',
        params: formatParam, querystring: requestsQuery,
        response: documentedAnswers('Permintaan layanan / service requests'),
      },
    }, async (request, reply) => {
      const q = request.query;
      const region = request.region!;
      // Per the spec, a list of ids overrides every other filter.
      const filter: Open311Filter = q.service_request_id.length > 0
        ? { trackingCodes: q.service_request_id, limit: MAX_REQUESTS }
        : {
          categoryCode: q.service_code,
          status: q.status.length > 0 ? statusesFor(q.status) : undefined,
          submittedIn: requestWindow(ctx.clock.now(), q.start_date, q.end_date, region.utcOffsetMinutes),
          limit: MAX_REQUESTS,
        };
      // The list may be a few seconds old (a replica); one request by its id is read on the primary, so a client finds what it just posted.
      const rows = await staleRead(ctx, (c) => listOpen311(c, region, filter));
      return answer(reply, request.params.format, 'service_requests', rows.map((row) => present(request, row)));
    });

    app.get('/requests/:service_request_id.:format', {
      config: { access: 'public' },
      schema: {
        tags, summary: 'Satu pengaduan (larik satu unsur) / One service request (a one-element array)',
        params: formatParam.extend({ service_request_id: z.string().max(20) }), querystring: jurisdictionQuery,
        response: documentedAnswers('Satu permintaan layanan / one service request'),
      },
    }, async (request, reply) => {
      const row = await findRequest(ctx, request.region!, request.params.service_request_id);
      return answer(reply, request.params.format, 'service_requests', [present(request, row)]);
    });
  }, { prefix: API_PATH });
};
