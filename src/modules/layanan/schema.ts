// Tables of the public-services module. Everything is a region's own: every
// primary key starts with region_code. A service's standard, form, workflow,
// result template and tariff are kept as JSON documents (domain/ checks their
// shapes): the draft staff edit on the service, and every published version
// as its own row, never changed.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../platform/db/columns.js';
import type { FormDefinition } from './domain/form.js';
import type { Standard } from './domain/standard.js';
import type { ResultTemplate } from './domain/template.js';
import type { TariffRule } from './domain/tariff.js';
import type { Workflow } from './domain/workflow.js';
import type { StoredAnswer } from './domain/skm.js';

/** A service of the region's catalogue, owned by a unit; its draft standard and the number of its latest published version. */
export const layananServices = pgTable(
  'layanan_services',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    summary: text('summary').notNull(),
    status: text('status').notNull(), // draft | published | archived
    draft: jsonb('draft').$type<Standard>().notNull(),
    // The rest of the draft definition (domain/definition.ts), published with the standard.
    form: jsonb('form').$type<FormDefinition>().notNull(),
    workflow: jsonb('workflow').$type<Workflow>().notNull(),
    result: jsonb('result').$type<ResultTemplate>().notNull(),
    tariff: jsonb('tariff').$type<TariffRule>().notNull(),
    /** The latest published version; 0 before the first publication. */
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
    updatedByLabel: text('updated_by_label').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('layanan_services_slug_idx').on(t.regionCode, t.slug),
    index('layanan_services_unit_idx').on(t.regionCode, t.unitId),
    check('layanan_services_status', sql`${t.status} in ('draft', 'published', 'archived')`),
  ],
);

/** A published version of a service: its name, summary, standard, form, workflow, result template and tariff as they were from then on (applications keep theirs). */
export const layananStandardVersions = pgTable(
  'layanan_standard_versions',
  {
    regionCode: text('region_code').notNull(),
    serviceId: uuid('service_id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    summary: text('summary').notNull(),
    standard: jsonb('standard').$type<Standard>().notNull(),
    form: jsonb('form').$type<FormDefinition>().notNull(),
    workflow: jsonb('workflow').$type<Workflow>().notNull(),
    result: jsonb('result').$type<ResultTemplate>().notNull(),
    tariff: jsonb('tariff').$type<TariffRule>().notNull(),
    publishedAt: ts('published_at').notNull(),
    publishedBy: uuid('published_by'),
    publishedByLabel: text('published_by_label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.serviceId, t.version] })],
);

/** A unit's service pledge (maklumat pelayanan); a unit without a row pledges the reference text. */
export const layananPledges = pgTable(
  'layanan_pledges',
  {
    regionCode: text('region_code').notNull(),
    unitId: uuid('unit_id').notNull(),
    text: text('text').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
    updatedByLabel: text('updated_by_label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.unitId] })],
);

/**
 * One satisfaction-survey form (SKM, PermenPANRB 14/2017) about a service
 * received on a date: the answers with each element's code AND name as the
 * instrument version named them (apps differ on which of U8/U9 is which, so
 * results pair answers by name), optional respondent profile, the channel and
 * who entered it. Never changed. `unit_id` is the unit that delivered the
 * service then (a service may later move to another unit).
 */
export const layananSkmResponses = pgTable(
  'layanan_skm_responses',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    serviceId: uuid('service_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    serviceDate: date('service_date', { mode: 'string' }).notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    answers: jsonb('answers').$type<StoredAnswer[]>().notNull(),
    gender: text('gender'),
    ageBand: text('age_band'),
    education: text('education'),
    occupation: text('occupation'),
    channel: text('channel').notNull(), // paper | online
    enteredAt: ts('entered_at').notNull(),
    enteredBy: uuid('entered_by'),
    enteredByLabel: text('entered_by_label').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('layanan_skm_responses_date_idx').on(t.regionCode, t.serviceDate),
    check('layanan_skm_responses_channel', sql`${t.channel} in ('paper', 'online')`),
  ],
);

/** The number of people a service served in a period (`2026`, `2026-S1`, `2026-Q1`, `2026-03`), as staff enter it, for the sample size. */
export const layananSkmPopulations = pgTable(
  'layanan_skm_populations',
  {
    regionCode: text('region_code').notNull(),
    serviceId: uuid('service_id').notNull(),
    period: text('period').notNull(),
    population: integer('population').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
    updatedByLabel: text('updated_by_label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.serviceId, t.period] }), check('layanan_skm_populations_population', sql`${t.population} >= 0`)],
);
