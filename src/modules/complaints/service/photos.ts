// Photo uploads: at most three JPEG/PNG/WebP images of 5 MB each, decoded and
// stored as re-encoded JPEGs without metadata (platform/images.ts).
import { checkUploads, type CheckedFile, type Upload, type UploadPolicy } from '../../../platform/files.js';

export const photoPolicy: UploadPolicy = { types: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: 5 * 1024 * 1024, maxFiles: 3, typeError: 'file.type_not_allowed' };
export const MAX_PHOTOS = photoPolicy.maxFiles;
export const MAX_PHOTO_BYTES = photoPolicy.maxBytes;

export type Photo = CheckedFile;

export const checkPhotos = (files: Upload[]): Promise<Photo[]> => checkUploads(files, photoPolicy);
