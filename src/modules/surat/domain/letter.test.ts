// The access rule by security class and standing, as the README's table says.
import { describe, expect, it } from 'vitest';
import { accessTo, SECURITY_CLASSES, type Standing } from './letter.js';

describe('who may open a letter', () => {
  it('follows the table: party opens all; manager opens up to terbatas and sees rahasia exists; unit opens biasa and sees terbatas exists', () => {
    const standings: Standing[] = ['party', 'manager', 'unit', 'none'];
    const table = Object.fromEntries(SECURITY_CLASSES.map((c) => [c, standings.map((s) => accessTo(c, s))]));
    expect(table).toEqual({
      biasa: ['open', 'open', 'open', 'none'],
      terbatas: ['open', 'open', 'exists', 'none'],
      rahasia: ['open', 'exists', 'none', 'none'],
      sangat_rahasia: ['open', 'none', 'none', 'none'],
    });
  });
});
