import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MissingReferenceData, readReference } from '../src/platform/reference.js';
import { seededFrameworks } from '../src/modules/spbe/seed.js';

const root = fileURLToPath(new URL('../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx|mjs|json)$/.test(name) ? [path] : [];
  });
}

describe('reference data ships with the repository', () => {
  it('every SPBE framework file the seed needs is inside reference/', () => {
    for (const f of seededFrameworks) {
      const src = readReference<{ regulation: string }>(`spbe/${f.file}`);
      expect(src.regulation).toMatch(/PermenPANRB|Peraturan/);
    }
  });

  it('no product, test or bench file reads outside the repository (a plain clone has nothing beside it)', () => {
    const offenders = ['src', 'test', 'bench', 'web/src'].flatMap((d) => sourceFiles(join(root, d)))
      .filter((f) => /\.\.\/shared\//.test(readFileSync(f, 'utf8')) && !f.endsWith('reference.test.ts'));
    expect(offenders).toEqual([]);
  });

  it('a missing file is refused with its path named in Indonesian and English', () => {
    let error: unknown;
    try {
      readReference('spbe/tidak-ada.json');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(MissingReferenceData);
    expect((error as Error).message).toContain('tidak ditemukan');
    expect((error as Error).message).toContain('Reference data file missing');
    expect((error as Error).message).toContain('spbe/tidak-ada.json');
  });
});
