// HTTP for budgets and action plans: a programme's, activity's or
// sub-activity's ceiling and spending per period with absorption and
// efficiency, and an indicator's action-plan targets per quarter or month.
// Access is declared per route; which unit may enter is the service's check.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { regionParam } from '../../../platform/http/schemas.js';
import { failures, instant } from '../../../platform/http/responses.js';
import { actionPlan, setActionTarget, setBudget } from '../service/budget.js';
import { nodeBudget } from '../service/efficiency.js';
import { PERIOD_PATTERN } from '../service/periods.js';
import * as answers from './responses.js';

const tags = ['sakip'];
const planParam = regionParam.extend({ planId: z.uuid() });
const nodeParam = planParam.extend({ nodeId: z.uuid() });
const indicatorParam = planParam.extend({ indicatorId: z.uuid() });
const period = z.string().regex(PERIOD_PATTERN).describe('Tahun (2026), triwulan (2026-Q1) atau bulan (2026-03) / a year, quarter or month');
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('Tahun anggaran / the budget year') });
const rupiah = z.union([z.string().max(60), z.number()]).describe('Rupiah sebagai angka desimal dengan titik, sebaiknya teks ("1250000000") / rupiah as a decimal with a point, best as text');
const reason = z.string().trim().max(2000).optional().describe('Alasan koreksi; wajib pada periode yang sudah ditutup (hanya koordinator) / the correction\'s reason; required in a closed period (coordinator only)');
const entryFailures = ['sakip.plan_not_found', 'sakip.not_your_unit', 'sakip.period_outside_plan', 'sakip.period_kind_mixed', 'sakip.value_not_numeric', 'sakip.value_negative',
  'sakip.value_out_of_range', 'sakip.period_locked', 'sakip.correction_reason_required'] as const;

const budgetFields = {
  ceiling: z.string().describe('Pagu, rupiah / the ceiling'), spending: z.string().describe('Realisasi anggaran, rupiah / spending'),
  absorption: answers.percentFigure.nullable().describe('Serapan = realisasi / pagu; null bila pagu 0 / absorption; null when the ceiling is 0'),
};
const nodeBudgetAnswer = z.object({
  node: answers.nodeBrief, year: z.number().int(), years: z.array(z.number().int()), method: answers.efficiencyMethod,
  periods: z.array(z.object({
    period: z.string(), ...budgetFields, version: z.number().int(), enteredAt: instant, enteredBy: z.string(), reason: z.string().nullable(), afterClose: z.boolean(),
    locked: z.boolean().describe('Periode ditutup: hanya koordinator yang mengoreksi, dengan alasan / closed: only the coordinator corrects, with a reason'),
    achievement: answers.percentFigure.nullable().describe('Triwulan/bulan: target rencana aksi lawan realisasi periode itu; tahun: capaian tahunan / a quarter or month: action-plan targets against that period\'s realisations; the year: the year\'s achievement'),
    efficiency: answers.efficiency,
  })).describe('Isian simpul ini sendiri per periode / this node\'s own entries by period'),
  total: z.object({
    source: z.enum(['own', 'children']).nullable().describe('own: isiannya sendiri; children: jumlah anggaran turunannya / its own entries, or its children\'s added up'),
    budget: z.object(budgetFields).nullable(), achievement: answers.percentFigure.nullable(), efficiency: answers.efficiency,
  }),
  children: z.array(z.object({ node: answers.nodeBrief, budget: z.object(budgetFields).nullable() })),
  history: z.array(z.object({
    period: z.string(), version: z.number().int(), ceiling: z.string(), spending: z.string(), enteredAt: instant, enteredBy: z.string(), reason: z.string().nullable(), afterClose: z.boolean(),
  })).describe('Versi yang diganti koreksi / the versions corrections replaced'),
}).meta({ id: 'SakipNodeBudget' });

const actionPlanAnswer = z.object({
  indicatorId: z.string(), year: z.number().int(),
  yearTarget: z.object({ value: z.string().nullable(), low: z.string().nullable(), high: z.string().nullable(), version: z.number().int() }).nullable()
    .describe('Target tahun ini dari rencana (yang berlaku) / the plan\'s current target for the year'),
  periodKind: z.enum(['quarter', 'month']).nullable(),
  periods: z.array(z.object({ period: z.string(), value: z.string(), setAt: instant, setBy: z.string(), reason: z.string().nullable() })),
}).meta({ id: 'SakipActionPlan' });

export const sakipBudgetRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const P = '/api/regions/:region/sakip/plans/:planId';

  r.get(`${P}/nodes/:nodeId/budget`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Pagu, realisasi anggaran, serapan dan efisiensi simpul per periode / A node\'s ceiling, spending, absorption and efficiency by period', params: nodeParam,
      description: 'Serapan = realisasi / pagu × 100. Efisiensi menurut metode daerah: capaian % − serapan % (efisien di atas +ambang, cukup efisien dalam ±ambang, tidak efisien di bawahnya), atau indeks efisiensi keluaran. Anggaran simpul tanpa isian sendiri adalah jumlah anggaran turunannya. / Absorption = spending / ceiling × 100. Efficiency by the region\'s method; a node without its own entries has its children\'s budgets added up.',
      querystring: yearQuery,
      response: { 200: nodeBudgetAnswer, ...failures('sakip.plan_not_found', 'sakip.node_not_found', 'sakip.budget_node_kind', 'sakip.year_outside_plan') },
    },
  }, async (request) => nodeBudget(ctx, request.region!, request.params.planId, request.params.nodeId, request.query.year));

  r.put(`${P}/nodes/:nodeId/budget/:period`, {
    config: { access: 'sakip.realise' },
    schema: {
      tags, summary: 'Isi atau koreksi pagu dan realisasi anggaran satu periode / Enter or correct one period\'s ceiling and spending', params: nodeParam.extend({ period }),
      description: 'Untuk program, kegiatan dan sub-kegiatan, oleh perangkat daerahnya atau koordinator; tidak negatif; satu jenis periode per tahun. Koreksi menyimpan versi sebelumnya. Periode yang ditutup terkunci: hanya koordinator, dengan alasan. / For programmes, activities and sub-activities, by their unit or the coordinator; never negative; one kind of period per year. A correction keeps the version it replaces. A closed period is locked: the coordinator only, with a reason.',
      body: z.object({ ceiling: rupiah, spending: rupiah, reason }),
      response: { 200: nodeBudgetAnswer, ...failures(...entryFailures, 'sakip.node_not_found', 'sakip.budget_node_kind') },
    },
  }, async (request) => {
    const { planId, nodeId, period: p } = request.params;
    await setBudget(ctx, request.region!.code, request.actor, planId, nodeId, p, request.body);
    return nodeBudget(ctx, request.region!, planId, nodeId, Number(p.slice(0, 4)));
  });

  r.get(`${P}/indicators/:indicatorId/action-plan`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Rencana aksi indikator: target per triwulan atau bulan / An indicator\'s action plan: targets per quarter or month', params: indicatorParam,
      querystring: yearQuery,
      response: { 200: actionPlanAnswer, ...failures('sakip.plan_not_found', 'sakip.indicator_not_found', 'sakip.year_outside_plan') },
    },
  }, async (request) => actionPlan(ctx, request.region!.code, request.params.planId, request.params.indicatorId, request.query.year));

  r.put(`${P}/indicators/:indicatorId/action-plan/:period`, {
    config: { access: 'sakip.plan' },
    schema: {
      tags, summary: 'Tetapkan target rencana aksi satu triwulan atau bulan / Set one quarter\'s or month\'s action-plan target', params: indicatorParam.extend({ period }),
      description: 'Target tahunan adalah target rencana. Satu jenis periode per tahun; periode yang ditutup hanya diubah koordinator, dengan alasan. / The year\'s target is the plan\'s. One kind of period per year; a closed period is changed by the coordinator only, with a reason.',
      body: z.object({ value: rupiah.describe('Target periode, angka desimal / the period\'s target, a decimal'), reason }),
      response: { 200: actionPlanAnswer, ...failures(...entryFailures, 'sakip.indicator_not_found', 'sakip.action_period_year') },
    },
  }, async (request) => {
    const { planId, indicatorId, period: p } = request.params;
    await setActionTarget(ctx, request.region!.code, request.actor, planId, indicatorId, p, request.body);
    return actionPlan(ctx, request.region!.code, planId, indicatorId, Number(p.slice(0, 4)));
  });
};
