import { describe, expect, it } from 'vitest';
import { afterApproval, editable, newRound, submittedStatus } from './outgoing.js';
import { templateFor } from './templates.js';

describe('outgoing letter life', () => {
  it('opens a round with the first tier pending and the others waiting their turn', () => {
    expect(newRound(['a', 'b', 'c']).map((r) => [r.step, r.verifierUserId, r.status])).toEqual([[1, 'a', 'pending'], [2, 'b', 'waiting'], [3, 'c', 'waiting']]);
    expect(newRound([])).toEqual([]);
  });

  it('passes to the next tier after each paraf, to the signer after the last', () => {
    expect(afterApproval(3, 1)).toEqual({ next: 2 });
    expect(afterApproval(3, 3)).toBe('to_sign');
    expect(submittedStatus(2)).toBe('verifying');
    expect(submittedStatus(0)).toBe('to_sign');
  });

  it('edits only drafts and returned letters', () => {
    expect(['draft', 'returned', 'verifying', 'to_sign', 'signed', 'sent'].filter(editable)).toEqual(['draft', 'returned']);
  });

  it('takes the region\'s wording for a type over the layout\'s built-in one', () => {
    expect(templateFor('korespondensi', null)).toMatchObject({ opening: 'Dengan hormat,', isDefault: true });
    expect(templateFor('berjudul', { opening: 'Menimbang:', closing: '' })).toEqual({ opening: 'Menimbang:', closing: '', isDefault: false });
  });
});
