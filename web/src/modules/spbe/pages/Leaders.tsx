// "Belajar dari yang terbaik": for one indicator, the regions whose published
// final level is 4 or 5, with the practice notes and evidence they share and
// the Living Lab solutions (with their mentors) behind each practice.
import { ErrorMessage, Loading, PageTitle } from '../../../components/ui.js';
import { EvidenceList, SpbePage, spbeApi } from '../components/common.js';
import { LeaderSolutions, useLivingLabSolutions } from '../components/Practice.js';
import type { EvaluationSummary, Framework, Leader, Version } from '../components/types.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { navigate, queryString, useLocation, type Params } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';

export function LeadersPage({ params }: { params: Params }) {
  return <SpbePage region={params.region}>{(region) => <Leaders region={region} />}</SpbePage>;
}

function Leaders({ region }: { region: RegionProfile }) {
  const { t, pick } = useI18n();
  const { path, query } = useLocation();
  const frameworks = useStaffApi<Framework[]>('/api/spbe/frameworks');
  const evaluations = useStaffApi<EvaluationSummary[]>(`${spbeApi(region.code)}/evaluations`);
  const usable = (frameworks.data ?? []).filter((f) => f.versions.some((v) => v.status !== 'draft'));
  // By default, the framework of the region's latest evaluation.
  const framework = usable.find((f) => f.code === (query.get('kerangka') ?? evaluations.data?.[0]?.framework.code)) ?? usable[0];
  const latest = framework?.versions.find((v) => v.status === 'active') ?? framework?.versions.find((v) => v.status !== 'draft');
  const doc = useStaffApi<Version>(framework && latest ? `/api/spbe/frameworks/${framework.code}/versions/${latest.version}` : null);
  const indicators = doc.data?.document.indicators ?? [];
  const indicator = indicators.find((i) => i.code === query.get('indikator')) ?? indicators[0];
  const minLevel = query.get('min') === '5' ? 5 : 4;
  const leaders = useStaffApi<Leader[]>(framework && indicator ? `/api/spbe/leaders${queryString({ framework: framework.code, indicator: indicator.code, minLevel })}` : null);
  // The Living Lab solutions behind these practices, when the Living Lab is installed.
  const solutions = useLivingLabSolutions(framework?.code, indicator?.code);
  const set = (changes: Record<string, string | undefined>) => navigate(path + queryString({ ...Object.fromEntries(query.entries()), ...changes }), { replace: true });
  if (frameworks.error || evaluations.error) return <ErrorMessage error={frameworks.error ?? evaluations.error} />;
  if (!frameworks.data || !evaluations.data) return <Loading />;
  return (
    <>
      <PageTitle title={t('spbe.leaders.title')}>{t('spbe.leaders.title')}</PageTitle>
      <p className="muted">{t('spbe.leaders.intro')}</p>
      <div className="filters leaders-filters">
        <div className="field">
          <label htmlFor="leaders-framework">{t('spbe.leaders.framework')}</label>
          <select id="leaders-framework" value={framework?.code ?? ''} onChange={(e) => set({ kerangka: e.target.value, indikator: undefined })}>
            {usable.map((f) => <option key={f.code} value={f.code}>{pick(f.name)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="leaders-indicator">{t('spbe.leaders.indicator')}</label>
          <select id="leaders-indicator" value={indicator?.code ?? ''} onChange={(e) => set({ indikator: e.target.value })}>
            {indicators.map((i) => <option key={i.code} value={i.code}>{i.number}. {pick(i.name)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="leaders-min">{t('spbe.leaders.minLevel')}</label>
          <select id="leaders-min" value={minLevel} onChange={(e) => set({ min: e.target.value })}>
            <option value={4}>{t('spbe.leaders.min4')}</option>
            <option value={5}>{t('spbe.leaders.min5')}</option>
          </select>
        </div>
      </div>
      <ErrorMessage error={doc.error ?? leaders.error} />
      {leaders.data ? (
        leaders.data.length === 0 ? <p className="muted">{t('spbe.leaders.none')}</p> : (
          <ul className="plain cards">
            {leaders.data.map((l, n, all) => (
              <li key={`${l.regionCode}-${l.year}`} className={`card row-card${l.regionCode === region.code ? ' own' : ''}`}>
                <div className="row-head">
                  <span className="row-title">{l.name}</span>
                  <span className="badge badge-green">{t('spbe.level.n', { n: l.level ?? '–' })}{l.levelName ? ` · ${pick(l.levelName)}` : ''}</span>
                  <span className="muted small">{l.year}</span>
                </div>
                {l.practiceNote ? <p className="message">{l.practiceNote}</p> : <p className="muted small">{t('spbe.leaders.noPractice')}</p>}
                {l.evidence.length > 0 && <EvidenceList files={l.evidence} />}
                {/* On the region's latest year only: its solutions are the same for every year listed. */}
                {framework && indicator && all.findIndex((x) => x.regionCode === l.regionCode) === n && <LeaderSolutions solutions={solutions.get(l.regionCode) ?? []} region={l.regionCode} framework={framework.code} indicator={indicator.code} />}
              </li>
            ))}
          </ul>
        )
      ) : indicator && <Loading />}
    </>
  );
}
