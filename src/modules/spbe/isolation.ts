// What the tenant-isolation test aims at in the victim region (contract:
// IsolationFixtures): the region's evaluation and target (the demo seeds
// them), and an evidence file nobody chose to share and a practice of its
// own, added to it here.
import { desc, eq } from 'drizzle-orm';
import type { IsolationFixtures } from '../../platform/modules/contract.js';
import { spbeEvaluations, spbeEvidence, spbeFrameworkVersions, spbePractices, spbeTargets } from './schema.js';

export const spbeIsolation: IsolationFixtures = {
  async records(ctx, region) {
    const { db } = ctx.database;
    const [found] = await db.select({ evaluation: spbeEvaluations, version: spbeFrameworkVersions }).from(spbeEvaluations)
      .innerJoin(spbeFrameworkVersions, eq(spbeFrameworkVersions.id, spbeEvaluations.versionId))
      .where(eq(spbeEvaluations.regionCode, region)).orderBy(desc(spbeEvaluations.year)).limit(1);
    const [target] = await db.select({ year: spbeTargets.year }).from(spbeTargets).where(eq(spbeTargets.regionCode, region)).limit(1);
    if (!found || !target) throw new Error(`The SPBE isolation fixtures need an evaluation and a target in ${region} (the demo seeds them)`);
    const { evaluation, version } = found;
    const indicator = version.document.indicators[0].code;
    const content = 'Bukti dukung rahasia uji isolasi';
    const data = Buffer.from(`%PDF-1.4\n% ${content}\n%%EOF\n`);
    const [evidence] = await db.insert(spbeEvidence).values({
      regionCode: region, evaluationId: evaluation.id, indicatorCode: indicator, fileName: 'bukti-rahasia-isolasi.pdf', contentType: 'application/pdf',
      bytes: data.length, data, shared: false, uploadedAt: ctx.clock.now(), uploadedBy: null,
    }).returning();
    // A practice the region wrote for itself and shares with nobody yet.
    const practiceNote = 'Praktik internal rahasia uji isolasi';
    await db.insert(spbePractices).values({ regionCode: region, frameworkCode: version.frameworkCode, indicatorCode: indicator, note: practiceNote, updatedAt: ctx.clock.now() })
      .onConflictDoUpdate({ target: [spbePractices.regionCode, spbePractices.frameworkCode, spbePractices.indicatorCode], set: { note: practiceNote } });
    return {
      params: {
        evaluationId: evaluation.id, evidenceId: evidence.id, indicator, year: String(target.year),
        framework: version.frameworkCode, version: String(version.version), versionId: version.id, resultRegion: region, resultYear: String(evaluation.year),
      },
      secrets: [evaluation.id, evidence.id],
      // Evidence nobody chose to share is seen by the region's evaluators only.
      private: [evidence.id, evidence.fileName, content, practiceNote],
    };
  },

  request({ method, url }, p) {
    const R = '/api/regions/:region/spbe';
    const E = `${R}/evaluations`;
    const queries: Record<string, Record<string, string>> = {
      [`${R}/comparison`]: { year: p.year },
      '/api/spbe/rankings': { year: p.resultYear },
      '/api/spbe/trend': { region: p.resultRegion },
      '/api/spbe/leaders': { framework: p.framework, indicator: p.indicator },
    };
    if (method === 'GET') return url in queries ? { query: queries[url] } : undefined;
    // A foreign coordinator importing a result for the victim region: refused, whatever region the URL names.
    if (url === `${R}/results/import`) {
      return { body: `region_code,year,framework_version,index\n${p.resultRegion},2019,${p.framework}@${p.version},4.50\n`, headers: { 'content-type': 'text/csv' } };
    }
    const bodies: Record<string, unknown> = {
      [E]: { year: 2027, versionId: p.versionId },
      [`${E}/:evaluationId/assignments`]: { assignments: [{ indicator: p.indicator, unitId: p.unitId }] },
      [`${E}/:evaluationId/advance`]: { to: 'closed' },
      [`${E}/:evaluationId/answers/:indicator`]: { level: 5 },
      [`${E}/:evaluationId/answers/:indicator/review`]: { decision: 'accept' },
      [`${E}/:evaluationId/answers/:indicator/validation`]: { decision: 'validate' },
      [`${E}/:evaluationId/answers/:indicator/assessment`]: { level: 5, reason: 'Penilaian palsu' },
      [`${E}/:evaluationId/reviews`]: { decision: 'accept', indicators: [p.indicator] },
      [`${E}/:evaluationId/validations`]: { decision: 'validate', indicators: [p.indicator] },
      [`${E}/:evaluationId/assessments`]: { assessments: [{ indicator: p.indicator, level: 5, reason: 'Penilaian palsu' }] },
      // Sharing the victim's evidence through an evaluation of another region.
      [`${E}/:evaluationId/answers/:indicator/practice`]: { shared: true, note: 'Dibagikan oleh daerah lain', evidenceIds: [p.evidenceId] },
      [`${R}/results/:year/publication`]: { published: false },
      [`${R}/targets/:year`]: { targetIndex: 5 },
      [`${R}/simulate`]: { evaluationId: p.evaluationId, levels: { [p.indicator]: 5 } },
      [`${R}/practices/:framework/:indicator`]: { note: 'Praktik yang ditimpa daerah lain', sop: 'SOP palsu' },
    };
    return url in bodies ? { body: bodies[url] } : undefined;
  },
};
