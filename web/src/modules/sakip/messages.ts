// The e-SAKIP namespace: its screens' texts in both languages, one chunk
// loaded with its pages (module.ts).
import type { Texts } from '../../i18n/index.js';
import { sakipId } from './messages.id.js';
import { sakipEn } from './messages.en.js';

export const texts: Texts = { id: sakipId, en: sakipEn };

declare module '../../i18n/index.js' {
  interface ModuleMessages extends Record<keyof typeof sakipId, true> {}
}
