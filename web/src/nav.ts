// The staff menu: the platform's entries, then each module's (modules.ts).
import type { NavEntry } from './contract.js';
import { modules } from './modules.js';

export const staffNav: NavEntry[] = [
  ...modules.flatMap((m) => m.menu ?? []),
  { label: { id: 'Administrasi', en: 'Administration' }, href: (r) => `/staff/${r}/admin`, permission: 'region.admin' },
  { label: { id: 'Log audit', en: 'Audit log' }, href: (r) => `/staff/${r}/admin/audit`, permission: 'audit.read' },
];
