// The life of an outgoing letter or memo: draft → verifying ⇄ returned →
// to_sign → signed → sent. Verification is in tiers (paraf): one verifier at
// a time, in the order the drafter gave; a return ends the round, and the
// resubmitted draft starts a new one from the first tier.

export type OutgoingStatus = 'draft' | 'verifying' | 'returned' | 'to_sign' | 'signed' | 'sent';
export type ReviewStatus = 'waiting' | 'pending' | 'approved' | 'returned';

/** Only a draft, or one returned with notes, is edited or submitted. */
export const editable = (status: string): boolean => status === 'draft' || status === 'returned';

/** The reviews of a new round: the first tier pending, the others waiting their turn. */
export const newRound = (verifiers: readonly string[]): { step: number; verifierUserId: string; status: ReviewStatus }[] =>
  verifiers.map((verifierUserId, i) => ({ step: i + 1, verifierUserId, status: i === 0 ? 'pending' : 'waiting' }));

/** After tier `step` initials: the next tier to make pending, or `to_sign` when it was the last. */
export const afterApproval = (steps: number, step: number): { next: number } | 'to_sign' => (step < steps ? { next: step + 1 } : 'to_sign');

/** The letter's status when it is submitted: verification when it has verifiers, else straight to its signer. */
export const submittedStatus = (verifiers: number): OutgoingStatus => (verifiers > 0 ? 'verifying' : 'to_sign');
