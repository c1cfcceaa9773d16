// The workflow's rules, the result template and the fee, and how the parts
// of a definition must fit each other before publishing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultDefinition, definitionProblems, partProblems, type Definition } from './definition.js';
import { formProblems, formSchema, type FormField } from './form.js';
import { emptyStandard } from './standard.js';
import { fillTemplate, templateProblems } from './template.js';
import { computeFee, tariffProblems, type TariffRule } from './tariff.js';
import { defaultWorkflow, workflowDayProblems, workflowProblems, type Stage } from './workflow.js';

const l = (id: string) => ({ id });
const stage = (key: string, kind: Stage['kind'], days?: number): Stage => ({ key, name: l(key), kind, actor: { role: 'layanan_officer', unitId: null }, ...(days ? { days } : {}) });
const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

const luas: FormField = { key: 'luas', label: l('Luas'), required: true, type: 'number', integer: false, min: 0 };
const jenis: FormField = { key: 'jenis', label: l('Jenis'), required: true, type: 'choice', multiple: false,
  options: [{ value: 'papan', label: l('Papan nama') }, { value: 'baliho', label: l('Baliho') }] };

describe('form problems', () => {
  it('names the field and the rule it breaks', () => {
    const f = { fields: [{ ...luas, min: 5, max: 1 } as FormField, { ...jenis, key: 'luas' } as FormField, { ...luas, key: 'lebar', showIf: { field: 'luas', in: ['papan'] } } as FormField] };
    expect(formProblems(f).map((p) => [p.at, p.code])).toEqual([['luas', 'form.min_above_max'], ['luas', 'form.duplicate_key'], ['lebar', 'form.show_if_field']]);
    expect(formSchema.safeParse(f).success).toBe(false);
  });
});

describe('workflow', () => {
  it('gives a new service check by the counter, decision by the unit head, issue by the counter', () => {
    expect(defaultWorkflow().stages.map((s) => [s.kind, s.actor.role, s.actor.unitId])).toEqual([
      ['check', 'layanan_counter', null], ['decision', 'unit_head', null], ['issue', 'layanan_counter', null]]);
    expect(workflowProblems(defaultWorkflow())).toEqual([]);
  });

  it('starts with a check, has exactly one decision and at most one issue after it', () => {
    expect(workflowProblems({ stages: [stage('a', 'check'), stage('b', 'review'), stage('c', 'decision')] })).toEqual([]);
    expect(codes(workflowProblems({ stages: [stage('a', 'review'), stage('c', 'decision')] }))).toEqual(['workflow.first_not_check']);
    expect(codes(workflowProblems({ stages: [stage('a', 'check'), stage('b', 'review')] }))).toEqual(['workflow.decision_count']);
    expect(codes(workflowProblems({ stages: [stage('a', 'check'), stage('b', 'decision'), stage('c', 'decision')] }))).toEqual(['workflow.decision_count']);
    expect(codes(workflowProblems({ stages: [stage('a', 'check'), stage('b', 'issue'), stage('c', 'decision')] }))).toEqual(['workflow.issue_before_decision']);
    expect(codes(workflowProblems({ stages: [stage('a', 'check'), stage('b', 'decision'), stage('c', 'issue'), stage('d', 'issue')] }))).toEqual(['workflow.issue_count']);
    expect(codes(workflowProblems({ stages: [stage('a', 'check'), stage('a', 'decision')] }))).toEqual(['workflow.duplicate_key']);
  });

  it('keeps the stages\' working days within the standard\'s time limit', () => {
    const w = { stages: [stage('a', 'check', 1), stage('b', 'review', 3), stage('c', 'decision', 1)] };
    expect(workflowDayProblems(w, 5)).toEqual([]);
    expect(workflowDayProblems(w, 4)[0]).toMatchObject({ code: 'workflow.days_over_limit', messages: { en: expect.stringContaining('(5)') } });
  });
});

describe('result template', () => {
  const form = formSchema.parse({ fields: [
    { key: 'nama', label: l('Nama'), required: true, type: 'text', maxLength: 100 },
    { key: 'lahir', label: l('Tanggal lahir'), required: true, type: 'date' },
    { key: 'keperluan', label: l('Keperluan'), required: true, type: 'choice', multiple: true, options: [{ value: 'sekolah', label: l('Biaya sekolah') }, { value: 'berobat', label: l('Berobat') }] },
    { key: 'alamat', label: l('Alamat'), required: true, type: 'address' },
    luas, { key: 'catatan', label: l('Catatan'), required: false, type: 'text', maxLength: 100 },
    { key: 'ktp', label: l('KTP'), required: true, type: 'document', accept: ['pdf'], maxSizeMb: 1, multiple: false },
  ] });

  it('accepts placeholders of printable fields and built-ins, not documents or unknown names', () => {
    const t = { title: 'SKTM {{nomor}}', paragraphs: ['{{nama}} lahir {{lahir}}, {{ktp}} {{pekerjaan}}'], signer: 'Camat' };
    expect(templateProblems(t, form).map((p) => p.messages.en)).toEqual([expect.stringContaining('{{ktp}}'), expect.stringContaining('{{pekerjaan}}')]);
    expect(templateProblems({ ...t, paragraphs: ['{{ nama }} {{tanggal}} {{nama_layanan}} {{pemohon}}'] }, form)).toEqual([]);
  });

  it('prints dates in Indonesian, choices by label, addresses as lines, numbers the Indonesian way, the unanswered as nothing', () => {
    const filled = fillTemplate(
      { title: 'SURAT KETERANGAN {{nomor}}', paragraphs: ['{{nama}}, lahir {{lahir}}, untuk {{keperluan}}, luas {{luas}} m².', 'Alamat:\n{{alamat}}', '[{{catatan}}]', 'Sumedang, {{tanggal}}'], signer: 'Camat {{nama_layanan}}' },
      form,
      { nama: 'Siti Aminah', lahir: '1990-02-01', keperluan: ['sekolah', 'berobat'], luas: 1234.5,
        alamat: { street: 'Jl. Mawar 3 RT 01/RW 02', district: '32.11.01', village: '32.11.01.2001', districtName: 'Wado', villageName: 'Cimungkal' } },
      { nomor: '474/12/2026', tanggal: '2026-12-06', nama_layanan: 'SKTM', pemohon: 'Siti Aminah' },
    );
    expect(filled).toEqual({
      title: 'SURAT KETERANGAN 474/12/2026',
      paragraphs: ['Siti Aminah, lahir 1 Februari 1990, untuk Biaya sekolah, Berobat, luas 1.234,5 m².', 'Alamat:\nJl. Mawar 3 RT 01/RW 02\nDesa/Kelurahan Cimungkal\nKecamatan Wado', '[]', 'Sumedang, 6 Desember 2026'],
      signer: 'Camat SKTM',
    });
  });
});

describe('tariff', () => {
  const perUnit: TariffRule = { kind: 'per_unit', field: 'luas', rate: '12500.25', minimum: 50_000, payBeforeIssue: true };

  it('computes free, fixed, per unit (exact, half up to the rupiah, at least the minimum) and by choice', () => {
    expect(computeFee({ kind: 'free', payBeforeIssue: false }, {})).toBe(0);
    expect(computeFee({ kind: 'fixed', amount: 25_000, payBeforeIssue: false }, {})).toBe(25_000);
    expect(computeFee(perUnit, { luas: 10 })).toBe(125_003);
    expect(computeFee(perUnit, { luas: 2 })).toBe(50_000);
    expect(computeFee(perUnit, {})).toBe(50_000);
    expect(computeFee({ ...perUnit, rate: '0.5', minimum: undefined }, { luas: 3 })).toBe(2);
    expect(computeFee({ ...perUnit, rate: '0.1', minimum: undefined }, { luas: 0.3 })).toBe(0);
    const byChoice: TariffRule = { kind: 'by_choice', field: 'jenis', amounts: { papan: 100_000, baliho: 750_000 }, payBeforeIssue: false };
    expect(computeFee(byChoice, { jenis: 'baliho' })).toBe(750_000);
    expect(computeFee(byChoice, { jenis: 'constructor' })).toBe(0);
  });

  it('computes per unit exactly where floating point would not (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 99 }), (qi, qc, ri, rc) => {
      // Exact in hundredths: quantity q = qi + qc/100, rate r = ri + rc/100; fee = round half up of q × r.
      const product = (BigInt(qi) * 100n + BigInt(qc)) * (BigInt(ri) * 100n + BigInt(rc));
      const expected = Number((product + 5000n) / 10000n);
      expect(computeFee({ kind: 'per_unit', field: 'luas', rate: `${ri}.${String(rc).padStart(2, '0')}`, payBeforeIssue: false }, { luas: Number(`${qi}.${String(qc).padStart(2, '0')}`) })).toBe(expected);
    }));
  });

  it('fits the form and the standard', () => {
    const form = formSchema.parse({ fields: [luas, jenis] });
    expect(tariffProblems(perUnit, form, 'tariff')).toEqual([]);
    expect(codes(tariffProblems(perUnit, form, 'free'))).toEqual(['tariff.standard_free']);
    expect(codes(tariffProblems({ ...perUnit, field: 'jenis' }, form, 'tariff'))).toEqual(['tariff.field_missing']);
    expect(codes(tariffProblems({ kind: 'by_choice', field: 'jenis', amounts: { papan: 1, neon: 2 }, payBeforeIssue: false }, form, 'tariff'))).toEqual(['tariff.option_unpriced', 'tariff.option_unknown']);
  });
});

describe('definition', () => {
  it('starts valid, and names every problem between its parts before publishing', () => {
    expect(definitionProblems(defaultDefinition(), emptyStandard())).toEqual([]);
    const d: Definition = {
      form: { fields: [luas] },
      workflow: { stages: [stage('a', 'check', 3), stage('b', 'decision', 3)] },
      result: { title: 'Izin', paragraphs: ['{{lebar}}'], signer: 'Kepala Dinas' },
      tariff: { kind: 'fixed', amount: 10, payBeforeIssue: true },
    };
    expect(partProblems(d)).toEqual([]);
    expect(codes(definitionProblems(d, emptyStandard()))).toEqual(['workflow.days_over_limit', 'result.placeholder_unknown', 'tariff.standard_free']);
  });
});
