// The bare baseline for the Living Lab (bench/livinglab.ts): a node:http
// server on its own copy of the data, with hand-written SQL.
//
// - Catalogue search, GET /api/livinglab/solutions?q=&province=&domain=&page=&perPage=:
//   the same PostgreSQL full-text query (websearch_to_tsquery('indonesian'),
//   ts_rank on the same generated column and GIN index), the same filters,
//   order (featured first, best match, newest, id), page and total, and the
//   same JSON. One named statement per combination of filters. The matches
//   are counted once and only the page's rows get their region name and
//   adopter count.
// - Adoption, POST /api/regions/:region/livinglab/adoptions {solutionId,
//   version, unitMap, take}: in one transaction, one query checks the caller
//   (session by its cookie's hash, CSRF token, a role with livinglab.adopt in
//   the region: what Pamong checks before it adopts), reads the published
//   version's units and checks the mapped units are the region's;
//   one statement of data-modifying CTEs writes what Pamong writes for a
//   region that has none of the categories: the categories, their deadlines
//   (sla_policies), their routing rules, the adoption record and the audit
//   entries (category.create, sla.set, routing.set per row, livinglab.adopt),
//   reading the content from the version inside the database.
//
// What it skips: request validation beyond what the SQL needs, comparing with categories the region already has (the
// bench adopts into fresh regions), request logging.
import '../src/modules/registry.js';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { rolesWith } from '../src/platform/auth/policy.js';
import type pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/client.js';

const database: Database = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: process.env.PAMONG_DATA_DIR! });
const ACTOR = { id: process.env.BENCH_ACTOR_ID!, label: process.env.BENCH_ACTOR_LABEL! };

type Run = <T>(name: string, text: string, values: unknown[]) => Promise<T[]>;
const query = async <T>(name: string, text: string, values: unknown[], client?: pg.PoolClient): Promise<T[]> => {
  if (database.pool) return (await (client ?? database.pool).query({ name, text, values })).rows as T[];
  return (await database.pglite!.query<T>(text, values)).rows;
};
const run: Run = (name, text, values) => query(name, text, values);

async function transaction<T>(work: (q: Run) => Promise<T>): Promise<T> {
  if (database.pool) {
    const client = await database.pool.connect();
    try {
      await client.query('begin');
      const out = await work((name, text, values) => query(name, text, values, client));
      await client.query('commit');
      return out;
    } catch (e) {
      await client.query('rollback');
      throw e;
    } finally {
      client.release();
    }
  }
  return database.pglite!.transaction((tx) => work(async <T>(_name: string, text: string, values: unknown[]) => (await tx.query<T>(text, values)).rows));
}

// ---- catalogue search ----

const searchText = (q: boolean, province: boolean, domain: boolean) => {
  const params: string[] = [];
  const p = (what: string) => (params.push(what), `$${params.length}`);
  const qp = q ? p('q') : '';
  const where = ['s.latest_version is not null', 'not s.hidden'];
  if (q) where.push('v.search @@ query.t');
  if (province) {
    const pp = p('province');
    where.push(`(s.region_code = ${pp} or s.region_code like ${pp} || '.%')`);
  }
  if (domain) where.push(`v.domain = ${p('domain')}`);
  const rank = q ? 'ts_rank(v.search, query.t)' : '0::real';
  const limit = p('limit');
  const offset = p('offset');
  return {
    params,
    text: `with m as (
      select s.region_code, s.id, s.featured, s.superseded_by_id, v.number, v.kind, v.package_kind, v.title, v.summary, v.domain, v.sector, v.published_at,
        v.application->>'duplicates' as duplicates, v.mentor, ${rank} as rank
      from livinglab_solutions s join livinglab_versions v on v.region_code = s.region_code and v.solution_id = s.id and v.number = s.latest_version
        ${q ? `, websearch_to_tsquery('indonesian', ${qp}) query(t)` : ''}
      where ${where.join(' and ')})
    select p.id, p.region_code, a.name as region_name, p.number, p.kind, p.package_kind, p.title, p.summary, p.domain, p.sector, p.published_at,
      p.featured, p.superseded_by_id, p.duplicates, p.mentor, (select count(*)::int from livinglab_adoptions x where x.solution_id = p.id) as adopters,
      (select count(*)::int from m) as total
    from (select * from m order by featured desc, rank desc, published_at desc, id limit ${limit} offset ${offset}) p
      join areas a on a.code = p.region_code
    order by p.featured desc, p.rank desc, p.published_at desc, p.id`,
  };
};
const searches = new Map<string, ReturnType<typeof searchText>>();

interface SearchRow {
  id: string; region_code: string; region_name: string; number: number; kind: string; package_kind: string | null; title: string; summary: string;
  domain: string; sector: string | null; published_at: Date; featured: boolean; superseded_by_id: string | null; duplicates: string | null; mentor: unknown; adopters: number; total: number;
}

async function search(url: URL): Promise<string> {
  const g = (k: string) => url.searchParams.get(k)?.trim() || undefined;
  const values: Record<string, unknown> = { q: g('q'), province: g('province'), domain: g('domain') };
  const page = Number(g('page') ?? 1);
  const perPage = Number(g('perPage') ?? 20);
  if (!Number.isInteger(page) || page < 1 || page > 1000 || !Number.isInteger(perPage) || perPage < 1 || perPage > 100) throw new Refused(400);
  if (values.province !== undefined && !/^\d{2}$/.test(values.province as string)) throw new Refused(400);
  if (values.domain !== undefined && values.domain !== 'publik' && values.domain !== 'administrasi') throw new Refused(400);
  values.limit = perPage;
  values.offset = (page - 1) * perPage;
  const key = `ll_search_${+!!values.q}${+!!values.province}${+!!values.domain}`;
  let statement = searches.get(key);
  if (!statement) searches.set(key, (statement = searchText(!!values.q, !!values.province, !!values.domain)));
  const rows = await run<SearchRow>(key, statement.text, statement.params.map((k) => values[k]));
  return JSON.stringify({
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      id: r.id, regionCode: r.region_code, regionName: r.region_name, version: r.number, kind: r.kind, packageKind: r.package_kind, title: r.title, summary: r.summary,
      domain: r.domain, sector: r.sector, publishedAt: r.published_at, featured: r.featured, supersededBy: r.superseded_by_id, adopters: r.adopters, duplicates: r.duplicates, mentor: r.mentor,
    })),
  });
}

// ---- adoption ----

// The caller is checked as Pamong checks it, in the same statement: a live session (by the hash of its cookie) whose
// CSRF token the request echoes, of a user holding a role with the permission in the region, or a platform admin.
const sourceRead = `select v.content->'categories' as categories,
    (select coalesce(json_agg(u.id), '[]'::json) from units u where u.region_code = $3 and u.active and u.id = any($4::uuid[])) as found,
    (select x.id from sessions se join users x on x.id = se.user_id where se.id_hash = $5 and se.expires_at > now() and se.csrf_token = $6
      and (x.platform_admin or exists (select 1 from grants g where g.user_id = x.id and g.region_code = $3 and g.role = any($7::text[])))) as actor
  from livinglab_solutions s join livinglab_versions v on v.region_code = s.region_code and v.solution_id = s.id and v.number = $2
  where s.id = $1 and s.latest_version is not null and not s.hidden and s.region_code <> $3 and v.package_kind = 'complaints.categories'`;
const adopters = rolesWith('livinglab.adopt');

// $1 region, $2 solution, $3 version, $4 unit map (jsonb), $5 take (text[]), $6 now, $7 user, $8 label
const adoptionWrite = `with src as (
    select s.region_code, v.title, v.package_kind, v.content, (select name from areas where code = s.region_code) as region_name
    from livinglab_solutions s join livinglab_versions v on v.region_code = s.region_code and v.solution_id = s.id and v.number = $3
    where s.id = $2),
  picked as (select c from src, jsonb_array_elements(src.content->'categories') c where 'category:' || (c->>'code') = any($5::text[])),
  cats as (
    insert into categories (region_code, code, name_id, name_en, description, group_name, keywords, questions, location_required, active)
    select $1, c->>'code', c->>'nameId', c->>'nameEn', c->>'description', c->>'group', c->>'keywords', c->'questions', (c->>'locationRequired')::boolean, (c->>'active')::boolean
    from picked returning id, code),
  pc as (select cats.id, picked.c from cats join picked on picked.c->>'code' = cats.code),
  sla as (
    insert into sla_policies (region_code, category_id, stage, amount, unit, target_amount)
    select $1, pc.id, d->>'stage', (d->>'amount')::int, d->>'unit', (d->>'targetAmount')::int from pc, jsonb_array_elements(pc.c->'deadlines') d
    returning category_id, stage, amount, unit, target_amount),
  routes as (
    insert into routing_rules (region_code, category_id, unit_id, valid_from, created_by)
    select $1, pc.id, ($4::jsonb->>(pc.c->>'unit'))::uuid, $6::timestamptz, $7::uuid from pc where pc.c->>'unit' is not null
    returning category_id, unit_id),
  adoption as (
    insert into livinglab_adoptions (region_code, source_region, solution_id, source, version, unit_map, taken, applied, adopted_at, updated_at, adopted_by)
    select $1, src.region_code, $2::uuid, jsonb_build_object('installation', null, 'region', src.region_name, 'title', src.title, 'packageKind', src.package_kind),
      $3::int, $4::jsonb, to_jsonb($5::text[]), (select count(*) from picked), $6::timestamptz, $6::timestamptz, $7::uuid from src
    returning id, applied),
  audits as (
    insert into audit_log (region_code, at, actor_user_id, actor_label, action, entity, entity_id, detail, before, after)
    select $1, $6::timestamptz, $7::uuid, $8, 'category.create', 'category', id::text, jsonb_build_object('code', code), null::jsonb, null::jsonb from cats
    union all select $1, $6::timestamptz, $7::uuid, $8, 'sla.set', 'sla', category_id::text || ':' || stage,
      jsonb_build_object('categoryId', category_id, 'stage', stage, 'amount', amount, 'unit', unit, 'targetAmount', target_amount), null,
      jsonb_build_object('amount', amount, 'unit', unit, 'targetAmount', target_amount) from sla
    union all select $1, $6::timestamptz, $7::uuid, $8, 'routing.set', 'category', category_id::text, jsonb_build_object('unitId', unit_id), null, jsonb_build_object('unitId', unit_id) from routes
    union all select $1, $6::timestamptz, $7::uuid, $8, 'livinglab.adopt', 'adoption', adoption.id::text,
      jsonb_build_object('title', src.title, 'from', src.region_code, 'version', $3::int, 'applied', adoption.applied, 'taken', to_jsonb($5::text[])), null, null from adoption, src)
  select id, applied from adoption`;

async function adopt(region: string, caller: { session: string; csrf: string }, body: { solutionId: string; version: number; unitMap: Record<string, string>; take: string[] }): Promise<string> {
  return transaction(async (q) => {
    const [src] = await q<{ categories: { code: string; unit: string | null }[]; found: string[]; actor: string | null }>('ll_adopt_read', sourceRead,
      [body.solutionId, body.version, region, Object.values(body.unitMap), createHash('sha256').update(caller.session).digest('hex'), caller.csrf, adopters]);
    if (!src) throw new Refused(404);
    if (src.actor !== ACTOR.id) throw new Refused(403);
    const known = new Set(src.categories.map((c) => `category:${c.code}`));
    if (body.take.some((k) => !known.has(k))) throw new Refused(422);
    const found = new Set(src.found);
    for (const c of src.categories) if (c.unit !== null && !found.has(body.unitMap[c.unit])) throw new Refused(422);
    const [row] = await q<{ id: string; applied: number }>('ll_adopt_write', adoptionWrite,
      [region, body.solutionId, body.version, JSON.stringify(body.unitMap), body.take, new Date(), ACTOR.id, ACTOR.label]);
    return JSON.stringify({ id: row.id, applied: row.applied });
  });
}

class Refused extends Error {
  constructor(readonly status: number) {
    super(String(status));
  }
}

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(body);
}

const adoptionPath = /^\/api\/regions\/(\d{2}\.\d{2})\/livinglab\/adoptions$/;

const server = createServer((req, res) => {
  const failed = (err: unknown) => {
    if (err instanceof Refused) return send(res, err.status, '{}');
    console.error(err);
    send(res, 500, JSON.stringify({ error: String(err) }));
  };
  if (req.url === '/healthz') return void res.end('ok');
  const url = new URL(req.url ?? '/', 'http://baseline');
  if (req.method === 'GET' && url.pathname === '/api/livinglab/solutions') return void search(url).then((b) => send(res, 200, b), failed);
  const adoption = req.method === 'POST' && adoptionPath.exec(url.pathname);
  if (adoption) {
    const caller = { session: /(?:^|;\s*)pamong_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1] ?? '', csrf: String(req.headers['x-csrf-token'] ?? '') };
    return void bodyOf(req).then((b) => adopt(adoption[1], caller, b as never)).then((b) => send(res, 201, b), failed);
  }
  send(res, 404, '{}');
});
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.once('SIGTERM', () => server.close(() => void database.close().then(() => process.exit(0))));
