// Pure facts about Indonesian administrative areas: names, kinds, time zones.

export type AreaLevel = 'province' | 'regency' | 'district' | 'village';
export type TimeZone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

// Province codes (Kemendagri) east of the WIB line.
const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

export function timezoneOf(code: string): TimeZone {
  const province = code.slice(0, 2);
  if (WIT.has(province)) return 'Asia/Jayapura';
  if (WITA.has(province)) return 'Asia/Makassar';
  return 'Asia/Jakarta';
}

/** Offset from UTC in minutes. Indonesia keeps no daylight saving time. */
export const utcOffsetMinutes: Record<TimeZone, number> = {
  'Asia/Jakarta': 7 * 60,
  'Asia/Makassar': 8 * 60,
  'Asia/Jayapura': 9 * 60,
};

export const timezoneLabel: Record<TimeZone, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

export function levelOf(code: string): AreaLevel {
  const parts = code.split('.').length;
  return (['province', 'regency', 'district', 'village'] as const)[parts - 1];
}

export function parentOf(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}

const SMALL_WORDS = new Set(['dan', 'di']);
/** "KABUPATEN SUMEDANG" -> "Kabupaten Sumedang"; keeps DKI and roman numerals. */
export function titleCase(name: string): string {
  return name
    .toLowerCase()
    .split(/(\s+|-|\()/)
    .map((w, i) => {
      if (/^(dki|diy|ii|iii|iv|vi|vii|viii|ix|x|xi|xii)$/.test(w)) return w.toUpperCase();
      if (i > 0 && SMALL_WORDS.has(w)) return w;
      return w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join('');
}

/** Kind of a regency-level area from its official name. */
export function regencyKind(officialName: string): 'kabupaten' | 'kota' {
  return /^KOTA\b/i.test(officialName) ? 'kota' : 'kabupaten';
}

/** Village codes starting with 1 are kelurahan, with 2 desa (Permendagri numbering). */
export function villageKind(code: string): 'kelurahan' | 'desa' {
  return code.split('.')[3]?.startsWith('1') ? 'kelurahan' : 'desa';
}
