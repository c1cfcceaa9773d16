// HTTP for e-SAKIP planning: plans (RPJMD and Renstra), their performance
// tree, indicators, versioned yearly targets and realisations, and the plan
// read as a tree or a table with achievement. Access is declared per route;
// which unit's plan a planner may change is the service's check.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { regionParam, text } from '../../../platform/http/schemas.js';
import { failures, ok } from '../../../platform/http/responses.js';
import { addIndicator, editIndicator, removeIndicator } from '../service/indicators.js';
import { addNode, editNode, moveNode, removeNode } from '../service/nodes.js';
import { createPlan, listPlans, planSummary, setPlanStatus, updatePlan } from '../service/plans.js';
import { PERIOD_PATTERN } from '../service/periods.js';
import { indicatorFields, nodeView } from '../service/reads.js';
import { enterRealisation, listRealisations, setTarget, targetHistory } from '../service/targets.js';
import { planTableView, planTreeView } from '../service/views.js';
import { regionOverviewAt } from '../service/overview-period.js';
import { realisationFromSource } from '../service/sources.js';
import * as answers from './responses.js';
import { sakipEvidenceRoutes } from './evidence.js';
import { sakipWorkbookRoutes } from './workbook.js';

const tags = ['sakip'];
const planParam = regionParam.extend({ planId: z.uuid() });
const nodeParam = planParam.extend({ nodeId: z.uuid() });
const indicatorParam = planParam.extend({ indicatorId: z.uuid() });
const periodParam = indicatorParam.extend({
  period: z.string().regex(PERIOD_PATTERN).describe('Tahun (2026), triwulan (2026-Q1) atau bulan (2026-03) / a year, quarter or month'),
});
const year = z.number().int().min(2000).max(2100);
const title = text(1000);
const longText = z.string().trim().max(4000);
const decimalValue = z.union([z.string().max(60), z.number()])
  .describe('Angka desimal dengan titik, sebaiknya sebagai teks ("12.5") agar tepat / a decimal with a point, best as text ("12.5") to stay exact');
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('Tahun capaian; bawaan tahun berjalan di dalam periode rencana / the achievement year; by default the current year, kept inside the plan') });

const indicatorShape = {
  name: text(1000),
  definition: longText.describe('Definisi operasional / operational definition'),
  formula: longText.describe('Rumus perhitungan / formula'),
  measure: z.string().trim().max(100).describe('Satuan: %, poin, orang / unit of measure'),
  dataSource: z.string().trim().max(1000).describe('Sumber data / data source'),
  polarity: z.enum(['higher_is_better', 'lower_is_better']).describe('Semakin tinggi semakin baik, atau sebaliknya / higher is better or lower is better'),
  targetType: z.enum(['single', 'range']).describe('Satu nilai atau rentang / one value or a range'),
  aggregation: z.enum(['sum', 'average', 'last']).describe('Penggabungan periode dalam setahun: jumlah, rata-rata, nilai terakhir / how a year\'s periods combine'),
  isIku: z.boolean().describe('Indikator kinerja utama / key performance indicator (IKU)'),
  allowsNegative: z.boolean().describe('Target dan realisasi boleh negatif (mis. pertumbuhan) / targets and realisations may be negative (a growth rate)'),
  sharedUnitIds: z.array(z.uuid()).max(100).describe('Perangkat daerah lain yang ikut mengampu (indikator lintas sektor) / other units sharing it (cross-cutting)'),
  source: z.string().trim().max(100).nullable().describe('Ukuran modul lain yang menjadi sumber realisasi, dari GET /api/regions/{region}/measures ("spbe.index"); null: diisi orang / another module\'s measure its realisations are taken from; null: typed'),
};
const newIndicator = z.object({
  ...indicatorShape,
  definition: indicatorShape.definition.default(''), formula: indicatorShape.formula.default(''), measure: indicatorShape.measure.default(''),
  dataSource: indicatorShape.dataSource.default(''), targetType: indicatorShape.targetType.default('single'), aggregation: indicatorShape.aggregation.default('last'),
  isIku: indicatorShape.isIku.default(false), allowsNegative: indicatorShape.allowsNegative.default(false), sharedUnitIds: indicatorShape.sharedUnitIds.default([]),
  source: indicatorShape.source.default(null),
});

const planFailures = ['sakip.plan_not_found', 'sakip.not_your_unit', 'sakip.coordinator_only'] as const;
const draftFailures = [...planFailures, 'sakip.plan_active', 'sakip.change_invalid'] as const;

export const sakipRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/regions/:region/sakip';
  const P = `${base}/plans/:planId`;

  r.get(`${base}/plans`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Rencana kinerja daerah: RPJMD dan Renstra / The region\'s performance plans: RPJMD and Renstra', params: regionParam,
      querystring: z.object({ kind: z.enum(['rpjmd', 'renstra']).optional(), unitId: z.uuid().optional() }),
      response: { 200: z.array(answers.plan) },
    },
  }, async (request) => listPlans(ctx, request.region!.code, request.query));

  r.post(`${base}/plans`, {
    config: { idempotent: true, access: 'sakip.plan' },
    schema: {
      tags, summary: 'Buat rencana: RPJMD daerah atau Renstra perangkat daerah / Create a plan: the region\'s RPJMD or a unit\'s Renstra', params: regionParam,
      description: 'RPJMD hanya oleh koordinator SAKIP; Renstra oleh koordinator atau perencana perangkat daerah itu. Periode bawaan lima tahun (tahun akhir = tahun awal + 4), paling lama lima tahun. Rencana dibuat sebagai draf. / The RPJMD only by the SAKIP coordinator; a Renstra by the coordinator or that unit\'s planner. Five years by default, at most five. Created as a draft.',
      body: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('rpjmd'), startYear: year, endYear: year.optional(), title }),
        z.object({ kind: z.literal('renstra'), unitId: z.uuid(), startYear: year, endYear: year.optional(), title }),
      ]),
      response: { 201: answers.plan, ...failures('sakip.plan_exists', 'sakip.plan_period_invalid', 'sakip.not_your_unit', 'sakip.coordinator_only', 'unit.not_found') },
    },
  }, async (request, reply) => {
    const id = await createPlan(ctx, request.region!.code, request.actor, request.body);
    return reply.status(201).send(await planSummary(ctx, request.region!.code, id));
  });

  r.get(`${base}/overview`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Kinerja daerah setahun, triwulan atau bulan per perangkat daerah / The region\'s performance in a year, quarter or month, by unit', params: regionParam,
      description: 'Semua indikator rencana aktif yang mencakup tahun itu, dihitung untuk perangkat daerah penanggung jawabnya (perangkat daerah simpulnya, atau pemilik Renstra): jumlah indikator, yang bertarget, yang dilaporkan, yang tercapai (capaian ≥ 100 %) dan rata-rata capaiannya; serta IKU RPJMD. Tahun bawaan: tahun berjalan di daerah. Dengan `period` triwulan atau bulan: setiap indikator dinilai dengan target rencana aksi periode itu lawan realisasi periode itu (triwulan yang diisi per bulan: bulan-bulannya digabung menurut aturan indikator, bulan yang belum dilaporkan tidak dihitung nol), anggaran dari baris anggaran di dalam periode itu (dihitung langsung dari data periode itu). / Every indicator of the active plans covering the year, counted for its responsible unit; and the RPJMD\'s IKU. By default the current year in the region. With a quarter or month `period`: each indicator judged by that period\'s action-plan target against that period\'s realisation (a quarter entered by month: its months aggregated by the indicator\'s rule, a month not reported never a zero), the budget from the budget rows inside it (computed from that period\'s rows).',
      querystring: z.object({
        year: z.coerce.number().int().min(2000).max(2100).optional(),
        period: z.string().regex(PERIOD_PATTERN).optional()
          .describe('Triwulan (2025-Q2) atau bulan (2025-05); tahun (2025) sama dengan year; harus di tahun `year` bila keduanya diberikan / a quarter or month; a year is the yearly view; inside `year` when both are given'),
        unit: z.uuid().optional().describe('Sasaran satu perangkat daerah (Renstra-nya dan sasaran RPJMD yang dipimpinnya); tanpa ini: sasaran RPJMD / one unit\'s targets (its Renstra\'s and the RPJMD\'s it leads); without it: the RPJMD\'s'),
      }).refine((q) => q.year === undefined || q.period === undefined || q.period.startsWith(String(q.year)), {
        path: ['period'], message: 'Periode harus di dalam tahun yang diminta / the period must be inside the year asked for',
      }),
      response: { 200: answers.overview, ...failures('unit.not_found', 'sakip.period_outside_plan') },
    },
  }, async (request) => regionOverviewAt(ctx, request.region!, request.query));

  r.get(P, {
    config: { access: 'sakip.read' },
    schema: { tags, summary: 'Rencana / A plan', params: planParam, response: { 200: answers.plan, ...failures('sakip.plan_not_found') } },
  }, async (request) => planSummary(ctx, request.region!.code, request.params.planId));

  r.patch(P, {
    config: { access: 'sakip.plan' },
    schema: {
      tags, summary: 'Ubah judul atau periode rencana / Change a plan\'s title or period', params: planParam,
      description: 'Periode hanya pada draf, dan hanya bila semua target dan realisasi tetap di dalamnya. Tahun awal saja menggeser seluruh periode. / The period only in a draft, and only when every target and realisation stays inside it. A start year alone shifts the whole period.',
      body: z.object({ title: title.optional(), startYear: year.optional(), endYear: year.optional() }),
      response: { 200: answers.plan, ...failures(...draftFailures, 'sakip.plan_exists', 'sakip.plan_period_invalid', 'sakip.period_outside_plan') },
    },
  }, async (request) => {
    await updatePlan(ctx, request.region!.code, request.actor, request.params.planId, request.body);
    return planSummary(ctx, request.region!.code, request.params.planId);
  });

  r.put(`${P}/status`, {
    config: { access: 'sakip.manage' },
    schema: {
      tags, summary: 'Aktifkan rencana atau kembalikan ke draf (koordinator SAKIP) / Activate a plan or return it to draft (SAKIP coordinator)', params: planParam,
      description: 'Aktivasi hanya untuk rencana tanpa masalah (details.problems menyebutnya) dan tanpa rencana aktif lain dari pemilik yang sama pada tahun yang beririsan. Susunan rencana aktif tetap; target tetap dapat direvisi dan realisasi diisi. / Activation only for a plan without problems (listed in details.problems) and no other active plan of the same owner over the same years. An active plan\'s structure is fixed; targets can still be revised and realisations entered.',
      body: z.object({ status: z.enum(['draft', 'active']) }),
      response: { 200: answers.plan, ...failures('sakip.plan_not_found', 'sakip.plan_not_ready', 'sakip.plan_overlap') },
    },
  }, async (request) => {
    await setPlanStatus(ctx, request.region!.code, request.actor, request.params.planId, request.body.status);
    return planSummary(ctx, request.region!.code, request.params.planId);
  });

  r.get(`${P}/tree`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Pohon kinerja dengan target, capaian tahun terpilih dan masalah rencana / The performance tree with targets, the chosen year\'s achievement and the plan\'s problems', params: planParam,
      description: 'Capaian tepat: tinggi lebih baik = realisasi/target; rendah lebih baik = (2×target − realisasi)/target, tidak di bawah 0; target rentang memakai batas di sisi realisasi. Periode digabung menurut aturan indikator; periode yang belum dilaporkan tidak dihitung nol. Angka ditampilkan dua desimal (setengah ke atas) dengan nilai tepatnya. / Exact achievement by polarity and range; periods combined by the indicator\'s rule, missing periods never counted as zero; shown to two decimals (half up) beside the exact value.',
      querystring: yearQuery,
      response: { 200: answers.planTree, ...failures('sakip.plan_not_found', 'sakip.year_outside_plan') },
    },
  }, async (request) => planTreeView(ctx, request.region!, request.params.planId, request.query.year));

  r.get(`${P}/table`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Rencana sebagai tabel: satu baris per indikator, target per tahun, capaian / The plan as a table: a row per indicator, targets per year, achievement', params: planParam,
      querystring: yearQuery,
      response: { 200: answers.planTable, ...failures('sakip.plan_not_found', 'sakip.year_outside_plan') },
    },
  }, async (request) => planTableView(ctx, request.region!, request.params.planId, request.query.year));

  r.post(`${P}/nodes`, {
    config: { idempotent: true, access: 'sakip.plan' },
    schema: {
      tags, summary: 'Tambah simpul pohon kinerja / Add a performance-tree node', params: planParam,
      description: 'Visi → misi → tujuan → sasaran → program (RPJMD); tujuan → sasaran → program → kegiatan → sub-kegiatan (Renstra); sasaran boleh di bawah sasaran. Program, kegiatan dan sub-kegiatan memakai kode Permendagri 90/2019 yang diawali kode induknya. supportsNodeId mengaitkan tujuan atau sasaran Renstra ke sasaran RPJMD yang didukungnya. / Programmes, activities and sub-activities carry their Permendagri 90/2019 code, starting with the parent\'s; supportsNodeId links a Renstra goal or target to the RPJMD target it supports.',
      body: z.object({
        kind: z.enum(answers.nodeKinds), parentId: z.uuid().nullable(), title,
        code: z.string().trim().max(40).nullable().optional(), unitId: z.uuid().nullable().optional().describe('Perangkat daerah penanggung jawab / the responsible unit'),
        supportsNodeId: z.uuid().nullable().optional(), position: z.number().int().min(0).max(10000).optional().describe('Urutan di antara saudara, dari 0; bawaan di akhir / place among siblings from 0; last by default'),
      }),
      response: { 201: answers.nodeBrief, ...failures(...draftFailures, 'sakip.node_not_found', 'sakip.kind_not_allowed', 'sakip.kind_not_in_plan', 'sakip.code_invalid', 'sakip.supports_invalid', 'unit.not_found') },
    },
  }, async (request, reply) => {
    const id = await addNode(ctx, request.region!.code, request.actor, request.params.planId, request.body);
    return reply.status(201).send(await nodeView(ctx, request.region!.code, id));
  });

  r.patch(`${P}/nodes/:nodeId`, {
    config: { access: 'sakip.plan' },
    schema: {
      tags, summary: 'Ubah simpul / Change a node', params: nodeParam,
      body: z.object({ title: title.optional(), code: z.string().trim().max(40).nullable().optional(), unitId: z.uuid().nullable().optional(), supportsNodeId: z.uuid().nullable().optional() }),
      response: { 200: answers.nodeBrief, ...failures(...draftFailures, 'sakip.node_not_found', 'sakip.code_invalid', 'sakip.supports_invalid', 'unit.not_found') },
    },
  }, async (request) => {
    await editNode(ctx, request.region!.code, request.actor, request.params.planId, request.params.nodeId, request.body);
    return nodeView(ctx, request.region!.code, request.params.nodeId);
  });

  r.post(`${P}/nodes/:nodeId/move`, {
    config: { access: 'sakip.plan' },
    schema: {
      tags, summary: 'Pindahkan simpul beserta turunannya / Move a node with everything under it', params: nodeParam,
      description: 'Ditolak bila membuat putaran (ke bawah dirinya atau turunannya) atau jenisnya tidak boleh di bawah induk baru. / Refused when it would make a cycle or the kind may not sit under the new parent.',
      body: z.object({ parentId: z.uuid().nullable(), position: z.number().int().min(0).max(10000).optional() }),
      response: { 200: answers.nodeBrief, ...failures(...draftFailures, 'sakip.node_not_found', 'sakip.cycle', 'sakip.kind_not_allowed', 'sakip.code_invalid') },
    },
  }, async (request) => {
    await moveNode(ctx, request.region!.code, request.actor, request.params.planId, request.params.nodeId, request.body);
    return nodeView(ctx, request.region!.code, request.params.nodeId);
  });

  r.delete(`${P}/nodes/:nodeId`, {
    config: { access: 'sakip.plan' },
    schema: {
      tags, summary: 'Hapus simpul kosong / Remove an empty node', params: nodeParam,
      response: { 200: ok, ...failures(...draftFailures, 'sakip.node_not_found', 'sakip.node_not_empty') },
    },
  }, async (request) => {
    await removeNode(ctx, request.region!.code, request.actor, request.params.planId, request.params.nodeId);
    return { ok: true as const };
  });

  r.post(`${P}/nodes/:nodeId/indicators`, {
    config: { idempotent: true, access: 'sakip.plan' },
    schema: {
      tags, summary: 'Tambah indikator pada simpul / Add an indicator to a node', params: nodeParam,
      body: newIndicator,
      response: { 201: answers.indicatorFields, ...failures(...planFailures, 'sakip.plan_active', 'sakip.node_not_found', 'sakip.source_unknown', 'unit.not_found') },
    },
  }, async (request, reply) => {
    const id = await addIndicator(ctx, request.region!.code, request.actor, request.params.planId, request.params.nodeId, request.body);
    return reply.status(201).send(await indicatorFields(ctx, request.region!.code, id));
  });

  r.patch(`${P}/indicators/:indicatorId`, {
    config: { access: 'sakip.plan' },
    schema: {
      tags, summary: 'Ubah indikator / Change an indicator', params: indicatorParam,
      description: 'Ditolak bila membuat target atau realisasi tersimpan tidak sesuai lagi (jenis target, nilai negatif). / Refused when a stored target or realisation would no longer fit (target type, negative values).',
      body: z.object(indicatorShape).partial().extend({ nodeId: z.uuid().optional().describe('Pindah ke simpul lain dalam rencana / move to another node of the plan') }),
      response: { 200: answers.indicatorFields, ...failures(...draftFailures, 'sakip.indicator_not_found', 'sakip.node_not_found', 'sakip.value_negative', 'sakip.source_unknown', 'unit.not_found') },
    },
  }, async (request) => {
    await editIndicator(ctx, request.region!.code, request.actor, request.params.planId, request.params.indicatorId, request.body);
    return indicatorFields(ctx, request.region!.code, request.params.indicatorId);
  });

  r.delete(`${P}/indicators/:indicatorId`, {
    config: { access: 'sakip.plan' },
    schema: {
      tags, summary: 'Hapus indikator yang belum bertarget dan belum berealisasi / Remove an indicator with no target or realisation yet', params: indicatorParam,
      response: { 200: ok, ...failures(...draftFailures, 'sakip.indicator_not_found', 'sakip.indicator_in_use') },
    },
  }, async (request) => {
    await removeIndicator(ctx, request.region!.code, request.actor, request.params.planId, request.params.indicatorId);
    return { ok: true as const };
  });

  r.get(`${P}/indicators/:indicatorId/targets`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Target per tahun dengan seluruh riwayat revisi / Targets per year with every revision', params: indicatorParam,
      response: { 200: answers.targetHistory, ...failures('sakip.plan_not_found', 'sakip.indicator_not_found') },
    },
  }, async (request) => targetHistory(ctx, request.region!.code, request.params.planId, request.params.indicatorId));

  r.post(`${P}/indicators/:indicatorId/targets`, {
    config: { idempotent: true, access: 'sakip.plan' },
    schema: {
      tags, summary: 'Tetapkan atau revisi target tahunan / Set or revise a yearly target', params: indicatorParam,
      description: 'value untuk target tunggal, low dan high untuk target rentang, sebagai angka desimal tepat. Versi pertama tanpa alasan; setiap revisi menjadi versi baru dan wajib beralasan. Boleh pada rencana aktif. / value for a single target, low and high for a range, as exact decimals. The first version needs no reason; every revision is a new version and needs one. Allowed on an active plan.',
      body: z.object({ year, value: decimalValue.optional(), low: decimalValue.optional(), high: decimalValue.optional(), reason: z.string().trim().max(2000).optional() }),
      response: {
        201: answers.target,
        ...failures(...planFailures, 'sakip.indicator_not_found', 'sakip.year_outside_plan', 'sakip.target_type_mismatch', 'sakip.value_not_numeric', 'sakip.value_negative',
          'sakip.value_out_of_range', 'sakip.range_inverted', 'sakip.reason_required', 'sakip.target_unchanged'),
      },
    },
  }, async (request, reply) => reply.status(201).send(await setTarget(ctx, request.region!.code, request.actor, request.params.planId, request.params.indicatorId, request.body)));

  r.get(`${P}/indicators/:indicatorId/realisations`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Realisasi indikator per periode / An indicator\'s realisations by period', params: indicatorParam,
      response: { 200: z.array(answers.realisation), ...failures('sakip.plan_not_found', 'sakip.indicator_not_found') },
    },
  }, async (request) => listRealisations(ctx, request.region!.code, request.params.planId, request.params.indicatorId));

  r.put(`${P}/indicators/:indicatorId/realisations/:period`, {
    config: { access: 'sakip.realise' },
    schema: {
      tags, summary: 'Isi atau koreksi realisasi satu periode / Enter or correct one period\'s realisation', params: periodParam,
      description: 'Oleh perangkat daerah pemilik indikator (Renstra-nya, penanggung jawab simpul, atau yang ikut mengampu) atau koordinator. Periode harus di dalam rencana, sudah dimulai, dan sejenis dengan realisasi lain tahun itu. Koreksi menyimpan versi sebelumnya. Periode yang sudah ditutup terkunci: hanya koordinator yang mengoreksi, dengan alasan. / By the indicator\'s units or the coordinator. The period must be inside the plan, already begun, and of the same kind as the year\'s other realisations. A correction keeps the version it replaces. A closed period is locked: only the coordinator corrects it, with a reason.',
      body: z.object({
        value: decimalValue, note: longText.optional().describe('Catatan / note'), obstacles: longText.optional().describe('Kendala / obstacles'),
        followUp: longText.optional().describe('Tindak lanjut / follow-up'),
        reason: z.string().trim().max(2000).optional().describe('Alasan koreksi; wajib pada periode yang sudah ditutup / the correction\'s reason; required in a closed period'),
      }),
      response: {
        200: answers.realisation,
        ...failures('sakip.plan_not_found', 'sakip.not_your_unit', 'sakip.indicator_not_found', 'sakip.period_outside_plan', 'sakip.period_not_started', 'sakip.period_mixed',
          'sakip.value_not_numeric', 'sakip.value_negative', 'sakip.value_out_of_range', 'sakip.period_locked', 'sakip.correction_reason_required'),
      },
    },
  }, async (request) => enterRealisation(ctx, request.region!, request.actor, request.params.planId, request.params.indicatorId, request.params.period, request.body));

  r.post(`${P}/indicators/:indicatorId/realisations/:period/from-source`, {
    config: { idempotent: true, access: 'sakip.realise' },
    schema: {
      tags, summary: 'Ambil realisasi satu periode dari modul sumbernya / Take one period\'s realisation from its source module', params: periodParam,
      description: 'Untuk indikator bersumber (source), misalnya indeks SPBE atau persentase pengaduan ditanggapi tepat waktu: nilai dibaca dari modul itu dan disimpan sebagai realisasi dengan catatan asal dan cara ukurnya, dengan aturan yang sama seperti mengisi (siapa, periode, penguncian). / For an indicator with a source: the value is read from that module and stored as the realisation with a note of where it came from and how it is measured, under the same rules as typing it.',
      body: z.object({ reason: z.string().trim().max(2000).optional().describe('Alasan koreksi pada periode yang sudah ditutup / the correction\'s reason in a closed period') }).nullish(),
      response: {
        200: answers.realisation,
        ...failures('sakip.plan_not_found', 'sakip.not_your_unit', 'sakip.indicator_not_found', 'sakip.period_outside_plan', 'sakip.period_not_started', 'sakip.period_mixed',
          'sakip.value_negative', 'sakip.value_out_of_range', 'sakip.period_locked', 'sakip.correction_reason_required', 'sakip.source_missing', 'sakip.source_period_unsupported', 'sakip.source_no_value'),
      },
    },
  }, async (request) => realisationFromSource(ctx, request.region!, request.actor, request.params.planId, request.params.indicatorId, request.params.period, request.body?.reason));

  sakipWorkbookRoutes(app, ctx);
  sakipEvidenceRoutes(app, ctx);
};
