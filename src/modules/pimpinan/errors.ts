// The leader's dashboard's error codes (part of the API contract: never renamed).
import type { ErrorEntry } from '../../platform/errors.js';

export const pimpinanErrors = {
  'pimpinan.trend_not_found': [404, 'Tren ini tidak ada: bukan ukuran yang menjadi tren salah satu angka di halaman pimpinan.', 'No such trend: it is not the measure behind one of the leader\'s page figures.'],
  'pimpinan.trend_period': [422, 'Ukuran ini tidak dihitung untuk periode itu.', 'This measure is not computed for that period.', (d: { periods?: string[] }) =>
    (d?.periods?.length ? { id: `Periode yang ada: ${d.periods.join(', ')}.`, en: `Periods it has: ${d.periods.join(', ')}.` } : null)],
  'pimpinan.unknown_tile': [422, 'Angka yang dipilih untuk diterbitkan tidak ada di halaman pimpinan.', 'A figure chosen for publication is not on the leader\'s page.', (d: { refs?: string[] }) =>
    (d?.refs?.length ? { id: `Tidak dikenal: ${d.refs.join(', ')}.`, en: `Unknown: ${d.refs.join(', ')}.` } : null)],
  'pimpinan.not_province': [422, 'Halaman provinsi hanya ada untuk daerah provinsi; daerah ini kabupaten/kota.', 'The province\'s page exists only for a province; this region is a kabupaten/kota.'],
  'pimpinan.map_missing': [404, 'Pamong tidak memiliki batas kabupaten/kota provinsi ini.', 'Pamong has no kabupaten/kota boundaries for this province.'],
  'pimpinan.tile_not_found': [404, 'Angka ini tidak ada di halaman pimpinan (tulis modul.kunci).', 'No such figure on the leader\'s page (write module.key).'],
  // ---- training records (service/training.ts) ----
  'pimpinan.training_not_found': [404, 'Program pelatihan tidak ditemukan di daerah ini.', 'No such training programme in this region.'],
  'pimpinan.participant_not_found': [404, 'Peserta pelatihan tidak ditemukan.', 'No such training participant.'],
  'pimpinan.training_dates': [422, 'Tanggal selesai program tidak boleh sebelum tanggal mulainya.', 'A programme cannot end before it starts.'],
  'pimpinan.training_unit_unknown': [422, 'Unit ini bukan unit aktif daerah ini.', 'This is not an active unit of this region.'],
  'pimpinan.training_user_unknown': [422, 'Akun ini bukan pegawai daerah ini.', 'This account is not a member of this region\'s staff.'],
  'pimpinan.participant_duplicate': [409, 'Orang ini sudah menjadi peserta program ini.', 'This person is already a participant of this programme.'],
  'pimpinan.participant_completion': [422, 'Status dan tanggal selesai tidak cocok: status selesai memerlukan tanggal (tidak sebelum program mulai dan tidak setelah hari ini), status lain tanpa tanggal.', 'Status and completion date do not match: completed needs a date (not before the programme starts, not after today), other statuses none.', (d: { problem?: string }) =>
    (d?.problem ? { id: d.problem, en: d.problem } : null)],
  'pimpinan.certificate_type': [415, 'Sertifikat harus PDF, JPEG atau PNG (paling besar 5 MB), diperiksa dari isinya.', 'A certificate must be a PDF, JPEG or PNG (at most 5 MB), checked by its content.'],
  'pimpinan.certificate_missing': [404, 'Peserta ini belum punya sertifikat.', 'This participant has no certificate yet.'],
} satisfies Record<string, ErrorEntry>;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof pimpinanErrors, true> {}
}
