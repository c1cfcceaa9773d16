// The head of region's page: what waits on them today, then every module's
// figures (as last read, minutes old: read again on demand) in cards (value, what it is counted in, where it stands against
// its goal, a short list behind it, how it is computed and as of when, a
// link to the module's own view, and on demand its trend by month or year).
// Phone first: one column on a phone, a grid on a desk; prints as a briefing.
import './pimpinan.css';
import { useState } from 'react';
import type { components } from '../../../api-types.js';
import { LineChart } from '../../../components/charts.js';
import { RegionGate } from '../../../components/RegionGate.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import { ErrorMessage, Loading, PageTitle } from '../../../components/ui.js';
import { AttentionList } from '../components/AttentionList.js';
import { formatDateTime, formatNumber } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { api } from '../../../api.js';
import { useSend } from '../../../send.js';
import { Link, type Params } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';

type Page = components['schemas']['PimpinanPage'];
type Tile = components['schemas']['Tile'];
type Trend = components['schemas']['PimpinanTrend'];

const path = (region: string) => `/api/regions/${region}/pimpinan`;
const TONE_BADGE = { good: 'badge-green', watch: 'badge-amber', bad: 'badge-red' } as const;

export function LeaderPage({ params }: { params: Params }) {
  return (
    <StaffOnly region={params.region} permission="pimpinan.read">
      <RegionGate code={params.region}>{(region) => <Leader region={region} />}</RegionGate>
    </StaffOnly>
  );
}

function Leader({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const page = useStaffApi<Page>(path(region.code));
  const refresh = useSend<Page>();
  return (
    <div className="pimpinan">
      <PageTitle title={`${t('pimpinan.title')} · ${region.name}`}>{t('pimpinan.title')} · {region.name}</PageTitle>
      <p className="muted">{t('pimpinan.intro', { region: region.name })}</p>
      <ErrorMessage error={page.error} />
      <ErrorMessage error={refresh.error} />
      {!page.data ? (!page.error && <Loading />) : (
        <>
          <p className="small muted">
            {t('pimpinan.figuresReadAt', { at: formatDateTime(page.data.figuresReadAt, region, locale), minutes: page.data.figuresMinutes })}{' '}
            <button type="button" className="link-button no-print" disabled={refresh.busy}
              onClick={() => void refresh.run(() => api<Page>(`${path(region.code)}/perbarui`, { method: 'POST' })).then((done) => done && page.reload())}>
              {t(refresh.busy ? 'pimpinan.refreshing' : 'pimpinan.refresh')}
            </button>{' '}
            <button type="button" className="link-button no-print" onClick={() => window.print()}>{t('pimpinan.print')}</button>{' '}
            <a className="no-print" href={`/api/regions/${region.code}/pimpinan/bahan-rapat.pdf?lang=${locale}`} download>{t('pimpinan.pdf')}</a>
          </p>
          <AttentionList region={region} items={page.data.attention} unread={page.data.attentionUnread} />
          <p className="no-print"><Link to={`/staff/${region.code}/pimpinan/adopsi`}>{t('pimpinan.adoption.link')}</Link></p>
          <p className="no-print"><Link to={`/staff/${region.code}/pimpinan/ringkasan`}>{t('pimpinan.digest.link')}</Link></p>
          {region.kind === 'provinsi' && <p className="no-print"><Link to={`/staff/${region.code}/pimpinan/provinsi`}>{t('pimpinan.province.link')}</Link></p>}
          {page.data.modules.map((m) => (
            <section key={m.module} aria-labelledby={`pimpinan-${m.module}`} className="pimpinan-module">
              <h2 id={`pimpinan-${m.module}`}>{m.title[locale] || m.title.id}</h2>
              <ul className="pimpinan-tiles">
                {m.tiles.map((tile) => <li key={tile.key}><TileCard region={region} tile={tile} /></li>)}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}

function TileCard({ region, tile }: { region: RegionProfile; tile: Tile }) {
  const { t, pick, locale } = useI18n();
  const [trend, setTrend] = useState(false);
  return (
    <article className="pimpinan-tile" aria-labelledby={`tile-${tile.module}-${tile.key}`}>
      <h3 id={`tile-${tile.module}-${tile.key}`}>{pick(tile.title)}</h3>
      {tile.failed ? <p className="alert alert-error">{t('pimpinan.failed')}</p> : (
        <p className="pimpinan-figure">
          {tile.value === null ? <span className="muted">{t('pimpinan.noValue')}</span>
            : <Link to={tile.link}><strong>{formatNumber(tile.value, locale, 2)}</strong></Link>}
          {tile.value !== null && tile.unit && <> <span>{pick(tile.unit)}</span></>}
          {tile.tone && <> <span className={`badge ${TONE_BADGE[tile.tone]}`}>{t(`pimpinan.tone.${tile.tone}`)}</span></>}
        </p>
      )}
      {tile.items.length > 0 && (
        <ol className="pimpinan-items">
          {tile.items.map((item, i) => (
            <li key={i}>
              {item.link ? <Link to={item.link}>{pick(item.label)}</Link> : pick(item.label)}
              {item.value && <span className="muted"> · {pick(item.value)}</span>}
            </li>
          ))}
        </ol>
      )}
      <details className="pimpinan-method">
        <summary>{t('pimpinan.method')}</summary>
        <p>{pick(tile.method)}</p>
      </details>
      <p className="small muted">
        {t('pimpinan.asOf', { at: formatDateTime(tile.asOf, region, locale) })}
        {tile.link && !tile.failed && <> · <Link to={tile.link}>{t('pimpinan.details')}</Link></>}
      </p>
      {tile.trend && (
        <>
          <button type="button" className="link-button no-print" aria-expanded={trend} onClick={() => setTrend(!trend)}>
            {t(trend ? 'pimpinan.trend.hide' : 'pimpinan.trend.show')}
          </button>
          {trend && <TrendChart region={region.code} tile={tile} />}
        </>
      )}
    </article>
  );
}

function TrendChart({ region, tile }: { region: string; tile: Tile }) {
  const { t, pick, locale } = useI18n();
  const [kind, setKind] = useState<'month' | 'year'>('month');
  const trend = useStaffApi<Trend>(`${path(region)}/trends/${encodeURIComponent(tile.trend!)}?period=${kind}`);
  const title = t('pimpinan.trend.title', { title: pick(tile.title) });
  return (
    <div className="pimpinan-trend">
      <div role="group" aria-label={title} className="subnav">
        {(['month', 'year'] as const).map((k) => (
          <button key={k} type="button" className="link-button" aria-pressed={kind === k} onClick={() => setKind(k)}>{t(`pimpinan.trend.${k}`)}</button>
        ))}
      </div>
      <ErrorMessage error={trend.error} />
      {!trend.data ? (!trend.error && <Loading />)
        : trend.data.points.every((p) => p.value === null) ? <p className="muted">{t('pimpinan.trend.empty')}</p>
        : <LineChart
            title={title}
            labels={trend.data.points.map((p) => p.period)}
            series={[{ name: pick(tile.title), className: 'line-1', values: trend.data.points.map((p) => (p.value === null ? null : Number(p.value))) }]}
            format={(v) => formatNumber(v, locale, 2)}
          />}
    </div>
  );
}
