// A list of letters as a table: agenda, number, date, subject (or "closed"
// when the person only sees that it exists), sender, class, status. An
// outgoing letter or memo opens on its own page.
import { formatCalendarDate } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { Link } from '../../../router.js';
import { agendaOf, letterPath, SecurityBadge, type LetterItem } from './common.js';
import { outgoingPath } from './outgoing.js';

export function LetterTable({ region, items, caption }: { region: string; items: LetterItem[]; caption: string }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-scroll"><table className="surat-table">
      <caption>{caption}</caption>
      <thead><tr>
        <th scope="col">{t('surat.col.agenda')}</th><th scope="col">{t('surat.col.subject')}</th><th scope="col">{t('surat.col.number')}</th>
        <th scope="col">{t('surat.col.date')}</th><th scope="col">{t('surat.col.sender')}</th><th scope="col">{t('surat.col.unit')}</th>
        <th scope="col">{t('surat.col.security')}</th><th scope="col">{t('surat.col.status')}</th>
      </tr></thead>
      <tbody>{items.map((l) => (
        <tr key={l.id} className={l.unread ? 'unread' : undefined}>
          <td>{agendaOf(l)}</td>
          <th scope="row">{l.access === 'open'
            ? <Link to={l.direction === 'incoming' ? letterPath(region, l.id) : outgoingPath(region, l.id)}>{l.subject}</Link>
            : <span className="muted">{t('surat.restricted')}</span>}
            {l.unread && <> <span className="badge badge-amber">{t('surat.unread')}</span></>}</th>
          <td>{l.number ?? '—'}</td>
          <td>{l.letterDate ? formatCalendarDate(l.letterDate, locale, { day: 'numeric', month: 'short', year: 'numeric' }) : '—'}</td>
          <td>{l.senderName ?? '—'}</td><td>{l.unitName}</td>
          <td><SecurityBadge security={l.security} /></td>
          <td>{t(`surat.status.${l.status}` as 'surat.status.draft')}{l.revokedAt && <> <span className="badge badge-red">{t('surat.revoked')}</span></>}</td>
        </tr>
      ))}</tbody>
    </table></div>
  );
}
