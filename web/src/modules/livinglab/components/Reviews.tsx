// A published solution's adopters' word on its public page: the averages of
// the five marks and the reviews by region with the owner's answers, and the
// figures adopters measured before and after adopting (with the caveat that
// they are not cause and effect). Signed-in staff see what they may do here:
// an adopting region's official rates, the owner's officer answers a review,
// a curator of the owner's province (or the platform) hides one.
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import { ErrorMessage, Flash } from '../../../components/ui.js';
import { useApi } from '../../../data.js';
import { formatDate, formatNumber } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { may, useSession } from '../../../session.js';
import { LL_API, livinglabApi } from './paths.js';
import type { Adoption, Impact, Ratings, Solution } from './types.js';

export const ASPECTS = ['fitness', 'ease', 'stability', 'support', 'documentation'] as const;
const WIB = { timezone: 'Asia/Jakarta', timezoneLabel: 'WIB' };

/** Whether a curator acting for a region reaches a solution of the owner region (the API's rule, for showing the controls). */
export const curates = (curator: string, owner: string) => owner === curator || owner.startsWith(`${curator}.`);

export function RatingsSection({ solution }: { solution: Solution }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const ratings = useApi<Ratings>(`${LL_API}/solutions/${encodeURIComponent(solution.id)}/ratings`);
  const owner = solution.region.code;
  const answers = may(me, owner, 'livinglab.publish') && me?.grants.some((g) => g.regionCode === owner);
  const curator = me?.regions.find((r) => r.actions.includes('livinglab.curate') && (me.user?.platformAdmin || curates(r.code, owner)));
  const r = ratings.data;
  return (
    <section aria-labelledby="ll-ratings">
      <h2 id="ll-ratings">{t('livinglab.ratings.title')}</h2>
      <ErrorMessage error={ratings.error} />
      {r && (r.count === 0 ? <p className="muted">{t('livinglab.ratings.none')}</p> : <>
        <div className="table-scroll"><table className="livinglab-table livinglab-averages">
          <caption>{t('livinglab.ratings.averages', { n: r.count })}</caption>
          <thead><tr><th scope="col">{t('livinglab.ratings.aspect')}</th><th scope="col">{t('livinglab.ratings.average')}</th></tr></thead>
          <tbody>{ASPECTS.map((a) => (
            <tr key={a}><th scope="row">{t(`livinglab.aspect.${a}`)}</th><td>{r.averages[a] == null ? '—' : formatNumber(Number(r.averages[a]), locale)}</td></tr>
          ))}</tbody>
        </table></div>
        <ul className="livinglab-list livinglab-reviews">{r.reviews.map((v) => (
          <li key={v.id}>
            <div><strong>{v.regionName}</strong> <span className="small muted">{formatDate(v.ratedAt, WIB, locale)}</span></div>
            <div className="small muted">{ASPECTS.map((a) => `${t(`livinglab.aspect.${a}`)} ${v[a]}`).join(' · ')}</div>
            {v.review && <p className="livinglab-text">{v.review}</p>}
            {v.answer && <div className="livinglab-answer"><strong>{t('livinglab.ratings.answer', { region: solution.region.name })}</strong>
              {v.answeredAt && <> <span className="small muted">{formatDate(v.answeredAt, WIB, locale)}</span></>}
              <p className="livinglab-text">{v.answer}</p></div>}
            {answers && <ReviewAction path={`${livinglabApi(owner)}/solutions/${solution.id}/ratings/${v.id}/answer`} id={`ll-answer-${v.id}`} initial={v.answer ?? ''} max={4000}
              summary={t('livinglab.answer.open')} label={t('livinglab.answer.label')} submit={t('livinglab.answer.submit')} send={(answer) => ({ answer })} onDone={ratings.reload} />}
            {curator && <ReviewAction path={`${livinglabApi(curator.code)}/curation/${solution.id}/ratings/${v.id}`} id={`ll-moderate-${v.id}`} max={1000}
              summary={t('livinglab.moderate.open')} label={t('livinglab.moderate.note')} submit={t('livinglab.moderate.hide')} send={(note) => ({ hidden: true, note })} onDone={ratings.reload} />}
          </li>
        ))}</ul>
      </>)}
      <RateForm solution={solution} onDone={ratings.reload} />
    </section>
  );
}

/** The form for an official of a region that adopted the solution (their region's adoptions say so). */
function RateForm({ solution, onDone }: { solution: Solution; onDone: () => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const rater = me?.regions.find((r) => r.code !== solution.region.code && r.actions.includes('livinglab.rate') && me.grants.some((g) => g.regionCode === r.code));
  const adoptions = useApi<Adoption[]>(rater ? `${livinglabApi(rater.code)}/adoptions` : null);
  const [marks, setMarks] = useState<Record<(typeof ASPECTS)[number], string>>({ fitness: '', ease: '', stability: '', support: '', documentation: '' });
  const [review, setReview] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  if (!rater || !adoptions.data?.some((a) => a.solutionId === solution.id)) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setDone(false);
    try {
      await api(`${livinglabApi(rater.code)}/ratings/${solution.id}`, { method: 'PUT', body: { ...Object.fromEntries(ASPECTS.map((a) => [a, Number(marks[a])])), review } });
      setDone(true);
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} className="card" aria-labelledby="ll-rate">
      <h3 id="ll-rate">{t('livinglab.rate.title')}</h3>
      <p className="small">{t('livinglab.rate.intro', { region: rater.name })}</p>
      <div className="livinglab-marks">{ASPECTS.map((a) => (
        <div className="field" key={a}><label htmlFor={`ll-rate-${a}`}>{t(`livinglab.aspect.${a}`)}</label>
          <select id={`ll-rate-${a}`} required value={marks[a]} onChange={(e) => setMarks({ ...marks, [a]: e.target.value })}>
            <option value="">{t('livinglab.rate.choose')}</option>
            {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n}</option>)}
          </select></div>
      ))}</div>
      <div className="field"><label htmlFor="ll-rate-review">{t('livinglab.rate.review')}</label>
        <textarea id="ll-rate-review" rows={3} maxLength={4000} value={review} onChange={(e) => setReview(e.target.value)} /></div>
      <ErrorMessage error={error} />
      {done && <Flash>{t('livinglab.rate.done')}</Flash>}
      <button type="submit" className="button">{t('livinglab.rate.submit')}</button>
    </form>
  );
}

/** One line of text sent to a review's address, behind a disclosure: the owner's answer, a curator's reason to hide it. */
function ReviewAction({ path, id, summary, label, submit: submitLabel, initial = '', max, send, onDone }: {
  path: string; id: string; summary: string; label: string; submit: string; initial?: string; max: number; send: (text: string) => object; onDone: () => void;
}) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<unknown>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api(path, { method: 'PUT', body: send(text) });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="small">
      <summary>{summary}</summary>
      <form onSubmit={submit}>
        <div className="field"><label htmlFor={id}>{label}</label>
          <textarea id={id} rows={2} maxLength={max} value={text} onChange={(e) => setText(e.target.value)} /></div>
        <ErrorMessage error={error} />
        <button type="submit" className="button secondary small">{submitLabel}</button>
      </form>
    </details>
  );
}

export function ImpactSection({ solution }: { solution: Solution }) {
  const { t, locale } = useI18n();
  const impact = useApi<Impact>(`${LL_API}/solutions/${encodeURIComponent(solution.id)}/impact`);
  const d = impact.data;
  return (
    <section aria-labelledby="ll-impact">
      <h2 id="ll-impact">{t('livinglab.impact.title')}</h2>
      <ErrorMessage error={impact.error} />
      {d && <>
        <p className="alert alert-warn livinglab-caveat" role="note">{d.caveat[locale]}</p>
        {d.adopters.length === 0 ? <p className="muted">{t('livinglab.impact.none')}</p> : d.adopters.map((a) => (
          <div className="table-scroll" key={a.regionCode}><table className="livinglab-table livinglab-impact">
            <caption>{t('livinglab.impact.caption', { region: a.regionName, date: formatDate(a.adoptedAt, WIB, locale), version: a.version })}</caption>
            <thead><tr><th scope="col">{t('livinglab.impact.measure')}</th><th scope="col">{t('livinglab.impact.before')}</th><th scope="col">{t('livinglab.impact.after')}</th></tr></thead>
            <tbody>{a.figures.length === 0 ? <tr><td colSpan={3} className="muted">{t('livinglab.impact.noFigures')}</td></tr> : a.figures.map((f) => (
              <tr key={f.ref}>
                <th scope="row">{f.title[locale]}<div className="small muted">{f.method[locale]}</div></th>
                <td>{f.before.period}<br /><strong>{f.before.value ?? '—'}</strong> {f.before.value != null && <span className="small">{f.measure}</span>}</td>
                <td>{f.after ? <>{f.after.period}<br /><strong>{f.after.value ?? '—'}</strong> {f.after.value != null && <span className="small">{f.measure}</span>}</> : <span className="muted">{t('livinglab.impact.noFull')}</span>}</td>
              </tr>
            ))}</tbody>
          </table></div>
        ))}
      </>}
    </section>
  );
}
