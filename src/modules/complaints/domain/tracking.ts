// Tracking codes of complaints: ADU-XXXX-XXXX (platform/codes.ts).
import { randomInt } from 'node:crypto';
import { newReadableCode, readableCodePattern } from '../../../platform/codes.js';

/** `pick(n)` gives an integer below n: cryptographically random by default, a seeded generator for the demo. */
export const newTrackingCode = (pick: (n: number) => number = randomInt): string => newReadableCode('ADU', pick);

export const trackingCodePattern = readableCodePattern('ADU');
