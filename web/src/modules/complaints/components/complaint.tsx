// Parts of a complaint shown both to the citizen and to staff.
import { regionApi } from '../../../api.js';
import { useApi } from '../../../data.js';
import { useI18n, type Bilingual, type Locale, type MessageKey } from '../../../i18n/index.js';
import { formatDateTime, type Zone } from '../../../format.js';
import type { Category, Deadline, Photo, Question, RegionProfile, RejectionReason, TimelineEvent, TrackedComplaint } from '../../../types.js';
import { TimeLeft, When } from '../../../components/ui.js';

const eventKinds = new Set([
  'submitted', 'dispatched', 'rejected', 'merged', 'merged_in', 'acknowledged', 'responded', 'disposed',
  'transferred', 'transferred_in', 'resolved', 'note', 'escalated', 'rated', 'reopened',
]);
const stages = new Set(['verification', 'response', 'resolution']);

export function Deadlines({ deadlines, zone }: { deadlines: Deadline[]; zone: Zone }) {
  const { t } = useI18n();
  if (deadlines.length === 0) return null;
  const order = ['verification', 'response', 'resolution'];
  const sorted = [...deadlines].sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage));
  return (
    <section aria-labelledby="deadlines-title">
      <h2 id="deadlines-title">{t('deadline.title')}</h2>
      <ul className="plain deadlines">
        {sorted.map((d) => (
          <li key={d.stage}>
            <strong>{stages.has(d.stage) ? t(`stage.${d.stage}` as MessageKey) : d.stage}</strong>
            <span className="muted"> {t('deadline.due')} <When at={d.dueAt} zone={zone} deadline /></span>{' '}
            {d.metAt ? (
              d.metAt > d.dueAt ? <span className="badge badge-amber">{t('deadline.metLate')}</span> : <span className="badge badge-green">{t('deadline.met')}</span>
            ) : (
              <TimeLeft ms={new Date(d.dueAt).getTime() - Date.now()} overdue={d.overdue} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Photos({ photos }: { photos: Photo[] }) {
  const { t } = useI18n();
  if (photos.length === 0) return null;
  return (
    <section aria-labelledby="photos-title">
      <h2 id="photos-title">{t('complaint.photos')}</h2>
      <div className="photo-grid">
        {photos.map((p, i) => (
          <a key={p.id} href={p.url} target="_blank" rel="noopener">
            <img src={p.url} alt={t('complaint.photoAlt', { n: i + 1 })} loading="lazy" />
          </a>
        ))}
      </div>
    </section>
  );
}

function actorLabel(actor: string, t: ReturnType<typeof useI18n>['t']): string {
  if (actor === 'pelapor') return t('actor.reporter');
  if (actor === 'petugas') return t('actor.officer');
  if (actor === 'sistem') return t('actor.system');
  return actor;
}

/** What an event's details add, in words. */
function eventDetail(e: TimelineEvent, t: ReturnType<typeof useI18n>['t']): string | null {
  const d = e.detail as Record<string, unknown>;
  const s = (k: string) => (typeof d[k] === 'string' || typeof d[k] === 'number' ? String(d[k]) : '');
  switch (e.kind) {
    case 'dispatched':
    case 'disposed':
      return s('unitName') ? t('event.toUnit', { unit: s('unitName') }) : null;
    case 'rejected':
      return s('reason') ? t(`reason.${s('reason') as RejectionReason}`) : null;
    case 'merged':
      return s('into') ? t('event.into', { code: s('into') }) : null;
    case 'merged_in':
      return s('from') ? t('event.from', { code: s('from') }) : null;
    case 'transferred':
      return s('toRegionName') ? t('event.toRegion', { region: s('toRegionName'), code: s('toTrackingCode') }) : null;
    case 'transferred_in':
      return s('fromTrackingCode') ? t('event.from', { code: s('fromTrackingCode') }) : null;
    case 'escalated':
      return stages.has(s('stage')) ? t('event.escalatedStage', { stage: t(`stage.${s('stage')}` as MessageKey), step: s('step') }) : null;
    case 'rated':
      return s('rating') ? t('event.rating', { n: s('rating') }) : null;
    default:
      return null;
  }
}

export function Timeline({ events, zone }: { events: TimelineEvent[]; zone: Zone }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <ol className="timeline">
        {events.map((e, i) => {
          const detail = eventDetail(e, t);
          return (
            <li key={i} className={e.public ? undefined : 'internal'}>
              <div className="timeline-head">
                <strong>{eventKinds.has(e.kind) ? t(`event.${e.kind}` as MessageKey) : e.kind}</strong>
                {!e.public && <span className="badge badge-neutral">{t('timeline.internal')}</span>}
              </div>
              <div className="muted small">
                <When at={e.at} zone={zone} /> · {actorLabel(e.actor, t)}
              </div>
              {detail && <p>{detail}</p>}
              {e.message && <p className="message">{e.message}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Category, unit, place and submission time: the facts at the top of a complaint. */
export function ComplaintFacts({ c, zone }: { c: Pick<TrackedComplaint, 'category' | 'unit' | 'location' | 'submittedAt'>; zone: Zone }) {
  const { t, pick } = useI18n();
  const place = [c.location.villageName, c.location.districtName].filter(Boolean).join(', ');
  return (
    <dl className="facts">
      <dt>{t('complaint.category')}</dt>
      <dd>{c.category ? pick(c.category.name) : '–'}</dd>
      <dt>{t('complaint.submitted')}</dt>
      <dd><When at={c.submittedAt} zone={zone} /></dd>
      <dt>{t('complaint.unit')}</dt>
      <dd>{c.unit ? c.unit.name : t('complaint.noUnit')}</dd>
      {(place || c.location.address) && (
        <>
          <dt>{t('complaint.location')}</dt>
          <dd>{[place, c.location.address].filter(Boolean).join(' — ')}</dd>
        </>
      )}
    </dl>
  );
}

/** One answer in words: list values by their names, times in the region's zone. */
export function answerText(q: Question, v: unknown, zone: Zone, pick: (text: Bilingual) => string, locale: Locale): string {
  if (q.datatype === 'datetime' && typeof v === 'string') return formatDateTime(v, zone, locale);
  const name = (key: unknown) => q.values.find((x) => x.key === key)?.name;
  const list = Array.isArray(v) ? v : [v];
  return list.map((x) => { const n = name(x); return n ? pick(n) : String(x); }).join(', ');
}

/** The answers to the category's extra questions, under the questions' own labels, list values by name. */
export function Answers({ c, region }: { c: Pick<TrackedComplaint, 'category' | 'answers'>; region: RegionProfile }) {
  const { t, pick, locale } = useI18n();
  const categories = useApi<Category[]>(`${regionApi(region.code)}/categories`);
  const questions = categories.data?.find((k) => k.id === c.category?.id)?.questions ?? [];
  const answers = (c.answers ?? {}) as Record<string, unknown>;
  const shown = questions.filter((q) => answers[q.code] !== undefined);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="answers-title">
      <h2 id="answers-title">{t('detail.answers')}</h2>
      <dl className="facts">
        {shown.map((q) => (
          <div key={q.code}>
            <dt>{pick(q.description)}</dt>
            <dd>{answerText(q, answers[q.code], region, pick, locale)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
