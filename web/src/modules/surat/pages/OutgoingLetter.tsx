// An outgoing letter or memo: its status, number and facts, a preview of its
// body, the rounds of initials with their notes, and what the person may do
// now: the drafter edits and submits, the verifier whose turn it is
// initials or returns it with notes, the signer signs electronically or
// confirms a signature on paper (the number is given then), the unit's
// clerk sends it; the signed PDF, a paper signature's scans and each
// recipient's delivery; once numbered, filing it (FileLetter). A letter
// another module produced (a service's result, a complaint's transfer) says so.
import '../components/surat.css';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import { ErrorMessage, Flash, Loading, PageTitle, When } from '../../../components/ui.js';
import { formatCalendarDate } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { Link, type Params } from '../../../router.js';
import { useSend } from '../../../send.js';
import { useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';
import { SecurityBadge, suratApi, SuratNav, SuratPage, type Letter } from '../components/common.js';
import { FileLetter } from '../components/FileLetter.js';
import { actionsOn, editDraftPath, outgoingListPath, type OutgoingLetter, type Template } from '../components/outgoing.js';

export function OutgoingLetterPage({ params }: { params: Params }) {
  return <SuratPage region={params.region}>{(region) => <LetterView region={region} id={params.letterId} />}</SuratPage>;
}

function LetterView({ region, id }: { region: RegionProfile; id: string }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const path = `${suratApi(region.code)}/outgoing/${id}`;
  const letter = useStaffApi<OutgoingLetter>(path);
  const types = useStaffApi<Template[]>(`${suratApi(region.code)}/templates`);
  // What the person did last, as the flash above the facts says it.
  const { result: flash, error, busy, run } = useSend<string>();
  const l = letter.data;
  const may = l ? actionsOn(l, me, region.code) : null;
  const act = (what: string, body: unknown, done: (answer: { number?: string }) => string) => run(async () => {
    const answer = await api<{ number?: string }>(`${path}/${what}`, { method: 'POST', body });
    letter.reload();
    return done(answer);
  });
  const rounds = [...new Set((l?.reviews ?? []).map((r) => r.round))];
  const returned = l?.status === 'returned' ? [...(l.reviews ?? [])].reverse().find((r) => r.status === 'returned') : undefined;
  return (
    <div className="surat">
      <p><Link to={outgoingListPath(region.code)}>{t('surat.out.back')}</Link></p>
      <ErrorMessage error={letter.error} />
      {!l || !may ? (!letter.error && <Loading />) : (
        <>
          <PageTitle title={l.subject}>{l.subject}</PageTitle>
          <SuratNav region={region.code} />
          {flash && <Flash>{flash}</Flash>}
          <ErrorMessage error={error} />
          {(l.origin === 'layanan' || l.origin === 'complaints') && <p className="card" role="note">{t(`surat.out.origin.${l.origin}`)}</p>}
          {l.revoked && <div className="alert alert-error" role="alert"><strong>{t('surat.revoked')}</strong> <When at={l.revoked.at} zone={region} />: {l.revoked.reason}</div>}
          {returned && <div className="alert alert-error" role="alert"><strong>{t('surat.out.returnedNotes')}</strong> ({returned.verifier}): {returned.note}</div>}
          <dl className="surat-facts">
            <dt>{t('surat.col.status')}</dt><dd><span className="badge badge-neutral">{t(`surat.status.${l.status}` as 'surat.status.draft')}</span>{l.revoked && <> <span className="badge badge-red">{t('surat.revoked')}</span></>}</dd>
            <dt>{t('surat.col.number')}</dt><dd>{l.number ?? <span className="muted">{t('surat.out.noNumber')}</span>}</dd>
            {l.letterDate && <><dt>{t('surat.col.date')}</dt><dd>{formatCalendarDate(l.letterDate, locale)}</dd></>}
            <dt>{t('surat.out.type')}</dt><dd>{types.data?.find((x) => x.documentTypeCode === l.documentTypeCode)?.name ?? l.documentTypeCode} ({t(`surat.out.direction.${l.direction}`)})</dd>
            <dt>{t('surat.col.unit')}</dt><dd>{l.unit}</dd>
            <dt>{t('surat.letter.classification')}</dt><dd>{l.classificationCode}</dd>
            <dt>{t('surat.col.security')}</dt><dd><SecurityBadge security={l.security} /></dd>
            <dt>{t('surat.new.urgency')}</dt><dd>{t(`surat.urgency.${l.urgency}` as 'surat.urgency.biasa')}</dd>
            <dt>{t(l.origin === 'pamong' ? 'surat.out.drafter' : 'surat.out.issuedBy')}</dt><dd>{l.createdBy}</dd>
            <dt>{t('surat.out.signer')}</dt><dd>{l.signerName}, {l.signerPosition}</dd>
            {l.signMethod && <><dt>{t('surat.out.signMethod')}</dt><dd>{t(`surat.out.signMethod.${l.signMethod}`)}{l.signedAt && <>, <When at={l.signedAt} zone={region} /></>}</dd></>}
          </dl>
          {l.number && <p><a className="button secondary" href={`${path}/pdf`} download>{t('surat.out.pdf')}</a></p>}

          {may.edit && (
            <p className="surat-actions">
              <Link className="button secondary" to={editDraftPath(region.code, l.id)}>{t('surat.out.edit')}</Link>{' '}
              <button type="button" className="button" disabled={busy} onClick={() => void act('submit', {}, () => t('surat.out.submitted'))}>{t('surat.out.submit')}</button>
            </p>
          )}
          {may.review && <Review busy={busy} onAct={(action, note) => act('review', note ? { action, note } : { action }, () => t('surat.out.reviewed'))} />}
          {may.sign && (
            <section aria-labelledby="ol-sign" className="card">
              <h2 id="ol-sign">{t('surat.out.signTitle')}</h2>
              <p className="small muted">{t('surat.out.signHint')}</p>
              <p className="surat-actions">
                <button type="button" className="button" disabled={busy} onClick={() => void act('sign', { method: 'electronic' }, (a) => t('surat.out.signed', { number: a.number ?? '' }))}>{t('surat.out.signElectronic')}</button>{' '}
                <button type="button" className="button secondary" disabled={busy} onClick={() => void act('sign', { method: 'paper' }, (a) => t('surat.out.signed', { number: a.number ?? '' }))}>{t('surat.out.signPaper')}</button>
              </p>
            </section>
          )}
          {may.send && (
            <section aria-labelledby="ol-send" className="card">
              <h2 id="ol-send">{t('surat.out.sendTitle')}</h2>
              <p className="small muted">{t('surat.out.sendHint')}</p>
              <button type="button" className="button" disabled={busy} onClick={() => void act('send', {}, () => t('surat.out.sent'))}>{t('surat.out.send')}</button>
            </section>
          )}
          {l.signMethod === 'paper' && <Scans region={region} letterId={l.id} path={path} canUpload={may.scan} />}
          {l.number && <FileLetter region={region.code} letter={{ id: l.id, unitId: l.unitId, classificationCode: l.classificationCode, file: l.file }} onDone={letter.reload} />}

          <section aria-labelledby="ol-preview">
            <h2 id="ol-preview">{t('surat.out.preview')}</h2>
            <article className="surat-paper">
              {l.body.addressee && <p>Yth. {l.body.addressee}</p>}
              {l.body.attachments && <p className="small">{t('surat.out.attachmentsLine')}: {l.body.attachments}</p>}
              {[l.body.opening, l.body.content, l.body.closing].filter(Boolean).map((p, i) => <p key={i}>{p}</p>)}
              <p className="surat-signature">{l.signerPosition}<br /><br />{l.signerName}</p>
            </article>
          </section>

          <section aria-labelledby="ol-recipients">
            <h2 id="ol-recipients">{t('surat.out.recipients')}</h2>
            <ul>{l.recipients.map((r, i) => (
              <li key={i}>
                <strong>{t(`surat.out.role.${r.role}` as 'surat.out.role.to')}:</strong> {r.name}{r.email && <> &lt;{r.email}&gt;</>}{r.kind === 'region' && <> ({r.regionCode})</>}{' '}
                {r.deliveredAt ? <span className="badge badge-green">{t('surat.out.delivered')} <When at={r.deliveredAt} zone={region} /></span> : <span className="badge badge-neutral">{t('surat.out.notDelivered')}</span>}
              </li>
            ))}</ul>
          </section>

          <section aria-labelledby="ol-reviews">
            <h2 id="ol-reviews">{t('surat.out.reviews')}</h2>
            {rounds.length === 0 ? <p className="muted">{t('surat.out.noReviews')}</p> : rounds.map((round) => (
              <div key={round}>
                <h3>{t('surat.out.round', { n: round })}</h3>
                <ol className="surat-reviews">{l.reviews.filter((r) => r.round === round).map((r) => (
                  <li key={r.step}>
                    {r.verifier} — <span className={`badge ${r.status === 'returned' ? 'badge-red' : r.status === 'approved' ? 'badge-green' : 'badge-neutral'}`}>{t(`surat.out.review.${r.status}`)}</span>
                    {r.actedAt && <> <span className="small muted"><When at={r.actedAt} zone={region} /></span></>}
                    {r.note && <p className="small">{r.note}</p>}
                  </li>
                ))}</ol>
              </div>
            ))}
          </section>
        </>
      )}
    </div>
  );
}

function Review({ busy, onAct }: { busy: boolean; onAct: (action: 'approve' | 'return', note: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const submit = (action: 'approve' | 'return') => (e?: FormEvent) => {
    e?.preventDefault();
    void onAct(action, note.trim()).then((ok) => ok && setNote(''));
  };
  return (
    <section aria-labelledby="ol-review" className="card">
      <h2 id="ol-review">{t('surat.out.reviewTitle')}</h2>
      <form onSubmit={submit('return')}>
        <div className="field"><label htmlFor="ol-note">{t('surat.out.note')}</label>
          <textarea id="ol-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} /></div>
        <p className="surat-actions">
          <button type="button" className="button" disabled={busy} onClick={submit('approve')}>{t('surat.out.approve')}</button>{' '}
          <button type="submit" className="button secondary" disabled={busy || !note.trim()}>{t('surat.out.return')}</button>
        </p>
      </form>
    </section>
  );
}

/** A paper signature's scans (on the letter's files), and the upload for its signer or the unit's clerk. */
function Scans({ region, letterId, path, canUpload }: { region: RegionProfile; letterId: string; path: string; canUpload: boolean }) {
  const { t } = useI18n();
  const files = useStaffApi<Letter>(`${suratApi(region.code)}/letters/${letterId}`);
  const [file, setFile] = useState<File | null>(null);
  const { result: done, error, busy, run } = useSend<{ id: string }>();
  const upload = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    if (!file) return;
    void run(async () => {
      const body = new FormData();
      body.append('file', file);
      const scan = await api<{ id: string }>(`${path}/scan`, { method: 'POST', body });
      form.reset();
      files.reload();
      return scan;
    });
  };
  const attachments = files.data?.attachments ?? [];
  return (
    <section aria-labelledby="ol-scans" className="card">
      <h2 id="ol-scans">{t('surat.out.scans')}</h2>
      {attachments.length === 0 ? <p className="muted">{t('surat.letter.noFiles')}</p> : (
        <ul>{attachments.map((a) => <li key={a.id}><a href={`${suratApi(region.code)}/letters/${letterId}/attachments/${a.id}`} download={a.fileName}>{a.fileName}</a> <span className="small muted">({Math.ceil(a.size / 1024)} KB)</span></li>)}</ul>
      )}
      {canUpload && (
        <form onSubmit={upload}>
          {done && <Flash>{t('surat.out.scanDone')}</Flash>}
          <div className="field"><label htmlFor="ol-scan">{t('surat.out.scanFile')}</label>
            <input id="ol-scan" type="file" accept="application/pdf" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} /></div>
          <ErrorMessage error={error} />
          <button type="submit" className="button" disabled={busy}>{t('surat.out.scanUpload')}</button>
        </form>
      )}
    </section>
  );
}
