// Outgoing letters and memos: the boxes behind the home's counts (my drafts
// and letters in progress, waiting for my initials, waiting for my
// signature, signed), the box kept in the address; and the way to a new draft.
import '../components/surat.css';
import { ErrorMessage, Loading, PageTitle, When } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { Link, useLocation, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';
import { SecurityBadge, suratApi, SuratNav, SuratPage } from '../components/common.js';
import { BOXES, newDraftPath, outgoingListPath, outgoingPath, type Box, type OutgoingItem } from '../components/outgoing.js';

export function OutgoingPage({ params }: { params: Params }) {
  return <SuratPage region={params.region}>{(region) => <Outgoing region={region} />}</SuratPage>;
}

function Outgoing({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { query } = useLocation();
  const asked = query.get('box');
  const box: Box = BOXES.includes(asked as Box) ? (asked as Box) : 'mine';
  const list = useStaffApi<{ items: OutgoingItem[]; hasMore: boolean }>(`${suratApi(region.code)}/outgoing?box=${box}&limit=100`);
  return (
    <div className="surat">
      <PageTitle title={t('surat.out.title')}>{t('surat.out.title')}</PageTitle>
      <SuratNav region={region.code} />
      {may(me, region.code, 'surat.draft') && <p><Link className="button" to={newDraftPath(region.code)}>{t('surat.out.new')}</Link></p>}
      <nav aria-label={t('surat.out.boxes')} className="subnav surat-boxes">
        {BOXES.map((b) => <Link key={b} to={outgoingListPath(region.code, b)} aria-current={b === box ? 'page' : undefined}>{t(`surat.out.box.${b}`)}</Link>)}
      </nav>
      <ErrorMessage error={list.error} />
      {!list.data ? (!list.error && <Loading />) : list.data.items.length === 0 ? <p className="muted">{t('surat.out.none')}</p> : (
        <div className="table-scroll"><table className="surat-table">
          <caption>{t(`surat.out.box.${box}`)}</caption>
          <thead><tr>
            <th scope="col">{t('surat.col.subject')}</th><th scope="col">{t('surat.out.type')}</th><th scope="col">{t('surat.col.number')}</th>
            <th scope="col">{t('surat.col.status')}</th><th scope="col">{t('surat.col.unit')}</th><th scope="col">{t('surat.out.updated')}</th>
          </tr></thead>
          <tbody>{list.data.items.map((l) => (
            <tr key={l.id}>
              <th scope="row">{l.access === 'open' ? <Link to={outgoingPath(region.code, l.id)}>{l.subject}</Link> : <span className="muted">{t('surat.restricted')}</span>}
                {l.security !== 'biasa' && <> <SecurityBadge security={l.security} /></>}</th>
              <td>{t(`surat.out.direction.${l.direction}`)}</td>
              <td>{l.number ?? '—'}</td>
              <td>{t(`surat.status.${l.status}` as 'surat.status.draft')}</td>
              <td>{l.unitName}</td>
              <td><When at={l.updatedAt} zone={region} /></td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
    </div>
  );
}
