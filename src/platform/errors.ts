// One error shape for every endpoint: a stable code, the HTTP status and a
// message in Indonesian and English. Codes are part of the API contract.

export type Words = { id: string; en: string };

/**
 * A catalogue entry: HTTP status, Indonesian and English message, and
 * optionally words for what the error's details say, added to the message in
 * both languages so that a client showing the message shows the specifics too.
 */
export type ErrorEntry = readonly [status: number, id: string, en: string, detail?: (details: any) => Words | null];

/** The platform's own codes; each module brings its own through the module contract. */
export const platformErrors = {
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
  'file.too_large': [413, 'Berkas terlalu besar.', 'The file is too large.'],
  'file.type_not_allowed': [415, 'Jenis berkas tidak diizinkan. Gunakan JPEG, PNG atau WebP.', 'File type not allowed. Use JPEG, PNG or WebP.'],
  'file.image_too_large': [413, 'Gambar terlalu besar: paling banyak 40 megapiksel dan 8000 piksel per sisi.', 'The image is too large: at most 40 megapixels and 8000 pixels per side.'],
  'file.image_unreadable': [400, 'Gambar tidak dapat dibaca: berkasnya rusak atau bukan gambar.', 'The image cannot be read: the file is damaged or not an image.'],
  'file.too_many': [400, 'Terlalu banyak berkas.', 'Too many files.'],
  'file.not_found': [404, 'Berkas tidak ditemukan.', 'File not found.'],
  'document.not_found': [404, 'Dokumen tidak ditemukan: tidak ada dokumen terbitan dengan kode ini.', 'Document not found: no issued document has this code.'],
  'service.unavailable': [503, 'Layanan sedang tidak tersedia. Coba lagi sebentar lagi.', 'The service is temporarily unavailable. Try again shortly.'],
  'internal': [500, 'Terjadi kesalahan pada server.', 'Something went wrong on the server.'],
} as const satisfies Record<string, ErrorEntry>;

/**
 * Codes modules add. A module declares its codes to the type checker by
 * augmenting this interface (see modules/spbe/errors.ts), so a mistyped code is
 * a compile error wherever it is thrown.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleErrorCodes {}

export type ErrorCode = keyof typeof platformErrors | keyof ModuleErrorCodes;

const catalogue = new Map<string, ErrorEntry>(Object.entries(platformErrors));

/** Adds a module's codes (the registry does, once per module). */
export function addErrors(entries: Record<string, ErrorEntry>): void {
  for (const [code, entry] of Object.entries(entries)) {
    if (catalogue.has(code) && catalogue.get(code) !== entry) throw new Error(`Error code ${code} is declared twice`);
    catalogue.set(code, entry);
  }
}

/** Every code known now, the platform's and the installed modules'. */
export const errorCatalogue = (): ReadonlyMap<string, ErrorEntry> => catalogue;

export function errorEntry(code: ErrorCode): ErrorEntry {
  const entry = catalogue.get(code);
  if (!entry) throw new Error(`Unknown error code ${code}: is its module installed?`);
  return entry;
}

/** "1, 2, 5 dan 3 lainnya": a list a person can read, not every item of a long one. */
export function someOf(items: (string | number)[], max = 10): Words {
  const shown = items.slice(0, max).join(', ');
  const rest = items.length - max;
  return rest > 0 ? { id: `${shown} dan ${rest} lainnya`, en: `${shown} and ${rest} more` } : { id: shown, en: shown };
}

/** The catalogue's message, with the specifics of its details in words where the code has them. */
export function errorMessages(code: ErrorCode, details?: unknown): Words {
  const [, id, en, detail] = errorEntry(code);
  const more = details === undefined ? null : detail?.(details) ?? null;
  return more ? { id: `${id} ${more.id}`, en: `${en} ${more.en}` } : { id, en };
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    const [status, , en] = errorEntry(code);
    super(en);
    this.status = status;
  }
}

export interface ErrorBody {
  error: { code: string; status: number; message: string; messages: { id: string; en: string }; details?: unknown };
}

export function errorBody(code: ErrorCode, locale: 'id' | 'en', details?: unknown): ErrorBody {
  const status = errorEntry(code)[0];
  const messages = errorMessages(code, details);
  return { error: { code, status, message: messages[locale], messages, ...(details === undefined ? {} : { details }) } };
}
