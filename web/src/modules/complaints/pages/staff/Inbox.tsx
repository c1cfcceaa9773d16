// The staff inbox, most urgent first as the API orders it. Filters live in
// the URL so a filtered view can be bookmarked and shared.
import { useState, type FormEvent } from 'react';
import { Pager, pageFrom } from '../../../../components/Pager.js';
import { RegionGate } from '../../../../components/RegionGate.js';
import { StaffOnly } from '../../../../components/StaffOnly.js';
import { ErrorMessage, Loading, PageTitle, StatusBadge, TimeLeft } from '../../../../components/ui.js';
import { regionApi } from '../../../../api.js';
import { useStaffApi } from '../../../../query.js';
import { useI18n } from '../../../../i18n/index.js';
import { Link, navigate, queryString, useLocation, type Params } from '../../../../router.js';
import type { InboxRow, RegionProfile } from '../../../../types.js';
import { statuses } from '../../../../../../src/modules/complaints/domain/status.js';

const PAGE_SIZE = 50;

export function InboxPage({ params }: { params: Params }) {
  return (
    <StaffOnly region={params.region} permission="complaint.list">
      <RegionGate code={params.region}>{(region) => <Inbox region={region} />}</RegionGate>
    </StaffOnly>
  );
}

function Inbox({ region }: { region: RegionProfile }) {
  const { t, pick } = useI18n();
  const { path, query } = useLocation();
  const filter = { status: query.get('status') ?? '', overdue: query.get('overdue') === '1', q: query.get('q') ?? '' };
  const page = pageFrom(query);
  const [search, setSearch] = useState(filter.q);
  const rows = useStaffApi<InboxRow[]>(`${regionApi(region.code)}/inbox${queryString({
    status: filter.status, overdue: filter.overdue ? 'true' : undefined, q: filter.q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE,
  })}`);
  const apply = (next: Partial<typeof filter>) => {
    const f = { ...filter, ...next };
    navigate(`${path}${queryString({ status: f.status, overdue: f.overdue ? '1' : undefined, q: f.q })}`, { replace: true });
  };
  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    apply({ q: search.trim() });
  };
  return (
    <>
      <PageTitle title={t('inbox.title')}>{t('inbox.title')}</PageTitle>
      <form className="filters" onSubmit={submitSearch} role="search">
        <div className="field">
          <label htmlFor="status">{t('inbox.status')}</label>
          <select id="status" value={filter.status} onChange={(e) => apply({ status: e.target.value })}>
            <option value="">{t('inbox.allStatuses')}</option>
            {statuses.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </div>
        <label className="choice inline">
          <input type="checkbox" checked={filter.overdue} onChange={(e) => apply({ overdue: e.target.checked })} />
          <span>{t('inbox.overdueOnly')}</span>
        </label>
        <div className="field search">
          <label htmlFor="q">{t('inbox.search')}</label>
          <div className="input-row">
            <input id="q" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('inbox.searchHint')} />
            <button type="submit" className="button secondary">{t('inbox.searchButton')}</button>
          </div>
        </div>
      </form>
      <ErrorMessage error={rows.error} />
      {rows.loading && <Loading />}
      {rows.data && rows.data.length === 0 && <p className="muted">{t('inbox.empty')}</p>}
      <ul className="plain cards inbox">
        {rows.data?.map((r) => (
          <li key={r.id} className={`card row-card${r.overdue ? ' overdue' : ''}`}>
            <div className="row-head">
              <Link to={`/staff/${region.code}/complaints/${r.id}`} className="code-link">{r.trackingCode}</Link>
              <TimeLeft ms={r.timeLeftMs} overdue={r.overdue} />
            </div>
            <p className="row-title">{pick({ id: r.categoryName, en: r.categoryNameEn })}</p>
            <p className="muted small">
              {r.districtName ?? t('inbox.noDistrict')} · {r.unitName ?? t('complaint.noUnit')}
            </p>
            <p className="excerpt">{r.description}</p>
            <StatusBadge status={r.status} />
          </li>
        ))}
      </ul>
      <Pager page={page} hasNext={(rows.data?.length ?? 0) === PAGE_SIZE} href={(p) => `${path}${queryString({ status: filter.status, overdue: filter.overdue ? '1' : undefined, q: filter.q, hal: p > 1 ? p : undefined })}`} />
    </>
  );
}
