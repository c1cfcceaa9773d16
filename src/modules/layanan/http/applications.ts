// HTTP for applications: a signed-in citizen (or counter staff for a walk-in)
// files with the form's answers as JSON in the part `permohonan` and each
// document in a part `berkas.<field key>`; staff act on stages; the applicant
// resubmits or withdraws; anyone with the registration number follows it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { multipartReader } from '../../../platform/files.js';
import { paging, regionParam, text } from '../../../platform/http/schemas.js';
import { failures, fileAnswer, instant, sendAttachment } from '../../../platform/http/responses.js';
import { readableCodePattern } from '../../../platform/codes.js';
import { applicationStatuses, staffActions } from '../domain/journey.js';
import { actOnApplication, answerApplicationSurvey, documentPolicy, fileApplication, REGISTRATION_PREFIX, resubmitApplication, withdrawApplication } from '../service/applications.js';
import { applicationDetail, applicationDocument, applicationFile, applicationQueue, integrationApplications, myApplications, publicApplicationStatus } from '../service/application-reads.js';
import { yearAccount } from '../service/transparency.js';
import { surveyAnswers } from './skm.js';
import { localToday } from '../service/skm.js';

const tags = ['layanan'];
const appParam = regionParam.extend({ applicationId: z.uuid() });
const serviceParam = regionParam.extend({ serviceId: z.uuid() });
const registrationParam = regionParam.extend({ registrationNo: z.string().regex(readableCodePattern(REGISTRATION_PREFIX)).describe('Nomor registrasi, mis. PLY-7KQ2-M9XD / the registration number') });
const status = z.enum(applicationStatuses);
const words = z.object({ id: z.string(), en: z.string().optional() });
const unit = z.object({ id: z.string(), code: z.string(), name: z.string() });
const uploadHelp = 'multipart/form-data: isian sebagai JSON pada bagian `permohonan`, setiap berkas pada bagian `berkas.<kunci isian>` (PDF, JPEG, PNG; diperiksa dari isinya; paling besar menurut formulir, maks. 10 MB; gambar disimpan ulang sebagai JPEG tanpa metadata). JSON biasa bila formulir tanpa berkas. / the answers as JSON in the part `permohonan`, each file in a part `berkas.<field key>` (checked by content; images re-encoded as JPEG without metadata). Plain JSON when the form has no documents.';
const readUploads = () => multipartReader('permohonan', 'berkas', documentPolicy);
const uploadFailures = ['layanan.document_type', 'layanan.document_field_missing', 'file.too_large', 'file.too_many', 'file.image_too_large', 'file.image_unreadable'] as const;

const answers = z.record(z.string(), z.unknown()).describe('Jawaban per kunci isian formulir versi yang berlaku / answers by the form\'s field keys');
const citizenFiling = z.object({ answers });
const counterFiling = z.object({
  answers,
  applicant: z.object({
    name: text(200), email: z.email().max(254).nullish(), phone: z.string().trim().max(30).regex(/^[+0-9 ()-]*$/).nullish(),
  }).describe('Warga yang datang langsung; surelnya (bila ada) menerima kabar permohonan / the walk-in; their email (if any) hears of the application'),
});

const integrationFiling = counterFiling.extend({
  externalRef: z.string().trim().min(1).max(100).nullish().describe('Nomor perkara di sistem pengirim, unik per kunci API / the sending system\'s own number, unique per API key'),
});

const filed = z.object({
  id: z.string(), registrationNo: z.string(), dueAt: instant.describe('Batas waktu keputusan (hari kerja daerah) / the decision deadline'),
  fee: z.number().int().describe('Retribusi menurut tarif layanan; 0 bila gratis / the fee by the service\'s tariff; 0 when free'),
}).meta({ id: 'LayananApplicationFiled' });

const clock = {
  decisionDueAt: instant.nullable().describe('Batas waktu keputusan; bergeser selama permohonan menunggu pemohon / the decision deadline; moves later while waiting for the applicant'),
  clockStopped: z.boolean().describe('Jam berhenti: menunggu pemohon melengkapi / the clock is stopped while waiting for the applicant'),
  fiktifPositifAt: instant.nullable().describe('Saat batas keputusan lewat tanpa keputusan: permohonan dianggap dikabulkan (UU 30/2014 Pasal 53) / when the deadline passed undecided: deemed granted'),
};

const queueItem = z.object({
  id: z.string(), registrationNo: z.string(), service: z.string(), serviceId: z.string(), unit, applicantName: z.string(), channel: z.string(),
  status, stage: z.string().nullable(), stageName: z.string().nullable().describe('Nama tahap yang ditunggu / the name of the stage it waits at'),
  decision: z.string().nullable(), filedAt: instant, fiktifPositifAt: instant.nullable(),
  dueAt: instant.nullable(), overdue: z.boolean(),
});

const integrationItem = z.object({
  id: z.string(), registrationNo: z.string(), externalRef: z.string().nullable(), service: z.string(), status, stage: z.string().nullable(), decision: z.string().nullable(),
  filedAt: instant, updatedAt: instant.describe('Perubahan terakhir / the last change'), fiktifPositifAt: instant.nullable(),
}).meta({ id: 'LayananIntegrationApplication' });

const detail = z.object({
  id: z.string(), registrationNo: z.string(), reader: z.enum(['applicant', 'staff']),
  service: z.object({ id: z.string(), name: z.string(), version: z.number().int() }), unit,
  applicant: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }), channel: z.string(),
  externalRef: z.string().nullable().describe('Referensi integrasi yang mengajukannya / the filing integration\'s reference'),
  status, stage: z.object({ key: z.string(), name: words, kind: z.string(), role: z.string() }).nullable(),
  stages: z.array(z.object({ key: z.string(), name: words, kind: z.string() })),
  decision: z.string().nullable(), decisionReason: z.string().nullable(), returnReason: z.string().nullable(),
  fee: z.number().int().nullable(), filedAt: instant, decidedAt: instant.nullable(), finishedAt: instant.nullable(),
  ...clock, overdue: z.boolean(),
  form: z.unknown().describe('Formulir versi saat diajukan / the form of the version filed under'), answers: z.record(z.string(), z.unknown()),
  files: z.array(z.object({ id: z.string(), field: z.string(), fileName: z.string(), contentType: z.string(), bytes: z.number().int(), sha256: z.string(), round: z.number().int(), uploadedAt: instant })),
  documents: z.array(z.object({
    id: z.string(), kind: z.string(), number: z.string(), title: z.string(), issuedAt: instant, revokedAt: instant.nullable(), revokeReason: z.string().nullable(),
    verifyUrl: z.string().describe('Halaman verifikasi publik (kode QR pada dokumen) / the public verification page (the QR code on the document)'),
  })).describe('Dokumen hasil yang diterbitkan / the issued result documents'),
  survey: z.enum(['not_open', 'open', 'answered']).describe('Survei kepuasan pemohon: belum dibuka, terbuka, sudah diisi / the applicant\'s survey'),
  bill: z.object({ billingCode: z.string(), amount: z.number().int(), status: z.string(), dueDate: z.string() }).nullable()
    .describe('Tagihan retribusi, dibuat saat permohonan disetujui; dibayar di /r/{daerah}/bayar/{kode} / the fee bill, made on approval'),
  timeline: z.array(z.object({ at: instant, kind: z.string(), stage: z.string().nullable(), actor: z.string().nullable(), message: z.string().nullable() })),
  actions: z.array(z.string()).describe('Tindakan yang terbuka bagi pembaca sekarang / the actions open to the reader now'),
}).meta({ id: 'LayananApplication' });

const publicStatus = z.object({
  registrationNo: z.string(), service: z.string(), status, stage: z.object({ key: z.string(), name: words }).nullable(),
  decision: z.string().nullable(), filedAt: instant, decidedAt: instant.nullable(), ...clock,
  timeline: z.array(z.object({ at: instant, kind: z.string(), stage: z.string().nullable() })),
}).meta({ id: 'LayananApplicationStatus' });

export function layananApplicationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const R = '/api/regions/:region/layanan';

  // Anyone may apply to any region's service, so the citizen's filing is public by route; the service asks for a signed-in account (its email confirmed at registration).
  r.post(`${R}/services/:serviceId/applications`, {
    config: { access: 'public', bodyTypes: ['json', 'multipart'], limits: [{ name: 'layanan-filing', max: 10, windowSeconds: 60 }] },
    preValidation: readUploads(),
    schema: {
      tags, summary: 'Ajukan permohonan layanan (warga yang masuk) / File an application (a signed-in citizen)', params: serviceParam, body: citizenFiling,
      description: `${uploadHelp} Warga harus masuk dengan akun yang surelnya sudah dikonfirmasi. Isian diperiksa persis terhadap formulir versi terbit (NIK, alamat, berkas wajib, isian bersyarat); semua kesalahan sekaligus, per isian. Batas waktu keputusan dihitung dalam hari kerja daerah. / The citizen signs in with an account whose email is confirmed. Checked exactly against the published form; every error at once, by field.`,
      response: { 201: filed, ...failures('auth.required', 'layanan.service_not_found', 'layanan.not_taking_applications', 'layanan.answers_invalid', ...uploadFailures) },
    },
  }, async (request, reply) => reply.status(201).send(await fileApplication(ctx, request.region!, request.actor, request.params.serviceId, request.body, request.uploads)));

  r.post(`${R}/counter/services/:serviceId/applications`, {
    config: { access: 'layanan.file', bodyTypes: ['json', 'multipart'] },
    preValidation: readUploads(),
    schema: {
      tags, summary: 'Ajukan permohonan di loket untuk warga yang datang langsung / File an application at the counter for a walk-in', params: serviceParam, body: counterFiling,
      description: `${uploadHelp} Oleh petugas loket perangkat daerah pemilik layanan (atau pengelola layanan). / By counter staff of the service's unit (or service managers).`,
      response: { 201: filed, ...failures('layanan.service_not_found', 'layanan.not_taking_applications', 'layanan.answers_invalid', 'layanan.not_your_unit', ...uploadFailures) },
    },
  }, async (request, reply) => reply.status(201).send(await fileApplication(ctx, request.region!, request.actor, request.params.serviceId, request.body, request.uploads)));

  r.post(`${R}/integrations/services/:serviceId/applications`, {
    config: { access: 'api_key', bodyTypes: ['json', 'multipart'], idempotent: true },
    preValidation: readUploads(),
    schema: {
      tags, summary: 'Ajukan permohonan dari sistem lain dengan kunci API daerah / File an application from another system with the region\'s API key', params: serviceParam, body: integrationFiling,
      description: `${uploadHelp} Untuk integrasi (mis. sistem perizinan nasional) dengan kunci API daerah ini di header X-API-Key. Pemohon dinamai seperti di loket; surelnya (bila ada) menerima kabar. Integrasi itu mengikuti, melengkapi dan membatalkan permohonannya sendiri lewat /integrations/applications. Kirim Idempotency-Key agar pengiriman ulang aman. / For integrations with this region's API key in the X-API-Key header. The applicant is named as at the counter. The integration follows, completes and withdraws its own applications through /integrations/applications. Send an Idempotency-Key to retry safely.`,
      response: { 201: filed, ...failures('auth.invalid_api_key', 'layanan.service_not_found', 'layanan.not_taking_applications', 'layanan.answers_invalid', 'layanan.external_ref_used', ...uploadFailures) },
    },
  }, async (request, reply) => reply.status(201).send(await fileApplication(ctx, request.region!, request.actor, request.params.serviceId, request.body, request.uploads)));

  r.get(`${R}/integrations/applications`, {
    config: { access: 'api_key' },
    schema: {
      tags, summary: 'Permohonan yang diajukan integrasi ini / The applications this integration filed', params: regionParam,
      description: 'Hanya yang diajukan dengan kunci API yang sama; urut perubahan terlama dahulu, jadi `updatedAt` butir terakhir menjadi `changedSince` berikutnya. / Only those filed with the same API key; oldest change first, so the last item\'s `updatedAt` is the next `changedSince`.',
      querystring: z.object({
        externalRef: z.string().trim().min(1).max(100).optional().describe('Referensi integrasi / the integration\'s reference'),
        changedSince: z.iso.datetime({ offset: true }).optional().describe('Hanya yang berubah sesudah saat ini / only those changed after this instant'),
        ...paging,
      }),
      response: { 200: z.object({ total: z.number().int(), items: z.array(integrationItem) }), ...failures('auth.invalid_api_key') },
    },
  }, async (request) => {
    const { changedSince, ...q } = request.query;
    return integrationApplications(ctx, request.region!.code, request.actor, { ...q, changedSince: changedSince ? new Date(changedSince) : undefined });
  });

  r.get(`${R}/applications`, {
    config: { access: 'layanan.read' },
    schema: {
      tags, summary: 'Antrean permohonan / The application queue', params: regionParam,
      description: 'Permohonan perangkat daerah yang dijangkau pembaca (semua bagi peran daerah), terlama dulu. / The applications of the units the reader reaches, oldest first.',
      querystring: z.object({ status: status.optional(), unitId: z.uuid().optional(), serviceId: z.uuid().optional(), overdue: z.enum(['true', 'false']).optional(), ...paging }),
      response: { 200: z.object({ total: z.number().int(), items: z.array(queueItem) }) },
    },
  }, async (request) => {
    const q = request.query;
    return applicationQueue(ctx, request.region!.code, request.actor, { ...q, overdue: q.overdue === 'true' });
  });

  // The applicant follows, completes and withdraws their application, and downloads its documents: a citizen signed in (staff read
  // through the same routes), or the integration that filed it, with the same API key, through its own door.
  for (const door of [
    { base: `${R}/applications`, access: 'signed_in' },
    { base: `${R}/integrations/applications`, access: 'api_key' },
  ] as const) {
    r.get(`${door.base}/:applicationId`, {
      config: { access: door.access },
      schema: { tags, summary: 'Satu permohonan / One application', params: appParam, response: { 200: detail, ...failures('layanan.application_not_found') } },
    }, async (request) => applicationDetail(ctx, request.region!.code, request.actor, request.params.applicationId));

    r.post(`${door.base}/:applicationId/resubmit`, {
      config: { access: door.access, bodyTypes: ['json', 'multipart'] },
      preValidation: readUploads(),
      schema: {
        tags, summary: 'Lengkapi permohonan yang dikembalikan / Complete a returned application', params: appParam,
        description: `${uploadHelp} Oleh pemohon sendiri. Berkas yang dikirim menggantikan berkas isian yang sama; yang lain tetap. Jam keputusan berjalan lagi. / By the applicant. Files sent replace that field's earlier files; the clock resumes.`,
        body: z.object({ answers, note: z.string().trim().max(2000).nullish() }),
        response: { 200: z.object({ status, stage: z.string().nullable(), decision: z.string().nullable() }), ...failures('layanan.application_not_found', 'layanan.action_not_open', 'layanan.answers_invalid', ...uploadFailures) },
      },
    }, async (request) => resubmitApplication(ctx, request.region!, request.actor, request.params.applicationId, request.body, request.uploads));

    r.post(`${door.base}/:applicationId/withdraw`, {
      config: { access: door.access },
      schema: { tags, summary: 'Batalkan permohonan / Withdraw an application', params: appParam, response: { 200: z.object({ status, stage: z.string().nullable(), decision: z.string().nullable() }), ...failures('layanan.application_not_found', 'layanan.action_not_open') } },
    }, async (request) => withdrawApplication(ctx, request.region!, request.actor, request.params.applicationId));

    r.get(`${door.base}/:applicationId/files/:fileId`, {
      config: { access: door.access },
      schema: { tags, summary: 'Unduh berkas permohonan / Download an application\'s document', params: appParam.extend({ fileId: z.uuid() }), response: { 200: fileAnswer('Berkas / the file', 'application/pdf', 'image/jpeg', 'image/png'), ...failures('file.not_found') } },
    }, async (request, reply) => {
      const file = await applicationFile(ctx, request.region!.code, request.actor, request.params.applicationId, request.params.fileId);
      return sendAttachment(reply, file, file.contentType);
    });

    r.get(`${door.base}/:applicationId/documents/:documentId/pdf`, {
      config: { access: door.access },
      schema: {
        tags, summary: 'Unduh dokumen hasil permohonan / Download an application\'s result document', params: appParam.extend({ documentId: z.uuid() }),
        response: { 200: fileAnswer('PDF bertanda tangan, sama persis dengan yang diterbitkan / the signed PDF, byte for byte as issued', 'application/pdf'), ...failures('layanan.document_not_found') },
      },
    }, async (request, reply) => sendAttachment(reply, await applicationDocument(ctx, request.region!.code, request.actor, request.params.applicationId, request.params.documentId), 'application/pdf'));
  }

  r.post(`${R}/applications/:applicationId/actions`, {
    config: { access: 'layanan.read' },
    schema: {
      tags, summary: 'Tindakan petugas pada tahap permohonan / A staff action at the application\'s stage', params: appParam,
      description: 'complete/return (periksa berkas), forward/send_back (tinjauan), approve/refuse (keputusan), issue (penerbitan); hanya peran tahap itu untuk perangkat daerahnya. return, refuse dan send_back wajib beralasan. / Only the stage\'s role for its unit; return, refuse and send_back need a reason.',
      body: z.object({ action: z.enum(staffActions), reason: z.string().trim().max(2000).nullish() }),
      response: { 200: z.object({ status, stage: z.string().nullable(), decision: z.string().nullable() }), ...failures('layanan.application_not_found', 'layanan.action_not_open', 'layanan.not_your_stage', 'layanan.reason_required') },
    },
  }, async (request) => actOnApplication(ctx, request.region!, request.actor, request.params.applicationId, request.body));

  r.post(`${R}/applications/:applicationId/survey`, {
    config: { access: 'signed_in' },
    schema: {
      tags, summary: 'Survei kepuasan oleh pemohon / The applicant\'s satisfaction survey', params: appParam,
      description: 'PermenPANRB 14/2017: sembilan unsur, 1–4. Oleh pemohon sendiri, sekali per permohonan, setelah permohonan selesai diputus; dihitung pada tanggal selesainya. / Nine elements, 1–4. By the applicant, once per application, after it is decided and finished.',
      body: z.object(surveyAnswers()),
      response: { 201: z.object({ id: z.string() }), ...failures('layanan.application_not_found', 'layanan.survey_not_open', 'layanan.survey_answered', 'layanan.skm_answer_out_of_range', 'layanan.skm_form_empty') },
    },
  }, async (request, reply) => reply.status(201).send(await answerApplicationSurvey(ctx, request.region!, request.actor, request.params.applicationId, request.body)));

  r.get('/api/me/layanan/applications', {
    config: { access: 'signed_in' },
    schema: {
      tags, summary: 'Permohonan saya di semua daerah / My applications in every region',
      response: { 200: z.array(z.object({ id: z.string(), regionCode: z.string(), registrationNo: z.string(), service: z.string(), status, filedAt: instant, fiktifPositifAt: instant.nullable() })) },
    },
  }, async (request) => myApplications(ctx, request.actor));

  r.get(`${R}/public/applications/:registrationNo`, {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Status permohonan menurut nomor registrasi / An application\'s status by registration number', params: registrationParam,
      description: 'Tanpa data pribadi: layanan, status, tahap, tanggal dan riwayat. / No personal data: service, status, stage, dates and history.',
      response: { 200: publicStatus, ...failures('layanan.application_not_found') },
    },
  }, async (request) => publicApplicationStatus(ctx, request.region!.code, request.params.registrationNo));

  r.get(`${R}/public/accountability`, {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Kinerja layanan setahun untuk publik / The year\'s public account of the services', params: regionParam,
      description: 'Per layanan: permohonan diajukan pada tahun itu (tahun daerah), yang sudah diputus, diputus tepat waktu (menurut batas waktu keputusan, yang bergeser selama menunggu pemohon) dan persentasenya, median hari dari pengajuan ke keputusan, jumlah fiktif positif, dan yang masih berjalan. Tanpa data pribadi. / Per service: filed in the year, decided, decided on time and its share, median days to decision, deemed granted (fiktif positif), still open.',
      querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('Bawaan: tahun berjalan di daerah / by default the current year in the region') }),
      response: {
        200: z.object({
          year: z.number().int(),
          services: z.array(z.object({
            serviceId: z.string(), slug: z.string(), name: z.string(), filed: z.number().int(), decided: z.number().int(), onTime: z.number().int(),
            onTimePercent: z.number().nullable(), medianDays: z.number().nullable(), deemedGranted: z.number().int(), open: z.number().int(),
          })),
        }).meta({ id: 'LayananAccountability' }),
      },
    },
  }, async (request) => {
    const region = request.region!;
    return yearAccount(ctx, region, request.query.year ?? Number(localToday(ctx.clock.now(), region).slice(0, 4)));
  });
}
