// A numbering counter: the last number given in a series and year, in a
// module's table of (region_code, series, year, last). Raising it locks its
// row until the transaction ends, so a rolled-back number is given back and
// numbers never skip or repeat. Public services' documents and
// correspondence's letters and agendas count with it.
import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from './client.js';

/** A table with a counter's four columns (its primary key is region, series, year). */
export type CounterTable = PgTable & { regionCode: PgColumn; series: PgColumn; year: PgColumn; last: PgColumn };

export interface Counter {
  /** The last number given (committed, or this transaction's own), without locking. */
  peek(): Promise<number>;
  /** Takes `seq` if it is still the next one (the row stays locked until the transaction ends); false when another transaction took it first. */
  claim(seq: number): Promise<boolean>;
  /** The next number, waiting for the row's lock. */
  next(): Promise<number>;
}

export function counter(tx: Queryable, table: CounterTable, key: { regionCode: string; series: string; year: number }): Counter {
  const t = table;
  const row = and(eq(t.regionCode, key.regionCode), eq(t.series, key.series), eq(t.year, key.year));
  const first = { regionCode: key.regionCode, series: key.series, year: key.year, last: 1 };
  return {
    async peek() {
      const [r] = await tx.select({ last: t.last }).from(t).where(row);
      return (r?.last as number | undefined) ?? 0;
    },
    async claim(seq) {
      const taken = seq === 1
        ? await tx.insert(t).values(first).onConflictDoNothing().returning({ last: t.last })
        : await tx.update(t).set({ last: seq }).where(and(row, eq(t.last, seq - 1))).returning({ last: t.last });
      return taken.length === 1;
    },
    async next() {
      const [r] = await tx.insert(t).values(first)
        .onConflictDoUpdate({ target: [t.regionCode, t.series, t.year], set: { last: sql`${t.last} + 1` } })
        .returning({ last: t.last });
      return r.last as number;
    },
  };
}
