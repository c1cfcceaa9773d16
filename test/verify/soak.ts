// Soak: mixed load at half the measured capacity for VERIFY_SOAK_MINUTES
// (default 10): at least 95 % of the rate asked is served, no errors, and no
// growth in memory, handles or file descriptors (read from /metrics all
// along). Each route's mean time, early and late, says where time goes as
// the region fills with the complaints the load files.
import { freshDatabase, load, sleep, startPamong } from '../../bench/support.js';
import { mixedRequests } from '../../bench/memory.js';
import { check, type Check } from './report.js';

interface Sample { at: number; rssMb: number; heapMb: number; handles: number; fds: number; routes: Map<string, { seconds: number; count: number }> }

/** Time spent per route so far (the request-duration histogram's sum and count in /metrics). */
function routeTimes(text: string): Map<string, { seconds: number; count: number }> {
  const routes = new Map<string, { seconds: number; count: number }>();
  for (const m of text.matchAll(/^pamong_http_request_duration_seconds_(sum|count)\{method="(\w+)",route="([^"]+)",status="(\d+)"\} (\S+)$/gm)) {
    const key = `${m[2]} ${m[3]}`;
    const entry = routes.get(key) ?? { seconds: 0, count: 0 };
    if (m[1] === 'sum') entry.seconds += Number(m[5]);
    else entry.count += Number(m[5]);
    routes.set(key, entry);
  }
  return routes;
}

async function sample(url: string, at: number): Promise<Sample> {
  const text = await (await fetch(url)).text();
  const metric = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(text)?.[1] ?? NaN);
  return {
    at, rssMb: metric('process_resident_memory_bytes') / 2 ** 20, heapMb: metric('nodejs_heap_size_used_bytes') / 2 ** 20,
    handles: metric('nodejs_active_handles_total'), fds: metric('process_open_fds'), routes: routeTimes(text),
  };
}

/** Mean milliseconds per request of each route between two samples. */
function meanMs(from: Sample, to: Sample): Map<string, number> {
  const out = new Map<string, number>();
  for (const [route, t] of to.routes) {
    const before = from.routes.get(route) ?? { seconds: 0, count: 0 };
    if (t.count > before.count) out.set(route, (1000 * (t.seconds - before.seconds)) / (t.count - before.count));
  }
  return out;
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
    const of = (xs: Sample[], k: Exclude<keyof Sample, 'routes'>) => median(xs.map((s) => s[k]));
    const grew = {
      rss: of(late, 'rssMb') - of(early, 'rssMb'), heap: of(late, 'heapMb') - of(early, 'heapMb'),
      handles: of(late, 'handles') - of(early, 'handles'), fds: of(late, 'fds') - of(early, 'fds'),
    };
    // Where the time goes as the region grows: each route's mean time in the second quarter and in the last.
    const slower = [...meanMs(early[0], early[early.length - 1])].map(([route, ms]) => {
      const lateMs = meanMs(late[0], late[late.length - 1]).get(route) ?? NaN;
      return `${route} ${ms.toFixed(1)} → ${lateMs.toFixed(1)} ms`;
    });
    const share = result.rps / rate;
    return [
      check(part, `${minutes} min of mixed load at half capacity: at least 95 % of the rate asked, without errors`, result.errors === 0 && share >= 0.95,
        `capacity ${Math.round(capacity.rps)} req/s, asked for ${rate} req/s, got ${Math.round(result.rps)} = ${Math.round(100 * share)} % of it (p99 ${result.p99} ms): ${result.requests} requests, ${result.errors} errors, statuses ${JSON.stringify(result.statuses)}; mean time per route, second quarter → last: ${slower.join('; ')}`),
      check(part, 'no growth in memory, handles or file descriptors', grew.rss < 25 && grew.heap < 15 && grew.handles <= 5 && grew.fds <= 5,
        `second quarter → last quarter: RSS ${of(early, 'rssMb').toFixed(0)} → ${of(late, 'rssMb').toFixed(0)} MB, heap ${of(early, 'heapMb').toFixed(0)} → ${of(late, 'heapMb').toFixed(0)} MB, handles ${of(early, 'handles')} → ${of(late, 'handles')}, open fds ${of(early, 'fds')} → ${of(late, 'fds')} (${samples.length} samples)`),
    ];
  } finally {
    await server.stop();
    await db.remove();
  }
}
