// Tracking codes a citizen can read over the phone: no 0/O or 1/I/L.
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** `pick(n)` gives an integer below n: cryptographically random by default, a seeded generator for the demo. */
export function newTrackingCode(pick: (n: number) => number = randomInt): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[pick(ALPHABET.length)];
  return `ADU-${s.slice(0, 4)}-${s.slice(4)}`;
}

export const trackingCodePattern = /^ADU-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;
