// A citizen (or counter staff on their behalf, or an Open311 client) files a complaint.
import { and, eq, gte, notInArray } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors.js';
import { checkLocation, type Region } from '../../../platform/regions/service.js';
import { enqueueEmail } from '../../../platform/notify/outbox.js';
import { categories, complaintEvents, complaintPhotos, complaints } from '../schema.js';
import { checkAnswers, type Question } from '../domain/questions.js';
import { rankDuplicates } from '../domain/duplicates.js';
import { newTrackingCode } from '../domain/tracking.js';
import { newToken, sha256 } from '../../../platform/auth/secrets.js';
import { startDeadlines } from './deadlines.js';
import { restateStats } from '../dashboard/stats.js';
import type { Photo } from './photos.js';
import type { Queryable } from '../../../platform/db/client.js';

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
  channel: 'web' | 'counter' | 'open311';
}

export async function findCategory(db: Queryable, regionCode: string, categoryId: string) {
  const [category] = await db.select().from(categories).where(and(eq(categories.regionCode, regionCode), eq(categories.id, categoryId), eq(categories.active, true)));
  if (!category) throw new AppError('category.not_found');
  return category;
}

export async function submitComplaint(
  ctx: AppContext, region: Region, actor: Actor, input: NewComplaint, photos: Photo[],
): Promise<{ id: string; trackingCode: string; reporterKey: string }> {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const category = await findCategory(tx, region.code, input.categoryId);
    const { answers, problems } = checkAnswers(category.questions as Question[], input.answers);
    if (Object.keys(problems).length > 0) throw new AppError('complaint.answers_invalid', problems);
    await checkLocation(tx, region.code, input.districtCode, input.villageCode);
    const trackingCode = newTrackingCode();
    const reporterKey = newToken(18);
    const reporterUserId = input.channel === 'web' && actor.kind === 'user' ? actor.userId : null;
    const [row] = await tx
      .insert(complaints)
      .values({
        regionCode: region.code, trackingCode, categoryId: category.id, status: 'submitted',
        description: input.description, answers, districtCode: input.districtCode, villageCode: input.villageCode,
        lat: input.lat, lng: input.lng, address: input.address, anonymous: input.anonymous, confidential: input.confidential,
        reporterUserId, reporterName: input.reporterName, reporterEmail: input.reporterEmail, reporterPhone: input.reporterPhone, reporterKeyHash: sha256(reporterKey),
        channel: input.channel, submittedAt: now, updatedAt: now,
      })
      .returning();
    if (photos.length > 0) {
      await tx.insert(complaintPhotos).values(photos.map((p) => ({
        regionCode: region.code, complaintId: row.id, contentType: p.contentType, bytes: p.data.length, data: p.data,
      })));
    }
    await tx.insert(complaintEvents).values({
      regionCode: region.code, complaintId: row.id, at: now, kind: 'submitted', actorUserId: actor.userId,
      actorLabel: input.channel === 'counter' ? actor.name : 'pelapor', public: true, message: null,
      detail: { channel: input.channel, photos: photos.length },
    });
    await startDeadlines(tx, region, row.id, category.id, ['verification'], now);
    if (input.reporterEmail) {
      const link = `${ctx.config.publicUrl}/r/${region.code}/lacak/${trackingCode}?kunci=${reporterKey}`;
      await enqueueEmail(tx, now, region.code, {
        to: input.reporterEmail,
        subject: `Pengaduan Anda diterima / Your complaint was received: ${trackingCode}`,
        text: `Terima kasih. Pengaduan Anda di ${region.name} telah kami terima dengan kode ${trackingCode}.\nIkuti perkembangannya di: ${link}\n\n` +
          `Thank you. Your complaint to ${region.name} was received with code ${trackingCode}.\nFollow it at: ${link}`,
      });
    }
    await restateStats(tx, null, row);
    return { id: row.id, trackingCode, reporterKey };
  });
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
