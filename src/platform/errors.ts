// One error shape for every endpoint: a stable code, the HTTP status and a
// message in Indonesian and English. Codes are part of the API contract.

export const errorCatalogue = {
  'request.invalid': [400, 'Data yang dikirim tidak valid.', 'The request is invalid.'],
  'request.body_too_large': [413, 'Data yang dikirim terlalu besar.', 'The request body is too large.'],
  'request.unsupported_media_type': [415, 'Jenis konten tidak didukung.', 'Unsupported content type.'],
  'request.rate_limited': [429, 'Terlalu banyak permintaan. Coba lagi nanti.', 'Too many requests. Try again later.'],
  'route.not_found': [404, 'Alamat tidak ditemukan.', 'Not found.'],
  'auth.required': [401, 'Silakan masuk terlebih dahulu.', 'Please sign in.'],
  'auth.session_expired': [401, 'Sesi Anda telah berakhir. Silakan masuk lagi.', 'Your session has expired. Please sign in again.'],
  'auth.invalid_credentials': [401, 'Email atau kata sandi salah.', 'Wrong email or password.'],
  'auth.invalid_api_key': [403, 'Kunci API tidak valid.', 'Invalid API key.'],
  'auth.forbidden': [403, 'Anda tidak berwenang melakukan ini.', 'You are not allowed to do this.'],
  'auth.csrf': [403, 'Token keamanan formulir tidak cocok. Muat ulang halaman.', 'The form security token does not match. Reload the page.'],
  'auth.reset_token_invalid': [400, 'Tautan atur ulang kata sandi tidak valid atau kedaluwarsa.', 'The password reset link is invalid or expired.'],
  'auth.weak_password': [400, 'Kata sandi minimal 10 karakter.', 'The password must have at least 10 characters.'],
  'user.email_taken': [409, 'Email sudah terdaftar.', 'This email is already registered.'],
  'user.not_found': [404, 'Pengguna tidak ditemukan.', 'User not found.'],
  'region.not_found': [404, 'Daerah tidak ditemukan atau belum diaktifkan.', 'Region not found or not enabled.'],
  'region.already_enabled': [409, 'Daerah sudah aktif.', 'The region is already enabled.'],
  'area.not_in_region': [400, 'Kecamatan/desa tidak berada di daerah ini.', 'The district/village is not in this region.'],
  'unit.not_found': [404, 'Perangkat daerah tidak ditemukan.', 'Unit not found.'],
  'unit.code_taken': [409, 'Kode perangkat daerah sudah dipakai.', 'The unit code is already used.'],
  'category.not_found': [404, 'Kategori tidak ditemukan.', 'Category not found.'],
  'category.code_taken': [409, 'Kode kategori sudah dipakai.', 'The category code is already used.'],
  'complaint.not_found': [404, 'Pengaduan tidak ditemukan.', 'Complaint not found.'],
  'complaint.invalid_transition': [409, 'Tindakan ini tidak dapat dilakukan pada status pengaduan saat ini.', 'This action is not possible in the complaint\'s current status.'],
  'complaint.answers_invalid': [400, 'Jawaban pertanyaan kategori tidak lengkap atau tidak valid.', 'The answers to the category questions are missing or invalid.'],
  'complaint.reopen_window_closed': [409, 'Batas waktu untuk membuka kembali pengaduan sudah lewat.', 'The window to reopen this complaint has passed.'],
  'complaint.not_reporter': [403, 'Hanya pelapor yang dapat melakukan ini.', 'Only the reporter can do this.'],
  'complaint.merge_self': [400, 'Pengaduan tidak dapat digabung dengan dirinya sendiri.', 'A complaint cannot be merged into itself.'],
  'complaint.transfer_target_invalid': [400, 'Daerah tujuan harus provinsi induk atau kabupaten/kota di bawahnya yang aktif.', 'The target must be the parent province or an enabled regency/city below it.'],
  'file.too_large': [413, 'Berkas terlalu besar.', 'The file is too large.'],
  'file.type_not_allowed': [415, 'Jenis berkas tidak diizinkan. Gunakan JPEG, PNG atau WebP.', 'File type not allowed. Use JPEG, PNG or WebP.'],
  'file.too_many': [400, 'Terlalu banyak berkas.', 'Too many files.'],
  'file.not_found': [404, 'Berkas tidak ditemukan.', 'File not found.'],
  'open311.jurisdiction_required': [400, 'jurisdiction_id wajib diisi.', 'jurisdiction_id is required.'],
  'open311.service_not_found': [404, 'Layanan tidak ditemukan.', 'Service not found.'],
  'open311.location_required': [400, 'Lokasi wajib diisi (lat/long atau address_string).', 'A location is required (lat/long or address_string).'],
  'open311.format': [400, 'Format harus json atau xml.', 'Format must be json or xml.'],
  'service.unavailable': [503, 'Layanan sedang tidak tersedia. Coba lagi sebentar lagi.', 'The service is temporarily unavailable. Try again shortly.'],
  'internal': [500, 'Terjadi kesalahan pada server.', 'Something went wrong on the server.'],
} as const satisfies Record<string, readonly [number, string, string]>;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(errorCatalogue[code][2]);
    this.status = errorCatalogue[code][0];
  }
}

export interface ErrorBody {
  error: { code: string; status: number; message: string; messages: { id: string; en: string }; details?: unknown };
}

export function errorBody(code: ErrorCode, locale: 'id' | 'en', details?: unknown): ErrorBody {
  const [status, id, en] = errorCatalogue[code];
  return { error: { code, status, message: locale === 'en' ? en : id, messages: { id, en }, ...(details === undefined ? {} : { details }) } };
}
