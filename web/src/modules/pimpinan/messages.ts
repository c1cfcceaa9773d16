// The leader's dashboard namespace: its page's texts in both languages, one
// chunk loaded with its page (module.ts).
import type { Texts } from '../../i18n/index.js';
import { pimpinanId } from './messages.id.js';
import { pimpinanEn } from './messages.en.js';
import { pimpinanPublikId } from './messages.publik.id.js';
import { pimpinanPublikEn } from './messages.publik.en.js';

export const texts: Texts = { id: { ...pimpinanId, ...pimpinanPublikId }, en: { ...pimpinanEn, ...pimpinanPublikEn } };

declare module '../../i18n/index.js' {
  interface ModuleMessages extends Record<keyof typeof pimpinanId | keyof typeof pimpinanPublikId, true> {}
}
