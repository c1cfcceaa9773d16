// A region's e-SAKIP settings: how efficiency is judged and the traffic-light
// bands achievement is shown in (domain/efficiency.ts), each with a default.
import { efficiencySettings, type EfficiencySettings } from './domain/efficiency.js';

export const sakipSettings = efficiencySettings;
export type SakipSettings = EfficiencySettings;

declare module '../../platform/regions/settings.js' {
  interface ModuleSettings {
    sakip: SakipSettings;
  }
}
