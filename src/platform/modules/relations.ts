// Which tables a region owns, which are shared, and how region rows point at
// shared rows. Backup and restore follow the declared relations (the
// platform's below and each module's `sharedRelations`); installModules
// refuses a module whose region table references a shared table without a
// declaration, so a restore never silently keeps a dangling id.
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import * as platformTables from '../schema.js';
import type { PamongModule, SharedRelation } from './contract.js';

/** A region column holding a person's id: restore finds the same person by id, then by email. */
export const referencesUser = (table: string, column: string): SharedRelation => ({ from: { table, column }, to: { table: 'users', column: 'id' }, naturalKey: ['email'] });

/** The platform's own references from region rows to shared rows. */
export const platformRelations: SharedRelation[] = [
  referencesUser('grants', 'user_id'),
  referencesUser('invitations', 'invited_by'),
  referencesUser('audit_log', 'actor_user_id'),
  referencesUser('notifications', 'user_id'),
];

type Config = ReturnType<typeof getTableConfig>;
const configsOf = (tables: Record<string, unknown>): Config[] => (Object.values(tables) as PgTable[]).map((t) => getTableConfig(t));
const isRegionOwned = (c: Config) => c.columns.some((col) => col.name === 'region_code');

/** Every table (the platform's and each module's) with its owner. */
function tablesOf(list: readonly PamongModule[]): { owner: string; config: Config }[] {
  return [
    ...configsOf(platformTables).map((config) => ({ owner: 'platform', config })),
    ...list.flatMap((m) => configsOf(m.tables).map((config) => ({ owner: m.name, config }))),
  ];
}

/** Shared tables: no region_code, and not the regions table itself (region_code names it). */
const isShared = (c: Config) => !isRegionOwned(c) && c.name !== 'regions';

/** The single primary-key column of a shared table, if it has one. */
function keyOf(c: Config): string | undefined {
  const single = c.columns.filter((col) => col.primary);
  if (single.length === 1) return single[0].name;
  const composite = c.primaryKeys[0]?.columns;
  return composite?.length === 1 ? composite[0].name : undefined;
}

/**
 * The shared table a region column seems to point at: a Drizzle foreign key,
 * a name ending in the shared table's singular and key (`reporter_user_id`,
 * `version_id`, `framework_code`), or a uuid ending in `_by` (a person).
 * Only used to refuse undeclared references; backup follows declarations.
 */
function pointedAt(table: Config, column: Config['columns'][number], shared: Config[]): string | undefined {
  for (const fk of table.foreignKeys) {
    const ref = fk.reference();
    const target = getTableConfig(ref.foreignTable);
    if (ref.columns.some((c) => c.name === column.name) && isShared(target)) return target.name;
  }
  for (const s of shared) {
    const key = keyOf(s);
    if (!key) continue;
    const last = s.name.split('_').pop()!;
    const singular = last.endsWith('ies') ? `${last.slice(0, -3)}y` : last.replace(/s$/, '');
    if (column.name === `${singular}_${key}` || column.name.endsWith(`_${singular}_${key}`)) return s.name;
  }
  if (column.name.endsWith('_by') && column.getSQLType() === 'uuid') return 'users';
  return undefined;
}

/** Checks every declared relation against the tables and finds undeclared references; throws on the first problem. */
export function checkSharedRelations(list: readonly PamongModule[]): void {
  const tables = tablesOf(list);
  const byName = new Map(tables.map((t) => [t.config.name, t]));
  const shared = tables.map((t) => t.config).filter(isShared);
  const declared = [
    ...platformRelations.map((relation) => ({ owner: 'platform', relation })),
    ...list.flatMap((m) => (m.sharedRelations ?? []).map((relation) => ({ owner: m.name, relation }))),
  ];
  const hasColumn = (table: string, column: string) => byName.get(table)?.config.columns.some((c) => c.name === column) ?? false;
  const targets = new Map<string, SharedRelation>();
  for (const { owner, relation: r } of declared) {
    const where = `${owner === 'platform' ? 'The platform' : `Module ${owner}`}: shared relation ${r.from.table}.${r.from.column} → ${r.to.table}.${r.to.column}`;
    const from = byName.get(r.from.table);
    if (!from || from.owner !== owner || !isRegionOwned(from.config)) throw new Error(`${where}: ${r.from.table} is not a region table of ${owner}`);
    if (!hasColumn(r.from.table, r.from.column)) throw new Error(`${where}: ${r.from.table} has no column ${r.from.column}`);
    const to = byName.get(r.to.table);
    if (!to || !isShared(to.config)) throw new Error(`${where}: ${r.to.table} is not a shared table`);
    for (const c of [r.to.column, ...r.naturalKey]) if (!hasColumn(r.to.table, c)) throw new Error(`${where}: ${r.to.table} has no column ${c}`);
    for (const p of r.parents ?? []) {
      if (!hasColumn(p.table, p.column) || !hasColumn(r.to.table, p.references)) throw new Error(`${where}: parent ${p.table}.${p.column} ← ${r.to.table}.${p.references} does not exist`);
    }
    // Restore matches a shared row one way, whoever points at it.
    const same = targets.get(r.to.table);
    if (same && (same.to.column !== r.to.column || same.naturalKey.join() !== r.naturalKey.join())) {
      throw new Error(`${where}: ${r.to.table} is matched by ${same.to.column} and (${same.naturalKey.join(', ')}) elsewhere`);
    }
    targets.set(r.to.table, r);
  }
  const covered = new Set(declared.map(({ relation: r }) => `${r.from.table}.${r.from.column}`));
  for (const { owner, config } of tables) {
    if (!isRegionOwned(config)) continue;
    for (const column of config.columns) {
      const target = pointedAt(config, column, shared);
      if (target && !covered.has(`${config.name}.${column.name}`)) {
        throw new Error(`${owner === 'platform' ? 'The platform' : `Module ${owner}`}: ${config.name}.${column.name} points at the shared table ${target} ` +
          `but no sharedRelations entry declares it, so backup and restore would not carry the row it points at (docs/MODULES.md, sharedRelations)`);
      }
    }
  }
}

/** Every declared relation: the platform's, then each module's. */
export const relationsOf = (list: readonly PamongModule[]): SharedRelation[] => [...platformRelations, ...list.flatMap((m) => m.sharedRelations ?? [])];

/** Names of the tables with a region_code column, in declaration order. */
export const regionTablesOf = (list: readonly PamongModule[]): string[] => tablesOf(list).map((t) => t.config).filter(isRegionOwned).map((c) => c.name);

/** Every table's columns by name. */
/** Every table's stored columns; a generated column (a search vector) is left out: the database computes it again on restore. */
export const columnsByTable = (list: readonly PamongModule[]): Map<string, string[]> =>
  new Map(tablesOf(list).map((t) => [t.config.name, t.config.columns.filter((c) => !c.generated).map((c) => c.name)]));

/** Every table's `numeric` columns: exact decimals that a JSON number (a binary float in JavaScript) would round. */
export const numericColumnsByTable = (list: readonly PamongModule[]): Map<string, string[]> =>
  new Map(tablesOf(list).map((t) => [t.config.name, t.config.columns.filter((c) => c.getSQLType().startsWith('numeric')).map((c) => c.name)]));
