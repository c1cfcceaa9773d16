// The demo region's SPBE data: a finished, published 2025 evaluation under
// PermenPANRB 59/2020 (so the screens have something to show) and a 2026
// target. Written in bulk, in the shape the use cases leave behind;
// seedFinishedEvaluation also writes the showcase's other regions and years
// (src/demo/showcase.ts).
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../../platform/schema.js';
import { stages } from './domain/cycle.js';
import { score } from './domain/scoring.js';
import { spbeAnswers, spbeEvaluations, spbeEvidence, spbeFrameworkVersions, spbeHistory, spbePractices, spbeResults, spbeTargets } from './schema.js';
import { recordEvaluationResult } from './service/results.js';
import type { VersionRow } from './service/frameworks.js';

const DAY = 86_400_000;

/** The active version of the 59/2020 framework, or none when an administrator retired it. */
export async function activeSpbe2020(tx: Queryable): Promise<VersionRow | undefined> {
  const [version] = await tx.select().from(spbeFrameworkVersions).where(and(eq(spbeFrameworkVersions.frameworkCode, 'spbe-2020'), eq(spbeFrameworkVersions.status, 'active')));
  return version;
}

export const personByEmail = async (tx: Queryable, email: string) =>
  (await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`))[0]?.id ?? null;

export interface FinishedEvaluation {
  regionCode: string;
  year: number;
  version: VersionRow;
  /** The assessor's level and the unit's own (a little more generous, as usual), by indicator number. */
  finalLevel: (n: number) => number;
  selfLevel: (n: number) => number;
  unitFor: (n: number) => string | null;
  coordinator: { id: string | null; label: string };
  assessor: { id: string | null; label: string };
  /** Practice notes the region shares with others, by indicator number; each comes with a sample evidence file. */
  practices: Map<number, { note: string; fileName: string }>;
  /** Closed (archived) after publication; the latest year stays final. */
  closed: boolean;
}

const sampleEvidence = Buffer.from('%PDF-1.4\n% Contoh bukti dukung / sample evidence\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A published evaluation of one year, from opening in March to the external assessment in October. */
export async function seedFinishedEvaluation(tx: Queryable, e: FinishedEvaluation): Promise<void> {
  const { regionCode, year, version, coordinator, assessor } = e;
  const at = (day: number) => new Date(Date.UTC(year, 2, 3) + day * DAY);
  const [ev] = await tx.insert(spbeEvaluations).values({
    regionCode, year, versionId: version.id, stage: e.closed ? 'closed' : 'final', openedAt: at(0), openedBy: coordinator.id,
    selfAssessmentAt: at(7), internalValidationAt: at(70), externalAssessmentAt: at(120), finalAt: at(220), closedAt: e.closed ? at(240) : null,
    updatedAt: at(e.closed ? 240 : 220),
  }).returning();
  const doc = version.document;
  await tx.insert(spbeAnswers).values(doc.indicators.map((i) => {
    const final = e.finalLevel(i.number);
    const self = e.selfLevel(i.number);
    const practice = e.practices.get(i.number);
    return {
      regionCode, evaluationId: ev.id, indicatorCode: i.code, unitId: e.unitFor(i.number), status: 'validated',
      selfLevel: self, explanation: 'Data contoh untuk demo. / Demo data.', submittedAt: at(40), reviewedAt: at(60), validatedAt: at(110),
      finalLevel: final, finalReason: final < self ? 'Bukti dukung belum menunjukkan penerapan di seluruh perangkat daerah.' : 'Sesuai bukti dukung dan wawancara.',
      assessedAt: at(200), assessedBy: assessor.id, practiceShared: practice !== undefined, practiceNote: practice?.note ?? null, updatedAt: at(220),
    };
  }));
  if (e.practices.size > 0) {
    await tx.insert(spbeEvidence).values([...e.practices].map(([n, p]) => ({
      regionCode, evaluationId: ev.id, indicatorCode: String(n), fileName: p.fileName, contentType: 'application/pdf', bytes: sampleEvidence.length,
      data: sampleEvidence, shared: true, uploadedAt: at(30), uploadedBy: coordinator.id,
    })));
  }
  const moves = stages.slice(1, e.closed ? 6 : 5);
  const movedAt = [at(7), at(70), at(120), at(220), at(240)];
  await tx.insert(spbeHistory).values([
    { regionCode, evaluationId: ev.id, at: at(0), actorUserId: coordinator.id, actorLabel: coordinator.label, action: 'open', detail: { year, framework: version.frameworkCode, version: version.version } },
    ...moves.map((to, i) => {
      const by = to === 'final' ? assessor : coordinator;
      return { regionCode, evaluationId: ev.id, at: movedAt[i], actorUserId: by.id, actorLabel: by.label, action: 'stage', detail: { from: stages[i], to } };
    }),
  ]);
  const result = score(doc, new Map(doc.indicators.map((i) => [i.code, e.finalLevel(i.number)])));
  await recordEvaluationResult(tx, ev, version, result, at(220));
  await tx.update(spbeResults).set({ published: true, publishedAt: at(225) }).where(and(eq(spbeResults.regionCode, regionCode), eq(spbeResults.year, year)));
}

/** Sumedang's 2025 assessment: public-service indicators (42 on) a level higher. */
export const sumedang2025Level = (n: number) => 2 + ((n * 7) % 3) + (n >= 42 ? 1 : 0);

export async function seedSpbeDemo(tx: Queryable, regionCode: string, now: Date, unitFor: (indicatorNumber: number) => string) {
  const version = await activeSpbe2020(tx);
  if (!version) return; // an administrator retired the seeded framework: nothing to show it with
  const coordinator = await personByEmail(tx, 'spbe@sumedang.demo');
  const assessor = await personByEmail(tx, 'asesor@pamong.demo');
  await seedFinishedEvaluation(tx, {
    regionCode, year: 2025, version, unitFor, closed: false,
    finalLevel: sumedang2025Level, selfLevel: (n) => Math.min(5, sumedang2025Level(n) + (n % 4 === 0 ? 1 : 0)),
    coordinator: { id: coordinator, label: 'spbe@sumedang.demo' }, assessor: { id: assessor, label: 'asesor@pamong.demo' },
    practices: new Map([[44, {
      note: 'Pengaduan warga terpadu di Pamong: satu kanal web, loket dan Open311, dengan batas waktu tanggapan yang dipantau.', fileName: 'sop-pengaduan-terpadu.pdf',
    }]]),
  });
  // Its complaints practice written down with its SOP and evidence checklist, to share in the Living Lab.
  await tx.insert(spbePractices).values({
    regionCode, frameworkCode: version.frameworkCode, indicatorCode: version.document.indicators.find((i) => i.number === 44)?.code ?? '44', updatedAt: now, updatedBy: coordinator,
    note: 'Pengaduan warga terpadu di Pamong: satu kanal web, loket dan Open311, dengan batas waktu tanggapan yang dipantau.',
    explanation: 'Semua kanal pengaduan masuk ke satu sistem; setiap kategori punya perangkat daerah penanggung jawab dan batas waktu verifikasi, tanggapan dan penyelesaian. Pimpinan memantau ketepatan waktu setiap bulan.',
    sop: '1. Petugas verifikasi memeriksa laporan dalam 1 hari kerja.\n2. Laporan diteruskan ke perangkat daerah sesuai kategori.\n3. Perangkat daerah menanggapi dalam batas waktu kategori.\n4. Pelapor dapat menilai penyelesaian; laporan terlambat dieskalasi ke koordinator.',
    evidence: [
      { title: 'Perbup tentang pengelolaan pengaduan pelayanan publik', description: 'Dasar hukum kanal terpadu dan batas waktu.', kind: 'regulation' },
      { title: 'SOP pengelolaan pengaduan terpadu', description: 'Ditandatangani kepala perangkat daerah.', kind: 'sop' },
      { title: 'Rekap ketepatan waktu tanggapan per bulan', description: 'Ekspor dasbor pengaduan satu tahun.', kind: 'data' },
      { title: 'Tangkapan layar kanal pengaduan daring', description: '', kind: 'screenshot' },
    ],
  }).onConflictDoNothing();
  await tx.insert(spbeTargets).values({ regionCode, year: 2026, targetIndex: '3.50', outOfReach: ['29', '30', '31'], note: 'Target RPJMD / regional plan target', setAt: now, setBy: coordinator });
}
