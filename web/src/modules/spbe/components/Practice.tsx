// Practices per indicator: the region's own or adopted one (with the
// checklist of evidence to prepare) on the evaluation's screens, and the
// Living Lab solutions behind a leading region's practice. The Living Lab is
// reached by its public API and address only: where it is not installed the
// request fails and nothing is shown.
import type { components } from '../../../api-types.js';
import { useApi } from '../../../data.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, queryString } from '../../../router.js';
import { spbeApi } from './common.js';

type Practice = components['schemas']['SpbePractice'];
type Solution = components['schemas']['LivingLabCatalogueItem'];

const KIND_WORDS: Record<string, `spbe.adopted.kind.${'regulation' | 'sop' | 'report' | 'minutes' | 'data' | 'screenshot' | 'document'}`> = {
  regulation: 'spbe.adopted.kind.regulation', sop: 'spbe.adopted.kind.sop', report: 'spbe.adopted.kind.report', minutes: 'spbe.adopted.kind.minutes',
  data: 'spbe.adopted.kind.data', screenshot: 'spbe.adopted.kind.screenshot', document: 'spbe.adopted.kind.document',
};

/** The region's practices of a framework (one indicator's when given). */
export const usePractices = (region: string, framework: string | undefined, indicator?: string) =>
  useStaffApi<Practice[]>(framework ? `${spbeApi(region)}/practices${queryString({ framework, indicator })}` : null);

/** The catalogue label of a framework's indicator, as `spbe.practices` packages carry it. */
export const indicatorTag = (framework: string, indicator: string) => `spbe.indicator:${framework}/${indicator}`;

/** The practice the region holds for the indicator, adopted or its own: what it does, its SOP and what evidence to prepare. */
export function PracticeCard({ practice }: { practice: Practice }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="adopted-practice" className="card adopted-practice">
      <h2 id="adopted-practice">{practice.adoptedFrom ? t('spbe.adopted.title') : t('spbe.adopted.ownTitle')}</h2>
      {practice.adoptedFrom && <p className="muted small">{t('spbe.adopted.from', { region: practice.adoptedFrom.name })}</p>}
      {practice.note && <p className="message">{practice.note}</p>}
      {practice.explanation && <p className="message small">{practice.explanation}</p>}
      {practice.evidence.length > 0 && (
        <>
          <h3>{t('spbe.adopted.checklist')}</h3>
          <ul className="checklist">
            {practice.evidence.map((e, i) => (
              <li key={i}><strong>{e.title}</strong> <span className="badge">{t(KIND_WORDS[e.kind] ?? 'spbe.adopted.kind.document')}</span>{e.description && <div className="small muted">{e.description}</div>}</li>
            ))}
          </ul>
        </>
      )}
      {practice.sop && (
        <details>
          <summary>{t('spbe.adopted.sop')}</summary>
          <p className="message">{practice.sop}</p>
        </details>
      )}
      <p className="hint">{t('spbe.adopted.hint')}</p>
    </section>
  );
}

/** The published Living Lab solutions behind one indicator's practices, by owner region (none when the Living Lab is absent). */
export function useLivingLabSolutions(framework: string | undefined, indicator: string | undefined) {
  const list = useApi<{ items: Solution[] }>(framework && indicator ? `/api/livinglab/solutions${queryString({ tag: indicatorTag(framework, indicator), perPage: 100 })}` : null);
  const byRegion = new Map<string, Solution[]>();
  for (const s of list.data?.items ?? []) byRegion.set(s.regionCode, [...(byRegion.get(s.regionCode) ?? []), s]);
  return byRegion;
}

/** A leading region's solutions for the indicator, each with its mentor, and the catalogue filtered to them. */
export function LeaderSolutions({ solutions, region, framework, indicator }: { solutions: Solution[]; region: string; framework: string; indicator: string }) {
  const { t } = useI18n();
  if (solutions.length === 0) return null;
  return (
    <div className="leader-solutions">
      <h3 className="small">{t('spbe.leaders.solutions')}</h3>
      <ul className="plain">
        {solutions.map((s) => (
          <li key={s.id}>
            <Link to={`/livinglab/${encodeURIComponent(s.id)}`}>{s.title}</Link>
            {s.mentor && <div className="small muted">{t('spbe.leaders.mentor', { name: s.mentor.name, contact: s.mentor.contact })}{s.mentor.role ? ` · ${s.mentor.role}` : ''}</div>}
          </li>
        ))}
      </ul>
      <Link className="small" to={`/livinglab${queryString({ tag: indicatorTag(framework, indicator), region })}`}>{t('spbe.leaders.allSolutions')}</Link>
    </div>
  );
}
