// The public-services namespace: its pages' texts in both languages, one
// chunk loaded with its pages (module.ts).
import type { Texts } from '../../i18n/index.js';
import { layananId } from './messages.id.js';
import { layananEn } from './messages.en.js';

export const texts: Texts = { id: layananId, en: layananEn };

declare module '../../i18n/index.js' {
  interface ModuleMessages extends Record<keyof typeof layananId, true> {}
}
