// HTTP for e-SAKIP reporting periods: the region's periods with each unit's
// report status, opening a period with its due date, a unit submitting its
// report, closing (locking) and reopening a period, and a realisation's
// correction history. Access is declared per route; which unit a planner
// may submit for is the service's check.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { regionParam } from '../../../platform/http/schemas.js';
import { failures, instant, oneOf, words } from '../../../platform/http/responses.js';
import { reportStatuses } from '../domain/reporting.js';
import { PERIOD_PATTERN } from '../service/periods.js';
import { listReportingPeriods, openReportingPeriod, reportingPeriodView, setReportingPeriodStatus, submitUnitReport } from '../service/reporting.js';
import { realisationHistory } from '../service/targets.js';
import * as answers from './responses.js';

const tags = ['sakip'];
const period = z.string().regex(PERIOD_PATTERN).describe('Tahun (2026), triwulan (2026-Q1) atau bulan (2026-03) / a year, quarter or month');
const periodParam = regionParam.extend({ period });
const unitParam = periodParam.extend({ unitId: z.uuid() });
const historyParam = regionParam.extend({ planId: z.uuid(), indicatorId: z.uuid(), period });

const person = z.object({ at: instant, by: z.string() });

const unitReport = z.object({
  unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  status: oneOf(reportStatuses).describe('reported: tepat waktu; reported_late: terlambat; pending: belum, belum jatuh tempo; late: belum, lewat batas waktu; missing: belum, periode ditutup / on time; late; not yet, not due; not yet, overdue; not in, period closed'),
  statusLabel: words,
  submitted: person.nullable(), note: z.string(),
  escalationLevel: z.number().int().describe('Anak tangga eskalasi yang sudah dijalankan (0: belum ada) / the escalation rungs taken so far (0: none)'),
  indicators: z.object({
    total: z.number().int(), reported: z.number().int().describe('Indikator dengan realisasi pada periode ini atau periode di dalamnya / indicators with a realisation in the period or a period inside it'),
    missing: z.array(z.object({ planId: z.string(), indicatorId: z.string(), name: z.string() })),
  }).describe('Indikator rencana aktif yang dilaporkan perangkat daerah ini / the indicators of active plans this unit reports'),
}).meta({ id: 'SakipUnitReport' });

const reportingPeriod = z.object({
  period: z.string(), kind: oneOf(['year', 'quarter', 'month']), year: z.number().int(), status: oneOf(['open', 'closed']),
  locked: z.boolean().describe('Ditutup, atau berada di dalam periode yang ditutup / closed, or inside a closed period'),
  lockedBy: z.string().nullable().describe('Periode yang menguncinya (dirinya atau yang memuatnya) / the period locking it (itself or one containing it)'),
  dueAt: instant, dueDate: z.string().describe('Hari terakhir, waktu daerah / the last day, in the region\'s time'),
  opened: person, closed: person.nullable(), reopened: person.extend({ reason: z.string() }).nullable(),
  counts: z.object(Object.fromEntries(reportStatuses.map((s) => [s, z.number().int()])) as Record<(typeof reportStatuses)[number], z.ZodNumber>),
  units: z.array(unitReport),
}).meta({ id: 'SakipReportingPeriod' });

const realisationHistoryAnswer = z.object({
  indicatorId: z.string(), period: z.string(), current: answers.realisation.nullable(),
  versions: z.array(answers.realisation).describe('Semua versi, terlama dahulu; yang terakhir adalah yang berlaku / every version, oldest first; the last is the current one'),
}).meta({ id: 'SakipRealisationHistory' });

export const sakipPeriodRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/regions/:region/sakip/reporting-periods';

  r.get(base, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Periode pelaporan kinerja dan status laporan setiap perangkat daerah / Reporting periods and each unit\'s report status', params: regionParam,
      querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      response: { 200: z.array(reportingPeriod) },
    },
  }, async (request) => listReportingPeriods(ctx, request.region!, request.query));

  r.post(base, {
    config: { idempotent: true, access: 'sakip.manage' },
    schema: {
      tags, summary: 'Buka periode pelaporan (koordinator SAKIP) / Open a reporting period (SAKIP coordinator)', params: regionParam,
      description: 'Setelah periodenya dimulai. Batas waktu bawaan: sejumlah hari kerja setelah hari terakhir periode menurut pengaturan daerah (sakip.reporting.dueWorkingDays), di kalender kerja daerah; dueDate menggantinya (akhir hari itu, waktu daerah). Setiap perangkat daerah yang mengampu indikator rencana aktif tahun itu mendapat laporan dengan batas waktu, pengingat dan eskalasi. / Once the period has begun. The default due time is the region\'s number of working days after the period\'s last day, on its calendar; dueDate replaces it (the end of that day, region time). Every unit with indicators of active plans that year gets a report with a deadline, reminders and escalation.',
      body: z.object({ period, dueDate: z.iso.date().optional().describe('Hari terakhir pelaporan / the last day to report (YYYY-MM-DD)') }),
      response: { 201: reportingPeriod, ...failures('sakip.reporting_period_exists', 'sakip.period_locked', 'sakip.period_not_started', 'sakip.due_invalid') },
    },
  }, async (request, reply) => {
    await openReportingPeriod(ctx, request.region!, request.actor, request.body);
    return reply.status(201).send(await reportingPeriodView(ctx, request.region!, request.body.period));
  });

  r.get(`${base}/:period`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Satu periode pelaporan dan laporan setiap perangkat daerah / A reporting period and each unit\'s report', params: periodParam,
      response: { 200: reportingPeriod, ...failures('sakip.reporting_period_not_found') },
    },
  }, async (request) => reportingPeriodView(ctx, request.region!, request.params.period));

  r.put(`${base}/:period/status`, {
    config: { access: 'sakip.manage' },
    schema: {
      tags, summary: 'Tutup (kunci) atau buka kembali periode pelaporan (koordinator SAKIP) / Close (lock) or reopen a reporting period (SAKIP coordinator)', params: periodParam,
      description: 'Menutup mengunci realisasi periode itu dan setiap periode di dalamnya (triwulan: bulan-bulannya; tahun: triwulan dan bulannya) dan menghentikan pengingat; laporan yang belum masuk tercatat tidak melapor. Membuka kembali memerlukan alasan dan ditolak selama periode yang memuatnya masih ditutup. / Closing locks the realisations of the period and every period inside it and stops reminders; reports not in are recorded as missing. Reopening needs a reason and is refused while a period containing it is closed.',
      body: z.discriminatedUnion('status', [
        z.object({ status: z.literal('closed') }),
        z.object({ status: z.literal('open'), reason: z.string().trim().min(1).max(2000).describe('Alasan membuka kembali / why it is reopened') }),
      ]),
      response: { 200: reportingPeriod, ...failures('sakip.reporting_period_not_found', 'sakip.period_locked') },
    },
  }, async (request) => {
    await setReportingPeriodStatus(ctx, request.region!, request.actor, request.params.period, request.body);
    return reportingPeriodView(ctx, request.region!, request.params.period);
  });

  r.post(`${base}/:period/units/:unitId/submit`, {
    config: { idempotent: true, access: 'sakip.realise' },
    schema: {
      tags, summary: 'Kirim laporan kinerja perangkat daerah untuk periode ini / Submit a unit\'s performance report for the period', params: unitParam,
      description: 'Oleh perencana perangkat daerah itu atau koordinator, sekali, selama periode belum ditutup. Memenuhi batas waktunya (tepat waktu atau terlambat) dan menghentikan pengingat. Indikator yang belum berealisasi tidak menghalangi; daftarnya ada di indicators.missing. / By the unit\'s planner or the coordinator, once, while the period is not closed. Meets its deadline (on time or late) and stops reminders. Indicators without a realisation do not stop it; they are listed in indicators.missing.',
      body: z.object({ note: z.string().trim().max(4000).optional().describe('Catatan pengantar / a covering note') }),
      response: {
        200: unitReport,
        ...failures('sakip.reporting_period_not_found', 'sakip.unit_not_reporting', 'sakip.not_your_unit', 'sakip.period_locked', 'sakip.report_submitted'),
      },
    },
  }, async (request) => {
    const { period: p, unitId } = request.params;
    await submitUnitReport(ctx, request.region!, request.actor, p, unitId, request.body);
    return (await reportingPeriodView(ctx, request.region!, p)).units.find((u) => u.unit.id === unitId)!;
  });

  r.get('/api/regions/:region/sakip/plans/:planId/indicators/:indicatorId/realisations/:period/history', {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Riwayat koreksi realisasi satu periode / The correction history of one period\'s realisation', params: historyParam,
      description: 'Setiap versi dengan nilainya, siapa dan kapan mengisinya, dan alasan koreksinya; kosong bila belum diisi. / Every version with its value, who entered it and when, and the correction\'s reason; empty before the first entry.',
      response: { 200: realisationHistoryAnswer, ...failures('sakip.plan_not_found', 'sakip.indicator_not_found') },
    },
  }, async (request) => realisationHistory(ctx, request.region!.code, request.params.planId, request.params.indicatorId, request.params.period));
};
