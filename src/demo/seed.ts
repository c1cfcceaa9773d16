// The demo region: Kabupaten Sumedang (32.11) under Jawa Barat (32), with
// units, categories, routing, staff accounts and an Open311 API key.
import { eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../platform/context.js';
import { apiKeys, regions, units, users } from '../platform/schema.js';
import { createUser, grantRole } from '../platform/auth/service.js';
import { hashPassword, sha256 } from '../platform/auth/secrets.js';
import type { Role } from '../platform/auth/policy.js';
import { enableRegion } from '../platform/regions/service.js';
import { categories, routingRules, slaPolicies } from '../modules/complaints/schema.js';
import type { Question } from '../modules/complaints/domain/questions.js';
import type { Queryable } from '../platform/db/client.js';
import { seedSpbeDemo } from '../modules/spbe/demo.js';

export const DEMO_REGION = '32.11';
export const DEMO_PROVINCE = '32';
export const DEMO_PASSWORD = 'pamong-demo-2026';
export const DEMO_API_KEY = 'pmg_demo_sumedang-open311-demo-key';

export const demoAccounts: { email: string; name: string; region: string; role: Role | 'platform_admin'; unit?: string }[] = [
  { email: 'admin@pamong.demo', name: 'Admin Platform', region: DEMO_REGION, role: 'platform_admin' },
  { email: 'admin@sumedang.demo', name: 'Admin Sumedang', region: DEMO_REGION, role: 'region_admin' },
  { email: 'koordinator@sumedang.demo', name: 'Siti Koordinator', region: DEMO_REGION, role: 'coordinator' },
  { email: 'loket@sumedang.demo', name: 'Budi Loket', region: DEMO_REGION, role: 'counter_staff' },
  { email: 'petugas.pupr@sumedang.demo', name: 'Agus Petugas PUPR', region: DEMO_REGION, role: 'officer', unit: 'PUPR' },
  { email: 'kepala.pupr@sumedang.demo', name: 'Dewi Kepala PUPR', region: DEMO_REGION, role: 'unit_head', unit: 'PUPR' },
  { email: 'petugas.dlh@sumedang.demo', name: 'Rina Petugas DLH', region: DEMO_REGION, role: 'officer', unit: 'DLH' },
  { email: 'bupati@sumedang.demo', name: 'Kantor Bupati Sumedang', region: DEMO_REGION, role: 'head_of_region' },
  { email: 'koordinator@jabarprov.demo', name: 'Koordinator Provinsi Jawa Barat', region: DEMO_PROVINCE, role: 'coordinator' },
  { email: 'gubernur@jabarprov.demo', name: 'Kantor Gubernur Jawa Barat', region: DEMO_PROVINCE, role: 'head_of_region' },
  { email: 'spbe@sumedang.demo', name: 'Yudi Koordinator SPBE', region: DEMO_REGION, role: 'spbe_coordinator' },
  { email: 'petugas.kominfo@sumedang.demo', name: 'Fajar Petugas Diskominfo', region: DEMO_REGION, role: 'officer', unit: 'DISKOMINFO' },
  { email: 'inspektorat@sumedang.demo', name: 'Lia Asesor Internal', region: DEMO_REGION, role: 'internal_assessor' },
  { email: 'asesor@pamong.demo', name: 'Asesor Eksternal SPBE', region: DEMO_REGION, role: 'external_assessor' },
];

const demoUnits = [
  ['PUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang'],
  ['DLH', 'Dinas Lingkungan Hidup dan Kehutanan'],
  ['DINKES', 'Dinas Kesehatan'],
  ['DISHUB', 'Dinas Perhubungan'],
  ['DPMPTSP', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu'],
  ['DISDIK', 'Dinas Pendidikan'],
  ['DISKOMINFO', 'Dinas Komunikasi dan Informatika'],
] as const;

const severity: Question = {
  code: 'tingkat_kerusakan', datatype: 'singlevaluelist', required: true,
  description: { id: 'Seberapa parah kerusakannya?', en: 'How severe is the damage?' },
  values: [
    { key: 'ringan', name: { id: 'Ringan', en: 'Minor' } },
    { key: 'sedang', name: { id: 'Sedang', en: 'Moderate' } },
    { key: 'berat', name: { id: 'Berat, membahayakan', en: 'Severe, dangerous' } },
  ],
};

const demoCategories: { code: string; nameId: string; nameEn: string; group: string; unit: string; questions: Question[]; keywords: string; locationRequired?: boolean }[] = [
  { code: 'jalan-rusak', nameId: 'Jalan rusak atau berlubang', nameEn: 'Damaged road or pothole', group: 'Infrastruktur', unit: 'PUPR', questions: [severity], keywords: 'jalan lubang aspal' },
  { code: 'jembatan', nameId: 'Jembatan rusak', nameEn: 'Damaged bridge', group: 'Infrastruktur', unit: 'PUPR', questions: [severity], keywords: 'jembatan', locationRequired: true },
  { code: 'drainase', nameId: 'Saluran air tersumbat / banjir', nameEn: 'Blocked drain / flooding', group: 'Infrastruktur', unit: 'PUPR', questions: [], keywords: 'banjir got selokan' },
  { code: 'sampah', nameId: 'Sampah menumpuk', nameEn: 'Uncollected rubbish', group: 'Lingkungan', unit: 'DLH', questions: [], keywords: 'sampah tps' },
  { code: 'pju', nameId: 'Lampu penerangan jalan mati', nameEn: 'Street light out', group: 'Infrastruktur', unit: 'DISHUB', questions: [], keywords: 'lampu pju' },
  { code: 'layanan-kesehatan', nameId: 'Layanan puskesmas / rumah sakit', nameEn: 'Health centre or hospital service', group: 'Layanan publik', unit: 'DINKES', questions: [], keywords: 'puskesmas rsud bpjs' },
  { code: 'perizinan', nameId: 'Pelayanan perizinan', nameEn: 'Permit services', group: 'Layanan publik', unit: 'DPMPTSP', questions: [], keywords: 'izin pbg nib' },
  { code: 'sekolah', nameId: 'Sekolah dan pendidikan', nameEn: 'Schools and education', group: 'Layanan publik', unit: 'DISDIK', questions: [], keywords: 'sekolah guru ppdb' },
];

/** Every demo account gets the demo password, hashed once (argon2 is slow on purpose: once per account added seconds to each start and test file). */
export async function setDemoPassword(tx: Queryable, emails: string[]): Promise<void> {
  await tx.update(users).set({ passwordHash: await hashPassword(DEMO_PASSWORD) }).where(inArray(users.email, emails));
}
/** What each demo category covers, shown to citizens and to Open311 clients as the service description. */
const demoDescriptions: Record<string, string> = {
  'jalan-rusak': 'Jalan kabupaten yang berlubang, retak, amblas atau aspalnya mengelupas sehingga membahayakan pengguna jalan.',
  jembatan: 'Jembatan yang rusak, retak, miring, pagar pengamannya hilang, atau tidak aman dilalui kendaraan maupun pejalan kaki.',
  drainase: 'Selokan, gorong-gorong atau saluran air yang tersumbat, meluap, atau menyebabkan genangan dan banjir di permukiman maupun jalan.',
  sampah: 'Sampah yang tidak terangkut, menumpuk di TPS atau di pinggir jalan dan sungai, serta pembuangan sampah liar.',
  pju: 'Lampu penerangan jalan umum yang mati, berkedip, menyala pada siang hari, atau tiang lampunya rusak dan membahayakan.',
  'layanan-kesehatan': 'Pelayanan di puskesmas atau rumah sakit daerah: antrean, sikap petugas, ketersediaan obat, biaya, atau layanan BPJS Kesehatan.',
  perizinan: 'Pelayanan perizinan dan nonperizinan di Mal Pelayanan Publik atau DPMPTSP, seperti PBG, NIB dan izin usaha: persyaratan, waktu, atau biaya.',
  sekolah: 'Sekolah negeri di bawah pemerintah kabupaten: bangunan rusak, kekurangan guru, penerimaan murid baru (SPMB/PPDB), atau pungutan.',
};

export async function seedRegionDefaults(tx: Queryable, regionCode: string): Promise<void> {
  // 2×24 hours for a first response, aiming for 1×24 (national complaint-handling norm).
  await tx.insert(slaPolicies).values([
    { regionCode, categoryId: null, stage: 'verification', amount: 1, unit: 'working_days', targetAmount: null },
    { regionCode, categoryId: null, stage: 'response', amount: 48, unit: 'hours', targetAmount: 24 },
    { regionCode, categoryId: null, stage: 'resolution', amount: 14, unit: 'working_days', targetAmount: null },
  ]).onConflictDoNothing();
}

/** Seeds the demo once; returns false when it was already there. */
export async function seedDemo(ctx: AppContext): Promise<boolean> {
  const db = ctx.database.db;
  const [existing] = await db.select().from(regions).where(eq(regions.code, DEMO_REGION));
  if (existing) return false;
  await db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await enableRegion(tx, DEMO_PROVINCE);
    await enableRegion(tx, DEMO_REGION);
    const unitIds = new Map<string, string>();
    for (const [code, name] of demoUnits) {
      const [u] = await tx.insert(units).values({ regionCode: DEMO_REGION, code, name }).returning();
      unitIds.set(code, u.id);
    }
    const [provUnit] = await tx.insert(units).values({ regionCode: DEMO_PROVINCE, code: 'DBMPR', name: 'Dinas Bina Marga dan Penataan Ruang Provinsi' }).returning();
    for (const region of [DEMO_REGION, DEMO_PROVINCE]) await seedRegionDefaults(tx, region);
    for (const c of demoCategories) {
      const [cat] = await tx.insert(categories).values({ regionCode: DEMO_REGION, code: c.code, nameId: c.nameId, nameEn: c.nameEn, group: c.group, description: demoDescriptions[c.code], keywords: c.keywords, questions: c.questions, locationRequired: c.locationRequired ?? false }).returning();
      await tx.insert(routingRules).values({ regionCode: DEMO_REGION, categoryId: cat.id, unitId: unitIds.get(c.unit)!, validFrom: now });
    }
    const [provCat] = await tx.insert(categories).values({ regionCode: DEMO_PROVINCE, code: 'jalan-rusak', nameId: 'Jalan provinsi rusak', nameEn: 'Damaged provincial road', group: 'Infrastruktur',
      description: 'Jalan provinsi yang berlubang, retak atau amblas di wilayah Jawa Barat.', questions: [severity] }).returning();
    await tx.insert(routingRules).values({ regionCode: DEMO_PROVINCE, categoryId: provCat.id, unitId: provUnit.id, validFrom: now });
    for (const a of demoAccounts) {
      const userId = await createUser(tx, { email: a.email, name: a.name, platformAdmin: a.role === 'platform_admin' });
      if (a.role !== 'platform_admin') await grantRole(tx, a.region, userId, a.role, a.unit ? unitIds.get(a.unit)! : null);
    }
    await setDemoPassword(tx, demoAccounts.map((a) => a.email));
    await tx.insert(apiKeys).values({ regionCode: DEMO_REGION, name: 'Demo Open311', keyHash: sha256(DEMO_API_KEY), prefix: 'demo', createdAt: now });
    // SPBE: public-service indicators (42-47) with the permit office, the rest with Diskominfo.
    await seedSpbeDemo(tx, DEMO_REGION, now, (n) => unitIds.get(n >= 42 ? 'DPMPTSP' : 'DISKOMINFO')!);
  });
  return true;
}
