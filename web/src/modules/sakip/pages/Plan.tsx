// One plan: its performance tree (or the same as a table) with each
// indicator's target and achievement for the chosen year, the problems that
// keep it from being activated, each programme's, activity's and
// sub-activity's budget with its absorption and efficiency, and, in a draft,
// the editor: nodes and indicators added, moved and removed where the tree
// allows them, indicators shared with other units, and a Renstra's goals and
// targets linked to the RPJMD target they support.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, regionApi } from '../../../api.js';
import { ErrorMessage, Flash, Loading, PageTitle } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, navigate, useLocation, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { Me, RegionProfile, Unit } from '../../../types.js';
import { allowedChildren, kindsInPlan, nodeKindLabels } from '../../../../../src/modules/sakip/domain/kinds.js';
import {
  AchievementValue, formatExact, indicatorPath, mayEditPlan, nodeAnchor, plannerUnits, planUrl, PlanStatusBadge, sakipApi, SakipPage, sakipPath, SummaryValue, TargetText,
  unitNames,
} from '../components/common.js';
import type { Indicator, LibraryIndicator, Measure, NodeKind, Plan, PlanTable, PlanTree, Problem, TreeNode } from '../components/types.js';
import { BudgetPanel } from '../components/budget.js';

export function PlanPage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <PlanView region={region} planId={params.planId} />}</SakipPage>;
}

/** The editor's open form: a node or indicator added under `at` (null: at the root), or the one `at` changed or moved. */
type Adding = { what: 'node' | 'indicator' | 'editNode' | 'editIndicator' | 'moveNode'; at: string | null } | null;

function PlanView({ region, planId }: { region: RegionProfile; planId: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { path, query } = useLocation();
  const year = Number(query.get('tahun')) || undefined;
  const asTable = query.get('tampilan') === 'tabel';
  const url = planUrl(region.code, planId);
  const tree = useStaffApi<PlanTree>(asTable ? null : `${url}/tree${year ? `?year=${year}` : ''}`);
  const table = useStaffApi<PlanTable>(asTable ? `${url}/table${year ? `?year=${year}` : ''}` : null);
  const view = asTable ? table : tree;
  const units = useStaffApi<Unit[]>(`${regionApi(region.code)}/units`);
  const [adding, setAdding] = useState<Adding>(null);
  const supportable = useSupportable(region.code, tree.data?.plan); // the tree shows and edits the links; the table does not
  const nodes = useMemo(() => flatten(tree.data?.tree ?? []), [tree.data]);
  // Arriving from the overview at one target (#simpul-…): shown once the tree is there.
  const loaded = !!view.data;
  useEffect(() => {
    if (loaded && location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }, [loaded]);
  if (view.error) return <><p><Link to={sakipPath(region.code)}>{t('sakip.back.plans')}</Link></p><ErrorMessage error={view.error} /></>;
  if (!view.data) return <Loading />;
  const { plan, years, problems } = view.data;
  const shownYear = view.data.year;
  const editable = plan.status === 'draft' && mayEditPlan(me, region.code, plan);
  const unitName = (id: string | null) => (id ? units.data?.find((u) => u.id === id)?.name ?? '' : '');
  const sharedWith = (i: Indicator) => unitNames(units.data, i.sharedUnitIds);
  const go = (next: { tahun?: number; tampilan?: string | null }) => {
    const q = new URLSearchParams(query);
    if (next.tahun !== undefined) q.set('tahun', String(next.tahun));
    if (next.tampilan !== undefined) (next.tampilan ? q.set('tampilan', next.tampilan) : q.delete('tampilan'));
    navigate(`${path}?${q.toString()}`, { replace: true });
  };
  return (
    <>
      <p className="no-print"><Link to={sakipPath(region.code)}>{t('sakip.back.plans')}</Link></p>
      <PageTitle title={plan.title}>{plan.title}</PageTitle>
      <p>
        {plan.unit && <>{plan.unit.name} · </>}
        {t('sakip.plan.period', { start: plan.startYear, end: plan.endYear })} <PlanStatusBadge status={plan.status} />
      </p>
      <div className="sakip-toolbar no-print">
        <div className="field narrow">
          <label htmlFor="plan-year">{t('sakip.plan.year')}</label>
          <select id="plan-year" value={shownYear} onChange={(e) => go({ tahun: Number(e.target.value) })}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
        <div className="segmented" role="group" aria-label={t('sakip.plan.viewLabel')}>
          <button type="button" className="link-button" aria-pressed={!asTable} onClick={() => go({ tampilan: null })}>{t('sakip.plan.asTree')}</button>
          <button type="button" className="link-button" aria-pressed={asTable} onClick={() => go({ tampilan: 'tabel' })}>{t('sakip.plan.asTable')}</button>
        </div>
      </div>
      <Workbook url={url} editable={editable} />
      <Problems problems={problems} />
      {may(me, region.code, 'sakip.manage') && <StatusControl url={url} plan={plan} ready={problems.length === 0} />}
      {plan.status === 'active' && mayEditPlan(me, region.code, plan) && <p className="muted small">{t('sakip.plan.activeHint')}</p>}
      {asTable && table.data
        ? <TableView region={region.code} data={table.data} unitName={unitName} sharedWith={sharedWith} />
        : tree.data && (
          <>
            <ul className="sakip-tree" aria-label={t('sakip.plan.treeLabel')}>
              {tree.data.tree.map((n, i, all) => (
                <NodeItem key={n.id} node={n} at={{ index: i, count: all.length }}
                  ctx={{ region: region.code, plan, year: shownYear, editable, adding, setAdding, unitName, sharedWith, url, units: units.data ?? [], me, nodes, supportable }} />
              ))}
            </ul>
            {tree.data.tree.length === 0 && <p className="muted">{t('sakip.plan.empty')}</p>}
            {editable && (
              adding?.what === 'node' && adding.at === null
                ? <NodeForm url={url} plan={plan} parentKind="root" parentId={null} units={units.data ?? []} supportable={supportable} onDone={() => setAdding(null)} />
                : <button type="button" className="button secondary" onClick={() => setAdding({ what: 'node', at: null })}>{t('sakip.edit.addRoot')}</button>
            )}
          </>
        )}
    </>
  );
}

interface WorkbookProblem { sheet: string; row: number | null; column: string | null; header: string | null; message: { id: string; en: string } }

/**
 * The plan as an Excel workbook: whoever reads it downloads it (a new plan's
 * is the blank template); whoever edits a draft imports it back, all or nothing.
 */
function Workbook({ url, editable }: { url: string; editable: boolean }) {
  const { t, pick } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const upload = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setDone(false);
    const form = new FormData();
    form.append('file', file);
    try {
      await api(`${url}/import`, { method: 'POST', body: form });
      setDone(true);
    } catch (err) {
      setError(err);
    }
  };
  const problems = error instanceof ApiError ? (error.details as { problems?: WorkbookProblem[] } | undefined)?.problems ?? [] : [];
  return (
    <details className="card no-print">
      <summary>{t('sakip.workbook.title')}</summary>
      <p><a href={`${url}/export.xlsx`} download>{t('sakip.workbook.download')}</a></p>
      {editable && (
        <form onSubmit={upload}>
          <div className="field">
            <label htmlFor="workbook-file">{t('sakip.workbook.file')}</label>
            <input id="workbook-file" type="file" required accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-describedby="workbook-hint" />
            <small id="workbook-hint" className="hint">{t('sakip.workbook.hint')}</small>
          </div>
          {done && <Flash>{t('sakip.workbook.imported')}</Flash>}
          <ErrorMessage error={error} />
          {problems.length > 0 && (
            <ul className="problem-list small">
              {problems.map((p, i) => (
                <li key={i}>
                  {p.row === null ? t('sakip.workbook.sheet', { sheet: p.sheet }) : t('sakip.workbook.cell', { sheet: p.sheet, row: p.row, column: p.column ?? '', header: p.header ?? '' })} {pick(p.message)}
                </li>
              ))}
            </ul>
          )}
          <button type="submit" className="button secondary">{t('sakip.workbook.import')}</button>
        </form>
      )}
    </details>
  );
}

function Problems({ problems }: { problems: Problem[] }) {
  const { t, pick } = useI18n();
  if (problems.length === 0) return null;
  return (
    <div className="alert alert-warn" role="status">
      <p><strong>{t('sakip.problems.title', { n: problems.length })}</strong></p>
      <ul className="problem-list">{problems.map((p, i) => <li key={i}>{pick(p.message)}</li>)}</ul>
    </div>
  );
}

/** The coordinator activates a plan without problems, or returns an active one to draft. */
function StatusControl({ url, plan, ready }: { url: string; plan: Plan; ready: boolean }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const next = plan.status === 'draft' ? 'active' : 'draft';
  const change = async () => {
    if (next === 'draft' && !window.confirm(t('sakip.plan.toDraftConfirm'))) return;
    setError(null);
    setDone(false);
    try {
      await api(`${url}/status`, { method: 'PUT', body: { status: next } });
      setDone(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="button-row no-print">
      <button type="button" className={next === 'active' ? 'button' : 'button secondary'} onClick={change} disabled={next === 'active' && !ready}>
        {t(next === 'active' ? 'sakip.plan.activate' : 'sakip.plan.toDraft')}
      </button>
      {next === 'active' && !ready && <span className="small muted">{t('sakip.plan.fixFirst')}</span>}
      {done && <Flash>{t(plan.status === 'active' ? 'sakip.plan.activated' : 'sakip.plan.drafted')}</Flash>}
      <ErrorMessage error={error} />
    </div>
  );
}

interface TreeContext {
  region: string;
  plan: Plan;
  year: number;
  editable: boolean;
  adding: Adding;
  setAdding: (a: Adding) => void;
  unitName: (id: string | null) => string;
  sharedWith: (indicator: Indicator) => string;
  url: string;
  units: Unit[];
  me: Me | undefined;
  /** Every node of the tree in reading order: the places a node may move to. */
  nodes: TreeNode[];
  supportable: Supportable;
}

/** A node's place among its siblings. */
interface Sibling { index: number; count: number }

/** The tree's nodes in reading order. */
const flatten = (nodes: TreeNode[]): TreeNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

/** The RPJMD targets a Renstra's goals and targets may support, by id, with the RPJMD they are from. */
interface Supportable { rpjmd: Plan | undefined; targets: Map<string, string> }

/**
 * For a Renstra: the targets of the RPJMD it cascades from, the one over the
 * same years (the active one first), else the region's latest. The API accepts
 * any other plan's target; the RPJMD is where a unit's goals come from.
 */
function useSupportable(region: string, plan: Plan | undefined): Supportable {
  const plans = useStaffApi<Plan[]>(plan?.kind === 'renstra' ? `${sakipApi(region)}/plans?kind=rpjmd` : null);
  const overlaps = (p: Plan) => !!plan && p.startYear <= plan.endYear && plan.startYear <= p.endYear;
  const rank = (p: Plan) => (overlaps(p) ? 2 : 0) + (p.status === 'active' ? 1 : 0);
  const rpjmd = plans.data?.slice().sort((a, b) => rank(b) - rank(a) || b.startYear - a.startYear)[0];
  const tree = useStaffApi<PlanTree>(rpjmd ? `${planUrl(region, rpjmd.id)}/tree` : null);
  const targets = useMemo(() => new Map(flatten(tree.data?.tree ?? []).filter((n) => n.kind === 'target').map((n) => [n.id, `${n.number} ${n.title}`])), [tree.data]);
  return { rpjmd, targets };
}

const budgetKinds: readonly NodeKind[] = ['programme', 'activity', 'sub_activity'];

/** A budget node's budget for the year, loaded when opened; its unit's planner or the coordinator enter it. */
function NodeBudget({ node, ctx }: { node: TreeNode; ctx: TreeContext }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const corrector = may(ctx.me, ctx.region, 'sakip.manage');
  const mine = plannerUnits(ctx.me, ctx.region);
  const mayEnter = corrector || (may(ctx.me, ctx.region, 'sakip.realise') && [ctx.plan.unit?.id, node.unitId].some((u) => !!u && mine.has(u)));
  return (
    <details className="node-budget" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('sakip.budget.title', { year: ctx.year })}</summary>
      {open && <BudgetPanel url={ctx.url} nodeId={node.id} year={ctx.year} mayEnter={mayEnter} corrector={corrector} />}
    </details>
  );
}

function NodeItem({ node, at, ctx }: { node: TreeNode; at: Sibling; ctx: TreeContext }) {
  const { t, pick } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const empty = node.children.length === 0 && node.indicators.length === 0;
  const childKinds = kindsUnder(ctx.plan, node.kind);
  const act = async (call: () => Promise<unknown>) => {
    setError(null);
    try {
      await call();
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  };
  const remove = () => window.confirm(t('sakip.edit.removeConfirm', { title: node.title })) && act(() => api(`${ctx.url}/nodes/${node.id}`, { method: 'DELETE' }));
  // Moved up or down, the node's element is put back in its new place and loses
  // the keyboard's focus: it goes back to the same button (the other one at an end).
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const refocus = useRef<'up' | 'down' | null>(null);
  const reorder = async (direction: 'up' | 'down') => {
    const moved = await act(() => api(`${ctx.url}/nodes/${node.id}/move`, { method: 'POST', body: { parentId: node.parentId, position: at.index + (direction === 'up' ? -1 : 1) } }));
    if (moved) refocus.current = direction;
  };
  useEffect(() => {
    const direction = refocus.current;
    refocus.current = null;
    if (direction === 'up') (at.index > 0 ? up : down).current?.focus();
    if (direction === 'down') (at.index < at.count - 1 ? down : up).current?.focus();
  }, [at.index, at.count]);
  const supported = node.supportsNodeId ? ctx.supportable.targets.get(node.supportsNodeId) : undefined;
  const addingHere = ctx.adding?.at === node.id ? ctx.adding.what : null;
  return (
    <li className={`sakip-node kind-${node.kind}`} id={nodeAnchor(node.id)}>
      <div className="node-head">
        <span className="node-number">{node.number}</span>
        <span className="badge kind-badge">{pick(node.kindLabel)}</span>
        {node.code && <code className="node-code">{node.code}</code>}
        <span className="node-title">{node.title}</span>
        {node.unitId && <span className="small muted"> · {ctx.unitName(node.unitId)}</span>}
      </div>
      {supported && <p className="node-supports small">{t('sakip.node.supports', { target: supported })}</p>}
      {node.summary && <div className="node-summary"><SummaryValue summary={node.summary} /></div>}
      {budgetKinds.includes(node.kind) && <NodeBudget node={node} ctx={ctx} />}
      {node.indicators.length > 0 && (
        <ul className="indicator-list">
          {node.indicators.map((i) => <IndicatorLine key={i.id} indicator={i} node={node} ctx={ctx} />)}
        </ul>
      )}
      {ctx.editable && (
        <div className="node-actions no-print">
          <button type="button" className="link-button" onClick={() => ctx.setAdding({ what: 'editNode', at: node.id })}>{t('sakip.edit.change')}</button>
          <button type="button" className="link-button" onClick={() => ctx.setAdding({ what: 'moveNode', at: node.id })}>{t('sakip.edit.move')}</button>
          {at.count > 1 && (
            <>
              <button type="button" ref={up} className="link-button" disabled={at.index === 0} onClick={() => reorder('up')}
                aria-label={t('sakip.edit.upLabel', { title: node.title })}>{t('sakip.edit.up')}</button>
              <button type="button" ref={down} className="link-button" disabled={at.index === at.count - 1} onClick={() => reorder('down')}
                aria-label={t('sakip.edit.downLabel', { title: node.title })}>{t('sakip.edit.down')}</button>
            </>
          )}
          {childKinds.length > 0 && <button type="button" className="link-button" onClick={() => ctx.setAdding({ what: 'node', at: node.id })}>{t('sakip.edit.addChild')}</button>}
          <button type="button" className="link-button" onClick={() => ctx.setAdding({ what: 'indicator', at: node.id })}>{t('sakip.edit.addIndicator')}</button>
          {empty && <button type="button" className="link-button danger" onClick={remove}>{t('sakip.edit.remove')}</button>}
        </div>
      )}
      <ErrorMessage error={error} />
      {addingHere === 'moveNode' && <MoveForm node={node} ctx={ctx} onDone={() => ctx.setAdding(null)} />}
      {addingHere === 'node' && <NodeForm url={ctx.url} plan={ctx.plan} parentKind={node.kind} parentId={node.id} units={ctx.units} supportable={ctx.supportable} onDone={() => ctx.setAdding(null)} />}
      {addingHere === 'editNode' && (
        <NodeForm url={ctx.url} plan={ctx.plan} parentKind={node.kind} parentId={node.parentId} units={ctx.units} supportable={ctx.supportable} editing={node} onDone={() => ctx.setAdding(null)} />
      )}
      {addingHere === 'indicator' && <IndicatorForm url={ctx.url} region={ctx.region} nodeId={node.id} level={node.kind} units={sharable(ctx, node)} onDone={() => ctx.setAdding(null)} />}
      {node.children.length > 0 && (
        <ul>{node.children.map((c, i, all) => <NodeItem key={c.id} node={c} at={{ index: i, count: all.length }} ctx={ctx} />)}</ul>
      )}
    </li>
  );
}

/** The units that may share a node's indicators: the region's active units but those answering for it already (the plan's and the node's). */
function sharable(ctx: TreeContext, node: TreeNode): Unit[] {
  return ctx.units.filter((u) => u.active && u.id !== ctx.plan.unit?.id && u.id !== node.unitId);
}

/** One indicator in the tree: its target for the year, what was realised and the achievement. */
function IndicatorLine({ indicator, node, ctx }: { indicator: Indicator; node: TreeNode; ctx: TreeContext }) {
  const { t, locale } = useI18n();
  const shared = ctx.sharedWith(indicator);
  const [error, setError] = useState<unknown>(null);
  const a = indicator.achievement;
  const remove = async () => {
    if (!window.confirm(t('sakip.edit.removeConfirm', { title: indicator.name }))) return;
    setError(null);
    try {
      await api(`${ctx.url}/indicators/${indicator.id}`, { method: 'DELETE' });
    } catch (err) {
      setError(err);
    }
  };
  const editing = ctx.adding?.what === 'editIndicator' && ctx.adding.at === indicator.id;
  return (
    <li className="indicator-line">
      <Link to={indicatorPath(ctx.region, ctx.plan.id, indicator.id, ctx.year)}>{indicator.name}</Link>
      {indicator.isIku && <span className="badge iku-badge">{t('sakip.indicator.iku')}</span>}
      {shared && <p className="small muted">{t('sakip.indicator.sharedWith', { units: shared })}</p>}
      <dl className="indicator-figures">
        <div><dt>{t('sakip.figure.target', { year: ctx.year })}</dt><dd><TargetText target={a.target} measure={indicator.measure} /></dd></div>
        <div><dt>{t('sakip.figure.realisation')}</dt><dd>{a.realisation?.value ? `${formatExact(a.realisation.value, locale)} ${indicator.measure}` : '–'}</dd></div>
        <div><dt>{t('sakip.figure.achievement')}</dt><dd><AchievementValue result={a.result} /></dd></div>
      </dl>
      {ctx.editable && (
        <div className="node-actions no-print">
          <button type="button" className="link-button" onClick={() => ctx.setAdding({ what: 'editIndicator', at: indicator.id })}>{t('sakip.edit.change')}</button>
          <button type="button" className="link-button danger" onClick={remove}>{t('sakip.edit.remove')}</button>
        </div>
      )}
      <ErrorMessage error={error} />
      {editing && <IndicatorForm url={ctx.url} region={ctx.region} nodeId={indicator.nodeId} units={sharable(ctx, node)} editing={indicator} onDone={() => ctx.setAdding(null)} />}
    </li>
  );
}

/**
 * A node moved (with everything under it) to the end of another parent's
 * children. Offered: the parents whose kind may hold it, outside its own
 * branch; the server still decides (codes, the plan's rules) and says why not.
 */
function MoveForm({ node, ctx, onDone }: { node: TreeNode; ctx: TreeContext; onDone: () => void }) {
  const { t, pick } = useI18n();
  const inside = new Set(flatten([node]).map((n) => n.id));
  const parents = ctx.nodes.filter((n) => !inside.has(n.id) && allowedChildren[n.kind].includes(node.kind));
  const [parentId, setParentId] = useState(node.parentId ?? '');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`${ctx.url}/nodes/${node.id}/move`, { method: 'POST', body: { parentId: parentId || null } });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card node-form" onSubmit={submit} aria-label={t('sakip.edit.moveForm', { title: node.title })}>
      <div className="field">
        <label htmlFor="move-parent">{t('sakip.edit.moveParent')}</label>
        <select id="move-parent" value={parentId} onChange={(e) => setParentId(e.target.value)} aria-describedby="move-hint">
          {allowedChildren.root.includes(node.kind) && <option value="">{t('sakip.edit.moveRoot')}</option>}
          {parents.map((p) => <option key={p.id} value={p.id}>{[p.number, pick(p.kindLabel), p.code, p.title].filter(Boolean).join(' ')}</option>)}
        </select>
        <small id="move-hint" className="hint">{t('sakip.edit.moveHint')}</small>
      </div>
      <ErrorMessage error={error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={parentId === (node.parentId ?? '')}>{t('sakip.edit.move')}</button>
        <button type="button" className="button secondary" onClick={onDone}>{t('sakip.edit.cancel')}</button>
      </div>
    </form>
  );
}

/** The kinds a node may hold in this plan (the tree's rules and the plan's kind together). */
function kindsUnder(plan: Plan, parent: NodeKind | 'root'): NodeKind[] {
  return allowedChildren[parent].filter((k) => kindsInPlan[plan.kind].includes(k));
}

const codedKinds: readonly NodeKind[] = ['programme', 'activity', 'sub_activity'];

const supportingKinds: readonly NodeKind[] = ['goal', 'target'];

/**
 * A new node under a parent, or (editing) a node's description, code and
 * responsible unit (RPJMD) or the RPJMD target it supports (a Renstra's goal
 * or target); its kind stays.
 */
function NodeForm({ url, plan, parentKind, parentId, units, supportable, editing, onDone }: {
  url: string; plan: Plan; parentKind: NodeKind | 'root'; parentId: string | null; units: Unit[]; supportable: Supportable; editing?: TreeNode; onDone: () => void;
}) {
  const { t, pick } = useI18n();
  const kinds = editing ? [editing.kind] : kindsUnder(plan, parentKind);
  const [kind, setKind] = useState<NodeKind>(kinds[0]);
  const [title, setTitle] = useState(editing?.title ?? '');
  const [code, setCode] = useState(editing?.code ?? '');
  const [unitId, setUnitId] = useState(editing?.unitId ?? '');
  const [supports, setSupports] = useState(editing?.supportsNodeId ?? '');
  const [error, setError] = useState<unknown>(null);
  const cascades = plan.kind === 'renstra' && supportingKinds.includes(kind);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const fields = {
      title: title.trim(), code: codedKinds.includes(kind) ? code.trim() : null,
      ...(plan.kind === 'rpjmd' ? { unitId: unitId || null } : {}), ...(cascades ? { supportsNodeId: supports || null } : {}),
    };
    try {
      if (editing) await api(`${url}/nodes/${editing.id}`, { method: 'PATCH', body: fields });
      else await api(`${url}/nodes`, { method: 'POST', body: { kind, parentId, ...fields } });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card node-form" onSubmit={submit} aria-label={t(editing ? 'sakip.edit.nodeChange' : 'sakip.edit.nodeForm')}>
      <div className="field narrow">
        <label htmlFor="node-kind">{t('sakip.edit.kind')}</label>
        <select id="node-kind" value={kind} disabled={!!editing} onChange={(e) => setKind(e.target.value as NodeKind)}>
          {kinds.map((k) => <option key={k} value={k}>{pick(nodeKindLabels[k])}</option>)}
        </select>
      </div>
      {codedKinds.includes(kind) && (
        <div className="field narrow">
          <label htmlFor="node-code">{t('sakip.edit.code')}</label>
          <input id="node-code" type="text" required maxLength={40} value={code} onChange={(e) => setCode(e.target.value)} aria-describedby="node-code-hint" />
          <small id="node-code-hint" className="hint">{t('sakip.edit.codeHint')}</small>
        </div>
      )}
      <div className="field">
        <label htmlFor="node-title">{t('sakip.edit.title')}</label>
        <input id="node-title" type="text" required maxLength={1000} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      {plan.kind === 'rpjmd' && (
        <div className="field">
          <label htmlFor="node-unit">{t('sakip.edit.unit')}</label>
          <select id="node-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            <option value="">{t('sakip.edit.none')}</option>
            {units.filter((u) => u.active).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </div>
      )}
      {cascades && (
        <div className="field">
          <label htmlFor="node-supports">{t('sakip.edit.supports')}</label>
          <select id="node-supports" value={supports} onChange={(e) => setSupports(e.target.value)} aria-describedby="node-supports-hint">
            <option value="">{t('sakip.edit.none')}</option>
            {[...supportable.targets].map(([id, words]) => <option key={id} value={id}>{words}</option>)}
          </select>
          <small id="node-supports-hint" className="hint">
            {supportable.rpjmd ? t('sakip.edit.supportsHint', { plan: supportable.rpjmd.title }) : t('sakip.edit.supportsNoRpjmd')}
          </small>
        </div>
      )}
      <ErrorMessage error={error} />
      <div className="button-row">
        <button type="submit" className="button">{t('sakip.edit.save')}</button>
        <button type="button" className="button secondary" onClick={onDone}>{t('sakip.edit.cancel')}</button>
      </div>
    </form>
  );
}

/**
 * A new indicator on a node, or (editing) an indicator's definition, how it
 * is measured and the other units sharing it (`units`: those it may be shared with).
 * A new one may start from an entry of the region's indicator library (the
 * node's level first): its definition fills the fields, which stay editable.
 */
function IndicatorForm({ url, region, nodeId, level, units, editing, onDone }: {
  url: string; region: string; nodeId: string; level?: NodeKind; units: Unit[]; editing?: Indicator; onDone: () => void;
}) {
  const { t, pick } = useI18n();
  const [name, setName] = useState(editing?.name ?? '');
  const [measure, setMeasure] = useState(editing?.measure ?? '');
  const [polarity, setPolarity] = useState<Indicator['polarity']>(editing?.polarity ?? 'higher_is_better');
  const [targetType, setTargetType] = useState<Indicator['targetType']>(editing?.targetType ?? 'single');
  const [aggregation, setAggregation] = useState<Indicator['aggregation']>(editing?.aggregation ?? 'last');
  const [definition, setDefinition] = useState(editing?.definition ?? '');
  const [formula, setFormula] = useState(editing?.formula ?? '');
  const [dataSource, setDataSource] = useState(editing?.dataSource ?? '');
  const [allowsNegative, setAllowsNegative] = useState(editing?.allowsNegative ?? false);
  const library = useStaffApi<LibraryIndicator[]>(editing ? null : `${sakipApi(region)}/indicator-library`);
  const entries = [...(library.data ?? [])].sort((a, b) => Number(a.level !== level) - Number(b.level !== level) || a.code.localeCompare(b.code));
  const [fromLibrary, setFromLibrary] = useState('');
  const take = (code: string) => {
    setFromLibrary(code);
    const e = entries.find((x) => x.code === code);
    if (!e) return;
    setName(e.name); setDefinition(e.definition); setFormula(e.formula); setMeasure(e.measure); setDataSource(e.dataSource);
    setPolarity(e.polarity); setTargetType(e.targetType); setAggregation(e.aggregation); setAllowsNegative(e.allowsNegative);
  };
  const [isIku, setIsIku] = useState(editing?.isIku ?? false);
  const [source, setSource] = useState(editing?.source ?? '');
  const [shared, setShared] = useState<string[]>(editing?.sharedUnitIds ?? []);
  const share = (id: string, on: boolean) => setShared((was) => (on ? [...was, id] : was.filter((u) => u !== id)));
  const measures = useStaffApi<Measure[]>(`${regionApi(region)}/measures`);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const fields = {
      name: name.trim(), measure: measure.trim(), polarity, targetType, aggregation, definition: definition.trim(), formula: formula.trim(), dataSource: dataSource.trim(),
      allowsNegative, isIku, source: source || null, sharedUnitIds: shared,
    };
    try {
      if (editing) await api(`${url}/indicators/${editing.id}`, { method: 'PATCH', body: fields });
      else await api(`${url}/nodes/${nodeId}/indicators`, { method: 'POST', body: fields });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card node-form" onSubmit={submit} aria-label={t(editing ? 'sakip.edit.indicatorChange' : 'sakip.edit.indicatorForm')}>
      {!editing && entries.length > 0 && (
        <div className="field">
          <label htmlFor="ind-library">{t('sakip.indicator.fromLibrary')}</label>
          <select id="ind-library" value={fromLibrary} onChange={(e) => take(e.target.value)} aria-describedby="ind-library-hint">
            <option value="">{t('sakip.indicator.fromLibraryNone')}</option>
            {entries.map((e) => <option key={e.code} value={e.code}>{e.code} · {e.name} ({pick(nodeKindLabels[e.level])})</option>)}
          </select>
          <small id="ind-library-hint" className="hint">{fromLibrary ? t('sakip.indicator.fromLibraryTaken', { code: fromLibrary }) : t('sakip.indicator.fromLibraryHint')}</small>
        </div>
      )}
      <div className="field">
        <label htmlFor="ind-name">{t('sakip.indicator.name')}</label>
        <input id="ind-name" type="text" required maxLength={1000} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="ind-definition">{t('sakip.indicator.definition')}</label>
        <textarea id="ind-definition" maxLength={4000} rows={2} value={definition} onChange={(e) => setDefinition(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="ind-formula">{t('sakip.indicator.formula')}</label>
        <textarea id="ind-formula" maxLength={4000} rows={2} value={formula} onChange={(e) => setFormula(e.target.value)} />
      </div>
      <div className="field narrow">
        <label htmlFor="ind-measure">{t('sakip.indicator.measure')}</label>
        <input id="ind-measure" type="text" maxLength={100} value={measure} onChange={(e) => setMeasure(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="ind-data-source">{t('sakip.indicator.dataSource')}</label>
        <input id="ind-data-source" type="text" maxLength={1000} value={dataSource} onChange={(e) => setDataSource(e.target.value)} />
      </div>
      <ChoiceField id="ind-polarity" label={t('sakip.indicator.polarity')} value={polarity} onChange={setPolarity}
        options={(['higher_is_better', 'lower_is_better'] as const).map((v) => [v, t(`sakip.polarity.${v}`)])} />
      <ChoiceField id="ind-type" label={t('sakip.indicator.targetType')} value={targetType} onChange={setTargetType}
        options={(['single', 'range'] as const).map((v) => [v, t(`sakip.targetType.${v}`)])} />
      <ChoiceField id="ind-aggregation" label={t('sakip.indicator.aggregation')} value={aggregation} onChange={setAggregation}
        options={(['last', 'sum', 'average'] as const).map((v) => [v, t(`sakip.aggregation.${v}`)])} />
      <div className="field">
        <label htmlFor="ind-source">{t('sakip.indicator.source')}</label>
        <select id="ind-source" value={source} onChange={(e) => setSource(e.target.value)} aria-describedby="ind-source-hint">
          <option value="">{t('sakip.indicator.sourceNone')}</option>
          {(measures.data ?? []).map((m) => <option key={m.ref} value={m.ref}>{pick(m.title)} ({m.measure})</option>)}
        </select>
        <small id="ind-source-hint" className="hint">{t('sakip.indicator.sourceHint')}</small>
      </div>
      <label className="choice"><input type="checkbox" checked={allowsNegative} onChange={(e) => setAllowsNegative(e.target.checked)} /> {t('sakip.indicator.allowsNegative')}</label>
      <label className="choice"><input type="checkbox" checked={isIku} onChange={(e) => setIsIku(e.target.checked)} /> {t('sakip.indicator.isIku')}</label>
      {units.length > 0 && (
        <fieldset aria-describedby="ind-shared-hint">
          <legend>{t('sakip.indicator.sharedUnits')}</legend>
          <small id="ind-shared-hint" className="hint">{t('sakip.indicator.sharedHint')}</small>
          <div className="choices shared-units">
            {units.map((u) => (
              <label key={u.id} className="choice">
                <input type="checkbox" checked={shared.includes(u.id)} onChange={(e) => share(u.id, e.target.checked)} /> {u.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <ErrorMessage error={error} />
      <div className="button-row">
        <button type="submit" className="button">{t('sakip.edit.save')}</button>
        <button type="button" className="button secondary" onClick={onDone}>{t('sakip.edit.cancel')}</button>
      </div>
    </form>
  );
}

/** A narrow select of a few fixed choices, each with its words. */
function ChoiceField<T extends string>({ id, label, value, options, onChange }: { id: string; label: string; value: T; options: (readonly [T, string])[]; onChange: (v: T) => void }) {
  return (
    <div className="field narrow">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map(([v, words]) => <option key={v} value={v}>{words}</option>)}
      </select>
    </div>
  );
}

/** The plan as a table: a row per indicator (nodes without one get a row of their own), targets per year, achievement. */
function TableView({ region, data, unitName, sharedWith }: {
  region: string; data: PlanTable; unitName: (id: string | null) => string; sharedWith: (indicator: Indicator) => string;
}) {
  const { t, pick, locale } = useI18n();
  return (
    <div className="sakip-scroll">
      <table className="sakip-table">
        <caption>{t('sakip.table.caption', { year: data.year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sakip.table.number')}</th>
            <th scope="col">{t('sakip.table.node')}</th>
            <th scope="col">{t('sakip.table.indicator')}</th>
            {data.years.map((y) => <th key={y} scope="col" className="num">{t('sakip.table.targetYear', { year: y })}</th>)}
            <th scope="col" className="num">{t('sakip.figure.realisation')}</th>
            <th scope="col">{t('sakip.figure.achievement')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r, i) => (
            <tr key={`${r.node.id}-${r.indicator?.id ?? i}`}>
              <td>{r.number}</td>
              <td>
                <span className="small muted">{pick(r.node.kindLabel)}{r.node.code ? ` ${r.node.code}` : ''}</span><br />
                {r.node.title}{r.node.unitId && <span className="small muted"> · {unitName(r.node.unitId)}</span>}
              </td>
              <td>
                {r.indicator ? <Link to={indicatorPath(region, data.plan.id, r.indicator.id, data.year)}>{r.indicator.name}</Link> : <span className="muted">–</span>}
                {r.indicator && sharedWith(r.indicator) && <><br /><span className="small muted">{t('sakip.indicator.sharedWith', { units: sharedWith(r.indicator) })}</span></>}
              </td>
              {data.years.map((y) => (
                <td key={y} className="num">{r.indicator ? <TargetText target={r.indicator.targets.find((x) => x.year === y)?.target ?? null} measure="" /> : ''}</td>
              ))}
              <td className="num">{r.indicator?.achievement.realisation?.value ? formatExact(r.indicator.achievement.realisation.value, locale) : ''}</td>
              <td>{r.indicator && <AchievementValue result={r.indicator.achievement.result} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
