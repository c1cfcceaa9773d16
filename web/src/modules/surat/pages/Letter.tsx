// A letter's page: what it is, its files, the people on it; for the clerk,
// distribution to the leader; for the leader, dispositions; the disposition
// tree, where each recipient notes follow-ups, reports done or routes it
// further, and each giver may withdraw what is still unread. A letter the
// person only sees exists shows its agenda, number and class, nothing more.
import '../components/surat.css';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import { ErrorMessage, Flash, Loading, PageTitle, When } from '../../../components/ui.js';
import { formatCalendarDate } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { useSend } from '../../../send.js';
import { Link, type Params } from '../../../router.js';
import { useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';
import { FileLetter } from '../components/FileLetter.js';
import { agendaOf, personLabel, registerPath, SecurityBadge, suratApi, SuratNav, SuratPage, type DispositionNode, type Letter, type Person } from '../components/common.js';

export function LetterPage({ params }: { params: Params }) {
  return <SuratPage region={params.region}>{(region) => <LetterView region={region} id={params.letterId} />}</SuratPage>;
}

function LetterView({ region, id }: { region: RegionProfile; id: string }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const path = `${suratApi(region.code)}/letters/${id}`;
  const letter = useStaffApi<Letter>(path);
  const l = letter.data;
  const userId = me?.user?.id;
  const isClerk = (me?.grants ?? []).some((g) => g.regionCode === region.code && g.role === 'surat_clerk' && g.unitId === l?.unit.id);
  const isLeader = l?.people.some((p) => p.userId === userId && p.reason === 'leader');
  return (
    <div className="surat">
      <p><Link to={registerPath(region.code)}>{t('surat.letter.back')}</Link></p>
      <ErrorMessage error={letter.error} />
      {!l ? (!letter.error && <Loading />) : (
        <>
          <PageTitle title={l.subject ?? t('surat.restricted')}>{l.subject ?? t('surat.restricted')}</PageTitle>
          <SuratNav region={region.code} />
          {l.access !== 'open' && <p className="alert alert-error" role="alert">{t('surat.letter.closed')}</p>}
          <dl className="surat-facts">
            <dt>{t('surat.letter.agenda')}</dt><dd>{agendaOf(l)}</dd>
            <dt>{t('surat.col.number')}</dt><dd>{l.number ?? '—'}</dd>
            <dt>{t('surat.col.date')}</dt><dd>{l.letterDate ? formatCalendarDate(l.letterDate, locale) : '—'}</dd>
            {l.receivedAt && <><dt>{t('surat.letter.received')}</dt><dd><When at={l.receivedAt} zone={region} /></dd></>}
            {l.senderName !== null && <><dt>{t('surat.col.sender')}</dt><dd>{l.senderName}</dd></>}
            <dt>{t('surat.col.unit')}</dt><dd>{l.unit.name}</dd>
            <dt>{t('surat.letter.classification')}</dt><dd>{l.classificationCode}</dd>
            <dt>{t('surat.col.security')}</dt><dd><SecurityBadge security={l.security} /></dd>
            <dt>{t('surat.new.urgency')}</dt><dd>{t(`surat.urgency.${l.urgency}`)}</dd>
            <dt>{t('surat.col.status')}</dt><dd>{t(`surat.status.${l.status}` as 'surat.status.draft')}</dd>
          </dl>
          {l.summary && <p>{l.summary}</p>}
          {l.access === 'open' && (
            <>
              <section aria-labelledby="sl-files">
                <h2 id="sl-files">{t('surat.letter.files')}</h2>
                {l.attachments.length === 0 ? <p className="muted">{t('surat.letter.noFiles')}</p> : (
                  <ul>{l.attachments.map((a) => <li key={a.id}><a href={`${path}/attachments/${a.id}`} download={a.fileName}>{a.fileName}</a> <span className="small muted">({Math.ceil(a.size / 1024)} KB)</span></li>)}</ul>
                )}
              </section>
              <section aria-labelledby="sl-people">
                <h2 id="sl-people">{t('surat.letter.people')}</h2>
                <ul>{l.people.map((p) => <li key={`${p.userId}-${p.reason}`}>{p.name} <span className="small muted">({t(`surat.letter.reason.${p.reason}` as 'surat.letter.reason.leader')})</span></li>)}</ul>
              </section>
              <FileLetter region={region.code} letter={{ id: l.id, unitId: l.unit.id, classificationCode: l.classificationCode, file: l.file }} onDone={letter.reload} />
              {isClerk && l.direction === 'incoming' && l.status === 'registered' && <Distribute region={region} path={path} unitId={l.unit.id} onDone={letter.reload} />}
              {l.direction === 'incoming' && (
                <section aria-labelledby="sl-disp">
                  <h2 id="sl-disp">{t('surat.disp.tree')}</h2>
                  {l.dispositions.length === 0 ? <p className="muted">{t('surat.disp.none')}</p>
                    : <ul className="surat-tree">{(l.dispositions as DispositionNode[]).map((d) => <Node key={d.id} region={region} letterPath={path} node={d} userId={userId} onDone={letter.reload} />)}</ul>}
                  {isLeader && <DisposeForm region={region} letterPath={path} parentId={null} onDone={letter.reload} title={t('surat.disp.new')} />}
                </section>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}

function usePeople(region: string) {
  return useStaffApi<Person[]>(`${suratApi(region)}/people`);
}

function Distribute({ region, path, unitId, onDone }: { region: RegionProfile; path: string; unitId: string; onDone: () => void }) {
  const { t } = useI18n();
  const people = usePeople(region.code);
  // The letter's unit's leaders and head first, then the head of region (as the API accepts).
  const leadsHere = (p: Person, unit: string | null) => p.roles.some((r) => ['surat_leader', 'unit_head', 'head_of_region'].includes(r.role) && r.unitId === unit);
  const everyone = people.data ?? [];
  const leaders = [...everyone.filter((p) => leadsHere(p, unitId)), ...everyone.filter((p) => !leadsHere(p, unitId) && leadsHere(p, null))];
  const [leader, setLeader] = useState('');
  const { error, busy, run } = useSend();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api(`${path}/distribute`, { method: 'POST', body: { leaders: [leader || leaders[0]?.id] } });
      onDone();
    });
  };
  return (
    <section aria-labelledby="sl-dist" className="card">
      <h2 id="sl-dist">{t('surat.distribute.title')}</h2>
      <form onSubmit={submit}>
        <div className="field"><label htmlFor="sl-leader">{t('surat.distribute.leader')}</label>
          <select id="sl-leader" required value={leader || leaders[0]?.id || ''} onChange={(e) => setLeader(e.target.value)}>
            {leaders.map((p) => <option key={p.id} value={p.id}>{personLabel(p)}</option>)}
          </select></div>
        <ErrorMessage error={error} />
        <button type="submit" className="button" disabled={busy}>{t('surat.distribute.submit')}</button>
      </form>
    </section>
  );
}

function DisposeForm({ region, letterPath, parentId, onDone, title }: { region: RegionProfile; letterPath: string; parentId: string | null; onDone: () => void; title: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const people = usePeople(region.code);
  const choices = (people.data ?? []).filter((p) => p.id !== me?.user?.id);
  const [to, setTo] = useState<string[]>([]);
  const [instruction, setInstruction] = useState('');
  const [priority, setPriority] = useState('biasa');
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState('working_days');
  const { error, busy, run } = useSend();
  const idp = parentId ? `sd-${parentId.slice(0, 8)}` : 'sd-root';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api(`${letterPath}/dispositions`, { method: 'POST', body: { parentId, to, instruction, priority, due: amount ? { amount: Number(amount), unit } : null } });
      setTo([]);
      setInstruction('');
      setAmount('');
      onDone();
    });
  };
  return (
    <form onSubmit={submit} className="card" aria-label={title}>
      <h3>{title}</h3>
      <div className="field"><label htmlFor={`${idp}-to`}>{t('surat.disp.to')}</label>
        <select id={`${idp}-to`} multiple required size={Math.min(6, Math.max(3, choices.length))} value={to} onChange={(e) => setTo([...e.target.selectedOptions].map((o) => o.value))}>
          {choices.map((p) => <option key={p.id} value={p.id}>{personLabel(p)}</option>)}
        </select></div>
      <div className="field"><label htmlFor={`${idp}-instruction`}>{t('surat.disp.instruction')}</label>
        <textarea id={`${idp}-instruction`} rows={3} required maxLength={2000} value={instruction} onChange={(e) => setInstruction(e.target.value)} /></div>
      <div className="field"><label htmlFor={`${idp}-priority`}>{t('surat.disp.priority')}</label>
        <select id={`${idp}-priority`} value={priority} onChange={(e) => setPriority(e.target.value)}>
          {(['biasa', 'segera', 'sangat_segera'] as const).map((s) => <option key={s} value={s}>{t(`surat.urgency.${s}`)}</option>)}
        </select></div>
      <div className="field"><label htmlFor={`${idp}-due`}>{t('surat.disp.dueAmount')}</label>
        <input id={`${idp}-due`} type="number" min={1} max={365} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} /></div>
      <div className="field"><label htmlFor={`${idp}-unit`}>{t('surat.disp.dueUnit')}</label>
        <select id={`${idp}-unit`} value={unit} onChange={(e) => setUnit(e.target.value)}>
          <option value="working_days">{t('surat.disp.unit.working_days')}</option><option value="hours">{t('surat.disp.unit.hours')}</option>
        </select></div>
      <ErrorMessage error={error} />
      <button type="submit" className="button" disabled={busy}>{t('surat.disp.submit')}</button>
    </form>
  );
}

/** What a disposition's recipient (notes, done) or its giver (withdraw) does to it. */
type NodeAction = 'notes' | 'done' | 'withdraw';

function Node({ region, letterPath, node, userId, onDone }: { region: RegionProfile; letterPath: string; node: DispositionNode; userId: string | undefined; onDone: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const { result: saved, error, busy, run } = useSend<NodeAction>();
  const mine = node.to.userId === userId;
  const open = node.status === 'unread' || node.status === 'in_progress';
  const act = (what: NodeAction) => run(async () => {
    const body = what === 'notes' ? { body: text } : what === 'done' ? { report: text } : undefined;
    await api(`${suratApi(region.code)}/dispositions/${node.id}/${what}`, { method: 'POST', body });
    setText('');
    onDone();
    return what;
  });
  const idp = `sn-${node.id.slice(0, 8)}`;
  return (
    <li className="surat-node">
      <p>
        <strong>{node.from.name}</strong> → <strong>{node.to.name}</strong>{' '}
        <span className="badge badge-neutral">{t(`surat.disp.status.${node.status}`)}</span>
        {node.priority !== 'biasa' && <> <span className="badge badge-amber">{t(`surat.urgency.${node.priority}` as 'surat.urgency.segera')}</span></>}
        {node.overdue && <> <span className="badge badge-red">{t('surat.overdue')}</span></>}
      </p>
      <p>{node.instruction}{node.dueAt && <> · {t('surat.col.due')}: <When at={node.dueAt} zone={region} deadline /></>}</p>
      {node.notes.length > 0 && (
        <ul className="small">{node.notes.map((n, i) => <li key={i}>{n.kind === 'report' ? <strong>{t('surat.disp.reportLabel')}: </strong> : null}{n.body} <span className="muted">— {n.author}, <When at={n.at} zone={region} /></span></li>)}</ul>
      )}
      {saved && <Flash>{t('surat.disp.saved')}</Flash>}
      <ErrorMessage error={error} />
      {node.from.userId === userId && node.status === 'unread' && <button type="button" className="button secondary" disabled={busy} onClick={() => void act('withdraw')}>{t('surat.disp.withdraw')}</button>}
      {mine && open && (
        <>
          <div className="field"><label htmlFor={`${idp}-text`}>{t('surat.disp.note')} / {t('surat.disp.report')}</label>
            <textarea id={`${idp}-text`} rows={2} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} /></div>
          <button type="button" className="button secondary" disabled={busy || !text.trim()} onClick={() => void act('notes')}>{t('surat.disp.addNote')}</button>{' '}
          <button type="button" className="button" disabled={busy || !text.trim()} onClick={() => void act('done')}>{t('surat.disp.done')}</button>
          <details><summary>{t('surat.disp.forward')}</summary><DisposeForm region={region} letterPath={letterPath} parentId={node.id} onDone={onDone} title={t('surat.disp.forward')} /></details>
        </>
      )}
      {node.children.length > 0 && <ul className="surat-tree">{node.children.map((c) => <Node key={c.id} region={region} letterPath={letterPath} node={c} userId={userId} onDone={onDone} />)}</ul>}
    </li>
  );
}
