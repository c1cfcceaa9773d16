// Tables of the SPBE / Pemerintah Digital evaluation module. Frameworks are
// platform data (no region); everything a region does starts its primary key
// with region_code.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts, bytea } from '../../platform/db/columns.js';
import type { FrameworkDocument } from './domain/framework.js';

/** A framework, e.g. spbe-2020 (PermenPANRB 59/2020) or pemdi-2026 (PermenPANRB 8/2026). */
export const spbeFrameworks = pgTable('spbe_frameworks', {
  code: text('code').primaryKey(),
  nameId: text('name_id').notNull(),
  nameEn: text('name_en').notNull(),
  regulation: text('regulation').notNull().default(''),
  /** Where the data came from and how sure it is. */
  note: text('note').notNull().default(''),
  createdAt: ts('created_at').notNull(),
});

/**
 * One version of a framework's structure. Drafts are edited; an active or
 * retired version never changes again, so evaluations pinned to it keep
 * their results.
 */
export const spbeFrameworkVersions = pgTable(
  'spbe_framework_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    frameworkCode: text('framework_code').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull(), // draft | active | retired
    note: text('note').notNull().default(''),
    document: jsonb('document').$type<FrameworkDocument>().notNull(),
    copiedFrom: uuid('copied_from'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    activatedAt: ts('activated_at'),
    retiredAt: ts('retired_at'),
  },
  (t) => [uniqueIndex('spbe_versions_number_idx').on(t.frameworkCode, t.version)],
);

/** A region's evaluation for one year, pinned to one framework version. */
export const spbeEvaluations = pgTable(
  'spbe_evaluations',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    versionId: uuid('version_id').notNull(),
    stage: text('stage').notNull(),
    openedAt: ts('opened_at').notNull(),
    openedBy: uuid('opened_by'),
    selfAssessmentAt: ts('self_assessment_at'),
    internalValidationAt: ts('internal_validation_at'),
    externalAssessmentAt: ts('external_assessment_at'),
    finalAt: ts('final_at'),
    closedAt: ts('closed_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), uniqueIndex('spbe_evaluations_year_idx').on(t.regionCode, t.year)],
);

/** One indicator of an evaluation: the unit's self-assessment and the final assessment side by side. */
export const spbeAnswers = pgTable(
  'spbe_answers',
  {
    regionCode: text('region_code').notNull(),
    evaluationId: uuid('evaluation_id').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    unitId: uuid('unit_id'),
    status: text('status').notNull(),
    selfLevel: smallint('self_level'),
    explanation: text('explanation').notNull().default(''),
    links: jsonb('links').$type<{ url: string; label: string }[]>().notNull().default([]),
    submittedAt: ts('submitted_at'),
    /** The last note from the coordinator or internal assessor (returned or accepted with a note). */
    reviewNote: text('review_note'),
    reviewedAt: ts('reviewed_at'),
    validatedAt: ts('validated_at'),
    finalLevel: smallint('final_level'),
    finalReason: text('final_reason'),
    interviewNote: text('interview_note'),
    visitNote: text('visit_note'),
    assessedAt: ts('assessed_at'),
    assessedBy: uuid('assessed_by'),
    /** What the region chooses to share with other regions ("learn from the leaders"). */
    practiceShared: boolean('practice_shared').notNull().default(false),
    practiceNote: text('practice_note'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.evaluationId, t.indicatorCode] }),
    index('spbe_answers_leaders_idx').on(t.indicatorCode, t.finalLevel),
  ],
);

/** Evidence files (bukti dukung), checked by content on upload. */
export const spbeEvidence = pgTable(
  'spbe_evidence',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    evaluationId: uuid('evaluation_id').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    data: bytea('data').notNull(),
    /** Shared with other regions with the practice note, once the result is published. */
    shared: boolean('shared').notNull().default(false),
    uploadedAt: ts('uploaded_at').notNull(),
    uploadedBy: uuid('uploaded_by'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('spbe_evidence_answer_idx').on(t.regionCode, t.evaluationId, t.indicatorCode)],
);

/** Every change to an evaluation, in order. */
export const spbeHistory = pgTable(
  'spbe_history',
  {
    regionCode: text('region_code').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    evaluationId: uuid('evaluation_id').notNull(),
    indicatorCode: text('indicator_code'),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    detail: jsonb('detail').notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('spbe_history_evaluation_idx').on(t.regionCode, t.evaluationId, t.id)],
);

/** A region's target index for a year, the indicators it cannot raise that year, and how fast one indicator can rise. */
export const spbeTargets = pgTable(
  'spbe_targets',
  {
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    targetIndex: numeric('target_index', { precision: 3, scale: 2 }).notNull(),
    outOfReach: jsonb('out_of_reach').$type<string[]>().notNull().default([]),
    /** How many levels one indicator may rise per year in the plan towards this target. */
    maxRisePerYear: smallint('max_rise_per_year').notNull().default(1),
    note: text('note').notNull().default(''),
    setAt: ts('set_at').notNull(),
    setBy: uuid('set_by'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);

/**
 * One result per area and year: from a finalised evaluation, or imported from
 * published history. region_code is an area code (any province or
 * regency/city, enabled here or not) or '00' for the national index.
 */
export const spbeResults = pgTable(
  'spbe_results',
  {
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    frameworkCode: text('framework_code').notNull(),
    /** Null when only the framework is known (results published under a version we do not hold). */
    versionId: uuid('version_id'),
    version: integer('version'),
    index: numeric('index', { precision: 4, scale: 2 }).notNull(),
    predicate: jsonb('predicate').$type<{ id: string; en: string } | null>(),
    domains: jsonb('domains').$type<Record<string, number>>().notNull().default({}),
    aspects: jsonb('aspects').$type<Record<string, number>>().notNull().default({}),
    source: text('source').notNull(), // evaluation | import
    evaluationId: uuid('evaluation_id'),
    published: boolean('published').notNull(),
    publishedAt: ts('published_at'),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.year] }),
    index('spbe_results_ranking_idx').on(t.year, t.frameworkCode).where(sql`${t.published}`),
  ],
);

/** An item of a practice's evidence checklist: what to prepare, never a file. */
export interface PracticeEvidence {
  title: string;
  description: string;
  kind: 'regulation' | 'sop' | 'report' | 'minutes' | 'data' | 'screenshot' | 'document';
}

/**
 * A region's working practice for one indicator of a framework: what it
 * does (note, explanation), its SOP and the checklist of evidence to
 * prepare. Its own, or adopted from another region through the Living Lab
 * (`adoptedFrom`); separate from the evaluation's answers, which an adoption
 * never touches.
 */
export const spbePractices = pgTable(
  'spbe_practices',
  {
    regionCode: text('region_code').notNull(),
    frameworkCode: text('framework_code').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    note: text('note').notNull().default(''),
    explanation: text('explanation').notNull().default(''),
    sop: text('sop').notNull().default(''),
    evidence: jsonb('evidence').$type<PracticeEvidence[]>().notNull().default([]),
    /** The region it was adopted from (code and name as the package said), null for the region's own. */
    adoptedFrom: jsonb('adopted_from').$type<{ code: string; name: string } | null>(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.frameworkCode, t.indicatorCode] })],
);
