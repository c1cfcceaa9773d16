// Random tokens and their hashes. Session ids, reset tokens and API keys are
// high-entropy, so a fast hash is enough; passwords use argon2id.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';
import { loadConfig, type Config } from '../config.js';

export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Whether a presented secret matches a stored sha256 hash, in constant time. */
export function matchesHash(secret: string | undefined, hash: string | null): boolean {
  if (!secret || !hash) return false;
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

let cost: Config['passwordCost'] | undefined;
/** A new password hash at the instance's cost (PAMONG_PASSWORD_MEMORY_KIB, PAMONG_PASSWORD_PASSES, read at first use). */
export function hashPassword(password: string): Promise<string> {
  cost ??= loadConfig(process.env).passwordCost;
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: cost.memoryKib, timeCost: cost.passes, parallelism: 4 });
}
/** Checks a password against a stored hash, at the cost written in that hash. */
export const verifyPassword = (hash: string, password: string) => argon2.verify(hash, password).catch(() => false);

export const MIN_PASSWORD_LENGTH = 10;
