// The showcase simulation is deterministic and never writes the future.
import { describe, expect, it } from 'vitest';
import { planComplaints, type PlanInput } from './showcase-plan.js';
import { seededRng } from './random.js';
import { DEFAULT_SLA } from '../modules/complaints/domain/sla.js';

const now = new Date('2026-11-02T02:00:00Z');
const input = (seed: number): PlanInput => ({
  regionCode: '32.11', now, calendar: { utcOffsetMinutes: 420, holidays: new Set(['2026-08-17', '2026-03-20']) }, rules: () => DEFAULT_SLA,
  settings: { reopenWindowDays: 14, escalation: [{ role: 'unit_head', afterHours: 0 }, { role: 'head_of_region', afterHours: 24 }] },
  categories: [
    { id: 'c1', code: 'jalan-rusak', nameId: 'Jalan rusak', unitId: 'u1', unitName: 'Dinas PUPR', questions: [] },
    { id: 'c2', code: 'sampah', nameId: 'Sampah', unitId: 'u2', unitName: 'DLH', questions: [] },
  ],
  districts: [{ code: '32.11.01', name: 'Wado', villages: [{ code: '32.11.01.2001', name: 'Cimungkal', kind: 'desa' }] }],
  pace: { perMonth: 40, responseHours: 10, lateResponse: 0.1, resolutionSpeed: 1, stuck: 0.1 },
  coordinator: { userId: null, label: 'Koordinator' }, counter: { userId: null, label: 'Loket' }, officer: () => ({ userId: null, label: 'Petugas' }),
  taken: new Set(), rng: seededRng(seed),
});

describe('showcase plan', () => {
  it('gives the same year for the same seed, and another for another seed', () => {
    const a = planComplaints(input(7));
    expect(planComplaints(input(7))).toEqual(a);
    expect(planComplaints(input(8)).map((p) => p.row.trackingCode)).not.toEqual(a.map((p) => p.row.trackingCode));
  });

  it('spreads complaints over the past year and stops every life at now', () => {
    const plan = planComplaints(input(7));
    const months = new Set(plan.map((p) => p.row.submittedAt!.toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
    for (const p of plan) {
      for (const e of p.events) expect(e.at <= now).toBe(true);
      for (const d of p.deadlines) if (d.nextCheckAt) expect(d.nextCheckAt > now).toBe(true); // nothing left for the sweep
    }
    expect(plan.some((p) => p.row.escalatedOpen)).toBe(true);
    expect(plan.some((p) => p.row.status === 'closed' && p.row.rating)).toBe(true);
  });
});
