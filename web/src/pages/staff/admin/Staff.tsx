// Staff and their roles: grant a role (creating the account when needed), see
// who holds what, revoke a role.
import { useState, type FormEvent } from 'react';
import { api, regionApi } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ui.js';
import { useApi } from '../../../data.js';
import { useI18n } from '../../../i18n/index.js';
import { useSession } from '../../../session.js';
import type { RegionProfile, Unit } from '../../../types.js';
import type { Role, StaffGrant } from '../../../admin-types.js';
import { platformGrantedRoles, roles, unitRoles } from '../../../../../src/platform/auth/policy.js';
import { ConfirmButton, Outcome, field, useWrite } from './shared.js';

interface Person {
  userId: string;
  name: string;
  email: string;
  grants: StaffGrant[];
}

function people(grants: StaffGrant[]): Person[] {
  const byUser = new Map<string, Person>();
  for (const g of grants) {
    const p = byUser.get(g.userId) ?? { userId: g.userId, name: g.name, email: g.email, grants: [] };
    p.grants.push(g);
    byUser.set(g.userId, p);
  }
  // Each person's roles in the order of the role list, whatever order they were granted in.
  for (const p of byUser.values()) p.grants.sort((a, b) => roles.indexOf(a.role as Role) - roles.indexOf(b.role as Role));
  return [...byUser.values()];
}

export function StaffSection({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  const url = `${regionApi(region.code)}/staff`;
  const staff = useApi<StaffGrant[]>(url);
  const units = useApi<Unit[]>(`${regionApi(region.code)}/units`);
  const unitName = (id: string | null) => units.data?.find((u) => u.id === id)?.name ?? '';
  const roleText = (g: Pick<StaffGrant, 'role' | 'unitId'>) => `${t(`admin.role.${g.role as Role}`)}${g.unitId ? ` — ${unitName(g.unitId)}` : ''}`;
  // Some roles (an external assessor works across regions) only a platform admin may grant.
  const grantable = roles.filter((r) => me?.user?.platformAdmin || !platformGrantedRoles.has(r));
  const [role, setRole] = useState<Role | ''>('');
  const [filter, setFilter] = useState('');
  const grant = useWrite();
  const revoke = useWrite();

  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    if (!role) return;
    const unitId = unitRoles.has(role) ? field(data, 'unitId') : null;
    const body = { email: field(data, 'email'), name: field(data, 'name'), role, unitId, ...(field(data, 'password') ? { password: field(data, 'password') } : {}) };
    if (await grant.run(() => api(url, { method: 'POST', body }), t('admin.staff.granted', { role: roleText({ role, unitId }), name: body.name }))) {
      form.reset();
      setRole('');
      staff.reload();
    }
  };
  const remove = (p: Person, g: StaffGrant) =>
    void revoke.run(() => api(`${url}/${g.grantId}`, { method: 'DELETE' }), t('admin.staff.revoked', { role: roleText(g), name: p.name })).then((ok) => ok && staff.reload());

  const needle = filter.trim().toLowerCase();
  const shown = people(staff.data ?? []).filter((p) => !needle || [p.name, p.email, ...p.grants.map(roleText)].some((s) => s.toLowerCase().includes(needle)));
  return (
    <>
      <p>{t('admin.staff.intro')}</p>
      <form className="card" onSubmit={add} aria-labelledby="staff-add">
        <h2 id="staff-add">{t('admin.staff.add')}</h2>
        <div className="field">
          <label htmlFor="staff-email">{t('admin.staff.email')}</label>
          <input id="staff-email" name="email" type="email" required maxLength={200} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="staff-name">{t('admin.staff.name')}</label>
          <input id="staff-name" name="name" required maxLength={200} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="staff-role">{t('admin.staff.role')}</label>
          <select id="staff-role" name="role" required value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="" disabled>{t('admin.staff.chooseRole')}</option>
            {grantable.map((r) => <option key={r} value={r}>{t(`admin.role.${r}`)}</option>)}
          </select>
        </div>
        {role && unitRoles.has(role) && (
          <div className="field">
            <label htmlFor="staff-unit">{t('admin.staff.unit')}</label>
            <select id="staff-unit" name="unitId" required defaultValue="" aria-describedby="staff-unit-hint">
              <option value="" disabled>{t('admin.staff.chooseUnit')}</option>
              {units.data?.filter((u) => u.active).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
            <small id="staff-unit-hint" className="hint">{t('admin.staff.unitHint')}</small>
          </div>
        )}
        <div className="field">
          <label htmlFor="staff-password">{t('admin.staff.password')} <span className="muted small">({t('common.optional')})</span></label>
          <input id="staff-password" name="password" type="password" minLength={10} maxLength={200} autoComplete="new-password" aria-describedby="staff-password-hint" />
          <small id="staff-password-hint" className="hint">{t('admin.staff.passwordHint')}</small>
        </div>
        <Outcome write={grant} />
        <button type="submit" className="button" disabled={grant.busy}>{t('admin.staff.add')}</button>
      </form>

      <section aria-labelledby="staff-list">
        <h2 id="staff-list">{t('admin.staff.list')}</h2>
        <div className="field narrow">
          <label htmlFor="staff-filter">{t('admin.staff.filter')}</label>
          <input id="staff-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('admin.staff.filterHint')} />
        </div>
        <Outcome write={revoke} />
        <ErrorMessage error={staff.error ?? units.error} />
        {staff.loading && <Loading />}
        {staff.data?.length === 0 && <p className="muted">{t('admin.staff.empty')}</p>}
        <ul className="plain cards staff-list">
          {shown.map((p) => (
            <li key={p.userId} className="card row-card">
              <p className="row-title">{p.name}</p>
              <p className="muted small">{p.email}</p>
              <ul className="plain grants">
                {p.grants.map((g) => (
                  <li key={g.grantId} className="grant">
                    <span>{roleText(g)}</span>
                    <ConfirmButton label={t('admin.staff.revoke')} question={t('admin.staff.revokeConfirm', { role: roleText(g), name: p.name })}
                      confirm={t('admin.staff.revokeYes')} onConfirm={() => remove(p, g)} disabled={revoke.busy} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
