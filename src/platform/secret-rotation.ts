// `pamong rotate-secret-key`: every value sealed with the instance key
// (platform/secrets.ts) re-sealed under a new key, in one transaction, all or
// nothing. The columns are those the modules declare (`sealedColumns`, module
// contract); each value is bound to `table.column:region_code`.
//
// A value already under the new key is left (a second run after a first that
// committed changes nothing); a clear value from before encryption is sealed
// under the new key; a value under any key other than the current and the new
// one, or one that does not open (altered), refuses the whole rotation:
// nothing is written. The tables are locked against writes for the
// transaction, so a running instance cannot seal a new value under the old key
// meanwhile (it waits; it must be restarted with the new key anyway).
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from './db/client.js';
import { queryRows } from './db/client.js';
import type { SealedColumn } from './modules/contract.js';
import { modules } from './modules/registry.js';
import { envelopeKeyId, parseSecretKey, sealedContext, SecretKeyError, secretBoxOf, type SecretBox } from './secrets.js';

/** Every column the installed modules declare as sealed. */
export const sealedColumns = (): SealedColumn[] => modules().flatMap((m) => m.sealedColumns ?? []);

export interface ColumnRotation { column: string; resealed: number; already: number }

/**
 * Re-seals every value of `columns` from the key `from` to the key `to` in one
 * transaction; `beforeCommit` runs last inside it (the CLI writes the new key
 * file there: a failure rolls everything back). Throws SecretKeyError, having
 * written nothing, when a value is under another key or does not open.
 */
export async function rotateSealedValues(database: Database, from: SecretBox, to: SecretBox,
  opts: { columns?: SealedColumn[]; beforeCommit?: () => Promise<void> | void } = {}): Promise<ColumnRotation[]> {
  const columns = opts.columns ?? sealedColumns();
  return database.db.transaction(async (tx) => {
    for (const table of [...new Set(columns.map((c) => c.table))].sort()) await tx.execute(sql`lock table ${sql.identifier(table)} in exclusive mode`);
    const result: ColumnRotation[] = [];
    for (const c of columns) result.push(await rotateColumn(tx, c, from, to));
    await opts.beforeCommit?.();
    return result;
  });
}

async function rotateColumn(tx: Tx, c: SealedColumn, from: SecretBox, to: SecretBox): Promise<ColumnRotation> {
  const table = sql.identifier(c.table);
  const column = sql.identifier(c.column);
  const name = `${c.table}.${c.column}`;
  const rows = await queryRows<{ region: string; value: string }>(tx, c.bytes
    ? sql`select region_code as region, encode(${column}, 'base64') as value from ${table} where ${column} is not null order by region_code`
    : sql`select region_code as region, ${column} as value from ${table} where ${column} is not null order by region_code`);
  let resealed = 0;
  let already = 0;
  for (const row of rows) {
    const stored = c.bytes ? Buffer.from(row.value, 'base64') : Buffer.from(row.value, 'utf8');
    // An envelope is ASCII: latin1 reads it as it is and leaves any other bytes unmatched.
    const text = stored.toString('latin1');
    const id = envelopeKeyId(text);
    if (id === to.keyId) {
      already += 1;
      continue;
    }
    if (id !== null && id !== from.keyId) {
      throw new SecretKeyError(`Nilai tersimpan ${name} (daerah ${row.region}) disegel dengan kunci ${id}, bukan kunci sekarang ${from.keyId} `
        + `maupun kunci baru ${to.keyId}: tidak ada yang diubah. / A stored value ${name} (region ${row.region}) is sealed with key ${id}, `
        + `neither the current key ${from.keyId} nor the new key ${to.keyId}: nothing was changed. Run with the PAMONG_SECRET_KEY the database was written with.`);
    }
    const context = sealedContext(c.table, c.column, row.region);
    const plain = id === null ? stored : from.openBytes(text, context);
    const sealed = to.sealBytes(plain, context);
    const changed = await queryRows(tx, c.bytes
      ? sql`update ${table} set ${column} = convert_to(${sealed}, 'UTF8') where region_code = ${row.region} and ${column} = decode(${row.value}, 'base64') returning 1 as one`
      : sql`update ${table} set ${column} = ${sealed} where region_code = ${row.region} and ${column} = ${row.value} returning 1 as one`);
    resealed += changed.length;
  }
  return { column: name, resealed, already };
}

export interface NewKey { box: SecretBox; key: Buffer; file: string | null; generated: boolean }

/**
 * The key to rotate to: PAMONG_NEW_SECRET_KEY, or the key in `file` when it
 * exists (a rerun, or one made with `openssl rand -hex 32`), or else a new
 * random key to be written to `file` by `writeNewKeyFile` (not before the
 * rotation is about to commit).
 */
export function newSecretKey(env: string | undefined, file: string | undefined): NewKey {
  if (env && file) throw new SecretKeyError('Berikan kunci baru lewat PAMONG_NEW_SECRET_KEY atau --new-key-file, tidak keduanya. / Give the new key through PAMONG_NEW_SECRET_KEY or --new-key-file, not both.');
  if (env) {
    const key = parseSecretKey(env, 'PAMONG_NEW_SECRET_KEY');
    return { box: secretBoxOf(key), key, file: null, generated: false };
  }
  if (!file) throw new SecretKeyError('--new-key-file BERKAS wajib (kunci baru dibuat di sana), atau PAMONG_NEW_SECRET_KEY. / --new-key-file FILE is required (the new key is written there), or PAMONG_NEW_SECRET_KEY.');
  if (existsSync(file)) {
    const key = parseSecretKey(readFileSync(file, 'utf8'), `The key file ${file}`);
    return { box: secretBoxOf(key), key, file, generated: false };
  }
  const key = randomBytes(32);
  return { box: secretBoxOf(key), key, file, generated: true };
}

/** Writes a generated key to its file, readable by its owner only, on disk before returning; refuses a file that appeared meanwhile. */
export function writeNewKeyFile(newKey: NewKey): void {
  if (!newKey.generated || !newKey.file) return;
  const fd = openSync(newKey.file, 'wx', 0o600);
  try {
    writeSync(fd, `${newKey.key.toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
