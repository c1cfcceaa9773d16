// Proposals for new applications and digital spending: the list by budget
// year, a form to propose (a unit's proposer only for their own unit, as the
// API accepts, as its list of units says), and a proposal's page with what already does the same work
// (other regions' published solutions, national general applications) and,
// for the SPBE team, the decision: approve, adopt a listed solution instead,
// or refuse, always with a reason.
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import { ErrorMessage, Flash, Loading, PageTitle } from '../../../components/ui.js';
import { formatDate } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { Link, navigate, queryString, useLocation, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';
import { formatIdr, livinglabApi, proposalPath, proposalsPath, solutionPath } from '../components/paths.js';
import type { PortfolioUnit, Proposal, ProposalBrief } from '../components/types.js';
import { PortfolioNav, PortfolioPage } from './Portfolio.js';
import { DomainSectorFields } from '../components/Fields.js';
import { useReference } from './Public.js';
import '../components/livinglab.css';

export function ProposalsPage({ params }: { params: Params }) {
  return <PortfolioPage region={params.region}>{(region) => <Proposals region={region} />}</PortfolioPage>;
}

function Proposals({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { query } = useLocation();
  const year = query.get('year') ?? '';
  const list = useStaffApi<ProposalBrief[]>(`${livinglabApi(region.code)}/proposals${queryString({ year: year || undefined })}`);
  const now = new Date().getFullYear();
  const years = Array.from({ length: 5 }, (_, i) => now - 2 + i);
  return (
    <div className="livinglab">
      <PageTitle title={t('livinglab.prop.title')}>{t('livinglab.prop.title')}</PageTitle>
      <PortfolioNav region={region.code} />
      <p className="muted">{t('livinglab.prop.intro')}</p>
      <div className="field"><label htmlFor="ll-prop-filter">{t('livinglab.prop.filterYear')}</label>
        <select id="ll-prop-filter" value={year} onChange={(e) => navigate(`${proposalsPath(region.code)}${queryString({ year: e.target.value || undefined })}`)}>
          <option value="">{t('livinglab.prop.allYears')}</option>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select></div>
      <ErrorMessage error={list.error} />
      {!list.data ? (!list.error && <Loading />) : list.data.length === 0 ? <p className="muted">{t('livinglab.prop.none')}</p> : (
        <div className="table-scroll"><table className="livinglab-table livinglab-proposals">
          <caption>{t('livinglab.prop.caption', { n: list.data.length })}</caption>
          <thead><tr>
            <th scope="col">{t('livinglab.prop.name')}</th><th scope="col">{t('livinglab.prop.year')}</th><th scope="col">{t('livinglab.prop.unit')}</th>
            <th scope="col" className="num">{t('livinglab.prop.cost')}</th><th scope="col">{t('livinglab.prop.status')}</th>
          </tr></thead>
          <tbody>{list.data.map((p) => (
            <tr key={p.id}>
              <th scope="row"><Link to={proposalPath(region.code, p.id)}>{p.title}</Link>
                <div className="small muted">{t('livinglab.prop.proposedAt', { date: formatDate(p.proposedAt, region, locale) })}</div></th>
              <td>{p.year}</td><td>{p.unit.name}</td><td className="num">{formatIdr(p.estimatedCost)}</td>
              <td>{t(`livinglab.prop.status.${p.status}`)}</td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
      {may(me, region.code, 'livinglab.propose') && (
        <section aria-labelledby="ll-prop-new" className="card">
          <h2 id="ll-prop-new">{t('livinglab.prop.new')}</h2>
          <ProposeForm region={region} />
        </section>
      )}
    </div>
  );
}

function ProposeForm({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const ref = useReference();
  const units = useStaffApi<PortfolioUnit[]>(`${livinglabApi(region.code)}/units`);
  const choices = (units.data ?? []).filter((u) => u.proposable);
  const [f, setF] = useState({ unitId: '', year: String(new Date().getFullYear() + 1), title: '', purpose: '', domain: 'publik', sector: '', estimatedCost: '' });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof f>) => setF({ ...f, ...patch });
  const unitId = f.unitId || (choices.length === 1 ? choices[0].id : '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      const body = { ...f, unitId, year: Number(f.year), sector: f.sector || null, estimatedCost: Number(f.estimatedCost) };
      const answer = await api<{ id: string }>(`${livinglabApi(region.code)}/proposals`, { method: 'POST', body });
      navigate(proposalPath(region.code, answer.id));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit}>
      <div className="field"><label htmlFor="ll-prop-unit">{t('livinglab.prop.unit')}</label>
        <select id="ll-prop-unit" required value={unitId} onChange={(e) => set({ unitId: e.target.value })}>
          {choices.length !== 1 && <option value="">{t('livinglab.prop.choose')}</option>}
          {choices.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select></div>
      <div className="field"><label htmlFor="ll-prop-year">{t('livinglab.prop.year')}</label>
        <input id="ll-prop-year" type="number" min={2000} max={2100} required value={f.year} onChange={(e) => set({ year: e.target.value })} /></div>
      <div className="field"><label htmlFor="ll-prop-title">{t('livinglab.prop.name')}</label>
        <input id="ll-prop-title" type="text" maxLength={200} required value={f.title} onChange={(e) => set({ title: e.target.value })} /></div>
      <div className="field"><label htmlFor="ll-prop-purpose">{t('livinglab.prop.purpose')}</label>
        <textarea id="ll-prop-purpose" rows={4} maxLength={4000} required value={f.purpose} onChange={(e) => set({ purpose: e.target.value })} /></div>
      <DomainSectorFields reference={ref.data} idOf={(name) => `ll-prop-${name}`} domain={f.domain} sector={f.sector} onChange={set} />
      <div className="field"><label htmlFor="ll-prop-cost">{t('livinglab.prop.cost')}</label>
        <input id="ll-prop-cost" type="number" inputMode="numeric" min={0} step={1} required value={f.estimatedCost} onChange={(e) => set({ estimatedCost: e.target.value })} /></div>
      <ErrorMessage error={error} />
      <button type="submit" className="button" disabled={busy}>{t('livinglab.prop.submit')}</button>
    </form>
  );
}

export function ProposalPage({ params }: { params: Params }) {
  return <PortfolioPage region={params.region}>{(region) => <ProposalView region={region} id={params.proposalId} />}</PortfolioPage>;
}

function ProposalView({ region, id }: { region: RegionProfile; id: string }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const ref = useReference();
  const proposal = useStaffApi<Proposal>(`${livinglabApi(region.code)}/proposals/${encodeURIComponent(id)}`);
  const p = proposal.data;
  return (
    <div className="livinglab">
      <p className="small"><Link to={proposalsPath(region.code)}>{t('livinglab.prop.back')}</Link></p>
      <ErrorMessage error={proposal.error} />
      {!p ? (!proposal.error && <Loading />) : <>
        <PageTitle title={p.title}>{p.title}</PageTitle>
        <dl className="livinglab-facts">
          <dt>{t('livinglab.prop.unit')}</dt><dd>{p.unit?.name ?? '—'}</dd>
          <dt>{t('livinglab.prop.year')}</dt><dd>{p.year}</dd>
          <dt>{t('livinglab.prop.purpose')}</dt><dd className="livinglab-text">{p.purpose}</dd>
          <dt>{t('livinglab.domain')}</dt><dd>{ref.data?.domains[p.domain]?.[locale] ?? p.domain}</dd>
          {p.sector && <><dt>{t('livinglab.sector')}</dt><dd>{p.sector} {ref.data?.sectors[p.sector] ?? ''}</dd></>}
          <dt>{t('livinglab.prop.cost')}</dt><dd>{formatIdr(p.estimatedCost)}</dd>
          <dt>{t('livinglab.prop.status')}</dt><dd><strong>{t(`livinglab.prop.status.${p.status}`)}</strong>
            <div className="small muted">{t('livinglab.prop.proposedAt', { date: formatDate(p.proposedAt, region, locale) })}
              {p.decidedAt && <> · {t('livinglab.prop.decidedAt', { date: formatDate(p.decidedAt, region, locale) })}</>}</div></dd>
          {p.decisionReason && <><dt>{t('livinglab.prop.reason')}</dt><dd className="livinglab-text">{p.decisionReason}</dd></>}
          {p.adoptSolutionId && <><dt>{t('livinglab.prop.adopted')}</dt><dd><Link to={solutionPath(p.adoptSolutionId)}>
            {p.sameWork.solutions.find((s) => s.id === p.adoptSolutionId)?.title ?? t('livinglab.adopt.sourceLink')}</Link></dd></>}
        </dl>
        <section aria-labelledby="ll-same" className="livinglab-same">
          <h2 id="ll-same">{t('livinglab.same.title')}</h2>
          {p.sameWork.nationalApplications.length === 0 && p.sameWork.solutions.length === 0 && <p className="muted">{t('livinglab.same.none')}</p>}
          {p.sameWork.nationalApplications.length > 0 && <>
            <h3>{t('livinglab.same.national')}</h3>
            <ul>{p.sameWork.nationalApplications.map((n) => (
              <li key={n.key} className="livinglab-warning"><strong>{t('livinglab.same.nationalFlag', { name: n.name })}</strong></li>
            ))}</ul>
          </>}
          {p.sameWork.solutions.length > 0 && <>
            <h3>{t('livinglab.same.solutions')}</h3>
            <ul className="livinglab-list">{p.sameWork.solutions.map((s) => (
              <li key={s.id}><Link to={solutionPath(s.id)}><strong>{s.title}</strong></Link>
                <div className="small muted">{s.regionName} · {t(`livinglab.kind.${s.kind}`)} · {t('livinglab.adopters', { n: s.adopters })}</div>
                {s.summary && <div className="small">{s.summary}</div>}</li>
            ))}</ul>
          </>}
        </section>
        {p.status === 'submitted' && may(me, region.code, 'livinglab.decide') && <DecisionForm region={region} proposal={p} onDone={proposal.reload} />}
      </>}
    </div>
  );
}

function DecisionForm({ region, proposal, onDone }: { region: RegionProfile; proposal: Proposal; onDone: () => void }) {
  const { t } = useI18n();
  const [decision, setDecision] = useState<'approved' | 'adopt_instead' | 'refused'>('approved');
  const [solutionId, setSolutionId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const solutions = proposal.sameWork.solutions;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const body = decision === 'adopt_instead' ? { decision, reason, solutionId } : { decision, reason };
      await api(`${livinglabApi(region.code)}/proposals/${proposal.id}/decision`, { method: 'POST', body });
      setDone(true);
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="ll-decide" className="card">
      <h2 id="ll-decide">{t('livinglab.decide.title')}</h2>
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('livinglab.decide.choice')}</legend>
          {(['approved', 'adopt_instead', 'refused'] as const).map((d) => (
            <label key={d}><input type="radio" name="ll-decision" value={d} checked={decision === d} disabled={d === 'adopt_instead' && solutions.length === 0}
              onChange={() => setDecision(d)} /> {t(`livinglab.decide.${d}`)}</label>
          ))}
          {solutions.length === 0 && <p className="small muted">{t('livinglab.decide.noSolutions')}</p>}
        </fieldset>
        {decision === 'adopt_instead' && (
          <div className="field"><label htmlFor="ll-decide-solution">{t('livinglab.decide.solution')}</label>
            <select id="ll-decide-solution" required value={solutionId} onChange={(e) => setSolutionId(e.target.value)}>
              <option value="">{t('livinglab.prop.choose')}</option>
              {solutions.map((s) => <option key={s.id} value={s.id}>{s.title} ({s.regionName})</option>)}
            </select></div>
        )}
        <div className="field"><label htmlFor="ll-decide-reason">{t('livinglab.decide.reason')}</label>
          <textarea id="ll-decide-reason" rows={3} maxLength={2000} required value={reason} onChange={(e) => setReason(e.target.value)} /></div>
        <ErrorMessage error={error} />
        {done && <Flash>{t('livinglab.decide.done')}</Flash>}
        <button type="submit" className="button">{t('livinglab.decide.submit')}</button>
      </form>
    </section>
  );
}
