// The answers check with the area registry: a NIK's district must exist (the
// person may live anywhere in Indonesia); an address's district must be one of
// the region's and its village one of that district's. Confirmed addresses
// carry their names, so a document printed later needs no registry.
import type { Queryable } from '../../../platform/db/client.js';
import { areasByCode } from '../../../platform/regions/known-areas.js';
import { locationFits } from '../../../platform/regions/service.js';
import { fieldError, validateAnswers, type AddressAnswer, type AnswerCheck, type DocumentInfo, type FieldError, type FormDefinition } from '../domain/form.js';

export async function checkAnswers(db: Queryable, regionCode: string, form: FormDefinition, answers: unknown, documents: Record<string, DocumentInfo[]>, today: string): Promise<AnswerCheck> {
  const checked = validateAnswers(form, answers, documents, today);
  if (!checked.ok || checked.claims.length === 0) return checked;
  const codes = [...new Set(checked.claims.flatMap((c) => (c.kind === 'address' ? [c.district, c.village] : [c.district])))];
  const known = await areasByCode(db, codes);
  const errors: FieldError[] = [];
  for (const claim of checked.claims) {
    if (claim.kind === 'nik_district') {
      if (known.get(claim.district)?.level !== 'district') errors.push(fieldError(claim.key, 'layanan.nik_region_unknown'));
      continue;
    }
    const found = [claim.district, claim.village].filter((c) => known.has(c)).map((code) => ({ code, level: known.get(code)!.level }));
    if (!locationFits(regionCode, claim.district, claim.village, found)) {
      errors.push(fieldError(claim.key, 'layanan.address_not_in_region'));
      continue;
    }
    const a = checked.answers[claim.key] as AddressAnswer;
    checked.answers[claim.key] = { ...a, districtName: known.get(claim.district)!.name, villageName: known.get(claim.village)!.name };
  }
  return errors.length > 0 ? { ok: false, errors } : checked;
}
