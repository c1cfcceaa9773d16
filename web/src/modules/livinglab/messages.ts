// The Living Lab namespace: its pages' texts in both languages, one chunk
// loaded with its pages (module.ts).
import type { Texts } from '../../i18n/index.js';
import { livinglabId } from './messages.id.js';
import { livinglabEn } from './messages.en.js';

export const texts: Texts = { id: livinglabId, en: livinglabEn };

declare module '../../i18n/index.js' {
  interface ModuleMessages extends Record<keyof typeof livinglabId, true> {}
}
