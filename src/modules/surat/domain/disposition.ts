// A disposition's life, independent of storage: unread → in_progress → done,
// or withdrawn by its giver while still unread (ANRI's SRIKANDI guide); the
// tree a letter's dispositions make; the deadline's stage and ladder.
import type { EscalationRung } from '../../../platform/modules/contract.js';

export const DISPOSITION_STATUSES = ['unread', 'in_progress', 'done', 'withdrawn'] as const;
export type DispositionStatus = (typeof DISPOSITION_STATUSES)[number];

/** Whether its recipient can still work on it (a note, a report, routing it further). */
export const isOpen = (s: DispositionStatus) => s === 'unread' || s === 'in_progress';
/** Only an unread disposition can be withdrawn: once read, its recipient may already have acted. */
export const canWithdraw = (s: DispositionStatus) => s === 'unread';

/**
 * The stage a disposition's deadline runs in: counted in working days or in
 * hours (a "sangat segera" instruction). Its ladder: a reminder to the
 * recipient before (a day, or an hour for an hours deadline), then at the
 * deadline the one who gave the instruction is told it is overdue.
 */
export const STAGE = { working_days: 'follow_up', hours: 'follow_up_hours' } as const;
export const LADDERS: Record<string, readonly EscalationRung[]> = {
  follow_up: [{ afterHours: -24, kind: 'reminder' }, { afterHours: 0, kind: 'overdue' }],
  follow_up_hours: [{ afterHours: -1, kind: 'reminder' }, { afterHours: 0, kind: 'overdue' }],
};
/** How far before the deadline the reminder comes, by stage (the sweep starts looking then). */
export const reminderLead = (stage: string) => -(LADDERS[stage]?.[0]?.afterHours ?? 0);

export interface DispositionRow { id: string; parentId: string | null }
export type Node<T extends DispositionRow> = T & { children: Node<T>[] };

/** The tree of a letter's dispositions, roots (from the leader) first, each level in the order given. A row whose parent is not in the list is a root. */
export function dispositionTree<T extends DispositionRow>(rows: readonly T[]): Node<T>[] {
  const nodes = new Map(rows.map((r) => [r.id, { ...r, children: [] as Node<T>[] }]));
  const roots: Node<T>[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    const parent = r.parentId ? nodes.get(r.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
