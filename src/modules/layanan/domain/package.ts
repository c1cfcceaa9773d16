// The Living Lab package of public services (`layanan.services`): the
// published definitions a region chose, each as its last published version,
// keyed by the service's code (its slug), with its owner unit and the units
// its workflow stages name, by unit code, never by id. What a package would
// change in a region's draft, line by line, in words. Pure: the database side
// is service/package.ts.
import { z } from 'zod';
import type { Words } from '../../../platform/errors.js';
import { partProblems, type Definition } from './definition.js';
import type { FormDefinition } from './form.js';
import { formShape } from './form.js';
import { COMPONENTS, samePublication, slugShape, stableJson, standardSchema, type ComponentKey, type Standard } from './standard.js';
import { resultShape, type ResultTemplate } from './template.js';
import { tariffShape, type TariffRule } from './tariff.js';
import { stageSchema, STAGES_MAX, STAGE_ROLES, type Workflow } from './workflow.js';

export const PACKAGE_FORMAT_VERSION = 1;
export const PACKAGE_SERVICES_MAX = 200;

/** A unit of the source region, by its code: the adopter maps it to one of its own. */
const unitRef = z.object({ code: z.string().trim().min(1).max(100), name: z.string().trim().min(1).max(300) });
export type PackageUnitRef = z.infer<typeof unitRef>;

/** A stage as a package carries it: the acting unit by code (null: the service's own unit). */
const portableStage = stageSchema.extend({ actor: z.object({ role: z.enum(STAGE_ROLES), unit: unitRef.nullable() }) });
export type PortableStage = z.infer<typeof portableStage>;
export interface PortableWorkflow { stages: PortableStage[] }

export const packagedServiceShape = z.object({
  code: slugShape.describe('Kode layanan: alamatnya (slug) di daerah sumber / the service\'s code: its slug in the source region'),
  name: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(500),
  version: z.number().int().min(1).describe('Versi terbit di daerah sumber / the version published in the source region'),
  unit: unitRef.describe('Perangkat daerah pemilik di daerah sumber / the owner unit in the source region'),
  standard: standardSchema,
  form: formShape,
  workflow: z.object({ stages: z.array(portableStage).min(1).max(STAGES_MAX) }),
  result: resultShape,
  tariff: tariffShape,
});
export type PackagedService = z.infer<typeof packagedServiceShape>;

/** Why a package cannot be applied as it is (beyond its shape), each with the service it is about. */
export interface PackageProblem { at: string; messages: Words }

/** The units the content names, distinct by code: each service's owner and the units acting on its stages. */
export function packageUnits(content: { services: PackagedService[] }): PackageUnitRef[] {
  const seen = new Map<string, PackageUnitRef>();
  for (const s of content.services) {
    for (const u of [s.unit, ...s.workflow.stages.map((st) => st.actor.unit)]) if (u && !seen.has(u.code)) seen.set(u.code, { code: u.code, name: u.name });
  }
  return [...seen.values()];
}

/** A service's definition with its stages' units as the region's ids (`unitId` of a code the map does not hold: undefined). */
export function adoptedDefinition(s: PackagedService, unitIdOf: (code: string) => string | undefined): Definition {
  return {
    form: s.form,
    workflow: { stages: s.workflow.stages.map(({ actor, ...st }) => ({ ...st, actor: { role: actor.role, unitId: actor.unit ? (unitIdOf(actor.unit.code) as string) : null } })) },
    result: s.result,
    tariff: s.tariff,
  };
}

/** A region's workflow as a package carries it: each acting unit by code and name. */
export function portableWorkflow(w: Workflow, unitOf: (id: string) => PackageUnitRef): PortableWorkflow {
  return { stages: w.stages.map(({ actor, ...st }) => ({ ...st, actor: { role: actor.role, unit: actor.unitId ? unitOf(actor.unitId) : null } })) };
}

/**
 * What stops a package from being applied though it has the right shape: a
 * code twice, a unit code under two names, a form or workflow breaking its
 * own rules (the rules a draft is saved under).
 */
export function packageProblems(content: { services: PackagedService[] }): PackageProblem[] {
  const out: PackageProblem[] = [];
  const codes = new Set<string>();
  const unitNames = new Map<string, string>();
  for (const s of content.services) {
    if (codes.has(s.code)) out.push({ at: s.code, messages: { id: 'Kode layanan muncul dua kali dalam paket.', en: 'The service code appears twice in the package.' } });
    codes.add(s.code);
    for (const u of [s.unit, ...s.workflow.stages.map((st) => st.actor.unit)]) {
      if (!u) continue;
      const name = unitNames.get(u.code);
      if (name !== undefined && name !== u.name) out.push({ at: s.code, messages: { id: `Kode perangkat daerah ${u.code} dipakai dengan dua nama.`, en: `Unit code ${u.code} is used with two names.` } });
      unitNames.set(u.code, u.name);
    }
    for (const p of partProblems(adoptedDefinition(s, () => undefined))) out.push({ at: `${s.code}${p.at ? `/${p.at}` : ''}`, messages: p.messages });
  }
  return out;
}

export const servicesPackageShape = z.object({
  services: z.array(packagedServiceShape).max(PACKAGE_SERVICES_MAX),
}).superRefine((content, ctx) => {
  for (const p of packageProblems(content)) ctx.addIssue({ code: 'custom', path: ['services'], message: `${p.at}: ${p.messages.en}` });
});
export type ServicesPackage = z.infer<typeof servicesPackageShape>;

export const packageSummary = (content: ServicesPackage): Words => {
  const n = content.services.length;
  const fields = content.services.reduce((sum, s) => sum + s.form.fields.length, 0);
  return { id: `${n} layanan, ${fields} isian formulir`, en: `${n} ${n === 1 ? 'service' : 'services'}, ${fields} form ${fields === 1 ? 'field' : 'fields'}` };
};

// ---------------------------------------------------------------------------
// What applying would change: the draft as it is against the draft it would become.

/** A service's draft as it would be compared: the owner unit and stage units by the region's ids. */
export interface DraftView { name: string; summary: string; unitId: string | undefined; standard: Standard; form: FormDefinition; workflow: Workflow; result: ResultTemplate; tariff: TariffRule }

export const sameDraft = (a: DraftView, b: DraftView) => samePublication({ ...a, unitId: a.unitId ?? null }, { ...b, unitId: b.unitId ?? null });

export interface FieldChange { field: string; ours: string | null; theirs: string | null }

const rupiah = (n: number) => `Rp${new Intl.NumberFormat('id-ID').format(n)}`;
/** A decimal rate as written in Indonesian: "12500.5" → "Rp12.500,5". */
const rateWords = (rate: string) => {
  const [whole, fraction] = rate.split('.');
  return `${rupiah(Number(whole))}${fraction ? `,${fraction}` : ''}`;
};
const short = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

const ROLE_WORDS: Record<(typeof STAGE_ROLES)[number], string> = {
  layanan_counter: 'petugas loket', layanan_officer: 'petugas pengolah', unit_head: 'kepala perangkat daerah', layanan_unit_manager: 'pengelola layanan',
};

/** A fee rule in words: "Gratis", "Rp150.000 per Luas (m²), paling sedikit Rp100.000, dibayar sebelum terbit". */
export function tariffWords(t: TariffRule, form: FormDefinition): string {
  const label = (key: string) => form.fields.find((f) => f.key === key)?.label.id ?? key;
  const base = t.kind === 'free' ? 'Gratis'
    : t.kind === 'fixed' ? rupiah(t.amount)
      : t.kind === 'per_unit' ? `${rateWords(t.rate)} per ${label(t.field)}${t.minimum ? `, paling sedikit ${rupiah(t.minimum)}` : ''}`
        : `menurut ${label(t.field)}: ${Object.entries(t.amounts).map(([k, v]) => `${k} ${rupiah(v)}`).join(', ')}`;
  return t.kind !== 'free' && t.payBeforeIssue ? `${base}, dibayar sebelum terbit` : base;
}

const stageWords = (w: Workflow, unitName: (id: string) => string) =>
  w.stages.map((s) => `${s.name.id} (${ROLE_WORDS[s.actor.role]}${s.actor.unitId ? ` ${unitName(s.actor.unitId)}` : ''}${s.days ? `, ${s.days} hari kerja` : ''})`).join(' → ');

const timeWords = (s: Standard, withNote: boolean) => `${s.timeLimitDays} hari kerja${withNote && s.timeLimitNote ? `; ${short(s.timeLimitNote, 60)}` : ''}`;

const componentText = (s: Standard, key: ComponentKey): string =>
  (key === 'requirements' ? `${s.requirements.length} butir${s.requirements.length ? `: ${short(s.requirements.join('; '), 70)}` : ''}` : short(String(s[key as keyof Standard] ?? '')));

const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

/**
 * The fields in which the draft the package would write (`theirs`) differs
 * from the region's draft (`ours`), in words: the name, summary, owner unit,
 * stages, form fields (count, new, removed, relabelled), the time limit, the
 * fee, the result template (changed or not) and each other component of the
 * standard. `unitName` names a unit id of the region; `componentName` a
 * component by its number in the regulation.
 */
export function draftChanges(ours: DraftView, theirs: DraftView, unitName: (id: string | undefined) => string, componentName: (no: number) => string): FieldChange[] {
  const out: FieldChange[] = [];
  const add = (field: string, o: string | null, t: string | null) => out.push({ field, ours: o, theirs: t });
  if (ours.name !== theirs.name) add('Nama', ours.name, theirs.name);
  if (ours.summary !== theirs.summary) add('Uraian singkat', short(ours.summary), short(theirs.summary));
  if (ours.unitId !== theirs.unitId) add('Perangkat daerah pemilik', unitName(ours.unitId), unitName(theirs.unitId));
  if (!same(ours.workflow, theirs.workflow)) add('Tahapan', stageWords(ours.workflow, unitName), stageWords(theirs.workflow, unitName));
  if (!same(ours.form, theirs.form)) {
    const keys = (f: FormDefinition) => new Map(f.fields.map((x) => [x.key, x]));
    const o = keys(ours.form);
    const t = keys(theirs.form);
    const added = [...t.values()].filter((x) => !o.has(x.key)).map((x) => x.label.id);
    const removed = [...o.values()].filter((x) => !t.has(x.key)).map((x) => x.label.id);
    const relabelled = [...t.values()].filter((x) => o.has(x.key) && o.get(x.key)!.label.id !== x.label.id);
    const notes = [
      added.length ? `baru: ${added.join(', ')}` : '', removed.length ? `tidak ada lagi: ${removed.join(', ')}` : '',
    ].filter(Boolean);
    // Only relabelled: the labels say it all; otherwise the count, what is new and gone, or that the fields' settings differ.
    if (notes.length > 0 || relabelled.length === 0) {
      add('Isian formulir', `${ours.form.fields.length} isian`, short(`${theirs.form.fields.length} isian${notes.length ? `; ${notes.join('; ')}` : ' (pengaturan isian berbeda)'}`, 200));
    }
    if (relabelled.length) add('Label isian', short(relabelled.map((x) => o.get(x.key)!.label.id).join('; '), 200), short(relabelled.map((x) => x.label.id).join('; '), 200));
  }
  if (ours.standard.timeLimitDays !== theirs.standard.timeLimitDays || ours.standard.timeLimitNote !== theirs.standard.timeLimitNote) {
    const withNote = ours.standard.timeLimitNote !== theirs.standard.timeLimitNote;
    add('Jangka waktu', timeWords(ours.standard, withNote), timeWords(theirs.standard, withNote));
  }
  const costOf = (d: DraftView, withText: boolean) => `${tariffWords(d.tariff, d.form)}${withText && d.standard.tariff ? `; ${short(d.standard.tariff, 60)}` : ''}`;
  if (!same(ours.tariff, theirs.tariff) || ours.standard.fee !== theirs.standard.fee || ours.standard.tariff !== theirs.standard.tariff) {
    const withText = ours.standard.tariff !== theirs.standard.tariff;
    add('Biaya/tarif', costOf(ours, withText), costOf(theirs, withText));
  }
  if (!same(ours.result, theirs.result)) add('Templat dokumen hasil', ours.result.title, ours.result.title === theirs.result.title ? `${theirs.result.title} (isinya berbeda)` : theirs.result.title);
  for (const c of COMPONENTS) {
    if (c.key === 'timeLimit' || c.key === 'cost') continue;
    if (!same(ours.standard[c.key as keyof Standard], theirs.standard[c.key as keyof Standard])) add(`Standar: ${componentName(c.no)}`, componentText(ours.standard, c.key), componentText(theirs.standard, c.key));
  }
  return out;
}
