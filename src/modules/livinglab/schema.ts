// Tables of the Living Lab. A solution belongs to the region that publishes
// it (every primary key starts with region_code); its published versions are
// public, its draft is the owner's. An adoption belongs to the adopting region
// and names the source by region and solution (or, for a package imported
// from another installation, by what the file said).
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, boolean, check, customType, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, ts } from '../../platform/db/columns.js';
import type { ApplicationFacts, Mentor } from './domain/solution.js';
import type { CoachingGoal } from './domain/coaching.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A solution: a Pamong module's configuration as a package (kind `package`,
 * `package_kind` names it as module.key) or an application outside Pamong
 * (kind `application`). The row holds the draft; publishing copies it into a
 * new version, with the package read from the region's configuration then. Curators (platform or the owner's province) feature, hide or
 * mark it superseded.
 */
export const livinglabSolutions = pgTable(
  'livinglab_solutions',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').$type<'package' | 'application'>().notNull(),
    packageKind: text('package_kind'),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    description: text('description').notNull().default(''),
    /** SPBE architecture: layanan publik or administrasi pemerintahan (domain/solution.ts). */
    domain: text('domain').notNull(),
    /** The government affair (urusan, Permendagri 90/2019) it serves, when one. */
    sector: text('sector'),
    /** What the publisher chose to include (the module's candidate keys); empty is everything. */
    contentKeys: jsonb('content_keys').$type<string[]>().notNull().default([]),
    application: jsonb('application').$type<ApplicationFacts>(),
    mentor: jsonb('mentor').$type<Mentor>(),
    latestVersion: integer('latest_version'),
    featured: boolean('featured').notNull().default(false),
    hidden: boolean('hidden').notNull().default(false),
    curatorNote: text('curator_note'),
    supersededBy: uuid('superseded_by_id'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    // Public routes name a solution by its id alone (not unique by itself: Citus needs region_code in every unique key).
    index('livinglab_solutions_id_idx').on(t.id),
    index('livinglab_solutions_published_idx').on(t.latestVersion).where(sql`${t.latestVersion} is not null and not ${t.hidden}`),
  ],
);

/** A published version, as it was: the public reads these, adopters apply their content. */
export const livinglabVersions = pgTable(
  'livinglab_versions',
  {
    regionCode: text('region_code').notNull(),
    solutionId: uuid('solution_id').notNull(),
    number: integer('number').notNull(),
    kind: text('kind').$type<'package' | 'application'>().notNull(),
    packageKind: text('package_kind'),
    /** The module's content format version when published. */
    formatVersion: integer('format_version'),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    description: text('description').notNull(),
    domain: text('domain').notNull(),
    sector: text('sector'),
    content: jsonb('content'),
    application: jsonb('application').$type<ApplicationFacts>(),
    mentor: jsonb('mentor').$type<Mentor>(),
    changelog: text('changelog').notNull().default(''),
    /** Labels the catalogue filters on, from the package kind's `tags` (e.g. `spbe.indicator:SPBE.D1.I01`). */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    publishedAt: ts('published_at').notNull(),
    publishedBy: uuid('published_by'),
    /** Indonesian full text of the title (weight A), summary (B) and description (C). */
    search: tsvector('search').generatedAlwaysAs(sql`setweight(to_tsvector('indonesian', title), 'A') || setweight(to_tsvector('indonesian', summary), 'B') || setweight(to_tsvector('indonesian', description), 'C')`),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.solutionId, t.number] }),
    index('livinglab_versions_search_idx').using('gin', t.search),
    index('livinglab_versions_tags_idx').using('gin', t.tags),
  ],
);

/** An uploaded file's columns (a kit file, coaching evidence): its title, name, type from its content, size, bytes, who and when. */
const storedFile = () => ({
  title: text('title').notNull(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  data: bytea('data').notNull(),
  uploadedAt: ts('uploaded_at').notNull(),
  uploadedBy: uuid('uploaded_by'),
});

/** The learning kit: SOPs, draft regulations, training material, screenshots. Public once the solution is published. */
export const livinglabKitFiles = pgTable(
  'livinglab_kit_files',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    solutionId: uuid('solution_id').notNull(),
    kind: text('kind').notNull(), // domain/solution.ts KIT_KINDS
    ...storedFile(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('livinglab_kit_solution_idx').on(t.regionCode, t.solutionId)],
);

/**
 * A region's adoption of a solution: which version it took, the unit
 * mapping and the lines it chose. A package imported from a file has no
 * solution here: `source` says what the file named.
 */
export const livinglabAdoptions = pgTable(
  'livinglab_adoptions',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sourceRegion: text('source_region'),
    solutionId: uuid('solution_id'),
    source: jsonb('source').$type<{ installation: string | null; region: string; title: string; packageKind: string | null }>().notNull(),
    version: integer('version').notNull(),
    unitMap: jsonb('unit_map').$type<Record<string, string>>().notNull().default({}),
    taken: jsonb('taken').$type<string[]>().notNull().default([]),
    applied: integer('applied').notNull().default(0),
    adoptedAt: ts('adopted_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    adoptedBy: uuid('adopted_by'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('livinglab_adoptions_solution_idx').on(t.regionCode, t.solutionId),
    index('livinglab_adoptions_source_idx').on(t.solutionId),
  ],
);

/**
 * A rating of a solution by an official of a region that adopted it (the
 * rater's region owns the row): five marks 1–5 and a review; the owner
 * region answers; a curator may hide it with a reason.
 */
export const livinglabRatings = pgTable(
  'livinglab_ratings',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    solutionId: uuid('solution_id').notNull(),
    userId: uuid('user_id').notNull(),
    fitness: smallint('fitness').notNull(),
    ease: smallint('ease').notNull(),
    stability: smallint('stability').notNull(),
    support: smallint('support').notNull(),
    documentation: smallint('documentation').notNull(),
    review: text('review').notNull().default(''),
    ratedAt: ts('rated_at').notNull(),
    answer: text('answer'),
    answeredAt: ts('answered_at'),
    answeredBy: uuid('answered_by'),
    hidden: boolean('hidden').notNull().default(false),
    moderationNote: text('moderation_note'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('livinglab_ratings_user_idx').on(t.regionCode, t.solutionId, t.userId),
    index('livinglab_ratings_solution_idx').on(t.solutionId),
    check('livinglab_ratings_marks', sql`${t.fitness} between 1 and 5 and ${t.ease} between 1 and 5 and ${t.stability} between 1 and 5 and ${t.support} between 1 and 5 and ${t.documentation} between 1 and 5`),
  ],
);

/**
 * The region's inventory of applications (what the SPBE architecture asks
 * for): the region's own rows, never public; a region publishes one as a
 * solution to share it.
 */
export const livinglabApplications = pgTable(
  'livinglab_applications',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    unitId: uuid('unit_id').notNull(),
    purpose: text('purpose').notNull(),
    domain: text('domain').notNull(),
    sector: text('sector'),
    users: text('users').notNull().default(''),
    hosting: text('hosting').notNull().default(''),
    /** Rupiah per year (running, licences, hosting). */
    costPerYear: bigint('cost_per_year', { mode: 'number' }).notNull().default(0),
    status: text('status').$type<'planned' | 'live' | 'retired'>().notNull(),
    /** The national general application it does the same work as (domain/solution.ts), when any. */
    duplicates: text('duplicates'),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] })],
);

/**
 * A unit's proposal of a new application or digital spending for a budget
 * year, and the SPBE team's decision: approve, adopt an existing solution
 * instead (what was avoided is its estimated cost), or refuse.
 */
export const livinglabProposals = pgTable(
  'livinglab_proposals',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    purpose: text('purpose').notNull(),
    domain: text('domain').notNull(),
    sector: text('sector'),
    estimatedCost: bigint('estimated_cost', { mode: 'number' }).notNull(),
    status: text('status').$type<'submitted' | 'approved' | 'adopt_instead' | 'refused'>().notNull(),
    decisionReason: text('decision_reason'),
    /** The catalogue solution adopted instead, when that was the decision. */
    adoptSolutionId: uuid('adopt_solution_id'),
    proposedBy: uuid('proposed_by'),
    proposedAt: ts('proposed_at').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('livinglab_proposals_year_idx').on(t.regionCode, t.year)],
);

// ---- Coaching (pendampingan) ----
// A mentor region's programme for a cohort of pilot regions. Every row
// belongs to the mentor region (region_code); a pilot row names its pilot
// region, whose coordinator reaches that pilot's rows only (service/coaching.ts).

/** A row about one pilot, in the mentor region's rows. */
const pilotOwned = () => ({
  regionCode: text('region_code').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  pilotId: uuid('pilot_id').notNull(),
});
const pilotKeys = (name: string, t: { regionCode: AnyPgColumn; id: AnyPgColumn; pilotId: AnyPgColumn }) =>
  [primaryKey({ columns: [t.regionCode, t.id] }), index(`livinglab_coaching_${name}_pilot_idx`).on(t.regionCode, t.pilotId)];

/** A coaching programme run by the mentor region: what, why, on which of its solutions, when. */
export const livinglabCoachingProgrammes = pgTable(
  'livinglab_coaching_programmes',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    purpose: text('purpose').notNull().default(''),
    /** The mentor region's own published solutions the programme coaches on. */
    solutionIds: jsonb('solution_ids').$type<string[]>().notNull().default([]),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    status: text('status').$type<'draft' | 'active' | 'finished'>().notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), check('livinglab_coaching_period', sql`${t.endDate} >= ${t.startDate}`)],
);

/** One pilot region of a programme, with its goals (domain/coaching.ts). */
export const livinglabCoachingPilots = pgTable(
  'livinglab_coaching_pilots',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    programmeId: uuid('programme_id').notNull(),
    pilotRegion: text('pilot_region').notNull(),
    goals: jsonb('goals').$type<CoachingGoal[]>().notNull().default([]),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('livinglab_coaching_pilots_region_idx').on(t.regionCode, t.programmeId, t.pilotRegion),
    // The pilot's side finds its records by its own region.
    index('livinglab_coaching_pilots_pilot_idx').on(t.pilotRegion),
  ],
);

/** A planned coaching session with one pilot. */
export const livinglabCoachingSessions = pgTable(
  'livinglab_coaching_sessions',
  {
    ...pilotOwned(),
    date: date('date', { mode: 'string' }).notNull(),
    topic: text('topic').notNull(),
    mode: text('mode').$type<'online' | 'onsite'>().notNull(),
    place: text('place').notNull().default(''),
    attendance: text('attendance').notNull().default(''),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => pilotKeys('sessions', t),
);

/** A task for one pilot: the mentor sets it, the pilot marks it done. */
export const livinglabCoachingTasks = pgTable(
  'livinglab_coaching_tasks',
  {
    ...pilotOwned(),
    title: text('title').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status').$type<'open' | 'done'>().notNull(),
    doneAt: ts('done_at'),
    doneBy: uuid('done_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => pilotKeys('tasks', t),
);

/** A note on one pilot, by the mentor or the pilot (author_region says which). */
export const livinglabCoachingNotes = pgTable(
  'livinglab_coaching_notes',
  {
    ...pilotOwned(),
    authorRegion: text('author_region').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => pilotKeys('notes', t),
);

/** Evidence for one pilot (PDF, Word, Excel, images; type checked by content). */
export const livinglabCoachingFiles = pgTable(
  'livinglab_coaching_files',
  {
    ...pilotOwned(),
    authorRegion: text('author_region').notNull(),
    ...storedFile(),
  },
  (t) => pilotKeys('files', t),
);
