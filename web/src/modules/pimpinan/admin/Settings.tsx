// The leader's dashboard's part of the region's settings (in the platform's
// settings section): how often Pamong reads the region's figures again for
// the leader's page, the province's page and the public version (pimpinan.figuresMinutes,
// service/figures.ts), and which figures the region publishes.
import { api } from '../../../api.js';
import type { SettingsPart } from '../../../contract.js';
import { useI18n } from '../../../i18n/index.js';
import { NumberSettingForm } from '../../../pages/staff/admin/shared.js';
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
  // A module's settings are saved whole: the published figures are read fresh, since the form below saves them on its own.
  const save = async (minutes: number) => {
    const fresh = await api<RegionSettings>(url);
    return api(url, { method: 'PUT', body: { pimpinan: { ...fresh.pimpinan, figuresMinutes: minutes } } });
  };
  return (
    <NumberSettingForm id="settings-pimpinan-minutes" name="figuresMinutes" title={t('pimpinan.settings.title')} label={t('pimpinan.settings.figuresMinutes')}
      hint={t('pimpinan.settings.figuresMinutesHint', MINUTES)} initial={settings.pimpinan.figuresMinutes} bounds={MINUTES} save={save}
      saveLabel={t('pimpinan.settings.save')} saved={t('pimpinan.settings.saved')} />
  );
};
