// The e-SAKIP part of the region's settings (in the platform's settings
// section): how often sourced indicators take their realisations from the
// other modules again (sakip.sourceSyncHours, service/source-sync.ts). A
// module's settings are saved whole, so the keys this form does not show
// (efficiency method, bands, reporting) go back as they are.
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import type { SettingsPart } from '../../../contract.js';
import { useI18n } from '../../../i18n/index.js';
import { Outcome, useFieldProblem, useWrite } from '../../../pages/staff/admin/shared.js';

/** The bounds the server's schema holds (settings.ts): an hour to a week. */
const SYNC_HOURS = { min: 1, max: 24 * 7 };

export const SakipSettings: SettingsPart = ({ url, settings }) => {
  const { t } = useI18n();
  const [hours, setHours] = useState(String(settings.sakip.sourceSyncHours));
  const write = useWrite();
  const sync = useFieldProblem(write)('sourceSyncHours', 'settings-sakip-sync', 'settings-sakip-sync-hint');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void write.run(() => api(url, { method: 'PUT', body: { sakip: { ...settings.sakip, sourceSyncHours: Number(hours) } } }), t('sakip.settings.saved'));
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="settings-sakip">
      <h2 id="settings-sakip">{t('sakip.settings.title')}</h2>
      <div className="field narrow">
        <label htmlFor="settings-sakip-sync">{t('sakip.settings.sourceSyncHours')}</label>
        <input id="settings-sakip-sync" type="number" inputMode="numeric" min={SYNC_HOURS.min} max={SYNC_HOURS.max} step={1} required value={hours}
          onChange={(e) => setHours(e.target.value)} {...sync.input} />
        <small id="settings-sakip-sync-hint" className="hint">{t('sakip.settings.sourceSyncHoursHint', SYNC_HOURS)}</small>
        {sync.message}
      </div>
      <Outcome write={write} />
      <button type="submit" className="button" disabled={write.busy}>{t('sakip.settings.save')}</button>
    </form>
  );
};
