// The leader's dashboard's part of the region's settings (in the platform's
// settings section): how often Pamong reads the region's figures again for
// the province's page and the public version (pimpinan.figuresMinutes,
// service/figures.ts), and which figures the region publishes.
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import type { SettingsPart } from '../../../contract.js';
import { useI18n } from '../../../i18n/index.js';
import { Outcome, useFieldProblem, useWrite } from '../../../pages/staff/admin/shared.js';
import type { RegionSettings } from '../../../admin-types.js';
import { PublicationSettings } from './Publication.js';

/** The bounds the server's schema holds (settings.ts): five minutes to a day. */
const MINUTES = { min: 5, max: 24 * 60 };

export const PimpinanSettings: SettingsPart = (props) => (
  <>
    <FiguresInterval {...props} />
    <PublicationSettings {...props} />
  </>
);

const FiguresInterval: SettingsPart = ({ url, settings }) => {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState(String(settings.pimpinan.figuresMinutes));
  const write = useWrite();
  const field = useFieldProblem(write)('figuresMinutes', 'settings-pimpinan-minutes', 'settings-pimpinan-minutes-hint');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A module's settings are saved whole: the published figures are read fresh, since the form below saves them on its own.
    void write.run(async () => {
      const fresh = await api<RegionSettings>(url);
      await api(url, { method: 'PUT', body: { pimpinan: { ...fresh.pimpinan, figuresMinutes: Number(minutes) } } });
    }, t('pimpinan.settings.saved'));
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="settings-pimpinan">
      <h2 id="settings-pimpinan">{t('pimpinan.settings.title')}</h2>
      <div className="field narrow">
        <label htmlFor="settings-pimpinan-minutes">{t('pimpinan.settings.figuresMinutes')}</label>
        <input id="settings-pimpinan-minutes" type="number" inputMode="numeric" min={MINUTES.min} max={MINUTES.max} step={1} required value={minutes}
          onChange={(e) => setMinutes(e.target.value)} {...field.input} />
        <small id="settings-pimpinan-minutes-hint" className="hint">{t('pimpinan.settings.figuresMinutesHint', MINUTES)}</small>
        {field.message}
      </div>
      <Outcome write={write} />
      <button type="submit" className="button" disabled={write.busy}>{t('pimpinan.settings.save')}</button>
    </form>
  );
};
