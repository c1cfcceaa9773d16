// Soak: mixed load at half the measured capacity for VERIFY_SOAK_MINUTES
// (default 10): no errors, and no growth in memory, handles or file
// descriptors (read from /metrics all along).
import { freshDatabase, load, sleep, startPamong } from '../../bench/support.js';
import { mixedRequests } from '../../bench/memory.js';
import { check, type Check } from './report.js';

interface Sample { at: number; rssMb: number; heapMb: number; handles: number; fds: number }

async function sample(url: string, at: number): Promise<Sample> {
  const text = await (await fetch(url)).text();
  const metric = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(text)?.[1] ?? NaN);
  return { at, rssMb: metric('process_resident_memory_bytes') / 2 ** 20, heapMb: metric('nodejs_heap_size_used_bytes') / 2 ** 20, handles: metric('nodejs_active_handles_total'), fds: metric('process_open_fds') };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function soak(engine: 'postgres' | 'pglite', minutes: number, port: number): Promise<Check[]> {
  const part = `soak, ${engine}`;
  const db = await freshDatabase(engine, 'pamong_verify_soak');
  const server = await startPamong({ ...db.env, PAMONG_WORKERS: 'true' }, port, { quiet: true });
  const samples: Sample[] = [];
  try {
    const requests = await mixedRequests(server);
    const capacity = await load({ url: server.url('/'), seconds: 10, connections: 20, requests });
    const rate = Math.max(1, Math.floor(capacity.rps / 2));
    const started = Date.now();
    let running = true;
    const sampler = (async () => {
      while (running) {
        samples.push(await sample(server.url('/metrics'), (Date.now() - started) / 1000));
        await sleep(15_000);
      }
    })();
    const result = await load({ url: server.url('/'), seconds: minutes * 60, connections: 20, requests, overallRate: rate });
    running = false;
    await sampler;
    samples.push(await sample(server.url('/metrics'), (Date.now() - started) / 1000));
    // Growth: the last quarter against the second (the first is warm-up).
    const quarter = (q: number) => samples.filter((s) => s.at >= (q * minutes * 60) / 4 && s.at <= ((q + 1) * minutes * 60) / 4 + 1);
    const early = quarter(1);
    const late = quarter(3);
    const of = (xs: Sample[], k: keyof Sample) => median(xs.map((s) => s[k]));
    const grew = {
      rss: of(late, 'rssMb') - of(early, 'rssMb'), heap: of(late, 'heapMb') - of(early, 'heapMb'),
      handles: of(late, 'handles') - of(early, 'handles'), fds: of(late, 'fds') - of(early, 'fds'),
    };
    return [
      // The rate got is reported, not asserted: capacity is measured on a near-empty region, which grows by thousands of complaints meanwhile.
      check(part, `${minutes} min of mixed load asked at half capacity, without errors`, result.errors === 0 && result.requests > 0,
        `capacity ${Math.round(capacity.rps)} req/s, asked for ${rate} req/s, got ${Math.round(result.rps)} = ${Math.round((100 * result.rps) / rate)} % of it (p99 ${result.p99} ms): ${result.requests} requests, ${result.errors} errors, statuses ${JSON.stringify(result.statuses)}`),
      check(part, 'no growth in memory, handles or file descriptors', grew.rss < 25 && grew.heap < 15 && grew.handles <= 5 && grew.fds <= 5,
        `second quarter → last quarter: RSS ${of(early, 'rssMb').toFixed(0)} → ${of(late, 'rssMb').toFixed(0)} MB, heap ${of(early, 'heapMb').toFixed(0)} → ${of(late, 'heapMb').toFixed(0)} MB, handles ${of(early, 'handles')} → ${of(late, 'handles')}, open fds ${of(early, 'fds')} → ${of(late, 'fds')} (${samples.length} samples)`),
    ];
  } finally {
    await server.stop();
    await db.remove();
  }
}
