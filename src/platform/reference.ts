// Reference data the product ships in the repository's reference/ folder
// (see reference/README.md for each file's source). A missing file is a
// broken installation: Pamong refuses to start rather than run half-empty.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const referenceDir = fileURLToPath(new URL('../../reference/', import.meta.url));

export class MissingReferenceData extends Error {
  constructor(readonly path: string) {
    super(`Berkas data rujukan tidak ditemukan: ${path}. Pamong tidak dapat berjalan tanpanya; ambil ulang repositori lengkap.\n` +
      `Reference data file missing: ${path}. Pamong cannot run without it; check out the complete repository again.`);
    this.name = 'MissingReferenceData';
  }
}

/** Reads a JSON file from reference/; throws MissingReferenceData when it is not there. */
export function readReference<T>(relativePath: string): T {
  const path = referenceDir + relativePath;
  if (!existsSync(path)) throw new MissingReferenceData(path);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
