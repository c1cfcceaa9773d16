// A service's application form: an ordered list of typed fields, and the
// check of a citizen's answers against it. Pure: the two checks that need the
// area registry (a NIK's district, an address's district and village) are
// returned as claims for the service to verify (service/answers.ts).
// Hidden fields (showIf not met) are neither required nor kept: their answers
// and documents are dropped, since a citizen who changes a choice may leave
// answers behind that no longer apply.
import { z } from 'zod';
import { isCalendarDate, isShown, nikDistrict, nikStructure } from './fields.js';
import { problem, type Problem, type ProblemCode } from './problems.js';

export const FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
export const FIELD_KEY_MAX = 40;
export const FIELDS_MAX = 100;
export const OPTIONS_MAX = 50;
export const TEXT_LIMIT = 1000;
export const TEXTAREA_LIMIT = 5000;
export const DOCUMENT_MAX_MB = 10;
export const DOCUMENTS_MAX = 10;
/** Names the result template fills itself (domain/template.ts); no field may take them. */
export const BUILTIN_PLACEHOLDERS = ['nomor', 'tanggal', 'nama_layanan', 'pemohon'] as const;

export const DOCUMENT_TYPES = { pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png' } as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

const label = z.object({ id: z.string().trim().min(1).max(200), en: z.string().trim().max(200).optional() });
const help = z.object({ id: z.string().trim().max(1000), en: z.string().trim().max(1000).optional() });
const key = z.string().max(FIELD_KEY_MAX).regex(FIELD_KEY_PATTERN)
  .refine((k) => !(BUILTIN_PLACEHOLDERS as readonly string[]).includes(k), { message: 'reserved for the result template' })
  .describe('Kunci tetap: huruf kecil, angka, garis bawah (nama_pemohon) / a stable key: lowercase letters, digits, underscores');

const base = {
  key, label, help: help.optional(), required: z.boolean(),
  showIf: z.object({ field: z.string().max(FIELD_KEY_MAX), in: z.array(z.string().max(100)).min(1).max(OPTIONS_MAX) }).optional()
    .describe('Tampil hanya bila pilihan sebelumnya bernilai salah satu dari `in` / shown only when an earlier choice field holds one of `in`'),
};
const boundedNumber = z.number().finite().min(-1e12).max(1e12);

export const fieldSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('text'), maxLength: z.number().int().min(1).max(TEXT_LIMIT) }),
  z.object({ ...base, type: z.literal('textarea'), maxLength: z.number().int().min(1).max(TEXTAREA_LIMIT) }),
  z.object({ ...base, type: z.literal('number'), integer: z.boolean(), min: boundedNumber.optional(), max: boundedNumber.optional(), unit: z.string().trim().max(20).optional() }),
  z.object({ ...base, type: z.literal('date'), notFuture: z.boolean().optional(), notPast: z.boolean().optional() }),
  z.object({ ...base, type: z.literal('choice'), multiple: z.boolean(), options: z.array(z.object({ value: z.string().max(100).regex(FIELD_KEY_PATTERN), label })).min(1).max(OPTIONS_MAX) }),
  z.object({ ...base, type: z.literal('nik') }),
  z.object({ ...base, type: z.literal('address') }),
  z.object({
    ...base, type: z.literal('document'), accept: z.array(z.enum(Object.keys(DOCUMENT_TYPES) as [DocumentType, ...DocumentType[]])).min(1),
    maxSizeMb: z.number().int().min(1).max(DOCUMENT_MAX_MB), multiple: z.boolean(), maxCount: z.number().int().min(1).max(DOCUMENTS_MAX).optional(),
  }),
]);
export type FormField = z.infer<typeof fieldSchema>;
export type FieldType = FormField['type'];
export type FieldOf<T extends FieldType> = Extract<FormField, { type: T }>;

export const formShape = z.object({ fields: z.array(fieldSchema).max(FIELDS_MAX) });
export type FormDefinition = z.infer<typeof formShape>;

/** Why a form definition cannot be kept, each problem with the key of the field it is about. */
export function formProblems(form: FormDefinition): Problem[] {
  const out: Problem[] = [];
  const seen = new Map<string, FormField>();
  for (const f of form.fields) {
    const at = (code: ProblemCode, params: Record<string, string | number> = {}) => out.push(problem('form', code, f.key, params));
    if (seen.has(f.key)) at('form.duplicate_key');
    if (f.showIf) {
      const target = seen.get(f.showIf.field);
      if (!target || target.type !== 'choice') at('form.show_if_field', { field: f.showIf.field });
      else if (f.showIf.in.some((v) => !target.options.some((o) => o.value === v))) at('form.show_if_value', { field: f.showIf.field });
    }
    if (f.type === 'choice' && new Set(f.options.map((o) => o.value)).size !== f.options.length) at('form.duplicate_option');
    if (f.type === 'number' && f.min !== undefined && f.max !== undefined && f.min > f.max) at('form.min_above_max');
    if (f.type === 'date' && f.notFuture && f.notPast) at('form.date_nowhere');
    if (f.type === 'document' && !f.multiple && f.maxCount !== undefined && f.maxCount !== 1) at('form.single_document_count');
    if (!seen.has(f.key)) seen.set(f.key, f);
  }
  return out;
}

/** The shape and the rules together, for callers outside HTTP (tests, the demo). */
export const formSchema = formShape.superRefine((form, ctx) => {
  for (const p of formProblems(form)) ctx.addIssue({ code: 'custom', path: ['fields'], message: p.messages.en });
});

export const emptyForm = (): FormDefinition => ({ fields: [] });

// ---------------------------------------------------------------------------
// Answers.

/** An address as answered: a street line and the codes of a district (kecamatan) and village (desa/kelurahan) of the region; their names once the registry confirmed them. */
export interface AddressAnswer { street: string; district: string; village: string; districtName?: string; villageName?: string }
/** A document as the application journey describes an upload before its content is checked (platform/files.ts). */
export interface DocumentInfo { fileName: string; sizeBytes: number; contentType: string }

export type AnswerValue = string | number | string[] | AddressAnswer;
export type Answers = Record<string, AnswerValue>;
export { isCalendarDate, isShown, nikDistrict, nikStructure } from './fields.js';

export type FieldErrorCode =
  | 'layanan.field_unknown' | 'layanan.field_required' | 'layanan.field_type' | 'layanan.text_too_long'
  | 'layanan.number_integer' | 'layanan.number_min' | 'layanan.number_max'
  | 'layanan.date_invalid' | 'layanan.date_future' | 'layanan.date_past' | 'layanan.choice_unknown'
  | 'layanan.nik_length' | 'layanan.nik_birth_date' | 'layanan.nik_serial' | 'layanan.nik_region_unknown'
  | 'layanan.address_incomplete' | 'layanan.address_not_in_region'
  | 'layanan.document_count' | 'layanan.document_too_large' | 'layanan.document_type';

const FIELD_MESSAGES: Record<FieldErrorCode, (p: Record<string, string | number>) => [string, string]> = {
  'layanan.field_unknown': () => ['Isian ini tidak ada pada formulir layanan.', 'This field is not on the service\'s form.'],
  'layanan.field_required': () => ['Wajib diisi.', 'Required.'],
  'layanan.field_type': () => ['Isian tidak sesuai jenisnya.', 'The answer is not of the field\'s type.'],
  'layanan.text_too_long': (p) => [`Paling banyak ${p.max} karakter.`, `At most ${p.max} characters.`],
  'layanan.number_integer': () => ['Harus bilangan bulat.', 'Must be a whole number.'],
  'layanan.number_min': (p) => [`Paling kecil ${p.min}.`, `At least ${p.min}.`],
  'layanan.number_max': (p) => [`Paling besar ${p.max}.`, `At most ${p.max}.`],
  'layanan.date_invalid': () => ['Tanggal tidak valid (TTTT-BB-HH).', 'Not a valid date (YYYY-MM-DD).'],
  'layanan.date_future': () => ['Tanggal tidak boleh setelah hari ini.', 'The date cannot be after today.'],
  'layanan.date_past': () => ['Tanggal tidak boleh sebelum hari ini.', 'The date cannot be before today.'],
  'layanan.choice_unknown': () => ['Pilihan tidak tersedia.', 'Not one of the options.'],
  'layanan.nik_length': () => ['NIK harus 16 angka.', 'A NIK is exactly 16 digits.'],
  'layanan.nik_birth_date': () => ['Angka ke-7 sampai ke-12 NIK bukan tanggal lahir yang valid (HHBBTT; perempuan: tanggal + 40).', 'Digits 7–12 of the NIK are not a valid birth date (DDMMYY; women: day + 40).'],
  'layanan.nik_serial': () => ['Empat angka terakhir NIK tidak boleh 0000.', 'The last four digits of a NIK cannot be 0000.'],
  'layanan.nik_region_unknown': () => ['Enam angka pertama NIK bukan kode kecamatan yang dikenal.', 'The first six digits of the NIK are not a known district code.'],
  'layanan.address_incomplete': () => ['Isi alamat jalan, kecamatan dan desa/kelurahan.', 'Give the street, the district and the village.'],
  'layanan.address_not_in_region': () => ['Kecamatan atau desa/kelurahan bukan bagian dari daerah ini (atau desa tidak berada di kecamatan itu).', 'The district or village is not in this region (or the village is not in that district).'],
  'layanan.document_count': (p) => [`Jumlah berkas harus ${p.min}–${p.max}.`, `Give ${p.min}–${p.max} files.`],
  'layanan.document_too_large': (p) => [`Berkas melebihi ${p.max} MB.`, `A file is larger than ${p.max} MB.`],
  'layanan.document_type': (p) => [`Jenis berkas harus ${p.allowed}.`, `The file type must be ${p.allowed}.`],
};

export interface FieldError { key: string; code: FieldErrorCode; messages: { id: string; en: string } }

export const fieldError = (fieldKey: string, code: FieldErrorCode, params: Record<string, string | number> = {}): FieldError => {
  const [id, en] = FIELD_MESSAGES[code](params);
  return { key: fieldKey, code, messages: { id, en } };
};

/** What the area registry must confirm for the answers to stand (service/answers.ts). */
export type PlaceClaim = { key: string; kind: 'nik_district'; district: string } | { key: string; kind: 'address'; district: string; village: string };

export type AnswerCheck =
  | { ok: true; answers: Answers; documents: Record<string, DocumentInfo[]>; claims: PlaceClaim[] }
  | { ok: false; errors: FieldError[] };

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBlank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

type FieldResult = { value: AnswerValue } | { error: FieldError } | { claim: PlaceClaim; value: AnswerValue };

function checkValue(f: Exclude<FormField, FieldOf<'document'>>, v: unknown, today: string): FieldResult {
  const err = (code: FieldErrorCode, p?: Record<string, string | number>) => ({ error: fieldError(f.key, code, p) });
  switch (f.type) {
    case 'text': case 'textarea': {
      if (typeof v !== 'string') return err('layanan.field_type');
      const t = v.trim();
      return t.length > f.maxLength ? err('layanan.text_too_long', { max: f.maxLength }) : { value: t };
    }
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return err('layanan.field_type');
      if (f.integer && !Number.isInteger(v)) return err('layanan.number_integer');
      if (f.min !== undefined && v < f.min) return err('layanan.number_min', { min: f.min });
      if (f.max !== undefined && v > f.max) return err('layanan.number_max', { max: f.max });
      return { value: v };
    }
    case 'date': {
      const m = typeof v === 'string' ? DATE_PATTERN.exec(v) : null;
      if (!m) return typeof v === 'string' ? err('layanan.date_invalid') : err('layanan.field_type');
      if (!isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return err('layanan.date_invalid');
      if (f.notFuture && v as string > today) return err('layanan.date_future');
      if (f.notPast && v as string < today) return err('layanan.date_past');
      return { value: v as string };
    }
    case 'choice': {
      const known = (c: unknown) => typeof c === 'string' && f.options.some((o) => o.value === c);
      if (f.multiple) {
        if (!Array.isArray(v) || v.some((c) => typeof c !== 'string')) return err('layanan.field_type');
        if (!v.every(known)) return err('layanan.choice_unknown');
        // Kept in the options' order, each once.
        return { value: f.options.map((o) => o.value).filter((o) => v.includes(o)) };
      }
      if (typeof v !== 'string') return err('layanan.field_type');
      return known(v) ? { value: v } : err('layanan.choice_unknown');
    }
    case 'nik': {
      if (typeof v !== 'string') return err('layanan.field_type');
      const problem = nikStructure(v);
      return problem ? err(problem) : { value: v, claim: { key: f.key, kind: 'nik_district', district: nikDistrict(v) } };
    }
    case 'address': {
      if (!isRecord(v) || Object.keys(v).some((k) => !['street', 'district', 'village'].includes(k))
        || [v.street, v.district, v.village].some((x) => typeof x !== 'string')) return err('layanan.field_type');
      const a = { street: (v.street as string).trim(), district: v.district as string, village: v.village as string };
      if (a.street === '' || a.street.length > 300 || !/^\d{2}\.\d{2}\.\d{2}$/.test(a.district) || !/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(a.village)) return err('layanan.address_incomplete');
      return { value: a, claim: { key: f.key, kind: 'address', district: a.district, village: a.village } };
    }
  }
}

function checkDocuments(f: FieldOf<'document'>, files: DocumentInfo[]): FieldError | null {
  const max = f.multiple ? (f.maxCount ?? DOCUMENTS_MAX) : 1;
  if (files.length > max) return fieldError(f.key, 'layanan.document_count', { min: f.required ? 1 : 0, max });
  if (files.some((d) => d.sizeBytes > f.maxSizeMb * 1024 * 1024)) return fieldError(f.key, 'layanan.document_too_large', { max: f.maxSizeMb });
  const allowed = f.accept.map((t) => DOCUMENT_TYPES[t]) as string[];
  if (files.some((d) => !allowed.includes(d.contentType))) return fieldError(f.key, 'layanan.document_type', { allowed: f.accept.join(', ') });
  return null;
}

/**
 * Checks a citizen's answers and documents against a form: every error at
 * once, one per field; or the clean answers (texts trimmed, blank optional
 * answers and hidden fields left out) with the place claims the registry must
 * confirm. `today` is the region's local date (platform/calendar localDateOf).
 */
export function validateAnswers(form: FormDefinition, answers: unknown, documents: Record<string, DocumentInfo[]>, today: string): AnswerCheck {
  if (!isRecord(answers)) return { ok: false, errors: [fieldError('', 'layanan.field_type')] };
  const errors: FieldError[] = [];
  const byKey = new Map(form.fields.map((f) => [f.key, f]));
  for (const k of Object.keys(answers)) {
    const f = byKey.get(k);
    if (!f || f.type === 'document') errors.push(fieldError(k, 'layanan.field_unknown'));
  }
  for (const k of Object.keys(documents)) {
    if (byKey.get(k)?.type !== 'document') errors.push(fieldError(k, 'layanan.field_unknown'));
  }
  const clean: Answers = {};
  const files: Record<string, DocumentInfo[]> = {};
  const claims: PlaceClaim[] = [];
  for (const f of form.fields) {
    // Visibility follows the clean answers, so a hidden or refused choice hides what depends on it.
    if (!isShown(f, clean)) continue;
    if (f.type === 'document') {
      const given = documents[f.key] ?? [];
      if (given.length === 0) {
        if (f.required) errors.push(fieldError(f.key, 'layanan.field_required'));
        continue;
      }
      const problem = checkDocuments(f, given);
      if (problem) errors.push(problem);
      else files[f.key] = given;
      continue;
    }
    const v = answers[f.key];
    if (isBlank(v) || (typeof v === 'string' && v.trim() === '')) {
      if (f.required) errors.push(fieldError(f.key, 'layanan.field_required'));
      continue;
    }
    const r = checkValue(f, v, today);
    if ('error' in r) {
      errors.push(r.error);
      continue;
    }
    clean[f.key] = r.value;
    if ('claim' in r) claims.push(r.claim);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers: clean, documents: files, claims };
}
