import { describe, expect, it } from 'vitest';
import { defaultDefinition } from './definition.js';
import { draftChanges, packageProblems, packageUnits, sameDraft, servicesPackageShape, tariffWords, type DraftView, type PackagedService } from './package.js';
import { emptyStandard } from './standard.js';
import type { FormDefinition } from './form.js';

const form: FormDefinition = { fields: [
  { key: 'nama', label: { id: 'Nama' }, required: true, type: 'text', maxLength: 100 },
  { key: 'luas', label: { id: 'Luas (m²)' }, required: true, type: 'number', integer: false, min: 0 },
] };
const draft = (extra: Partial<DraftView> = {}): DraftView => ({ name: 'Izin', summary: '', unitId: 'u1', standard: emptyStandard(), ...defaultDefinition(), form, ...extra });
const unitName = (id: string | undefined) => ({ u1: 'Dinas A', u2: 'Dinas B' } as Record<string, string>)[id ?? ''] ?? 'belum dipetakan';
const componentName = (no: number) => `Komponen ${no}`;
const service = (extra: Partial<PackagedService> = {}): PackagedService => ({
  code: 'izin-reklame', name: 'Izin', summary: '', version: 1, unit: { code: 'A', name: 'Dinas A' }, standard: emptyStandard(), ...defaultDefinition(),
  workflow: { stages: defaultDefinition().workflow.stages.map(({ actor, ...s }) => ({ ...s, actor: { role: actor.role, unit: null } })) }, ...extra,
});

describe('services package (pure)', () => {
  it('sees two drafts as the same whatever order their keys come in (jsonb reorders them)', () => {
    const a = draft();
    const b = JSON.parse(JSON.stringify({ ...a, standard: Object.fromEntries(Object.entries(a.standard).reverse()) }));
    expect(sameDraft(a, b)).toBe(true);
    expect(sameDraft(a, draft({ unitId: undefined }))).toBe(false);
    expect(draftChanges(a, b, unitName, componentName)).toEqual([]);
  });

  it('says what changed in words: relabelled fields, the fee, the unit, other components', () => {
    const theirs = draft({
      unitId: 'u2', form: { fields: [{ ...form.fields[0], label: { id: 'Nama lengkap' } }, form.fields[1]] },
      tariff: { kind: 'per_unit', field: 'luas', rate: '150000', minimum: 100000, payBeforeIssue: true },
      standard: { ...emptyStandard(), fee: 'tariff', requirements: ['KTP-el'] },
    });
    const fields = draftChanges(draft(), theirs, unitName, componentName);
    expect(fields).toEqual([
      { field: 'Perangkat daerah pemilik', ours: 'Dinas A', theirs: 'Dinas B' },
      { field: 'Label isian', ours: 'Nama', theirs: 'Nama lengkap' },
      { field: 'Biaya/tarif', ours: 'Gratis', theirs: 'Rp150.000 per Luas (m²), paling sedikit Rp100.000, dibayar sebelum terbit' },
      { field: 'Standar: Komponen 1', ours: '0 butir', theirs: '1 butir: KTP-el' },
    ]);
    expect(tariffWords({ kind: 'fixed', amount: 25000, payBeforeIssue: false }, form)).toBe('Rp25.000');
    expect(tariffWords({ kind: 'per_unit', field: 'luas', rate: '12500.5', payBeforeIssue: false }, form)).toBe('Rp12.500,5 per Luas (m²)');
    const fewer = draftChanges(draft(), draft({ form: { fields: [form.fields[1]] } }), unitName, componentName);
    expect(fewer).toEqual([{ field: 'Isian formulir', ours: '2 isian', theirs: '1 isian; tidak ada lagi: Nama' }]);
    const stricter = draftChanges(draft(), draft({ form: { fields: [{ ...form.fields[0], required: false }, form.fields[1]] } }), unitName, componentName);
    expect(stricter).toEqual([{ field: 'Isian formulir', ours: '2 isian', theirs: '2 isian (pengaturan isian berbeda)' }]);
  });

  it('names the owner and stage units once, and refuses twice the same code or a form breaking its rules', () => {
    const survey = service({ code: 'rekomendasi', workflow: { stages: [
      ...service().workflow.stages.slice(0, 1), { key: 'survei', name: { id: 'Survei' }, kind: 'review', actor: { role: 'layanan_officer', unit: { code: 'B', name: 'Dinas B' } } }, ...service().workflow.stages.slice(1),
    ] } });
    expect(packageUnits({ services: [service(), survey] })).toEqual([{ code: 'A', name: 'Dinas A' }, { code: 'B', name: 'Dinas B' }]);
    expect(packageProblems({ services: [service(), survey] })).toEqual([]);
    expect(servicesPackageShape.safeParse({ services: [service(), survey] }).success).toBe(true);
    expect(packageProblems({ services: [service(), service()] }).map((p) => p.at)).toEqual(['izin-reklame']);
    expect(packageProblems({ services: [service({ form: { fields: [form.fields[0], form.fields[0]] } })] }).map((p) => p.at)).toEqual(['izin-reklame/nama']);
    expect(packageProblems({ services: [service(), { ...survey, unit: { code: 'A', name: 'Dinas Lain' } }] })).toHaveLength(1);
    expect(servicesPackageShape.safeParse({ services: [service({ code: 'permohonan' })] }).success).toBe(false);
  });
});
