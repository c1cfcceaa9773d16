// The region's units (OPD): the list and a form to add one.
import type { FormEvent } from 'react';
import { api, regionApi } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import type { RegionProfile, Unit } from '../../../types.js';
import { Outcome, field, useFieldProblem, useWrite } from './shared.js';

export function UnitsSection({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const url = `${regionApi(region.code)}/units`;
  const units = useStaffApi<Unit[]>(url);
  const write = useWrite();
  const problem = useFieldProblem(write);
  const code = problem('code', 'unit-code', 'unit-code-hint');
  const name = problem('name', 'unit-name');
  const email = problem('email', 'unit-email');
  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const body = { code: field(data, 'code'), name: field(data, 'name'), ...(field(data, 'email') ? { email: field(data, 'email') } : {}) };
    if (await write.run(() => api(url, { method: 'POST', body }), t('admin.units.added', { name: body.name }))) {
      form.reset();
      units.reload();
    }
  };
  return (
    <>
      <form className="card" onSubmit={add} aria-labelledby="unit-add">
        <h2 id="unit-add">{t('admin.units.add')}</h2>
        <div className="field">
          <label htmlFor="unit-code">{t('admin.units.code')}</label>
          <input id="unit-code" name="code" required maxLength={30} pattern="[A-Za-z0-9_\-]{1,30}" autoComplete="off" {...code.input} />
          <small id="unit-code-hint" className="hint">{t('admin.units.codeHint')}</small>
          {code.message}
        </div>
        <div className="field">
          <label htmlFor="unit-name">{t('admin.units.name')}</label>
          <input id="unit-name" name="name" required maxLength={200} {...name.input} />
          {name.message}
        </div>
        <div className="field">
          <label htmlFor="unit-email">{t('admin.units.email')} <span className="muted small">({t('common.optional')})</span></label>
          <input id="unit-email" name="email" type="email" maxLength={200} {...email.input} />
          {email.message}
        </div>
        <Outcome write={write} />
        <button type="submit" className="button" disabled={write.busy}>{t('admin.units.add')}</button>
      </form>
      <section aria-labelledby="unit-list">
        <h2 id="unit-list">{t('admin.units.list')}</h2>
        <ErrorMessage error={units.error} />
        {units.loading && <Loading />}
        {units.data?.length === 0 && <p className="muted">{t('admin.units.empty')}</p>}
        <ul className="plain cards">
          {units.data?.map((u) => (
            <li key={u.id} className="card row-card">
              <div className="row-head">
                <span className="row-title">{u.name}</span>
                <span className="badge badge-neutral code">{u.code}</span>
                {!u.active && <span className="badge badge-amber">{t('admin.units.inactive')}</span>}
              </div>
              {u.email && <p className="muted small">{u.email}</p>}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
