// The configuration modules let regions share (their `packages`), found by
// "module.key" through the registry: the Living Lab publishes and applies a
// module's package without importing the module.
import type { PackageKind } from './contract.js';
import { modules } from './registry.js';

export interface NamedPackageKind { ref: string; module: string; kind: PackageKind }

/** Every installed module's package kinds, as "module.key", in registry order. */
export function listPackageKinds(): NamedPackageKind[] {
  return modules().flatMap((m) => (m.packages ?? []).map((kind) => ({ ref: `${m.name}.${kind.key}`, module: m.name, kind })));
}

export const findPackageKind = (ref: string): NamedPackageKind | undefined => listPackageKinds().find((p) => p.ref === ref);
