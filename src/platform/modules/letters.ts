// The region's one letter numbering and register (issue 14): the first
// installed module that offers a letter book (correspondence). Public
// services number their results there and complaints write a transfer's
// letter there, without importing it; with none installed they keep their
// own behaviour.
import type { LetterBook } from './contract.js';
import { modules } from './registry.js';

export function letterBook(): LetterBook | null {
  return modules().find((m) => m.letterBook)?.letterBook ?? null;
}
