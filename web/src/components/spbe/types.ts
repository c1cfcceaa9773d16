// The SPBE API's answers, typed from the server code that produces them.
import type { evaluationDetail, listEvaluations, tasksFor } from '../../../../src/modules/spbe/service/queries.js';
import type { history } from '../../../../src/modules/spbe/service/evaluations.js';
import type { comparison, leaders, ranking, trend } from '../../../../src/modules/spbe/service/results.js';
import type { listTargets, plan, simulate } from '../../../../src/modules/spbe/service/targets.js';
import type { getVersion, listFrameworks } from '../../../../src/modules/spbe/service/frameworks.js';
import type { FrameworkDocument } from '../../../../src/modules/spbe/domain/framework.js';
import type { Answer } from '../../types.js';

export type { Stage, AnswerStatus } from '../../../../src/modules/spbe/domain/cycle.js';
export type { FrameworkDocument };

export type Evaluation = Answer<typeof evaluationDetail>;
export type EvaluationAnswer = Evaluation['answers'][number];
export type Scores = Evaluation['scores']['self'];
export type EvaluationSummary = Answer<typeof listEvaluations>[number];
export type Task = Answer<typeof tasksFor>[number];
export type HistoryEntry = Answer<typeof history>[number];
export type ResultPoint = Answer<typeof trend>[number];
export type Target = Answer<typeof listTargets>[number];
export type Plan = Answer<typeof plan>;
export type Simulation = Answer<typeof simulate>;
export type Ranking = Answer<typeof ranking>;
export type Comparison = Answer<typeof comparison>;
export type Leader = Answer<typeof leaders>[number];
export type Framework = Answer<typeof listFrameworks>[number];
export type VersionSummary = Framework['versions'][number];
export type Version = Answer<typeof getVersion>;

export interface NationalTrend {
  region: { code: string; name: string };
  points: ResultPoint[];
}

/** Text that may exist in one language only (e.g. Pemdi 2026 criteria have no English yet). */
export interface MaybeBilingual {
  id: string | null;
  en: string | null;
}
