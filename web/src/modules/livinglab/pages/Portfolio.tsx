// The region's application portfolio for its staff: the application
// inventory (yearly running cost, rows doing a national general
// application's work flagged; the officer adds and edits rows) and the
// digital budget per year (proposed, approved, avoided by adopting, refused,
// undecided; for a province each kabupaten/kota and the sum). Who may do what
// is the API's rule; the forms show to those holding the permission.
import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../../api.js';
import { RegionGate } from '../../../components/RegionGate.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import { ErrorMessage, Flash, Loading, PageTitle } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { Link, navigate, queryString, useLocation, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';
import { budgetPath, formatIdr, inventoryPath, livinglabApi, proposalsPath, staffPath } from '../components/paths.js';
import type { Budget, InventoryApp, PortfolioUnit } from '../components/types.js';
import { DomainSectorFields } from '../components/Fields.js';
import { useReference } from './Public.js';
import '../components/livinglab.css';

/** A page of the portfolio: for those reading it (officer, SPBE team, proposers, the head of region). */
export function PortfolioPage({ region, children }: { region: string; children: (region: RegionProfile) => ReactNode }) {
  return <StaffOnly region={region} permission="livinglab.portfolio.read"><RegionGate code={region}>{children}</RegionGate></StaffOnly>;
}

/** Links between the portfolio's pages and back to the region's Living Lab. */
export function PortfolioNav({ region }: { region: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  return (
    <p className="small">
      {may(me, region, 'livinglab.read') && <><Link to={staffPath(region)}>{t('livinglab.staff.back')}</Link> · </>}
      <Link to={inventoryPath(region)}>{t('livinglab.inv.title')}</Link> · <Link to={proposalsPath(region)}>{t('livinglab.prop.title')}</Link> · <Link to={budgetPath(region)}>{t('livinglab.budget.title')}</Link>
    </p>
  );
}

export function InventoryPage({ params }: { params: Params }) {
  return <PortfolioPage region={params.region}>{(region) => <Inventory region={region} />}</PortfolioPage>;
}

function Inventory({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  const ref = useReference();
  const apps = useStaffApi<InventoryApp[]>(`${livinglabApi(region.code)}/applications`);
  const manages = may(me, region.code, 'livinglab.portfolio.manage');
  const [editing, setEditing] = useState<InventoryApp | null>(null);
  const [saved, setSaved] = useState(false);
  const rows = apps.data ?? [];
  const live = rows.filter((a) => a.status === 'live').reduce((s, a) => s + a.costPerYear, 0);
  const all = rows.reduce((s, a) => s + a.costPerYear, 0);
  const national = (key: string) => ref.data?.nationalApplications[key] ?? key;
  const cols = manages ? 8 : 7;
  return (
    <div className="livinglab">
      <PageTitle title={t('livinglab.inv.title')}>{t('livinglab.inv.title')}</PageTitle>
      <PortfolioNav region={region.code} />
      <p className="muted">{t('livinglab.inv.intro')}</p>
      <ErrorMessage error={apps.error} />
      {saved && <Flash>{t('livinglab.inv.saved')}</Flash>}
      {!apps.data ? (!apps.error && <Loading />) : rows.length === 0 ? <p className="muted">{t('livinglab.inv.none')}</p> : (
        <div className="table-scroll"><table className="livinglab-table livinglab-inventory">
          <caption>{t('livinglab.inv.caption', { n: rows.length })}</caption>
          <thead><tr>
            <th scope="col">{t('livinglab.inv.name')}</th><th scope="col">{t('livinglab.inv.unit')}</th><th scope="col">{t('livinglab.app.purpose')}</th>
            <th scope="col">{t('livinglab.inv.users')}</th><th scope="col">{t('livinglab.inv.hosting')}</th><th scope="col">{t('livinglab.inv.status')}</th>
            <th scope="col" className="num">{t('livinglab.inv.cost')}</th>{manages && <th scope="col">{t('livinglab.inv.actions')}</th>}
          </tr></thead>
          <tbody>{rows.map((a) => (
            <tr key={a.id} className={a.duplicates ? 'livinglab-duplicate' : undefined}>
              <th scope="row"><strong>{a.name}</strong>
                {a.duplicates && <div className="small livinglab-warning">{t('livinglab.inv.flag', { name: national(a.duplicates) })}</div>}</th>
              <td>{a.unit.name}</td><td>{a.purpose}</td><td>{a.users}</td><td>{a.hosting}</td>
              <td>{t(`livinglab.inv.status.${a.status}`)}</td>
              <td className="num">{formatIdr(a.costPerYear)}</td>
              {manages && <td><button type="button" className="button secondary small" onClick={() => { setSaved(false); setEditing(a); }}
                aria-label={t('livinglab.inv.editTitle', { name: a.name })}>{t('livinglab.inv.edit')}</button></td>}
            </tr>
          ))}</tbody>
          <tfoot>
            <tr><th scope="row" colSpan={6}>{t('livinglab.inv.totalLive')}</th><td className="num"><strong>{formatIdr(live)}</strong></td>{cols === 8 && <td />}</tr>
            <tr><th scope="row" colSpan={6}>{t('livinglab.inv.totalAll')}</th><td className="num">{formatIdr(all)}</td>{cols === 8 && <td />}</tr>
          </tfoot>
        </table></div>
      )}
      {manages && (
        <section aria-labelledby="ll-inv-form" className="card">
          <h2 id="ll-inv-form">{editing ? t('livinglab.inv.editTitle', { name: editing.name }) : t('livinglab.inv.add')}</h2>
          <ApplicationForm key={editing?.id ?? 'new'} region={region} app={editing ?? undefined}
            onCancel={editing ? () => setEditing(null) : undefined}
            onSaved={() => { setEditing(null); setSaved(true); apps.reload(); }} />
        </section>
      )}
    </div>
  );
}

type AppForm = { name: string; unitId: string; purpose: string; domain: string; sector: string; users: string; hosting: string; costPerYear: string; status: InventoryApp['status']; duplicates: string };

function ApplicationForm({ region, app, onSaved, onCancel }: { region: RegionProfile; app?: InventoryApp; onSaved: () => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const ref = useReference();
  const units = useStaffApi<PortfolioUnit[]>(`${livinglabApi(region.code)}/units`);
  const [f, setF] = useState<AppForm>({
    name: app?.name ?? '', unitId: app?.unit.id ?? '', purpose: app?.purpose ?? '', domain: app?.domain ?? 'publik', sector: app?.sector ?? '',
    users: app?.users ?? '', hosting: app?.hosting ?? '', costPerYear: String(app?.costPerYear ?? 0), status: app?.status ?? 'live', duplicates: app?.duplicates ?? '',
  });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<AppForm>) => setF({ ...f, ...patch });
  const id = (name: string) => `ll-inv-${name}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      const body = { ...f, sector: f.sector || null, duplicates: f.duplicates || null, costPerYear: Number(f.costPerYear) };
      await api(app ? `${livinglabApi(region.code)}/applications/${app.id}` : `${livinglabApi(region.code)}/applications`, { method: app ? 'PUT' : 'POST', body });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const text = (name: 'name' | 'purpose' | 'users' | 'hosting', label: string, max: number, required = false) => (
    <div className="field"><label htmlFor={id(name)}>{label}</label>
      <input id={id(name)} type="text" maxLength={max} required={required} value={f[name]} onChange={(e) => set({ [name]: e.target.value })} /></div>
  );
  return (
    <form onSubmit={submit}>
      {text('name', t('livinglab.inv.name'), 200, true)}
      <div className="field"><label htmlFor={id('unit')}>{t('livinglab.inv.unit')}</label>
        <select id={id('unit')} required value={f.unitId} onChange={(e) => set({ unitId: e.target.value })}>
          <option value="">{t('livinglab.prop.choose')}</option>
          {units.data?.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select></div>
      {text('purpose', t('livinglab.app.purpose'), 2000, true)}
      <DomainSectorFields reference={ref.data} idOf={id} domain={f.domain} sector={f.sector} onChange={set} />
      {text('users', t('livinglab.inv.users'), 500)}
      {text('hosting', t('livinglab.inv.hosting'), 200)}
      <div className="field"><label htmlFor={id('cost')}>{t('livinglab.inv.cost')}</label>
        <input id={id('cost')} type="number" inputMode="numeric" min={0} step={1} required value={f.costPerYear} onChange={(e) => set({ costPerYear: e.target.value })} /></div>
      <div className="field"><label htmlFor={id('status')}>{t('livinglab.inv.status')}</label>
        <select id={id('status')} value={f.status} onChange={(e) => set({ status: e.target.value as AppForm['status'] })}>
          {(['planned', 'live', 'retired'] as const).map((s) => <option key={s} value={s}>{t(`livinglab.inv.status.${s}`)}</option>)}
        </select></div>
      <div className="field"><label htmlFor={id('duplicates')}>{t('livinglab.inv.duplicates')}</label>
        <select id={id('duplicates')} value={f.duplicates} onChange={(e) => set({ duplicates: e.target.value })}>
          <option value="">{t('livinglab.app.duplicatesNone')}</option>
          {Object.entries(ref.data?.nationalApplications ?? {}).map(([k, name]) => <option key={k} value={k}>{name}</option>)}
        </select></div>
      <ErrorMessage error={error} />
      <button type="submit" className="button" disabled={busy}>{t('livinglab.inv.save')}</button>
      {onCancel && <> <button type="button" className="button secondary" onClick={onCancel}>{t('livinglab.inv.cancel')}</button></>}
    </form>
  );
}

export function BudgetPage({ params }: { params: Params }) {
  return <PortfolioPage region={params.region}>{(region) => <BudgetView region={region} />}</PortfolioPage>;
}

const thisYear = () => new Date().getFullYear();

function BudgetView({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const from = Number(query.get('from')) || thisYear() - 1;
  const to = Number(query.get('to')) || thisYear() + 1;
  const [fromText, setFrom] = useState(String(from));
  const [toText, setTo] = useState(String(to));
  const budget = useStaffApi<Budget>(`${livinglabApi(region.code)}/budget${queryString({ from: String(from), to: String(to) })}`);
  const show = (e: FormEvent) => {
    e.preventDefault();
    navigate(`${budgetPath(region.code)}${queryString({ from: fromText, to: toText })}`);
  };
  const d = budget.data;
  const province = !!d && d.regions.length > 1;
  return (
    <div className="livinglab">
      <PageTitle title={t('livinglab.budget.title')}>{t('livinglab.budget.title')}</PageTitle>
      <PortfolioNav region={region.code} />
      <p className="muted">{t('livinglab.budget.intro')}</p>
      <form onSubmit={show} className="livinglab-marks">
        <div className="field"><label htmlFor="ll-budget-from">{t('livinglab.budget.from')}</label>
          <input id="ll-budget-from" type="number" min={2000} max={2100} required value={fromText} onChange={(e) => setFrom(e.target.value)} /></div>
        <div className="field"><label htmlFor="ll-budget-to">{t('livinglab.budget.to')}</label>
          <input id="ll-budget-to" type="number" min={2000} max={2100} required value={toText} onChange={(e) => setTo(e.target.value)} /></div>
        <div className="field"><button type="submit" className="button secondary">{t('livinglab.budget.show')}</button></div>
      </form>
      <ErrorMessage error={budget.error} />
      {!d ? (!budget.error && <Loading />) : <>
        {province && <BudgetTable caption={t('livinglab.budget.totalCaption')} years={d.total} />}
        {d.regions.map((r) => (
          <section key={r.regionCode} aria-labelledby={`ll-budget-${r.regionCode}`}>
            {province && <h2 id={`ll-budget-${r.regionCode}`}>{r.regionName}</h2>}
            <BudgetTable caption={t('livinglab.budget.caption', { region: r.regionName })} years={r.years} index />
            <p className="small">{t('livinglab.budget.running', { n: r.liveApplications, cost: formatIdr(r.runningCost) })}</p>
          </section>
        ))}
      </>}
    </div>
  );
}

function BudgetTable({ caption, years, index }: { caption: string; years: (Budget['total'][number] & { spbeIndex?: string | null })[]; index?: boolean }) {
  const { t } = useI18n();
  const money = ['proposed', 'approved', 'avoided', 'refused', 'undecided'] as const;
  return (
    <div className="table-scroll"><table className="livinglab-table livinglab-budget">
      <caption>{caption}</caption>
      <thead><tr>
        <th scope="col">{t('livinglab.budget.year')}</th><th scope="col" className="num">{t('livinglab.budget.proposals')}</th>
        {money.map((m) => <th key={m} scope="col" className="num">{t(`livinglab.budget.${m}`)}</th>)}
        {index && <th scope="col" className="num">{t('livinglab.budget.spbeIndex')}</th>}
      </tr></thead>
      <tbody>{years.map((y) => (
        <tr key={y.year}>
          <th scope="row">{y.year}</th><td className="num">{y.proposals}</td>
          {money.map((m) => <td key={m} className="num">{formatIdr(y[m])}</td>)}
          {index && <td className="num">{y.spbeIndex ?? '—'}</td>}
        </tr>
      ))}</tbody>
    </table></div>
  );
}
