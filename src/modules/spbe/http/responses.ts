// What the SPBE API answers (route `schema.response`): the serializer keeps
// only the keys named here.
import { z } from 'zod';
import { instant, oneOf, words } from '../../../platform/http/responses.js';
import { answerStatuses, stages } from '../domain/cycle.js';

export const stage = oneOf(stages);
const answerStatus = oneOf(answerStatuses);

// A framework version's document as stored (domain/framework.ts validates it on every save).
const maybeWords = z.object({ id: z.string().nullable(), en: z.string().nullable() }).meta({ id: 'MaybeBilingual' });
const levelCriterion = maybeWords.extend({ pedoman: z.string().optional(), provisional: z.boolean().optional() });
const level = z.object({ level: z.number().int(), name: words, serviceName: words.nullable(), description: maybeWords.nullable() }).meta({ id: 'FrameworkLevel' });
const band = z.object({ name: words, min: z.number(), max: z.number(), maxInclusive: z.boolean() }).meta({ id: 'PredicateBand' });
const domain = z.object({ code: z.string(), name: words });
const aspect = z.object({ code: z.string(), domain: z.string().nullable(), name: words });
const indicator = z.object({
  code: z.string(), number: z.number().int(), aspect: z.string(), name: words, weight: z.number(),
  capability: oneOf(['process', 'technical_function']).nullable(), criteria: z.record(z.string(), levelCriterion),
});
export const frameworkDocumentAnswer = z.object({
  levels: z.array(level), predicates: z.array(band), domains: z.array(domain), aspects: z.array(aspect), indicators: z.array(indicator),
}).meta({ id: 'FrameworkDocument' });

const versionSummary = z.object({
  id: z.string(), framework: z.string(), version: z.number().int(), status: oneOf(['draft', 'active', 'retired']), note: z.string(), copiedFrom: z.string().nullable(),
  createdAt: instant, updatedAt: instant, activatedAt: instant.nullable(), retiredAt: instant.nullable(),
  indicatorCount: z.number().int(), weightSum: z.number(),
  problems: z.array(z.object({ path: z.string(), message: words.describe('Dalam dua bahasa / in both languages') })).describe('Yang menghalangi aktivasi / what stops activation'),
}).meta({ id: 'VersionSummary' });

export const version = versionSummary.extend({ document: frameworkDocumentAnswer }).meta({ id: 'FrameworkVersion' });

export const framework = z.object({
  code: z.string(), name: words, regulation: z.string(), note: z.string(), versions: z.array(versionSummary),
}).meta({ id: 'Framework' });

const stageDates = z.array(z.object({ stage, at: instant.nullable() }));

export const evaluationSummary = z.object({
  id: z.string(), year: z.number().int(), stage, stages: stageDates,
  framework: z.object({ code: z.string(), version: z.number().int(), versionId: z.string(), name: words }),
  finalIndex: z.number().nullable(), predicate: words.nullable(), published: z.boolean(),
}).meta({ id: 'EvaluationSummary' });

const score = z.object({ code: z.string(), name: words, weight: z.number(), value: z.number().nullable() });
export const scores = z.object({
  index: z.number().nullable().describe('Null sampai semua indikator bertingkat / null until every indicator has a level'),
  predicate: words.nullable(), domains: z.array(score), aspects: z.array(score), filled: z.number().int(), total: z.number().int(),
}).meta({ id: 'Scores' });

const evidence = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), bytes: z.number().int(), url: z.string() });

export const evaluationAnswer = z.object({
  indicator: z.object({
    code: z.string(), number: z.number().int(), name: words, aspect: z.string(), domain: z.string().nullable(), weight: z.number(),
    capability: oneOf(['process', 'technical_function']).nullable(),
    levels: z.array(z.object({ level: z.number().int(), name: words.nullable(), criteria: levelCriterion.nullable() })),
  }),
  unitId: z.string().nullable(), status: answerStatus,
  selfLevel: z.number().int().nullable(), selfLevelName: words.nullable(),
  explanation: z.string(), links: z.array(z.object({ url: z.string(), label: z.string() })),
  submittedAt: instant.nullable(), reviewNote: z.string().nullable(), reviewedAt: instant.nullable(), validatedAt: instant.nullable(),
  finalLevel: z.number().int().nullable(), finalLevelName: words.nullable(),
  finalReason: z.string().nullable(), interviewNote: z.string().nullable(), visitNote: z.string().nullable(), assessedAt: instant.nullable(),
  practiceShared: z.boolean(), practiceNote: z.string().nullable(),
  evidence: z.array(evidence.extend({ uploadedAt: instant, shared: z.boolean() })),
}).meta({ id: 'EvaluationAnswer' });

export const evaluation = z.object({
  id: z.string(), year: z.number().int(), stage, stages: stageDates,
  framework: z.object({ code: z.string(), name: words, version: z.number().int(), versionId: z.string(), status: z.string() }),
  levels: z.array(level), domains: z.array(domain), aspects: z.array(aspect),
  published: z.boolean(),
  units: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), active: z.boolean() })),
  progress: z.record(z.string(), z.number().int()).describe('Jumlah jawaban per status / answers per status'),
  scores: z.object({ self: scores, final: scores }),
  answers: z.array(evaluationAnswer),
}).meta({ id: 'Evaluation' });

export const historyEntry = z.object({
  id: z.number().int(), at: instant, indicator: z.string().nullable(), action: z.string(), actor: z.string(), detail: z.unknown(),
}).meta({ id: 'HistoryEntry' });

export const task = z.object({
  evaluationId: z.string(), year: z.number().int(), stage: z.string(), indicator: z.string(), number: z.number().int(), name: words, status: z.string(),
  action: oneOf(['fill', 'review', 'validate', 'assess']),
}).meta({ id: 'Task' });

export const resultPoint = z.object({
  year: z.number().int(), index: z.number(), predicate: words.nullable(), framework: z.object({ code: z.string(), version: z.number().int().nullable() }),
  domains: z.record(z.string(), z.number()), aspects: z.record(z.string(), z.number()), source: z.string(), evaluationId: z.string().nullable(),
  published: z.boolean(), publishedAt: instant.nullable(),
  frameworkChanged: z.boolean().describe('Kerangka berbeda dari tahun sebelumnya / the framework differs from the year before'),
}).meta({ id: 'ResultPoint' });

const areaAnswer = z.object({ code: z.string(), name: z.string(), kind: z.string(), parentCode: z.string().nullable() });

export const nationalTrend = z.object({ region: areaAnswer, points: z.array(resultPoint), national: z.array(resultPoint) }).meta({ id: 'NationalTrend' });

export const target = z.object({
  year: z.number().int(), targetIndex: z.number(), outOfReach: z.array(z.string()), maxRisePerYear: z.number().int(), note: z.string(), setAt: instant,
}).meta({ id: 'Target' });

const indicatorLabel = z.object({ code: z.string(), number: z.number().int(), name: words, aspect: z.string(), weight: z.number() });

export const plan = z.object({
  year: z.number().int(),
  baseline: z.object({
    evaluationId: z.string(), year: z.number().int(), stage: z.string(), basis: oneOf(['final', 'self']),
    framework: z.object({ code: z.string(), version: z.number().int() }),
  }),
  rise: z.object({ perYear: z.number().int(), years: z.number().int(), levels: z.number().int() }),
  assumedLowest: z.array(z.string()), outOfReach: z.array(z.string()),
  currentIndex: z.number(), targetIndex: z.number(), gap: z.number(), reachable: z.boolean(),
  stepCount: z.number().int(), projectedIndex: z.number(), maxIndex: z.number(), maxIndexWithoutCap: z.number(),
  steps: z.array(z.object({
    code: z.string(), from: z.number().int(), to: z.number().int(), gain: z.number(), indexAfter: z.number(),
    indicator: indicatorLabel, fromName: words.nullable(), toName: words.nullable(),
  })),
}).meta({ id: 'Plan' });

export const simulation = z.object({
  framework: z.object({ code: z.string(), version: z.number().int(), versionId: z.string() }),
  basis: oneOf(['final', 'self']).nullable(),
  baseline: scores, simulated: scores,
  changed: z.array(indicatorLabel.extend({ from: z.number().int().nullable(), to: z.number().int() })),
}).meta({ id: 'Simulation' });

export const ranking = z.object({
  year: z.number().int(), by: oneOf(['index', 'domain', 'aspect']), code: z.string().nullable(), framework: z.string().nullable(), frameworks: z.array(z.string()),
  national: z.number().nullable(),
  rows: z.array(z.object({
    rank: z.number().int(), regionCode: z.string(), name: z.string(), kind: z.string(), parentCode: z.string().nullable(),
    value: z.number(), index: z.number(), predicate: words.nullable(),
  })),
}).meta({ id: 'Ranking' });

const meanOf = z.object({ index: z.number().nullable(), domains: z.record(z.string(), z.number().nullable()), aspects: z.record(z.string(), z.number().nullable()) });

export const comparison = z.object({
  year: z.number().int(), region: areaAnswer, framework: z.string().nullable(),
  own: resultPoint.omit({ frameworkChanged: true }).nullable(),
  scopes: z.array(z.object({
    scope: oneOf(['all', 'province', 'kind']), count: z.number().int(), rank: z.number().int().nullable(), of: z.number().int(), mean: meanOf,
  })),
}).meta({ id: 'Comparison' });

export const leader = z.object({
  regionCode: z.string(), name: z.string(), kind: z.string(), year: z.number().int(), framework: z.object({ code: z.string(), version: z.number().int() }),
  indicator: z.object({ code: z.string(), number: z.number().int(), name: words }).nullable(),
  level: z.number().int().nullable(), levelName: words.nullable(),
  practiceNote: z.string().nullable().describe('Hanya yang dibagikan daerah / only what the region shared'),
  evidence: z.array(evidence),
}).meta({ id: 'Leader' });

export const assessor = z.object({ userId: z.string(), name: z.string(), email: z.string(), regions: z.array(z.string()) }).meta({ id: 'Assessor' });

export const mySpbeRegion = z.object({
  code: z.string(), name: z.string(), permissions: z.array(z.string()),
  evaluations: z.array(z.object({ id: z.string(), year: z.number().int(), stage })),
}).meta({ id: 'MySpbeRegion' });

export const bulkDone = z.object({ count: z.number().int() });
export const imported = z.object({ imported: z.number().int() });

/** A region's practice for an indicator: its own, or adopted from the region named. */
export const practice = z.object({
  framework: z.string(), indicator: z.string(), indicatorName: z.string().nullable(),
  note: z.string(), explanation: z.string(), sop: z.string(),
  evidence: z.array(z.object({ title: z.string(), description: z.string(), kind: z.string().describe('regulation | sop | report | minutes | data | screenshot | document') }))
    .describe('Bukti dukung yang perlu disiapkan / the evidence to prepare'),
  adoptedFrom: z.object({ code: z.string(), name: z.string() }).nullable().describe('Diadopsi dari daerah ini lewat Living Lab; null: milik sendiri / adopted from this region in the Living Lab; null: its own'),
  updatedAt: instant,
}).meta({ id: 'SpbePractice' });
