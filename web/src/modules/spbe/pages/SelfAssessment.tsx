// "Isian mandiri": the indicators assigned to the officer's unit in the
// evaluations being filled, what is still to do first, returned ones with
// the coordinator's note.
import { ErrorMessage, Loading, PageTitle } from '../../../components/ui.js';
import { AnswerStatusBadge, indicatorPath, LevelPair, myUnits, SpbePage, spbeApi } from '../components/common.js';
import type { Evaluation, EvaluationAnswer, EvaluationSummary } from '../components/types.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, type Params } from '../../../router.js';
import { useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';

export function SelfAssessmentPage({ params }: { params: Params }) {
  return <SpbePage region={params.region} permission="spbe.fill">{(region) => <Mine region={region} />}</SpbePage>;
}

const filling = new Set(['self_assessment', 'internal_validation']);

function Mine({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const list = useStaffApi<EvaluationSummary[]>(`${spbeApi(region.code)}/evaluations`);
  if (list.error) return <ErrorMessage error={list.error} />;
  if (!list.data) return <Loading />;
  const open = list.data.filter((e) => filling.has(e.stage));
  return (
    <>
      <PageTitle title={t('spbe.mine.title')}>{t('spbe.mine.title')}</PageTitle>
      <p className="muted">{t('spbe.mine.intro')}</p>
      {open.length === 0 && <p className="muted">{t('spbe.mine.noneOpen')}</p>}
      {open.map((e) => <UnitAnswers key={e.id} region={region} evaluation={e} />)}
    </>
  );
}

/** Waiting for the unit first (to fill, or returned), then the rest. */
const order = (a: EvaluationAnswer) => (a.status === 'returned' ? 0 : a.status === 'pending' ? 1 : 2);

function UnitAnswers({ region, evaluation }: { region: RegionProfile; evaluation: EvaluationSummary }) {
  const { t, pick } = useI18n();
  const { me } = useSession();
  const units = [...myUnits(me, region.code)];
  // One unit is the usual case; the API narrows to it. Several units: all answers, narrowed here.
  const url = `${spbeApi(region.code)}/evaluations/${evaluation.id}${units.length === 1 ? `?unitId=${units[0]}` : ''}`;
  const detail = useStaffApi<Evaluation>(url);
  if (detail.error) return <ErrorMessage error={detail.error} />;
  if (!detail.data) return <Loading />;
  const answers = detail.data.answers.filter((a) => units.includes(a.unitId ?? '')).sort((a, b) => order(a) - order(b) || a.indicator.number - b.indicator.number);
  const todo = answers.filter((a) => order(a) < 2).length;
  return (
    <section aria-labelledby={`mine-${evaluation.id}`}>
      <h2 id={`mine-${evaluation.id}`}>{t('spbe.evaluation.title', { year: evaluation.year })}</h2>
      <p>{t('spbe.mine.summary', { total: answers.length, todo })}</p>
      {answers.length === 0 && <p className="muted">{t('spbe.mine.none')}</p>}
      <ul className="plain cards">
        {answers.map((a) => (
          <li key={a.indicator.code} className={`card row-card${a.status === 'returned' ? ' returned' : ''}`}>
            <div className="row-head">
              <Link to={indicatorPath(region.code, evaluation.id, a.indicator.code)} className="row-title">{a.indicator.number}. {pick(a.indicator.name)}</Link>
              <AnswerStatusBadge status={a.status} />
            </div>
            {a.status === 'returned' && a.reviewNote && <p className="small"><strong>{t('spbe.review.note')}:</strong> {a.reviewNote}</p>}
            <LevelPair answer={a} />
          </li>
        ))}
      </ul>
    </section>
  );
}
