// Tables of the e-SAKIP module. Everything is a region's own: every primary
// key starts with region_code. Figures (targets, realisations) are `numeric`
// columns, read and written as decimal strings, never binary floats.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, ts } from '../../platform/db/columns.js';

/**
 * A medium-term plan: the region's RPJMD (no unit) or a unit's Renstra, over
 * at most five years. A draft is built freely; an active plan's structure is
 * fixed (targets are revised, realisations entered).
 */
export const sakipPlans = pgTable(
  'sakip_plans',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').notNull(), // rpjmd | renstra
    /** The unit (OPD) whose Renstra this is; null for the RPJMD. */
    unitId: uuid('unit_id'),
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull(), // draft | active
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    // One RPJMD per start year, one Renstra per unit and start year.
    uniqueIndex('sakip_plans_owner_year_idx').on(t.regionCode, sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.startYear),
    check('sakip_plans_kind_unit', sql`(${t.kind} = 'rpjmd' and ${t.unitId} is null) or (${t.kind} = 'renstra' and ${t.unitId} is not null)`),
  ],
);

/**
 * A node of a plan's performance tree (vision, mission, goal, target,
 * programme, activity, sub-activity). The parent is a node of the same plan;
 * `supportsNodeId` links a Renstra's goal or target to the target (sasaran)
 * of another plan it cascades from.
 */
export const sakipNodes = pgTable(
  'sakip_nodes',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    parentId: uuid('parent_id'),
    kind: text('kind').notNull(),
    /** Government code (Permendagri 90/2019) of a programme, activity or sub-activity, or the plan's own numbering. */
    code: text('code'),
    title: text('title').notNull(),
    /** The unit responsible for it, when not the plan's own (an RPJMD target's lead unit). */
    unitId: uuid('unit_id'),
    supportsNodeId: uuid('supports_node_id'),
    position: integer('position').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('sakip_nodes_plan_idx').on(t.regionCode, t.planId, t.parentId, t.position)],
);

/** A performance indicator on a node, with how it is measured and how its periods add up. */
/** What defines an indicator, shared by a plan's indicators and the region's indicator library (a fresh set of builders per table). */
const indicatorDefinition = () => ({
  name: text('name').notNull(),
  definition: text('definition').notNull().default(''),
  formula: text('formula').notNull().default(''),
  /** Unit of measure: %, poin, orang, bulan. */
  measure: text('measure').notNull().default(''),
  dataSource: text('data_source').notNull().default(''),
  polarity: text('polarity').notNull(), // higher_is_better | lower_is_better
  targetType: text('target_type').notNull(), // single | range
  aggregation: text('aggregation').notNull(), // sum | average | last
});

export const sakipIndicators = pgTable(
  'sakip_indicators',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    nodeId: uuid('node_id').notNull(),
    ...indicatorDefinition(),
    isIku: boolean('is_iku').notNull().default(false),
    /** Whether targets and realisations may be negative (a growth rate). */
    allowsNegative: boolean('allows_negative').notNull().default(false),
    /** Other units sharing a cross-cutting indicator (they may report its realisation too). */
    sharedUnitIds: jsonb('shared_unit_ids').$type<string[]>().notNull().default([]),
    /** Another module's measure ("spbe.index") its realisations are taken from, instead of being typed; null: typed. */
    source: text('source'),
    position: integer('position').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('sakip_indicators_plan_idx').on(t.regionCode, t.planId),
    index('sakip_indicators_node_idx').on(t.regionCode, t.nodeId),
    // The few sourced indicators, found at every start (source-sync.ts enrolSourceSyncs) without reading the others.
    index('sakip_indicators_sourced_idx').on(t.regionCode, t.planId).where(sql`${t.source} is not null`),
  ],
);

/**
 * A yearly target of an indicator, as versions: every revision is a new row
 * with its reason, who and when; the current target is the highest version.
 * A single value, or a range (low and high).
 */
export const sakipTargets = pgTable(
  'sakip_targets',
  {
    regionCode: text('region_code').notNull(),
    planId: uuid('plan_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    value: numeric('value'),
    low: numeric('low'),
    high: numeric('high'),
    /** Why it was revised; null on the first version. */
    reason: text('reason'),
    setAt: ts('set_at').notNull(),
    setBy: uuid('set_by'),
    setByLabel: text('set_by_label').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.indicatorId, t.year, t.version] }),
    index('sakip_targets_plan_idx').on(t.regionCode, t.planId),
    check('sakip_targets_single_or_range', sql`(${t.value} is not null and ${t.low} is null and ${t.high} is null) or (${t.value} is null and ${t.low} is not null and ${t.high} is not null)`),
  ],
);

/**
 * What an indicator achieved in one period: a year (2026), a quarter
 * (2026-Q1) or a month (2026-03). One row per indicator and period, its
 * current version; a correction replaces it and moves what it replaced to
 * sakip_realisation_versions.
 */
export const sakipRealisations = pgTable(
  'sakip_realisations',
  {
    regionCode: text('region_code').notNull(),
    planId: uuid('plan_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    period: text('period').notNull(),
    year: integer('year').notNull(),
    value: numeric('value').notNull(),
    note: text('note').notNull().default(''),
    obstacles: text('obstacles').notNull().default(''),
    followUp: text('follow_up').notNull().default(''),
    enteredAt: ts('entered_at').notNull(),
    enteredBy: uuid('entered_by'),
    enteredByLabel: text('entered_by_label').notNull(),
    /** 1 for the first entry, one more for each correction. */
    version: integer('version').notNull().default(1),
    /** Why this version replaced the previous one: required for a correction after the period was closed. */
    reason: text('reason'),
    /** Entered by the coordinator while the period was closed (locked). */
    afterClose: boolean('after_close').notNull().default(false),
    /** Rolled up from the indicator's village values (sakip_village_values), not typed. */
    fromVillages: boolean('from_villages').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.indicatorId, t.period] }), index('sakip_realisations_plan_idx').on(t.regionCode, t.planId, t.year)],
);

/**
 * The versions of a realisation that a correction replaced, as they were:
 * with the current row in sakip_realisations they are its whole history,
 * readable in the app (the audit log is for auditors).
 */
export const sakipRealisationVersions = pgTable(
  'sakip_realisation_versions',
  {
    regionCode: text('region_code').notNull(),
    planId: uuid('plan_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    period: text('period').notNull(),
    version: integer('version').notNull(),
    value: numeric('value').notNull(),
    note: text('note').notNull(),
    obstacles: text('obstacles').notNull(),
    followUp: text('follow_up').notNull(),
    enteredAt: ts('entered_at').notNull(),
    enteredBy: uuid('entered_by'),
    enteredByLabel: text('entered_by_label').notNull(),
    reason: text('reason'),
    afterClose: boolean('after_close').notNull(),
    fromVillages: boolean('from_villages').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.indicatorId, t.period, t.version] }), index('sakip_realisation_versions_plan_idx').on(t.regionCode, t.planId)],
);

/** An evidence file's columns (a realisation's or an AKIP answer's): its checked name, type and content, who attached it and when. */
const evidenceFile = () => ({
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    data: bytea('data').notNull(),
    uploadedAt: ts('uploaded_at').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedByLabel: text('uploaded_by_label').notNull(),
});

/**
 * Evidence files (bukti dukung) of one period's realisation: checked by
 * content on upload (images re-encoded), kept in the database like the SPBE
 * module's evidence, so a backup carries them.
 */
export const sakipRealisationEvidence = pgTable(
  'sakip_realisation_evidence',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    period: text('period').notNull(),
    ...evidenceFile(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('sakip_realisation_evidence_period_idx').on(t.regionCode, t.indicatorId, t.period)],
);

/**
 * A region's reporting period (a year, quarter or month) as the SAKIP
 * coordinator opened it, with the time units' reports are due. Closing it
 * locks the realisations of it and of every period inside it (a closed
 * quarter locks its months; a closed year its quarters and months).
 */
export const sakipReportingPeriods = pgTable(
  'sakip_reporting_periods',
  {
    regionCode: text('region_code').notNull(),
    period: text('period').notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull(), // open | closed
    dueAt: ts('due_at').notNull(),
    openedAt: ts('opened_at').notNull(),
    openedBy: uuid('opened_by'),
    openedByLabel: text('opened_by_label').notNull(),
    closedAt: ts('closed_at'),
    closedBy: uuid('closed_by'),
    closedByLabel: text('closed_by_label'),
    /** The last reopening of a closed period, with its reason. */
    reopenedAt: ts('reopened_at'),
    reopenedBy: uuid('reopened_by'),
    reopenedByLabel: text('reopened_by_label'),
    reopenReason: text('reopen_reason'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.period] }), index('sakip_reporting_periods_year_idx').on(t.regionCode, t.year)],
);

/**
 * One unit's report for a reporting period: the units with indicators to
 * report when the period was opened. Its deadline is a stage deadline
 * (platform/deadlines) keyed by its id; submitting meets it.
 */
export const sakipUnitReports = pgTable(
  'sakip_unit_reports',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    period: text('period').notNull(),
    unitId: uuid('unit_id').notNull(),
    submittedAt: ts('submitted_at'),
    submittedBy: uuid('submitted_by'),
    submittedByLabel: text('submitted_by_label'),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), uniqueIndex('sakip_unit_reports_period_unit_idx').on(t.regionCode, t.period, t.unitId)],
);

// ---------------------------------------------------------------------------
// Performance agreements (Perjanjian Kinerja, PermenPANRB 53/2014)

/**
 * A performance agreement of one official for one year: the head of region
 * (level `region`, from the RPJMD), a unit head (`unit`, from the unit's
 * Renstra) or an echelon III/IV official of a unit (`subunit`, named by
 * position). Its content lives in versions; `version` is the current one.
 */
export const sakipAgreements = pgTable(
  'sakip_agreements',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    level: text('level').notNull(), // region | unit | subunit
    /** The unit; null for the head of region. */
    unitId: uuid('unit_id'),
    /** The echelon III/IV position within the unit ("Kepala Bidang Kesehatan Masyarakat"); empty otherwise. */
    subunit: text('subunit').notNull().default(''),
    /** The plan (RPJMD or Renstra) its targets were copied from. */
    planId: uuid('plan_id').notNull(),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    // One agreement per official and year; a change of official is a revision, not a second agreement.
    uniqueIndex('sakip_agreements_official_year_idx').on(t.regionCode, t.year, t.level, sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.subunit),
    check('sakip_agreements_level_unit', sql`(${t.level} = 'region' and ${t.unitId} is null and ${t.subunit} = '') or (${t.level} = 'unit' and ${t.unitId} is not null and ${t.subunit} = '') or (${t.level} = 'subunit' and ${t.unitId} is not null and ${t.subunit} <> '')`),
  ],
);

/**
 * One version of an agreement as drafted and signed: the parties as typed
 * (the second party is null for the head of region), place and date, and who
 * recorded the signing. A revision adds a version with its reason; earlier
 * versions stay as they were.
 */
export const sakipAgreementVersions = pgTable(
  'sakip_agreement_versions',
  {
    regionCode: text('region_code').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull(), // draft | signed
    firstName: text('first_name').notNull(),
    firstPosition: text('first_position').notNull(),
    firstNip: text('first_nip').notNull().default(''),
    secondName: text('second_name'),
    secondPosition: text('second_position'),
    secondNip: text('second_nip'),
    place: text('place').notNull(),
    /** The date written above the signatures, in the region's time (YYYY-MM-DD); set on signing when not typed. */
    signedOn: text('signed_on'),
    /** Why this version replaced the previous one; null on the first. */
    reason: text('reason'),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by'),
    createdByLabel: text('created_by_label').notNull(),
    signedAt: ts('signed_at'),
    signedBy: uuid('signed_by'),
    signedByLabel: text('signed_by_label'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.agreementId, t.version] })],
);

/**
 * A version's rows: an indicator committed with its target as it was when the
 * version was drafted (copied, so a later target revision does not change a
 * signed agreement), or a programme or activity with its budget if known.
 */
export const sakipAgreementRows = pgTable(
  'sakip_agreement_rows',
  {
    regionCode: text('region_code').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    version: integer('version').notNull(),
    position: integer('position').notNull(),
    kind: text('kind').notNull(), // indicator | programme
    nodeId: uuid('node_id').notNull(),
    /** The target (sasaran) for an indicator; the programme or activity itself otherwise. */
    nodeTitle: text('node_title').notNull(),
    code: text('code'),
    indicatorId: uuid('indicator_id'),
    indicatorName: text('indicator_name'),
    measure: text('measure'),
    value: numeric('value'),
    low: numeric('low'),
    high: numeric('high'),
    /** The target version copied. */
    targetVersion: integer('target_version'),
    budget: numeric('budget'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.agreementId, t.version, t.position] })],
);

// ---------------------------------------------------------------------------
// The internal AKIP evaluation (PermenPANRB 88/2021 worksheet) and KemenPANRB's
// official results: service/evaluation*.ts.

/**
 * The Inspektorat's internal AKIP evaluation of the region for one year, on a
 * worksheet version pinned when it was opened: `worksheet` is that version as
 * it was (every score is computed from it, never from a later correction).
 * draft → answering (units answer) → reviewing (evaluators give letters) →
 * final (scored, read-only; only recommendations' follow-up moves on).
 */
export const sakipEvaluations = pgTable(
  'sakip_evaluations',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    worksheetVersion: text('worksheet_version').notNull(),
    worksheet: jsonb('worksheet').notNull(),
    /** The units asked to answer the kriteria. */
    unitIds: jsonb('unit_ids').$type<string[]>().notNull().default([]),
    status: text('status').notNull(), // draft | answering | reviewing | final
    /** The evaluators' overall notes (catatan hasil evaluasi). */
    notes: text('notes').notNull().default(''),
    /** Set when final: the published total (two decimals) and its predicate code. */
    score: numeric('score', { precision: 5, scale: 2 }),
    predicate: text('predicate'),
    finalisedAt: ts('finalised_at'),
    finalisedBy: uuid('finalised_by'),
    finalisedByLabel: text('finalised_by_label'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), uniqueIndex('sakip_evaluations_year_idx').on(t.regionCode, t.year)],
);

/** A unit's answer to one kriteria (Y/T as the worksheet defines), with its evidence. */
export const sakipEvaluationAnswers = pgTable(
  'sakip_evaluation_answers',
  {
    regionCode: text('region_code').notNull(),
    evaluationId: uuid('evaluation_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    criterion: text('criterion').notNull(),
    answer: text('answer').notNull(),
    /** A link to the evidence or where it is kept. */
    evidence: text('evidence').notNull().default(''),
    answeredAt: ts('answered_at').notNull(),
    answeredBy: uuid('answered_by'),
    answeredByLabel: text('answered_by_label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.evaluationId, t.unitId, t.criterion] })],
);

/**
 * Evidence files (bukti dukung) of a unit's answer to one kriteria, checked
 * like a realisation's (service/evidence.ts) and kept in the database so a
 * backup carries them. A file may come before its Y/T answer.
 */
export const sakipEvaluationEvidence = pgTable(
  'sakip_evaluation_evidence',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    evaluationId: uuid('evaluation_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    criterion: text('criterion').notNull(),
    ...evidenceFile(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('sakip_evaluation_evidence_answer_idx').on(t.regionCode, t.evaluationId, t.unitId, t.criterion)],
);

/** The evaluator's letter (AA–E) for one sub-komponen, with the note behind it. */
export const sakipEvaluationReviews = pgTable(
  'sakip_evaluation_reviews',
  {
    regionCode: text('region_code').notNull(),
    evaluationId: uuid('evaluation_id').notNull(),
    subComponent: text('sub_component').notNull(),
    letter: text('letter').notNull(),
    note: text('note').notNull().default(''),
    reviewedAt: ts('reviewed_at').notNull(),
    reviewedBy: uuid('reviewed_by'),
    reviewedByLabel: text('reviewed_by_label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.evaluationId, t.subComponent] })],
);

/** A recommendation of the evaluation, for a unit or the region, followed up to closure. */
export const sakipRecommendations = pgTable(
  'sakip_recommendations',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    evaluationId: uuid('evaluation_id').notNull(),
    subComponent: text('sub_component'),
    unitId: uuid('unit_id'),
    text: text('text').notNull(),
    status: text('status').notNull(), // open | in_progress | done
    position: integer('position').notNull(),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by'),
    createdByLabel: text('created_by_label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('sakip_recommendations_evaluation_idx').on(t.regionCode, t.evaluationId)],
);

/** Each step of a recommendation's follow-up: the status it moved to, who, when, and the evidence note. */
export const sakipRecommendationFollowUps = pgTable(
  'sakip_recommendation_follow_ups',
  {
    regionCode: text('region_code').notNull(),
    recommendationId: uuid('recommendation_id').notNull(),
    seq: integer('seq').notNull(),
    status: text('status').notNull(),
    note: text('note').notNull(),
    at: ts('at').notNull(),
    by: uuid('by'),
    byLabel: text('by_label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.recommendationId, t.seq] })],
);

/**
 * KemenPANRB's official AKIP result for the region and year: the score as
 * published (two decimals) and the predicate computed from the bands of the
 * worksheet version named, with where it was published.
 */
export const sakipOfficialResults = pgTable(
  'sakip_official_results',
  {
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    score: numeric('score', { precision: 5, scale: 2 }).notNull(),
    predicate: text('predicate').notNull(),
    worksheetVersion: text('worksheet_version').notNull(),
    source: text('source').notNull().default(''),
    recordedAt: ts('recorded_at').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedByLabel: text('recorded_by_label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] }), check('sakip_official_results_score', sql`${t.score} >= 0 and ${t.score} <= 100`)],
);

// ---------------------------------------------------------------------------
// The performance report (LKjIP, PermenPANRB 53/2014): service/lkjip.ts.

/**
 * A yearly performance report of the region (no unit, from the RPJMD) or of
 * a unit (from its Renstra). `snapshot` holds the figures as generated
 * (domain/lkjip.ts): a later correction of a target or realisation does not
 * change it; regenerating is an explicit step on a draft, counted in
 * `generation`. draft → final (approved by the unit's head, or the
 * coordinator for the region's); only a final report is public.
 */
export const sakipReports = pgTable(
  'sakip_reports',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    unitId: uuid('unit_id'),
    planId: uuid('plan_id').notNull(),
    status: text('status').notNull(), // draft | final
    generation: integer('generation').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    generatedAt: ts('generated_at').notNull(),
    generatedBy: uuid('generated_by'),
    generatedByLabel: text('generated_by_label').notNull(),
    finalisedAt: ts('finalised_at'),
    finalisedBy: uuid('finalised_by'),
    finalisedByLabel: text('finalised_by_label'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('sakip_reports_owner_year_idx').on(t.regionCode, sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.year),
  ],
);

/**
 * A final report as it stood when the coordinator reopened it for
 * correction: its figures and texts, who approved it, and who reopened it,
 * when and why. Numbered per report from 1. The public pages keep showing the
 * latest of these while the report is a draft again.
 */
export const sakipReportVersions = pgTable(
  'sakip_report_versions',
  {
    regionCode: text('region_code').notNull(),
    reportId: uuid('report_id').notNull(),
    version: integer('version').notNull(),
    generation: integer('generation').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    /** The sections' texts then: [{ key, text }] in the document's order. */
    sections: jsonb('sections').notNull(),
    generatedAt: ts('generated_at').notNull(),
    finalisedAt: ts('finalised_at').notNull(),
    finalisedBy: uuid('finalised_by'),
    finalisedByLabel: text('finalised_by_label').notNull(),
    reopenedAt: ts('reopened_at').notNull(),
    reopenedBy: uuid('reopened_by'),
    reopenedByLabel: text('reopened_by_label').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.reportId, t.version] })],
);

/** A report's narrative section as staff wrote it (a chapter's text, problems, follow-up), started from the generated draft. */
export const sakipReportSections = pgTable(
  'sakip_report_sections',
  {
    regionCode: text('region_code').notNull(),
    reportId: uuid('report_id').notNull(),
    section: text('section').notNull(),
    text: text('text').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
    updatedByLabel: text('updated_by_label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.reportId, t.section] })],
);

// Village data ("down to the village"): service/villages.ts.

/**
 * A kecamatan as a unit: the unit (the kecamatan's office) linked to its
 * district code in the area registry, set by the SAKIP coordinator. Its
 * village officers enter values for the desa/kelurahan of that district only.
 */
export const sakipKecamatanUnits = pgTable(
  'sakip_kecamatan_units',
  {
    regionCode: text('region_code').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** The district (kecamatan) code, e.g. 32.11.01. */
    districtCode: text('district_code').notNull(),
    setAt: ts('set_at').notNull(),
    setBy: uuid('set_by'),
    setByLabel: text('set_by_label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.unitId] }), uniqueIndex('sakip_kecamatan_units_district_idx').on(t.regionCode, t.districtCode)],
);

/**
 * An indicator measured per desa/kelurahan, and how its villages roll up:
 * `sum` adds the villages' counts; `rate` adds each village's numerator and
 * denominator (stunted children, children measured) and divides the totals
 * (× scale, 100 for a percentage), so a kecamatan's and the indicator's
 * figure is the exact weighted rate, never an average of rates. Its
 * realisations are written from its villages.
 */
export const sakipVillageIndicators = pgTable(
  'sakip_village_indicators',
  {
    regionCode: text('region_code').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    planId: uuid('plan_id').notNull(),
    rollup: text('rollup').notNull(), // sum | rate
    /** A rate's multiplier: 100 (percent), 1000 (per mille); null for a sum. */
    scale: numeric('scale'),
    numeratorLabel: text('numerator_label').notNull().default(''),
    denominatorLabel: text('denominator_label').notNull().default(''),
    setAt: ts('set_at').notNull(),
    setBy: uuid('set_by'),
    setByLabel: text('set_by_label').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.indicatorId] }),
    index('sakip_village_indicators_plan_idx').on(t.regionCode, t.planId),
    check('sakip_village_indicators_rule', sql`(${t.rollup} = 'sum' and ${t.scale} is null) or (${t.rollup} = 'rate' and ${t.scale} > 0)`),
  ],
);

/**
 * One village's value of a village-measured indicator in one period: a count
 * (sum), or a numerator and its denominator (rate). The current version; a
 * correction moves what it replaced to sakip_village_value_versions.
 */
export const sakipVillageValues = pgTable(
  'sakip_village_values',
  {
    regionCode: text('region_code').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    period: text('period').notNull(),
    villageCode: text('village_code').notNull(),
    planId: uuid('plan_id').notNull(),
    year: integer('year').notNull(),
    /** The kecamatan (district code) the village belongs to, kept for the roll-up per kecamatan. */
    districtCode: text('district_code').notNull(),
    value: numeric('value').notNull(),
    /** A rate's denominator (> 0); null for a count. */
    denominator: numeric('denominator'),
    note: text('note').notNull().default(''),
    enteredAt: ts('entered_at').notNull(),
    enteredBy: uuid('entered_by'),
    enteredByLabel: text('entered_by_label').notNull(),
    version: integer('version').notNull().default(1),
    reason: text('reason'),
    afterClose: boolean('after_close').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.indicatorId, t.period, t.villageCode] }),
    index('sakip_village_values_district_idx').on(t.regionCode, t.indicatorId, t.period, t.districtCode),
    index('sakip_village_values_plan_idx').on(t.regionCode, t.planId, t.year),
  ],
);

/** The versions of a village value that corrections replaced or a deletion removed, as they were: its history. */
export const sakipVillageValueVersions = pgTable(
  'sakip_village_value_versions',
  {
    regionCode: text('region_code').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    period: text('period').notNull(),
    villageCode: text('village_code').notNull(),
    version: integer('version').notNull(),
    planId: uuid('plan_id').notNull(),
    districtCode: text('district_code').notNull(),
    value: numeric('value').notNull(),
    denominator: numeric('denominator'),
    note: text('note').notNull(),
    enteredAt: ts('entered_at').notNull(),
    enteredBy: uuid('entered_by'),
    enteredByLabel: text('entered_by_label').notNull(),
    reason: text('reason'),
    afterClose: boolean('after_close').notNull(),
    /** Set when this version was deleted (a wrong entry) rather than corrected: when, by whom and why; the village then has no value until entered again. */
    deletedAt: ts('deleted_at'),
    deletedBy: uuid('deleted_by'),
    deletedByLabel: text('deleted_by_label'),
    deleteReason: text('delete_reason'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.indicatorId, t.period, t.villageCode, t.version] }), index('sakip_village_value_versions_plan_idx').on(t.regionCode, t.planId)],
);

// The yearly achievement summary the region overview and the province
// comparison read (service/figures.ts), instead of recomputing every
// indicator from its targets and realisations.

/**
 * One indicator of an active plan in one year of the plan, as the overview
 * counts it: the unit responsible (its node's, else its plan's; null for the
 * region's own), whether it has a target and a realisation, and its exact
 * achievement, or why there is none. Written in the transaction of every
 * change that moves it (a target, a realisation, the plan's activation or
 * return to draft); a draft plan has no rows, and its structure (nodes,
 * indicators, units) changes only while it is a draft.
 */
export const sakipIndicatorYearFigures = pgTable(
  'sakip_indicator_year_figures',
  {
    regionCode: text('region_code').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    year: integer('year').notNull(),
    planId: uuid('plan_id').notNull(),
    unitId: uuid('unit_id'),
    hasTarget: boolean('has_target').notNull(),
    reported: boolean('reported').notNull(),
    /** The achievement in percent at full precision; null when there is none (see `excluded`). */
    percent: numeric('percent'),
    /** Why there is no percent: no_realisation (or no target), target_zero, target_negative, range_inverted; null with a percent. */
    excluded: text('excluded'),
    /** A key indicator (IKU) of the RPJMD: the province compares these. */
    iku: boolean('iku').notNull(),
    /** The year's target when it is a single value (an output's volume for the efficiency index); null for a range or none. */
    targetValue: numeric('target_value'),
    /** The year's periods added up by the indicator's rule; null when nothing is reported. */
    realised: numeric('realised'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.indicatorId, t.year] }),
    index('sakip_indicator_year_figures_year_idx').on(t.regionCode, t.year, t.planId),
    // The province compares the RPJMD's IKU only: a few dozen rows per region, whatever the size of its Renstras.
    index('sakip_indicator_year_figures_iku_idx').on(t.regionCode, t.year).where(sql`${t.iku}`),
    check('sakip_indicator_year_figures_percent_or_reason', sql`(${t.percent} is null) <> (${t.excluded} is null)`),
  ],
);

/**
 * Each unit's programmes with a budget in one year of an active plan, added
 * up (service/unit-budgets.ts): how many, their ceiling and spending (each
 * programme's own entries, else its activities'). The unit is the
 * programme's, else its plan's; null for a region's programme without one.
 * A plan-year with budget entries but no budgeted programme keeps one row
 * with no programme, so that a missing roll-up can be told from an empty one.
 * Written in the transaction of every change that moves it (a budget entry,
 * the plan's activation or return to draft).
 */
export const sakipUnitYearBudgets = pgTable(
  'sakip_unit_year_budgets',
  {
    regionCode: text('region_code').notNull(),
    planId: uuid('plan_id').notNull(),
    year: integer('year').notNull(),
    unitId: uuid('unit_id'),
    programmes: integer('programmes').notNull(),
    ceiling: numeric('ceiling').notNull(),
    spending: numeric('spending').notNull(),
  },
  (t) => [
    uniqueIndex('sakip_unit_year_budgets_key').on(t.regionCode, t.planId, t.year, sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
    index('sakip_unit_year_budgets_year_idx').on(t.regionCode, t.year),
  ],
);

/**
 * The summary's rows of one plan-year counted per unit and IKU
 * (service/figures.ts): how many indicators, with a target, reported, met,
 * with an achievement, and the achievements' exact sum; what the region
 * overview and the province read, a few rows per unit whatever the number
 * of indicators. An active plan's indicators, units and IKU do not change,
 * so its rows are all written when it is activated; a target or realisation
 * then moves its row's counts by the difference, in the same transaction.
 */
export const sakipUnitYearTallies = pgTable(
  'sakip_unit_year_tallies',
  {
    regionCode: text('region_code').notNull(),
    planId: uuid('plan_id').notNull(),
    year: integer('year').notNull(),
    unitId: uuid('unit_id'),
    iku: boolean('iku').notNull(),
    indicators: integer('indicators').notNull(),
    withTarget: integer('with_target').notNull(),
    reported: integer('reported').notNull(),
    met: integer('met').notNull(),
    used: integer('used').notNull(),
    sum: numeric('sum').notNull(),
  },
  (t) => [
    uniqueIndex('sakip_unit_year_tallies_key').on(t.regionCode, t.planId, t.year, sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.iku),
    index('sakip_unit_year_tallies_year_idx').on(t.regionCode, t.year),
  ],
);

// ---------------------------------------------------------------------------
// Budgets and action plans (service/budget.ts, service/efficiency.ts)

/**
 * A programme's, activity's or sub-activity's budget in one period (a year,
 * quarter or month, one kind per node and year like realisations): the
 * ceiling (pagu) and what was spent (realisasi anggaran), in rupiah. The
 * current version; a correction moves what it replaced to
 * sakip_budget_versions.
 */
export const sakipBudgets = pgTable(
  'sakip_budgets',
  {
    regionCode: text('region_code').notNull(),
    planId: uuid('plan_id').notNull(),
    nodeId: uuid('node_id').notNull(),
    period: text('period').notNull(),
    year: integer('year').notNull(),
    ceiling: numeric('ceiling').notNull(),
    spending: numeric('spending').notNull(),
    enteredAt: ts('entered_at').notNull(),
    enteredBy: uuid('entered_by'),
    enteredByLabel: text('entered_by_label').notNull(),
    version: integer('version').notNull().default(1),
    reason: text('reason'),
    afterClose: boolean('after_close').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.nodeId, t.period] }),
    index('sakip_budgets_plan_idx').on(t.regionCode, t.planId, t.year),
    check('sakip_budgets_not_negative', sql`${t.ceiling} >= 0 and ${t.spending} >= 0`),
  ],
);

/** The versions of a period's budget that a correction replaced, as they were. */
export const sakipBudgetVersions = pgTable(
  'sakip_budget_versions',
  {
    regionCode: text('region_code').notNull(),
    planId: uuid('plan_id').notNull(),
    nodeId: uuid('node_id').notNull(),
    period: text('period').notNull(),
    version: integer('version').notNull(),
    ceiling: numeric('ceiling').notNull(),
    spending: numeric('spending').notNull(),
    enteredAt: ts('entered_at').notNull(),
    enteredBy: uuid('entered_by'),
    enteredByLabel: text('entered_by_label').notNull(),
    reason: text('reason'),
    afterClose: boolean('after_close').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.nodeId, t.period, t.version] }), index('sakip_budget_versions_plan_idx').on(t.regionCode, t.planId)],
);

/**
 * An indicator's action-plan (rencana aksi) target for a quarter or a month of
 * a year, one kind per indicator and year; the year's own target is the
 * plan's (sakip_targets). Changes are audited; in a closed period only the
 * coordinator changes it, with a reason.
 */
export const sakipActionTargets = pgTable(
  'sakip_action_targets',
  {
    regionCode: text('region_code').notNull(),
    planId: uuid('plan_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    period: text('period').notNull(),
    year: integer('year').notNull(),
    value: numeric('value').notNull(),
    setAt: ts('set_at').notNull(),
    setBy: uuid('set_by'),
    setByLabel: text('set_by_label').notNull(),
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.indicatorId, t.period] }), index('sakip_action_targets_plan_idx').on(t.regionCode, t.planId, t.year)],
);

/** What one period came to in an automatic sync of a sourced indicator (service/source-sync.ts). */
export interface SourceSyncOutcome {
  period: string;
  /** entered: the source's value was written; unchanged: it was already the realisation; refused: the use case or the source said no (code); failed: an unexpected error. */
  result: 'entered' | 'unchanged' | 'refused' | 'failed';
  /** The source's value, when it had one. */
  value: string | null;
  /** The error code of a refusal ('sakip.source_no_value', 'sakip.period_mixed', 'sakip.period_locked') or 'internal'. */
  code?: string;
  details?: unknown;
  /** An unexpected error's message, for an operator reading the table; never shown in the app. */
  error?: string;
}

/**
 * The automatic sync of a sourced indicator of an active plan: when the
 * sweep takes it next (`next_at`, also its lease while it runs), when it
 * last ran and what each period came to. A row exists exactly while its
 * indicator has a source and its plan is active (service/source-sync.ts).
 */
export const sakipSourceSyncs = pgTable(
  'sakip_source_syncs',
  {
    regionCode: text('region_code').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    planId: uuid('plan_id').notNull(),
    nextAt: ts('next_at').notNull(),
    lastRunAt: ts('last_run_at'),
    outcomes: jsonb('outcomes').$type<SourceSyncOutcome[]>().notNull().default([]),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.indicatorId] }),
    index('sakip_source_syncs_plan_idx').on(t.regionCode, t.planId),
    // The sweep's claim reads the due rows of every region, oldest first.
    index('sakip_source_syncs_next_idx').on(t.nextAt),
  ],
);

/**
 * The region's indicator library (katalog indikator): performance indicator
 * definitions by a code of its own, ready to be used in its plans. Its own,
 * or adopted from another region in the Living Lab (`adoptedFrom`); a plan's
 * indicators, targets and realisations are never written from here.
 */
export const sakipIndicatorLibrary = pgTable(
  'sakip_indicator_library',
  {
    regionCode: text('region_code').notNull(),
    code: text('code').notNull(),
    ...indicatorDefinition(),
    allowsNegative: boolean('allows_negative').notNull().default(false),
    /** The performance-tree level it measures: goal, target, programme, activity, sub_activity. */
    level: text('level').notNull(),
    note: text('note').notNull().default(''),
    /** The region it was adopted from (as the package named it); null for the region's own. */
    adoptedFrom: jsonb('adopted_from').$type<{ code: string; name: string } | null>(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.code] })],
);
