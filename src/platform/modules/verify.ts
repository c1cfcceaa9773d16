// The public verification of a document by the token in its QR code, shared
// by every module that issues documents (public services' results and
// receipts, correspondence's signed letters): the platform asks each module's
// `verifyDocument` in registry order and answers with the first that knows
// the token. Tokens are random (16 bytes), so two modules never share one.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/client.js';
import { AppError } from '../errors.js';
import { failures } from '../http/responses.js';
import { modules } from './registry.js';

export const documentVerification = z.object({
  genuine: z.literal(true).describe('Dokumen dengan kode ini diterbitkan oleh daerah / a document with this code was issued by the region'),
  region: z.object({ code: z.string(), name: z.string() }), unit: z.string().nullable(),
  kind: z.string().describe('Jenis dokumen menurut modulnya: result, receipt (layanan), letter, memo (surat) / the kind, as its module names it'),
  title: z.string(), number: z.string(),
  issuedOn: z.string().describe('Tanggal terbit, waktu setempat / date of issue, local'),
  holder: z.string().describe('Pemegang atau tujuan, nama orang disamarkan / the holder or addressee, a person\'s name masked'),
  sha256: z.string().describe('SHA-256 berkas PDF yang diterbitkan / SHA-256 of the issued PDF file'),
  signature: z.object({ signer: z.string(), provider: z.string(), signedOn: z.string() }).nullable(),
  revoked: z.object({ on: z.string(), reason: z.string() }).nullable().describe('Dicabut: dokumen tidak berlaku lagi / revoked: the document is no longer valid'),
}).meta({ id: 'DocumentVerification' });

/** What anyone holding a document's token may learn about it (never who issued it inside the office, never a person's full name). */
export type DocumentVerification = z.infer<typeof documentVerification>;

/** The document a token verifies, from whichever module issued it, or null. */
export async function verifyToken(db: Queryable, token: string): Promise<DocumentVerification | null> {
  for (const m of modules()) {
    const found = await m.verifyDocument?.(db, token);
    if (found) return found;
  }
  return null;
}

// Any string up to a bound: a wrong or guessed token is a 404 like an unknown one, never a hint about the shape.
const tokenParam = z.object({ token: z.string().max(64) });

export const verifyRoutes = (ctx: AppContext) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // Public: the QR code's short address carries only the token.
  app.get('/api/verify/:token', {
    config: { access: 'public', limits: [{ name: 'verify', max: 60, windowSeconds: 60 }] },
    schema: {
      tags: ['verify'], summary: 'Verifikasi dokumen terbitan daerah (publik) / Verify a document the region issued (public)', params: tokenParam,
      response: { 200: documentVerification, ...failures('document.not_found') },
    },
  }, async (request) => {
    const found = await verifyToken(ctx.database.db, request.params.token);
    if (!found) throw new AppError('document.not_found');
    return found;
  });
};
