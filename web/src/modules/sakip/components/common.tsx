// Shared pieces of the e-SAKIP screens: the page frame with its sub-menu,
// exact decimals shown in the reader's notation, achievement with its band,
// and what the signed-in person may change.
import type { ReactNode } from 'react';
import { regionApi } from '../../../api.js';
import { useI18n, type Locale } from '../../../i18n/index.js';
import { Link, useLocation } from '../../../router.js';
import { may } from '../../../session.js';
import type { Me, RegionProfile, Unit } from '../../../types.js';
import { RegionGate } from '../../../components/RegionGate.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import type { AchievementFigure, NodeSummary, Plan, TallySummary, Target } from './types.js';
import './sakip.css';

export const sakipApi = (region: string) => `${regionApi(region)}/sakip`;
export const planUrl = (region: string, planId: string) => `${sakipApi(region)}/plans/${encodeURIComponent(planId)}`;
export const sakipPath = (region: string, rest = '') => `/staff/${region}/sakip${rest}`;
export const planPath = (region: string, planId: string, rest = '') => sakipPath(region, `/rencana/${planId}${rest}`);
/** An indicator's page, at a year when given (the drill-down keeps the year it started from). */
export const indicatorPath = (region: string, planId: string, indicatorId: string, year?: number) =>
  planPath(region, planId, `/indikator/${indicatorId}${year ? `?tahun=${year}` : ''}`);
/** An indicator's villages (query: periode, kecamatan). */
export const villagesPath = (region: string, planId: string, indicatorId: string, query = '') => sakipPath(region, `/desa/${planId}/${indicatorId}${query}`);
/** A node's place on its plan's page (`#simpul-…`), where a link from the overview lands. */
export const nodeAnchor = (nodeId: string) => `simpul-${nodeId}`;
/** An indicator measured per village, by kecamatan (query: periode). */
export const kecamatanPath = (region: string, planId: string, indicatorId: string, query = '') => sakipPath(region, `/desa/${planId}/${indicatorId}/kecamatan${query}`);

/** The units whose Renstra and realisations this person fills (their sakip_planner grants). */
export function plannerUnits(me: Me | undefined, region: string): Set<string> {
  return new Set((me?.grants ?? []).filter((g) => g.regionCode === region && g.role === 'sakip_planner' && g.unitId).map((g) => g.unitId!));
}

/** The units this person acts for through these roles; null when region-wide (the API's unitsReached). */
export function unitsReached(me: Me | undefined, region: string, roles: string[]): Set<string> | null {
  const grants = (me?.grants ?? []).filter((g) => g.regionCode === region && roles.includes(g.role));
  if (me?.user?.platformAdmin || grants.some((g) => !g.unitId)) return null;
  return new Set(grants.map((g) => g.unitId!));
}

/** The names of these units (an indicator's other units), as one line. */
export const unitNames = (units: Unit[] | undefined, ids: readonly string[]) =>
  ids.map((id) => units?.find((u) => u.id === id)?.name).filter(Boolean).join(', ');

/** Whether this person may change the plan's structure and targets: the same rule the API applies. */
export function mayEditPlan(me: Me | undefined, region: string, plan: Plan): boolean {
  if (may(me, region, 'sakip.manage')) return true;
  return plan.kind === 'renstra' && !!plan.unit && may(me, region, 'sakip.plan') && plannerUnits(me, region).has(plan.unit.id);
}

/**
 * An exact decimal from the API ("1234.5") in the reader's notation
 * ("1.234,5" or "1,234.5"), digit for digit: never through a binary float.
 */
export function formatExact(value: string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '–';
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) return value;
  const [, sign, whole, fraction] = m;
  const group = locale === 'en' ? ',' : '.';
  const point = locale === 'en' ? '.' : ',';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${sign}${grouped}${fraction ? point + fraction : ''}`;
}

/** What a person typed ("12,5" or "12.5") as the API's decimal with a point; anything else is sent as typed for the API to explain. */
export function toApiDecimal(typed: string): string {
  const s = typed.trim().replace(/\s/g, '');
  return /^-?\d+,\d+$/.test(s) ? s.replace(',', '.') : s;
}

/** An achievement percentage with its band (colour and words), or why there is none. */
export function AchievementValue({ result }: { result: AchievementFigure | null | undefined }) {
  const { t, pick, locale } = useI18n();
  if (!result) return <span className="muted">–</span>;
  if (!result.computable) return <span className="muted small">{t(`sakip.notComputable.${result.reason}`)}</span>;
  return (
    <span className="achievement" title={result.percentExact}>
      <span className="band-dot" style={{ background: result.band.colour }} aria-hidden="true" />
      <strong>{formatExact(result.percent, locale)} %</strong> <span className="small muted">{pick(result.band.label)}</span>
    </span>
  );
}

/** A node's indicators taken together (their average), with what was left out. */
export function SummaryValue({ summary }: { summary: NodeSummary | TallySummary | null }) {
  const { t, pick, locale } = useI18n();
  if (!summary) return null;
  if (!summary.ok) return <span className="muted small">{t('sakip.summary.none')}</span>;
  return (
    <span className="achievement" title={summary.percentExact}>
      <span className="band-dot" style={{ background: summary.band.colour }} aria-hidden="true" />
      {t('sakip.summary.value', { percent: formatExact(summary.percent, locale) })} <span className="small muted">{pick(summary.band.label)}</span>
      {!summary.complete && <span className="small muted"> · {t('sakip.summary.partial')}</span>}
    </span>
  );
}

/** A year's target as set: one value or a range, with its unit of measure. */
export function TargetText({ target, measure }: { target: Target | null; measure: string }) {
  const { locale } = useI18n();
  if (!target) return <span className="muted">–</span>;
  const shown = target.type === 'single' ? formatExact(target.value, locale) : `${formatExact(target.low, locale)}–${formatExact(target.high, locale)}`;
  return <>{shown} {measure}</>;
}

type Translate = ReturnType<typeof useI18n>['t'];

/** "2026", "Triwulan I 2026", "Maret 2026". */
export function periodName(period: string, t: Translate): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return t('sakip.period.quarter', { n: ['I', 'II', 'III', 'IV'][Number(quarter[2]) - 1], year: quarter[1] });
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return t('sakip.period.month', { month: t(`sakip.month.${Number(month[2])}` as Parameters<Translate>[0]), year: month[1] });
  return period;
}

export function PlanStatusBadge({ status }: { status: Plan['status'] }) {
  const { t } = useI18n();
  return <span className={`badge plan-${status}`}>{t(`sakip.status.${status}`)}</span>;
}

/** Every e-SAKIP page: signed in with the permission, in the region, with the SAKIP menu. */
export function SakipPage({ region, children }: { region: string; children: (region: RegionProfile) => ReactNode }) {
  return (
    <StaffOnly region={region} permission="sakip.read">
      <RegionGate code={region}>{(r) => <><SakipNav region={r.code} province={r.parentCode === null} />{children(r)}</>}</RegionGate>
    </StaffOnly>
  );
}

function SakipNav({ region, province }: { region: string; province: boolean }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const entries: [string, string][] = [
    [sakipPath(region), t('sakip.nav.plans')], [sakipPath(region, '/ringkasan'), t('sakip.nav.overview')], [sakipPath(region, '/pelaporan'), t('sakip.nav.reporting')],
    [sakipPath(region, '/desa'), t('sakip.nav.villages')],
  ];
  // The AKIP evaluation; a province also compares its kabupaten/kota.
  entries.push([sakipPath(region, '/perjanjian'), t('sakip.nav.agreements')], [sakipPath(region, '/lkjip'), t('sakip.nav.lkjip')], [sakipPath(region, '/evaluasi'), t('sakip.nav.evaluation')]);
  // The indicator library planners reuse (its own or adopted in the Living Lab).
  entries.push([sakipPath(region, '/katalog-indikator'), t('sakip.nav.library')]);
  if (province) entries.push([sakipPath(region, '/provinsi'), t('sakip.nav.province')]);
  return (
    <nav className="sakip-nav no-print" aria-label={t('sakip.nav.label')}>
      {entries.map(([href, label]) => <Link key={href} to={href} aria-current={path === href ? 'page' : undefined}>{label}</Link>)}
    </nav>
  );
}
