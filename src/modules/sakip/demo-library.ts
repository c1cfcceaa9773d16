// Sumedang's indicator library in the demo: the definitions its plans use
// for stunting, poverty, the SPBE index and on-time complaint responses,
// written down with their formula and data source so another region can
// adopt them in the Living Lab (`sakip.indicators`). Invented demo wording in
// the shape the use case leaves behind.
import type { Queryable } from '../../platform/db/client.js';
import type { LibraryFields } from './domain/library.js';
import { sakipIndicatorLibrary } from './schema.js';

export const demoLibrary: (LibraryFields & { code: string })[] = [
  {
    code: 'IKD-STUNTING', name: 'Prevalensi stunting pada balita', level: 'target', measure: '%', polarity: 'lower_is_better', targetType: 'single', aggregation: 'last', allowsNegative: false,
    definition: 'Persentase balita dengan tinggi badan menurut umur di bawah −2 SD standar WHO di antara balita yang diukur.',
    formula: 'Jumlah balita stunting ÷ jumlah balita yang diukur × 100', dataSource: 'e-PPGBM (bulan penimbangan Februari dan Agustus)',
    note: 'Diukur per desa/kelurahan dan digabung sebagai angka tertimbang, bukan rata-rata persentase desa.',
  },
  {
    code: 'IKD-KEMISKINAN', name: 'Tingkat kemiskinan', level: 'goal', measure: '%', polarity: 'lower_is_better', targetType: 'single', aggregation: 'last', allowsNegative: false,
    definition: 'Persentase penduduk di bawah garis kemiskinan kabupaten.', formula: 'Penduduk miskin ÷ jumlah penduduk × 100', dataSource: 'BPS (Susenas Maret)', note: '',
  },
  {
    code: 'IKD-SPBE', name: 'Indeks SPBE', level: 'target', measure: 'indeks (1–5)', polarity: 'higher_is_better', targetType: 'single', aggregation: 'last', allowsNegative: false,
    definition: 'Indeks Sistem Pemerintahan Berbasis Elektronik hasil evaluasi KemenPANRB.', formula: 'Σ(bobot indikator × tingkat) ÷ 100',
    dataSource: 'Hasil evaluasi SPBE (modul SPBE Pamong)', note: 'Dapat diambil otomatis dari modul SPBE (sumber realisasi spbe.index).',
  },
  {
    code: 'IKD-ADUAN-TEPAT', name: 'Persentase pengaduan yang ditanggapi tepat waktu', level: 'programme', measure: '%', polarity: 'higher_is_better', targetType: 'single', aggregation: 'average', allowsNegative: false,
    definition: 'Pengaduan warga yang diterima dalam periode dan ditanggapi sebelum batas waktunya.', formula: 'Pengaduan ditanggapi tepat waktu ÷ pengaduan diterima × 100',
    dataSource: 'Modul pengaduan Pamong', note: 'Dapat diambil otomatis dari modul pengaduan (complaints.responded-in-time).',
  },
];

export async function seedLibraryDemo(tx: Queryable, regionCode: string, now: Date): Promise<void> {
  await tx.insert(sakipIndicatorLibrary).values(demoLibrary.map((i) => ({ regionCode, ...i, updatedAt: now }))).onConflictDoNothing();
}
