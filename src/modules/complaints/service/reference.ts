// A region's reference data for complaints, read on every intake and every
// complaint page and changed rarely: categories with their questions, units'
// names, deadline rules and holidays. Cached per process (platform/cache.ts);
// an id the cache does not know yet (created by another instance) loads it anew.
import { sql } from 'drizzle-orm';
import { regionCache } from '../../../platform/cache.js';
import { queryRows, type Queryable } from '../../../platform/db/client.js';
import type { Question } from '../domain/questions.js';
import { rulesSql, type RuleRow } from './deadlines.js';
import { holidaysSql } from '../../../platform/calendar/region.js';

export interface CategoryRef { id: string; code: string; nameId: string; nameEn: string; questions: Question[]; locationRequired: boolean; active: boolean }

export interface RegionReference {
  categories: Map<string, CategoryRef>;
  unitNames: Map<string, string>;
  rules: RuleRow[];
  /** National and the region's own holidays, 'YYYY-MM-DD', in order. */
  holidays: string[];
}

const cache = regionCache(async (db, regionCode): Promise<RegionReference> => {
  const [row] = await queryRows<{ categories: CategoryRef[]; units: { id: string; name: string }[]; rules: RuleRow[]; holidays: string[] }>(db, sql`select
    (select coalesce(json_agg(json_build_object('id', id, 'code', code, 'nameId', name_id, 'nameEn', name_en, 'questions', questions, 'locationRequired', location_required, 'active', active)), '[]'::json)
      from categories where region_code = ${regionCode}) as categories,
    (select coalesce(json_agg(json_build_object('id', id, 'name', name)), '[]'::json) from units where region_code = ${regionCode}) as units,
    ${rulesSql(regionCode)} as rules, ${holidaysSql(regionCode)} as holidays`);
  return {
    categories: new Map(row.categories.map((c) => [c.id, c])), unitNames: new Map(row.units.map((u) => [u.id, u.name])),
    rules: row.rules, holidays: row.holidays,
  };
});

/** The region's reference data, sure to include the given category and unit if they exist. */
export function regionReference(db: Queryable, regionCode: string, needs: { categoryId?: string; unitId?: string | null } = {}): Promise<RegionReference> {
  return cache.get(db, regionCode, (ref) => (!needs.categoryId || ref.categories.has(needs.categoryId)) && (!needs.unitId || ref.unitNames.has(needs.unitId)));
}
