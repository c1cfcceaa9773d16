// Named statements are parsed once per server session; behind a transaction
// pooler (PgBouncer < 1.21) they must go unnamed. Both give the same rows; only
// the named ones leave a prepared statement on the session.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';
import { prepare, runPrepared } from './prepared.js';

const url = process.env.PAMONG_TEST_DATABASE_URL;
const statement = prepare('pamong_test_echo', sql`select ${sql.placeholder('code')}::text as code`);

describe.skipIf(!url)('prepared statements on PostgreSQL', () => {
  for (const named of [true, false]) {
    it(named ? 'named: prepared once on the session, same rows' : 'unnamed (DATABASE_NAMED_STATEMENTS=false): nothing left on the session, same rows', async () => {
      // One connection, so the statement and the catalogue read share a session.
      const database = await openDatabase({ databaseUrl: url, poolSize: 1, namedStatements: named });
      try {
        const rows = await runPrepared<{ code: string }>(database, statement, { code: '99.99' });
        expect(rows).toEqual([{ code: '99.99' }]);
        const kept = await database.rows<{ name: string }>(sql`select name from pg_prepared_statements where name = ${statement.name}`);
        expect(kept.map((r) => r.name)).toEqual(named ? [statement.name] : []);
      } finally {
        await database.close();
      }
    });
  }
});
