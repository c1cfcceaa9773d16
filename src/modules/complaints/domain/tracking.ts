// Tracking codes a citizen can read over the phone: no 0/O or 1/I/L.
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newTrackingCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `ADU-${s.slice(0, 4)}-${s.slice(4)}`;
}

export const trackingCodePattern = /^ADU-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;
