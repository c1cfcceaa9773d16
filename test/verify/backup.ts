// Backup and restore: a region with real activity (complaints with photos and
// a whole workflow, admin changes, SPBE evaluation with evidence files) is
// backed up with `pamong backup`, restored with `pamong restore` into a new
// database and over itself, and compared row for row.
import '../../src/modules/registry.js'; // installs the modules
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/platform/db/client.js';
import { columnsOf, regionTables, sharedTables } from '../../src/platform/backup.js';
import { freshDatabase, root, startPamong, type BenchDatabase } from '../../bench/support.js';
import { sampleCategory, signIn } from '../../bench/memory.js';
import { check, type Check } from './report.js';

const run = promisify(execFile);
const REGION = '32.11';
// The smallest PNG: one transparent pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** Runs the command line; a failure says what the command printed, not only that it failed. */
const pamong = (db: BenchDatabase, args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env: { ...process.env, ...db.env, LOG_LEVEL: 'warn' }, maxBuffer: 64 * 1024 * 1024 })
  .catch((err: Error & { stdout?: string; stderr?: string }) => {
    const said = `${err.stdout ?? ''}\n${err.stderr ?? ''}`.trim();
    throw new Error(`pamong ${args.join(' ')}: ${said.split('\n').slice(-5).join(' | ') || err.message}`);
  });

/**
 * The region's rows, table by table, as PostgreSQL prints them; a declared
 * reference to a shared row reads as that row's natural key (a person's email,
 * framework@version), since a restore into another database may point it at its own rows.
 */
async function regionFingerprint(database: Database): Promise<Record<string, { rows: number; hash: string }>> {
  const out: Record<string, { rows: number; hash: string }> = {};
  const shared = sharedTables();
  for (const table of regionTables()) {
    const fields = columnsOf(table).map((c) => {
      const col = `t."${c}"`;
      const to = shared.find((s) => s.pointers.some((p) => p.table === table && p.column === c));
      if (to) return `'${c}', (select concat_ws('@', ${to.naturalKey.map((k) => `s."${k}"`).join(', ')}) from "${to.table}" s where s."${to.key}" = ${col})`;
      return `'${c}', ${col}`;
    });
    // json_build_object takes at most 100 arguments: wide tables are built in pieces.
    const pieces: string[] = [];
    for (let i = 0; i < fields.length; i += 40) pieces.push(`json_build_object(${fields.slice(i, i + 40).join(', ')})::text`);
    const [row] = await database.rows<{ rows: number; hash: string }>(sql.raw(`select count(*)::int as rows, coalesce(md5(string_agg(r, '|' order by r)), '') as hash
      from (select ${pieces.join(` || '~' || `)} as r from "${table}" t where region_code = '${REGION}') x`));
    out[table] = row;
  }
  const [settings] = await database.rows<{ settings: string }>(sql`select settings::text as settings from regions where code = ${REGION}`);
  out.regions = { rows: settings ? 1 : 0, hash: settings?.settings ?? '' };
  return out;
}

const differences = (a: Record<string, { rows: number; hash: string }>, b: Record<string, { rows: number; hash: string }>) =>
  Object.keys({ ...a, ...b }).filter((t) => a[t]?.hash !== b[t]?.hash || a[t]?.rows !== b[t]?.rows).map((t) => `${t} (${a[t]?.rows ?? 0} vs ${b[t]?.rows ?? 0} rows)`);

/** A few days of a region's life, through the API. */
async function activity(db: BenchDatabase, port: number): Promise<void> {
  const server = await startPamong(db.env, port, { quiet: true });
  try {
    const categoryId = await sampleCategory(server);
    const json = { 'content-type': 'application/json' };
    const filed: { id: string; trackingCode: string; reporterKey: string }[] = [];
    for (const [i, extra] of [{ reporter: { email: 'warga1@contoh.test', name: 'Warga Satu' }, anonymous: false }, { confidential: true }, {}, { districtCode: '32.11.01' }].entries()) {
      const res = await fetch(server.url(`/api/regions/${REGION}/complaints`), { method: 'POST', headers: json, body: JSON.stringify({ categoryId, description: `Laporan nomor ${i}: sampah menumpuk di pasar`, ...extra }) });
      filed.push((await res.json()) as (typeof filed)[number]);
    }
    const form = new FormData();
    form.set('complaint', JSON.stringify({ categoryId, description: 'Laporan dengan foto: tumpukan sampah' }));
    form.append('photos', new Blob([PNG], { type: 'image/png' }), 'foto.png');
    const withPhoto = await fetch(server.url(`/api/regions/${REGION}/complaints`), { method: 'POST', body: form });
    if (withPhoto.status !== 201) throw new Error(`photo intake: ${withPhoto.status} ${await withPhoto.text()}`);
    const coordinator = await signIn(server, 'koordinator@sumedang.demo');
    const officer = await signIn(server, 'petugas.dlh@sumedang.demo');
    const admin = await signIn(server, 'admin@sumedang.demo');
    const as = (s: { cookie: string; csrf: string }) => ({ ...json, cookie: s.cookie, 'x-csrf-token': s.csrf });
    const units = (await (await fetch(server.url(`/api/regions/${REGION}/units`), { headers: as(coordinator) })).json()) as { id: string; code: string }[];
    const dlh = units.find((u) => u.code === 'DLH')!.id;
    const act = async (session: typeof coordinator, id: string, body: unknown) => {
      const res = await fetch(server.url(`/api/regions/${REGION}/complaints/${id}/actions`), { method: 'POST', headers: as(session), body: JSON.stringify(body) });
      if (res.status !== 200) throw new Error(`action: ${res.status} ${await res.text()}`);
    };
    await act(coordinator, filed[0].id, { action: 'dispatch', unitId: dlh });
    await act(officer, filed[0].id, { action: 'respond', message: 'Sedang kami tangani' });
    await act(officer, filed[0].id, { action: 'resolve', message: 'Sampah sudah diangkut' });
    await fetch(server.url(`/api/regions/${REGION}/complaints/track/${filed[0].trackingCode}/rate`), { method: 'POST', headers: json, body: JSON.stringify({ key: filed[0].reporterKey, rating: 5 }) });
    await act(coordinator, filed[1].id, { action: 'reject', reason: 'spam', message: 'Bukan pengaduan' });
    await fetch(server.url(`/api/regions/${REGION}/holidays/2026-12-24`), { method: 'PUT', headers: as(admin), body: JSON.stringify({ name: 'Cuti bersama Natal', kind: 'cuti_bersama' }) });
    await fetch(server.url(`/api/regions/${REGION}/units`), { method: 'POST', headers: as(admin), body: JSON.stringify({ code: 'BPBD', name: 'Badan Penanggulangan Bencana Daerah' }) });

    // SPBE: open the year, assign every indicator, answer one with an evidence file.
    const spbe = await signIn(server, 'spbe@sumedang.demo');
    const kominfo = await signIn(server, 'petugas.kominfo@sumedang.demo');
    const frameworks = (await (await fetch(server.url('/api/spbe/frameworks'))).json()) as { code: string; versions: { id: string; status: string }[] }[];
    const versionId = frameworks.find((f) => f.code === 'pemdi-2026')!.versions.find((v) => v.status === 'active')!.id;
    const E = `/api/regions/${REGION}/spbe/evaluations`;
    const opened = await fetch(server.url(E), { method: 'POST', headers: as(spbe), body: JSON.stringify({ year: 2026, versionId }) });
    const evaluation = (await opened.json()) as { id: string; answers: { indicator: { code: string } }[]; units: { id: string; code: string }[] };
    if (opened.status !== 201) throw new Error(`SPBE evaluation: ${opened.status} ${JSON.stringify(evaluation)}`);
    const diskominfo = evaluation.units.find((u) => u.code === 'DISKOMINFO')!.id;
    const assignments = evaluation.answers.map((a) => ({ indicator: a.indicator.code, unitId: diskominfo }));
    const steps: [string, string, unknown, typeof spbe][] = [
      ['PUT', `${E}/${evaluation.id}/assignments`, { assignments }, spbe],
      ['POST', `${E}/${evaluation.id}/advance`, { to: 'self_assessment' }, spbe],
    ];
    for (const [method, path, body, who] of steps) {
      const res = await fetch(server.url(path), { method, headers: as(who), body: JSON.stringify(body) });
      if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    }
    const answer = new FormData();
    answer.set('answer', JSON.stringify({ level: 3, explanation: 'Peraturan bupati tentang Pemerintah Digital sudah ditetapkan.' }));
    answer.append('evidence', new Blob([PNG], { type: 'image/png' }), 'bukti.png');
    const answered = await fetch(server.url(`${E}/${evaluation.id}/answers/1`), { method: 'PUT', headers: { cookie: kominfo.cookie, 'x-csrf-token': kominfo.csrf }, body: answer });
    if (answered.status !== 200) throw new Error(`SPBE answer: ${answered.status} ${await answered.text()}`);
  } finally {
    await server.stop();
  }
}

export async function backupRoundTrip(engine: 'postgres' | 'pglite', port: number): Promise<Check[]> {
  const part = `backup and restore, ${engine}`;
  const checks: Check[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'pamong-backup-'));
  const file = join(dir, `${REGION}.ndjson`);
  const source = await freshDatabase(engine, 'pamong_verify_backup');
  const target = await freshDatabase(engine, 'pamong_verify_restore', { seed: false });
  try {
    await activity(source, port);
    let database = await source.open();
    const original = await regionFingerprint(database);
    await database.close();
    const backedUp = await pamong(source, ['backup', '--region', REGION, '--out', file]);
    checks.push(check(part, 'pamong backup writes the region', /backup done/.test(backedUp.stderr), backedUp.stderr.trim()));

    const restored = await pamong(target, ['restore', '--in', file]);
    database = await target.open();
    const copy = await regionFingerprint(database);
    await database.close();
    const lost = differences(original, copy);
    const rows = Object.values(original).reduce((s, t) => s + t.rows, 0);
    checks.push(check(part, 'pamong restore into a new database: every row of every table, nothing lost', lost.length === 0 && rows > 0,
      `${restored.stdout.trim()}; ${rows} rows in ${Object.keys(original).length} tables compared${lost.length ? `; differ: ${lost.join(', ')}` : ''}`));

    const refused = await pamong(source, ['restore', '--in', file]).then(() => false, () => true);
    database = await source.open();
    const untouched = differences(original, await regionFingerprint(database));
    // Damage: the region loses its complaints and its timeline.
    await database.db.execute(sql`delete from complaint_events where region_code = ${REGION}`);
    await database.db.execute(sql`delete from complaints where region_code = ${REGION}`);
    await database.close();
    const replaced = await pamong(source, ['restore', '--in', file, '--replace']);
    database = await source.open();
    const repaired = differences(original, await regionFingerprint(database));
    await database.close();
    checks.push(check(part, 'restore over a region present is refused without --replace, and --replace repairs it', refused && untouched.length === 0 && repaired.length === 0,
      `refused: ${refused}; changed by the refusal: ${untouched.join(', ') || 'nothing'}; after --replace: ${repaired.join(', ') || 'identical'} (${replaced.stdout.trim()})`));
  } finally {
    await source.remove();
    await target.remove();
    rmSync(dir, { recursive: true, force: true });
  }
  return checks;
}
