// Shared pieces of the SPBE screens: the page frame with its sub-menu,
// stages and statuses, levels shown self-assessed beside final, scores.
import type { ReactNode } from 'react';
import { regionApi } from '../../../api.js';
import { useI18n, type Locale } from '../../../i18n/index.js';
import { Link, useLocation } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { Me, Permission, RegionProfile } from '../../../types.js';
import { ensureAllowed, type Action } from '../../../../../src/modules/spbe/domain/cycle.js';
import { RegionGate } from '../../../components/RegionGate.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import type { AnswerStatus, EvaluationAnswer, MaybeBilingual, Stage } from './types.js';
import './spbe.css';

export const spbeApi = (region: string) => `${regionApi(region)}/spbe`;

/** One evaluation of the region: what its pages read and write. */
export const evaluationUrl = (region: string, id: string) => `${spbeApi(region)}/evaluations/${encodeURIComponent(id)}`;
export const spbePath = (region: string, rest = '') => `/staff/${region}/spbe${rest}`;
export const evaluationPath = (region: string, id: string, rest = '') => spbePath(region, `/evaluasi/${id}${rest}`);
export const indicatorPath = (region: string, id: string, code: string) => evaluationPath(region, id, `/indikator/${encodeURIComponent(code)}`);

/** The year it is now in the region (evaluations and targets are per calendar year). */
export function regionYear(region: RegionProfile): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: region.timezone, year: 'numeric' }).format(new Date()));
}

/** Whether the cycle's rules allow an action now (the same rules the API enforces). */
export function allowed(action: Action, stage: string, status?: string): boolean {
  try {
    ensureAllowed(action, stage as Stage, status as AnswerStatus | undefined);
    return true;
  } catch {
    return false;
  }
}

/** The units (OPD) whose indicators this person fills in the region. */
export function myUnits(me: Me | undefined, region: string): Set<string> {
  const grants = (me as (Me & { grants?: { regionCode: string; role: string; unitId: string | null }[] }) | undefined)?.grants ?? [];
  return new Set(grants.filter((g) => g.regionCode === region && (g.role === 'officer' || g.role === 'unit_head') && g.unitId).map((g) => g.unitId!));
}

const scoreFormats = new Map<Locale, Intl.NumberFormat>();
/** Indices and scores as published: two decimals, in the reader's notation (3,12 or 3.12). */
export function formatScore(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '–';
  let f = scoreFormats.get(locale);
  if (!f) scoreFormats.set(locale, (f = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })));
  return f.format(value);
}

/** A gain or weight with its real precision (a step on a weight-2.75 indicator adds 0.0275). */
export function formatDecimal(value: number, locale: Locale, minimumFractionDigits = 2): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits, maximumFractionDigits: 4 }).format(value);
}

export function Score({ value }: { value: number | null | undefined }) {
  const { locale } = useI18n();
  return <span className="score">{formatScore(value, locale)}</span>;
}

/** A text in the reader's language, or in the other one (marked) when only that exists. */
export function BiText({ text, fallback = '–' }: { text: MaybeBilingual | null | undefined; fallback?: string }) {
  const { locale } = useI18n();
  const other: Locale = locale === 'en' ? 'id' : 'en';
  if (text?.[locale]) return <>{text[locale]}</>;
  if (text?.[other]) return <span lang={other}>{text[other]}</span>;
  return <>{fallback}</>;
}

/** Every SPBE page: signed in with the permission, in the region, with the SPBE menu. */
export function SpbePage({ region, permission = 'spbe.read', children }: { region: string; permission?: Permission; children: (region: RegionProfile) => ReactNode }) {
  return (
    <StaffOnly region={region} permission={permission}>
      <RegionGate code={region}>{(r) => <><SpbeNav region={r.code} />{children(r)}</>}</RegionGate>
    </StaffOnly>
  );
}

function SpbeNav({ region }: { region: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { path } = useLocation();
  const entries: { href: string; label: string; show: boolean }[] = [
    { href: spbePath(region), label: t('spbe.nav.home'), show: true },
    { href: spbePath(region, '/isian'), label: t('spbe.nav.fill'), show: may(me, region, 'spbe.fill') },
    { href: spbePath(region, '/target'), label: t('spbe.nav.target'), show: true },
    { href: spbePath(region, '/perbandingan'), label: t('spbe.nav.compare'), show: true },
    { href: spbePath(region, '/belajar'), label: t('spbe.nav.leaders'), show: true },
    { href: '/spbe/kerangka', label: t('spbe.nav.frameworks'), show: !!me?.user?.platformAdmin },
  ];
  return (
    <nav className="spbe-nav no-print" aria-label={t('spbe.nav.label')}>
      {entries.filter((e) => e.show).map((e) => (
        <Link key={e.href} to={e.href} aria-current={path === e.href ? 'page' : undefined}>{e.label}</Link>
      ))}
    </nav>
  );
}

export function StageBadge({ stage }: { stage: string }) {
  const { t } = useI18n();
  return <span className={`badge stage-${stage}`}>{t(`spbe.stage.${stage as Stage}`)}</span>;
}

export function AnswerStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className={`badge answer-${status}`}>{t(`spbe.status.${status as AnswerStatus}`)}</span>;
}

/** "3 · Terdefinisi", or a dash when there is no level yet. */
export function LevelValue({ level, name }: { level: number | null; name: { id: string; en: string } | null }) {
  const { pick } = useI18n();
  if (level === null) return <span className="muted">–</span>;
  return <span className="level-value"><strong>{level}</strong>{name && <> · {pick(name)}</>}</span>;
}

/** The self-assessed and the final level side by side, with the assessor's reason. */
export function LevelPair({ answer, withReason }: { answer: EvaluationAnswer; withReason?: boolean }) {
  const { t } = useI18n();
  const differs = answer.finalLevel !== null && answer.selfLevel !== null && answer.finalLevel !== answer.selfLevel;
  return (
    <dl className={`level-pair${differs ? ' differs' : ''}`}>
      <div>
        <dt>{t('spbe.level.self')}</dt>
        <dd><LevelValue level={answer.selfLevel} name={answer.selfLevelName} /></dd>
      </div>
      <div>
        <dt>{t('spbe.level.final')}</dt>
        <dd>
          <LevelValue level={answer.finalLevel} name={answer.finalLevelName} />
          {withReason && answer.finalReason && <p className="small reason">{answer.finalReason}</p>}
        </dd>
      </div>
    </dl>
  );
}

/** The evaluation's indicators grouped as the framework is: domains (if any), then aspects. */
export function groupAnswers<T extends { indicator: { aspect: string; domain: string | null } }>(
  answers: T[], domains: { code: string; name: { id: string; en: string } }[], aspects: { code: string; domain: string | null; name: { id: string; en: string } }[],
) {
  const byAspect = aspects.map((a) => ({ aspect: a, answers: answers.filter((x) => x.indicator.aspect === a.code) })).filter((g) => g.answers.length > 0);
  if (domains.length === 0) return [{ domain: null, aspects: byAspect }];
  return domains.map((d) => ({ domain: d, aspects: byAspect.filter((g) => g.aspect.domain === d.code) })).filter((g) => g.aspects.length > 0);
}

/** A copy of the set with the key in or out (for checkbox lists held in state). */
export function toggled<T>(set: Set<T>, key: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(key); else next.delete(key);
  return next;
}

/** File size for people: "820 KB", "2,4 MB". */
export function formatBytes(bytes: number, locale: Locale): string {
  const n = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${n.format(Math.max(1, Math.round(bytes / 1024)))} KB` : `${n.format(bytes / 1024 / 1024)} MB`;
}

export function EvidenceList({ files, links }: { files: { id: string; fileName: string; bytes: number; url: string }[]; links?: { url: string; label: string }[] }) {
  const { t, locale } = useI18n();
  if (files.length === 0 && (!links || links.length === 0)) return <p className="muted small">{t('spbe.evidence.none')}</p>;
  return (
    <ul className="evidence-list">
      {files.map((f) => <li key={f.id}><a href={f.url} download>{f.fileName}</a> <span className="muted small">({formatBytes(f.bytes, locale)})</span></li>)}
      {links?.map((l, i) => <li key={`l${i}`}><a href={l.url} target="_blank" rel="noopener noreferrer">{l.label || l.url}</a> <span className="muted small">({t('spbe.evidence.link')})</span></li>)}
    </ul>
  );
}
