// Tables of the correspondence module (naskah dinas). The reference lists
// (archive classification codes of Permendagri 83/2022, document types of
// Permendagri 1/2023) are shared by every region and corrected by the
// platform administrator, each correction kept. Everything else is a region's
// own: every primary key starts with region_code.
//
// A letter is one row whatever its direction: `incoming` (registered by a
// unit's records clerk, or delivered by Pamong from another unit or region),
// `outgoing` (drafted, verified, signed, numbered and sent) and `memo` (nota
// dinas, internal). Who may open it is decided by its security class and by
// the people on it (surat_letter_people), never by the unit alone.
import { sql } from 'drizzle-orm';
import { boolean, check, customType, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, ts } from '../../platform/db/columns.js';
import type { LetterBody, SecurityClass, Urgency } from './domain/letter.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

// ---------------------------------------------------------------- reference (shared)

/** An archive classification code (Permendagri 83/2022, Lampiran B): four levels, `000` … `900.1.2.3`. */
export const suratClassifications = pgTable(
  'surat_classifications',
  {
    code: text('code').notNull().primaryKey(),
    name: text('name').notNull(),
    level: integer('level').notNull(),
    parentCode: text('parent_code'),
    /** A code withdrawn by a correction stays for the letters that carry it, but is no longer offered. */
    active: boolean('active').notNull().default(true),
    /** 1 as loaded from the regulation's list; each correction adds one. */
    revision: integer('revision').notNull().default(1),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('surat_classifications_parent_idx').on(t.parentCode)],
);

/** A type of official document (jenis naskah dinas, Permendagri 1/2023) and its layout. */
export const suratDocumentTypes = pgTable(
  'surat_document_types',
  {
    code: text('code').notNull().primaryKey(),
    name: text('name').notNull(),
    /** korespondensi: date, Nomor/Sifat/Lampiran/Hal, addressee; berjudul: a centred title, no Hal. */
    layout: text('layout').$type<'korespondensi' | 'berjudul'>().notNull(),
    /** The title a berjudul document prints (SURAT TUGAS, BERITA ACARA …). */
    title: text('title'),
    active: boolean('active').notNull().default(true),
    revision: integer('revision').notNull().default(1),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [check('surat_document_types_layout', sql`${t.layout} in ('korespondensi', 'berjudul')`)],
);

/** Every correction of a reference row: what it was, what it became, who and when (the lists are versioned data). */
export const suratReferenceChanges = pgTable(
  'surat_reference_changes',
  {
    id: uuid('id').notNull().primaryKey().defaultRandom(),
    list: text('list').notNull(), // classification | document_type
    code: text('code').notNull(),
    revision: integer('revision').notNull(),
    before: jsonb('before'),
    after: jsonb('after').notNull(),
    reason: text('reason').notNull(),
    at: ts('at').notNull(),
    byLabel: text('by_label').notNull(),
  },
  (t) => [index('surat_reference_changes_code_idx').on(t.list, t.code), check('surat_reference_changes_list', sql`${t.list} in ('classification', 'document_type')`)],
);

// ---------------------------------------------------------------- letters

export const suratLetters = pgTable(
  'surat_letters',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    direction: text('direction').$type<'incoming' | 'outgoing' | 'memo'>().notNull(),
    /** The unit whose register holds it: the receiving unit of an incoming letter, the drafting unit of an outgoing one. */
    unitId: uuid('unit_id').notNull(),
    documentTypeCode: text('document_type_code'),
    /** Incoming: the agenda number in its unit's register of the region's local year. */
    agendaYear: integer('agenda_year'),
    agendaNumber: integer('agenda_number'),
    /** The letter's number: as the sender wrote it (incoming), or given at signing (outgoing). */
    number: text('number'),
    letterDate: date('letter_date'),
    receivedAt: ts('received_at'),
    senderName: text('sender_name').notNull().default(''),
    /** When the sender is another region on this installation. */
    senderRegionCode: text('sender_region_code'),
    /** The outgoing letter (of this or another region) this incoming one is a delivery of. */
    sourceLetterId: uuid('source_letter_id'),
    subject: text('subject').notNull(),
    summary: text('summary').notNull().default(''),
    classificationCode: text('classification_code').notNull(),
    security: text('security').$type<SecurityClass>().notNull(),
    urgency: text('urgency').$type<Urgency>().notNull(),
    /**
     * incoming: registered → distributed → done; outgoing and memo: draft →
     * verifying ⇄ returned → to_sign → signed → sent.
     */
    status: text('status').notNull(),
    /** Outgoing: what the template is filled with (domain/letter.ts). */
    body: jsonb('body').$type<LetterBody>(),
    signerUserId: uuid('signer_user_id'),
    signerName: text('signer_name'),
    signerPosition: text('signer_position'),
    signMethod: text('sign_method'), // electronic | paper
    signedAt: ts('signed_at'),
    signerSubject: text('signer_subject'),
    signerFingerprint: text('signer_fingerprint'),
    /** The final PDF of a signed letter, its SHA-256 and the verification token in its QR code. */
    pdf: bytea('pdf'),
    sha256: text('sha256'),
    token: text('token'),
    fileId: uuid('file_id'),
    filedAt: ts('filed_at'),
    /** Where it came from: pamong (made here), import (a SRIKANDI or other export), or the module that produced it (layanan, complaints). */
    origin: text('origin').notNull().default('pamong'),
    externalRef: text('external_ref'),
    /** The producing module revoked its document (a public service's result): the register says so; the letter stays. */
    revokedAt: ts('revoked_at'),
    revokeReason: text('revoke_reason'),
    /** Text of its PDF scan or attachments, where they have any, for search. */
    contentText: text('content_text').notNull().default(''),
    search: tsvector('search').generatedAlwaysAs(sql`setweight(to_tsvector('simple', coalesce(number, '')), 'A') || setweight(to_tsvector('indonesian', subject), 'A') || setweight(to_tsvector('indonesian', sender_name || ' ' || summary), 'B') || setweight(to_tsvector('indonesian', content_text), 'C')`),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by'),
    createdByLabel: text('created_by_label').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('surat_letters_agenda_idx').on(t.regionCode, t.unitId, t.agendaYear, t.agendaNumber).where(sql`${t.agendaNumber} is not null`),
    // A number given here is never given twice in the region; a number an incoming letter carries is the sender's.
    uniqueIndex('surat_letters_own_number_idx').on(t.regionCode, t.number).where(sql`${t.direction} <> 'incoming' and ${t.number} is not null`),
    // Unique within the region (Citus shards by region); the verification page finds a letter by its token alone.
    uniqueIndex('surat_letters_token_region_idx').on(t.regionCode, t.token),
    index('surat_letters_token_idx').on(t.token),
    // A unit's register, newest first, whatever the direction (the page a clerk opens).
    index('surat_letters_register_idx').on(t.regionCode, t.unitId, t.createdAt),
    // An imported letter is taken once per reference, even by two imports at the same moment.
    uniqueIndex('surat_letters_external_ref_idx').on(t.regionCode, t.externalRef).where(sql`${t.externalRef} is not null`),
    index('surat_letters_region_date_idx').on(t.regionCode, t.createdAt),
    index('surat_letters_number_idx').on(t.regionCode, t.number),
    index('surat_letters_file_idx').on(t.regionCode, t.fileId),
    index('surat_letters_search_idx').using('gin', t.search),
    // Letters waiting for a signature: the leader's tile counts the region's, "what needs me" the reader's own.
    index('surat_letters_to_sign_idx').on(t.regionCode, t.signerUserId).where(sql`${t.status} = 'to_sign'`),
    check('surat_letters_direction', sql`${t.direction} in ('incoming', 'outgoing', 'memo')`),
    check('surat_letters_security', sql`${t.security} in ('biasa', 'terbatas', 'rahasia', 'sangat_rahasia')`),
    check('surat_letters_urgency', sql`${t.urgency} in ('biasa', 'segera', 'sangat_segera')`),
    check('surat_letters_status', sql`${t.status} in ('registered', 'distributed', 'done', 'draft', 'verifying', 'returned', 'to_sign', 'signed', 'sent')`),
    check('surat_letters_sign_method', sql`${t.signMethod} is null or ${t.signMethod} in ('electronic', 'paper')`),
  ],
);

/** A scanned letter or an attachment: PDF only, checked by content; its text kept for search. */
export const suratAttachments = pgTable(
  'surat_attachments',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    letterId: uuid('letter_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    sha256: text('sha256').notNull(),
    uploadedAt: ts('uploaded_at').notNull(),
    uploadedBy: uuid('uploaded_by'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('surat_attachments_letter_idx').on(t.regionCode, t.letterId)],
);

/**
 * The people on a letter and why: who registered or drafted it, the leader
 * it was distributed to, each disposition's recipient, verifiers, the
 * signer, the people of a unit it was sent or copied to. Being on a letter
 * is what opens a letter above `biasa`; `read_at` is the inbox's unread mark.
 */
export const suratLetterPeople = pgTable(
  'surat_letter_people',
  {
    regionCode: text('region_code').notNull(),
    letterId: uuid('letter_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** registrar | leader | disposition | drafter | verifier | signer | recipient | copy */
    reason: text('reason').notNull(),
    addedAt: ts('added_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.letterId, t.userId, t.reason] }),
    index('surat_letter_people_inbox_idx').on(t.regionCode, t.userId, t.addedAt),
    check('surat_letter_people_reason', sql`${t.reason} in ('registrar', 'leader', 'disposition', 'drafter', 'verifier', 'signer', 'recipient', 'copy')`),
  ],
);

// ---------------------------------------------------------------- dispositions

/** An instruction routing a letter down the organisation; `parent_id` makes the tree. */
export const suratDispositions = pgTable(
  'surat_dispositions',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    letterId: uuid('letter_id').notNull(),
    parentId: uuid('parent_id'),
    fromUserId: uuid('from_user_id'),
    fromLabel: text('from_label').notNull(),
    toUserId: uuid('to_user_id').notNull(),
    toLabel: text('to_label').notNull(),
    toUnitId: uuid('to_unit_id'),
    instruction: text('instruction').notNull(),
    priority: text('priority').$type<Urgency>().notNull(),
    /** The deadline as given (so many working days or hours) and the instant it falls on. */
    dueAmount: integer('due_amount'),
    dueUnit: text('due_unit'),
    dueAt: ts('due_at'),
    status: text('status').$type<'unread' | 'in_progress' | 'done' | 'withdrawn'>().notNull(),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
    doneAt: ts('done_at'),
    report: text('report'),
    withdrawnAt: ts('withdrawn_at'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('surat_dispositions_letter_idx').on(t.regionCode, t.letterId),
    index('surat_dispositions_to_idx').on(t.regionCode, t.toUserId, t.status),
    index('surat_dispositions_from_idx').on(t.regionCode, t.fromUserId),
    // The region's open dispositions by deadline: the leader's tile counts those past it.
    index('surat_dispositions_open_due_idx').on(t.regionCode, t.dueAt).where(sql`${t.status} in ('unread', 'in_progress')`),
    check('surat_dispositions_status', sql`${t.status} in ('unread', 'in_progress', 'done', 'withdrawn')`),
    check('surat_dispositions_priority', sql`${t.priority} in ('biasa', 'segera', 'sangat_segera')`),
    check('surat_dispositions_due_unit', sql`${t.dueUnit} is null or ${t.dueUnit} in ('working_days', 'hours')`),
  ],
);

/** A follow-up note on a disposition, or its completion report (kind `report`), which goes back up the tree. */
export const suratDispositionNotes = pgTable(
  'surat_disposition_notes',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    dispositionId: uuid('disposition_id').notNull(),
    kind: text('kind').notNull(), // note | report
    body: text('body').notNull(),
    authorUserId: uuid('author_user_id'),
    authorLabel: text('author_label').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('surat_disposition_notes_idx').on(t.regionCode, t.dispositionId), check('surat_disposition_notes_kind', sql`${t.kind} in ('note', 'report')`)],
);

// ---------------------------------------------------------------- outgoing letters

/** One tier of verification (paraf) of a draft, in order; a return starts a new round. */
export const suratReviews = pgTable(
  'surat_reviews',
  {
    regionCode: text('region_code').notNull(),
    letterId: uuid('letter_id').notNull(),
    round: integer('round').notNull(),
    step: integer('step').notNull(),
    verifierUserId: uuid('verifier_user_id').notNull(),
    verifierLabel: text('verifier_label').notNull(),
    /** waiting (an earlier tier has not initialled) | pending | approved | returned */
    status: text('status').notNull(),
    note: text('note'),
    actedAt: ts('acted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.letterId, t.round, t.step] }),
    index('surat_reviews_verifier_idx').on(t.regionCode, t.verifierUserId, t.status),
    check('surat_reviews_status', sql`${t.status} in ('waiting', 'pending', 'approved', 'returned')`),
  ],
);

/** Where an outgoing letter goes (`to`) or is copied (`cc`, tembusan): a unit, another region on this installation, or an email address. */
export const suratRecipients = pgTable(
  'surat_recipients',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    letterId: uuid('letter_id').notNull(),
    role: text('role').notNull(), // to | cc
    kind: text('kind').notNull(), // unit | region | email
    unitId: uuid('unit_id'),
    targetRegionCode: text('target_region_code'),
    email: text('email'),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    deliveredAt: ts('delivered_at'),
    /** The incoming letter the delivery made (in this region for a unit, in the target region for a region). */
    deliveredLetterId: uuid('delivered_letter_id'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('surat_recipients_letter_idx').on(t.regionCode, t.letterId),
    check('surat_recipients_role', sql`${t.role} in ('to', 'cc')`),
    check('surat_recipients_kind', sql`${t.kind} in ('unit', 'region', 'email')`),
  ],
);

/** The region's numbering template (domain/numbering.ts); a region without a row uses the default. */
export const suratNumbering = pgTable(
  'surat_numbering',
  {
    regionCode: text('region_code').notNull(),
    pattern: text('pattern').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
    updatedByLabel: text('updated_by_label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode] })],
);

/** The last sequence given in a series (the number without its sequence) and local year; row-locked by the signing transaction, so numbers never skip or repeat. */
export const suratNumberCounters = pgTable(
  'surat_number_counters',
  {
    regionCode: text('region_code').notNull(),
    series: text('series').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.series, t.year] })],
);

/** The region's own wording for a document type's template (opening and closing paragraphs); without a row the built-in one. */
export const suratTemplates = pgTable(
  'surat_templates',
  {
    regionCode: text('region_code').notNull(),
    documentTypeCode: text('document_type_code').notNull(),
    opening: text('opening').notNull(),
    closing: text('closing').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
    updatedByLabel: text('updated_by_label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.documentTypeCode] })],
);

// ---------------------------------------------------------------- filing and retention

/** The region's retention schedule (JRA): per classification code (a code covers the codes under it unless they have their own row). */
export const suratRetention = pgTable(
  'surat_retention',
  {
    regionCode: text('region_code').notNull(),
    classificationCode: text('classification_code').notNull(),
    activeYears: integer('active_years').notNull(),
    inactiveYears: integer('inactive_years').notNull(),
    /** musnah (destroy) | dinilai_kembali (re-appraise) | permanen */
    fate: text('fate').notNull(),
    note: text('note').notNull().default(''),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.classificationCode] }),
    check('surat_retention_fate', sql`${t.fate} in ('musnah', 'dinilai_kembali', 'permanen')`),
    check('surat_retention_years', sql`${t.activeYears} >= 0 and ${t.inactiveYears} >= 0`),
  ],
);

/** A file (berkas) of a unit under one classification code; retention runs from its closing. */
export const suratFiles = pgTable(
  'surat_files',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    classificationCode: text('classification_code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** open | closed | transferred (to the records centre) | destroyed | permanent */
    status: text('status').notNull(),
    openedOn: date('opened_on').notNull(),
    closedOn: date('closed_on'),
    /** From the JRA when closed: the end of its active and inactive periods and its fate. */
    activeUntil: date('active_until'),
    inactiveUntil: date('inactive_until'),
    fate: text('fate'),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by'),
    createdByLabel: text('created_by_label').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('surat_files_unit_idx').on(t.regionCode, t.unitId, t.status),
    check('surat_files_status', sql`${t.status} in ('open', 'closed', 'transferred', 'destroyed', 'permanent')`),
    check('surat_files_fate', sql`${t.fate} is null or ${t.fate} in ('musnah', 'dinilai_kembali', 'permanen')`),
  ],
);

/** A proposal to transfer or dispose of files past their period, decided by the records manager's approver, with its minutes (berita acara). */
export const suratDisposals = pgTable(
  'surat_disposals',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** transfer (inactive files to the records centre) | destroy (musnah) | permanent (handed over as static archives) */
    action: text('action').notNull(),
    status: text('status').notNull(), // proposed | approved | rejected
    fileIds: jsonb('file_ids').$type<string[]>().notNull(),
    reason: text('reason').notNull(),
    proposedAt: ts('proposed_at').notNull(),
    proposedBy: uuid('proposed_by'),
    proposedByLabel: text('proposed_by_label').notNull(),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by'),
    decidedByLabel: text('decided_by_label'),
    decisionNote: text('decision_note'),
    /** The minutes (berita acara) PDF made at approval. */
    minutes: bytea('minutes'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    check('surat_disposals_action', sql`${t.action} in ('transfer', 'destroy', 'permanent')`),
    check('surat_disposals_status', sql`${t.status} in ('proposed', 'approved', 'rejected')`),
  ],
);
