// Indonesian first; English when the caller asks for it.
export type Locale = 'id' | 'en';

/** Picks the locale from ?lang=, the pamong_lang cookie, then Accept-Language. */
export function pickLocale(query: unknown, cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  const q = (query as { lang?: unknown } | undefined)?.lang;
  if (q === 'en' || q === 'id') return q;
  if (cookie === 'en' || cookie === 'id') return cookie;
  if (acceptLanguage && /^\s*en\b/i.test(acceptLanguage)) return 'en';
  return 'id';
}

export type Text = { id: string; en: string };
export const t = (text: Text, locale: Locale) => text[locale];
