// The pieces every application page shares: the filing form (the service's
// form with its documents, sent as multipart; the API's per-field refusals
// shown next to their fields), the registration number, the decision clock
// with the fiktif positif banner, the timeline, and the answers as filed.
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../../api.js';
import { copyText } from '../../../components/TrackingCode.js';
import { ErrorMessage, When } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import type { RegionProfile } from '../../../types.js';
import { formatRupiah } from './format.js';
import { FormFields, useText, type AddressValue, type FormValues } from './FormFields.js';
import type { Application, FormDefinition, FormField } from './types.js';
import './layanan.css';

const MB = 1024 * 1024;
type Words = { id: string; en?: string };

/** The part of an answer the form takes back (an address filed carries its names too). */
export function editableAnswers(form: FormDefinition, answers: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const f of form.fields) {
    const v = answers[f.key];
    if (v === undefined || f.type === 'document') continue;
    values[f.key] = f.type === 'address' ? { street: (v as AddressValue).street, district: (v as AddressValue).district, village: (v as AddressValue).village } : v;
  }
  return values;
}

/** A form whose documents may be left out: a resubmission keeps the files not replaced. */
export const documentsOptional = (form: FormDefinition): FormDefinition =>
  ({ ...form, fields: form.fields.map((f) => (f.type === 'document' ? { ...f, required: false } : f)) });

const filesOf = (v: unknown): File[] => (Array.isArray(v) ? v.filter((x): x is File => x instanceof File) : []);

/** The browser's own checks of the chosen files against their field: how many, how large. */
function fileProblems(form: FormDefinition, values: FormValues, t: ReturnType<typeof useI18n>['t']): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const f of form.fields) {
    if (f.type !== 'document') continue;
    const files = filesOf(values[f.key]);
    const max = f.multiple ? f.maxCount ?? 10 : 1;
    const big = files.find((x) => x.size > f.maxSizeMb * MB);
    if (files.length > max) problems[f.key] = t('layanan.apply.tooMany', { n: max });
    else if (big) problems[f.key] = t('layanan.apply.tooLarge', { name: big.name, mb: f.maxSizeMb });
  }
  return problems;
}

/** The answers as JSON in `permohonan` (documents left out), each file in `berkas.<field key>`. */
function multipart(form: FormDefinition, values: FormValues, extra: Record<string, unknown>): FormData {
  const documents = new Set(form.fields.filter((f) => f.type === 'document').map((f) => f.key));
  const answers = Object.fromEntries(Object.entries(values).filter(([k, v]) => !documents.has(k) && v !== undefined && v !== ''));
  const body = new FormData();
  body.append('permohonan', JSON.stringify({ answers, ...extra }));
  for (const key of documents) for (const file of filesOf(values[key])) body.append(`berkas.${key}`, file, file.name);
  return body;
}

interface FieldRefusal { key: string; messages: { id: string; en: string } }

/** The API's refusal of the answers, by field (`layanan.answers_invalid`). */
function refusedFields(err: unknown): FieldRefusal[] {
  if (!(err instanceof ApiError) || err.code !== 'layanan.answers_invalid') return [];
  return (err.details as { fields?: FieldRefusal[] } | undefined)?.fields ?? [];
}

/** Focuses a field's input (a group's first input for choices and addresses). */
function focusField(idPrefix: string, key: string) {
  const id = `${idPrefix}-${key}`;
  const el = document.getElementById(id) ?? document.querySelector<HTMLElement>(`[aria-labelledby="${id}-label"] input, [aria-labelledby="${id}-label"] select`);
  el?.focus();
}

/**
 * The service's form with its documents and a submit button; `send` posts the
 * multipart body built from the answers and `extra` (e.g. a note). Refusals of
 * single fields show next to them and the first is focused; nothing is lost.
 */
export function FilingForm({ form, region, initial = {}, extra = {}, send, submitLabel, idPrefix, children }: {
  form: FormDefinition; region: RegionProfile; initial?: FormValues; extra?: Record<string, unknown>;
  send: (body: FormData) => Promise<void>; submitLabel: string; idPrefix: string; children?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [other, setOther] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setOther([]);
    const local = fileProblems(form, values, t);
    setErrors(local);
    if (Object.keys(local).length > 0) return focusField(idPrefix, Object.keys(local)[0]);
    setSending(true);
    try {
      await send(multipart(form, values, extra));
    } catch (err) {
      const refused = refusedFields(err);
      const shown = new Set(form.fields.map((f) => f.key));
      setErrors(Object.fromEntries(refused.filter((r) => shown.has(r.key)).map((r) => [r.key, r.messages[locale] || r.messages.id])));
      setOther(refused.filter((r) => !shown.has(r.key)).map((r) => r.messages[locale] || r.messages.id));
      setError(err);
      if (refused[0]) focusField(idPrefix, refused[0].key);
    } finally {
      setSending(false);
    }
  };
  return (
    <form onSubmit={submit} className="layanan-filing">
      <FormFields form={form} region={region} values={values} onChange={setValues} errors={errors} idPrefix={idPrefix} />
      {children}
      <ErrorMessage error={error} />
      {other.length > 0 && <ul className="error small">{other.map((m) => <li key={m}>{m}</li>)}</ul>}
      <button type="submit" className="button layanan-submit" disabled={sending}>{sending ? t('layanan.apply.sending') : submitLabel}</button>
    </form>
  );
}

/** The registration number, big enough to read out over the phone, with a copy button. */
export function RegistrationNumber({ no }: { no: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const el = useRef<HTMLOutputElement>(null);
  return (
    <div className="tracking-code">
      <span className="muted small">{t('layanan.app.registrationNo')}</span>
      <output ref={el} className="code" aria-label={t('layanan.app.registrationNo')}>{no}</output>
      <button type="button" className="button secondary" onClick={() => void copyText(no, el.current!).then(() => setCopied(true))}>{copied ? t('common.copied') : t('layanan.app.copy')}</button>
    </div>
  );
}

export function ApplicationStatusBadge({ status }: { status: string }) {
  const { t, has } = useI18n();
  const key = `layanan.app.status.${status}`;
  return <span className={`layanan-app-status ${status}`}>{has(key) ? t(key) : status}</span>;
}

/** The law deems the application granted: the decision deadline passed undecided. */
export function FiktifPositif({ at, region }: { at: string; region: RegionProfile }) {
  const { t } = useI18n();
  return (
    <div className="layanan-fiktif" role="status">
      <strong>FIKTIF POSITIF</strong>
      <p>{t('layanan.app.fiktifBody')}</p>
      <p className="small">{t('layanan.app.fiktifSince')} <When at={at} zone={region} /></p>
    </div>
  );
}

/** Filed, the decision deadline (or that the clock waits for the applicant), and the fiktif positif banner. */
export function Clock({ app, region }: {
  app: { filedAt: string; decisionDueAt: string | null; clockStopped: boolean; fiktifPositifAt: string | null; decidedAt: string | null; overdue?: boolean }; region: RegionProfile;
}) {
  const { t } = useI18n();
  return (
    <>
      {app.fiktifPositifAt && <FiktifPositif at={app.fiktifPositifAt} region={region} />}
      <dl className="layanan-facts">
        <div><dt>{t('layanan.app.filed')}</dt><dd><When at={app.filedAt} zone={region} /></dd></div>
        {app.decidedAt ? <div><dt>{t('layanan.app.decided')}</dt><dd><When at={app.decidedAt} zone={region} /></dd></div>
          : app.decisionDueAt && (
            <div><dt>{t('layanan.app.due')}</dt><dd><When at={app.decisionDueAt} zone={region} deadline />
              {app.clockStopped && <> · <strong>{t('layanan.app.clockStopped')}</strong></>}
              {app.overdue && !app.clockStopped && <> · <span className="badge badge-red">{t('time.overdue')}</span></>}</dd></div>
          )}
      </dl>
    </>
  );
}

/** What happened, oldest first: each event in words, at its stage, by whom when the reader may know. */
export function Timeline({ events, stages, region }: {
  events: { at: string; kind: string; stage: string | null; actor?: string | null; message?: string | null }[]; stages: { key: string; name: Words }[]; region: RegionProfile;
}) {
  const { t, has } = useI18n();
  const text = useText();
  const stageName = (key: string | null) => {
    const s = stages.find((x) => x.key === key);
    return s ? text(s.name) : null;
  };
  return (
    <ol className="layanan-timeline">
      {events.map((e, i) => {
        const key = `layanan.event.${e.kind}`;
        const stage = stageName(e.stage);
        return (
          <li key={i}>
            <When at={e.at} zone={region} /> · <strong>{has(key) ? t(key) : e.kind}</strong>{stage && <> · {stage}</>}
            {e.actor && <span className="muted"> · {e.actor}</span>}
            {e.message && <p className="layanan-text">{e.message}</p>}
          </li>
        );
      })}
    </ol>
  );
}

/** An answer as a person reads it: choices by label, an address as lines, numbers and dates in the reader's way. */
function AnswerText({ field, value }: { field: FormField; value: unknown }) {
  const text = useText();
  const { locale, t } = useI18n();
  switch (field.type) {
    case 'choice': {
      const chosen = Array.isArray(value) ? (value as string[]) : [String(value)];
      return <>{chosen.map((c) => { const o = field.options.find((x) => x.value === c); return o ? text(o.label) : c; }).join(', ')}</>;
    }
    case 'address': {
      const a = value as AddressValue & { districtName?: string; villageName?: string };
      return <span className="layanan-text">{[a.street, a.villageName && `${t('layanan.form.village')} ${a.villageName}`, a.districtName && `${t('layanan.form.district')} ${a.districtName}`].filter(Boolean).join('\n')}</span>;
    }
    case 'number': return <>{new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID').format(value as number)}{field.unit && ` ${field.unit}`}</>;
    case 'date': return <>{new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${String(value)}T00:00:00Z`))}</>;
    default: return <>{String(value)}</>;
  }
}

/** The answers by the form's labels, each document field with its files as downloads (the latest upload first; earlier ones it replaced marked so). */
export function AnswersView({ app, fileHref }: { app: Application; fileHref: (fileId: string) => string }) {
  const { t } = useI18n();
  const text = useText();
  const form = app.form as FormDefinition;
  return (
    <dl className="layanan-facts layanan-answers">
      {form.fields.map((f) => {
        const files = app.files.filter((x) => x.field === f.key).sort((a, b) => b.round - a.round);
        if (f.type === 'document' ? files.length === 0 : app.answers[f.key] === undefined) return null;
        return (
          <div key={f.key}>
            <dt>{text(f.label)}</dt>
            <dd>{f.type === 'document' ? (
              <ul>{files.map((x) => (
                <li key={x.id}><a href={fileHref(x.id)} download={x.fileName}>{x.fileName}</a>{' '}
                  <span className="small muted">({Math.max(1, Math.round(x.bytes / 1024))} KB{x.round < files[0].round && <> · {t('layanan.app.replaced')}</>})</span></li>
              ))}</ul>
            ) : <AnswerText field={f} value={app.answers[f.key]} />}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** The fee as rupiah, or free. */
export function Fee({ amount }: { amount: number | null }) {
  const { t } = useI18n();
  return <>{amount ? formatRupiah(amount) : t('layanan.free')}</>;
}

/** What the filer keeps: the registration number, the decision deadline, the fee, and where to follow it. */
export function Receipt({ filed, region, children }: { filed: { registrationNo: string; dueAt: string; fee: number }; region: RegionProfile; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="card success layanan-receipt" aria-labelledby="receipt">
      <h2 id="receipt" tabIndex={-1} ref={(el) => el?.focus()}>{t('layanan.apply.filedTitle')}</h2>
      <p>{t('layanan.apply.filedBody')}</p>
      <RegistrationNumber no={filed.registrationNo} />
      <dl className="layanan-facts">
        <div><dt>{t('layanan.app.due')}</dt><dd><When at={filed.dueAt} zone={region} deadline /></dd></div>
        <div><dt>{t('layanan.app.fee')}</dt><dd><Fee amount={filed.fee} /></dd></div>
      </dl>
      {children}
    </section>
  );
}

/** Where an application stands as its applicant or staff read it: status, stage, the return or decision reason, and the clock. */
export function Standing({ app, region }: { app: Application; region: RegionProfile }) {
  const { t } = useI18n();
  const text = useText();
  return (
    <>
      <p><ApplicationStatusBadge status={app.status} />{app.stage && app.status === 'in_process' && <> · {t('layanan.app.waitsAt')} <strong>{text(app.stage.name)}</strong></>}</p>
      {app.status === 'returned' && app.returnReason && <div className="alert alert-warn" role="status"><strong>{t('layanan.app.returnReason')}</strong><p className="layanan-text">{app.returnReason}</p></div>}
      {app.decisionReason && <p><strong>{t('layanan.app.decisionReason')}</strong> <span className="layanan-text">{app.decisionReason}</span></p>}
      <Clock app={app} region={region} />
    </>
  );
}
