// The Living Lab's speed goals (issue 13, Speed): Pamong against a bare
// node:http server with hand-written SQL (bench/livinglab-baseline-server.ts),
// each on its own copy of the same data.
//
// Catalogue search: BENCH_LIVINGLAB_SOLUTIONS (27,000: the national count)
// published solutions, generated from a fixed seed with Indonesian titles,
// summaries and descriptions, owned by every kabupaten/kota of the area
// registry (all enabled as regions); besides them a few drafts, hidden ones,
// featured ones and adoptions (the adopter counts are part of the answer).
// Rows are inserted with SQL (livinglab_solutions and livinglab_versions with
// latest_version set; the search column is generated). 50 connections ask
// `GET /api/livinglab/solutions?q=…[&province=…][&domain=…]` from a mix of
// queries (two or three words, some with a province, some with a domain, a
// few on page 2), in ABBA pairs of rounds; before the rounds both sides'
// answers to every query of the mix must be the same JSON (rows, order,
// page, total). Throughput per pair (min–median–max) and p95 latency.
//
// Adoption: a source region (32.11) with 50 complaint categories, each with
// three questions, its own deadlines for the three stages and routed to one
// of ten units, published as a solution whose version holds the package
// kind's own export. Each adoption takes every line into a fresh target
// region with the same ten unit codes mapped: Pamong through
// `POST /api/regions/{r}/livinglab/adoptions`, the baseline through its own
// route (one transaction: a read that also checks the caller's session and
// role, one statement writing every row). Wall time per adoption as the
// client sees it, summed over rounds of five, the rounds in ABBA order; the
// run stops if the two sides wrote different numbers of rows.
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/platform/db/client.js';
import { createUser, grantRole, openSession } from '../src/platform/auth/service.js';
import { enableRegion } from '../src/platform/regions/service.js';
import { categoriesPackage } from '../src/modules/complaints/service/package.js';
import { CATEGORIES_FORMAT_VERSION } from '../src/modules/complaints/domain/package.js';
import { seededRng, type Rng } from '../src/demo/random.js';
import { named } from './http.js';
import { cpuMs, freshDatabase, median, postgresBackends, spread, startPamong, startServer, verdict, type Result, type Server, type Spread } from './support.js';

export interface LivinglabSettings {
  engine: 'postgres' | 'pglite';
  /** Published solutions in the catalogue; 0 skips the search. */
  solutions: number;
  seconds: number; rounds: number; connections: number;
  /** Adoptions per side after one of warm-up, in rounds of ADOPTIONS_PER_ROUND (ABBA); 0 skips adoption. */
  adoptions: number;
  port: number;
  log: (line: string) => void;
}

// ---- generated data ----

const KINDS = ['Aplikasi', 'Sistem Informasi', 'Portal', 'Layanan Daring', 'Dasbor', 'Inovasi', 'Gerakan', 'Program', 'Platform', 'Sistem Terpadu'];
const TOPICS = [
  { t: 'Pengaduan Masyarakat', w: ['pengaduan', 'laporan warga', 'tindak lanjut', 'aspirasi'], sector: '2.16', domain: 'publik' },
  { t: 'Perizinan Berusaha', w: ['perizinan', 'izin usaha', 'investasi', 'OSS'], sector: '2.18', domain: 'publik' },
  { t: 'Kependudukan dan Pencatatan Sipil', w: ['KTP elektronik', 'akta kelahiran', 'kartu keluarga', 'dukcapil'], sector: '2.12', domain: 'publik' },
  { t: 'Pelayanan Kesehatan', w: ['puskesmas', 'rumah sakit', 'rujukan', 'antrean pasien'], sector: '1.02', domain: 'publik' },
  { t: 'Pencegahan Stunting', w: ['stunting', 'posyandu', 'gizi balita', 'ibu hamil'], sector: '1.02', domain: 'publik' },
  { t: 'Pendidikan Dasar', w: ['sekolah', 'beasiswa', 'penerimaan peserta didik', 'guru'], sector: '1.01', domain: 'publik' },
  { t: 'Bantuan Sosial', w: ['bansos', 'keluarga miskin', 'DTKS', 'penyaluran bantuan'], sector: '1.06', domain: 'publik' },
  { t: 'Pajak dan Retribusi Daerah', w: ['pajak bumi dan bangunan', 'retribusi', 'pembayaran nontunai', 'QRIS'], sector: '5.02', domain: 'administrasi' },
  { t: 'Pengelolaan Keuangan Daerah', w: ['anggaran', 'belanja daerah', 'realisasi', 'SIPD'], sector: '5.02', domain: 'administrasi' },
  { t: 'Kepegawaian', w: ['ASN', 'presensi pegawai', 'kinerja pegawai', 'cuti'], sector: '5.03', domain: 'administrasi' },
  { t: 'Kearsipan dan Naskah Dinas', w: ['surat dinas', 'arsip', 'disposisi', 'tanda tangan elektronik'], sector: '2.24', domain: 'administrasi' },
  { t: 'Pengelolaan Sampah', w: ['sampah', 'bank sampah', 'TPS', 'daur ulang'], sector: '2.11', domain: 'publik' },
  { t: 'Air Bersih dan Sanitasi', w: ['air bersih', 'sanitasi', 'PDAM', 'jamban sehat'], sector: '1.03', domain: 'publik' },
  { t: 'Jalan dan Jembatan', w: ['jalan rusak', 'jembatan', 'infrastruktur', 'perbaikan jalan'], sector: '1.03', domain: 'publik' },
  { t: 'Penanggulangan Bencana', w: ['bencana', 'banjir', 'tanah longsor', 'peringatan dini'], sector: '1.05', domain: 'publik' },
  { t: 'Pertanian dan Pangan', w: ['petani', 'pupuk bersubsidi', 'harga pangan', 'lumbung pangan'], sector: '3.27', domain: 'publik' },
  { t: 'Perikanan', w: ['nelayan', 'budidaya ikan', 'tempat pelelangan ikan', 'hasil tangkapan'], sector: '3.25', domain: 'publik' },
  { t: 'Pariwisata', w: ['wisata', 'desa wisata', 'pemandu', 'kunjungan wisatawan'], sector: '3.26', domain: 'publik' },
  { t: 'UMKM dan Koperasi', w: ['UMKM', 'koperasi', 'pemasaran produk', 'pelatihan usaha'], sector: '2.17', domain: 'publik' },
  { t: 'Perencanaan Pembangunan', w: ['musrenbang', 'RPJMD', 'usulan pembangunan', 'Bappeda'], sector: '5.01', domain: 'administrasi' },
  { t: 'Transportasi', w: ['angkutan umum', 'terminal', 'parkir', 'lalu lintas'], sector: '2.15', domain: 'publik' },
  { t: 'Administrasi Desa', w: ['dana desa', 'pemerintahan desa', 'surat keterangan', 'kelurahan'], sector: '2.13', domain: 'administrasi' },
] as const;
const VERBS = ['mempercepat', 'mempermudah', 'memantau', 'mencatat', 'mengelola', 'mengintegrasikan', 'menyederhanakan', 'mendata', 'melacak', 'mengawasi'];
const WHO = ['warga', 'pelaku usaha', 'perangkat daerah', 'kader posyandu', 'operator desa', 'petugas lapangan', 'camat dan lurah', 'pimpinan daerah'];
const HOW = ['secara daring', 'melalui ponsel', 'dalam satu dasbor', 'tanpa tatap muka', 'dengan tanda tangan elektronik', 'dengan peta digital', 'lewat WhatsApp', 'secara terpadu'];
const RESULT = ['waktu layanan turun dari lima hari menjadi satu hari', 'jumlah laporan yang selesai tepat waktu naik dua kali lipat', 'biaya cetak berkurang', 'data lebih akurat dan mutakhir',
  'antrean di kantor berkurang', 'kepuasan masyarakat meningkat', 'pimpinan dapat memantau kinerja setiap minggu', 'tidak ada lagi berkas yang hilang'];

function texts(r: Rng, regionName: string) {
  const topic = r.pick(TOPICS);
  const w = () => r.pick(topic.w);
  const title = `${r.pick(KINDS)} ${topic.t}${r.next() < 0.5 ? ` ${regionName}` : ''}${r.next() < 0.3 ? ` ${2018 + r.int(8)}` : ''}`;
  const verb = r.pick(VERBS);
  const summary = `${verb[0].toUpperCase()}${verb.slice(1)} ${w()} bagi ${r.pick(WHO)} ${r.pick(HOW)}.`;
  const sentences = Array.from({ length: 3 + r.int(4) }, () =>
    r.pick([
      () => `Layanan ini ${r.pick(VERBS)} ${w()} dan ${w()} bagi ${r.pick(WHO)} ${r.pick(HOW)}.`,
      () => `Sebelumnya ${w()} dikerjakan manual; sekarang ${r.pick(RESULT)}.`,
      () => `Dikembangkan bersama ${r.pick(WHO)} di ${regionName} untuk ${r.pick(VERBS)} ${w()}.`,
      () => `Hasilnya ${r.pick(RESULT)}, terutama untuk ${w()}.`,
    ])());
  return { topic, title, summary, description: sentences.join(' ') };
}

/** The query mix: words a visitor would type, with some filters. */
const QUERIES: string[] = [
  'q=pengaduan+masyarakat', 'q=izin+usaha&province=32', 'q=stunting+posyandu', 'q=pajak+daerah+QRIS&domain=administrasi', 'q=sampah&province=35',
  'q=bantuan+sosial+keluarga+miskin', 'q=puskesmas+antrean&province=33&domain=publik', 'q=surat+dinas+elektronik&domain=administrasi', 'q=jalan+rusak+perbaikan',
  'q=desa+wisata&province=51', 'q=banjir+peringatan+dini&province=32', 'q=presensi+pegawai', 'q=air+bersih+sanitasi&domain=publik', 'q=nelayan+ikan&province=73',
  'q=akta+kelahiran', 'q=pengaduan+masyarakat&page=2', 'q=UMKM+pemasaran&province=31', 'q=musrenbang', 'q=sekolah+beasiswa&province=11', 'q=dana+desa&domain=administrasi',
];

/** BENCH solutions published in the catalogue, with drafts, hidden, featured and adoptions, from a fixed seed. */
export async function seedCatalogue(database: Database, count: number): Promise<{ regions: number }> {
  const r = seededRng(13);
  const regencies = await database.rows<{ code: string; name: string }>(sql`select code, name from areas where level = 'regency' order by code`);
  await database.rows(sql`insert into regions (code, settings) select code, '{}'::jsonb from areas where level in ('province', 'regency') on conflict do nothing`);
  const start = Date.UTC(2024, 0, 1);
  const total = Math.round(count * 1.04); // 3 % drafts, 1 % hidden
  const ids: { region: string; id: string }[] = [];
  for (let from = 0; from < total; from += 2000) {
    const batch = [];
    for (let i = from; i < Math.min(total, from + 2000); i++) {
      const region = r.pick(regencies);
      const t = texts(r, region.name.replace(/^(KABUPATEN|KOTA) /i, ''));
      const application = r.next() < 0.85;
      const published = i < count || r.next() < 0.25; // 1 % hidden among the extra
      const id = r.uuid();
      if (published && i < count) ids.push({ region: region.code, id });
      batch.push({
        region: region.code, id, kind: application ? 'application' : 'package', packageKind: application ? null : 'complaints.categories',
        title: t.title, summary: t.summary, description: t.description, domain: t.topic.domain, sector: t.topic.sector,
        application: application ? { ownerUnit: `Dinas ${t.topic.t}`, purpose: t.summary, type: 'khusus', duplicates: r.next() < 0.05 ? 'sp4n-lapor' : null, licence: null, repository: null, stack: '', hosting: 'PDN', contact: '' } : null,
        latest: published ? 1 : null, featured: published && r.next() < 0.01, hidden: i >= count && published,
        at: new Date(start + i * 60_000 + r.int(50_000)).toISOString(),
      });
    }
    const json = JSON.stringify(batch);
    await database.rows(sql`insert into livinglab_solutions (region_code, id, kind, package_kind, title, summary, description, domain, sector, application, latest_version, featured, hidden, created_at, updated_at)
      select region, id, kind, "packageKind", title, summary, description, domain, sector, application, latest, featured, hidden, at, at
      from jsonb_to_recordset(${json}::jsonb) as x(region text, id uuid, kind text, "packageKind" text, title text, summary text, description text, domain text, sector text, application jsonb, latest int, featured boolean, hidden boolean, at timestamptz)`);
    await database.rows(sql`insert into livinglab_versions (region_code, solution_id, number, kind, package_kind, format_version, title, summary, description, domain, sector, content, application, published_at)
      select region, id, 1, kind, "packageKind", case when kind = 'package' then 1 end, title, summary, description, domain, sector, null, application, at
      from jsonb_to_recordset(${json}::jsonb) as x(region text, id uuid, kind text, "packageKind" text, title text, summary text, description text, domain text, sector text, application jsonb, latest int, at timestamptz)
      where latest is not null`);
  }
  // Adoptions: some solutions adopted by a few other regions each.
  const adoptions = new Map<string, { region: string; source: string; id: string }>();
  for (let i = 0; i < Math.round(count / 10); i++) {
    const s = r.pick(ids.slice(0, Math.round(ids.length / 5)));
    const by = r.pick(regencies).code;
    if (by !== s.region) adoptions.set(`${by}/${s.id}`, { region: by, source: s.region, id: s.id });
  }
  await database.rows(sql`insert into livinglab_adoptions (region_code, source_region, solution_id, source, version, adopted_at, updated_at)
    select region, source, id, jsonb_build_object('installation', null, 'region', source, 'title', 'x', 'packageKind', null), 1, now(), now()
    from jsonb_to_recordset(${JSON.stringify([...adoptions.values()])}::jsonb) as x(region text, source text, id uuid)`);
  await database.rows(sql`analyze`);
  return { regions: regencies.length };
}

// ---- the adoption's source and targets ----

const SOURCE = '32.11';
const UNIT_CODES = ['DLH', 'PUPR', 'DINKES', 'DISDIK', 'DINSOS', 'DISHUB', 'DPMPTSP', 'DISDUKCAPIL', 'BPBD', 'SATPOLPP'];
const CATEGORIES = 50;

interface AdoptionSetup { solutionId: string; targets: { region: string; unitMap: Record<string, string> }[]; take: string[]; cookie: string; csrf: string; actor: { id: string; label: string } }

export async function setupAdoption(database: Database, targets: number, catalogueSeeded: boolean): Promise<AdoptionSetup> {
  const r = seededRng(50);
  const regionCodes = (await database.rows<{ code: string }>(sql`select code from areas where level = 'regency' and code <> ${SOURCE} order by code`)).map((x) => x.code);
  // Fresh targets: regions none of the catalogue's adoptions touched (they only add adoption rows, but keep the targets empty).
  const chosen = regionCodes.filter((_, i) => i % 7 === 3).slice(0, targets);
  if (chosen.length < targets) throw new Error(`only ${chosen.length} target regions`);
  const db = database.db;
  if (!catalogueSeeded) await enableRegion(db, SOURCE);
  for (const t of chosen) if (!catalogueSeeded) await enableRegion(db, t);
  const unitIds = async (region: string) => Object.fromEntries((await database.rows<{ id: string; code: string }>(sql`insert into units (region_code, code, name)
    select ${region}, code, 'Dinas ' || code from unnest(${`{${UNIT_CODES.join(',')}}`}::text[]) code returning id, code`)).map((u) => [u.code, u.id]));
  const sourceUnits = await unitIds(SOURCE);
  const questions = (i: number) => [
    { code: 'lokasi_detail', datatype: 'text', required: false, description: { id: `Patokan lokasi kejadian ${i}`, en: `Landmark of the place ${i}` }, values: [] },
    { code: 'tingkat', datatype: 'singlevaluelist', required: true, description: { id: 'Seberapa parah?', en: 'How bad?' },
      values: [{ key: 'ringan', name: { id: 'Ringan', en: 'Minor' } }, { key: 'sedang', name: { id: 'Sedang', en: 'Moderate' } }, { key: 'berat', name: { id: 'Berat', en: 'Severe' } }] },
    { code: 'sejak', datatype: 'datetime', required: false, description: { id: 'Sejak kapan?', en: 'Since when?' }, values: [] },
  ];
  const cats = Array.from({ length: CATEGORIES }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length];
    return {
      code: `kat-${String(i + 1).padStart(2, '0')}`, nameId: `${topic.t} ${i + 1}`, nameEn: `Category ${i + 1}`, description: `Laporan tentang ${topic.w.join(', ')}.`,
      group: topic.t, keywords: topic.w.join(' '), questions: questions(i + 1), locationRequired: r.next() < 0.5, unit: UNIT_CODES[i % UNIT_CODES.length],
      deadlines: [['verification', 24, 'hours'], ['response', 3, 'working_days'], ['resolution', 14, 'working_days']].map(([stage, amount, unit]) => ({ stage, amount: (amount as number) + r.int(3), unit, target: r.next() < 0.3 ? 1 : null })),
    };
  });
  await database.rows(sql`with c as (
      insert into categories (region_code, code, name_id, name_en, description, group_name, keywords, questions, location_required, active)
      select ${SOURCE}, code, "nameId", "nameEn", description, "group", keywords, questions, "locationRequired", true
      from jsonb_to_recordset(${JSON.stringify(cats)}::jsonb) as x(code text, "nameId" text, "nameEn" text, description text, "group" text, keywords text, questions jsonb, "locationRequired" boolean)
      returning id, code),
    src as (select c.id, x.unit, x.deadlines from c join jsonb_to_recordset(${JSON.stringify(cats)}::jsonb) as x(code text, unit text, deadlines jsonb) on x.code = c.code),
    s as (insert into sla_policies (region_code, category_id, stage, amount, unit, target_amount)
      select ${SOURCE}, src.id, d->>'stage', (d->>'amount')::int, d->>'unit', (d->>'target')::int from src, jsonb_array_elements(src.deadlines) d)
    insert into routing_rules (region_code, category_id, unit_id, valid_from)
    select ${SOURCE}, src.id, (${JSON.stringify(sourceUnits)}::jsonb->>src.unit)::uuid, now() from src`);
  // Published as a solution: the version holds the package kind's own export.
  const content = await db.transaction((tx) => categoriesPackage.export(tx, SOURCE, []));
  const [{ id: solutionId }] = await database.rows<{ id: string }>(sql`with s as (
      insert into livinglab_solutions (region_code, kind, package_kind, title, summary, description, domain, sector, latest_version, created_at, updated_at)
      values (${SOURCE}, 'package', 'complaints.categories', 'Kategori pengaduan lengkap Sumedang', '50 kategori dengan pertanyaan, batas waktu dan rute', 'Paket uji bench.', 'publik', '2.16', 1, now(), now())
      returning region_code, id, kind, package_kind, title, summary, description, domain, sector)
    insert into livinglab_versions (region_code, solution_id, number, kind, package_kind, format_version, title, summary, description, domain, sector, content, published_at)
    select region_code, id, 1, kind, package_kind, ${CATEGORIES_FORMAT_VERSION}, title, summary, description, domain, sector, ${JSON.stringify(content)}::jsonb, now() from s
    returning solution_id as id`);
  const userId = await createUser(db, { email: 'livinglab.bench@contoh.id', name: 'Petugas Living Lab Uji' });
  const out: AdoptionSetup['targets'] = [];
  for (const t of chosen) {
    await grantRole(db, t, userId, 'livinglab_officer', null);
    out.push({ region: t, unitMap: await unitIds(t) });
  }
  const session = await openSession(db, new Date(), userId);
  return {
    solutionId, targets: out, take: content.categories.map((c) => `category:${c.code}`), cookie: `pamong_session=${session.sessionId}`, csrf: session.csrfToken,
    actor: { id: userId, label: 'livinglab.bench@contoh.id' },
  };
}

// ---- load ----

interface Round { rps: number; p95: number; p50: number; requests: number; errors: number; statuses: Record<string, number>; cpuMs: number; dbCpuMs: number }

/** CPU time of the PostgreSQL backends serving one side (by application_name), in ms; 0 on PGlite. */
const backendsCpu = async (application: string | null) => (application ? (await postgresBackends(application)).reduce((sum, pid) => { try { return sum + cpuMs(pid); } catch { return sum; } }, 0) : 0);

/** autocannon for `seconds`, every response time kept for the p95 (autocannon's own percentiles skip it). */
async function searchLoad(server: Server, seconds: number, connections: number, application: string | null = null): Promise<Round> {
  const times: number[] = [];
  let n = 0;
  const cpu0 = cpuMs(server.pid);
  const db0 = await backendsCpu(application);
  const r = await new Promise<Omit<Round, 'cpuMs' | 'dbCpuMs'>>((resolve, reject) => {
    const instance = autocannon({
      url: server.url('/'), duration: seconds, connections, timeout: 10,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/livinglab/solutions?${QUERIES[n++ % QUERIES.length]}` }) }],
    }, (err, r) => {
      if (err) return reject(err);
      times.sort((a, b) => a - b);
      const statuses: Record<string, number> = {};
      for (const [k, v] of Object.entries(r.statusCodeStats ?? {})) statuses[k] = (v as { count: number }).count;
      resolve({
        rps: r.requests.total / r.duration, p95: times[Math.floor(times.length * 0.95)] ?? 0, p50: times[Math.floor(times.length * 0.5)] ?? 0,
        requests: r.requests.total, errors: r.errors + r.timeouts + r.non2xx, statuses,
      });
    });
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  });
  return { ...r, cpuMs: cpuMs(server.pid) - cpu0, dbCpuMs: (await backendsCpu(application)) - db0 };
}

/** Both sides' answers to every query of the mix: the same JSON, or the comparison means nothing. */
async function sameAnswers(ours: Server, base: Server): Promise<number[]> {
  const totals: number[] = [];
  for (const q of QUERIES) {
    const [a, b] = await Promise.all([ours, base].map(async (s) => {
      const res = await fetch(s.url(`/api/livinglab/solutions?${q}`));
      if (res.status !== 200) throw new Error(`${s.url(q)}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<{ total: number; items: { publishedAt: string }[] }>;
    }));
    for (const x of [a, b]) for (const i of x.items) i.publishedAt = new Date(i.publishedAt).toISOString();
    if (!isDeepStrictEqual(a, b)) throw new Error(`the search answers differ for ${q}:\n${JSON.stringify(a).slice(0, 2000)}\n${JSON.stringify(b).slice(0, 2000)}`);
    totals.push(a.total);
  }
  return totals;
}

/** Rows in a target region, per table: what an adoption wrote. */
async function written(database: Database, region: string, solutionId: string): Promise<Record<string, number>> {
  const [row] = await database.rows<Record<string, number>>(sql`select
    (select count(*)::int from categories where region_code = ${region}) as categories,
    (select coalesce(sum(jsonb_array_length(questions)), 0)::int from categories where region_code = ${region}) as questions,
    (select count(*)::int from sla_policies where region_code = ${region}) as sla,
    (select count(*)::int from routing_rules where region_code = ${region}) as routes,
    (select count(*)::int from livinglab_adoptions where region_code = ${region} and solution_id = ${solutionId}) as adoptions,
    (select count(*)::int from audit_log where region_code = ${region} and action <> 'grant.create') as audit`);
  return row;
}

export interface LivinglabOutcome { results: Result[]; table: string[] }

const GOALS = { search: 0.8, adoption: 2 };
/** Adoptions per side in one round; the ratio is taken per pair of rounds. */
export const ADOPTIONS_PER_ROUND = 5;

export async function livinglabBench(s: LivinglabSettings): Promise<LivinglabOutcome> {
  const base = await freshDatabase(s.engine, 'pamong_bench_livinglab', { seed: false });
  let copy: Awaited<ReturnType<typeof base.copy>> | null = null;
  const servers: Server[] = [];
  const results: Result[] = [];
  const table: string[] = [];
  try {
    const database = await base.open(4);
    let setup: AdoptionSetup;
    try {
      if (s.solutions > 0) {
        const t0 = performance.now();
        const { regions } = await seedCatalogue(database, s.solutions);
        s.log(`${s.engine}: ${s.solutions} published solutions over ${regions} kabupaten/kota in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      }
      setup = await setupAdoption(database, s.adoptions + 1, s.solutions > 0);
    } finally {
      await database.close();
    }
    copy = await base.copy();
    const ours = await startPamong({ ...named(base.env, 'bench-pamong'), LOG_LEVEL: 'info', PAMONG_WORKERS: 'true' }, s.port);
    servers.push(ours);
    const bare = await startServer(['bench/livinglab-baseline-server.ts'], { ...named(copy.env, 'bench-baseline'), BENCH_ACTOR_ID: setup.actor.id, BENCH_ACTOR_LABEL: setup.actor.label }, s.port + 1);
    servers.push(bare);

    if (s.solutions > 0) {
      const totals = await sameAnswers(ours, bare);
      s.log(`${s.engine}: both sides give the same ${QUERIES.length} answers (totals ${Math.min(...totals)}–${Math.max(...totals)})`);
      await searchLoad(ours, 2, s.connections);
      await searchLoad(bare, 2, s.connections);
      const rounds = { ours: [] as Round[], base: [] as Round[] };
      const seconds = s.seconds / s.rounds;
      for (let i = 0; i < s.rounds; i++) {
        const order = i % 2 === 0 ? (['ours', 'base'] as const) : (['base', 'ours'] as const);
        for (const who of order) rounds[who].push(await searchLoad(who === 'ours' ? ours : bare, seconds, s.connections, s.engine === 'postgres' ? `bench-${who === 'ours' ? 'pamong' : 'baseline'}` : null));
        if (rounds.base[i].errors) throw new Error(`the baseline failed ${rounds.base[i].errors} searches: ${JSON.stringify(rounds.base[i].statuses)}`);
      }
      const ratio = spread(rounds.ours.map((r, i) => r.rps / rounds.base[i].rps));
      const p95ratio = spread(rounds.ours.map((r, i) => rounds.base[i].p95 / Math.max(r.p95, 0.001)));
      const rps = (rs: Round[]) => rs.reduce((a, r) => a + r.requests, 0) / (seconds * rs.length);
      const p95 = (rs: Round[]) => median(rs.map((r) => r.p95));
      const errors = rounds.ours.reduce((a, r) => a + r.errors, 0);
      const cpu = (rs: Round[]) => {
        const n = rs.reduce((a, r) => a + r.requests, 0);
        return `${(rs.reduce((a, r) => a + r.cpuMs, 0) / n).toFixed(2)}${s.engine === 'postgres' ? ` + ${(rs.reduce((a, r) => a + r.dbCpuMs, 0) / n).toFixed(2)}` : ''}`;
      };
      const say = (r: Spread) => `${r.min.toFixed(2)}–**${r.median.toFixed(2)}**–${r.max.toFixed(2)}`;
      const v = verdict(ratio, (x) => x >= GOALS.search);
      const vp = verdict(p95ratio, (x) => x >= GOALS.search);
      const what = `catalogue search, ${s.solutions.toLocaleString('en-US')} solutions, ${s.connections} users, ${s.engine}`;
      results.push({
        section: 'livinglab', what: `${what}: throughput`,
        figure: `${ratio.median.toFixed(2)}× median of ${s.rounds} ABBA rounds (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}; ${Math.round(rps(rounds.ours))} vs ${Math.round(rps(rounds.base))} req/s${errors ? `; ${errors} errors` : ''})${v === 'noise' ? ': within noise' : ''}`,
        goal: `≥ ${GOALS.search}× baseline`, met: v === 'noise' ? null : v && errors === 0,
      });
      results.push({
        section: 'livinglab', what: `${what}: p95 latency (baseline's p95 / Pamong's)`,
        figure: `p95 ${p95(rounds.ours).toFixed(0)} vs ${p95(rounds.base).toFixed(0)} ms; ${p95ratio.median.toFixed(2)}× (${p95ratio.min.toFixed(2)}–${p95ratio.max.toFixed(2)})${vp === 'noise' ? ': within noise' : ''}`,
        goal: `≥ ${GOALS.search}× (Pamong's p95 ≤ 1.25× baseline's)`, met: vp === 'noise' ? null : vp && errors === 0,
      });
      table.push(`| search, ${s.connections} connections | ${s.engine} | ${Math.round(rps(rounds.ours))} | ${Math.round(rps(rounds.base))} | ${say(ratio)} | ${p95(rounds.ours).toFixed(0)} / ${p95(rounds.base).toFixed(0)} | ${say(p95ratio)} (base/Pamong p95); CPU ms/request server + database: Pamong ${cpu(rounds.ours)}, baseline ${cpu(rounds.base)} |`);
    }

    if (s.adoptions > 0) {
      const adopt = async (server: Server, t: AdoptionSetup['targets'][number]) => {
        const body = JSON.stringify({ solutionId: setup.solutionId, version: 1, unitMap: t.unitMap, take: setup.take });
        const started = performance.now();
        const res = await fetch(server.url(`/api/regions/${t.region}/livinglab/adoptions`), {
          method: 'POST', body, headers: { 'content-type': 'application/json', cookie: setup.cookie, 'x-csrf-token': setup.csrf },
        });
        const text = await res.text();
        const ms = performance.now() - started;
        if (res.status !== 201) throw new Error(`${server === ours ? 'Pamong' : 'the baseline'} refused the adoption into ${t.region}: ${res.status} ${text}`);
        const applied = (JSON.parse(text) as { applied: number }).applied;
        if (applied !== CATEGORIES) throw new Error(`applied ${applied}, not ${CATEGORIES}`);
        return ms;
      };
      const [warm, ...targets] = setup.targets;
      await adopt(ours, warm);
      await adopt(bare, warm);
      // Rounds of a few adoptions each, in ABBA order: one adoption's time swings with a pause or a slow flush, a round's less.
      const times = { ours: [] as number[], base: [] as number[] };
      const roundTimes = { ours: [] as number[], base: [] as number[] };
      for (let r = 0; r * ADOPTIONS_PER_ROUND < targets.length; r++) {
        const order = r % 2 === 0 ? (['ours', 'base'] as const) : (['base', 'ours'] as const);
        for (const who of order) {
          const round = [];
          for (const t of targets.slice(r * ADOPTIONS_PER_ROUND, (r + 1) * ADOPTIONS_PER_ROUND)) round.push(await adopt(who === 'ours' ? ours : bare, t));
          times[who].push(...round);
          roundTimes[who].push(round.reduce((a, b) => a + b, 0));
        }
      }
      for (const srv of servers.splice(0)) await srv.stop();
      // The same rows on both sides in every target region, or the comparison means nothing.
      const [a, b] = [await base.open(1), await copy.open(1)];
      let rows: Record<string, number> = {};
      try {
        for (const t of setup.targets) {
          const [x, y] = [await written(a, t.region, setup.solutionId), await written(b, t.region, setup.solutionId)];
          if (!isDeepStrictEqual(x, y)) throw new Error(`the two sides wrote different rows into ${t.region}: Pamong ${JSON.stringify(x)}, baseline ${JSON.stringify(y)}`);
          rows = x;
        }
      } finally {
        await a.close();
        await b.close();
      }
      const ratio = spread(roundTimes.ours.map((t, i) => t / roundTimes.base[i]));
      const v = verdict(ratio, (x) => x <= GOALS.adoption);
      results.push({
        section: 'livinglab', what: `adopting ${CATEGORIES} complaint categories with their questions in one transaction, ${s.engine}`,
        figure: `${ratio.median.toFixed(2)}× the baseline's time, median of ${roundTimes.ours.length} ABBA pairs of rounds of ${ADOPTIONS_PER_ROUND} adoptions (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}; ${median(times.ours).toFixed(0)} vs ${median(times.base).toFixed(0)} ms per adoption)${v === 'noise' ? ': within noise' : ''}`,
        goal: `≤ ${GOALS.adoption}× writing the rows directly`, met: v === 'noise' ? null : v,
      });
      table.push(`| adoption of ${CATEGORIES} categories | ${s.engine} | ${median(times.ours).toFixed(1)} ms | ${median(times.base).toFixed(1)} ms | ${ratio.min.toFixed(2)}–**${ratio.median.toFixed(2)}**–${ratio.max.toFixed(2)} (time, Pamong / baseline) | rows per adoption, both sides: ${Object.entries(rows).map(([k, n]) => `${n} ${k}`).join(', ')} | |`);
    }
  } finally {
    for (const srv of servers) await srv.stop();
    await copy?.remove();
    await base.remove();
  }
  return { results, table };
}
