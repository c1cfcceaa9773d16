import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decisionWorkingDays, deemedGranted, finalStatuses, firstPosition, openCitizenActions, openStaffActions, step,
  type Action, type JourneyStage, type Position,
} from './journey.js';

const permit: JourneyStage[] = [
  { key: 'berkas', kind: 'check' },
  { key: 'survei', kind: 'review' },
  { key: 'keputusan', kind: 'decision' },
  { key: 'terbit', kind: 'issue' },
];
const certificate: JourneyStage[] = [{ key: 'berkas', kind: 'check' }, { key: 'keputusan', kind: 'decision' }];
const free = { payBeforeIssue: false, paid: false };

/** Runs actions from the first position; throws on one that is not open. */
function walk(workflow: JourneyStage[], actions: Action[], opts = free): Position {
  let pos = firstPosition(workflow);
  for (const a of actions) {
    const s = step(workflow, pos, a, opts);
    if (!s) throw new Error(`${a} not open at ${JSON.stringify(pos)}`);
    pos = s.to;
  }
  return pos;
}

describe('an application\'s journey', () => {
  it('starts at the document check and offers that stage\'s actions to staff, withdrawal to the citizen', () => {
    const pos = firstPosition(permit);
    expect(pos).toEqual({ status: 'in_process', stage: 'berkas', decision: null });
    expect(openStaffActions(permit, pos)).toEqual(['complete', 'return']);
    expect(openCitizenActions(pos)).toEqual(['withdraw']);
  });

  it('returned for completion: the clock stops, only the citizen acts, and resubmitting resumes it at the same stage', () => {
    const returned = step(permit, firstPosition(permit), 'return', free)!;
    expect(returned).toEqual({ to: { status: 'returned', stage: 'berkas', decision: null }, clock: 'pause' });
    expect(openStaffActions(permit, returned.to)).toEqual([]);
    expect(step(permit, returned.to, 'complete', free)).toBeNull();
    expect(openCitizenActions(returned.to)).toEqual(['resubmit', 'withdraw']);
    expect(step(permit, returned.to, 'resubmit', free)).toEqual({ to: { status: 'in_process', stage: 'berkas', decision: null }, clock: 'resume' });
  });

  it('walks check → survey → decision → issue, the decision meeting the clock', () => {
    expect(walk(permit, ['complete'])).toMatchObject({ stage: 'survei' });
    expect(openStaffActions(permit, walk(permit, ['complete']))).toEqual(['forward', 'send_back']);
    expect(walk(permit, ['complete', 'send_back'])).toMatchObject({ status: 'in_process', stage: 'berkas' });
    const atDecision = walk(permit, ['complete', 'forward']);
    expect(openStaffActions(permit, atDecision)).toEqual(['approve', 'refuse']);
    expect(step(permit, atDecision, 'approve', free)).toEqual({ to: { status: 'in_process', stage: 'terbit', decision: 'approved' }, clock: 'meet' });
    const issued = walk(permit, ['complete', 'forward', 'approve', 'issue']);
    expect(issued).toEqual({ status: 'finished', stage: null, decision: 'approved' });
    expect(openStaffActions(permit, issued)).toEqual([]);
    expect(openCitizenActions(issued)).toEqual([]);
  });

  it('a refusal ends the application and meets the clock', () => {
    expect(step(permit, walk(permit, ['complete', 'forward']), 'refuse', free)).toEqual({ to: { status: 'refused', stage: null, decision: 'refused' }, clock: 'meet' });
  });

  it('without an issue stage, approval finishes the application', () => {
    expect(walk(certificate, ['complete', 'approve'])).toEqual({ status: 'finished', stage: null, decision: 'approved' });
  });

  it('issuance waits for the payment when the service says so, and the payment opens it', () => {
    const opts = { payBeforeIssue: true, paid: false };
    const approved = walk(permit, ['complete', 'forward', 'approve'], opts);
    expect(approved).toEqual({ status: 'awaiting_payment', stage: 'terbit', decision: 'approved' });
    expect(openStaffActions(permit, approved)).toEqual([]);
    expect(openCitizenActions(approved)).toEqual([]); // approved: no withdrawal
    const paid = step(permit, approved, 'paid', opts)!;
    expect(paid.to).toEqual({ status: 'in_process', stage: 'terbit', decision: 'approved' });
    expect(step(permit, paid.to, 'issue', { ...opts, paid: true })!.to.status).toBe('finished');
    // Paid before approval: straight to issuance.
    expect(walk(permit, ['complete', 'forward', 'approve'], { payBeforeIssue: true, paid: true })).toMatchObject({ status: 'in_process', stage: 'terbit' });
    // A payment means nothing at any other position.
    expect(step(permit, firstPosition(permit), 'paid', opts)).toBeNull();
  });

  it('the first stage cannot send back, and withdrawal is closed once decided', () => {
    expect(step(permit, firstPosition(permit), 'send_back', free)).toBeNull();
    expect(step(permit, walk(permit, ['complete', 'forward', 'approve']), 'withdraw', free)).toBeNull();
    expect(step(permit, firstPosition(permit), 'withdraw', free)).toEqual({ to: { status: 'withdrawn', stage: null, decision: null }, clock: 'stop' });
  });

  it('whatever staff and citizen do, a final application takes no more actions and every stage named is the workflow\'s', () => {
    const actions: Action[] = ['complete', 'return', 'forward', 'send_back', 'approve', 'refuse', 'issue', 'resubmit', 'withdraw', 'paid'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...actions), { maxLength: 30 }), fc.boolean(), (seq, payBeforeIssue) => {
      let pos = firstPosition(permit);
      let paid = false;
      for (const a of seq) {
        const s = step(permit, pos, a, { payBeforeIssue, paid });
        if (a === 'paid' && s) paid = true;
        if (finalStatuses.has(pos.status)) expect(s).toBeNull();
        if (!s) continue;
        pos = s.to;
        if (pos.stage !== null) expect(permit.map((x) => x.key)).toContain(pos.stage);
        if (finalStatuses.has(pos.status)) expect(pos.stage).toBeNull();
        if (pos.status === 'finished') expect(pos.decision).toBe('approved');
      }
    }));
  });
});

describe('fiktif positif', () => {
  const due = new Date('2026-12-11T09:00:00Z');
  it('is deemed granted once the deadline passes with no decision, not on the due instant', () => {
    expect(deemedGranted(due, null, new Date('2026-12-11T09:00:00Z'))).toBe(false);
    expect(deemedGranted(due, null, new Date('2026-12-11T09:00:01Z'))).toBe(true);
    expect(deemedGranted(due, new Date('2026-12-11T08:59:00Z'), new Date('2026-12-20T00:00:00Z'))).toBe(false);
    expect(deemedGranted(due, new Date('2026-12-12T08:00:00Z'), new Date('2026-12-12T08:00:00Z'))).toBe(true);
  });

  it('uses the standard\'s time limit, or five working days when none is set', () => {
    expect(decisionWorkingDays(14)).toBe(14);
    expect(decisionWorkingDays(null)).toBe(5);
    expect(decisionWorkingDays(0)).toBe(5);
  });
});
