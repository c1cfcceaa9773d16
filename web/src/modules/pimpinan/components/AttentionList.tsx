// What waits on the reader, from every module, nearest deadline first, each
// with a link to act: on the leader's page and the province's.
import type { components } from '../../../api-types.js';
import { When } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import { Link } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';

type Attention = components['schemas']['PimpinanAttention'];

export function AttentionList({ region, items, unread }: { region: RegionProfile; items: Attention[]; unread: { sourceTitle: Attention['sourceTitle'] }[] }) {
  const { t, pick } = useI18n();
  const now = Date.now();
  return (
    <section aria-labelledby="pimpinan-attention" className="pimpinan-attention">
      <h2 id="pimpinan-attention">{t('pimpinan.attention')}</h2>
      {unread.length > 0 && <p className="alert" role="status">{t('pimpinan.attention.unread', { sources: unread.map((u) => pick(u.sourceTitle)).join(', ') })}</p>}
      {items.length === 0 ? <p className="muted">{t('pimpinan.attention.none')}</p> : (
        <ul className="plain">
          {items.map((item, i) => (
            <li key={i}>
              <span className="badge badge-neutral">{pick(item.sourceTitle)}</span>{' '}
              {item.due && Date.parse(item.due) < now && <span className="badge badge-red">{t('pimpinan.attention.overdue')}</span>}{' '}
              <Link to={item.link}>{pick(item.title)}</Link>
              {item.detail && <> · <span>{pick(item.detail)}</span></>}
              <span className="small muted">
                {item.due && <> · {t('pimpinan.attention.due')} <When at={item.due} zone={region} deadline /></>}
                {item.since && <> · {t('pimpinan.attention.since')} <When at={item.since} zone={region} /></>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
