// The pamong command: serve | worker | migrate | seed-demo | create-admin | create-api-key | backup | restore | rotate-secret-key, and each module's commands
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from './platform/config.js';
import { loggerOptions, logsRequests } from './platform/logging.js';
import { openContext } from './platform/bootstrap.js';
import { openReplica } from './platform/db/replica.js';
import { MissingReferenceData } from './platform/reference.js';
import { startWorker } from './platform/worker.js';
import { buildServer } from './server.js';
import { modules } from './platform/modules/registry.js';
import { createApiKey, createUser } from './platform/auth/service.js';
import { anonymousActor } from './platform/auth/policy.js';
import { backupRegion, restoreRegion } from './platform/backup.js';
import { listEnabledRegions } from './platform/regions/service.js';
import { switchOnRegion } from './platform/regions/admin.js';
import { DEMO_API_KEY, DEMO_PASSWORD, DEMO_REGION, demoAccounts, seedDemo } from './demo/seed.js';
import { seedShowcase, showcaseAccounts } from './demo/showcase.js';
import { citusDdl, readSchemaShape } from './platform/db/distribution.js';
import { SecretKeyError, secretBox } from './platform/secrets.js';
import { newSecretKey, rotateSealedValues, writeNewKeyFile } from './platform/secret-rotation.js';

const usage = `Pemakaian / usage: pamong <perintah> [opsi]
  serve                      jalankan server web + pekerja latar / run the web server and workers
  worker                     hanya pekerja latar (eskalasi SLA, email) / background workers only
  migrate                    terapkan migrasi / apply migrations
  seed-demo                  isi data demo (Sumedang dan empat daerah Jawa Barat) / seed the demo regions
  enable-region --region KODE                     aktifkan daerah / switch a region on
  create-admin --email E --name N --password P    buat admin platform / create a platform admin
  create-api-key --region KODE --name N           buat kunci API / create an API key
  backup --region KODE [--out FILE]               cadangkan data daerah / back up a region's data (export: the same)
  restore [--in FILE] [--replace]                 pulihkan data daerah / restore a region from a backup
  rotate-secret-key --new-key-file FILE           ganti kunci instans: kunci baru dibuat di FILE (0600), semua rahasia
                                                  tersimpan disegel ulang dalam satu transaksi; lalu jalankan ulang dengan
                                                  kunci baru (atau kunci dari PAMONG_NEW_SECRET_KEY) / change the instance key:
                                                  a new key written to FILE (0600), every stored secret re-sealed in one
                                                  transaction; then restart with the new key (or take it from PAMONG_NEW_SECRET_KEY)
  citus-ddl                  perintah SQL untuk Citus (dibagi per daerah) / the SQL that distributes the schema on Citus`;

const log = pino(loggerOptions(loadConfig()));

async function main() {
  const commands = modules().flatMap((m) => m.commands ?? []);
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, region: { type: 'string' }, out: { type: 'string' },
      in: { type: 'string' }, replace: { type: 'boolean' }, 'new-key-file': { type: 'string' },
      ...Object.fromEntries(commands.flatMap((c) => Object.entries(c.options ?? {}))),
    },
  });
  const command = positionals[0];
  const config = loadConfig();
  if (!command || command === 'help') return console.log([usage, ...commands.map((c) => `  ${c.usage}`)].join('\n'));
  // The new key is checked before anything opens the database.
  const newKey = command === 'rotate-secret-key' ? newSecretKey(process.env.PAMONG_NEW_SECRET_KEY || undefined, values['new-key-file'] as string | undefined) : null;
  const ctx = await openContext(config);
  const need = (v: string | undefined, name: string) => {
    if (!v) throw new Error(`--${name} wajib / is required`);
    return v;
  };
  switch (command) {
    case 'migrate':
      console.log('Migrasi selesai / migrations applied');
      break;
    case 'seed-demo': {
      const seeded = [await seedDemo(ctx), await seedShowcase(ctx)].some(Boolean);
      console.log(seeded ? 'Data demo dibuat / demo seeded' : 'Data demo sudah ada / demo already present');
      break;
    }
    case 'enable-region': {
      const region = await switchOnRegion(ctx, { ...anonymousActor, name: 'cli' }, need(values.region, 'region'));
      console.log(`${region.name} (${region.code}) aktif / enabled`);
      break;
    }
    case 'create-admin':
      await createUser(ctx.database.db, { email: need(values.email, 'email'), name: need(values.name, 'name'), password: need(values.password, 'password'), platformAdmin: true });
      console.log('Admin platform dibuat / platform admin created');
      break;
    case 'create-api-key': {
      const { key } = await createApiKey(ctx, { ...anonymousActor, name: 'cli' }, need(values.region, 'region'), need(values.name, 'name'));
      console.log(key);
      break;
    }
    case 'backup':
    case 'export': {
      const out = values.out ? createWriteStream(values.out) : process.stdout;
      const rows = await backupRegion(ctx, need(values.region, 'region'), async (line) => {
        if (!out.write(line)) await once(out, 'drain');
      });
      if (values.out) await new Promise<void>((resolve) => out.end(() => resolve()));
      const total = Object.values(rows).reduce((a, b) => a + b, 0);
      console.error(`Cadangan ${values.region} selesai / backup done: ${total} baris / rows${values.out ? ` -> ${values.out}` : ''}`);
      break;
    }
    case 'restore': {
      const lines = createInterface({ input: values.in ? createReadStream(values.in) : process.stdin, crlfDelay: Infinity });
      const { region, rows } = await restoreRegion(ctx, lines, { replace: values.replace });
      const total = Object.values(rows).reduce((a, b) => a + b, 0);
      console.log(`Daerah ${region} dipulihkan / region restored: ${total} baris / rows`);
      break;
    }
    case 'rotate-secret-key': {
      const key = newKey!;
      const from = secretBox();
      const rotated = await rotateSealedValues(ctx.database, from, key.box, { beforeCommit: () => writeNewKeyFile(key) });
      const source = key.file ? `${key.generated ? 'dibuat di / written to' : 'dari / from'} ${key.file}` : 'dari / from PAMONG_NEW_SECRET_KEY';
      console.log(`Kunci lama / old key ${from.keyId} -> kunci baru / new key ${key.box.keyId} (${source})`);
      for (const r of rotated) console.log(`  ${r.column}: ${r.resealed} disegel ulang / re-sealed, ${r.already} sudah dengan kunci baru / already under the new key`);
      const total = rotated.reduce((a, r) => a + r.resealed, 0);
      console.log(`Jumlah / total: ${total} nilai disegel ulang / values re-sealed.
Jalankan ulang Pamong dengan kunci baru (PAMONG_SECRET_KEY atau secret.key di folder data); dengan kunci lama rahasia tersimpan tidak terbuka.
Restart Pamong with the new key (PAMONG_SECRET_KEY or secret.key in the data folder); with the old key the stored secrets do not open.`);
      break;
    }
    case 'citus-ddl':
      process.stdout.write(citusDdl(await readSchemaShape(ctx.database)));
      break;
    case 'worker': {
      const worker = startWorker(ctx, log);
      log.info('worker started');
      await onSignal(async () => {
        await worker.stop();
      });
      break;
    }
    case 'serve':
      return serve(ctx);
    default: {
      const moduleCommand = commands.find((c) => c.name === command);
      if (moduleCommand) {
        console.log(await moduleCommand.run(ctx, values));
        break;
      }
      console.error(usage);
      process.exitCode = 2;
    }
  }
  if (command !== 'serve') await ctx.database.close();
}

async function serve(ctx: Awaited<ReturnType<typeof openContext>>) {
  const config = ctx.config;
  // First start: the demo region, then the showcase (a year of complaints, more regions, SPBE history) in one more transaction.
  const seeded = process.env.PAMONG_DEMO === 'false' || (await listEnabledRegions(ctx.database.db)).length > 0 ? false : await seedDemo(ctx);
  if (seeded) await seedShowcase(ctx);
  if (config.databaseReplicaUrl && ctx.database.kind === 'postgres') ctx.replica = await openReplica(ctx.database, config.databaseReplicaUrl, config.replicaMaxLagMs, log);
  const app = await buildServer(ctx, { logger: loggerOptions(config), requestLogging: logsRequests(config) });
  await app.listen({ port: config.port, host: config.host });
  const worker = config.workers ? startWorker(ctx, app.log) : null;
  const regions = await listEnabledRegions(ctx.database.db);
  const demo = regions.some((r) => r.code === DEMO_REGION);
  console.log(`
  Pamong berjalan di / is running at ${config.publicUrl}
  Basis data / database: ${ctx.database.kind === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}${seeded ? ' — data demo baru dibuat / demo data seeded' : ''}
  Dokumentasi API / API docs: ${config.publicUrl}/api/docs   Open311: ${config.publicUrl}/open311/v2/discovery.json`);
  if (demo) {
    console.log(`
  Warga / citizens:    ${config.publicUrl}/r/${DEMO_REGION}
  Petugas / staff:     ${config.publicUrl}/masuk  (kata sandi / password: ${DEMO_PASSWORD})`);
    for (const a of demoAccounts) console.log(`    ${a.email.padEnd(30)} ${a.role}${a.unit ? ` (${a.unit})` : ''} — ${a.region}`);
    const others = showcaseAccounts.filter((a) => regions.some((r) => r.code === a.region));
    if (others.length > 0) {
      console.log(`  Daerah lain di demo / other demo regions: ${regions.filter((r) => others.some((a) => a.region === r.code)).map((r) => `${r.name} (${r.code})`).join(', ')}`);
      for (const a of others) console.log(`    ${a.email.padEnd(30)} ${a.role} — ${a.region}`);
    }
    console.log(`  Kunci API Open311 demo / demo Open311 api_key: ${DEMO_API_KEY} (jurisdiction_id=${DEMO_REGION})\n`);
  }
  await onSignal(async () => {
    // Stop taking requests, let in-flight ones finish, then stop workers.
    await app.close();
    await worker?.stop();
  });
  await ctx.replica?.close();
  await ctx.database.close();
}

function onSignal(cleanup: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const handler = (signal: string) => {
      log.info({ signal }, 'shutting down');
      cleanup().then(resolve, (err) => {
        log.error({ err }, 'shutdown failed');
        resolve();
      });
    };
    process.once('SIGTERM', handler);
    process.once('SIGINT', handler);
  });
}

main().catch((err) => {
  // A broken installation is told plainly, not as a log line to decode.
  if (err instanceof MissingReferenceData || err instanceof SecretKeyError) {
    console.error(`\n  ${err.message.replace(/\n/g, '\n  ')}\n`);
    process.exit(1);
  }
  log.error({ err: { message: err.message, code: err.code } }, 'pamong failed');
  process.exit(1);
});
