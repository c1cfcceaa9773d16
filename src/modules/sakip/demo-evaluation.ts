// The demo's AKIP evaluation: Sumedang's internal evaluation of 2025 by the
// Inspektorat, final (the health office and Diskominfo answered every
// kriteria with evidence, each sub-komponen has its letter and note, three
// recommendations, one followed up to closure), and KemenPANRB's results of
// 2023–2025 for Sumedang and the showcase's other kabupaten/kota of Jawa
// Barat (src/demo/showcase.ts), so the province comparison starts full.
// Invented figures; the score and predicate come from domain/evaluation.ts.
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../../platform/schema.js';
import { predicateFor, scoreEvaluation } from './domain/evaluation.js';
import { sakipEvaluationAnswers, sakipEvaluationReviews, sakipEvaluations, sakipOfficialResults, sakipRecommendationFollowUps, sakipRecommendations } from './schema.js';
import { CURRENT_WORKSHEET, worksheet } from './service/evaluation.js';

/** KemenPANRB's published scores 2023, 2024, 2025 (invented for the demo). */
export const demoOfficialScores: Record<string, [string, string, string]> = {
  '32.11': ['68.52', '71.40', '74.15'],
  '32.73': ['76.10', '78.25', '80.62'],
  '32.04': ['70.05', '72.30', '73.91'],
  '32.05': ['60.20', '61.75', '64.08'],
  '32.71': ['73.44', '74.02', '72.88'],
};
const RESULT_YEARS = [2023, 2024, 2025];
const SOURCE = 'Surat Menteri PANRB tentang hasil evaluasi AKIP (angka contoh untuk demo)';

/** The official results of a region where missing; true when any was added. */
export async function seedOfficialResults(tx: Queryable, regionCode: string, now: Date): Promise<boolean> {
  const scores = demoOfficialScores[regionCode];
  if (!scores) return false;
  const framework = worksheet(CURRENT_WORKSHEET);
  const added = await tx.insert(sakipOfficialResults).values(RESULT_YEARS.map((year, i) => ({
    regionCode, year, score: scores[i], predicate: predicateFor(scores[i], framework)!.code, worksheetVersion: CURRENT_WORKSHEET, source: SOURCE,
    recordedAt: now, recordedBy: null, recordedByLabel: 'sakip@sumedang.demo',
  }))).onConflictDoNothing().returning();
  return added.length > 0;
}

/** The evaluators' letters and notes for 2025. */
const letters: Record<string, [string, string]> = {
  '1.a': ['A', 'RPJMD, Renstra, Renja dan perjanjian kinerja tersedia dan dipublikasikan tepat waktu.'],
  '1.b': ['BB', 'Sebagian indikator sasaran Renstra masih berupa keluaran, belum hasil.'],
  '1.c': ['B', 'Anggaran belum sepenuhnya dikaitkan dengan sasaran kinerja; cascading belum sampai eselon IV di semua perangkat daerah.'],
  '2.a': ['A', 'Pengukuran kinerja triwulanan berjalan di e-SAKIP.'],
  '2.b': ['BB', 'Data kinerja sebagian masih dikumpulkan manual.'],
  '2.c': ['B', 'Hasil pengukuran belum dipakai sebagai dasar tunjangan kinerja.'],
  '3.a': ['AA', 'LKjIP 2024 disampaikan tepat waktu dan dipublikasikan.'],
  '3.b': ['BB', 'Analisis efisiensi penggunaan sumber daya belum lengkap.'],
  '3.c': ['B', 'Informasi LKjIP belum banyak dipakai untuk perbaikan perencanaan.'],
  '4.a': ['A', 'Evaluasi internal dilakukan Inspektorat atas seluruh perangkat daerah.'],
  '4.b': ['BB', 'Evaluator internal sebagian belum mengikuti pelatihan evaluasi AKIP.'],
  '4.c': ['B', 'Rekomendasi evaluasi tahun lalu belum seluruhnya ditindaklanjuti.'],
};
/** How many of a sub-komponen's kriteria the units answered "T", by letter. */
const noes: Record<string, number> = { AA: 0, A: 0, BB: 1, B: 2 };

async function person(tx: Queryable, email: string) {
  const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  return { id: u?.id ?? null, label: email };
}

/** Sumedang's final internal evaluation of 2025 and the region's official results. */
export async function seedAkipDemo(tx: Queryable, regionCode: string, unit: (code: string) => string, now: Date): Promise<void> {
  await seedOfficialResults(tx, regionCode, now);
  const [existing] = await tx.select({ id: sakipEvaluations.id }).from(sakipEvaluations).where(and(eq(sakipEvaluations.regionCode, regionCode), eq(sakipEvaluations.year, 2025)));
  if (existing) return;
  const framework = worksheet(CURRENT_WORKSHEET);
  const score = scoreEvaluation(framework, Object.fromEntries(Object.entries(letters).map(([k, [l]]) => [k, l])));
  if (!score.ok) throw new Error('the demo evaluation misses a letter');
  const evaluator = await person(tx, 'evaluator@sumedang.demo');
  const units = { DINKES: await person(tx, 'perencana.dinkes@sumedang.demo'), DISKOMINFO: await person(tx, 'perencana.kominfo@sumedang.demo') };
  const [evaluation] = await tx.insert(sakipEvaluations).values({
    regionCode, year: 2025, worksheetVersion: CURRENT_WORKSHEET, worksheet: framework, unitIds: Object.keys(units).map(unit), status: 'final',
    notes: 'Implementasi SAKIP Kabupaten Sumedang baik dan terus meningkat; perlu penguatan keterkaitan anggaran dengan kinerja dan pemanfaatan hasil pengukuran.',
    score: score.published.toFixed(2), predicate: score.predicate.code, finalisedAt: now, finalisedBy: evaluator.id, finalisedByLabel: evaluator.label, createdAt: now, updatedAt: now,
  }).returning();
  const base = { regionCode, evaluationId: evaluation.id };
  for (const [code, who] of Object.entries(units)) {
    await tx.insert(sakipEvaluationAnswers).values(framework.components.flatMap((c) => c.subComponents.flatMap((s) => s.criteria.map((k, i) => ({
      ...base, unitId: unit(code), criterion: k.code, answer: i >= s.criteria.length - noes[letters[s.code][0]] ? 'T' : 'Y',
      evidence: `Arsip ${code}: bukti kriteria ${k.code}`, answeredAt: now, answeredBy: who.id, answeredByLabel: who.label,
    })))));
  }
  await tx.insert(sakipEvaluationReviews).values(Object.entries(letters).map(([subComponent, [letter, note]]) => ({
    ...base, subComponent, letter, note, reviewedAt: now, reviewedBy: evaluator.id, reviewedByLabel: evaluator.label,
  })));
  const recs = await tx.insert(sakipRecommendations).values([
    { subComponent: '1.c', unitId: null, text: 'Selaraskan program dan kegiatan di Renja dan DPA dengan sasaran strategis, dan lengkapi cascading kinerja sampai eselon IV.', status: 'in_progress' },
    { subComponent: '2.c', unitId: null, text: 'Jadikan capaian kinerja dasar pemberian tunjangan kinerja pegawai.', status: 'open' },
    { subComponent: '1.b', unitId: unit('DINKES'), text: 'Ubah indikator sasaran Renstra Dinas Kesehatan yang masih berupa keluaran menjadi indikator hasil.', status: 'done' },
  ].map((r, position) => ({ ...base, ...r, position, createdAt: now, createdBy: evaluator.id, createdByLabel: evaluator.label }))).returning();
  const step = (recommendationId: string, seq: number, status: string, note: string, who: { id: string | null; label: string }) =>
    ({ regionCode, recommendationId, seq, status, note, at: now, by: who.id, byLabel: who.label });
  await tx.insert(sakipRecommendationFollowUps).values([
    step(recs[0].id, 1, 'in_progress', 'Rancangan peta cascading disusun bersama Bappeda; ditargetkan selesai triwulan I.', await person(tx, 'sakip@sumedang.demo')),
    step(recs[2].id, 1, 'in_progress', 'Indikator sasaran direviu bersama Bagian Organisasi.', units.DINKES),
    step(recs[2].id, 2, 'done', 'Renstra perubahan memuat indikator hasil (prevalensi stunting, angka kematian ibu); bukti: berita acara reviu dan Renstra perubahan.', evaluator),
  ]);
}
