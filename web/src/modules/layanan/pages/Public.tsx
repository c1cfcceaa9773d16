// The region's public services, for anyone and phone first: the published
// catalogue with a search by name, and a service's page with its standard in
// force, its application form's fields, its fee and its unit's pledge; and the
// region's public account of a year (applications, decided on time, median
// days, fiktif positif, and the satisfaction index per service). What is
// shown is decided by the API (published versions only, no personal data);
// these pages only lay it out.
import { useState, type FormEvent } from 'react';
import { RegionGate } from '../../../components/RegionGate.js';
import { ErrorMessage, Loading, PageTitle } from '../../../components/ui.js';
import { regionApi } from '../../../api.js';
import { useApi } from '../../../data.js';
import { formatDate, formatNumber } from '../../../format.js';
import { formatScore } from '../components/format.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, navigate, useLocation, type Params } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';
import { regionToday, useText } from '../components/FormFields.js';
import { SearchBox, searchTerm } from '../components/SearchBox.js';
import { StandardView } from '../components/StandardView.js';
import type { Accountability, PublicService, PublicServiceBrief, PublicSkm } from '../components/types.js';

const publicApi = (region: string) => `${regionApi(region)}/layanan/public/services`;
export const publicPath = (region: string, slug = '') => `/r/${region}/layanan${slug ? `/${slug}` : ''}`;
/** The region's public account of its services' year. */
export const accountabilityPath = (region: string) => `/r/${region}/layanan/akuntabilitas`;
/** An application's public status (this address is in the applicant's emails). */
export const statusPath = (region: string, registrationNo: string) => `/r/${region}/layanan/permohonan/${encodeURIComponent(registrationNo)}`;

export function PublicCataloguePage({ params }: { params: Params }) {
  return <RegionGate code={params.region}>{(region) => <Catalogue region={region} />}</RegionGate>;
}

function Catalogue({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const q = searchTerm(useLocation().query);
  const list = useApi<PublicServiceBrief[]>(`${publicApi(region.code)}${q ? `?${new URLSearchParams({ q })}` : ''}`);
  return (
    <div className="layanan-public">
      <PageTitle title={t('layanan.public.title', { region: region.name })}>{t('layanan.public.title', { region: region.name })}</PageTitle>
      <p>{t('layanan.public.intro')}</p>
      <SearchBox id="layanan-q" label={t('layanan.public.search')} />
      <ErrorMessage error={list.error} />
      {!list.data ? <Loading /> : list.data.length === 0 ? <p className="muted">{q ? t('layanan.public.noneFound') : t('layanan.public.none')}</p> : (
        <ul className="layanan-list">
          {list.data.map((s) => (
            <li key={s.slug}>
              <Link to={publicPath(region.code, s.slug)}><strong>{s.name}</strong></Link>
              <div className="small">{s.summary}</div>
              <div className="small muted">{s.unit.name} · {t('layanan.days', { n: s.timeLimitDays })} · {s.fee === 'free' ? t('layanan.free') : t('layanan.paid')}</div>
            </li>
          ))}
        </ul>
      )}
      <TrackBox region={region} />
      <Satisfaction region={region} />
    </div>
  );
}

/** Follow an application by its registration number. */
function TrackBox({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const [no, setNo] = useState('');
  const go = (e: FormEvent) => {
    e.preventDefault();
    if (no.trim()) navigate(statusPath(region.code, no.trim().toUpperCase()));
  };
  return (
    <section aria-labelledby="lacak" className="card">
      <h2 id="lacak">{t('layanan.track.title')}</h2>
      <form onSubmit={go} className="field">
        <label htmlFor="layanan-no">{t('layanan.track.label')}</label>
        <div className="input-row">
          <input id="layanan-no" type="text" autoCapitalize="characters" autoComplete="off" required maxLength={40} placeholder="PLY-XXXX-XXXX" value={no} onChange={(e) => setNo(e.target.value)} />
          <button type="submit" className="button secondary">{t('layanan.track.button')}</button>
        </div>
      </form>
    </section>
  );
}

/** This year's satisfaction index of each published service (SKM, PermenPANRB 14/2017). */
function Satisfaction({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: region.timezone, year: 'numeric' }).format(new Date());
  const skm = useApi<PublicSkm>(`${regionApi(region.code)}/layanan/public/skm?period=${year}`);
  return (
    <section aria-labelledby="skm" className="layanan-skm">
      <h2 id="skm">{t('layanan.public.skmTitle', { year })}</h2>
      <p className="small">{t('layanan.public.skmIntro')}</p>
      <ErrorMessage error={skm.error} />
      {!skm.data ? (!skm.error && <Loading />) : (
        <ul className="layanan-skm-list">
          {skm.data.services.map((s) => (
            <li key={s.slug}>
              <strong>{s.name}</strong>
              <div>{s.converted === null ? <span className="muted">{t('layanan.public.skmNone')}</span>
                : <>{t('layanan.public.skmIndex', { index: formatScore(s.converted, locale) })} · <span className="layanan-band">{s.band!.grade}</span> {s.band!.performance}</>}</div>
              <div className="small muted">{t('layanan.public.skmRespondents', { n: s.respondents })}</div>
            </li>
          ))}
        </ul>
      )}
      <p><Link to={accountabilityPath(region.code)}>{t('layanan.account.link')}</Link></p>
    </section>
  );
}

export function PublicServicePage({ params }: { params: Params }) {
  return <RegionGate code={params.region}>{(region) => <ServiceView region={region} slug={params.slug} />}</RegionGate>;
}

function ServiceView({ region, slug }: { region: RegionProfile; slug: string }) {
  const { t, locale } = useI18n();
  const service = useApi<PublicService>(`${publicApi(region.code)}/${encodeURIComponent(slug)}`);
  const s = service.data;
  return (
    <div className="layanan-public">
      <p><Link to={publicPath(region.code)}>{t('layanan.public.back')}</Link></p>
      <ErrorMessage error={service.error} />
      {!s ? (!service.error && <Loading />) : (
        <>
          <PageTitle title={s.name}>{s.name}</PageTitle>
          <p>{s.summary}</p>
          <p className="small muted">{s.unit.name} · {t('layanan.public.version', { version: s.version, date: formatDate(s.publishedAt, region, locale) })}</p>
          <p><Link className="button layanan-apply" to={`${publicPath(region.code, s.slug)}/ajukan`}>{t('layanan.apply.button')}</Link></p>
          <StandardView standard={s.standard} components={s.components} />
          <ApplicationForm service={s} />
          <section aria-labelledby="pledge">
            <h2 id="pledge">{t('layanan.pledgeOf', { unit: s.unit.name })}</h2>
            <blockquote className="layanan-pledge">{s.pledge.text}</blockquote>
          </section>
        </>
      )}
    </div>
  );
}

/** What the applicant will be asked for: each field of the form in force, and the fee rule (the application page fills them). */
function ApplicationForm({ service }: { service: PublicService }) {
  const { t } = useI18n();
  const text = useText();
  const fee = service.tariff;
  return (
    <section aria-labelledby="form">
      <h2 id="form">{t('layanan.public.formTitle')}</h2>
      {service.form.fields.length === 0 ? <p className="muted">{t('layanan.public.formEmpty')}</p> : (
        <ul className="layanan-form-list">
          {service.form.fields.map((f) => (
            <li key={f.key}>{text(f.label)}{f.required && !f.showIf && <span className="muted"> ({t('layanan.form.required')})</span>}
              {f.type === 'document' && <span className="small muted"> · {t('layanan.form.documentHint', { types: f.accept.join(', ').toUpperCase(), mb: f.maxSizeMb, n: f.multiple ? f.maxCount ?? 10 : 1 })}</span>}</li>
          ))}
        </ul>
      )}
      <p><strong>{t('layanan.public.fee')}:</strong> {t(`layanan.def.tariff.${fee.kind}`)}
        {fee.kind !== 'free' && fee.payBeforeIssue && <> · {t('layanan.def.payBeforeIssue')}</>}</p>
    </section>
  );
}

export function AccountabilityPage({ params }: { params: Params }) {
  return <RegionGate code={params.region}>{(region) => <AccountView region={region} />}</RegionGate>;
}

/** Years a reader may choose: this one (the region's) and the four before it. */
const YEARS_SHOWN = 5;

type AccountRow = { slug: string; name: string; account: Accountability['services'][number] | null; skm: PublicSkm['services'][number] | null };

/** The year's figures per service: the applications' account joined with the satisfaction index by the service's address. */
function accountRows(account: Accountability, skm: PublicSkm): AccountRow[] {
  const rows = new Map<string, AccountRow>(account.services.map((a) => [a.slug, { slug: a.slug, name: a.name, account: a, skm: null }]));
  for (const s of skm.services) {
    const row = rows.get(s.slug);
    if (row) row.skm = s;
    else rows.set(s.slug, { slug: s.slug, name: s.name, account: null, skm: s });
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

function AccountView({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const { path, query } = useLocation();
  const thisYear = Number(regionToday(region).slice(0, 4));
  const years = Array.from({ length: YEARS_SHOWN }, (_, i) => thisYear - i);
  const asked = Number(query.get('tahun'));
  const year = years.includes(asked) ? asked : thisYear;
  const account = useApi<Accountability>(`${regionApi(region.code)}/layanan/public/accountability?year=${year}`);
  const skm = useApi<PublicSkm>(`${regionApi(region.code)}/layanan/public/skm?period=${year}`);
  const n = (x: number | null, unit = '') => (x === null ? '–' : `${formatNumber(x, locale)}${unit}`);
  const title = t('layanan.account.title', { region: region.name });
  const rows = account.data && skm.data ? accountRows(account.data, skm.data) : null;
  const overall = skm.data?.overall;
  return (
    <div className="layanan-public">
      <p><Link to={publicPath(region.code)}>{t('layanan.public.back')}</Link></p>
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('layanan.account.intro')}</p>
      <form className="field" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="account-year">{t('layanan.account.year')}</label>
        <select id="account-year" value={year} onChange={(e) => navigate(`${path}?${new URLSearchParams({ tahun: e.target.value })}`, { replace: true })}>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </form>
      <ErrorMessage error={account.error ?? skm.error} />
      {!rows ? (!account.error && !skm.error && <Loading />) : (
        <>
          {overall && overall.converted !== null && (
            <p className="skm-index">{t('layanan.account.overall', { year })}: <strong>{formatScore(overall.converted, locale)}</strong>{' '}
              <span className="layanan-band">{overall.band!.grade}</span> {overall.band!.performance}
              <span className="small muted"> · {t('layanan.public.skmRespondents', { n: overall.respondents })}</span></p>
          )}
          {rows.length === 0 ? <p className="muted">{t('layanan.account.none', { year })}</p> : (
            <div className="table-scroll"><table className="layanan-table layanan-account" aria-label={t('layanan.account.tableLabel', { year })}>
              <thead><tr>
                <th>{t('layanan.account.service')}</th><th>{t('layanan.account.filed')}</th><th>{t('layanan.account.decided')}</th><th>{t('layanan.account.onTime')}</th>
                <th>{t('layanan.account.median')}</th><th>{t('layanan.account.deemed')}</th><th>{t('layanan.account.open')}</th><th>{t('layanan.account.skm')}</th>
              </tr></thead>
              <tbody>{rows.map((r) => {
                const a = r.account;
                return (
                  <tr key={r.slug} data-slug={r.slug}>
                    <td className="wide">{r.name}{r.skm && <div className="small muted">{r.skm.unit.name}</div>}</td>
                    <td className="num">{a ? a.filed : 0}</td>
                    <td className="num">{a ? a.decided : 0}</td>
                    <td className="num">{a && a.onTimePercent !== null ? <>{n(a.onTimePercent, ' %')}<div className="small muted">{a.onTime}/{a.decided}</div></> : '–'}</td>
                    <td className="num">{n(a?.medianDays ?? null)}</td>
                    <td className="num">{a ? a.deemedGranted : 0}</td>
                    <td className="num">{a ? a.open : 0}</td>
                    <td className="num">{r.skm && r.skm.converted !== null
                      ? <>{formatScore(r.skm.converted, locale)} <span className="layanan-band">{r.skm.band!.grade}</span><div className="small muted">{r.skm.band!.performance} · {t('layanan.public.skmRespondents', { n: r.skm.respondents })}</div></>
                      : '–'}</td>
                  </tr>
                );
              })}</tbody>
            </table></div>
          )}
          <dl className="layanan-facts small">
            <div><dt>{t('layanan.account.onTime')}</dt><dd>{t('layanan.account.onTimeHelp')}</dd></div>
            <div><dt>{t('layanan.account.median')}</dt><dd>{t('layanan.account.medianHelp')}</dd></div>
            <div><dt>{t('layanan.account.deemed')}</dt><dd>{t('layanan.account.deemedHelp')}</dd></div>
            <div><dt>{t('layanan.account.skm')}</dt><dd>{t('layanan.public.skmIntro')}</dd></div>
          </dl>
        </>
      )}
    </div>
  );
}
