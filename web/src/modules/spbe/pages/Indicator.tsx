// One indicator of an evaluation, for everyone in the cycle: the unit fills
// it (level against the criteria, explanation, links, evidence files), the
// coordinator accepts or returns it, the internal assessor validates it, the
// external assessor sets the final level with a reason, and the coordinator
// shares the practice. Self-assessed and final levels stay side by side.
import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../../api.js';
import { ErrorMessage, Flash, Loading, PageTitle, When } from '../../../components/ui.js';
import {
  allowed, AnswerStatusBadge, EvidenceList, evaluationPath, formatBytes, formatDecimal, indicatorPath, LevelPair, myUnits, SpbePage, evaluationUrl, StageBadge, toggled,
} from '../components/common.js';
import { HistoryList } from '../components/History.js';
import { PracticeCard, PracticeEditor, usePractices } from '../components/Practice.js';
import { LevelChoice, LevelCriteriaList } from '../components/LevelChoice.js';
import type { Evaluation, EvaluationAnswer, HistoryEntry } from '../components/types.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';

/** The API's limit, checked here too so a phone does not upload 30 MB only to hear "too large". */
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.xlsx,.docx,application/pdf,image/jpeg,image/png';

export function IndicatorPage({ params }: { params: Params }) {
  return <SpbePage region={params.region}>{(region) => <IndicatorView region={region} id={params.evaluationId} code={params.indicator} />}</SpbePage>;
}

function IndicatorView({ region, id, code }: { region: RegionProfile; id: string; code: string }) {
  const { t, pick, locale } = useI18n();
  const { me } = useSession();
  const url = evaluationUrl(region.code, id);
  const detail = useStaffApi<Evaluation>(url);
  const history = useStaffApi<HistoryEntry[]>(`${url}/history`);
  const practice = usePractices(region.code, detail.data?.framework.code, code);
  const [flash, setFlash] = useState<string | null>(null);
  const ev = detail.data;
  if (detail.error) return <ErrorMessage error={detail.error} />;
  if (!ev) return <Loading />;
  const index = ev.answers.findIndex((a) => a.indicator.code === code);
  const a = ev.answers[index];
  if (!a) return <p className="alert alert-error" role="alert">{t('spbe.indicator.notFound')}</p>;
  const done = (message: string) => {
    setFlash(message);
    detail.reload();
    history.reload();
  };
  const formProps = { ev, answer: a, url: `${url}/answers/${encodeURIComponent(code)}`, onDone: done };
  const can = (p: 'spbe.fill' | 'spbe.manage' | 'spbe.validate' | 'spbe.assess') => may(me, region.code, p);
  const canFill = can('spbe.fill') && (myUnits(me, region.code).has(a.unitId ?? '') || !!me?.user?.platformAdmin) && allowed('fill', ev.stage, a.status);
  const canAssess = can('spbe.assess') && allowed('assess', ev.stage, a.status);
  const aspect = ev.aspects.find((x) => x.code === a.indicator.aspect);
  const domain = ev.domains.find((x) => x.code === a.indicator.domain);
  const unit = ev.units.find((u) => u.id === a.unitId);
  const prev = ev.answers[index - 1];
  const next = ev.answers[index + 1];
  return (
    <>
      <p><Link to={evaluationPath(region.code, ev.id)}>{t('spbe.back.evaluation', { year: ev.year })}</Link></p>
      <PageTitle title={`${a.indicator.number}. ${pick(a.indicator.name)}`}>
        <span className="muted">{t('spbe.indicator.number', { n: a.indicator.number })}</span> {pick(a.indicator.name)}
      </PageTitle>
      <div className="status-line">
        <AnswerStatusBadge status={a.status} />
        <StageBadge stage={ev.stage} />
      </div>
      <dl className="facts">
        {domain && <div><dt>{t('spbe.table.domain')}</dt><dd>{pick(domain.name)}</dd></div>}
        <div><dt>{t('spbe.table.aspect')}</dt><dd>{aspect ? pick(aspect.name) : a.indicator.aspect}</dd></div>
        <div><dt>{t('spbe.table.weight')}</dt><dd>{formatDecimal(a.indicator.weight, locale, 0)}%</dd></div>
        <div><dt>{t('spbe.table.unit')}</dt><dd>{unit?.name ?? t('spbe.assign.none')}</dd></div>
      </dl>
      {flash && <Flash>{flash}</Flash>}
      {a.status === 'returned' && a.reviewNote && (
        <div className="alert alert-warn" role="note">
          <h3>{t('spbe.review.returnedTitle')}</h3>
          <p className="message">{a.reviewNote}</p>
        </div>
      )}
      <LevelPair answer={a} withReason />
      <div className="detail-grid">
        <div>
          {canFill ? <FillForm key={a.status} {...formProps} /> : <SelfAssessment a={a} region={region} />}
          <Assessment a={a} />
          {!canFill && !canAssess && <LevelCriteriaList levels={a.indicator.levels} generic={generic(ev)} />}
        </div>
        <div>
          {can('spbe.manage')
            ? (practice.error ? <ErrorMessage error={practice.error} /> : practice.data ? <PracticeEditor region={region.code} framework={ev.framework.code} indicator={code} practice={practice.data[0]} /> : <Loading />)
            : practice.data?.map((p) => <PracticeCard key={p.indicator} practice={p} />)}
          {can('spbe.manage') && allowed('review', ev.stage, a.status) && (
            <DecisionForm {...formProps} path="/review" title={t('spbe.review.title')} choices={[
              { decision: 'accept', label: t('spbe.review.accept') },
              { decision: 'return', label: t('spbe.review.return'), needsNote: true },
            ]} />
          )}
          {can('spbe.validate') && allowed('validate', ev.stage, a.status) && (
            <DecisionForm {...formProps} path="/validation" title={t('spbe.validate.title')} choices={[
              { decision: 'validate', label: t('spbe.validate.validate') },
              { decision: 'return', label: t('spbe.review.return'), needsNote: true },
            ]} />
          )}
          {canAssess && <AssessForm key={a.assessedAt ?? 'new'} {...formProps} />}
          {can('spbe.manage') && allowed('share_practice', ev.stage, a.status) && <PracticeForm {...formProps} />}
          <section aria-labelledby="ind-history">
            <h2 id="ind-history">{t('spbe.history.title')}</h2>
            {history.data ? <HistoryList entries={history.data.filter((h) => h.indicator === code)} ev={ev} region={region} showIndicator={false} /> : <Loading />}
          </section>
        </div>
      </div>
      <nav className="pager no-print" aria-label={t('spbe.indicator.pager')}>
        {prev ? <Link to={indicatorPath(region.code, ev.id, prev.indicator.code)}>← {t('spbe.indicator.number', { n: prev.indicator.number })}</Link> : <span />}
        {next ? <Link to={indicatorPath(region.code, ev.id, next.indicator.code)}>{t('spbe.indicator.number', { n: next.indicator.number })} →</Link> : <span />}
      </nav>
    </>
  );
}

function SelfAssessment({ a, region }: { a: EvaluationAnswer; region: RegionProfile }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="self-title">
      <h2 id="self-title">{t('spbe.fill.readTitle')}</h2>
      {a.submittedAt && <p className="small muted">{t('spbe.fill.submittedAt')} <When at={a.submittedAt} zone={region} /></p>}
      <h3>{t('spbe.fill.explanation')}</h3>
      <p className="message">{a.explanation || <span className="muted">–</span>}</p>
      <h3>{t('spbe.evidence.title')}</h3>
      <EvidenceList files={a.evidence} links={a.links} />
      {a.status !== 'returned' && a.reviewNote && <p className="small"><strong>{t('spbe.review.note')}:</strong> {a.reviewNote}</p>}
    </section>
  );
}

/** The external assessor's notes, for everyone who reads the evaluation. */
function Assessment({ a }: { a: EvaluationAnswer }) {
  const { t } = useI18n();
  if (!a.interviewNote && !a.visitNote && !a.finalReason) return null;
  return (
    <section aria-labelledby="assessment-title">
      <h2 id="assessment-title">{t('spbe.assess.readTitle')}</h2>
      <dl className="facts">
        {a.finalReason && <div><dt>{t('spbe.assess.reason')}</dt><dd className="message">{a.finalReason}</dd></div>}
        {a.interviewNote && <div><dt>{t('spbe.assess.interview')}</dt><dd className="message">{a.interviewNote}</dd></div>}
        {a.visitNote && <div><dt>{t('spbe.assess.visit')}</dt><dd className="message">{a.visitNote}</dd></div>}
      </dl>
    </section>
  );
}

interface FormProps { ev: Evaluation; answer: EvaluationAnswer; url: string; onDone: (message: string) => void }

/** Sends one request, showing the API's error in place; the form stays as typed when it fails. */
function useSend(onDone: (message: string) => void) {
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const send = async (work: () => Promise<string>) => {
    setSending(true);
    setError(null);
    try {
      onDone(await work());
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };
  return { error, setError, sending, send };
}

function Card({ id, title, onSubmit, children }: { id: string; title: string; onSubmit: (e: FormEvent<HTMLFormElement>) => void; children: ReactNode }) {
  return (
    <form className="card action-form" onSubmit={onSubmit} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </form>
  );
}

const generic = (ev: Evaluation) => Object.fromEntries(ev.levels.map((l) => [l.level, l.description]));

/** The unit's self-assessment: level against the criteria, explanation, links and evidence files; save or submit. */
function FillForm({ ev, answer, url, onDone }: FormProps) {
  const { t, locale } = useI18n();
  const [level, setLevel] = useState<number | null>(answer.selfLevel);
  const [explanation, setExplanation] = useState(answer.explanation);
  const [links, setLinks] = useState(answer.links.map((l) => ({ ...l })));
  const [files, setFiles] = useState<File[]>([]);
  const { error, setError, sending, send } = useSend(onDone);
  const [localError, setLocalError] = useState<string | null>(null);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const toCoordinator = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'submit';
    const big = files.find((f) => f.size > MAX_BYTES);
    setLocalError(big ? t('spbe.fill.tooLarge', { name: big.name }) : toCoordinator && level === null ? t('spbe.fill.chooseLevel') : null);
    if (big || (toCoordinator && level === null)) return;
    void send(async () => {
      const form = new FormData();
      form.set('answer', JSON.stringify({ level, explanation: explanation.trim(), links: links.filter((l) => l.url.trim()).map((l) => ({ url: l.url.trim(), label: l.label.trim() })) }));
      for (const f of files) form.append('evidence', f, f.name);
      await api(url, { method: 'PUT', body: form });
      setFiles([]);
      if (toCoordinator) await api(`${url}/submit`, { method: 'POST' });
      return toCoordinator ? t('spbe.fill.submitted') : t('spbe.fill.saved');
    });
  };
  const removeEvidence = (file: { url: string }) => send(async () => {
    await api(file.url, { method: 'DELETE' });
    return t('spbe.fill.evidenceRemoved');
  });
  return (
    <Card id="fill-title" title={t('spbe.fill.title')} onSubmit={submit}>
      <LevelChoice legend={t('spbe.fill.level')} levels={answer.indicator.levels} generic={generic(ev)} value={level} onChange={setLevel} />
      <div className="field">
        <label htmlFor="fill-explanation">{t('spbe.fill.explanation')}</label>
        <textarea id="fill-explanation" rows={5} maxLength={8000} value={explanation} onChange={(e) => setExplanation(e.target.value)} aria-describedby="fill-explanation-hint" />
        <small id="fill-explanation-hint" className="hint">{t('spbe.fill.explanationHint')}</small>
      </div>
      <fieldset>
        <legend>{t('spbe.fill.links')}</legend>
        {links.map((l, i) => (
          <div key={i} className="link-row">
            <input type="url" aria-label={t('spbe.fill.linkUrl', { n: i + 1 })} placeholder="https://" value={l.url} required
              onChange={(e) => setLinks(links.map((x, j) => (j === i ? { ...x, url: e.target.value } : x)))} />
            <input type="text" aria-label={t('spbe.fill.linkLabel', { n: i + 1 })} placeholder={t('spbe.fill.linkLabelPlaceholder')} value={l.label} maxLength={200}
              onChange={(e) => setLinks(links.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))} />
            <button type="button" className="link-button" onClick={() => setLinks(links.filter((_, j) => j !== i))}>{t('common.remove')}</button>
          </div>
        ))}
        {links.length < 20 && <button type="button" className="button secondary" onClick={() => setLinks([...links, { url: '', label: '' }])}>{t('spbe.fill.addLink')}</button>}
      </fieldset>
      <fieldset>
        <legend>{t('spbe.evidence.title')}</legend>
        {answer.evidence.length > 0 && (
          <ul className="evidence-list">
            {answer.evidence.map((f) => (
              <li key={f.id}>
                <a href={f.url} download>{f.fileName}</a> <span className="muted small">({formatBytes(f.bytes, locale)})</span>{' '}
                <button type="button" className="link-button" onClick={() => void removeEvidence(f)} aria-label={t('spbe.fill.removeFile', { name: f.fileName })}>{t('common.remove')}</button>
              </li>
            ))}
          </ul>
        )}
        {files.length > 0 && (
          <ul className="evidence-list pending">
            {files.map((f, i) => (
              <li key={`${f.name}-${i}`}>
                {f.name} <span className="muted small">({formatBytes(f.size, locale)}, {t('spbe.fill.notUploaded')})</span>{' '}
                <button type="button" className="link-button" onClick={() => setFiles(files.filter((_, j) => j !== i))} aria-label={t('spbe.fill.removeFile', { name: f.name })}>{t('common.remove')}</button>
              </li>
            ))}
          </ul>
        )}
        <label htmlFor="fill-files" className="file-button">{t('spbe.fill.addFiles')}</label>
        <input id="fill-files" type="file" multiple accept={ACCEPT} className="visually-hidden" aria-describedby="fill-files-hint"
          onChange={(e) => {
            setFiles([...files, ...Array.from(e.target.files ?? [])].slice(0, 5));
            setError(null);
            e.target.value = '';
          }} />
        <small id="fill-files-hint" className="hint">{t('spbe.fill.filesHint')}</small>
      </fieldset>
      {localError && <p className="alert alert-error" role="alert">{localError}</p>}
      <ErrorMessage error={error} />
      <div className="button-row">
        <button type="submit" value="save" className="button secondary" disabled={sending}>{t('spbe.fill.save')}</button>
        <button type="submit" value="submit" className="button" disabled={sending}>{t('spbe.fill.submit')}</button>
      </div>
    </Card>
  );
}

/** Accept (or validate) an answer, or return it to the unit with a note saying what to fix. */
function DecisionForm({ url, onDone, path, title, choices }: FormProps & {
  path: string; title: string; choices: { decision: string; label: string; needsNote?: boolean }[];
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [missingNote, setMissingNote] = useState(false);
  const { error, sending, send } = useSend(onDone);
  const id = `decision${path.replace('/', '-')}`;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const choice = choices.find((c) => c.decision === (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value'))!;
    setMissingNote(!!choice.needsNote && !note.trim());
    if (choice.needsNote && !note.trim()) return;
    void send(async () => {
      const { status } = await api<{ status: string }>(`${url}${path}`, { method: 'POST', body: { decision: choice.decision, ...(note.trim() ? { note: note.trim() } : {}) } });
      setNote('');
      return t('spbe.review.done', { status: t(`spbe.status.${status as 'accepted'}`) });
    });
  };
  return (
    <Card id={id} title={title} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('spbe.review.note')}</label>
        <textarea id={`${id}-note`} rows={3} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={`${id}-hint`} />
        <small id={`${id}-hint`} className="hint">{t('spbe.review.noteHint')}</small>
      </div>
      {missingNote && <p className="alert alert-error" role="alert">{t('spbe.review.noteRequired')}</p>}
      <ErrorMessage error={error} />
      <div className="button-row">
        {choices.map((c) => (
          <button key={c.decision} type="submit" value={c.decision} className={`button${c.needsNote ? ' secondary' : ''}`} disabled={sending}>{c.label}</button>
        ))}
      </div>
    </Card>
  );
}

/** The external assessor: interview and visit notes, the final level against the criteria, and the reason. */
function AssessForm({ ev, answer, url, onDone }: FormProps) {
  const { t } = useI18n();
  const [level, setLevel] = useState<number | null>(answer.finalLevel);
  const [reason, setReason] = useState(answer.finalReason ?? '');
  const [interview, setInterview] = useState(answer.interviewNote ?? '');
  const [visit, setVisit] = useState(answer.visitNote ?? '');
  const [missing, setMissing] = useState(false);
  const { error, sending, send } = useSend(onDone);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setMissing(level === null);
    if (level === null) return;
    void send(async () => {
      await api(`${url}/assessment`, { method: 'PUT', body: { level, reason: reason.trim(), interviewNote: interview.trim() || null, visitNote: visit.trim() || null } });
      return t('spbe.assess.saved', { level });
    });
  };
  const marks = answer.selfLevel === null ? {} : { [answer.selfLevel]: t('spbe.assess.selfMark') };
  return (
    <Card id="assess-title" title={t('spbe.assess.title')} onSubmit={submit}>
      <div className="field">
        <label htmlFor="assess-interview">{t('spbe.assess.interview')}</label>
        <textarea id="assess-interview" rows={3} maxLength={4000} value={interview} onChange={(e) => setInterview(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="assess-visit">{t('spbe.assess.visit')}</label>
        <textarea id="assess-visit" rows={3} maxLength={4000} value={visit} onChange={(e) => setVisit(e.target.value)} />
      </div>
      <LevelChoice legend={t('spbe.assess.level')} levels={answer.indicator.levels} generic={generic(ev)} value={level} onChange={setLevel} marks={marks} />
      <div className="field">
        <label htmlFor="assess-reason">{t('spbe.assess.reason')}</label>
        <textarea id="assess-reason" rows={3} maxLength={4000} required value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      {missing && <p className="alert alert-error" role="alert">{t('spbe.fill.chooseLevel')}</p>}
      <ErrorMessage error={error} />
      <button type="submit" className="button" disabled={sending}>{t('spbe.assess.submit')}</button>
    </Card>
  );
}

/** What the region shares with others for this indicator: a practice note and chosen evidence files. */
function PracticeForm({ answer, url, onDone }: FormProps) {
  const { t } = useI18n();
  const [shared, setShared] = useState(answer.practiceShared);
  const [note, setNote] = useState(answer.practiceNote ?? '');
  const [chosen, setChosen] = useState(new Set(answer.evidence.filter((f) => f.shared).map((f) => f.id)));
  const { error, sending, send } = useSend(onDone);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void send(async () => {
      await api(`${url}/practice`, { method: 'PUT', body: { shared, note: note.trim() || null, evidenceIds: shared ? [...chosen] : [] } });
      return shared ? t('spbe.practice.sharedDone') : t('spbe.practice.notSharedDone');
    });
  };
  return (
    <Card id="practice-title" title={t('spbe.practice.title')} onSubmit={submit}>
      <p className="hint">{t('spbe.practice.hint')}</p>
      <label className="choice"><input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> {t('spbe.practice.share')}</label>
      <div className="field">
        <label htmlFor="practice-note">{t('spbe.practice.note')}</label>
        <textarea id="practice-note" rows={3} maxLength={4000} value={note} disabled={!shared} onChange={(e) => setNote(e.target.value)} />
      </div>
      {answer.evidence.length > 0 && (
        <fieldset disabled={!shared}>
          <legend>{t('spbe.practice.files')}</legend>
          {answer.evidence.map((f) => (
            <label key={f.id} className="choice">
              <input type="checkbox" checked={chosen.has(f.id)} onChange={(e) => setChosen(toggled(chosen, f.id, e.target.checked))} /> {f.fileName}
            </label>
          ))}
        </fieldset>
      )}
      <ErrorMessage error={error} />
      <button type="submit" className="button" disabled={sending}>{t('spbe.practice.submit')}</button>
    </Card>
  );
}
