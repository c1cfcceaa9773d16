// The performance report (LKjIP) as PermenPANRB 53/2014 lays it out, built
// from figures already read: Bab I Pendahuluan, Bab II Perencanaan Kinerja,
// Bab III Akuntabilitas Kinerja (A. capaian kinerja, B. realisasi anggaran),
// Bab IV Penutup, and the tables. Each indicator of the plan's goals and
// targets (tujuan, sasaran) is measured against the year's target, against
// the plan's last-year target (the five-year target: progress toward it),
// and beside last year's realisation. The result is a snapshot: plain
// strings, stored as generated, so an approved report never moves when a
// figure is corrected later. The generated chapter texts are a draft staff
// rewrite (service/lkjip.ts keeps them apart).
import { Dec, round2 } from '../../../platform/decimal.js';
import { achievement, forDisplay, type Achievement, type NotComputable, type Polarity, type TargetValue } from './achievement.js';
import { trafficLight, type TrafficBand } from './efficiency.js';

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

export interface LkjipInput {
  regionName: string;
  unitName: string | null;
  year: number;
  plan: { kind: 'rpjmd' | 'renstra'; title: string; startYear: number; endYear: number };
  bands: readonly TrafficBand[];
  indicators: LkjipIndicatorInput[];
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

/**
 * Realisasi anggaran (budget absorption and efficiency): a marked place the
 * budget module fills once it exists. Null means "no budget data in Pamong";
 * the documents say so instead of showing a made-up figure.
 */
export type LkjipBudget = null;

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
  const computed = rows.map((r) => r.achievement).filter((f): f is Extract<Figure, { percent: string }> => f !== null && 'percent' in f);
  const average = computed.length === 0 ? null : forDisplay(computed.reduce((s, f) => s.plus(f.exact), new Dec(0)).div(computed.length));
  const summary = {
    indicators: rows.length, withTarget: rows.filter((r) => r.targetThisYear !== null).length, reported: rows.filter((r) => r.realisation !== null).length,
    met: computed.filter((f) => new Dec(f.exact).gte(100)).length, average,
  };
  const issues = input.indicators.filter((i) => i.obstacles.length > 0 || i.followUp.length > 0).map((i) => ({ indicator: i.name, obstacles: i.obstacles, followUp: i.followUp }));
  const ikuCount = rows.filter((r) => r.iku).length;
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
    budget: '',
    problems: issues.filter((i) => i.obstacles.length > 0).map((i) => `${i.indicator}: ${i.obstacles.join(' ')}`).join('\n'),
    follow_up: issues.filter((i) => i.followUp.length > 0).map((i) => `${i.indicator}: ${i.followUp.join(' ')}`).join('\n'),
    closing: `Demikian Laporan Kinerja ${subject} Tahun ${year}. `
      + (average === null ? '' : `Rata-rata capaian indikator tujuan dan sasaran sebesar ${idNumber(average)} %. `)
      + 'Laporan ini menjadi bahan evaluasi dan perbaikan perencanaan serta pelaksanaan program pada tahun berikutnya.',
  };
  return {
    title: `LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN ${year}`, subject, regionName: input.regionName, unitName: input.unitName, year, plan,
    rows, summary, issues, budget: null, drafts,
  };
}
