// Region administration: a page per section under /staff/:region/admin/…, and
// a menu of the sections. Sections need region.admin; the audit log audit.read.
import type { ComponentType, ReactNode } from 'react';
import type { AdminSection } from '../../../contract.js';
import { RegionGate } from '../../../components/RegionGate.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import { PageTitle } from '../../../components/ui.js';
import { loadTexts, useI18n, type MessageKey } from '../../../i18n/index.js';
import { modules } from '../../../modules.js';
import { Link, useLocation, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { Permission, RegionProfile } from '../../../types.js';
import { UnitsSection } from './Units.js';
import { StaffSection } from './Staff.js';
import { HolidaysSection } from './Holidays.js';
import { loadSettingsParts, SettingsSection } from './Settings.js';
import { ApiKeysSection } from './ApiKeys.js';
import { AuditSection } from './Audit.js';

type Section = Omit<AdminSection, 'load'> & { component: ComponentType<{ region: RegionProfile }> };
const platform = (slug: string, component: Section['component'], permission: Permission = 'region.admin'): Section => ({ slug, permission, component });
/** The platform's sections around each module's (its module.ts `admin`), in menu order; set by loadAdminPage. */
let sections: Section[] = [];

/** The page once the modules' sections, settings forms and texts are there (the index names their sections, the audit log words their records). */
export async function loadAdminPage() {
  const [own] = await Promise.all([
    Promise.all(modules.flatMap((m) => m.admin ?? []).map(async (s) => ({ ...s, component: await s.load() }))),
    loadSettingsParts(),
    loadTexts(...modules.filter((m) => m.admin || m.settings).map((m) => m.texts)),
  ]);
  sections = [
    platform('unit', UnitsSection), platform('pegawai', StaffSection), ...own, platform('hari-libur', HolidaysSection),
    platform('pengaturan', SettingsSection), platform('kunci-api', ApiKeysSection), platform('audit', AuditSection, 'audit.read'),
  ];
  return AdminPage;
}
const title = (slug: string) => `admin.section.${slug}` as MessageKey;

function AdminPage({ params }: { params: Params }) {
  const { t } = useI18n();
  const slug = params.section;
  const section = slug === undefined ? undefined : sections.find((s) => s.slug === slug);
  if (slug !== undefined && !section) {
    return <StaffOnly region={params.region} permission="region.admin"><p className="alert alert-error" role="alert">{t('admin.notFound')}</p></StaffOnly>;
  }
  return (
    <StaffOnly region={params.region} permission={section ? section.permission : 'region.admin'}>
      <RegionGate code={params.region}>
        {(region) => section ? (
          <Shell region={region} slug={section.slug}><section.component region={region} /></Shell>
        ) : <Index region={region} />}
      </RegionGate>
    </StaffOnly>
  );
}

/** The sections this user may open in the region. */
function useSections(region: RegionProfile): string[] {
  const { me } = useSession();
  return sections.filter((s) => may(me, region.code, s.permission)).map((s) => s.slug);
}

function Index({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('admin.title')}>{t('admin.title')}</PageTitle>
      <p>{t('admin.intro')}</p>
      <ul className="plain cards admin-index">
        {useSections(region).map((s) => (
          <li key={s} className="card">
            <Link to={`/staff/${region.code}/admin/${s}`} className="row-title">{t(title(s))}</Link>
            <p className="muted small">{t(`${title(s)}.hint` as MessageKey)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

function Shell({ region, slug, children }: { region: RegionProfile; slug: string; children: ReactNode }) {
  const { t } = useI18n();
  const { path } = useLocation();
  return (
    <>
      <nav aria-label={t('admin.sections')}>
        <ul className="plain subnav">
          {useSections(region).map((s) => {
            const href = `/staff/${region.code}/admin/${s}`;
            return <li key={s}><Link to={href} aria-current={path === href ? 'page' : undefined}>{t(title(s))}</Link></li>;
          })}
        </ul>
      </nav>
      <PageTitle title={t(title(slug))}>{t(title(slug))}</PageTitle>
      {children}
    </>
  );
}
