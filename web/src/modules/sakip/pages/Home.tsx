// The region's performance plans: its RPJMD and every unit's Renstra, with
// their period and status, and a form to start a new one for whoever may. A
// kecamatan's village-data officer, who lands here, first sees their own
// work: the year's village indicators, each opening their kecamatan's
// villages with the entry form.
import { useState, type FormEvent } from 'react';
import { api, regionApi } from '../../../api.js';
import { ErrorMessage, Loading, PageTitle } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, navigate, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile, Unit } from '../../../types.js';
import { planPath, PlanStatusBadge, plannerUnits, SakipPage, sakipApi, sakipPath, villagesPath } from '../components/common.js';
import type { Kecamatan, Plan, VillageIndicator } from '../components/types.js';

export function SakipHomePage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <PlansView region={region} />}</SakipPage>;
}

function PlansView({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const plans = useStaffApi<Plan[]>(`${sakipApi(region.code)}/plans`);
  if (plans.error) return <ErrorMessage error={plans.error} />;
  if (!plans.data) return <Loading />;
  const rpjmd = plans.data.filter((p) => p.kind === 'rpjmd');
  const renstra = plans.data.filter((p) => p.kind === 'renstra');
  return (
    <>
      <PageTitle title={t('sakip.home.title')}>{t('sakip.home.title')}</PageTitle>
      <p className="muted">{t('sakip.home.intro')}</p>
      <VillageWork region={region} />
      <PlanList title={t('sakip.home.rpjmd')} plans={rpjmd} region={region.code} empty={t('sakip.home.noRpjmd')} />
      <PlanList title={t('sakip.home.renstra')} plans={renstra} region={region.code} empty={t('sakip.home.noRenstra')} />
      <NewPlan region={region} />
    </>
  );
}

/** A village-data officer's own kecamatan and the indicators they enter there (nothing for anyone else). */
function VillageWork({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  const officer = (me?.grants ?? []).some((g) => g.regionCode === region.code && g.role === 'sakip_village_officer') && !may(me, region.code, 'sakip.manage');
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: region.timezone, year: 'numeric' }).format(new Date()));
  const kecamatan = useStaffApi<Kecamatan[]>(officer ? `${sakipApi(region.code)}/kecamatan` : null);
  const indicators = useStaffApi<VillageIndicator[]>(officer ? `${sakipApi(region.code)}/village-indicators?year=${year}` : null);
  if (!officer) return null;
  const error = kecamatan.error ?? indicators.error;
  if (error) return <ErrorMessage error={error} />;
  if (!kecamatan.data || !indicators.data) return <Loading />;
  const mine = kecamatan.data.filter((k) => k.editable);
  return (
    <section aria-labelledby="village-work" className="card">
      <h2 id="village-work">{t('sakip.home.villageWork', { kecamatan: mine.map((k) => k.name).join(', ') || '–' })}</h2>
      {mine.length === 0 ? <p className="muted">{t('sakip.home.noKecamatan')}</p> : indicators.data.length === 0 ? <p className="muted">{t('sakip.villages.noIndicators')}</p> : (
        <>
          <p className="small muted">{t('sakip.home.villageIntro')}</p>
          <ul className="plan-list">
            {indicators.data.flatMap((i) => mine.map((k) => (
              <li key={`${i.indicator.id}:${k.districtCode}`}>
                <Link to={villagesPath(region.code, i.planId, i.indicator.id, `?${new URLSearchParams({ periode: i.periods.at(-1) ?? String(year), kecamatan: k.districtCode })}`)}>
                  <strong>{i.indicator.name}</strong>
                </Link>
                <div className="small">{mine.length > 1 && <>{k.name} · </>}{i.planTitle}</div>
              </li>
            )))}
          </ul>
        </>
      )}
      <p className="small"><Link to={sakipPath(region.code, '/desa')}>{t('sakip.home.allVillageData')}</Link></p>
    </section>
  );
}

function PlanList({ title, plans, region, empty }: { title: string; plans: Plan[]; region: string; empty: string }) {
  const { t } = useI18n();
  return (
    <section>
      <h2>{title}</h2>
      {plans.length === 0 ? <p className="muted">{empty}</p> : (
        <ul className="plan-list">
          {plans.map((p) => (
            <li key={p.id} className="card">
              <Link to={planPath(region, p.id)}><strong>{p.title}</strong></Link>
              <div className="small">
                {p.unit && <span>{p.unit.name} · </span>}
                {t('sakip.plan.period', { start: p.startYear, end: p.endYear })} <PlanStatusBadge status={p.status} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The coordinator starts the RPJMD or any unit's Renstra; a unit planner their own unit's Renstra. */
function NewPlan({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  const coordinator = may(me, region.code, 'sakip.manage');
  const own = plannerUnits(me, region.code);
  const units = useStaffApi<Unit[]>(coordinator || own.size > 0 ? `${regionApi(region.code)}/units` : null);
  const [kind, setKind] = useState<'rpjmd' | 'renstra'>(coordinator ? 'rpjmd' : 'renstra');
  const [unitId, setUnitId] = useState('');
  const [startYear, setStartYear] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (!coordinator && own.size === 0) return null;
  const choices = (units.data ?? []).filter((u) => u.active && (coordinator || own.has(u.id)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const body = kind === 'rpjmd'
        ? { kind, startYear: Number(startYear), title: title.trim() }
        : { kind, unitId: unitId || choices[0]?.id, startYear: Number(startYear), title: title.trim() };
      const plan = await api<Plan>(`${sakipApi(region.code)}/plans`, { method: 'POST', body });
      navigate(planPath(region.code, plan.id));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="card new-plan">
      <summary>{t('sakip.new.title')}</summary>
      <form onSubmit={submit}>
        {coordinator && (
          <fieldset className="field">
            <legend>{t('sakip.new.kind')}</legend>
            <label className="choice"><input type="radio" name="plan-kind" checked={kind === 'rpjmd'} onChange={() => setKind('rpjmd')} /> {t('sakip.home.rpjmd')}</label>
            <label className="choice"><input type="radio" name="plan-kind" checked={kind === 'renstra'} onChange={() => setKind('renstra')} /> {t('sakip.home.renstra')}</label>
          </fieldset>
        )}
        {kind === 'renstra' && (
          <div className="field">
            <label htmlFor="plan-unit">{t('sakip.new.unit')}</label>
            <select id="plan-unit" required value={unitId || choices[0]?.id || ''} onChange={(e) => setUnitId(e.target.value)}>
              {choices.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
          </div>
        )}
        <div className="field narrow">
          <label htmlFor="plan-start">{t('sakip.new.startYear')}</label>
          <input id="plan-start" type="number" inputMode="numeric" min={2000} max={2100} required value={startYear} onChange={(e) => setStartYear(e.target.value)} aria-describedby="plan-start-hint" />
          <small id="plan-start-hint" className="hint">{t('sakip.new.startYearHint')}</small>
        </div>
        <div className="field">
          <label htmlFor="plan-title">{t('sakip.new.planTitle')}</label>
          <input id="plan-title" type="text" required maxLength={1000} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <ErrorMessage error={error} />
        <button type="submit" className="button">{t('sakip.new.create')}</button>
      </form>
    </details>
  );
}
