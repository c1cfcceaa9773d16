// Performance agreements (Perjanjian Kinerja): a year's agreements with their
// state and a form to draft one from the official's plan; one agreement with
// its targets, programmes and versions, the draft's edit form, the signing
// and the revision; and the printable agreement with its signature block
// (the browser prints it on A4 or saves it as PDF), next to the Word file.
// Who may do what mirrors the API's rule; the API decides.
import { useState, type FormEvent } from 'react';
import { api, regionApi } from '../../../api.js';
import { ErrorMessage, Loading, PageTitle, When } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, navigate, useLocation, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { Me, RegionProfile, Unit } from '../../../types.js';
import { formatExact, SakipPage, sakipApi, sakipPath, toApiDecimal, unitsReached } from '../components/common.js';
import type { Agreement, AgreementBrief } from '../components/types.js';

type Party = Agreement['firstParty'];
type Level = Agreement['level'];

const agreementsUrl = (region: string) => `${sakipApi(region)}/agreements`;
const agreementUrl = (region: string, id: string) => `${agreementsUrl(region)}/${encodeURIComponent(id)}`;
export const agreementPath = (region: string, id?: string, rest = '') => sakipPath(region, `/perjanjian${id ? `/${id}` : ''}${rest}`);
const versionPath = (region: string, id: string, version: number, rest = '') => agreementPath(region, id, `/versi/${version}${rest}`);

/** Drafting, editing and revising: the coordinator any agreement, a unit planner their unit's (sakip.plan). */
function mayPlan(me: Me | undefined, region: string, unitId: string | null): boolean {
  if (!may(me, region, 'sakip.plan')) return false;
  const reach = unitsReached(me, region, ['sakip_coordinator', 'sakip_planner']);
  return reach === null || (unitId !== null && reach.has(unitId));
}

/** Recording the signing: the coordinator any, a unit head their own unit's. */
function maySign(me: Me | undefined, region: string, unitId: string | null): boolean {
  if (!may(me, region, 'sakip.agreement_sign')) return false;
  const reach = unitsReached(me, region, ['sakip_coordinator', 'unit_head']);
  return reach === null || (unitId !== null && reach.has(unitId));
}

/** "Kepala daerah", "Dinas Kesehatan", "Kepala Bidang P2P — Dinas Kesehatan". */
function whose(a: { level: Level; unit: { name: string } | null; subunit: string }, t: ReturnType<typeof useI18n>['t']): string {
  if (a.level === 'region') return t('sakip.pk.level.region');
  return a.subunit ? `${a.subunit} — ${a.unit?.name ?? ''}` : a.unit?.name ?? '';
}

/** A target as committed: one value or a range, with its measure. */
function TargetFigure({ target }: { target: Agreement['targets'][number] }) {
  const { locale } = useI18n();
  const shown = target.type === 'single' ? formatExact(target.value, locale) : `${formatExact(target.low, locale)}–${formatExact(target.high, locale)}`;
  return <>{shown} {target.measure}</>;
}

function AgreementStatus({ status }: { status: Agreement['status'] }) {
  const { t } = useI18n();
  return <span className={`badge pk-${status}`}>{t(`sakip.pk.status.${status}`)}</span>;
}

// ---------------------------------------------------------------------------
// A year's agreements

export function AgreementsPage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <AgreementsView region={region} />}</SakipPage>;
}

function AgreementsView({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { path, query } = useLocation();
  const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: region.timezone, year: 'numeric' }).format(new Date()));
  const year = Number(query.get('tahun')) || thisYear;
  const list = useStaffApi<AgreementBrief[]>(`${agreementsUrl(region.code)}?year=${year}`);
  return (
    <>
      <PageTitle title={t('sakip.pk.title')}>{t('sakip.pk.title')}</PageTitle>
      <p className="small muted">{t('sakip.pk.intro')}</p>
      <div className="field narrow">
        <label htmlFor="pk-year">{t('sakip.pk.year')}</label>
        <select id="pk-year" value={year} onChange={(e) => navigate(`${path}?tahun=${e.target.value}`, { replace: true })}>
          {Array.from({ length: 6 }, (_, i) => thisYear - 2 + i).map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </div>
      <ErrorMessage error={list.error} />
      {!list.data ? <Loading /> : list.data.length === 0 ? <p className="muted">{t('sakip.pk.none', { year })}</p> : (
        <div className="sakip-scroll"><table className="sakip-table">
          <caption>{t('sakip.pk.caption', { year })}</caption>
          <thead><tr>
            <th scope="col">{t('sakip.pk.official')}</th><th scope="col">{t('sakip.pk.firstParty')}</th>
            <th scope="col">{t('sakip.pk.version')}</th><th scope="col">{t('sakip.pk.state')}</th>
          </tr></thead>
          <tbody>
            {list.data.map((a) => (
              <tr key={a.id}>
                <th scope="row"><Link to={agreementPath(region.code, a.id)}>{whose(a, t)}</Link><div className="small muted">{t(`sakip.pk.level.${a.level}`)}</div></th>
                <td>{a.firstParty.name}<div className="small muted">{a.firstParty.position}</div></td>
                <td className="num">{a.version}</td>
                <td><AgreementStatus status={a.status} />{a.signedOn && <div className="small">{a.signedOn}</div>}</td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
      <NewAgreement region={region} year={year} />
    </>
  );
}

/** The three fields of a party; NIP optional (the head of region has none). */
function PartyFields({ id, legend, party, onChange }: { id: string; legend: string; party: Party; onChange: (p: Party) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      <label htmlFor={`${id}-name`}>{t('sakip.pk.name')}</label>
      <input id={`${id}-name`} type="text" required maxLength={300} value={party.name} onChange={(e) => onChange({ ...party, name: e.target.value })} />
      <label htmlFor={`${id}-position`}>{t('sakip.pk.position')}</label>
      <input id={`${id}-position`} type="text" required maxLength={300} value={party.position} onChange={(e) => onChange({ ...party, position: e.target.value })} />
      <label htmlFor={`${id}-nip`}>{t('sakip.pk.nip')}</label>
      <input id={`${id}-nip`} type="text" inputMode="numeric" maxLength={30} value={party.nip} onChange={(e) => onChange({ ...party, nip: e.target.value })} />
    </fieldset>
  );
}

/** A budget typed with thousands dots ("1.250.000.000") or without, as the API's decimal. */
const rupiah = (typed: string) => {
  const s = typed.trim().replace(/\s/g, '');
  return toApiDecimal(/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) ? s.replace(/\./g, '') : s);
};

const noParty: Party = { name: '', position: '', nip: '' };
const partyBody = (p: Party) => ({ name: p.name.trim(), position: p.position.trim(), ...(p.nip.trim() ? { nip: p.nip.trim() } : {}) });

/** The coordinator drafts any agreement (the head of region's too); a unit planner their unit's. */
function NewAgreement({ region, year }: { region: RegionProfile; year: number }) {
  const { t } = useI18n();
  const { me } = useSession();
  const coordinator = mayPlan(me, region.code, null);
  const reach = unitsReached(me, region.code, ['sakip_coordinator', 'sakip_planner']);
  const planner = may(me, region.code, 'sakip.plan');
  const units = useStaffApi<Unit[]>(planner ? `${regionApi(region.code)}/units` : null);
  const [level, setLevel] = useState<Level>(coordinator ? 'region' : 'unit');
  const [unitId, setUnitId] = useState('');
  const [subunit, setSubunit] = useState('');
  const [first, setFirst] = useState<Party>(noParty);
  const [second, setSecond] = useState<Party>(noParty);
  const [error, setError] = useState<unknown>(null);
  if (!planner) return null;
  const choices = (units.data ?? []).filter((u) => u.active && (reach === null || reach.has(u.id)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const body = {
        year, level, firstParty: partyBody(first),
        ...(level === 'region' ? {} : { unitId: unitId || choices[0]?.id, secondParty: partyBody(second) }),
        ...(level === 'subunit' ? { subunit: subunit.trim() } : {}),
      };
      const made = await api<Agreement>(agreementsUrl(region.code), { method: 'POST', body });
      navigate(agreementPath(region.code, made.id));
    } catch (err) {
      setError(err);
    }
  };
  const levels: Level[] = coordinator ? ['region', 'unit', 'subunit'] : ['unit', 'subunit'];
  return (
    <details className="card">
      <summary>{t('sakip.pk.new', { year })}</summary>
      <form onSubmit={submit}>
        <p className="small muted">{t('sakip.pk.newHint')}</p>
        <fieldset className="field">
          <legend>{t('sakip.pk.level')}</legend>
          {levels.map((l) => <label key={l} className="choice"><input type="radio" name="pk-level" checked={level === l} onChange={() => setLevel(l)} /> {t(`sakip.pk.level.${l}`)}</label>)}
        </fieldset>
        {level !== 'region' && (
          <div className="field">
            <label htmlFor="pk-unit">{t('sakip.new.unit')}</label>
            <select id="pk-unit" required value={unitId || choices[0]?.id || ''} onChange={(e) => setUnitId(e.target.value)}>
              {choices.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
          </div>
        )}
        {level === 'subunit' && (
          <div className="field">
            <label htmlFor="pk-subunit">{t('sakip.pk.subunit')}</label>
            <input id="pk-subunit" type="text" required maxLength={300} value={subunit} onChange={(e) => setSubunit(e.target.value)} />
          </div>
        )}
        <PartyFields id="pk-first" legend={t('sakip.pk.firstParty')} party={first} onChange={setFirst} />
        {level !== 'region' && <PartyFields id="pk-second" legend={t('sakip.pk.secondParty')} party={second} onChange={setSecond} />}
        <ErrorMessage error={error} />
        <button type="submit" className="button">{t('sakip.pk.draft')}</button>
      </form>
    </details>
  );
}

// ---------------------------------------------------------------------------
// One agreement: the current version or an earlier one

export function AgreementPage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <AgreementView region={region} id={params.agreementId} version={Number(params.version) || undefined} />}</SakipPage>;
}

function AgreementView({ region, id, version }: { region: RegionProfile; id: string; version?: number }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const url = agreementUrl(region.code, id);
  const data = useStaffApi<Agreement>(version ? `${url}/versions/${version}` : url);
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data) return <Loading />;
  const a = data.data;
  const current = a.version === a.currentVersion;
  const unitId = a.unit?.id ?? null;
  const planner = mayPlan(me, region.code, unitId);
  const title = `${t('sakip.pk.of', { year: a.year })}: ${whose(a, t)}`;
  return (
    <>
      <p><Link to={agreementPath(region.code, undefined, `?tahun=${a.year}`)}>{t('sakip.pk.back')}</Link></p>
      <PageTitle title={title}>{title}</PageTitle>
      {!current && <p className="alert alert-warn">{t('sakip.pk.oldVersion', { version: a.version, current: a.currentVersion })} <Link to={agreementPath(region.code, a.id)}>{t('sakip.pk.toCurrent')}</Link></p>}
      <dl className="sakip-facts">
        <div><dt>{t('sakip.pk.state')}</dt><dd><AgreementStatus status={a.status} /> {t('sakip.pk.versionN', { n: a.version })}</dd></div>
        <div><dt>{t('sakip.pk.plan')}</dt><dd>{a.plan.title}</dd></div>
        <div><dt>{t('sakip.pk.firstParty')}</dt><dd>{a.firstParty.name}, {a.firstParty.position}{a.firstParty.nip && <span className="small"> (NIP {a.firstParty.nip})</span>}</dd></div>
        {a.secondParty && <div><dt>{t('sakip.pk.secondParty')}</dt><dd>{a.secondParty.name}, {a.secondParty.position}{a.secondParty.nip && <span className="small"> (NIP {a.secondParty.nip})</span>}</dd></div>}
        <div><dt>{t('sakip.pk.placeDate')}</dt><dd>{a.words.placeAndDate}</dd></div>
        {a.signed && <div><dt>{t('sakip.pk.signedBy')}</dt><dd className="small">{a.signed.by}, <When at={a.signed.at} zone={region} /></dd></div>}
        {a.reason && <div><dt>{t('sakip.pk.reason')}</dt><dd>{a.reason}</dd></div>}
      </dl>
      <div className="button-row">
        <Link className="button secondary" to={versionPath(region.code, a.id, a.version, '/cetak')}>{t('sakip.pk.print')}</Link>
        <a className="button secondary" href={`${url}/export.docx?version=${a.version}`} download>{t('sakip.pk.word')}</a>
      </div>
      <div className="sakip-scroll"><table className="sakip-table">
        <caption>{t('sakip.pk.targets', { year: a.year })}</caption>
        <thead><tr><th scope="col">#</th><th scope="col">{t('sakip.pk.target')}</th><th scope="col">{t('sakip.pk.indicator')}</th><th scope="col">{t('sakip.pk.figure')}</th></tr></thead>
        <tbody>
          {a.targets.map((r, i) => (
            <tr key={r.indicatorId}>
              <td>{i + 1}</td><td>{r.target}</td><td>{r.indicator}</td>
              <td><TargetFigure target={r} />{r.revisedSince && <div className="small muted">{t('sakip.pk.revisedSince')}</div>}</td>
            </tr>
          ))}
        </tbody>
      </table></div>
      {a.programmes.length > 0 && (
        <div className="sakip-scroll"><table className="sakip-table">
          <caption>{t(a.level === 'subunit' ? 'sakip.pk.activities' : 'sakip.pk.programmes')}</caption>
          <thead><tr><th scope="col">#</th><th scope="col">{t('sakip.pk.programme')}</th><th scope="col" className="num">{t('sakip.pk.budget')}</th></tr></thead>
          <tbody>
            {a.programmes.map((p, i) => (
              <tr key={p.nodeId}><td>{i + 1}</td><td>{p.code && <span className="node-code muted">{p.code} </span>}{p.title}</td><td className="num">{formatExact(p.budget, locale)}</td></tr>
            ))}
          </tbody>
        </table></div>
      )}
      {current && a.status === 'draft' && planner && <EditDraft key={a.version} url={url} a={a} reload={data.reload} />}
      {current && a.status === 'draft' && maySign(me, region.code, unitId) && <SignForm url={url} a={a} reload={data.reload} />}
      {current && a.status === 'signed' && planner && <ReviseForm url={url} a={a} reload={data.reload} />}
      <h2>{t('sakip.pk.versions')}</h2>
      <ol className="revision-list">
        {a.versions.map((v) => (
          <li key={v.version}>
            {v.version === a.version ? <strong>{t('sakip.pk.versionN', { n: v.version })}</strong> : <Link to={versionPath(region.code, a.id, v.version)}>{t('sakip.pk.versionN', { n: v.version })}</Link>}
            {' '}<AgreementStatus status={v.status} /> <span className="small">{v.created.by}, <When at={v.created.at} zone={region} />{v.signedOn && ` · ${t('sakip.pk.signedOn', { date: v.signedOn })}`}</span>
            {v.reason && <div className="small">{t('sakip.pk.reason')}: {v.reason}</div>}
          </li>
        ))}
      </ol>
    </>
  );
}

/** Parties, place, date and the programmes' budgets of a draft. */
function EditDraft({ url, a, reload }: { url: string; a: Agreement; reload: () => void }) {
  const { t } = useI18n();
  const [first, setFirst] = useState<Party>(a.firstParty);
  const [second, setSecond] = useState<Party>(a.secondParty ?? noParty);
  const [place, setPlace] = useState(a.place);
  const [signedOn, setSignedOn] = useState(a.signedOn ?? '');
  const [budgets, setBudgets] = useState<Record<string, string>>(Object.fromEntries(a.programmes.map((p) => [p.nodeId, p.budget ?? ''])));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api(url, {
        method: 'PATCH',
        body: {
          firstParty: partyBody(first), ...(a.secondParty ? { secondParty: partyBody(second) } : {}), place: place.trim(), signedOn: signedOn || null,
          budgets: a.programmes.map((p) => ({ nodeId: p.nodeId, budget: budgets[p.nodeId]?.trim() ? rupiah(budgets[p.nodeId]) : null })),
        },
      });
      setSaved(true);
      reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="card">
      <summary>{t('sakip.pk.edit')}</summary>
      <form onSubmit={save}>
        <PartyFields id="pk-edit-first" legend={t('sakip.pk.firstParty')} party={first} onChange={setFirst} />
        {a.secondParty && <PartyFields id="pk-edit-second" legend={t('sakip.pk.secondParty')} party={second} onChange={setSecond} />}
        <div className="field">
          <label htmlFor="pk-place">{t('sakip.pk.place')}</label>
          <input id="pk-place" type="text" required maxLength={200} value={place} onChange={(e) => setPlace(e.target.value)} />
        </div>
        <div className="field narrow">
          <label htmlFor="pk-date">{t('sakip.pk.date')}</label>
          <input id="pk-date" type="date" value={signedOn} onChange={(e) => setSignedOn(e.target.value)} />
        </div>
        {a.programmes.map((p) => (
          <div key={p.nodeId} className="field">
            <label htmlFor={`pk-budget-${p.nodeId}`}>{t('sakip.pk.budgetOf', { title: `${p.code ? `${p.code} ` : ''}${p.title}` })}</label>
            <input id={`pk-budget-${p.nodeId}`} type="text" inputMode="decimal" maxLength={60} value={budgets[p.nodeId] ?? ''} onChange={(e) => setBudgets({ ...budgets, [p.nodeId]: e.target.value })} />
          </div>
        ))}
        <ErrorMessage error={error} />
        {saved && <p className="alert alert-ok" role="status">{t('sakip.pk.saved')}</p>}
        <button type="submit" className="button">{t('sakip.pk.save')}</button>
      </form>
    </details>
  );
}

/** Records that the parties signed, on the day given (the draft's date or today). */
function SignForm({ url, a, reload }: { url: string; a: Agreement; reload: () => void }) {
  const { t } = useI18n();
  const [signedOn, setSignedOn] = useState(a.signedOn ?? '');
  const [error, setError] = useState<unknown>(null);
  const sign = async (e: FormEvent) => {
    e.preventDefault();
    if (!window.confirm(t('sakip.pk.signConfirm'))) return;
    setError(null);
    try {
      await api(`${url}/sign`, { method: 'POST', body: signedOn ? { signedOn } : {} });
      reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card" onSubmit={sign}>
      <h2>{t('sakip.pk.sign')}</h2>
      <p className="small muted">{t('sakip.pk.signHint')}</p>
      <div className="field narrow">
        <label htmlFor="pk-sign-date">{t('sakip.pk.signDate')}</label>
        <input id="pk-sign-date" type="date" value={signedOn} onChange={(e) => setSignedOn(e.target.value)} />
      </div>
      <ErrorMessage error={error} />
      <button type="submit" className="button">{t('sakip.pk.signButton')}</button>
    </form>
  );
}

/** A new version of a signed agreement, with its reason; the parties may change with it. */
function ReviseForm({ url, a, reload }: { url: string; a: Agreement; reload: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [first, setFirst] = useState<Party>(a.firstParty);
  const [second, setSecond] = useState<Party>(a.secondParty ?? noParty);
  const [error, setError] = useState<unknown>(null);
  const revise = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`${url}/revise`, { method: 'POST', body: { reason: reason.trim(), firstParty: partyBody(first), ...(a.secondParty ? { secondParty: partyBody(second) } : {}) } });
      reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="card">
      <summary>{t('sakip.pk.revise')}</summary>
      <form onSubmit={revise}>
        <p className="small muted">{t('sakip.pk.reviseHint')}</p>
        <div className="field">
          <label htmlFor="pk-reason">{t('sakip.pk.reason')}</label>
          <textarea id="pk-reason" required maxLength={2000} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <PartyFields id="pk-revise-first" legend={t('sakip.pk.firstParty')} party={first} onChange={setFirst} />
        {a.secondParty && <PartyFields id="pk-revise-second" legend={t('sakip.pk.secondParty')} party={second} onChange={setSecond} />}
        <ErrorMessage error={error} />
        <button type="submit" className="button">{t('sakip.pk.reviseButton')}</button>
      </form>
    </details>
  );
}

// ---------------------------------------------------------------------------
// The printable agreement: the document's own words, in Indonesian

export function AgreementPrintPage({ params }: { params: Params }) {
  return <SakipPage region={params.region}>{(region) => <PrintView region={region} id={params.agreementId} version={Number(params.version)} />}</SakipPage>;
}

/** One party's signature column: the role, the position, room to sign, the name and NIP. */
function Signature({ role, party, placeAndDate }: { role: string; party: Party; placeAndDate?: string }) {
  return (
    <div className="pk-signer">
      <p className="pk-date">{placeAndDate ?? '\u00a0'}</p>
      <p>{role}<br />{party.position}</p>
      <p className="pk-name"><strong>{party.name}</strong>{party.nip && <><br />NIP {party.nip}</>}</p>
    </div>
  );
}

function PrintView({ region, id, version }: { region: RegionProfile; id: string; version: number }) {
  const { t } = useI18n();
  const url = agreementUrl(region.code, id);
  const data = useStaffApi<Agreement>(`${url}/versions/${version}`);
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data) return <Loading />;
  const a = data.data;
  // Figures as the signed document writes them: Indonesian notation, whatever the screen's language.
  const figure = (r: Agreement['targets'][number]) => `${r.type === 'single' ? formatExact(r.value, 'id') : `${formatExact(r.low, 'id')}–${formatExact(r.high, 'id')}`} ${r.measure}`.trim();
  return (
    <>
      <div className="no-print">
        <p><Link to={versionPath(region.code, a.id, a.version)}>{t('sakip.pk.backToAgreement')}</Link></p>
        <div className="button-row">
          <button type="button" className="button" onClick={() => window.print()}>{t('sakip.report.print')}</button>
          <a className="button secondary" href={`${url}/export.docx?version=${a.version}`} download>{t('sakip.pk.word')}</a>
        </div>
        {a.status !== 'signed' && <p className="small muted">{t('sakip.pk.printDraft')}</p>}
      </div>
      <article className="sakip-report pk-document" lang="id">
        <PageTitle title={a.words.title[0]}>{a.words.title.map((line, i) => <span key={i} className="pk-title-line">{line}</span>)}</PageTitle>
        {a.words.paragraphs.map((p, i) => <p key={i} className="pk-paragraph">{p}</p>)}
        <div className="pk-signatures">
          {a.secondParty ? <Signature role="Pihak Kedua," party={a.secondParty} /> : <div />}
          <Signature role="Pihak Pertama," party={a.firstParty} placeAndDate={a.words.placeAndDate} />
        </div>
        <section className="pk-annex">
          <h2>{`LAMPIRAN PERJANJIAN KINERJA TAHUN ${a.year}`}<br />{whose(a, t).toUpperCase()}</h2>
          <table className="sakip-table pk-table">
            <thead><tr><th scope="col">No</th><th scope="col">Sasaran</th><th scope="col">Indikator kinerja</th><th scope="col">Target {a.year}</th></tr></thead>
            <tbody>{a.targets.map((r, i) => <tr key={r.indicatorId}><td>{i + 1}</td><td>{r.target}</td><td>{r.indicator}</td><td className="num">{figure(r)}</td></tr>)}</tbody>
          </table>
          {a.programmes.length > 0 && (
            <table className="sakip-table pk-table">
              <thead><tr><th scope="col">No</th><th scope="col">{a.level === 'subunit' ? 'Kegiatan' : 'Program'}</th><th scope="col">Anggaran (Rp)</th></tr></thead>
              <tbody>{a.programmes.map((p, i) => <tr key={p.nodeId}><td>{i + 1}</td><td>{p.code ? `${p.code} ` : ''}{p.title}</td><td className="num">{formatExact(p.budget, 'id')}</td></tr>)}</tbody>
            </table>
          )}
          <div className="pk-signatures">
            {a.secondParty ? <Signature role="Pihak Kedua," party={a.secondParty} /> : <div />}
            <Signature role="Pihak Pertama," party={a.firstParty} placeAndDate={a.words.placeAndDate} />
          </div>
        </section>
      </article>
    </>
  );
}
