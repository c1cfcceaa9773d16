// Loads the area registry from the maintained idn-area-data package.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sql, type Database } from '../db/client.js';
import { regencyKind, timezoneOf, titleCase, villageKind } from './areas.js';

const require = createRequire(import.meta.url);
const dataDir = join(dirname(require.resolve('idn-area-data/package.json')), 'data');

async function readCsv(file: string): Promise<string[][]> {
  const text = await readFile(join(dataDir, file), 'utf8');
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    // No field holds a comma (checked for the packaged data), so a plain split is exact.
    .map((line) => line.split(','));
}

interface AreaRow { code: string; parent_code: string | null; level: string; kind: string; name: string; timezone: string }

export async function loadAreas(database: Database): Promise<number> {
  const [{ n }] = await database.rows<{ n: number }>(sql`select count(*)::int as n from areas`);
  if (n > 0) return n;
  const provinces = (await readCsv('provinces.csv')).map(([code, name]): AreaRow => ({
    code, parent_code: null, level: 'province', kind: 'provinsi', name: titleCase(name), timezone: timezoneOf(code),
  }));
  const regencies = (await readCsv('regencies.csv')).map(([code, parent, name]): AreaRow => ({
    code, parent_code: parent, level: 'regency', kind: regencyKind(name), name: titleCase(name), timezone: timezoneOf(code),
  }));
  const districts = (await readCsv('districts.csv')).map(([code, parent, name]): AreaRow => ({
    code, parent_code: parent, level: 'district', kind: 'kecamatan', name, timezone: timezoneOf(code),
  }));
  const villages = (await readCsv('villages.csv')).map(([code, parent, name]): AreaRow => ({
    code, parent_code: parent, level: 'village', kind: villageKind(code), name, timezone: timezoneOf(code),
  }));
  const all = [...provinces, ...regencies, ...districts, ...villages];
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < all.length; i += 20_000) {
      const chunk = JSON.stringify(all.slice(i, i + 20_000));
      await tx.execute(sql`insert into areas (code, parent_code, level, kind, name, timezone)
        select code, parent_code, level, kind, name, timezone
        from jsonb_to_recordset(${chunk}::jsonb) as r(code text, parent_code text, level text, kind text, name text, timezone text)`);
    }
  });
  return all.length;
}
