// A region's e-SAKIP settings: how efficiency is judged and the traffic-light
// bands achievement is shown in (domain/efficiency.ts), when units' reports
// are due and who is told while they are not in (domain/reporting.ts), and
// how often sourced indicators take their realisations again
// (service/source-sync.ts), each with a default.
import { z } from 'zod';
import { efficiencySettings } from './domain/efficiency.js';
import { reportingSettings } from './domain/reporting.js';

export const sakipSettings = efficiencySettings.extend({
  reporting: reportingSettings.prefault({}),
  /** Hours between two automatic syncs of a sourced indicator's open periods. */
  sourceSyncHours: z.number().int().min(1).max(24 * 7).default(6),
});
export type SakipSettings = z.infer<typeof sakipSettings>;

declare module '../../platform/regions/settings.js' {
  interface ModuleSettings {
    sakip: SakipSettings;
  }
}
