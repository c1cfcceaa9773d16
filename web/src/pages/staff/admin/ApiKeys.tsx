// API keys for partner apps: create one (its secret is shown once, to copy),
// see which exist, revoke one.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, regionApi } from '../../../api.js';
import { copyText } from '../../../components/TrackingCode.js';
import { ErrorMessage, Loading } from '../../../components/ui.js';
import { formatDateTime } from '../../../format.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import type { RegionProfile } from '../../../types.js';
import type { ApiKeyRow } from '../../../admin-types.js';
import { ConfirmButton, Outcome, field, useFieldProblem, useWrite } from './shared.js';

export function ApiKeysSection({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const url = `${regionApi(region.code)}/api-keys`;
  const when = (at: string) => formatDateTime(at, region, locale);
  const keys = useStaffApi<ApiKeyRow[]>(url);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const create = useWrite();
  const revoke = useWrite();
  const nameProblem = useFieldProblem(create)('name', 'key-name');
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const name = field(new FormData(form), 'name');
    let answer = { key: '' };
    // No confirmation line: the new key's own box says it.
    if (await create.run(async () => { answer = await api<{ id: string; key: string }>(url, { method: 'POST', body: { name } }); }, '')) {
      form.reset();
      setCreated({ name, secret: answer.key });
      keys.reload();
    }
  };
  return (
    <>
      <p>{t('admin.keys.intro')}</p>
      {created && <NewKey {...created} onDone={() => setCreated(null)} />}
      <form className="card" onSubmit={submit} aria-labelledby="key-create">
        <h2 id="key-create">{t('admin.keys.create')}</h2>
        <div className="field">
          <label htmlFor="key-name">{t('admin.keys.name')}</label>
          <input id="key-name" name="name" required maxLength={100} autoComplete="off" {...nameProblem.input} />
          {nameProblem.message}
        </div>
        <Outcome write={create} />
        <button type="submit" className="button" disabled={create.busy}>{t('admin.keys.create')}</button>
      </form>
      <section aria-labelledby="key-list">
        <h2 id="key-list">{t('admin.keys.list')}</h2>
        <Outcome write={revoke} />
        <ErrorMessage error={keys.error} />
        {keys.loading && <Loading />}
        {keys.data?.length === 0 && <p className="muted">{t('admin.keys.empty')}</p>}
        <ul className="plain cards">
          {keys.data?.map((k) => (
            <li key={k.id} className="card row-card api-key">
              <div className="row-head">
                <span className="row-title">{k.name}</span>
                <span className="code small">pmg_{k.prefix}_…</span>
                {k.revokedAt ? <span className="badge badge-neutral">{t('admin.keys.revokedAt', { at: when(k.revokedAt) })}</span>
                  : <span className="badge badge-green">{t('admin.keys.active')}</span>}
              </div>
              <p className="muted small">{t('admin.keys.createdAt', { at: when(k.createdAt) })}</p>
              {!k.revokedAt && (
                <ConfirmButton label={t('admin.keys.revoke')} question={t('admin.keys.revokeConfirm', { name: k.name })} confirm={t('admin.keys.revokeYes')} disabled={revoke.busy}
                  onConfirm={() => void revoke.run(() => api(`${url}/${k.id}`, { method: 'DELETE' }), t('admin.keys.revoked', { name: k.name })).then((ok) => ok && keys.reload())} />
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** The new key, shown once: a warning, the key and a copy button. */
function NewKey({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const shown = useRef<HTMLOutputElement>(null);
  const box = useRef<HTMLElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <section ref={box} tabIndex={-1} className="alert alert-warn new-key" aria-labelledby="key-new">
      <h3 id="key-new">{t('admin.keys.newTitle', { name })}</h3>
      <p>{t('admin.keys.warning')}</p>
      <output ref={shown} className="code key-value" aria-label={t('admin.keys.key')}>{secret}</output>
      <div className="row-actions">
        <button type="button" className="button secondary small" onClick={() => void copyText(secret, shown.current!).then(() => setCopied(true))}>
          {copied ? t('admin.keys.copied') : t('admin.keys.copy')}
        </button>
        <button type="button" className="button small" onClick={onDone}>{t('admin.keys.done')}</button>
      </div>
    </section>
  );
}
