// The performance report (LKjIP) as PermenPANRB 53/2014 lays it out, built
// from figures already read: Bab I Pendahuluan, Bab II Perencanaan Kinerja,
// Bab III Akuntabilitas Kinerja (A. capaian kinerja, B. realisasi anggaran),
// Bab IV Penutup, and the tables. Each indicator of the plan's goals and
// targets (tujuan, sasaran) is measured against the year's target, against
// the plan's last-year target (the five-year target: progress toward it),
// and beside last year's realisation. The result is a snapshot: plain
// strings, stored as generated, so an approved report never moves when a
// figure is corrected later. The generated chapter texts are a draft staff
// rewrite (service/lkjip.ts keeps them apart). Chapter III B sets each
// budgeted programme's ceiling and spending against the achievement of the
// target (sasaran) it serves, judged by the region's efficiency method as the
// region overview judges a target (service/efficiency.ts), and totals them.
import { addExact, Dec, round2 } from '../../../platform/decimal.js';
import { achievement, forDisplay, tallyAverage, type Achievement, type NotComputable, type Polarity, type TargetValue } from './achievement.js';
import {
  addBudgets, budgetView, efficiencyMethodView, efficiencyView, percentView, trafficLight,
  type Budget, type BudgetView, type EfficiencyJudgement, type EfficiencyMethodView, type EfficiencySettings, type EfficiencyView, type OutputRealisation, type TrafficBand,
} from './efficiency.js';

/** The narrative sections staff edit, in the document's order. */
export const LKJIP_SECTIONS = ['introduction', 'planning', 'accountability', 'budget', 'problems', 'follow_up', 'closing'] as const;
export type LkjipSection = (typeof LKJIP_SECTIONS)[number];

/** Chapter and sub-chapter headings, as the regulation names them. */
export const LKJIP_HEADINGS: Record<LkjipSection, string> = {
  introduction: 'BAB I PENDAHULUAN',
  planning: 'BAB II PERENCANAAN KINERJA',
  accountability: 'A. Capaian Kinerja',
  budget: 'B. Realisasi Anggaran dan Efisiensi',
  problems: 'C. Permasalahan',
  follow_up: 'D. Tindak Lanjut',
  closing: 'BAB IV PENUTUP',
};
export const ACCOUNTABILITY_CHAPTER = 'BAB III AKUNTABILITAS KINERJA';

export interface LkjipIndicatorInput {
  id: string;
  /** The goal or target (tujuan, sasaran) it measures. */
  target: string;
  name: string;
  measure: string;
  polarity: Polarity;
  isIku: boolean;
  /** The year's current target, and the plan's last year's (the five-year target). */
  targetThisYear: TargetValue | null;
  targetEnd: TargetValue | null;
  /** The year's periods added up by the indicator's rule; null when nothing is reported. */
  realisation: { value: string; complete: boolean } | null;
  /** Last year's realisation and target (inside the same plan), when there are. */
  lastYear: { realisation: string | null; target: TargetValue | null } | null;
  obstacles: string[];
  followUp: string[];
}

/** A budgeted programme as read: its year's budget and what it serves. */
export interface LkjipProgrammeInput {
  code: string | null;
  title: string;
  /** The unit leading it, named in the region's report (which lists every unit's programmes); null in a unit's. */
  unit: string | null;
  budget: Budget;
  /**
   * The target (sasaran) it serves: its indicators' achievement together
   * (exact percent; null when none is computable) and, for the output index,
   * those indicators as outputs of this programme's budget.
   */
  target: { title: string; achievementPercent: string | null; outputs: OutputRealisation[] } | null;
  /** Its activities and sub-activities with a budget, in reading order (empty when not shown). */
  parts: { kind: 'activity' | 'sub_activity'; code: string | null; title: string; budget: Budget }[];
}

export interface LkjipBudgetInput {
  settings: EfficiencySettings;
  /** Every programme counted once, in the order the table lists them. */
  programmes: LkjipProgrammeInput[];
  /** Every budget node's own indicators as outputs of its budget: the whole budget's outputs (output index), as the overview's total. */
  outputs: OutputRealisation[];
}

export interface LkjipInput {
  regionName: string;
  unitName: string | null;
  year: number;
  plan: { kind: 'rpjmd' | 'renstra'; title: string; startYear: number; endYear: number };
  bands: readonly TrafficBand[];
  indicators: LkjipIndicatorInput[];
  /** Null: no budget entered for the year. */
  budget: LkjipBudgetInput | null;
}

export type TargetText = { type: 'single'; value: string } | { type: 'range'; low: string; high: string };
export type Figure = { percent: string; exact: string; band: { label: { id: string; en: string }; colour: string } } | { notComputable: NotComputable };

export interface LkjipRow {
  number: number;
  indicatorId: string;
  target: string;
  indicator: string;
  measure: string;
  iku: boolean;
  polarity: Polarity;
  targetThisYear: TargetText | null;
  realisation: string | null;
  complete: boolean;
  achievement: Figure | null;
  lastYearRealisation: string | null;
  lastYearAchievement: Figure | null;
  targetEnd: TargetText | null;
  /** This year's realisation measured against the five-year target. */
  progressToEnd: Figure | null;
}

export type PercentView = ReturnType<typeof percentView>;

/** A row of the budget table: a programme (judged), or one of its activities or sub-activities (budget only). */
export interface LkjipBudgetRow {
  kind: 'programme' | 'activity' | 'sub_activity';
  code: string | null;
  title: string;
  unit: string | null;
  /** The target (sasaran) a programme serves. */
  target: string | null;
  budget: BudgetView;
  /** A programme's: its target's achievement. */
  achievement: PercentView | null;
  efficiency: EfficiencyView | null;
}

/**
 * Realisasi anggaran dan efisiensi. Null means "no budget entered for the
 * year" (and is what reports generated before budgets existed hold): the
 * documents say so instead of showing a made-up figure.
 */
export type LkjipBudget = {
  method: EfficiencyMethodView;
  rows: LkjipBudgetRow[];
  /**
   * The whole budget against the achievement of the report's key indicators
   * (IKU) in a region's report, as the overview's total, or of all its
   * indicators in a unit's.
   */
  total: { budget: BudgetView; achievement: PercentView | null; basis: 'iku' | 'indicators'; efficiency: EfficiencyView };
} | null;

export interface LkjipSnapshot {
  title: string;
  subject: string;
  regionName: string;
  unitName: string | null;
  year: number;
  plan: LkjipInput['plan'];
  rows: LkjipRow[];
  summary: { indicators: number; withTarget: number; reported: number; met: number; average: string | null };
  issues: { indicator: string; obstacles: string[]; followUp: string[] }[];
  budget: LkjipBudget;
  drafts: Record<LkjipSection, string>;
}

const textOf = (t: TargetValue | null): TargetText | null =>
  (t === null ? null : t.type === 'single' ? { type: 'single', value: String(t.value) } : { type: 'range', low: String(t.low), high: String(t.high) });

function figureOf(a: Achievement | null, bands: readonly TrafficBand[]): Figure | null {
  if (a === null) return null;
  if (!a.computable) return { notComputable: a.reason };
  const band = trafficLight(round2(a.percent), bands);
  return { percent: forDisplay(a.percent), exact: a.percent.toFixed(), band: { label: band.label, colour: band.colour } };
}

const measured = (p: Polarity, t: TargetValue | null, r: string | null | undefined) => (t && r !== null && r !== undefined ? achievement(p, t, r) : null);

/** "72,31" as an Indonesian document writes a figure (digit for digit). */
export function idNumber(value: string): string {
  const [whole, fraction] = value.replace(/^-/, '').split('.');
  return `${value.startsWith('-') ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${fraction ? `,${fraction}` : ''}`;
}

export const targetWords = (t: TargetText | null, measure: string) =>
  (t === null ? '–' : `${t.type === 'single' ? idNumber(t.value) : `${idNumber(t.low)}–${idNumber(t.high)}`}${measure ? ` ${measure}` : ''}`);

export const figureWords = (f: Figure | null) => (f === null ? '–' : 'notComputable' in f ? 'tidak dapat dihitung' : `${idNumber(f.percent)} %`);

type Computed = Extract<Figure, { percent: string }>;
const computedOf = (figures: readonly (Figure | null)[]) => figures.filter((f): f is Computed => f !== null && 'percent' in f);
/** The plain average of computed figures, added up exactly and divided once (as the overview's tallies); null when there is none. */
function averageOf(figures: readonly Computed[]): Dec | null {
  const t = tallyAverage({ indicators: figures.length, used: figures.length, sum: figures.reduce((sum, f) => addExact(sum, f.exact), '0') });
  return t?.ok ? t.percent : null;
}

const rupiah = (value: string) => `Rp${idNumber(value)}`;
/** "1.02.02 PROGRAM …": a budget node as a DPA names it. */
export const codeAndTitle = (r: { code: string | null; title: string }) => `${r.code ? `${r.code} ` : ''}${r.title}`;
export const percentWords = (p: PercentView | null) => (p === null ? '–' : `${idNumber(p.percent)} %`);

/** Why an efficiency cannot be judged, in the report's words. */
export const efficiencyReasonWords: Record<Extract<EfficiencyJudgement, { computable: false }>['reason'], string> = {
  no_budget: 'tidak ada anggaran',
  ceiling_zero: 'pagu bernilai 0',
  negative_amount: 'ada nilai anggaran negatif',
  no_achievement: 'belum ada capaian indikator',
  no_outputs: 'belum ada keluaran dengan target dan realisasi',
  nothing_computable: 'tidak ada keluaran yang dapat dihitung',
};

/** "Cukup efisien (1,23)", or why there is none. */
export const efficiencyWords = (e: EfficiencyView | null) =>
  (e === null ? '–' : e.computable ? `${e.label.id} (${idNumber(e.value)})` : `tidak dapat dihitung: ${efficiencyReasonWords[e.reason]}`);

function budgetOf(input: LkjipBudgetInput, rows: readonly LkjipRow[], planKind: 'rpjmd' | 'renstra'): NonNullable<LkjipBudget> | null {
  const total = addBudgets(input.programmes.map((p) => p.budget));
  if (total === null) return null;
  const { settings } = input;
  const table = input.programmes.flatMap((p): LkjipBudgetRow[] => {
    const achieved = p.target?.achievementPercent ?? null;
    return [
      {
        kind: 'programme', code: p.code, title: p.title, unit: p.unit, target: p.target?.title ?? null, budget: budgetView(p.budget)!,
        achievement: achieved === null ? null : percentView(new Dec(achieved)), efficiency: efficiencyView(settings, achieved, p.budget, p.target?.outputs ?? []),
      },
      ...p.parts.map((a) => ({ kind: a.kind, code: a.code, title: a.title, unit: null, target: null, budget: budgetView(a.budget)!, achievement: null, efficiency: null })),
    ];
  });
  // A region reports against its key indicators (IKU), as the overview's total; a unit against all its goals' and targets'.
  const basis = planKind === 'rpjmd' ? 'iku' as const : 'indicators' as const;
  const key = averageOf(computedOf(rows.filter((r) => basis === 'indicators' || r.iku).map((r) => r.achievement)));
  return {
    method: efficiencyMethodView(settings), rows: table,
    total: { budget: budgetView(total)!, achievement: key === null ? null : percentView(key), basis, efficiency: efficiencyView(settings, key, total, input.outputs) },
  };
}

/** Chapter III B's draft: the whole budget and its absorption, the method, the verdict, and the programmes judged inefficient. */
function budgetText(subject: string, year: number, b: NonNullable<LkjipBudget>): string {
  const { method, total } = b;
  const threshold = idNumber(method.threshold);
  const absorbed = total.budget.absorption;
  const lines = [
    `Pagu anggaran program ${subject} tahun ${year} sebesar ${rupiah(total.budget.ceiling)} dengan realisasi ${rupiah(total.budget.spending)}`
      + (absorbed === null ? '.' : `, atau serapan ${percentWords(absorbed)}.`),
    method.code === 'achievement_minus_absorption'
      ? `Efisiensi dinilai dengan metode ${method.label.id.toLowerCase()}: efisien bila selisihnya di atas +${threshold} poin, cukup efisien bila dalam ±${threshold} poin, dan tidak efisien bila di bawah −${threshold} poin.`
      : `Efisiensi dinilai dengan ${method.label.id.toLowerCase()}: nilai 50 % berarti biaya per keluaran sesuai rencana; efisien bila di atas ${idNumber(new Dec(50).plus(method.threshold).toFixed())} %, cukup efisien bila dalam ±${threshold} poin dari 50 %, dan tidak efisien bila di bawahnya.`,
  ];
  const basis = total.basis === 'iku' ? 'indikator kinerja utama (IKU)' : 'indikator tujuan dan sasaran';
  const e = total.efficiency;
  if (!e.computable) lines.push(`Efisiensi seluruh anggaran tidak dapat dihitung: ${efficiencyReasonWords[e.reason]}.`);
  else if (method.code === 'achievement_minus_absorption') {
    lines.push(`Capaian rata-rata ${basis} sebesar ${percentWords(total.achievement)} terhadap serapan ${percentWords(absorbed)} memberi selisih ${idNumber(e.value)} poin: ${e.label.id.toLowerCase()}.`);
  } else lines.push(`Nilai indeks efisiensi seluruh anggaran ${idNumber(e.value)} %: ${e.label.id.toLowerCase()}.`);
  const programmes = b.rows.filter((r) => r.kind === 'programme');
  const inefficient = programmes.flatMap((r) => (r.efficiency?.computable && r.efficiency.category === 'inefficient' ? [{ r, value: r.efficiency.value }] : []));
  if (inefficient.length > 0) {
    lines.push(`Program yang tidak efisien: ${inefficient.map(({ r, value }) => `${codeAndTitle(r)} (${method.code === 'achievement_minus_absorption'
      ? `capaian sasaran ${percentWords(r.achievement)}, serapan ${percentWords(r.budget.absorption)}`
      : `indeks ${idNumber(value)} %`})`).join('; ')}.`);
  } else if (programmes.some((r) => r.efficiency?.computable)) lines.push('Tidak ada program yang dinilai tidak efisien.');
  return lines.join(' ');
}

export function buildLkjip(input: LkjipInput): LkjipSnapshot {
  const { year, plan, bands } = input;
  const subject = input.unitName ?? input.regionName;
  const rows: LkjipRow[] = input.indicators.map((i, n) => {
    const now = measured(i.polarity, i.targetThisYear, i.realisation?.value);
    return {
      number: n + 1, indicatorId: i.id, target: i.target, indicator: i.name, measure: i.measure, iku: i.isIku, polarity: i.polarity,
      targetThisYear: textOf(i.targetThisYear), realisation: i.realisation?.value ?? null, complete: i.realisation?.complete ?? false,
      achievement: figureOf(now, bands),
      lastYearRealisation: i.lastYear?.realisation ?? null,
      lastYearAchievement: figureOf(measured(i.polarity, i.lastYear?.target ?? null, i.lastYear?.realisation), bands),
      targetEnd: textOf(i.targetEnd),
      progressToEnd: figureOf(measured(i.polarity, i.targetEnd, i.realisation?.value), bands),
    };
  });
  const computed = computedOf(rows.map((r) => r.achievement));
  const averaged = averageOf(computed);
  const average = averaged === null ? null : forDisplay(averaged);
  const summary = {
    indicators: rows.length, withTarget: rows.filter((r) => r.targetThisYear !== null).length, reported: rows.filter((r) => r.realisation !== null).length,
    met: computed.filter((f) => new Dec(f.exact).gte(100)).length, average,
  };
  const issues = input.indicators.filter((i) => i.obstacles.length > 0 || i.followUp.length > 0).map((i) => ({ indicator: i.name, obstacles: i.obstacles, followUp: i.followUp }));
  const ikuCount = rows.filter((r) => r.iku).length;
  const budget = input.budget === null ? null : budgetOf(input.budget, rows, plan.kind);
  const short = rows.filter((r) => r.achievement && 'percent' in r.achievement && new Dec(r.achievement.exact).lt(100));
  const drafts: Record<LkjipSection, string> = {
    introduction: `Laporan Kinerja Instansi Pemerintah (LKjIP) ${subject} Tahun ${year} disusun sebagai pertanggungjawaban atas pelaksanaan ${plan.title} pada tahun ${year}, `
      + 'sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri PANRB Nomor 53 Tahun 2014. '
      + 'Laporan ini menyajikan perencanaan kinerja, capaian kinerja terhadap target tahunan dan target jangka menengah, perbandingan dengan tahun sebelumnya, serta permasalahan dan tindak lanjutnya.',
    planning: `Perencanaan kinerja tahun ${year} mengacu pada ${plan.title} (${plan.startYear}–${plan.endYear}). `
      + `Terdapat ${rows.length} indikator kinerja tujuan dan sasaran${ikuCount > 0 ? `, ${ikuCount} di antaranya indikator kinerja utama (IKU)` : ''}. `
      + `Target tahun ${year} dan target akhir periode (${plan.endYear}) tercantum pada tabel perencanaan kinerja.`,
    accountability: `Dari ${summary.withTarget} indikator yang bertarget pada tahun ${year}, ${summary.reported} telah dilaporkan realisasinya dan ${summary.met} mencapai atau melampaui target.`
      + (average === null ? '' : ` Rata-rata capaian indikator adalah ${idNumber(average)} %.`)
      + short.map((r) => ` Capaian ${r.indicator} sebesar ${figureWords(r.achievement)} belum mencapai target.`).join(''),
    budget: budget === null ? '' : budgetText(subject, year, budget),
    problems: issues.filter((i) => i.obstacles.length > 0).map((i) => `${i.indicator}: ${i.obstacles.join(' ')}`).join('\n'),
    follow_up: issues.filter((i) => i.followUp.length > 0).map((i) => `${i.indicator}: ${i.followUp.join(' ')}`).join('\n'),
    closing: `Demikian Laporan Kinerja ${subject} Tahun ${year}. `
      + (average === null ? '' : `Rata-rata capaian indikator tujuan dan sasaran sebesar ${idNumber(average)} %. `)
      + 'Laporan ini menjadi bahan evaluasi dan perbaikan perencanaan serta pelaksanaan program pada tahun berikutnya.',
  };
  return {
    title: `LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN ${year}`, subject, regionName: input.regionName, unitName: input.unitName, year, plan,
    rows, summary, issues, budget, drafts,
  };
}
