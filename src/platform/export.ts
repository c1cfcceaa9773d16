// A region's data as one JSON document: every region-owned table, filtered by region_code.
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { eq, getTableColumns } from 'drizzle-orm';
import type { AppContext } from './context.js';
import { schema } from './db/client.js';

export function regionTables(): PgTable[] {
  return (Object.values(schema) as PgTable[]).filter((t) => getTableConfig(t).columns.some((c) => c.name === 'region_code'));
}

export async function exportRegion(ctx: AppContext, regionCode: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown[]> = {};
  for (const table of regionTables()) {
    const name = getTableConfig(table).name;
    const regionColumn = (getTableColumns(table) as Record<string, never>).regionCode;
    out[name] = await ctx.database.db.select().from(table).where(eq(regionColumn, regionCode));
  }
  return { format: 'pamong-region-export/1', region: regionCode, exportedAt: ctx.clock.now().toISOString(), tables: out };
}
