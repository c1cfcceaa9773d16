// An evaluation's results: index and predicate, domain and aspect scores,
// self-assessed against final, as charts and tables.
import { ErrorMessage, Loading, PageTitle } from '../../../components/ui.js';
import { BarChart, RadarChart } from '../components/charts.js';
import { evaluationPath, SpbePage, evaluationUrl, spbePath } from '../components/common.js';
import { IndexCards, ScoreTable } from '../components/scores.js';
import type { Evaluation } from '../components/types.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, type Params } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';

export function ResultsPage({ params }: { params: Params }) {
  return <SpbePage region={params.region}>{(region) => <Results region={region} id={params.evaluationId} />}</SpbePage>;
}

function Results({ region, id }: { region: RegionProfile; id: string }) {
  const { t, pick } = useI18n();
  const detail = useStaffApi<Evaluation>(evaluationUrl(region.code, id));
  const ev = detail.data;
  if (detail.error) return <ErrorMessage error={detail.error} />;
  if (!ev) return <Loading />;
  const { self, final } = ev.scores;
  const series = [t('spbe.level.self'), t('spbe.level.final')];
  // A radar needs at least three axes: domains when the framework has them, otherwise aspects.
  const radarOf = self.domains.length >= 3 ? { kind: t('spbe.table.domains'), self: self.domains, final: final.domains } : { kind: t('spbe.table.aspects'), self: self.aspects, final: final.aspects };
  const title = t('spbe.results.title', { year: ev.year });
  return (
    <>
      <p><Link to={evaluationPath(region.code, ev.id)}>{t('spbe.back.evaluation', { year: ev.year })}</Link> · <Link to={spbePath(region.code, `/laporan/${ev.id}`)}>{t('spbe.links.report')}</Link></p>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="muted">{pick(ev.framework.name)} · {t('spbe.framework.version', { n: ev.framework.version })}</p>
      <IndexCards self={self} final={final} />
      <div className="spbe-chart-grid">
        {radarOf.self.length >= 3 && (
          <RadarChart title={t('spbe.results.radar', { kind: radarOf.kind })} axes={radarOf.self.map((s) => ({ code: s.code, name: pick(s.name) }))}
            series={[{ name: series[0], values: radarOf.self.map((s) => s.value) }, { name: series[1], values: radarOf.final.map((s) => s.value) }]} />
        )}
        <BarChart title={t('spbe.results.bars')} series={series}
          rows={self.aspects.map((a, i) => ({ label: `${a.code} ${pick(a.name)}`, values: [a.value, final.aspects[i].value] }))} />
      </div>
      <ScoreTable caption={t('spbe.table.domains')} self={self.domains} final={final.domains} />
      <ScoreTable caption={t('spbe.table.aspects')} self={self.aspects} final={final.aspects} />
    </>
  );
}
