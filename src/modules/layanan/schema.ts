// Tables of the public-services module. Everything is a region's own: every
// primary key starts with region_code. A service's standard, form, workflow,
// result template and tariff are kept as JSON documents (domain/ checks their
// shapes): the draft staff edit on the service, and every published version
// as its own row, never changed.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, ts } from '../../platform/db/columns.js';
import type { FormDefinition } from './domain/form.js';
import type { Standard } from './domain/standard.js';
import type { ResultTemplate } from './domain/template.js';
import type { TariffRule } from './domain/tariff.js';
import type { Workflow } from './domain/workflow.js';
import type { StoredAnswer } from './domain/skm.js';
import type { ApplicationStatus, Decision } from './domain/journey.js';
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
 * who entered it. `unit_id` is the unit that delivered the service then (a
 * service may later move to another unit). A paper form may be corrected
 * (`corrected_*`: the last correction; each one is in the audit log with the
 * form before and after) or deleted with a reason (the audit log keeps it);
 * an online answer is the applicant's and never changes.
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
    /** The application an online answer is about: its applicant answers once. */
    applicationId: uuid('application_id'),
    enteredAt: ts('entered_at').notNull(),
    enteredBy: uuid('entered_by'),
    enteredByLabel: text('entered_by_label').notNull(),
    correctedAt: ts('corrected_at'),
    correctedBy: uuid('corrected_by'),
    correctedByLabel: text('corrected_by_label'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('layanan_skm_responses_date_idx').on(t.regionCode, t.serviceDate),
    uniqueIndex('layanan_skm_responses_application_idx').on(t.regionCode, t.applicationId).where(sql`${t.applicationId} is not null`),
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
 * An application for a service (permohonan), filed under one published
 * version of the service, whose form, workflow and fee it keeps. Where it
 * stands is `status`, `stage` and `decision` (domain/journey.ts); its decision
 * clock is the platform's stage deadline `decision` of record type
 * `application`, which waits while the application is returned to the citizen.
 * `fiktif_positif_at`: when the decision deadline passed with no decision.
 */
export const layananApplications = pgTable(
  'layanan_applications',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    registrationNo: text('registration_no').notNull(),
    serviceId: uuid('service_id').notNull(),
    version: integer('version').notNull(),
    unitId: uuid('unit_id').notNull(),
    channel: text('channel').notNull(), // web | counter | api
    applicantUserId: uuid('applicant_user_id'),
    /** Filed by an integration: the region's API key that filed it follows it as its applicant. */
    applicantApiKeyId: uuid('applicant_api_key_id'),
    /** The integration's own reference for it (e.g. the national licensing system's number), unique per key. */
    externalRef: text('external_ref'),
    applicantName: text('applicant_name').notNull(),
    applicantEmail: text('applicant_email'),
    applicantPhone: text('applicant_phone'),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<ApplicationStatus>().notNull(),
    stage: text('stage'),
    decision: text('decision').$type<Decision>(),
    decisionReason: text('decision_reason'),
    returnReason: text('return_reason'),
    feeAmount: integer('fee_amount'),
    filedAt: ts('filed_at').notNull(),
    decidedAt: ts('decided_at'),
    finishedAt: ts('finished_at'),
    fiktifPositifAt: ts('fiktif_positif_at'),
    updatedAt: ts('updated_at').notNull(),
    filedBy: uuid('filed_by'),
    filedByLabel: text('filed_by_label').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('layanan_applications_registration_idx').on(t.regionCode, t.registrationNo),
    index('layanan_applications_queue_idx').on(t.regionCode, t.unitId, t.status, t.filedAt),
    index('layanan_applications_applicant_idx').on(t.applicantUserId).where(sql`${t.applicantUserId} is not null`),
    uniqueIndex('layanan_applications_external_idx').on(t.regionCode, t.applicantApiKeyId, t.externalRef).where(sql`${t.externalRef} is not null`),
    index('layanan_applications_integration_idx').on(t.regionCode, t.applicantApiKeyId, t.updatedAt).where(sql`${t.applicantApiKeyId} is not null`),
    check('layanan_applications_status', sql`${t.status} in ('in_process', 'returned', 'awaiting_payment', 'finished', 'refused', 'withdrawn')`),
    check('layanan_applications_channel', sql`${t.channel} in ('web', 'counter', 'api')`),
    check('layanan_applications_decision', sql`${t.decision} is null or ${t.decision} in ('approved', 'refused')`),
  ],
);

/** A document uploaded with an application for a document field of its form, checked by content; `round` 1 at filing, one more per resubmission. */
export const layananApplicationFiles = pgTable(
  'layanan_application_files',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    fieldKey: text('field_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    round: integer('round').notNull(),
    uploadedAt: ts('uploaded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('layanan_application_files_app_idx').on(t.regionCode, t.applicationId)],
);

/** The timeline of an application: every step, who took it, and what the citizen may read (`public`). */
export const layananApplicationEvents = pgTable(
  'layanan_application_events',
  {
    regionCode: text('region_code').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    applicationId: uuid('application_id').notNull(),
    at: ts('at').notNull(),
    kind: text('kind').notNull(),
    stage: text('stage'),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    public: boolean('public').notNull(),
    message: text('message'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('layanan_application_events_app_idx').on(t.regionCode, t.applicationId, t.at)],
);

/**
 * A document the region issued: a service's result (a letter, a permit) or a
 * payment receipt, as the final PDF bytes (signed when the region has a
 * signer) and their SHA-256, under a number from the region's numbering rule.
 * Anyone holding the random token (in the QR code) can check it is genuine.
 * Never changed, except that it can be revoked once.
 */
export const layananDocuments = pgTable(
  'layanan_documents',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').notNull(), // result | receipt
    applicationId: uuid('application_id'),
    billId: uuid('bill_id'),
    serviceId: uuid('service_id'),
    unitId: uuid('unit_id'),
    number: text('number').notNull(),
    title: text('title').notNull(),
    holderName: text('holder_name').notNull(),
    issuedAt: ts('issued_at').notNull(),
    issuedBy: uuid('issued_by'),
    issuedByLabel: text('issued_by_label').notNull(),
    pdf: bytea('pdf').notNull(),
    sha256: text('sha256').notNull(),
    /** Public verification token: 16 random bytes, base64url. */
    token: text('token').notNull(),
    signerSubject: text('signer_subject'),
    signerFingerprint: text('signer_fingerprint'),
    signatureProvider: text('signature_provider'),
    signedAt: ts('signed_at'),
    revokedAt: ts('revoked_at'),
    revokedBy: uuid('revoked_by'),
    revokedByLabel: text('revoked_by_label'),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('layanan_documents_number_idx').on(t.regionCode, t.number),
    uniqueIndex('layanan_documents_token_region_idx').on(t.regionCode, t.token),
    // The verification page finds a document by its token alone (the QR code carries no region).
    index('layanan_documents_token_idx').on(t.token),
    index('layanan_documents_issued_idx').on(t.regionCode, t.issuedAt),
    check('layanan_documents_kind', sql`${t.kind} in ('result', 'receipt')`),
  ],
);

/** A region's numbering rule for issued documents (domain/numbering.ts); a region without a row uses the default pattern. */
export const layananNumbering = pgTable(
  'layanan_numbering',
  {
    regionCode: text('region_code').notNull(),
    pattern: text('pattern').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
    updatedByLabel: text('updated_by_label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode] })],
);

/** The last number given in a series (the number without its sequence and month) and the region's local year; locked by the issuing transaction, so numbers have no gaps. */
export const layananNumberCounters = pgTable(
  'layanan_number_counters',
  {
    regionCode: text('region_code').notNull(),
    series: text('series').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.series, t.year] })],
);

/** A unit's letterhead lines and signer under its documents; a unit without a row prints its name and the region's. */
export const layananLetterheads = pgTable(
  'layanan_letterheads',
  {
    regionCode: text('region_code').notNull(),
    unitId: uuid('unit_id').notNull(),
    address: text('address').notNull(),
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    place: text('place').notNull(),
    signerPosition: text('signer_position').notNull(),
    signerName: text('signer_name').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
    updatedByLabel: text('updated_by_label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.unitId] })],
);

/**
 * The region's signer: a PKCS#12 file with its passphrase (`local`), or a
 * remote signing service's address, client and signer identity (`remote`).
 * The key material and secrets are never returned by any route.
 */
export const layananSigners = pgTable(
  'layanan_signers',
  {
    regionCode: text('region_code').notNull(),
    provider: text('provider').notNull(), // local | remote
    p12: bytea('p12'),
    passphrase: text('passphrase'),
    subject: text('subject'),
    issuer: text('issuer'),
    notBefore: ts('not_before'),
    notAfter: ts('not_after'),
    fingerprint: text('fingerprint'),
    remoteUrl: text('remote_url'),
    clientId: text('client_id'),
    clientSecret: text('client_secret'),
    signerId: text('signer_id'),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
    updatedByLabel: text('updated_by_label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode] }), check('layanan_signers_provider', sql`${t.provider} in ('local', 'remote')`)],
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
