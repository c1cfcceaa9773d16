// `pamong serve` as a person starts it: readable lines at a terminal, JSON for
// collectors, and a clear refusal when the installation is broken; and
// `pamong rotate-secret-key` on a copy of the demo, on both engines.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, sql, type Database } from '../src/platform/db/client.js';
import { parseSecretKey, secretBoxOf, useSecretKey } from '../src/platform/secrets.js';
import { newSecretKey, rotateSealedValues, writeNewKeyFile } from '../src/platform/secret-rotation.js';
import { regionSigner } from '../src/modules/layanan/index.js';
import { TEST_START } from './clock.js';
import { engines } from './harness.js';
import { withDatabase } from './global-setup.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'pamong-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the server, makes a few requests, stops it with SIGTERM and returns what it printed. */
async function serveAndRequest(logFormat: 'pretty' | 'json'): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PAMONG_DATA_DIR: dataDir, PAMONG_DEMO: 'false', PAMONG_WORKERS: 'false', LOG_FORMAT: logFormat, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  for (let i = 0; i < 240 && !/Pamong berjalan/.test(output); i++) await new Promise((r) => setTimeout(r, 250));
  for (const path of ['/healthz', '/api/regions', '/tidak-ada']) await fetch(`http://127.0.0.1:${port}${path}`);
  await new Promise((r) => setTimeout(r, 300));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  return output;
}

describe('pamong serve output', () => {
  it('a terminal gets readable lines and the sign-in banner, not one JSON line per request', async () => {
    const out = await serveAndRequest('pretty');
    expect(out).toContain('Pamong berjalan di / is running at');
    expect(out).not.toMatch(/^\{"level"/m);
    expect(out).not.toContain('incoming request');
  }, 120_000);

  it('production logs stay JSON, one line per request', async () => {
    const out = await serveAndRequest('json');
    const lines = out.split('\n').filter((l) => l.startsWith('{'));
    const entries = lines.map((l) => JSON.parse(l));
    const requests = entries.filter((l) => l.msg === 'request completed');
    expect(requests.length).toBeGreaterThanOrEqual(3);
    expect(entries.filter((l) => l.msg === 'incoming request')).toEqual([]);
    expect(requests.find((r) => r.req.url === '/api/regions')).toMatchObject({ req: { method: 'GET' }, res: { statusCode: 200 }, responseTime: expect.any(Number) });
  }, 120_000);
});

// `pamong rotate-secret-key` as an operator runs it, on a copy of the demo
// (its region signer's PKCS#12 file and passphrase, its QRIS callback key).
describe.each(engines)('pamong rotate-secret-key [%s]', (engine) => {
  const oldKey = parseSecretKey(process.env.PAMONG_SECRET_KEY!, 'PAMONG_SECRET_KEY');
  const oldId = secretBoxOf(oldKey).keyId;
  const dir = mkdtempSync(join(tmpdir(), 'pamong-rotasi-'));
  const newKeyFile = join(dir, 'kunci-baru.key');
  let env: Record<string, string>;
  let database: Database;
  /** The PostgreSQL copy this file makes of the demo template (none on PGlite): dropped at the end, or every run would leave one. */
  let copyName: string | null = null;
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
    if (copyName) {
      const admin = new pg.Client({ connectionString: process.env.PAMONG_TEST_DATABASE_URL! });
      await admin.connect();
      await admin.query(`drop database if exists ${copyName} with (force)`).finally(() => admin.end());
    }
  });

  beforeAll(async () => {
    if (engine === 'pglite') {
      const copy = await openDatabase({ dataDir: join(dir, 'data'), loadDataDir: new Blob([readFileSync(inject('pgliteTemplates').demo)]) });
      await copy.close();
      env = { PAMONG_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
    } else {
      const url = process.env.PAMONG_TEST_DATABASE_URL!;
      const name = `pamong_rotasi_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name} template ${inject('postgresTemplates')!.demo}`);
      await admin.end();
      copyName = name;
      env = { PAMONG_DATA_DIR: join(dir, 'data'), DATABASE_URL: withDatabase(url, name) };
    }
  }, 60_000);

  /** Runs the command as a separate process (the embedded database opens in one process at a time). */
  async function pamong(args: string[], extra: Record<string, string> = {}) {
    await database?.close();
    database = undefined as unknown as Database;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: root, env: { ...process.env, PAMONG_NEW_SECRET_KEY: '', ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    return { code, out };
  }
  const open = async () => (database ??= await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL, poolSize: 2 } : { dataDir: env.PAMONG_DATA_DIR }));
  /** Every sealed value as stored, the certificate file's bytes as text. */
  const stored = async () => (await open()).rows<{ name: string; value: string }>(sql`
    select 'passphrase:' || region_code as name, passphrase as value from layanan_signers where passphrase is not null
    union all select 'p12:' || region_code, convert_from(p12, 'LATIN1') from layanan_signers where p12 is not null
    union all select 'secret:' || region_code || ':' || provider, secret from layanan_payment_channels where secret is not null
    order by 1`);
  const keyIds = async () => [...new Set((await stored()).map((r) => r.value.split(':')[1]))];

  it('refuses a wrong current key, and a value that does not open, writing nothing', async () => {
    const before = await stored();
    expect(before.map((r) => r.name)).toEqual(expect.arrayContaining(['p12:32.11', 'passphrase:32.11', 'secret:32.11:qris']));
    expect(await keyIds()).toEqual([oldId]);
    const newBox = secretBoxOf(randomBytes(32));

    // In this process (a start of the command each costs seconds): the command runs the same function.
    const wrong = secretBoxOf(randomBytes(32));
    const generated = newSecretKey(undefined, newKeyFile);
    await expect(rotateSealedValues(await open(), wrong, generated.box, { beforeCommit: () => writeNewKeyFile(generated) }))
      .rejects.toThrow(new RegExp(`disegel dengan kunci ${oldId}, bukan kunci sekarang .*nothing was changed`));
    expect(existsSync(newKeyFile)).toBe(false);
    expect(await stored()).toEqual(before);

    // Failure midway: the callback key (re-sealed after the signer's values) was altered.
    const [, , iv, tag] = before.find((r) => r.name === 'secret:32.11:qris')!.value.split(':');
    const altered = ['v1', oldId, iv, tag, Buffer.from('kunci lain').toString('base64')].join(':');
    await (await open()).db.execute(sql`update layanan_payment_channels set secret = ${altered} where region_code = '32.11' and provider = 'qris'`);
    await expect(rotateSealedValues(await open(), secretBoxOf(oldKey), newBox)).rejects.toThrow(/layanan_payment_channels\.secret:32\.11.*altered/);
    expect(await stored()).toEqual(before.map((r) => (r.name === 'secret:32.11:qris' ? { ...r, value: altered } : r)));
    await (await open()).db.execute(sql`update layanan_payment_channels set secret = ${before.find((r) => r.name === 'secret:32.11:qris')!.value} where region_code = '32.11' and provider = 'qris'`);
  }, 120_000);

  it('re-seals every value under a new key written to a 0600 file, once; the instance then signs with the new key only', async () => {
    const before = await stored();
    const count = (prefix: string) => before.filter((r) => r.name.startsWith(prefix)).length;
    const run = await pamong(['rotate-secret-key', '--new-key-file', newKeyFile]);
    expect(run.code, run.out).toBe(0);
    expect(statSync(newKeyFile).mode & 0o777).toBe(0o600);
    const newKey = parseSecretKey(readFileSync(newKeyFile, 'utf8'), 'new');
    const newId = secretBoxOf(newKey).keyId;
    expect(run.out).toContain(`${oldId} -> kunci baru / new key ${newId}`);
    expect(run.out).toContain(`layanan_signers.passphrase: ${count('passphrase:')} disegel ulang`);
    expect(run.out).toContain(`layanan_signers.p12: ${count('p12:')} disegel ulang`);
    expect(run.out).toContain(`layanan_payment_channels.secret: ${count('secret:')} disegel ulang`);
    expect(await keyIds()).toEqual([newId]);
    const p12 = (await (await open()).rows<{ p12: Buffer }>(sql`select p12 from layanan_signers where region_code = '32.11'`))[0].p12;
    expect(Buffer.from(p12).toString('latin1')).toMatch(new RegExp(`^v1:${newId}:`));

    // Twice (the key file now exists, so a second run takes its key): the values already under the new key are left.
    const again = await rotateSealedValues(await open(), secretBoxOf(oldKey), newSecretKey(undefined, newKeyFile).box);
    expect(again.find((r) => r.column === 'layanan_signers.passphrase')).toEqual({ column: 'layanan_signers.passphrase', resealed: 0, already: count('passphrase:') });
    expect(again.reduce((n, r) => n + r.resealed, 0)).toBe(0);

    // Under the old key the signer does not open, with the error naming both keys; under the new one it does.
    const db = (await open()).db;
    useSecretKey(oldKey);
    await expect(regionSigner(db, '32.11', TEST_START)).rejects.toThrow(new RegExp(`encrypted with key ${newId}, but this instance's key is ${oldId}`));
    useSecretKey(newKey);
    try {
      expect((await regionSigner(db, '32.11', TEST_START))?.name).toBe('local');
    } finally {
      useSecretKey(oldKey);
    }
  }, 180_000);
});
