// The staff pages' cache: a save makes what they show stale, a question asked
// with POST does not, a failed write does not, and a sign-out empties it.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, setCsrfToken } from '../../web/src/api.js';
import { client } from '../../web/src/query.js';

const list = ['/api/regions/32.11/units'];
let status = 200;
let gets = 0;

beforeAll(() => {
  setCsrfToken('t');
  vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
    if (init.method === 'GET') gets += 1;
    return new Response(JSON.stringify({ gets }), { status: init.method === 'GET' ? 200 : status });
  });
});
afterAll(() => vi.unstubAllGlobals());
beforeEach(async () => {
  status = 200;
  client.clear();
  await client.fetchQuery({ queryKey: list });
});

const stale = () => client.getQueryState(list)?.isInvalidated;

describe('the staff cache', () => {
  it('loads by path and keeps the answer', () => {
    expect(client.getQueryData(list)).toEqual({ gets });
    expect(stale()).toBe(false);
  });

  it('goes stale after a successful write', async () => {
    await api('/api/regions/32.11/units', { method: 'POST', body: { name: 'Dinas' } });
    expect(stale()).toBe(true);
  });

  it('stays fresh after a POST that only asks, and after a refused write', async () => {
    await api('/api/regions/32.11/spbe/simulate', { method: 'POST', reads: true, body: {} });
    status = 409;
    await expect(api('/api/regions/32.11/units', { method: 'PUT', body: {} })).rejects.toThrow();
    expect(stale()).toBe(false);
  });

  it('forgets everything on a sign-out: the next person sees nothing of it', async () => {
    await api('/api/auth/sign-out', { method: 'POST' });
    expect(client.getQueryData(list)).toBeUndefined();
  });
});
