// A region's leader's-dashboard settings: how old its figures may grow before
// the sweep reads them again (service/figures.ts: the head of region's page,
// the province's page and the public version draw from them),
// which figures it publishes (service/public.ts: the public page and open data)
// and whom its open data names as the contact (service/dcat.ts).
import { z } from 'zod';
import { listTiles, tileRef } from '../../platform/modules/tiles.js';

/** A tile's ref, module.key. */
export const PUBLISHED_REF = /^[a-z][a-z0-9_]*\.[a-z0-9][a-z0-9_-]*$/;

/**
 * What is stored and read. A published ref is checked only for its form here: a
 * ref whose module was removed since stays readable and is left out of the
 * public version (service/public.ts publishedTiles).
 */
export const pimpinanSettings = z.object({
  /** Minutes between two readings of the region's figures. */
  figuresMinutes: z.number().int().min(5).max(24 * 60).default(15),
  /** Figures (module.key) anyone may read on the public page and as open data; none until the region chooses (PUT …/pimpinan/publik/pilihan, or the settings). */
  published: z.array(z.string().regex(PUBLISHED_REF).max(120)).max(200).default([]),
  /** The address the open-data catalogue names as its contact point (dcat:contactPoint); none by default. */
  openDataEmail: z.email().max(200).nullable().default(null),
});
export type PimpinanSettings = z.infer<typeof pimpinanSettings>;

/** The refs no installed module offers as a figure, each once. */
export function unknownRefs(refs: string[]): string[] {
  const known = new Set(listTiles().map(tileRef));
  return [...new Set(refs.filter((r) => !known.has(r)))];
}

/**
 * What a region admin may save (PUT …/settings): also every published ref must
 * be a figure some installed module offers now, or the save is refused with
 * `pimpinan.unknown_tile` naming the refs (as PUT …/pimpinan/publik/pilihan does).
 */
export const pimpinanSettingsChange = pimpinanSettings.superRefine((s, issues) => {
  const refs = unknownRefs(s.published);
  if (refs.length) {
    issues.addIssue({
      code: 'custom', path: ['published'], message: `Not a figure of the leader's page: ${refs.join(', ')}`,
      params: { code: 'pimpinan.unknown_tile', details: { refs } },
    });
  }
});

declare module '../../platform/regions/settings.js' {
  interface ModuleSettings {
    pimpinan: PimpinanSettings;
  }
}
