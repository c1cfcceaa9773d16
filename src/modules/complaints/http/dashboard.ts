// HTTP for the dashboard, the province roll-up, their CSV exports and the public statistics.
import { staleRead } from '../../../platform/db/replica.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors.js';
import { regionParam } from '../../../platform/http/schemas.js';
import type { Region } from '../../../platform/regions/service.js';
import { csvDialect } from '../../../platform/csv.js';
import { reportCsv } from '../domain/report-csv.js';
import { dimensions, localMonth, resolvePeriod, type Period, type Report } from '../domain/dashboard.js';
import { provinceRollup, publicStatistics, regionDashboard } from '../service/dashboard.js';
import { failures, fileAnswer } from '../../../platform/http/responses.js';
import * as answers from './dashboard-responses.js';

const tags = ['dashboard'];
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const periodQuery = z.object({ from: month.optional(), to: month.optional(), lang: z.enum(['id', 'en']).optional() });
const dashboardQuery = periodQuery.extend({ by: z.enum(dimensions).default('unit') });
const periodHelp = 'Periode dalam bulan setempat (from/to = YYYY-MM, paling lama 5 tahun; bawaan: tahun berjalan). / Period in local months (at most 5 years; default: the current year).';

const currentYear = (ctx: AppContext, region: Region) => Number(localMonth(ctx.clock.now(), region.utcOffsetMinutes).slice(0, 4));

function periodOf(ctx: AppContext, region: Region, q: { from?: string; to?: string }): Period {
  const period = resolvePeriod(q, currentYear(ctx, region));
  if (!period) throw new AppError('dashboard.period_invalid', { from: q.from, to: q.to });
  return period;
}

function sendCsv(request: FastifyRequest, reply: FastifyReply, report: Report) {
  const name = `dasbor-${request.region!.code}-${report.by}-${report.period.from}-${report.period.to}.csv`;
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(reportCsv(report, request.locale, csvDialect(request.locale, request.region!.timezone)));
}

export const dashboardRoutes = (ctx: AppContext) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const byRegion = { config: { access: 'dashboard.read' as const }, schema: { tags, description: periodHelp, params: regionParam, querystring: dashboardQuery } };
  const rollup = { config: { access: 'dashboard.read' as const }, schema: { tags, description: periodHelp, params: regionParam, querystring: periodQuery } };
  const json = { 200: answers.report, ...failures('dashboard.period_invalid') };
  const csv = { 200: fileAnswer('CSV (pemisah dan desimal menurut bahasa) / CSV (separator and decimals by language)', 'text/csv'), ...failures('dashboard.period_invalid') };

  const dashboard = ({ region, actor, query }: { region: Region | null; actor: Actor; query: z.infer<typeof dashboardQuery> }) =>
    staleRead(ctx, (c) => regionDashboard(c, region!, actor, periodOf(ctx, region!, query), query.by));
  app.get('/api/regions/:region/dashboard', { ...byRegion, schema: { ...byRegion.schema, summary: 'Dasbor pengaduan / Complaint dashboard', response: json } }, dashboard);
  app.get('/api/regions/:region/dashboard.csv', { ...byRegion, schema: { ...byRegion.schema, summary: 'Dasbor sebagai CSV / Dashboard as CSV', response: csv } },
    async (request, reply) => sendCsv(request, reply, await dashboard(request)));

  const regions = ({ region, actor, query }: { region: Region | null; actor: Actor; query: z.infer<typeof periodQuery> }) =>
    staleRead(ctx, (c) => provinceRollup(c, region!, actor, periodOf(ctx, region!, query)));
  app.get('/api/regions/:region/dashboard/regions', { ...rollup, schema: { ...rollup.schema, summary: 'Rekap provinsi per kabupaten/kota / Province roll-up by regency/city', response: { ...json, ...failures('dashboard.period_invalid', 'dashboard.not_province') } } }, regions);
  app.get('/api/regions/:region/dashboard/regions.csv', { ...rollup, schema: { ...rollup.schema, summary: 'Rekap provinsi sebagai CSV / Province roll-up as CSV', response: { ...csv, ...failures('dashboard.period_invalid', 'dashboard.not_province') } } },
    async (request, reply) => sendCsv(request, reply, await regions(request)));

  app.get('/api/regions/:region/statistics', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Statistik publik pengaduan / Public complaint statistics', params: regionParam,
      querystring: z.object({ year: z.string().regex(/^\d{4}$/, 'YYYY').optional() }),
      response: { 200: answers.publicStatistics, ...failures('statistics.not_public') },
    },
  }, async (request, reply) => {
    const year = request.query.year ? Number(request.query.year) : currentYear(ctx, request.region!);
    const statistics = await staleRead(ctx, (c) => publicStatistics(c, request.region!, year));
    reply.header('cache-control', 'public, max-age=300');
    return statistics;
  });
};
