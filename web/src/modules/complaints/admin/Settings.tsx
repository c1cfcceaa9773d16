// The complaints part of the region's settings (in the platform's settings
// section): the window to rate and reopen, the escalation ladder (who is told,
// in order, when a deadline passes) and public statistics.
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import type { SettingsPart } from '../../../contract.js';
import { useI18n } from '../../../i18n/index.js';
import type { RegionSettings, RoleCatalogue } from '../../../admin-types.js';
import { Outcome, useWrite } from '../../../pages/staff/admin/shared.js';

type ComplaintSettings = RegionSettings['complaints'];
const MAX_STEPS = 5;

export const ComplaintSettings: SettingsPart = ({ url, settings, catalogue }) => <SettingsForm url={url} initial={settings.complaints} catalogue={catalogue} />;

function SettingsForm({ url, initial, catalogue }: { url: string; initial: ComplaintSettings; catalogue: RoleCatalogue }) {
  const { t, locale } = useI18n();
  // Anyone who handles complaints can be on the ladder; SPBE roles see no complaints.
  const ladderRoles = catalogue.roles.filter((r) => catalogue.permissions['complaint.list']?.includes(r.name));
  const [reopen, setReopen] = useState(String(initial.reopenWindowDays));
  const [ladder, setLadder] = useState(initial.escalation.map((s) => ({ role: s.role, afterHours: String(s.afterHours) })));
  const [publicStatistics, setPublicStatistics] = useState(initial.publicStatistics);
  const write = useWrite();
  const setStep = (i: number, next: Partial<(typeof ladder)[number]>) => setLadder(ladder.map((s, n) => (n === i ? { ...s, ...next } : s)));
  const moveStep = (i: number, by: -1 | 1) => {
    const out = [...ladder];
    [out[i], out[i + by]] = [out[i + by], out[i]];
    setLadder(out);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: ComplaintSettings = {
      reopenWindowDays: Number(reopen), publicStatistics,
      escalation: ladder.map((s) => ({ role: s.role, afterHours: Number(s.afterHours) })),
    };
    void write.run(() => api(url, { method: 'PUT', body: { complaints: body } }), t('admin.settings.saved'));
  };
  return (
    <form className="card" onSubmit={submit}>
      <div className="field narrow">
        <label htmlFor="settings-reopen">{t('admin.settings.reopen')}</label>
        <input id="settings-reopen" type="number" inputMode="numeric" min={0} max={90} step={1} required value={reopen}
          onChange={(e) => setReopen(e.target.value)} aria-describedby="settings-reopen-hint" />
        <small id="settings-reopen-hint" className="hint">{t('admin.settings.reopenHint')}</small>
      </div>

      <fieldset>
        <legend>{t('admin.settings.escalation')}</legend>
        <p className="hint">{t('admin.settings.escalationHint')}</p>
        <ol className="plain ladder">
          {ladder.map((s, i) => (
            <li key={i}>
              <fieldset className="question">
                <legend className="small">{t('admin.settings.step', { n: i + 1 })}</legend>
                <div className="ladder-fields">
                  <div className="field">
                    <label htmlFor={`step-${i}-role`}>{t('admin.settings.stepRole')}</label>
                    <select id={`step-${i}-role`} value={s.role} onChange={(e) => setStep(i, { role: e.target.value as ComplaintSettings['escalation'][number]['role'] })}>
                      {ladderRoles.map((r) => <option key={r.name} value={r.name}>{r.label[locale]}</option>)}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`step-${i}-hours`}>{t('admin.settings.stepHours')}</label>
                    <input id={`step-${i}-hours`} type="number" inputMode="numeric" min={0} max={1440} step={1} required value={s.afterHours}
                      onChange={(e) => setStep(i, { afterHours: e.target.value })} />
                  </div>
                </div>
                <div className="row-actions">
                  <button type="button" className="button secondary small" disabled={i === 0} onClick={() => moveStep(i, -1)}>{t('admin.moveUp')}</button>
                  <button type="button" className="button secondary small" disabled={i === ladder.length - 1} onClick={() => moveStep(i, 1)}>{t('admin.moveDown')}</button>
                  <button type="button" className="button secondary small" disabled={ladder.length === 1} onClick={() => setLadder(ladder.filter((_, n) => n !== i))}>
                    {t('admin.settings.removeStep')}
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <button type="button" className="button secondary small" disabled={ladder.length >= MAX_STEPS}
          onClick={() => setLadder([...ladder, { role: 'head_of_region', afterHours: '24' }])}>{t('admin.settings.addStep')}</button>
      </fieldset>

      <label className="choice">
        <input type="checkbox" checked={publicStatistics} onChange={(e) => setPublicStatistics(e.target.checked)} aria-describedby="settings-stats-hint" />
        <span>
          {t('admin.settings.publicStatistics')}
          <small id="settings-stats-hint" className="hint">{t('admin.settings.publicStatisticsHint')}</small>
        </span>
      </label>

      <Outcome write={write} />
      <button type="submit" className="button" disabled={write.busy}>{t('admin.save')}</button>
    </form>
  );
}
