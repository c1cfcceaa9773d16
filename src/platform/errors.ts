// One error shape for every endpoint: a stable code, the HTTP status and a
// message in Indonesian and English. Codes are part of the API contract.

export const errorCatalogue = {
  'request.invalid': [400, 'Data yang dikirim tidak valid.', 'The request is invalid.'],
  'request.nul_character': [400, 'Data yang dikirim tidak boleh berisi karakter NUL (\\u0000).', 'The request must not contain NUL characters (\\u0000).'],
  'request.text_too_long': [400, 'Teks terlalu panjang: ada isian yang melebihi batas karakternya. Tidak ada yang dipotong; persingkat lalu kirim lagi.', 'Text too long: a field is over its character limit. Nothing was cut; shorten it and send again.'],
  'request.body_too_large': [413, 'Data yang dikirim terlalu besar.', 'The request body is too large.'],
  'request.unsupported_media_type': [415, 'Jenis konten tidak didukung.', 'Unsupported content type.'],
  'request.rate_limited': [429, 'Terlalu banyak permintaan. Coba lagi nanti.', 'Too many requests. Try again later.'],
  'idempotency.key_reused': [422, 'Kunci Idempotency-Key ini sudah dipakai untuk permintaan yang berbeda. Buat kunci baru untuk permintaan baru.', 'This Idempotency-Key was already used for a different request. Use a new key for a new request.'],
  'idempotency.in_progress': [409, 'Permintaan dengan Idempotency-Key ini sedang diproses. Coba lagi sebentar lagi.', 'A request with this Idempotency-Key is being processed. Try again shortly.'],
  'route.not_found': [404, 'Alamat tidak ditemukan.', 'Not found.'],
  'auth.required': [401, 'Silakan masuk terlebih dahulu.', 'Please sign in.'],
  'auth.session_expired': [401, 'Sesi Anda telah berakhir. Silakan masuk lagi.', 'Your session has expired. Please sign in again.'],
  'auth.invalid_credentials': [401, 'Email atau kata sandi salah.', 'Wrong email or password.'],
  'auth.invalid_api_key': [403, 'Kunci API tidak valid.', 'Invalid API key.'],
  'auth.forbidden': [403, 'Anda tidak berwenang melakukan ini.', 'You are not allowed to do this.'],
  'auth.csrf': [403, 'Token keamanan formulir tidak cocok. Muat ulang halaman.', 'The form security token does not match. Reload the page.'],
  'auth.reset_token_invalid': [400, 'Tautan atur ulang kata sandi tidak valid atau kedaluwarsa.', 'The password reset link is invalid or expired.'],
  'auth.weak_password': [400, 'Kata sandi minimal 10 karakter.', 'The password must have at least 10 characters.'],
  'auth.verification_invalid': [400, 'Tautan verifikasi email tidak berlaku, sudah dipakai, atau kedaluwarsa. Daftar lagi, atau masuk bila akun Anda sudah aktif.', 'The email verification link is invalid, used or expired. Register again, or sign in if your account is already active.'],
  'invitation.invalid': [400, 'Undangan tidak berlaku: sudah dipakai, dibatalkan, atau kedaluwarsa. Minta admin daerah mengirim ulang.', 'The invitation is no longer valid: used, cancelled or expired. Ask the region admin to send it again.'],
  'invitation.sign_in_required': [401, 'Email ini sudah punya akun. Masuk dengan akun itu untuk menerima undangan.', 'This email already has an account. Sign in with it to accept the invitation.'],
  'invitation.wrong_account': [403, 'Undangan ini untuk alamat email lain. Keluar, lalu masuk dengan akun alamat yang diundang.', 'This invitation is for another email address. Sign out, then sign in with the invited address\'s account.'],
  'invitation.not_found': [404, 'Undangan tidak ditemukan.', 'Invitation not found.'],
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
  'complaint.location_required': [400, 'Kategori ini memerlukan lokasi: pilih kecamatan (dan desa/kelurahan) atau tandai lokasi di peta.', 'This category needs a location: choose a district (and village) or pin it on the map.'],
  'complaint.reopen_window_closed': [409, 'Batas waktu untuk membuka kembali pengaduan sudah lewat.', 'The window to reopen this complaint has passed.'],
  'complaint.not_reporter': [403, 'Hanya pelapor yang dapat melakukan ini.', 'Only the reporter can do this.'],
  'complaint.merge_self': [400, 'Pengaduan tidak dapat digabung dengan dirinya sendiri.', 'A complaint cannot be merged into itself.'],
  'complaint.transfer_target_invalid': [400, 'Daerah tujuan harus provinsi induk atau kabupaten/kota di bawahnya yang aktif.', 'The target must be the parent province or an enabled regency/city below it.'],
  'dashboard.period_invalid': [400, 'Periode tidak valid: bulan awal tidak boleh setelah bulan akhir, dan paling lama 5 tahun.', 'Invalid period: the first month must not be after the last, and at most 5 years.'],
  'dashboard.not_province': [404, 'Rekap per kabupaten/kota hanya tersedia untuk provinsi.', 'The roll-up by regency/city is only available for a province.'],
  'statistics.not_public': [404, 'Daerah ini tidak membuka statistik publik.', 'This region does not publish public statistics.'],
  'spbe.framework_not_found': [404, 'Kerangka evaluasi tidak ditemukan.', 'Evaluation framework not found.'],
  'spbe.framework_exists': [409, 'Kode kerangka evaluasi sudah dipakai.', 'The framework code is already used.'],
  'spbe.version_not_found': [404, 'Versi kerangka evaluasi tidak ditemukan.', 'Framework version not found.'],
  'spbe.version_immutable': [409, 'Hanya versi draf yang dapat diubah. Buat versi baru untuk mengoreksi versi aktif.', 'Only a draft version can be changed. Create a new version to correct an active one.'],
  'spbe.version_not_active': [409, 'Versi kerangka ini tidak aktif; evaluasi hanya dibuka dengan versi aktif.', 'This framework version is not active; evaluations are opened under an active version.'],
  'spbe.framework_invalid': [400, 'Struktur kerangka evaluasi tidak konsisten.', 'The framework structure is inconsistent.'],
  'spbe.weights_not_100': [409, 'Versi tidak dapat diaktifkan: jumlah bobot indikator harus tepat 100.', 'The version cannot be activated: indicator weights must sum to exactly 100.'],
  'spbe.evaluation_not_found': [404, 'Evaluasi SPBE tidak ditemukan.', 'SPBE evaluation not found.'],
  'spbe.evaluation_exists': [409, 'Evaluasi untuk tahun ini sudah dibuka.', 'An evaluation for this year is already open.'],
  'spbe.evaluation_closed': [409, 'Evaluasi sudah ditutup dan tidak dapat diubah.', 'The evaluation is closed and cannot be changed.'],
  'spbe.wrong_stage': [409, 'Tindakan ini tidak dapat dilakukan pada tahap evaluasi saat ini.', 'This action is not possible at the evaluation\'s current stage.'],
  'spbe.stage_incomplete': [409, 'Tahap belum dapat dilanjutkan: masih ada indikator yang belum siap.', 'The stage cannot advance yet: some indicators are not ready.'],
  'spbe.indicator_not_found': [404, 'Indikator tidak ada dalam kerangka evaluasi ini.', 'The indicator is not in this framework.'],
  'spbe.level_invalid': [400, 'Tingkat kematangan di luar skala kerangka evaluasi.', 'The maturity level is outside the framework\'s scale.'],
  'spbe.answer_wrong_status': [409, 'Tindakan ini tidak dapat dilakukan pada status jawaban indikator saat ini.', 'This action is not possible in the indicator answer\'s current status.'],
  'spbe.bulk_refused': [409, 'Tidak ada yang disimpan: sebagian indikator terpilih tidak dapat diproses. Keluarkan indikator yang ditolak dari pilihan, lalu ulangi.', 'Nothing was saved: some of the selected indicators cannot be processed. Deselect the refused indicators and try again.'],
  'spbe.not_your_unit': [403, 'Indikator ini ditugaskan kepada perangkat daerah lain.', 'This indicator is assigned to another unit.'],
  'spbe.evidence_type_not_allowed': [415, 'Jenis berkas bukti dukung tidak diizinkan. Gunakan PDF, JPEG, PNG, XLSX atau DOCX.', 'Evidence file type not allowed. Use PDF, JPEG, PNG, XLSX or DOCX.'],
  'spbe.import_invalid': [400, 'Berkas CSV hasil evaluasi tidak valid; tidak ada yang diimpor.', 'The results CSV is invalid; nothing was imported.'],
  'spbe.result_not_found': [404, 'Hasil evaluasi untuk tahun ini tidak ditemukan.', 'No evaluation result for this year.'],
  'spbe.target_not_found': [404, 'Target indeks untuk tahun ini belum ditetapkan.', 'No target index has been set for this year.'],
  'spbe.no_baseline': [404, 'Belum ada evaluasi yang dapat dijadikan titik awal.', 'There is no evaluation to start from yet.'],
  'file.too_large': [413, 'Berkas terlalu besar.', 'The file is too large.'],
  'file.type_not_allowed': [415, 'Jenis berkas tidak diizinkan. Gunakan JPEG, PNG atau WebP.', 'File type not allowed. Use JPEG, PNG or WebP.'],
  'file.image_too_large': [413, 'Gambar terlalu besar: paling banyak 40 megapiksel dan 8000 piksel per sisi.', 'The image is too large: at most 40 megapixels and 8000 pixels per side.'],
  'file.image_unreadable': [400, 'Gambar tidak dapat dibaca: berkasnya rusak atau bukan gambar.', 'The image cannot be read: the file is damaged or not an image.'],
  'file.too_many': [400, 'Terlalu banyak berkas.', 'Too many files.'],
  'file.not_found': [404, 'Berkas tidak ditemukan.', 'File not found.'],
  'open311.jurisdiction_required': [400, 'jurisdiction_id wajib diisi.', 'jurisdiction_id is required.'],
  'open311.service_not_found': [404, 'Layanan tidak ditemukan.', 'Service not found.'],
  'open311.location_required': [400, 'Lokasi wajib diisi (lat/long, address_string atau address_id).', 'A location is required (lat/long, address_string or address_id).'],
  'open311.format': [400, 'Format harus json atau xml.', 'Format must be json or xml.'],
  'open311.date_range': [400, 'start_date/end_date harus tanggal-waktu W3C (mis. 2026-11-02T09:00:00+07:00) dengan rentang paling lama 90 hari.', 'start_date/end_date must be W3C datetimes (e.g. 2026-11-02T09:00:00+07:00) at most 90 days apart.'],
  'service.unavailable': [503, 'Layanan sedang tidak tersedia. Coba lagi sebentar lagi.', 'The service is temporarily unavailable. Try again shortly.'],
  'internal': [500, 'Terjadi kesalahan pada server.', 'Something went wrong on the server.'],
} as const satisfies Record<string, readonly [number, string, string]>;

export type ErrorCode = keyof typeof errorCatalogue;

type Words = { id: string; en: string };

/** "1, 2, 5 dan 3 lainnya": a list a person can read, not every item of a long one. */
function someOf(items: (string | number)[], max = 10): Words {
  const shown = items.slice(0, max).join(', ');
  const rest = items.length - max;
  return rest > 0 ? { id: `${shown} dan ${rest} lainnya`, en: `${shown} and ${rest} more` } : { id: shown, en: shown };
}

/**
 * Words for what an error's details say, added to its message in both
 * languages, so that a client showing the message shows the specifics too and
 * nobody reads field names or raw details.
 */
const detailWords: Partial<Record<ErrorCode, (details: any) => Words | null>> = {
  'spbe.stage_incomplete': (d: { indicators?: string[] }) => {
    if (!d?.indicators?.length) return null;
    // Indicator codes are numbers to a reader: 2 comes before 10.
    const list = someOf([...d.indicators].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b)));
    return { id: `Indikator nomor ${list.id}.`, en: `Indicators number ${list.en}.` };
  },
  'spbe.import_invalid': (d: { problems?: { line: number }[] }) => {
    const lines = [...new Set((d?.problems ?? []).map((p) => p.line))];
    if (!lines.length) return null;
    const list = someOf(lines);
    return { id: `Periksa baris ${list.id}.`, en: `Check line ${list.en}.` };
  },
  'spbe.framework_invalid': (d: { problems?: unknown[] }) => {
    const n = d?.problems?.length ?? 0;
    return n ? { id: `Ditemukan ${n} masalah.`, en: `${n} problem${n === 1 ? '' : 's'} found.` } : null;
  },
};

/** The catalogue's message, with the specifics of its details in words where the code has them. */
export function errorMessages(code: ErrorCode, details?: unknown): Words {
  const [, id, en] = errorCatalogue[code];
  const more = details === undefined ? null : detailWords[code]?.(details) ?? null;
  return more ? { id: `${id} ${more.id}`, en: `${en} ${more.en}` } : { id, en };
}

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
  const status = errorCatalogue[code][0];
  const messages = errorMessages(code, details);
  return { error: { code, status, message: messages[locale], messages, ...(details === undefined ? {} : { details }) } };
}
