// Staff and their roles: invite an address to a role (the role is granted when
// its owner accepts the emailed link), follow pending invitations (resend,
// cancel), see who holds what, revoke a role.
import { useState, type FormEvent } from 'react';
import { api, regionApi } from '../../../api.js';
import { ErrorMessage, Loading, When } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { useSession } from '../../../session.js';
import type { RegionProfile, Unit } from '../../../types.js';
import type { Invitation, Role, RoleCatalogue, StaffGrant } from '../../../admin-types.js';
import { ConfirmButton, Outcome, field, useWrite } from './shared.js';

interface Person {
  userId: string;
  name: string;
  email: string;
  grants: StaffGrant[];
}

function people(grants: StaffGrant[], roles: string[]): Person[] {
  const byUser = new Map<string, Person>();
  for (const g of grants) {
    const p = byUser.get(g.userId) ?? { userId: g.userId, name: g.name, email: g.email, grants: [] };
    p.grants.push(g);
    byUser.set(g.userId, p);
  }
  // Each person's roles in the order of the role list, whatever order they were granted in.
  for (const p of byUser.values()) p.grants.sort((a, b) => roles.indexOf(a.role) - roles.indexOf(b.role));
  return [...byUser.values()];
}

export function StaffSection({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const url = `${regionApi(region.code)}/staff`;
  const invitationsUrl = `${regionApi(region.code)}/invitations`;
  const staff = useStaffApi<StaffGrant[]>(url);
  const pending = useStaffApi<Invitation[]>(invitationsUrl);
  const units = useStaffApi<Unit[]>(`${regionApi(region.code)}/units`);
  const catalogue = useStaffApi<RoleCatalogue>('/api/roles');
  const roles = catalogue.data?.roles ?? [];
  const isUnitRole = (r: Role) => roles.some((x) => x.name === r && x.unitScoped);
  const unitName = (id: string | null) => units.data?.find((u) => u.id === id)?.name ?? '';
  const roleName = (r: Role) => roles.find((x) => x.name === r)?.label[locale] ?? r;
  const roleText = (g: Pick<StaffGrant, 'role' | 'unitId'>) => `${roleName(g.role)}${g.unitId ? ` — ${unitName(g.unitId)}` : ''}`;
  // Some roles (an external assessor works across regions) only a platform admin may grant.
  const grantable = roles.filter((r) => me?.user?.platformAdmin || !r.platformGranted).map((r) => r.name);
  const [role, setRole] = useState<Role | ''>('');
  const [filter, setFilter] = useState('');
  const invite = useWrite();
  const followUp = useWrite();
  const revoke = useWrite();

  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    if (!role) return;
    const unitId = isUnitRole(role) ? field(data, 'unitId') : null;
    const body = { email: field(data, 'email'), role, unitId };
    if (await invite.run(() => api(invitationsUrl, { method: 'POST', body }), t('admin.staff.invited', { role: roleText({ role, unitId }), email: body.email }))) {
      form.reset();
      setRole('');
      pending.reload();
    }
  };
  const resend = (i: Invitation) =>
    void followUp.run(() => api(`${invitationsUrl}/${i.id}/resend`, { method: 'POST' }), t('admin.staff.resent', { email: i.email })).then((ok) => ok && pending.reload());
  const cancel = (i: Invitation) =>
    void followUp.run(() => api(`${invitationsUrl}/${i.id}`, { method: 'DELETE' }), t('admin.staff.cancelled', { email: i.email })).then((ok) => ok && pending.reload());
  const remove = (p: Person, g: StaffGrant) =>
    void revoke.run(() => api(`${url}/${g.grantId}`, { method: 'DELETE' }), t('admin.staff.revoked', { role: roleText(g), name: p.name })).then((ok) => ok && staff.reload());

  const needle = filter.trim().toLowerCase();
  const shown = people(staff.data ?? [], roles.map((r) => r.name)).filter((p) => !needle || [p.name, p.email, ...p.grants.map(roleText)].some((s) => s.toLowerCase().includes(needle)));
  return (
    <>
      <p>{t('admin.staff.intro')}</p>
      <form className="card" onSubmit={add} aria-labelledby="staff-add">
        <h2 id="staff-add">{t('admin.staff.add')}</h2>
        <div className="field">
          <label htmlFor="staff-email">{t('admin.staff.email')}</label>
          <input id="staff-email" name="email" type="email" required maxLength={200} autoComplete="off" aria-describedby="staff-email-hint" />
          <small id="staff-email-hint" className="hint">{t('admin.staff.emailHint')}</small>
        </div>
        <div className="field">
          <label htmlFor="staff-role">{t('admin.staff.role')}</label>
          <select id="staff-role" name="role" required value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="" disabled>{t('admin.staff.chooseRole')}</option>
            {grantable.map((r) => <option key={r} value={r}>{roleName(r)}</option>)}
          </select>
        </div>
        {role && isUnitRole(role) && (
          <div className="field">
            <label htmlFor="staff-unit">{t('admin.staff.unit')}</label>
            <select id="staff-unit" name="unitId" required defaultValue="" aria-describedby="staff-unit-hint">
              <option value="" disabled>{t('admin.staff.chooseUnit')}</option>
              {units.data?.filter((u) => u.active).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
            <small id="staff-unit-hint" className="hint">{t('admin.staff.unitHint')}</small>
          </div>
        )}
        <Outcome write={invite} />
        <button type="submit" className="button" disabled={invite.busy}>{t('admin.staff.inviteSubmit')}</button>
      </form>

      <section aria-labelledby="staff-pending">
        <h2 id="staff-pending">{t('admin.staff.pending')}</h2>
        <Outcome write={followUp} />
        <ErrorMessage error={pending.error} />
        {pending.data?.length === 0 && <p className="muted">{t('admin.staff.pendingEmpty')}</p>}
        <ul className="plain cards staff-pending">
          {pending.data?.map((i) => {
            const expired = new Date(i.expiresAt).getTime() <= Date.now();
            return (
              <li key={i.id} className="card row-card">
                <p className="row-title">{i.email}</p>
                <p className="muted small">
                  {roleText(i)} · {expired ? <span className="badge badge-red">{t('admin.staff.expired')}</span> : <>{t('admin.staff.expires')} <When at={i.expiresAt} zone={region} /></>}
                </p>
                <p>
                  <button type="button" className="button secondary small" disabled={followUp.busy} onClick={() => resend(i)}>{t('admin.staff.resend')}</button>{' '}
                  <ConfirmButton label={t('admin.staff.cancel')} question={t('admin.staff.cancelConfirm', { email: i.email })}
                    confirm={t('admin.staff.cancelYes')} onConfirm={() => cancel(i)} disabled={followUp.busy} />
                </p>
              </li>
            );
          })}
        </ul>
      </section>

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
