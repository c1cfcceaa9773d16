// The letter register and search: the person's inbox, a unit's register, or
// everything they may see, searched by words, number, classification and
// date (the API only ever finds what they may open), kept in the address.
// A unit's records clerk registers incoming letters here, with their scans.
import '../components/surat.css';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import { ErrorMessage, Flash, Loading, PageTitle } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { useSend } from '../../../send.js';
import { navigate, queryString, useLocation, type Params } from '../../../router.js';
import { useSession } from '../../../session.js';
import type { RegionProfile, Unit } from '../../../types.js';
import { regionApi } from '../../../api.js';
import { letterPath, registerPath, suratApi, SuratNav, SuratPage, type LetterItem } from '../components/common.js';
import { LetterTable } from '../components/LetterTable.js';
import { ClassificationInput } from '../components/ClassificationInput.js';

const FILTERS = ['box', 'unitId', 'q', 'number', 'classification', 'from', 'to'] as const;
const PAGE = 25;

export function RegisterPage({ params }: { params: Params }) {
  return <SuratPage region={params.region}>{(region) => <Register region={region} />}</SuratPage>;
}

function Register({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { query } = useLocation();
  const units = useStaffApi<Unit[]>(`${regionApi(region.code)}/units`);
  const clerkUnits = (me?.grants ?? []).filter((g) => g.regionCode === region.code && g.role === 'surat_clerk' && g.unitId).map((g) => g.unitId!);
  const f = Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const box = f.box || (clerkUnits.length ? 'unit' : 'inbox');
  const unitId = f.unitId || (box === 'unit' ? clerkUnits[0] ?? '' : '');
  const offset = Number(query.get('offset') ?? 0) || 0;
  const list = useStaffApi<{ items: LetterItem[]; hasMore: boolean }>(`${suratApi(region.code)}/letters${queryString({
    box, unitId: box === 'unit' ? unitId || undefined : undefined, q: f.q || undefined, number: f.number || undefined, classification: f.classification || undefined,
    from: f.from || undefined, to: f.to || undefined, limit: PAGE, offset: offset || undefined,
  })}`);
  const [draft, setDraft] = useState(f);
  const go = (values: Record<string, string | number | undefined>) => navigate(`${registerPath(region.code)}${queryString(values)}`);
  const search = (e: FormEvent) => {
    e.preventDefault();
    go({ ...Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v || undefined])) });
  };
  return (
    <div className="surat">
      <PageTitle title={t('surat.register.title')}>{t('surat.register.title')}</PageTitle>
      <SuratNav region={region.code} />
      <form className="surat-filters card" onSubmit={search} role="search">
        <div className="field"><label htmlFor="sr-box">{t('surat.register.box')}</label>
          <select id="sr-box" value={draft.box || box} onChange={(e) => setDraft({ ...draft, box: e.target.value })}>
            {(['inbox', 'unit', 'all'] as const).map((b) => <option key={b} value={b}>{t(`surat.register.box.${b}`)}</option>)}
          </select></div>
        {(draft.box || box) === 'unit' && (
          <div className="field"><label htmlFor="sr-unit">{t('surat.col.unit')}</label>
            <select id="sr-unit" value={draft.unitId || unitId} onChange={(e) => setDraft({ ...draft, unitId: e.target.value })}>
              {(units.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select></div>
        )}
        <div className="field"><label htmlFor="sr-q">{t('surat.register.q')}</label><input id="sr-q" type="search" maxLength={200} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} /></div>
        <div className="field"><label htmlFor="sr-number">{t('surat.register.number')}</label><input id="sr-number" type="text" maxLength={200} value={draft.number} onChange={(e) => setDraft({ ...draft, number: e.target.value })} /></div>
        <div className="field"><label htmlFor="sr-class">{t('surat.register.classification')}</label><ClassificationInput id="sr-class" value={draft.classification} onChange={(c) => setDraft({ ...draft, classification: c })} /></div>
        <div className="field"><label htmlFor="sr-from">{t('surat.register.from')}</label><input id="sr-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} /></div>
        <div className="field"><label htmlFor="sr-to">{t('surat.register.to')}</label><input id="sr-to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} /></div>
        <button type="submit" className="button">{t('surat.register.search')}</button>
      </form>
      <ErrorMessage error={list.error} />
      {!list.data ? (!list.error && <Loading />) : list.data.items.length === 0 ? <p className="muted">{t('surat.register.none')}</p> : (
        <>
          <LetterTable region={region.code} items={list.data.items} caption={t(`surat.register.box.${box as 'inbox'}`)} />
          <p>
            {offset > 0 && <button type="button" className="button secondary" onClick={() => go({ ...f, offset: Math.max(0, offset - PAGE) || undefined })}>{t('surat.prev')}</button>}{' '}
            {list.data.hasMore && <button type="button" className="button secondary" onClick={() => go({ ...f, offset: offset + PAGE })}>{t('surat.more')}</button>}
          </p>
        </>
      )}
      {clerkUnits.length > 0 && <NewIncoming region={region} units={(units.data ?? []).filter((u) => clerkUnits.includes(u.id))} />}
    </div>
  );
}

const empty = { unitId: '', number: '', letterDate: '', senderName: '', subject: '', summary: '', classificationCode: '', security: 'biasa', urgency: 'biasa' };

function NewIncoming({ region, units }: { region: RegionProfile; units: Unit[] }) {
  const { t } = useI18n();
  const [f, setF] = useState(empty);
  const [files, setFiles] = useState<File[]>([]);
  const { result: done, error, busy, run } = useSend<{ id: string; agenda: string }>();
  const set = (patch: Partial<typeof f>) => setF({ ...f, ...patch });
  const unitId = f.unitId || units[0]?.id || '';
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    void run(async () => {
      const body = new FormData();
      body.append('surat', JSON.stringify({ ...f, unitId }));
      for (const file of files) body.append('berkas', file);
      const answer = await api<{ id: string; agendaNumber: number; agendaYear: number }>(`${suratApi(region.code)}/letters/incoming`, { method: 'POST', body });
      setF(empty);
      setFiles([]);
      form.reset();
      return { id: answer.id, agenda: `${answer.agendaNumber}/${answer.agendaYear}` };
    });
  };
  return (
    <section aria-labelledby="surat-new" className="card">
      <h2 id="surat-new">{t('surat.new.title')}</h2>
      {done && <Flash>{t('surat.new.done', { agenda: done.agenda })} <a href={letterPath(region.code, done.id)} onClick={(e) => { e.preventDefault(); navigate(letterPath(region.code, done.id)); }}>{t('surat.col.subject')} →</a></Flash>}
      <form onSubmit={submit}>
        <div className="field"><label htmlFor="sn-unit">{t('surat.new.unit')}</label>
          <select id="sn-unit" required value={unitId} onChange={(e) => set({ unitId: e.target.value })}>{units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}</select></div>
        <div className="field"><label htmlFor="sn-number">{t('surat.new.number')}</label><input id="sn-number" type="text" required maxLength={200} value={f.number} onChange={(e) => set({ number: e.target.value })} /></div>
        <div className="field"><label htmlFor="sn-date">{t('surat.new.date')}</label><input id="sn-date" type="date" required value={f.letterDate} onChange={(e) => set({ letterDate: e.target.value })} /></div>
        <div className="field"><label htmlFor="sn-sender">{t('surat.new.sender')}</label><input id="sn-sender" type="text" required maxLength={300} value={f.senderName} onChange={(e) => set({ senderName: e.target.value })} /></div>
        <div className="field"><label htmlFor="sn-subject">{t('surat.new.subject')}</label><input id="sn-subject" type="text" required maxLength={1000} value={f.subject} onChange={(e) => set({ subject: e.target.value })} /></div>
        <div className="field"><label htmlFor="sn-summary">{t('surat.new.summary')}</label><textarea id="sn-summary" rows={3} maxLength={5000} value={f.summary} onChange={(e) => set({ summary: e.target.value })} /></div>
        <div className="field"><label htmlFor="sn-class">{t('surat.new.classification')}</label>
          <ClassificationInput id="sn-class" required describedBy="sn-class-hint" value={f.classificationCode} onChange={(c) => set({ classificationCode: c })} />
          <p id="sn-class-hint" className="small muted">{t('surat.new.classificationHint')}</p></div>
        <div className="field"><label htmlFor="sn-security">{t('surat.new.security')}</label>
          <select id="sn-security" value={f.security} onChange={(e) => set({ security: e.target.value })}>
            {(['biasa', 'terbatas', 'rahasia', 'sangat_rahasia'] as const).map((s) => <option key={s} value={s}>{t(`surat.security.${s}`)}</option>)}
          </select></div>
        <div className="field"><label htmlFor="sn-urgency">{t('surat.new.urgency')}</label>
          <select id="sn-urgency" value={f.urgency} onChange={(e) => set({ urgency: e.target.value })}>
            {(['biasa', 'segera', 'sangat_segera'] as const).map((s) => <option key={s} value={s}>{t(`surat.urgency.${s}`)}</option>)}
          </select></div>
        <div className="field"><label htmlFor="sn-files">{t('surat.new.files')}</label>
          <input id="sn-files" type="file" accept="application/pdf" multiple onChange={(e) => setFiles([...(e.target.files ?? [])].slice(0, 5))} /></div>
        <ErrorMessage error={error} />
        <button type="submit" className="button" disabled={busy}>{t('surat.new.submit')}</button>
      </form>
    </section>
  );
}
