// The e-SAKIP API's answers, typed from its OpenAPI document (see ../../../types.ts).
import type { components } from '../../../api-types.js';

type Schemas = components['schemas'];

export type Plan = Schemas['SakipPlan'];
export type PlanTree = Schemas['SakipPlanTree'];
export type PlanTable = Schemas['SakipPlanTable'];
export type Problem = Schemas['SakipPlanProblem'];
export type NodeBrief = Schemas['SakipNodeBrief'];
export type Indicator = Schemas['SakipIndicator'];
export type IndicatorFields = Schemas['SakipIndicatorFields'];
export type LibraryIndicator = Schemas['SakipLibraryIndicator'];
export type Achievement = Schemas['SakipAchievement'];
export type AchievementFigure = Schemas['SakipAchievementFigure'];
export type NodeSummary = Schemas['SakipNodeSummary'];
export type TallySummary = Schemas['SakipTallySummary'];
export type Target = Schemas['SakipTarget'];
export type TargetHistory = Schemas['SakipTargetHistory'];
export type Realisation = Schemas['SakipRealisation'];
export type NodeKind = NodeBrief['kind'];

export type TreeNode = Schemas['SakipTreeNode'];
export type Overview = Schemas['SakipOverview'];
export type Measure = Schemas['Measure'];
export type ReportingPeriod = Schemas['SakipReportingPeriod'];
export type UnitReport = Schemas['SakipUnitReport'];
export type EvaluationBrief = Schemas['SakipEvaluationBrief'];
export type Evaluation = Schemas['SakipEvaluation'];
export type OfficialResult = Schemas['SakipOfficialResult'];
export type ProvinceComparison = Schemas['SakipProvinceComparison'];
export type AgreementBrief = Schemas['SakipAgreementBrief'];
export type Agreement = Schemas['SakipAgreement'];
export type SakipEvidence = Schemas['SakipEvidence'];
export type AnswerEvidence = Schemas['SakipAnswerEvidence'];

// The performance report (LKjIP) and the public pages.
export type ReportBrief = Schemas['SakipReportBrief'];
export type Report = Schemas['SakipReport'];
export type ReportVersion = Schemas['SakipReportVersion'];
export type ReportSnapshot = Schemas['SakipReportSnapshot'];
export type PublicReport = Schemas['SakipPublicReport'];
export type PublicDocuments = Schemas['SakipPublicDocuments'];
export type Kecamatan = Schemas['SakipKecamatan'];
export type VillageIndicator = Schemas['SakipVillageIndicator'];
export type KecamatanBreakdown = Schemas['SakipKecamatanBreakdown'];
export type VillageTable = Schemas['SakipVillageTable'];
export type VillageDelete = Schemas['SakipVillageDelete'];
export type VillageWrite = Schemas['SakipVillageWrite'];
export type NodeBudget = Schemas['SakipNodeBudget'];
export type ActionPlan = Schemas['SakipActionPlan'];
export type BudgetTotals = Schemas['SakipBudgetTotals'];
export type Efficiency = Schemas['SakipEfficiency'];
export type EfficiencyMethod = Schemas['SakipEfficiencyMethod'];
