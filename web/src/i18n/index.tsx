// Bahasa Indonesia by default, English on request. The choice lives in the
// pamong_lang cookie so the API answers (errors included) in the same language.
// The staff screens' texts (staff.ts) are a chunk of their own, loaded with
// those screens (loadStaffTexts), and so is the English dictionary (loaded
// before the first render when the cookie asks for it, or when a person
// switches), so a citizen's first download carries one language only.
import { createContext, useCallback, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { setApiLanguage } from '../api.js';
import { formatMessage } from './message.js';
import { id, type Messages } from './id.js';
import type { StaffKey } from './staff.js';

export type Locale = 'id' | 'en';
export type MessageKey = keyof Messages | StaffKey;
const dictionaries: Record<Locale, Partial<Record<MessageKey, string>>> = { id: { ...id }, en: {} };

let english: Promise<void> | null = null;

/** Loads the English dictionary once (its staff part comes with loadStaffTexts). */
export function loadEnglish(): Promise<void> {
  english ??= import('./en.js').then(
    (m) => {
      Object.assign(dictionaries.en, m.en);
    },
    (e: unknown) => {
      english = null;
      throw e;
    },
  );
  return english;
}

let staffTexts: Promise<void> | null = null;
let staffLoaded = false;
const listeners = new Set<() => void>();

/** Loads the staff screens' texts once; every page using them awaits this first. */
export function loadStaffTexts(): Promise<void> {
  staffTexts ??= import('./staff.js').then(
    (m) => {
      Object.assign(dictionaries.id, m.staffTexts.id);
      Object.assign(dictionaries.en, m.staffTexts.en);
      staffLoaded = true;
      for (const l of listeners) l();
    },
    (e: unknown) => {
      staffTexts = null; // a later page may try again
      throw e;
    },
  );
  return staffTexts;
}

const subscribeStaff = (listener: () => void) => {
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
  pick: (text: Bilingual) => string;
  setLocale: (locale: Locale) => void;
  /** Whether the staff screens' texts are there (see loadStaffTexts). */
  staffTexts: boolean;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(cookieLocale);
  const staff = useSyncExternalStore(subscribeStaff, () => staffLoaded);
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
      staffTexts: staff,
      t: (key, vars) => (vars ? formatMessage(text(key), vars, locale) : text(key)),
      pick: (text) => text[locale] || text.id,
    };
  }, [locale, setLocale, staff]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
