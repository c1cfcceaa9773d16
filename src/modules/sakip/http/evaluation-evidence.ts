// HTTP for the evidence files of units' answers in an AKIP evaluation: upload
// under the unit's kriteria, list the evaluation's files (those the caller may
// see), download and remove by the file's id within the evaluation. Who may
// do what (the unit's answerers, evaluators) is the service's check.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { regionParam } from '../../../platform/http/schemas.js';
import { failures, ok } from '../../../platform/http/responses.js';
import { checkEvidence } from '../service/evidence.js';
import { addAnswerEvidence, answerEvidenceFile, listAnswerEvidence, removeAnswerEvidence } from '../service/evaluation-evidence.js';
import { evidence, evidenceDownload, evidenceUploadFailures, evidenceUploadHelp, readEvidence, sendEvidenceFile } from './evidence.js';

const tags = ['sakip'];
const evaluationParam = regionParam.extend({ evaluationId: z.uuid() });
const answerParam = evaluationParam.extend({ unitId: z.uuid(), criterion: z.string().max(20).describe('Kode kriteria, mis. 1.a.1 / criterion code') });
const evidenceParam = evaluationParam.extend({ evidenceId: z.uuid() });
const answerEvidence = evidence.extend({ unitId: z.string(), criterion: z.string() }).meta({ id: 'SakipAnswerEvidence' });
const changeFailures = ['sakip.evaluation_not_found', 'sakip.evaluation_status', 'sakip.evaluation_final', 'sakip.unit_not_evaluated', 'sakip.not_your_unit'] as const;

export function sakipAnswerEvidenceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const E = '/api/regions/:region/sakip/evaluations/:evaluationId';

  r.get(`${E}/evidence`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Berkas bukti jawaban evaluasi AKIP / Evidence files of an AKIP evaluation\'s answers', params: evaluationParam,
      description: 'Evaluator dan koordinator melihat semuanya; kepala atau perencana perangkat daerah melihat milik perangkat daerahnya. / Evaluators and the coordinator see all; a unit\'s head or planner sees their unit\'s.',
      response: { 200: z.array(answerEvidence), ...failures('sakip.evaluation_not_found', 'sakip.not_your_unit') },
    },
  }, async (request) => listAnswerEvidence(ctx, request.region!.code, request.actor, request.params.evaluationId));

  r.post(`${E}/units/:unitId/criteria/:criterion/evidence`, {
    config: { access: 'sakip.answer', bodyTypes: ['multipart'] },
    preValidation: readEvidence(),
    schema: {
      tags, summary: 'Lampirkan berkas bukti pada jawaban kriteria / Attach evidence files to a unit\'s answer of a criterion', params: answerParam,
      description: evidenceUploadHelp({
        id: 'jawaban. Selama tahap answering, oleh kepala atau perencana perangkat daerah itu, atau koordinator SAKIP.',
        en: 'answer. While answering, by the unit\'s head or planner, or the SAKIP coordinator.',
      }),
      body: z.object({}).nullish().describe('Tidak ada isian selain berkas / no fields besides the files'),
      response: { 201: z.array(answerEvidence), ...failures(...changeFailures, 'sakip.criterion_unknown', ...evidenceUploadFailures) },
    },
  }, async (request, reply) => {
    const files = await checkEvidence(request.uploads);
    const { evaluationId, unitId, criterion } = request.params;
    return reply.status(201).send(await addAnswerEvidence(ctx, request.region!.code, request.actor, evaluationId, unitId, criterion, files));
  });

  r.get(`${E}/evidence/:evidenceId`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Unduh berkas bukti jawaban evaluasi AKIP / Download an AKIP answer\'s evidence file', params: evidenceParam,
      description: 'Oleh evaluator, koordinator, atau kepala/perencana perangkat daerahnya. / By evaluators, the coordinator, or its unit\'s head or planner.',
      response: { 200: evidenceDownload, ...failures('file.not_found', 'sakip.not_your_unit') },
    },
  }, async (request, reply) => sendEvidenceFile(reply, await answerEvidenceFile(ctx, request.region!.code, request.actor, request.params.evaluationId, request.params.evidenceId)));

  r.delete(`${E}/evidence/:evidenceId`, {
    config: { access: 'sakip.answer' },
    schema: {
      tags, summary: 'Hapus berkas bukti jawaban evaluasi AKIP / Remove an AKIP answer\'s evidence file', params: evidenceParam,
      description: 'Selama tahap answering, oleh yang boleh menjawab untuk perangkat daerahnya. / While answering, by whoever may answer for its unit.',
      response: { 200: ok, ...failures(...changeFailures, 'file.not_found') },
    },
  }, async (request) => {
    await removeAnswerEvidence(ctx, request.region!.code, request.actor, request.params.evaluationId, request.params.evidenceId);
    return { ok: true as const };
  });
}
