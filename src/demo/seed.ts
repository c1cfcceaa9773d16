// The demo region: Kabupaten Sumedang (32.11) under Jawa Barat (32), with
// units, staff accounts and an Open311 API key; each module adds its own
// records (complaint categories, an SPBE evaluation) through its demo hook.
import { eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../platform/context.js';
import { apiKeys, regions, units, users } from '../platform/schema.js';
import { createUser, grantRole } from '../platform/auth/service.js';
import { hashPassword, sha256 } from '../platform/auth/secrets.js';
import type { Role } from '../platform/auth/policy.js';
import { enableRegion } from '../platform/regions/service.js';
import type { Queryable } from '../platform/db/client.js';
import { modules } from '../platform/modules/registry.js';

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
  { email: 'sakip@sumedang.demo', name: 'Rahmat Koordinator SAKIP', region: DEMO_REGION, role: 'sakip_coordinator' },
  { email: 'perencana.dinkes@sumedang.demo', name: 'Nina Perencana Dinkes', region: DEMO_REGION, role: 'sakip_planner', unit: 'DINKES' },
  { email: 'perencana.kominfo@sumedang.demo', name: 'Dimas Perencana Diskominfo', region: DEMO_REGION, role: 'sakip_planner', unit: 'DISKOMINFO' },
  { email: 'evaluator@sumedang.demo', name: 'Hendra Evaluator AKIP', region: DEMO_REGION, role: 'sakip_evaluator' },
  { email: 'sakip@jabarprov.demo', name: 'Koordinator SAKIP Provinsi Jawa Barat', region: DEMO_PROVINCE, role: 'sakip_coordinator' },
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

/** Every demo account gets the demo password, hashed once (argon2 is slow on purpose: once per account added seconds to each start and test file). */
export async function setDemoPassword(tx: Queryable, emails: string[]): Promise<void> {
  await tx.update(users).set({ passwordHash: await hashPassword(DEMO_PASSWORD) }).where(inArray(users.email, emails));
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
    unitIds.set(`${DEMO_PROVINCE}:DBMPR`, provUnit.id);
    for (const a of demoAccounts) {
      const userId = await createUser(tx, { email: a.email, name: a.name, platformAdmin: a.role === 'platform_admin' });
      if (a.role !== 'platform_admin') await grantRole(tx, a.region, userId, a.role, a.unit ? unitIds.get(a.unit)! : null);
    }
    await setDemoPassword(tx, demoAccounts.map((a) => a.email));
    await tx.insert(apiKeys).values({ regionCode: DEMO_REGION, name: 'Demo Open311', keyHash: sha256(DEMO_API_KEY), prefix: 'demo', createdAt: now });
    // Each module's own demo records (categories, an SPBE evaluation, ...).
    const place = { region: DEMO_REGION, province: DEMO_PROVINCE, now, unit: (code: string, region = DEMO_REGION) => unitIds.get(region === DEMO_REGION ? code : `${region}:${code}`)! };
    for (const m of modules()) await m.demo?.seed?.(tx, place);
  });
  return true;
}
