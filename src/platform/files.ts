// Uploaded files: read from multipart requests, then checked by size and by
// their real content (magic bytes), never by their name or declared type.
// Images are decoded and replaced by a re-encoded copy (images.ts).
import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, type ErrorCode } from './errors.js';
import { refuseNul } from './http/nul-guard.js';
import { reencodeImage } from './images.js';

/** An uploaded file; `field`: what it answers, from a part named `<fileField>.<field>` (a form's document field). */
export interface Upload { fileName: string; data: Buffer; field?: string }
export interface CheckedFile extends Upload { contentType: string }

/** What one kind of upload accepts. */
export interface UploadPolicy {
  /** Allowed MIME types, as detected from the content. */
  types: readonly string[];
  maxBytes: number;
  /** Files per request. */
  maxFiles: number;
  /** The error for a wrong type, so its message can name the allowed types. */
  typeError: ErrorCode;
}

export async function checkUploads(files: Upload[], policy: UploadPolicy): Promise<CheckedFile[]> {
  if (files.length > policy.maxFiles) throw new AppError('file.too_many', { max: policy.maxFiles });
  const out: CheckedFile[] = [];
  for (const file of files) {
    if (file.data.length > policy.maxBytes) throw new AppError('file.too_large', { maxBytes: policy.maxBytes });
    const type = await fileTypeFromBuffer(file.data);
    if (!type || !policy.types.includes(type.mime)) throw new AppError(policy.typeError, { allowed: policy.types });
    if (type.mime.startsWith('image/')) {
      const image = await reencodeImage(file.data);
      out.push({ ...file, fileName: withExtension(file.fileName, 'jpg'), data: image.data, contentType: image.contentType });
    } else {
      out.push({ ...file, contentType: type.mime });
    }
  }
  return out;
}

/** `foto.png` -> `foto.jpg`: the name of a re-encoded copy says what it now is. */
export function withExtension(fileName: string, ext: string): string {
  const dot = fileName.lastIndexOf('.');
  return `${dot > 0 ? fileName.slice(0, dot) : fileName}.${ext}`;
}

/**
 * A preValidation hook for "JSON plus files" requests: the JSON document comes
 * in the field `jsonField` and becomes the body (so the route schema validates
 * it), the files of `fileField` go to `request.uploads`. Plain JSON requests
 * pass through untouched. Busboy stops at the policy's limits. A file part may
 * also be named `<fileField>.<field>` (e.g. `berkas.ktp`): the upload then
 * says which field of a form it answers.
 */
export function multipartReader(jsonField: string, fileField: string, policy: UploadPolicy) {
  return async (request: FastifyRequest): Promise<void> => {
    if (!request.isMultipart()) return;
    let body: unknown = undefined;
    const parts = request.parts({ limits: { fileSize: policy.maxBytes, files: policy.maxFiles, parts: policy.maxFiles + 5 } });
    try {
      for await (const part of parts) {
        if (part.type === 'file') {
          const field = part.fieldname.startsWith(`${fileField}.`) ? part.fieldname.slice(fileField.length + 1) : undefined;
          if (part.fieldname !== fileField && !field) throw new AppError('request.invalid', { field: part.fieldname });
          refuseNul('file name', part.filename);
          const data = await part.toBuffer();
          request.uploads.push(field ? { fileName: part.filename || 'berkas', data, field } : { fileName: part.filename || 'berkas', data });
        } else if (part.fieldname === jsonField) {
          // A part sent as application/json (curl -F 'x=…;type=application/json') arrives parsed (secure-json-parse); a plain field as text.
          if (part.mimetype === 'application/json') body = part.value;
          else {
            try {
              body = JSON.parse(String(part.value));
            } catch {
              throw new AppError('request.invalid', { [jsonField]: 'not JSON' });
            }
          }
        }
      }
    } catch (err) {
      // Limits come as Fastify codes the error handler knows; a body busboy cannot parse (no boundary, cut short) is the client's.
      if (err instanceof AppError || (err as { code?: string }).code?.startsWith('FST_')) throw err;
      throw new AppError('request.invalid', { multipart: (err as Error).message });
    }
    refuseNul(jsonField, body);
    request.body = body;
  };
}
