// The region's SPBE practices per indicator in one list: its own and those
// adopted in the Living Lab, each with its checklist size and origin. The
// SPBE coordinator chooses any indicator of an active framework version and
// writes, changes or removes its practice here, without an evaluation open
// (the same card is on each indicator's page). The choice starts on the
// framework of the region's most recent evaluation (else the first active
// one). Others read the list.
import { useState } from 'react';
import { ErrorMessage, Loading, PageTitle, When } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import type { Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';
import type { components } from '../../../api-types.js';
import { SpbePage, spbeApi } from '../components/common.js';
import { PracticeEditor } from '../components/Practice.js';
import type { EvaluationSummary, Framework, Version } from '../components/types.js';

type Practice = components['schemas']['SpbePractice'];

export function PracticesPage({ params }: { params: Params }) {
  return <SpbePage region={params.region}>{(region) => <PracticesView region={region} />}</SpbePage>;
}

function PracticesView({ region }: { region: RegionProfile }) {
  const { t, pick } = useI18n();
  const { me } = useSession();
  const canEdit = may(me, region.code, 'spbe.manage');
  const all = useStaffApi<Practice[]>(`${spbeApi(region.code)}/practices`);
  const frameworks = useStaffApi<Framework[]>('/api/spbe/frameworks');
  const active = (frameworks.data ?? []).flatMap((f) => f.versions.filter((v) => v.status === 'active').map((v) => ({ f, v })));
  const [chosenVersion, setVersion] = useState('');
  const [indicator, setIndicator] = useState('');
  // Unless chosen, the framework the region is evaluated on: its newest evaluation's version when still active, else that
  // framework's active version, else the first active one (also when the evaluations cannot be read).
  const evaluations = useStaffApi<EvaluationSummary[]>(`${spbeApi(region.code)}/evaluations`);
  const evaluated = evaluations.data?.[0]?.framework;
  const usual = evaluated ? active.find(({ v }) => v.id === evaluated.versionId) ?? active.find(({ f }) => f.code === evaluated.code) : undefined;
  const current = active.find(({ f, v }) => `${f.code}@${v.version}` === chosenVersion)
    ?? (evaluations.data || evaluations.error ? usual ?? active[0] : undefined);
  const version = useStaffApi<Version>(current ? `/api/spbe/frameworks/${encodeURIComponent(current.f.code)}/versions/${current.v.version}` : null);
  const title = t('spbe.practices.title');
  const edit = (framework: string, code: string) => {
    const match = active.find(({ f }) => f.code === framework);
    if (match) setVersion(`${match.f.code}@${match.v.version}`);
    setIndicator(code);
    document.getElementById('practice-choose')?.scrollIntoView();
  };
  const held = all.data?.find((p) => current && p.framework === current.f.code && p.indicator === indicator);
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="muted">{t('spbe.practices.intro')}</p>
      {all.error ? <ErrorMessage error={all.error} /> : !all.data ? <Loading /> : all.data.length === 0 ? <p className="muted">{t('spbe.practices.none')}</p> : (
        <ul className="plain practice-list" aria-label={title}>
          {all.data.map((p) => (
            <li key={`${p.framework}/${p.indicator}`} className="card" data-indicator={`${p.framework}/${p.indicator}`}>
              <strong>{p.indicatorName ?? `${p.framework}/${p.indicator}`}</strong>
              {p.adoptedFrom && <> <span className="badge">{t('spbe.adopted.from', { region: p.adoptedFrom.name })}</span></>}
              {p.note && <p className="small message">{p.note}</p>}
              <div className="small muted">{t('spbe.practices.checklist', { n: p.evidence.length })} · {t('spbe.practices.updated')} <When at={p.updatedAt} zone={region} /></div>
              {canEdit && (
                <button type="button" className="button secondary small" onClick={() => edit(p.framework, p.indicator)}
                  aria-label={t('spbe.practices.openLabel', { indicator: p.indicatorName ?? p.indicator })}>{t('spbe.practices.open')}</button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <section aria-labelledby="practice-choose" className="practice-choose">
          <h2 id="practice-choose">{t('spbe.practices.chooseTitle')}</h2>
          <ErrorMessage error={frameworks.error ?? version.error} />
          <div className="field">
            <label htmlFor="practice-version">{t('spbe.open.version')}</label>
            <select id="practice-version" value={current ? `${current.f.code}@${current.v.version}` : ''} onChange={(e) => { setVersion(e.target.value); setIndicator(''); }}>
              {active.map(({ f, v }) => <option key={v.id} value={`${f.code}@${v.version}`}>{pick(f.name)} — {t('spbe.framework.version', { n: v.version })}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="practice-indicator">{t('spbe.practices.indicator')}</label>
            <select id="practice-indicator" value={indicator} onChange={(e) => setIndicator(e.target.value)}>
              <option value="">{t('spbe.practices.chooseIndicator')}</option>
              {(version.data?.document.indicators ?? []).map((i) => <option key={i.code} value={i.code}>{i.number}. {pick(i.name)}</option>)}
            </select>
          </div>
          {current && indicator && <PracticeEditor key={`${current.f.code}/${indicator}`} region={region.code} framework={current.f.code} indicator={indicator} practice={held} />}
        </section>
      )}
    </>
  );
}
