// Codes a citizen can read over the phone or type from a receipt: a prefix
// and two groups of four characters without 0/O or 1/I/L, random (31^8, about
// 8.5 × 10^11, so a code cannot be guessed into another person's record).
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** `pick(n)` gives an integer below n: cryptographically random by default, a seeded generator for the demo. */
export function newReadableCode(prefix: string, pick: (n: number) => number = randomInt): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[pick(ALPHABET.length)];
  return `${prefix}-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** The pattern of `prefix`'s codes. */
export const readableCodePattern = (prefix: string) => new RegExp(`^${prefix}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$`);
