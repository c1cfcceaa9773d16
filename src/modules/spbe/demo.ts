// The demo region's SPBE data: a finished, published 2025 evaluation under
// PermenPANRB 59/2020 (so the screens have something to show) and a 2026
// target. Written in bulk, in the shape the use cases leave behind.
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../../platform/schema.js';
import { stages } from './domain/cycle.js';
import { score } from './domain/scoring.js';
import { spbeAnswers, spbeEvaluations, spbeEvidence, spbeFrameworkVersions, spbeHistory, spbeResults, spbeTargets } from './schema.js';
import { recordEvaluationResult } from './service/results.js';

const DAY = 86_400_000;

export async function seedSpbeDemo(tx: Queryable, regionCode: string, now: Date, unitFor: (indicatorNumber: number) => string) {
  const [version] = await tx.select().from(spbeFrameworkVersions).where(and(eq(spbeFrameworkVersions.frameworkCode, 'spbe-2020'), eq(spbeFrameworkVersions.status, 'active')));
  if (!version) return; // an administrator retired the seeded framework: nothing to show it with
  const person = async (email: string) => (await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`))[0]?.id ?? null;
  const coordinator = await person('spbe@sumedang.demo');
  const assessor = await person('asesor@pamong.demo');
  // The 2025 cycle ran from March to October.
  const at = (day: number) => new Date(Date.UTC(2025, 2, 3) + day * DAY);
  const [ev] = await tx.insert(spbeEvaluations).values({
    regionCode, year: 2025, versionId: version.id, stage: 'final', openedAt: at(0), openedBy: coordinator,
    selfAssessmentAt: at(7), internalValidationAt: at(70), externalAssessmentAt: at(120), finalAt: at(220), updatedAt: at(220),
  }).returning();
  // Self-assessments a little more generous than the assessor, as usual.
  const finalLevel = (n: number) => 2 + ((n * 7) % 3) + (n >= 42 ? 1 : 0);
  const selfLevel = (n: number) => Math.min(5, finalLevel(n) + (n % 4 === 0 ? 1 : 0));
  const doc = version.document;
  await tx.insert(spbeAnswers).values(doc.indicators.map((i) => ({
    regionCode, evaluationId: ev.id, indicatorCode: i.code, unitId: unitFor(i.number), status: 'validated',
    selfLevel: selfLevel(i.number), explanation: 'Data contoh untuk demo. / Demo data.', submittedAt: at(40), reviewedAt: at(60), validatedAt: at(110),
    finalLevel: finalLevel(i.number), finalReason: finalLevel(i.number) < selfLevel(i.number) ? 'Bukti dukung belum menunjukkan penerapan di seluruh perangkat daerah.' : 'Sesuai bukti dukung dan wawancara.',
    assessedAt: at(200), assessedBy: assessor,
    practiceShared: i.number === 44,
    practiceNote: i.number === 44 ? 'Pengaduan warga terpadu di Pamong: satu kanal web, loket dan Open311, dengan batas waktu tanggapan yang dipantau.' : null,
    updatedAt: at(220),
  })));
  const sample = Buffer.from('%PDF-1.4\n% Contoh bukti dukung / sample evidence\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await tx.insert(spbeEvidence).values({
    regionCode, evaluationId: ev.id, indicatorCode: '44', fileName: 'sop-pengaduan-terpadu.pdf', contentType: 'application/pdf', bytes: sample.length, data: sample, shared: true, uploadedAt: at(30), uploadedBy: coordinator,
  });
  await tx.insert(spbeHistory).values([
    { regionCode, evaluationId: ev.id, at: at(0), actorUserId: coordinator, actorLabel: 'spbe@sumedang.demo', action: 'open', detail: { year: 2025, framework: 'spbe-2020', version: version.version } },
    ...stages.slice(1, 5).map((to, i) => ({
      regionCode, evaluationId: ev.id, at: [at(7), at(70), at(120), at(220)][i], actorUserId: to === 'final' ? assessor : coordinator,
      actorLabel: to === 'final' ? 'asesor@pamong.demo' : 'spbe@sumedang.demo', action: 'stage', detail: { from: stages[i], to },
    })),
  ]);
  await recordEvaluationResult(tx, ev, version, score(doc, new Map(doc.indicators.map((i) => [i.code, finalLevel(i.number)]))), at(220));
  await tx.update(spbeResults).set({ published: true, publishedAt: at(225) }).where(and(eq(spbeResults.regionCode, regionCode), eq(spbeResults.year, 2025)));
  await tx.insert(spbeTargets).values({ regionCode, year: 2026, targetIndex: '3.50', outOfReach: ['29', '30', '31'], note: 'Target RPJMD / regional plan target', setAt: now, setBy: coordinator });
}
