// The SPBE namespace: its screens' texts in both languages, one chunk loaded
// with its pages (module.ts), never with the complaints screens.
import type { Texts } from '../../i18n/index.js';
import { spbeId } from './messages.id.js';
import { spbeEn } from './messages.en.js';

export const texts: Texts = { id: spbeId, en: spbeEn };

declare module '../../i18n/index.js' {
  interface ModuleMessages extends Record<keyof typeof spbeId, true> {}
}
