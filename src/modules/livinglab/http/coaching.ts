// HTTP for coaching (pendampingan), under the acting region: the mentor
// region manages its programmes and their pilots; a pilot region reaches its
// own pilot record by the same pilot routes; a province's curator reads its
// pilots' progress. Nothing here is public (service/coaching.ts says who
// reaches what).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { regionParam, text } from '../../../platform/http/schemas.js';
import { failures, fileAnswer, instant, ok, sendAttachment } from '../../../platform/http/responses.js';
import { multipartReader } from '../../../platform/files.js';
import { coachingGoalSchema, PROGRAMME_STATUSES } from '../domain/coaching.js';
import {
  addFile, addNote, addTask, coachingFilePolicy, createProgramme, deleteFile, deleteSession, deleteTask, listProgrammes, pilotDetail, programmeDetail,
  provinceProgress, readFile, saveSession, setGoalDone, setGoals, setTaskStatus, updateProgramme,
} from '../service/coaching.js';

const tags = ['livinglab'];
const date = z.iso.date().describe('YYYY-MM-DD');
const status = z.enum(PROGRAMME_STATUSES);
const regionCode = z.string().regex(/^\d{2}(\.\d{2})?$/).describe('Kode daerah, mis. 32.04 / a region code, e.g. 32.04');

const programmeInput = z.object({
  title: text(200), purpose: z.string().trim().max(4000).default(''),
  solutionIds: z.array(z.uuid()).max(20).default([]).describe('Solusi terbit daerah pendamping yang didampingkan / the mentor region\'s published solutions coached on'),
  startDate: date, endDate: date, status,
  pilotRegions: z.array(regionCode).max(100).default([]).describe('Daerah dampingan (kohort) / the cohort of pilot regions'),
}).refine((p) => p.endDate >= p.startDate, { message: 'endDate before startDate', path: ['endDate'] });

const goal = coachingGoalSchema.meta({ id: 'LivingLabCoachingGoal' });
const figure = z.object({ year: z.number().int(), value: z.string() }).nullable();
const goalProgress = z.union([
  z.object({ kind: z.literal('spbe_index'), target: z.string(), year: z.number().int(), baseline: figure.describe('Indeks SPBE sebelum program / the SPBE index before the programme'), latest: figure, percent: z.number().int().nullable(), reached: z.boolean() }),
  z.object({ kind: z.literal('text'), text: z.string(), done: z.boolean(), baseline: z.null(), latest: z.null(), percent: z.number().int().nullable(), reached: z.boolean() }),
]);
const counts = { tasksDone: z.number().int(), tasksTotal: z.number().int(), sessionsHeld: z.number().int(), sessionsPlanned: z.number().int() };
const cohortRow = z.object({ id: z.string(), regionCode: z.string(), regionName: z.string(), goals: z.array(goalProgress), ...counts }).meta({ id: 'LivingLabCoachingPilotProgress' });
const programmeHead = {
  id: z.string(), mentorRegion: z.string(), mentorRegionName: z.string(), title: z.string(), purpose: z.string(), startDate: z.string(), endDate: z.string(), status,
  solutions: z.array(z.object({ id: z.string(), title: z.string() })),
};
const programmeAnswer = z.object({ ...programmeHead, pilots: z.array(cohortRow) }).meta({ id: 'LivingLabCoachingProgramme' });
const session = z.object({ date, topic: text(300), mode: z.enum(['online', 'onsite']), place: z.string().trim().max(500).default('').describe('Tempat atau tautan / place or link'), attendance: z.string().trim().max(4000).default('').describe('Catatan kehadiran / attendance notes') });
const pilotAnswer = z.object({
  id: z.string(), side: z.enum(['mentor', 'pilot']).describe('Dari sisi mana Anda membaca / which side you read it from'), regionCode: z.string(), regionName: z.string(),
  programme: z.object(programmeHead), goals: z.array(goalProgress), ...counts,
  tasks: z.array(z.object({ id: z.string(), title: z.string(), dueDate: z.string().nullable(), status: z.enum(['open', 'done']), doneAt: instant.nullable() })),
  sessions: z.array(z.object({ id: z.string(), date: z.string(), topic: z.string(), mode: z.enum(['online', 'onsite']), place: z.string(), attendance: z.string(), held: z.boolean() })),
  notes: z.array(z.object({ id: z.string(), authorRegion: z.string(), body: z.string(), createdAt: instant })),
  files: z.array(z.object({ id: z.string(), authorRegion: z.string(), title: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int(), uploadedAt: instant })),
}).meta({ id: 'LivingLabCoachingPilot' });

const programmeParam = regionParam.extend({ programmeId: z.uuid() });
const pilotParam = regionParam.extend({ pilotId: z.uuid() });
const failuresProgramme = ['livinglab.coaching_region_unknown', 'livinglab.coaching_own_region', 'livinglab.coaching_solution_unknown'] as const;
const failuresPilot = ['livinglab.coaching_pilot_not_found'] as const;
const failuresMentor = ['livinglab.coaching_pilot_not_found', 'livinglab.coaching_mentor_only'] as const;

export const coachingRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const R = '/api/regions/:region/livinglab/coaching';

  r.get(`${R}/programmes`, {
    config: { access: 'livinglab.coaching.take_part' },
    schema: {
      tags, summary: 'Program pendampingan daerah: sebagai pendamping dan sebagai daerah dampingan / The region\'s coaching programmes, as mentor and as pilot', params: regionParam,
      response: {
        200: z.object({
          mentoring: z.array(z.object({ id: z.string(), title: z.string(), status, startDate: z.string(), endDate: z.string(), pilots: z.number().int() })),
          piloting: z.array(z.object({ pilotId: z.string(), programmeId: z.string(), mentorRegion: z.string(), mentorRegionName: z.string(), title: z.string(), status, startDate: z.string(), endDate: z.string() })),
        }),
      },
    },
  }, async (request) => listProgrammes(ctx, request.region!.code, request.actor));

  r.post(`${R}/programmes`, {
    config: { access: 'livinglab.coaching.manage' },
    schema: { tags, summary: 'Buat program pendampingan / Create a coaching programme', params: regionParam, body: programmeInput, response: { 201: programmeAnswer, ...failures(...failuresProgramme) } },
  }, async (request, reply) => {
    const id = await createProgramme(ctx, request.region!.code, request.actor, request.body);
    return reply.status(201).send(await programmeDetail(ctx, request.region!.code, id));
  });

  r.get(`${R}/programmes/:programmeId`, {
    config: { access: 'livinglab.coaching.manage' },
    schema: {
      tags, summary: 'Program pendampingan dengan kemajuan kohort / A coaching programme with its cohort\'s progress', params: programmeParam,
      description: 'Sasaran indeks SPBE: awal (indeks sebelum program), terakhir (dari data SPBE daerah dampingan), target. / SPBE index goals: baseline (before the programme), latest (from the pilot\'s own SPBE data), target.',
      response: { 200: programmeAnswer, ...failures('livinglab.coaching_programme_not_found') },
    },
  }, async (request) => programmeDetail(ctx, request.region!.code, request.params.programmeId));

  r.put(`${R}/programmes/:programmeId`, {
    config: { access: 'livinglab.coaching.manage' },
    schema: {
      tags, summary: 'Ubah program pendampingan dan kohortnya / Change a coaching programme and its cohort', params: programmeParam, body: programmeInput,
      description: 'Daerah yang tidak lagi disebut dikeluarkan, kecuali sudah memiliki tugas, sesi, catatan atau bukti. / Regions left out are removed unless they have tasks, sessions, notes or evidence.',
      response: { 200: programmeAnswer, ...failures('livinglab.coaching_programme_not_found', 'livinglab.coaching_pilot_has_records', ...failuresProgramme) },
    },
  }, async (request) => {
    await updateProgramme(ctx, request.region!.code, request.actor, request.params.programmeId, request.body);
    return programmeDetail(ctx, request.region!.code, request.params.programmeId);
  });

  r.get(`${R}/province`, {
    config: { access: 'livinglab.coaching.oversee' },
    schema: {
      tags, summary: 'Kemajuan daerah dampingan di provinsi / The progress of the pilots in the province', params: regionParam,
      description: 'Untuk kurator provinsi: program yang berjalan atau selesai dengan daerah dampingan di provinsinya, hanya daerah tersebut. / For a province\'s curator: programmes under way or finished with pilots in its province, those pilots only.',
      response: { 200: z.array(programmeAnswer) },
    },
  }, async (request) => provinceProgress(ctx, request.region!.code));

  r.get(`${R}/pilots/:pilotId`, {
    config: { access: 'livinglab.coaching.take_part' },
    schema: { tags, summary: 'Satu daerah dampingan: sasaran, tugas, sesi, catatan, bukti / One pilot: goals, tasks, sessions, notes, evidence', params: pilotParam, response: { 200: pilotAnswer, ...failures(...failuresPilot) } },
  }, async (request) => pilotDetail(ctx, request.region!.code, request.actor, request.params.pilotId));

  r.put(`${R}/pilots/:pilotId/goals`, {
    config: { access: 'livinglab.coaching.manage' },
    schema: {
      tags, summary: 'Tetapkan sasaran daerah dampingan (daerah pendamping) / Set a pilot\'s goals (mentor region)', params: pilotParam,
      body: z.object({ goals: z.array(goal).max(20) }), response: { 200: ok, ...failures(...failuresMentor) },
    },
  }, async (request) => {
    await setGoals(ctx, request.region!.code, request.actor, request.params.pilotId, request.body.goals);
    return { ok: true as const };
  });

  r.put(`${R}/pilots/:pilotId/goals/:goalIndex/done`, {
    config: { access: 'livinglab.coaching.take_part' },
    schema: {
      tags, summary: 'Tandai sasaran teks selesai atau belum (pendamping atau daerah dampingan sendiri) / Mark a text goal done or not (mentor or the pilot itself)',
      description: 'Sasaran ke-n (mulai 0) dalam daftar sasaran daerah dampingan, dengan teks sasaran seperti yang dilihat pemanggil: bila sasaran di posisi itu kini berteks lain (diubah atau diurutkan ulang), 409 livinglab.coaching_goal_changed dan tidak ada yang diubah. Sasaran indeks SPBE dihitung, tidak ditandai. / The n-th goal (from 0) of the pilot\'s goals, with the goal\'s text as the caller saw it: when the goal at that position now has another text (edited or reordered), 409 livinglab.coaching_goal_changed and nothing is changed. SPBE index goals are computed, never marked.',
      params: pilotParam.extend({ goalIndex: z.coerce.number().int().min(0).max(19) }),
      body: z.object({ text: z.string().max(500), done: z.boolean() }),
      response: { 200: ok, ...failures(...failuresPilot, 'livinglab.coaching_goal_not_found', 'livinglab.coaching_goal_computed', 'livinglab.coaching_goal_changed') },
    },
  }, async (request) => {
    await setGoalDone(ctx, request.region!.code, request.actor, request.params.pilotId, request.params.goalIndex, request.body.text, request.body.done);
    return { ok: true as const };
  });

  r.post(`${R}/pilots/:pilotId/tasks`, {
    config: { access: 'livinglab.coaching.manage' },
    schema: {
      tags, summary: 'Tambah tugas (daerah pendamping) / Add a task (mentor region)', params: pilotParam,
      body: z.object({ title: text(300), dueDate: date.nullish().transform((d) => d ?? null) }), response: { 201: z.object({ id: z.string() }), ...failures(...failuresMentor) },
    },
  }, async (request, reply) => reply.status(201).send({ id: await addTask(ctx, request.region!.code, request.actor, request.params.pilotId, request.body) }));

  r.put(`${R}/pilots/:pilotId/tasks/:taskId/status`, {
    config: { access: 'livinglab.coaching.take_part' },
    schema: {
      tags, summary: 'Tandai tugas selesai atau terbuka lagi (pendamping atau daerah dampingan) / Mark a task done or open again (mentor or pilot)', params: pilotParam.extend({ taskId: z.uuid() }),
      body: z.object({ status: z.enum(['open', 'done']) }), response: { 200: ok, ...failures(...failuresPilot, 'livinglab.coaching_task_not_found') },
    },
  }, async (request) => {
    await setTaskStatus(ctx, request.region!.code, request.actor, request.params.pilotId, request.params.taskId, request.body.status);
    return { ok: true as const };
  });

  r.delete(`${R}/pilots/:pilotId/tasks/:taskId`, {
    config: { access: 'livinglab.coaching.manage' },
    schema: { tags, summary: 'Hapus tugas (daerah pendamping) / Delete a task (mentor region)', params: pilotParam.extend({ taskId: z.uuid() }), response: { 200: ok, ...failures(...failuresMentor, 'livinglab.coaching_task_not_found') } },
  }, async (request) => {
    await deleteTask(ctx, request.region!.code, request.actor, request.params.pilotId, request.params.taskId);
    return { ok: true as const };
  });

  r.post(`${R}/pilots/:pilotId/sessions`, {
    config: { access: 'livinglab.coaching.manage' },
    schema: { tags, summary: 'Jadwalkan sesi (daerah pendamping) / Plan a session (mentor region)', params: pilotParam, body: session, response: { 201: z.object({ id: z.string() }), ...failures(...failuresMentor) } },
  }, async (request, reply) => reply.status(201).send({ id: await saveSession(ctx, request.region!.code, request.actor, request.params.pilotId, request.body) }));

  r.put(`${R}/pilots/:pilotId/sessions/:sessionId`, {
    config: { access: 'livinglab.coaching.manage' },
    schema: {
      tags, summary: 'Ubah sesi, mis. catatan kehadiran (daerah pendamping) / Change a session, e.g. attendance notes (mentor region)', params: pilotParam.extend({ sessionId: z.uuid() }), body: session,
      response: { 200: ok, ...failures(...failuresMentor, 'livinglab.coaching_session_not_found') },
    },
  }, async (request) => {
    await saveSession(ctx, request.region!.code, request.actor, request.params.pilotId, request.body, request.params.sessionId);
    return { ok: true as const };
  });

  r.delete(`${R}/pilots/:pilotId/sessions/:sessionId`, {
    config: { access: 'livinglab.coaching.manage' },
    schema: { tags, summary: 'Hapus sesi (daerah pendamping) / Delete a session (mentor region)', params: pilotParam.extend({ sessionId: z.uuid() }), response: { 200: ok, ...failures(...failuresMentor, 'livinglab.coaching_session_not_found') } },
  }, async (request) => {
    await deleteSession(ctx, request.region!.code, request.actor, request.params.pilotId, request.params.sessionId);
    return { ok: true as const };
  });

  r.post(`${R}/pilots/:pilotId/notes`, {
    config: { access: 'livinglab.coaching.take_part' },
    schema: { tags, summary: 'Tambah catatan (pendamping atau daerah dampingan) / Add a note (mentor or pilot)', params: pilotParam, body: z.object({ body: text(4000) }), response: { 201: z.object({ id: z.string() }), ...failures(...failuresPilot) } },
  }, async (request, reply) => reply.status(201).send({ id: await addNote(ctx, request.region!.code, request.actor, request.params.pilotId, request.body.body) }));

  r.post(`${R}/pilots/:pilotId/files`, {
    config: { access: 'livinglab.coaching.take_part', bodyTypes: ['multipart'] },
    preValidation: multipartReader('bagian', 'berkas', coachingFilePolicy),
    schema: {
      tags, summary: 'Unggah bukti (pendamping atau daerah dampingan) / Upload evidence (mentor or pilot)', params: pilotParam,
      description: 'multipart/form-data: `bagian` (JSON: title) dan satu `berkas` (maks. 10 MB; PDF, Word, Excel, PNG, JPEG, WebP, diperiksa dari isinya). / `bagian` (JSON: title) and one `berkas` (10 MB; PDF, Word, Excel, PNG, JPEG, WebP, checked by content).',
      body: z.object({ title: text(200) }),
      response: { 201: z.object({ id: z.string() }), ...failures(...failuresPilot, 'livinglab.coaching_file_type', 'livinglab.coaching_file_missing') },
    },
  }, async (request, reply) => reply.status(201).send({ id: await addFile(ctx, request.region!.code, request.actor, request.params.pilotId, request.body, request.uploads) }));

  r.get(`${R}/pilots/:pilotId/files/:pilotFileId`, {
    config: { access: 'livinglab.coaching.take_part' },
    schema: { tags, summary: 'Berkas bukti / An evidence file', params: pilotParam.extend({ pilotFileId: z.uuid() }), response: { 200: fileAnswer('Berkas / the file', '*/*'), ...failures(...failuresPilot, 'file.not_found') } },
  }, async (request, reply) => {
    const file = await readFile(ctx, request.region!.code, request.actor, request.params.pilotId, request.params.pilotFileId);
    return sendAttachment(reply, file, file.contentType);
  });

  r.delete(`${R}/pilots/:pilotId/files/:pilotFileId`, {
    config: { access: 'livinglab.coaching.take_part' },
    schema: {
      tags, summary: 'Hapus bukti (pendamping: semua; daerah dampingan: unggahannya sendiri) / Delete evidence (mentor: any; pilot: its own uploads)', params: pilotParam.extend({ pilotFileId: z.uuid() }),
      response: { 200: ok, ...failures(...failuresPilot, 'file.not_found', 'livinglab.coaching_file_not_yours') },
    },
  }, async (request) => {
    await deleteFile(ctx, request.region!.code, request.actor, request.params.pilotId, request.params.pilotFileId);
    return { ok: true as const };
  });
};
