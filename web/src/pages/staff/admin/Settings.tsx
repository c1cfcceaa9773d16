// The region's settings: each module's part (its module.ts `settings`), one
// form each, saved under the module's name.
import { regionApi } from '../../../api.js';
import type { SettingsPart } from '../../../contract.js';
import { ErrorMessage, Loading } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { modules } from '../../../modules.js';
import type { RegionProfile } from '../../../types.js';
import type { RegionSettings, RoleCatalogue } from '../../../admin-types.js';

let parts: { name: string; Part: SettingsPart }[] = [];

/** Loads the modules' forms once, with the administration. */
export async function loadSettingsParts(): Promise<void> {
  parts = await Promise.all(modules.flatMap((m) => (m.settings ? [m.settings().then((Part) => ({ name: m.name, Part }))] : [])));
}

export function SettingsSection({ region }: { region: RegionProfile }) {
  const url = `${regionApi(region.code)}/settings`;
  const settings = useStaffApi<RegionSettings>(url);
  const catalogue = useStaffApi<RoleCatalogue>('/api/roles');
  const error = settings.error ?? catalogue.error;
  if (error) return <ErrorMessage error={error} />;
  if (!settings.data || !catalogue.data) return <Loading />;
  return <>{parts.map(({ name, Part }) => <Part key={name} url={url} settings={settings.data!} catalogue={catalogue.data!} />)}</>;
}
