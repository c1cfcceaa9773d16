// The complaints module's error codes (part of the API contract: never renamed).
import type { ErrorEntry } from '../../platform/errors.js';

export const complaintErrors = {
  'category.not_found': [404, 'Kategori tidak ditemukan.', 'Category not found.'],
  'category.code_taken': [409, 'Kode kategori sudah dipakai.', 'The category code is already used.'],
  'category.package_invalid': [422, 'Isi paket kategori tidak konsisten (kode ganda, tahap batas waktu ganda, atau perangkat daerah yang tidak tercantum).', 'The categories package is inconsistent (a code twice, a deadline stage twice, or a unit not listed).'],
  'category.package_unit_unmapped': [422, 'Perangkat daerah dalam paket belum dipetakan ke perangkat daerah daerah ini.', 'A unit of the package is not mapped to one of this region\'s units.'],
  'complaint.not_found': [404, 'Pengaduan tidak ditemukan.', 'Complaint not found.'],
  'complaint.invalid_transition': [409, 'Tindakan ini tidak dapat dilakukan pada status pengaduan saat ini.', 'This action is not possible in the complaint\'s current status.'],
  'complaint.answers_invalid': [400, 'Jawaban pertanyaan kategori tidak lengkap atau tidak valid.', 'The answers to the category questions are missing or invalid.'],
  'complaint.location_required': [400, 'Kategori ini memerlukan lokasi: pilih kecamatan (dan desa/kelurahan) atau tandai lokasi di peta.', 'This category needs a location: choose a district (and village) or pin it on the map.'],
  'complaint.reopen_window_closed': [409, 'Batas waktu untuk membuka kembali pengaduan sudah lewat.', 'The window to reopen this complaint has passed.'],
  'complaint.not_reporter': [403, 'Hanya pelapor yang dapat melakukan ini.', 'Only the reporter can do this.'],
  'complaint.merge_self': [400, 'Pengaduan tidak dapat digabung dengan dirinya sendiri.', 'A complaint cannot be merged into itself.'],
  'complaint.transfer_target_invalid': [400, 'Daerah tujuan harus provinsi induk atau kabupaten/kota di bawahnya yang aktif.', 'The target must be the parent province or an enabled regency/city below it.'],
  'dashboard.period_invalid': [400, 'Periode tidak valid: bulan awal tidak boleh setelah bulan akhir, dan paling lama 5 tahun.', 'Invalid period: the first month must not be after the last, and at most 5 years.'],
  'dashboard.not_province': [404, 'Rekap per kabupaten/kota hanya tersedia untuk provinsi.', 'The roll-up by regency/city is only available for a province.'],
  'statistics.not_public': [404, 'Daerah ini tidak membuka statistik publik.', 'This region does not publish public statistics.'],
  'open311.jurisdiction_required': [400, 'jurisdiction_id wajib diisi.', 'jurisdiction_id is required.'],
  'open311.service_not_found': [404, 'Layanan tidak ditemukan.', 'Service not found.'],
  'open311.location_required': [400, 'Lokasi wajib diisi (lat/long, address_string atau address_id).', 'A location is required (lat/long, address_string or address_id).'],
  'open311.format': [400, 'Format harus json atau xml.', 'Format must be json or xml.'],
  'open311.date_range': [400, 'start_date/end_date harus tanggal-waktu W3C (mis. 2026-11-02T09:00:00+07:00) dengan rentang paling lama 90 hari.', 'start_date/end_date must be W3C datetimes (e.g. 2026-11-02T09:00:00+07:00) at most 90 days apart.'],
} as const satisfies Record<string, ErrorEntry>;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof complaintErrors, true> {}
}
