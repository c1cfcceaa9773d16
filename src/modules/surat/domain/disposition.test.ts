import { describe, expect, it } from 'vitest';
import { canWithdraw, dispositionTree, isOpen } from './disposition.js';
import { localDeadline } from './notices.js';

describe('dispositions', () => {
  it('builds the tree in the order given, children under their parent', () => {
    const tree = dispositionTree([
      { id: 'a', parentId: null }, { id: 'b', parentId: null }, { id: 'a1', parentId: 'a' }, { id: 'a1x', parentId: 'a1' }, { id: 'a2', parentId: 'a' },
    ]);
    expect(tree.map((n) => n.id)).toEqual(['a', 'b']);
    expect(tree[0].children.map((n) => n.id)).toEqual(['a1', 'a2']);
    expect(tree[0].children[0].children.map((n) => n.id)).toEqual(['a1x']);
  });
  it('withdraws only unread ones and works only on open ones', () => {
    expect(['unread', 'in_progress', 'done', 'withdrawn'].map((s) => canWithdraw(s as never))).toEqual([true, false, false, false]);
    expect(['unread', 'in_progress', 'done', 'withdrawn'].map((s) => isOpen(s as never))).toEqual([true, true, false, false]);
  });
  it('writes a deadline in the region\'s time', () => {
    expect(localDeadline(new Date('2026-12-08T07:00:00Z'), 420)).toBe('8 Desember 2026 pukul 14.00 WIB');
    expect(localDeadline(new Date('2026-12-08T23:30:00Z'), 540)).toBe('9 Desember 2026 pukul 08.30 WIT');
  });
});
