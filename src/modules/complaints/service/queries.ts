// Reading complaints: the staff inbox, the staff detail, the citizen's
// tracking page and the public list. Privacy flags are applied here, once,
// for every output (web, API, Open311, exports).
import { and, asc, desc, eq, getTableColumns, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppContext } from '../../../platform/context.js';
import { preparedFamily, runPrepared } from '../../../platform/db/prepared.js';
import { areasByCode } from '../../../platform/regions/known-areas.js';
import { regionReference } from './reference.js';
import { can, type Actor } from '../../../platform/auth/policy.js';
import { handledUnits } from '../domain/staff.js';
import { AppError } from '../../../platform/errors.js';
import { matchesHash } from '../../../platform/auth/secrets.js';
import type { Region } from '../../../platform/regions/service.js';
import { timezoneLabel, type TimeZone } from '../../../platform/regions/areas.js';
import { areas, units } from '../../../platform/schema.js';
import { categories, complaintPhotos, complaints } from '../schema.js';
import { stageDeadlines } from '../../../platform/schema.js';
import { ownDeadlines } from './deadlines.js';
import { allowedActions, citizenWindowEnd, nextStatus, statusLabel, terminal, type Status } from '../domain/status.js';
import { mayPerform, proposedUnit, type Command } from './workflow.js';

type StaffAction = Command['action'];

type Row = typeof complaints.$inferSelect;

export interface Audience {
  /** May see who reported (when not anonymous, or when allowed to see anonymous reporters). */
  identity: 'none' | 'named' | 'all';
  /** May see internal notes and confidential reports. */
  internal: boolean;
}

export const publicAudience: Audience = { identity: 'none', internal: false };

export function staffAudience(actor: Actor, region: Region): Audience {
  return { identity: can(actor, 'complaint.read_private', region.code) ? 'all' : 'named', internal: true };
}

export function reporterOf(c: Row, audience: Audience) {
  const show = audience.identity === 'all' || (audience.identity === 'named' && !c.anonymous);
  return show ? { name: c.reporterName, email: c.reporterEmail, phone: c.reporterPhone } : null;
}


export interface InboxFilter {
  status?: Status[];
  unitId?: string;
  overdue?: boolean;
  q?: string;
  limit: number;
  offset: number;
}

/** Staff inbox, most urgent first: overdue work, then least time left. */
export async function listForStaff(ctx: AppContext, region: Region, actor: Actor, f: InboxFilter) {
  if (!can(actor, 'complaint.list', region.code)) throw new AppError('auth.forbidden');
  const mine = handledUnits(actor, region.code);
  const now = ctx.clock.now();
  const where: (SQL | undefined)[] = [eq(complaints.regionCode, region.code)];
  if (mine !== null) where.push(mine.size ? inArray(complaints.unitId, [...mine]) : sql`false`);
  if (f.status?.length) where.push(inArray(complaints.status, f.status));
  if (f.unitId) where.push(eq(complaints.unitId, f.unitId));
  if (f.q) where.push(or(ilike(complaints.description, `%${f.q}%`), eq(complaints.trackingCode, f.q.toUpperCase())));
  if (f.overdue) where.push(lt(complaints.nextDueAt, now));
  const rows = await ctx.database.db
    .select({
      id: complaints.id, trackingCode: complaints.trackingCode, status: complaints.status, description: complaints.description,
      submittedAt: complaints.submittedAt, unitId: complaints.unitId, unitName: units.name, categoryName: categories.nameId,
      categoryNameEn: categories.nameEn, districtName: areas.name, escalationLevel: complaints.escalationLevel, dueAt: complaints.nextDueAt,
    })
    .from(complaints)
    .leftJoin(units, and(eq(units.regionCode, complaints.regionCode), eq(units.id, complaints.unitId)))
    .innerJoin(categories, and(eq(categories.regionCode, complaints.regionCode), eq(categories.id, complaints.categoryId)))
    .leftJoin(areas, eq(areas.code, complaints.districtCode))
    .where(and(...where))
    .orderBy(sql`${complaints.nextDueAt} asc nulls last`, asc(complaints.submittedAt))
    .limit(f.limit)
    .offset(f.offset);
  return rows.map((r) => {
    const due = r.dueAt ? new Date(r.dueAt) : null;
    return {
      ...r, description: r.description.slice(0, 200), dueAt: due,
      timeLeftMs: due ? due.getTime() - now.getTime() : null, overdue: due ? due < now : false,
    };
  });
}

async function loadByTracking(ctx: AppContext, regionCode: string, trackingCode: string): Promise<Row> {
  const [c] = await ctx.database.db.select().from(complaints).where(and(eq(complaints.regionCode, regionCode), eq(complaints.trackingCode, trackingCode)));
  if (!c) throw new AppError('complaint.not_found');
  return c;
}

// Timestamps inside JSON arrive as text.
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
interface EventView { at: Date; kind: string; message: string | null; public: boolean; actorLabel: string; detail: Record<string, unknown> }
interface DeadlineView { stage: string; dueAt: Date; targetAt: Date | null; metAt: Date | null; escalationStep: number }
interface PhotoView { id: string; contentType: string; bytes: number }
interface View {
  complaint: Row;
  events: Json<EventView>[];
  deadlines: Json<DeadlineView>[];
  photos: PhotoView[];
}

const own = (table: string) => sql.raw(`${table}.region_code = c.region_code and ${table}.complaint_id = c.id`);

/**
 * A complaint with its timeline, deadlines and photos as one JSON value from
 * one query, prepared once: found by tracking code or by id, with the public
 * or the whole timeline. The names of its category, unit and places come from
 * caches of reference data. Exported for the bench's bare baseline, which
 * sends the same statement.
 */
export const viewStatement = preparedFamily<string>('pamong_complaint_view', (_db, shape) => {
  const [by, audience] = shape.split('_');
  return sql`select json_build_object(
      'complaint', row_to_json(c),
      'events', (select coalesce(json_agg(json_build_object('at', e.at, 'kind', e.kind, 'message', e.message, 'public', e.public,
          'actorLabel', e.actor_label, 'detail', e.detail) order by e.at, e.id), '[]'::json)
        from complaint_events e where ${own('e')} ${audience === 'internal' ? sql`` : sql`and e.public`}),
      'deadlines', (select coalesce(json_agg(json_build_object('stage', d.stage, 'dueAt', d.due_at, 'targetAt', d.target_at, 'metAt', d.met_at,
          'escalationStep', d.escalation_step) order by array_position(array['verification', 'response', 'resolution'], d.stage)), '[]'::json)
        from stage_deadlines d where ${ownDeadlines('d')}),
      -- Upload order: the order the photos were stored in.
      'photos', (select coalesce(json_agg(json_build_object('id', p.id, 'contentType', p.content_type, 'bytes', p.bytes)), '[]'::json)
        from complaint_photos p where ${own('p')})) as view
    from complaints c where c.region_code = ${sql.placeholder('region')} and ${sql.raw(by === 'id' ? 'c.id' : 'c.tracking_code')} = ${sql.placeholder('key')}`;
});

const complaintColumns = Object.entries(getTableColumns(complaints));

/** A complaints row from its JSON (row_to_json), typed as drizzle reads it. */
function complaintFromJson(raw: Record<string, unknown>): Row {
  const row: Record<string, unknown> = {};
  for (const [key, column] of complaintColumns) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as Row;
}

async function loadView(ctx: AppContext, regionCode: string, by: 'tracking' | 'id', key: string, audience: Audience): Promise<View | null> {
  const shape = `${by}_${audience.internal ? 'internal' : 'public'}`;
  const [row] = await runPrepared<{ view: Omit<View, 'complaint'> & { complaint: Record<string, unknown> } }>(ctx.database, viewStatement(ctx.database.db, shape), { region: regionCode, key });
  return row ? { ...row.view, complaint: complaintFromJson(row.view.complaint) } : null;
}

/** The names a complaint page shows: its category, unit and places. */
async function namesOf(ctx: AppContext, c: Row) {
  const db = ctx.database.db;
  const reference = await regionReference(db, c.regionCode, { categoryId: c.categoryId, unitId: c.unitId });
  const places = await areasByCode(db, [c.districtCode, c.villageCode].filter((x): x is string => !!x));
  return { category: reference.categories.get(c.categoryId) ?? null, unitName: c.unitId ? reference.unitNames.get(c.unitId) ?? null : null, places };
}

const dateOrNull = (v: string | null) => (v === null ? null : new Date(v));

async function details(ctx: AppContext, region: Region, view: View, audience: Audience) {
  const c = view.complaint;
  const now = ctx.clock.now();
  const { category, unitName, places } = await namesOf(ctx, c);
  const deadlines = view.deadlines.map((d) => ({ ...d, dueAt: new Date(d.dueAt), targetAt: dateOrNull(d.targetAt), metAt: dateOrNull(d.metAt) }));
  const overdue = deadlines.some((d) => !d.metAt && d.dueAt < now);
  return {
    id: c.id,
    trackingCode: c.trackingCode,
    regionCode: region.code,
    status: c.status as Status,
    statusLabel: statusLabel[c.status as Status],
    category: category ? { id: category.id, code: category.code, name: { id: category.nameId, en: category.nameEn } } : null,
    description: c.description,
    answers: c.answers,
    location: {
      districtCode: c.districtCode, districtName: c.districtCode ? places.get(c.districtCode)?.name ?? null : null,
      villageCode: c.villageCode, villageName: c.villageCode ? places.get(c.villageCode)?.name ?? null : null,
      lat: c.lat, lng: c.lng, address: c.address,
    },
    anonymous: c.anonymous,
    confidential: c.confidential,
    reporter: reporterOf(c, audience),
    channel: c.channel,
    unit: c.unitId && unitName !== null ? { id: c.unitId, name: unitName } : null,
    submittedAt: c.submittedAt,
    resolvedAt: c.resolvedAt,
    closedAt: c.closedAt,
    rating: c.rating,
    rejectionReason: c.rejectionReason,
    transferredTo: c.transferredTo,
    transferredFrom: c.transferredFrom,
    overdue,
    escalationLevel: c.escalationLevel,
    deadlines: deadlines.map((d) => ({ stage: d.stage, dueAt: d.dueAt, targetAt: d.targetAt, metAt: d.metAt, overdue: !d.metAt && d.dueAt < now, escalationStep: d.escalationStep })),
    photos: view.photos.map((p) => ({ ...p, url: `/api/regions/${region.code}/complaints/${c.trackingCode}/photos/${p.id}` })),
    timeline: view.events.map((e) => ({
      at: new Date(e.at), kind: e.kind, message: e.message, public: e.public,
      // Officers' names stay internal; the public sees the role of the actor.
      actor: audience.internal ? e.actorLabel : e.actorLabel === 'pelapor' || e.actorLabel === 'sistem' ? e.actorLabel : 'petugas',
      detail: audience.internal ? e.detail : publicDetail(e.detail),
    })),
  };
}

/** Event details safe for the public: unit names and codes, no ids of people. */
function publicDetail(detail: Record<string, unknown>) {
  const keep = ['unitName', 'reason', 'stage', 'step', 'rating', 'into', 'toRegionName', 'toTrackingCode', 'fromTrackingCode', 'channel'];
  return Object.fromEntries(Object.entries(detail).filter(([k]) => keep.includes(k)));
}

export async function staffDetail(ctx: AppContext, region: Region, actor: Actor, complaintId: string) {
  if (!can(actor, 'complaint.list', region.code)) throw new AppError('auth.forbidden');
  const audience = staffAudience(actor, region);
  const view = await loadView(ctx, region.code, 'id', complaintId, audience);
  if (!view) throw new AppError('complaint.not_found');
  const c = view.complaint;
  const mine = handledUnits(actor, region.code);
  if (mine !== null && (!c.unitId || !mine.has(c.unitId))) throw new AppError('complaint.not_found');
  return {
    ...(await details(ctx, region, view, audience)),
    // Only what this user may do now, so the UI never offers a form that would be refused.
    actions: terminal.has(c.status as Status) ? [] : allowedActions(c.status as Status)
      .filter((a): a is StaffAction => a !== 'rate' && a !== 'reopen' && mayPerform(actor, region.code, a as StaffAction)),
    proposedUnitId: c.status === 'submitted' ? await proposedUnit(ctx.database.db, region.code, c.categoryId) : null,
  };
}

/**
 * The tracking page. Anyone with the code sees a public report's progress;
 * only the reporter's key (from their receipt) opens a confidential one and
 * lets them rate or reopen.
 */
export async function trackingView(ctx: AppContext, region: Region, trackingCode: string, reporterKey?: string) {
  const view = await loadView(ctx, region.code, 'tracking', trackingCode, publicAudience);
  if (!view) throw new AppError('complaint.not_found');
  const c = view.complaint;
  const isReporter = matchesHash(reporterKey, c.reporterKeyHash);
  if (c.confidential && !isReporter) throw new AppError('complaint.not_found');
  const shown = await details(ctx, region, view, publicAudience);
  // Rating closes the complaint but leaves the reporter's window to reopen as it was.
  const windowEnd = citizenWindowEnd(c.resolvedAt, region.settings.complaints.reopenWindowDays);
  const windowOpen = isReporter && windowEnd !== null && ctx.clock.now() <= windowEnd;
  const canReopen = windowOpen && nextStatus(c.status as Status, 'reopen') !== null;
  const key = isReporter && c.confidential ? `?kunci=${encodeURIComponent(reporterKey!)}` : '';
  return {
    ...shown, photos: shown.photos.map((p) => ({ ...p, url: p.url + key })), isReporter,
    canRate: windowOpen && nextStatus(c.status as Status, 'rate') !== null, canReopen, reopenUntil: canReopen ? windowEnd : null,
  };
}

/** Public lists and Open311 never show a confidential (rahasia) report: only staff and its reporter (by tracking code) do. */
const publiclyVisible = eq(complaints.confidential, false);

/** A citizen's own reports, with their region's name and time zone (a person may report in several regions). */
export async function listMine(ctx: AppContext, userId: string) {
  const rows = await ctx.database.db
    .select({
      regionCode: complaints.regionCode, regionName: areas.name, timezone: areas.timezone,
      trackingCode: complaints.trackingCode, status: complaints.status, description: complaints.description, submittedAt: complaints.submittedAt,
    })
    .from(complaints)
    .innerJoin(areas, eq(areas.code, complaints.regionCode))
    .where(eq(complaints.reporterUserId, userId))
    .orderBy(desc(complaints.submittedAt))
    .limit(200);
  return rows.map((r) => ({ ...r, timezoneLabel: timezoneLabel[r.timezone as TimeZone] }));
}

/** The public list: never confidential reports, never identities. */
export async function listPublic(ctx: AppContext, region: Region, f: { status?: Status[]; limit: number; offset: number }) {
  const now = ctx.clock.now();
  const rows = await ctx.database.db
    .select({
      trackingCode: complaints.trackingCode, status: complaints.status, description: complaints.description, submittedAt: complaints.submittedAt,
      categoryName: categories.nameId, categoryNameEn: categories.nameEn, districtName: areas.name, dueAt: complaints.nextDueAt,
    })
    .from(complaints)
    .innerJoin(categories, and(eq(categories.regionCode, complaints.regionCode), eq(categories.id, complaints.categoryId)))
    .leftJoin(areas, eq(areas.code, complaints.districtCode))
    .where(and(eq(complaints.regionCode, region.code), publiclyVisible, f.status?.length ? inArray(complaints.status, f.status) : undefined,
      sql`${complaints.status} not in ('rejected', 'merged')`))
    .orderBy(desc(complaints.submittedAt))
    .limit(f.limit)
    .offset(f.offset);
  return rows.map((r) => ({ ...r, overdue: r.dueAt ? new Date(r.dueAt) < now : false, dueAt: undefined }));
}

export interface Open311Filter {
  trackingCodes?: string[];
  categoryCode?: string;
  status?: Status[];
  /** requested_datetime range, end exclusive. */
  submittedIn?: { start: Date; end: Date };
  limit: number;
}

/**
 * Open311 service requests, newest first: never confidential reports, never
 * identities (no reporter column is read). Rejected and merged reports stay
 * listed, as closed requests.
 */
export async function listOpen311(ctx: AppContext, region: Region, f: Open311Filter) {
  const district = alias(areas, 'district');
  const village = alias(areas, 'village');
  const regency = alias(areas, 'regency');
  const own = (table: string) => sql`${sql.raw(table)}.region_code = ${complaints.regionCode} and ${sql.raw(table)}.complaint_id = ${complaints.id}`;
  return ctx.database.db
    .select({
      trackingCode: complaints.trackingCode, status: complaints.status, description: complaints.description,
      submittedAt: complaints.submittedAt, updatedAt: complaints.updatedAt,
      categoryCode: categories.code, categoryName: categories.nameId, categoryNameEn: categories.nameEn, unitName: units.name,
      address: complaints.address, districtCode: complaints.districtCode, districtName: district.name,
      villageCode: complaints.villageCode, villageName: village.name, villageKind: village.kind, regencyName: regency.name, lat: complaints.lat, lng: complaints.lng,
      resolutionDueAt: sql<Date | null>`(select d.due_at from stage_deadlines d where ${ownDeadlines('d', { regionCode: sql`${complaints.regionCode}`, id: sql`${complaints.id}` })} and d.stage = 'resolution')`.mapWith(stageDeadlines.dueAt),
      latestPublicMessage: sql<string | null>`(select e.message from complaint_events e where ${own('e')} and e.public and e.message is not null
        order by e.at desc, e.id desc limit 1)`,
      // Photos carry no upload order; the smallest id makes "the first" stable.
      firstPhotoId: sql<string | null>`(select p.id from complaint_photos p where ${own('p')} order by p.id limit 1)`,
    })
    .from(complaints)
    .innerJoin(categories, and(eq(categories.regionCode, complaints.regionCode), eq(categories.id, complaints.categoryId)))
    .leftJoin(units, and(eq(units.regionCode, complaints.regionCode), eq(units.id, complaints.unitId)))
    .leftJoin(district, eq(district.code, complaints.districtCode))
    .leftJoin(village, eq(village.code, complaints.villageCode))
    .leftJoin(regency, eq(regency.code, district.parentCode))
    .where(and(
      eq(complaints.regionCode, region.code), publiclyVisible,
      f.trackingCodes ? inArray(complaints.trackingCode, f.trackingCodes) : undefined,
      f.categoryCode !== undefined ? eq(categories.code, f.categoryCode) : undefined,
      f.status ? inArray(complaints.status, f.status) : undefined,
      f.submittedIn ? and(gte(complaints.submittedAt, f.submittedIn.start), lt(complaints.submittedAt, f.submittedIn.end)) : undefined,
    ))
    .orderBy(desc(complaints.submittedAt), desc(complaints.trackingCode))
    .limit(f.limit);
}

/** A photo, if the caller may see its complaint. */
// Holding the tracking code is enough: it is the reporter's receipt, and staff see it in their inbox.
export async function photo(ctx: AppContext, region: Region, actor: Actor, trackingCode: string, photoId: string, reporterKey?: string) {
  const c = await loadByTracking(ctx, region.code, trackingCode);
  // A confidential report's photos: its reporter and the region's staff only.
  if (c.confidential && !matchesHash(reporterKey, c.reporterKeyHash) && !can(actor, 'complaint.list', region.code)) throw new AppError('file.not_found');
  const [p] = await ctx.database.db.select().from(complaintPhotos)
    .where(and(eq(complaintPhotos.regionCode, region.code), eq(complaintPhotos.complaintId, c.id), eq(complaintPhotos.id, photoId)));
  if (!p) throw new AppError('file.not_found');
  return p;
}
