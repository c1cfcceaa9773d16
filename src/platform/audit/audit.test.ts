// The audit log reads in the names people know (who, which complaint by its
// tracking code) and can be narrowed to a person, a record and a date range.
import { expect, it } from 'vitest';
import { describeWithApp } from '../../../test/harness.js';

const R = '/api/regions/32.11';

describeWithApp('audit log', (h) => {
  let code = '';
  let otherCode = '';

  it('names the person and the complaint\'s tracking code on each entry', async () => {
    const categories = (await h.api('GET', `${R}/categories`)).body;
    const road = categories.find((c: any) => c.code === 'jalan-rusak');
    const file = async (description: string) => (await h.api('POST', `${R}/complaints`, { body: { categoryId: road.id, description, answers: { tingkat_kerusakan: 'ringan' } } })).body;
    const first = await file('Jalan berlubang di depan Puskesmas Tanjungsari');
    const second = await file('Aspal mengelupas di Jalan Raya Cadas Pangeran');
    code = first.trackingCode;
    otherCode = second.trackingCode;
    const coordinator = await h.signIn('koordinator@sumedang.demo');
    const detail = (await h.api('GET', `${R}/complaints/${first.id}`, { session: coordinator })).body;
    await h.api('POST', `${R}/complaints/${first.id}/actions`, { session: coordinator, body: { action: 'dispatch', unitId: detail.proposedUnitId } });
    // The next day (local time), the admin adds a unit and the coordinator rejects the second report.
    h.clock.advanceHours(24);
    const admin = await h.signIn('admin@sumedang.demo');
    await h.api('POST', `${R}/units`, { session: admin, body: { code: 'DISPERKIM', name: 'Dinas Perumahan dan Kawasan Permukiman' } });
    const coordinator2 = await h.signIn('koordinator@sumedang.demo');
    await h.api('POST', `${R}/complaints/${second.id}/actions`, { session: coordinator2, body: { action: 'reject', reason: 'spam', message: 'Bukan pengaduan.' } });

    const all = (await h.api('GET', `${R}/audit`, { session: admin })).body;
    const dispatched = all.find((e: any) => e.action === 'complaint.dispatch');
    expect(dispatched).toMatchObject({ entity: 'complaint', recordLabel: code, actorName: 'Siti Koordinator', detail: { from: 'submitted', to: 'dispatched' } });
    expect(all.find((e: any) => e.action === 'unit.create')).toMatchObject({ recordLabel: null, actorLabel: 'admin@sumedang.demo' });
  });

  it('filters by record (a tracking code, in any case), person and local dates', async () => {
    const admin = await h.signIn('admin@sumedang.demo');
    const list = async (q: string) => (await h.api('GET', `${R}/audit?${q}`, { session: admin })).body.map((e: any) => e.action);
    expect(await list(`record=${code.toLowerCase()}`)).toEqual(['complaint.dispatch']);
    expect(await list(`record=${otherCode}`)).toEqual(['complaint.reject']);
    expect(await list('person=koordinator')).toEqual(['complaint.reject', 'complaint.dispatch']);
    expect(await list('person=Admin%20Sumedang')).toEqual(['unit.create']);
    // 2 November 2026 in WIB, then 3 November: each day holds its own entries.
    expect(await list('from=2026-11-02&to=2026-11-02')).toEqual(['complaint.dispatch']);
    expect(await list('from=2026-11-03')).toEqual(['complaint.reject', 'unit.create']);
    expect(await list('to=2026-11-01')).toEqual([]);
    expect(await list('person=koordinator&from=2026-11-03&to=2026-11-03')).toEqual(['complaint.reject']);
    expect((await h.api('GET', `${R}/audit?from=2026-13-01`, { session: admin })).status).toBe(400);
  });

  it('says each action in words from its module, and keeps what an edit changed, before and after', async () => {
    const admin = await h.signIn('admin@sumedang.demo');
    const categories = (await h.api('GET', `${R}/admin/categories`, { session: admin })).body;
    const rubbish = categories.find((c: any) => c.code === 'sampah');
    const { id, regionCode: _r, createdAt: _c, questions, ...rest } = rubbish;
    const saved = await h.api('PUT', `${R}/admin/categories/${id}`, { session: admin, body: { ...rest, questions, nameEn: 'Rubbish not collected', locationRequired: true } });
    expect(saved.status).toBe(200);
    await h.api('PUT', `${R}/settings`, { session: admin, body: { complaints: { reopenWindowDays: 21 } } });

    const entries = (await h.api('GET', `${R}/audit`, { session: admin })).body;
    const [settings, category] = entries;
    expect(settings).toMatchObject({
      action: 'region.settings', actionLabel: { id: 'Mengubah pengaturan daerah', en: 'Changed the region\'s settings' },
      before: { complaints: { reopenWindowDays: 14 } }, after: { complaints: { reopenWindowDays: 21 } },
    });
    expect(category).toMatchObject({
      action: 'category.update', actionLabel: { id: 'Mengubah kategori', en: 'Changed a category' },
      before: { nameEn: 'Uncollected rubbish', locationRequired: false }, after: { nameEn: 'Rubbish not collected', locationRequired: true },
    });
    // Only what changed: the untouched fields are not repeated.
    expect(Object.keys(category.after).sort()).toEqual(['locationRequired', 'nameEn']);
    expect(entries.find((e: any) => e.action === 'complaint.dispatch').actionLabel.id).toBe('Pengaduan: Verifikasi dan teruskan');
  });
});
