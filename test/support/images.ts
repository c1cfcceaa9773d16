// Images for upload tests, built here rather than shipped: a real photo with
// GPS in its EXIF, a decompression bomb and a JPEG header hiding HTML.
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid PNG header declaring `width` x `height` RGB pixels, followed by a
 * few hundred bytes of compressed zeros: a decompression bomb of about 100 bytes.
 */
export function pngBomb(width = 100_000, height = 100_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(Buffer.alloc(1000))), pngChunk('IEND', Buffer.alloc(0))]);
}

/** The first bytes of a JPEG (SOI and a JFIF segment), then an HTML page. */
export const jpegHeaderWithHtml = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
  Buffer.from('<html><body><script>fetch("/api/auth/me").then(r => r.text()).then(alert)</script></body></html>'),
]);

export const CAMERA_MAKE = 'PamongPhone';

/** A phone photo: JPEG with the camera's make and a GPS position (Sumedang) in its EXIF, rotated by EXIF orientation. */
export function phonePhoto(opts: { width?: number; height?: number; orientation?: number } = {}): Promise<Buffer> {
  const { width = 3000, height = 2000, orientation = 1 } = opts;
  return sharp({ create: { width, height, channels: 3, background: '#2e7d32' } })
    .jpeg()
    .withMetadata({ orientation })
    .withExif({
      IFD0: { Make: CAMERA_MAKE, Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 51/1 29/1', GPSLongitudeRef: 'E', GPSLongitude: '107/1 55/1 10/1' },
    })
    .toBuffer();
}

/** Whether EXIF data holds a GPS section (the GPS IFD pointer, tag 0x8825). */
export const hasGps = (exif: Buffer | undefined): boolean => !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));
