// The citizen's side of an application, phone first: applying on a service's
// page (signed in; the form with its documents, sent as multipart), the
// public status by registration number (the address in the emails), and the
// citizen's own applications in every region with a returned one's
// resubmission and withdrawing.
import { useState, type FormEvent } from 'react';
import { api, regionApi } from '../../../api.js';
import { RegionGate } from '../../../components/RegionGate.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import { ErrorMessage, Flash, Loading, PageTitle, When } from '../../../components/ui.js';
import { useApi, useRegion } from '../../../data.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, useLocation, type Params } from '../../../router.js';
import { useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';
import { AnswersView, ApplicationStatusBadge, Clock, documentsOptional, editableAnswers, FilingForm, Receipt, Standing, Timeline } from '../components/Application.js';
import { formatRupiah } from '../components/format.js';
import { useText } from '../components/FormFields.js';
import type { Application, ApplicationFiled, ApplicationStatus, FormDefinition, MyApplication, PublicService, SkmInstrument } from '../components/types.js';
import { SkmQuestions, type SkmProfile } from '../components/SkmQuestions.js';
import { publicPath, statusPath } from './Public.js';

const layananApi = (region: string) => `${regionApi(region)}/layanan`;
export const minePath = (region?: string, id?: string) => (region && id ? `/permohonan-saya/${region}/${id}` : '/permohonan-saya');

export function ApplyPage({ params }: { params: Params }) {
  return <RegionGate code={params.region}>{(region) => <Apply region={region} slug={params.slug} />}</RegionGate>;
}

function Apply({ region, slug }: { region: RegionProfile; slug: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { href } = useLocation();
  const service = useApi<PublicService>(`${layananApi(region.code)}/public/services/${encodeURIComponent(slug)}`);
  const [filed, setFiled] = useState<ApplicationFiled | null>(null);
  const s = service.data;
  return (
    <div className="layanan-public">
      <p><Link to={publicPath(region.code, slug)}>{t('layanan.apply.back')}</Link></p>
      <ErrorMessage error={service.error} />
      {!s || me === undefined ? (!service.error && <Loading />) : (
        <>
          <PageTitle title={t('layanan.apply.title', { name: s.name })}>{t('layanan.apply.title', { name: s.name })}</PageTitle>
          {filed ? (
            <Receipt filed={filed} region={region}>
              <p><Link to={statusPath(region.code, filed.registrationNo)}>{t('layanan.apply.follow')}</Link> · <Link to={minePath(region.code, filed.id)}>{t('layanan.mine.open')}</Link></p>
            </Receipt>
          ) : !me.user ? (
            <div className="card">
              <p>{t('layanan.apply.needAccount')}</p>
              <p><Link className="button" to={`/masuk?next=${encodeURIComponent(href)}`}>{t('layanan.apply.signIn')}</Link>{' '}
                <Link to="/daftar">{t('layanan.apply.register')}</Link></p>
              <p className="small muted">{t('layanan.apply.registerHint')}</p>
            </div>
          ) : (
            <>
              <p className="small muted">{t('layanan.apply.as', { name: me.user.name })}</p>
              <FilingForm form={s.form} region={region} idPrefix="apply" submitLabel={t('layanan.apply.submit')}
                send={async (body) => setFiled(await api<ApplicationFiled>(`${layananApi(region.code)}/services/${s.id}/applications`, { method: 'POST', body }))} />
            </>
          )}
        </>
      )}
    </div>
  );
}

export function StatusPage({ params }: { params: Params }) {
  return <RegionGate code={params.region}>{(region) => <Status region={region} no={params.registrationNo} />}</RegionGate>;
}

function Status({ region, no }: { region: RegionProfile; no: string }) {
  const { t } = useI18n();
  const text = useText();
  const status = useApi<ApplicationStatus>(`${layananApi(region.code)}/public/applications/${encodeURIComponent(no)}`);
  const a = status.data;
  return (
    <div className="layanan-public">
      <p><Link to={publicPath(region.code)}>{t('layanan.public.back')}</Link></p>
      <PageTitle title={t('layanan.track.pageTitle', { no })}>{t('layanan.track.pageTitle', { no })}</PageTitle>
      <ErrorMessage error={status.error} />
      {!a ? (!status.error && <Loading />) : (
        <>
          <p><strong>{a.service}</strong></p>
          <p><ApplicationStatusBadge status={a.status} />{a.decision && <> · {t(`layanan.app.decision.${a.decision as 'approved' | 'refused'}`)}</>}</p>
          {a.stage && <p>{t('layanan.app.waitsAt')} <strong>{text(a.stage.name)}</strong></p>}
          <Clock app={a} region={region} />
          <h2>{t('layanan.app.timeline')}</h2>
          <Timeline events={a.timeline} stages={a.stage ? [a.stage] : []} region={region} />
        </>
      )}
    </div>
  );
}

export function MyApplicationsPage() {
  const { t } = useI18n();
  const mine = useApi<MyApplication[]>('/api/me/layanan/applications');
  return (
    <StaffOnly>
      <PageTitle title={t('layanan.mine.title')}>{t('layanan.mine.title')}</PageTitle>
      <ErrorMessage error={mine.error} />
      {!mine.data ? (!mine.error && <Loading />) : mine.data.length === 0 ? <p className="muted">{t('layanan.mine.empty')}</p> : (
        <ul className="layanan-list">{mine.data.map((a) => <MineRow key={a.id} a={a} />)}</ul>
      )}
    </StaffOnly>
  );
}

function MineRow({ a }: { a: MyApplication }) {
  const { t } = useI18n();
  const { region } = useRegion(a.regionCode);
  return (
    <li>
      <Link to={minePath(a.regionCode, a.id)}><strong className="code">{a.registrationNo}</strong></Link> <ApplicationStatusBadge status={a.status} />
      {a.fiktifPositifAt && <> <span className="badge badge-red">FIKTIF POSITIF</span></>}
      <div>{a.service}</div>
      <div className="small muted">{region ? <>{region.name} · {t('layanan.app.filed')} <When at={a.filedAt} zone={region} /></> : a.regionCode}</div>
    </li>
  );
}

export function MyApplicationPage({ params }: { params: Params }) {
  return <StaffOnly><RegionGate code={params.region}>{(region) => <Mine region={region} id={params.id} />}</RegionGate></StaffOnly>;
}

function Mine({ region, id }: { region: RegionProfile; id: string }) {
  const { t } = useI18n();
  const url = `${layananApi(region.code)}/applications/${id}`;
  const app = useApi<Application>(url);
  const [done, setDone] = useState('');
  const a = app.data;
  const after = (message: string) => {
    setDone(message);
    app.reload();
  };
  return (
    <div className="layanan-public">
      <p><Link to={minePath()}>{t('layanan.mine.back')}</Link></p>
      <ErrorMessage error={app.error} />
      {!a ? (!app.error && <Loading />) : (
        <>
          <PageTitle title={a.service.name}>{a.service.name}</PageTitle>
          {done && <Flash>{done}</Flash>}
          <p className="code layanan-regno">{a.registrationNo}</p>
          <Standing app={a} region={region} />
          {a.actions.includes('resubmit') && <Resubmit app={a} region={region} url={url} onDone={() => after(t('layanan.mine.resubmitted'))} />}
          <Results app={a} region={region} url={url} />
          {a.survey === 'open' && <Survey region={region} url={url} onDone={() => after(t('layanan.mine.surveyThanks'))} />}
          <h2>{t('layanan.app.answers')}</h2>
          <AnswersView app={a} fileHref={(f) => `${url}/files/${f}`} />
          <h2>{t('layanan.app.timeline')}</h2>
          <Timeline events={a.timeline} stages={a.stages} region={region} />
          <p><Link to={statusPath(region.code, a.registrationNo)}>{t('layanan.mine.publicLink')}</Link></p>
          {a.actions.includes('withdraw') && <Withdraw url={url} onDone={() => after(t('layanan.mine.withdrawn'))} />}
        </>
      )}
    </div>
  );
}

/** The fee's bill (paid on its page) and the issued documents: downloaded here, verified by anyone at their QR address. */
function Results({ app, region, url }: { app: Application; region: RegionProfile; url: string }) {
  const { t } = useI18n();
  if (!app.bill && app.documents.length === 0) return null;
  return (
    <section className="card" aria-labelledby="results">
      <h2 id="results">{t('layanan.mine.results')}</h2>
      {app.bill && (
        <p>{t('layanan.mine.bill', { amount: formatRupiah(app.bill.amount), code: app.bill.billingCode })}{' '}
          {app.bill.status === 'paid' ? <strong>{t('layanan.mine.billPaid')}</strong>
            : <Link to={`/r/${region.code}/bayar/${app.bill.billingCode}`}>{t('layanan.mine.pay')}</Link>}</p>
      )}
      <ul className="layanan-list">
        {app.documents.map((d) => (
          <li key={d.id}>
            <strong>{d.title}</strong> <span className="code">{d.number}</span>{' '}
            {d.revokedAt ? <strong className="danger">{t('layanan.mine.revoked', { reason: d.revokeReason ?? '' })}</strong>
              : <a href={`${url}/documents/${d.id}/pdf`} download>{t('layanan.mine.download')}</a>}
            {' · '}<a href={d.verifyUrl}>{t('layanan.mine.verify')}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The satisfaction survey, once, after the application is finished. */
function Survey({ region, url, onDone }: { region: RegionProfile; url: string; onDone: () => void }) {
  const { t } = useI18n();
  const instrument = useApi<SkmInstrument>(`${layananApi(region.code)}/skm/instrument`);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [profile, setProfile] = useState<SkmProfile>({});
  const [error, setError] = useState<unknown>();
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const all = Object.fromEntries(instrument.data!.elements.map((el) => [el.code, answers[el.code] ?? null]));
      await api(`${url}/survey`, { method: 'POST', body: { answers: all, ...profile } });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="survey">
      <h2 id="survey">{t('layanan.mine.surveyTitle')}</h2>
      <p className="small">{t('layanan.mine.surveyHint')}</p>
      <ErrorMessage error={error ?? instrument.error} />
      {!instrument.data ? <Loading /> : (
        <form onSubmit={send} aria-label={t('layanan.mine.surveyTitle')}>
          <SkmQuestions instrument={instrument.data} answers={answers} profile={profile} onAnswers={setAnswers} onProfile={setProfile} />
          <button type="submit">{t('layanan.mine.surveySend')}</button>
        </form>
      )}
    </section>
  );
}

/** The returned application's form, prefilled; a new file for a document field replaces that field's files. */
function Resubmit({ app, region, url, onDone }: { app: Application; region: RegionProfile; url: string; onDone: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const form = app.form as FormDefinition;
  return (
    <section className="card" aria-labelledby="resubmit">
      <h2 id="resubmit">{t('layanan.mine.resubmitTitle')}</h2>
      <p className="small">{t('layanan.mine.resubmitHint')}</p>
      <FilingForm form={documentsOptional(form)} region={region} initial={editableAnswers(form, app.answers)} extra={{ note: note.trim() || null }} idPrefix="resubmit"
        submitLabel={t('layanan.mine.resubmit')} send={async (body) => {
          await api(`${url}/resubmit`, { method: 'POST', body });
          onDone();
        }}>
        <div className="field">
          <label htmlFor="resubmit-note">{t('layanan.mine.note')}</label>
          <textarea id="resubmit-note" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
      </FilingForm>
    </section>
  );
}

function Withdraw({ url, onDone }: { url: string; onDone: () => void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<unknown>();
  const withdraw = async () => {
    try {
      await api(`${url}/withdraw`, { method: 'POST' });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="layanan-withdraw">
      <ErrorMessage error={error} />
      {!asking ? <button type="button" className="button secondary" onClick={() => setAsking(true)}>{t('layanan.mine.withdraw')}</button> : (
        <div className="card" role="alertdialog" aria-labelledby="withdraw-q">
          <p id="withdraw-q">{t('layanan.mine.withdrawConfirm')}</p>
          <button type="button" className="button danger" onClick={() => void withdraw()}>{t('layanan.mine.withdrawYes')}</button>{' '}
          <button type="button" className="button secondary" onClick={() => setAsking(false)}>{t('common.back')}</button>
        </div>
      )}
    </section>
  );
}
