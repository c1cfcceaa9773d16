// The Living Lab's error codes (part of the API contract: never renamed).
import { someOf, type ErrorEntry } from '../../platform/errors.js';

export const livinglabErrors = {
  'livinglab.solution_not_found': [404, 'Solusi tidak ditemukan.', 'Solution not found.'],
  'livinglab.version_not_found': [404, 'Versi solusi ini tidak ditemukan.', 'This version of the solution was not found.'],
  'livinglab.not_published': [409, 'Solusi ini belum diterbitkan, jadi belum dapat diadopsi.', 'This solution is not published yet, so it cannot be adopted.'],
  'livinglab.package_kind_unknown': [422, 'Jenis paket ini tidak dikenal pada instalasi Pamong ini (modulnya tidak terpasang).', 'This kind of package is unknown to this Pamong installation (its module is not installed).', (d: { packageKind?: string }) =>
    (d?.packageKind ? { id: `Jenis: ${d.packageKind}.`, en: `Kind: ${d.packageKind}.` } : null)],
  'livinglab.package_invalid': [422, 'Isi paket tidak sesuai format modulnya; tidak ada yang disimpan atau diterapkan.', 'The package\'s content does not fit its module\'s format; nothing was saved or applied.', (d: { issues?: string[] }) =>
    (d?.issues?.length ? someOf(d.issues, 5) : null)],
  'livinglab.package_format': [422, 'Berkas ini bukan paket Living Lab Pamong yang dikenal (format atau versinya berbeda); tidak ada yang diterapkan.', 'This file is not a Pamong Living Lab package this installation knows (another format or version); nothing was applied.', (d: { expected?: string; got?: string }) =>
    (d?.expected ? { id: `Diharapkan ${d.expected}, diterima ${d.got}.`, en: `Expected ${d.expected}, got ${d.got}.` } : null)],
  'livinglab.package_empty': [422, 'Paket tidak memuat apa pun: pilih sedikitnya satu hal untuk dikemas.', 'The package holds nothing: choose at least one thing to package.'],
  'livinglab.candidate_unknown': [422, 'Pilihan yang dikemas tidak ada di konfigurasi daerah Anda (lihat daftar yang dapat dikemas).', 'Something chosen to package is not in your region\'s configuration (see what can be packaged).', (d: { keys?: string[] }) =>
    (d?.keys?.length ? someOf(d.keys) : null)],
  'livinglab.unit_unmapped': [422, 'Setiap perangkat daerah yang disebut paket harus dipetakan ke perangkat daerah Anda sendiri; tidak ada yang diterapkan.', 'Every unit the package names must be mapped to one of your own units; nothing was applied.', (d: { units?: string[] }) =>
    (d?.units?.length ? someOf(d.units) : null)],
  'livinglab.unit_not_found': [422, 'Perangkat daerah tujuan pemetaan bukan perangkat daerah aktif di daerah Anda; tidak ada yang diterapkan.', 'A unit mapped to is not an active unit of your region; nothing was applied.', (d: { units?: string[] }) =>
    (d?.units?.length ? someOf(d.units) : null)],
  'livinglab.unknown_change': [422, 'Pilihan perubahan tidak ada dalam pratinjau paket ini; muat ulang pratinjaunya.', 'A chosen change is not in this package\'s preview; reload the preview.', (d: { keys?: string[] }) =>
    (d?.keys?.length ? someOf(d.keys) : null)],
  'livinglab.own_solution': [409, 'Solusi milik daerah Anda sendiri tidak diadopsi.', 'A solution of your own region is not adopted.'],
  'livinglab.older_version': [409, 'Daerah Anda sudah mengadopsi versi yang lebih baru dari solusi ini.', 'Your region already adopted a newer version of this solution.'],
  'livinglab.wrong_kind': [422, 'Isian ini tidak berlaku untuk jenis solusi ini (paket konfigurasi Pamong atau aplikasi di luar Pamong).', 'This field does not apply to this kind of solution (a Pamong configuration package or an application outside Pamong).', (d: { field?: string }) =>
    (d?.field ? { id: `Isian: ${d.field}.`, en: `Field: ${d.field}.` } : null)],
  'livinglab.published_once': [409, 'Solusi yang pernah diterbitkan tidak dihapus (pengadopsinya tetap merujuk versinya); minta kurator menyembunyikannya atau tandai digantikan.', 'A solution that was ever published is not deleted (its adopters still refer to its versions); ask a curator to hide it or mark it superseded.'],
  'livinglab.unchanged': [409, 'Tidak ada perubahan untuk diterbitkan: draf sama dengan versi terakhir.', 'Nothing to publish: the draft is the latest version.'],
  'livinglab.not_curator': [403, 'Solusi ini bukan dari daerah di wilayah kurasi Anda (provinsi Anda dan kabupaten/kotanya).', 'This solution is not from a region you curate (your province and its kabupaten/kota).'],
  'livinglab.superseded_by_itself': [422, 'Solusi pengganti harus solusi terbit yang lain.', 'The replacing solution must be another published solution.'],
  'livinglab.kit_type': [415, 'Jenis berkas tidak sesuai bagian perangkat belajar ini (diperiksa dari isinya): SOP dan rancangan peraturan PDF atau Word, materi pelatihan PDF, Word atau PowerPoint, video MP4 atau WebM, tangkapan layar PNG, JPEG atau WebP.', 'The file does not fit this part of the learning kit (checked by its content): SOPs and draft regulations PDF or Word, training material PDF, Word or PowerPoint, videos MP4 or WebM, screenshots PNG, JPEG or WebP.'],
  'livinglab.not_adopter': [403, 'Hanya pejabat daerah yang sudah mengadopsi solusi ini yang dapat menilainya.', 'Only officials of a region that adopted this solution can rate it.'],
  'livinglab.rating_not_found': [404, 'Penilaian ini tidak ditemukan pada solusi ini.', 'This rating was not found on this solution.'],
  'livinglab.application_not_found': [404, 'Aplikasi ini tidak ada dalam inventaris daerah ini.', 'This application is not in this region\'s inventory.'],
  'livinglab.proposal_not_found': [404, 'Usulan ini tidak ditemukan di daerah ini.', 'This proposal was not found in this region.'],
  'livinglab.proposal_decided': [409, 'Usulan ini sudah diputus; keputusan tidak diubah.', 'This proposal was already decided; the decision is not changed.'],
  'livinglab.not_your_unit': [403, 'Anda hanya mengusulkan untuk perangkat daerah Anda sendiri.', 'You propose only for your own unit.'],
  'livinglab.province_not_found': [404, 'Provinsi ini tidak ada dalam daftar wilayah.', 'This province is not in the area registry.'],
  'livinglab.kit_file_missing': [400, 'Kirim satu berkas pada bagian bernama berkas.', 'Send one file in the part named berkas.'],
  // ---- coaching (pendampingan) ----
  'livinglab.coaching_programme_not_found': [404, 'Program pendampingan ini tidak ditemukan di daerah ini.', 'This coaching programme was not found in this region.'],
  'livinglab.coaching_pilot_not_found': [404, 'Daerah dampingan ini tidak ditemukan, atau bukan bagian daerah Anda.', 'This pilot was not found, or is not your region\'s.'],
  'livinglab.coaching_task_not_found': [404, 'Tugas ini tidak ditemukan pada daerah dampingan ini.', 'This task was not found on this pilot.'],
  'livinglab.coaching_session_not_found': [404, 'Sesi ini tidak ditemukan pada daerah dampingan ini.', 'This session was not found on this pilot.'],
  'livinglab.coaching_mentor_only': [403, 'Hanya daerah pendamping yang mengatur sasaran, tugas dan jadwal sesi.', 'Only the mentor region sets goals, tasks and sessions.'],
  'livinglab.coaching_region_unknown': [422, 'Daerah dampingan harus daerah yang aktif di instalasi Pamong ini; tidak ada yang disimpan.', 'Pilot regions must be regions switched on in this Pamong installation; nothing was saved.', (d: { regions?: string[] }) =>
    (d?.regions?.length ? someOf(d.regions) : null)],
  'livinglab.coaching_own_region': [422, 'Daerah pendamping tidak menjadi daerah dampingannya sendiri.', 'The mentor region is not its own pilot.'],
  'livinglab.coaching_solution_unknown': [422, 'Solusi yang dirujuk harus solusi terbit milik daerah Anda.', 'The solutions referred to must be your region\'s published solutions.', (d: { solutions?: string[] }) =>
    (d?.solutions?.length ? someOf(d.solutions) : null)],
  'livinglab.coaching_pilot_has_records': [409, 'Daerah dampingan yang sudah memiliki tugas, sesi, catatan atau bukti tidak dikeluarkan dari program.', 'A pilot with tasks, sessions, notes or evidence is not removed from the programme.', (d: { regions?: string[] }) =>
    (d?.regions?.length ? someOf(d.regions) : null)],
  'livinglab.coaching_file_type': [415, 'Jenis berkas bukti tidak diterima (diperiksa dari isinya): PDF, Word, Excel, atau gambar PNG, JPEG, WebP.', 'This kind of evidence file is not accepted (checked by its content): PDF, Word, Excel, or PNG, JPEG, WebP images.'],
  'livinglab.coaching_file_not_yours': [403, 'Daerah dampingan hanya menghapus bukti yang diunggah daerahnya sendiri.', 'A pilot region deletes only the evidence its own region uploaded.'],
  'livinglab.coaching_goal_not_found': [404, 'Sasaran ini tidak ditemukan pada daerah dampingan ini.', 'This goal was not found on this pilot.'],
  'livinglab.coaching_goal_computed': [409, 'Sasaran indeks SPBE dihitung dari data SPBE daerah dampingan, tidak ditandai selesai dengan tangan.', 'An SPBE index goal is computed from the pilot\'s SPBE data, not marked done by hand.'],
  'livinglab.coaching_goal_changed': [409, 'Sasaran sudah berubah (diubah atau diurutkan ulang oleh daerah pendamping); muat ulang lalu tandai lagi. Tidak ada yang diubah.', 'The goal has changed (edited or reordered by the mentor region); reload and mark it again. Nothing was changed.'],
  'livinglab.coaching_file_missing': [400, 'Kirim satu berkas pada bagian bernama berkas.', 'Send one file in the part named berkas.'],
} as const satisfies Record<string, ErrorEntry>;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof livinglabErrors, true> {}
}
