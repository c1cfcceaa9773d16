// Units' digital adoption: each unit's share of its work done in Pamong, per
// kind of work, measured from the modules' records; lowest score first, so
// the units that need help lead. A unit head sees their own unit's row.
import './pimpinan.css';
import type { components } from '../../../api-types.js';
import { RegionGate } from '../../../components/RegionGate.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import { ErrorMessage, Loading, PageTitle } from '../../../components/ui.js';
import { formatNumber } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { Link, type Params } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';

type Adoption = components['schemas']['PimpinanAdoption'];

export function AdoptionPage({ params }: { params: Params }) {
  return (
    <StaffOnly region={params.region} permission="pimpinan.adoption">
      <RegionGate code={params.region}>{(region) => <UnitsAdoption region={region} />}</RegionGate>
    </StaffOnly>
  );
}

function UnitsAdoption({ region }: { region: RegionProfile }) {
  const { t, pick, locale } = useI18n();
  const year = new URLSearchParams(location.search).get('tahun');
  const data = useStaffApi<Adoption>(`/api/regions/${region.code}/pimpinan/adopsi${year ? `?year=${encodeURIComponent(year)}` : ''}`);
  const pct = (v: number) => `${formatNumber(v, locale)}%`;
  return (
    <div className="pimpinan">
      <PageTitle title={t('pimpinan.adoption.title')}>{t('pimpinan.adoption.title')}</PageTitle>
      <p className="subnav"><Link to={`/staff/${region.code}/pimpinan`}>{t('pimpinan.title')}</Link> · <Link to={`/staff/${region.code}/pimpinan/ringkasan`}>{t('pimpinan.digest.title')}</Link></p>
      <ErrorMessage error={data.error} />
      {!data.data ? (!data.error && <Loading />) : (
        <>
          <p className="muted">{t(data.data.own ? 'pimpinan.adoption.introOwn' : 'pimpinan.adoption.intro', { year: data.data.year })}</p>
          <div className="table-scroll">
            <table className="pimpinan-adoption">
              <caption>{t('pimpinan.adoption.caption', { region: region.name, year: data.data.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('pimpinan.adoption.unit')}</th>
                  <th scope="col">{t('pimpinan.adoption.score')}</th>
                  <th scope="col">{t('pimpinan.adoption.rank')}</th>
                  {data.data.measures.map((m) => <th key={m.ref} scope="col">{pick(m.title)}</th>)}
                </tr>
              </thead>
              <tbody>
                {data.data.units.map((u) => (
                  <tr key={u.unitId}>
                    <th scope="row">{u.name}</th>
                    <td>{u.score === null ? '–' : pct(u.score)}</td>
                    <td>{u.rank ?? '–'}</td>
                    {data.data!.measures.map((m) => {
                      const s = u.measures[m.ref];
                      return <td key={m.ref}>{s ? <>{pct(s.percent)} <span className="small muted">({s.done}/{s.total})</span></> : '–'}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t('pimpinan.method')}</h2>
          <p className="small">{t('pimpinan.adoption.scoreMethod')}</p>
          <dl className="small">
            {data.data.measures.map((m) => <div key={m.ref}><dt><strong>{pick(m.title)}</strong></dt><dd>{pick(m.method)}</dd></div>)}
          </dl>
        </>
      )}
    </div>
  );
}
