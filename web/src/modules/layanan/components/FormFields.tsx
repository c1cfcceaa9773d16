// A service's application form, rendered for filling in: conditional fields
// shown as their choice is made, required and format hints in the browser
// (the API's validateAnswers has the last word), the NIK's structure checked
// as it is typed, an address's kecamatan then desa/kelurahan from the
// region's own areas. The staff page shows it as a live preview; the
// citizen's application page fills it.
import type { ReactNode } from 'react';
import { regionApi } from '../../../api.js';
import { useApi } from '../../../data.js';
import { useI18n } from '../../../i18n/index.js';
import type { Area, RegionProfile } from '../../../types.js';
import { isShown, nikStructure } from '../../../../../src/modules/layanan/domain/fields.js';
import type { FormDefinition, FormField } from './types.js';

export type FormValues = Record<string, unknown>;
export interface AddressValue { street: string; district: string; village: string }

const ACCEPT = { pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png' } as const;

/** Today in the region's time zone (a date field's bounds). */
/** A label in the reader's language; English is optional in a definition. */
export function useText() {
  const { locale } = useI18n();
  return (w: { id: string; en?: string }) => (locale === 'en' && w.en ? w.en : w.id);
}

export const regionToday = (region: RegionProfile) => new Intl.DateTimeFormat('en-CA', { timeZone: region.timezone }).format(new Date());

export function FormFields({ form, region, values, onChange, errors = {}, idPrefix = 'ff' }: {
  form: FormDefinition; region: RegionProfile; values: FormValues; onChange: (values: FormValues) => void; errors?: Record<string, string>; idPrefix?: string;
}) {
  const set = (key: string, v: unknown) => onChange({ ...values, [key]: v });
  return (
    <div className="layanan-form-fields">
      {form.fields.filter((f) => isShown(f, values)).map((f) => (
        <Field key={f.key} field={f} id={`${idPrefix}-${f.key}`} error={errors[f.key]}>
          <Input field={f} id={`${idPrefix}-${f.key}`} region={region} value={values[f.key]} set={(v) => set(f.key, v)} />
        </Field>
      ))}
    </div>
  );
}

function Field({ field, id, error, children }: { field: FormField; id: string; error?: string; children: ReactNode }) {
  const { t } = useI18n();
  const text = useText();
  const grouped = field.type === 'choice' || field.type === 'address';
  const label = <>{text(field.label)}{field.required && <span aria-hidden="true"> *</span>}{field.required && <span className="visually-hidden"> ({t('layanan.form.required')})</span>}</>;
  return (
    <div className="field">
      {grouped ? <div className="layanan-field-label" id={`${id}-label`}>{label}</div> : <label htmlFor={id}>{label}</label>}
      {field.help && <small className="muted">{text(field.help)}</small>}
      {children}
      {error && <p className="error small" role="alert">{error}</p>}
    </div>
  );
}

function Input({ field: f, id, region, value, set }: { field: FormField; id: string; region: RegionProfile; value: unknown; set: (v: unknown) => void }) {
  const { t } = useI18n();
  const text = useText();
  const str = typeof value === 'string' ? value : '';
  switch (f.type) {
    case 'text': return <input id={id} type="text" required={f.required} maxLength={f.maxLength} value={str} onChange={(e) => set(e.target.value)} />;
    case 'textarea': return <textarea id={id} required={f.required} maxLength={f.maxLength} value={str} onChange={(e) => set(e.target.value)} />;
    case 'number': return (
      <span className="layanan-number">
        <input id={id} type="number" inputMode={f.integer ? 'numeric' : 'decimal'} step={f.integer ? 1 : 'any'} min={f.min} max={f.max} required={f.required}
          value={typeof value === 'number' ? value : ''} onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))} />
        {f.unit && <> {f.unit}</>}
      </span>
    );
    case 'date': {
      const today = regionToday(region);
      return <input id={id} type="date" required={f.required} max={f.notFuture ? today : undefined} min={f.notPast ? today : undefined} value={str} onChange={(e) => set(e.target.value)} />;
    }
    case 'choice': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <div role={f.multiple ? 'group' : 'radiogroup'} aria-labelledby={`${id}-label`}>
          {f.options.map((o) => (
            <label key={o.value} className="layanan-choice">
              {f.multiple
                ? <input type="checkbox" checked={chosen.includes(o.value)} onChange={(e) => set(e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))} />
                : <input type="radio" name={id} required={f.required} checked={str === o.value} onChange={() => set(o.value)} />}
              {' '}{text(o.label)}
            </label>
          ))}
        </div>
      );
    }
    case 'nik': {
      const problem = str.length === 16 ? nikStructure(str) : null;
      return (
        <>
          <input id={id} type="text" inputMode="numeric" autoComplete="off" pattern="[0-9]{16}" maxLength={16} required={f.required} value={str}
            aria-invalid={problem ? true : undefined} onChange={(e) => set(e.target.value.replace(/\D/g, ''))} />
          <small className="muted">{t('layanan.form.nikHint', { n: str.length })}</small>
          {problem && <p className="error small" role="alert">{t(problem === 'layanan.nik_serial' ? 'layanan.form.nikSerial' : 'layanan.form.nikBirthDate')}</p>}
        </>
      );
    }
    case 'address': return <AddressInput id={id} region={region} value={value as AddressValue | undefined} set={set} required={f.required} />;
    case 'document': return (
      <>
        <input id={id} type="file" required={f.required} multiple={f.multiple} accept={f.accept.map((a) => ACCEPT[a]).join(',')}
          onChange={(e) => set(Array.from(e.target.files ?? []))} />
        <small className="muted">{t('layanan.form.documentHint', { types: f.accept.join(', ').toUpperCase(), mb: f.maxSizeMb, n: f.multiple ? f.maxCount ?? 10 : 1 })}</small>
      </>
    );
  }
}

function AddressInput({ id, region, value, set, required }: { id: string; region: RegionProfile; value?: AddressValue; set: (v: AddressValue) => void; required: boolean }) {
  const { t } = useI18n();
  const a = value ?? { street: '', district: '', village: '' };
  const base = regionApi(region.code);
  const districts = useApi<Area[]>(`${base}/areas`);
  const villages = useApi<Area[]>(a.district ? `${base}/areas?parent=${encodeURIComponent(a.district)}` : null);
  return (
    <div role="group" aria-labelledby={`${id}-label`} className="layanan-address">
      <label htmlFor={`${id}-street`} className="small">{t('layanan.form.street')}</label>
      <input id={`${id}-street`} type="text" maxLength={300} required={required} value={a.street} onChange={(e) => set({ ...a, street: e.target.value })} />
      <label htmlFor={`${id}-district`} className="small">{t('layanan.form.district')}</label>
      <select id={`${id}-district`} required={required} value={a.district} onChange={(e) => set({ ...a, district: e.target.value, village: '' })}>
        <option value="">{t('layanan.form.choose')}</option>
        {(districts.data ?? []).map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
      </select>
      <label htmlFor={`${id}-village`} className="small">{t('layanan.form.village')}</label>
      <select id={`${id}-village`} required={required} disabled={!a.district} value={a.village} onChange={(e) => set({ ...a, village: e.target.value })}>
        <option value="">{t('layanan.form.choose')}</option>
        {(villages.data ?? []).map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
      </select>
    </div>
  );
}
