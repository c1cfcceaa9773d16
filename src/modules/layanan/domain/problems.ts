// What can be wrong with a service's definition (its form, workflow, result
// template and tariff), each with a stable code and words in both languages.
// A part's own problems refuse saving the draft; those between parts (a
// template naming a field that was removed since) refuse only publishing,
// since a draft may be half-way through an edit.

export type DefinitionPart = 'form' | 'workflow' | 'result' | 'tariff';

const MESSAGES = {
  'form.duplicate_key': (_p) => ['Kunci isian dipakai dua kali.', 'The field key is used twice.'],
  'form.show_if_field': (p) => [`Syarat tampil harus merujuk isian pilihan sebelumnya ("${p.field}" bukan).`, `A condition must name an earlier choice field ("${p.field}" is not).`],
  'form.show_if_value': (p) => [`Syarat tampil memakai nilai yang bukan pilihan "${p.field}".`, `The condition uses a value that is not an option of "${p.field}".`],
  'form.duplicate_option': (_p) => ['Nilai pilihan dipakai dua kali.', 'An option value is used twice.'],
  'form.min_above_max': (_p) => ['Batas bawah lebih besar dari batas atas.', 'The minimum is above the maximum.'],
  'form.date_nowhere': (_p) => ['Tanggal tidak dapat sekaligus "bukan masa depan" dan "bukan masa lalu".', 'A date cannot be both "not in the future" and "not in the past".'],
  'form.single_document_count': (_p) => ['Berkas tunggal tidak memakai jumlah berkas.', 'A single document takes no count.'],
  'workflow.duplicate_key': (_p) => ['Kunci tahap dipakai dua kali.', 'The stage key is used twice.'],
  'workflow.first_not_check': (_p) => ['Tahap pertama harus pemeriksaan berkas.', 'The first stage must be the document check.'],
  'workflow.decision_count': (_p) => ['Alur harus punya tepat satu tahap keputusan.', 'The workflow needs exactly one decision stage.'],
  'workflow.issue_count': (_p) => ['Alur paling banyak punya satu tahap penerbitan.', 'The workflow has at most one issuing stage.'],
  'workflow.issue_before_decision': (_p) => ['Penerbitan harus sesudah keputusan.', 'Issuing must come after the decision.'],
  'workflow.days_over_limit': (p) => [`Jumlah hari kerja tahapan (${p.days}) melebihi jangka waktu standar (${p.limit} hari kerja).`, `The stages' working days (${p.days}) exceed the standard's time limit (${p.limit} working days).`],
  'result.placeholder_unknown': (p) => [`Templat memakai {{${p.name}}} yang bukan isian formulir (selain berkas) maupun isian bawaan.`, `The template uses {{${p.name}}}, neither a form field (other than a document) nor a built-in.`],
  'tariff.field_missing': (p) => [`Tarif memakai isian "${p.field}" yang tidak ada atau bukan jenis yang sesuai (angka untuk per satuan, pilihan tunggal untuk per pilihan).`, `The tariff uses "${p.field}", which is missing or not of the right type (a number per unit, a single choice by choice).`],
  'tariff.option_unpriced': (p) => [`Pilihan "${p.option}" belum diberi tarif.`, `Option "${p.option}" has no amount.`],
  'tariff.option_unknown': (p) => [`Tarif untuk "${p.option}" yang bukan pilihan isian itu.`, `An amount for "${p.option}", which is not an option of that field.`],
  'tariff.standard_free': (_p) => ['Tarif retribusi diisi, tetapi komponen biaya standar menyatakan gratis.', 'A tariff is set but the standard\'s cost component says free.'],
} satisfies Record<string, (p: Record<string, string | number>) => [string, string]>;

export type ProblemCode = keyof typeof MESSAGES;

export interface Problem { part: DefinitionPart; code: ProblemCode; at: string | null; messages: { id: string; en: string } }

export function problem(part: DefinitionPart, code: ProblemCode, at: string | null, params: Record<string, string | number> = {}): Problem {
  const [id, en] = MESSAGES[code](params);
  return { part, code, at, messages: { id, en } };
}
