// Uploaded images are decoded for real: bombs and disguised files are refused,
// what is stored is a fresh, smaller JPEG without the phone's metadata.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CAMERA_MAKE, hasGps, jpegHeaderWithHtml, phonePhoto, pngBomb } from '../../test/support/images.js';
import { errorEntry } from './errors.js';
import { IMAGE_LIMITS, reencodeImage } from './images.js';

const refusal = (p: Promise<unknown>) => p.then(() => null, (err) => ({ code: err.code, details: err.details }));

describe('uploaded images', () => {
  it('refuses a decompression bomb from its header, naming the limits', async () => {
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(200);
    expect(await refusal(reencodeImage(bomb))).toEqual({
      code: 'file.image_too_large', details: { width: 100_000, height: 100_000, maxPixels: 40_000_000, maxSide: 8000 },
    });
    // Within the pixel budget but one side too long, and under 8000 px a side but over 40 MP.
    expect((await refusal(reencodeImage(pngBomb(8001, 100))))?.code).toBe('file.image_too_large');
    expect((await refusal(reencodeImage(pngBomb(7000, 7000))))?.code).toBe('file.image_too_large');
    const [, id, en] = errorEntry('file.image_too_large');
    expect(id).toContain(`${IMAGE_LIMITS.maxPixels / 1e6} megapiksel dan ${IMAGE_LIMITS.maxSide} piksel`);
    expect(en).toContain(`${IMAGE_LIMITS.maxPixels / 1e6} megapixels and ${IMAGE_LIMITS.maxSide} pixels`);
  });

  it('refuses a JPEG header followed by HTML, and a photo cut short', async () => {
    expect(await refusal(reencodeImage(jpegHeaderWithHtml))).toEqual({ code: 'file.image_unreadable', details: undefined });
    const photo = await phonePhoto({ width: 400, height: 300 });
    expect((await refusal(reencodeImage(photo.subarray(0, photo.length - 200))))?.code).toBe('file.image_unreadable');
  });

  it('stores a smaller JPEG without the phone\'s EXIF (no GPS, no camera), upright', async () => {
    const photo = await phonePhoto({ width: 3000, height: 2000, orientation: 6 });
    const before = await sharp(photo).metadata();
    expect(hasGps(before.exif)).toBe(true);
    expect(before.exif!.includes(CAMERA_MAKE)).toBe(true);

    const stored = await reencodeImage(photo);
    const after = await sharp(stored.data).metadata();
    expect(after.format).toBe('jpeg');
    expect(stored.contentType).toBe('image/jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(stored.data.includes(CAMERA_MAKE)).toBe(false);
    // Orientation 6 is a portrait photo stored sideways: the copy is upright, its long side 2048.
    expect([after.width, after.height, stored.width, stored.height]).toEqual([1365, 2048, 1365, 2048]);
  });

  it('re-encodes even a small, valid image, so bytes appended to it are not kept', async () => {
    const small = await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const polyglot = Buffer.concat([small, Buffer.from('<script>alert(1)</script>')]);
    const stored = await reencodeImage(polyglot);
    expect(stored.data.includes('<script>')).toBe(false);
    expect([stored.contentType, stored.width, stored.height]).toEqual(['image/jpeg', 40, 30]);
    // Transparency becomes white, as in the web form's own shrinking.
    const { data } = await sharp(stored.data).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(250);
  });
});
