// Bahasa Indonesia by default, English on request. The choice lives in the
// pamong_lang cookie so the API answers (errors included) in the same language.
// Texts come in namespaces loaded on demand (loadTexts): the platform's staff
// screens (staff.ts) and each module's (its module.ts names the loader), so a
// citizen's first download carries none of them, and the complaints inbox
// none of the SPBE texts. A module's citizen texts are in the first download
// (addFirstTexts, from the registry in main.tsx). The English dictionary is a
// chunk too (loaded before the first render when the cookie asks for it, or
// when a person switches), so a citizen's first download carries one language.
import { createContext, useCallback, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { setApiLanguage } from '../api.js';
import { formatMessage } from './message.js';
import { id, type Messages } from './id.js';
import type { StaffKey } from './staff.js';

export type Locale = 'id' | 'en';
/**
 * The keys of the modules' texts: each module's messages declare theirs,
 * `declare module '…/i18n/index.js' { interface ModuleMessages extends Record<keyof typeof myId, true> {} }`.
 */
export interface ModuleMessages {}
export type MessageKey = keyof Messages | StaffKey | keyof ModuleMessages;
type Dictionary = Record<string, string>;
/** A namespace's texts in both languages. */
export interface Texts {
  id: Dictionary;
  en: Dictionary;
}
/** A namespace: its texts, loaded on demand, once. */
export type Namespace = () => Promise<Texts>;

const dictionaries: Record<Locale, Dictionary> = { id: { ...id }, en: {} };
const firstEnglish: (() => Promise<Dictionary>)[] = [];

/** A module's texts in the first download: Indonesian now, English with the English dictionary. */
export function addFirstTexts(texts: { id: Dictionary; en: () => Promise<Dictionary> }): void {
  Object.assign(dictionaries.id, texts.id);
  firstEnglish.push(texts.en);
}

let english: Promise<void> | null = null;

/** Loads the English dictionary once (the namespaces bring their own English). */
export function loadEnglish(): Promise<void> {
  english ??= Promise.all([import('./en.js').then((m) => m.en as Dictionary), ...firstEnglish.map((load) => load())]).then(
    (parts) => {
      Object.assign(dictionaries.en, ...parts);
    },
    (e: unknown) => {
      english = null;
      throw e;
    },
  );
  return english;
}

const namespaces = new Map<Namespace, Promise<void>>();
let arrived = 0;
const listeners = new Set<() => void>();

/** Loads namespaces once each; a page using their texts awaits this first. */
export function loadTexts(...wanted: Namespace[]): Promise<void> {
  return Promise.all(wanted.map((ns) => {
    let loading = namespaces.get(ns);
    if (!loading) {
      loading = ns().then(
        (texts) => {
          Object.assign(dictionaries.id, texts.id);
          Object.assign(dictionaries.en, texts.en);
          arrived++;
          for (const l of listeners) l();
        },
        (e: unknown) => {
          namespaces.delete(ns); // a later page may try again
          throw e;
        },
      );
      namespaces.set(ns, loading);
    }
    return loading;
  })).then(() => undefined);
}

/** The platform's staff screens: signing in, accounts, notifications, administration. */
export const staffTexts: Namespace = () => import('./staff.js').then((m) => m.staffTexts);

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Text the API gives in both languages. */
export interface Bilingual {
  id: string;
  en: string;
}

export function cookieLocale(): Locale {
  const m = /(?:^|;\s*)pamong_lang=(id|en)\b/.exec(document.cookie);
  return m ? (m[1] as Locale) : 'id';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  t: Translate;
  /** Whether a key has a text (its namespace loaded). */
  has: (key: string) => key is MessageKey;
  pick: (text: Bilingual) => string;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(cookieLocale);
  // Texts arriving re-render every reader.
  const count = useSyncExternalStore(subscribe, () => arrived);
  const setLocale = useCallback((next: Locale) => {
    document.cookie = `pamong_lang=${next}; path=/; max-age=31536000; samesite=lax`;
    // Switch once the words are there; Indonesian is always loaded.
    void (next === 'en' ? loadEnglish() : Promise.resolve()).then(() => {
      document.documentElement.lang = next;
      setLocaleState(next);
    });
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[locale];
    document.documentElement.lang = locale;
    setApiLanguage(locale);
    const text = (key: MessageKey) => dict[key] ?? '';
    return {
      locale,
      setLocale,
      has: (key): key is MessageKey => key in dict,
      t: (key, vars) => (vars ? formatMessage(text(key), vars, locale) : text(key)),
      pick: (text) => text[locale] || text.id,
    };
  }, [locale, setLocale, count]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
