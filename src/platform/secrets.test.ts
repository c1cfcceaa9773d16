// The instance key and the envelope (platform/secrets.ts): a malformed
// PAMONG_SECRET_KEY stops the start with a message saying what is expected;
// without it a key file is generated once in the data directory (0600) and
// read at every later start; an envelope opens only with its key and context,
// and a clear legacy value opens as it is.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { TEST_ENV } from '../../test/env.js';
import { envelopeKeyId, installSecretKey, loadSecretKey, parseSecretKey, sealedContext, secretBoxOf, SECRET_KEY_FILE, SecretKeyError, useSecretKey } from './secrets.js';

// installSecretKey makes its key the process's: the test files that run after this one in the same worker
// (isolate: false) seal and open with the suite's key again, or the demo's sealed secrets would not open there.
afterAll(() => {
  useSecretKey(parseSecretKey(TEST_ENV.PAMONG_SECRET_KEY, 'PAMONG_SECRET_KEY'));
});

it('accepts 32 bytes as hex or base64 and refuses anything else with a clear message', () => {
  const key = randomBytes(32);
  expect(parseSecretKey(key.toString('hex'), 'PAMONG_SECRET_KEY')).toEqual(key);
  expect(parseSecretKey(key.toString('base64'), 'PAMONG_SECRET_KEY')).toEqual(key);
  expect(parseSecretKey(key.toString('base64url'), 'PAMONG_SECRET_KEY')).toEqual(key);
  for (const bad of ['rahasia', key.toString('hex').slice(2), randomBytes(16).toString('base64'), `${key.toString('hex')}00`]) {
    expect(() => installSecretKey({ secretKey: bad, dataDir: tmpdir(), databaseUrl: undefined })).toThrow(/PAMONG_SECRET_KEY must be 32 random bytes/);
  }
});

it('generates the key file once in the data directory, readable by its owner only, and reads it at every later start', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'pamong-kunci-')), 'data');
  const first = loadSecretKey({ dataDir });
  expect(first.source).toBe('generated');
  const file = join(dataDir, SECRET_KEY_FILE);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const again = loadSecretKey({ dataDir });
  expect([again.source, again.key]).toEqual(['file', first.key]);
  expect(installSecretKey({ dataDir, databaseUrl: 'postgres://db/pamong' }).warning).toMatch(/set PAMONG_SECRET_KEY/);
  // The environment's key wins over the file.
  const env = randomBytes(32);
  expect(loadSecretKey({ dataDir, secretKey: env.toString('hex') })).toEqual({ key: env, source: 'env' });
  expect(readFileSync(file, 'utf8').trim()).toBe(first.key.toString('hex'));
});

it('opens an envelope only with its key and context; a clear value opens as it is', () => {
  const box = secretBoxOf(randomBytes(32));
  const sealed = box.seal('sandi rahasia', 'layanan_signers.passphrase:32.11');
  expect(sealed).toMatch(new RegExp(`^v1:${box.keyId}:`));
  expect(sealed).not.toContain('sandi');
  expect(box.seal('sandi rahasia', 'layanan_signers.passphrase:32.11')).not.toBe(sealed);
  expect(box.open(sealed, 'layanan_signers.passphrase:32.11')).toBe('sandi rahasia');
  expect([box.isSealed(sealed), box.isSealed('sandi rahasia')]).toEqual([true, false]);
  expect(box.open('sandi rahasia', 'layanan_signers.passphrase:32.11')).toBe('sandi rahasia');
  expect(() => box.open(sealed, 'layanan_signers.passphrase:32.04')).toThrow(SecretKeyError);
  const other = secretBoxOf(randomBytes(32));
  expect(() => other.open(sealed, 'layanan_signers.passphrase:32.11')).toThrow(new RegExp(`encrypted with key ${box.keyId}, but this instance's key is ${other.keyId}`));
  const parts = sealed.split(':');
  parts[4] = Buffer.from('sandi lain!!!').toString('base64');
  expect(() => box.open(parts.join(':'), 'layanan_signers.passphrase:32.11')).toThrow(/altered/);
});

it('seals bytes in the same envelope, binary-safe, and names the key of an envelope', () => {
  const box = secretBoxOf(randomBytes(32));
  const file = Buffer.concat([Buffer.from([0x30, 0x82, 0x00, 0xff]), randomBytes(300)]);
  const sealed = box.sealBytes(file, 'layanan_signers.p12:32.11');
  expect(sealed).toMatch(new RegExp(`^v1:${box.keyId}:`));
  expect(box.openBytes(sealed, 'layanan_signers.p12:32.11')).toEqual(file);
  expect(() => box.openBytes(sealed, 'layanan_signers.p12:32.04')).toThrow(/altered or copied/);
  expect(() => box.openBytes(file.toString('latin1'), 'layanan_signers.p12:32.11')).toThrow(SecretKeyError);
  // A text sealed by seal opens as its bytes (what a key rotation re-seals).
  expect(box.openBytes(box.seal('sandi', 'x.y:1'), 'x.y:1').toString('utf8')).toBe('sandi');
  expect([envelopeKeyId(sealed), envelopeKeyId('sandi')]).toEqual([box.keyId, null]);
  expect(sealedContext('layanan_signers', 'p12', '32.11')).toBe('layanan_signers.p12:32.11');
});
