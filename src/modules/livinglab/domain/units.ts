// Mapping a source region's units to the adopter's: regions name their units
// alike (DISKOMINFO, "Dinas Komunikasi dan Informatika"), so a unit with the
// same code, else the same name, is offered first; the adopter confirms.
import type { PackageUnit } from '../../../platform/modules/contract.js';

export interface UnitChoice { code: string; name: string; unitId: string | null }

const plain = (s: string) => s.toLocaleLowerCase('id').replace(/[^a-z0-9]+/g, ' ').trim();

export function suggestUnit(source: PackageUnit, own: readonly { id: string; code: string; name: string }[]): string | null {
  return (own.find((u) => plain(u.code) === plain(source.code)) ?? own.find((u) => plain(u.name) === plain(source.name)))?.id ?? null;
}
