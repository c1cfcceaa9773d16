// The SPBE API's answers, typed from its OpenAPI document (see ../../types.ts).
import type { components } from '../../../api-types.js';

type Schemas = components['schemas'];

export type Evaluation = Schemas['Evaluation'];
export type EvaluationAnswer = Schemas['EvaluationAnswer'];
export type Scores = Schemas['Scores'];
export type EvaluationSummary = Schemas['EvaluationSummary'];
export type Stage = Evaluation['stage'];
export type AnswerStatus = EvaluationAnswer['status'];
export type Task = Schemas['Task'];
export type HistoryEntry = Schemas['HistoryEntry'];
export type ResultPoint = Schemas['ResultPoint'];
export type Target = Schemas['Target'];
export type Plan = Schemas['Plan'];
export type Simulation = Schemas['Simulation'];
export type Ranking = Schemas['Ranking'];
export type Comparison = Schemas['Comparison'];
export type Leader = Schemas['Leader'];
export type Framework = Schemas['Framework'];
export type VersionSummary = Schemas['VersionSummary'];
export type Version = Schemas['FrameworkVersion'];
export type FrameworkDocument = Schemas['FrameworkDocument'];
export type NationalTrend = Schemas['NationalTrend'];
/** Text that may exist in one language only (e.g. Pemdi 2026 criteria have no English yet). */
export type MaybeBilingual = Schemas['MaybeBilingual'];
