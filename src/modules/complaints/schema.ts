// Tables of the complaints (pengaduan) module.
import { sql } from 'drizzle-orm';
import type { Question } from './domain/questions.js';
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts, bytea } from '../../platform/db/columns.js';


export const categories = pgTable(
  'categories',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(), // Open311 service_code
    nameId: text('name_id').notNull(),
    nameEn: text('name_en').notNull(),
    description: text('description').notNull().default(''),
    group: text('group_name').notNull().default(''),
    keywords: text('keywords').notNull().default(''),
    /** Extra questions (Open311 attributes), see domain/questions.ts. */
    questions: jsonb('questions').$type<Question[]>().notNull().default([]),
    /** A report must say where: a kecamatan/desa or a map pin (domain/place.ts). */
    locationRequired: boolean('location_required').notNull().default(false),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), uniqueIndex('categories_code_idx').on(t.regionCode, t.code)],
);

/** Which unit handles which category; rows are never edited, only closed (history). */
export const routingRules = pgTable(
  'routing_rules',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    categoryId: uuid('category_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    validFrom: ts('valid_from').notNull(),
    validTo: ts('valid_to'),
    createdBy: uuid('created_by'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('routing_category_idx').on(t.regionCode, t.categoryId, t.validFrom)],
);

/** Deadline per stage; category_id null is the region default. */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    categoryId: uuid('category_id'),
    stage: text('stage').notNull(), // verification | response | resolution
    amount: integer('amount').notNull(),
    unit: text('unit').notNull(), // hours | working_days
    targetAmount: integer('target_amount'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('sla_unique_idx').on(t.regionCode, sql`coalesce(${t.categoryId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.stage),
  ],
);

export const complaints = pgTable(
  'complaints',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    trackingCode: text('tracking_code').notNull(),
    categoryId: uuid('category_id').notNull(),
    status: text('status').notNull(),
    description: text('description').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    districtCode: text('district_code'),
    villageCode: text('village_code'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    address: text('address'),
    anonymous: boolean('anonymous').notNull(),
    confidential: boolean('confidential').notNull(),
    reporterUserId: uuid('reporter_user_id'),
    reporterName: text('reporter_name'),
    reporterEmail: text('reporter_email'),
    reporterPhone: text('reporter_phone'),
    /** Hash of the reporter's key: with the tracking code it proves the reporter (rate, reopen, a confidential report). */
    reporterKeyHash: text('reporter_key_hash'),
    channel: text('channel').notNull(), // web | counter | open311
    unitId: uuid('unit_id'),
    submittedAt: ts('submitted_at').notNull(),
    verifiedAt: ts('verified_at'),
    dispatchedAt: ts('dispatched_at'),
    acknowledgedAt: ts('acknowledged_at'),
    firstResponseAt: ts('first_response_at'),
    resolvedAt: ts('resolved_at'),
    /** Whether the first response / the resolution met its deadline, fixed when it happens (a reopen restarts the deadlines). */
    firstResponseInTime: boolean('first_response_in_time'),
    resolvedInTime: boolean('resolved_in_time'),
    closedAt: ts('closed_at'),
    rejectionReason: text('rejection_reason'),
    mergedInto: uuid('merged_into'),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    reopenCount: integer('reopen_count').notNull().default(0),
    escalationLevel: integer('escalation_level').notNull().default(0),
    /**
     * True while a deadline of the complaint is open and the SLA sweep has
     * escalated it: overdue for sure. The dashboard counts these from the
     * summary; only overdue deadlines not swept yet are counted live.
     */
    escalatedOpen: boolean('escalated_open').notNull().default(false),
    /**
     * The earliest open deadline (its stage_deadlines with met_at null), kept
     * in step by every change to the deadlines: the inbox sorts by it with an
     * index instead of looking at every complaint's deadlines.
     */
    nextDueAt: ts('next_due_at'),
    transferredFrom: text('transferred_from'), // tracking code at the other level
    transferredTo: text('transferred_to'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    // A tracking code is unique in its region, and always looked up with it (a region key keeps the table shardable).
    uniqueIndex('complaints_tracking_idx').on(t.regionCode, t.trackingCode),
    index('complaints_status_idx').on(t.regionCode, t.status, t.submittedAt),
    index('complaints_unit_idx').on(t.regionCode, t.unitId, t.status),
    index('complaints_submitted_idx').on(t.regionCode, t.submittedAt),
    index('complaints_nearby_idx').on(t.regionCode, t.categoryId, t.submittedAt),
    // The inbox: most urgent first (nulls, nothing open, last), then oldest.
    index('complaints_next_due_idx').on(t.regionCode, t.nextDueAt, t.submittedAt),
    index('complaints_reporter_idx').on(t.reporterUserId).where(sql`${t.reporterUserId} is not null`),
  ],
);

/** The timeline: every step of a complaint, public or internal. */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    regionCode: text('region_code').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    complaintId: uuid('complaint_id').notNull(),
    at: ts('at').notNull(),
    kind: text('kind').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    public: boolean('public').notNull(),
    message: text('message'),
    detail: jsonb('detail').notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('complaint_events_complaint_idx').on(t.regionCode, t.complaintId, t.at)],
);

export const complaintPhotos = pgTable(
  'complaint_photos',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    complaintId: uuid('complaint_id').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('complaint_photos_complaint_idx').on(t.regionCode, t.complaintId)],
);

/**
 * The dashboard's summary, kept in step with complaints in the same transaction
 * (dashboard/stats.ts). One row per region, local month of submission, category,
 * unit (zero uuid when none) and district ('' when none). The histograms count
 * first-response and resolution times per bucket of BUCKET_MINUTES (dashboard/times.ts).
 */
export const complaintStats = pgTable(
  'complaint_stats',
  {
    regionCode: text('region_code').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    categoryId: uuid('category_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    districtCode: text('district_code').notNull(),
    received: integer('received').notNull(),
    open: integer('open').notNull(),
    resolved: integer('resolved').notNull(),
    rejected: integer('rejected').notNull(),
    merged: integer('merged').notNull(),
    transferred: integer('transferred').notNull(),
    responded: integer('responded').notNull(),
    respondedInTime: integer('responded_in_time').notNull(),
    resolvedInTime: integer('resolved_in_time').notNull(),
    responseTimes: integer('response_times').array().notNull(),
    resolutionTimes: integer('resolution_times').array().notNull(),
    /** Complaints with an escalated open deadline (complaints.escalated_open). */
    escalatedOpen: integer('escalated_open').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.month, t.categoryId, t.unitId, t.districtCode] })],
);
