// A region's e-SAKIP settings: how efficiency is judged and the traffic-light
// bands achievement is shown in (domain/efficiency.ts), and when units'
// reports are due and who is told while they are not in
// (domain/reporting.ts), each with a default.
import type { z } from 'zod';
import { efficiencySettings } from './domain/efficiency.js';
import { reportingSettings } from './domain/reporting.js';

export const sakipSettings = efficiencySettings.extend({ reporting: reportingSettings.prefault({}) });
export type SakipSettings = z.infer<typeof sakipSettings>;

declare module '../../platform/regions/settings.js' {
  interface ModuleSettings {
    sakip: SakipSettings;
  }
}
