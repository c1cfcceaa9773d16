// The e-SAKIP part of the region's settings (in the platform's settings
// section): how often sourced indicators take their realisations from the
// other modules again (sakip.sourceSyncHours, service/source-sync.ts). A
// module's settings are saved whole, so the keys this form does not show
// (efficiency method, bands, reporting) go back as they are.
import { api } from '../../../api.js';
import type { SettingsPart } from '../../../contract.js';
import { useI18n } from '../../../i18n/index.js';
import { NumberSettingForm } from '../../../pages/staff/admin/shared.js';

/** The bounds the server's schema holds (settings.ts): an hour to a week. */
const SYNC_HOURS = { min: 1, max: 24 * 7 };

export const SakipSettings: SettingsPart = ({ url, settings }) => {
  const { t } = useI18n();
  return (
    <NumberSettingForm id="settings-sakip-sync" name="sourceSyncHours" title={t('sakip.settings.title')} label={t('sakip.settings.sourceSyncHours')}
      hint={t('sakip.settings.sourceSyncHoursHint', SYNC_HOURS)} initial={settings.sakip.sourceSyncHours} bounds={SYNC_HOURS}
      save={(hours) => api(url, { method: 'PUT', body: { sakip: { ...settings.sakip, sourceSyncHours: hours } } })}
      saveLabel={t('sakip.settings.save')} saved={t('sakip.settings.saved')} />
  );
};
