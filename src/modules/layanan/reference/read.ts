// The public-services reference data ships inside the module (this folder,
// sources in SOURCES.md), so the product never reads the shared data pack at
// run time. A missing file is a broken installation, reported as the platform
// reports its own reference data.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { MissingReferenceData } from '../../../platform/reference.js';

export const STANDARD_FILE = 'standar-pelayanan-permenpanrb-15-2014.json';
export const SKM_FILE = 'skm-permenpanrb-14-2017.json';

/** This folder's JSON file, parsed as it is. */
function readHere(file: string): unknown {
  const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
  if (!existsSync(path)) throw new MissingReferenceData(path);
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

const standardReference = z.object({
  regulation: z.string(),
  komponen: z.array(z.object({ no: z.number().int(), kelompok: z.enum(['penyampaian_pelayanan', 'pengelolaan_pelayanan']), nama: z.string() })).length(14),
  maklumat_contoh: z.string().min(1),
});
export type StandardReference = z.infer<typeof standardReference>;

let loaded: StandardReference | undefined;

/** The 14 components' Indonesian names and groups and the usual text of a service pledge (read once). */
export function standardReferenceData(): StandardReference {
  loaded ??= standardReference.parse(readHere(STANDARD_FILE));
  return loaded;
}

/** The SKM file as it is (unparsed: domain/skm.ts turns it into an instrument and checks it). */
export function readSkmReference(file: string): unknown {
  return readHere(file);
}
