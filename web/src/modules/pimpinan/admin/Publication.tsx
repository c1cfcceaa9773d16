// The leader's dashboard's part of the region's settings (in the platform's
// settings section): which of the leader's figures anyone may read on the
// region's public page and as open data (pimpinan.published). Saved through
// its own route, which checks every figure against the leader's page.
import { useEffect, useState, type FormEvent } from 'react';
import type { components } from '../../../api-types.js';
import { api } from '../../../api.js';
import type { SettingsPart } from '../../../contract.js';
import { ErrorMessage, Loading } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { Link } from '../../../router.js';
import { Outcome, useWrite } from '../../../pages/staff/admin/shared.js';

type Publication = components['schemas']['PimpinanPublication'];
type Choice = Publication['tiles'][number];

export const PublicationSettings: SettingsPart = ({ url }) => {
  // The form's url is the region's settings (/api/regions/{code}/settings): the region's other routes sit beside it.
  const base = url.replace(/\/settings$/, '');
  const region = decodeURIComponent(base.slice(base.lastIndexOf('/') + 1));
  const choices = useStaffApi<Publication>(`${base}/pimpinan/publik/pilihan`);
  if (choices.error) return <ErrorMessage error={choices.error} />;
  if (!choices.data) return <Loading />;
  return <PublicationForm url={`${base}/pimpinan/publik/pilihan`} region={region} tiles={choices.data.tiles} />;
};

function PublicationForm({ url, region, tiles }: { url: string; region: string; tiles: Choice[] }) {
  const { t, pick } = useI18n();
  const [chosen, setChosen] = useState(() => new Set(tiles.filter((x) => x.published).map((x) => x.ref)));
  useEffect(() => setChosen(new Set(tiles.filter((x) => x.published).map((x) => x.ref))), [tiles]);
  const write = useWrite();
  const toggle = (ref: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(ref); else next.delete(ref);
    setChosen(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void write.run(() => api(url, { method: 'PUT', body: { refs: tiles.filter((x) => chosen.has(x.ref)).map((x) => x.ref) } }), t('pimpinan.publik.settings.saved'));
  };
  const groups: { module: string; title: Choice['moduleTitle']; tiles: Choice[] }[] = [];
  for (const tile of tiles) {
    const last = groups.at(-1);
    if (last?.module === tile.module) last.tiles.push(tile);
    else groups.push({ module: tile.module, title: tile.moduleTitle, tiles: [tile] });
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="settings-pimpinan-publik">
      <h2 id="settings-pimpinan-publik">{t('pimpinan.publik.settings.title')}</h2>
      <p className="hint">{t('pimpinan.publik.settings.intro')}</p>
      {groups.map((g) => (
        <fieldset key={g.module}>
          <legend>{pick(g.title)}</legend>
          {g.tiles.map((tile) => (
            <label key={tile.ref} className="choice">
              <input type="checkbox" name="published" value={tile.ref} checked={chosen.has(tile.ref)} onChange={(e) => toggle(tile.ref, e.target.checked)} />
              <span>{pick(tile.title)}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <p className="small muted">
        {t('pimpinan.publik.settings.count', { n: chosen.size })} · <Link to={`/r/${region}/dasbor`}>{t('pimpinan.publik.settings.open')}</Link>
      </p>
      <Outcome write={write} />
      <button type="submit" className="button" disabled={write.busy}>{t('pimpinan.publik.settings.save')}</button>
    </form>
  );
}
