// Fills a message's {name} placeholders, and chooses among plural forms with
// the language's own rules (Intl.PluralRules, built into every browser):
//   '{n, plural, one {# question} other {# questions}}'
// '#' is the count; '=0 {…}' matches an exact number first. A library (ICU
// MessageFormat, i18next) would add 3–20 KB to the citizen's first download
// for these two rules (BENCHMARKS.md, "Web libraries").
import type { Locale } from './index.js';

const rules = new Map<Locale, Intl.PluralRules>();
const plural = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const branch = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

export function formatMessage(message: string, vars: Record<string, string | number>, locale: Locale): string {
  const withPlurals = message.replace(plural, (whole, name: string, branches: string) => {
    const n = Number(vars[name]);
    const forms = new Map([...branches.matchAll(branch)].map((m) => [m[1], m[2]]));
    let r = rules.get(locale);
    if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
    const form = forms.get(`=${n}`) ?? forms.get(r.select(n)) ?? forms.get('other');
    return form === undefined ? whole : form.replace(/#/g, String(vars[name]));
  });
  return withPlurals.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
