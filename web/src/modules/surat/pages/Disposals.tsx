// Disposal (penyusutan): for the records manager, the files due (for transfer
// to the records centre, or for their fate) and a proposal made of them; for
// the head of region or region admin, deciding proposals they did not make;
// for both, the proposals with their files and the minutes (berita acara).
import '../components/surat.css';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import { ErrorMessage, Flash, Loading, When } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { Link, type Params } from '../../../router.js';
import { useSend } from '../../../send.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';
import { suratApi, SuratPage } from '../components/common.js';
import { Day, FileStatusBadge, FileTable, recordFilePath, RecordsHeader, type Disposal, type DueFile } from '../components/records.js';

type Action = Disposal['action'];
const ACTIONS: Action[] = ['transfer', 'destroy', 'permanent'];

export function DisposalsPage({ params }: { params: Params }) {
  return <SuratPage region={params.region}>{(region) => <Disposals region={region} />}</SuratPage>;
}

function Disposals({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  const manages = may(me, region.code, 'surat.retention');
  const decides = may(me, region.code, 'surat.disposal.decide');
  const proposals = useStaffApi<Disposal[]>(manages || decides ? `${suratApi(region.code)}/disposals` : null);
  return (
    <div className="surat">
      <RecordsHeader region={region.code} title={t('surat.disposal.title')} intro={t('surat.disposal.intro')} allowed={manages || decides} />
      {manages && <Due region={region} />}
      {(manages || decides) && (
        <section aria-labelledby="sd-proposals">
          <h2 id="sd-proposals">{t('surat.disposal.proposals')}</h2>
          <ErrorMessage error={proposals.error} />
          {!proposals.data ? (!proposals.error && <Loading />) : proposals.data.length === 0 ? <p className="muted">{t('surat.disposal.none')}</p>
            : proposals.data.map((d) => <Proposal key={d.id} region={region} disposal={d} decides={decides} onDone={proposals.reload} />)}
        </section>
      )}
    </div>
  );
}

/** The action a due file suggests: transfer while its active period is over, else its fate. */
const suggested = (f: DueFile): Action => (f.due === 'transfer' ? 'transfer' : f.fate === 'permanen' ? 'permanent' : 'destroy');

function Due({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const due = useStaffApi<{ date: string; files: DueFile[] }>(`${suratApi(region.code)}/files/due`);
  const [chosen, setChosen] = useState<string[]>([]);
  const [action, setAction] = useState<Action | ''>('');
  const [reason, setReason] = useState('');
  const { result: proposed, error, busy, run } = useSend<Disposal>();
  const files = due.data?.files ?? [];
  const picked = files.filter((f) => chosen.includes(f.id));
  const act = action || (picked[0] ? suggested(picked[0]) : 'transfer');
  const toggle = (id: string, on: boolean) => setChosen(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const disposal = await api<Disposal>(`${suratApi(region.code)}/disposals`, { method: 'POST', body: { action: act, fileIds: chosen, reason } });
      setChosen([]);
      setReason('');
      setAction('');
      return disposal;
    });
  };
  return (
    <section aria-labelledby="sd-due" className="card">
      <h2 id="sd-due">{t('surat.disposal.due')}</h2>
      <ErrorMessage error={due.error} />
      {!due.data ? (!due.error && <Loading />) : (
        <>
          <p className="small muted">{t('surat.disposal.dueAt')} <Day date={due.data.date} /></p>
          {files.length === 0 ? <p className="muted">{t('surat.disposal.dueNone')}</p> : (
            <form onSubmit={submit} aria-label={t('surat.disposal.propose')}>
              <FileTable region={region.code} files={files} caption={t('surat.disposal.due')} due={(f) => (
                <label>
                  <input type="checkbox" checked={chosen.includes(f.id)} onChange={(e) => toggle(f.id, e.target.checked)} />{' '}
                  {t(`surat.disposal.dueFor.${f.due}`)}<span className="visually-hidden"> — {f.title}</span>
                </label>
              )} />
              <div className="field"><label htmlFor="sd-action">{t('surat.disposal.action')}</label>
                <select id="sd-action" value={act} onChange={(e) => setAction(e.target.value as Action)}>
                  {ACTIONS.map((a) => <option key={a} value={a}>{t(`surat.disposal.action.${a}`)}</option>)}
                </select></div>
              <div className="field"><label htmlFor="sd-reason">{t('surat.disposal.reason')}</label>
                <textarea id="sd-reason" rows={2} required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} /></div>
              {proposed && <Flash>{t('surat.disposal.proposed')}</Flash>}
              <ErrorMessage error={error} />
              <button type="submit" className="button" disabled={busy || chosen.length === 0}>{t('surat.disposal.propose')}</button>
            </form>
          )}
        </>
      )}
    </section>
  );
}

function Proposal({ region, disposal: d, decides, onDone }: { region: RegionProfile; disposal: Disposal; decides: boolean; onDone: () => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const [note, setNote] = useState('');
  const { error, busy, run } = useSend();
  const own = d.proposedBy === me?.user?.email;
  const decide = (approve: boolean) => run(async () => {
    await api(`${suratApi(region.code)}/disposals/${d.id}/decision`, { method: 'POST', body: { approve, note } });
    onDone();
  });
  const tone = d.status === 'approved' ? 'badge-green' : d.status === 'rejected' ? 'badge-red' : 'badge-amber';
  return (
    <article className="card" aria-label={`${t(`surat.disposal.action.${d.action}`)}: ${d.files.map((f) => f.title).join(', ')}`}>
      <h3>{t(`surat.disposal.action.${d.action}`)} <span className={`badge ${tone}`}>{t(`surat.disposal.status.${d.status}`)}</span></h3>
      <ul>{d.files.map((f) => (
        <li key={f.id}>
          {may(me, region.code, 'surat.file') ? <Link to={recordFilePath(region.code, f.id)}>{f.title}</Link> : f.title}{' '}
          <span className="small muted">{f.classificationCode} · {f.unitName} · {t('surat.records.file.lettersN', { n: f.letters })}</span> <FileStatusBadge status={f.status} />
        </li>
      ))}</ul>
      <p>{t('surat.disposal.reason')}: {d.reason}</p>
      <p className="small muted">{t('surat.disposal.proposedBy', { who: d.proposedBy })}, <When at={d.proposedAt} zone={region} /></p>
      {d.decidedAt && <p className="small">{t('surat.disposal.decidedBy', { who: d.decidedBy ?? '' })}, <When at={d.decidedAt} zone={region} />{d.decisionNote ? ` — ${d.decisionNote}` : ''}</p>}
      {d.hasMinutes && <p><a href={`${suratApi(region.code)}/disposals/${d.id}/minutes.pdf`} download>{t('surat.disposal.minutes')}</a></p>}
      {d.status === 'proposed' && decides && (own ? <p className="small muted">{t('surat.disposal.own')}</p> : (
        <div>
          <div className="field"><label htmlFor={`sd-note-${d.id}`}>{t('surat.disposal.note')}</label>
            <textarea id={`sd-note-${d.id}`} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} /></div>
          <ErrorMessage error={error} />
          <button type="button" className="button" disabled={busy} onClick={() => void decide(true)}>{t('surat.disposal.approve')}</button>{' '}
          <button type="button" className="button secondary" disabled={busy} onClick={() => void decide(false)}>{t('surat.disposal.reject')}</button>
        </div>
      ))}
    </article>
  );
}
