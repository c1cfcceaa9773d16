// The staff side of applications: the queue of the units the reader reaches
// (filters in the address, so a notification's link and the back button
// work), an application's detail with the stage's open actions, and filing at
// the counter for a walk-in. Who may act is the API's rule (`actions`).
import { useState, type FormEvent } from 'react';
import { api, regionApi } from '../../../api.js';
import { pageFrom, Pager } from '../../../components/Pager.js';
import { ErrorMessage, Flash, Loading, PageTitle, When } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { Link, navigate, queryString, useLocation, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';
import { applicationStatuses, actionsNeedingReason, type StaffAction } from '../../../../../src/modules/layanan/domain/journey.js';
import { AnswersView, ApplicationStatusBadge, FilingForm, Receipt, Standing, Timeline } from '../components/Application.js';
import type { Application, ApplicationFiled, PublicService, QueueItem, ServiceBrief } from '../components/types.js';
import { LayananPage } from './Staff.js';

const layananApi = (region: string) => `${regionApi(region)}/layanan`;
/** The queue and an application's page (these addresses are in staff notifications). */
export const queuePath = (region: string, id = '') => `/staff/${region}/layanan/permohonan${id ? `/${id}` : ''}`;
const PAGE = 25;

export function QueuePage({ params }: { params: Params }) {
  return <LayananPage region={params.region}>{(region) => <Queue region={region} />}</LayananPage>;
}

function Queue({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { path, query } = useLocation();
  const status = query.get('status') ?? '';
  const overdue = query.get('terlambat') === '1';
  const page = pageFrom(query);
  const href = (next: { status?: string; overdue?: boolean; page?: number }) => `${path}${queryString({
    status: (next.status ?? status) || undefined, terlambat: (next.overdue ?? overdue) ? '1' : undefined, hal: next.page && next.page > 1 ? next.page : undefined,
  })}`;
  const list = useStaffApi<{ total: number; items: QueueItem[] }>(`${layananApi(region.code)}/applications${queryString({
    status: status || undefined, overdue: overdue ? 'true' : undefined, limit: PAGE, offset: (page - 1) * PAGE,
  })}`);
  return (
    <>
      <PageTitle title={t('layanan.queue.title')}>{t('layanan.queue.title')}</PageTitle>
      {may(me, region.code, 'layanan.file') && <p><Link className="button" to={queuePath(region.code, 'baru')}>{t('layanan.counter.title')}</Link></p>}
      <form className="input-row layanan-filters" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="q-status">{t('layanan.queue.status')}</label>
        <select id="q-status" value={status} onChange={(e) => navigate(href({ status: e.target.value, page: 1 }), { replace: true })}>
          <option value="">{t('layanan.queue.allStatuses')}</option>
          {applicationStatuses.map((s) => <option key={s} value={s}>{t(`layanan.app.status.${s}`)}</option>)}
        </select>
        <label className="layanan-check"><input type="checkbox" checked={overdue} onChange={(e) => navigate(href({ overdue: e.target.checked, page: 1 }), { replace: true })} /> {t('layanan.queue.overdue')}</label>
      </form>
      <ErrorMessage error={list.error} />
      {!list.data ? (!list.error && <Loading />) : list.data.items.length === 0 ? <p className="muted">{t('layanan.queue.empty')}</p> : (
        <div className="table-scroll"><table className="layanan-queue">
          <thead><tr>
            <th>{t('layanan.app.registrationNo')}</th><th>{t('layanan.queue.service')}</th><th>{t('layanan.field.unit')}</th><th>{t('layanan.app.applicant')}</th>
            <th>{t('layanan.queue.stage')}</th><th>{t('layanan.app.filed')}</th><th>{t('layanan.app.due')}</th>
          </tr></thead>
          <tbody>{list.data.items.map((a) => (
            <tr key={a.id} className={a.overdue ? 'overdue' : undefined}>
              <td><Link to={queuePath(region.code, a.id)} className="code-link">{a.registrationNo}</Link>
                {a.fiktifPositifAt && <> <span className="badge badge-red">FIKTIF POSITIF</span></>}</td>
              <td>{a.service}</td><td>{a.unit.name}</td><td>{a.applicantName}</td>
              <td><ApplicationStatusBadge status={a.status} />{a.stage && <div className="small">{a.stageName ?? a.stage}</div>}</td>
              <td><When at={a.filedAt} zone={region} /></td>
              <td>{a.dueAt && <When at={a.dueAt} zone={region} deadline />}{a.overdue && <> <span className="badge badge-red">{t('time.overdue')}</span></>}</td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
      {list.data && <Pager page={page} hasNext={page * PAGE < list.data.total} href={(p) => href({ page: p })} />}
    </>
  );
}

export function DetailPage({ params }: { params: Params }) {
  return <LayananPage region={params.region}>{(region) => <Detail region={region} id={params.id} />}</LayananPage>;
}

function Detail({ region, id }: { region: RegionProfile; id: string }) {
  const { t } = useI18n();
  const url = `${layananApi(region.code)}/applications/${id}`;
  const app = useStaffApi<Application>(url);
  // Kept here: the action's own panel goes once the stage has no action left for the reader.
  const [done, setDone] = useState('');
  const a = app.data;
  return (
    <>
      <p><Link to={queuePath(region.code)}>{t('layanan.queue.back')}</Link></p>
      {done && <Flash>{done}</Flash>}
      <ErrorMessage error={app.error} />
      {!a ? (!app.error && <Loading />) : (
        <>
          <PageTitle title={a.registrationNo}><span className="code">{a.registrationNo}</span></PageTitle>
          <p><strong>{a.service.name}</strong> · {a.unit.name} · {t('layanan.staff.versionN', { version: a.service.version })}</p>
          <Standing app={a} region={region} />
          {a.actions.length > 0 && <Actions url={url} actions={a.actions as StaffAction[]} onDone={setDone} />}
          <h2>{t('layanan.app.applicant')}</h2>
          <p>{a.applicant.name}{a.applicant.email && <> · {a.applicant.email}</>}{a.applicant.phone && <> · {a.applicant.phone}</>}
            <span className="small muted"> · {t(`layanan.app.channel.${a.channel === 'counter' ? 'counter' : 'web'}`)}</span></p>
          <h2>{t('layanan.app.answers')}</h2>
          <AnswersView app={a} fileHref={(f) => `${url}/files/${f}`} />
          <h2>{t('layanan.app.timeline')}</h2>
          <Timeline events={a.timeline} stages={a.stages} region={region} />
        </>
      )}
    </>
  );
}

/** The stage's open actions as buttons; returning, refusing and sending back need the reason the applicant will read. */
function Actions({ url, actions, onDone }: { url: string; actions: StaffAction[]; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [sending, setSending] = useState(false);
  const act = async (action: StaffAction) => {
    setError(undefined);
    onDone('');
    setSending(true);
    try {
      await api(`${url}/actions`, { method: 'POST', body: { action, reason: reason.trim() || null } });
      setReason('');
      onDone(t(`layanan.act.done.${action}`));
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };
  const needsReason = actions.some((a) => actionsNeedingReason.has(a));
  return (
    <section className="card layanan-actions" aria-labelledby="actions">
      <h2 id="actions">{t('layanan.act.title')}</h2>
      {needsReason && (
        <div className="field">
          <label htmlFor="act-reason">{t('layanan.act.reason')}</label>
          <small className="muted">{t('layanan.act.reasonHint')}</small>
          <textarea id="act-reason" maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      <ErrorMessage error={error} />
      <div className="layanan-action-buttons">
        {actions.map((a) => (
          <button key={a} type="button" disabled={sending} className={`button${a === 'refuse' || a === 'return' || a === 'send_back' ? ' secondary' : ''}`} onClick={() => void act(a)}>{t(`layanan.act.${a}`)}</button>
        ))}
      </div>
    </section>
  );
}

export function CounterPage({ params }: { params: Params }) {
  return <LayananPage region={params.region}>{(region) => <Counter region={region} />}</LayananPage>;
}

/** Filing for a walk-in: a published service, who they are, and the service's form with the documents scanned at the counter. */
function Counter({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const services = useStaffApi<ServiceBrief[]>(`${layananApi(region.code)}/services`);
  const [slug, setSlug] = useState('');
  const service = useStaffApi<PublicService>(slug ? `${layananApi(region.code)}/public/services/${encodeURIComponent(slug)}` : null);
  const [applicant, setApplicant] = useState({ name: '', email: '', phone: '' });
  const [filed, setFiled] = useState<ApplicationFiled | null>(null);
  const s = service.data;
  const person = { name: applicant.name.trim(), email: applicant.email.trim() || null, phone: applicant.phone.trim() || null };
  const set = (key: keyof typeof applicant) => (e: FormEvent<HTMLInputElement>) => setApplicant({ ...applicant, [key]: e.currentTarget.value });
  return (
    <>
      <p><Link to={queuePath(region.code)}>{t('layanan.queue.back')}</Link></p>
      <PageTitle title={t('layanan.counter.title')}>{t('layanan.counter.title')}</PageTitle>
      {filed ? (
        <Receipt filed={filed} region={region}>
          <p><Link to={queuePath(region.code, filed.id)}>{t('layanan.counter.open')}</Link> · <button type="button" className="link-button" onClick={() => {
            setFiled(null);
            setApplicant({ name: '', email: '', phone: '' });
          }}>{t('layanan.counter.another')}</button></p>
        </Receipt>
      ) : (
        <>
          <ErrorMessage error={services.error ?? service.error} />
          <div className="field">
            <label htmlFor="counter-service">{t('layanan.queue.service')}</label>
            <select id="counter-service" value={slug} onChange={(e) => setSlug(e.target.value)}>
              <option value="">{t('layanan.form.choose')}</option>
              {(services.data ?? []).filter((x) => x.status === 'published').map((x) => <option key={x.id} value={x.slug}>{x.name} — {x.unit.name}</option>)}
            </select>
          </div>
          {slug && !s && !service.error && <Loading />}
          {s && (
            <FilingForm key={s.id} form={s.form} region={region} idPrefix="counter" extra={{ applicant: person }} submitLabel={t('layanan.counter.submit')}
              send={async (body) => setFiled(await api<ApplicationFiled>(`${layananApi(region.code)}/counter/services/${s.id}/applications`, { method: 'POST', body }))}>
              <fieldset className="layanan-def-field">
                <legend>{t('layanan.app.applicant')}</legend>
                <div className="field"><label htmlFor="counter-name">{t('layanan.counter.name')}</label>
                  <input id="counter-name" type="text" required maxLength={200} autoComplete="off" value={applicant.name} onInput={set('name')} /></div>
                <div className="field"><label htmlFor="counter-email">{t('layanan.counter.email')}</label>
                  <input id="counter-email" type="email" maxLength={254} autoComplete="off" value={applicant.email} onInput={set('email')} /></div>
                <div className="field"><label htmlFor="counter-phone">{t('layanan.counter.phone')}</label>
                  <input id="counter-phone" type="tel" maxLength={30} pattern="[+0-9 ()\-]*" autoComplete="off" value={applicant.phone} onInput={set('phone')} /></div>
              </fieldset>
            </FilingForm>
          )}
        </>
      )}
    </>
  );
}
