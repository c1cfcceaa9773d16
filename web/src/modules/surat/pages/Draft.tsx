// A draft outgoing letter or memo, new or being changed by its drafter: the
// drafting unit, the document type (its template fills the opening and
// closing), classification, security, urgency, subject and body, the
// recipients (a unit of this region, another region on this installation or
// an email address; addressee or copy), the signer and the verifiers in the
// order they initial. Saved as a draft, or saved and submitted at once.
import '../components/surat.css';
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, regionApi } from '../../../api.js';
import { ErrorMessage, Loading, PageTitle } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { useSend } from '../../../send.js';
import { Link, navigate, type Params } from '../../../router.js';
import { useSession } from '../../../session.js';
import type { RegionProfile, RegionSummary, Unit } from '../../../types.js';
import { personLabel, suratApi, SuratNav, SuratPage, type Person } from '../components/common.js';
import { ClassificationInput } from '../components/ClassificationInput.js';
import { directionOf, outgoingListPath, outgoingPath, type OutgoingLetter, type Template } from '../components/outgoing.js';

export function DraftPage({ params }: { params: Params }) {
  return <SuratPage region={params.region}>{(region) => <DraftLoader region={region} id={params.letterId} />}</SuratPage>;
}

/** Roles that let a person draft for a unit (the API's UNIT_ROLES). */
const UNIT_ROLES = ['surat_clerk', 'surat_leader', 'surat_staff', 'surat_verifier', 'surat_signer', 'unit_head'];
const SECURITY = ['biasa', 'terbatas', 'rahasia', 'sangat_rahasia'] as const;
const URGENCY = ['biasa', 'segera', 'sangat_segera'] as const;

interface Recipient { role: 'to' | 'cc'; kind: 'unit' | 'region' | 'email'; unitId: string; regionCode: string; email: string; name: string }
interface Fields {
  unitId: string; documentTypeCode: string; classificationCode: string; security: string; urgency: string; subject: string;
  addressee: string; place: string; attachments: string; opening: string; content: string; closing: string;
  recipients: Recipient[]; signerUserId: string; signerPosition: string; verifierUserIds: string[];
}
const newRecipient = (): Recipient => ({ role: 'to', kind: 'unit', unitId: '', regionCode: '', email: '', name: '' });

/** The places in the list of the recipients whose email address the API refused (its one check of an address). */
function refusedEmails(error: unknown): Set<number> {
  if (!(error instanceof ApiError) || error.code !== 'request.invalid' || !Array.isArray(error.details)) return new Set();
  return new Set((error.details as { path?: string }[]).flatMap((d) => {
    const at = /^\/recipients\/(\d+)\/email$/.exec(d.path ?? '');
    return at ? [Number(at[1])] : [];
  }));
}

function fieldsOf(l: OutgoingLetter): Fields {
  return {
    unitId: l.unitId, documentTypeCode: l.documentTypeCode, classificationCode: l.classificationCode, security: l.security, urgency: l.urgency, subject: l.subject,
    ...l.body,
    recipients: l.recipients.map((r) => ({ role: r.role as 'to' | 'cc', kind: r.kind as Recipient['kind'], unitId: r.unitId ?? '', regionCode: r.regionCode ?? '', email: r.email ?? '', name: r.kind === 'email' ? r.name : '' })),
    // A draft always has its signer; only a letter another module produced has none, and it is never edited.
    signerUserId: l.signerUserId ?? '', signerPosition: l.signerPosition, verifierUserIds: l.verifierUserIds,
  };
}

function DraftLoader({ region, id }: { region: RegionProfile; id: string | undefined }) {
  const letter = useStaffApi<OutgoingLetter>(id ? `${suratApi(region.code)}/outgoing/${id}` : null);
  if (!id) return <DraftForm region={region} letter={null} />;
  return letter.data ? <DraftForm region={region} letter={letter.data} /> : <div className="surat"><ErrorMessage error={letter.error} />{!letter.error && <Loading />}</div>;
}

function DraftForm({ region, letter }: { region: RegionProfile; letter: OutgoingLetter | null }) {
  const { t } = useI18n();
  const { me } = useSession();
  const base = suratApi(region.code);
  const units = useStaffApi<Unit[]>(`${regionApi(region.code)}/units`);
  const regions = useStaffApi<RegionSummary[]>('/api/regions');
  const templates = useStaffApi<Template[]>(`${base}/templates`);
  const people = useStaffApi<Person[]>(`${base}/people`);
  const mine = new Set((me?.grants ?? []).filter((g) => g.regionCode === region.code && g.unitId && UNIT_ROLES.includes(g.role)).map((g) => g.unitId!));
  const draftingUnits = (units.data ?? []).filter((u) => mine.has(u.id));
  const [f, setF] = useState<Fields>(() => letter ? fieldsOf(letter) : {
    unitId: '', documentTypeCode: 'surat-undangan', classificationCode: '', security: 'biasa', urgency: 'biasa', subject: '',
    addressee: '', place: '', attachments: '', opening: '', content: '', closing: '', recipients: [newRecipient()], signerUserId: '', signerPosition: '', verifierUserIds: [],
  });
  const { error, busy, run } = useSend();
  const set = (patch: Partial<Fields>) => setF((old) => ({ ...old, ...patch }));
  const unitId = f.unitId || draftingUnits[0]?.id || '';
  const template = (code: string) => templates.data?.find((x) => x.documentTypeCode === code);
  // A new draft starts from its type's template once the templates arrive.
  // It reads the fields as they are when it runs, not as this render saw
  // them: a type chosen before the effect ran keeps its own template.
  useEffect(() => {
    if (letter) return;
    setF((old) => {
      const tpl = template(old.documentTypeCode);
      return tpl && !old.opening && !old.closing ? { ...old, opening: tpl.opening, closing: tpl.closing } : old;
    });
  }, [templates.data]);
  const chooseType = (code: string) => {
    const tpl = template(code);
    set({ documentTypeCode: code, ...(tpl ? { opening: tpl.opening, closing: tpl.closing } : {}) });
  };
  const direction = directionOf(f.documentTypeCode);
  const holds = (p: Person, roles: string[], unit: string | null) => p.roles.some((r) => roles.includes(r.role) && r.unitId === unit);
  // The unit's own signers and head first, then the head of region (as the API accepts).
  const everyone = people.data ?? [];
  const unitSigners = everyone.filter((p) => holds(p, ['surat_signer', 'unit_head'], unitId));
  const signers = [...unitSigners, ...everyone.filter((p) => !unitSigners.includes(p) && holds(p, ['head_of_region'], null))];
  const verifiers = (people.data ?? []).filter((p) => p.roles.some((r) => r.role === 'surat_verifier'));
  const otherRegions = (regions.data ?? []).filter((r) => r.code !== region.code);
  const ownUnits = (units.data ?? []).filter((u) => u.active !== false);
  const setRecipient = (i: number, patch: Partial<Recipient>) => set({ recipients: f.recipients.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  const save = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const andSubmit = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'submit';
    void run(async () => {
      const body = {
        direction, unitId, documentTypeCode: f.documentTypeCode, classificationCode: f.classificationCode, security: f.security, urgency: f.urgency, subject: f.subject,
        body: { addressee: f.addressee, place: f.place, attachments: f.attachments, opening: f.opening, content: f.content, closing: f.closing },
        recipients: f.recipients.map((r) => (r.kind === 'unit' ? { role: r.role, kind: r.kind, unitId: r.unitId || ownUnits[0]?.id }
          : r.kind === 'region' ? { role: r.role, kind: r.kind, regionCode: r.regionCode || otherRegions[0]?.code } : { role: r.role, kind: r.kind, email: r.email, name: r.name })),
        signerUserId: f.signerUserId || signers[0]?.id, signerPosition: f.signerPosition, verifierUserIds: f.verifierUserIds.filter(Boolean),
      };
      const saved = await api<OutgoingLetter>(letter ? `${base}/outgoing/${letter.id}` : `${base}/outgoing`, { method: letter ? 'PUT' : 'POST', body });
      if (andSubmit) await api(`${base}/outgoing/${saved.id}/submit`, { method: 'POST', body: {} });
      navigate(outgoingPath(region.code, saved.id));
    });
  };
  const badEmails = refusedEmails(error);

  const title = letter ? t('surat.out.form.edit') : t('surat.out.new');
  if (units.data && draftingUnits.length === 0) return <div className="surat"><PageTitle title={title}>{title}</PageTitle><p className="alert alert-error" role="alert">{t('surat.out.form.noUnit')}</p></div>;
  return (
    <div className="surat">
      <p><Link to={letter ? outgoingPath(region.code, letter.id) : outgoingListPath(region.code)}>{t('surat.out.back')}</Link></p>
      <PageTitle title={title}>{title}</PageTitle>
      <SuratNav region={region.code} />
      <form onSubmit={save} className="surat-draft">
        <div className="field"><label htmlFor="od-unit">{t('surat.out.form.unit')}</label>
          <select id="od-unit" required value={unitId} onChange={(e) => set({ unitId: e.target.value })}>{draftingUnits.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}</select></div>
        <div className="field"><label htmlFor="od-type">{t('surat.out.type')}</label>
          <select id="od-type" required value={f.documentTypeCode} onChange={(e) => chooseType(e.target.value)} aria-describedby={direction === 'memo' ? 'od-type-hint' : undefined}>
            {(templates.data ?? []).map((x) => <option key={x.documentTypeCode} value={x.documentTypeCode}>{x.name}</option>)}
          </select>
          {direction === 'memo' && <p id="od-type-hint" className="small muted">{t('surat.out.form.memoHint')}</p>}</div>
        <div className="field"><label htmlFor="od-class">{t('surat.new.classification')}</label>
          <ClassificationInput id="od-class" required describedBy="od-class-hint" value={f.classificationCode} onChange={(c) => set({ classificationCode: c })} />
          <p id="od-class-hint" className="small muted">{t('surat.new.classificationHint')}</p></div>
        <div className="field"><label htmlFor="od-security">{t('surat.new.security')}</label>
          <select id="od-security" value={f.security} onChange={(e) => set({ security: e.target.value })}>{SECURITY.map((s) => <option key={s} value={s}>{t(`surat.security.${s}`)}</option>)}</select></div>
        <div className="field"><label htmlFor="od-urgency">{t('surat.new.urgency')}</label>
          <select id="od-urgency" value={f.urgency} onChange={(e) => set({ urgency: e.target.value })}>{URGENCY.map((s) => <option key={s} value={s}>{t(`surat.urgency.${s}`)}</option>)}</select></div>
        <div className="field"><label htmlFor="od-subject">{t('surat.new.subject')}</label>
          <input id="od-subject" type="text" required maxLength={500} value={f.subject} onChange={(e) => set({ subject: e.target.value })} /></div>
        <div className="field"><label htmlFor="od-addressee">{t('surat.out.form.addressee')}</label>
          <input id="od-addressee" type="text" maxLength={500} value={f.addressee} onChange={(e) => set({ addressee: e.target.value })} /></div>
        <div className="field"><label htmlFor="od-place">{t('surat.out.form.place')}</label>
          <input id="od-place" type="text" maxLength={100} value={f.place} onChange={(e) => set({ place: e.target.value })} /></div>
        <div className="field"><label htmlFor="od-attachments">{t('surat.out.form.attachments')}</label>
          <input id="od-attachments" type="text" maxLength={200} value={f.attachments} onChange={(e) => set({ attachments: e.target.value })} /></div>
        <p id="od-template-hint" className="small muted">{t('surat.out.form.templateHint')}</p>
        <div className="field"><label htmlFor="od-opening">{t('surat.out.form.opening')}</label>
          <textarea id="od-opening" rows={2} maxLength={5000} aria-describedby="od-template-hint" value={f.opening} onChange={(e) => set({ opening: e.target.value })} /></div>
        <div className="field"><label htmlFor="od-content">{t('surat.out.form.content')}</label>
          <textarea id="od-content" rows={8} required maxLength={50000} value={f.content} onChange={(e) => set({ content: e.target.value })} /></div>
        <div className="field"><label htmlFor="od-closing">{t('surat.out.form.closing')}</label>
          <textarea id="od-closing" rows={2} maxLength={5000} aria-describedby="od-template-hint" value={f.closing} onChange={(e) => set({ closing: e.target.value })} /></div>

        <fieldset className="card">
          <legend>{t('surat.out.form.recipients')}</legend>
          {f.recipients.map((r, i) => {
            const n = t('surat.out.form.recipientN', { n: i + 1 });
            const idp = `od-r${i}`;
            return (
              <fieldset key={i} className="surat-recipient">
                <legend>{n}</legend>
                <div className="field"><label htmlFor={`${idp}-role`}>{t('surat.out.form.role')}</label>
                  <select id={`${idp}-role`} value={r.role} onChange={(e) => setRecipient(i, { role: e.target.value as Recipient['role'] })}>
                    <option value="to">{t('surat.out.role.to')}</option><option value="cc">{t('surat.out.role.cc')}</option>
                  </select></div>
                <div className="field"><label htmlFor={`${idp}-kind`}>{t('surat.out.form.kind')}</label>
                  <select id={`${idp}-kind`} value={r.kind} onChange={(e) => setRecipient(i, { kind: e.target.value as Recipient['kind'] })}>
                    {(['unit', 'region', 'email'] as const).map((k) => <option key={k} value={k} disabled={direction === 'memo' && k !== 'unit'}>{t(`surat.out.kind.${k}`)}</option>)}
                  </select></div>
                {r.kind === 'unit' && <div className="field"><label htmlFor={`${idp}-unit`}>{t('surat.out.form.recipientUnit')}</label>
                  <select id={`${idp}-unit`} required value={r.unitId || ownUnits[0]?.id || ''} onChange={(e) => setRecipient(i, { unitId: e.target.value })}>{ownUnits.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}</select></div>}
                {r.kind === 'region' && <div className="field"><label htmlFor={`${idp}-region`}>{t('surat.out.form.recipientRegion')}</label>
                  <select id={`${idp}-region`} required value={r.regionCode || otherRegions[0]?.code || ''} onChange={(e) => setRecipient(i, { regionCode: e.target.value })}>{otherRegions.map((x) => <option key={x.code} value={x.code}>{x.name} ({x.code})</option>)}</select></div>}
                {r.kind === 'email' && <>
                  <div className="field"><label htmlFor={`${idp}-email`}>{t('surat.out.form.email')}</label>
                    <input id={`${idp}-email`} type="email" required maxLength={200} value={r.email} onChange={(e) => setRecipient(i, { email: e.target.value })}
                      aria-invalid={badEmails.has(i) || undefined} aria-describedby={badEmails.has(i) ? `${idp}-email-problem` : undefined} />
                    {badEmails.has(i) && <small id={`${idp}-email-problem`} className="field-problem">{t('surat.out.form.emailInvalid')}</small>}</div>
                  <div className="field"><label htmlFor={`${idp}-name`}>{t('surat.out.form.emailName')}</label>
                    <input id={`${idp}-name`} type="text" required maxLength={200} value={r.name} onChange={(e) => setRecipient(i, { name: e.target.value })} /></div>
                </>}
                {f.recipients.length > 1 && <button type="button" className="button secondary" onClick={() => set({ recipients: f.recipients.filter((_, j) => j !== i) })}>{t('surat.out.form.remove', { what: n })}</button>}
              </fieldset>
            );
          })}
          <button type="button" className="button secondary" onClick={() => set({ recipients: [...f.recipients, newRecipient()] })}>{t('surat.out.form.addRecipient')}</button>
        </fieldset>

        <div className="field"><label htmlFor="od-signer">{t('surat.out.form.signer')}</label>
          <select id="od-signer" required value={f.signerUserId || signers[0]?.id || ''} onChange={(e) => set({ signerUserId: e.target.value })}>{signers.map((p) => <option key={p.id} value={p.id}>{personLabel(p)}</option>)}</select></div>
        <div className="field"><label htmlFor="od-position">{t('surat.out.form.signerPosition')}</label>
          <input id="od-position" type="text" required maxLength={200} aria-describedby="od-position-hint" value={f.signerPosition} onChange={(e) => set({ signerPosition: e.target.value })} />
          <p id="od-position-hint" className="small muted">{t('surat.out.form.signerPositionHint')}</p></div>
        <fieldset className="card">
          <legend>{t('surat.out.form.verifiers')}</legend>
          {f.verifierUserIds.length === 0 && <p className="small muted">{t('surat.out.form.noVerifiers')}</p>}
          {f.verifierUserIds.map((v, i) => {
            const n = t('surat.out.form.verifierN', { n: i + 1 });
            return (
              <div key={i} className="field"><label htmlFor={`od-v${i}`}>{n}</label>
                <select id={`od-v${i}`} required value={v} onChange={(e) => set({ verifierUserIds: f.verifierUserIds.map((x, j) => (j === i ? e.target.value : x)) })}>
                  <option value="">{t('surat.new.choose')}</option>
                  {verifiers.map((p) => <option key={p.id} value={p.id}>{personLabel(p)}</option>)}
                </select>
                <button type="button" className="button secondary" onClick={() => set({ verifierUserIds: f.verifierUserIds.filter((_, j) => j !== i) })}>{t('surat.out.form.remove', { what: n })}</button></div>
            );
          })}
          <button type="button" className="button secondary" onClick={() => set({ verifierUserIds: [...f.verifierUserIds, ''] })}>{t('surat.out.form.addVerifier')}</button>
        </fieldset>
        <ErrorMessage error={error} />
        <p className="surat-actions">
          <button type="submit" name="then" value="save" className="button secondary" disabled={busy}>{t('surat.out.form.save')}</button>{' '}
          <button type="submit" name="then" value="submit" className="button" disabled={busy}>{t('surat.out.form.saveSubmit')}</button>
        </p>
      </form>
    </div>
  );
}
