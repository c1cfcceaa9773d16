// The performance reports (LKjIP): the year's reports and generating one;
// the editor (each narrative section a text area, regenerating the figures,
// finalising, reopening a final report with a reason, the earlier final
// versions, the Word and PDF files); and the print page (of the report or of
// an earlier version). The figures are the snapshot taken when the draft was
// generated: the editor says when.
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import { ErrorMessage, Flash, Loading, PageTitle, When } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, navigate, useLocation, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile, Unit } from '../../../types.js';
import { plannerUnits, SakipPage, sakipApi, sakipPath } from '../components/common.js';
import { LkjipDocument } from '../components/LkjipDocument.js';
import type { Report, ReportBrief, ReportVersion } from '../components/types.js';

const reportsUrl = (region: string) => `${sakipApi(region)}/reports`;
const reportUrl = (region: string, id: string) => `${reportsUrl(region)}/${encodeURIComponent(id)}`;
export const reportPath = (region: string, id?: string, rest = '') => sakipPath(region, `/lkjip${id ? `/${id}` : ''}${rest}`);

export function ReportsPage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <ReportsView region={region} />}</SakipPage>;
}

function ReportsView({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { path, query } = useLocation();
  const thisYear = new Date().getFullYear();
  const asked = Number(query.get('tahun'));
  const year = asked >= 2000 && asked <= 2100 ? asked : thisYear - 1;
  const list = useStaffApi<ReportBrief[]>(`${reportsUrl(region.code)}?year=${year}`);
  return (
    <>
      <PageTitle title={t('sakip.lkjip.title')}>{t('sakip.lkjip.title')}</PageTitle>
      <p className="small muted">{t('sakip.lkjip.intro')}</p>
      <div className="field narrow">
        <label htmlFor="lkjip-year">{t('sakip.plan.year')}</label>
        <select id="lkjip-year" value={year} onChange={(e) => navigate(`${path}?tahun=${e.target.value}`, { replace: true })}>
          {Array.from({ length: 8 }, (_, i) => thisYear + 1 - i).map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </div>
      <ErrorMessage error={list.error} />
      {!list.data ? <Loading /> : list.data.length === 0 ? <p className="muted">{t('sakip.lkjip.none', { year })}</p> : (
        <div className="sakip-scroll"><table className="sakip-table">
          <caption>{t('sakip.lkjip.caption', { year })}</caption>
          <thead><tr><th scope="col">{t('sakip.lkjip.subject')}</th><th scope="col">{t('sakip.lkjip.status')}</th><th scope="col">{t('sakip.lkjip.generated')}</th></tr></thead>
          <tbody>
            {list.data.map((r) => (
              <tr key={r.id}>
                <th scope="row"><Link to={reportPath(region.code, r.id)}>{r.subject}</Link></th>
                <td><span className={`badge report-${r.status}`}>{t(`sakip.lkjip.status.${r.status}`)}</span></td>
                <td className="small"><When at={r.generatedAt} zone={region} /></td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
      {may(me, region.code, 'sakip.plan') && <GenerateReport region={region} year={year} />}
      <p className="small"><a href={`/r/${region.code}/sakip?tahun=${year}`}>{t('sakip.lkjip.publicLink')}</a></p>
    </>
  );
}

function GenerateReport({ region, year }: { region: RegionProfile; year: number }) {
  const { t } = useI18n();
  const { me } = useSession();
  const coordinator = may(me, region.code, 'sakip.manage');
  const mine = plannerUnits(me, region.code);
  const units = useStaffApi<Unit[]>(`/api/regions/${encodeURIComponent(region.code)}/units`);
  const choices = (units.data ?? []).filter((u) => coordinator || mine.has(u.id));
  const [unitId, setUnitId] = useState(coordinator ? '' : [...mine][0] ?? '');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const created = await api<Report>(reportsUrl(region.code), { method: 'POST', body: { year, unitId: unitId || null } });
      navigate(reportPath(region.code, created.id));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card no-print" onSubmit={submit}>
      <h2>{t('sakip.lkjip.generate', { year })}</h2>
      <div className="field">
        <label htmlFor="lkjip-unit">{t('sakip.lkjip.for')}</label>
        <select id="lkjip-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          {coordinator && <option value="">{t('sakip.lkjip.region', { region: region.name })}</option>}
          {choices.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
      </div>
      <p className="small muted">{t('sakip.lkjip.generateHelp')}</p>
      <ErrorMessage error={error} />
      <button type="submit" className="button">{t('sakip.lkjip.generateButton')}</button>
    </form>
  );
}

// ---------------------------------------------------------------------------
// The editor

export function ReportPage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <ReportEditor region={region} id={params.reportId} />}</SakipPage>;
}

/** Whether this person may edit the report: the coordinator, or a planner of its unit (the API's rule). */
function mayEdit(me: ReturnType<typeof useSession>['me'], region: string, r: Report) {
  if (may(me, region, 'sakip.manage')) return true;
  return !!r.unit && may(me, region, 'sakip.plan') && plannerUnits(me, region).has(r.unit.id);
}

/** Whether this person may approve it: the coordinator any, a unit's head their unit's (the API's rule). */
function mayApprove(me: ReturnType<typeof useSession>['me'], region: string, r: Report) {
  if (may(me, region, 'sakip.manage')) return true;
  return !!r.unit && (me?.grants ?? []).some((g) => g.regionCode === region && g.role === 'unit_head' && g.unitId === r.unit!.id);
}

function ReportEditor({ region, id }: { region: RegionProfile; id: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const data = useStaffApi<Report>(reportUrl(region.code, id));
  const [error, setError] = useState<unknown>(null);
  const [flash, setFlash] = useState<string | null>(null);
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data) return <Loading />;
  const r = data.data;
  const editable = r.status === 'draft' && mayEdit(me, region.code, r);
  const act = async (path: string, body: unknown, done: string) => {
    setError(null);
    setFlash(null);
    try {
      await api<Report>(`${reportUrl(region.code, id)}/${path}`, { method: 'POST', body });
      data.reload();
      setFlash(done);
    } catch (err) {
      setError(err);
    }
  };
  const title = `${r.snapshot.title} · ${r.snapshot.subject}`;
  return (
    <>
      <p><Link to={reportPath(region.code)}>{t('sakip.lkjip.back')}</Link></p>
      <PageTitle title={title}><span>{title}</span></PageTitle>
      <dl className="sakip-facts">
        <div><dt>{t('sakip.lkjip.status')}</dt><dd><span className={`badge report-${r.status}`}>{t(`sakip.lkjip.status.${r.status}`)}</span></dd></div>
        <div><dt>{t('sakip.lkjip.generated')}</dt><dd>{r.generated.by}, <When at={r.generated.at} zone={region} /> ({t('sakip.lkjip.generation', { n: r.generation })})</dd></div>
        {r.final && <div><dt>{t('sakip.lkjip.finalised')}</dt><dd>{r.final.by}, <When at={r.final.at} zone={region} /></dd></div>}
      </dl>
      <p className="small muted">{t('sakip.lkjip.snapshotHelp')}</p>
      <div className="button-row">
        <Link className="button" to={reportPath(region.code, id, '/cetak')}>{t('sakip.lkjip.print')}</Link>
        <a className="button secondary" href={`${reportUrl(region.code, id)}/export.docx`} download>{t('sakip.lkjip.docx')}</a>
        <a className="button secondary" href={`${reportUrl(region.code, id)}/export.pdf`} download>{t('sakip.lkjip.pdf')}</a>
      </div>
      {flash && <Flash>{flash}</Flash>}
      <ErrorMessage error={error} />
      {r.status === 'draft' && (
        <div className="button-row">
          {editable && <button type="button" className="button secondary" onClick={() => void act('regenerate', {}, t('sakip.lkjip.regenerated'))}>{t('sakip.lkjip.regenerate')}</button>}
          {editable && (
            <button type="button" className="button secondary" onClick={() => window.confirm(t('sakip.lkjip.regenerateTextsConfirm')) && void act('regenerate', { resetTexts: true }, t('sakip.lkjip.regeneratedTexts'))}>
              {t('sakip.lkjip.regenerateTexts')}
            </button>
          )}
          {mayApprove(me, region.code, r) && <button type="button" className="button" onClick={() => window.confirm(t('sakip.lkjip.finaliseConfirm')) && void act('finalise', {}, t('sakip.lkjip.finalisedFlash'))}>{t('sakip.lkjip.finalise')}</button>}
        </div>
      )}
      {r.status === 'final' && may(me, region.code, 'sakip.manage') && <ReopenReport region={region} id={id} reopened={() => { data.reload(); setFlash(t('sakip.lkjip.reopenedFlash')); }} />}
      {r.versions.length > 0 && <Versions region={region} report={r} />}
      <h2>{t('sakip.lkjip.sections')}</h2>
      {r.sections.map((s) => <SectionEditor key={`${s.key}:${r.generation}:${s.updated?.at ?? ''}`} region={region} report={r} section={s} editable={editable} saved={data.reload} />)}
    </>
  );
}

/** The coordinator reopens a final report for correction, with a reason. */
function ReopenReport({ region, id, reopened }: { region: RegionProfile; id: string; reopened: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api<Report>(`${reportUrl(region.code, id)}/reopen`, { method: 'POST', body: { reason: reason.trim() } });
      setOpen(false);
      reopened();
    } catch (err) {
      setError(err);
    }
  };
  if (!open) return <div className="button-row no-print"><button type="button" className="button secondary" onClick={() => setOpen(true)}>{t('sakip.lkjip.reopen')}</button></div>;
  return (
    <form className="card no-print" onSubmit={submit}>
      <h2>{t('sakip.lkjip.reopen')}</h2>
      <p className="small muted">{t('sakip.lkjip.reopenHelp')}</p>
      <div className="field">
        <label htmlFor="lkjip-reopen-reason">{t('sakip.lkjip.reopenReason')}</label>
        <textarea id="lkjip-reopen-reason" rows={3} required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <ErrorMessage error={error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={reason.trim() === ''}>{t('sakip.lkjip.reopenButton')}</button>
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>{t('sakip.lkjip.cancel')}</button>
      </div>
    </form>
  );
}

/** The report's earlier final versions: who approved each, who reopened it, when and why, and its print page and files. */
function Versions({ region, report }: { region: RegionProfile; report: Report }) {
  const { t } = useI18n();
  return (
    <section className="card">
      <h2>{t('sakip.lkjip.versions')}</h2>
      <p className="small muted">{t(report.status === 'final' ? 'sakip.lkjip.versionsHelp' : 'sakip.lkjip.versionsPublic')}</p>
      <ul className="sakip-public-list">
        {[...report.versions].reverse().map((v) => (
          <li key={v.version} data-version={v.version}>
            <strong>{t('sakip.lkjip.version', { n: v.version })}</strong>
            {': '}{t('sakip.lkjip.versionApproved', { by: v.final.by })} <When at={v.final.at} zone={region} />
            {'; '}{t('sakip.lkjip.versionReopened', { by: v.reopened.by })} <When at={v.reopened.at} zone={region} />
            <br /><span className="small">{t('sakip.lkjip.versionReason', { reason: v.reopened.reason })}</span>
            <br /><Link to={reportPath(region.code, report.id, `/cetak?versi=${v.version}`)}>{t('sakip.lkjip.print')}</Link>
            {' · '}<a href={`${reportUrl(region.code, report.id)}/export.docx?version=${v.version}`} download>{t('sakip.lkjip.docx')}</a>
            {' · '}<a href={`${reportUrl(region.code, report.id)}/export.pdf?version=${v.version}`} download>{t('sakip.lkjip.pdf')}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SectionEditor({ region, report, section, editable, saved }: { region: RegionProfile; report: Report; section: Report['sections'][number]; editable: boolean; saved: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(section.text);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await api<Report>(`${reportUrl(region.code, report.id)}/sections/${section.key}`, { method: 'PUT', body: { text } });
      saved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const id = `lkjip-section-${section.key}`;
  return (
    <form className="card lkjip-section" onSubmit={submit}>
      <label htmlFor={id}><strong>{section.heading}</strong></label>
      {section.key === 'budget' && <p className="small muted">{t(report.snapshot.budget ? 'sakip.lkjip.budgetTable' : 'sakip.lkjip.noBudget')}</p>}
      <textarea id={id} rows={section.key === 'budget' && !report.snapshot.budget ? 3 : 6} maxLength={20000} value={text} readOnly={!editable} onChange={(e) => setText(e.target.value)} />
      {section.updated && <p className="small muted">{section.updated.by}, <When at={section.updated.at} zone={region} /></p>}
      <ErrorMessage error={error} />
      {editable && <button type="submit" className="button secondary" disabled={busy || text === section.text}>{t('sakip.lkjip.save')}</button>}
    </form>
  );
}

// ---------------------------------------------------------------------------
// The print page

export function ReportPrintPage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <ReportPrint region={region} id={params.reportId} />}</SakipPage>;
}

/** The report as it is now, or (`?versi=n`) an earlier final version as it was approved. */
function ReportPrint({ region, id }: { region: RegionProfile; id: string }) {
  const { t } = useI18n();
  const asked = Number(useLocation().query.get('versi'));
  const version = Number.isInteger(asked) && asked >= 1 ? asked : null;
  const data = useStaffApi<Report | ReportVersion>(version === null ? reportUrl(region.code, id) : `${reportUrl(region.code, id)}/versions/${version}`);
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data) return <Loading />;
  const r = data.data;
  return (
    <>
      <PageTitle title={`${r.snapshot.title} · ${r.snapshot.subject}`}><span className="no-print">{t('sakip.lkjip.printTitle')}</span></PageTitle>
      <div className="no-print">
        <p><Link to={reportPath(region.code, id)}>{t('sakip.lkjip.backToEditor')}</Link></p>
        {'reopened' in r && <p className="small">{t('sakip.lkjip.version', { n: r.version })}: {t('sakip.lkjip.versionApproved', { by: r.final.by })} <When at={r.final.at} zone={region} /></p>}
        <div className="button-row"><button type="button" className="button" onClick={() => window.print()}>{t('sakip.report.print')}</button></div>
      </div>
      <LkjipDocument snapshot={r.snapshot} sections={r.sections} draft={r.status === 'draft'} />
    </>
  );
}
