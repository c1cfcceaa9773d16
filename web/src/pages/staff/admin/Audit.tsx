// The audit log: who did what to which record, when (in the region's time),
// newest first, a page at a time (?sebelum=<id> pages to older entries).
import type { ReactNode } from 'react';
import { regionApi } from '../../../api.js';
import { ErrorMessage, Loading, When } from '../../../components/ui.js';
import { useApi } from '../../../data.js';
import { formatCalendarDate } from '../../../format.js';
import { id } from '../../../i18n/id.js';
import { staffTexts } from '../../../i18n/staff.js';
import { useI18n, type MessageKey } from '../../../i18n/index.js';
import { Link, queryString, useLocation } from '../../../router.js';
import type { Category, RegionProfile, Unit } from '../../../types.js';
import type { ApiKeyRow, AuditEntry, Role, StaffGrant } from '../../../admin-types.js';

const PAGE = 50;
const known = (key: string): key is MessageKey => key in id || key in staffTexts.id;

export function AuditSection({ region }: { region: RegionProfile }) {
  const { t, pick, locale } = useI18n();
  const { path, query } = useLocation();
  const base = regionApi(region.code);
  const before = /^\d+$/.test(query.get('sebelum') ?? '') ? query.get('sebelum')! : undefined;
  const entries = useApi<AuditEntry[]>(`${base}/audit${queryString({ before, limit: PAGE })}`);
  // Names for the records, where this page can know them (ids otherwise).
  const units = useApi<Unit[]>(`${base}/units`);
  const categories = useApi<Category[]>(`${base}/admin/categories`);
  const staff = useApi<StaffGrant[]>(`${base}/staff`);
  const keys = useApi<ApiKeyRow[]>(`${base}/api-keys`);
  const unitName = (id: unknown) => units.data?.find((u) => u.id === id)?.name;
  const categoryName = (id: unknown) => {
    const c = categories.data?.find((k) => k.id === id);
    return c && pick({ id: c.nameId, en: c.nameEn });
  };

  const action = (e: AuditEntry) => {
    const key = `admin.action.${e.action}`;
    if (known(key)) return t(key);
    const verb = /^complaint\.(\w+)$/.exec(e.action)?.[1];
    if (verb) {
      const label = [`action.${verb}`, `action.${verb}Title`].find(known);
      return t('admin.action.complaint', { action: label ? t(label) : verb });
    }
    return e.action;
  };

  const record = (e: AuditEntry): ReactNode => {
    const entity = `admin.entity.${e.entity}`;
    const kind = known(entity) ? t(entity) : e.entity;
    let name: ReactNode;
    switch (e.entity) {
      case 'unit': name = unitName(e.entityId); break;
      case 'category': name = categoryName(e.entityId); break;
      case 'user': {
        const person = staff.data?.find((g) => g.userId === e.entityId);
        name = person && `${person.name} (${person.email})`;
        break;
      }
      case 'api_key': name = keys.data?.find((k) => k.id === e.entityId)?.name; break;
      case 'invitation': name = invitedAddress(e); break;
      case 'holiday': name = /^\d{4}-\d{2}-\d{2}$/.test(e.entityId) ? formatCalendarDate(e.entityId, locale) : undefined; break;
      case 'region': name = e.entityId === region.code ? region.name : undefined; break;
      case 'sla': {
        const [category, stage] = e.entityId.split(':');
        const stageKey = `stage.${stage}`;
        name = `${category === 'default' ? t('admin.sla.default') : categoryName(category) ?? category} · ${known(stageKey) ? t(stageKey) : stage}`;
        break;
      }
      case 'complaint': name = <Link to={`/staff/${region.code}/complaints/${e.entityId}`}>{e.entityId.slice(0, 8)}</Link>; break;
    }
    return <>{kind}: {name ?? <span className="code">{e.entityId}</span>}</>;
  };

  /** An invitation is known by the address it went to (its row is gone once accepted or cancelled). */
  const invitedAddress = (e: AuditEntry) => {
    const email = (e.detail as { email?: unknown } | null)?.email;
    return typeof email === 'string' ? email : undefined;
  };

  /** The detail's fields in words, roles and units by name. */
  const detail = (e: AuditEntry) => Object.entries((e.detail ?? {}) as Record<string, unknown>).map(([k, v]) => {
    if (k === 'email' && e.entity === 'invitation') return null;
    if (k === 'role' && typeof v === 'string' && known(`admin.role.${v}`)) return t(`admin.role.${v as Role}`);
    if (k === 'unitId') return v ? unitName(v) ?? String(v) : null;
    if (k === 'categoryId') return v ? categoryName(v) ?? String(v) : null;
    return `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`;
  }).filter(Boolean).join(' · ');

  const rows = entries.data ?? [];
  const last = rows.at(-1);
  return (
    <>
      <p>{t('admin.audit.intro')}</p>
      <ErrorMessage error={entries.error} />
      {entries.loading && <Loading />}
      {entries.data?.length === 0 && <p className="muted">{t('admin.audit.empty')}</p>}
      <ol className="plain cards audit">
        {rows.map((e) => {
          const more = detail(e);
          return (
            <li key={e.id} className="card row-card audit-entry">
              <div className="row-head">
                <strong>{action(e)}</strong>
                <span className="muted small"><When at={e.at} zone={region} /></span>
              </div>
              <p className="small">{record(e)}</p>
              <p className="muted small">{t('admin.audit.by', { who: e.actorLabel })}</p>
              {more && <p className="small detail">{more}</p>}
            </li>
          );
        })}
      </ol>
      {(before || rows.length === PAGE) && (
        <nav className="pager" aria-label={t('admin.audit.paging')}>
          {before ? <Link to={path}>{t('admin.audit.newest')}</Link> : <span />}
          {rows.length === PAGE && last ? <Link to={`${path}?sebelum=${last.id}`} rel="next">{t('admin.audit.older')}</Link> : <span />}
        </nav>
      )}
    </>
  );
}
