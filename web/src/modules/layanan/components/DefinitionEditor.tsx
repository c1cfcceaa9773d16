// The staff editors of a service's definition, part of its draft: the form
// builder (add, edit, reorder, remove fields; per-type settings; a condition
// on an earlier choice field), the workflow stages, the result template with
// its placeholders, and the tariff. The API checks every rule; these editors
// only make the shapes easy to write. Buttons here never submit the draft.
import { useState } from 'react';
import { useI18n } from '../../../i18n/index.js';
import type { RegionProfile, Unit } from '../../../types.js';
import { FormFields, useText, type FormValues } from './FormFields.js';
import type { FormDefinition, FormField, ResultTemplate, Stage, Tariff, Workflow } from './types.js';

const FIELD_TYPES = ['text', 'textarea', 'number', 'date', 'choice', 'nik', 'address', 'document'] as const;
const STAGE_KINDS = ['check', 'review', 'decision', 'issue'] as const;
const STAGE_ROLES = ['layanan_counter', 'layanan_officer', 'unit_head', 'layanan_unit_manager'] as const;
const BUILTINS = ['nomor', 'tanggal', 'nama_layanan', 'pemohon'];
const DOC_TYPES = ['pdf', 'jpeg', 'png'] as const;

/** `items` with the one at `i` moved by `by` (−1 up, +1 down), or unchanged at an end. */
function moved<T>(items: T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= items.length) return items;
  const out = [...items];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** Up, down and remove for one item of a list. */
function RowActions({ items, i, onChange, name }: { items: unknown[]; i: number; onChange: (items: never[]) => void; name: string }) {
  const { t } = useI18n();
  return (
    <span className="layanan-row-actions">
      <button type="button" aria-label={t('layanan.def.up', { name })} disabled={i === 0} onClick={() => onChange(moved(items, i, -1) as never[])}>↑</button>
      <button type="button" aria-label={t('layanan.def.down', { name })} disabled={i === items.length - 1} onClick={() => onChange(moved(items, i, 1) as never[])}>↓</button>
      <button type="button" aria-label={t('layanan.def.remove', { name })} onClick={() => onChange(items.filter((_, k) => k !== i) as never[])}>✕</button>
    </span>
  );
}

/** A field of a new type keeps its key, label, help, requirement and condition; the type's own settings start at their defaults. */
function withType(f: FormField, type: FormField['type']): FormField {
  const base = { key: f.key, label: f.label, help: f.help, required: f.required, showIf: f.showIf };
  switch (type) {
    case 'text': return { ...base, type, maxLength: 200 };
    case 'textarea': return { ...base, type, maxLength: 2000 };
    case 'number': return { ...base, type, integer: true };
    case 'date': return { ...base, type };
    case 'choice': return { ...base, type, multiple: false, options: [{ value: 'ya', label: { id: 'Ya', en: 'Yes' } }, { value: 'tidak', label: { id: 'Tidak', en: 'No' } }] };
    case 'nik': case 'address': return { ...base, type };
    case 'document': return { ...base, type, accept: ['pdf'], maxSizeMb: 2, multiple: false };
  }
}

const optionalNumber = (v: string) => (v === '' ? undefined : Number(v));

export function FormBuilder({ form, onChange }: { form: FormDefinition; onChange: (form: FormDefinition) => void }) {
  const { t } = useI18n();
  const setFields = (fields: FormField[]) => onChange({ fields });
  const setField = (i: number, f: FormField) => setFields(form.fields.map((x, k) => (k === i ? f : x)));
  const add = () => {
    let n = form.fields.length + 1;
    while (form.fields.some((f) => f.key === `isian_${n}`)) n += 1;
    setFields([...form.fields, { key: `isian_${n}`, label: { id: t('layanan.def.newField') }, required: false, type: 'text', maxLength: 200 }]);
  };
  return (
    <section aria-labelledby="def-form" className="layanan-def">
      <h2 id="def-form">{t('layanan.def.form')}</h2>
      <p className="small muted">{t('layanan.def.formIntro')}</p>
      {form.fields.length === 0 && <p className="muted">{t('layanan.def.noFields')}</p>}
      <ol className="layanan-def-list">
        {form.fields.map((f, i) => (
          <li key={i} className="card">
            <FieldEditor field={f} i={i} earlier={form.fields.slice(0, i)} onChange={(x) => setField(i, x)} />
            <RowActions items={form.fields} i={i} onChange={setFields} name={f.label.id} />
          </li>
        ))}
      </ol>
      <button type="button" onClick={add}>{t('layanan.def.addField')}</button>
    </section>
  );
}

/** The form as an applicant fills it, outside the draft's own form (its required fields must not block saving the draft). */
export function FormPreview({ form, region }: { form: FormDefinition; region: RegionProfile }) {
  const { t } = useI18n();
  const [values, setValues] = useState<FormValues>({});
  return (
    <details className="layanan-preview">
      <summary>{t('layanan.def.preview')}</summary>
      <form onSubmit={(e) => e.preventDefault()} aria-label={t('layanan.def.preview')}>
        <FormFields form={form} region={region} values={values} onChange={setValues} idPrefix="preview" />
      </form>
    </details>
  );
}

function FieldEditor({ field: f, i, earlier, onChange }: { field: FormField; i: number; earlier: FormField[]; onChange: (f: FormField) => void }) {
  const { t } = useI18n();
  const id = `fb-${i}`;
  const choices = earlier.filter((e): e is Extract<FormField, { type: 'choice' }> => e.type === 'choice');
  const target = choices.find((c) => c.key === f.showIf?.field);
  return (
    <fieldset className="layanan-def-field">
      <legend>{t('layanan.def.fieldN', { n: i + 1 })}</legend>
      <div className="layanan-def-grid">
        <div className="field"><label htmlFor={`${id}-label`}>{t('layanan.def.label')}</label>
          <input id={`${id}-label`} type="text" maxLength={200} value={f.label.id} onChange={(e) => onChange({ ...f, label: { ...f.label, id: e.target.value } })} /></div>
        <div className="field"><label htmlFor={`${id}-label-en`}>{t('layanan.def.labelEn')}</label>
          <input id={`${id}-label-en`} type="text" maxLength={200} value={f.label.en ?? ''} onChange={(e) => onChange({ ...f, label: { ...f.label, en: e.target.value || undefined } })} /></div>
        <div className="field"><label htmlFor={`${id}-key`}>{t('layanan.def.key')}</label>
          <input id={`${id}-key`} type="text" maxLength={40} pattern="[a-z][a-z0-9_]*" value={f.key} onChange={(e) => onChange({ ...f, key: e.target.value })} /></div>
        <div className="field"><label htmlFor={`${id}-type`}>{t('layanan.def.type')}</label>
          <select id={`${id}-type`} value={f.type} onChange={(e) => onChange(withType(f, e.target.value as FormField['type']))}>
            {FIELD_TYPES.map((ty) => <option key={ty} value={ty}>{t(`layanan.def.type.${ty}`)}</option>)}
          </select></div>
      </div>
      <div className="field"><label htmlFor={`${id}-help`}>{t('layanan.def.help')}</label>
        <input id={`${id}-help`} type="text" maxLength={1000} value={f.help?.id ?? ''} onChange={(e) => onChange({ ...f, help: e.target.value ? { ...f.help, id: e.target.value } : undefined })} /></div>
      <label className="layanan-check"><input type="checkbox" checked={f.required} onChange={(e) => onChange({ ...f, required: e.target.checked })} /> {t('layanan.def.required')}</label>
      <TypeSettings field={f} id={id} onChange={onChange} />
      {choices.length > 0 && (
        <div className="field"><label htmlFor={`${id}-showif`}>{t('layanan.def.showIf')}</label>
          <select id={`${id}-showif`} value={f.showIf?.field ?? ''} onChange={(e) => {
            const c = choices.find((x) => x.key === e.target.value);
            onChange({ ...f, showIf: c ? { field: c.key, in: [c.options[0].value] } : undefined });
          }}>
            <option value="">{t('layanan.def.always')}</option>
            {choices.map((c) => <option key={c.key} value={c.key}>{c.label.id}</option>)}
          </select>
          {target && f.showIf && target.options.map((o) => (
            <label key={o.value} className="layanan-check"><input type="checkbox" checked={f.showIf!.in.includes(o.value)}
              onChange={(e) => onChange({ ...f, showIf: { field: target.key, in: e.target.checked ? [...f.showIf!.in, o.value] : f.showIf!.in.filter((v) => v !== o.value) } })} /> {o.label.id}</label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

function TypeSettings({ field: f, id, onChange }: { field: FormField; id: string; onChange: (f: FormField) => void }) {
  const { t } = useI18n();
  const num = (label: string, key: string, value: number | undefined, set: (v: number | undefined) => void, attrs: { min?: number; max?: number } = {}) => (
    <div className="field"><label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} type="number" step="any" {...attrs} value={value ?? ''} onChange={(e) => set(optionalNumber(e.target.value))} /></div>
  );
  switch (f.type) {
    case 'text': case 'textarea':
      return num(t('layanan.def.maxLength'), 'max-length', f.maxLength, (v) => onChange({ ...f, maxLength: v ?? 1 }), { min: 1, max: f.type === 'text' ? 1000 : 5000 });
    case 'number':
      return (
        <div className="layanan-def-grid">
          <label className="layanan-check"><input type="checkbox" checked={f.integer} onChange={(e) => onChange({ ...f, integer: e.target.checked })} /> {t('layanan.def.integer')}</label>
          {num(t('layanan.def.min'), 'min', f.min, (v) => onChange({ ...f, min: v }))}
          {num(t('layanan.def.max'), 'max', f.max, (v) => onChange({ ...f, max: v }))}
          <div className="field"><label htmlFor={`${id}-unit`}>{t('layanan.def.unit')}</label>
            <input id={`${id}-unit`} type="text" maxLength={20} value={f.unit ?? ''} onChange={(e) => onChange({ ...f, unit: e.target.value || undefined })} /></div>
        </div>
      );
    case 'date':
      return (
        <div>
          <label className="layanan-check"><input type="checkbox" checked={!!f.notFuture} onChange={(e) => onChange({ ...f, notFuture: e.target.checked || undefined })} /> {t('layanan.def.notFuture')}</label>
          <label className="layanan-check"><input type="checkbox" checked={!!f.notPast} onChange={(e) => onChange({ ...f, notPast: e.target.checked || undefined })} /> {t('layanan.def.notPast')}</label>
        </div>
      );
    case 'choice':
      return (
        <div>
          <label className="layanan-check"><input type="checkbox" checked={f.multiple} onChange={(e) => onChange({ ...f, multiple: e.target.checked })} /> {t('layanan.def.multiple')}</label>
          <ol className="layanan-def-options">
            {f.options.map((o, k) => (
              <li key={k}>
                <input type="text" aria-label={t('layanan.def.optionLabel', { n: k + 1 })} maxLength={200} value={o.label.id}
                  onChange={(e) => onChange({ ...f, options: f.options.map((x, j) => (j === k ? { ...x, label: { ...x.label, id: e.target.value } } : x)) })} />
                <input type="text" aria-label={t('layanan.def.optionValue', { n: k + 1 })} maxLength={100} pattern="[a-z][a-z0-9_]*" value={o.value}
                  onChange={(e) => onChange({ ...f, options: f.options.map((x, j) => (j === k ? { ...x, value: e.target.value } : x)) })} />
                <RowActions items={f.options} i={k} name={o.label.id} onChange={(options) => onChange({ ...f, options: options.length ? options : f.options })} />
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => onChange({ ...f, options: [...f.options, { value: `pilihan_${f.options.length + 1}`, label: { id: t('layanan.def.newOption') } }] })}>{t('layanan.def.addOption')}</button>
        </div>
      );
    case 'document':
      return (
        <div className="layanan-def-grid">
          <div>{DOC_TYPES.map((ty) => (
            <label key={ty} className="layanan-check"><input type="checkbox" checked={f.accept.includes(ty)}
              onChange={(e) => onChange({ ...f, accept: e.target.checked ? [...f.accept, ty] : f.accept.filter((x) => x !== ty) })} /> {ty.toUpperCase()}</label>
          ))}</div>
          {num(t('layanan.def.maxSizeMb'), 'mb', f.maxSizeMb, (v) => onChange({ ...f, maxSizeMb: v ?? 1 }), { min: 1, max: 10 })}
          <label className="layanan-check"><input type="checkbox" checked={f.multiple} onChange={(e) => onChange({ ...f, multiple: e.target.checked, maxCount: e.target.checked ? 5 : undefined })} /> {t('layanan.def.multipleFiles')}</label>
          {f.multiple && num(t('layanan.def.maxCount'), 'count', f.maxCount, (v) => onChange({ ...f, maxCount: v }), { min: 1, max: 10 })}
        </div>
      );
    default:
      return null;
  }
}

export function StageEditor({ workflow, units, onChange }: { workflow: Workflow; units: Unit[]; onChange: (w: Workflow) => void }) {
  const { t } = useI18n();
  const setStages = (stages: Stage[]) => onChange({ stages });
  const setStage = (i: number, s: Stage) => setStages(workflow.stages.map((x, k) => (k === i ? s : x)));
  const days = workflow.stages.reduce((sum, s) => sum + (s.days ?? 0), 0);
  return (
    <section aria-labelledby="def-workflow" className="layanan-def">
      <h2 id="def-workflow">{t('layanan.def.workflow')}</h2>
      <p className="small muted">{t('layanan.def.workflowIntro')}</p>
      <ol className="layanan-def-list">
        {workflow.stages.map((s, i) => (
          <li key={i} className="card">
            <div className="layanan-def-grid">
              <div className="field"><label htmlFor={`st-${i}-name`}>{t('layanan.def.stageName')}</label>
                <input id={`st-${i}-name`} type="text" maxLength={200} value={s.name.id} onChange={(e) => setStage(i, { ...s, name: { ...s.name, id: e.target.value } })} /></div>
              <div className="field"><label htmlFor={`st-${i}-kind`}>{t('layanan.def.stageKind')}</label>
                <select id={`st-${i}-kind`} value={s.kind} onChange={(e) => setStage(i, { ...s, kind: e.target.value as Stage['kind'] })}>
                  {STAGE_KINDS.map((k) => <option key={k} value={k}>{t(`layanan.def.kind.${k}`)}</option>)}
                </select></div>
              <div className="field"><label htmlFor={`st-${i}-role`}>{t('layanan.def.stageRole')}</label>
                <select id={`st-${i}-role`} value={s.actor.role} onChange={(e) => setStage(i, { ...s, actor: { ...s.actor, role: e.target.value as Stage['actor']['role'] } })}>
                  {STAGE_ROLES.map((r) => <option key={r} value={r}>{t(`layanan.def.role.${r}`)}</option>)}
                </select></div>
              <div className="field"><label htmlFor={`st-${i}-unit`}>{t('layanan.def.stageUnit')}</label>
                <select id={`st-${i}-unit`} value={s.actor.unitId ?? ''} onChange={(e) => setStage(i, { ...s, actor: { ...s.actor, unitId: e.target.value || null } })}>
                  <option value="">{t('layanan.def.ownUnit')}</option>
                  {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
                </select></div>
              <div className="field"><label htmlFor={`st-${i}-days`}>{t('layanan.def.stageDays')}</label>
                <input id={`st-${i}-days`} type="number" min={1} max={365} value={s.days ?? ''} onChange={(e) => setStage(i, { ...s, days: optionalNumber(e.target.value) })} /></div>
              <div className="field"><label htmlFor={`st-${i}-key`}>{t('layanan.def.key')}</label>
                <input id={`st-${i}-key`} type="text" maxLength={40} pattern="[a-z][a-z0-9_]*" value={s.key} onChange={(e) => setStage(i, { ...s, key: e.target.value })} /></div>
            </div>
            <RowActions items={workflow.stages} i={i} onChange={setStages} name={s.name.id} />
          </li>
        ))}
      </ol>
      <p className="small muted">{t('layanan.def.daysTotal', { days })}</p>
      <button type="button" onClick={() => setStages([...workflow.stages, { key: `tahap_${workflow.stages.length + 1}`, name: { id: t('layanan.def.newStage') }, kind: 'review', actor: { role: 'layanan_officer', unitId: null } }])}>
        {t('layanan.def.addStage')}
      </button>
    </section>
  );
}

export function TemplateEditor({ result, form, onChange }: { result: ResultTemplate; form: FormDefinition; onChange: (r: ResultTemplate) => void }) {
  const { t } = useI18n();
  const names = [...BUILTINS, ...form.fields.filter((f) => f.type !== 'document').map((f) => f.key)];
  return (
    <section aria-labelledby="def-result" className="layanan-def">
      <h2 id="def-result">{t('layanan.def.result')}</h2>
      <p className="small muted">{t('layanan.def.placeholders')} {names.map((n) => <code key={n}>{`{{${n}}}`} </code>)}</p>
      <div className="field"><label htmlFor="rt-title">{t('layanan.def.resultTitle')}</label>
        <input id="rt-title" type="text" maxLength={200} value={result.title} onChange={(e) => onChange({ ...result, title: e.target.value })} /></div>
      <div className="field"><label htmlFor="rt-body">{t('layanan.def.resultBody')}</label>
        <textarea id="rt-body" rows={8} value={result.paragraphs.join('\n\n')} onChange={(e) => onChange({ ...result, paragraphs: e.target.value.split(/\n\s*\n/) })} />
        <small className="muted">{t('layanan.def.resultBodyHint')}</small></div>
      <div className="field"><label htmlFor="rt-signer">{t('layanan.def.signer')}</label>
        <input id="rt-signer" type="text" maxLength={200} value={result.signer} onChange={(e) => onChange({ ...result, signer: e.target.value })} /></div>
      {/* How the result is filed and numbered as a letter of the region (the correspondence numbering and register). */}
      <div className="field"><label htmlFor="rt-product">{t('layanan.def.product')}</label>
        <select id="rt-product" value={result.product ?? 'keterangan'} onChange={(e) => onChange({ ...result, product: e.target.value as NonNullable<ResultTemplate['product']> })}>
          {(['keterangan', 'izin', 'rekomendasi'] as const).map((k) => <option key={k} value={k}>{t(`layanan.def.product.${k}`)}</option>)}
        </select></div>
      <div className="field"><label htmlFor="rt-classification">{t('layanan.def.classification')}</label>
        <input id="rt-classification" type="text" inputMode="decimal" maxLength={20} placeholder="400.7.22" value={result.classificationCode ?? ''}
          onChange={(e) => onChange({ ...result, classificationCode: e.target.value.trim() || undefined })} />
        <small className="muted">{t('layanan.def.classificationHint')}</small></div>
    </section>
  );
}

export function TariffEditor({ tariff, form, onChange }: { tariff: Tariff; form: FormDefinition; onChange: (t: Tariff) => void }) {
  const { t } = useI18n();
  const text = useText();
  const numbers = form.fields.filter((f) => f.type === 'number');
  const choices = form.fields.filter((f): f is Extract<FormField, { type: 'choice' }> => f.type === 'choice' && !f.multiple);
  const pay = tariff.payBeforeIssue;
  const kind = (k: Tariff['kind']): Tariff => {
    switch (k) {
      case 'free': return { kind: k, payBeforeIssue: false };
      case 'fixed': return { kind: k, amount: 10_000, payBeforeIssue: pay };
      case 'per_unit': return { kind: k, field: numbers[0]?.key ?? '', rate: '1000', payBeforeIssue: pay };
      case 'by_choice': return { kind: k, field: choices[0]?.key ?? '', amounts: Object.fromEntries((choices[0]?.options ?? []).map((o) => [o.value, 0])), payBeforeIssue: pay };
    }
  };
  const rupiah = (id: string, label: string, value: number | undefined, set: (v: number | undefined) => void) => (
    <div className="field"><label htmlFor={id}>{label}</label>
      <input id={id} type="number" min={0} step={1} value={value ?? ''} onChange={(e) => set(optionalNumber(e.target.value))} /></div>
  );
  return (
    <section aria-labelledby="def-tariff" className="layanan-def">
      <h2 id="def-tariff">{t('layanan.def.tariff')}</h2>
      <div className="field"><label htmlFor="tf-kind">{t('layanan.def.tariffKind')}</label>
        <select id="tf-kind" value={tariff.kind} onChange={(e) => onChange(kind(e.target.value as Tariff['kind']))}>
          {(['free', 'fixed', 'per_unit', 'by_choice'] as const).map((k) => <option key={k} value={k}>{t(`layanan.def.tariff.${k}`)}</option>)}
        </select></div>
      {tariff.kind === 'fixed' && rupiah('tf-amount', t('layanan.def.amount'), tariff.amount, (v) => onChange({ ...tariff, amount: v ?? 0 }))}
      {tariff.kind === 'per_unit' && (
        <div className="layanan-def-grid">
          <div className="field"><label htmlFor="tf-field">{t('layanan.def.tariffField')}</label>
            <select id="tf-field" value={tariff.field} onChange={(e) => onChange({ ...tariff, field: e.target.value })}>
              <option value="" />
              {numbers.map((f) => <option key={f.key} value={f.key}>{text(f.label)}</option>)}
            </select></div>
          <div className="field"><label htmlFor="tf-rate">{t('layanan.def.rate')}</label>
            <input id="tf-rate" type="text" inputMode="decimal" pattern="[0-9]{1,12}(\.[0-9]{1,4})?" value={tariff.rate} onChange={(e) => onChange({ ...tariff, rate: e.target.value })} /></div>
          {rupiah('tf-minimum', t('layanan.def.minimum'), tariff.minimum, (v) => onChange({ ...tariff, minimum: v }))}
        </div>
      )}
      {tariff.kind === 'by_choice' && (
        <div>
          <div className="field"><label htmlFor="tf-choice">{t('layanan.def.tariffField')}</label>
            <select id="tf-choice" value={tariff.field} onChange={(e) => {
              const c = choices.find((x) => x.key === e.target.value);
              onChange({ ...tariff, field: e.target.value, amounts: Object.fromEntries((c?.options ?? []).map((o) => [o.value, 0])) });
            }}>
              <option value="" />
              {choices.map((f) => <option key={f.key} value={f.key}>{text(f.label)}</option>)}
            </select></div>
          {(choices.find((c) => c.key === tariff.field)?.options ?? []).map((o) =>
            <div key={o.value}>{rupiah(`tf-opt-${o.value}`, text(o.label), tariff.amounts[o.value], (v) => onChange({ ...tariff, amounts: { ...tariff.amounts, [o.value]: v ?? 0 } }))}</div>)}
        </div>
      )}
      {tariff.kind !== 'free' && (
        <label className="layanan-check"><input type="checkbox" checked={tariff.payBeforeIssue} onChange={(e) => onChange({ ...tariff, payBeforeIssue: e.target.checked })} /> {t('layanan.def.payBeforeIssue')}</label>
      )}
    </section>
  );
}
