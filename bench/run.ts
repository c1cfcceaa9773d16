// npm run bench: every figure next to its goal, measured in one run on one
// machine (see BENCHMARKS.md for the latest numbers and how to read them).
//
//   BENCH_ONLY=http,dashboard,sweep,memory,weight,slow3g,sakip,payments,filing,livinglab,surat,pimpinan  sections to run (default: all)
//   BENCH_SECONDS=30        measured seconds per server and test (intake, tracking), split in rounds
//   BENCH_ROUNDS=6          pairs of rounds, Pamong and the baseline in the order ABBA (at least 5 for a spread)
//   BENCH_DASHBOARD_COMPLAINTS=1000000   the issue's size: 10000000 (about 10 more minutes)
//   BENCH_SWEEP_OPEN=1000000
//   BENCH_MEMORY_SECONDS=60              the issue's: 300
//   BENCH_SLOW3G_ROUNDS=5                cold visits to the report form on slow 3G
//   BENCH_SAKIP_REGIONS=27               kabupaten/kota in the e-SAKIP province (each 5,000 indicators); BENCH_SAKIP_ENGINES=postgres,pglite
//   BENCH_SAKIP_PGLITE_REGIONS=3         the same on PGlite (its naive province comparison takes minutes per region)
//   BENCH_PAYMENT_CALLBACKS=1000         the payment-callback burst (10 % repeats); BENCH_PAYMENT_ENGINES=postgres,pglite
//   BENCH_FILING_CONNECTIONS=20          filing and the public status page (layanan): connections
//   BENCH_FILING_REQUESTS=               requests per server and round (default: BENCH_SECONDS split in rounds)
//   BENCH_FILING_KB=100                  size of each of the three PDFs; BENCH_FILING_TRACKED=300 applications the status page asks for
//   BENCH_FILING_ENGINES=postgres,pglite
//   BENCH_LIVINGLAB_SOLUTIONS=27000      Living Lab: published solutions in the catalogue searched by 50 users (BENCH_SECONDS, BENCH_ROUNDS)
//   BENCH_LIVINGLAB_PGLITE_SOLUTIONS=0   the same on PGlite (0: search skipped there, adoption only)
//   BENCH_LIVINGLAB_ADOPTIONS=30         adoptions of 50 complaint categories per side, in ABBA rounds of five; BENCH_LIVINGLAB_ENGINES=postgres,pglite
//   BENCH_SURAT_LETTERS=1000000           correspondence: letters in the region (and BENCH_SURAT_SMALL=10000) for the register and search
//   BENCH_SURAT_SIGNINGS=1000             letters signed at once by 50 clients per round (and one warm-up round)
//   BENCH_PIMPINAN_REQUESTS=50           the leader's page: requests per path and round (one client); BENCH_PIMPINAN_ENGINES=postgres,pglite
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test   the bench creates its databases next to it
//   BENCH_PORT=3810
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { comparisonTable, httpBench, openLoopTable, type Comparison } from './http.js';
import { dashboardBench } from './dashboard.js';
import { sweepBench } from './sweep.js';
import { memoryBench } from './memory.js';
import { BUDGET_BYTES, describeWeight, firstVisitWeight } from './page-weight.js';
import { describeTimes, describeVisit, GOAL_MS, SLOW_3G, slow3gBench } from './slow3g.js';
import { sakipBench } from './sakip.js';
import { layananPaymentsBench } from './layanan-payments.js';
import { layananFilingBench } from './layanan-filing.js';
import { ADOPTIONS_PER_ROUND, livinglabBench } from './livinglab.js';
import { suratBench } from './surat.js';
import { suratSigningBench } from './surat-signing.js';
import { pimpinanBench } from './pimpinan.js';
import { envNumber, machine, postgresReachable, printResults, root, type Result } from './support.js';

const sections = (process.env.BENCH_ONLY ?? 'http,dashboard,sweep,memory,weight,slow3g,sakip,payments,filing,livinglab,surat,pimpinan').split(',').map((s) => s.trim());
const settings = {
  seconds: envNumber('BENCH_SECONDS', 30),
  rounds: envNumber('BENCH_ROUNDS', 6),
  dashboard: envNumber('BENCH_DASHBOARD_COMPLAINTS', 1_000_000),
  sweepOpen: envNumber('BENCH_SWEEP_OPEN', 1_000_000),
  memorySeconds: envNumber('BENCH_MEMORY_SECONDS', 60),
  slow3gRounds: envNumber('BENCH_SLOW3G_ROUNDS', 5),
  sakipRegions: envNumber('BENCH_SAKIP_REGIONS', 27),
  // PGlite's naive province comparison takes minutes per region with budgets: 3 kabupaten/kota unless asked.
  sakipPgliteRegions: envNumber('BENCH_SAKIP_PGLITE_REGIONS', 3),
  paymentCallbacks: envNumber('BENCH_PAYMENT_CALLBACKS', 1000),
  filingConnections: envNumber('BENCH_FILING_CONNECTIONS', 20),
  filingRequests: process.env.BENCH_FILING_REQUESTS ? envNumber('BENCH_FILING_REQUESTS', 0) : undefined,
  filingKb: envNumber('BENCH_FILING_KB', 100),
  filingTracked: envNumber('BENCH_FILING_TRACKED', 300),
  livinglabSolutions: envNumber('BENCH_LIVINGLAB_SOLUTIONS', 27_000),
  livinglabPgliteSolutions: envNumber('BENCH_LIVINGLAB_PGLITE_SOLUTIONS', 0),
  livinglabAdoptions: envNumber('BENCH_LIVINGLAB_ADOPTIONS', 30),
  port: envNumber('BENCH_PORT', 3810),
};

const started = performance.now();
const results: Result[] = [];
const details: string[] = [];
const postgres = await postgresReachable();
const skipped = (section: string, what: string, goal: string) => results.push({ section, what, figure: 'skipped: PostgreSQL not reachable', goal, met: null });
const log = (line: string) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s] ${line}`);

if (sections.includes('http')) {
  const comparisons: Comparison[] = [];
  for (const engine of ['postgres', 'pglite'] as const) {
    if (engine === 'postgres' && !postgres) {
      skipped('throughput', 'intake and tracking, postgres', '≥ 0.8× baseline');
      continue;
    }
    log(`intake and tracking on ${engine}`);
    const r = await httpBench(engine, { seconds: settings.seconds, rounds: settings.rounds, connections: 50, port: settings.port });
    comparisons.push(...r.comparisons);
    results.push(...r.results);
  }
  details.push('### Intake and tracking against the bare baseline', '',
    `autocannon, 50 connections, ${settings.seconds} s per server and test in ${settings.rounds} pairs of rounds in the order ABBA, after 2 s of warm-up, each server on its own copy of the data; the ratio is per pair (min–median–max); p99 is the median of the rounds'.`,
    'Intake sends the mix of bench/intake-mix.ts (every report with kecamatan and desa, a third answering a question, 30 % with an email, 2 % with a 300 KB photo) to both; Pamong runs with log level info and its worker. Tracking asks for 500 different complaints at random.',
    'CPU: the server process, and on PostgreSQL its own backends (by connection name), per answered request.', '', ...comparisonTable(comparisons), '',
    `Open loop (PostgreSQL): both servers offered the same rate, a share of the baseline's closed-loop capacity, two pairs of ${settings.seconds / settings.rounds} s rounds in the order ABBA; p50/p99 are the median of the rounds'.`, '',
    ...openLoopTable(comparisons), '');
}

if (sections.includes('dashboard')) {
  if (!postgres) skipped('dashboard', 'yearly dashboard at scale', '≥ 20× faster, within 2× of 100 k');
  else {
    log(`dashboard at ${settings.dashboard.toLocaleString('en-US')} complaints`);
    const r = await dashboardBench(settings.dashboard);
    results.push(...r.results);
    details.push('### Dashboard at scale', '', '| complaints | summary rows of the region | dashboard ms | plain GROUP BY ms | data generated in s |', '|---|---|---|---|---|',
      ...r.figures.map((f) => `| ${f.complaints.toLocaleString('en-US')} | ${f.summaryRows} | ${f.dashboardMs.toFixed(1)} | ${f.plainMs.toFixed(1)} | ${f.generateSeconds.toFixed(0)} |`),
      '', 'Plan of the summary query at the larger size:', '', '```', r.plan, '```', '');
  }
}

if (sections.includes('sweep')) {
  if (!postgres) skipped('SLA sweep', 'escalating 1,000 overdue among 1 M open', 'within 2×');
  else {
    log(`SLA sweep among ${settings.sweepOpen.toLocaleString('en-US')} open`);
    const r = await sweepBench(settings.sweepOpen);
    results.push(...r.results);
    details.push('### SLA sweep', '', '| open deadlines | 1,000 escalations took s | steps |', '|---|---|---|',
      ...r.figures.map((f) => `| ${f.open.toLocaleString('en-US')} | ${(f.ms / 1000).toFixed(2)} | ${f.steps} |`),
      '', 'Plan of the claim query among the larger number:', '', '```', r.plan, '```', '');
  }
}

if (sections.includes('memory')) {
  if (!postgres) skipped('memory', 'server RSS under mixed load', '≤ 300 MB');
  else {
    log(`memory under ${settings.memorySeconds} s of mixed load`);
    const r = await memoryBench(settings.memorySeconds, settings.port + 2);
    results.push(...r.results);
    details.push('### Memory', '', `RSS every 5 s (MB): ${r.samples.join(', ')}`, `Requests: ${r.result.requests} (${Math.round(r.result.rps)}/s), statuses ${JSON.stringify(r.result.statuses)}`, '');
  }
}

if (sections.includes('weight')) {
  log('page weight');
  if (!existsSync(join(root, 'web/dist/index.html'))) execSync('npm run build:web', { cwd: root, stdio: 'inherit' });
  const weight = await firstVisitWeight();
  results.push(weight
    ? { section: 'citizen pages', what: 'first visit to the report form, compressed', figure: `${(weight.gzipBytes / 1024).toFixed(1)} KB gzip (${(weight.wireBytes / 1024).toFixed(1)} KB Brotli on the wire)`, goal: `≤ ${BUDGET_BYTES / 1024} KB`, met: weight.gzipBytes <= BUDGET_BYTES }
    : { section: 'citizen pages', what: 'first visit to the report form', figure: 'skipped: no Chromium at /usr/bin/chromium', goal: '≤ 200 KB', met: null });
  if (weight) details.push('### Page weight', '', '```', describeWeight(weight), '```', '');
}

if (sections.includes('slow3g')) {
  log('report form on slow 3G');
  if (!existsSync(join(root, 'web/dist/index.html'))) execSync('npm run build:web', { cwd: root, stdio: 'inherit' });
  const r = await slow3gBench(settings.slow3gRounds);
  const what = `first visit to the report form usable on slow 3G (${SLOW_3G.latencyMs} ms per request, ${SLOW_3G.kbitPerSecond} kbit/s), cold cache`;
  results.push(r
    ? { section: 'citizen pages', what, figure: describeTimes(r), goal: `< ${GOAL_MS / 1000} s`, met: r.maxMs < GOAL_MS }
    : { section: 'citizen pages', what, figure: 'skipped: no Chromium at /usr/bin/chromium', goal: `< ${GOAL_MS / 1000} s`, met: null });
  if (r) details.push('### Report form on slow 3G', '', '```', describeVisit(r), '```', '');
}

if (sections.includes('sakip')) {
  const table: string[] = [];
  for (const engine of (process.env.BENCH_SAKIP_ENGINES ?? 'postgres,pglite').split(',').map((e) => e.trim()) as ('postgres' | 'pglite')[]) {
    if (engine === 'postgres' && !postgres) {
      skipped('e-SAKIP', 'region view, province comparison, one realisation, postgres', '≥ 10×, within 2×');
      continue;
    }
    const regions = engine === 'pglite' ? settings.sakipPgliteRegions : settings.sakipRegions;
    log(`e-SAKIP on ${engine}: ${regions} regions`);
    const r = await sakipBench(engine, { rounds: settings.rounds, regions, port: settings.port + 4, log });
    results.push(...r.results);
    table.push(...r.table, '');
  }
  details.push('### e-SAKIP: the stored achievement summary against the naive recomputation', '',
    `Each server on its own copy of the data (bench/sakip.ts; the naive one is bench/sakip-baseline-server.ts), ${settings.rounds} ABBA pairs of rounds; a round is the median of 5 sequential requests (the naive side: 3 on the small data, 1 on the full); ratios per pair, min–**median**–max.`, '',
    '| what | engine | figure | goal | met |', '|---|---|---|---|---|', ...table);
}

if (sections.includes('payments')) {
  const table: string[] = [];
  for (const engine of (process.env.BENCH_PAYMENT_ENGINES ?? 'postgres,pglite').split(',').map((e) => e.trim()) as ('postgres' | 'pglite')[]) {
    if (engine === 'postgres' && !postgres) {
      skipped('layanan payments', `burst of ${settings.paymentCallbacks} QRIS callbacks, postgres`, 'every bill credited exactly once');
      continue;
    }
    log(`payment callbacks on ${engine}`);
    const r = await layananPaymentsBench(engine, { callbacks: settings.paymentCallbacks, connections: 50, port: settings.port + 6, log });
    results.push(...r.results);
    table.push(...r.table);
  }
  details.push('### Layanan: a burst of QRIS payment callbacks', '',
    'Every callback sent at once through 50 keep-alive connections, a tenth of them repeats of another (same bank transaction id), shuffled; Pamong and the bare baseline (bench/layanan-payments-baseline-server.ts: HMAC check and the same conditional update and event row) each on its own copy of the data, one burst each.', '',
    '| engine | callbacks | bills | Pamong /s | baseline /s | ratio | Pamong statuses | baseline statuses | Pamong credits |', '|---|---|---|---|---|---|---|---|---|', ...table, '');
}

if (sections.includes('filing')) {
  const comparisons: Comparison[] = [];
  const rows: string[] = [];
  for (const engine of (process.env.BENCH_FILING_ENGINES ?? 'postgres,pglite').split(',').map((e) => e.trim()) as ('postgres' | 'pglite')[]) {
    if (engine === 'postgres' && !postgres) {
      skipped('layanan throughput', 'filing with three documents and the public status page, postgres', '≥ 0.7× and ≥ 0.8× baseline');
      continue;
    }
    log(`layanan filing and status on ${engine}`);
    const r = await layananFilingBench({
      engine, seconds: settings.seconds, rounds: settings.rounds, connections: settings.filingConnections, amount: settings.filingRequests,
      fileKb: settings.filingKb, tracked: settings.filingTracked, port: settings.port + 8, log,
    });
    comparisons.push(...r.comparisons);
    results.push(...r.results);
    rows.push(...r.rows);
  }
  const perRound = settings.filingRequests ? `${settings.filingRequests} requests` : `${settings.seconds / settings.rounds} s`;
  details.push('### Layanan: filing an application and its public status page against the bare baseline', '',
    `autocannon, ${settings.filingConnections} connections, ${perRound} per server and round in ${settings.rounds} ABBA pairs after 2 s of warm-up, each server on its own copy of the data (bench/layanan-filing.ts; the baseline is bench/layanan-filing-baseline-server.ts). Filing: signed-in citizens file the certificate of low income with three ${settings.filingKb} KB PDFs, each from its own address behind the proxy; status: ${settings.filingTracked} applications at random. The ratio is per pair (min–median–max).`, '',
    ...comparisonTable(comparisons), '',
    'Rows written per application filed, warm-up included (the run stops if the two sides differ):', '',
    '| engine | side | files | file bytes | events | deadlines | notifications | outbox |', '|---|---|---|---|---|---|---|---|', ...rows, '');
}

if (sections.includes('livinglab')) {
  const table: string[] = [];
  for (const engine of (process.env.BENCH_LIVINGLAB_ENGINES ?? 'postgres,pglite').split(',').map((e) => e.trim()) as ('postgres' | 'pglite')[]) {
    if (engine === 'postgres' && !postgres) {
      skipped('livinglab', 'catalogue search and adopting 50 categories, postgres', '≥ 0.8× baseline, within 2×');
      continue;
    }
    const solutions = engine === 'pglite' ? settings.livinglabPgliteSolutions : settings.livinglabSolutions;
    log(`Living Lab on ${engine}: ${solutions} solutions, ${settings.livinglabAdoptions} adoptions per side`);
    const r = await livinglabBench({
      engine, solutions, seconds: settings.seconds, rounds: settings.rounds, connections: 50, adoptions: settings.livinglabAdoptions, port: settings.port + 10, log,
    });
    results.push(...r.results);
    table.push(...r.table);
    if (solutions === 0) table.push(`| search | ${engine} | skipped (BENCH_LIVINGLAB_${engine === 'pglite' ? 'PGLITE_' : ''}SOLUTIONS=0) | | | | |`);
  }
  details.push('### Living Lab: catalogue search and adopting a package against the bare baseline', '',
    `Each side on its own copy of the same generated data (bench/livinglab.ts; the baseline is bench/livinglab-baseline-server.ts). Search: ${settings.livinglabSolutions.toLocaleString('en-US')} published solutions on PostgreSQL (${settings.livinglabPgliteSolutions ? settings.livinglabPgliteSolutions.toLocaleString('en-US') : 'none'} on PGlite) over every kabupaten/kota, 50 connections asking a mix of ${20} queries (words, province and domain filters), ${settings.seconds / settings.rounds} s per server and round in ${settings.rounds} ABBA pairs after 2 s of warm-up; both sides' answers to every query compared first. Adoption: 50 complaint categories (3 questions, 3 deadlines, a route each) into a fresh region per adoption, ${settings.livinglabAdoptions} per side after one of warm-up, in rounds of ${ADOPTIONS_PER_ROUND} in ABBA order; rows written compared per region. Ratios per pair (of rounds), min–**median**–max.`, '',
    '| what | engine | Pamong | baseline | ratio | p95 ms Pamong / baseline, or rows | p95 ratio |', '|---|---|---|---|---|---|---|', ...table, '');
}

if (sections.includes('surat')) {
  if (!postgres) skipped('surat', 'register and search at 1,000,000 letters vs 10,000; signing 1,000 letters at once', '≤ 2×; ≥ 0.7× baseline');
  else {
    const large = envNumber('BENCH_SURAT_LETTERS', 1_000_000);
    const small = envNumber('BENCH_SURAT_SMALL', 10_000);
    const r = await suratBench({ small, large, rounds: settings.rounds, requests: 50, port: settings.port + 20, log });
    results.push(...r.results);
    details.push('### Correspondence: a unit\'s register and search at scale', '',
      `PostgreSQL, the demo region with ${small.toLocaleString('en-US')} and with ${large.toLocaleString('en-US')} generated incoming letters over its units (bench/surat.ts); Diskominfo's records clerk asks one request at a time for the unit's register (first 25) and for a mix of word searches over what they may see; ${settings.rounds} rounds of 50 requests per server in ABBA order after 20 of warm-up. Median latency per round; ratio large/small per pair, min–**median**–max.`, '',
      '| what | small | large | ratio | goal ≤ 2× |', '|---|---|---|---|---|', ...r.table, '');
    const letters = envNumber('BENCH_SURAT_SIGNINGS', 1000);
    const signing = await suratSigningBench({ letters, clients: 50, rounds: settings.rounds, port: settings.port + 22, log });
    results.push(...signing.results);
    details.push('### Correspondence: numbering under concurrent signing', '',
      `PostgreSQL, each side on its own copy of the demo region with ${(letters * (settings.rounds + 1)).toLocaleString('en-US')} letters waiting for the signature of Diskominfo's head (one drafted and submitted through the API, copied in SQL; bench/surat-signing.ts); per round ${letters.toLocaleString('en-US')} of them signed on paper (number, PDF rendered, stored) by 50 clients at once, against a node:http + SQL baseline taking the same counter lock and writing the same rows (bench/surat-signing-baseline-server.ts); every round checked for ${letters.toLocaleString('en-US')} distinct numbers advancing the counter by exactly ${letters.toLocaleString('en-US')}. One warm-up round, then ${settings.rounds} ABBA pairs; ratio of throughputs per pair, min–**median**–max.`, '',
      '| what | Pamong | baseline | ratio | goal ≥ 0.7× |', '|---|---|---|---|---|', ...signing.table, '');
  }
}

if (sections.includes('pimpinan')) {
  const table: string[] = [];
  const requests = envNumber('BENCH_PIMPINAN_REQUESTS', 50);
  for (const engine of (process.env.BENCH_PIMPINAN_ENGINES ?? 'postgres,pglite').split(',').map((e) => e.trim()) as ('postgres' | 'pglite')[]) {
    if (engine === 'postgres' && !postgres) {
      skipped('pimpinan', 'the leader\'s page and the province page, postgres', '≤ 2×');
      continue;
    }
    const r = await pimpinanBench({ engine, rounds: settings.rounds, requests, port: settings.port + 30, log });
    results.push(...r.results);
    table.push(...r.table);
  }
  details.push('### The leader\'s dashboard: the whole page against its slowest tile, and the province at 27 kabupaten/kota', '',
    `One signed-in client asking one request after another (bench/pimpinan.ts). Page: the demo with its showcase (a year of complaints in five kabupaten/kota, SPBE history, SAKIP, the Living Lab, layanan's and surat's demo records); per round ${requests} requests of the head of region's page and ${requests} of each tile alone (GET …/pimpinan/tiles/:ref), alternating which goes first; ratio of the page's p95 to the slowest tile's p95 per round. Province: Jawa Barat with 3 and with 27 kabupaten/kota switched on, each on its own database with every region's figures read into the snapshot; the governor's province page, ${requests} requests per server and half-round in ABBA order; ratio of p95 per pair. ${settings.rounds} rounds; min–**median**–max.`, '',
    '| what | engine | p95 | against p95 | ratio | goal ≤ 2× |', '|---|---|---|---|---|---|', ...table, '');
}

const minutes = ((performance.now() - started) / 60_000).toFixed(1);
printResults(`Pamong benchmarks, ${new Date().toISOString().slice(0, 10)}`, results, [
  `Machine: ${machine()}. PostgreSQL: ${postgres ? 'local server' : 'not reachable'}.`,
  `Command: ${Object.entries(process.env).filter(([k]) => k.startsWith('BENCH_')).map(([k, v]) => `${k}=${v} `).join('')}npm run bench (took ${minutes} min)`,
]);
console.log('');
for (const line of details) console.log(line);
