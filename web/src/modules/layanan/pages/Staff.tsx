// The staff side of the catalogue: every service with its status and a form
// for a new draft; a service's editor (its name, address, unit, the 14
// components, and its form, workflow, result template and tariff, with a live
// preview of the form), publishing and archiving, its published versions, and its
// unit's pledge. Who may change what is the API's rule; the page shows the
// forms to those the API says may (`editable`).
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, regionApi } from '../../../api.js';
import { RegionGate } from '../../../components/RegionGate.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import { ErrorMessage, Flash, Loading, PageTitle } from '../../../components/ui.js';
import { formatDate } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { Link, navigate, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile, Unit } from '../../../types.js';
import { FormBuilder, FormPreview, StageEditor, TariffEditor, TemplateEditor } from '../components/DefinitionEditor.js';
import { StandardView } from '../components/StandardView.js';
import type { Pledge, Service, ServiceBrief, Standard } from '../components/types.js';
import { publicPath } from './Public.js';
import { skmPath } from './Skm.js';

const layananApi = (region: string) => `${regionApi(region)}/layanan`;
const staffPath = (region: string, id = '') => `/staff/${region}/layanan${id ? `/${id}` : ''}`;

export const documentsPath = (region: string) => `/staff/${region}/layanan/dokumen`;

export function LayananPage({ region, children }: { region: string; children: (region: RegionProfile) => ReactNode }) {
  return <StaffOnly region={region} permission="layanan.read"><RegionGate code={region}>{children}</RegionGate></StaffOnly>;
}

export function CataloguePage({ params }: { params: Params }) {
  return <LayananPage region={params.region}>{(region) => <Catalogue region={region} />}</LayananPage>;
}

function Catalogue({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  const list = useStaffApi<ServiceBrief[]>(`${layananApi(region.code)}/services`);
  return (
    <>
      <PageTitle title={t('layanan.staff.title')}>{t('layanan.staff.title')}</PageTitle>
      <p className="muted">{t('layanan.staff.intro')} <Link to={publicPath(region.code)}>{t('layanan.staff.publicLink')}</Link></p>
      <p><Link to={skmPath(region.code)}>{t('layanan.skm.resultsTitle')}</Link>
        {may(me, region.code, 'layanan.skm.enter') && <> · <Link to={skmPath(region.code, 'isi')}>{t('layanan.skm.entryTitle')}</Link></>}
        {' · '}<Link to={documentsPath(region.code)}>{t('layanan.documents.title')}</Link>
        {may(me, region.code, 'layanan.bills.read') && <> · <Link to={staffPath(region.code, 'tagihan')}>{t('layanan.bills.title')}</Link></>}
        {may(me, region.code, 'layanan.payments.manage') && <> · <Link to={staffPath(region.code, 'tagihan/rekonsiliasi')}>{t('layanan.recon.title')}</Link>
          {' · '}<Link to={staffPath(region.code, 'pembayaran')}>{t('layanan.channel.link')}</Link></>}</p>
      <ErrorMessage error={list.error} />
      {!list.data ? <Loading /> : (
        <ul className="layanan-list">
          {list.data.map((s) => (
            <li key={s.id}>
              <Link to={staffPath(region.code, s.id)}><strong>{s.name}</strong></Link>{' '}
              <span className={`layanan-status ${s.status}`}>{t(`layanan.status.${s.status}`)}</span>
              <div className="small muted">{s.unit.name}{s.version && <> · {t('layanan.staff.versionN', { version: s.version })}</>}</div>
            </li>
          ))}
        </ul>
      )}
      {may(me, region.code, 'layanan.manage') && <NewService region={region} />}
    </>
  );
}

function NewService({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const units = useStaffApi<Unit[]>(`${regionApi(region.code)}/units`);
  const [form, setForm] = useState({ name: '', slug: '', unitId: '' });
  const [error, setError] = useState<unknown>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const created = await api<Service>(`${layananApi(region.code)}/services`, { method: 'POST', body: form });
      navigate(staffPath(region.code, created.id));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card layanan-editor" aria-label={t('layanan.staff.new')} onSubmit={submit}>
      <h2>{t('layanan.staff.new')}</h2>
      <ErrorMessage error={error} />
      <div className="field"><label htmlFor="new-name">{t('layanan.field.name')}</label>
        <input id="new-name" type="text" required maxLength={200} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></div>
      <div className="field"><label htmlFor="new-slug">{t('layanan.field.slug')}</label>
        <input id="new-slug" type="text" required maxLength={80} value={form.slug} onChange={(e) => setForm({ ...form, slug: e.target.value })} />
        <small className="muted">{t('layanan.field.slugHint')}</small></div>
      <div className="field"><label htmlFor="new-unit">{t('layanan.field.unit')}</label>
        <select id="new-unit" required value={form.unitId} onChange={(e) => setForm({ ...form, unitId: e.target.value })}>
          <option value="" />
          {(units.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select></div>
      <button type="submit">{t('layanan.create')}</button>
    </form>
  );
}

export function ServiceEditorPage({ params }: { params: Params }) {
  return <LayananPage region={params.region}>{(region) => <Editor region={region} id={params.serviceId} />}</LayananPage>;
}

type Draft = Pick<Service, 'name' | 'slug' | 'summary' | 'standard' | 'form' | 'workflow' | 'result' | 'tariff'> & { unitId: string };

function Editor({ region, id }: { region: RegionProfile; id: string }) {
  const { t, pick, locale } = useI18n();
  const url = `${layananApi(region.code)}/services/${encodeURIComponent(id)}`;
  const service = useStaffApi<Service>(url);
  const versions = useStaffApi<{ version: number; name: string; publishedAt: string; publishedBy: string }[]>(`${url}/versions`);
  const units = useStaffApi<Unit[]>(`${regionApi(region.code)}/units`);
  const [draft, setDraft] = useState<Draft>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const s = service.data;
  useEffect(() => {
    if (s) setDraft({ name: s.name, slug: s.slug, summary: s.summary, unitId: s.unit.id, standard: s.standard, form: s.form, workflow: s.workflow, result: s.result, tariff: s.tariff });
  }, [s]);
  if (service.error) return <ErrorMessage error={service.error} />;
  if (!s || !draft) return <Loading />;
  const set = (fields: Partial<Standard>) => setDraft({ ...draft, standard: { ...draft.standard, ...fields } });
  const act = async (what: () => Promise<Service>, message: (r: Service) => string) => {
    setError(undefined);
    setDone(undefined);
    try {
      const answer = await what();
      setDone(message(answer));
      service.reload();
      versions.reload();
    } catch (err) {
      setError(err);
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void act(() => api<Service>(url, { method: 'PUT', body: draft }), () => t('layanan.saved'));
  };
  const names = new Map<string, string>(s.components.map((c) => [c.key, `${c.no}. ${pick(c.name)}`]));
  type TextKey = 'procedure' | 'product' | 'complaints' | 'legalBasis' | 'facilities' | 'competence' | 'supervision' | 'staffing' | 'serviceGuarantee' | 'safetyGuarantee' | 'performanceEvaluation';
  const textField = (key: TextKey) => (
    <div className="field" key={key}>
      <label htmlFor={`c-${key}`}>{names.get(key)}</label>
      <textarea id={`c-${key}`} maxLength={5000} value={draft.standard[key]} onChange={(e) => set({ [key]: e.target.value })} disabled={!s.editable} />
    </div>
  );
  return (
    <div className="layanan-editor">
      <p><Link to={staffPath(region.code)}>{t('layanan.editor.back')}</Link></p>
      <PageTitle title={t('layanan.editor.title', { name: s.name })}>{t('layanan.editor.title', { name: s.name })}</PageTitle>
      <p><span className={`layanan-status ${s.status}`}>{t(`layanan.status.${s.status}`)}</span>{s.version && <> · {t('layanan.staff.versionN', { version: s.version })}</>}
        {s.status === 'published' && <> · <Link to={publicPath(region.code, s.slug)}>{t('layanan.staff.publicLink')}</Link></>}</p>
      {!s.editable && <p className="alert">{t('layanan.readOnly')}</p>}
      {s.unpublishedChanges && <p className="alert">{t('layanan.unpublished')}</p>}
      {s.missing.length > 0 && <p className="small muted">{t('layanan.missing', { list: s.missing.map((k) => names.get(k)).join('; ') })}</p>}
      {s.problems.length > 0 && (
        <div className="small muted"><p>{t('layanan.def.problems')}</p>
          <ul>{s.problems.map((p, i) => <li key={i}>{p.at && <code>{p.at}</code>} {pick(p.messages)}</li>)}</ul></div>
      )}
      {done && <Flash>{done}</Flash>}
      <ErrorMessage error={error} />
      <form aria-label={t('layanan.save')} onSubmit={save}>
        <fieldset disabled={!s.editable}>
          <div className="field"><label htmlFor="f-name">{t('layanan.field.name')}</label>
            <input id="f-name" type="text" maxLength={200} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} /></div>
          <div className="field"><label htmlFor="f-slug">{t('layanan.field.slug')}</label>
            <input id="f-slug" type="text" maxLength={80} value={draft.slug} onChange={(e) => setDraft({ ...draft, slug: e.target.value })} /></div>
          <div className="field"><label htmlFor="f-summary">{t('layanan.field.summary')}</label>
            <textarea id="f-summary" maxLength={500} value={draft.summary} onChange={(e) => setDraft({ ...draft, summary: e.target.value })} /></div>
          <div className="field"><label htmlFor="f-unit">{t('layanan.field.unit')}</label>
            <select id="f-unit" value={draft.unitId} onChange={(e) => setDraft({ ...draft, unitId: e.target.value })}>
              {(units.data ?? [s.unit]).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select></div>
          <h2>{t('layanan.group.delivery')}</h2>
          <div className="field"><label htmlFor="c-requirements">{names.get('requirements')}</label>
            <textarea id="c-requirements" value={draft.standard.requirements.join('\n')} onChange={(e) => set({ requirements: e.target.value.split('\n') })} />
            <small className="muted">{t('layanan.field.requirementsHint')}</small></div>
          {textField('procedure')}
          <div className="field"><label htmlFor="c-days">{t('layanan.field.days')}</label>
            <input id="c-days" type="number" min={1} max={365} required value={draft.standard.timeLimitDays} onChange={(e) => set({ timeLimitDays: Number(e.target.value) })} />
            <small className="muted">{t('layanan.field.daysHint')}</small></div>
          <div className="field"><label htmlFor="c-note">{t('layanan.field.timeLimitNote')}</label>
            <input id="c-note" type="text" maxLength={5000} value={draft.standard.timeLimitNote} onChange={(e) => set({ timeLimitNote: e.target.value })} /></div>
          <div className="field"><label htmlFor="c-fee">{t('layanan.field.fee')}</label>
            <select id="c-fee" value={draft.standard.fee} onChange={(e) => set({ fee: e.target.value as Standard['fee'] })}>
              <option value="free">{t('layanan.free')}</option><option value="tariff">{t('layanan.paid')}</option>
            </select></div>
          {draft.standard.fee === 'tariff' && <div className="field"><label htmlFor="c-tariff">{t('layanan.field.tariff')}</label>
            <textarea id="c-tariff" maxLength={5000} value={draft.standard.tariff} onChange={(e) => set({ tariff: e.target.value })} /></div>}
          {textField('product')}
          {textField('complaints')}
          <h2>{t('layanan.group.management')}</h2>
          {(['legalBasis', 'facilities', 'competence', 'supervision', 'staffing', 'serviceGuarantee', 'safetyGuarantee', 'performanceEvaluation'] as const).map(textField)}
          <FormBuilder form={draft.form} onChange={(form) => setDraft({ ...draft, form })} />
          <StageEditor workflow={draft.workflow} units={units.data ?? []} onChange={(workflow) => setDraft({ ...draft, workflow })} />
          <TemplateEditor result={draft.result} form={draft.form} onChange={(result) => setDraft({ ...draft, result })} />
          <TariffEditor tariff={draft.tariff} form={draft.form} onChange={(tariff) => setDraft({ ...draft, tariff })} />
          <button type="submit">{t('layanan.save')}</button>
        </fieldset>
      </form>
      <FormPreview form={draft.form} region={region} />
      {s.editable && (
        <p>
          <button type="button" onClick={() => void act(() => api<Service>(`${url}/publish`, { method: 'POST' }), (r) => t('layanan.published', { version: r.version ?? 0 }))}>{t('layanan.publish')}</button>{' '}
          {s.status === 'published' && <button type="button" onClick={() => void act(() => api<Service>(`${url}/archive`, { method: 'POST' }), () => t('layanan.archived'))}>{t('layanan.archive')}</button>}
        </p>
      )}
      <h2>{t('layanan.versions')}</h2>
      {!versions.data ? <Loading /> : versions.data.length === 0 ? <p className="muted">{t('layanan.noVersions')}</p> : (
        <ul className="layanan-list">
          {versions.data.map((v) => <li key={v.version}><Version url={`${url}/versions/${v.version}`} label={t('layanan.versionBy', { version: v.version, date: formatDate(v.publishedAt, region, locale), by: v.publishedBy })} /></li>)}
        </ul>
      )}
      <PledgeEditor region={region} unitId={s.unit.id} editable={s.editable} />
    </div>
  );
}

/** One published version, read on demand. */
function Version({ url, label }: { url: string; label: string }) {
  const [open, setOpen] = useState(false);
  const v = useStaffApi<{ standard: Standard; components: Service['components'] }>(open ? url : null);
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{label}</summary>
      {v.data ? <StandardView standard={v.data.standard} components={v.data.components} /> : open && <Loading />}
    </details>
  );
}

function PledgeEditor({ region, unitId, editable }: { region: RegionProfile; unitId: string; editable: boolean }) {
  const { t } = useI18n();
  const url = `${layananApi(region.code)}/units/${encodeURIComponent(unitId)}/pledge`;
  const pledge = useStaffApi<Pledge>(url);
  const [text, setText] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  if (pledge.error) return <ErrorMessage error={pledge.error} />;
  if (!pledge.data) return <Loading />;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api<Pledge>(url, { method: 'PUT', body: { text: text ?? pledge.data!.text } });
      setDone(true);
      pledge.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card" aria-label={t('layanan.pledge.edit')} onSubmit={save}>
      <h2>{t('layanan.pledge.edit')}: {pledge.data.unit.name}</h2>
      {pledge.data.isDefault && <p className="small muted">{t('layanan.pledge.default')}</p>}
      {done && <Flash>{t('layanan.pledge.saved')}</Flash>}
      <ErrorMessage error={error} />
      <fieldset disabled={!editable}>
        <label htmlFor="pledge-text" className="visually-hidden">{t('layanan.pledge')}</label>
        <textarea id="pledge-text" maxLength={5000} rows={5} value={text ?? pledge.data.text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">{t('layanan.pledge.save')}</button>
      </fieldset>
    </form>
  );
}
