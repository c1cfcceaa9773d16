// The 14 components as every standard is shown: the regulation's number and
// group, the reference file's Indonesian name and our English one.
import { COMPONENTS } from '../domain/standard.js';
import { standardReferenceData } from '../reference/read.js';

export function componentCatalogue() {
  const names = new Map(standardReferenceData().komponen.map((k) => [k.no, k.nama]));
  return COMPONENTS.map((c) => ({ no: c.no, key: c.key, group: c.group, name: { id: names.get(c.no)!, en: c.en } }));
}
