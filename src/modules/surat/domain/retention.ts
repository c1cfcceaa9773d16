// The retention schedule (JRA, jadwal retensi arsip) applied to files
// (berkas), independent of storage: which schedule row covers a
// classification code, when a closed file's active and inactive periods end,
// what is due at a date, and reading a schedule from a spreadsheet's rows.

export const FATES = ['musnah', 'dinilai_kembali', 'permanen'] as const;
export type Fate = (typeof FATES)[number];
export const FATE_LABEL: Record<Fate, string> = { musnah: 'Musnah', dinilai_kembali: 'Dinilai kembali', permanen: 'Permanen' };

export type DisposalAction = 'transfer' | 'destroy' | 'permanent';
export type FileStatus = 'open' | 'closed' | 'transferred' | 'destroyed' | 'permanent';

export interface RetentionRule { classificationCode: string; activeYears: number; inactiveYears: number; fate: Fate }

/** Whether `code` is `parent` or one of the codes under it (000.1 covers 000.1.1.2, not 000.10). */
export const isUnder = (code: string, parent: string) => code === parent || code.startsWith(`${parent}.`);

/** The row covering a code: its own, else the one of its nearest ancestor (the longest prefix); null when none does. */
export function coveringRule<R extends RetentionRule>(rules: readonly R[], code: string): R | null {
  let best: R | null = null;
  for (const r of rules) if (isUnder(code, r.classificationCode) && (!best || r.classificationCode.length > best.classificationCode.length)) best = r;
  return best;
}

/** The codes a covering row can come from, for one query: 000.1.1.2 → 000, 000.1, 000.1.1, 000.1.1.2. */
export const ancestorsOf = (code: string) => code.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'));

/** A calendar date (YYYY-MM-DD) plus whole years; 29 February falls on 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * When a file closed on `closedOn` passes its periods: active for
 * activeYears from closing, then inactive for inactiveYears. The file is due
 * on the day each period ends.
 */
export function periodsOf(closedOn: string, rule: RetentionRule): { activeUntil: string; inactiveUntil: string; fate: Fate } {
  const activeUntil = addYears(closedOn, rule.activeYears);
  return { activeUntil, inactiveUntil: addYears(activeUntil, rule.inactiveYears), fate: rule.fate };
}

export interface RetainedFile { status: FileStatus | string; activeUntil: string | null; inactiveUntil: string | null; fate: Fate | string | null }

/**
 * What a file is due for at `date`: `transfer` to the records centre once its
 * active period ended (while it is still with its unit), `fate` once its
 * inactive period ended (destroy, re-appraise or keep permanently); null when
 * nothing is due (open, not yet past a period, or already disposed of).
 */
export function dueAt(file: RetainedFile, date: string): 'transfer' | 'fate' | null {
  if (!file.activeUntil || !file.inactiveUntil) return null;
  if ((file.status === 'closed' || file.status === 'transferred') && date >= file.inactiveUntil) return 'fate';
  if (file.status === 'closed' && date >= file.activeUntil) return 'transfer';
  return null;
}

/**
 * Whether an action may be proposed for a file at `date`. Destruction and
 * permanent keeping come after the inactive period, as the fate says; a file
 * to be re-appraised may go either way (the appraisal is the proposal's
 * reason). A file past both periods may still be transferred first.
 */
export function mayTake(file: RetainedFile, action: DisposalAction, date: string): boolean {
  const due = dueAt(file, date);
  if (action === 'transfer') return file.status === 'closed' && due !== null;
  if (due !== 'fate') return false;
  return action === 'destroy' ? file.fate !== 'permanen' : file.fate !== 'musnah';
}

/** The status a file gets when a proposal to take the action is approved. */
export const statusAfter: Record<DisposalAction, FileStatus> = { transfer: 'transferred', destroy: 'destroyed', permanent: 'permanent' };

// ---------------------------------------------------------------------------
// A schedule as a spreadsheet

/** The columns, as the header row names them (Indonesian first; case and spacing ignored). */
export const SCHEDULE_COLUMNS = {
  code: ['kode klasifikasi', 'kode', 'classification code'],
  active: ['aktif (tahun)', 'aktif', 'retensi aktif', 'active (years)', 'active'],
  inactive: ['inaktif (tahun)', 'inaktif', 'retensi inaktif', 'inactive (years)', 'inactive'],
  fate: ['keterangan', 'nasib akhir', 'keterangan/nasib akhir', 'fate'],
} as const;

/** The header the export writes and the import reads first. */
export const SCHEDULE_HEADER = ['Kode klasifikasi', 'Aktif (tahun)', 'Inaktif (tahun)', 'Keterangan/nasib akhir', 'Catatan'] as const;

export interface ScheduleRow extends RetentionRule { note: string; row: number }
export interface ScheduleProblem { row: number; problem: string }

const normal = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const CODE = /^\d{3}(\.\d+){0,3}$/;

/** "Dinilai Kembali", "dinilai_kembali", "MUSNAH" → the fate; anything else null. */
export function fateOf(text: string): Fate | null {
  const t = normal(text).replace(/_/g, ' ');
  return t === 'musnah' ? 'musnah' : t === 'dinilai kembali' ? 'dinilai_kembali' : t === 'permanen' ? 'permanen' : null;
}

/**
 * Reads a schedule from rows of text (header first): the well-formed rows,
 * and every problem named by its row as a spreadsheet numbers it (the header
 * is row 1). The caller saves nothing while there is any problem.
 */
export function readSchedule(rows: string[][]): { rows: ScheduleRow[]; problems: ScheduleProblem[] } {
  const problems: ScheduleProblem[] = [];
  const header = (rows[0] ?? []).map(normal);
  const at = Object.fromEntries(Object.entries(SCHEDULE_COLUMNS).map(([k, names]) => [k, header.findIndex((h) => (names as readonly string[]).includes(h))])) as Record<keyof typeof SCHEDULE_COLUMNS, number>;
  const noteAt = header.indexOf('catatan') >= 0 ? header.indexOf('catatan') : header.indexOf('note');
  for (const [k, i] of Object.entries(at)) if (i < 0) problems.push({ row: 1, problem: `kolom "${SCHEDULE_COLUMNS[k as keyof typeof SCHEDULE_COLUMNS][0]}" tidak ada / column missing` });
  if (problems.length) return { rows: [], problems };
  const out: ScheduleRow[] = [];
  const seen = new Set<string>();
  const cell = (r: string[], i: number) => (i < 0 ? '' : (r[i] ?? '').trim());
  const years = (text: string) => (/^\d{1,3}$/.test(text) ? Number(text) : null);
  rows.slice(1).forEach((r, i) => {
    const row = i + 2;
    if (r.every((c) => c.trim() === '')) return;
    const code = cell(r, at.code);
    const activeYears = years(cell(r, at.active));
    const inactiveYears = years(cell(r, at.inactive));
    const fate = fateOf(cell(r, at.fate));
    if (!CODE.test(code)) problems.push({ row, problem: `kode klasifikasi "${code}" tidak sah / invalid classification code` });
    else if (seen.has(code)) problems.push({ row, problem: `kode ${code} muncul dua kali / code given twice` });
    seen.add(code);
    if (activeYears === null) problems.push({ row, problem: `aktif "${cell(r, at.active)}" bukan jumlah tahun / active is not a number of years` });
    if (inactiveYears === null) problems.push({ row, problem: `inaktif "${cell(r, at.inactive)}" bukan jumlah tahun / inactive is not a number of years` });
    if (!fate) problems.push({ row, problem: `keterangan "${cell(r, at.fate)}" bukan musnah, dinilai kembali atau permanen / fate is not musnah, dinilai kembali or permanen` });
    if (CODE.test(code) && activeYears !== null && inactiveYears !== null && fate) out.push({ row, classificationCode: code, activeYears, inactiveYears, fate, note: cell(r, noteAt) });
  });
  if (!problems.length && !out.length) problems.push({ row: 2, problem: 'tidak ada baris jadwal / no schedule rows' });
  return { rows: out, problems };
}
