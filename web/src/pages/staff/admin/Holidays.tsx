// The region's own days off (cuti bersama and local holidays), a year at a
// time. National holidays are counted by the server and not listed here.
import { useState, type FormEvent } from 'react';
import { api, regionApi } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { formatCalendarDate, localMonth } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { navigate, useLocation } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';
import type { Holiday } from '../../../admin-types.js';
import { ConfirmButton, Outcome, field, useFieldProblem, useWrite } from './shared.js';

const kinds = ['cuti_bersama', 'local'] as const;
type Kind = (typeof kinds)[number];

export function HolidaysSection({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const { path, query } = useLocation();
  const url = `${regionApi(region.code)}/holidays`;
  const holidays = useStaffApi<Holiday[]>(url);
  const thisYear = Number(localMonth(Date.now(), region.timezone).slice(0, 4));
  const year = /^\d{4}$/.test(query.get('tahun') ?? '') ? Number(query.get('tahun')) : thisYear;
  const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, year, ...(holidays.data ?? []).map((h) => Number(h.date.slice(0, 4)))])].sort();
  const [date, setDate] = useState('');
  const add = useWrite();
  const remove = useWrite();
  const problem = useFieldProblem(add);
  const [dateProblem, nameProblem] = [problem('date', 'holiday-date'), problem('name', 'holiday-name')];
  const day = (d: string) => formatCalendarDate(d, locale);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const body = { name: field(data, 'name'), kind: field(data, 'kind') as Kind };
    if (await add.run(() => api(`${url}/${date}`, { method: 'PUT', body }), t('admin.holidays.saved', { date: day(date) }))) {
      form.reset();
      setDate('');
      holidays.reload();
      // Show the year the new day is in.
      if (date.slice(0, 4) !== String(year)) navigate(`${path}?tahun=${date.slice(0, 4)}`, { replace: true });
    }
  };
  const shown = (holidays.data ?? []).filter((h) => h.date.startsWith(`${year}-`));
  return (
    <>
      <p>{t('admin.holidays.intro')}</p>
      <form className="card" onSubmit={submit} aria-labelledby="holiday-add">
        <h2 id="holiday-add">{t('admin.holidays.add')}</h2>
        <div className="field">
          <label htmlFor="holiday-date">{t('admin.holidays.date')}</label>
          <input id="holiday-date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} {...dateProblem.input} />
          {dateProblem.message}
        </div>
        <div className="field">
          <label htmlFor="holiday-name">{t('admin.holidays.name')}</label>
          <input id="holiday-name" name="name" required maxLength={200} {...nameProblem.input} />
          {nameProblem.message}
        </div>
        <div className="field">
          <label htmlFor="holiday-kind">{t('admin.holidays.kind')}</label>
          <select id="holiday-kind" name="kind" defaultValue="cuti_bersama">
            {kinds.map((k) => <option key={k} value={k}>{t(`admin.holidays.kind.${k}`)}</option>)}
          </select>
        </div>
        <Outcome write={add} />
        <button type="submit" className="button" disabled={add.busy}>{t('admin.holidays.add')}</button>
      </form>

      <section aria-labelledby="holiday-list">
        <h2 id="holiday-list">{t('admin.holidays.list', { year })}</h2>
        <div className="field narrow">
          <label htmlFor="holiday-year">{t('admin.holidays.year')}</label>
          <select id="holiday-year" value={year} onChange={(e) => navigate(`${path}?tahun=${e.target.value}`, { replace: true })}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
        <Outcome write={remove} />
        <ErrorMessage error={holidays.error} />
        {holidays.loading && <Loading />}
        {holidays.data && shown.length === 0 && <p className="muted">{t('admin.holidays.empty', { year })}</p>}
        <ul className="plain cards">
          {shown.map((h) => (
            <li key={h.date} className="card row-card holiday">
              <div className="row-head">
                <time dateTime={h.date} className="row-title">{day(h.date)}</time>
                <span className={`badge ${h.kind === 'local' ? 'badge-neutral' : 'badge-amber'}`}>{t(`admin.holidays.kind.${h.kind as Kind}`)}</span>
              </div>
              <p>{h.name}</p>
              <ConfirmButton label={t('admin.remove')} question={t('admin.holidays.removeConfirm', { date: day(h.date) })} confirm={t('admin.holidays.removeYes')}
                disabled={remove.busy} onConfirm={() => void remove.run(() => api(`${url}/${h.date}`, { method: 'DELETE' }), t('admin.holidays.removed', { date: day(h.date) })).then((ok) => ok && holidays.reload())} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
