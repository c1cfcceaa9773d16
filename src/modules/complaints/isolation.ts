// What the tenant-isolation test aims at in the victim region (contract:
// IsolationFixtures): a public complaint with a photo and a named reporter,
// and a confidential one, filed through intake like any other.
import { and, eq, sql } from 'drizzle-orm';
import type { IsolationFixtures } from '../../platform/modules/contract.js';
import { anonymousActor } from '../../platform/auth/policy.js';
import { getRegion } from '../../platform/regions/service.js';
import { categories, complaintPhotos } from './schema.js';
import { submitComplaint, type NewComplaint } from './service/intake.js';

// The smallest PNG: one transparent pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** A reporter key that is not the one on any receipt. */
const WRONG_KEY = 'kunci-palsu-dari-daerah-lain';

export const complaintIsolation: IsolationFixtures = {
  async records(ctx, regionCode) {
    const { db } = ctx.database;
    const region = await getRegion(db, regionCode);
    // A category asking nothing more than a description.
    const [category] = await db.select({ id: categories.id, code: categories.code }).from(categories)
      .where(and(eq(categories.regionCode, regionCode), eq(categories.active, true), eq(categories.locationRequired, false), sql`${categories.questions} = '[]'::jsonb`))
      .orderBy(categories.code).limit(1);
    if (!category) throw new Error(`The complaints isolation fixtures need an active category without questions in ${regionCode}`);
    const base: NewComplaint = {
      categoryId: category.id, description: '', answers: {}, districtCode: null, villageCode: null, lat: null, lng: null, address: null,
      anonymous: false, confidential: false, reporterName: null, reporterEmail: null, reporterPhone: null, channel: 'web',
    };
    const reporter = { reporterName: 'Pelapor Isolasi Tersembunyi', reporterEmail: 'pelapor.isolasi@contoh.test', reporterPhone: '081299887766' };
    const open = await submitComplaint(ctx, region, anonymousActor, { ...base, ...reporter, description: 'Saluran tersumbat di depan pasar (uji isolasi)' },
      [{ fileName: 'foto.png', contentType: 'image/png', data: PNG }]);
    const secretDescription = 'Pungutan liar di loket perizinan (laporan rahasia uji isolasi)';
    const confidential = await submitComplaint(ctx, region, anonymousActor, { ...base, description: secretDescription, anonymous: true, confidential: true }, []);
    const [photo] = await db.select({ id: complaintPhotos.id }).from(complaintPhotos)
      .where(and(eq(complaintPhotos.regionCode, regionCode), eq(complaintPhotos.complaintId, open.id)));
    return {
      params: {
        id: open.id, code: open.trackingCode, photoId: photo.id, categoryId: category.id,
        'categories/:id': category.id, 'routing/:id': category.id,
        service_code: category.code, service_request_id: open.trackingCode, token: open.trackingCode, format: 'json',
      },
      // The open complaint is public by design in its own region (tracking code, description), never under another.
      secrets: [open.id, open.trackingCode, photo.id, category.id],
      private: [reporter.reporterName, reporter.reporterEmail, reporter.reporterPhone, confidential.id, confidential.trackingCode, secretDescription],
    };
  },

  request({ method, url }, p, region) {
    if (url.startsWith('/open311/')) {
      const query = { jurisdiction_id: region };
      if (method === 'POST') return { query, body: { jurisdiction_id: region, service_code: p.service_code, lat: -6.85, long: 107.92, description: 'Pengaduan palsu dari daerah lain' } };
      return { query };
    }
    const own = (tail: string) => url === `/api/regions/:region${tail}`;
    // Filing is public by design: a valid body would (rightly) add a report, so none is sent.
    if (own('/complaints')) return { body: {} };
    if (own('/counter/complaints')) return { body: { categoryId: p.categoryId, description: 'Pengaduan palsu dari daerah lain' } };
    if (own('/complaints/similar')) return { body: { categoryId: p.categoryId, description: 'Saluran tersumbat di depan pasar' } };
    if (own('/complaints/track/:code/rate')) return { body: { key: WRONG_KEY, rating: 1 } };
    if (own('/complaints/track/:code/reopen')) return { body: { key: WRONG_KEY, reason: 'Belum selesai menurut daerah lain' } };
    if (own('/complaints/:id/actions')) return { body: { action: 'dispatch', unitId: p.unitId } };
    if (own('/admin/categories') || own('/admin/categories/:id')) return { body: { code: 'evil', nameId: 'Jahat', nameEn: 'Evil' } };
    if (own('/admin/routing/:id')) return { body: { unitId: p.unitId } };
    if (own('/admin/sla')) return { body: { categoryId: null, stage: 'response', amount: 1, unit: 'hours', targetAmount: null } };
    return undefined;
  },
};
