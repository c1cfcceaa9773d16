// What a module gives the web app. Each module declares it in its own folder
// (web/src/modules/<name>/module.ts) and is one line in the registry
// (modules.ts); the route table, the staff menu, the administration and the
// texts read it from there, so adding a module touches nothing else.
// Everything a citizen's first visit does not need is loaded on demand: the
// module's staff pages (staffPage), its administration sections and settings
// form (with the administration) and its texts' namespace.
import type { ComponentType } from 'react';
import type { Bilingual, Namespace } from './i18n/index.js';
import type { RouteDef } from './router.js';
import type { Permission, RegionProfile } from './types.js';
import type { RegionSettings, RoleCatalogue } from './admin-types.js';

/** A staff menu entry, shown when the user holds its permission in the region (/api/auth/me → regions[].actions). */
export interface NavEntry {
  /** In both languages: the menu shows before any namespace has loaded. */
  label: Bilingual;
  href: (region: string) => string;
  permission: Permission;
  /** Shown in a province only (the roll-up of its kabupaten/kota). */
  provinceOnly?: boolean;
}

/**
 * A section of the region administration, at /staff/:region/admin/<slug>; its title and hint are the
 * texts `admin.section.<slug>` and `admin.section.<slug>.hint`. The administration loads it (and the
 * module's texts) with itself.
 */
export interface AdminSection {
  slug: string;
  permission: Permission;
  load: () => Promise<ComponentType<{ region: RegionProfile }>>;
}

/** A module's part of the region's settings form (GET/PUT …/settings, under the module's name). */
export type SettingsPart = ComponentType<{ url: string; settings: RegionSettings; catalogue: RoleCatalogue }>;

export interface WebModule {
  /** As on the server: the key of its settings, the prefix of its texts. */
  name: string;
  /** Its pages: in the first download only those a citizen's first visit needs, staff pages with staffPage() (in the server-state cache), other lazy ones with lazyPage(). */
  routes: RouteDef[];
  /** Its staff screens' texts, loaded with its pages and sections. */
  texts: Namespace;
  /** Texts its first-download pages need: Indonesian in the first download, English with the English dictionary. */
  firstTexts?: { id: Record<string, string>; en: () => Promise<Record<string, string>> };
  menu?: NavEntry[];
  /** Where holders of its roles land after signing in (unless a role listed earlier in landing.ts says otherwise). */
  landing?: { roles: string[]; href: (region: string, role: string) => string };
  admin?: AdminSection[];
  settings?: () => Promise<SettingsPart>;
}
