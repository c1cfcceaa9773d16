// The audit log: who did what to which record, when (in the region's time),
// newest first, a page at a time (?sebelum=<id> pages to older entries), in
// words: people and complaints by name and tracking code, statuses, roles,
// units and deadlines as the rest of the app says them. Filters by person,
// record and dates live in the address, so a filtered view can be shared.
import { type FormEvent, type ReactNode } from 'react';
import { regionApi } from '../../../api.js';
import { ErrorMessage, Loading, When } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { formatCalendarDate, formatNumber } from '../../../format.js';
import { useI18n, type MessageKey } from '../../../i18n/index.js';
import { Link, navigate, queryString, useLocation } from '../../../router.js';
import type { Category, RegionProfile, Unit } from '../../../types.js';
import type { ApiKeyRow, AuditEntry, Role, RoleCatalogue } from '../../../admin-types.js';

const PAGE = 50;
/** Filter names in the address (Indonesian, like the rest of the app's URLs) and in the API. */
const filters = [['orang', 'person'], ['catatan', 'record'], ['dari', 'from'], ['sampai', 'to']] as const;

export function AuditSection({ region }: { region: RegionProfile }) {
  const { t, has: known, pick, locale } = useI18n();
  const { path, query } = useLocation();
  const base = regionApi(region.code);
  const before = /^\d+$/.test(query.get('sebelum') ?? '') ? query.get('sebelum')! : undefined;
  const chosen = Object.fromEntries(filters.map(([param]) => [param, query.get(param) ?? ''])) as Record<(typeof filters)[number][0], string>;
  const apiFilter = Object.fromEntries(filters.map(([param, name]) => [name, chosen[param]]));
  const entries = useStaffApi<AuditEntry[]>(`${base}/audit${queryString({ ...apiFilter, before, limit: PAGE })}`);
  // Names for the records the log keeps by id (units, categories, keys never disappear).
  const units = useStaffApi<Unit[]>(`${base}/units`);
  const categories = useStaffApi<Category[]>(`${base}/admin/categories`);
  const keys = useStaffApi<ApiKeyRow[]>(`${base}/api-keys`);
  // Role names in words come from the installation's role catalogue, as the server names them.
  const catalogue = useStaffApi<RoleCatalogue>('/api/roles');
  const roleWord = (role: string) => {
    const info = catalogue.data?.roles.find((r) => r.name === role);
    return info ? pick(info.label) : role;
  };
  const unitName = (id: unknown) => units.data?.find((u) => u.id === id)?.name ?? String(id);
  const categoryName = (id: unknown) => {
    const c = categories.data?.find((k) => k.id === id);
    return c ? pick({ id: c.nameId, en: c.nameEn }) : String(id);
  };
  const word = (key: string, fallback: string) => (known(key) ? t(key) : fallback);
  const number = (n: unknown) => (typeof n === 'number' ? formatNumber(n, locale) : String(n));

  // Each module names its actions in words (GET …/audit gives actionLabel); an unknown one shows its code.
  const action = (e: AuditEntry) => (e.actionLabel ? pick(e.actionLabel) : e.action);

  const duration = (amount: unknown, unit: unknown) => `${number(amount)} ${word(`admin.sla.unit.${String(unit)}`, String(unit))}`;

  /** An edit's changed fields, "Kelompok: Lingkungan → Kebersihan", from the entry's before and after. */
  const changes = (e: AuditEntry): string[] => {
    const before = (e.before ?? {}) as Record<string, unknown>;
    const after = (e.after ?? {}) as Record<string, unknown>;
    const unit = after.unit ?? before.unit;
    const value = (k: string, v: unknown): string => {
      if (v === null || v === undefined || v === '') return '—';
      if (typeof v === 'boolean') return t(v ? 'admin.audit.yes' : 'admin.audit.no');
      if (k === 'unitId') return unitName(v);
      if (k === 'amount' || k === 'targetAmount') return duration(v, unit);
      return String(v);
    };
    const fieldLabels: Record<string, MessageKey> = { unitId: 'admin.audit.unit', amount: 'admin.audit.deadline', targetAmount: 'admin.audit.targetShort', questions: 'admin.audit.questions' };
    return Object.keys(after).filter((k) => k !== 'unit').map((k) => {
      const field = `admin.categories.${k}`;
      const label = fieldLabels[k] ? t(fieldLabels[k]) : known(field) ? t(field) : k;
      // Questions are a list: say that they changed, not the list.
      return k === 'questions' ? `${label}: ${t('admin.audit.edited')}` : `${label}: ${value(k, before[k])} → ${value(k, after[k])}`;
    });
  };

  const record = (e: AuditEntry): ReactNode => {
    const kind = word(`admin.entity.${e.entity}`, e.entity);
    let name: ReactNode;
    switch (e.entity) {
      case 'complaint': name = <Link to={`/staff/${region.code}/complaints/${e.entityId}`} className="code-link">{e.recordLabel ?? e.entityId}</Link>; break;
      case 'user': name = e.subjectName && `${e.subjectName} (${e.subjectEmail})`; break;
      case 'unit': name = unitName(e.entityId); break;
      case 'category': name = categoryName(e.entityId); break;
      case 'api_key': name = keys.data?.find((k) => k.id === e.entityId)?.name; break;
      case 'invitation': name = invitedAddress(e); break;
      case 'holiday': name = /^\d{4}-\d{2}-\d{2}$/.test(e.entityId) ? formatCalendarDate(e.entityId, locale) : undefined; break;
      case 'region': name = e.entityId === region.code ? region.name : undefined; break;
      case 'spbe_target': case 'spbe_result': name = e.entityId; break;
      case 'sla': {
        const [category, stage] = e.entityId.split(':');
        name = `${category === 'default' ? t('admin.sla.default') : categoryName(category)} · ${word(`stage.${stage}`, stage)}`;
        break;
      }
    }
    return <>{kind}: {name ?? <span className="code">{e.entityId}</span>}</>;
  };

  /** An invitation is known by the address it went to (its row is gone once accepted or cancelled). */
  const invitedAddress = (e: AuditEntry) => {
    const email = (e.detail as { email?: unknown } | null)?.email;
    return typeof email === 'string' ? email : undefined;
  };

  /** What changed, in words: never a field name or an id. */
  const detail = (e: AuditEntry): string[] => {
    const raw = (e.detail ?? {}) as Record<string, unknown>;
    // Settings are kept per module ({ complaints: { … } }); older entries are flat.
    const d = e.action === 'region.settings' ? Object.assign({}, ...Object.entries(raw).map(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? v : { [k]: v }))) as Record<string, unknown> : raw;
    const out: string[] = [];
    for (const [k, v] of Object.entries(d)) {
      if (v === null || v === undefined) continue;
      switch (k) {
        case 'from': break; // said with `to`
        case 'to': out.push(t('admin.audit.statusChange', { from: word(`status.${String(d.from)}`, String(d.from)), to: word(`status.${String(v)}`, String(v)) })); break;
        case 'role': out.push(roleWord(String(v))); break;
        case 'unitId': out.push(unitName(v)); break;
        case 'categoryId': case 'stage': case 'date': break; // named by the record
        case 'amount': out.push(duration(v, d.unit)); break;
        case 'unit': break; // said with `amount`
        case 'targetAmount': out.push(t('admin.audit.target', { d: duration(v, d.unit) })); break;
        case 'kind': out.push(word(`admin.holidays.kind.${String(v)}`, String(v))); break;
        case 'reopenWindowDays': out.push(t('admin.audit.reopen', { n: number(v) })); break;
        case 'publicStatistics': out.push(t(v ? 'admin.audit.statsOn' : 'admin.audit.statsOff')); break;
        case 'escalation': out.push(t('admin.audit.ladder', {
          steps: (v as { role: Role; afterHours: number }[]).map((s) => t('admin.audit.step', { role: roleWord(s.role), n: number(s.afterHours) })).join(', '),
        })); break;
        case 'targetIndex': out.push(t('admin.audit.targetIndex', { n: number(v) })); break;
        case 'outOfReach': if (Array.isArray(v) && v.length) out.push(t('admin.audit.outOfReach', { list: v.join(', ') })); break;
        case 'code': out.push(t('admin.audit.code', { code: String(v) })); break;
        case 'email': if (e.entity !== 'invitation') out.push(String(v)); break; // an invitation is named by it already
        default: out.push(typeof v === 'object' ? JSON.stringify(v) : String(v));
      }
    }
    return out;
  };

  const filter = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    navigate(`${path}${queryString(Object.fromEntries(filters.map(([param]) => [param, String(data.get(param) ?? '').trim()])))}`);
  };
  const filtered = filters.some(([param]) => chosen[param]);
  const rows = entries.data ?? [];
  const last = rows.at(-1);
  const here = (extra: Record<string, string | undefined>) => `${path}${queryString({ ...chosen, ...extra })}`;
  return (
    <>
      <p>{t('admin.audit.intro')}</p>
      <form className="card audit-filter" onSubmit={filter} aria-label={t('admin.audit.filter')} key={query.toString()}>
        <div className="filter-fields">
          <div className="field">
            <label htmlFor="audit-person">{t('admin.audit.person')}</label>
            <input id="audit-person" name="orang" defaultValue={chosen.orang} maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="audit-record">{t('admin.audit.record')}</label>
            <input id="audit-record" name="catatan" defaultValue={chosen.catatan} maxLength={100} placeholder="ADU-XXXX-XXXX" autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="audit-from">{t('admin.audit.from')}</label>
            <input id="audit-from" name="dari" type="date" defaultValue={chosen.dari} />
          </div>
          <div className="field">
            <label htmlFor="audit-to">{t('admin.audit.to')}</label>
            <input id="audit-to" name="sampai" type="date" defaultValue={chosen.sampai} />
          </div>
        </div>
        <div className="row-actions">
          <button type="submit" className="button">{t('admin.audit.apply')}</button>
          {filtered && <Link to={path} className="button secondary">{t('admin.audit.clear')}</Link>}
        </div>
      </form>
      <ErrorMessage error={entries.error} />
      {entries.loading && <Loading />}
      {entries.data?.length === 0 && <p className="muted">{t(filtered ? 'admin.audit.noMatch' : 'admin.audit.empty')}</p>}
      <ol className="plain cards audit">
        {rows.map((e) => {
          // An edit of a record says what changed; other actions say what they did.
          const more = e.before && e.action !== 'region.settings' ? changes(e) : detail(e);
          return (
            <li key={e.id} className="card row-card audit-entry">
              <div className="row-head">
                <strong>{action(e)}</strong>
                <span className="muted small"><When at={e.at} zone={region} /></span>
              </div>
              <p className="small">{record(e)}</p>
              <p className="muted small">{t('admin.audit.by', { who: e.actorName ? `${e.actorName} (${e.actorLabel})` : e.actorLabel })}</p>
              {more.length > 0 && <p className="small detail">{more.join(' · ')}</p>}
            </li>
          );
        })}
      </ol>
      {(before || rows.length === PAGE) && (
        <nav className="pager" aria-label={t('admin.audit.paging')}>
          {before ? <Link to={here({})}>{t('admin.audit.newest')}</Link> : <span />}
          {rows.length === PAGE && last ? <Link to={here({ sebelum: String(last.id) })} rel="next">{t('admin.audit.older')}</Link> : <span />}
        </nav>
      )}
    </>
  );
}
