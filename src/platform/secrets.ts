// Secrets a module keeps for later use (a signer's passphrase, a remote
// signing service's client secret, a bank's callback key), encrypted at rest
// with the instance's master key: AES-256-GCM (node:crypto), each value in a
// versioned envelope `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64), bound to
// what it is (additional data such as `layanan_signers.passphrase:32.11`, so a
// value copied into another row or column does not open).
//
// The key: PAMONG_SECRET_KEY (32 bytes, hex or base64), or else the key file
// `secret.key` in the data directory (PAMONG_DATA_DIR), generated once with
// mode 0600, so `npm start` works with no setup. A malformed key stops the
// start with a clear message. The key id (the first 8 hex digits of the key's
// SHA-256) names the key in every envelope, so a value sealed with another key
// fails with a message that says so, never silently, and a later rotation can
// tell old values from new. Values written before encryption (clear text, no
// envelope) still open: the owning module rewrites them sealed. Bytes (a
// PKCS#12 file) are sealed in the same envelope (sealBytes / openBytes).
// `pamong rotate-secret-key` (secret-rotation.ts) re-seals every value a
// module declares (its `sealedColumns`) under a new key.
//
// The key must be backed up with the database: a backup restored on an
// instance with another key cannot open these values.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type Config } from './config.js';

export const SECRET_KEY_FILE = 'secret.key';

/** What a sealed value is bound to: its table, column and region (`layanan_signers.passphrase:32.11`). */
export const sealedContext = (table: string, column: string, regionCode: string) => `${table}.${column}:${regionCode}`;

/** The key id an envelope names, or null when the value is not one. */
export function envelopeKeyId(stored: string): string | null {
  return ENVELOPE.exec(stored)?.[1] ?? null;
}
const VERSION = 'v1';
const B64 = '[A-Za-z0-9+/]*={0,2}';
const ENVELOPE = new RegExp(`^${VERSION}:([0-9a-f]{8}):(${B64}):(${B64}):(${B64})$`);

/** A value that cannot be opened with this instance's key (another key, or altered). */
export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretKeyError';
  }
}

export interface SecretBox {
  /** The key's id as envelopes name it. */
  readonly keyId: string;
  /** The value encrypted, bound to `context` (which table, column and row it belongs to). */
  seal(plain: string, context: string): string;
  /** The clear value of an envelope sealed under the same context, or a legacy clear value as it is; SecretKeyError when another key sealed it or it was altered. */
  open(stored: string, context: string): string;
  /** Bytes (a certificate file) sealed in the same envelope: the ciphertext is of the bytes themselves. */
  sealBytes(plain: Buffer, context: string): string;
  /** The bytes an envelope holds (sealed by `seal` or `sealBytes`); SecretKeyError as `open`. Not for legacy clear values: check `isSealed` first. */
  openBytes(stored: string, context: string): Buffer;
  /** Whether a stored value is an envelope (false: legacy clear text to rewrite). */
  isSealed(stored: string): boolean;
}

export function secretBoxOf(key: Buffer): SecretBox {
  if (key.length !== 32) throw new SecretKeyError(`The secret key must be 32 bytes, not ${key.length}.`);
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  const seal = (plain: Buffer, context: string) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plain), cipher.final()]);
    return [VERSION, keyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
  };
  const open = (m: RegExpExecArray, context: string) => {
    const [, id, iv, tag, data] = m;
    if (id !== keyId) {
      throw new SecretKeyError(`A stored secret (${context}) was encrypted with key ${id}, but this instance's key is ${keyId}: `
        + 'start with the PAMONG_SECRET_KEY (or data-directory secret.key) the database was written with.');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]);
    } catch {
      throw new SecretKeyError(`A stored secret (${context}) does not open with key ${keyId}: it was altered or copied from another record.`);
    }
  };
  return {
    keyId,
    seal: (plain, context) => seal(Buffer.from(plain, 'utf8'), context),
    sealBytes: seal,
    open(stored, context) {
      const m = ENVELOPE.exec(stored);
      return m ? open(m, context).toString('utf8') : stored;
    },
    openBytes(stored, context) {
      const m = ENVELOPE.exec(stored);
      if (!m) throw new SecretKeyError(`A stored secret (${context}) is not a sealed value.`);
      return open(m, context);
    },
    isSealed: (stored) => ENVELOPE.test(stored),
  };
}

/** 32 bytes from 64 hex digits or base64 (standard or URL-safe); SecretKeyError otherwise. */
export function parseSecretKey(text: string, source: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(t) ? Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
      : null;
  if (!key || key.length !== 32) {
    throw new SecretKeyError(`${source} must be 32 random bytes as 64 hex digits or base64 (e.g. \`openssl rand -hex 32\`); the value given is not.`);
  }
  return key;
}

export interface KeySource { key: Buffer; source: 'env' | 'file' | 'generated'; file?: string }

/**
 * The instance's master key: PAMONG_SECRET_KEY, else the data directory's
 * key file, else a new key written there (exclusively: two processes starting
 * at once end up with the same file).
 */
export function loadSecretKey(config: Pick<Config, 'secretKey' | 'dataDir'>): KeySource {
  if (config.secretKey !== undefined) return { key: parseSecretKey(config.secretKey, 'PAMONG_SECRET_KEY'), source: 'env' };
  const file = join(config.dataDir, SECRET_KEY_FILE);
  const read = () => parseSecretKey(readFileSync(file, 'utf8'), `The key file ${file}`);
  try {
    return { key: read(), source: 'file', file };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(config.dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return { key: read(), source: 'file', file };
  }
  return { key: read(), source: 'generated', file };
}

let installed: SecretBox | null = null;

/** Makes `key` the instance's key for every later seal and open (at start; tests use it to change keys). */
export function useSecretKey(key: Buffer): SecretBox {
  installed = secretBoxOf(key);
  return installed;
}

/**
 * Loads the key as the configuration says and installs it; returns a warning
 * to log when the key was generated or comes from a file while the database is
 * a server's (the key then lives on this machine only).
 */
export function installSecretKey(config: Pick<Config, 'secretKey' | 'dataDir' | 'databaseUrl'>): { box: SecretBox; warning: string | null } {
  const loaded = loadSecretKey(config);
  const box = useSecretKey(loaded.key);
  const warning = loaded.source === 'generated'
    ? `Generated a new secret key in ${loaded.file} (key ${box.keyId}): back it up with the database, or set PAMONG_SECRET_KEY.`
    : loaded.source === 'file' && config.databaseUrl
      ? `The secret key comes from ${loaded.file} (key ${box.keyId}), on this machine only: set PAMONG_SECRET_KEY on every instance that shares the database.`
      : null;
  return { box, warning };
}

/**
 * The installed key; when nothing installed one (a script or a test that did
 * not go through openContext), the one the environment configures.
 */
export function secretBox(): SecretBox {
  return installed ?? installSecretKey(loadConfig(process.env)).box;
}
