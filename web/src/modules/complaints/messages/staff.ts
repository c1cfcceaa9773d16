// The complaints staff namespace: its screens' texts in both languages, one
// chunk loaded with its staff pages and administration sections (module.tsx).
import type { Texts } from '../../../i18n/index.js';
import type { citizenId } from './citizen.id.js';
import { staffId } from './staff.id.js';
import { staffEn } from './staff.en.js';

export const texts: Texts = { id: staffId, en: staffEn };

declare module '../../../i18n/index.js' {
  interface ModuleMessages extends Record<keyof typeof staffId | keyof typeof citizenId, true> {}
}
