// The correspondence namespace: its pages' texts in both languages, one chunk
// loaded with its pages (module.ts).
import type { Texts } from '../../i18n/index.js';
import { suratId } from './messages.id.js';
import { suratEn } from './messages.en.js';

export const texts: Texts = { id: suratId, en: suratEn };

declare module '../../i18n/index.js' {
  interface ModuleMessages extends Record<keyof typeof suratId, true> {}
}
