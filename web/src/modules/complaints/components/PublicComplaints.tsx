// Public complaints as a list of cards: code, status, overdue marker, what and where.
import { useI18n } from '../../../i18n/index.js';
import { Link } from '../../../router.js';
import type { PublicRow, RegionProfile } from '../../../types.js';
import { StatusBadge, When } from '../../../components/ui.js';

export function PublicComplaints({ rows, region }: { rows: PublicRow[]; region: RegionProfile }) {
  const { t, pick } = useI18n();
  if (rows.length === 0) return <p className="muted">{t('public.empty')}</p>;
  return (
    <ul className="plain cards">
      {rows.map((r) => (
        <li key={r.trackingCode} className="card row-card">
          <div className="row-head">
            <Link to={`/r/${region.code}/lacak/${r.trackingCode}`} className="code-link">{r.trackingCode}</Link>
            <StatusBadge status={r.status} />
            {r.overdue && <span className="badge badge-red">{t('time.overdue')}</span>}
          </div>
          <p className="row-title">{pick({ id: r.categoryName, en: r.categoryNameEn })}{r.districtName ? ` · ${r.districtName}` : ''}</p>
          <p className="excerpt">{r.description.length > 160 ? `${r.description.slice(0, 160)}…` : r.description}</p>
          <p className="muted small"><When at={r.submittedAt} zone={region} /></p>
        </li>
      ))}
    </ul>
  );
}
