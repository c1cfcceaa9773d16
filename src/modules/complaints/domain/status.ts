// The complaint lifecycle as a pure state machine.

export const statuses = ['submitted', 'dispatched', 'in_progress', 'resolved', 'closed', 'rejected', 'merged', 'transferred'] as const;
export type Status = (typeof statuses)[number];

export type Action =
  | 'dispatch' // verify and send to a unit
  | 'reject'
  | 'merge'
  | 'acknowledge'
  | 'respond'
  | 'dispose' // hand over to another unit
  | 'transfer' // hand over to another level (province <-> regency/city)
  | 'resolve'
  | 'rate'
  | 'reopen'
  | 'note';

const transitions: Record<Action, { from: Status[]; to: Status | null }> = {
  dispatch: { from: ['submitted'], to: 'dispatched' },
  reject: { from: ['submitted'], to: 'rejected' },
  merge: { from: ['submitted', 'dispatched', 'in_progress'], to: 'merged' },
  acknowledge: { from: ['dispatched'], to: 'in_progress' },
  respond: { from: ['dispatched', 'in_progress'], to: 'in_progress' },
  dispose: { from: ['dispatched', 'in_progress'], to: 'dispatched' },
  transfer: { from: ['submitted', 'dispatched', 'in_progress'], to: 'transferred' },
  resolve: { from: ['dispatched', 'in_progress'], to: 'resolved' },
  rate: { from: ['resolved'], to: 'closed' },
  // A rating closes the complaint but keeps the reporter's right to reopen within the window (citizenWindowEnd).
  reopen: { from: ['resolved', 'closed'], to: 'dispatched' },
  note: { from: ['submitted', 'dispatched', 'in_progress', 'resolved'], to: null },
};

/** The status after an action, or null when the action is not allowed now. */
export function nextStatus(current: Status, action: Action): Status | null {
  const t = transitions[action];
  if (!t.from.includes(current)) return null;
  return t.to ?? current;
}

export function allowedActions(current: Status): Action[] {
  return (Object.keys(transitions) as Action[]).filter((a) => transitions[a].from.includes(current));
}

/**
 * Until when the reporter may rate or reopen: the region's window counted from
 * the resolution. Rating does not end it; a complaint never resolved has none.
 */
export function citizenWindowEnd(resolvedAt: Date | null, windowDays: number): Date | null {
  return resolvedAt ? new Date(resolvedAt.getTime() + windowDays * 86_400_000) : null;
}

/** Closed, rejected, merged and transferred complaints take no more staff actions (a rated one may still be reopened by its reporter). */
export const terminal: ReadonlySet<Status> = new Set(['closed', 'rejected', 'merged', 'transferred']);

/** Open311 knows only open and closed. */
export const open311Status = (s: Status): 'open' | 'closed' => (terminal.has(s) || s === 'resolved' ? 'closed' : 'open');

export const rejectionReasons = ['not_our_authority', 'duplicate', 'incomplete', 'spam'] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

/** Words for the reasons a report is rejected, the one place they are written. */
export const rejectionReasonLabel: Record<RejectionReason, { id: string; en: string }> = {
  not_our_authority: { id: 'Bukan kewenangan kami', en: 'Not our authority' },
  duplicate: { id: 'Duplikat', en: 'Duplicate' },
  incomplete: { id: 'Data tidak lengkap', en: 'Incomplete' },
  spam: { id: 'Spam', en: 'Spam' },
};

/** How a report reached the region. */
export const channels = ['web', 'counter', 'open311'] as const;
export type Channel = (typeof channels)[number];

export const channelLabel: Record<Channel, { id: string; en: string }> = {
  web: { id: 'Web', en: 'Web' },
  counter: { id: 'Loket/telepon', en: 'Counter/phone' },
  open311: { id: 'Aplikasi mitra (Open311)', en: 'Partner app (Open311)' },
};

/** Words for the statuses, the one place they are written: web app, exports, Open311 and emails read them. */
export const statusLabel: Record<Status, { id: string; en: string }> = {
  submitted: { id: 'Menunggu verifikasi', en: 'Awaiting verification' },
  dispatched: { id: 'Diteruskan ke perangkat daerah', en: 'Sent to the unit' },
  in_progress: { id: 'Sedang ditangani', en: 'In progress' },
  resolved: { id: 'Selesai ditindaklanjuti', en: 'Resolved' },
  closed: { id: 'Ditutup', en: 'Closed' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
  merged: { id: 'Digabung dengan laporan lain', en: 'Merged with another report' },
  transferred: { id: 'Dialihkan ke pemerintah daerah lain', en: 'Transferred to another government level' },
};
