// Tenant isolation, generated from the route table and the module registry.
// Every route (public, signed-in, API key and permission routes, every
// method) is called by every role of a foreign region, a plain signed-in
// citizen, an API key of the foreign region and nobody, in two forms:
//   victim: the victim region in the URL, aimed at its real records;
//   own:    the caller's OWN region in the URL with the victim's record ids
//           (insecure direct object reference).
// The records come from each module's `isolation` fixtures (and the platform's,
// below). Nothing may change: every table the schema declares is fingerprinted.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import Fastify from 'fastify';
import { describeWithApp, testConfig } from './harness.js';
import { isPermission, isUnitRole, roleNames, rolesWith, anonymousActor } from '../src/platform/auth/policy.js';
import { createApiKey, createUser, grantRole, loadActor, openSession } from '../src/platform/auth/service.js';
import { inviteStaff } from '../src/platform/auth/invitations.js';
import { enableRegion, getRegion } from '../src/platform/regions/service.js';
import * as platformTables from '../src/platform/schema.js';
import { installAccess, gatewayOf } from '../src/platform/http/access.js';
import { modules } from '../src/platform/modules/registry.js';
import type { IsolationFixtures, IsolationRecords, IsolationRequest } from '../src/platform/modules/contract.js';
import type { RouteAccess } from '../src/platform/http/types.js';
import { TestClock } from './clock.js';
import type { Database } from '../src/platform/db/client.js';

const VICTIM = '32.11';
const FOREIGN = '32.73';
const REFUSED = [401, 403, 404];

/**
 * Tables any request may legitimately write, whoever sends it: the callers'
 * own sessions (sign-out ends one), rate-limit counters, idempotency claims.
 */
const VOLATILE = new Set(['sessions', 'rate_limits', 'idempotency_keys']);

/**
 * Every table the platform and the modules declare: region-owned tables (a
 * region_code column) for the victim's rows, the regions table for the
 * victim's row, every other table whole (people, frameworks, anything a
 * module owns through a parent row), except the volatile ones above. The
 * foreign region's rows may change: the callers act there legitimately.
 */
async function fingerprint(db: Database): Promise<Record<string, string>> {
  const configs = [platformTables, ...modules().map((m) => m.tables)].flatMap((t) => (Object.values(t) as PgTable[]).map((x) => getTableConfig(x)));
  const out: Record<string, string> = {};
  for (const c of configs) {
    if (VOLATILE.has(c.name)) continue;
    const where = c.columns.some((col) => col.name === 'region_code') ? `where region_code = '${VICTIM}'` : c.name === 'regions' ? `where code = '${VICTIM}'` : '';
    const [row] = await db.rows<{ n: number; h: string }>(sql.raw(`select count(*)::int as n, coalesce(md5(string_agg(x::text, ',' order by x::text)), '') as h from "${c.name}" x ${where}`));
    out[c.name] = `${row.n}:${row.h}`;
  }
  return out;
}

/** The platform's own records in the victim region, in the shape modules give theirs. */
const platformIsolation: IsolationFixtures = {
  async records(ctx, regionCode) {
    const { db } = ctx.database;
    const rows = ctx.database.rows.bind(ctx.database);
    const [unit] = await rows<{ id: string }>(sql`select id from units where region_code = ${regionCode} order by code limit 1`);
    const [grant] = await rows<{ id: string; user_id: string }>(sql`select id, user_id from grants where region_code = ${regionCode} and role = 'region_admin' limit 1`);
    const [key] = await rows<{ id: string }>(sql`select id from api_keys where region_code = ${regionCode} limit 1`);
    const email = 'calon.isolasi@sumedang.go.id';
    const invitation = await inviteStaff(ctx, (await loadActor(db, grant.user_id))!, await getRegion(db, regionCode), { email, role: 'coordinator' });
    return {
      params: { unitId: unit.id, grantId: grant.id, invitationId: invitation.id, 'api-keys/:id': key.id, date: '2026-12-24' },
      secrets: [unit.id, grant.id, invitation.id, key.id],
      private: [email],
    };
  },
  request({ method, url }) {
    const bodies: Record<string, unknown> = {
      'POST /api/regions/:region/units': { code: 'EVIL', name: 'Unit jahat' },
      'POST /api/regions/:region/invitations': { email: 'evil@bandung.test', role: 'region_admin' },
      'PUT /api/regions/:region/holidays/:date': { name: 'Libur palsu', kind: 'local' },
      'PUT /api/regions/:region/settings': { complaints: { reopenWindowDays: 1 } },
      'POST /api/regions/:region/api-keys': { name: 'evil' },
      'POST /api/regions': { code: '32.04' },
    };
    const key = `${method} ${url}`;
    return key in bodies ? { body: bodies[key] } : undefined;
  },
};

describeWithApp('tenant isolation', (h) => {
  const callers: { who: string; headers: Record<string, string> }[] = [];
  const fixtures: IsolationFixtures[] = [platformIsolation, ...modules().flatMap((m) => (m.isolation ? [m.isolation] : []))];
  const params: Record<string, string> = {};
  const secrets: string[] = [];
  const hidden: string[] = [];

  it('has isolation fixtures from every module with routes', () => {
    expect(modules().filter((m) => m.routes && !m.isolation).map((m) => m.name)).toEqual([]);
  });

  it('sets up a foreign region with every role and the victim region\'s records from every module', async () => {
    const now = h.clock.now();
    await h.ctx.database.db.transaction(async (tx) => {
      await enableRegion(tx, FOREIGN);
      const [unit] = await tx.insert(platformTables.units).values({ regionCode: FOREIGN, code: 'DPU', name: 'Dinas PU Kota Bandung' }).returning();
      // Sessions are opened directly: signing in (a password hash per caller) would only slow the test down.
      for (const role of roleNames()) {
        const userId = await createUser(tx, { email: `${role}@bandung.test`, name: `Bandung ${role}` });
        await grantRole(tx, FOREIGN, userId, role, isUnitRole(role) ? unit.id : null);
        const s = await openSession(tx, now, userId);
        callers.push({ who: role, headers: { cookie: `pamong_session=${s.sessionId}`, 'x-csrf-token': s.csrfToken } });
      }
      const s = await openSession(tx, now, await createUser(tx, { email: 'warga@bandung.test', name: 'Warga' }));
      callers.push({ who: 'citizen', headers: { cookie: `pamong_session=${s.sessionId}`, 'x-csrf-token': s.csrfToken } });
    });
    callers.push({ who: 'api-key', headers: { 'x-api-key': (await createApiKey(h.ctx, { ...anonymousActor, name: 'test' }, FOREIGN, 'bandung')).key } });
    callers.push({ who: 'anonymous', headers: {} });

    for (const f of fixtures) {
      const r: IsolationRecords = await f.records(h.ctx, VICTIM);
      for (const [name, value] of Object.entries(r.params)) {
        expect(params[name], `two fixtures fill :${name}`).toBeUndefined();
        params[name] = value;
      }
      secrets.push(...r.secrets);
      hidden.push(...r.private);
    }
    expect(secrets.length).toBeGreaterThan(5);
  });

  /** Fills a route's parameters: by the path ending in `name/:param` where a fixture gives one, else by the parameter's name. */
  function concrete(url: string, region: string): string {
    return url.replace(/:([A-Za-z_]+)/g, (match, name: string, at: number) => {
      if (name === 'region') return region;
      const before = url.slice(0, at + match.length);
      const byPath = Object.keys(params).filter((k) => k.endsWith(`/:${name}`) && before.endsWith(k)).sort((a, b) => b.length - a.length)[0];
      const value = byPath ? params[byPath] : params[name];
      if (value === undefined) throw new Error(`No isolation fixture fills :${name} of ${url}: add it to the owning module's isolation.records`);
      return value;
    });
  }

  function requestFor(route: RouteAccess, region: string): IsolationRequest {
    for (const f of fixtures) {
      const r = f.request?.(route, params, region);
      if (r) return r;
    }
    return {};
  }

  /**
   * The callers a route is tried with. On a permission route: everyone who
   * holds that permission in their own region (the strongest attacker: allowed
   * to do this, elsewhere), one role that lacks it, and the citizen, the API
   * key and nobody; every other role would only be refused by the same
   * permission check again. Every caller on the other routes.
   */
  function attackers(route: RouteAccess) {
    if (!isPermission(route.access)) return callers;
    const holders = new Set<string>(rolesWith(route.access));
    const lacking = callers.find((c) => roleNames().includes(c.who as never) && !holders.has(c.who));
    return callers.filter((c) => holders.has(c.who) || c === lacking || !roleNames().includes(c.who as never));
  }

  /** Whether the route acts in one region: named in the path, or by its gateway (Open311's jurisdiction_id). */
  const regionBound = (url: string) => url.includes(':region') || !!gatewayOf(url)?.regionOf;

  it('refuses every region route to every foreign caller, leaks no victim record under their own region, and changes nothing', async () => {
    // Sign-out ends the caller's session: it goes last.
    const routes = [...h.app.routeTable].sort((a, b) => Number(a.url.endsWith('/sign-out')) - Number(b.url.endsWith('/sign-out')));
    expect(routes.filter((r) => regionBound(r.url)).length).toBeGreaterThan(60);
    const before = await fingerprint(h.ctx.database);
    const problems: string[] = [];
    for (const route of routes) {
      const forms = regionBound(route.url) ? (['victim', 'own'] as const) : (['own'] as const);
      for (const form of forms) {
        const region = form === 'victim' ? VICTIM : FOREIGN;
        const url = concrete(route.url, region);
        const { body, query, headers: extra } = requestFor(route, region);
        const aimsAtRecord = form === 'own' && secrets.some((s) => url.includes(s));
        for (const { who, headers } of attackers(route)) {
          const i = callers.findIndex((c) => c.who === who);
          // One address per caller and form, so rate limits per address do not answer in the route's place.
          const res = await h.app.inject({
            method: route.method as 'GET', url, query, headers: { ...headers, ...extra }, remoteAddress: `10.0.${form === 'victim' ? 1 : 2}.${i + 1}`,
            ...(body === undefined ? {} : { payload: body as object }),
          });
          const said = `${who} ${route.method} ${url.replace(region, form === 'victim' ? '<victim>' : '<own>')} -> ${res.statusCode}`;
          const refused = REFUSED.includes(res.statusCode);
          if (refused) {
            const json = res.json();
            if (!(json.error?.code ?? json[0]?.code)) problems.push(`${said}: refusal without an error code`);
          }
          // A route only the platform's operators may call, or a victim region route that is not public: refused.
          if ((route.access === 'platform_admin' || (form === 'victim' && route.access !== 'public')) && !refused) problems.push(`${said}: not refused`);
          if (res.statusCode >= 300) continue;
          const text = res.body;
          for (const p of hidden) if (text.includes(p)) problems.push(`${said}: shows private ${p}`);
          // No exceptions: what is public by design (tracking by code, a complaint's photo, an Open311
          // request) answers only under its own region, and the public SPBE trend omits evaluation ids.
          if (form === 'own') {
            if (aimsAtRecord) problems.push(`${said}: answers for another region's record`);
            for (const s of secrets) if (text.includes(s)) problems.push(`${said}: shows the victim's ${s}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(await fingerprint(h.ctx.database)).toEqual(before);
    // Every route of every module times its foreign callers: it grows with the route table.
  }, 240_000);
});

it('refuses to start when a route declares no access rule', () => {
  const app = Fastify();
  installAccess(app, { database: null as never, config: testConfig(), clock: new TestClock() });
  expect(() => app.get('/api/forgotten', async () => 'oops')).toThrow(/declares no access rule/);
});
