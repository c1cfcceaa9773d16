// What citizens write and officers answer in the showcase complaints, per
// demo category (src/demo/seed.ts). {tempat} is the desa/kelurahan and
// kecamatan, {patokan} a landmark, {lama} how long it has lasted.
import type { RejectionReason } from '../modules/complaints/domain/status.js';

export interface CategoryTexts {
  reports: string[];
  responses: string[];
  resolutions: string[];
  reopenReasons: string[];
}

export const landmarks = [
  'SDN 1', 'masjid jami', 'pasar desa', 'kantor desa', 'pertigaan jalan utama', 'lapangan sepak bola', 'puskesmas pembantu',
  'SMPN 2', 'balai RW', 'pangkalan ojek', 'minimarket', 'makam umum', 'pabrik tahu', 'madrasah', 'pos ronda',
];

export const durations = ['seminggu', 'dua minggu', 'hampir sebulan', 'lebih dari sebulan', 'tiga hari', 'sejak awal musim hujan'];

const commonResponses = [
  'Terima kasih atas laporannya. Laporan sudah kami terima dan petugas akan memeriksa lokasi.',
  'Laporan sudah kami catat dan masuk jadwal tindak lanjut minggu ini.',
];

export const categoryTexts: Record<string, CategoryTexts> = {
  'jalan-rusak': {
    reports: [
      'Jalan di {tempat} berlubang cukup dalam di beberapa titik, sudah {lama}. Sudah ada pengendara motor yang jatuh, terutama saat hujan karena lubang tertutup genangan.',
      'Aspal jalan dekat {patokan} di {tempat} mengelupas sepanjang kurang lebih 200 meter. Mohon segera diperbaiki karena jalan ini dipakai anak-anak ke sekolah.',
      'Ada lubang besar di tengah jalan dekat {patokan}, {tempat}. Kendaraan harus menghindar ke lajur berlawanan, sangat berbahaya malam hari.',
      'Tambalan jalan di {tempat} yang baru dikerjakan sudah lepas lagi, batu kerikil berserakan dan licin untuk motor.',
      'Jalan lingkungan di {tempat} rusak parah dan becek, mobil pengangkut hasil panen sering terperosok. Kondisi ini sudah {lama}.',
    ],
    responses: [...commonResponses, 'Tim UPTD pemeliharaan jalan akan meninjau lokasi dan mengukur kerusakan dalam 2 hari kerja.'],
    resolutions: [
      'Lubang sudah ditambal dengan aspal oleh tim UPTD pemeliharaan jalan. Perbaikan menyeluruh masuk paket pemeliharaan berkala tahun ini.',
      'Ruas jalan sudah diperbaiki (tambal sulam dan pemadatan). Terima kasih atas laporannya.',
      'Perbaikan sudah selesai dikerjakan dan rambu peringatan sementara sudah dilepas.',
    ],
    reopenReasons: ['Setelah hujan deras lubangnya muncul lagi di titik yang sama.', 'Yang diperbaiki hanya sebagian, lubang di dekat tikungan belum ditambal.'],
  },
  jembatan: {
    reports: [
      'Jembatan kecil penghubung dusun di {tempat} lantainya lapuk, beberapa papan sudah patah. Warga khawatir kalau dilewati motor.',
      'Pagar pengaman jembatan dekat {patokan}, {tempat} roboh terbawa arus saat banjir. Mohon dipasang kembali sebelum ada korban.',
      'Fondasi jembatan di {tempat} tergerus air sungai, terlihat retak di bagian bawah. Sudah {lama} belum ada penanganan.',
    ],
    responses: [...commonResponses, 'Tim teknis akan memeriksa struktur jembatan. Sementara itu kami pasang rambu batas beban.'],
    resolutions: [
      'Lantai jembatan sudah diganti dengan papan baru dan diperkuat rangka baja.',
      'Pagar pengaman jembatan sudah dipasang kembali. Perbaikan fondasi diusulkan dalam anggaran perubahan.',
    ],
    reopenReasons: ['Papan baru sudah goyang lagi karena bautnya tidak dipasang semua.'],
  },
  drainase: {
    reports: [
      'Selokan di {tempat} tersumbat sampah dan lumpur, setiap hujan air meluap ke jalan dan masuk ke rumah warga.',
      'Gorong-gorong dekat {patokan} di {tempat} ambrol sehingga air tidak mengalir. Genangan sudah {lama}.',
      'Banjir setinggi betis di {tempat} setiap hujan deras lebih dari satu jam. Saluran terlalu kecil dan sebagian tertutup bangunan.',
      'Saluran air di depan {patokan}, {tempat} berbau dan menjadi sarang nyamuk karena airnya tidak mengalir.',
    ],
    responses: [...commonResponses, 'Kami akan menurunkan tim normalisasi saluran bersama kecamatan dan warga.'],
    resolutions: [
      'Saluran sudah dinormalisasi: sampah dan lumpur diangkat, air kembali mengalir.',
      'Gorong-gorong sudah diganti dengan box culvert yang lebih besar.',
      'Pengerukan selesai dilakukan bersama warga; jadwal pembersihan rutin ditetapkan sebulan sekali.',
    ],
    reopenReasons: ['Seminggu setelah dibersihkan selokan tersumbat lagi dan air meluap.'],
  },
  sampah: {
    reports: [
      'Sampah di TPS {tempat} sudah {lama} tidak diangkut, menumpuk sampai ke badan jalan dan baunya menyengat.',
      'Ada pembuangan sampah liar di pinggir jalan dekat {patokan}, {tempat}. Mohon diangkut dan dipasang papan larangan.',
      'Truk sampah tidak datang sesuai jadwal ke {tempat}, warga terpaksa membakar sampah di pekarangan.',
      'Kontainer sampah di dekat {patokan}, {tempat} rusak dan sampah berceceran dibongkar hewan.',
    ],
    responses: [...commonResponses, 'Jadwal armada pengangkut di wilayah tersebut sedang kami periksa.'],
    resolutions: [
      'Sampah sudah diangkut dan jadwal truk di wilayah tersebut ditambah menjadi tiga kali seminggu.',
      'Lokasi pembuangan liar sudah dibersihkan dan dipasang papan larangan bersama pemerintah desa.',
      'Kontainer sudah diganti dengan yang baru.',
    ],
    reopenReasons: ['Sampah kembali menumpuk, truk hanya datang sekali lalu tidak datang lagi.'],
  },
  pju: {
    reports: [
      'Lampu penerangan jalan di {tempat} mati beberapa tiang berturut-turut, jalan gelap total dan rawan kejahatan.',
      'PJU dekat {patokan} di {tempat} menyala siang hari dan mati malam hari.',
      'Tiang lampu jalan di {tempat} miring setelah tertabrak truk, kabelnya menjuntai ke bawah.',
      'Lampu jalan di tikungan dekat {patokan}, {tempat} sudah {lama} mati, sudah dua kali terjadi kecelakaan.',
    ],
    responses: [...commonResponses, 'Tim penerangan jalan akan memeriksa panel dan lampu pada malam hari.'],
    resolutions: [
      'Lampu sudah diganti dengan LED baru dan menyala normal.',
      'Panel kendali sudah diperbaiki, lampu kembali menyala sesuai jadwal.',
      'Tiang sudah ditegakkan dan kabel dirapikan oleh petugas bersama PLN.',
    ],
    reopenReasons: ['Lampu hanya menyala dua hari lalu mati lagi.'],
  },
  'layanan-kesehatan': {
    reports: [
      'Antrean di puskesmas dekat {tempat} sangat lama, datang jam 7 baru dilayani jam 11. Loket pendaftaran hanya satu yang buka.',
      'Ibu saya peserta BPJS diminta membeli obat sendiri di apotek luar saat berobat di puskesmas kecamatan.',
      'Petugas di IGD RSUD kurang ramah dan tidak menjelaskan kenapa pasien harus menunggu lama.',
      'Jadwal posyandu di {tempat} sering berubah tanpa pemberitahuan, ibu-ibu datang tapi petugas tidak ada.',
      'Ambulans desa di {tempat} tidak bisa dihubungi saat ada warga yang perlu dirujuk malam hari.',
    ],
    responses: [...commonResponses, 'Laporan sudah kami sampaikan ke kepala puskesmas untuk klarifikasi.'],
    resolutions: [
      'Puskesmas menambah satu loket pendaftaran dan membuka pendaftaran daring melalui WhatsApp.',
      'Sudah dilakukan pembinaan kepada petugas. Obat untuk peserta BPJS tersedia di apotek puskesmas.',
      'Jadwal posyandu kini diumumkan sebulan sebelumnya melalui kader dan grup warga.',
    ],
    reopenReasons: ['Antrean masih sama lamanya, loket tambahan hanya buka hari Senin.'],
  },
  perizinan: {
    reports: [
      'Pengajuan PBG saya sudah {lama} belum ada kabar, status di aplikasi masih "verifikasi berkas".',
      'NIB untuk usaha warung saya ditolak sistem OSS, petugas di MPP tidak bisa menjelaskan sebabnya.',
      'Syarat izin usaha yang diminta petugas berbeda dengan yang tertulis di situs web dinas.',
      'Saya diminta datang tiga kali ke kantor perizinan hanya untuk menandatangani berkas yang sama.',
    ],
    responses: [...commonResponses, 'Berkas Anda sedang kami telusuri di sistem; kami akan menghubungi Anda.'],
    resolutions: [
      'Berkas sudah diverifikasi dan izin sudah terbit. Silakan unduh melalui aplikasi.',
      'Kendala di OSS sudah dibantu petugas pendamping dan NIB sudah terbit.',
      'Daftar persyaratan di situs web sudah diperbarui dan disamakan dengan SOP.',
    ],
    reopenReasons: ['Izin memang terbit tetapi ada kesalahan nama pemilik.'],
  },
  sekolah: {
    reports: [
      'Ada pungutan uang seragam dan buku di SD negeri dekat {tempat} yang memberatkan orang tua, padahal katanya gratis.',
      'Atap ruang kelas di SD dekat {patokan}, {tempat} bocor dan plafon hampir jatuh, anak-anak belajar di teras.',
      'Informasi zonasi PPDB tidak jelas, anak kami yang rumahnya dekat sekolah tidak diterima.',
      'Guru honorer di sekolah di {tempat} sudah {lama} belum menerima honor.',
    ],
    responses: [...commonResponses, 'Pengawas sekolah akan mengklarifikasi ke kepala sekolah yang bersangkutan.'],
    resolutions: [
      'Sekolah sudah menghentikan pungutan dan mengembalikan uang yang sudah dibayarkan.',
      'Atap ruang kelas sudah diperbaiki melalui dana rehabilitasi ringan.',
      'Dinas sudah menjelaskan aturan zonasi dan anak Anda diterima melalui jalur afirmasi.',
    ],
    reopenReasons: ['Pungutan masih diminta dengan nama lain, yaitu "sumbangan sukarela" dengan nominal tetap.'],
  },
};

/** For a category the demo does not know (an admin added it). */
export const otherTexts: CategoryTexts = {
  reports: ['Mohon tindak lanjut untuk masalah ini di {tempat}, sudah {lama} belum ada penanganan.'],
  responses: commonResponses,
  resolutions: ['Sudah ditindaklanjuti oleh perangkat daerah terkait.'],
  reopenReasons: ['Masalahnya belum selesai.'],
};

export const rejections: Record<RejectionReason, string[]> = {
  incomplete: ['Lokasi belum jelas. Silakan kirim ulang dengan nama jalan atau titik di peta.', 'Keterangan terlalu singkat untuk ditindaklanjuti. Mohon lengkapi lokasi dan foto.'],
  not_our_authority: ['Ruas tersebut jalan nasional, kewenangan BBPJN. Laporan sudah kami teruskan melalui SP4N-LAPOR!.', 'Masalah ini kewenangan PLN; silakan hubungi layanan PLN 123.'],
  duplicate: ['Masalah yang sama sudah dilaporkan warga lain dan sedang ditangani.'],
  spam: ['Isi laporan tidak berkaitan dengan pelayanan publik.'],
};

export const dispatchNotes = ['Mohon ditindaklanjuti sesuai kewenangan.', 'Prioritas: menyangkut keselamatan warga.', null, null, null];

export const ratingComments: Record<number, string[]> = {
  5: ['Cepat ditangani, terima kasih.', 'Mantap, sudah beres. Hatur nuhun.', 'Pelayanannya baik dan jelas.'],
  4: ['Sudah diperbaiki, walaupun agak lama.', 'Terima kasih, semoga dipelihara.'],
  3: ['Diperbaiki seadanya saja.', 'Lumayan, tapi perlu dipantau lagi.'],
  2: ['Lama sekali baru ditangani.', 'Hasilnya kurang rapi.'],
  1: ['Tidak ada perubahan berarti.'],
};

export const reporterNames = [
  'Asep Saepudin', 'Ujang Supriatna', 'Dedi Kurniawan', 'Euis Rohaeti', 'Siti Aminah', 'Yayan Sopyan', 'Iis Nurhayati', 'Rudi Hartono',
  'Dadang Suhendar', 'Teti Rohayati', 'Cecep Hidayat', 'Nining Kurniasih', 'Wawan Setiawan', 'Rina Marlina', 'Agus Salim', 'Lilis Suryani',
  'Hendra Gunawan', 'Ai Rahmawati', 'Dodi Firmansyah', 'Yuyun Wahyuni', 'Eman Sulaeman', 'Popon Maryati', 'Tatang Sutisna', 'Dewi Sartika',
];

export function fill(template: string, values: { tempat: string; patokan: string; lama: string }): string {
  return template.replace(/\{(tempat|patokan|lama)\}/g, (_, k: keyof typeof values) => values[k]);
}
