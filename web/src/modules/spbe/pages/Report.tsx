// The printable evaluation report (the browser saves it as PDF): region,
// year, framework version, index and predicate, domain and aspect tables,
// then per domain (each on a new page) every indicator with its self-assessed
// and final level, reasons and evidence. Also links to the XLSX/CSV exports.
import { ErrorMessage, Loading, PageTitle, When } from '../../../components/ui.js';
import { evaluationPath, formatDecimal, groupAnswers, LevelPair, SpbePage, evaluationUrl, StageBadge } from '../components/common.js';
import { IndexCards, ScoreTable } from '../components/scores.js';
import type { Evaluation, EvaluationAnswer } from '../components/types.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, type Params } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';

export function ReportPage({ params }: { params: Params }) {
  return <SpbePage region={params.region}>{(region) => <Report region={region} id={params.evaluationId} />}</SpbePage>;
}

function Report({ region, id }: { region: RegionProfile; id: string }) {
  const { t, pick } = useI18n();
  const url = evaluationUrl(region.code, id);
  const detail = useStaffApi<Evaluation>(url);
  const ev = detail.data;
  if (detail.error) return <ErrorMessage error={detail.error} />;
  if (!ev) return <Loading />;
  const title = t('spbe.report.title', { year: ev.year });
  const unitName = new Map(ev.units.map((u) => [u.id, u.name]));
  return (
    <>
      <div className="report-toolbar no-print">
        <p><Link to={evaluationPath(region.code, ev.id)}>{t('spbe.back.evaluation', { year: ev.year })}</Link></p>
        <div className="button-row">
          <button type="button" className="button" onClick={() => window.print()}>{t('spbe.report.print')}</button>
        </div>
        <p className="small links-row">
          <span>{t('spbe.report.export')}</span>
          <a href={`${url}/export?format=xlsx`} download>XLSX</a>
          <a href={`${url}/export?format=csv&part=levels`} download>{t('spbe.report.csvLevels')}</a>
          <a href={`${url}/export?format=csv&part=evidence`} download>{t('spbe.report.csvEvidence')}</a>
          <a href={`${url}/export?format=csv&part=scores`} download>{t('spbe.report.csvScores')}</a>
        </p>
      </div>
      <article className="spbe-report">
        <header>
          <PageTitle title={title}>{title}</PageTitle>
          <dl className="facts">
            <div><dt>{t('spbe.report.region')}</dt><dd>{region.name} ({region.code})</dd></div>
            <div><dt>{t('spbe.report.framework')}</dt><dd>{pick(ev.framework.name)} · {t('spbe.framework.version', { n: ev.framework.version })}</dd></div>
            <div><dt>{t('spbe.report.stage')}</dt><dd><StageBadge stage={ev.stage} /></dd></div>
            <div><dt>{t('spbe.report.printed')}</dt><dd><When at={new Date().toISOString()} zone={region} /></dd></div>
          </dl>
        </header>
        <IndexCards self={ev.scores.self} final={ev.scores.final} />
        <ScoreTable caption={t('spbe.table.domains')} self={ev.scores.self.domains} final={ev.scores.final.domains} />
        <ScoreTable caption={t('spbe.table.aspects')} self={ev.scores.self.aspects} final={ev.scores.final.aspects} />
        {groupAnswers(ev.answers, ev.domains, ev.aspects).map((g) => (
          <section key={g.domain?.code ?? 'all'} className="report-domain">
            <h2>{g.domain ? `${g.domain.code} · ${pick(g.domain.name)}` : t('spbe.report.indicators')}</h2>
            {g.aspects.map(({ aspect, answers }) => (
              <div key={aspect.code}>
                <h3>{aspect.code} · {pick(aspect.name)}</h3>
                {answers.map((a) => <IndicatorBlock key={a.indicator.code} a={a} unit={a.unitId ? unitName.get(a.unitId) : undefined} />)}
              </div>
            ))}
          </section>
        ))}
      </article>
    </>
  );
}

function IndicatorBlock({ a, unit }: { a: EvaluationAnswer; unit?: string }) {
  const { t, pick, locale } = useI18n();
  return (
    <div className="report-indicator">
      <h4>{a.indicator.number}. {pick(a.indicator.name)}</h4>
      <p className="small muted">{t('spbe.indicator.weight', { w: formatDecimal(a.indicator.weight, locale, 0) })} · {unit ?? t('spbe.assign.none')}</p>
      <LevelPair answer={a} />
      {a.explanation && <p className="small"><strong>{t('spbe.fill.explanation')}:</strong> {a.explanation}</p>}
      {a.finalReason && <p className="small"><strong>{t('spbe.assess.reason')}:</strong> {a.finalReason}</p>}
      <p className="small"><strong>{t('spbe.evidence.title')}:</strong></p>
      {a.evidence.length + a.links.length === 0 ? <p className="small muted">{t('spbe.evidence.none')}</p> : (
        <ul className="small evidence-list">
          {a.evidence.map((f) => <li key={f.id}>{f.fileName}</li>)}
          {a.links.map((l, i) => <li key={i}><a href={l.url}>{l.label || l.url}</a></li>)}
        </ul>
      )}
    </div>
  );
}
