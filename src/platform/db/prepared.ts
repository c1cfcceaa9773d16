// Statements for the hot paths: built once by drizzle from the schema, with
// sql.placeholder() for every value, then run with values only. Building a
// large statement costs more CPU than running it; and on PostgreSQL a named
// statement is parsed and planned once per connection.
import { is, Param, Placeholder, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database, Db } from './client.js';

const dialect = new PgDialect();

export interface Prepared {
  name: string;
  text: string;
  /** One function per parameter, from the values of a call to what the driver receives. */
  params: ((values: Record<string, unknown>) => unknown)[];
}

export function prepare(name: string, query: SQL): Prepared {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const need = (values: Record<string, unknown>, key: string) => {
    if (!(key in values)) throw new Error(`${name}: no value for ${key}`);
    return values[key];
  };
  return {
    name, text,
    params: params.map((p) => {
      if (is(p, Param) && is(p.value, Placeholder)) {
        const key = (p.value as Placeholder).name;
        const encoder = p.encoder;
        return (values) => {
          const v = need(values, key);
          return v === null ? null : encoder.mapToDriverValue(v);
        };
      }
      if (is(p, Placeholder)) return (values) => need(values, p.name);
      return () => p;
    }),
  };
}

/** Runs a prepared statement; rows come with the driver's own types (timestamps as Date on both engines). */
export async function runPrepared<T = Record<string, unknown>>(database: Database, statement: Prepared, values: Record<string, unknown>): Promise<T[]> {
  const params = statement.params.map((f) => f(values));
  if (database.pool) {
    // Unnamed, the statement is parsed each time but needs no server session of its own (a transaction pooler).
    const query = database.namedStatements === false ? { text: statement.text, values: params } : { name: statement.name, text: statement.text, values: params };
    return (await database.pool.query(query)).rows as T[];
  }
  return (await database.pglite!.query<T>(statement.text, params)).rows;
}

/**
 * A prepared statement per shape (e.g. per number of photos), built on first
 * use. Building needs a database handle for drizzle's query builders; the text
 * is the same for every handle.
 */
export function preparedFamily<K extends string | number>(name: string, build: (db: Db, shape: K) => SQL): (db: Db, shape: K) => Prepared {
  const built = new Map<K, Prepared>();
  return (db, shape) => {
    let statement = built.get(shape);
    if (!statement) built.set(shape, (statement = prepare(`${name}_${shape}`, build(db, shape))));
    return statement;
  };
}
