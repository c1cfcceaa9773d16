// A burst of QRIS payment callbacks (issue 12, Speed): N signed callbacks for
// the demo region's bills, a tenth of them repeats of another callback (a
// bank retrying), sent at once through a fixed number of connections to
// Pamong and to a bare node:http + SQL baseline doing the same crediting
// (bench/layanan-payments-baseline-server.ts), each on its own copy of the
// data. The goal is correctness under load: every bill credited exactly once
// on both; the throughput ratio is reported next to it.
import { performance } from 'node:perf_hooks';
import { request, Agent } from 'node:http';
import { sql } from 'drizzle-orm';
import { getRegion } from '../src/platform/regions/service.js';
import { DEMO_QRIS_CHANNEL } from '../src/modules/layanan/demo.js';
import { createBill } from '../src/modules/layanan/service/payments/bills.js';
import { signBody } from '../src/modules/layanan/service/payments/provider.js';
import { freshDatabase, startPamong, startServer, type BenchDatabase, type Result, type Server } from './support.js';

const REGION = '32.11';

export interface PaymentsSettings { callbacks: number; connections: number; port: number; log: (line: string) => void }

interface Callback { body: string; signature: string }

/** Bills for the unique callbacks, made in the database before it is copied; the callbacks, repeats included, shuffled the same way every run. */
async function prepare(base: BenchDatabase, callbacks: number): Promise<{ list: Callback[]; unique: number }> {
  const unique = callbacks - Math.round(callbacks / 10); // a tenth of the callbacks repeat another: 1,000 are 900 bills and 100 repeats
  const db = await base.open(4);
  try {
    const region = await getRegion(db.db, REGION);
    const now = new Date();
    const bills = await db.db.transaction(async (tx) => {
      const made = [];
      for (let i = 0; i < unique; i++) {
        made.push(await createBill(tx, region, now, { kind: 'pajak', taxType: 'PBB-P2', taxObjectNumber: `3211${String(i).padStart(14, '0')}`, taxYear: 2099, payerName: `Wajib Pajak ${i}`, amount: 10_000 + i, dueDate: '2099-12-31' }, 'bench'));
      }
      return made;
    });
    const paidAt = now.toISOString();
    const first = bills.map((b, i) => {
      const body = JSON.stringify({ billingCode: b.billingCode, amount: b.amount, paidAt, bankTransactionId: `BENCH-${i}` });
      return { body, signature: signBody(DEMO_QRIS_CHANNEL.secret, body) };
    });
    let seed = 12_345;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    const list = [...first, ...Array.from({ length: callbacks - unique }, () => first[Math.floor(random() * unique)])];
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    return { list, unique };
  } finally {
    await db.close();
  }
}

function post(agent: Agent, port: number, c: Callback): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: `/api/regions/${REGION}/layanan/payments/qris/callback`, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(c.body), 'x-signature': c.signature } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(c.body);
  });
}

/** Every callback at once through `connections` sockets; the statuses and the seconds it took. */
async function burst(server: Server, list: Callback[], connections: number): Promise<{ seconds: number; statuses: Record<number, number> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const started = performance.now();
  const codes = await Promise.all(list.map((c) => post(agent, server.port, c)));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const statuses: Record<number, number> = {};
  for (const s of codes) statuses[s] = (statuses[s] ?? 0) + 1;
  return { seconds, statuses };
}

/** Whether each bill was credited exactly once: every bill paid, one credited event per bill, the rest repeats. */
async function creditedOnce(db: BenchDatabase, unique: number, callbacks: number): Promise<{ ok: boolean; said: string }> {
  const database = await db.open(2);
  try {
    const [r] = await database.rows<{ paid: number; credited: number; billsCredited: number; duplicate: number }>(sql`
      select (select count(*)::int from layanan_bills where region_code = ${REGION} and created_by_label = 'bench' and status = 'paid') as paid,
        (select count(*)::int from layanan_payment_events where region_code = ${REGION} and bank_reference like 'BENCH-%' and outcome = 'credited') as credited,
        (select count(distinct billing_code)::int from layanan_payment_events where region_code = ${REGION} and bank_reference like 'BENCH-%' and outcome = 'credited') as "billsCredited",
        (select count(*)::int from layanan_payment_events where region_code = ${REGION} and bank_reference like 'BENCH-%' and outcome = 'duplicate') as duplicate`);
    const ok = r.paid === unique && r.credited === unique && r.billsCredited === unique && r.duplicate === callbacks - unique;
    return { ok, said: `${r.paid}/${unique} bills paid, ${r.credited} credits, ${r.duplicate} repeats answered` };
  } finally {
    await database.close();
  }
}

export async function layananPaymentsBench(engine: 'postgres' | 'pglite', s: PaymentsSettings): Promise<{ results: Result[]; table: string[] }> {
  const base = await freshDatabase(engine, 'pamong_bench_payments');
  let copy: BenchDatabase | null = null;
  const servers: Server[] = [];
  try {
    const { list, unique } = await prepare(base, s.callbacks);
    copy = await base.copy();
    const pamong = await startPamong(base.env, s.port, { quiet: true });
    servers.push(pamong);
    const bare = await startServer(['bench/layanan-payments-baseline-server.ts'], copy.env, s.port + 1, { quiet: true });
    servers.push(bare);
    s.log(`${engine}: ${list.length} callbacks for ${unique} bills, ${s.connections} connections`);
    const p = await burst(pamong, list, s.connections);
    const b = await burst(bare, list, s.connections);
    const [pOnce, bOnce] = [await creditedOnce(base, unique, list.length), await creditedOnce(copy, unique, list.length)];
    const rate = (x: { seconds: number }) => list.length / x.seconds;
    const ratio = rate(p) / rate(b);
    return {
      results: [{
        section: 'layanan payments', what: `burst of ${list.length} QRIS callbacks, ${Math.round(((list.length - unique) / list.length) * 100)} % repeats, ${engine}`,
        figure: `each bill credited once: ${pOnce.ok ? 'yes' : 'NO'} (${pOnce.said}); ${Math.round(rate(p))}/s, ${ratio.toFixed(2)}× the bare baseline (${Math.round(rate(b))}/s, credited once: ${bOnce.ok ? 'yes' : 'NO'})`,
        goal: 'every bill credited exactly once', met: pOnce.ok,
      }],
      table: [`| ${engine} | ${list.length} | ${unique} | ${Math.round(rate(p))} | ${Math.round(rate(b))} | ${ratio.toFixed(2)} | ${JSON.stringify(p.statuses)} | ${JSON.stringify(b.statuses)} | ${pOnce.said} |`],
    };
  } finally {
    for (const srv of servers) await srv.stop();
    await copy?.remove();
    await base.remove();
  }
}
