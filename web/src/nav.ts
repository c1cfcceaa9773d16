// Staff navigation: one entry per page, shown when the user holds its
// permission in the region (from /api/auth/me → regions[].actions).
// Admin and dashboard pages add their entries here and their routes in routes.tsx.
import type { MessageKey } from './i18n/index.js';
import type { Permission } from './types.js';

export interface NavEntry {
  label: MessageKey;
  href: (region: string) => string;
  permission: Permission;
  /** Shown in a province only (the roll-up of its kabupaten/kota). */
  provinceOnly?: boolean;
}

export const staffNav: NavEntry[] = [
  { label: 'nav.inbox', href: (r) => `/staff/${r}`, permission: 'complaint.list' },
  { label: 'nav.counter', href: (r) => `/staff/${r}/loket`, permission: 'complaint.file_for_citizen' },
  { label: 'dash.nav.dashboard', href: (r) => `/staff/${r}/dasbor`, permission: 'dashboard.read' },
  { label: 'dash.nav.province', href: (r) => `/staff/${r}/provinsi`, permission: 'dashboard.read', provinceOnly: true },
  { label: 'admin.nav.admin', href: (r) => `/staff/${r}/admin`, permission: 'region.admin' },
  { label: 'admin.nav.audit', href: (r) => `/staff/${r}/admin/audit`, permission: 'audit.read' },
  { label: 'spbe.nav.menu', href: (r) => `/staff/${r}/spbe`, permission: 'spbe.read' },
];
