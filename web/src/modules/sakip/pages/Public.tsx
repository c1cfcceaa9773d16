// The region's published performance documents, for anyone and phone first:
// per year, the active RPJMD and Renstra (their trees with indicators and
// targets), the IKU, the signed performance agreements, the final LKjIP
// (a page, and its Word and PDF files) and the AKIP result. What is shown is
// decided by the API (final, signed, active only); this page only lays it out.
import { RegionGate } from '../../../components/RegionGate.js';
import { ErrorMessage, Loading, PageTitle, When } from '../../../components/ui.js';
import { regionApi } from '../../../api.js';
import { useApi } from '../../../data.js';
import { formatCalendarDate } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, navigate, useLocation, type Params } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';
import { formatExact } from '../components/common.js';
import { LkjipDocument } from '../components/LkjipDocument.js';
import type { PublicDocuments, PublicReport } from '../components/types.js';

const publicApi = (region: string) => `${regionApi(region)}/sakip/public`;
export const publicPath = (region: string, rest = '') => `/r/${region}/sakip${rest}`;

type Plan = PublicDocuments['plans'][number];
type PublicTarget = { type: string; value: string | null; low: string | null; high: string | null } | null;

function TargetText({ target, measure }: { target: PublicTarget; measure: string }) {
  const { locale } = useI18n();
  if (!target) return <>–</>;
  return <>{target.type === 'single' ? formatExact(target.value, locale) : `${formatExact(target.low, locale)}–${formatExact(target.high, locale)}`} {measure}</>;
}

export function PublicSakipPage({ params }: { params: Params }) {
  return <RegionGate code={params.region}>{(region) => <PublicDocumentsView region={region} />}</RegionGate>;
}

function PublicDocumentsView({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const { path, query } = useLocation();
  const asked = Number(query.get('tahun'));
  const docs = useApi<PublicDocuments>(`${publicApi(region.code)}${asked >= 2000 && asked <= 2100 ? `?year=${asked}` : ''}`);
  const d = docs.data;
  return (
    <div className="sakip-public">
      <PageTitle title={t('sakip.public.title', { region: region.name })}>{t('sakip.public.title', { region: region.name })}</PageTitle>
      <p>{t('sakip.public.intro')}</p>
      <ErrorMessage error={docs.error} />
      {!d ? <Loading /> : (
        <>
          <div className="field narrow">
            <label htmlFor="public-year">{t('sakip.plan.year')}</label>
            <select id="public-year" value={d.year} onChange={(e) => navigate(`${path}?tahun=${e.target.value}`, { replace: true })}>
              {[...new Set([...d.years, d.year])].sort((a, b) => b - a).map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </div>
          <nav className="sakip-public-toc" aria-label={t('sakip.public.contents')}>
            <a href="#lkjip">LKjIP</a> · <a href="#akip">AKIP</a> · <a href="#iku">IKU</a> · <a href="#pk">{t('sakip.public.pk')}</a> · <a href="#rencana">RPJMD / Renstra</a>
          </nav>

          <h2 id="lkjip">{t('sakip.public.reports', { year: d.year })}</h2>
          {d.reports.length === 0 ? <p className="muted">{t('sakip.public.noReports')}</p> : (
            <ul className="sakip-public-list">
              {d.reports.map((r) => (
                <li key={r.id}>
                  <Link to={publicPath(region.code, `/lkjip/${r.id}`)}>{t('sakip.public.reportOf', { subject: r.subject, year: r.year })}</Link>
                  {r.underRevision && <span className="small muted"> ({t('sakip.public.underRevision')})</span>}
                  {' · '}<a href={`${publicApi(region.code)}/reports/${r.id}/export.docx`} download>Word</a>
                  {' · '}<a href={`${publicApi(region.code)}/reports/${r.id}/export.pdf`} download>PDF</a>
                </li>
              ))}
            </ul>
          )}

          <h2 id="akip">{t('sakip.public.akip', { year: d.year })}</h2>
          {d.akip.official || d.akip.internal ? (
            <ul className="sakip-public-list">
              {d.akip.official && <li>{t('sakip.public.official')}: <strong>{formatExact(d.akip.official.score, locale)}</strong> ({d.akip.official.predicate.code}, {d.akip.official.predicate.label})</li>}
              {d.akip.internal && <li>{t('sakip.public.internal')}: <strong>{formatExact(d.akip.internal.score, locale)}</strong> ({d.akip.internal.predicate.code}, {d.akip.internal.predicate.label})</li>}
            </ul>
          ) : <p className="muted">{t('sakip.public.noAkip')}</p>}

          <h2 id="iku">{t('sakip.public.iku')}</h2>
          {d.plans.map((p) => <IkuTable key={p.id} plan={p} year={d.year} />)}

          <h2 id="pk">{t('sakip.public.agreements', { year: d.year })}</h2>
          {d.agreements.length === 0 ? <p className="muted">{t('sakip.public.noAgreements')}</p> : d.agreements.map((a) => (
            <section key={a.id} className="card">
              <h3>{a.firstParty.position}{a.unit && a.level === 'subunit' ? ` · ${a.unit.name}` : ''}</h3>
              <p className="small">{a.firstParty.name}{a.secondParty && <> · {t('sakip.public.with', { name: a.secondParty.name, position: a.secondParty.position })}</>}{a.signedOn && <> · {t('sakip.public.signedOn', { date: formatCalendarDate(a.signedOn, locale, { day: 'numeric', month: 'long', year: 'numeric' }) })}</>}
                {' · '}<a href={`${publicApi(region.code)}/agreements/${a.id}/export.docx`} download>{t('sakip.public.agreementDocx')}</a></p>
              <div className="sakip-scroll"><table className="sakip-table">
                <thead><tr><th scope="col">{t('sakip.public.target')}</th><th scope="col">{t('sakip.public.indicator')}</th><th scope="col" className="num">{t('sakip.public.targetYear', { year: d.year })}</th></tr></thead>
                <tbody>{a.targets.map((x, i) => <tr key={i}><td>{x.target}</td><td>{x.indicator}</td><td className="num"><TargetText target={x} measure={x.measure} /></td></tr>)}</tbody>
              </table></div>
            </section>
          ))}

          <h2 id="rencana">{t('sakip.public.plans')}</h2>
          {d.plans.length === 0 ? <p className="muted">{t('sakip.public.noPlans')}</p> : d.plans.map((p) => <PlanTable key={p.id} plan={p} />)}
        </>
      )}
    </div>
  );
}

function IkuTable({ plan, year }: { plan: Plan; year: number }) {
  const { t } = useI18n();
  const rows = plan.rows.filter((r) => r.indicator?.isIku);
  if (rows.length === 0) return null;
  return (
    <div className="sakip-scroll"><table className="sakip-table">
      <caption>{plan.title}</caption>
      <thead><tr><th scope="col">{t('sakip.public.indicator')}</th><th scope="col">{t('sakip.public.definition')}</th><th scope="col" className="num">{t('sakip.public.targetYear', { year })}</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.number}>
            <td>{r.indicator!.name}</td><td className="small">{r.indicator!.definition || '–'}{r.indicator!.dataSource && <> ({r.indicator!.dataSource})</>}</td>
            <td className="num"><TargetText target={r.indicator!.targets.find((x) => x.year === year)?.target ?? null} measure={r.indicator!.measure} /></td>
          </tr>
        ))}
      </tbody>
    </table></div>
  );
}

function PlanTable({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  return (
    <section>
      <h3>{plan.title}</h3>
      <div className="sakip-scroll"><table className="sakip-table">
        <thead><tr><th scope="col">{t('sakip.public.node')}</th><th scope="col">{t('sakip.public.indicator')}</th>{plan.years.map((y) => <th key={y} scope="col" className="num">{y}</th>)}</tr></thead>
        <tbody>
          {plan.rows.map((r, i) => (
            <tr key={i}>
              <td style={{ paddingLeft: `${0.4 + r.depth * 0.8}rem` }}>{r.number} {r.node.code && <span className="small muted">{r.node.code} </span>}{r.node.title}</td>
              <td>{r.indicator?.name ?? ''}</td>
              {plan.years.map((y) => <td key={y} className="num">{r.indicator ? <TargetText target={r.indicator.targets.find((x) => x.year === y)?.target ?? null} measure={r.indicator.measure} /> : ''}</td>)}
            </tr>
          ))}
        </tbody>
      </table></div>
    </section>
  );
}

export function PublicReportPage({ params }: { params: Params }) {
  return <RegionGate code={params.region}>{(region) => <PublicReportView region={region} id={params.reportId} />}</RegionGate>;
}

function PublicReportView({ region, id }: { region: RegionProfile; id: string }) {
  const { t } = useI18n();
  const report = useApi<PublicReport>(`${publicApi(region.code)}/reports/${encodeURIComponent(id)}`);
  if (report.error) return <ErrorMessage error={report.error} />;
  if (!report.data) return <Loading />;
  const r = report.data;
  const url = `${publicApi(region.code)}/reports/${r.id}`;
  return (
    <div className="sakip-public">
      <PageTitle title={`${r.snapshot.title} · ${r.snapshot.subject}`}><span className="no-print">{t('sakip.public.reportOf', { subject: r.snapshot.subject, year: r.year })}</span></PageTitle>
      <div className="no-print">
        <p><Link to={publicPath(region.code, `?tahun=${r.year}`)}>{t('sakip.public.back')}</Link></p>
        <p><a href={`${url}/export.docx`} download>{t('sakip.lkjip.docx')}</a> · <a href={`${url}/export.pdf`} download>{t('sakip.lkjip.pdf')}</a></p>
        <button type="button" className="button secondary" onClick={() => window.print()}>{t('sakip.report.print')}</button>
      </div>
      {r.underRevision && <p className="card lkjip-revision" role="note">{t('sakip.public.underRevisionNote')} <When at={r.finalisedAt} zone={region} />.</p>}
      <LkjipDocument snapshot={r.snapshot} sections={r.sections} draft={false} />
    </div>
  );
}
