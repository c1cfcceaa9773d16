// The e-SAKIP reference data ships inside the module (this folder, sources in
// SOURCES.md), so the product never reads the shared data pack at run time
// (the fonts its PDF embeds are the platform's, platform/fonts.ts). A missing file is a broken installation, reported as the platform
// reports its own reference data.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MissingReferenceData } from '../../../platform/reference.js';

export const sakipReferenceFiles = {
  lke: 'sakip-lke-permenpanrb-88-2021.json',
  urusan: 'urusan-permendagri-90-2019.json',
} as const;

/** This folder's file as bytes; throws MissingReferenceData when it is not there. */
function readHere(file: string): Buffer {
  const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
  if (!existsSync(path)) throw new MissingReferenceData(path);
  return readFileSync(path);
}

/** Reads one of this folder's JSON files as it is (unparsed: callers parse it with their schema). */
export function readSakipReference(file: (typeof sakipReferenceFiles)[keyof typeof sakipReferenceFiles]): unknown {
  return JSON.parse(readHere(file).toString('utf8')) as unknown;
}
