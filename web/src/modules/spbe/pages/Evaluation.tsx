// One evaluation: its dated stages, the self-assessed and final index side by
// side, the stage moves each role may make, and every indicator grouped by
// domain and aspect with its unit (assignable by the coordinator), status and
// levels.
import { useState } from 'react';
import { api, ApiError } from '../../../api.js';
import { ErrorMessage, Flash, Loading, PageTitle, When } from '../../../components/ui.js';
import { usePractices } from '../components/Practice.js';
import {
  allowed, AnswerStatusBadge, evaluationPath, formatDecimal, groupAnswers, indicatorPath, LevelValue, SpbePage, evaluationUrl, spbeApi, spbePath, StageBadge, toggled,
} from '../components/common.js';
import type { Evaluation, EvaluationAnswer, Stage } from '../components/types.js';
import { IndexCards } from '../components/scores.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';
import { nextStage } from '../../../../../src/modules/spbe/domain/cycle.js';
import { BulkBar, bulkModes, eligible, type BulkMode } from './BulkActions.js';

export function EvaluationPage({ params }: { params: Params }) {
  return <SpbePage region={params.region}>{(region) => <EvaluationView region={region} id={params.evaluationId} />}</SpbePage>;
}

function EvaluationView({ region, id }: { region: RegionProfile; id: string }) {
  const { t, pick } = useI18n();
  const url = evaluationUrl(region.code, id);
  const detail = useStaffApi<Evaluation>(url);
  const ev = detail.data;
  if (detail.error) return <ErrorMessage error={detail.error} />;
  if (!ev) return <Loading />;
  return (
    <>
      <p className="no-print"><Link to={spbePath(region.code)}>{t('spbe.back.home')}</Link></p>
      <PageTitle title={t('spbe.evaluation.title', { year: ev.year })}>{t('spbe.evaluation.title', { year: ev.year })}</PageTitle>
      <div className="status-line">
        <StageBadge stage={ev.stage} />
        {(ev.stage === 'final' || ev.stage === 'closed') && (
          <span className={`badge ${ev.published ? 'badge-green' : 'badge-amber'}`}>{ev.published ? t('spbe.result.published') : t('spbe.result.unpublished')}</span>
        )}
      </div>
      <p className="muted">{pick(ev.framework.name)} · {t('spbe.framework.version', { n: ev.framework.version })}</p>
      <p className="links-row">
        <Link to={evaluationPath(region.code, ev.id, '/hasil')}>{t('spbe.links.results')}</Link>
        <Link to={spbePath(region.code, `/laporan/${ev.id}`)}>{t('spbe.links.report')}</Link>
        <Link to={evaluationPath(region.code, ev.id, '/riwayat')}>{t('spbe.links.history')}</Link>
      </p>
      <Stages ev={ev} region={region} />
      <IndexCards self={ev.scores.self} final={ev.scores.final} />
      <Progress ev={ev} />
      <StageActions ev={ev} region={region} url={url} onDone={detail.reload} />
      <Indicators ev={ev} region={region} url={url} onSaved={detail.reload} />
    </>
  );
}

function Stages({ ev, region }: { ev: Evaluation; region: RegionProfile }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="stages-title">
      <h2 id="stages-title">{t('spbe.stages.title')}</h2>
      <ol className="stages">
        {ev.stages.map((s) => (
          <li key={s.stage} className={s.at ? 'done' : undefined} aria-current={s.stage === ev.stage ? 'step' : undefined}>
            <span className="stage-name">{t(`spbe.stage.${s.stage}`)}</span>
            <span className="small muted">{s.at ? <When at={s.at} zone={region} /> : '–'}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Progress({ ev }: { ev: Evaluation }) {
  const { t } = useI18n();
  const shown = Object.entries(ev.progress).filter(([, n]) => n > 0);
  return (
    <p className="status-line" aria-label={t('spbe.progress.label')}>
      {shown.map(([status, n]) => <span key={status} className={`badge answer-${status}`}>{t(`spbe.status.${status as 'pending'}`)}: {n}</span>)}
    </p>
  );
}

/** The stage move this person may make now, finalising, and publication of the result. */
function StageActions({ ev, region, url, onDone }: { ev: Evaluation; region: RegionProfile; url: string; onDone: () => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const manage = may(me, region.code, 'spbe.manage');
  const assess = may(me, region.code, 'spbe.assess');
  const next = ev.stage === 'closed' ? null : nextStage(ev.stage as Stage, ev.answers.map((a) => ({ indicator: a.indicator.code, status: a.status as 'pending', finalLevel: a.finalLevel })));
  const run = async (method: 'POST' | 'PUT', path: string, body: unknown, done: string) => {
    setSending(true);
    setError(null);
    setFlash(null);
    try {
      await api(path, { method, body });
      setFlash(done);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };
  const canAdvance = manage && next && next.to !== 'final';
  const canFinalise = assess && next?.to === 'final';
  const canPublish = manage && (ev.stage === 'final' || ev.stage === 'closed');
  // After the last move this person may make, only the confirmation remains.
  if (!canAdvance && !canFinalise && !canPublish) return flash ? <Flash>{flash}</Flash> : null;
  const blocking = error instanceof ApiError && error.code === 'spbe.stage_incomplete' ? (error.details as { indicators?: string[] }).indicators ?? [] : [];
  return (
    <section className="card no-print" aria-labelledby="stage-actions-title">
      <h2 id="stage-actions-title">{t('spbe.actions.title')}</h2>
      {flash && <Flash>{flash}</Flash>}
      {next && next.blocking.length > 0 && (canAdvance || canFinalise) && <p className="hint">{t('spbe.actions.blocking', { n: next.blocking.length })}</p>}
      <div className="button-row">
        {canAdvance && (
          <button type="button" className="button" disabled={sending} onClick={() => run('POST', `${url}/advance`, { to: next.to }, t('spbe.actions.moved', { stage: t(`spbe.stage.${next.to}`) }))}>
            {t(`spbe.advance.${next.to as 'self_assessment'}`)}
          </button>
        )}
        {canFinalise && (
          <button type="button" className="button" disabled={sending} onClick={() => run('POST', `${url}/finalise`, undefined, t('spbe.actions.moved', { stage: t('spbe.stage.final') }))}>
            {t('spbe.advance.final')}
          </button>
        )}
        {canPublish && (
          <button type="button" className="button secondary" disabled={sending}
            onClick={() => run('PUT', `${spbeApi(region.code)}/results/${ev.year}/publication`, { published: !ev.published }, ev.published ? t('spbe.publish.withdrawn') : t('spbe.publish.done'))}>
            {ev.published ? t('spbe.publish.withdraw') : t('spbe.publish.submit', { year: ev.year })}
          </button>
        )}
      </div>
      {canPublish && <p className="hint">{t('spbe.publish.hint')}</p>}
      <ErrorMessage error={error} />
      {blocking.length > 0 && <p className="small">{t('spbe.actions.blockingList', { list: blocking.join(', ') })}</p>}
    </section>
  );
}

/** Domains → aspects → indicators; the coordinator assigns units per row, per aspect, or all unassigned at once. */
function Indicators({ ev, region, url, onSaved }: { ev: Evaluation; region: RegionProfile; url: string; onSaved: () => void }) {
  const { t, pick, locale } = useI18n();
  const { me } = useSession();
  const practices = new Map((usePractices(region.code, ev.framework.code).data ?? []).map((p) => [p.indicator, p]));
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [sending, setSending] = useState(false);
  const manage = may(me, region.code, 'spbe.manage');
  const assignable = (a: EvaluationAnswer) => manage && allowed('assign', ev.stage, a.status);
  const units = ev.units.filter((u) => u.active);
  const unitName = new Map(ev.units.map((u) => [u.id, u.name]));
  const unitOf = (a: EvaluationAnswer) => draft[a.indicator.code] ?? a.unitId ?? '';
  const changes = ev.answers.filter((a) => draft[a.indicator.code] !== undefined && draft[a.indicator.code] !== (a.unitId ?? ''));
  const assign = (list: EvaluationAnswer[], unitId: string) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...Object.fromEntries(list.filter(assignable).map((a) => [a.indicator.code, unitId])) }));
  };
  const save = async () => {
    setSending(true);
    setError(null);
    try {
      await api(`${url}/assignments`, { method: 'PUT', body: { assignments: changes.map((a) => ({ indicator: a.indicator.code, unitId: draft[a.indicator.code] || null })) } });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };
  const modes = bulkModes(ev, region, me);
  const [chosenMode, setMode] = useState<BulkMode | null>(null);
  const mode = chosenMode && modes.includes(chosenMode) ? chosenMode : modes[0] ?? null;
  const [selected, setSelected] = useState(new Set<string>());
  const anyAssignable = ev.answers.some(assignable);
  const unassigned = ev.answers.filter((a) => !unitOf(a));
  return (
    <section aria-labelledby="indicators-title">
      <h2 id="indicators-title">{t('spbe.indicators.title')}</h2>
      {anyAssignable && (
        <div className="card assign-bar no-print">
          <p className="hint">{t('spbe.assign.hint')}</p>
          {unassigned.length > 0 && (
            <BulkAssign id="assign-all" label={t('spbe.assign.allUnassigned', { n: unassigned.length })} units={units} onAssign={(u) => assign(unassigned, u)} />
          )}
          <div className="button-row">
            <button type="button" className="button" disabled={sending || changes.length === 0} onClick={save}>
              {t('spbe.assign.save', { n: changes.length })}
            </button>
          </div>
          {saved && changes.length === 0 && <Flash>{t('spbe.assign.saved')}</Flash>}
          <ErrorMessage error={error} />
        </div>
      )}
      {mode && <BulkBar ev={ev} url={url} modes={modes} mode={mode} setMode={setMode} selected={selected} setSelected={setSelected} onDone={onSaved} />}
      {groupAnswers(ev.answers, ev.domains, ev.aspects).map((g) => (
        <div key={g.domain?.code ?? 'all'} className="domain-group">
          {g.domain && <h3 className="domain-title">{g.domain.code} · {pick(g.domain.name)}</h3>}
          {g.aspects.map(({ aspect, answers }) => (
            <div key={aspect.code} className="aspect-group">
              <h4>{aspect.code} · {pick(aspect.name)}</h4>
              {answers.some(assignable) && (
                <BulkAssign id={`assign-${aspect.code}`} label={t('spbe.assign.aspect', { code: aspect.code })} units={units} onAssign={(u) => assign(answers, u)} />
              )}
              <table className="spbe-table stack-table">
                <thead>
                  <tr>
                    <th scope="col">{t('spbe.table.no')}</th>
                    <th scope="col">{t('spbe.table.indicator')}</th>
                    <th scope="col">{t('spbe.table.unit')}</th>
                    <th scope="col">{t('spbe.table.status')}</th>
                    <th scope="col">{t('spbe.level.self')}</th>
                    <th scope="col">{t('spbe.level.final')}</th>
                    {mode && <th scope="col">{t('spbe.bulk.choose')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {answers.map((a) => (
                    <tr key={a.indicator.code} className={draft[a.indicator.code] !== undefined && draft[a.indicator.code] !== (a.unitId ?? '') ? 'changed' : undefined}>
                      <td data-label={t('spbe.table.no')}>{a.indicator.number}</td>
                      <th scope="row" data-label={t('spbe.table.indicator')}>
                        <span className="stack-no">{a.indicator.number}. </span>
                        <Link to={indicatorPath(region.code, ev.id, a.indicator.code)}>{pick(a.indicator.name)}</Link>
                        <span className="muted small"> ({t('spbe.indicator.weight', { w: formatDecimal(a.indicator.weight, locale, 0) })})</span>
                        {practices.has(a.indicator.code) && <> <span className="badge badge-green">{practices.get(a.indicator.code)!.adoptedFrom ? t('spbe.adopted.badge') : t('spbe.adopted.ownBadge')}</span></>}
                      </th>
                      <td data-label={t('spbe.table.unit')}>
                        {assignable(a) ? (
                          <select aria-label={t('spbe.assign.unitFor', { n: a.indicator.number })} value={unitOf(a)}
                            onChange={(e) => { setSaved(false); setDraft((d) => ({ ...d, [a.indicator.code]: e.target.value })); }}>
                            <option value="" disabled={ev.stage !== 'draft'}>{t('spbe.assign.none')}</option>
                            {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
                          </select>
                        ) : (a.unitId ? unitName.get(a.unitId) : <span className="muted">{t('spbe.assign.none')}</span>)}
                      </td>
                      <td data-label={t('spbe.table.status')}><AnswerStatusBadge status={a.status} /></td>
                      <td data-label={t('spbe.level.self')}><LevelValue level={a.selfLevel} name={a.selfLevelName} /></td>
                      <td data-label={t('spbe.level.final')}><LevelValue level={a.finalLevel} name={a.finalLevelName} /></td>
                      {mode && (
                        <td data-label={t('spbe.bulk.choose')} className="bulk-choose">
                          <input type="checkbox" aria-label={t('spbe.bulk.chooseIndicator', { n: a.indicator.number })} disabled={!eligible(mode, ev, a)}
                            checked={selected.has(a.indicator.code)} onChange={(e) => setSelected(toggled(selected, a.indicator.code, e.target.checked))} />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

function BulkAssign({ id, label, units, onAssign }: { id: string; label: string; units: { id: string; name: string }[]; onAssign: (unitId: string) => void }) {
  const { t } = useI18n();
  const [unit, setUnit] = useState('');
  return (
    <div className="bulk-assign">
      <label htmlFor={id}>{label}</label>
      <div className="input-row">
        <select id={id} value={unit} onChange={(e) => setUnit(e.target.value)}>
          <option value="" disabled>{t('spbe.assign.chooseUnit')}</option>
          {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
        <button type="button" className="button secondary" disabled={!unit} onClick={() => onAssign(unit)}>{t('spbe.assign.apply')}</button>
      </div>
    </div>
  );
}
