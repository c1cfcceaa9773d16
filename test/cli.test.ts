// `pamong serve` as a person starts it: readable lines at a terminal, JSON for
// collectors, and a clear refusal when the installation is broken.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'pamong-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the server, makes a few requests, stops it with SIGTERM and returns what it printed. */
async function serveAndRequest(logFormat: 'pretty' | 'json'): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PAMONG_DATA_DIR: dataDir, PAMONG_DEMO: 'false', PAMONG_WORKERS: 'false', LOG_FORMAT: logFormat, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  for (let i = 0; i < 240 && !/Pamong berjalan/.test(output); i++) await new Promise((r) => setTimeout(r, 250));
  for (const path of ['/healthz', '/api/regions', '/tidak-ada']) await fetch(`http://127.0.0.1:${port}${path}`);
  await new Promise((r) => setTimeout(r, 300));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  return output;
}

describe('pamong serve output', () => {
  it('a terminal gets readable lines and the sign-in banner, not one JSON line per request', async () => {
    const out = await serveAndRequest('pretty');
    expect(out).toContain('Pamong berjalan di / is running at');
    expect(out).not.toMatch(/^\{"level"/m);
    expect(out).not.toContain('incoming request');
  }, 120_000);

  it('production logs stay JSON, one line per request', async () => {
    const out = await serveAndRequest('json');
    const lines = out.split('\n').filter((l) => l.startsWith('{'));
    const entries = lines.map((l) => JSON.parse(l));
    const requests = entries.filter((l) => l.msg === 'request completed');
    expect(requests.length).toBeGreaterThanOrEqual(3);
    expect(entries.filter((l) => l.msg === 'incoming request')).toEqual([]);
    expect(requests.find((r) => r.req.url === '/api/regions')).toMatchObject({ req: { method: 'GET' }, res: { statusCode: 200 }, responseTime: expect.any(Number) });
  }, 120_000);
});
