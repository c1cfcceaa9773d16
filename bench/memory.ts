// Memory under mixed load (PostgreSQL): the full server (with its background
// worker) takes citizens' reports and tracking, public lists, and staff
// reading the inbox and the dashboard, for BENCH_MEMORY_SECONDS; its resident
// memory is sampled all along.
import '../src/modules/registry.js'; // installs the modules
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { freshDatabase, load, rssMb, sleep, startPamong, type Load, type LoadRequest, type Result, type Server } from './support.js';

export interface Session { cookie: string; csrf: string }

export async function signIn(server: Server, email: string): Promise<Session> {
  const res = await fetch(server.url('/api/auth/sign-in'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in ${email}: ${res.status}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('pamong_session='))!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

export async function sampleCategory(server: Server): Promise<string> {
  const categories = await (await fetch(server.url('/api/regions/32.11/categories'))).json() as { id: string; code: string }[];
  return categories.find((c) => c.code === 'sampah')!.id;
}

/**
 * What a day looks like, one request of each per connection in turn: a
 * citizen reports and others track theirs, the public list and categories
 * are read, staff open the inbox and the dashboard.
 */
export async function mixedRequests(server: Server): Promise<LoadRequest[]> {
  const categoryId = await sampleCategory(server);
  const codes: string[] = [];
  for (let i = 0; i < 50; i++) {
    const res = await fetch(server.url('/api/regions/32.11/complaints'), {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ categoryId, description: `Lampu jalan mati di gang nomor ${i}, gelap sekali di malam hari`, districtCode: '32.11.01' }),
    });
    codes.push(((await res.json()) as { trackingCode: string }).trackingCode);
  }
  const staff = await signIn(server, 'koordinator@sumedang.demo');
  const head = await signIn(server, 'bupati@sumedang.demo');
  const json = { 'content-type': 'application/json' };
  const random = () => codes[Math.floor(Math.random() * codes.length)];
  return [
    { method: 'POST', path: '/api/regions/32.11/complaints', headers: json, body: JSON.stringify({ categoryId, description: 'Sampah menumpuk di tepi jalan dekat pasar, sudah tiga hari' }) },
    { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/regions/32.11/complaints/track/${random()}` }) },
    { method: 'GET', path: '/api/regions/32.11/complaints/public' },
    { method: 'GET', path: '/api/regions/32.11/categories' },
    { method: 'GET', path: '/api/regions/32.11/inbox', headers: { cookie: staff.cookie } },
    { method: 'GET', path: '/api/regions/32.11/dashboard', headers: { cookie: head.cookie } },
    { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/regions/32.11/complaints/track/${random()}` }) },
  ];
}

export async function memoryBench(seconds: number, port: number): Promise<{ samples: number[]; result: Load; results: Result[] }> {
  const db = await freshDatabase('postgres', 'pamong_bench_memory');
  const server = await startPamong({ ...db.env, PAMONG_WORKERS: 'true' }, port);
  const samples: number[] = [];
  let result: Load;
  try {
    const requests = await mixedRequests(server);
    const sampler = setInterval(() => samples.push(rssMb(server.pid)), 5_000);
    try {
      result = await load({ url: server.url('/'), seconds, connections: 10, requests });
    } finally {
      clearInterval(sampler);
    }
    await sleep(1_000);
    samples.push(rssMb(server.pid));
  } finally {
    await server.stop();
    await db.remove();
  }
  const last = samples[samples.length - 1];
  const peak = Math.max(...samples);
  const results: Result[] = [{
    section: 'memory', what: `server RSS after ${seconds} s of mixed load, PostgreSQL`,
    figure: `${last} MB (peak ${peak} MB; ${Math.round(result.rps)} req/s, ${result.errors} errors)`, goal: '≤ 300 MB', met: peak <= 300 && result.errors === 0,
    ...(seconds < 300 ? { note: `${seconds} s of load; the issue's 5 minutes: BENCH_MEMORY_SECONDS=300` } : {}),
  }];
  return { samples, result, results };
}
