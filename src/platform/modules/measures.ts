// The figures modules measure (their `measures`), found by "module.key" for
// another module to take as its own record, through the registry: e-SAKIP
// reads the SPBE index or the share of complaints answered on time without
// importing either module.
import type { AppContext } from '../context.js';
import type { MeasurePeriod, ModuleMeasure } from './contract.js';
import { modules } from './registry.js';

export interface NamedMeasure { ref: string; module: string; measure: ModuleMeasure }

/** Every installed module's measures, as "module.key", in registry order. */
export function listMeasures(): NamedMeasure[] {
  return modules().flatMap((m) => (m.measures ?? []).map((measure) => ({ ref: `${m.name}.${measure.key}`, module: m.name, measure })));
}

export const findMeasure = (ref: string): NamedMeasure | undefined => listMeasures().find((m) => m.ref === ref);

export async function readMeasure(ctx: AppContext, measure: ModuleMeasure, regionCode: string, period: MeasurePeriod): Promise<string | null> {
  return measure.periods.includes(period.kind) ? measure.read(ctx, regionCode, period) : null;
}
