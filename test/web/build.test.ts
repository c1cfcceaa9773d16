import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { builtFingerprint, sourceFingerprint } from '../../web/build.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

describe('npm start builds the web app only when its sources changed', () => {
  const copy = mkdtempSync(join(tmpdir(), 'pamong-web-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('the build that npm test just ran is recorded, so the next start skips it', () => {
    expect(builtFingerprint()).toBe(sourceFingerprint());
  });

  it('the fingerprint is stable and changes when a source file changes', () => {
    cpSync(join(repo, 'web/src'), join(copy, 'web/src'), { recursive: true });
    cpSync(join(repo, 'web/index.html'), join(copy, 'web/index.html'));
    cpSync(join(repo, 'package-lock.json'), join(copy, 'package-lock.json'));
    const before = sourceFingerprint(copy);
    expect(sourceFingerprint(copy)).toBe(before);
    writeFileSync(join(copy, 'web/src/styles.css'), '\n/* changed */', { flag: 'a' });
    expect(sourceFingerprint(copy)).not.toBe(before);
  });
});
