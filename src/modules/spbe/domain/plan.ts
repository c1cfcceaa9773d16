// The gap to a target index and the plan with the fewest level steps reaching it.
//
// A step raises one indicator by one level (up to the top level). Every step
// on indicator i adds exactly w_i/100 to the unrounded index, whatever the
// indicator's current level: the gain of a step does not depend on which
// steps came before. The available steps are therefore a multiset of gains
// (w_i repeated top - l_i times; none for indicators marked out of reach), and
// a plan of k steps gains the sum of the k gains it picks. The largest gain any
// k steps can reach is the sum of the k largest gains, so the fewest steps is
// the smallest k whose k largest gains cover the gap, and taking steps in
// order of decreasing weight (greedy) picks exactly those k. Ties between
// equal weights do not change the count; we prefer the lower current level,
// then the framework's order, so the plan is deterministic.
//
// The target is met when the published (rounded half up) index reaches it:
// round2(x) ≥ T  ⇔  x ≥ T − 0.005, still a threshold on the same linear sum,
// so the argument above holds unchanged.
//
// A region cannot raise an indicator by any number of levels in one year, so
// each indicator may rise at most `maxRise` levels in the plan: indicator i
// offers min(top, l_i + maxRise) − l_i steps instead of top − l_i. That only
// changes how many copies of w_i the multiset holds; gains stay independent
// and the greedy choice stays optimal.
import { Dec, num, round2 } from '../../../platform/decimal.js';

export interface PlanIndicator { code: string; weight: number; level: number; outOfReach: boolean }
/** `indexAfter`: the published index once this step and the ones before it are taken. */
export interface PlanStep { code: string; from: number; to: number; gain: number; indexAfter: number }
export interface Plan {
  currentIndex: number;
  targetIndex: number;
  /** Target minus the current published index; zero or less means already reached. */
  gap: number;
  reachable: boolean;
  /** Grouped by indicator, largest gain first; empty when already reached or unreachable. */
  steps: PlanStep[];
  stepCount: number;
  projectedIndex: number;
  /** The best index possible within the cap: every reachable indicator raised as far as it may. */
  maxIndex: number;
  /** The same without the cap, to tell whether the cap is what keeps the target out of reach. */
  maxIndexWithoutCap: number;
}

const rawIndex = (inds: { weight: number; level: number }[]) => inds.reduce((s, i) => s.plus(new Dec(i.weight).times(i.level)), new Dec(0)).div(100);

/** `maxRise`: how many levels one indicator may rise in the plan (no limit when omitted). */
export function fewestSteps(indicators: PlanIndicator[], targetIndex: number, topLevel: number, maxRise = Infinity): Plan {
  const ceiling = (i: PlanIndicator) => (i.outOfReach ? i.level : Math.max(i.level, Math.min(topLevel, i.level + maxRise)));
  const current = rawIndex(indicators);
  const threshold = new Dec(targetIndex).minus('0.005');
  const order = indicators
    .map((ind, position) => ({ ind, position }))
    .filter(({ ind }) => ind.level < ceiling(ind))
    .sort((a, b) => b.ind.weight - a.ind.weight || a.ind.level - b.ind.level || a.position - b.position);
  const best = rawIndex(indicators.map((i) => ({ weight: i.weight, level: ceiling(i) })));
  const uncapped = rawIndex(indicators.map((i) => ({ weight: i.weight, level: i.outOfReach ? i.level : Math.max(i.level, topLevel) })));
  const base = {
    currentIndex: num(round2(current)), targetIndex, gap: num(new Dec(targetIndex).minus(round2(current))), maxIndex: num(round2(best)), maxIndexWithoutCap: num(round2(uncapped)),
  };
  if (current.gte(threshold)) return { ...base, reachable: true, steps: [], stepCount: 0, projectedIndex: base.currentIndex };
  if (best.lt(threshold)) return { ...base, reachable: false, steps: [], stepCount: 0, projectedIndex: base.currentIndex };

  // Equal gains are consecutive in `order`, so each indicator's steps are taken together.
  const steps: PlanStep[] = [];
  let reached = current;
  for (const { ind } of order) {
    let to = ind.level;
    while (to < ceiling(ind) && reached.lt(threshold)) {
      to++;
      reached = reached.plus(new Dec(ind.weight).div(100));
    }
    if (to > ind.level) steps.push({ code: ind.code, from: ind.level, to, gain: num(new Dec(ind.weight).times(to - ind.level).div(100)), indexAfter: num(round2(reached)) });
    if (reached.gte(threshold)) break;
  }
  return { ...base, reachable: true, steps, stepCount: steps.reduce((s, p) => s + p.to - p.from, 0), projectedIndex: num(round2(reached)) };
}
