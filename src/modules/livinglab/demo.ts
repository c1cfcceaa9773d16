// The demo region's Living Lab: Sumedang's Living Lab officer and a Jawa
// Barat curator sign in with the demo password. Sumedang publishes its
// complaint categories and its public services as packages (whichever of
// those modules are installed, read from its demo configuration as a
// publication would read it), its SPBE practice for complaints handling and
// its SAKIP indicator set with their own mentors, an SPBE-era application
// outside Pamong, and a draft still being written. Invented demo content in the shape the use
// cases leave behind.
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import type { DemoPlace } from '../../platform/modules/contract.js';
import { grants, units, users } from '../../platform/schema.js';
import { createUser, grantRole } from '../../platform/auth/service.js';
import { findPackageKind } from '../../platform/modules/packages.js';
import { livinglabAdoptions, livinglabApplications, livinglabProposals, livinglabRatings, livinglabSolutions, livinglabVersions } from './schema.js';
import type { ApplicationFacts, Domain, Mentor } from './domain/solution.js';
import { packageTags } from './service/solutions.js';

export const DEMO_LIVINGLAB_ACCOUNTS = [
  { email: 'livinglab@sumedang.demo', name: 'Rina Living Lab Sumedang', region: 'place', role: 'livinglab_officer' },
  { email: 'kurator@jabarprov.demo', name: 'Kurator Living Lab Jawa Barat', region: 'province', role: 'livinglab_curator' },
] as const;

const mentor: Mentor = { name: 'Rina Living Lab Sumedang', role: 'Petugas Living Lab, Diskominfo Kabupaten Sumedang', contact: 'livinglab@sumedang.demo' };

interface DemoSolution {
  title: string; summary: string; description: string; domain: Domain; sector: string | null;
  packageKind?: string; application?: ApplicationFacts; published: { daysAgo: number; changelog: string }[];
}

const solutions: DemoSolution[] = [
  {
    title: 'Kategori pengaduan dan tenggat Sumedang',
    summary: 'Kategori pengaduan warga dengan pertanyaan tambahan, tenggat per tahap dan perangkat daerah penanganannya, seperti dipakai Kabupaten Sumedang.',
    description: 'Paket ini memuat kategori pengaduan (jalan rusak, sampah, penerangan jalan, dan lainnya) beserta pertanyaan tambahan untuk pelapor, tenggat verifikasi, tanggapan dan penyelesaian, serta perangkat daerah yang menangani tiap kategori. Daerah pengadopsi memetakan perangkat daerah Sumedang ke perangkat daerahnya sendiri.',
    domain: 'publik', sector: '2.16', packageKind: 'complaints.categories',
    published: [{ daysAgo: 200, changelog: 'Versi pertama.' }, { daysAgo: 40, changelog: 'Tenggat tanggapan disesuaikan dengan Perbup terbaru.' }],
  },
  {
    title: 'Layanan surat keterangan dan perizinan Sumedang',
    summary: 'Standar pelayanan, formulir, alur dan templat surat hasil untuk layanan kecamatan dan perizinan, siap diadopsi sebagai draf.',
    description: 'Definisi layanan publik lengkap dengan 14 komponen standar pelayanan (PermenPANRB 15/2014), formulir permohonan, tahapan pemrosesan dan templat dokumen hasil. Layanan yang diadopsi masuk sebagai draf untuk ditinjau dan diterbitkan oleh daerah pengadopsi.',
    domain: 'publik', sector: '2.18', packageKind: 'layanan.services',
    published: [{ daysAgo: 60, changelog: 'Versi pertama.' }],
  },
  {
    title: 'Aplikasi absensi desa berbasis ponsel',
    summary: 'Aplikasi kehadiran perangkat desa dengan lokasi dan foto, dipakai 270 desa di Sumedang.',
    description: 'Perangkat desa mencatat kehadiran dari ponsel; kecamatan melihat rekap harian. Kode sumber tersedia untuk daerah lain dengan lisensi terbuka; Diskominfo Sumedang mendampingi pemasangan dan pelatihan.',
    domain: 'administrasi', sector: '2.13',
    application: {
      ownerUnit: 'Dinas Komunikasi dan Informatika', purpose: 'Kehadiran perangkat desa dan rekap per kecamatan', type: 'khusus', duplicates: null,
      licence: 'AGPL-3.0-or-later', repository: 'https://git.sumedang.demo/diskominfo/absensi-desa', stack: 'PHP, PostgreSQL, Android', hosting: 'Pusat data Kabupaten Sumedang', contact: 'diskominfo@sumedang.demo',
    },
    published: [{ daysAgo: 300, changelog: 'Versi pertama.' }],
  },
  {
    title: 'Aplikasi persuratan dinas (draf)',
    summary: 'Catatan aplikasi persuratan lama; sedang ditinjau karena tugasnya sama dengan SRIKANDI.',
    description: '', domain: 'administrasi', sector: null,
    application: {
      ownerUnit: 'Sekretariat Daerah', purpose: 'Surat masuk dan keluar', type: 'khusus', duplicates: 'srikandi',
      licence: null, repository: null, stack: '', hosting: '', contact: '',
    },
    published: [],
  },
];

export async function seedLivinglabDemo(tx: Queryable, place: DemoPlace): Promise<void> {
  // The demo password's hash, taken from the region admin's account (hashing it again costs every start a second).
  const [hash] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(sql`lower(${users.email}) = 'admin@sumedang.demo'`);
  let officer: string | null = null;
  for (const a of DEMO_LIVINGLAB_ACCOUNTS) {
    const id = await createUser(tx, { email: a.email, name: a.name, passwordHash: hash?.passwordHash ?? undefined });
    await grantRole(tx, a.region === 'place' ? place.region : place.province, id, a.role, null);
    if (a.role === 'livinglab_officer') officer = id;
  }
  const day = (d: number) => new Date(place.now.getTime() - d * 86_400_000);
  await seedPortfolio(tx, place, day);
  for (const s of solutions) await insertDemoSolution(tx, place, officer, s, mentor, day);
  await seedPracticeSolutions(tx, place, officer, day);
}

/** A demo solution as its use cases leave it: the package read from the region's demo configuration, each version published. */
async function insertDemoSolution(tx: Queryable, place: DemoPlace, officer: string | null, s: DemoSolution, by: Mentor, day: (d: number) => Date) {
  const kind = s.packageKind ? findPackageKind(s.packageKind) : undefined;
  if (s.packageKind && !kind) return; // that module is not installed here
  const content = kind ? kind.kind.content.parse(await kind.kind.export(tx, place.region, [])) : null;
  const created = day(s.published[0]?.daysAgo ?? 5);
  const [row] = await tx.insert(livinglabSolutions).values({
    regionCode: place.region, kind: kind ? 'package' : 'application', packageKind: s.packageKind ?? null, title: s.title, summary: s.summary,
    description: s.description, domain: s.domain, sector: s.sector, application: s.application ?? null, mentor: by,
    latestVersion: s.published.length || null, featured: s.packageKind === 'complaints.categories', createdAt: created, updatedAt: created, updatedBy: officer,
  }).returning({ id: livinglabSolutions.id });
  for (const [i, p] of s.published.entries()) {
    await tx.insert(livinglabVersions).values({
      regionCode: place.region, solutionId: row.id, number: i + 1, kind: kind ? 'package' : 'application', packageKind: s.packageKind ?? null,
      formatVersion: kind?.kind.formatVersion ?? null, title: s.title, summary: s.summary, description: s.description, domain: s.domain, sector: s.sector,
      content, tags: kind ? packageTags(kind.kind, content) : [], application: s.application ?? null, mentor: by, changelog: p.changelog, publishedAt: day(p.daysAgo), publishedBy: officer,
    });
  }
}

/**
 * Sumedang's SPBE practice for complaints handling (indicator 44: its note,
 * SOP and evidence checklist), mentored by its SPBE coordinator, and its
 * SAKIP indicator set, mentored by its SAKIP coordinator; "learn from the
 * leaders" links to the first.
 */
async function seedPracticeSolutions(tx: Queryable, place: DemoPlace, officer: string | null, day: (d: number) => Date) {
  await insertDemoSolution(tx, place, officer, {
    title: 'Praktik SPBE: pengaduan warga terpadu (indikator 44)',
    summary: 'Cara Sumedang mencapai tingkat 5 pada layanan pengaduan publik: catatan praktik, SOP dan daftar bukti dukung yang perlu disiapkan.',
    description: 'Paket praktik SPBE untuk indikator layanan pengaduan pelayanan publik: penjelasan pemenuhan kriteria, SOP pengelolaan pengaduan terpadu, dan daftar bukti dukung (Perbup, SOP, rekap ketepatan waktu, tangkapan layar). Daerah pengadopsi mendapat praktik ini di layar evaluasi SPBE-nya, di samping indikator yang sama; jawaban evaluasinya sendiri tidak berubah.',
    domain: 'publik', sector: '2.16', packageKind: 'spbe.practices', published: [{ daysAgo: 30, changelog: 'Versi pertama, dari evaluasi SPBE 2025.' }],
  }, { name: 'Koordinator SPBE Sumedang', role: 'Koordinator SPBE, Diskominfo Kabupaten Sumedang', contact: 'spbe@sumedang.demo' }, day);
  await insertDemoSolution(tx, place, officer, {
    title: 'Set indikator kinerja Sumedang: stunting, kemiskinan, SPBE, pengaduan',
    summary: 'Definisi operasional, rumus, satuan dan sumber data indikator kinerja yang dipakai RPJMD dan Renstra Sumedang.',
    description: 'Indikator dari katalog indikator Sumedang, siap masuk ke katalog indikator daerah pengadopsi. Target dan realisasi tidak ikut: itu angka daerah masing-masing.',
    domain: 'administrasi', sector: null, packageKind: 'sakip.indicators', published: [{ daysAgo: 20, changelog: 'Versi pertama.' }],
  }, { name: 'Koordinator SAKIP Sumedang', role: 'Bagian Organisasi, Setda Kabupaten Sumedang', contact: 'sakip@sumedang.demo' }, day);
}

/**
 * Sumedang's inventory (three applications, one retired because SRIKANDI
 * does its work) and two proposals for next year's budget: one approved, one
 * still to decide. Its SPBE coordinator decides proposals (the Living Lab's
 * SPBE team role) and Diskominfo's officer proposes for Diskominfo.
 */
async function seedPortfolio(tx: Queryable, place: DemoPlace, day: (d: number) => Date) {
  const byEmail = async (email: string) => (await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`))[0]?.id;
  const team = await byEmail('spbe@sumedang.demo');
  const proposer = await byEmail('petugas.kominfo@sumedang.demo');
  if (team) await grantRole(tx, place.region, team, 'livinglab_reviewer', null);
  if (proposer) await grantRole(tx, place.region, proposer, 'livinglab_proposer', place.unit('DISKOMINFO'));
  const inventory = [
    { name: 'Absensi desa', unitId: place.unit('DISKOMINFO'), purpose: 'Kehadiran perangkat desa dari ponsel', domain: 'administrasi', sector: '2.13', users: 'Perangkat desa, kecamatan', hosting: 'Pusat data daerah', costPerYear: 60_000_000, status: 'live' as const, duplicates: null },
    { name: 'Pamong (pengaduan, layanan, SAKIP)', unitId: place.unit('DISKOMINFO'), purpose: 'Pengaduan warga, layanan publik daring, akuntabilitas kinerja', domain: 'publik', sector: '2.16', users: 'Warga, ASN', hosting: 'Pusat data daerah', costPerYear: 150_000_000, status: 'live' as const, duplicates: null },
    { name: 'e-Surat lama', unitId: place.unit('DISKOMINFO'), purpose: 'Surat masuk dan keluar', domain: 'administrasi', sector: null, users: 'Sekretariat', hosting: 'Server dinas', costPerYear: 0, status: 'retired' as const, duplicates: 'srikandi' },
  ];
  await tx.insert(livinglabApplications).values(inventory.map((a) => ({ regionCode: place.region, ...a, updatedAt: day(30) })));
  const year = Number(place.now.toISOString().slice(0, 4)) + 1;
  await tx.insert(livinglabProposals).values([
    { regionCode: place.region, unitId: place.unit('DISKOMINFO'), year, title: 'Peningkatan kapasitas pusat data', purpose: 'Penyimpanan dan cadangan untuk aplikasi daerah', domain: 'administrasi', sector: '2.16',
      estimatedCost: 750_000_000, status: 'approved', decisionReason: 'Sesuai peta rencana SPBE; tidak ada solusi bersama yang menggantikan.', proposedBy: proposer, proposedAt: day(40), decidedBy: team, decidedAt: day(20) },
    { regionCode: place.region, unitId: place.unit('DINKES'), year, title: 'Aplikasi antrean puskesmas', purpose: 'Warga mengambil nomor antrean puskesmas dari ponsel', domain: 'publik', sector: '1.02',
      estimatedCost: 300_000_000, status: 'submitted', proposedBy: proposer, proposedAt: day(3) },
  ]);
}

/**
 * The showcase's Jawa Barat regions that adopted Sumedang's complaint
 * categories eight months ago (their categories are Sumedang's, so nothing
 * needed writing), each rated by its region admin: the solution's page shows
 * its adopters, their ratings and their figures before and after, from the
 * showcase's own complaint history. The first had proposed building its own
 * complaints app; its SPBE team chose to adopt instead (the budget shows what
 * that avoided). Idempotent: a region that adopted already is left.
 */
export async function seedLivinglabShowcase(tx: Queryable, source: string, adopters: readonly string[], now: Date): Promise<boolean> {
  const [solution] = await tx.select({ id: livinglabSolutions.id, title: livinglabSolutions.title }).from(livinglabSolutions)
    .where(and(eq(livinglabSolutions.regionCode, source), eq(livinglabSolutions.packageKind, 'complaints.categories')));
  if (!solution) return false;
  const at = new Date(now.getTime() - 240 * 86_400_000);
  const reviews = [
    'Kategori dan pertanyaannya langsung terpakai; kami hanya menyesuaikan perangkat daerah penanganan.',
    'Tenggat tanggapan cocok dengan Perbup kami; panduan pelatihannya membantu petugas loket.',
  ];
  let added = false;
  for (const [i, region] of adopters.entries()) {
    const [done] = await tx.insert(livinglabAdoptions).values({
      regionCode: region, sourceRegion: source, solutionId: solution.id, source: { installation: null, region: 'Kabupaten Sumedang', title: solution.title, packageKind: 'complaints.categories' },
      version: 1, adoptedAt: at, updatedAt: at, applied: 0,
    }).onConflictDoNothing().returning({ id: livinglabAdoptions.id });
    if (!done) continue;
    added = true;
    // The first adopter had proposed its own complaints app; its SPBE team chose to adopt Sumedang's instead.
    const [unit] = i === 0 ? await tx.select({ id: units.id }).from(units).where(eq(units.regionCode, region)).limit(1) : [];
    if (unit) {
      await tx.insert(livinglabProposals).values({
        regionCode: region, unitId: unit.id, year: Number(at.toISOString().slice(0, 4)), title: 'Aplikasi pengaduan warga kota', purpose: 'Kanal pengaduan warga dengan kategori dan batas waktu',
        domain: 'publik', estimatedCost: 400_000_000, status: 'adopt_instead', adoptSolutionId: solution.id,
        decisionReason: 'Kategori pengaduan Sumedang sudah teruji; diadopsi lewat Living Lab, tidak membangun aplikasi baru.',
        proposedAt: new Date(at.getTime() - 30 * 86_400_000), decidedAt: new Date(at.getTime() - 5 * 86_400_000),
      });
    }
    const [admin] = await tx.select({ userId: grants.userId }).from(grants).where(and(eq(grants.regionCode, region), eq(grants.role, 'region_admin'))).limit(1);
    if (admin) {
      await tx.insert(livinglabRatings).values({
        regionCode: region, solutionId: solution.id, userId: admin.userId, fitness: 5 - i, ease: 4, stability: 4, support: 5, documentation: 4 - i, review: reviews[i % reviews.length],
        ratedAt: new Date(at.getTime() + 60 * 86_400_000),
      });
    }
  }
  return added;
}
