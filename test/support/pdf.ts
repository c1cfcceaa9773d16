// Reading back the text a PDF made by Pamong (pdfkit, embedded fonts) shows:
// shared by the tests of every module that renders PDFs.
import { inflateSync } from 'node:zlib';

/**
 * The text runs of a PDF as pdfkit writes them with an embedded font: each
 * TJ's glyph ids (hex, four digits per glyph) read back through the ToUnicode
 * map of the font in use, a wide gap in justified text read as a space. A
 * character the font has no glyph for is drawn as glyph 0, which maps to
 * U+0000, so it never reads back as itself.
 */
export function pdfRuns(data: Buffer): string[] {
  const raw = data.toString('latin1');
  const object = (n: string) => raw.slice(raw.indexOf(`\n${n} 0 obj`), raw.indexOf('endobj', raw.indexOf(`\n${n} 0 obj`)));
  const streams = new Map<string, string>();
  for (const m of raw.matchAll(/\n(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const length = Number(/\/Length (\d+)/.exec(m[2])![1]);
    streams.set(m[1], inflateSync(data.subarray(start, start + length)).toString('latin1'));
  }
  // Each font resource (/F2 …) → glyph id → text, from its ToUnicode CMap (bfrange lines: <first> <last> [<utf-16> …]).
  const fonts = new Map<string, Map<number, string>>();
  for (const [, name, n] of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const glyphs = new Map<number, string>();
    const cmap = streams.get(/\/ToUnicode (\d+) 0 R/.exec(object(n))?.[1] ?? '') ?? '';
    for (const [, first, list] of cmap.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[(.*?)\]/g)) {
      [...list.matchAll(/<([0-9a-f ]*)>/g)].forEach(([, units], i) => glyphs.set(parseInt(first, 16) + i, String.fromCharCode(...units.split(' ').map((u) => parseInt(u, 16)))));
    }
    fonts.set(name, glyphs);
  }
  const runs: string[] = [];
  for (const content of streams.values()) {
    let font = new Map<number, string>();
    for (const [, name, items] of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ/g)) {
      if (name) {
        font = fonts.get(name)!;
        continue;
      }
      runs.push(items.replace(/<([0-9a-f]*)>|(-?[\d.]+)|\s+/g, (_, hex?: string, gap?: string) => (hex !== undefined
        ? (hex.match(/.{4}/g) ?? []).map((id) => font.get(parseInt(id, 16)) ?? '\uFFFD').join('')
        : Number(gap) < -200 ? ' ' : '')).trim());
    }
  }
  return runs;
}
