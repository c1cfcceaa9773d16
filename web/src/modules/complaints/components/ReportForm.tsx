// The report form, one step at a time on a phone. Citizens use it at
// /r/:region/lapor; counter staff use it ("counter" mode) for walk-in and
// phone callers, posting to the counter endpoint instead.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, regionApi } from '../../../api.js';
import { useApi } from '../../../data.js';
import { zonedTimeToIso } from '../../../format.js';
import { useI18n, type Bilingual, type MessageKey, type Translate } from '../../../i18n/index.js';
import { downscaleToJpeg, MAX_PHOTOS } from '../photos.js';
import { Link, useLocation } from '../../../router.js';
import type { Area, Category, Question, RegionProfile, SimilarComplaint } from '../../../types.js';
import { ErrorMessage, Loading } from '../../../components/ui.js';
import { TrackingCode } from '../../../components/TrackingCode.js';
import { TextField, overLimit } from '../../../components/TextField.js';
import { answerText } from './complaint.js';
import { rememberKey } from '../reporterKeys.js';
import { MIN_DESCRIPTION, textLimits } from '../../../../../src/modules/complaints/domain/limits.js';
import { placeGiven } from '../../../../../src/modules/complaints/domain/place.js';
import { CATEGORY_PARAM, reportSteps, type ReportStep } from '../../../../../src/modules/complaints/domain/report-steps.js';
import { takePaintedValue } from '../../../early.js';

type Mode = 'citizen' | 'counter';
const steps = reportSteps;
type Step = ReportStep;

interface Draft {
  categoryId: string;
  answers: Record<string, string | string[]>;
  description: string;
  districtCode: string;
  villageCode: string;
  lat: number | null;
  lng: number | null;
  address: string;
  photos: { blob: Blob; url: string }[];
  anonymous: boolean;
  confidential: boolean;
  name: string;
  email: string;
  phone: string;
}

const emptyDraft: Draft = {
  categoryId: '', answers: {}, description: '', districtCode: '', villageCode: '', lat: null, lng: null, address: '',
  photos: [], anonymous: true, confidential: false, name: '', email: '', phone: '',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 -]{6,20}$/;

/** A question answered in words, and its limit. */
const answerLimit = (q: Question): number | null =>
  q.datatype === 'text' ? textLimits.answerText : q.datatype === 'string' ? textLimits.answerString : null;

type Problem = { key: MessageKey; params?: Record<string, string | number> };

/** The first text of a step over its limit, if any. */
function tooLong(fields: { label: string; value: string; max: number }[]): Problem | null {
  const f = fields.find((x) => overLimit(x.value, x.max));
  return f ? { key: 'report.tooLong', params: { field: f.label, max: f.max } } : null;
}

/** What keeps the user on a step, if anything. */
function stepProblem(step: Step, d: Draft, category: Category | undefined, mode: Mode, t: Translate, pick: (s: Bilingual) => string): Problem | null {
  switch (step) {
    case 'category':
      return category ? null : { key: 'report.chooseCategory' };
    case 'details': {
      const missing = category?.questions.some((q) => q.required && isEmpty(d.answers[q.code]));
      if (missing) return { key: 'report.answerRequired' };
      const answers = (category?.questions ?? []).flatMap((q) => {
        const max = answerLimit(q);
        return max === null ? [] : [{ label: pick(q.description), value: String(d.answers[q.code] ?? ''), max }];
      });
      const long = tooLong([...answers, { label: t('report.description'), value: d.description, max: textLimits.description }]);
      if (long) return long;
      return d.description.trim().length < MIN_DESCRIPTION ? { key: 'report.descriptionTooShort' } : null;
    }
    case 'location': {
      const place = { districtCode: d.districtCode || null, villageCode: d.villageCode || null, lat: d.lat, lng: d.lng, address: d.address };
      if (category?.locationRequired && !placeGiven(place, mode === 'counter' ? 'counter' : 'web')) {
        return { key: mode === 'counter' ? 'report.locationNeededCounter' : 'report.locationNeeded' };
      }
      return tooLong([{ label: t('report.address'), value: d.address, max: textLimits.address }]);
    }
    case 'privacy': {
      const long = tooLong([
        { label: t('report.name'), value: d.name, max: textLimits.reporterName },
        { label: t('report.email'), value: d.email, max: textLimits.reporterEmail },
        { label: t('report.phone'), value: d.phone, max: textLimits.reporterPhone },
      ]);
      if (long) return long;
      if (d.email && !EMAIL.test(d.email.trim())) return { key: 'report.emailInvalid' };
      if (d.phone && !PHONE.test(d.phone.trim())) return { key: 'report.phoneInvalid' };
      return null;
    }
    default:
      return null;
  }
}

const isEmpty = (v: string | string[] | undefined) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The answers as the API expects them: numbers as numbers, times as instants. */
function answersFor(questions: Question[], raw: Draft['answers'], timeZone: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const q of questions) {
    const v = raw[q.code];
    if (isEmpty(v)) continue;
    if (q.datatype === 'number') out[q.code] = Number(v);
    else if (q.datatype === 'datetime') out[q.code] = zonedTimeToIso(String(v), timeZone);
    else out[q.code] = v;
  }
  return out;
}

export function ReportForm({ region, mode }: { region: RegionProfile; mode: Mode }) {
  const { t, pick } = useI18n();
  const base = regionApi(region.code);
  // A category chosen on the page the server painted, before this script ran (early.ts).
  const [draft, setDraft] = useState<Draft>(() => ({ ...emptyDraft, categoryId: takePaintedValue(CATEGORY_PARAM) ?? '' }));
  const [stepIndex, setStepIndex] = useState(0);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<{ trackingCode: string; reporterKey: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const categories = useApi<Category[]>(`${base}/categories`);
  const districts = useApi<Area[]>(`${base}/areas`);
  const villages = useApi<Area[]>(draft.districtCode ? `${base}/areas?parent=${draft.districtCode}` : null);
  const category = categories.data?.find((c) => c.id === draft.categoryId);
  const step = steps[stepIndex];
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  // A category named in the address (the painted form, sent before the app took over, or a link,
  // e.g. a QR code on a street light) is chosen, and the form starts at its details.
  const named = useLocation().query.get(CATEGORY_PARAM);
  const namedTaken = useRef(false);
  useEffect(() => {
    const chosen = named && categories.data?.find((c) => c.id === named || c.code === named);
    if (!chosen || namedTaken.current) return;
    namedTaken.current = true;
    setDraft((d) => ({ ...d, categoryId: chosen.id, answers: {} }));
    setStepIndex(steps.indexOf('details'));
  }, [named, categories.data]);

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [stepIndex, done]);

  // Preview URLs are released when photos go away.
  const photoUrls = useRef<string[]>([]);
  photoUrls.current = draft.photos.map((p) => p.url);
  useEffect(() => () => photoUrls.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const next = (e: FormEvent) => {
    e.preventDefault();
    const p = stepProblem(step, draft, category, mode, t, pick);
    setProblem(p);
    if (!p) setStepIndex((i) => Math.min(i + 1, steps.length - 1));
  };
  const back = () => {
    setProblem(null);
    setError(null);
    setStepIndex((i) => Math.max(0, i - 1));
  };

  const submit = async () => {
    if (!category) return;
    setSending(true);
    setError(null);
    const complaint = {
      categoryId: category.id,
      description: draft.description.trim(),
      answers: answersFor(category.questions, draft.answers, region.timezone),
      districtCode: draft.districtCode || null,
      villageCode: draft.villageCode || null,
      lat: draft.lat,
      lng: draft.lng,
      address: draft.address.trim() || null,
      anonymous: draft.anonymous,
      confidential: draft.confidential,
      reporter: {
        ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
        ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
        ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
      },
    };
    const form = new FormData();
    form.append('complaint', JSON.stringify(complaint));
    draft.photos.forEach((p, i) => form.append('photos', p.blob, `foto-${i + 1}.jpg`));
    try {
      const url = mode === 'counter' ? `${base}/counter/complaints` : `${base}/complaints`;
      const result = await api<{ trackingCode: string; reporterKey: string }>(url, { method: 'POST', body: form });
      draft.photos.forEach((p) => URL.revokeObjectURL(p.url));
      rememberKey(result.trackingCode, result.reporterKey);
      setDone(result);
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  if (done) {
    return (
      <section className="card success" aria-labelledby="report-done">
        <h2 id="report-done" ref={heading} tabIndex={-1}>{t('report.sentTitle')}</h2>
        <p>{t(mode === 'counter' ? 'report.sentCounter' : 'report.sentBody')}</p>
        <TrackingCode code={done.trackingCode} />
        <p className="hint">{t('report.keyHint')}</p>
        <p>
          <Link className="button" to={`/r/${region.code}/lacak/${done.trackingCode}?kunci=${encodeURIComponent(done.reporterKey)}`}>{t('report.viewStatus')}</Link>
        </p>
        {mode === 'counter' && (
          <p>
            <button type="button" className="button secondary" onClick={() => { setDraft(emptyDraft); setStepIndex(0); setDone(null); }}>
              {t('report.another')}
            </button>
          </p>
        )}
      </section>
    );
  }

  if (categories.error) return <ErrorMessage error={categories.error} />;
  if (!categories.data) return <Loading />;

  const stepTitle: Record<Step, MessageKey> = {
    category: 'report.step.category', details: 'report.step.details', location: 'report.step.location',
    photos: 'report.step.photos', privacy: 'report.step.privacy', review: 'report.step.review',
  };

  return (
    <form className="card report-form" onSubmit={step === 'review' ? (e) => { e.preventDefault(); void submit(); } : next} noValidate>
      <p className="step-count muted">{t('report.stepOf', { n: stepIndex + 1, total: steps.length })}</p>
      <progress max={steps.length} value={stepIndex + 1} aria-hidden="true" />
      <h2 ref={heading} tabIndex={-1}>{t(stepTitle[step])}</h2>

      {step === 'category' && (
        <CategoryStep categories={categories.data} value={draft.categoryId} onChange={(categoryId) => set({ categoryId, answers: categoryId === draft.categoryId ? draft.answers : {} })} />
      )}

      {step === 'details' && category && (
        <>
          {category.questions.map((q) => (
            <QuestionField key={q.code} q={q} value={draft.answers[q.code]} onChange={(v) => set({ answers: { ...draft.answers, [q.code]: v } })} />
          ))}
          <TextField
            id="description" label={t('report.description')} multiline rows={6} max={textLimits.description} hint={t('report.descriptionHint')}
            value={draft.description} onChange={(description) => set({ description })}
          />
        </>
      )}

      {step === 'location' && (
        <LocationStep
          mode={mode} draft={draft} set={set} required={!!category?.locationRequired}
          districts={districts.data ?? []} villages={draft.districtCode ? (villages.data ?? []) : []}
          error={districts.error ?? villages.error}
        />
      )}

      {step === 'photos' && <PhotoStep photos={draft.photos} onChange={(photos) => set({ photos })} />}

      {step === 'privacy' && <PrivacyStep mode={mode} draft={draft} set={set} />}

      {step === 'review' && category && (
        <ReviewStep
          region={region} draft={draft} category={category}
          districtName={districts.data?.find((a) => a.code === draft.districtCode)?.name}
          villageName={villages.data?.find((a) => a.code === draft.villageCode)?.name}
        />
      )}

      {problem && <p className="alert alert-error" role="alert">{t(problem.key, problem.params)}</p>}
      <ErrorMessage error={error} />

      <div className="form-nav">
        {stepIndex > 0 && <button type="button" className="button secondary" onClick={back} disabled={sending}>{t('common.back')}</button>}
        <button type="submit" className="button" disabled={sending}>
          {step === 'review' ? (sending ? t('report.sending') : t('report.submit')) : t('common.next')}
        </button>
      </div>
    </form>
  );
}

function CategoryStep({ categories, value, onChange }: { categories: Category[]; value: string; onChange: (id: string) => void }) {
  const { t, pick } = useI18n();
  const groups = useMemo(() => {
    const byGroup = new Map<string, Category[]>();
    for (const c of categories) byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), c]);
    return [...byGroup];
  }, [categories]);
  return (
    <>
      {groups.map(([group, list]) => (
        <fieldset key={group} className="choices">
          <legend>{group || t('report.otherGroup')}</legend>
          {list.map((c) => (
            <label key={c.id} className="choice">
              <input type="radio" name="category" value={c.id} checked={value === c.id} onChange={() => onChange(c.id)} />
              <span>{pick({ id: c.nameId, en: c.nameEn })}</span>
            </label>
          ))}
        </fieldset>
      ))}
    </>
  );
}

function QuestionField({ q, value, onChange }: { q: Question; value: string | string[] | undefined; onChange: (v: string | string[]) => void }) {
  const { t, pick } = useI18n();
  const id = `q-${q.code}`;
  const label = (
    <>
      {pick(q.description)} <span className="muted small">({t(q.required ? 'common.required' : 'common.optional')})</span>
    </>
  );
  if (q.datatype === 'singlevaluelist' || q.datatype === 'multivaluelist') {
    const multi = q.datatype === 'multivaluelist';
    const selected = Array.isArray(value) ? value : value ? [value] : [];
    return (
      <fieldset className="choices">
        <legend>{label}</legend>
        {q.values.map((v) => (
          <label key={v.key} className="choice">
            <input
              type={multi ? 'checkbox' : 'radio'} name={id} value={v.key} checked={selected.includes(v.key)}
              onChange={(e) => onChange(multi ? (e.target.checked ? [...selected, v.key] : selected.filter((k) => k !== v.key)) : v.key)}
            />
            <span>{pick(v.name)}</span>
          </label>
        ))}
      </fieldset>
    );
  }
  const text = typeof value === 'string' ? value : '';
  const max = answerLimit(q);
  if (max !== null) return <TextField id={id} label={label} value={text} max={max} multiline={q.datatype === 'text'} onChange={onChange} />;
  const common = { id, value: text, onChange: (e: { target: { value: string } }) => onChange(e.target.value) };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {q.datatype === 'number' && <input type="number" inputMode="decimal" {...common} />}
      {q.datatype === 'datetime' && <input type="datetime-local" {...common} />}
    </div>
  );
}

function LocationStep({ mode, draft, set, required, districts, villages, error }: {
  mode: Mode; draft: Draft; set: (p: Partial<Draft>) => void; required: boolean; districts: Area[]; villages: Area[]; error: unknown;
}) {
  const { t } = useI18n();
  // Optional unless the category requires a place; then a district or the pin will do, and the step says so.
  const optional = required ? null : <> <span className="muted small">({t('common.optional')})</span></>;
  const [locating, setLocating] = useState(false);
  const [geoProblem, setGeoProblem] = useState<MessageKey | null>(null);
  const locate = () => {
    if (!navigator.geolocation) return setGeoProblem('report.geoUnavailable');
    setLocating(true);
    setGeoProblem(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        set({ lat: Math.round(pos.coords.latitude * 1e6) / 1e6, lng: Math.round(pos.coords.longitude * 1e6) / 1e6 });
      },
      (err) => {
        setLocating(false);
        setGeoProblem(err.code === err.PERMISSION_DENIED ? 'report.geoDenied' : 'report.geoFailed');
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  return (
    <>
      <ErrorMessage error={error} />
      {required && <p className="hint">{t(mode === 'counter' ? 'report.locationNeededCounter' : 'report.locationNeeded')}</p>}
      <div className="field">
        <label htmlFor="district">{t('report.district')}{optional}</label>
        <select id="district" value={draft.districtCode} onChange={(e) => set({ districtCode: e.target.value, villageCode: '' })}>
          <option value="">{t('report.chooseDistrict')}</option>
          {districts.map((a) => <option key={a.code} value={a.code}>{a.name}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="village">{t('report.village')} <span className="muted small">({t('common.optional')})</span></label>
        <select id="village" value={draft.villageCode} disabled={!draft.districtCode} onChange={(e) => set({ villageCode: e.target.value })}>
          <option value="">{t('report.chooseVillage')}</option>
          {villages.map((a) => <option key={a.code} value={a.code}>{a.name}</option>)}
        </select>
      </div>
      {mode === 'citizen' && (
        <div className="field" role="group" aria-labelledby="pin-label">
          <p id="pin-label" className="label">{t('report.pin')}{optional}</p>
          {draft.lat !== null && draft.lng !== null ? (
            <p>
              {t('report.myLocation', { lat: draft.lat, lng: draft.lng })}{' '}
              <button type="button" className="link-button" onClick={() => set({ lat: null, lng: null })}>{t('common.remove')}</button>
            </p>
          ) : (
            <button type="button" className="button secondary" onClick={locate} disabled={locating}>
              {locating ? t('report.locating') : t('report.useMyLocation')}
            </button>
          )}
          {geoProblem && <p className="alert alert-error" role="alert">{t(geoProblem)}</p>}
        </div>
      )}
      <TextField id="address" label={t('report.address')} optional max={textLimits.address} hint={t('report.addressHint')}
        value={draft.address} onChange={(address) => set({ address })} />
    </>
  );
}

function PhotoStep({ photos, onChange }: { photos: Draft['photos']; onChange: (p: Draft['photos']) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [tooMany, setTooMany] = useState<{ chosen: number; added: number } | null>(null);
  const add = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setFailed(false);
    const room = MAX_PHOTOS - photos.length;
    // More than fit: say so, never drop them quietly.
    setTooMany(files.length > room ? { chosen: files.length, added: room } : null);
    const added: Draft['photos'] = [];
    for (const file of [...files].slice(0, room)) {
      try {
        const blob = await downscaleToJpeg(file);
        added.push({ blob, url: URL.createObjectURL(blob) });
      } catch {
        setFailed(true);
      }
    }
    onChange([...photos, ...added]);
    setBusy(false);
  };
  const remove = (i: number) => {
    URL.revokeObjectURL(photos[i].url);
    setTooMany(null);
    onChange(photos.filter((_, j) => j !== i));
  };
  const full = photos.length >= MAX_PHOTOS;
  return (
    <>
      <p id="photos-hint" className="hint">{t('report.photosHint', { max: MAX_PHOTOS })}</p>
      {photos.length > 0 && (
        <ul className="plain photo-grid">
          {photos.map((p, i) => (
            <li key={p.url}>
              <img src={p.url} alt={t('complaint.photoAlt', { n: i + 1 })} />
              <button type="button" className="link-button" onClick={() => remove(i)}>{t('common.remove')}</button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor="photos" className={full ? 'button secondary file-button disabled' : 'button secondary file-button'}>{t('report.addPhoto')}</label>
        <input
          id="photos" className="visually-hidden" type="file" accept="image/jpeg,image/png,image/webp" multiple disabled={busy || full}
          aria-describedby="photos-hint" onChange={(e) => { void add(e.target.files); e.target.value = ''; }}
        />
        {full && <small className="hint">{t('report.photosFull', { max: MAX_PHOTOS })}</small>}
      </div>
      {busy && <p className="muted" aria-live="polite">{t('report.processingPhotos')}</p>}
      {tooMany && <p className="alert alert-warn" role="alert">{t('report.photosTooMany', { chosen: tooMany.chosen, max: MAX_PHOTOS, added: tooMany.added })}</p>}
      {failed && <p className="alert alert-error" role="alert">{t('report.photoFailed')}</p>}
    </>
  );
}

function PrivacyStep({ mode, draft, set }: { mode: Mode; draft: Draft; set: (p: Partial<Draft>) => void }) {
  const { t } = useI18n();
  return (
    <>
      <label className="choice">
        <input type="checkbox" checked={draft.anonymous} onChange={(e) => set({ anonymous: e.target.checked })} />
        <span><strong>{t('report.anonymous')}</strong><br /><small className="hint">{t(mode === 'counter' ? 'report.anonymousHintCounter' : 'report.anonymousHint')}</small></span>
      </label>
      <label className="choice">
        <input type="checkbox" checked={draft.confidential} onChange={(e) => set({ confidential: e.target.checked })} />
        <span><strong>{t('report.confidential')}</strong><br /><small className="hint">{t('report.confidentialHint')}</small></span>
      </label>
      <fieldset>
        <legend>{t(mode === 'counter' ? 'report.contactCounter' : 'report.contact')} <span className="muted small">({t('common.optional')})</span></legend>
        <p className="hint">{t('report.contactHint')}</p>
        <TextField id="name" label={t('report.name')} optional max={textLimits.reporterName} input={{ autoComplete: 'name' }} value={draft.name} onChange={(name) => set({ name })} />
        <TextField id="email" label={t('report.email')} optional max={textLimits.reporterEmail} input={{ type: 'email', autoComplete: 'email' }} value={draft.email} onChange={(email) => set({ email })} />
        <TextField id="phone" label={t('report.phone')} optional max={textLimits.reporterPhone} input={{ type: 'tel', autoComplete: 'tel' }} value={draft.phone} onChange={(phone) => set({ phone })} />
      </fieldset>
    </>
  );
}

function ReviewStep({ region, draft, category, districtName, villageName }: {
  region: RegionProfile; draft: Draft; category: Category; districtName?: string; villageName?: string;
}) {
  const { t, pick, locale } = useI18n();
  // The answers as they will be sent, shown as the tracking page will show them.
  const answers = answersFor(category.questions, draft.answers, region.timezone);
  const answered = category.questions.filter((q) => answers[q.code] !== undefined);
  const [similar, setSimilar] = useState<SimilarComplaint[] | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    api<SimilarComplaint[]>(`${regionApi(region.code)}/complaints/similar`, {
      method: 'POST', reads: true, signal: abort.signal,
      body: { categoryId: draft.categoryId, description: draft.description, villageCode: draft.villageCode || null, lat: draft.lat, lng: draft.lng },
    }).then(setSimilar, () => setSimilar([])); // suggestions are a help, not a gate
    return () => abort.abort();
  }, [region.code, draft.categoryId, draft.description, draft.villageCode, draft.lat, draft.lng]);
  const place = [villageName, districtName].filter(Boolean).join(', ');
  return (
    <>
      {similar && similar.length > 0 && (
        <section className="alert alert-warn" aria-labelledby="similar-title">
          <h3 id="similar-title">{t('report.similarTitle')}</h3>
          <p>{t('report.similarHint')}</p>
          <ul>
            {similar.map((s) => (
              <li key={s.trackingCode}>
                <a href={`/r/${region.code}/lacak/${s.trackingCode}`} target="_blank" rel="noopener">{s.trackingCode}</a>
                <span className="muted"> — {s.description}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <dl className="facts">
        <dt>{t('complaint.category')}</dt>
        <dd>{pick({ id: category.nameId, en: category.nameEn })}</dd>
        {answered.map((q) => (
          <div key={q.code}>
            <dt>{pick(q.description)}</dt>
            <dd className="message">{answerText(q, answers[q.code], region, pick, locale)}</dd>
          </div>
        ))}
        <dt>{t('complaint.description')}</dt>
        <dd className="message">{draft.description}</dd>
        <dt>{t('complaint.location')}</dt>
        <dd>{[place, draft.address, draft.lat !== null ? `${draft.lat}, ${draft.lng}` : ''].filter(Boolean).join(' — ') || '–'}</dd>
        <dt>{t('complaint.photos')}</dt>
        <dd>
          {draft.photos.length === 0 ? t('report.noPhotos') : (
            <ul className="plain photo-grid review-photos">
              {draft.photos.map((p, i) => <li key={p.url}><img src={p.url} alt={t('complaint.photoAlt', { n: i + 1 })} /></li>)}
            </ul>
          )}
        </dd>
        <dt>{t('report.privacy')}</dt>
        <dd>{[draft.anonymous ? t('report.anonymous') : t('report.named'), draft.confidential ? t('report.confidential') : t('report.public')].join(', ')}</dd>
      </dl>
    </>
  );
}
