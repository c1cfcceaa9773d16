// The result document's text: a title, paragraphs with {{placeholders}} for
// form answers and built-ins, and the signer's position. fillTemplate turns
// answers into print (dates in Indonesian, choices by their label, an address
// as lines); the PDF is laid out elsewhere. Pure.
import { z } from 'zod';
import { BUILTIN_PLACEHOLDERS, type AddressAnswer, type Answers, type FormDefinition } from './form.js';
import { problem, type Problem } from './problems.js';
import { indonesianDate } from '../../../platform/calendar/calendar.js';

export const resultShape = z.object({
  title: z.string().trim().min(1).max(200).describe('Judul dokumen hasil / the document\'s title'),
  paragraphs: z.array(z.string().trim().max(3000)).max(30).describe('Paragraf dengan {{kunci_isian}} dan {{nomor}}, {{tanggal}}, {{nama_layanan}}, {{pemohon}} / paragraphs with placeholders'),
  signer: z.string().trim().min(1).max(200).describe('Jabatan penanda tangan, mis. "Camat Sumedang Selatan" / the signer\'s position'),
  product: z.enum(['keterangan', 'izin', 'rekomendasi']).optional()
    .describe('Jenis produk: keterangan, izin atau rekomendasi; menentukan jenis naskah dinas hasil (bawaan keterangan) / the product\'s kind, which decides the result letter\'s document type (default keterangan)'),
  classificationCode: z.string().trim().regex(/^\d{3}(\.\d+){0,3}$/).optional()
    .describe('Kode klasifikasi arsip surat hasil (bawaan 400.7.22) / the result letter\'s archive classification code (default 400.7.22)'),
});
export type ResultTemplate = z.infer<typeof resultShape>;
export type ProductKind = NonNullable<ResultTemplate['product']>;

/**
 * How a result is filed as a letter of the region (the correspondence
 * module's register and numbering): its archive classification code, by
 * default "Surat Keterangan, Sertifikasi dan Perijinan" (Permendagri 83/2022),
 * and its document type by the product's kind.
 */
export const DEFAULT_RESULT_CLASSIFICATION = '400.7.22';
const DOCUMENT_TYPE: Record<ProductKind, string> = { keterangan: 'surat-keterangan', izin: 'surat-izin', rekomendasi: 'rekomendasi' };
export const resultLetterOf = (t: Pick<ResultTemplate, 'product' | 'classificationCode'>) => ({
  classificationCode: t.classificationCode ?? DEFAULT_RESULT_CLASSIFICATION, documentTypeCode: DOCUMENT_TYPE[t.product ?? 'keterangan'],
});
export type Builtins = Record<(typeof BUILTIN_PLACEHOLDERS)[number], string>;

export const defaultResult = (): ResultTemplate => ({
  title: 'SURAT KETERANGAN',
  paragraphs: ['Menerangkan bahwa {{pemohon}} telah memperoleh layanan {{nama_layanan}} dengan nomor {{nomor}} pada tanggal {{tanggal}}.'],
  signer: 'Kepala Perangkat Daerah',
});

const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g;

export const placeholdersOf = (t: ResultTemplate): string[] =>
  [...new Set([t.title, ...t.paragraphs, t.signer].flatMap((s) => [...s.matchAll(PLACEHOLDER)].map((m) => m[1])))];

/** Placeholders that name neither a built-in nor a printable field of the form (a document has nothing to print). */
export function templateProblems(t: ResultTemplate, form: FormDefinition): Problem[] {
  const known = new Set<string>([...BUILTIN_PLACEHOLDERS, ...form.fields.filter((f) => f.type !== 'document').map((f) => f.key)]);
  return placeholdersOf(t).filter((p) => !known.has(p)).map((name) => problem('result', 'result.placeholder_unknown', null, { name }));
}


const NUMBER = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 10 });

function printed(form: FormDefinition, key: string, answers: Answers): string {
  const field = form.fields.find((f) => f.key === key);
  const v = answers[key];
  if (!field || v === undefined) return '';
  switch (field.type) {
    case 'date': return indonesianDate(v as string);
    case 'number': return NUMBER.format(v as number);
    case 'choice': {
      const chosen = Array.isArray(v) ? v : [v as string];
      return chosen.map((c) => field.options.find((o) => o.value === c)?.label.id ?? c).join(', ');
    }
    case 'address': {
      const a = v as AddressAnswer;
      return [a.street, a.villageName && `Desa/Kelurahan ${a.villageName}`, a.districtName && `Kecamatan ${a.districtName}`].filter(Boolean).join('\n');
    }
    default: return String(v);
  }
}

/** The template with every placeholder replaced; an unanswered (optional or hidden) field prints as nothing. */
export function fillTemplate(t: ResultTemplate, form: FormDefinition, answers: Answers, builtins: Builtins): ResultTemplate {
  const fill = (s: string) => s.replace(PLACEHOLDER, (_m, name: string) =>
    (name in builtins ? (name === 'tanggal' ? indonesianDate(builtins.tanggal) : builtins[name as keyof Builtins]) : printed(form, name, answers)));
  return { title: fill(t.title), paragraphs: t.paragraphs.map(fill), signer: fill(t.signer) };
}
