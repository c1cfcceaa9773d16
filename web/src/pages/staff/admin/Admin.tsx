// Region administration: a page per section under /staff/:region/admin/…, and
// a menu of the sections. Sections need region.admin; the audit log audit.read.
import type { ComponentType, ReactNode } from 'react';
import { RegionGate } from '../../../components/RegionGate.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import { PageTitle } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, useLocation, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { Permission, RegionProfile } from '../../../types.js';
import { UnitsSection } from './Units.js';
import { StaffSection } from './Staff.js';
import { CategoriesSection } from './Categories.js';
import { RoutingSection } from './Routing.js';
import { DeadlinesSection } from './Deadlines.js';
import { HolidaysSection } from './Holidays.js';
import { SettingsSection } from './Settings.js';
import { ApiKeysSection } from './ApiKeys.js';
import { AuditSection } from './Audit.js';

const slugs = ['unit', 'pegawai', 'kategori', 'disposisi', 'batas-waktu', 'hari-libur', 'pengaturan', 'kunci-api', 'audit'] as const;
type Slug = (typeof slugs)[number];

const sections: Record<Slug, { permission: Permission; component: ComponentType<{ region: RegionProfile }> }> = {
  unit: { permission: 'region.admin', component: UnitsSection },
  pegawai: { permission: 'region.admin', component: StaffSection },
  kategori: { permission: 'region.admin', component: CategoriesSection },
  disposisi: { permission: 'region.admin', component: RoutingSection },
  'batas-waktu': { permission: 'region.admin', component: DeadlinesSection },
  'hari-libur': { permission: 'region.admin', component: HolidaysSection },
  pengaturan: { permission: 'region.admin', component: SettingsSection },
  'kunci-api': { permission: 'region.admin', component: ApiKeysSection },
  audit: { permission: 'audit.read', component: AuditSection },
};

const isSlug = (s: string | undefined): s is Slug => (slugs as readonly string[]).includes(s ?? '');

export function AdminPage({ params }: { params: Params }) {
  const { t } = useI18n();
  const slug = params.section;
  if (slug !== undefined && !isSlug(slug)) {
    return <StaffOnly region={params.region} permission="region.admin"><p className="alert alert-error" role="alert">{t('admin.notFound')}</p></StaffOnly>;
  }
  const section = slug && sections[slug];
  return (
    <StaffOnly region={params.region} permission={section ? section.permission : 'region.admin'}>
      <RegionGate code={params.region}>
        {(region) => section ? (
          <Shell region={region} slug={slug}><section.component region={region} /></Shell>
        ) : <Index region={region} />}
      </RegionGate>
    </StaffOnly>
  );
}

/** The sections this user may open in the region. */
function useSections(region: RegionProfile): Slug[] {
  const { me } = useSession();
  return slugs.filter((s) => may(me, region.code, sections[s].permission));
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
            <Link to={`/staff/${region.code}/admin/${s}`} className="row-title">{t(`admin.section.${s}`)}</Link>
            <p className="muted small">{t(`admin.section.${s}.hint`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

function Shell({ region, slug, children }: { region: RegionProfile; slug: Slug; children: ReactNode }) {
  const { t } = useI18n();
  const { path } = useLocation();
  return (
    <>
      <nav aria-label={t('admin.sections')}>
        <ul className="plain subnav">
          {useSections(region).map((s) => {
            const href = `/staff/${region.code}/admin/${s}`;
            return <li key={s}><Link to={href} aria-current={path === href ? 'page' : undefined}>{t(`admin.section.${s}`)}</Link></li>;
          })}
        </ul>
      </nav>
      <PageTitle title={t(`admin.section.${slug}`)}>{t(`admin.section.${slug}`)}</PageTitle>
      {children}
    </>
  );
}
