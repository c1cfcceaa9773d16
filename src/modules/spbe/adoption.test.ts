// Units' digital adoption, SPBE's part: of the indicators of a year's
// evaluation assigned to a unit, those whose answer has a level and at least
// one evidence file, on the leader's ranking. Records are written for a year
// the demo has no evaluation of, so the counts are exact.
import { beforeAll, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { describeWithApp } from '../../../test/harness.js';
import { units } from '../../platform/schema.js';
import { spbeAnswers, spbeEvaluations, spbeEvidence } from './schema.js';
import { spbeAdoption } from './service/adoption.js';

const REF = 'spbe.indicators-with-evidence';
const year = (y: number) => ({ kind: 'year' as const, year: y, fromMonth: `${y}-01`, toMonth: `${y}-12` });

describeWithApp('SPBE: indicators filled with evidence, on the units\' adoption ranking', (h) => {
  const unit: string[] = [];

  beforeAll(async () => {
    const db = h.ctx.database.db;
    unit.push(...(await db.select({ id: units.id }).from(units).where(eq(units.regionCode, '32.11')).orderBy(asc(units.code)).limit(3)).map((u) => u.id));
    const now = h.clock.now();
    // An evaluation of 2019 (units filling), one of 2018 still a draft, and another region's of 2019 assigned to the same unit ids.
    const evaluation = async (regionCode: string, y: number, stage: string, answers: { code: string; unit: string | null; level: number | null; files: number }[]) => {
      const [ev] = await db.insert(spbeEvaluations).values({ regionCode, year: y, versionId: crypto.randomUUID(), stage, openedAt: now, updatedAt: now }).returning();
      await db.insert(spbeAnswers).values(answers.map((a) => ({
        regionCode, evaluationId: ev.id, indicatorCode: a.code, unitId: a.unit, status: a.unit ? 'pending' : 'unassigned', selfLevel: a.level, updatedAt: now,
      })));
      const files = answers.flatMap((a) => Array.from({ length: a.files }, (_, k) => ({
        regionCode, evaluationId: ev.id, indicatorCode: a.code, fileName: `bukti-${a.code}-${k}.pdf`, contentType: 'application/pdf', bytes: 4, data: Buffer.from('%PDF'), uploadedAt: now,
      })));
      if (files.length) await db.insert(spbeEvidence).values(files);
    };
    await evaluation('32.11', 2019, 'self_assessment', [
      { code: '1', unit: unit[0], level: 3, files: 2 }, // done
      { code: '2', unit: unit[0], level: null, files: 1 }, // evidence, no level yet
      { code: '3', unit: unit[0], level: 2, files: 0 }, // a level, no evidence
      { code: '4', unit: unit[1], level: 4, files: 1 },
      { code: '5', unit: unit[1], level: 1, files: 1 },
      { code: '6', unit: null, level: null, files: 1 }, // not assigned to any unit
    ]);
    await evaluation('32.11', 2018, 'draft', [{ code: '1', unit: unit[2], level: null, files: 0 }]);
    await evaluation('32.04', 2019, 'self_assessment', [
      { code: '1', unit: unit[0], level: 3, files: 1 },
      { code: '2', unit: unit[1], level: null, files: 0 },
      { code: '3', unit: unit[2], level: 3, files: 1 },
    ]);
  });

  it('counts each unit\'s assigned indicators and those answered with a level and evidence, only the region\'s own, and no draft', async () => {
    const [measure] = spbeAdoption;
    const byUnit = (rows: { unitId: string }[]) => [...rows].sort((a, b) => unit.indexOf(a.unitId) - unit.indexOf(b.unitId));
    expect(byUnit(await measure.read(h.ctx, '32.11', year(2019)))).toEqual([
      { unitId: unit[0], done: 1, total: 3 },
      { unitId: unit[1], done: 2, total: 2 },
    ]);
    // A quarter reads its year's evaluation.
    expect(await measure.read(h.ctx, '32.11', { kind: 'quarter', year: 2019, fromMonth: '2019-04', toMonth: '2019-06' })).toHaveLength(2);
    // A draft evaluation: units cannot fill yet, nothing counts.
    expect(await measure.read(h.ctx, '32.11', year(2018))).toEqual([]);

    const head = await h.signIn('bupati@sumedang.demo');
    const page = (await h.api('GET', '/api/regions/32.11/pimpinan/adopsi?year=2019', { session: head })).body as any;
    expect(page.measures.find((m: any) => m.ref === REF)).toMatchObject({ title: { id: expect.any(String) }, method: { id: expect.stringContaining('bukti dukung') } });
    const row = (id: string) => page.units.find((u: any) => u.unitId === id);
    expect(row(unit[0]).measures[REF]).toEqual({ done: 1, total: 3, percent: 33.3 });
    expect(row(unit[1]).measures[REF]).toEqual({ done: 2, total: 2, percent: 100 });
    // The third unit's only work is in a draft and in another region's evaluation.
    expect(row(unit[2]).measures[REF]).toBeUndefined();
  });
});
