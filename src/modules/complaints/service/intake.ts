// A citizen (or counter staff on their behalf, or an Open311 client) files a complaint.
import { randomUUID } from 'node:crypto';
import { and, eq, gte, notInArray, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors.js';
import { locationFits, type Region } from '../../../platform/regions/service.js';
import { areasByCode } from '../../../platform/regions/known-areas.js';
import { emailInsert, type EmailPayload } from '../../../platform/notify/outbox.js';
import { preparedFamily, runPrepared } from '../../../platform/db/prepared.js';
import { claimInsert, claimValues, rethrowConflict, takeClaim, type StoredAnswer } from '../../../platform/http/idempotency.js';
import type { Channel } from '../domain/status.js';
import { complaintEvents, complaintPhotos, complaints } from '../schema.js';
import { checkAnswers } from '../domain/questions.js';
import { placeGiven } from '../domain/place.js';
import { rankDuplicates } from '../domain/duplicates.js';
import { newTrackingCode } from '../domain/tracking.js';
import { newToken, sha256 } from '../../../platform/auth/secrets.js';
import { rulesOf, stageClocks } from './deadlines.js';
import { stageUpsert } from '../../../platform/deadlines/deadlines.js';
import { calendarOf, holidayWindow } from '../../../platform/calendar/region.js';
import { regionReference } from './reference.js';
import { newComplaintStatsSql, newComplaintStatsValues } from './stats.js';
import type { Photo } from './photos.js';

export interface NewComplaint {
  categoryId: string;
  description: string;
  answers: Record<string, unknown>;
  districtCode: string | null;
  villageCode: string | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
  anonymous: boolean;
  confidential: boolean;
  reporterName: string | null;
  reporterEmail: string | null;
  reporterPhone: string | null;
  channel: Channel;
}

const P = sql.placeholder;

type NewRow = typeof complaints.$inferInsert;
/** The complaint columns intake sets; the rest take their defaults. */
const complaintFields = [
  'regionCode', 'id', 'trackingCode', 'categoryId', 'status', 'description', 'answers', 'districtCode', 'villageCode', 'lat', 'lng', 'address',
  'anonymous', 'confidential', 'reporterUserId', 'reporterName', 'reporterEmail', 'reporterPhone', 'reporterKeyHash', 'channel', 'submittedAt', 'updatedAt', 'nextDueAt',
] as const satisfies readonly (keyof NewRow)[];

/**
 * What intake writes, in one statement: the complaint, its photos, the
 * timeline, the first deadline, the receipt email (when there is an address)
 * the dashboard summary and, with an Idempotency-Key, the key's claim with
 * the answer the reporter will get (so a retry after a crash gets it back).
 * PostgreSQL runs every part of a WITH to completion in the statement's own
 * transaction: all of it is stored or none. One shape per number of photos,
 * with or without email, with or without a key: e.g. `2e-` or `0nk`.
 * Exported for the bench's bare baseline, which sends the same statement.
 */
export const intakeWrite = preparedFamily<string>('pamong_intake_write', (db, shape) => {
  const photoCount = Number(shape[0]);
  const writes: SQL[] = [
    db.insert(complaints).values(Object.fromEntries(complaintFields.map((f) => [f, P(f)])) as never).getSQL(),
    ...(photoCount > 0
      ? [db.insert(complaintPhotos).values(Array.from({ length: photoCount }, (_, i) => ({
          regionCode: P('regionCode'), complaintId: P('id'), contentType: P(`photo${i}Type`), bytes: P(`photo${i}Bytes`), data: P(`photo${i}Data`),
        }))).getSQL()]
      : []),
    db.insert(complaintEvents).values({
      regionCode: P('regionCode'), complaintId: P('id'), at: P('submittedAt'), kind: 'submitted', actorUserId: P('actorUserId'),
      actorLabel: P('actorLabel'), public: true, message: null, detail: P('eventDetail'),
    }).getSQL(),
    stageUpsert(db, [{
      regionCode: P('regionCode'), module: 'complaints', recordType: 'complaint', recordId: P('id'), stage: 'verification',
      unit: P('dueUnit'), dueAt: P('dueAt'), targetAt: P('targetAt'), nextCheckAt: P('dueAt'),
    }]).getSQL(),
    ...(shape[1] === 'e' ? [emailInsert(db, P('submittedAt'), P('regionCode'), P('email')).getSQL()] : []),
    ...(shape[2] === 'k' ? [claimInsert(db).getSQL()] : []),
    newComplaintStatsSql(),
  ];
  return sql`with ${sql.join(writes.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w})`), sql`, `)} select 1`;
});

export interface Receipt { id: string; trackingCode: string; reporterKey: string }

/**
 * Files a complaint in one round trip: what it reads comes from the region's
 * cached reference data (service/reference.ts), and everything it writes is
 * one statement (above). `answerOf` gives the HTTP answer for the receipt,
 * stored with an Idempotency-Key's claim in the same statement.
 */
export async function submitComplaint(
  ctx: AppContext, region: Region, actor: Actor, input: NewComplaint, photos: Photo[], answerOf?: (receipt: Receipt) => StoredAnswer,
): Promise<Receipt> {
  const { database } = ctx;
  const now = ctx.clock.now();
  const reference = await regionReference(database.db, region.code, { categoryId: input.categoryId });
  const category = reference.categories.get(input.categoryId);
  if (!category?.active) throw new AppError('category.not_found');
  const { answers, problems } = checkAnswers(category.questions, input.answers);
  if (Object.keys(problems).length > 0) throw new AppError('complaint.answers_invalid', problems);
  if (category.locationRequired && !placeGiven(input, input.channel)) throw new AppError('complaint.location_required', { category: category.code });
  const codes = [input.districtCode, input.villageCode].filter((c): c is string => !!c);
  if (codes.length > 0) {
    const found = [...(await areasByCode(database.db, codes))].map(([code, a]) => ({ code, level: a.level }));
    if (!locationFits(region.code, input.districtCode, input.villageCode, found)) throw new AppError('area.not_in_region');
  }
  const window = holidayWindow(now);
  const calendar = calendarOf(region, reference.holidays.filter((d) => d >= window.start && d <= window.end));

  const id = randomUUID();
  const trackingCode = newTrackingCode();
  const reporterKey = newToken(18);
  const [deadline] = stageClocks(['verification'], rulesOf(reference.rules, input.categoryId), calendar, now);
  const complaint: Pick<NewRow, (typeof complaintFields)[number]> = {
    regionCode: region.code, id, trackingCode, categoryId: input.categoryId, status: 'submitted',
    description: input.description, answers, districtCode: input.districtCode, villageCode: input.villageCode,
    lat: input.lat, lng: input.lng, address: input.address, anonymous: input.anonymous, confidential: input.confidential,
    reporterUserId: input.channel === 'web' && actor.kind === 'user' ? actor.userId : null,
    reporterName: input.reporterName, reporterEmail: input.reporterEmail, reporterPhone: input.reporterPhone, reporterKeyHash: sha256(reporterKey),
    channel: input.channel, submittedAt: now, updatedAt: now, nextDueAt: deadline.dueAt,
  };
  const link = `${ctx.config.publicUrl}/r/${region.code}/lacak/${trackingCode}?kunci=${reporterKey}`;
  const email: EmailPayload | null = input.reporterEmail
    ? {
        to: input.reporterEmail,
        subject: `Pengaduan Anda diterima / Your complaint was received: ${trackingCode}`,
        text: `Terima kasih. Pengaduan Anda di ${region.name} telah kami terima dengan kode ${trackingCode}.\nIkuti perkembangannya di: ${link}\n\n` +
          `Thank you. Your complaint to ${region.name} was received with code ${trackingCode}.\nFollow it at: ${link}`,
      }
    : null;
  const receipt: Receipt = { id, trackingCode, reporterKey };
  const claim = takeClaim(answerOf?.(receipt));
  await runPrepared(database, intakeWrite(database.db, `${photos.length}${email ? 'e' : 'n'}${claim ? 'k' : '-'}`), {
    ...complaint,
    ...Object.fromEntries(photos.flatMap((p, i) => [[`photo${i}Type`, p.contentType], [`photo${i}Bytes`, p.data.length], [`photo${i}Data`, p.data]])),
    actorUserId: actor.userId, actorLabel: input.channel === 'counter' ? actor.name : 'pelapor', eventDetail: { channel: input.channel, photos: photos.length },
    dueUnit: deadline.unit, dueAt: deadline.dueAt, targetAt: deadline.targetAt, email,
    ...newComplaintStatsValues({
      regionCode: region.code, categoryId: input.categoryId, unitId: null, districtCode: input.districtCode, status: 'submitted', submittedAt: now,
      firstResponseAt: null, resolvedAt: null, firstResponseInTime: null, resolvedInTime: null,
    }),
    ...(claim ? claimValues(claim) : {}),
  }).catch(rethrowConflict);
  return receipt;
}

const DUPLICATE_WINDOW_DAYS = 30;

export async function suggestDuplicates(
  ctx: AppContext, region: Region,
  probe: { categoryId: string; description: string; villageCode: string | null; lat: number | null; lng: number | null; excludeId?: string },
) {
  const since = new Date(ctx.clock.now().getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000);
  const rows = await ctx.database.db
    .select({
      id: complaints.id, trackingCode: complaints.trackingCode, description: complaints.description, villageCode: complaints.villageCode,
      lat: complaints.lat, lng: complaints.lng, status: complaints.status, submittedAt: complaints.submittedAt, confidential: complaints.confidential,
    })
    .from(complaints)
    .where(and(
      eq(complaints.regionCode, region.code), eq(complaints.categoryId, probe.categoryId), gte(complaints.submittedAt, since),
      notInArray(complaints.status, ['rejected', 'merged', 'transferred']),
    ))
    .orderBy(complaints.submittedAt)
    .limit(500);
  const ranked = rankDuplicates(probe, rows.filter((r) => r.id !== probe.excludeId));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ranked.map(({ id, score }) => ({ ...byId.get(id)!, score }));
}
