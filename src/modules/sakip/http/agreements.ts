// HTTP for performance agreements (Perjanjian Kinerja): a year's agreements,
// drafting one from the official's plan, editing the draft, recording its
// signing, revising it with a reason, reading any version, and the Word file.
// Access is declared per route; which unit a planner or unit head acts for
// is the service's check.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { regionParam, text } from '../../../platform/http/schemas.js';
import { failures, fileAnswer, instant, oneOf, sendAttachment } from '../../../platform/http/responses.js';
import { agreementLevels } from '../domain/agreement.js';
import { agreementView, draftAgreement, listAgreements, reviseAgreement, signAgreement, updateAgreement } from '../service/agreements.js';
import { DOCX_TYPE, exportAgreementDocx, exportPublishedAgreementDocx } from '../service/agreementDocx.js';

const tags = ['sakip'];
const agreementParam = regionParam.extend({ agreementId: z.uuid() });
const versionParam = agreementParam.extend({ version: z.coerce.number().int().min(1).max(1000) });
const decimal = z.string().describe('Desimal tepat sebagai teks / an exact decimal as text');
const level = oneOf(agreementLevels).describe('region: kepala daerah (RPJMD); unit: kepala perangkat daerah (Renstra); subunit: pejabat eselon III/IV / head of region; unit head; echelon III/IV official');

const partyInput = z.object({
  name: text(300).describe('Nama lengkap dengan gelar / full name with titles'),
  position: text(300).describe('Jabatan / position'),
  nip: z.string().trim().max(30).optional().describe('NIP, bila ada / civil-service number, if any'),
});
const partyAnswer = z.object({ name: z.string(), position: z.string(), nip: z.string() });
const person = z.object({ at: instant, by: z.string() });
const localDate = z.iso.date().describe('Tanggal penandatanganan, waktu daerah / the signing date, region time (YYYY-MM-DD)');

const versionBrief = {
  version: z.number().int(), status: oneOf(['draft', 'signed']),
  reason: z.string().nullable().describe('Alasan revisi; null pada versi pertama / the revision\'s reason; null on the first'),
  created: person, signed: person.nullable().describe('Siapa mencatat penandatanganan / who recorded the signing'), signedOn: z.string().nullable(),
};
const unitBrief = z.object({ id: z.string(), code: z.string(), name: z.string() });

const agreementBrief = z.object({
  id: z.string(), year: z.number().int(), level, unit: unitBrief.nullable(), subunit: z.string(), version: z.number().int(), status: oneOf(['draft', 'signed']),
  firstParty: partyAnswer, signed: person.nullable(), signedOn: z.string().nullable(), updatedAt: instant,
}).meta({ id: 'SakipAgreementBrief' });

const agreement = z.object({
  id: z.string(), year: z.number().int(), level, unit: unitBrief.nullable(), subunit: z.string(), plan: z.object({ id: z.string(), title: z.string() }),
  currentVersion: z.number().int(), ...versionBrief,
  firstParty: partyAnswer, secondParty: partyAnswer.nullable().describe('Atasan pihak pertama; null untuk kepala daerah / the first party\'s superior; null for the head of region'),
  place: z.string(),
  words: z.object({ title: z.array(z.string()), paragraphs: z.array(z.string()), placeAndDate: z.string() }).describe('Naskah perjanjian (bahasa Indonesia) / the agreement\'s text (Indonesian)'),
  targets: z.array(z.object({
    nodeId: z.string(), target: z.string().describe('Sasaran'), indicatorId: z.string(), indicator: z.string(), measure: z.string(),
    type: oneOf(['single', 'range']), value: decimal.nullable(), low: decimal.nullable(), high: decimal.nullable(),
    targetVersion: z.number().int().describe('Versi target rencana yang disalin / the plan target version copied'),
    revisedSince: z.boolean().describe('Target rencana sudah direvisi sesudahnya / the plan\'s target was revised since'),
  })),
  programmes: z.array(z.object({ nodeId: z.string(), code: z.string().nullable(), title: z.string(), budget: decimal.nullable().describe('Rupiah, bila diketahui / rupiah, if known') })),
  versions: z.array(z.object(versionBrief)),
}).meta({ id: 'SakipAgreement' });

const agreementFailures = ['sakip.agreement_not_found', 'sakip.not_your_unit', 'sakip.coordinator_only'] as const;

export const sakipAgreementRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/regions/:region/sakip/agreements';
  const one = `${base}/:agreementId`;

  r.get(base, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Perjanjian kinerja daerah / The region\'s performance agreements', params: regionParam,
      querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      response: { 200: z.array(agreementBrief) },
    },
  }, async (request) => listAgreements(ctx, request.region!, request.query));

  r.post(base, {
    config: { idempotent: true, access: 'sakip.plan' },
    schema: {
      tags, summary: 'Susun draf perjanjian kinerja dari rencana / Draft a performance agreement from the plan', params: regionParam,
      description: 'Kepala daerah (level region) dari RPJMD aktif, kepala perangkat daerah (unit) atau pejabat eselon III/IV (subunit, dengan jabatannya) dari Renstra aktif perangkat daerah itu yang mencakup tahunnya. Indikator bawaan: indikator sasaran rencana; targetnya disalin dari versi target yang berlaku. Kepala daerah tanpa pihak kedua; yang lain dengan atasannya. Koordinator untuk semua; perencana untuk perangkat daerahnya. / The head of region from the active RPJMD, a unit head or an echelon III/IV official from the unit\'s active Renstra covering the year. By default the indicators of the plan\'s targets (sasaran), their current targets copied. The head of region has no second party; others their superior.',
      body: z.object({
        year: z.number().int().min(2000).max(2100), level: z.enum(agreementLevels), unitId: z.uuid().optional(),
        subunit: z.string().trim().max(300).optional().describe('Jabatan eselon III/IV, untuk level subunit / the echelon III/IV position, for level subunit'),
        firstParty: partyInput, secondParty: partyInput.nullish(), place: z.string().trim().max(200).optional().describe('Tempat penandatanganan; bawaan nama daerah / where it is signed; by default the region'),
        indicatorIds: z.array(z.uuid()).min(1).max(500).optional().describe('Indikator yang diperjanjikan / the indicators committed'),
      }),
      response: {
        201: agreement,
        ...failures('sakip.agreement_exists', 'sakip.agreement_no_plan', 'sakip.agreement_empty', 'sakip.agreement_parties_invalid', 'sakip.indicator_not_found', 'sakip.not_your_unit', 'sakip.coordinator_only', 'unit.not_found'),
      },
    },
  }, async (request, reply) => {
    const id = await draftAgreement(ctx, request.region!, request.actor, request.body);
    return reply.status(201).send(await agreementView(ctx, request.region!, id));
  });

  r.get(one, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Satu perjanjian kinerja, versi yang berlaku / One performance agreement, its current version', params: agreementParam,
      response: { 200: agreement, ...failures('sakip.agreement_not_found') },
    },
  }, async (request) => agreementView(ctx, request.region!, request.params.agreementId));

  r.get(`${one}/versions/:version`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Satu versi perjanjian kinerja, sebagaimana adanya / One version of a performance agreement, as it was', params: versionParam,
      response: { 200: agreement, ...failures('sakip.agreement_not_found', 'sakip.agreement_version_not_found') },
    },
  }, async (request) => agreementView(ctx, request.region!, request.params.agreementId, request.params.version));

  r.patch(one, {
    config: { access: 'sakip.plan' },
    schema: {
      tags, summary: 'Ubah draf perjanjian kinerja: para pihak, tempat, tanggal, anggaran program / Edit a draft agreement: parties, place, date, programme budgets', params: agreementParam,
      body: z.object({
        firstParty: partyInput.optional(), secondParty: partyInput.nullish(), place: z.string().trim().min(1).max(200).optional(), signedOn: localDate.nullish(),
        budgets: z.array(z.object({ nodeId: z.uuid(), budget: z.union([z.string().max(60), z.number()]).nullable() })).max(500).optional()
          .describe('Anggaran per program atau kegiatan, rupiah / budget per programme or activity, rupiah'),
      }),
      response: {
        200: agreement,
        ...failures(...agreementFailures, 'sakip.agreement_signed', 'sakip.agreement_parties_invalid', 'sakip.node_not_found', 'sakip.value_not_numeric', 'sakip.value_negative', 'sakip.value_out_of_range'),
      },
    },
  }, async (request) => {
    await updateAgreement(ctx, request.region!, request.actor, request.params.agreementId, request.body);
    return agreementView(ctx, request.region!, request.params.agreementId);
  });

  r.post(`${one}/sign`, {
    config: { idempotent: true, access: 'sakip.agreement_sign' },
    schema: {
      tags, summary: 'Catat penandatanganan perjanjian kinerja / Record a performance agreement\'s signing', params: agreementParam,
      description: 'Oleh koordinator SAKIP atau kepala perangkat daerah itu. Tanggal bawaan: tanggal pada draf, atau hari ini waktu daerah. Versi yang ditandatangani tidak berubah lagi. / By the SAKIP coordinator or that unit\'s head. The date: the draft\'s, else today in the region\'s time. A signed version no longer changes.',
      body: z.object({ signedOn: localDate.optional() }),
      response: { 200: agreement, ...failures(...agreementFailures, 'sakip.agreement_signed') },
    },
  }, async (request) => {
    await signAgreement(ctx, request.region!, request.actor, request.params.agreementId, request.body);
    return agreementView(ctx, request.region!, request.params.agreementId);
  });

  r.post(`${one}/revise`, {
    config: { idempotent: true, access: 'sakip.plan' },
    schema: {
      tags, summary: 'Revisi perjanjian kinerja yang sudah ditandatangani / Revise a signed performance agreement', params: agreementParam,
      description: 'Versi baru (draf) dengan alasannya, misalnya pejabat berganti atau target direvisi: para pihak diganti bila dikirim, target disalin ulang dari rencana, anggaran dibawa. Versi lama tetap terbaca. / A new draft version with its reason (the official changed, a target was revised): parties replaced when sent, targets copied afresh, budgets carried. Earlier versions stay readable.',
      body: z.object({ reason: z.string().trim().max(2000), firstParty: partyInput.optional(), secondParty: partyInput.nullish(), place: z.string().trim().max(200).optional() }),
      response: {
        200: agreement,
        ...failures(...agreementFailures, 'sakip.agreement_reason_required', 'sakip.agreement_not_signed', 'sakip.agreement_parties_invalid', 'sakip.agreement_empty'),
      },
    },
  }, async (request) => {
    await reviseAgreement(ctx, request.region!, request.actor, request.params.agreementId, request.body);
    return agreementView(ctx, request.region!, request.params.agreementId);
  });

  r.get(`${one}/export.docx`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Unduh perjanjian kinerja sebagai dokumen Word / Download the agreement as a Word document', params: agreementParam,
      querystring: z.object({ version: z.coerce.number().int().min(1).max(1000).optional().describe('Bawaan versi yang berlaku / by default the current version') }),
      response: { 200: fileAnswer('Dokumen DOCX / a DOCX document', DOCX_TYPE), ...failures('sakip.agreement_not_found', 'sakip.agreement_version_not_found') },
    },
  }, async (request, reply) => {
    return sendAttachment(reply, await exportAgreementDocx(ctx, request.region!, request.params.agreementId, request.query.version), DOCX_TYPE);
  });

  // Public: the document the region publishes (PermenPANRB 53/2014), no sign-in.
  r.get('/api/regions/:region/sakip/public/agreements/:agreementId/export.docx', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Perjanjian kinerja yang ditandatangani sebagai Word (publik) / A signed agreement as Word (public)', params: agreementParam,
      description: 'Versi bertanda tangan terakhir, tanpa NIP para pihak; perjanjian yang belum pernah ditandatangani tidak ada. / The latest signed version, without the parties\' NIP; an agreement never signed does not exist here.',
      response: { 200: fileAnswer('Dokumen DOCX / a DOCX document', DOCX_TYPE), ...failures('sakip.agreement_not_found') },
    },
  }, async (request, reply) => sendAttachment(reply, await exportPublishedAgreementDocx(ctx, request.region!, request.params.agreementId), DOCX_TYPE, 'public, max-age=300'));
};

