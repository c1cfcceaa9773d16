// The figures' snapshot the province's page reads: the sweep reads every tile
// of every enabled region as Pamong, keeps the latest reading and the last one
// of each local month, reads a region again only once its interval has passed,
// never lets two workers read the same region, and keeps a failed tile's old
// reading rather than losing it.
import { expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { describeWithApp } from '../../../test/harness.js';
import { listTiles } from '../../platform/modules/tiles.js';
import { sweepFigures } from './service/figures.js';
import { pimpinanFigures } from './schema.js';

describeWithApp('leader\'s figures snapshot', (h) => {
  const sweepAll = async () => {
    let total = 0;
    for (let n = await sweepFigures(h.ctx); n > 0; n = await sweepFigures(h.ctx)) total += n;
    return total;
  };
  const f = pimpinanFigures;
  const figures = (region: string) => h.ctx.database.db.select({ ref: sql<string>`${f.module} || '.' || ${f.key}`, value: f.value, takenAt: f.takenAt, asOf: f.asOf })
    .from(f).where(eq(f.regionCode, region)).orderBy(asc(sql`1`));
  const figure = async (region: string, ref: string) => (await figures(region)).find((f) => f.ref === ref)!;
  const months = (region: string) => h.ctx.database.rows<{ ref: string; month: string; value: string | null }>(
    sql`select module || '.' || key as ref, month, value::text from pimpinan_figure_months where region_code = ${region} order by ref, month`);
  const refs = listTiles().map((t) => `${t.module}.${t.tile.key}`).sort();

  it('keeps every tile of every enabled region after a sweep, as the head of region reads it live', async () => {
    expect(await figures('32.11')).toEqual([]);
    expect(await sweepAll()).toBe(2); // Jawa Barat and Sumedang
    for (const region of ['32', '32.11']) expect((await figures(region)).map((f) => f.ref)).toEqual(refs);
    const head = await h.signIn('bupati@sumedang.demo');
    const kept = new Map((await figures('32.11')).map((f) => [f.ref, f.value]));
    for (const ref of refs) {
      const live = (await h.api('GET', `/api/regions/32.11/pimpinan/tiles/${ref}`, { session: head })).body as any;
      expect({ ref, value: kept.get(ref) === null ? null : Number(kept.get(ref)) }).toEqual({ ref, value: live.value });
    }
    expect((await months('32.11')).map((m) => `${m.ref} ${m.month}`)).toEqual(refs.map((r) => `${r} 2026-11`));
  });

  it('reads a region again only after its interval, and then the figures move with the records', async () => {
    const before = await figure('32.11', 'complaints.received-this-month');
    const categories = (await h.api('GET', '/api/regions/32.11/categories')).body as any[];
    const filed = await h.api('POST', '/api/regions/32.11/complaints', { body: { categoryId: categories.find((c) => c.code === 'sampah').id, description: 'Sampah menumpuk di Jalan Kutamaya dekat terminal' } });
    expect(filed.body).toMatchObject({ trackingCode: expect.any(String) });

    h.clock.advance(10 * 60_000);
    expect(await sweepAll()).toBe(0);
    expect((await figure('32.11', 'complaints.received-this-month')).value).toBe(before.value);

    h.clock.advance(6 * 60_000); // past the default 15 minutes
    expect(await sweepAll()).toBe(2);
    const after = await figure('32.11', 'complaints.received-this-month');
    expect(Number(after.value)).toBe(Number(before.value) + 1);
    expect(after.takenAt.getTime()).toBe(h.clock.now().getTime());
    // Still November: one month row per tile, holding the latest reading.
    const november = (await months('32.11')).filter((m) => m.ref === 'complaints.received-this-month');
    expect(november).toEqual([{ ref: 'complaints.received-this-month', month: '2026-11', value: after.value }]);
  });

  it('keeps one row per local month, the last reading taken in it', async () => {
    h.clock.advance(29 * 24 * 3_600_000); // 1 December 2026, about 10:00 WIB
    expect(await sweepAll()).toBe(2);
    const rows = await months('32.11');
    expect(rows.map((m) => `${m.ref} ${m.month}`)).toEqual(refs.flatMap((r) => [`${r} 2026-11`, `${r} 2026-12`]));
    // A new month: nothing received in December yet, November's figure stays as last read.
    const received = rows.filter((m) => m.ref === 'complaints.received-this-month');
    expect(Number(received[0].value)).toBeGreaterThan(0);
    expect(received[1].value).toBe('0');
  });

  it('never lets two workers read the same region, and keeps a failed tile\'s old reading', async () => {
    const failing = listTiles().find((t) => t.module === 'spbe')!.tile;
    const read = failing.read;
    failing.read = async () => { throw new Error('sumber tidak terjangkau (uji)'); };
    try {
      const old = await figure('32.11', `spbe.${failing.key}`);
      h.clock.advance(2 * 3_600_000);
      const [a, b] = await Promise.all([sweepFigures(h.ctx), sweepFigures(h.ctx)]);
      expect(a + b).toBe(2);
      expect(await sweepAll()).toBe(0);
      const now = h.clock.now().getTime();
      for (const f of await figures('32.11')) {
        expect({ ref: f.ref, taken: f.takenAt.getTime() }).toEqual({ ref: f.ref, taken: f.ref === old.ref ? old.takenAt.getTime() : now });
      }
      expect((await figure('32.11', old.ref)).asOf).toEqual(old.asOf);
    } finally {
      failing.read = read;
    }
  });
});
