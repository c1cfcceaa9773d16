// A region's leader's-dashboard settings: how old its figures may grow before
// the sweep reads them again (service/figures.ts: the head of region's page,
// the province's page and the public version draw from them),
// and which figures it publishes (service/public.ts: the public page and open data).
import { z } from 'zod';

/** A tile's ref, module.key; whether such a tile exists is checked where the list is changed (service/public.ts). */
export const PUBLISHED_REF = /^[a-z][a-z0-9_]*\.[a-z0-9][a-z0-9_-]*$/;

export const pimpinanSettings = z.object({
  /** Minutes between two readings of the region's figures. */
  figuresMinutes: z.number().int().min(5).max(24 * 60).default(15),
  /** Figures (module.key) anyone may read on the public page and as open data; none until the region chooses. Changed through PUT …/pimpinan/publik/pilihan, which checks them against the tiles. */
  published: z.array(z.string().regex(PUBLISHED_REF).max(120)).max(200).default([]),
});
export type PimpinanSettings = z.infer<typeof pimpinanSettings>;

declare module '../../platform/regions/settings.js' {
  interface ModuleSettings {
    pimpinan: PimpinanSettings;
  }
}
