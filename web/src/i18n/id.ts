// Bahasa Indonesia: the default language and the reference dictionary
// (every other language must have the same keys), for what every page may
// need. The platform's staff screens' texts are in staff.ts, each module's in
// its own folder (web/src/modules/<name>/), loaded with its pages.
import { labelEntries } from './labels.js';
import { statusLabel } from '../../../src/modules/complaints/domain/status.js';

export const id = {
  'common.loading': 'Memuat…',
  'chart.data': 'Data grafik: {title}',
  'common.next': 'Lanjut',
  'common.back': 'Kembali',
  'common.optional': 'opsional',
  'common.required': 'wajib',
  'common.chars': '{n}/{max} karakter',
  'common.charsOver': '{n}/{max} karakter: lebih {over}',
  'common.remove': 'Hapus',
  'common.copy': 'Salin kode',
  'common.copied': 'Tersalin ✓',
  'common.reload': 'Muat ulang',

  'error.network': 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda lalu coba lagi.',
  'error.unexpected': 'Terjadi kesalahan. Coba lagi.',
  'error.forbidden': 'Anda tidak berwenang membuka halaman ini.',
  'error.page': 'Halaman tidak dapat dimuat. Mungkin aplikasi baru saja diperbarui.',

  'nav.skip': 'Langsung ke isi',
  'nav.language': 'Bahasa',
  'footer.about.platform': 'Pamong — platform layanan digital pemerintah daerah. Perangkat lunak bebas (AGPL).',
  'footer.staff': 'Masuk sebagai petugas',
  'footer.register': 'Daftar akun warga',
  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.home': 'Ke halaman awal',

  'home.title': 'Pilih daerah Anda',
  'home.intro': 'Laporkan masalah layanan publik di daerah Anda dan pantau penanganannya.',
  'home.code': 'Kode wilayah {code}',
  'pager.label': 'Halaman',
  'pager.prev': '← Sebelumnya',
  'pager.next': 'Berikutnya →',
  'pager.page': 'Halaman {n}',

  ...labelEntries('status.', statusLabel, 'id'),
  'time.left': 'Sisa {d}',
  'time.overdue': 'Terlambat',
  'time.overdueBy': 'Terlambat {d}',
  'duration.days': '{n} hari',
  'duration.hours': '{n} jam',
  'duration.minutes': '{n} menit',
};

/** The texts every page may need (the staff screens' are in staff.ts). */
export type Messages = Record<keyof typeof id, string>;
