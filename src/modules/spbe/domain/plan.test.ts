import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec, round2 } from '../../../platform/decimal.js';
import { fewestSteps, type PlanIndicator } from './plan.js';

const TOP = 5;
const published = (inds: { weight: number; level: number }[]) => round2(inds.reduce((s, i) => s.plus(new Dec(i.weight).times(i.level)), new Dec(0)).div(100));

/** Every combination of raised levels; the fewest total steps whose published index reaches the target. */
function bruteForce(inds: PlanIndicator[], target: number, maxRise = Infinity): number | null {
  let best: number | null = null;
  const walk = (k: number, levels: number[]) => {
    if (k === inds.length) {
      if (published(inds.map((ind, i) => ({ weight: ind.weight, level: levels[i] }))).gte(target)) {
        const steps = levels.reduce((s, l, i) => s + l - inds[i].level, 0);
        if (best === null || steps < best) best = steps;
      }
      return;
    }
    const top = inds[k].outOfReach ? inds[k].level : Math.min(TOP, inds[k].level + maxRise);
    for (let l = inds[k].level; l <= top; l++) walk(k + 1, [...levels, l]);
  };
  walk(0, []);
  return best;
}

describe('fewest-steps plan', () => {
  it('raises the heaviest indicators first and stops at the target', () => {
    const inds: PlanIndicator[] = [
      { code: 'a', weight: 20, level: 2, outOfReach: false },
      { code: 'b', weight: 50, level: 3, outOfReach: false },
      { code: 'c', weight: 30, level: 3, outOfReach: false },
    ];
    // Current 2.80; the target needs +0.695 (3.495 publishes as 3.50): one step gives at most +0.5, two steps on b give +1.0.
    const plan = fewestSteps(inds, 3.5, TOP);
    expect(plan).toMatchObject({ currentIndex: 2.8, gap: 0.7, reachable: true, stepCount: 2, projectedIndex: 3.8, maxIndex: 5 });
    expect(plan.steps).toEqual([{ code: 'b', from: 3, to: 5, gain: 1, indexAfter: 3.8 }]);
  });

  it('counts a target reached when the published (rounded) index reaches it', () => {
    // 3.495 publishes as 3.50.
    const inds: PlanIndicator[] = [
      { code: 'a', weight: 50, level: 3, outOfReach: false }, { code: 'b', weight: 49.5, level: 4, outOfReach: false }, { code: 'c', weight: 0.5, level: 3, outOfReach: false },
    ];
    const plan = fewestSteps(inds, 3.5, TOP);
    expect(plan.currentIndex).toBe(3.5);
    expect(plan.stepCount).toBe(0);
    expect(plan.gap).toBe(0);
  });

  it('skips indicators marked out of reach and says when the target cannot be reached', () => {
    const inds: PlanIndicator[] = [
      { code: 'a', weight: 60, level: 2, outOfReach: true },
      { code: 'b', weight: 40, level: 2, outOfReach: false },
    ];
    const ok = fewestSteps(inds, 2.8, TOP);
    expect(ok.steps).toEqual([{ code: 'b', from: 2, to: 4, gain: 0.8, indexAfter: 2.8 }]);
    const no = fewestSteps(inds, 3.5, TOP);
    expect(no).toMatchObject({ reachable: false, steps: [], stepCount: 0, maxIndex: 3.2 });
  });

  it('raises no indicator by more levels than the cap, and says when the cap keeps the target out of reach', () => {
    // Six heavy indicators at level 2: without a cap the plan takes them straight to 5.
    const inds: PlanIndicator[] = [
      ...Array.from({ length: 6 }, (_, i) => ({ code: `h${i}`, weight: 10, level: 2, outOfReach: false })),
      ...Array.from({ length: 8 }, (_, i) => ({ code: `l${i}`, weight: 5, level: 2, outOfReach: false })),
    ];
    expect(fewestSteps(inds, 3, TOP).steps.slice(0, 3).map((s) => [s.from, s.to])).toEqual([[2, 5], [2, 5], [2, 5]]);
    const capped = fewestSteps(inds, 2.9, TOP, 1);
    expect(capped).toMatchObject({ reachable: true, stepCount: 12, projectedIndex: 2.9, maxIndex: 3, maxIndexWithoutCap: 5 });
    expect(capped.steps.every((s) => s.to === s.from + 1)).toBe(true);
    const out = fewestSteps(inds, 3.5, TOP, 1);
    expect(out).toMatchObject({ reachable: false, steps: [], maxIndex: 3, maxIndexWithoutCap: 5 });
    expect(fewestSteps(inds, 3.5, TOP, 2)).toMatchObject({ reachable: true, maxIndex: 4 });
  });

  it('needs exactly as many steps as a brute-force search, on random small cases', () => {
    const indicator = fc.record({
      weight: fc.integer({ min: 1, max: 4000 }).map((h) => h / 100),
      level: fc.integer({ min: 1, max: TOP }),
      outOfReach: fc.integer({ min: 0, max: 3 }).map((x) => x === 0),
    });
    const cap = fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: 3 }));
    fc.assert(fc.property(fc.array(indicator, { minLength: 1, maxLength: 4 }), fc.integer({ min: 100, max: 500 }), cap, (raw, t, maxRise) => {
      // Scale weights so they sum to exactly 100 (the last one takes the rest).
      const total = raw.reduce((s, r) => s.plus(r.weight), new Dec(0));
      const weights = raw.map((r) => new Dec(r.weight).times(100).div(total).toDecimalPlaces(2, Dec.ROUND_DOWN));
      weights[weights.length - 1] = new Dec(100).minus(weights.slice(0, -1).reduce((s, w) => s.plus(w), new Dec(0)));
      const inds = raw.map((r, i) => ({ code: `i${i}`, weight: weights[i].toNumber(), level: r.level, outOfReach: r.outOfReach }));
      const target = t / 100;
      const plan = fewestSteps(inds, target, TOP, maxRise);
      const best = bruteForce(inds, target, maxRise);
      expect(plan.reachable).toBe(best !== null);
      if (best === null) return;
      expect(plan.stepCount).toBe(best);
      const after = inds.map((ind) => ({ weight: ind.weight, level: plan.steps.find((s) => s.code === ind.code)?.to ?? ind.level }));
      expect(published(after).gte(target)).toBe(true);
      expect(plan.projectedIndex).toBe(published(after).toNumber());
      expect(plan.steps.every((s) => !inds.find((i) => i.code === s.code)!.outOfReach && s.to <= TOP && s.to - s.from <= maxRise)).toBe(true);
    }), { numRuns: 600, seed: 20260601 });
  });
});
