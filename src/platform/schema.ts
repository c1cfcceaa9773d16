// Platform tables: the area registry, regions switched on, people, grants,
// sessions, API keys, audit log, holidays, notifications and the outbox.
// Region-owned tables start their primary key with region_code (see DESIGN.md).
import { sql } from 'drizzle-orm';
import type { Words } from './errors.js';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, ts } from './db/columns.js';


/** Every administrative area of Indonesia: province, regency/city, district, village. */
export const areas = pgTable(
  'areas',
  {
    code: text('code').primaryKey(),
    parentCode: text('parent_code'),
    level: text('level').notNull(), // province | regency | district | village
    kind: text('kind').notNull(), // provinsi | kabupaten | kota | kecamatan | desa
    name: text('name').notNull(),
    timezone: text('timezone').notNull(),
  },
  (t) => [index('areas_parent_idx').on(t.parentCode, t.name)],
);

/** A region (province or regency/city) switched on in this deployment. */
export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  enabledAt: ts('enabled_at').notNull().defaultNow(),
  settings: jsonb('settings').notNull().default({}),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('id'),
    platformAdmin: boolean('platform_admin').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_idx').on(sql`lower(${t.email})`)],
);

export const units = pgTable(
  'units',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), uniqueIndex('units_code_idx').on(t.regionCode, t.code)],
);

/** A role held by a person in one region, and for unit roles in one unit. */
export const grants = pgTable(
  'grants',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    unitId: uuid('unit_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('grants_user_idx').on(t.userId),
    uniqueIndex('grants_unique_idx').on(t.regionCode, t.userId, t.role, sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const passwordResets = pgTable('password_resets', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});

/**
 * A role offered to an email address. Nothing about an account reaches the
 * region until the address's owner opens the emailed link and accepts; the
 * row is deleted then (the audit log keeps the history). The email is stored
 * lower-cased, so one pending offer per address, role and unit.
 */
export const invitations = pgTable(
  'invitations',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    email: text('email').notNull(),
    role: text('role').notNull(),
    unitId: uuid('unit_id'),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by'),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    // The token is looked up alone; region_code in the key keeps the table shardable by region (db/distribution.ts).
    uniqueIndex('invitations_token_idx').on(t.tokenHash, t.regionCode),
    unique('invitations_offer_key').on(t.regionCode, t.email, t.role, t.unitId).nullsNotDistinct(),
  ],
);

/**
 * A citizen's registration waiting for proof that they control the address:
 * the account is only created when the emailed link is opened, with the name
 * and password sent together with that link, so nobody can hold an account
 * for an address they do not read.
 */
export const pendingRegistrations = pgTable(
  'pending_registrations',
  {
    tokenHash: text('token_hash').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('pending_registrations_email_idx').on(sql`lower(${t.email})`)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
  },
  // Looked up by the key's hash alone; region_code in the key keeps the table shardable by region (db/distribution.ts).
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), uniqueIndex('api_keys_hash_idx').on(t.keyHash, t.regionCode)],
);

/** Rate-limit counters, shared by every instance: one row per limit and subject, counting hits in a fixed window. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: ts('window_start').notNull(),
  hits: integer('hits').notNull(),
});

/**
 * Idempotency keys of creates (http/idempotency.ts). The row is claimed in the
 * create's own transaction, so a committed create always has its key; the
 * answer is stored after, sealed with a key only the client knows.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    keyHash: text('key_hash').primaryKey(),
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    answer: bytea('answer'),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('idempotency_keys_expiry_idx').on(t.expiresAt)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    regionCode: text('region_code').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    detail: jsonb('detail').notNull().default({}),
    /** For edits: the changed fields' values before and after (audit.ts changedFields). */
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('audit_entity_idx').on(t.regionCode, t.entity, t.entityId)],
);

/** National holidays, seeded from the date-holidays library. */
export const nationalHolidays = pgTable('national_holidays', {
  date: date('date', { mode: 'string' }).primaryKey(),
  name: text('name').notNull(),
});

/** Cuti bersama and local holidays a region admin adds. */
export const regionHolidays = pgTable(
  'region_holidays',
  {
    regionCode: text('region_code').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(), // cuti_bersama | local
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.date] })],
);

/** The in-app inbox. */
export const notifications = pgTable(
  'notifications',
  {
    regionCode: text('region_code').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    userId: uuid('user_id').notNull(),
    at: ts('at').notNull(),
    subject: jsonb('subject').$type<Words>().notNull(),
    body: jsonb('body').$type<Words>().notNull(),
    link: text('link'),
    readAt: ts('read_at'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('notifications_user_idx').on(t.userId, t.at)],
);

/** Side effects after commit (email). Workers claim rows with SKIP LOCKED. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    regionCode: text('region_code'),
    kind: text('kind').notNull(), // email
    payload: jsonb('payload').notNull(),
    createdAt: ts('created_at').notNull(),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    sentAt: ts('sent_at'),
    lastError: text('last_error'),
  },
  (t) => [index('outbox_pending_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null`)],
);

/**
 * A stage of some module's record that must be done by a time (platform/deadlines):
 * a complaint's verification, a service application's decision. next_check_at
 * drives the escalation sweep through a partial index; while paused it is null.
 */
export const stageDeadlines = pgTable(
  'stage_deadlines',
  {
    regionCode: text('region_code').notNull(),
    module: text('module').notNull(),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    stage: text('stage').notNull(),
    /** How the deadline was counted, so a pause moves it in the same unit: hours | working_days. */
    unit: text('unit').notNull(),
    dueAt: ts('due_at').notNull(),
    targetAt: ts('target_at'),
    metAt: ts('met_at'),
    pausedAt: ts('paused_at'),
    /** Restarting a stage (a reopened complaint) starts a new round. */
    round: integer('round').notNull().default(0),
    escalationStep: integer('escalation_step').notNull().default(0),
    nextCheckAt: ts('next_check_at'),
  },
  (t) => [
    primaryKey({ name: 'stage_deadlines_pk', columns: [t.regionCode, t.module, t.recordType, t.recordId, t.stage] }),
    index('stage_deadlines_sweep_idx').on(t.nextCheckAt).where(sql`${t.nextCheckAt} is not null`),
    // A module's live overdue counts touch only open deadlines the sweep has not escalated yet.
    index('stage_deadlines_open_idx').on(t.module, t.recordType, t.regionCode, t.dueAt).where(sql`${t.metAt} is null and ${t.escalationStep} = 0`),
  ],
);

/** One row per escalation step taken: the primary key is what makes a step happen once. */
export const stageEscalations = pgTable(
  'stage_escalations',
  {
    regionCode: text('region_code').notNull(),
    module: text('module').notNull(),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    stage: text('stage').notNull(),
    round: integer('round').notNull(),
    step: integer('step').notNull(),
    /** The ladder's rung as it fired (e.g. { role }), for the record's history. */
    rung: jsonb('rung').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ name: 'stage_escalations_pk', columns: [t.regionCode, t.module, t.recordType, t.recordId, t.stage, t.round, t.step] })],
);

/**
 * The job queue (platform/jobs): one row per job to run, deleted when done.
 * run_at is also the lease: a worker that claims a job pushes it forward, so a
 * crashed worker's job is taken again when the lease runs out.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: ts('created_at').notNull(),
    runAt: ts('run_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    lastError: text('last_error'),
    /** Set when the last attempt failed: kept for an operator to read, never run again. */
    failedAt: ts('failed_at'),
  },
  (t) => [index('jobs_due_idx').on(t.runAt).where(sql`${t.failedAt} is null`)],
);
