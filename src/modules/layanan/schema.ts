// Tables of the public-services module. Everything is a region's own: every
// primary key starts with region_code. A service's standard is kept as one
// JSON document (domain/standard.ts checks its shape): the draft staff edit on
// the service, and every published version as its own row, never changed.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../platform/db/columns.js';
import type { Standard } from './domain/standard.js';
import type { StoredAnswer } from './domain/skm.js';
import type { QrisMerchant } from './domain/qris.js';
import type { ReconciliationLine } from './domain/statement.js';

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

/** A published version of a service: its name, summary and standard as the public read them from then on (applications keep theirs). */
export const layananStandardVersions = pgTable(
  'layanan_standard_versions',
  {
    regionCode: text('region_code').notNull(),
    serviceId: uuid('service_id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    summary: text('summary').notNull(),
    standard: jsonb('standard').$type<Standard>().notNull(),
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

/**
 * A bill the region collects: a service fee (retribusi; `application_id` is
 * filled once applications exist) or a regional tax bill imported from the
 * tax system (pajak: tax type, object number NOP, tax year). The billing code
 * (domain/billing.ts) starts with the region's code digits, so unique in the
 * region means unique in the whole instance. Amounts are whole rupiah. The
 * bill is payable up to the end of `due_date` in the region's time zone;
 * `status` stays `unpaid` after that and readers see it as expired
 * (domain/billing.ts, effectiveStatus). A bank transaction credits at most
 * one bill (the unique payment reference: the callback's transaction id and
 * the statement line's reference are the same bank's numbers).
 */
export const layananBills = pgTable(
  'layanan_bills',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    billingCode: text('billing_code').notNull(),
    kind: text('kind').$type<'retribusi' | 'pajak'>().notNull(),
    applicationId: uuid('application_id'),
    serviceId: uuid('service_id'),
    unitId: uuid('unit_id'),
    taxType: text('tax_type'),
    taxObjectNumber: text('tax_object_number'),
    taxYear: integer('tax_year'),
    payerName: text('payer_name').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status').$type<'unpaid' | 'paid' | 'cancelled'>().notNull(),
    createdAt: ts('created_at').notNull(),
    createdByLabel: text('created_by_label').notNull(),
    paidAt: ts('paid_at'),
    paidAmount: bigint('paid_amount', { mode: 'number' }),
    paymentReference: text('payment_reference'),
    paymentChannel: text('payment_channel').$type<'qris' | 'rekonsiliasi'>(),
    cancelledAt: ts('cancelled_at'),
    cancelledByLabel: text('cancelled_by_label'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('layanan_bills_code_idx').on(t.regionCode, t.billingCode),
    uniqueIndex('layanan_bills_payment_idx').on(t.regionCode, t.paymentReference),
    uniqueIndex('layanan_bills_tax_idx').on(t.regionCode, t.taxObjectNumber, t.taxType, t.taxYear).where(sql`${t.kind} = 'pajak'`),
    index('layanan_bills_status_idx').on(t.regionCode, t.status, t.dueDate),
    check('layanan_bills_kind', sql`${t.kind} in ('retribusi', 'pajak')`),
    check('layanan_bills_status', sql`${t.status} in ('unpaid', 'paid', 'cancelled')`),
    check('layanan_bills_amount', sql`${t.amount} > 0`),
    check('layanan_bills_tax', sql`${t.kind} <> 'pajak' or (${t.taxType} is not null and ${t.taxObjectNumber} is not null and ${t.taxYear} is not null)`),
    check('layanan_bills_paid', sql`(${t.status} = 'paid') = (${t.paidAt} is not null and ${t.paymentReference} is not null and ${t.paidAmount} is not null)`),
  ],
);

/** The last billing-code sequence number used per region and year (the counter row is locked while a code is taken). */
export const layananBillSequences = pgTable(
  'layanan_bill_sequences',
  {
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);

/**
 * A region's QRIS merchant account at its bank (the payment channel): what
 * goes into each bill's QRIS payload, and the secret the bank signs its
 * callbacks with (HMAC-SHA256). The secret is never sent back by the API.
 */
export const layananPaymentChannels = pgTable(
  'layanan_payment_channels',
  {
    regionCode: text('region_code').notNull(),
    provider: text('provider').notNull(), // qris
    merchantName: text('merchant_name').notNull(),
    merchantCity: text('merchant_city').notNull(),
    postalCode: text('postal_code').notNull(),
    merchantPan: text('merchant_pan').notNull(),
    merchantId: text('merchant_id').notNull(),
    merchantCriteria: text('merchant_criteria').$type<QrisMerchant['merchantCriteria']>().notNull(),
    nmid: text('nmid').notNull(),
    mcc: text('mcc').notNull(),
    secret: text('secret').notNull(),
    active: boolean('active').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
    updatedByLabel: text('updated_by_label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.provider] })],
);

/**
 * Every payment notice that reached Pamong, accepted or not: a bank callback
 * or a reconciled bank-statement line, what it said and what came of it
 * (`outcome`), so refunds and disputes can be traced. Never changed.
 */
export const layananPaymentEvents = pgTable(
  'layanan_payment_events',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    source: text('source').notNull(), // qris | rekonsiliasi
    receivedAt: ts('received_at').notNull(),
    billingCode: text('billing_code'),
    bankReference: text('bank_reference'),
    amount: bigint('amount', { mode: 'number' }),
    paidAt: ts('paid_at'),
    billId: uuid('bill_id'),
    outcome: text('outcome').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('layanan_payment_events_bill_idx').on(t.regionCode, t.billId),
    index('layanan_payment_events_received_idx').on(t.regionCode, t.receivedAt),
  ],
);

/**
 * A confirmed reconciliation of a bank statement: who uploaded it, when, and
 * the report per line (what each line did), kept so the report can be
 * downloaded again. The credits themselves are on the bills and in the
 * payment events.
 */
export const layananReconciliations = pgTable(
  'layanan_reconciliations',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    at: ts('at').notNull(),
    by: uuid('by'),
    byLabel: text('by_label').notNull(),
    lines: jsonb('lines').$type<ReconciliationLine[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('layanan_reconciliations_at_idx').on(t.regionCode, t.at)],
);
