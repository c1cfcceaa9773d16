// Idempotency-Key on creates: a retry with the same key (same route, caller and
// region) gets the first answer back instead of doing the work again.
//
// The key is claimed by a row written in the create's own transaction (or in
// intake's single statement), so a committed create always holds its key: a
// concurrent repeat runs into the primary key and is refused, and a crash
// after the commit still keeps the create from happening twice. The answer is
// stored once it is sent, or, for a create that knows its answer before it
// writes (intake), in the same statement as the create, so a retry after a
// crash between the two gets the receipt back. It is sealed (AES-GCM) with a key derived from the
// client's Idempotency-Key, so that the database never holds a readable reporter
// key or API key; the row itself is found by a hash. Rows expire after 24 hours.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { transactionPrelude, type Queryable, type TransactionPrelude, type Tx } from '../db/client.js';
import { idempotencyKeys } from '../schema.js';
import { isUniqueViolation } from '../db/violations.js';
import type { Actor } from '../auth/policy.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const TTL_MS = 24 * 3_600_000;
/** Declared on every idempotent route, so OpenAPI documents it and validation checks it. */
const keyHeader = z.looseObject({
  [IDEMPOTENCY_HEADER]: z.string().regex(/^[\x21-\x7e]{8,255}$/).optional().describe(
    'Kunci unik per pengiriman (mis. UUID); kirim ulang dengan kunci yang sama mengembalikan jawaban pertama tanpa membuat data kedua, selama 24 jam. / ' +
    'A unique key per submission (e.g. a UUID): a retry with the same key returns the first answer without creating anything twice, for 24 hours.'),
});
/** Headers a replay repeats: what the client needs besides the body. */
const replayedHeaders = ['content-type', 'location', 'set-cookie'];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route creates something: an Idempotency-Key header makes a retry safe. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency: Claim | null;
  }
}

/** The row that claims a key, written first in the create's transaction; with the answer when it is known before the write. */
export interface ClaimRow { keyHash: string; requestHash: string; expiresAt: Date; status: number | null; answer: Buffer | null }

/** An answer as a replay repeats it. */
export interface StoredAnswer { status: number; headers: Record<string, string | string[]>; body: string }

class Claim implements TransactionPrelude {
  run: ((tx: Tx) => Promise<void>) | null = async (tx) => {
    await tx.insert(idempotencyKeys).values(this.row).catch(rethrowConflict);
  };
  /** The answer went into the claim row with the create: nothing to store when it is sent. */
  answered = false;
  constructor(readonly row: ClaimRow, readonly sealKey: Buffer) {}
  get claimed() {
    return this.run === null;
  }
}

const sha = (...parts: (string | Buffer)[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\n');
  return h.digest();
};

function callerOf(actor: Actor): string {
  if (actor.kind === 'user') return `user:${actor.userId}`;
  if (actor.kind === 'api_key') return `api-key:${actor.apiKeyId}@${actor.apiKeyRegion}`;
  return 'anonymous';
}

/** What makes two requests "the same": parameters, query, body and the files' content. */
function requestHash(request: FastifyRequest): string {
  const files = request.uploads.map((u) => [u.fileName, sha(u.data).toString('hex')]);
  return sha(JSON.stringify([request.params, request.query, request.body ?? null, files])).toString('hex');
}

function seal(key: Buffer, answer: StoredAnswer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(answer)), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]);
}

function open(key: Buffer, sealed: Buffer): StoredAnswer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString());
}

/** A unique violation on the key: another request with it committed first (or is committing). */
export function rethrowConflict(err: unknown): never {
  if (isUniqueViolation(err, 'idempotency_keys_pkey')) throw new AppError('idempotency.in_progress');
  throw err;
}

/** The claim row as part of a create's one statement (takeClaim), its values placeholders that claimValues gives. */
export function claimInsert(db: Queryable) {
  const P = sql.placeholder;
  return db.insert(idempotencyKeys).values({
    keyHash: P('claimKeyHash'), requestHash: P('claimRequestHash'), expiresAt: P('claimExpiresAt'), status: P('claimStatus'), answer: P('claimAnswer'),
  });
}

/** The values of claimInsert's placeholders for a claim taken with takeClaim. */
export const claimValues = (claim: ClaimRow) =>
  ({ claimKeyHash: claim.keyHash, claimRequestHash: claim.requestHash, claimExpiresAt: claim.expiresAt, claimStatus: claim.status, claimAnswer: claim.answer });

/**
 * For a create that writes in one statement without a transaction (intake):
 * the claim row it must write itself, once. Null when the request has no key.
 * Given the answer it will send (`reply.serialize` makes the same bytes the
 * reply will carry), the row holds it sealed, and the reply stores nothing.
 */
export function takeClaim(answer?: StoredAnswer): ClaimRow | null {
  const claim = transactionPrelude.getStore();
  if (!(claim instanceof Claim) || claim.claimed) return null;
  claim.run = null;
  if (!answer) return claim.row;
  claim.answered = true;
  return { ...claim.row, status: answer.status, answer: seal(claim.sealKey, answer) };
}

export function installIdempotency(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('idempotency', null);
  const { db } = ctx.database;

  /** The first answer, a refusal, or nothing stored yet (then the request claims the key). */
  async function lookUp(request: FastifyRequest, reply: FastifyReply, key: string): Promise<Claim | 'answered'> {
    const scope = [request.method, request.routeOptions.url ?? '', request.region?.code ?? '-', callerOf(request.actor)].join(' ');
    const now = ctx.clock.now();
    const keyHash = sha('lookup', scope, key).toString('hex');
    const claim = new Claim({ keyHash, requestHash: requestHash(request), expiresAt: new Date(now.getTime() + TTL_MS), status: null, answer: null }, sha('seal', scope, key));
    await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.keyHash, keyHash), lte(idempotencyKeys.expiresAt, now)));
    const [found] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.keyHash, keyHash));
    if (!found) return claim;
    if (found.requestHash !== claim.row.requestHash) throw new AppError('idempotency.key_reused');
    if (found.status === null || !found.answer) {
      reply.header('retry-after', '2');
      throw new AppError('idempotency.in_progress');
    }
    const answer = open(claim.sealKey, found.answer);
    reply.status(answer.status).headers(answer.headers).header('idempotent-replayed', 'true').send(answer.body);
    return 'answered';
  }

  app.addHook('onRoute', (route) => {
    if (route.config?.idempotent) route.schema = { ...route.schema, headers: keyHeader };
  });

  // Last of the hooks before the handler: the handler runs inside the claim's context.
  app.addHook('preHandler', (request, reply, done) => {
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (!request.routeOptions.config?.idempotent || key === undefined) return done();
    lookUp(request, reply, String(key)).then((found) => {
      if (found === 'answered') return;
      request.idempotency = found;
      transactionPrelude.run(found, () => done());
    }, (err: Error) => done(err));
  });

  // Only a claimed key waits for the database; every other answer passes without a promise.
  app.addHook('onSend', (request, reply, payload, done) => {
    const claim = request.idempotency;
    if (!claim || claim.answered || reply.statusCode >= 300 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return done(null, payload);
    store(claim, reply, payload).then(() => done(null, payload), done);
  });

  async function store(claim: Claim, reply: FastifyReply, payload: string | Buffer): Promise<void> {
    const headers = Object.fromEntries(replayedHeaders.flatMap((h) => {
      const v = reply.getHeader(h);
      return v === undefined ? [] : [[h, typeof v === 'number' ? String(v) : v]];
    }));
    const answer = seal(claim.sealKey, { status: reply.statusCode, headers, body: payload.toString() });
    if (claim.claimed) {
      await db.update(idempotencyKeys).set({ status: reply.statusCode, answer }).where(eq(idempotencyKeys.keyHash, claim.row.keyHash));
    } else {
      // The route wrote without a transaction of its own: the key is recorded with the answer.
      await db.insert(idempotencyKeys).values({ ...claim.row, status: reply.statusCode, answer }).onConflictDoNothing();
    }
  }
}

/** Expired keys are only clutter (the worker calls this). */
export async function purgeIdempotencyKeys(ctx: AppContext): Promise<void> {
  await ctx.database.db.delete(idempotencyKeys).where(lte(idempotencyKeys.expiresAt, ctx.clock.now()));
}
