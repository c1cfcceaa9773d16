// Field rules shared by the server and the web form (no zod, so the browser
// bundle stays small): when a conditional field shows, a NIK's structure.
/** Whether a field is shown, given the answers of the (earlier) choice field it depends on. */
export function isShown(field: { showIf?: { field: string; in: string[] } }, answers: Record<string, unknown>): boolean {
  if (!field.showIf) return true;
  const v = answers[field.showIf.field];
  const chosen = typeof v === 'string' ? [v] : Array.isArray(v) ? v : [];
  return chosen.some((c) => field.showIf!.in.includes(c));
}

/** Whether y-m-d is a day of the Gregorian calendar. */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

/**
 * A NIK's structure without the registry: 16 digits, digits 7–12 a birth
 * date DDMMYY (women add 40 to the day), digits 13–16 not 0000. The century
 * is not in the number, so 29 February is valid only when one of 19YY/20YY is
 * a leap year (for YY = 00, 2000 is; no choice of century makes 1900 matter).
 */
export function nikStructure(nik: string): 'layanan.nik_length' | 'layanan.nik_birth_date' | 'layanan.nik_serial' | null {
  if (!/^\d{16}$/.test(nik)) return 'layanan.nik_length';
  let day = Number(nik.slice(6, 8));
  if (day > 40) day -= 40;
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  if (!isCalendarDate(1900 + yy, month, day) && !isCalendarDate(2000 + yy, month, day)) return 'layanan.nik_birth_date';
  if (nik.slice(12) === '0000') return 'layanan.nik_serial';
  return null;
}

/** The district code (kecamatan, dotted as in the area registry: 32.11.01) a NIK names in its first six digits. */
export const nikDistrict = (nik: string) => `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`;

