// Configuration from the environment, read once at start.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  /**
   * Behind PgBouncer in transaction mode (DATABASE_URL is the pooler): the
   * PostgreSQL server itself, for the migrations at start, which hold a
   * session lock so that only one instance migrates.
   */
  databaseDirectUrl?: string;
  /** A streaming replica for reads that may be a few seconds old (dashboards, public lists, Open311 GET). */
  databaseReplicaUrl?: string;
  /** How far behind the replica may be before those reads go to the primary. */
  replicaMaxLagMs: number;
  /** Named prepared statements (parsed once per connection); off behind a pooler that cannot keep them (PgBouncer < 1.21 in transaction mode). */
  namedStatements: boolean;
  dataDir: string;
  /** PAMONG_SECRET_KEY: the master key that encrypts stored secrets (platform/secrets.ts); unset, a key file in the data directory. */
  secretKey?: string;
  publicUrl: string;
  smtp: { host: string; port: number; secure: boolean; user?: string; pass?: string; from: string } | null;
  secureCookies: boolean;
  logLevel: string;
  /** `json` for collectors (the default when output is not a terminal), `pretty` for a person at a terminal. */
  logFormat: 'json' | 'pretty';
  workers: boolean;
  /** Trust X-Forwarded-For from a reverse proxy (only behind one: it decides the client address for rate limits). */
  trustProxy: boolean;
  /** Anonymous complaints accepted per minute from one address. */
  intakePerMinute: number;
  /** Failed sign-ins one address may make in 15 minutes, whatever the accounts (password spraying). */
  signInFailuresPerAddress: number;
  /** argon2id's cost for new password hashes (4 lanes); a stored hash keeps the cost it was made with. */
  passwordCost: { memoryKib: number; passes: number };
  /** Parse every JSON answer with its zod schema before sending it (tests; slower): a drifting answer fails instead of being coerced. */
  checkResponses: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '0.0.0.0';
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseDirectUrl: env.DATABASE_DIRECT_URL || undefined,
    namedStatements: env.DATABASE_NAMED_STATEMENTS !== 'false',
    databaseReplicaUrl: env.DATABASE_REPLICA_URL || undefined,
    replicaMaxLagMs: Number(env.DATABASE_REPLICA_MAX_LAG ?? 10) * 1000,
    dataDir: resolve(env.PAMONG_DATA_DIR ?? './data'),
    secretKey: env.PAMONG_SECRET_KEY || undefined,
    publicUrl: (env.PAMONG_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    smtp: env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: Number(env.SMTP_PORT ?? 587),
          secure: env.SMTP_SECURE === 'true',
          user: env.SMTP_USER || undefined,
          pass: env.SMTP_PASS || undefined,
          from: env.SMTP_FROM ?? 'Pamong <no-reply@pamong.local>',
        }
      : null,
    secureCookies: env.PAMONG_SECURE_COOKIES ? env.PAMONG_SECURE_COOKIES === 'true' : (env.PAMONG_PUBLIC_URL ?? '').startsWith('https:'),
    logLevel: env.LOG_LEVEL ?? 'info',
    logFormat: env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'pretty' ? env.LOG_FORMAT : process.stdout.isTTY ? 'pretty' : 'json',
    workers: env.PAMONG_WORKERS !== 'false',
    intakePerMinute: Number(env.PAMONG_INTAKE_PER_MINUTE ?? 20),
    signInFailuresPerAddress: Number(env.PAMONG_SIGN_IN_FAILURES_PER_ADDRESS ?? 30),
    trustProxy: env.PAMONG_TRUST_PROXY === 'true',
    // node-argon2's defaults, above OWASP's minimum for argon2id (19 MiB, 2 passes).
    passwordCost: { memoryKib: whole(env, 'PAMONG_PASSWORD_MEMORY_KIB', 65_536, 1_024, 4_194_304), passes: whole(env, 'PAMONG_PASSWORD_PASSES', 3, 1, 20) },
    checkResponses: env.PAMONG_CHECK_RESPONSES ? env.PAMONG_CHECK_RESPONSES === 'true' : env.NODE_ENV === 'test',
  };
}

/** A whole number setting within bounds; anything else stops the start with the variable named. */
function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} harus bilangan bulat ${min}–${max} / must be a whole number from ${min} to ${max} (got "${raw}")`);
  return n;
}
