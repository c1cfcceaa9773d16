// Complaint photos through the real API: every image is decoded, bombs and
// disguised files are refused with nothing stored, and staff browsers are
// served a re-encoded copy without the citizen's GPS position.
import sharp from 'sharp';
import { count } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeWithApp } from '../../../test/harness.js';
import { CAMERA_MAKE, hasGps, jpegHeaderWithHtml, phonePhoto, pngBomb } from '../../../test/support/images.js';
import { complaintPhotos, complaints } from './schema.js';

/** `jsonType`: the complaint part's own Content-Type, as `curl -F 'complaint=…;type=application/json'` sends it. */
function multipart(complaint: unknown, files: { name: string; type: string; data: Buffer }[], jsonType?: string) {
  const boundary = '----pamongphotos';
  const typeLine = jsonType ? `Content-Type: ${jsonType}\r\n` : '';
  const json = typeof complaint === 'string' ? complaint : JSON.stringify(complaint);
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="complaint"\r\n${typeLine}\r\n${json}\r\n`)];
  for (const f of files) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describeWithApp('complaint photos', (h) => {
  let sampah: string;
  const stored = async () => ({
    complaints: (await h.ctx.database.db.select({ n: count() }).from(complaints))[0].n,
    photos: (await h.ctx.database.db.select({ n: count() }).from(complaintPhotos))[0].n,
  });
  const submit = (complaint: Record<string, unknown>, files: { name: string; type: string; data: Buffer }[]) =>
    h.api('POST', '/api/regions/32.11/complaints', multipart({ categoryId: sampah, description: 'Sampah menumpuk di depan pasar Tanjungsari', ...complaint }, files));

  beforeAll(async () => {
    sampah = (await h.api('GET', '/api/regions/32.11/categories')).body.find((c: any) => c.code === 'sampah').id;
  });

  it('refuses a decompression bomb (100,000 × 100,000 pixels in 100 bytes) and stores nothing', async () => {
    const before = await stored();
    const good = await phonePhoto({ width: 400, height: 300 });
    const res = await submit({}, [{ name: 'a.jpg', type: 'image/jpeg', data: good }, { name: 'bom.png', type: 'image/png', data: pngBomb() }]);
    expect(res.status, res.raw).toBe(413);
    expect(res.body.error).toMatchObject({
      code: 'file.image_too_large',
      messages: { id: 'Gambar terlalu besar: paling banyak 40 megapiksel dan 8000 piksel per sisi.', en: 'The image is too large: at most 40 megapixels and 8000 pixels per side.' },
      details: { width: 100_000, height: 100_000, maxPixels: 40_000_000, maxSide: 8000 },
    });
    expect(await stored()).toEqual(before);
  });

  it('takes the complaint part sent with its own Content-Type application/json, and refuses a broken one with a clear error', async () => {
    const photo = await phonePhoto({ width: 400, height: 300 });
    const typed = multipart({ categoryId: sampah, description: 'Sampah menumpuk di depan pasar Tanjungsari' }, [{ name: 'a.jpg', type: 'image/jpeg', data: photo }], 'application/json');
    const res = await h.api('POST', '/api/regions/32.11/complaints', typed);
    expect(res.status, res.raw).toBe(201);
    const tracked = await h.api('GET', `/api/regions/32.11/complaints/track/${res.body.trackingCode}`);
    expect(tracked.body.photos).toHaveLength(1);

    const before = await stored();
    const broken = await h.api('POST', '/api/regions/32.11/complaints', multipart('{"categoryId": ', [], 'application/json'));
    expect(broken.status, broken.raw).toBe(400);
    expect(broken.body.error.code).toBe('request.invalid');
    expect(broken.body.error.messages.id).toBeTruthy();
    expect(await stored()).toEqual(before);
  });

  it('refuses a JPEG header followed by HTML and stores nothing', async () => {
    const before = await stored();
    const res = await submit({}, [{ name: 'foto.jpg', type: 'image/jpeg', data: jpegHeaderWithHtml }]);
    expect(res.status, res.raw).toBe(400);
    expect(res.body.error.code).toBe('file.image_unreadable');
    expect(res.body.error.messages.en).toBe('The image cannot be read: the file is damaged or not an image.');
    expect(await stored()).toEqual(before);
  });

  it('serves staff a re-encoded JPEG of at most 2048 px without the phone\'s GPS; the place is the one the citizen shared', async () => {
    const photo = await phonePhoto({ width: 4000, height: 3000 });
    expect(hasGps((await sharp(photo).metadata()).exif)).toBe(true);
    const res = await submit({ lat: -6.8581, lng: 107.9196 }, [{ name: 'lubang.jpg', type: 'image/jpeg', data: photo }]);
    expect(res.status, res.raw).toBe(201);

    const coordinator = await h.signIn('koordinator@sumedang.demo');
    const detail = await h.api('GET', `/api/regions/32.11/complaints/${res.body.id}`, { session: coordinator });
    expect(detail.body.location).toMatchObject({ lat: -6.8581, lng: 107.9196 });
    expect(detail.body.photos).toHaveLength(1);
    const served = await h.app.inject({ method: 'GET', url: detail.body.photos[0].url, headers: { cookie: coordinator.cookie } });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(detail.body.photos[0]).toMatchObject({ contentType: 'image/jpeg', bytes: served.rawPayload.length });
    const meta = await sharp(served.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['jpeg', 2048, 1536, undefined]);
    expect(served.rawPayload.equals(photo)).toBe(false);
    expect(served.rawPayload.includes(CAMERA_MAKE)).toBe(false);
  });

  it('never takes the place from the photo when the citizen did not share one', async () => {
    const res = await submit({}, [{ name: 'lubang.jpg', type: 'image/jpeg', data: await phonePhoto({ width: 800, height: 600 }) }]);
    expect(res.status, res.raw).toBe(201);
    const coordinator = await h.signIn('koordinator@sumedang.demo');
    const detail = await h.api('GET', `/api/regions/32.11/complaints/${res.body.id}`, { session: coordinator });
    expect(detail.body.location).toMatchObject({ lat: null, lng: null });
    const served = await h.app.inject({ method: 'GET', url: detail.body.photos[0].url, headers: { cookie: coordinator.cookie } });
    expect((await sharp(served.rawPayload).metadata()).exif).toBeUndefined();
  });
});
