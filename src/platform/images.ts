// Uploaded images are decoded for real and stored as a fresh JPEG: a file that
// only starts like an image (a JPEG header followed by HTML) fails to decode,
// a small file declaring a huge picture (a decompression bomb) is refused from
// its header before any pixel is decoded, and the copy we keep carries no
// metadata (EXIF GPS from the citizen's phone, camera serials) and no bytes
// the sender chose.
import sharp from 'sharp';
import { AppError } from './errors.js';

export const IMAGE_LIMITS = {
  /** Largest picture accepted, in pixels (a 48 MP phone's full size is refused; the web form shrinks photos before sending). */
  maxPixels: 40_000_000,
  /** Longest side accepted, in pixels. */
  maxSide: 8000,
  /** Longest side of the stored copy. */
  storedSide: 2048,
  storedQuality: 82,
  /**
   * Images decoded at once in this process; the rest of a burst waits its
   * turn. Decoding streams (libvips reads and shrinks in strips), yet eight
   * 40 MP photos at once measured about 90 MB above idle one at a time and
   * 130-160 MB two at a time: one keeps a ~300 MB process safe. A photo the
   * web form already shrank (1600 px) takes ~0.1 s, a 40 MP JPEG ~0.4 s.
   */
  concurrent: 1,
} as const;

// libvips would keep recent operations (up to 50 MB) for reuse; an upload is never decoded twice.
sharp.cache(false);

let running = 0;
const waiting: (() => void)[] = [];

/** Runs `work` when fewer than IMAGE_LIMITS.concurrent decodes are in progress. */
async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= IMAGE_LIMITS.concurrent) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export interface StoredImage {
  data: Buffer;
  contentType: 'image/jpeg';
  width: number;
  height: number;
}

/** Refuses a picture larger than the limits, from its declared size alone. */
function checkDimensions(width: number, height: number): void {
  const { maxPixels, maxSide } = IMAGE_LIMITS;
  if (width > maxSide || height > maxSide || width * height > maxPixels) {
    throw new AppError('file.image_too_large', { width, height, maxPixels, maxSide });
  }
}

/**
 * Decodes an uploaded image and returns the copy to store: upright (EXIF
 * orientation applied), at most IMAGE_LIMITS.storedSide pixels long,
 * transparency on white, JPEG without metadata.
 */
export async function reencodeImage(input: Buffer): Promise<StoredImage> {
  // Only the header is read here, never the pixels: no pixel limit yet, so an oversize picture gets our error with its size.
  const header = await sharp(input, { limitInputPixels: false }).metadata().catch(() => null);
  if (!header?.width || !header.height) throw new AppError('file.image_unreadable');
  checkDimensions(header.width, header.height);
  return inTurn(async () => {
    try {
      const { data, info } = await sharp(input, { limitInputPixels: IMAGE_LIMITS.maxPixels, failOn: 'error', animated: false })
        .autoOrient()
        .resize(IMAGE_LIMITS.storedSide, IMAGE_LIMITS.storedSide, { fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: IMAGE_LIMITS.storedQuality })
        .toBuffer({ resolveWithObject: true });
      return { data, contentType: 'image/jpeg', width: info.width, height: info.height };
    } catch {
      // Truncated or corrupt pixel data, or content that only looks like an image.
      throw new AppError('file.image_unreadable');
    }
  });
}
