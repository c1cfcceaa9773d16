// A region's leader's-dashboard settings: how old its figures may grow before
// the sweep reads them again for the province's page (service/figures.ts).
import { z } from 'zod';

export const pimpinanSettings = z.object({
  /** Minutes between two readings of the region's figures. */
  figuresMinutes: z.number().int().min(5).max(24 * 60).default(60),
});
export type PimpinanSettings = z.infer<typeof pimpinanSettings>;

declare module '../../platform/regions/settings.js' {
  interface ModuleSettings {
    pimpinan: PimpinanSettings;
  }
}
