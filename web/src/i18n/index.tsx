// Bahasa Indonesia by default, English on request. The choice lives in the
// pamong_lang cookie so the API answers (errors included) in the same language.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api.js';
import { id, type MessageKey } from './id.js';
import { en } from './en.js';

export type Locale = 'id' | 'en';
export type { MessageKey };
const dictionaries = { id, en };

/** Text the API gives in both languages. */
export interface Bilingual {
  id: string;
  en: string;
}

function cookieLocale(): Locale {
  const m = /(?:^|;\s*)pamong_lang=(id|en)\b/.exec(document.cookie);
  return m ? (m[1] as Locale) : 'id';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  t: Translate;
  pick: (text: Bilingual) => string;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(cookieLocale);
  const setLocale = useCallback((next: Locale) => {
    document.cookie = `pamong_lang=${next}; path=/; max-age=31536000; samesite=lax`;
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[locale];
    document.documentElement.lang = locale;
    setApiLanguage(locale);
    return {
      locale,
      setLocale,
      t: (key, vars) => (vars ? dict[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? '')) : dict[key]),
      pick: (text) => text[locale] || text.id,
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
