// A service standard as people read it: the 14 components in the
// regulation's two groups (delivery first: what a citizen needs), each with
// its number and name, and the unit's pledge. Used by the public service page
// and the staff editor's published versions.
import { useI18n } from '../../../i18n/index.js';
import type { Component, Standard } from './types.js';
import './layanan.css';

function ComponentValue({ c, standard }: { c: Component; standard: Standard }) {
  const { t } = useI18n();
  switch (c.key) {
    case 'requirements':
      return <ul>{standard.requirements.map((r, i) => <li key={i}>{r}</li>)}</ul>;
    case 'timeLimit':
      return <p><strong>{t('layanan.days', { n: standard.timeLimitDays })}</strong>{standard.timeLimitNote && <><br />{standard.timeLimitNote}</>}</p>;
    case 'cost':
      return <p><strong>{standard.fee === 'free' ? t('layanan.free') : t('layanan.paid')}</strong>{standard.fee === 'tariff' && <><br />{standard.tariff}</>}</p>;
    default:
      return <p className="layanan-text">{standard[c.key as keyof Standard] as string}</p>;
  }
}

export function StandardView({ standard, components }: { standard: Standard; components: Component[] }) {
  const { t, pick } = useI18n();
  return (
    <>
      {(['delivery', 'management'] as const).map((group) => (
        <section key={group} className="layanan-group" aria-labelledby={`group-${group}`}>
          <h2 id={`group-${group}`}>{t(`layanan.group.${group}`)}</h2>
          <dl className="layanan-components">
            {components.filter((c) => c.group === group).map((c) => (
              <div key={c.key} data-component={c.key}>
                <dt>{c.no}. {pick(c.name)}</dt>
                <dd><ComponentValue c={c} standard={standard} /></dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
