// Photo uploads: checked by size and by their real content, not their name.
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../../platform/errors.js';

export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const ALLOWED = new Set(['image/jpeg', 'image/png', 'image/webp']);

export interface Photo { contentType: string; data: Buffer }

export async function checkPhotos(files: Buffer[]): Promise<Photo[]> {
  if (files.length > MAX_PHOTOS) throw new AppError('file.too_many', { max: MAX_PHOTOS });
  const out: Photo[] = [];
  for (const data of files) {
    if (data.length > MAX_PHOTO_BYTES) throw new AppError('file.too_large', { maxBytes: MAX_PHOTO_BYTES });
    const type = await fileTypeFromBuffer(data);
    if (!type || !ALLOWED.has(type.mime)) throw new AppError('file.type_not_allowed', { allowed: [...ALLOWED] });
    out.push({ contentType: type.mime, data });
  }
  return out;
}
