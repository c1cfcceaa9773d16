// What the filing, retention and exchange pages share: their paths, the API's
// answers, their common head with the links between them (each shown to
// whoever holds its permission), a file's status, dates, and the list of problems the server
// gives for an import it refused.
import type { ReactNode } from 'react';
import { api, ApiError, regionApi } from '../../../api.js';
import { PageTitle } from '../../../components/ui.js';
import { formatCalendarDate } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, useLocation } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import { useStaffApi } from '../../../query.js';
import { useSend } from '../../../send.js';
import type { Unit } from '../../../types.js';
import type { components } from '../../../api-types.js';
import { SuratNav } from './common.js';

type Schemas = components['schemas'];
export type RecordFile = Schemas['SuratFile'];
export type RecordFileDetail = Schemas['SuratFileDetail'];
export type Disposal = Schemas['SuratDisposal'];
export type RetentionRow = Schemas['SuratRetention'];
export type DueFile = RecordFile & { due: 'transfer' | 'fate' };

export const archivePath = (region: string) => `/staff/${region}/surat/arsip`;
export const recordFilePath = (region: string, id: string) => `/staff/${region}/surat/arsip/${id}`;
export const retentionPath = (region: string) => `/staff/${region}/surat/jra`;
export const disposalsPath = (region: string) => `/staff/${region}/surat/penyusutan`;
export const exchangePath = (region: string) => `/staff/${region}/surat/pertukaran`;

/** The records pages the person may use, as links (the home screen and each records page show them). */
export function RecordsNav({ region }: { region: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { path } = useLocation();
  const links = [
    { href: archivePath(region), label: t('surat.records.nav.files'), show: may(me, region, 'surat.file') },
    { href: retentionPath(region), label: t('surat.records.nav.retention'), show: may(me, region, 'surat.file') },
    { href: disposalsPath(region), label: t('surat.records.nav.disposals'), show: may(me, region, 'surat.retention') || may(me, region, 'surat.disposal.decide') },
    { href: exchangePath(region), label: t('surat.records.nav.exchange'), show: may(me, region, 'surat.exchange') },
  ].filter((l) => l.show);
  if (links.length === 0) return null;
  return (
    <nav className="subnav" aria-label={t('surat.records.nav')}>
      {links.map((l) => <Link key={l.href} to={l.href} aria-current={path === l.href ? 'page' : undefined}>{l.label}</Link>)}
    </nav>
  );
}

/** A records page's head: its title, the correspondence and records menus, what the page is for, and a refusal when the person may not use it. */
export function RecordsHeader({ region, title, intro, allowed = true }: { region: string; title: string; intro?: string; allowed?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <SuratNav region={region} />
      <RecordsNav region={region} />
      {intro && <p className="muted">{intro}</p>}
      {!allowed && <p className="alert alert-error" role="alert">{t('error.forbidden')}</p>}
    </>
  );
}

export function FileStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const tone = status === 'open' ? 'badge-green' : status === 'destroyed' ? 'badge-red' : 'badge-neutral';
  return <span className={`badge ${tone}`}>{t(`surat.records.status.${status}` as 'surat.records.status.open')}</span>;
}

/** A calendar date (YYYY-MM-DD) as "7 Des 2026"; a dash when there is none. */
export function Day({ date }: { date: string | null | undefined }) {
  const { locale } = useI18n();
  return <>{date ? formatCalendarDate(date, locale, { day: 'numeric', month: 'short', year: 'numeric' }) : '—'}</>;
}

/** Every problem the server listed for a refused file (the error message shows only the first few). */
export function IssueList({ error }: { error: unknown }) {
  const { t } = useI18n();
  const issues = error instanceof ApiError ? (error.details as { issues?: string[] } | undefined)?.issues ?? [] : [];
  if (issues.length === 0) return null;
  return (
    <>
      <p className="small">{t('surat.records.issues', { n: issues.length })}</p>
      <ul className="problem-list small">{issues.map((issue, i) => <li key={i}>{issue}</li>)}</ul>
    </>
  );
}

/** The units whose files the person keeps: all for the records manager, else those where they are a clerk. */
export function useFilingUnits(region: string): Unit[] {
  const { me } = useSession();
  const units = useStaffApi<Unit[]>(`${regionApi(region)}/units`);
  const grants = (me?.grants ?? []).filter((g) => g.regionCode === region);
  if (grants.some((g) => g.role === 'surat_records_manager')) return units.data ?? [];
  const mine = new Set(grants.filter((g) => g.role === 'surat_clerk').map((g) => g.unitId));
  return (units.data ?? []).filter((u) => mine.has(u.id));
}

export function FileTable<F extends RecordFile>({ region, files, caption, due }: { region: string; files: F[]; caption: string; due?: (f: F) => ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="table-scroll"><table className="surat-table">
      <caption>{caption}</caption>
      <thead><tr>
        {due && <th scope="col">{t('surat.records.due.col')}</th>}
        <th scope="col">{t('surat.records.file.title')}</th><th scope="col">{t('surat.letter.classification')}</th><th scope="col">{t('surat.col.unit')}</th>
        <th scope="col">{t('surat.col.status')}</th><th scope="col">{t('surat.records.file.letters')}</th><th scope="col">{t('surat.records.file.closedOn')}</th>
        <th scope="col">{t('surat.records.file.activeUntil')}</th><th scope="col">{t('surat.records.file.inactiveUntil')}</th><th scope="col">{t('surat.records.file.fate')}</th>
      </tr></thead>
      <tbody>{files.map((f) => (
        <tr key={f.id}>
          {due && <td>{due(f)}</td>}
          <th scope="row"><Link to={recordFilePath(region, f.id)}>{f.title}</Link></th>
          <td>{f.classificationCode}</td><td>{f.unitName}</td><td><FileStatusBadge status={f.status} /></td><td>{f.letters}</td>
          <td className="nowrap"><Day date={f.closedOn} /></td><td className="nowrap"><Day date={f.activeUntil} /></td><td className="nowrap"><Day date={f.inactiveUntil} /></td>
          <td>{f.fate ? t(`surat.records.fate.${f.fate}` as 'surat.records.fate.musnah') : '—'}</td>
        </tr>
      ))}</tbody>
    </table></div>
  );
}

/** Sends one file (and its options) to an import: the answer, or the error with its problems, and whether it is still at work. */
export function useImport<T>(url: string) {
  const { result, error, busy, run } = useSend<T>();
  const send = (file: File, options?: object) => {
    const form = new FormData();
    if (options) form.append('options', JSON.stringify(options));
    form.append('file', file);
    return run(() => api<T>(url, { method: 'POST', body: form }));
  };
  return { result, error, busy, send };
}
