// Village data: the indicators measured per desa/kelurahan and the region's
// kecamatan units (linked by the coordinator); one indicator by kecamatan
// (the drill-down from the indicator); and its village table for a period,
// filtered to one kecamatan or not, with rank and achievement colour, the
// entry form for the kecamatan's staff, deleting a wrong value, and the
// CSV/XLSX import with its template.
import { useState, type FormEvent } from 'react';
import { api, ApiError, regionApi } from '../../../api.js';
import { ErrorMessage, Flash, Loading, PageTitle } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, navigate, useLocation, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile, Unit } from '../../../types.js';
import {
  AchievementValue, formatExact, indicatorPath, kecamatanPath, periodName, planUrl, sakipApi, sakipPath, SakipPage, TargetText, toApiDecimal, villagesPath,
} from '../components/common.js';
import type { Kecamatan, KecamatanBreakdown, VillageDelete, VillageIndicator, VillageTable, VillageWrite } from '../components/types.js';

export function VillagesHomePage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <VillagesHome region={region} />}</SakipPage>;
}

function VillagesHome({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { path, query } = useLocation();
  const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: region.timezone, year: 'numeric' }).format(new Date()));
  const year = Number(query.get('tahun')) || thisYear;
  const indicators = useStaffApi<VillageIndicator[]>(`${sakipApi(region.code)}/village-indicators?year=${year}`);
  const kecamatan = useStaffApi<Kecamatan[]>(`${sakipApi(region.code)}/kecamatan`);
  const error = indicators.error ?? kecamatan.error;
  return (
    <>
      <PageTitle title={t('sakip.villages.title')}>{t('sakip.villages.title')}</PageTitle>
      <p className="muted">{t('sakip.villages.intro')}</p>
      <div className="field narrow no-print">
        <label htmlFor="villages-year">{t('sakip.plan.year')}</label>
        <select id="villages-year" value={year} onChange={(e) => navigate(`${path}?tahun=${e.target.value}`, { replace: true })}>
          {[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </div>
      {error && <ErrorMessage error={error} />}
      {!indicators.data || !kecamatan.data ? <Loading /> : (
        <>
          <section aria-labelledby="village-indicators">
            <h2 id="village-indicators">{t('sakip.villages.indicators', { year })}</h2>
            {indicators.data.length === 0 ? <p className="muted">{t('sakip.villages.noIndicators')}</p> : (
              <ul className="plan-list">
                {indicators.data.map((i) => (
                  <li key={i.indicator.id} className="card">
                    <Link to={villagesPath(region.code, i.planId, i.indicator.id, i.periods.length ? `?periode=${i.periods.at(-1)}` : '')}><strong>{i.indicator.name}</strong></Link>
                    <div className="small">{i.planTitle} · <RuleText rule={i.rule} /></div>
                    <div className="small muted">{i.periods.length ? t('sakip.villages.periods', { periods: i.periods.map((p) => periodName(p, t)).join(', ') }) : t('sakip.villages.noPeriods')}</div>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <KecamatanList region={region} rows={kecamatan.data} reload={kecamatan.reload} />
        </>
      )}
    </>
  );
}

function RuleText({ rule }: { rule: VillageTable['rule'] }) {
  const { t, locale } = useI18n();
  if (rule.rollup === 'sum') return <>{t('sakip.villages.rule.sum')}</>;
  return <>{t('sakip.villages.rule.rate', { numerator: rule.numeratorLabel || t('sakip.villages.numerator'), denominator: rule.denominatorLabel || t('sakip.villages.denominator'), scale: formatExact(rule.scale, locale) })}</>;
}

function KecamatanList({ region, rows, reload }: { region: RegionProfile; rows: Kecamatan[]; reload: () => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  return (
    <section aria-labelledby="kecamatan-title">
      <h2 id="kecamatan-title">{t('sakip.villages.kecamatanTitle')}</h2>
      {rows.length === 0 ? <p className="muted">{t('sakip.villages.noKecamatan')}</p> : (
        <div className="sakip-scroll">
          <table className="sakip-table">
            <thead>
              <tr>
                <th scope="col">{t('sakip.villages.districtCode')}</th>
                <th scope="col">{t('sakip.villages.kecamatan')}</th>
                <th scope="col">{t('sakip.villages.unit')}</th>
                <th scope="col" className="num">{t('sakip.villages.villageCount')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((k) => (
                <tr key={k.districtCode}>
                  <td>{k.districtCode}</td>
                  <th scope="row">{k.name} {k.editable && !may(me, region.code, 'sakip.manage') && <span className="badge">{t('sakip.villages.yours')}</span>}</th>
                  <td>{k.unit.name}</td>
                  <td className="num">{k.villages}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {may(me, region.code, 'sakip.manage') && <LinkKecamatan region={region} onDone={reload} />}
    </section>
  );
}

function LinkKecamatan({ region, onDone }: { region: RegionProfile; onDone: () => void }) {
  const { t } = useI18n();
  const units = useStaffApi<Unit[]>(`${regionApi(region.code)}/units`);
  const [unitId, setUnitId] = useState('');
  const [districtCode, setDistrictCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const choices = (units.data ?? []).filter((u) => u.active);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`${sakipApi(region.code)}/kecamatan/${unitId || choices[0]?.id}`, { method: 'PUT', body: { districtCode: districtCode.trim() } });
      setDistrictCode('');
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="card no-print">
      <summary>{t('sakip.villages.link')}</summary>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="link-unit">{t('sakip.villages.unit')}</label>
          <select id="link-unit" value={unitId || choices[0]?.id || ''} onChange={(e) => setUnitId(e.target.value)}>
            {choices.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </div>
        <div className="field narrow">
          <label htmlFor="link-district">{t('sakip.villages.districtCode')}</label>
          <input id="link-district" required pattern="\d{2}\.\d{2}\.\d{2}" value={districtCode} onChange={(e) => setDistrictCode(e.target.value)} aria-describedby="link-district-hint" />
          <small id="link-district-hint" className="hint">{t('sakip.villages.districtHint')}</small>
        </div>
        <ErrorMessage error={error} />
        <button type="submit" className="button secondary">{t('sakip.villages.linkSave')}</button>
      </form>
    </details>
  );
}

// ---------------------------------------------------------------------------
// One indicator's villages

export function VillageTablePage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <VillageTableView region={region} planId={params.planId} indicatorId={params.indicatorId} />}</SakipPage>;
}

/** The period asked for in the address, and the facts of a breakdown: its period form, target, total and achievement. */
function FiguresHead({ breakdown, go }: { breakdown: KecamatanBreakdown; go: (period: string) => void }) {
  const { t, locale } = useI18n();
  const { query } = useLocation();
  const [shownPeriod, setShownPeriod] = useState(query.get('periode') ?? '');
  const b = breakdown;
  const periods = b.periods.includes(b.period) ? b.periods : [b.period, ...b.periods];
  return (
    <>
      <PageTitle title={b.indicator.name}>{b.indicator.name}</PageTitle>
      <p className="muted">{b.plan.title} · <RuleText rule={b.rule} /></p>
      <form className="no-print" onSubmit={(e) => { e.preventDefault(); go(shownPeriod.trim()); }}>
        <div className="field narrow">
          <label htmlFor="village-period">{t('sakip.villages.period')}</label>
          <input id="village-period" list="village-periods" value={shownPeriod || b.period} onChange={(e) => setShownPeriod(e.target.value)} pattern="\d{4}(-(Q[1-4]|0[1-9]|1[0-2]))?" />
          <datalist id="village-periods">{periods.map((p) => <option key={p} value={p}>{periodName(p, t)}</option>)}</datalist>
        </div>
        <button type="submit" className="button secondary">{t('sakip.villages.show')}</button>
      </form>
      <dl className="plan-facts">
        <div><dt>{t('sakip.villages.target', { year: b.year })}</dt><dd>{b.target ? <TargetText target={b.target} measure={b.indicator.measure} /> : t('sakip.villages.noTarget')}</dd></div>
        <div><dt>{t('sakip.villages.total')}</dt><dd data-testid="village-total">{b.total ? `${formatExact(b.total.shown, locale)} ${b.indicator.measure}` : '–'}</dd></div>
        <div><dt>{t('sakip.villages.achievement')}</dt><dd><AchievementValue result={b.total?.result} /></dd></div>
      </dl>
      {!b.targetPerPart && <p className="small muted">{t('sakip.villages.sumTarget')}</p>}
      {b.lockedBy && <p className="small muted">{t('sakip.villages.locked', { period: periodName(b.lockedBy, t) })}</p>}
    </>
  );
}

/** The drill-down's middle step: an indicator by kecamatan, each kecamatan leading to its villages. */
export function KecamatanPage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <KecamatanView region={region} planId={params.planId} indicatorId={params.indicatorId} />}</SakipPage>;
}

function KecamatanView({ region, planId, indicatorId }: { region: RegionProfile; planId: string; indicatorId: string }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const period = query.get('periode') ?? '';
  const data = useStaffApi<KecamatanBreakdown>(`${planUrl(region.code, planId)}/villages/${indicatorId}/kecamatan${period ? `?period=${encodeURIComponent(period)}` : ''}`);
  const back = <Link to={indicatorPath(region.code, planId, indicatorId, data.data?.year)}>{t('sakip.villages.backIndicator')}</Link>;
  if (data.error) return <><p>{back}</p><ErrorMessage error={data.error} /></>;
  if (!data.data) return <Loading />;
  const b = data.data;
  const villages = (k: string) => villagesPath(region.code, planId, indicatorId, `?${new URLSearchParams({ periode: b.period, ...(k ? { kecamatan: k } : {}) })}`);
  return (
    <>
      <p className="no-print">{back} · <Link to={villages('')}>{t('sakip.villages.everyVillage')}</Link></p>
      <FiguresHead breakdown={b} go={(p) => navigate(kecamatanPath(region.code, planId, indicatorId, p ? `?periode=${encodeURIComponent(p)}` : ''))} />
      <KecamatanFigures table={b} linkTo={villages} />
    </>
  );
}

function VillageTableView({ region, planId, indicatorId }: { region: RegionProfile; planId: string; indicatorId: string }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const { me } = useSession();
  const coordinator = may(me, region.code, 'sakip.manage');
  const period = query.get('periode') ?? '';
  const district = query.get('kecamatan') ?? '';
  const url = `${planUrl(region.code, planId)}/villages/${indicatorId}`;
  const params = new URLSearchParams({ ...(period ? { period } : {}), ...(district ? { district } : {}) }).toString();
  const table = useStaffApi<VillageTable>(`${url}${params ? `?${params}` : ''}`);
  const here = (p: string, k: string) => villagesPath(region.code, planId, indicatorId, `?${new URLSearchParams({ ...(p ? { periode: p } : {}), ...(k ? { kecamatan: k } : {}) })}`);
  if (table.error) return <><p><Link to={sakipPath(region.code, '/desa')}>{t('sakip.villages.back')}</Link></p><ErrorMessage error={table.error} /></>;
  if (!table.data) return <Loading />;
  const v = table.data;
  // A closed period takes corrections from the coordinator only (with a reason).
  const entryKecamatan = v.kecamatan.filter((k) => k.editable && (!v.lockedBy || coordinator));
  return (
    <>
      <p className="no-print">
        <Link to={sakipPath(region.code, '/desa')}>{t('sakip.villages.back')}</Link> · <Link to={indicatorPath(region.code, planId, indicatorId, v.year)}>{v.indicator.name}</Link>
        {' '}· <Link to={kecamatanPath(region.code, planId, indicatorId, `?periode=${v.period}`)}>{t('sakip.villages.byKecamatan')}</Link>
      </p>
      <FiguresHead breakdown={v} go={(p) => navigate(here(p, district))} />
      <KecamatanFigures table={v} linkTo={(k) => here(v.period, k)} all={district ? here(v.period, '') : undefined} />
      <VillageFigures table={v} district={district} here={here} url={url} deletable={new Set(entryKecamatan.map((k) => k.districtCode))} reload={table.reload} />
      {entryKecamatan.map((k) => <VillageEntryForm key={`${k.districtCode}:${v.period}`} table={v} url={url} districtCode={k.districtCode} reload={table.reload} />)}
      {entryKecamatan.length > 0 && <VillageImport url={url} period={v.period} district={district} locked={!!v.lockedBy} reload={table.reload} />}
    </>
  );
}

type Figure = NonNullable<VillageTable['total']>;

function FigureCells({ figure, rate }: { figure: Figure | null; rate: boolean }) {
  const { locale } = useI18n();
  return (
    <>
      <td className="num"><strong>{figure ? formatExact(figure.shown, locale) : '–'}</strong></td>
      {rate && <td className="num">{figure ? formatExact(figure.numerator, locale) : '–'}</td>}
      {rate && <td className="num">{figure ? formatExact(figure.denominator, locale) : '–'}</td>}
      <td><AchievementValue result={figure?.result} /></td>
    </>
  );
}

function FigureHeads({ rate }: { rate: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <th scope="col" className="num">{t('sakip.villages.value')}</th>
      {rate && <th scope="col" className="num">{t('sakip.villages.numerator')}</th>}
      {rate && <th scope="col" className="num">{t('sakip.villages.denominator')}</th>}
      <th scope="col">{t('sakip.villages.achievement')}</th>
    </>
  );
}

function KecamatanFigures({ table, linkTo, all }: { table: KecamatanBreakdown; linkTo: (districtCode: string) => string; all?: string }) {
  const { t } = useI18n();
  const rate = table.rule.rollup === 'rate';
  return (
    <section aria-labelledby="kecamatan-figures">
      <h2 id="kecamatan-figures">{t('sakip.villages.kecamatanCaption', { period: periodName(table.period, t) })}</h2>
      <div className="sakip-scroll">
        <table className="sakip-table" aria-labelledby="kecamatan-figures">
          <thead>
            <tr>
              <th scope="col" className="num">{t('sakip.villages.rank')}</th>
              <th scope="col">{t('sakip.villages.kecamatan')}</th>
              <th scope="col" className="num">{t('sakip.villages.entered')}</th>
              <FigureHeads rate={rate} />
            </tr>
          </thead>
          <tbody>
            {table.kecamatan.map((k) => (
              <tr key={k.districtCode}>
                <td className="num">{k.rank ?? '–'}</td>
                <th scope="row"><Link to={linkTo(k.districtCode)}>{k.name}</Link> <span className="small muted">{k.unit?.name ?? k.districtCode}</span></th>
                <td className="num">{k.entered} / {k.villages}</td>
                <FigureCells figure={k.figure} rate={rate} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {all && <p className="no-print"><Link to={all}>{t('sakip.villages.allKecamatan')}</Link></p>}
    </section>
  );
}

function VillageFigures({ table, district, here, url, deletable, reload }: {
  table: VillageTable; district: string; here: (p: string, k: string) => string; url: string; deletable: Set<string>; reload: () => void;
}) {
  const { t } = useI18n();
  const rate = table.rule.rollup === 'rate';
  const rows = [...table.villages].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code));
  const mayDelete = (v: VillageTable['villages'][number]) => !!v.entry && deletable.has(v.districtCode);
  const withDelete = rows.some(mayDelete);
  return (
    <section aria-labelledby="village-figures">
      <h2 id="village-figures">{t('sakip.villages.villagesCaption', { period: periodName(table.period, t) })}</h2>
      <div className="sakip-scroll">
        <table className="sakip-table" aria-labelledby="village-figures">
          <thead>
            <tr>
              <th scope="col" className="num">{t('sakip.villages.rank')}</th>
              <th scope="col">{t('sakip.villages.village')}</th>
              {!district && <th scope="col">{t('sakip.villages.kecamatan')}</th>}
              <FigureHeads rate={rate} />
              <th scope="col">{t('sakip.villages.enteredBy')}</th>
              {withDelete && <th scope="col" className="no-print"><span className="visually-hidden">{t('sakip.villages.delete')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <tr key={v.code}>
                <td className="num">{v.rank ?? '–'}</td>
                <th scope="row">{v.name} <span className="small muted">{v.kind} · {v.code}</span></th>
                {!district && <td><Link to={here(table.period, v.districtCode)}>{v.districtName}</Link></td>}
                <FigureCells figure={v.figure} rate={rate} />
                <td className="small">{v.entry ? `${v.entry.enteredBy} · v${v.entry.version}${v.entry.note ? ` · ${v.entry.note}` : ''}` : ''}</td>
                {withDelete && <td className="no-print">{mayDelete(v) && <DeleteValue url={`${url}/values/${table.period}/${v.code}`} village={v.name} onDone={reload} />}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted">{t('sakip.villages.entered')}: {rows.filter((r) => r.entry).length} / {rows.length}</p>
    </section>
  );
}

/** Deleting one village's wrong value, with the reason the API requires; the realisation is rolled up again. */
function DeleteValue({ url, village, onDone }: { url: string; village: string; onDone: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const label = t('sakip.villages.deleteTitle', { village });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api<VillageDelete>(url, { method: 'DELETE', body: { reason: reason.trim() } });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="village-delete">
      <summary aria-label={label}>{t('sakip.villages.delete')}</summary>
      <form onSubmit={submit} aria-label={label}>
        <div className="field">
          <label htmlFor={`delete-${url}`}>{t('sakip.villages.deleteReason')}</label>
          <input id={`delete-${url}`} required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <ErrorMessage error={error} />
        <button type="submit" className="button danger">{t('sakip.villages.deleteButton')}</button>
      </form>
    </details>
  );
}

function VillageEntryForm({ table, url, districtCode, reload }: { table: VillageTable; url: string; districtCode: string; reload: () => void }) {
  const { t, locale } = useI18n();
  const rate = table.rule.rollup === 'rate';
  const villages = table.villages.filter((v) => v.districtCode === districtCode);
  const kecamatan = table.kecamatan.find((k) => k.districtCode === districtCode)!;
  const [typed, setTyped] = useState<Record<string, { value: string; denominator: string }>>(() =>
    Object.fromEntries(villages.map((v) => [v.code, { value: v.entry?.value ?? '', denominator: v.entry?.denominator ?? '' }])));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<VillageWrite | null>(null);
  const set = (code: string, field: 'value' | 'denominator', value: string) => setTyped((old) => ({ ...old, [code]: { ...old[code], [field]: value } }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    const values = villages.filter((v) => typed[v.code].value.trim() !== '').map((v) => ({
      villageCode: v.code, value: toApiDecimal(typed[v.code].value), ...(rate ? { denominator: toApiDecimal(typed[v.code].denominator) } : {}),
    }));
    if (values.length === 0) return;
    try {
      setDone(await api<VillageWrite>(`${url}/values/${table.period}`, { method: 'PUT', body: { values, ...(reason.trim() ? { reason: reason.trim() } : {}) } }));
      reload();
    } catch (err) {
      setError(err);
    }
  };
  const title = t('sakip.villages.entry', { kecamatan: kecamatan.name, period: periodName(table.period, t) });
  return (
    <form className="card no-print" onSubmit={submit} aria-label={title}>
      <h2>{title}</h2>
      <p className="small muted">{t('sakip.villages.entryHint')}</p>
      <div className="sakip-scroll">
        <table className="sakip-table">
          <thead>
            <tr>
              <th scope="col">{t('sakip.villages.village')}</th>
              <th scope="col">{rate ? table.rule.numeratorLabel || t('sakip.villages.numerator') : t('sakip.villages.value')}</th>
              {rate && <th scope="col">{table.rule.denominatorLabel || t('sakip.villages.denominator')}</th>}
            </tr>
          </thead>
          <tbody>
            {villages.map((v) => (
              <tr key={v.code}>
                <th scope="row">{v.name}</th>
                <td><input inputMode="decimal" aria-label={`${v.name}: ${rate ? table.rule.numeratorLabel || t('sakip.villages.numerator') : t('sakip.villages.value')}`} value={typed[v.code].value} onChange={(e) => set(v.code, 'value', e.target.value)} /></td>
                {rate && <td><input inputMode="decimal" aria-label={`${v.name}: ${table.rule.denominatorLabel || t('sakip.villages.denominator')}`} value={typed[v.code].denominator} onChange={(e) => set(v.code, 'denominator', e.target.value)} /></td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.lockedBy && (
        <div className="field">
          <label htmlFor={`village-reason-${districtCode}`}>{t('sakip.villages.reason')}</label>
          <input id={`village-reason-${districtCode}`} required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      {done && <Flash>{done.realisation ? t('sakip.villages.saved', { n: done.changed, value: `${formatExact(done.realisation.value, locale)} ${table.indicator.measure}` }) : t('sakip.villages.unchanged')}</Flash>}
      <ErrorMessage error={error} />
      <button type="submit" className="button">{t('sakip.villages.save')}</button>
    </form>
  );
}

interface ImportProblem { row: number; column: string; code: string; message: { id: string; en: string } }

function VillageImport({ url, period, district, locked, reload }: { url: string; period: string; district: string; locked: boolean; reload: () => void }) {
  const { t, pick } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<(VillageWrite & { rows: number }) | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setDone(null);
    const form = new FormData();
    form.append('file', file);
    if (reason.trim()) form.append('options', JSON.stringify({ reason: reason.trim() }));
    try {
      setDone(await api<VillageWrite & { rows: number }>(`${url}/values/${period}/import`, { method: 'POST', body: form }));
      reload();
    } catch (err) {
      setError(err);
    }
  };
  const problems = error instanceof ApiError ? (error.details as { problems?: ImportProblem[] } | undefined)?.problems ?? [] : [];
  const template = (format: 'csv' | 'xlsx') => `${url}/values/${period}/template.${format}${district ? `?district=${district}` : ''}`;
  return (
    <details className="card no-print">
      <summary>{t('sakip.villages.import')}</summary>
      <p className="small">
        {t('sakip.villages.template', { period: periodName(period, t) })}{' '}
        <a href={template('csv')} download>{t('sakip.villages.templateCsv')}</a> · <a href={template('xlsx')} download>{t('sakip.villages.templateXlsx')}</a>
      </p>
      <form onSubmit={submit} aria-label={t('sakip.villages.import')}>
        <p className="small muted">{t('sakip.villages.importHint')}</p>
        <div className="field">
          <label htmlFor="village-file">{t('sakip.villages.file')}</label>
          <input id="village-file" type="file" required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        {locked && (
          <div className="field">
            <label htmlFor="village-import-reason">{t('sakip.villages.reason')}</label>
            <input id="village-import-reason" required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
        )}
        {done && <Flash>{t('sakip.villages.imported', { rows: done.rows, n: done.changed })}</Flash>}
        <ErrorMessage error={error} />
        {problems.length > 0 && (
          <>
            <p className="small">{t('sakip.villages.problems')}</p>
            <ul className="problem-list small">{problems.map((p, i) => <li key={i}>{p.row}, {p.column}: {pick(p.message)}</li>)}</ul>
          </>
        )}
        <button type="submit" className="button secondary">{t('sakip.villages.importButton')}</button>
      </form>
    </details>
  );
}
