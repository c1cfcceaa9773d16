// HTTP for training records (digital leadership, GCIO guidance): programmes,
// participants, completion, certificates, and the year's export as SPBE
// evidence. Kept by pimpinan.training; read by pimpinan.training_read (a unit
// head: their own unit's participants only).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { AppError } from '../../../platform/errors.js';
import { checkUploads, multipartReader } from '../../../platform/files.js';
import { regionParam } from '../../../platform/http/schemas.js';
import { failures, fileAnswer, instant, ok, sendAttachment } from '../../../platform/http/responses.js';
import { PARTICIPANT_STATUSES, TRAINING_KINDS } from '../domain/training.js';
import {
  addParticipant, certificateFile, certificatePolicy, createTraining, deleteTraining, exportTrainings, listTrainings, readTraining, removeCertificate, removeParticipant,
  staffChoices, updateParticipant, updateTraining, uploadCertificate,
} from '../service/training.js';

const tags = ['pimpinan'];
const BASE = '/api/regions/:region/pimpinan/pelatihan';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const localDate = z.iso.date().describe('Tanggal setempat YYYY-MM-DD / local date');
const text = (max: number) => z.string().trim().min(1).max(max);
const trainingParam = regionParam.extend({ trainingId: z.uuid() });
const participantParam = trainingParam.extend({ participantId: z.uuid() });
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('Tahun mulai program; bawaan: tahun berjalan / the year programmes start; default: this year') });

const programmeFields = {
  title: text(300).describe('Nama program, mis. Digital Leadership Academy / the programme\'s name'),
  organiser: text(200).describe('Penyelenggara, mis. Kementerian Komdigi, BPSDM / organiser'),
  kind: z.enum(TRAINING_KINDS).describe('digital_leadership | gcio | technical | other'),
  startDate: localDate,
  endDate: localDate,
  hours: z.number().int().min(0).max(10_000).nullable().optional().describe('Jam pelajaran / training hours'),
  notes: z.string().trim().max(4000).optional(),
};
const programme = z.object({
  id: z.string(), title: z.string(), organiser: z.string(), kind: z.enum(TRAINING_KINDS), startDate: z.string(), endDate: z.string(),
  hours: z.number().int().nullable(), notes: z.string(), createdAt: instant,
});
const participant = z.object({
  id: z.string(), trainingId: z.string(), userId: z.string().nullable(), name: z.string(), nip: z.string().nullable(),
  unitId: z.string(), unitName: z.string(), position: z.string().describe('Jabatan / position'),
  status: z.enum(PARTICIPANT_STATUSES), completedOn: z.string().nullable(),
  certificate: z.object({ fileName: z.string(), contentType: z.string(), size: z.number().int(), uploadedAt: instant, url: z.string() }).nullable(),
}).meta({ id: 'PimpinanTrainingParticipant' });
const programmeWithPeople = programme.extend({ participants: z.array(participant) }).meta({ id: 'PimpinanTraining' });
const list = z.object({
  year: z.number().int(),
  own: z.boolean().describe('Hanya peserta unit pembaca / the reader\'s own units\' participants only'),
  unitChoices: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() }))
    .describe('Unit aktif daerah untuk peserta baru (kosong bagi kepala unit) / the region\'s active units for a new participant (empty for a unit head)'),
  programmes: z.array(programme.extend({
    participants: z.number().int(), completed: z.number().int(), certificates: z.number().int().describe('Peserta dengan sertifikat / participants with a certificate'),
  })),
  units: z.array(z.object({ unitId: z.string(), name: z.string(), participants: z.number().int(), completed: z.number().int() }))
    .describe('Peserta dan yang selesai per unit selama tahun itu / participants and completions per unit over the year'),
}).meta({ id: 'PimpinanTrainingList' });

const participantFields = {
  name: z.string().trim().max(200).optional().describe('Nama; bawaan: nama akun / name; default: the account\'s'),
  nip: z.string().trim().regex(/^\d{18}$/).nullable().optional().describe('NIP 18 digit / civil-servant number'),
  unitId: z.uuid(),
  position: text(200).describe('Jabatan dengan kata-kata, mis. Kepala Dinas, GCIO / position in words'),
  status: z.enum(PARTICIPANT_STATUSES).optional(),
  completedOn: localDate.nullable().optional().describe('Wajib bila status completed / required when completed'),
};

const notFound = ['pimpinan.training_not_found'] as const;
const participantFailures = ['pimpinan.training_not_found', 'pimpinan.participant_not_found'] as const;

export const trainingRoutes = (ctx: AppContext) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(BASE, {
    config: { access: 'pimpinan.training_read' },
    schema: {
      tags, summary: 'Pelatihan kepemimpinan digital setahun / A year\'s digital-leadership training', params: regionParam, querystring: yearQuery,
      description: 'Program yang mulai pada tahun itu dengan jumlah peserta dan yang selesai, dan jumlah per unit. Kepala unit hanya melihat peserta unitnya. / The programmes starting that year with participants and completions, and counts per unit. A unit head sees their unit\'s participants only.',
      response: { 200: list },
    },
  }, async (request) => {
    const region = request.region!;
    return listTrainings(ctx, request.actor, region, request.query.year ?? Number(localDateOf(ctx.clock.now(), region).slice(0, 4)));
  });

  for (const format of ['xlsx', 'csv'] as const) {
    const type = format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE;
    app.get(`${BASE}/ekspor.${format}`, {
      config: { access: 'pimpinan.training' },
      schema: {
        tags, summary: `Ekspor catatan pelatihan setahun (${format.toUpperCase()}) / Export a year's training records (${format.toUpperCase()})`, params: regionParam, querystring: yearQuery,
        description: 'Satu baris per peserta (program tanpa peserta satu baris), kolom berbahasa Indonesia: Program, Penyelenggara, Jenis, Tanggal, Jam pelajaran, Peserta, NIP, Unit, Jabatan, Status, Tanggal selesai, Sertifikat (ada/tidak). Bukti dukung indikator SDM SPBE. / One row per participant, Indonesian headers: evidence for the SPBE human-resources indicators.',
        response: { 200: fileAnswer(`Catatan pelatihan ${format.toUpperCase()} / training records`, type) },
      },
    }, async (request, reply) => {
      const region = request.region!;
      const year = request.query.year ?? Number(localDateOf(ctx.clock.now(), region).slice(0, 4));
      return sendAttachment(reply, await exportTrainings(ctx, region, year, { format, locale: request.locale }), type);
    });
  }

  app.get(`${BASE}/pegawai`, {
    config: { access: 'pimpinan.training' },
    schema: {
      tags, summary: 'Cari akun pegawai daerah untuk peserta / Find the region\'s staff accounts for a participant', params: regionParam,
      querystring: z.object({ q: z.string().trim().max(100).optional().describe('Bagian nama atau email / part of the name or email') }),
      description: 'Paling banyak 20 akun yang memegang peran di daerah ini, dengan unit peran unitnya (bila satu unit aktif) dan jabatan awal dari perannya, untuk diisi ke formulir peserta. / At most 20 accounts holding a role in this region, with the unit of their unit role (when one active unit) and a position to start from, named after their role.',
      response: {
        200: z.array(z.object({
          userId: z.string(), name: z.string(), email: z.string(), unitId: z.string().nullable(), unitName: z.string().nullable(),
          position: z.string().describe('Nama perannya, untuk diubah menjadi jabatan sebenarnya / their role\'s name, to be changed to the real position'),
        })).meta({ id: 'PimpinanTrainingStaffChoices' }),
      },
    },
  }, async (request) => staffChoices(ctx, request.region!.code, request.query.q ?? ''));

  app.post(BASE, {
    config: { access: 'pimpinan.training' },
    schema: {
      tags, summary: 'Catat program pelatihan / Record a training programme', params: regionParam,
      body: z.object(programmeFields).strict(),
      response: { 201: programmeWithPeople, ...failures('pimpinan.training_dates') },
    },
  }, async (request, reply) => reply.status(201).send(await createTraining(ctx, request.actor, request.region!.code, request.body)));

  app.get(`${BASE}/:trainingId`, {
    config: { access: 'pimpinan.training_read' },
    schema: { tags, summary: 'Program pelatihan dan pesertanya / A training programme and its participants', params: trainingParam, response: { 200: programmeWithPeople, ...failures(...notFound) } },
  }, async (request) => readTraining(ctx, request.actor, request.region!.code, request.params.trainingId));

  app.patch(`${BASE}/:trainingId`, {
    config: { access: 'pimpinan.training' },
    schema: {
      tags, summary: 'Ubah program pelatihan / Change a training programme', params: trainingParam,
      body: z.object(programmeFields).partial().strict(),
      response: { 200: programme, ...failures(...notFound, 'pimpinan.training_dates', 'pimpinan.participant_completion') },
    },
  }, async (request) => updateTraining(ctx, request.actor, request.region!.code, request.params.trainingId, request.body));

  app.delete(`${BASE}/:trainingId`, {
    config: { access: 'pimpinan.training' },
    schema: { tags, summary: 'Hapus program pelatihan beserta pesertanya / Delete a training programme with its participants', params: trainingParam, response: { 200: ok, ...failures(...notFound) } },
  }, async (request) => {
    await deleteTraining(ctx, request.actor, request.region!.code, request.params.trainingId);
    return { ok: true as const };
  });

  app.post(`${BASE}/:trainingId/peserta`, {
    config: { access: 'pimpinan.training' },
    schema: {
      tags, summary: 'Tambah peserta / Add a participant', params: trainingParam,
      description: 'Akun pegawai daerah (userId) atau orang yang disebut namanya (name, NIP opsional), unitnya dan jabatannya. / A staff account of the region (userId) or a named person (name, optional NIP), their unit and position.',
      body: z.object({ ...participantFields, userId: z.uuid().nullable().optional() }).strict(),
      response: {
        201: participant,
        ...failures(...notFound, 'pimpinan.training_unit_unknown', 'pimpinan.training_user_unknown', 'pimpinan.participant_duplicate', 'pimpinan.participant_completion'),
      },
    },
  }, async (request, reply) => reply.status(201).send(await addParticipant(ctx, request.actor, request.region!, request.params.trainingId, request.body)));

  app.patch(`${BASE}/:trainingId/peserta/:participantId`, {
    config: { access: 'pimpinan.training' },
    schema: {
      tags, summary: 'Ubah peserta atau tandai selesai / Change a participant or mark them completed', params: participantParam,
      description: 'Tandai selesai: { "status": "completed", "completedOn": "2026-11-30" }. / Mark completed with the date.',
      body: z.object(participantFields).partial().strict(),
      response: { 200: participant, ...failures(...participantFailures, 'pimpinan.training_unit_unknown', 'pimpinan.participant_completion') },
    },
  }, async (request) => updateParticipant(ctx, request.actor, request.region!, request.params.trainingId, request.params.participantId, request.body));

  app.delete(`${BASE}/:trainingId/peserta/:participantId`, {
    config: { access: 'pimpinan.training' },
    schema: { tags, summary: 'Hapus peserta / Remove a participant', params: participantParam, response: { 200: ok, ...failures(...participantFailures) } },
  }, async (request) => {
    await removeParticipant(ctx, request.actor, request.region!.code, request.params.trainingId, request.params.participantId);
    return { ok: true as const };
  });

  app.put(`${BASE}/:trainingId/peserta/:participantId/sertifikat`, {
    config: { access: 'pimpinan.training', bodyTypes: ['multipart'] },
    preValidation: multipartReader('options', 'certificate', certificatePolicy),
    schema: {
      tags, summary: 'Unggah sertifikat peserta / Upload a participant\'s certificate', params: participantParam,
      description: 'multipart/form-data dengan satu berkas `certificate`: PDF, JPEG atau PNG, paling besar 5 MB, diperiksa dari isinya (gambar disimpan ulang sebagai JPEG tanpa metadata). Mengganti sertifikat sebelumnya. / One `certificate` file: PDF, JPEG or PNG, at most 5 MB, checked by content; replaces the previous one.',
      body: z.object({}).nullish().describe('Tidak ada isian selain berkas / no fields besides the file'),
      response: {
        200: participant,
        ...failures(...participantFailures, 'pimpinan.certificate_type', 'file.too_large', 'file.too_many', 'file.image_too_large', 'file.image_unreadable'),
      },
    },
  }, async (request) => {
    const [file] = await checkUploads(request.uploads, certificatePolicy);
    if (!file) throw new AppError('request.invalid', { certificate: 'a file is required' });
    return uploadCertificate(ctx, request.actor, request.region!.code, request.params.trainingId, request.params.participantId, file);
  });

  app.delete(`${BASE}/:trainingId/peserta/:participantId/sertifikat`, {
    config: { access: 'pimpinan.training' },
    schema: {
      tags, summary: 'Hapus sertifikat peserta / Remove a participant\'s certificate', params: participantParam,
      description: 'Menghapus berkas sertifikat; pesertanya dan statusnya tetap. / Removes the certificate file; the participant and their status stay.',
      response: { 200: participant, ...failures(...participantFailures, 'pimpinan.certificate_missing') },
    },
  }, async (request) => removeCertificate(ctx, request.actor, request.region!.code, request.params.trainingId, request.params.participantId));

  app.get(`${BASE}/:trainingId/peserta/:participantId/sertifikat`, {
    config: { access: 'pimpinan.training_read' },
    schema: {
      tags, summary: 'Unduh sertifikat peserta / Download a participant\'s certificate', params: participantParam,
      response: { 200: fileAnswer('Sertifikat dengan jenis yang diperiksa / the certificate with its checked type', 'application/pdf', 'image/jpeg', 'image/png'), ...failures(...participantFailures, 'pimpinan.certificate_missing') },
    },
  }, async (request, reply) => {
    const file = await certificateFile(ctx, request.actor, request.region!.code, request.params.trainingId, request.params.participantId);
    return sendAttachment(reply, file, file.contentType, 'private, max-age=300');
  });
};
