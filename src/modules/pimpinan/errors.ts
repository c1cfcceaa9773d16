// The leader's dashboard's error codes (part of the API contract: never renamed).
import type { ErrorEntry } from '../../platform/errors.js';

export const pimpinanErrors = {
  'pimpinan.trend_not_found': [404, 'Tren ini tidak ada: bukan ukuran yang menjadi tren salah satu angka di halaman pimpinan.', 'No such trend: it is not the measure behind one of the leader\'s page figures.'],
  'pimpinan.trend_period': [422, 'Ukuran ini tidak dihitung untuk periode itu.', 'This measure is not computed for that period.', (d: { periods?: string[] }) =>
    (d?.periods?.length ? { id: `Periode yang ada: ${d.periods.join(', ')}.`, en: `Periods it has: ${d.periods.join(', ')}.` } : null)],
  'pimpinan.unknown_tile': [422, 'Angka yang dipilih untuk diterbitkan tidak ada di halaman pimpinan.', 'A figure chosen for publication is not on the leader\'s page.', (d: { refs?: string[] }) =>
    (d?.refs?.length ? { id: `Tidak dikenal: ${d.refs.join(', ')}.`, en: `Unknown: ${d.refs.join(', ')}.` } : null)],
  'pimpinan.not_province': [422, 'Halaman provinsi hanya ada untuk daerah provinsi; daerah ini kabupaten/kota.', 'The province\'s page exists only for a province; this region is a kabupaten/kota.'],
  'pimpinan.tile_not_found': [404, 'Angka ini tidak ada di halaman pimpinan (tulis modul.kunci).', 'No such figure on the leader\'s page (write module.key).'],
} satisfies Record<string, ErrorEntry>;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof pimpinanErrors, true> {}
}
