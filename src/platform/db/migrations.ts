// Migrations: one history for the platform (drizzle/) and one per module
// (its `migrations` folder), each a drizzle-kit folder with its own journal and
// its own table in the `drizzle` schema, so that two modules never share a
// migration file. Both engines run them at start: the platform's first, then
// the modules' in registry order (a module may build on the platform's tables
// and on those of modules listed before it).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { modules } from '../modules/registry.js';
import { queryRows, type Database, type Db } from './client.js';

export interface MigrationHistory {
  /** `platform` or the module's name. */
  name: string;
  folder: string;
  /** Its table in the `drizzle` schema. */
  table: string;
}

/** The platform's history keeps drizzle's default table, where databases made before the modules had their own recorded 0000-0011. */
const platformHistory: MigrationHistory = {
  name: 'platform',
  folder: fileURLToPath(new URL('../../../drizzle', import.meta.url)),
  table: '__drizzle_migrations',
};

/** The platform's history, then each installed module's, in registry order. */
export function migrationHistories(): MigrationHistory[] {
  return [
    platformHistory,
    ...modules().flatMap((m) => (m.migrations ? [{ name: m.name, folder: fileURLToPath(m.migrations), table: `__drizzle_migrations_${m.name.replaceAll('-', '_')}` }] : [])),
  ];
}

/**
 * Drizzle applies only migrations newer than the last one applied, so a
 * migration that arrives with an older timestamp (a merge that kept a stale
 * journal entry) would be skipped without a word. Refuse to start instead.
 */
async function assertNoneLeftBehind(db: Db, history: MigrationHistory): Promise<void> {
  const [{ present }] = await queryRows<{ present: boolean }>(db, sql`select to_regclass(${`drizzle.${history.table}`}) is not null as present`);
  if (!present) return;
  const applied = new Set((await queryRows<{ created_at: string | number }>(db, sql`select created_at from ${sql.identifier('drizzle')}.${sql.identifier(history.table)}`)).map((r) => Number(r.created_at)));
  const last = Math.max(0, ...applied);
  const journal = JSON.parse(readFileSync(`${history.folder}/meta/_journal.json`, 'utf8')) as { entries: { tag: string; when: number }[] };
  const behind = journal.entries.filter((e) => e.when <= last && !applied.has(e.when)).map((e) => e.tag);
  if (behind.length) {
    throw new Error(`Migrations ${behind.join(', ')} of ${history.name} are older than the last one applied and would never run: generate them again (docs/MODULES.md, Migrations)`);
  }
}

export async function migrate(database: Database, histories = migrationHistories()): Promise<void> {
  const run = async (db: Db, apply: (h: MigrationHistory) => Promise<void>) => {
    for (const h of histories) {
      await assertNoneLeftBehind(db, h);
      await apply(h);
    }
  };
  const options = (h: MigrationHistory) => ({ migrationsFolder: h.folder, migrationsTable: h.table, migrationsSchema: 'drizzle' });
  if (database.kind === 'postgres') {
    // Several instances may start at once: one migrates, the others wait.
    const client = await database.pool!.connect();
    try {
      await client.query('select pg_advisory_lock(7243001)');
      const db = drizzlePg(client);
      await run(db as unknown as Db, (h) => migratePg(db, options(h)));
    } finally {
      await client.query('select pg_advisory_unlock(7243001)').catch(() => undefined);
      client.release();
    }
  } else {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    await run(database.db, (h) => migratePglite(database.db as never, options(h)));
  }
}
