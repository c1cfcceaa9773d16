// What the dashboard and the public statistics answer (route `schema.response`).
// The public statistics name aggregated figures only.
import { z } from 'zod';
import { words } from '../../../platform/http/responses.js';
import { dimensions } from '../domain/dashboard.js';

/** A time known to its histogram bucket (times.ts): never a made-up exact figure. */
const timeEstimate = z.object({
  fromMinutes: z.number(), toMinutes: z.number().nullable().describe('Null untuk kelompok terakhir yang terbuka / null for the open-ended last bucket'), minutes: z.number(),
}).nullable().meta({ id: 'TimeEstimate' });

export const metricsSchema = z.object({
  received: z.number().int(), responded: z.number().int(), respondedInTime: z.number().int(), responseCompliancePct: z.number().nullable(),
  resolved: z.number().int(), resolvedInTime: z.number().int(), resolutionCompliancePct: z.number().nullable(),
  responseTimeMedian: timeEstimate, responseTimeP90: timeEstimate, resolutionTimeMedian: timeEstimate, resolutionTimeP90: timeEstimate,
  rejected: z.number().int(), merged: z.number().int(), transferred: z.number().int(),
  backlog: z.number().int().describe('Masih terbuka / still open'), overdue: z.number().int().describe('Terbuka dan lewat batas waktu / open and past a deadline'),
}).meta({ id: 'Metrics' });

export const report = z.object({
  period: z.object({ from: z.string(), to: z.string(), timezone: z.string() }),
  by: z.enum([...dimensions, 'region']),
  totals: metricsSchema,
  rows: z.array(metricsSchema.extend({
    key: z.string().nullable().describe('Id unit/kategori, kode kecamatan, YYYY-MM atau kode daerah; null untuk "tanpa unit/kecamatan" / null for "no unit" or "no district"'),
    label: words,
  })),
}).meta({ id: 'DashboardReport' });

const shown = z.object({
  received: z.number().int(), resolved: z.number().int(), responseCompliancePct: z.number().nullable(), resolutionCompliancePct: z.number().nullable(),
  responseTimeMedian: timeEstimate, resolutionTimeMedian: timeEstimate,
});

export const publicStatistics = z.object({
  region: z.object({ code: z.string(), name: z.string() }), year: z.number().int(), timezone: z.string(),
  totals: shown,
  byCategory: z.array(shown.extend({ key: z.string().nullable(), label: words })),
  byMonth: z.array(shown.extend({ key: z.string().nullable(), label: words })),
}).meta({ id: 'PublicStatistics' });
