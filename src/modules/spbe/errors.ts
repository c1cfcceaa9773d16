// The SPBE module's error codes (part of the API contract: never renamed).
import { someOf, type ErrorEntry } from '../../platform/errors.js';

export const spbeErrors = {
  'spbe.framework_not_found': [404, 'Kerangka evaluasi tidak ditemukan.', 'Evaluation framework not found.'],
  'spbe.framework_exists': [409, 'Kode kerangka evaluasi sudah dipakai.', 'The framework code is already used.'],
  'spbe.version_not_found': [404, 'Versi kerangka evaluasi tidak ditemukan.', 'Framework version not found.'],
  'spbe.version_immutable': [409, 'Hanya versi draf yang dapat diubah. Buat versi baru untuk mengoreksi versi aktif.', 'Only a draft version can be changed. Create a new version to correct an active one.'],
  'spbe.version_not_active': [409, 'Versi kerangka ini tidak aktif; evaluasi hanya dibuka dengan versi aktif.', 'This framework version is not active; evaluations are opened under an active version.'],
  'spbe.framework_invalid': [400, 'Struktur kerangka evaluasi tidak konsisten.', 'The framework structure is inconsistent.', (d: { problems?: unknown[] }) => {
    const n = d?.problems?.length ?? 0;
    return n ? { id: `Ditemukan ${n} masalah.`, en: `${n} problem${n === 1 ? '' : 's'} found.` } : null;
  }],
  'spbe.weights_not_100': [409, 'Versi tidak dapat diaktifkan: jumlah bobot indikator harus tepat 100.', 'The version cannot be activated: indicator weights must sum to exactly 100.'],
  'spbe.evaluation_not_found': [404, 'Evaluasi SPBE tidak ditemukan.', 'SPBE evaluation not found.'],
  'spbe.evaluation_exists': [409, 'Evaluasi untuk tahun ini sudah dibuka.', 'An evaluation for this year is already open.'],
  'spbe.evaluation_closed': [409, 'Evaluasi sudah ditutup dan tidak dapat diubah.', 'The evaluation is closed and cannot be changed.'],
  'spbe.wrong_stage': [409, 'Tindakan ini tidak dapat dilakukan pada tahap evaluasi saat ini.', 'This action is not possible at the evaluation\'s current stage.'],
  'spbe.stage_incomplete': [409, 'Tahap belum dapat dilanjutkan: masih ada indikator yang belum siap.', 'The stage cannot advance yet: some indicators are not ready.', (d: { indicators?: string[] }) => {
    if (!d?.indicators?.length) return null;
    // Indicator codes are numbers to a reader: 2 comes before 10.
    const list = someOf([...d.indicators].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b)));
    return { id: `Indikator nomor ${list.id}.`, en: `Indicators number ${list.en}.` };
  }],
  'spbe.practice_not_found': [404, 'Praktik SPBE untuk indikator ini tidak ditemukan di daerah ini.', 'No SPBE practice for this indicator in this region.'],
  'spbe.package_invalid': [422, 'Paket praktik SPBE tidak konsisten (indikator yang sama dua kali). Tidak ada yang diubah.', 'The SPBE practices package is inconsistent (an indicator twice). Nothing was changed.'],
  'spbe.package_indicator_unknown': [422, 'Paket praktik SPBE menyebut kerangka atau indikator yang tidak ada di instalasi ini. Tidak ada yang diubah.', 'The SPBE practices package names a framework or indicator this installation does not have. Nothing was changed.', (d: { indicators?: string[] }) =>
    (d?.indicators?.length ? { id: `Indikator: ${someOf(d.indicators).id}.`, en: `Indicators: ${someOf(d.indicators).en}.` } : null)],
  'spbe.indicator_not_found': [404, 'Indikator tidak ada dalam kerangka evaluasi ini.', 'The indicator is not in this framework.'],
  'spbe.level_invalid': [400, 'Tingkat kematangan di luar skala kerangka evaluasi.', 'The maturity level is outside the framework\'s scale.'],
  'spbe.answer_wrong_status': [409, 'Tindakan ini tidak dapat dilakukan pada status jawaban indikator saat ini.', 'This action is not possible in the indicator answer\'s current status.'],
  'spbe.bulk_refused': [409, 'Tidak ada yang disimpan: sebagian indikator terpilih tidak dapat diproses. Keluarkan indikator yang ditolak dari pilihan, lalu ulangi.', 'Nothing was saved: some of the selected indicators cannot be processed. Deselect the refused indicators and try again.'],
  'spbe.not_your_unit': [403, 'Indikator ini ditugaskan kepada perangkat daerah lain.', 'This indicator is assigned to another unit.'],
  'spbe.evidence_type_not_allowed': [415, 'Jenis berkas bukti dukung tidak diizinkan. Gunakan PDF, JPEG, PNG, XLSX atau DOCX.', 'Evidence file type not allowed. Use PDF, JPEG, PNG, XLSX or DOCX.'],
  'spbe.import_invalid': [400, 'Berkas CSV hasil evaluasi tidak valid; tidak ada yang diimpor.', 'The results CSV is invalid; nothing was imported.', (d: { problems?: { line: number }[] }) => {
    const lines = [...new Set((d?.problems ?? []).map((p) => p.line))];
    if (!lines.length) return null;
    const list = someOf(lines);
    return { id: `Periksa baris ${list.id}.`, en: `Check line ${list.en}.` };
  }],
  'spbe.result_not_found': [404, 'Hasil evaluasi untuk tahun ini tidak ditemukan.', 'No evaluation result for this year.'],
  'spbe.target_not_found': [404, 'Target indeks untuk tahun ini belum ditetapkan.', 'No target index has been set for this year.'],
  'spbe.no_baseline': [404, 'Belum ada evaluasi yang dapat dijadikan titik awal.', 'There is no evaluation to start from yet.'],
} as const satisfies Record<string, ErrorEntry>;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof spbeErrors, true> {}
}
