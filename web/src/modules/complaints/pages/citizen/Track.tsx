// The citizen's tracking pages: enter a code, then follow the complaint,
// rate the answer and, rated or not, reopen it while the window is open.
import { useState, type FormEvent } from 'react';
import { Answers, ComplaintFacts, Deadlines, Photos, Timeline } from '../../components/complaint.js';
import { RegionGate } from '../../../../components/RegionGate.js';
import { ErrorMessage, Flash, Loading, PageTitle, StatusBadge } from '../../../../components/ui.js';
import { TextField, overLimit } from '../../../../components/TextField.js';
import { textLimits } from '../../../../../../src/modules/complaints/domain/limits.js';
import { api, regionApi } from '../../../../api.js';
import { formatDateTime } from '../../../../format.js';
import { useApi } from '../../../../data.js';
import { useI18n, type MessageKey } from '../../../../i18n/index.js';
import { Link, navigate, useLocation, type Params } from '../../../../router.js';
import { reporterKeyFor } from '../../reporterKeys.js';
import type { RegionProfile, TrackedComplaint } from '../../../../types.js';

export function TrackLookupPage({ params }: { params: Params }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = code.trim().toUpperCase().replace(/\s+/g, '');
    if (clean) navigate(`/r/${params.region}/lacak/${encodeURIComponent(clean)}`);
  };
  return (
    <>
      <PageTitle title={t('track.lookupTitle')}>{t('track.lookupTitle')}</PageTitle>
      <form className="card" onSubmit={submit}>
        <div className="field">
          <label htmlFor="code">{t('track.code')}</label>
          <input id="code" className="code-input" value={code} onChange={(e) => setCode(e.target.value)} placeholder="ADU-XXXX-XXXX" autoCapitalize="characters" autoComplete="off" spellCheck={false} required />
          <small className="hint">{t('track.codeHint')}</small>
        </div>
        <button type="submit" className="button">{t('track.lookup')}</button>
      </form>
    </>
  );
}

export function TrackPage({ params }: { params: Params }) {
  return <RegionGate code={params.region}>{(region) => <Tracking region={region} code={params.code} />}</RegionGate>;
}

function Tracking({ region, code }: { region: RegionProfile; code: string }) {
  const { t, locale } = useI18n();
  const { query } = useLocation();
  const key = reporterKeyFor(code, query.get('kunci'));
  const url = `${regionApi(region.code)}/complaints/track/${encodeURIComponent(code)}`;
  const { data: c, error, reload } = useApi<TrackedComplaint>(key ? `${url}?kunci=${encodeURIComponent(key)}` : url);
  const [flash, setFlash] = useState<MessageKey | null>(null);
  // The closing answer is what the citizen rates: show it before the rating form.
  const answer = c && ['resolved', 'closed'].includes(c.status) ? [...c.timeline].reverse().find((e) => e.kind === 'resolved' && e.message) : undefined;
  const done = (message: MessageKey) => {
    setFlash(message);
    reload();
  };
  return (
    <>
      <PageTitle title={t('track.title')}>{t('track.title')}</PageTitle>
      <p className="code big-code">{code}</p>
      <ErrorMessage error={error} />
      {!c && !error && <Loading />}
      {c && (
        <>
          {flash && <Flash>{t(flash)}</Flash>}
          <div className="status-line">
            <StatusBadge status={c.status} />
            {c.overdue && <span className="badge badge-red">{t('time.overdue')}</span>}
          </div>
          <ComplaintFacts c={c} zone={region} />
          <h2>{t('complaint.description')}</h2>
          <p className="message">{c.description}</p>
          <Answers c={c} region={region} />
          {answer && (
            <section className="card answer" aria-labelledby="answer-title">
              <h2 id="answer-title">{t('track.answer')}</h2>
              <p className="message">{answer.message}</p>
            </section>
          )}
          {c.rating !== null && <p><strong>{t('rate.given', { n: c.rating })}</strong></p>}
          {c.canRate && key && <RateForm url={url} reporterKey={key} onDone={() => done('rate.thanks')} />}
          {c.canReopen && key && c.reopenUntil && (
            <>
              <p className="reopen-until">{t('reopen.until', { date: formatDateTime(c.reopenUntil, region, locale) })}</p>
              <ReopenForm url={url} reporterKey={key} onDone={() => done('reopen.done')} />
            </>
          )}
          <Deadlines deadlines={c.deadlines} zone={region} />
          <Photos photos={c.photos} />
          <Timeline events={c.timeline} zone={region} />
          <p><Link to={`/r/${region.code}`}>{t('track.back', { region: region.name })}</Link></p>
        </>
      )}
    </>
  );
}

function RateForm({ url, reporterKey, onDone }: { url: string; reporterKey: string; onDone: () => void }) {
  const { t } = useI18n();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!rating) return;
    setSending(true);
    try {
      await api(`${url}/rate`, { method: 'POST', body: { key: reporterKey, rating, ...(comment.trim() ? { comment: comment.trim() } : {}) } });
      onDone();
    } catch (err) {
      setError(err);
      setSending(false);
    }
  };
  const meaning: MessageKey[] = ['rate.1', 'rate.2', 'rate.3', 'rate.4', 'rate.5'];
  return (
    <form className="card" onSubmit={submit}>
      <h2>{t('rate.title')}</h2>
      <fieldset className="stars">
        <legend>{t('rate.question')}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={n <= rating ? 'on' : undefined}>
            <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} aria-label={t('rate.value', { n })} />
            <span aria-hidden="true">★</span>
          </label>
        ))}
      </fieldset>
      <p className="muted" aria-live="polite">{rating ? t(meaning[rating - 1]) : t('rate.pick')}</p>
      <TextField id="rate-comment" label={t('rate.comment')} optional multiline max={textLimits.ratingComment} value={comment} onChange={setComment} />
      <ErrorMessage error={error} />
      <button type="submit" className="button" disabled={!rating || sending || overLimit(comment, textLimits.ratingComment)}>{t('rate.submit')}</button>
    </form>
  );
}

function ReopenForm({ url, reporterKey, onDone }: { url: string; reporterKey: string; onDone: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSending(true);
    try {
      await api(`${url}/reopen`, { method: 'POST', body: { key: reporterKey, reason: reason.trim() } });
      onDone();
    } catch (err) {
      setError(err);
      setSending(false);
    }
  };
  return (
    <details className="card">
      <summary>{t('reopen.title')}</summary>
      <form onSubmit={submit}>
        <TextField id="reopen-reason" label={t('reopen.reason')} multiline max={textLimits.reopenReason} value={reason} onChange={setReason} />
        <ErrorMessage error={error} />
        <button type="submit" className="button secondary" disabled={!reason.trim() || sending || overLimit(reason, textLimits.reopenReason)}>{t('reopen.submit')}</button>
      </form>
    </details>
  );
}
