// HTTP for correspondence (naskah dinas). Reference lists are public
// (regulation data); their correction is the platform administrator's. Each
// part of the module adds its routes from its own file.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { text } from '../../../platform/http/schemas.js';
import { failures, instant } from '../../../platform/http/responses.js';
import { incomingRoutes } from './incoming.js';
import { correctReference, listClassifications, listDocumentTypes, referenceHistory } from '../service/reference.js';
import { suratExchangeRoutes } from './exchange.js';
import { suratRecordsRoutes } from './records.js';
import { outgoingRoutes } from './outgoing.js';

const tags = ['surat'];
const classificationCode = z.string().regex(/^\d{3}(\.\d+){0,3}$/).describe('Kode klasifikasi arsip, mis. 500.5.7.15 / archive classification code');
const classification = z.object({ code: z.string(), name: z.string(), level: z.number().int(), parentCode: z.string().nullable(), active: z.boolean(), revision: z.number().int() }).meta({ id: 'SuratClassification' });
const layout = z.enum(['korespondensi', 'berjudul']);
const documentType = z.object({ code: z.string(), name: z.string(), layout, title: z.string().nullable(), active: z.boolean(), revision: z.number().int() }).meta({ id: 'SuratDocumentType' });
const history = z.array(z.object({ revision: z.number().int(), before: z.unknown(), after: z.unknown(), reason: z.string(), at: instant, by: z.string() }));
const reason = text(500).describe('Alasan koreksi, mis. bunyi Lampiran / why, e.g. the Lampiran\'s wording');

export const suratRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const P = '/api/surat';

  r.get(`${P}/classifications`, {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Kode klasifikasi arsip (Permendagri 83/2022): anak suatu kode, atau hasil pencarian / Archive classification codes: a code\'s children, or a search',
      querystring: z.object({ parent: classificationCode.optional(), q: z.string().trim().min(1).max(100).optional(), inactive: z.enum(['1']).optional() }),
      response: { 200: z.array(classification) },
    },
  }, async (request) => listClassifications(ctx.database.db, { parent: request.query.parent, search: request.query.q, includeInactive: request.query.inactive === '1' }));

  r.get(`${P}/document-types`, {
    config: { access: 'public' },
    schema: { tags, summary: 'Jenis naskah dinas dan tata letaknya (Permendagri 1/2023) / Document types and their layout', querystring: z.object({ inactive: z.enum(['1']).optional() }), response: { 200: z.array(documentType) } },
  }, async (request) => listDocumentTypes(ctx.database.db, request.query.inactive === '1'));

  r.get(`${P}/reference/:list/:code/history`, {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Riwayat koreksi satu baris referensi / The corrections of one reference row',
      params: z.object({ list: z.enum(['classification', 'document_type']), code: z.string().max(100) }), response: { 200: history },
    },
  }, async (request) => referenceHistory(ctx.database.db, request.params.list, request.params.code));

  r.patch(`${P}/classifications/:code`, {
    config: { access: 'platform_admin' },
    schema: {
      tags, summary: 'Mengoreksi satu kode klasifikasi (admin platform; koreksi disimpan) / Correct one classification code (platform admin; kept)',
      params: z.object({ code: classificationCode }), body: z.object({ name: text(500).optional(), active: z.boolean().optional(), reason }).strict(),
      response: { 200: z.object({ revision: z.number().int() }), ...failures('surat.reference_not_found', 'surat.reference_unchanged') },
    },
  }, async (request) => ctx.database.db.transaction((tx) => correctReference(tx, 'classification', request.params.code, request.body, request.actor, ctx.clock.now())));

  r.patch(`${P}/document-types/:code`, {
    config: { access: 'platform_admin' },
    schema: {
      tags, summary: 'Mengoreksi satu jenis naskah (admin platform; koreksi disimpan) / Correct one document type (platform admin; kept)',
      params: z.object({ code: z.string().max(100) }),
      body: z.object({ name: text(200).optional(), layout: layout.optional(), title: z.string().trim().max(200).nullable().optional(), active: z.boolean().optional(), reason }).strict(),
      response: { 200: z.object({ revision: z.number().int() }), ...failures('surat.reference_not_found', 'surat.reference_unchanged') },
    },
  }, async (request) => ctx.database.db.transaction((tx) => correctReference(tx, 'document_type', request.params.code, request.body, request.actor, ctx.clock.now())));

  outgoingRoutes(app, ctx);
  await app.register(incomingRoutes(ctx));
  await app.register(suratRecordsRoutes(ctx));
  await app.register(suratExchangeRoutes(ctx));
};
