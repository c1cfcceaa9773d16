// What intake asks of a report before it stores it: a location where the
// category requires one, and texts within their limits (refused, never cut).
import { count } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { DEMO_API_KEY } from '../../demo/seed.js';
import { complaints } from './schema.js';
import { textLimits } from './domain/limits.js';

describeWithApp('intake rules', (h) => {
  let cats: Record<string, any>;
  let admin: Session;
  const stored = async () => (await h.ctx.database.db.select({ n: count() }).from(complaints))[0].n;
  const submit = (body: Record<string, unknown>) => h.api('POST', '/api/regions/32.11/complaints', { body });
  const open311 = (fields: Record<string, string>) => h.api('POST', '/open311/v2/requests.json', {
    body: new URLSearchParams({ jurisdiction_id: '32.11', api_key: DEMO_API_KEY, ...fields }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

  it('prepares', async () => {
    cats = Object.fromEntries((await h.api('GET', '/api/regions/32.11/categories')).body.map((c: any) => [c.code, c]));
    admin = await h.signIn('admin@sumedang.demo');
  });

  it('lets the region admin require a location for a category, and the public list says which do', async () => {
    const road = cats['jalan-rusak'];
    expect(road.locationRequired).toBe(false);
    const { id, regionCode: _r, ...body } = road;
    const saved = await h.api('PUT', `/api/regions/32.11/admin/categories/${id}`, { session: admin, body: { ...body, locationRequired: true } });
    expect(saved.status, saved.raw).toBe(200);
    expect(saved.body.locationRequired).toBe(true);
    const listed = (await h.api('GET', '/api/regions/32.11/categories')).body.find((c: any) => c.id === id);
    expect(listed.locationRequired).toBe(true);
    // Saving without the field leaves it as it was.
    const { locationRequired: _l, ...withoutFlag } = body;
    expect((await h.api('PUT', `/api/regions/32.11/admin/categories/${id}`, { session: admin, body: withoutFlag })).body.locationRequired).toBe(true);
  });

  it('refuses a report without kecamatan/desa or map pin when its category requires a location, with a clear error, and stores nothing', async () => {
    const before = await stored();
    const road = { categoryId: cats['jalan-rusak'].id, description: 'Jalan berlubang besar, motor sering jatuh', answers: { tingkat_kerusakan: 'sedang' } };
    const nowhere = await submit({ ...road, address: 'dekat pasar' });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.error.code).toBe('complaint.location_required');
    expect(nowhere.body.error.messages).toEqual({
      id: 'Kategori ini memerlukan lokasi: pilih kecamatan (dan desa/kelurahan) atau tandai lokasi di peta.',
      en: 'This category needs a location: choose a district (and village) or pin it on the map.',
    });
    const loket = await h.signIn('loket@sumedang.demo');
    const counter = await h.api('POST', '/api/regions/32.11/counter/complaints', { session: loket, body: road });
    expect(counter.body.error.code).toBe('complaint.location_required');
    expect(await stored()).toBe(before);

    expect((await submit({ ...road, districtCode: '32.11.01' })).status).toBe(201);
    expect((await submit({ ...road, lat: -6.9005, lng: 107.7976 })).status).toBe(201);
    // A category that does not require one still takes a report without a place.
    expect((await submit({ categoryId: cats.perizinan.id, description: 'Izin PBG tidak kunjung terbit sejak tiga bulan' })).status).toBe(201);
  });

  it('takes an Open311 request for such a category with lat/long, an address_string or a district, and refuses one without', async () => {
    const request = { service_code: 'jalan-rusak', 'attribute[tingkat_kerusakan]': 'berat', description: 'Lubang besar di tengah jalan, sudah ada pengendara jatuh.' };
    expect((await open311({ ...request, lat: '-6.8581', long: '107.9196' })).status).toBe(201);
    expect((await open311({ ...request, address_string: 'Jl. Prabu Geusan Ulun depan alun-alun' })).status).toBe(201);
    expect((await open311({ ...request, address_id: '32.11.01' })).status).toBe(201);
    const nowhere = await open311(request);
    expect(nowhere.status).toBe(400);
    expect(nowhere.body[0].description).toBe('open311.location_required: Lokasi wajib diisi (lat/long, address_string atau address_id). / A location is required (lat/long, address_string or address_id).');
  });

  it('the demo requires a location for a damaged bridge', async () => {
    expect(cats.jembatan.locationRequired).toBe(true);
  });

  it('refuses texts over their limit with their own error naming the field and its limit, and never stores a cut text', async () => {
    const before = await stored();
    const base = { categoryId: cats.sampah.id, description: 'Sampah menumpuk di TPS pasar sudah seminggu' };
    const long = await submit({ ...base, description: 'x'.repeat(textLimits.description + 1) });
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe('request.text_too_long');
    expect(long.body.error.details).toEqual([{ field: '/description', max: 4000 }]);
    expect(long.body.error.messages.en).toContain('Nothing was cut');
    const fields: [Record<string, unknown>, string, number][] = [
      [{ address: 'a'.repeat(301) }, '/address', 300],
      [{ reporter: { name: 'n'.repeat(121) } }, '/reporter/name', 120],
      [{ reporter: { phone: '0'.repeat(21) } }, '/reporter/phone', 20],
      [{ reporter: { email: `${'e'.repeat(195)}@example.id` } }, '/reporter/email', 200],
    ];
    for (const [extra, field, max] of fields) {
      const res = await submit({ ...base, ...extra });
      expect([field, res.body.error.code, res.body.error.details]).toEqual([field, 'request.text_too_long', [{ field, max }]]);
    }
    // Answers too: the problem names the limit.
    const trees = await h.api('POST', '/api/regions/32.11/admin/categories', { session: admin, body: {
      code: 'pohon', nameId: 'Pohon tumbang', nameEn: 'Fallen tree', questions: [
        { code: 'jenis_pohon', datatype: 'string', required: false, description: { id: 'Jenis pohon', en: 'Kind of tree' } },
      ],
    } });
    expect(trees.status, trees.raw).toBe(201);
    const answer = await submit({ categoryId: trees.body.id, description: 'Pohon tumbang menutup jalan desa', answers: { jenis_pohon: 'a'.repeat(textLimits.answerString + 1) } });
    expect(answer.body.error).toMatchObject({ code: 'complaint.answers_invalid', details: { jenis_pohon: 'too_long: at most 200 characters' } });
    expect(await stored()).toBe(before);
    // Exactly at the limit is stored whole.
    const full = 'y'.repeat(textLimits.description);
    const ok = await submit({ ...base, description: full });
    expect(ok.status).toBe(201);
    const track = await h.api('GET', `/api/regions/32.11/complaints/track/${ok.body.trackingCode}`);
    expect(track.body.description).toBe(full);
    // Open311 adds media_url to the description: over the limit it is refused the same way.
    const media = await open311({ service_code: 'sampah', address_string: 'Pasar', description: 'z'.repeat(3990), media_url: 'https://example.id/foto.jpg' });
    expect(media.body[0].description.startsWith('request.text_too_long: ')).toBe(true);
  });
});
