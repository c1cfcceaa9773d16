// Tables of the leader's dashboard: the latest reading of every tile for
// every enabled region (the head of region's page and the province's page
// read them in one query instead of reading every tile live), the last reading of each
// local month (every tile's monthly history, even one without a measure),
// and a row per region the refreshing sweep claims; and the weekly digest's
// preferences and sendings. Everything is a region's own: every primary key
// starts with region_code.
import { check, date, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { Words } from '../../platform/errors.js';
import type { TileItem } from '../../platform/modules/contract.js';
import { bytea, ts } from '../../platform/db/columns.js';

/** A tile's latest successful reading in a region; a failed reading leaves the row as it was. */
export const pimpinanFigures = pgTable(
  'pimpinan_figures',
  {
    regionCode: text('region_code').notNull(),
    module: text('module').notNull(),
    key: text('key').notNull(),
    value: numeric('value'),
    unit: jsonb('unit').$type<Words | null>(),
    tone: text('tone'), // good | watch | bad
    /** Where the figure drills down, and the short list behind it: the head of region's page is drawn from this row. Null in rows read before they were kept. */
    link: text('link'),
    items: jsonb('items').$type<TileItem[] | null>(),
    /** As of when the module says the figure holds. */
    asOf: ts('as_of').notNull(),
    /** When Pamong read it. */
    takenAt: ts('taken_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.module, t.key] })],
);

/** The last reading taken in each month of the region's local calendar. */
export const pimpinanFigureMonths = pgTable(
  'pimpinan_figure_months',
  {
    regionCode: text('region_code').notNull(),
    module: text('module').notNull(),
    key: text('key').notNull(),
    month: text('month').notNull(), // YYYY-MM, local
    value: numeric('value'),
    takenAt: ts('taken_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.module, t.key, t.month] })],
);

/** When a region's figures are next due; the sweep claims a row by pushing next_at forward (a lease). */
export const pimpinanRefreshes = pgTable(
  'pimpinan_refreshes',
  {
    regionCode: text('region_code').notNull().primaryKey(),
    nextAt: ts('next_at').notNull(),
    lastRunAt: ts('last_run_at'),
  },
  // The claim reads the due rows of every region, oldest first.
  (t) => [index('pimpinan_refreshes_next_idx').on(t.nextAt)],
);

/** A person's choice for the weekly digest in a region; no row means the default day (Monday). */
export const pimpinanDigestPreferences = pgTable(
  'pimpinan_digest_preferences',
  {
    regionCode: text('region_code').notNull(),
    userId: uuid('user_id').notNull(),
    /** ISO weekday, 1 = Monday … 7 = Sunday; null: switched off. */
    day: smallint('day'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.userId] }), check('pimpinan_digest_day', sql`${t.day} between 1 and 7`)],
);

/** Each digest queued: one per person, region and local date, so a sweep run twice (or two workers) never sends it twice. */
export const pimpinanDigests = pgTable(
  'pimpinan_digests',
  {
    regionCode: text('region_code').notNull(),
    userId: uuid('user_id').notNull(),
    localDate: text('local_date').notNull(), // YYYY-MM-DD, the region's
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.userId, t.localDate] })],
);

/**
 * A training programme the region's people attend (the Digital Leadership
 * Academy, the GCIO's technical guidance, a BPSDM course): its records are
 * evidence for the SPBE human-resources indicators (README).
 */
export const pimpinanTrainings = pgTable(
  'pimpinan_trainings',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    organiser: text('organiser').notNull(),
    kind: text('kind').notNull(), // digital_leadership | gcio | technical | other
    startDate: date('start_date', { mode: 'string' }).notNull(), // local
    endDate: date('end_date', { mode: 'string' }).notNull(),
    hours: integer('hours'),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('pimpinan_trainings_start_idx').on(t.regionCode, t.startDate),
    check('pimpinan_training_dates', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/** A person in a programme: an account or a named person, their unit and position, completion and certificate. */
export const pimpinanTrainingParticipants = pgTable(
  'pimpinan_training_participants',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    trainingId: uuid('training_id').notNull(),
    userId: uuid('user_id'),
    name: text('name').notNull(),
    nip: text('nip'),
    unitId: uuid('unit_id').notNull(),
    position: text('position').notNull(),
    status: text('status').notNull(), // enrolled | completed | not_completed
    completedOn: date('completed_on', { mode: 'string' }),
    certificateName: text('certificate_name'),
    certificateType: text('certificate_type'),
    certificateSize: integer('certificate_size'),
    certificateData: bytea('certificate_data'),
    certificateAt: ts('certificate_at'),
    certificateBy: uuid('certificate_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('pimpinan_training_participants_training_idx').on(t.regionCode, t.trainingId),
    index('pimpinan_training_participants_unit_idx').on(t.regionCode, t.unitId),
    check('pimpinan_training_completed', sql`(${t.status} = 'completed') = (${t.completedOn} is not null)`),
  ],
);
