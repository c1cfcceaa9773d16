// Routing: which unit handles each category now, a change from now on, and
// the history of earlier routes (rules are closed, never overwritten).
import { useState, type FormEvent } from 'react';
import { api, regionApi } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ui.js';
import { formatDateTime } from '../../../format.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import type { Category, RegionProfile, Unit } from '../../../types.js';
import type { RoutingRule, StaffGrant } from '../../../admin-types.js';
import { Outcome, useWrite } from '../../../pages/staff/admin/shared.js';

export function RoutingSection({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const base = regionApi(region.code);
  const categories = useStaffApi<Category[]>(`${base}/admin/categories`);
  const units = useStaffApi<Unit[]>(`${base}/units`);
  const rules = useStaffApi<RoutingRule[]>(`${base}/admin/routing`);
  const staff = useStaffApi<StaffGrant[]>(`${base}/staff`);
  const personName = (id: string | null) => staff.data?.find((g) => g.userId === id)?.name;
  const error = categories.error ?? units.error ?? rules.error;
  if (error) return <ErrorMessage error={error} />;
  if (!categories.data || !units.data || !rules.data) return <Loading />;
  return (
    <>
      <p>{t('admin.routing.intro')}</p>
      <ul className="plain cards">
        {categories.data.map((c) => (
          <RouteCard key={c.id} category={c} region={region} units={units.data!} rules={rules.data!.filter((r) => r.categoryId === c.id)}
            personName={personName} onSaved={rules.reload} />
        ))}
      </ul>
    </>
  );
}

/** One category: its unit now, a change, and the earlier routes. */
function RouteCard({ category: c, region, units, rules, personName, onSaved }: {
  category: Category; region: RegionProfile; units: Unit[]; rules: RoutingRule[]; personName: (id: string | null) => string | undefined; onSaved: () => void;
}) {
  const { t, pick, locale } = useI18n();
  const write = useWrite();
  const name = pick({ id: c.nameId, en: c.nameEn });
  const when = (at: string) => formatDateTime(at, region, locale);
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;
  const current = rules.find((r) => r.validTo === null);
  // The route now first, then the earlier ones, latest first (two changes can share a minute).
  const history = [...rules].sort((a, b) => (b.validTo ?? '9999').localeCompare(a.validTo ?? '9999') || b.validFrom.localeCompare(a.validFrom));
  const save = (unitId: string) => write.run(() => api(`${regionApi(region.code)}/admin/routing/${c.id}`, { method: 'PUT', body: { unitId } }),
    t('admin.routing.saved', { category: name, unit: unitName(unitId) })).then((ok) => ok && onSaved());
  return (
    <li className="card row-card routing">
      <p className="row-title">{name}</p>
      <p className="muted small">{t('admin.routing.current', { unit: current ? unitName(current.unitId) : t('admin.routing.none') })}</p>
      <RouteForm key={current?.id ?? 'none'} label={t('admin.routing.unitFor', { category: name })} units={units.filter((u) => u.active)}
        current={current?.unitId ?? ''} busy={write.busy} onSave={save} />
      <Outcome write={write} />
      {history.length > 0 && (
        <details>
          <summary className="small">{t('admin.routing.history', { n: history.length })}</summary>
          <ol className="plain history">
            {history.map((r) => {
              const by = personName(r.createdBy);
              return (
                <li key={r.id} className="small">
                  <strong>{unitName(r.unitId)}</strong>{' '}
                  <span>{r.validTo === null ? t('admin.routing.since', { from: when(r.validFrom) }) : t('admin.routing.between', { from: when(r.validFrom), to: when(r.validTo) })}</span>
                  {by && <span className="muted"> · {t('admin.routing.by', { name: by })}</span>}
                </li>
              );
            })}
          </ol>
        </details>
      )}
    </li>
  );
}

function RouteForm({ label, units, current, busy, onSave }: { label: string; units: Unit[]; current: string; busy: boolean; onSave: (unitId: string) => void }) {
  const { t } = useI18n();
  const [unitId, setUnitId] = useState(current);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (unitId && unitId !== current) onSave(unitId);
  };
  return (
    <form className="input-row" onSubmit={submit}>
      <select aria-label={label} value={unitId} required onChange={(e) => setUnitId(e.target.value)}>
        <option value="" disabled>{t('admin.staff.chooseUnit')}</option>
        {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
      </select>
      <button type="submit" className="button secondary" disabled={busy || !unitId || unitId === current}>{t('admin.save')}</button>
    </form>
  );
}
