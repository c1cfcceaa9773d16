// The e-SAKIP module's error codes (part of the API contract: never renamed).
import { someOf, type ErrorEntry, type Words } from '../../platform/errors.js';

/** The first problems of a plan, in words: what a refused change or activation would leave wrong. */
const problemWords = (d: { problems?: { message?: Words }[] }): Words | null => {
  const messages = (d?.problems ?? []).map((p) => p.message).filter((m): m is Words => !!m);
  if (!messages.length) return null;
  const shown = messages.slice(0, 3);
  const more = messages.length - shown.length;
  return {
    id: `${shown.map((m) => m.id).join('; ')}${more > 0 ? ` (dan ${more} masalah lain)` : ''}.`,
    en: `${shown.map((m) => m.en).join('; ')}${more > 0 ? ` (and ${more} more)` : ''}.`,
  };
};

const villageWords = (d: { villageCode?: string }): Words | null => (d?.villageCode ? { id: `Desa: "${d.villageCode}".`, en: `Village: "${d.villageCode}".` } : null);

const valueWords = (d: { value?: unknown }): Words | null => (d?.value === undefined ? null : { id: `Nilai: "${String(d.value)}".`, en: `Value: "${String(d.value)}".` });

export const sakipErrors = {
  'sakip.plan_not_found': [404, 'Rencana kinerja tidak ditemukan.', 'Performance plan not found.'],
  'sakip.node_not_found': [404, 'Simpul pohon kinerja tidak ditemukan dalam rencana ini.', 'The performance-tree node is not in this plan.'],
  'sakip.library_not_found': [404, 'Indikator tidak ada dalam katalog indikator daerah ini.', 'The indicator is not in this region\'s indicator library.', (d: { codes?: string[] }) =>
    (d?.codes?.length ? { id: `Kode: ${someOf(d.codes).id}.`, en: `Codes: ${someOf(d.codes).en}.` } : null)],
  'sakip.package_invalid': [422, 'Set indikator tidak konsisten: kode indikator yang sama muncul dua kali. Tidak ada yang diubah.', 'The indicator set is inconsistent: an indicator code appears twice. Nothing was changed.', (d: { codes?: string[] }) =>
    (d?.codes?.length ? { id: `Kode: ${someOf(d.codes).id}.`, en: `Codes: ${someOf(d.codes).en}.` } : null)],
  'sakip.indicator_not_found': [404, 'Indikator tidak ditemukan dalam rencana ini.', 'The indicator is not in this plan.'],
  'sakip.plan_exists': [409, 'Rencana dengan pemilik dan tahun awal yang sama sudah ada.', 'A plan with the same owner and start year already exists.'],
  'sakip.plan_period_invalid': [400, 'Periode rencana tidak valid: paling lama lima tahun, tahun akhir tidak sebelum tahun awal.', 'The plan period is invalid: at most five years, the end year not before the start year.'],
  'sakip.plan_overlap': [409, 'Sudah ada rencana aktif dengan pemilik yang sama pada periode yang beririsan.', 'An active plan of the same owner already covers part of this period.', (d: { title?: string }) =>
    (d?.title ? { id: `Rencana: "${d.title}".`, en: `Plan: "${d.title}".` } : null)],
  'sakip.plan_active': [409, 'Rencana sudah aktif: susunannya tidak dapat diubah. Koordinator SAKIP dapat mengembalikannya ke draf untuk perubahan.', 'The plan is active: its structure cannot be changed. The SAKIP coordinator can return it to draft to change it.'],
  'sakip.plan_not_ready': [409, 'Rencana belum dapat diaktifkan: masih ada masalah pada pohon kinerja.', 'The plan cannot be activated yet: the performance tree still has problems.', problemWords],
  'sakip.change_invalid': [409, 'Perubahan ditolak karena akan membuat rencana tidak valid; tidak ada yang disimpan.', 'The change was refused because it would make the plan invalid; nothing was saved.', problemWords],
  'sakip.cycle': [409, 'Perubahan ditolak: simpul tidak dapat dipindahkan ke bawah dirinya sendiri atau turunannya.', 'Refused: a node cannot move under itself or one of its descendants.'],
  'sakip.kind_not_allowed': [409, 'Jenis simpul ini tidak boleh berada di bawah induk tersebut.', 'This kind of node may not sit under that parent.', (d: { allowed?: string[] }) => {
    if (!d?.allowed) return null;
    if (d.allowed.length === 0) return { id: 'Induk ini tidak boleh memiliki simpul di bawahnya.', en: 'That parent may have no nodes under it.' };
    const list = someOf(d.allowed);
    return { id: `Yang diperbolehkan: ${list.id}.`, en: `Allowed: ${list.en}.` };
  }],
  'sakip.kind_not_in_plan': [409, 'Jenis simpul ini tidak dipakai dalam rencana jenis ini: visi dan misi hanya dalam RPJMD, kegiatan dan sub-kegiatan hanya dalam Renstra.', 'This kind of node is not used in this kind of plan: vision and missions only in the RPJMD, activities and sub-activities only in a Renstra.'],
  'sakip.code_invalid': [400, 'Kode tidak sesuai format Permendagri 90/2019 atau tidak diawali kode induknya (program 1.02.02, kegiatan 1.02.02.2.01, sub-kegiatan 1.02.02.2.01.0001).', 'The code does not follow the Permendagri 90/2019 format or does not start with its parent\'s code (programme 1.02.02, activity 1.02.02.2.01, sub-activity 1.02.02.2.01.0001).', (d: { code?: string }) =>
    (d?.code ? { id: `Kode: "${d.code}".`, en: `Code: "${d.code}".` } : null)],
  'sakip.node_not_empty': [409, 'Simpul masih memiliki simpul turunan, indikator atau anggaran, atau didukung simpul rencana lain; pindahkan, hapus atau lepaskan lebih dahulu.', 'The node still has nodes, indicators or a budget under it, or a node of another plan cascades from it; move, remove or unlink them first.'],
  'sakip.supports_invalid': [409, 'Simpul yang didukung harus berupa sasaran pada rencana lain di daerah ini.', 'The node supported must be a target (sasaran) of another plan in this region.'],
  'sakip.indicator_in_use': [409, 'Indikator sudah memiliki target, target rencana aksi atau realisasi dan tidak dapat dihapus.', 'The indicator already has targets, action-plan targets or realisations and cannot be removed.'],
  'sakip.value_not_numeric': [400, 'Nilai harus berupa angka desimal dengan titik (contoh 12.5), bukan teks atau koma desimal.', 'The value must be a decimal number with a point (for example 12.5), not text or a decimal comma.', valueWords],
  'sakip.value_negative': [400, 'Nilai tidak boleh negatif untuk indikator ini.', 'The value must not be negative for this indicator.', valueWords],
  'sakip.value_out_of_range': [400, 'Nilai terlalu panjang: paling banyak 15 angka sebelum titik dan 6 angka sesudahnya.', 'The value is too long: at most 15 digits before the point and 6 after it.', valueWords],
  'sakip.target_type_mismatch': [400, 'Bentuk target tidak sesuai indikator: kirim satu nilai untuk target tunggal, atau batas bawah dan atas untuk target rentang.', 'The target does not match the indicator: send one value for a single target, or low and high bounds for a range.'],
  'sakip.range_inverted': [400, 'Batas bawah rentang target melebihi batas atasnya.', 'The target range\'s low bound is above its high bound.'],
  'sakip.reason_required': [400, 'Revisi target memerlukan alasan.', 'A target revision needs a reason.'],
  'sakip.target_unchanged': [409, 'Target yang dikirim sama dengan target yang berlaku; tidak ada yang direvisi.', 'The target sent is the current one; nothing was revised.'],
  'sakip.year_outside_plan': [409, 'Tahun berada di luar periode rencana.', 'The year is outside the plan period.', (d: { year?: number; startYear?: number; endYear?: number }) =>
    (d?.year ? { id: `Tahun ${d.year}, periode ${d.startYear}–${d.endYear}.`, en: `Year ${d.year}, period ${d.startYear}–${d.endYear}.` } : null)],
  'sakip.period_outside_plan': [409, 'Periode realisasi berada di luar periode rencana.', 'The realisation period is outside the plan period.', (d: { period?: string; startYear?: number; endYear?: number }) =>
    (d?.period ? { id: `Periode ${d.period}, rencana ${d.startYear}–${d.endYear}.`, en: `Period ${d.period}, plan ${d.startYear}–${d.endYear}.` } : null)],
  'sakip.period_not_started': [409, 'Periode ini belum dimulai; realisasi diisi setelah periodenya berjalan.', 'This period has not started yet; a realisation is entered once its period is under way.'],
  'sakip.period_mixed': [409, 'Indikator ini sudah dilaporkan per periode lain pada tahun yang sama (tahunan, triwulanan atau bulanan); satu indikator memakai satu jenis periode per tahun.', 'This indicator is already reported by another kind of period in the same year (yearly, quarterly or monthly); one indicator uses one kind of period per year.', (d: { existing?: string[] }) => {
    if (!d?.existing?.length) return null;
    const list = someOf(d.existing);
    return { id: `Sudah ada: ${list.id}.`, en: `Already there: ${list.en}.` };
  }],
  'sakip.not_your_unit': [403, 'Rencana atau indikator ini milik perangkat daerah lain.', 'This plan or indicator belongs to another unit.'],
  'sakip.coordinator_only': [403, 'Hanya koordinator SAKIP yang dapat mengubah rencana tingkat daerah (RPJMD).', 'Only the SAKIP coordinator can change the region\'s plan (RPJMD).'],
  // Excel (XLSX) import and export of a plan (service/workbook.ts).
  'sakip.workbook_not_xlsx': [415, 'Berkas bukan buku kerja Excel (.xlsx). Di Excel pilih Simpan Sebagai, "Buku Kerja Excel (*.xlsx)", lalu unggah lagi.', 'The file is not an Excel workbook (.xlsx). In Excel choose Save As, "Excel Workbook (*.xlsx)", and upload it again.'],
  'sakip.workbook_too_large': [413, 'Buku kerja terlalu besar setelah dibuka (isinya mengembang jauh melebihi ukuran berkas, atau lembarnya terlalu banyak baris atau kolom); tidak ada yang disimpan.', 'The workbook is too large once unpacked (its content expands far beyond the file\'s size, or a sheet has too many rows or columns); nothing was saved.'],
  'sakip.workbook_unreadable': [400, 'Buku kerja tidak dapat dibaca: berkasnya rusak. Buka di Excel, simpan ulang sebagai .xlsx, lalu unggah lagi.', 'The workbook cannot be read: the file is damaged. Open it in Excel, save it again as .xlsx and upload it again.'],
  'sakip.workbook_invalid': [400, 'Isi buku kerja tidak dapat diimpor; tidak ada yang disimpan. Setiap masalah disebut dengan lembar, baris dan kolomnya.', 'The workbook\'s content cannot be imported; nothing was saved. Each problem names its sheet, row and column.', problemWords],
  'sakip.import_discards_history': [409, 'Impor ditolak: mengganti susunan rencana ini akan menghapus riwayatnya (realisasi, target yang sudah direvisi, anggaran, atau simpul yang didukung rencana lain). Impor hanya untuk menyusun draf; ubah rencana ini lewat formulir.', 'Import refused: replacing this plan\'s structure would discard its history (realisations, revised targets, budgets, or nodes other plans cascade from). Import is for building a draft; change this plan through the forms.'],
  // Reporting periods: deadlines, submission, locking.
  'sakip.reporting_period_not_found': [404, 'Periode pelaporan belum dibuka di daerah ini.', 'This reporting period has not been opened in this region.'],
  'sakip.reporting_period_exists': [409, 'Periode pelaporan ini sudah dibuka.', 'This reporting period is already open.'],
  'sakip.due_invalid': [400, 'Batas waktu tidak valid: tidak boleh sebelum periode berakhir dan harus belum lewat. Untuk periode lama, tetapkan batas waktu baru.', 'The due date is invalid: it may not be before the period ends and must not have passed. For a past period, give a new due date.', (d: { dueDate?: string }) =>
    (d?.dueDate ? { id: `Batas waktu: ${d.dueDate}.`, en: `Due date: ${d.dueDate}.` } : null)],
  'sakip.period_locked': [409, 'Periode pelaporan sudah ditutup dan dikunci: realisasinya tidak dapat diubah. Koreksi hanya oleh koordinator SAKIP, dengan alasan.', 'The reporting period is closed and locked: its realisations cannot be changed. Only the SAKIP coordinator corrects them, with a reason.', (d: { lockedBy?: string }) =>
    (d?.lockedBy ? { id: `Dikunci oleh penutupan periode ${d.lockedBy}.`, en: `Locked by closing ${d.lockedBy}.` } : null)],
  // Evidence files of a realisation (service/evidence.ts).
  'sakip.evidence_type_not_allowed': [415, 'Jenis berkas bukti dukung tidak diizinkan. Gunakan PDF, JPEG, PNG, XLSX atau DOCX (paling besar 10 MB per berkas).', 'Evidence file type not allowed. Use PDF, JPEG, PNG, XLSX or DOCX (at most 10 MB a file).'],
  'sakip.evidence_too_large_unpacked': [413, 'Berkas Word/Excel ini terlalu besar setelah dibuka (isinya mengembang jauh melebihi ukuran berkasnya); tidak ada yang disimpan. Simpan ulang atau ubah menjadi PDF, lalu unggah lagi.', 'This Word/Excel file is too large once unpacked (its content expands far beyond the file\'s size); nothing was saved. Save it again or turn it into a PDF and upload it again.'],
  'sakip.evidence_unreadable': [400, 'Berkas Word/Excel ini rusak dan tidak dapat dibuka; tidak ada yang disimpan. Simpan ulang lalu unggah lagi.', 'This Word/Excel file is damaged and cannot be opened; nothing was saved. Save it again and upload it again.'],
  'sakip.evidence_period_locked': [409, 'Periode pelaporan sudah ditutup dan dikunci: bukti dukungnya tidak dapat ditambah atau dihapus. Minta koordinator SAKIP membuka kembali periodenya.', 'The reporting period is closed and locked: its evidence cannot be added or removed. Ask the SAKIP coordinator to reopen the period.'],
  'sakip.realisation_not_found': [404, 'Realisasi periode ini belum diisi; isi realisasinya dulu, lalu lampirkan bukti dukung.', 'This period\'s realisation has not been entered; enter it first, then attach the evidence.'],
  'sakip.correction_reason_required': [400, 'Mengubah realisasi pada periode yang sudah ditutup memerlukan alasan koreksi.', 'Changing a realisation of a closed period needs a reason for the correction.'],
  'sakip.unit_not_reporting': [404, 'Perangkat daerah ini tidak memiliki laporan pada periode pelaporan ini.', 'This unit has no report in this reporting period.'],
  'sakip.report_submitted': [409, 'Laporan perangkat daerah untuk periode ini sudah dikirim.', 'The unit\'s report for this period has already been submitted.'],
  // Realisations taken from another module's measure (service/sources.ts).
  'sakip.source_unknown': [400, 'Sumber realisasi tidak dikenal: pilih salah satu ukuran yang ditawarkan modul (GET /api/regions/{daerah}/measures).', 'Unknown realisation source: choose one of the measures modules offer (GET /api/regions/{region}/measures).', (d: { source?: string }) =>
    (d?.source ? { id: `Sumber: "${d.source}".`, en: `Source: "${d.source}".` } : null)],
  'sakip.source_missing': [409, 'Indikator ini tidak bersumber dari modul lain; realisasinya diisi.', 'This indicator has no source module; its realisations are typed.'],
  'sakip.source_period_unsupported': [409, 'Sumbernya tidak mengukur periode sejenis ini (misalnya indeks SPBE hanya per tahun).', 'Its source does not measure this kind of period (the SPBE index is yearly only, for example).', (d: { periods?: string[] }) => {
    if (!d?.periods?.length) return null;
    const list = someOf(d.periods);
    return { id: `Periode yang diukur: ${list.id}.`, en: `Periods measured: ${list.en}.` };
  }],
  'sakip.source_no_value': [409, 'Sumbernya belum punya nilai untuk periode ini (misalnya hasil SPBE tahun itu belum tercatat, atau belum ada pengaduan yang ditanggapi).', 'Its source has no value for this period yet (the year\'s SPBE result is not recorded, or no complaint was answered, for example).'],
  // Performance agreements (Perjanjian Kinerja): service/agreements.ts.
  'sakip.agreement_not_found': [404, 'Perjanjian kinerja tidak ditemukan.', 'Performance agreement not found.'],
  'sakip.agreement_exists': [409, 'Perjanjian kinerja pejabat ini untuk tahun ini sudah ada; ubah atau revisi yang ada.', 'This official\'s performance agreement for the year already exists; edit or revise it.'],
  'sakip.agreement_no_plan': [409, 'Tidak ada rencana aktif (RPJMD untuk kepala daerah, Renstra untuk perangkat daerah) yang mencakup tahun ini; target perjanjian kinerja diambil dari sana.', 'No active plan (the RPJMD for the head of region, the unit\'s Renstra for a unit) covers this year; the agreement\'s targets come from it.'],
  'sakip.agreement_empty': [409, 'Tidak ada indikator bertarget pada tahun ini untuk diperjanjikan.', 'No indicator has a target for this year to commit to.'],
  'sakip.agreement_parties_invalid': [400, 'Para pihak tidak sesuai: kepala daerah tidak memiliki pihak kedua; kepala perangkat daerah dan pejabat eselon III/IV memerlukan pihak kedua (atasannya).', 'The parties do not fit: the head of region has no second party; a unit head or an echelon III/IV official needs one (their superior).'],
  'sakip.agreement_signed': [409, 'Versi ini sudah ditandatangani dan tidak dapat diubah; buat revisi dengan alasannya.', 'This version is signed and cannot be changed; make a revision with its reason.'],
  'sakip.agreement_not_signed': [409, 'Versi yang berlaku masih draf: ubah draf itu, revisi hanya untuk perjanjian yang sudah ditandatangani.', 'The current version is still a draft: edit it; a revision is for a signed agreement.'],
  'sakip.agreement_reason_required': [400, 'Revisi perjanjian kinerja memerlukan alasan (misalnya pejabat berganti atau target direvisi).', 'Revising a performance agreement needs a reason (for example the official changed or a target was revised).'],
  'sakip.agreement_version_not_found': [404, 'Versi perjanjian kinerja ini tidak ada.', 'This version of the performance agreement does not exist.'],
  // The internal AKIP evaluation and KemenPANRB's results (service/evaluation*.ts).
  'sakip.evaluation_not_found': [404, 'Evaluasi AKIP tidak ditemukan di daerah ini.', 'AKIP evaluation not found in this region.'],
  'sakip.evaluation_exists': [409, 'Evaluasi AKIP untuk tahun ini sudah ada.', 'An AKIP evaluation for this year already exists.'],
  'sakip.evaluation_status': [409, 'Langkah ini tidak dapat dilakukan pada tahap evaluasi sekarang.', 'This step is not possible at the evaluation\'s current stage.', (d: { status?: string; allowed?: string[] }) =>
    (d?.status ? { id: `Tahap sekarang: ${d.status}${d.allowed?.length ? `; bisa pada: ${d.allowed.join(', ')}` : ''}.`, en: `Current stage: ${d.status}${d.allowed?.length ? `; possible at: ${d.allowed.join(', ')}` : ''}.` } : null)],
  'sakip.evaluation_final': [409, 'Evaluasi sudah final dan hanya dapat dibaca; yang masih berjalan hanya tindak lanjut rekomendasi.', 'The evaluation is final and read-only; only the recommendations\' follow-up moves on.'],
  'sakip.evaluation_incomplete': [409, 'Evaluasi belum dapat difinalkan: setiap sub-komponen harus sudah diberi nilai huruf.', 'The evaluation cannot be finalised yet: every sub-component needs its letter.', (d: { missing?: string[] }) => {
    if (!d?.missing?.length) return null;
    const list = someOf(d.missing);
    return { id: `Belum dinilai: ${list.id}.`, en: `Not scored yet: ${list.en}.` };
  }],
  'sakip.criterion_unknown': [400, 'Kriteria tidak ada pada lembar kerja evaluasi ini.', 'The criterion is not on this evaluation\'s worksheet.', valueWords],
  'sakip.answer_invalid': [400, 'Jawaban tidak sesuai skema lembar kerja.', 'The answer does not fit the worksheet\'s answer scheme.', (d: { value?: unknown; allowed?: string[] }) =>
    (d?.allowed ? { id: `"${String(d.value)}"; pilihan: ${d.allowed.join(', ')}.`, en: `"${String(d.value)}"; choose one of ${d.allowed.join(', ')}.` } : null)],
  'sakip.sub_component_unknown': [400, 'Sub-komponen tidak ada pada lembar kerja evaluasi ini.', 'The sub-component is not on this evaluation\'s worksheet.', valueWords],
  'sakip.letter_invalid': [400, 'Nilai huruf tidak dikenal lembar kerja ini.', 'The letter is not known to this worksheet.', (d: { value?: unknown; allowed?: string[] }) =>
    (d?.allowed ? { id: `"${String(d.value)}"; pilihan: ${d.allowed.join(', ')}.`, en: `"${String(d.value)}"; choose one of ${d.allowed.join(', ')}.` } : null)],
  'sakip.unit_not_evaluated': [404, 'Perangkat daerah ini tidak termasuk yang dievaluasi.', 'This unit is not among those evaluated.'],
  'sakip.recommendation_not_found': [404, 'Rekomendasi tidak ditemukan dalam evaluasi ini.', 'The recommendation is not in this evaluation.'],
  'sakip.follow_up_invalid': [409, 'Perubahan status tindak lanjut tidak diizinkan: terbuka → dalam proses → selesai; hanya evaluator yang menyatakan selesai atau membuka kembali.', 'This follow-up change is not allowed: open → in progress → done; only an evaluator declares it done or reopens it.', (d: { from?: string; to?: string }) =>
    (d?.from ? { id: `Dari ${d.from} ke ${d.to}.`, en: `From ${d.from} to ${d.to}.` } : null)],
  'sakip.worksheet_unknown': [400, 'Versi lembar kerja evaluasi tidak dikenal.', 'Unknown worksheet version.', valueWords],
  'sakip.score_invalid': [400, 'Nilai harus angka 0–100 dengan paling banyak dua desimal.', 'The score must be a number from 0 to 100 with at most two decimals.', valueWords],
  // The performance report (LKjIP): service/lkjip.ts.
  'sakip.report_not_found': [404, 'Laporan kinerja (LKjIP) tidak ditemukan.', 'Performance report (LKjIP) not found.'],
  'sakip.report_exists': [409, 'Laporan kinerja untuk tahun ini sudah ada; buka dan perbarui angkanya bila perlu.', 'The performance report for this year already exists; open it and regenerate its figures if needed.'],
  'sakip.report_no_plan': [409, 'Tidak ada rencana aktif (RPJMD untuk daerah, Renstra untuk perangkat daerah) yang mencakup tahun ini; angka laporan kinerja diambil dari sana.', 'No active plan (the RPJMD for the region, the unit\'s Renstra for a unit) covers this year; the report\'s figures come from it.'],
  'sakip.report_final': [409, 'Laporan kinerja sudah final dan hanya dapat dibaca.', 'The performance report is final and read-only.'],
  'sakip.report_not_final': [409, 'Hanya laporan kinerja final yang dapat dibuka kembali; laporan ini masih draf.', 'Only a final performance report can be reopened; this one is still a draft.'],
  'sakip.report_reopen_reason_required': [400, 'Membuka kembali laporan kinerja final memerlukan alasan.', 'Reopening a final performance report needs a reason.'],
  'sakip.report_version_not_found': [404, 'Versi laporan kinerja ini tidak ditemukan.', 'This version of the performance report was not found.'],
  // Budgets and action plans (service/budget.ts).
  'sakip.budget_node_kind': [409, 'Anggaran hanya dicatat pada program, kegiatan dan sub-kegiatan.', 'A budget is recorded on a programme, activity or sub-activity only.', (d: { kind?: string }) =>
    (d?.kind ? { id: `Jenis simpul: ${d.kind}.`, en: `Node kind: ${d.kind}.` } : null)],
  'sakip.period_kind_mixed': [409, 'Tahun ini sudah diisi per jenis periode lain (tahunan, triwulanan atau bulanan); satu jenis periode per tahun.', 'This year is already filled by another kind of period (yearly, quarterly or monthly); one kind of period per year.', (d: { existing?: string[] }) => {
    if (!d?.existing?.length) return null;
    const list = someOf(d.existing);
    return { id: `Sudah ada: ${list.id}.`, en: `Already there: ${list.en}.` };
  }],
  'sakip.action_period_year': [400, 'Target rencana aksi ditetapkan per triwulan atau per bulan; target tahunannya adalah target rencana.', 'An action-plan target is set per quarter or month; the year\'s target is the plan\'s.'],
  'sakip.not_province': [400, 'Perbandingan kabupaten/kota hanya untuk provinsi.', 'The regency/city comparison is for a province only.'],
  // Village data ("down to the village").
  'sakip.district_not_in_region': [400, 'Kode kecamatan tidak dikenal atau bukan kecamatan di daerah ini.', 'The kecamatan code is unknown or not a kecamatan of this region.', (d: { districtCode?: string }) =>
    (d?.districtCode ? { id: `Kode: "${d.districtCode}".`, en: `Code: "${d.districtCode}".` } : null)],
  'sakip.district_taken': [409, 'Kecamatan ini sudah ditautkan ke perangkat daerah lain.', 'This kecamatan is already linked to another unit.'],
  'sakip.kecamatan_not_linked': [404, 'Perangkat daerah ini belum ditautkan ke kecamatan.', 'This unit is not linked to a kecamatan.'],
  'sakip.village_rule_invalid': [400, 'Aturan data desa tidak valid: jumlah tanpa pengali, atau rasio dengan pengali lebih dari 0 (100 untuk persen).', 'The village rule is invalid: a sum without a scale, or a rate with a scale above 0 (100 for a percentage).'],
  'sakip.village_rule_in_use': [409, 'Cara penggabungan desa tidak dapat diganti karena indikator ini sudah memiliki data desa.', 'The village roll-up cannot change: this indicator already has village values.'],
  'sakip.village_source_conflict': [409, 'Indikator yang realisasinya diambil dari modul lain tidak dapat diukur per desa.', 'An indicator whose realisations come from another module cannot be measured per village.'],
  'sakip.not_village_indicator': [409, 'Indikator ini tidak diukur per desa/kelurahan.', 'This indicator is not measured per village.'],
  'sakip.realisation_from_villages': [409, 'Realisasi indikator ini dihitung dari data desa/kelurahan; isi nilai desanya, bukan realisasinya.', 'This indicator\'s realisation is rolled up from its villages; enter the village values, not the realisation.'],
  'sakip.village_not_in_region': [400, 'Kode desa/kelurahan tidak dikenal atau bukan desa/kelurahan di daerah ini.', 'The village code is unknown or not a village of this region.', villageWords],
  'sakip.village_not_yours': [403, 'Desa/kelurahan ini bukan di kecamatan Anda.', 'This village is not in your kecamatan.', villageWords],
  'sakip.village_duplicate': [400, 'Desa/kelurahan yang sama disebut lebih dari sekali.', 'The same village is given more than once.', villageWords],
  'sakip.denominator_required': [400, 'Indikator rasio memerlukan penyebut lebih dari 0 untuk setiap desa.', 'A rate indicator needs a denominator above 0 for each village.', valueWords],
  'sakip.denominator_not_allowed': [400, 'Indikator jumlah tidak memakai penyebut.', 'A sum indicator takes no denominator.'],
  'sakip.numerator_exceeds_denominator': [400, 'Pembilang tidak boleh lebih besar dari penyebutnya.', 'The numerator must not exceed its denominator.', valueWords],
  'sakip.village_import_invalid': [400, 'Berkas data desa tidak dapat diimpor; tidak ada yang disimpan. Setiap masalah disebut dengan baris dan kolomnya.', 'The village file cannot be imported; nothing was saved. Each problem names its row and column.', problemWords],
  'sakip.village_column_missing': [400, 'Kolom wajib tidak ada di baris judul.', 'A required column is missing from the header row.', (d: { column?: string }) =>
    (d?.column ? { id: `Kolom: "${d.column}".`, en: `Column: "${d.column}".` } : null)],
  'sakip.village_file_empty': [400, 'Berkas tidak berisi baris data di bawah judul.', 'The file has no data rows below its header.'],
  'sakip.village_value_not_found': [404, 'Desa/kelurahan ini belum berisi nilai pada periode ini.', 'This village has no value in this period.', villageWords],
  'sakip.village_delete_reason_required': [400, 'Menghapus nilai desa wajib disertai alasan.', 'Deleting a village value needs a reason.'],
  'sakip.village_file_type': [415, 'Berkas harus CSV (teks UTF-8) atau Excel (.xlsx).', 'The file must be CSV (UTF-8 text) or Excel (.xlsx).'],
} as const satisfies Record<string, ErrorEntry>;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof sakipErrors, true> {}
}
