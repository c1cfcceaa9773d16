// The installed modules, as the platform sees them. src/modules/registry.ts
// lists them and installs them once at start; everything in the platform that
// depends on modules (routes, roles, errors, settings, jobs, backup, the
// isolation test) reads them from here.
import { addErrors } from '../errors.js';
import { addPermissions, addRoles } from '../auth/policy.js';
import type { PamongModule } from './contract.js';
import { checkSharedRelations } from './relations.js';

let installed: readonly PamongModule[] | null = null;

/** Permissions of the platform that modules may extend with their roles. */
const extensible = new Set(['region.staff']);

const prefixesOf = (m: PamongModule) => m.prefixes ?? [m.name];
const owns = (m: PamongModule, key: string) => prefixesOf(m).some((p) => key.startsWith(`${p}.`));

/** Checks each module's declarations and makes them known; installing the same list again does nothing. */
export function installModules(list: readonly PamongModule[]): void {
  if (installed === list) return;
  if (installed) throw new Error('Modules are already installed');
  const names = new Set<string>();
  const prefixes = new Map<string, string>();
  for (const m of list) {
    if (!/^[a-z][a-z0-9-]*$/.test(m.name)) throw new Error(`Module name ${m.name} must be one lowercase word`);
    if (names.has(m.name)) throw new Error(`Module ${m.name} is listed twice`);
    names.add(m.name);
    if (Object.keys(m.tables).length && !m.migrations) throw new Error(`Module ${m.name} has tables but no migrations folder`);
    for (const p of prefixesOf(m)) {
      if (prefixes.has(p)) throw new Error(`Prefix ${p} is claimed by ${prefixes.get(p)} and ${m.name}`);
      prefixes.set(p, m.name);
    }
    for (const code of Object.keys(m.errors ?? {})) if (!owns(m, code)) throw new Error(`Error code ${code} of ${m.name} does not start with its prefixes`);
    for (const p of Object.keys(m.permissions ?? {})) if (!owns(m, p) && !extensible.has(p)) throw new Error(`Permission ${p} of ${m.name} does not start with its prefixes`);
    // The queue finds a job's code by its name: one name, one module.
    for (const work of [...(m.jobs ?? []), ...(m.sweeps ?? [])]) {
      if (!work.name.startsWith(`${m.name}.`)) throw new Error(`Job ${work.name} of ${m.name} does not start with ${m.name}.`);
      if (names.has(work.name)) throw new Error(`Job ${work.name} is declared twice`);
      names.add(work.name);
    }
    // A tile's trend is one of its own module's measures, read by month and year.
    for (const tile of m.tiles ?? []) {
      const measure = tile.trend === undefined ? null : m.measures?.find((x) => x.key === tile.trend);
      if (measure === undefined) throw new Error(`Tile ${m.name}.${tile.key} names a trend ${tile.trend} that is not one of its measures`);
    }
  }
  checkSharedRelations(list);
  for (const m of list) addRoles(m.roles ?? []);
  for (const m of list) {
    addPermissions(m.permissions ?? {});
    addErrors(m.errors ?? {});
  }
  installed = list;
}

/** The installed modules, in registry order. */
export function modules(): readonly PamongModule[] {
  if (!installed) throw new Error('No modules installed: import src/modules/registry.ts first');
  return installed;
}

export const findModule = (name: string): PamongModule | undefined => modules().find((m) => m.name === name);
