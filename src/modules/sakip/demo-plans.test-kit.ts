// The demo region's plans read through the API, for the budget and overview
// tests: each plan's id, its nodes by code (or title) and its indicators by
// name, keyed by the plan's unit code ('RPJMD' for the region's).
import type { Harness, Session } from '../../../test/harness.js';

export interface DemoPlans {
  plans: Record<string, string>;
  nodes: Record<string, Record<string, string>>;
  indicators: Record<string, Record<string, string>>;
}

export async function readDemoPlans(h: Harness, session: Session, into: DemoPlans): Promise<void> {
  for (const p of (await h.api('GET', '/api/regions/32.11/sakip/plans', { session })).body) {
    const key = p.unit?.code ?? 'RPJMD';
    into.plans[key] = p.id;
    const rows = (await h.api('GET', `/api/regions/32.11/sakip/plans/${p.id}/table?year=2025`, { session })).body.rows;
    into.nodes[key] = Object.fromEntries(rows.map((r: any) => [r.node.code ?? r.node.title, r.node.id]));
    into.indicators[key] = Object.fromEntries(rows.filter((r: any) => r.indicator).map((r: any) => [r.indicator.name, r.indicator.id]));
  }
}
