// Random tokens and their hashes. Session ids, reset tokens and API keys are
// high-entropy, so a fast hash is enough; passwords use argon2id.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';

export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Whether a presented secret matches a stored sha256 hash, in constant time. */
export function matchesHash(secret: string | undefined, hash: string | null): boolean {
  if (!secret || !hash) return false;
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });
export const verifyPassword = (hash: string, password: string) => argon2.verify(hash, password).catch(() => false);

export const MIN_PASSWORD_LENGTH = 10;
