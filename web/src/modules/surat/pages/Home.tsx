// The correspondence home screen: the counts that matter (unread, to follow
// up, overdue, to initial, to sign, signed not sent), the inbox, and the
// dispositions received and given.
import '../components/surat.css';
import { useState } from 'react';
import { ErrorMessage, Loading, PageTitle, When } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { Link, type Params } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';
import { agendaOf, letterPath, SecurityBadge, suratApi, SuratNav, SuratPage, type LetterItem } from '../components/common.js';
import { LetterTable } from '../components/LetterTable.js';
import { RecordsNav } from '../components/records.js';
import { outgoingListPath, type Box } from '../components/outgoing.js';

const COUNTS = ['unreadLetters', 'unreadDispositions', 'dispositionsToFollowUp', 'overdueReceived', 'overdueGiven', 'toVerify', 'toSign', 'signedNotSent', 'myDrafts', 'unreadCopies'] as const;
/** The outgoing counts open the box they count. */
const OUTGOING_BOX: Partial<Record<(typeof COUNTS)[number], Box>> = { toVerify: 'to_verify', toSign: 'to_sign', signedNotSent: 'signed', myDrafts: 'mine' };

export function HomePage({ params }: { params: Params }) {
  return <SuratPage region={params.region}>{(region) => <Home region={region} />}</SuratPage>;
}

interface DispositionItem {
  id: string; letterId: string; subject: string; agendaNumber: number | null; agendaYear: number | null; security: string; from: string; to: string;
  instruction: string; priority: string; dueAt: string | null; overdue: boolean; status: string;
}

function Home({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const counts = useStaffApi<Record<(typeof COUNTS)[number], number>>(`${suratApi(region.code)}/home`);
  const inbox = useStaffApi<{ items: LetterItem[] }>(`${suratApi(region.code)}/letters?box=inbox&limit=25`);
  return (
    <div className="surat">
      <PageTitle title={t('surat.title')}>{t('surat.title')}</PageTitle>
      <SuratNav region={region.code} />
      <RecordsNav region={region.code} />
      <p className="muted">{t('surat.home.intro')}</p>
      <ErrorMessage error={counts.error} />
      {counts.data && (
        <ul className="surat-counts" aria-label={t('surat.title')}>
          {COUNTS.map((k) => (
            <li key={k} className={counts.data![k] > 0 && k.startsWith('overdue') ? 'alert-count' : undefined}>
              {OUTGOING_BOX[k]
                ? <Link to={outgoingListPath(region.code, OUTGOING_BOX[k])}><strong>{counts.data![k]}</strong> <span>{t(`surat.count.${k}`)}</span></Link>
                : <><strong>{counts.data![k]}</strong> <span>{t(`surat.count.${k}`)}</span></>}
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="surat-inbox">
        <h2 id="surat-inbox">{t('surat.inbox')}</h2>
        <ErrorMessage error={inbox.error} />
        {!inbox.data ? (!inbox.error && <Loading />) : inbox.data.items.length === 0 ? <p className="muted">{t('surat.inbox.none')}</p>
          : <LetterTable region={region.code} items={inbox.data.items} caption={t('surat.inbox')} />}
      </section>
      <Dispositions region={region} />
    </div>
  );
}

function Dispositions({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const [box, setBox] = useState<'received' | 'given'>('received');
  const list = useStaffApi<{ items: DispositionItem[] }>(`${suratApi(region.code)}/dispositions?box=${box}&limit=50`);
  return (
    <section aria-labelledby="surat-disp">
      <h2 id="surat-disp">{t('surat.disp.title')}</h2>
      <div role="group" className="subnav">
        {(['received', 'given'] as const).map((b) => (
          <button key={b} type="button" className={`button ${box === b ? '' : 'secondary'}`} aria-pressed={box === b} onClick={() => setBox(b)}>{t(`surat.disp.${b}`)}</button>
        ))}
      </div>
      <ErrorMessage error={list.error} />
      {!list.data ? (!list.error && <Loading />) : list.data.items.length === 0 ? <p className="muted">{t('surat.disp.none')}</p> : (
        <div className="table-scroll"><table className="surat-table">
          <caption>{t(`surat.disp.${box}`)}</caption>
          <thead><tr>
            <th scope="col">{t('surat.col.subject')}</th><th scope="col">{t('surat.col.instruction')}</th>
            <th scope="col">{box === 'received' ? t('surat.col.from') : t('surat.col.to')}</th><th scope="col">{t('surat.col.due')}</th><th scope="col">{t('surat.col.status')}</th>
          </tr></thead>
          <tbody>{list.data.items.map((d) => (
            <tr key={d.id}>
              <th scope="row"><Link to={letterPath(region.code, d.letterId)}>{d.subject}</Link> <span className="small muted">{agendaOf(d)}</span> <SecurityBadge security={d.security} /></th>
              <td>{d.instruction}</td><td>{box === 'received' ? d.from : d.to}</td>
              <td>{d.dueAt ? <When at={d.dueAt} zone={region} deadline /> : '—'} {d.overdue && <span className="badge badge-red">{t('surat.overdue')}</span>}</td>
              <td>{t(`surat.disp.status.${d.status}` as 'surat.disp.status.unread')}</td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
    </section>
  );
}
