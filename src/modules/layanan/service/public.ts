// What anyone reads: the region's published services, each as its latest
// published version says (never a draft), with the owning unit's pledge.
import { and, asc, eq, ilike } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { containing } from '../../../platform/db/like.js';
import { staleRead } from '../../../platform/db/replica.js';
import { AppError } from '../../../platform/errors.js';
import { units } from '../../../platform/schema.js';
import { layananServices, layananStandardVersions } from '../schema.js';
import { pledgesOf } from './pledges.js';


export const published = (regionCode: string) => and(eq(layananServices.regionCode, regionCode), eq(layananServices.status, 'published'));
export const inForce = and(eq(layananStandardVersions.regionCode, layananServices.regionCode), eq(layananStandardVersions.serviceId, layananServices.id),
  eq(layananStandardVersions.version, layananServices.version));
export const ownUnit = and(eq(units.regionCode, layananServices.regionCode), eq(units.id, layananServices.unitId));

/** The published catalogue, by name; `q` finds services whose published name holds it. A public list: may be a few seconds old. */
export function publicServices(ctx: AppContext, regionCode: string, q: string | undefined) {
  return staleRead(ctx, async (c) => {
    const rows = await c.database.db.select({ slug: layananServices.slug, v: layananStandardVersions, unit: { name: units.name } }).from(layananServices)
      .innerJoin(layananStandardVersions, inForce).innerJoin(units, ownUnit)
      .where(and(published(regionCode), q ? ilike(layananStandardVersions.name, containing(q)) : undefined))
      .orderBy(asc(layananStandardVersions.name));
    return rows.map(({ slug, v, unit }) => ({
      slug, name: v.name, summary: v.summary, unit, timeLimitDays: v.standard.timeLimitDays, fee: v.standard.fee,
    }));
  });
}

/** One published service: its standard in force, the form to apply with and the fee rule (the workflow and result template are staff's), and its unit's pledge. */
export async function publicService(ctx: AppContext, regionCode: string, slug: string) {
  const db = ctx.database.db;
  const [row] = await db.select({ s: layananServices, v: layananStandardVersions, unit: { id: units.id, name: units.name } }).from(layananServices)
    .innerJoin(layananStandardVersions, inForce).innerJoin(units, ownUnit)
    .where(and(published(regionCode), eq(layananServices.slug, slug)));
  if (!row) throw new AppError('layanan.service_not_found');
  const pledge = (await pledgesOf(db, regionCode, [row.unit.id])).get(row.unit.id)!;
  return {
    id: row.s.id, slug: row.s.slug, name: row.v.name, summary: row.v.summary, unit: { name: row.unit.name }, version: row.v.version, publishedAt: row.v.publishedAt,
    standard: row.v.standard, form: row.v.form, tariff: row.v.tariff, pledge: { text: pledge.text },
  };
}
