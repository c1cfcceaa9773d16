// The public version of the leader's page (/r/{region}/dasbor): the figures
// the region publishes, for anyone without signing in, as cards with how each
// is computed, as of when (in the region's time zone) and its last twelve
// months, and the same figures to download as CSV (Indonesian, English) and JSON, and their DCAT catalogue, for open-data
// portals. Phone first: one column on a phone, a grid on a desk.
import './pimpinan.css';
import type { components } from '../../../api-types.js';
import { regionApi } from '../../../api.js';
import { RegionGate } from '../../../components/RegionGate.js';
import { ErrorMessage, Loading, PageTitle } from '../../../components/ui.js';
import { useApi } from '../../../data.js';
import { formatCalendarDate, formatDateTime, formatNumber } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import type { Params } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';

type Public = components['schemas']['PimpinanPublic'];
type Figure = components['schemas']['PimpinanPublicFigure'];

const TONE_BADGE = { good: 'badge-green', watch: 'badge-amber', bad: 'badge-red' } as const;
const publicApi = (region: string) => `${regionApi(region)}/pimpinan/publik`;

export function PublicLeaderPage({ params }: { params: Params }) {
  return <RegionGate code={params.region}>{(region) => <PublicFigures region={region} />}</RegionGate>;
}

function PublicFigures({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const page = useApi<Public>(publicApi(region.code));
  const title = t('pimpinan.publik.title', { region: region.name });
  return (
    <div className="pimpinan pimpinan-public">
      <PageTitle title={title}>{title}</PageTitle>
      <p className="muted">{t('pimpinan.publik.intro', { region: region.name })}</p>
      <ErrorMessage error={page.error} />
      {!page.data ? (!page.error && <Loading />)
        : page.data.figures.length === 0 ? <p className="muted">{t('pimpinan.publik.none', { region: region.name })}</p>
        : (
          <ul className="pimpinan-tiles">
            {page.data.figures.map((f) => <li key={f.ref}><FigureCard region={region} figure={f} /></li>)}
          </ul>
        )}
      <section className="card" aria-labelledby="pimpinan-open-data">
        <h2 id="pimpinan-open-data">{t('pimpinan.publik.download')}</h2>
        <p className="small muted">{t('pimpinan.publik.downloadHint')}</p>
        <p>
          <a className="button secondary small" href={`${publicApi(region.code)}.csv`} download={`dasbor-publik-${region.code}.csv`}>{t('pimpinan.publik.csv')}</a>{' '}
          <a className="button secondary small" href={`${publicApi(region.code)}.csv?lang=en`} download={`public-dashboard-${region.code}.csv`}>{t('pimpinan.publik.csvEn')}</a>{' '}
          <a className="button secondary small" href={publicApi(region.code)} download={`dasbor-publik-${region.code}.json`}>{t('pimpinan.publik.json')}</a>{' '}
          <a className="button secondary small" href={`${publicApi(region.code)}/dcat.jsonld`}>{t('pimpinan.publik.dcat')}</a>
        </p>
      </section>
    </div>
  );
}

function FigureCard({ region, figure }: { region: RegionProfile; figure: Figure }) {
  const { t, pick, locale } = useI18n();
  const id = `figure-${figure.module}-${figure.key}`;
  const months = figure.months.filter((m) => m.takenAt !== null);
  return (
    <article className="pimpinan-tile" aria-labelledby={id}>
      <p className="small muted pimpinan-public-module">{pick(figure.moduleTitle)}</p>
      <h2 id={id}>{pick(figure.title)}</h2>
      <p className="pimpinan-figure">
        {figure.value === null ? <span className="muted">{t('pimpinan.noValue')}</span> : <strong>{formatNumber(figure.value, locale, 2)}</strong>}
        {figure.value !== null && figure.unit && <> <span>{pick(figure.unit)}</span></>}
        {figure.tone && <> <span className={`badge ${TONE_BADGE[figure.tone]}`}>{t(`pimpinan.tone.${figure.tone}`)}</span></>}
      </p>
      <details className="pimpinan-method">
        <summary>{t('pimpinan.method')}</summary>
        <p>{pick(figure.method)}</p>
      </details>
      {months.length > 1 && (
        <details className="pimpinan-method">
          <summary>{t('pimpinan.publik.months')}</summary>
          <table className="pimpinan-months">
            <caption className="visually-hidden">{t('pimpinan.publik.monthsCaption', { title: pick(figure.title) })}</caption>
            <thead><tr><th scope="col">{t('pimpinan.publik.month')}</th><th scope="col">{t('pimpinan.publik.value')}</th></tr></thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{formatCalendarDate(`${m.month}-01`, locale, { month: 'short', year: 'numeric' })}</th>
                  <td>{m.value === null ? '–' : formatNumber(m.value, locale, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <p className="small muted">
        {t('pimpinan.asOf', { at: formatDateTime(figure.asOf, region, locale) })}
        <br />{t('pimpinan.publik.readAt', { at: formatDateTime(figure.takenAt, region, locale) })}
      </p>
    </article>
  );
}
