// The SPBE home of the signed-in person: their tasks, the region's
// evaluations with stage and dates, the latest result against the year's
// target, and (for the coordinator) opening the year's evaluation.
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import { ErrorMessage, Loading, PageTitle, When } from '../../../components/ui.js';
import {
  evaluationPath, formatScore, indicatorPath, regionYear, Score, SpbePage, spbeApi, spbePath, StageBadge,
} from '../components/common.js';
import type { EvaluationSummary, Framework, ResultPoint, Target, Task } from '../components/types.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, navigate, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';

export function SpbeHomePage({ params }: { params: Params }) {
  return <SpbePage region={params.region}>{(region) => <Home region={region} />}</SpbePage>;
}

function Home({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  const base = spbeApi(region.code);
  const tasks = useStaffApi<Task[]>(`${base}/tasks`);
  const evaluations = useStaffApi<EvaluationSummary[]>(`${base}/evaluations`);
  const results = useStaffApi<ResultPoint[]>(`${base}/results`);
  const targets = useStaffApi<Target[]>(`${base}/targets`);
  return (
    <>
      <PageTitle title={t('spbe.home.title')}>{t('spbe.home.title')}</PageTitle>
      <p className="muted">{t('spbe.home.intro')}</p>
      <ErrorMessage error={tasks.error ?? evaluations.error ?? results.error ?? targets.error} />
      {results.data && targets.data ? <Standing region={region} results={results.data} targets={targets.data} /> : <Loading />}
      <section aria-labelledby="tasks-title">
        <h2 id="tasks-title">{t('spbe.tasks.title')}</h2>
        {tasks.data ? <TaskList region={region} tasks={tasks.data} /> : <Loading />}
      </section>
      <section aria-labelledby="evaluations-title">
        <h2 id="evaluations-title">{t('spbe.evaluations.title')}</h2>
        {evaluations.data ? <EvaluationList region={region} list={evaluations.data} /> : <Loading />}
        {may(me, region.code, 'spbe.manage') && evaluations.data && <OpenEvaluation region={region} taken={evaluations.data.map((e) => e.year)} />}
      </section>
    </>
  );
}

/** The latest result (published or not) beside the target of this year. */
function Standing({ region, results, targets }: { region: RegionProfile; results: ResultPoint[]; targets: Target[] }) {
  const { t, pick, locale } = useI18n();
  const latest = results[results.length - 1];
  const year = regionYear(region);
  const target = targets.find((x) => x.year === year) ?? targets.find((x) => x.year > year);
  const gap = latest && target ? Math.round((target.targetIndex - latest.index) * 100) / 100 : null;
  return (
    <div className="score-cards">
      <div className="card score-card">
        <h2>{latest ? t('spbe.home.latest', { year: latest.year }) : t('spbe.home.noResult')}</h2>
        {latest && (
          <>
            <p className="big-score"><Score value={latest.index} /></p>
            <p>{latest.predicate ? pick(latest.predicate) : '–'} · {latest.published ? t('spbe.result.published') : t('spbe.result.unpublished')}</p>
          </>
        )}
      </div>
      <div className="card score-card">
        <h2>{target ? t('spbe.home.target', { year: target.year }) : t('spbe.home.noTarget')}</h2>
        {target && (
          <>
            <p className="big-score"><Score value={target.targetIndex} /></p>
            {gap !== null && <p>{gap > 0 ? t('spbe.home.gap', { gap: formatScore(gap, locale) }) : t('spbe.home.reached')}</p>}
          </>
        )}
        <p><Link to={spbePath(region.code, '/target')}>{t('spbe.home.toPlan')}</Link></p>
        <p><Link to={spbePath(region.code, '/praktik')}>{t('spbe.home.toPractices')}</Link></p>
      </div>
    </div>
  );
}

function TaskList({ region, tasks }: { region: RegionProfile; tasks: Task[] }) {
  const { t, pick } = useI18n();
  if (tasks.length === 0) return <p className="muted">{t('spbe.tasks.none')}</p>;
  const actions = [...new Set(tasks.map((x) => x.action))];
  return (
    <>
      {actions.map((action) => {
        const mine = tasks.filter((x) => x.action === action);
        return (
          <details key={action} className="card task-group" open={actions.length === 1 || mine.length <= 10}>
            <summary>{t(`spbe.tasks.${action}`)} <span className="count-badge">{mine.length}</span></summary>
            <ul className="plain task-list">
              {mine.map((x) => (
                <li key={`${x.evaluationId}-${x.indicator}`}>
                  <Link to={indicatorPath(region.code, x.evaluationId, x.indicator)}>{x.number}. {pick(x.name)}</Link>
                  <span className="muted small"> · {x.year} · {t(`spbe.status.${x.status as 'pending'}`)}</span>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </>
  );
}

function EvaluationList({ region, list }: { region: RegionProfile; list: EvaluationSummary[] }) {
  const { t, pick } = useI18n();
  if (list.length === 0) return <p className="muted">{t('spbe.evaluations.none')}</p>;
  return (
    <ul className="plain cards">
      {list.map((e) => {
        const since = e.stages.find((s) => s.stage === e.stage)?.at;
        return (
          <li key={e.id} className="card row-card">
            <div className="row-head">
              <Link to={evaluationPath(region.code, e.id)} className="row-title">{t('spbe.evaluation.title', { year: e.year })}</Link>
              <StageBadge stage={e.stage} />
              {e.finalIndex !== null && <span className="badge badge-green"><Score value={e.finalIndex} /> {e.predicate ? pick(e.predicate) : ''}</span>}
            </div>
            <p className="small">{pick(e.framework.name)} · {t('spbe.framework.version', { n: e.framework.version })}</p>
            {since && <p className="small muted">{t('spbe.evaluations.since')} <When at={since} zone={region} /></p>}
            <p className="small links-row">
              <Link to={evaluationPath(region.code, e.id, '/hasil')}>{t('spbe.links.results')}</Link>
              <Link to={spbePath(region.code, `/laporan/${e.id}`)}>{t('spbe.links.report')}</Link>
              <Link to={evaluationPath(region.code, e.id, '/riwayat')}>{t('spbe.links.history')}</Link>
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** The coordinator opens the year under an active framework version. */
function OpenEvaluation({ region, taken }: { region: RegionProfile; taken: number[] }) {
  const { t, pick } = useI18n();
  const frameworks = useStaffApi<Framework[]>('/api/spbe/frameworks');
  const thisYear = regionYear(region);
  const [year, setYear] = useState(String(taken.includes(thisYear) ? thisYear + 1 : thisYear));
  const [versionId, setVersionId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const active = (frameworks.data ?? []).flatMap((f) => f.versions.filter((v) => v.status === 'active').map((v) => ({ f, v })));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSending(true);
    setError(null);
    try {
      const ev = await api<{ id: string }>(`${spbeApi(region.code)}/evaluations`, { method: 'POST', body: { year: Number(year), versionId } });
      navigate(evaluationPath(region.code, ev.id));
    } catch (err) {
      setError(err);
      setSending(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="open-title">
      <h3 id="open-title">{t('spbe.open.title')}</h3>
      <p className="hint">{t('spbe.open.hint')}</p>
      <div className="field">
        <label htmlFor="open-year">{t('spbe.open.year')}</label>
        <input id="open-year" type="number" min={2000} max={2100} required value={year} onChange={(e) => setYear(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="open-version">{t('spbe.open.version')}</label>
        <select id="open-version" required value={versionId} onChange={(e) => setVersionId(e.target.value)}>
          <option value="" disabled>{t('spbe.open.chooseVersion')}</option>
          {active.map(({ f, v }) => <option key={v.id} value={v.id}>{pick(f.name)} — {t('spbe.framework.version', { n: v.version })}</option>)}
        </select>
      </div>
      <ErrorMessage error={error ?? frameworks.error} />
      <button type="submit" className="button" disabled={sending}>{t('spbe.open.submit')}</button>
    </form>
  );
}
