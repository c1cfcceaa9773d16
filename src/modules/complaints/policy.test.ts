import { describe, expect, it } from 'vitest';
import '../registry.js';
import { anonymousActor, can, type Actor } from '../../platform/auth/policy.js';
import { handledUnits } from './domain/staff.js';

const actor = (grants: Actor['grants'], platformAdmin = false): Actor => ({
  ...anonymousActor, kind: 'user', userId: 'u', grants, platformAdmin,
});

describe('permission rules', () => {
  it('grants a role only in its own region', () => {
    const coordinator = actor([{ regionCode: '32.11', role: 'coordinator', unitId: null }]);
    expect(can(coordinator, 'complaint.triage', '32.11')).toBe(true);
    expect(can(coordinator, 'complaint.triage', '32.12')).toBe(false);
    expect(can(coordinator, 'region.admin', '32.11')).toBe(false);
  });

  it('keeps the head of region read-only', () => {
    const head = actor([{ regionCode: '32.11', role: 'head_of_region', unitId: null }]);
    expect(can(head, 'dashboard.read', '32.11')).toBe(true);
    expect(can(head, 'complaint.handle', '32.11')).toBe(false);
    expect(can(head, 'complaint.triage', '32.11')).toBe(false);
    expect(can(head, 'complaint.read_private', '32.11')).toBe(false);
  });

  it('limits unit roles to their units and lets coordinators see all units', () => {
    const officer = actor([{ regionCode: '32.11', role: 'officer', unitId: 'a' }]);
    expect([...handledUnits(officer, '32.11')!]).toEqual(['a']);
    expect(handledUnits(officer, '32.12')!.size).toBe(0);
    const coordinator = actor([{ regionCode: '32.11', role: 'coordinator', unitId: null }]);
    expect(handledUnits(coordinator, '32.11')).toBeNull();
  });

  it('does not let an SPBE role widen an officer\'s reach in complaints', () => {
    const both = actor([{ regionCode: '32.11', role: 'officer', unitId: 'a' }, { regionCode: '32.11', role: 'spbe_coordinator', unitId: null }]);
    expect([...handledUnits(both, '32.11')!]).toEqual(['a']);
  });

  it('lets a platform admin do everything and an anonymous caller nothing', () => {
    expect(can(actor([], true), 'audit.read', '91.01')).toBe(true);
    expect(can(anonymousActor, 'complaint.list', '32.11')).toBe(false);
  });
});
