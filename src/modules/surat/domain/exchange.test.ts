// The exchange format read strictly: another format or version is named as
// such, refs and file names are unique, and no file name leaves the package.
import { describe, expect, it } from 'vitest';
import { readManifest, refOf, safeName } from './exchange.js';

const letter = { ref: 'srikandi:1', direction: 'incoming', number: '1/2026', date: '2026-10-01', subject: 'Undangan', sender: 'Kemendagri', recipients: [], classification: '000.1.1',
  security: 'biasa', urgency: 'biasa', agenda: null, files: [{ name: 'naskah/1.pdf', kind: 'naskah', sha256: 'a'.repeat(64) }] };
const manifest = (extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'pamong-naskah-dinas', version: 1, exportedAt: '2026-11-02T02:00:00.000Z',
  source: { system: 'SRIKANDI', region: 'X', unit: 'Y' }, period: null, letters: [letter], ...extra });

describe('exchange manifest', () => {
  it('reads a well-formed manifest', () => {
    expect(readManifest(manifest()).manifest?.letters[0].subject).toBe('Undangan');
  });
  it('says which format and version it expects before anything else', () => {
    expect(readManifest(manifest({ format: 'srikandi', letters: 'x' })).problems).toEqual([expect.stringMatching(/format harus "pamong-naskah-dinas" versi 1/)]);
    expect(readManifest(manifest({ version: 2 })).problems[0]).toMatch(/versi 1/);
    expect(readManifest('nope').problems[0]).toMatch(/bukan JSON/);
  });
  it('refuses duplicate refs or file names and names that leave the package', () => {
    expect(readManifest(manifest({ letters: [letter, letter] })).problems.join('\n')).toMatch(/dua kali[\s\S]*dipakai dua kali/);
    for (const name of ['../x.pdf', '/etc/x.pdf', 'a/../../x.pdf', 'C:\\x.pdf']) {
      expect(readManifest(manifest({ letters: [{ ...letter, files: [{ ...letter.files[0], name }] }] })).manifest, name).toBeNull();
    }
  });
  it('names letters and files safely', () => {
    expect(refOf({ id: 'u', regionCode: '32.11', externalRef: null })).toBe('pamong:32.11:u');
    expect(refOf({ id: 'u', regionCode: '32.11', externalRef: 'srikandi:9' })).toBe('srikandi:9');
    expect(safeName('../Surat 1/2026.pdf')).toBe('Surat-1-2026.pdf');
  });
});
