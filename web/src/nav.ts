// Staff navigation: one entry per page, shown when the user holds its
// permission in the region (from /api/auth/me → regions[].actions).
// Admin and dashboard pages add their entries here and their routes in routes.tsx.
import type { MessageKey } from './i18n/index.js';
import type { Permission } from './types.js';

export interface NavEntry {
  label: MessageKey;
  href: (region: string) => string;
  permission: Permission;
}

export const staffNav: NavEntry[] = [
  { label: 'nav.inbox', href: (r) => `/staff/${r}`, permission: 'complaint.list' },
  { label: 'nav.counter', href: (r) => `/staff/${r}/loket`, permission: 'complaint.file_for_citizen' },
];
