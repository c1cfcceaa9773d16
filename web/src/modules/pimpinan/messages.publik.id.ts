// The public version of the leader's page and the region admin's choice of
// what it shows (pimpinan.publik.*), in Bahasa Indonesia. messages.publik.en.ts must have the same keys.
export const pimpinanPublikId = {
  'pimpinan.publik.title': 'Angka utama {region}',
  'pimpinan.publik.intro': 'Angka yang diterbitkan {region} dari dasbor pimpinannya, dihitung Pamong dari catatan layanan daerah. Setiap angka menyebut cara menghitungnya dan waktu berlakunya.',
  'pimpinan.publik.none': '{region} belum menerbitkan angka apa pun.',
  'pimpinan.publik.readAt': 'Dibaca Pamong {at}; diperbarui berkala.',
  'pimpinan.publik.download': 'Data terbuka',
  'pimpinan.publik.csv': 'Unduh CSV',
  'pimpinan.publik.csvEn': 'Unduh CSV (bahasa Inggris)',
  'pimpinan.publik.json': 'Unduh JSON',
  'pimpinan.publik.dcat': 'Katalog DCAT (JSON-LD)',
  'pimpinan.publik.downloadHint': 'Angka yang sama dengan 12 bulan terakhirnya, untuk portal data terbuka dan Excel (CSV UTF-8, pemisah koma), dengan lisensi CC BY 4.0: boleh dipakai ulang dengan menyebut sumbernya. Portal berbasis CKAN dapat memanen katalog DCAT-nya.',
  'pimpinan.publik.months': '12 bulan terakhir',
  'pimpinan.publik.month': 'Bulan',
  'pimpinan.publik.value': 'Nilai',
  'pimpinan.publik.monthsCaption': '{title}: bacaan terakhir tiap bulan',
  'pimpinan.publik.settings.title': 'Dasbor pimpinan: angka untuk publik',
  'pimpinan.publik.settings.intro': 'Centang angka yang boleh dilihat siapa saja, tanpa masuk, di halaman publik daerah dan sebagai data terbuka (CSV dan JSON). Yang tidak dicentang tetap hanya untuk pimpinan. Rincian di balik angka (nama unit, tautan) tidak pernah diterbitkan.',
  'pimpinan.publik.settings.save': 'Simpan pilihan',
  'pimpinan.publik.settings.saved': 'Pilihan angka untuk publik disimpan.',
  'pimpinan.publik.settings.open': 'Buka halaman publik',
  'pimpinan.publik.settings.count': '{n, plural, =0 {Belum ada angka yang diterbitkan} other {# angka diterbitkan}}',
} as const;
