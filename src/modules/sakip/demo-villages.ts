// The demo's village data: two kecamatan of Sumedang as units linked to
// their district codes (Wado, rural, and Sumedang Selatan, the town), a
// village-data officer for Wado, and 2025's values of every desa/kelurahan
// for the health office's two village-measured indicators (stunting
// prevalence and households with safe drinking water, both rates), rolled up
// into their 2025 realisations as the use case leaves them. Village codes
// and names are the area registry's; the figures are invented.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { units, users } from '../../platform/schema.js';
import { createUser, grantRole } from '../../platform/auth/service.js';
import { rollUp } from './domain/villages.js';
import { sakipKecamatanUnits, sakipRealisations, sakipVillageIndicators, sakipVillageValues } from './schema.js';

export const DEMO_KECAMATAN = [
  { code: 'KEC-WADO', name: 'Kecamatan Wado', districtCode: '32.11.01' },
  { code: 'KEC-SUMSEL', name: 'Kecamatan Sumedang Selatan', districtCode: '32.11.17' },
] as const;

/** The Wado kecamatan's village-data officer (README's demo accounts). */
export const DEMO_VILLAGE_OFFICER = { email: 'kecamatan.wado@sumedang.demo', name: 'Euis Petugas Kecamatan Wado', unit: 'KEC-WADO' };

/** 2025 per village: [children under five measured, of whom stunted, households, of which with safe drinking water]. */
const figures2025: Record<string, [number, number, number, number]> = {
  // Wado
  '32.11.01.2001': [212, 38, 1180, 842], '32.11.01.2002': [186, 29, 1045, 801], '32.11.01.2003': [154, 27, 902, 611], '32.11.01.2004': [241, 36, 1320, 1012],
  '32.11.01.2005': [198, 33, 1110, 879], '32.11.01.2006': [305, 41, 1706, 1422], '32.11.01.2007': [167, 31, 948, 640], '32.11.01.2009': [176, 26, 990, 748],
  '32.11.01.2010': [143, 24, 812, 559], '32.11.01.2011': [159, 22, 887, 705],
  // Sumedang Selatan
  '32.11.17.1001': [268, 21, 2210, 2106], '32.11.17.1002': [231, 17, 1985, 1922], '32.11.17.1003': [247, 20, 2043, 1968], '32.11.17.1004': [289, 26, 2380, 2245],
  '32.11.17.2005': [201, 24, 1156, 1002], '32.11.17.2006': [188, 22, 1098, 951], '32.11.17.2007': [176, 23, 1015, 842], '32.11.17.2008': [132, 19, 760, 588],
  '32.11.17.2009': [214, 25, 1230, 1077], '32.11.17.2010': [158, 18, 905, 790], '32.11.17.2011': [149, 20, 861, 702], '32.11.17.2012': [173, 21, 1002, 866],
  '32.11.17.2013': [166, 17, 958, 851], '32.11.17.2014': [191, 19, 1104, 1006],
};

export const VILLAGE_INDICATORS = {
  stunting: { name: 'Prevalensi stunting balita menurut data desa (e-PPGBM)', numeratorLabel: 'Balita stunting', denominatorLabel: 'Balita diukur', pick: (f: number[]) => [f[1], f[0]] },
  water: { name: 'Persentase rumah tangga dengan akses air minum layak', numeratorLabel: 'Rumah tangga dengan air minum layak', denominatorLabel: 'Rumah tangga', pick: (f: number[]) => [f[3], f[2]] },
} as const;

export async function seedVillageDemo(
  tx: Queryable, regionCode: string, indicatorIds: Map<string, { planId: string; indicatorId: string }>, coordinator: { id: string | null; label: string },
): Promise<void> {
  const linkedAt = new Date(Date.UTC(2025, 0, 22, 3));
  const unitIds = new Map<string, string>();
  for (const k of DEMO_KECAMATAN) {
    const [u] = await tx.insert(units).values({ regionCode, code: k.code, name: k.name }).returning();
    unitIds.set(k.code, u.id);
    await tx.insert(sakipKecamatanUnits).values({ regionCode, unitId: u.id, districtCode: k.districtCode, setAt: linkedAt, setBy: coordinator.id, setByLabel: coordinator.label });
  }
  // The demo password's hash, taken from the coordinator's account (hashing it again would cost every start a second).
  const [hash] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(sql`lower(${users.email}) = ${coordinator.label}`);
  const officerId = await createUser(tx, { email: DEMO_VILLAGE_OFFICER.email, name: DEMO_VILLAGE_OFFICER.name, passwordHash: hash?.passwordHash ?? undefined });
  await grantRole(tx, regionCode, officerId, 'sakip_village_officer', unitIds.get(DEMO_VILLAGE_OFFICER.unit)!);
  const officer = { id: officerId, label: DEMO_VILLAGE_OFFICER.email };

  for (const ind of Object.values(VILLAGE_INDICATORS)) {
    const { planId, indicatorId } = indicatorIds.get(`DINKES:${ind.name}`)!;
    await tx.insert(sakipVillageIndicators).values({
      regionCode, indicatorId, planId, rollup: 'rate', scale: '100', numeratorLabel: ind.numeratorLabel, denominatorLabel: ind.denominatorLabel,
      setAt: linkedAt, setBy: coordinator.id, setByLabel: coordinator.label,
    });
    // Wado's officer typed its villages; Sumedang Selatan's came in a file the coordinator imported.
    const rows = Object.entries(figures2025).map(([villageCode, f]) => {
      const [value, denominator] = ind.pick(f);
      const wado = villageCode.startsWith('32.11.01.');
      const by = wado ? officer : coordinator;
      return {
        regionCode, indicatorId, period: '2025', villageCode, planId, year: 2025, districtCode: villageCode.slice(0, 8), value: String(value), denominator: String(denominator),
        enteredAt: new Date(Date.UTC(2026, 0, wado ? 8 : 9, 3)), enteredBy: by.id, enteredByLabel: by.label,
      };
    });
    await tx.insert(sakipVillageValues).values(rows);
    const total = rollUp({ rollup: 'rate', scale: '100' }, rows)!;
    await tx.insert(sakipRealisations).values({
      regionCode, planId, indicatorId, period: '2025', year: 2025, value: total.value.toFixed(), fromVillages: true,
      note: `Dihitung dari ${total.villages} desa/kelurahan di 2 kecamatan / Rolled up from ${total.villages} villages in 2 kecamatan`,
      enteredAt: new Date(Date.UTC(2026, 0, 9, 3)), enteredBy: coordinator.id, enteredByLabel: coordinator.label,
    });
  }
}

