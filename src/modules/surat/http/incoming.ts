// HTTP for incoming letters, dispositions, the registers and search, and the
// home counts (service/incoming.ts, dispositions.ts, register.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { regionParam, text } from '../../../platform/http/schemas.js';
import { failures, fileAnswer, instant, ok, sendAttachment } from '../../../platform/http/responses.js';
import { multipartReader } from '../../../platform/files.js';
import { SECURITY_CLASSES, URGENCIES } from '../domain/letter.js';
import { DISPOSITION_STATUSES } from '../domain/disposition.js';
import { distribute, letterDetail, readAttachment, registerIncoming, scanPolicy } from '../service/incoming.js';
import { complete, dispose, followUp, myDispositions, withdraw } from '../service/dispositions.js';
import { homeCounts, listLetters, routablePeople } from '../service/register.js';

const tags = ['surat'];
const localDay = z.iso.date().describe('Tanggal (YYYY-MM-DD) / date');
const classificationCode = z.string().regex(/^\d{3}(\.\d+){0,3}$/).describe('Kode klasifikasi arsip (Permendagri 83/2022), mis. 500.5.7.15 / archive classification code');
const security = z.enum(SECURITY_CLASSES);
const urgency = z.enum(URGENCIES);
const letterParam = regionParam.extend({ letterId: z.uuid() });
const dispositionParam = regionParam.extend({ dispositionId: z.uuid() });
const paging = { limit: z.coerce.number().int().min(1).max(100).default(25), offset: z.coerce.number().int().min(0).max(100_000).default(0) };

const incomingInput = z.object({
  unitId: z.uuid().describe('Perangkat daerah penerima (register agendanya) / the receiving unit'),
  documentTypeCode: z.string().max(100).nullish(),
  number: text(200).describe('Nomor naskah sebagaimana tertulis / the letter\'s number as written'),
  letterDate: localDay,
  senderName: text(300),
  subject: text(1000).describe('Hal / subject'),
  summary: z.string().trim().max(5000).default(''),
  classificationCode,
  security: security.default('biasa'),
  urgency: urgency.default('biasa'),
}).strict();

const unitRef = z.object({ id: z.string(), name: z.string(), code: z.string() });
const dispositionNode: z.ZodType = z.lazy(() => z.object({
  id: z.string(), parentId: z.string().nullable(), from: z.object({ userId: z.string().nullable(), name: z.string() }), to: z.object({ userId: z.string(), name: z.string() }),
  instruction: z.string(), priority: z.string(), dueAt: instant.nullable(), overdue: z.boolean(), status: z.enum(DISPOSITION_STATUSES),
  createdAt: instant, readAt: instant.nullable(), doneAt: instant.nullable(), report: z.string().nullable(),
  notes: z.array(z.object({ kind: z.enum(['note', 'report']), body: z.string(), author: z.string(), at: instant })),
  children: z.array(dispositionNode),
})).meta({ id: 'SuratDisposition' });
/** The record file holding a letter, on the incoming and the outgoing letter's page. */
export const filedIn = z.object({ id: z.uuid(), title: z.string(), status: z.string() }).nullable().describe('Berkas arsip tempat naskah diberkaskan / the record file it is filed in');
const access = z.enum(['open', 'exists']).describe('open: boleh dibuka; exists: hanya terlihat keberadaannya (klasifikasi keamanan) / open, or only seen to exist');
const letterAnswer = z.object({
  id: z.string(), direction: z.string(), unit: unitRef, agendaNumber: z.number().int().nullable(), agendaYear: z.number().int().nullable(), number: z.string().nullable(),
  letterDate: z.string().nullable(), receivedAt: instant.nullable(), security, urgency, status: z.string(), classificationCode: z.string(), access,
  subject: z.string().nullable(), senderName: z.string().nullable(), summary: z.string().nullable(), documentTypeCode: z.string().nullable(),
  file: filedIn,
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), size: z.number().int(), sha256: z.string() })),
  people: z.array(z.object({ userId: z.string(), name: z.string(), reason: z.string(), readAt: instant.nullable() })),
  dispositions: z.array(dispositionNode),
}).meta({ id: 'SuratLetter' });
const listItem = z.object({
  id: z.string(), direction: z.string(), unitId: z.string(), unitName: z.string(), agendaNumber: z.number().int().nullable(), agendaYear: z.number().int().nullable(),
  number: z.string().nullable(), letterDate: z.string().nullable(), receivedAt: instant.nullable(), security, urgency, status: z.string(), classificationCode: z.string(),
  createdAt: instant, subject: z.string().nullable(), senderName: z.string().nullable(), unread: z.boolean(), access,
  revokedAt: instant.nullable().describe('Dicabut oleh modul penghasilnya (hasil layanan publik yang dicabut) / revoked by the module that produced it'),
}).meta({ id: 'SuratLetterListItem' });
const due = z.object({ amount: z.number().int().min(1).max(365), unit: z.enum(['working_days', 'hours']) });

export const incomingRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const R = '/api/regions/:region/surat';

  r.get(`${R}/home`, {
    config: { access: 'surat.read' },
    schema: {
      tags, summary: 'Hitungan beranda: belum dibaca, disposisi, lewat batas, perlu paraf, perlu tanda tangan / The home screen\'s counts', params: regionParam,
      response: { 200: z.object(Object.fromEntries(['unreadLetters', 'unreadCopies', 'unreadDispositions', 'dispositionsToFollowUp', 'overdueReceived', 'overdueGiven', 'toVerify', 'toSign', 'signedNotSent', 'myDrafts'].map((k) => [k, z.number().int()]))) },
    },
  }, async (request) => homeCounts(ctx, request.region!.code, request.actor));

  r.get(`${R}/people`, {
    config: { access: 'surat.read' },
    schema: {
      tags, summary: 'Orang yang dapat menerima naskah atau disposisi / People a letter or disposition can go to', params: regionParam,
      response: { 200: z.array(z.object({ id: z.string(), name: z.string(), roles: z.array(z.object({ role: z.string(), unitId: z.string().nullable(), unitName: z.string().nullable() })) })) },
    },
  }, async (request) => routablePeople(ctx, request.region!.code));

  r.get(`${R}/letters`, {
    config: { access: 'surat.read' },
    schema: {
      tags, summary: 'Register dan pencarian naskah (hanya yang boleh Anda lihat) / Registers and search (only what you may see)', params: regionParam,
      querystring: z.object({
        box: z.enum(['unit', 'inbox', 'all']).default('inbox'), unitId: z.uuid().optional(), direction: z.enum(['incoming', 'outgoing', 'memo']).optional(),
        status: z.string().max(20).optional(), security: security.optional(), q: z.string().trim().min(1).max(200).optional(), number: z.string().trim().min(1).max(200).optional(),
        sender: z.string().trim().min(1).max(200).optional(), classification: classificationCode.optional(), from: localDay.optional(), to: localDay.optional(), ...paging,
      }),
      response: { 200: z.object({ items: z.array(listItem), hasMore: z.boolean() }) },
    },
  }, async (request) => listLetters(ctx, request.region!.code, request.actor, request.query));

  r.post(`${R}/letters/incoming`, {
    config: { access: 'surat.register', bodyTypes: ['json', 'multipart'] },
    preValidation: multipartReader('surat', 'berkas', scanPolicy),
    schema: {
      tags, summary: 'Mencatat naskah masuk (nomor agenda otomatis) / Register an incoming letter (agenda number given)', params: regionParam,
      description: 'JSON, atau multipart/form-data: `surat` (JSON) dan hingga 5 `berkas` PDF pindaian (maks. 20 MB, diperiksa dari isinya). / JSON, or `surat` (JSON) and up to 5 PDF `berkas` (20 MB each, checked by content).',
      body: incomingInput,
      response: { 201: z.object({ id: z.string(), agendaNumber: z.number().int(), agendaYear: z.number().int() }), ...failures('surat.unit_not_yours', 'surat.unit_not_found', 'surat.classification_unknown', 'surat.document_type_unknown', 'surat.not_pdf', 'file.too_large', 'file.too_many') },
    },
  }, async (request, reply) => reply.status(201).send(await registerIncoming(ctx, request.region!.code, request.actor, request.body, request.uploads)));

  r.get(`${R}/letters/:letterId`, {
    config: { access: 'surat.read' },
    schema: { tags, summary: 'Satu naskah (membukanya menandai terbaca) / One letter (opening it marks it read)', params: letterParam, response: { 200: letterAnswer, ...failures('surat.letter_not_found') } },
  }, async (request) => letterDetail(ctx, request.region!.code, request.actor, request.params.letterId));

  r.get(`${R}/letters/:letterId/attachments/:attachmentId`, {
    config: { access: 'surat.read' },
    schema: { tags, summary: 'Berkas naskah (PDF) / A letter\'s file (PDF)', params: letterParam.extend({ attachmentId: z.uuid() }), response: { 200: fileAnswer('PDF', 'application/pdf'), ...failures('surat.letter_not_found', 'surat.letter_closed', 'surat.attachment_not_found') } },
  }, async (request, reply) => {
    const file = await readAttachment(ctx, request.region!.code, request.actor, request.params.letterId, request.params.attachmentId);
    return sendAttachment(reply, file, file.contentType);
  });

  r.post(`${R}/letters/:letterId/distribute`, {
    config: { access: 'surat.register' },
    schema: {
      tags, summary: 'Mendistribusikan naskah masuk kepada pimpinan / Distribute an incoming letter to the leader', params: letterParam,
      body: z.object({ leaders: z.array(z.uuid()).min(1).max(10) }).strict(),
      response: { 200: ok, ...failures('surat.letter_not_found', 'surat.letter_closed', 'surat.unit_not_yours', 'surat.already_distributed', 'surat.person_not_found', 'surat.wrong_direction') },
    },
  }, async (request) => {
    await distribute(ctx, request.region!.code, request.actor, request.params.letterId, request.body.leaders);
    return { ok: true as const };
  });

  r.post(`${R}/letters/:letterId/dispositions`, {
    config: { access: 'surat.read' },
    schema: {
      tags, summary: 'Memberi disposisi (pimpinan penerima naskah, atau penerima disposisi meneruskannya) / Give a disposition (the letter\'s leader, or a recipient routing it further)', params: letterParam,
      body: z.object({
        parentId: z.uuid().nullish().describe('Disposisi yang diteruskan / the disposition routed further'),
        to: z.array(z.uuid()).min(1).max(20), instruction: text(2000), priority: urgency.default('biasa'), due: due.nullish(),
      }).strict(),
      response: { 201: z.object({ ids: z.array(z.string()), dueAt: instant.nullable() }), ...failures('surat.letter_not_found', 'surat.letter_closed', 'surat.not_disposer', 'surat.disposition_not_yours', 'surat.disposition_state', 'surat.person_not_found', 'surat.disposition_self', 'surat.wrong_direction') },
    },
  }, async (request, reply) => reply.status(201).send(await dispose(ctx, request.region!.code, request.actor, request.params.letterId, request.body)));

  r.get(`${R}/dispositions`, {
    config: { access: 'surat.read' },
    schema: {
      tags, summary: 'Disposisi saya: diterima atau diberikan / My dispositions: received or given', params: regionParam,
      querystring: z.object({ box: z.enum(['received', 'given']).default('received'), status: z.enum([...DISPOSITION_STATUSES, 'open']).optional(), ...paging }),
      response: {
        200: z.object({
          items: z.array(z.object({
            id: z.string(), letterId: z.string(), subject: z.string(), agendaNumber: z.number().int().nullable(), agendaYear: z.number().int().nullable(), security, from: z.string(), to: z.string(),
            unit: z.string().nullable(), instruction: z.string(), priority: z.string(), dueAt: instant.nullable(), overdue: z.boolean(), status: z.enum(DISPOSITION_STATUSES), createdAt: instant, doneAt: instant.nullable(),
          })), hasMore: z.boolean(),
        }),
      },
    },
  }, async (request) => myDispositions(ctx, request.region!.code, request.actor, request.query.box, request.query.status ?? null, request.query.limit, request.query.offset));

  r.post(`${R}/dispositions/:dispositionId/withdraw`, {
    config: { access: 'surat.read' },
    schema: { tags, summary: 'Menarik disposisi yang belum dibaca / Withdraw an unread disposition', params: dispositionParam, response: { 200: ok, ...failures('surat.disposition_not_found', 'surat.disposition_read', 'surat.disposition_state') } },
  }, async (request) => {
    await withdraw(ctx, request.region!.code, request.actor, request.params.dispositionId);
    return { ok: true as const };
  });

  r.post(`${R}/dispositions/:dispositionId/notes`, {
    config: { access: 'surat.read' },
    schema: { tags, summary: 'Catatan tindak lanjut / A follow-up note', params: dispositionParam, body: z.object({ body: text(5000) }).strict(), response: { 200: ok, ...failures('surat.disposition_not_found', 'surat.disposition_not_yours', 'surat.disposition_state') } },
  }, async (request) => {
    await followUp(ctx, request.region!.code, request.actor, request.params.dispositionId, request.body.body);
    return { ok: true as const };
  });

  r.post(`${R}/dispositions/:dispositionId/done`, {
    config: { access: 'surat.read' },
    schema: { tags, summary: 'Menyelesaikan disposisi dengan laporan / Complete a disposition with a report', params: dispositionParam, body: z.object({ report: text(5000) }).strict(), response: { 200: ok, ...failures('surat.disposition_not_found', 'surat.disposition_not_yours', 'surat.disposition_state') } },
  }, async (request) => {
    await complete(ctx, request.region!.code, request.actor, request.params.dispositionId, request.body.report);
    return { ok: true as const };
  });
};
