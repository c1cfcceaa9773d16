// One complaint for staff: everything the API shows this user, and a form
// for each action the API says they may take now.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Answers, ComplaintFacts, Deadlines, Photos, Timeline } from '../../components/complaint.js';
import { RegionGate } from '../../../../components/RegionGate.js';
import { StaffOnly } from '../../../../components/StaffOnly.js';
import { ErrorMessage, Flash, Loading, PageTitle, StatusBadge, When } from '../../../../components/ui.js';
import { api, regionApi } from '../../../../api.js';
import { useStaffApi } from '../../../../query.js';
import { useI18n } from '../../../../i18n/index.js';
import { Link, type Params } from '../../../../router.js';
import type { Command, RegionProfile, RegionSummary, StaffComplaint, Status, Unit } from '../../../../types.js';
import { rejectionReasons } from '../../../../../../src/modules/complaints/domain/status.js';

export function ComplaintDetailPage({ params }: { params: Params }) {
  return (
    <StaffOnly region={params.region} permission="complaint.list">
      <RegionGate code={params.region}>{(region) => <Detail region={region} id={params.id} />}</RegionGate>
    </StaffOnly>
  );
}

function Detail({ region, id }: { region: RegionProfile; id: string }) {
  const { t } = useI18n();
  const url = `${regionApi(region.code)}/complaints/${encodeURIComponent(id)}`;
  const detail = useStaffApi<StaffComplaint>(url);
  const [flash, setFlash] = useState<Status | null>(null);
  const c = detail.data;
  if (detail.error) return <ErrorMessage error={detail.error} />;
  if (!c) return <Loading />;
  const done = (status: Status) => {
    setFlash(status);
    detail.reload();
  };
  return (
    <>
      <p><Link to={`/staff/${region.code}`}>{t('detail.back')}</Link></p>
      <PageTitle title={c.trackingCode}><span className="code">{c.trackingCode}</span></PageTitle>
      {flash && <Flash>{t('action.done', { status: t(`status.${flash}`) })}</Flash>}
      <div className="status-line">
        <StatusBadge status={c.status} />
        {c.overdue && <span className="badge badge-red">{t('time.overdue')}</span>}
        {c.escalationLevel > 0 && <span className="badge badge-amber">{t('detail.escalation', { n: c.escalationLevel })}</span>}
        {c.anonymous && <span className="badge badge-neutral">{t('report.anonymous')}</span>}
        {c.confidential && <span className="badge badge-neutral">{t('report.confidential')}</span>}
        <span className="badge badge-neutral">{t(`channel.${c.channel as 'web' | 'counter' | 'open311'}`)}</span>
      </div>
      <div className="detail-grid">
        <div>
          <ComplaintFacts c={c} zone={region} />
          <h2>{t('complaint.description')}</h2>
          <p className="message">{c.description}</p>
          <Answers c={c} region={region} />
          {c.location.lat !== null && c.location.lng !== null && (
            <p className="muted small">{t('detail.coordinates', { lat: c.location.lat, lng: c.location.lng })}</p>
          )}
          {c.reporter && (c.reporter.name || c.reporter.email || c.reporter.phone) && (
            <section className="card" aria-labelledby="reporter-title">
              <h2 id="reporter-title">{t('detail.reporter')}</h2>
              <dl className="facts">
                <dt>{t('report.name')}</dt><dd>{c.reporter.name ?? '–'}</dd>
                <dt>{t('report.email')}</dt><dd>{c.reporter.email ?? '–'}</dd>
                <dt>{t('report.phone')}</dt><dd>{c.reporter.phone ?? '–'}</dd>
              </dl>
            </section>
          )}
          <Deadlines deadlines={c.deadlines} zone={region} />
          <Photos photos={c.photos} />
          <Timeline events={c.timeline} zone={region} />
        </div>
        <div>
          {/* Not remounted when the complaint reloads after an action: the sent form resets itself, and what the officer
              has begun typing in another (the closing answer after a response) stays. */}
          {c.actions.length > 0 && <Actions c={c} region={region} url={url} onDone={done} />}
        </div>
      </div>
    </>
  );
}

const str = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function Actions({ c, region, url, onDone }: { c: StaffComplaint; region: RegionProfile; url: string; onDone: (s: Status) => void }) {
  const { t } = useI18n();
  const has = (a: StaffComplaint['actions'][number]) => c.actions.includes(a);
  const units = useStaffApi<Unit[]>(has('dispatch') || has('dispose') ? `${regionApi(region.code)}/units` : null);
  const regions = useStaffApi<RegionSummary[]>(has('transfer') ? '/api/regions' : null);
  const activeUnits = (units.data ?? []).filter((u) => u.active);
  const targets = (regions.data ?? []).filter((r) => r.code === region.parentCode || r.parentCode === region.code);
  const form = { url, onDone };
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t('action.title')}</h2>
      <ErrorMessage error={units.error ?? regions.error} />
      {has('dispatch') && (
        <ActionForm {...form} title={t('action.dispatch')} submit={t('action.dispatchSubmit')}
          build={(f) => ({ action: 'dispatch', unitId: str(f, 'unitId'), ...(str(f, 'note') ? { note: str(f, 'note') } : {}) })}>
          <UnitSelect id="dispatch-unit" label={t('action.unit')} units={activeUnits} defaultValue={c.proposedUnitId ?? ''} proposed={c.proposedUnitId} />
          <Message id="dispatch-note" name="note" label={t('action.note')} optional />
        </ActionForm>
      )}
      {has('acknowledge') && (
        <ActionForm {...form} title={t('action.acknowledge')} submit={t('action.acknowledgeSubmit')} build={() => ({ action: 'acknowledge' })}>
          <p className="hint">{t('action.acknowledgeHint')}</p>
        </ActionForm>
      )}
      {has('respond') && (
        <ActionForm {...form} title={t('action.respond')} submit={t('action.respondSubmit')} build={(f) => ({ action: 'respond', message: str(f, 'message') })}>
          <Message id="respond-message" name="message" label={t('action.respondMessage')} hint={t('action.publicHint')} />
        </ActionForm>
      )}
      {has('resolve') && (
        <ActionForm {...form} title={t('action.resolve')} submit={t('action.resolveSubmit')} build={(f) => ({ action: 'resolve', message: str(f, 'message') })}>
          <Message id="resolve-message" name="message" label={t('action.resolveMessage')} hint={t('action.publicHint')} />
        </ActionForm>
      )}
      {has('dispose') && (
        <ActionForm {...form} title={t('action.dispose')} submit={t('action.disposeSubmit')} build={(f) => ({ action: 'dispose', unitId: str(f, 'unitId'), note: str(f, 'note') })}>
          <UnitSelect id="dispose-unit" label={t('action.otherUnit')} units={activeUnits.filter((u) => u.id !== c.unit?.id)} defaultValue="" />
          <Message id="dispose-note" name="note" label={t('action.note')} />
        </ActionForm>
      )}
      {has('reject') && (
        <ActionForm {...form} title={t('action.reject')} submit={t('action.rejectSubmit')} danger
          build={(f) => ({ action: 'reject', reason: str(f, 'reason') as (typeof rejectionReasons)[number], message: str(f, 'message') })}>
          <div className="field">
            <label htmlFor="reject-reason">{t('action.reason')}</label>
            <select id="reject-reason" name="reason" required defaultValue="">
              <option value="" disabled>{t('action.chooseReason')}</option>
              {rejectionReasons.map((r) => <option key={r} value={r}>{t(`reason.${r}`)}</option>)}
            </select>
          </div>
          <Message id="reject-message" name="message" label={t('action.rejectMessage')} hint={t('action.publicHint')} />
        </ActionForm>
      )}
      {has('merge') && <MergeForm {...form} c={c} region={region} />}
      {has('transfer') && targets.length > 0 && (
        <ActionForm {...form} title={t('action.transfer')} submit={t('action.transferSubmit')} build={(f) => ({ action: 'transfer', regionCode: str(f, 'regionCode'), note: str(f, 'note') })}>
          <div className="field">
            <label htmlFor="transfer-region">{t('action.targetRegion')}</label>
            <select id="transfer-region" name="regionCode" required defaultValue="">
              <option value="" disabled>{t('action.chooseRegion')}</option>
              {targets.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
            </select>
          </div>
          <Message id="transfer-note" name="note" label={t('action.note')} />
        </ActionForm>
      )}
      {has('note') && (
        <ActionForm {...form} title={t('action.noteTitle')} submit={t('action.noteSubmit')} build={(f) => ({ action: 'note', message: str(f, 'message') })}>
          <Message id="note-message" name="message" label={t('action.noteMessage')} hint={t('action.internalHint')} />
        </ActionForm>
      )}
    </section>
  );
}

function ActionForm({ url, onDone, title, submit, build, danger, children }: {
  url: string; onDone: (s: Status) => void; title: string; submit: string; build: (form: FormData) => Command; danger?: boolean; children: ReactNode;
}) {
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const send = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    setSending(true);
    setError(null);
    try {
      const { status } = await api<{ status: Status }>(`${url}/actions`, { method: 'POST', body: build(new FormData(formEl)) });
      formEl.reset();
      onDone(status);
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };
  const heading = useId();
  return (
    <form className="card action-form" onSubmit={send} aria-labelledby={heading}>
      <h3 id={heading}>{title}</h3>
      {children}
      <ErrorMessage error={error} />
      <button type="submit" className={`button${danger ? ' danger' : ''}`} disabled={sending}>{submit}</button>
    </form>
  );
}

function UnitSelect({ id, label, units, defaultValue, proposed }: { id: string; label: string; units: Unit[]; defaultValue: string; proposed?: string | null }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {/* Keyed by the list so the proposed unit is selected once the units arrive. */}
      <select key={units.length} id={id} name="unitId" required defaultValue={defaultValue}>
        <option value="" disabled>{t('action.chooseUnit')}</option>
        {units.map((u) => <option key={u.id} value={u.id}>{u.name}{u.id === proposed ? ` (${t('action.proposed')})` : ''}</option>)}
      </select>
    </div>
  );
}

/** `name` is the API's field, read back by the form's `build`: no default, so each use says which. */
function Message({ id, name, label, hint, optional }: { id: string; name: string; label: string; hint?: string; optional?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{label}{optional && <span className="muted small"> ({t('common.optional')})</span>}</label>
      <textarea id={id} name={name} rows={3} maxLength={4000} required={!optional} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint && <small id={`${id}-hint`} className="hint">{hint}</small>}
    </div>
  );
}

interface Similar { id: string; trackingCode: string; description: string; status: Status; submittedAt: string; score: number }

function MergeForm({ url, onDone, c, region }: { url: string; onDone: (s: Status) => void; c: StaffComplaint; region: RegionProfile }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const similar = useStaffApi<Similar[]>(`${url}/similar`);
  return (
    <ActionForm url={url} onDone={onDone} title={t('action.merge')} submit={t('action.mergeSubmit')}
      build={() => ({ action: 'merge', intoTrackingCode: code.trim().toUpperCase() })}>
      <div className="field">
        <label htmlFor="merge-code">{t('action.mergeCode')}</label>
        <input id="merge-code" className="code-input" required value={code} onChange={(e) => setCode(e.target.value)} placeholder="ADU-XXXX-XXXX" autoComplete="off" />
      </div>
      {similar.data && similar.data.length > 0 && (
        <div>
          <p className="small"><strong>{t('action.mergeSuggestions')}</strong></p>
          <ul className="plain suggestions">
            {similar.data.filter((s) => s.id !== c.id).map((s) => (
              <li key={s.id}>
                <Link to={`/staff/${region.code}/complaints/${s.id}`} className="code-link">{s.trackingCode}</Link>{' '}
                <StatusBadge status={s.status} /> <span className="muted small"><When at={s.submittedAt} zone={region} /></span>
                <p className="excerpt">{s.description.slice(0, 160)}</p>
                <button type="button" className="link-button" onClick={() => setCode(s.trackingCode)}>{t('action.useCode')}</button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </ActionForm>
  );
}
