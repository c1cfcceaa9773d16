// The satisfaction index and each element's NRR as the regulation's tables
// give them: two decimals, since the bands turn on the second one (88.30 is
// B, 88.31 is A; the app's usual one decimal would show both as 88,3).
import type { Locale } from '../../../i18n/index.js';

const formats = new Map<Locale, Intl.NumberFormat>();

export function formatScore(x: number, locale: Locale): string {
  let f = formats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formats.set(locale, f);
  }
  return f.format(x);
}

const rupiahDigits = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** Whole rupiah the way bills and bank statements write them, in both languages: "Rp 750.000". */
export function formatRupiah(amount: number): string {
  return `Rp ${rupiahDigits.format(amount)}`;
}
