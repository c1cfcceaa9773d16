// Coaching (pendampingan) for a region's staff: the region's programmes as
// mentor and as pilot; a mentor's programme (its details, its cohort and the
// cohort's progress); one pilot's record (goals with progress against the
// SPBE target, tasks, sessions, notes and evidence), read by the mentor and
// by the pilot itself; and a province curator's table of its pilots. The API
// decides who reaches what; the forms show to the side that may use them.
import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../../api.js';
import { RegionGate } from '../../../components/RegionGate.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import { ErrorMessage, Flash, Loading, PageTitle } from '../../../components/ui.js';
import { formatCalendarDate, formatDate } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { useSend } from '../../../send.js';
import { Link, navigate, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile, RegionSummary } from '../../../types.js';
import type { components, paths } from '../../../api-types.js';
import { livinglabApi, solutionPath } from '../components/paths.js';
import type { OwnBrief } from '../components/types.js';
import '../components/livinglab.css';

type Programme = components['schemas']['LivingLabCoachingProgramme'];
type Pilot = components['schemas']['LivingLabCoachingPilot'];
type PilotProgress = components['schemas']['LivingLabCoachingPilotProgress'];
type Goal = components['schemas']['LivingLabCoachingGoalInput'];
type Programmes = paths['/api/regions/{region}/livinglab/coaching/programmes']['get']['responses'][200]['content']['application/json'];

export const coachingPath = (region: string) => `/staff/${region}/livinglab/pendampingan`;
export const programmePath = (region: string, id: string) => `${coachingPath(region)}/program/${encodeURIComponent(id)}`;
export const pilotPath = (region: string, id: string) => `${coachingPath(region)}/dampingan/${encodeURIComponent(id)}`;
export const provinceCoachingPath = (region: string) => `${coachingPath(region)}/provinsi`;
const coachingApi = (region: string) => `${livinglabApi(region)}/coaching`;

function Gate({ region, permission, children }: { region: string; permission: 'livinglab.coaching.take_part' | 'livinglab.coaching.manage' | 'livinglab.coaching.oversee'; children: (region: RegionProfile) => ReactNode }) {
  return <StaffOnly region={region} permission={permission}><RegionGate code={region}>{children}</RegionGate></StaffOnly>;
}

const period = (p: { startDate: string; endDate: string }, locale: 'id' | 'en') => {
  const short: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
  return `${formatCalendarDate(p.startDate, locale, short)} – ${formatCalendarDate(p.endDate, locale, short)}`;
};

// ---- the region's programmes ----

export function CoachingPage({ params }: { params: Params }) {
  return <Gate region={params.region} permission="livinglab.coaching.take_part">{(region) => <CoachingHome region={region} />}</Gate>;
}

function CoachingHome({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const list = useStaffApi<Programmes>(`${coachingApi(region.code)}/programmes`);
  const mentor = may(me, region.code, 'livinglab.coaching.manage');
  return (
    <div className="livinglab">
      <PageTitle title={t('livinglab.coaching.title')}>{t('livinglab.coaching.title')}</PageTitle>
      <p className="muted">{t('livinglab.coaching.intro')}</p>
      {may(me, region.code, 'livinglab.coaching.oversee') && <p><Link to={provinceCoachingPath(region.code)}>{t('livinglab.coaching.province.title')}</Link></p>}
      <ErrorMessage error={list.error} />
      {!list.data ? (!list.error && <Loading />) : <>
        <section aria-labelledby="ll-co-piloting">
          <h2 id="ll-co-piloting">{t('livinglab.coaching.piloting')}</h2>
          {list.data.piloting.length === 0 ? <p className="muted">{t('livinglab.coaching.pilotingNone')}</p> : (
            <ul className="livinglab-list">{list.data.piloting.map((p) => (
              <li key={p.pilotId}>
                <Link to={pilotPath(region.code, p.pilotId)}><strong>{p.title}</strong></Link>
                <div className="small muted">{t('livinglab.coaching.mentorRegion', { region: p.mentorRegionName })} · {period(p, locale)} · {t(`livinglab.coaching.status.${p.status}`)}</div>
              </li>
            ))}</ul>
          )}
        </section>
        {mentor && (
          <section aria-labelledby="ll-co-mentoring">
            <h2 id="ll-co-mentoring">{t('livinglab.coaching.mentoring')}</h2>
            {list.data.mentoring.length === 0 ? <p className="muted">{t('livinglab.coaching.mentoringNone')}</p> : (
              <ul className="livinglab-list">{list.data.mentoring.map((p) => (
                <li key={p.id}>
                  <Link to={programmePath(region.code, p.id)}><strong>{p.title}</strong></Link>
                  <div className="small muted">{t('livinglab.coaching.pilotCount', { n: p.pilots })} · {period(p, locale)} · {t(`livinglab.coaching.status.${p.status}`)}</div>
                </li>
              ))}</ul>
            )}
          </section>
        )}
      </>}
      {mentor && (
        <section aria-labelledby="ll-co-new" className="card">
          <h2 id="ll-co-new">{t('livinglab.coaching.new')}</h2>
          <ProgrammeForm region={region} onSaved={(p) => navigate(programmePath(region.code, p.id))} />
        </section>
      )}
    </div>
  );
}

function ProgrammeForm({ region, programme, onSaved }: { region: RegionProfile; programme?: Programme; onSaved: (p: Programme) => void }) {
  const { t } = useI18n();
  const regions = useStaffApi<RegionSummary[]>('/api/regions');
  const own = useStaffApi<OwnBrief[]>(`${livinglabApi(region.code)}/solutions`);
  const year = new Date().getFullYear();
  const [f, setF] = useState({
    title: programme?.title ?? '', purpose: programme?.purpose ?? '', startDate: programme?.startDate ?? `${year}-01-01`, endDate: programme?.endDate ?? `${year}-12-31`,
    status: programme?.status ?? 'active', solutionIds: programme?.solutions.map((s) => s.id) ?? [], pilotRegions: programme?.pilots.map((p) => p.regionCode) ?? [],
  });
  const [saved, setSaved] = useState(false);
  const { error, busy, run } = useSend();
  const id = (name: string) => `ll-co-${programme?.id ?? 'new'}-${name}`;
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((x) => x !== value));
  const candidates = (regions.data ?? []).filter((r) => r.code !== region.code && r.code.includes('.'));
  const published = (own.data ?? []).filter((s) => s.latestVersion !== null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      const path = programme ? `${coachingApi(region.code)}/programmes/${programme.id}` : `${coachingApi(region.code)}/programmes`;
      const answer = await api<Programme>(path, { method: programme ? 'PUT' : 'POST', body: f });
      setSaved(true);
      onSaved(answer);
    });
  };
  return (
    <form onSubmit={submit}>
      <div className="field"><label htmlFor={id('title')}>{t('livinglab.coaching.programmeTitle')}</label>
        <input id={id('title')} type="text" required maxLength={200} value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} /></div>
      <div className="field"><label htmlFor={id('purpose')}>{t('livinglab.coaching.purpose')}</label>
        <textarea id={id('purpose')} rows={3} maxLength={4000} value={f.purpose} onChange={(e) => setF({ ...f, purpose: e.target.value })} /></div>
      <div className="field"><label htmlFor={id('start')}>{t('livinglab.coaching.start')}</label>
        <input id={id('start')} type="date" required value={f.startDate} onChange={(e) => setF({ ...f, startDate: e.target.value })} /></div>
      <div className="field"><label htmlFor={id('end')}>{t('livinglab.coaching.end')}</label>
        <input id={id('end')} type="date" required min={f.startDate} value={f.endDate} onChange={(e) => setF({ ...f, endDate: e.target.value })} /></div>
      <div className="field"><label htmlFor={id('status')}>{t('livinglab.coaching.statusLabel')}</label>
        <select id={id('status')} value={f.status} onChange={(e) => setF({ ...f, status: e.target.value as typeof f.status })}>
          {(['draft', 'active', 'finished'] as const).map((s) => <option key={s} value={s}>{t(`livinglab.coaching.status.${s}`)}</option>)}
        </select></div>
      <fieldset className="field livinglab-checks">
        <legend>{t('livinglab.coaching.cohort')}</legend>
        {!regions.data ? <Loading /> : candidates.map((r) => (
          <label key={r.code}><input type="checkbox" checked={f.pilotRegions.includes(r.code)} onChange={(e) => setF({ ...f, pilotRegions: toggle(f.pilotRegions, r.code, e.target.checked) })} /> {r.name} ({r.code})</label>
        ))}
      </fieldset>
      {published.length > 0 && (
        <fieldset className="field livinglab-checks">
          <legend>{t('livinglab.coaching.solutions')}</legend>
          {published.map((s) => (
            <label key={s.id}><input type="checkbox" checked={f.solutionIds.includes(s.id)} onChange={(e) => setF({ ...f, solutionIds: toggle(f.solutionIds, s.id, e.target.checked) })} /> {s.title}</label>
          ))}
        </fieldset>
      )}
      <ErrorMessage error={error} />
      {saved && <Flash>{t('livinglab.coaching.saved')}</Flash>}
      <button type="submit" className="button" disabled={busy}>{programme ? t('livinglab.coaching.save') : t('livinglab.coaching.create')}</button>
    </form>
  );
}

// ---- a programme (the mentor's) ----

export function ProgrammePage({ params }: { params: Params }) {
  return <Gate region={params.region} permission="livinglab.coaching.manage">{(region) => <ProgrammeView region={region} id={params.programmeId} />}</Gate>;
}

function ProgrammeView({ region, id }: { region: RegionProfile; id: string }) {
  const { t, locale } = useI18n();
  const programme = useStaffApi<Programme>(`${coachingApi(region.code)}/programmes/${encodeURIComponent(id)}`);
  const p = programme.data;
  return (
    <div className="livinglab">
      <p><Link to={coachingPath(region.code)}>{t('livinglab.coaching.back')}</Link></p>
      <ErrorMessage error={programme.error} />
      {!p ? (!programme.error && <Loading />) : <>
        <PageTitle title={p.title}>{p.title}</PageTitle>
        <ProgrammeFacts programme={p} locale={locale} />
        <section aria-labelledby="ll-co-cohort">
          <h2 id="ll-co-cohort">{t('livinglab.coaching.progress')}</h2>
          <CohortTable pilots={p.pilots} link={(pilot) => pilotPath(region.code, pilot.id)} />
        </section>
        <details className="card">
          <summary>{t('livinglab.coaching.edit')}</summary>
          <ProgrammeForm key={p.id} region={region} programme={p} onSaved={programme.reload} />
        </details>
      </>}
    </div>
  );
}

function ProgrammeFacts({ programme: p, locale }: { programme: Omit<Programme, 'pilots'>; locale: 'id' | 'en' }) {
  const { t } = useI18n();
  return <>
    <p className="small muted">{t('livinglab.coaching.mentorRegion', { region: p.mentorRegionName })} · {period(p, locale)} · {t(`livinglab.coaching.status.${p.status}`)}</p>
    {p.purpose && <p className="livinglab-text">{p.purpose}</p>}
    {p.solutions.length > 0 && <p className="small">{t('livinglab.coaching.solutions')}: {p.solutions.map((s, i) => <span key={s.id}>{i > 0 && ', '}<Link to={solutionPath(s.id)}>{s.title}</Link></span>)}</p>}
  </>;
}

function Bar({ percent }: { percent: number | null }) {
  const { t } = useI18n();
  if (percent === null) return <span className="small muted">{t('livinglab.coaching.noData')}</span>;
  return <span className="livinglab-progress"><progress max={100} value={percent} aria-label={t('livinglab.coaching.percent', { n: percent })} /> {percent}%</span>;
}

function GoalLine({ goal }: { goal: PilotProgress['goals'][number] }) {
  const { t } = useI18n();
  if (goal.kind === 'text') return <>{goal.text} {goal.done ? <strong>✓ {t('livinglab.coaching.done')}</strong> : null}</>;
  return <>
    {t('livinglab.coaching.spbeGoal', { target: goal.target, year: goal.year })}
    <div className="small muted">
      {t('livinglab.coaching.baseline')}: {goal.baseline ? `${goal.baseline.value} (${goal.baseline.year})` : '—'} · {t('livinglab.coaching.latest')}: {goal.latest ? `${goal.latest.value} (${goal.latest.year})` : '—'}
    </div>
  </>;
}

function CohortTable({ pilots, link }: { pilots: PilotProgress[]; link?: (p: PilotProgress) => string }) {
  const { t } = useI18n();
  if (pilots.length === 0) return <p className="muted">{t('livinglab.coaching.cohortNone')}</p>;
  return (
    <div className="livinglab-scroll">
      <table className="livinglab-table livinglab-cohort">
        <thead><tr><th scope="col">{t('livinglab.region')}</th><th scope="col">{t('livinglab.coaching.goals')}</th><th scope="col">{t('livinglab.coaching.tasks')}</th><th scope="col">{t('livinglab.coaching.sessionsHeld')}</th></tr></thead>
        <tbody>{pilots.map((p) => (
          <tr key={p.id}>
            <th scope="row">{link ? <Link to={link(p)}>{p.regionName}</Link> : p.regionName}</th>
            <td>{p.goals.length === 0 ? <span className="muted">—</span> : p.goals.map((g, i) => <div key={i}><GoalLine goal={g} />{g.kind === 'spbe_index' && <div><Bar percent={g.percent} /></div>}</div>)}</td>
            <td className="num" data-label={t('livinglab.coaching.tasks')}>{p.tasksDone}/{p.tasksTotal}</td>
            <td className="num" data-label={t('livinglab.coaching.sessionsHeld')}>{p.sessionsHeld}/{p.sessionsPlanned}</td>
          </tr>
        ))}</tbody>
      </table>
    </div>
  );
}

// ---- one pilot ----

export function PilotPage({ params }: { params: Params }) {
  return <Gate region={params.region} permission="livinglab.coaching.take_part">{(region) => <PilotView region={region} id={params.pilotId} />}</Gate>;
}

function PilotView({ region, id }: { region: RegionProfile; id: string }) {
  const { t, locale } = useI18n();
  const path = `${coachingApi(region.code)}/pilots/${encodeURIComponent(id)}`;
  const pilot = useStaffApi<Pilot>(path);
  const p = pilot.data;
  const mentor = p?.side === 'mentor';
  return (
    <div className="livinglab">
      <p><Link to={p && mentor ? programmePath(region.code, p.programme.id) : coachingPath(region.code)}>{t(p && mentor ? 'livinglab.coaching.backProgramme' : 'livinglab.coaching.back')}</Link></p>
      <ErrorMessage error={pilot.error} />
      {!p ? (!pilot.error && <Loading />) : <>
        <PageTitle title={`${p.programme.title}: ${p.regionName}`}>{p.programme.title}: {p.regionName}</PageTitle>
        <ProgrammeFacts programme={p.programme} locale={locale} />
        <section aria-labelledby="ll-co-goals">
          <h2 id="ll-co-goals">{t('livinglab.coaching.goals')}</h2>
          {p.goals.length === 0 ? <p className="muted">{t('livinglab.coaching.goalsNone')}</p> : (
            <ul className="livinglab-list">{p.goals.map((g, i) => (
              <li key={i}><GoalLine goal={g} />{g.kind === 'spbe_index' ? <div><Bar percent={g.percent} /></div> : <GoalDone path={path} index={i} goal={g} onDone={pilot.reload} />}</li>
            ))}</ul>
          )}
          <p className="small">{t('livinglab.coaching.summary', { done: p.tasksDone, total: p.tasksTotal, held: p.sessionsHeld, planned: p.sessionsPlanned })}</p>
          {mentor && <details><summary>{t('livinglab.coaching.editGoals')}</summary><GoalsForm key={JSON.stringify(p.goals)} path={path} goals={p.goals} onDone={pilot.reload} /></details>}
        </section>
        <Tasks path={path} pilot={p} mentor={mentor} onDone={pilot.reload} />
        <Sessions path={path} pilot={p} mentor={mentor} onDone={pilot.reload} />
        <Notes path={path} pilot={p} region={region} onDone={pilot.reload} />
        <Evidence path={path} pilot={p} region={region} onDone={pilot.reload} />
      </>}
    </div>
  );
}

/** A text goal marked done or not: the mentor, or the pilot on its own record (the API refuses SPBE index goals: they are computed). */
function GoalDone({ path, index, goal, onDone }: { path: string; index: number; goal: { text: string; done: boolean }; onDone: () => void }) {
  const { t } = useI18n();
  const { error, busy, run } = useSend();
  const toggle = () => run(async () => {
    // The goal's text as shown: if the mentor edited or reordered the goals meanwhile, the API refuses (livinglab.coaching_goal_changed).
    await api(`${path}/goals/${index}/done`, { method: 'PUT', body: { text: goal.text, done: !goal.done } });
    onDone();
  });
  return <div>
    <button type="button" className="button secondary small" disabled={busy} onClick={() => void toggle()}>
      {goal.done ? t('livinglab.coaching.goalReopen', { goal: goal.text }) : t('livinglab.coaching.goalMarkDone', { goal: goal.text })}
    </button>
    <ErrorMessage error={error} />
  </div>;
}

type GoalDraft = { kind: 'spbe_index' | 'text'; target: string; year: string; text: string; done: boolean };
const draftOf = (g: Pilot['goals'][number]): GoalDraft => (g.kind === 'spbe_index'
  ? { kind: 'spbe_index', target: g.target, year: String(g.year), text: '', done: false }
  : { kind: 'text', target: '', year: '', text: g.text, done: g.done });
const goalOf = (d: GoalDraft): Goal => (d.kind === 'spbe_index' ? { kind: 'spbe_index', target: d.target, year: Number(d.year) } : { kind: 'text', text: d.text, done: d.done });

function GoalsForm({ path, goals, onDone }: { path: string; goals: Pilot['goals']; onDone: () => void }) {
  const { t } = useI18n();
  const [list, setList] = useState<GoalDraft[]>(() => goals.map(draftOf));
  const { error, busy, run } = useSend();
  const set = (i: number, patch: Partial<GoalDraft>) => setList(list.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api(`${path}/goals`, { method: 'PUT', body: { goals: list.map(goalOf) } });
      onDone();
    });
  };
  return (
    <form onSubmit={submit}>
      {list.map((g, i) => (
        <fieldset key={i} className="field">
          <legend>{t('livinglab.coaching.goalN', { n: i + 1 })}</legend>
          <div className="field"><label htmlFor={`ll-goal-${i}-kind`}>{t('livinglab.coaching.goalKind')}</label>
            <select id={`ll-goal-${i}-kind`} value={g.kind} onChange={(e) => set(i, { kind: e.target.value as GoalDraft['kind'] })}>
              <option value="spbe_index">{t('livinglab.coaching.goalKind.spbe_index')}</option>
              <option value="text">{t('livinglab.coaching.goalKind.text')}</option>
            </select></div>
          {/* Keyed by kind: switching the kind makes new inputs, not the target's input (and its pattern) reused for the text. */}
          {g.kind === 'spbe_index' ? <Fragment key="spbe_index">
            <div className="field"><label htmlFor={`ll-goal-${i}-target`}>{t('livinglab.coaching.target')}</label>
              <input id={`ll-goal-${i}-target`} type="text" inputMode="decimal" required pattern="[0-5](\.[0-9]{1,2})?" value={g.target} onChange={(e) => set(i, { target: e.target.value })} /></div>
            <div className="field"><label htmlFor={`ll-goal-${i}-year`}>{t('livinglab.coaching.targetYear')}</label>
              <input id={`ll-goal-${i}-year`} type="number" required min={2018} max={2100} value={g.year} onChange={(e) => set(i, { year: e.target.value })} /></div>
          </Fragment> : <Fragment key="text">
            <div className="field"><label htmlFor={`ll-goal-${i}-text`}>{t('livinglab.coaching.goalText')}</label>
              <input id={`ll-goal-${i}-text`} type="text" required maxLength={500} value={g.text} onChange={(e) => set(i, { text: e.target.value })} /></div>
            <div className="field"><label><input type="checkbox" checked={g.done} onChange={(e) => set(i, { done: e.target.checked })} /> {t('livinglab.coaching.done')}</label></div>
          </Fragment>}
          <button type="button" className="button secondary small" onClick={() => setList(list.filter((_, j) => j !== i))}>{t('common.remove')}</button>
        </fieldset>
      ))}
      <p><button type="button" className="button secondary" onClick={() => setList([...list, { kind: 'spbe_index', target: '', year: String(new Date().getFullYear()), text: '', done: false }])}>{t('livinglab.coaching.addGoal')}</button></p>
      <ErrorMessage error={error} />
      <button type="submit" className="button" disabled={busy}>{t('livinglab.coaching.saveGoals')}</button>
    </form>
  );
}

function Tasks({ path, pilot, mentor, onDone }: { path: string; pilot: Pilot; mentor: boolean; onDone: () => void }) {
  const { t, locale } = useI18n();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const { error, busy, run } = useSend();
  const mark = (taskId: string, status: 'open' | 'done') => run(async () => {
    await api(`${path}/tasks/${taskId}/status`, { method: 'PUT', body: { status } });
    onDone();
  });
  const remove = (task: Pilot['tasks'][number]) => {
    if (!window.confirm(t('livinglab.coaching.deleteTaskConfirm', { title: task.title }))) return;
    void run(async () => {
      await api(`${path}/tasks/${task.id}`, { method: 'DELETE' });
      onDone();
    });
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api(`${path}/tasks`, { method: 'POST', body: { title, dueDate: due || null } });
      setTitle('');
      setDue('');
      onDone();
    });
  };
  return (
    <section aria-labelledby="ll-co-tasks">
      <h2 id="ll-co-tasks">{t('livinglab.coaching.tasks')}</h2>
      {pilot.tasks.length === 0 ? <p className="muted">{t('livinglab.coaching.tasksNone')}</p> : (
        <ul className="livinglab-list livinglab-tasks">{pilot.tasks.map((task) => (
          <li key={task.id}>
            <strong className={task.status === 'done' ? 'livinglab-done' : undefined}>{task.title}</strong>{' '}
            <span className="small">{task.status === 'done' ? `✓ ${t('livinglab.coaching.done')}` : t('livinglab.coaching.open')}</span>
            {task.dueDate && <div className="small muted">{t('livinglab.coaching.due', { date: formatCalendarDate(task.dueDate, locale, { day: 'numeric', month: 'short', year: 'numeric' }) })}</div>}
            <button type="button" className="button secondary small" disabled={busy} onClick={() => void mark(task.id, task.status === 'done' ? 'open' : 'done')}>
              {task.status === 'done' ? t('livinglab.coaching.reopen') : t('livinglab.coaching.markDone', { title: task.title })}
            </button>
            {mentor && <> <button type="button" className="button secondary small" disabled={busy} onClick={() => remove(task)}>{t('livinglab.coaching.deleteTask', { title: task.title })}</button></>}
          </li>
        ))}</ul>
      )}
      {mentor && (
        <form onSubmit={add}>
          <div className="field"><label htmlFor="ll-task-title">{t('livinglab.coaching.taskTitle')}</label>
            <input id="ll-task-title" type="text" required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} /></div>
          <div className="field"><label htmlFor="ll-task-due">{t('livinglab.coaching.dueDate')}</label>
            <input id="ll-task-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} /></div>
          <button type="submit" className="button secondary" disabled={busy}>{t('livinglab.coaching.addTask')}</button>
        </form>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

type SessionDraft = { date: string; topic: string; mode: 'online' | 'onsite'; place: string; attendance: string };

function Sessions({ path, pilot, mentor, onDone }: { path: string; pilot: Pilot; mentor: boolean; onDone: () => void }) {
  const { t, locale } = useI18n();
  const empty: SessionDraft = { date: '', topic: '', mode: 'online', place: '', attendance: '' };
  const { error, busy, run } = useSend();
  const remove = (s: Pilot['sessions'][number]) => {
    if (!window.confirm(t('livinglab.coaching.deleteSessionConfirm', { topic: s.topic }))) return;
    void run(async () => {
      await api(`${path}/sessions/${s.id}`, { method: 'DELETE' });
      onDone();
    });
  };
  return (
    <section aria-labelledby="ll-co-sessions">
      <h2 id="ll-co-sessions">{t('livinglab.coaching.sessions')}</h2>
      {pilot.sessions.length === 0 ? <p className="muted">{t('livinglab.coaching.sessionsNone')}</p> : (
        <ul className="livinglab-list">{pilot.sessions.map((s) => (
          <li key={s.id}>
            <strong>{s.topic}</strong> <span className="small">{s.held ? t('livinglab.coaching.held') : t('livinglab.coaching.planned')}</span>
            <div className="small muted">{formatCalendarDate(s.date, locale)} · {t(`livinglab.coaching.mode.${s.mode}`)}{s.place && <> · <span className="livinglab-text">{s.place}</span></>}</div>
            {s.attendance && <div className="small livinglab-text">{t('livinglab.coaching.attendance')}: {s.attendance}</div>}
            {mentor && (
              <details className="small">
                <summary>{t('livinglab.coaching.editSession')}</summary>
                <SessionForm key={JSON.stringify(s)} idPrefix={`ll-ses-${s.id}`} initial={s} label={t('livinglab.coaching.saveSession')}
                  send={(body) => api(`${path}/sessions/${s.id}`, { method: 'PUT', body })} onDone={onDone} />
              </details>
            )}
            {mentor && <button type="button" className="button secondary small" disabled={busy} onClick={() => remove(s)}>{t('livinglab.coaching.deleteSession', { topic: s.topic })}</button>}
          </li>
        ))}</ul>
      )}
      <ErrorMessage error={error} />
      {mentor && (
        <details>
          <summary>{t('livinglab.coaching.addSession')}</summary>
          <SessionForm idPrefix="ll-ses" initial={empty} label={t('livinglab.coaching.addSession')} reset
            send={(body) => api(`${path}/sessions`, { method: 'POST', body })} onDone={onDone} />
        </details>
      )}
    </section>
  );
}

/** A session's fields, to plan one or to change it (attendance notes after it was held). */
function SessionForm({ idPrefix, initial, label, send, onDone, reset }: {
  idPrefix: string; initial: SessionDraft; label: string; send: (body: SessionDraft) => Promise<unknown>; onDone: () => void; reset?: boolean;
}) {
  const { t } = useI18n();
  const [f, setF] = useState<SessionDraft>({ date: initial.date, topic: initial.topic, mode: initial.mode, place: initial.place, attendance: initial.attendance });
  const { error, busy, run } = useSend();
  const id = (name: string) => `${idPrefix}-${name}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await send(f);
      if (reset) setF(initial);
      onDone();
    });
  };
  return (
    <form onSubmit={submit}>
      <div className="field"><label htmlFor={id('date')}>{t('livinglab.coaching.sessionDate')}</label>
        <input id={id('date')} type="date" required value={f.date} onChange={(e) => setF({ ...f, date: e.target.value })} /></div>
      <div className="field"><label htmlFor={id('topic')}>{t('livinglab.coaching.topic')}</label>
        <input id={id('topic')} type="text" required maxLength={300} value={f.topic} onChange={(e) => setF({ ...f, topic: e.target.value })} /></div>
      <div className="field"><label htmlFor={id('mode')}>{t('livinglab.coaching.modeLabel')}</label>
        <select id={id('mode')} value={f.mode} onChange={(e) => setF({ ...f, mode: e.target.value as SessionDraft['mode'] })}>
          <option value="online">{t('livinglab.coaching.mode.online')}</option><option value="onsite">{t('livinglab.coaching.mode.onsite')}</option>
        </select></div>
      <div className="field"><label htmlFor={id('place')}>{t('livinglab.coaching.place')}</label>
        <input id={id('place')} type="text" maxLength={500} value={f.place} onChange={(e) => setF({ ...f, place: e.target.value })} /></div>
      <div className="field"><label htmlFor={id('att')}>{t('livinglab.coaching.attendance')}</label>
        <textarea id={id('att')} rows={2} maxLength={4000} value={f.attendance} onChange={(e) => setF({ ...f, attendance: e.target.value })} /></div>
      <ErrorMessage error={error} />
      <button type="submit" className="button secondary" disabled={busy}>{label}</button>
    </form>
  );
}

function Notes({ path, pilot, region, onDone }: { path: string; pilot: Pilot; region: RegionProfile; onDone: () => void }) {
  const { t, locale } = useI18n();
  const [body, setBody] = useState('');
  const { error, busy, run } = useSend();
  const who = (code: string) => (code === pilot.regionCode ? pilot.regionName : pilot.programme.mentorRegionName);
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api(`${path}/notes`, { method: 'POST', body: { body } });
      setBody('');
      onDone();
    });
  };
  return (
    <section aria-labelledby="ll-co-notes">
      <h2 id="ll-co-notes">{t('livinglab.coaching.notes')}</h2>
      {pilot.notes.length === 0 ? <p className="muted">{t('livinglab.coaching.notesNone')}</p> : (
        <ul className="livinglab-list">{pilot.notes.map((n) => (
          <li key={n.id}><div className="livinglab-text">{n.body}</div><div className="small muted">{who(n.authorRegion)} · {formatDate(n.createdAt, region, locale)}</div></li>
        ))}</ul>
      )}
      <form onSubmit={add}>
        <div className="field"><label htmlFor="ll-note">{t('livinglab.coaching.newNote')}</label>
          <textarea id="ll-note" rows={3} required maxLength={4000} value={body} onChange={(e) => setBody(e.target.value)} /></div>
        <ErrorMessage error={error} />
        <button type="submit" className="button secondary" disabled={busy}>{t('livinglab.coaching.addNote')}</button>
      </form>
    </section>
  );
}

function Evidence({ path, pilot, region, onDone }: { path: string; pilot: Pilot; region: RegionProfile; onDone: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const { error, busy, run } = useSend();
  const removing = useSend();
  // The mentor deletes any evidence; the pilot only what its own region uploaded (the API says the same).
  const mayDelete = (f: Pilot['files'][number]) => pilot.side === 'mentor' || f.authorRegion === region.code;
  const remove = (f: Pilot['files'][number]) => {
    if (!window.confirm(t('livinglab.coaching.deleteEvidenceConfirm', { title: f.title }))) return;
    void removing.run(async () => {
      await api(`${path}/files/${f.id}`, { method: 'DELETE' });
      onDone();
    });
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    if (!file) return;
    void run(async () => {
      const form = new FormData();
      form.append('bagian', JSON.stringify({ title }));
      form.append('berkas', file);
      await api(`${path}/files`, { method: 'POST', body: form });
      setTitle('');
      setFile(null);
      formElement.reset();
      onDone();
    });
  };
  return (
    <section aria-labelledby="ll-co-files">
      <h2 id="ll-co-files">{t('livinglab.coaching.evidence')}</h2>
      {pilot.files.length === 0 ? <p className="muted">{t('livinglab.coaching.evidenceNone')}</p> : (
        <ul>{pilot.files.map((f) => (
          <li key={f.id}>
            <a href={`${path}/files/${f.id}`} download={f.fileName}>{f.title}</a> <span className="small muted">({f.fileName})</span>
            {mayDelete(f) && <> <button type="button" className="button secondary small" disabled={removing.busy} onClick={() => remove(f)}>{t('livinglab.coaching.deleteEvidence', { title: f.title })}</button></>}
          </li>
        ))}</ul>
      )}
      <ErrorMessage error={removing.error} />
      <form onSubmit={submit}>
        <div className="field"><label htmlFor="ll-ev-title">{t('livinglab.coaching.evidenceTitle')}</label>
          <input id="ll-ev-title" type="text" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} /></div>
        <div className="field"><label htmlFor="ll-ev-file">{t('livinglab.kit.file')}</label>
          <input id="ll-ev-file" type="file" required accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.webp" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <small className="hint">{t('livinglab.coaching.evidenceHint')}</small></div>
        <ErrorMessage error={error} />
        <button type="submit" className="button secondary" disabled={busy}>{t('livinglab.coaching.upload')}</button>
      </form>
    </section>
  );
}

// ---- the province ----

export function ProvinceCoachingPage({ params }: { params: Params }) {
  return <Gate region={params.region} permission="livinglab.coaching.oversee">{(region) => <ProvinceView region={region} />}</Gate>;
}

function ProvinceView({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const list = useStaffApi<Programme[]>(`${coachingApi(region.code)}/province`);
  return (
    <div className="livinglab">
      <PageTitle title={t('livinglab.coaching.province.title')}>{t('livinglab.coaching.province.title')}</PageTitle>
      <p className="muted">{t('livinglab.coaching.province.intro', { region: region.name })}</p>
      <ErrorMessage error={list.error} />
      {!list.data ? (!list.error && <Loading />) : list.data.length === 0 ? <p className="muted">{t('livinglab.coaching.province.none')}</p> : list.data.map((p) => (
        <section key={p.id} aria-labelledby={`ll-prov-${p.id}`}>
          <h2 id={`ll-prov-${p.id}`}>{p.title}</h2>
          <ProgrammeFacts programme={p} locale={locale} />
          <CohortTable pilots={p.pilots} />
        </section>
      ))}
    </div>
  );
}
