// The kabupaten/kota outlines of the platform's areas, drawn by the leader's
// province page and the Living Lab's adoption map
// (reference/kabkota-peta.json, built by scripts/pimpinan-map.ts from
// geoBoundaries; reference/SOURCES.md): every kabupaten/kota of the area
// registry Pamong loads has one, under its own province, as a short SVG path,
// and the file stays small enough to ship; a province's outlines come with
// the attribution the licence asks for.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kabKotaOutlines, regencyOutlines } from './outlines.js';

const require = createRequire(import.meta.url);
const registry = readFileSync(join(dirname(require.resolve('idn-area-data/package.json')), 'data', 'regencies.csv'), 'utf8')
  .split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(','));

describe('Kabupaten/kota outlines (reference/kabkota-peta.json)', () => {
  it('draws every kabupaten/kota of the area registry under its province, in under 400 KB', () => {
    expect(registry.length).toBeGreaterThan(500);
    for (const [code, province, name] of registry) {
      const p = kabKotaOutlines.provinces[province];
      expect(p, `${province} (${name})`).toBeDefined();
      expect(p.areas[code], `${code} ${name}`).toMatch(/^(M\d+ \d+l[-\d ]+z)+$/);
    }
    const drawn = Object.values(kabKotaOutlines.provinces).flatMap((p) => Object.keys(p.areas));
    expect(drawn.sort()).toEqual(registry.map(([code]) => code).sort()); // each once, nothing else
    for (const p of Object.values(kabKotaOutlines.provinces)) expect(p.missing).toEqual([]);
    expect(readFileSync(new URL('./reference/kabkota-peta.json', import.meta.url)).length).toBeLessThan(400_000);
  });

  it('has every Jawa Barat kabupaten/kota, 32.01 to 32.79, inside the province\'s SVG space', () => {
    const jabar = kabKotaOutlines.provinces['32'];
    expect(Object.keys(jabar.areas).sort()).toEqual([...Array.from({ length: 18 }, (_, i) => `32.${String(i + 1).padStart(2, '0')}`), ...Array.from({ length: 9 }, (_, i) => `32.${71 + i}`)]);
    const [, , width, height] = jabar.viewBox.split(' ').map(Number);
    expect(width).toBe(1000);
    for (const [code, d] of Object.entries(jabar.areas)) {
      // Absolute start points lie inside the space; Kota Bogor lies within Kabupaten Bogor's frame, north of Kabupaten Garut.
      for (const m of d.matchAll(/M(\d+) (\d+)/g)) {
        expect(Number(m[1]), code).toBeLessThanOrEqual(width);
        expect(Number(m[2]), code).toBeLessThanOrEqual(height);
      }
    }
    const start = (code: string) => jabar.areas[code].match(/^M(\d+) (\d+)/)!.slice(1).map(Number);
    expect(start('32.71')[1]).toBeLessThan(start('32.05')[1]);
    expect(kabKotaOutlines.attribution.en).toContain('CC BY 3.0 IGO');
  });

  it('gives one province\'s outlines with the attribution, and nothing for a province it does not know', () => {
    const jabar = regencyOutlines('32')!;
    expect(jabar.viewBox).toBe(kabKotaOutlines.provinces['32'].viewBox);
    expect(jabar.areas['32.73']).toBe(kabKotaOutlines.provinces['32'].areas['32.73']);
    expect(jabar.attribution).toEqual({ id: expect.stringContaining('geoBoundaries'), en: expect.stringContaining('CC BY 3.0 IGO') });
    expect(jabar.year).toBe(2020);
    for (const unknown of ['99', '32.73', 'constructor', '']) expect(regencyOutlines(unknown), unknown).toBeNull();
  });
});
