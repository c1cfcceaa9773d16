// Training records for digital leadership: a year's programmes with their
// completion counts and the counts per unit; the keepers (region admin, head
// of region, delegates, SPBE coordinator) add programmes and participants,
// mark completion with a date, upload certificates and download the year's
// export as SPBE evidence; they change a programme's details in place, pick a
// participant from the region's staff accounts (or type a name) and remove a
// certificate on its own. A unit head reads their own unit's participants.
import './pimpinan.css';
import { useEffect, useState, type FormEvent } from 'react';
import type { components } from '../../../api-types.js';
import { api } from '../../../api.js';
import { RegionGate } from '../../../components/RegionGate.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import { ErrorMessage, Flash, Loading, PageTitle } from '../../../components/ui.js';
import { formatCalendarDate } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { Link, type Params } from '../../../router.js';
import { useSend } from '../../../send.js';
import type { RegionProfile } from '../../../types.js';

type List = components['schemas']['PimpinanTrainingList'];
type Training = components['schemas']['PimpinanTraining'];
type Participant = components['schemas']['PimpinanTrainingParticipant'];
type StaffChoice = components['schemas']['PimpinanTrainingStaffChoices'][number];
type Programme = Omit<Training, 'participants'>;
const KINDS = ['digital_leadership', 'gcio', 'technical', 'other'] as const;

export function TrainingPage({ params }: { params: Params }) {
  return (
    <StaffOnly region={params.region} permission="pimpinan.training_read">
      <RegionGate code={params.region}>{(region) => <Trainings region={region} />}</RegionGate>
    </StaffOnly>
  );
}

function Trainings({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const base = `/api/regions/${region.code}/pimpinan/pelatihan`;
  const [year, setYear] = useState(() => new URLSearchParams(location.search).get('tahun') ?? String(new Date().getFullYear()));
  const list = useStaffApi<List>(`${base}?year=${encodeURIComponent(year)}`);
  const [open, setOpen] = useState<string | null>(null);
  const date = (d: string) => formatCalendarDate(d, locale, { day: 'numeric', month: 'short', year: 'numeric' });
  const keeper = list.data ? !list.data.own : false;
  return (
    <div className="pimpinan">
      <PageTitle title={t('pimpinan.training.title')}>{t('pimpinan.training.title')}</PageTitle>
      <p className="subnav"><Link to={`/staff/${region.code}/pimpinan/adopsi`}>{t('pimpinan.adoption.title')}</Link></p>
      <p className="muted">{t('pimpinan.training.intro')}</p>
      <label htmlFor="pimpinan-training-year">{t('pimpinan.training.year')}</label>{' '}
      <input id="pimpinan-training-year" type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} style={{ width: '7rem' }} />
      {keeper && (
        <p>
          <a className="button secondary" href={`${base}/ekspor.xlsx?year=${encodeURIComponent(year)}`} download>{t('pimpinan.training.exportXlsx')}</a>{' '}
          <a className="button secondary" href={`${base}/ekspor.csv?year=${encodeURIComponent(year)}`} download>{t('pimpinan.training.exportCsv')}</a>
        </p>
      )}
      <ErrorMessage error={list.error} />
      {!list.data ? (!list.error && <Loading />) : (
        <>
          {list.data.programmes.length === 0 ? <p>{t('pimpinan.training.none')}</p> : (
            <div className="table-scroll">
              <table className="pimpinan-adoption">
                <caption>{t('pimpinan.training.caption', { year: list.data.year })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('pimpinan.training.programme')}</th>
                    <th scope="col">{t('pimpinan.training.dates')}</th>
                    <th scope="col">{t('pimpinan.training.participants')}</th>
                    <th scope="col">{t('pimpinan.training.completed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.programmes.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        <button type="button" className="link-button" aria-expanded={open === p.id} onClick={() => setOpen(open === p.id ? null : p.id)}>{p.title}</button>
                        <div className="small muted">{p.organiser} · {t(`pimpinan.training.kind.${p.kind}`)}</div>
                      </th>
                      <td>{p.startDate === p.endDate ? date(p.startDate) : `${date(p.startDate)} – ${date(p.endDate)}`}</td>
                      <td>{p.participants}</td>
                      <td>{p.completed}/{p.participants}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list.data.units.length > 0 && (
            <div className="table-scroll">
              <table className="pimpinan-adoption">
                <caption>{t('pimpinan.training.byUnit', { year: list.data.year })}</caption>
                <thead><tr><th scope="col">{t('pimpinan.training.unit')}</th><th scope="col">{t('pimpinan.training.participants')}</th><th scope="col">{t('pimpinan.training.completed')}</th></tr></thead>
                <tbody>{list.data.units.map((u) => <tr key={u.unitId}><th scope="row">{u.name}</th><td>{u.participants}</td><td>{u.completed}</td></tr>)}</tbody>
              </table>
            </div>
          )}
          {open && <ProgrammePeople key={open} base={base} id={open} keeper={keeper} units={list.data.unitChoices} onChange={list.reload} />}
          {keeper && <NewProgramme path={base} onDone={(id) => { list.reload(); setOpen(id); }} />}
        </>
      )}
    </div>
  );
}

/** A programme's details as the API takes them, read from its form (new or edit). */
function programmeBody(form: HTMLFormElement) {
  const f = new FormData(form);
  const hours = String(f.get('hours') ?? '');
  return { title: f.get('title'), organiser: f.get('organiser'), kind: f.get('kind'), startDate: f.get('startDate'), endDate: f.get('endDate'), hours: hours ? Number(hours) : null, notes: f.get('notes') };
}

/** A programme's fields, empty for a new one or holding the programme's details; ids start with `prefix`. */
function ProgrammeFields({ prefix, value }: { prefix: string; value?: Programme }) {
  const { t } = useI18n();
  return (
    <>
      <label htmlFor={`${prefix}-title`}>{t('pimpinan.training.programme')}</label>
      <input id={`${prefix}-title`} name="title" required maxLength={300} placeholder="Digital Leadership Academy" defaultValue={value?.title} />
      <label htmlFor={`${prefix}-organiser`}>{t('pimpinan.training.organiser')}</label>
      <input id={`${prefix}-organiser`} name="organiser" required maxLength={200} placeholder="Kementerian Komdigi" defaultValue={value?.organiser} />
      <label htmlFor={`${prefix}-kind`}>{t('pimpinan.training.kind')}</label>
      <select id={`${prefix}-kind`} name="kind" defaultValue={value?.kind ?? 'digital_leadership'}>{KINDS.map((k) => <option key={k} value={k}>{t(`pimpinan.training.kind.${k}`)}</option>)}</select>
      <label htmlFor={`${prefix}-start`}>{t('pimpinan.training.start')}</label>
      <input id={`${prefix}-start`} name="startDate" type="date" required defaultValue={value?.startDate} />
      <label htmlFor={`${prefix}-end`}>{t('pimpinan.training.end')}</label>
      <input id={`${prefix}-end`} name="endDate" type="date" required defaultValue={value?.endDate} />
      <label htmlFor={`${prefix}-hours`}>{t('pimpinan.training.hours')}</label>
      <input id={`${prefix}-hours`} name="hours" type="number" min={0} max={10000} defaultValue={value?.hours ?? undefined} />
      <label htmlFor={`${prefix}-notes`}>{t('pimpinan.training.notes')}</label>
      <textarea id={`${prefix}-notes`} name="notes" maxLength={4000} rows={2} defaultValue={value?.notes} />
    </>
  );
}

function NewProgramme({ path, onDone }: { path: string; onDone: (id: string) => void }) {
  const { t } = useI18n();
  const send = useSend<Training>();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    void send.run(async () => {
      const created = await api<Training>(path, { method: 'POST', body: programmeBody(form) });
      form.reset();
      onDone(created.id);
      return created;
    });
  };
  return (
    <form onSubmit={submit} className="pimpinan-form" aria-labelledby="pimpinan-training-new">
      <h2 id="pimpinan-training-new">{t('pimpinan.training.add')}</h2>
      <ProgrammeFields prefix="pt" />
      <ErrorMessage error={send.error} />
      <button type="submit" className="button" disabled={send.busy}>{t('pimpinan.training.save')}</button>
    </form>
  );
}

/** Changes a programme's details (PATCH); the API's refusal (an end before the start, a completion before a new start) is shown in the form. */
function EditProgramme({ path, programme, onDone, onCancel }: { path: string; programme: Programme; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const send = useSend<Programme>();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    void send.run(() => api<Programme>(path, { method: 'PATCH', body: programmeBody(form) })).then((ok) => ok && onDone());
  };
  return (
    <form onSubmit={submit} className="pimpinan-form" aria-labelledby="pimpinan-training-edit">
      <h3 id="pimpinan-training-edit">{t('pimpinan.training.editTitle', { title: programme.title })}</h3>
      <ProgrammeFields prefix="pe" value={programme} />
      <ErrorMessage error={send.error} />
      <p className="pimpinan-inline">
        <button type="submit" className="button" disabled={send.busy}>{t('pimpinan.training.saveChanges')}</button>
        <button type="button" className="button secondary" onClick={onCancel}>{t('pimpinan.training.cancel')}</button>
      </p>
    </form>
  );
}

function ProgrammePeople({ base, id, keeper, units, onChange }: { base: string; id: string; keeper: boolean; units: List['unitChoices']; onChange: () => void }) {
  const { t, locale } = useI18n();
  const path = `${base}/${id}`;
  const data = useStaffApi<Training>(path);
  const send = useSend<unknown>();
  const [flash, setFlash] = useState('');
  const [editing, setEditing] = useState(false);
  const done = (message: string) => (ok: boolean) => {
    if (!ok) return;
    setFlash(message);
    data.reload();
    onChange();
  };
  const complete = (p: Participant, completedOn: string) =>
    void send.run(() => api(`${path}/peserta/${p.id}`, { method: 'PATCH', body: { status: 'completed', completedOn } })).then(done(t('pimpinan.training.markedDone', { name: p.name })));
  const upload = (p: Participant, file: File) => {
    const form = new FormData();
    form.append('certificate', file);
    void send.run(() => api(`${path}/peserta/${p.id}/sertifikat`, { method: 'PUT', body: form })).then(done(t('pimpinan.training.uploaded', { name: p.name })));
  };
  const unload = (p: Participant) => {
    if (!window.confirm(t('pimpinan.training.removeCertificateConfirm', { name: p.name }))) return;
    void send.run(() => api(`${path}/peserta/${p.id}/sertifikat`, { method: 'DELETE' })).then(done(t('pimpinan.training.certificateRemoved', { name: p.name })));
  };
  const remove = (p: Participant) => void send.run(() => api(`${path}/peserta/${p.id}`, { method: 'DELETE' })).then(done(t('pimpinan.training.removed', { name: p.name })));
  if (!data.data) return <><ErrorMessage error={data.error} />{!data.error && <Loading />}</>;
  const p = data.data;
  return (
    <section aria-labelledby="pimpinan-training-people" className="pimpinan-training-people">
      <h2 id="pimpinan-training-people">{t('pimpinan.training.peopleOf', { title: p.title })}</h2>
      {p.notes && <p className="small">{p.notes}</p>}
      {flash && <Flash>{flash}</Flash>}
      {keeper && !editing && (
        <p><button type="button" className="button secondary" onClick={() => { setFlash(''); setEditing(true); }}>{t('pimpinan.training.edit')}</button></p>
      )}
      {keeper && editing && (
        <EditProgramme path={path} programme={p} onCancel={() => setEditing(false)} onDone={() => { setEditing(false); done(t('pimpinan.training.changed'))(true); }} />
      )}
      <ErrorMessage error={send.error} />
      {p.participants.length === 0 ? <p className="muted">{t('pimpinan.training.noPeople')}</p> : (
        <ul className="pimpinan-participants">
          {p.participants.map((x) => (
            <li key={x.id}>
              <strong>{x.name}</strong>{x.nip && <span className="small muted"> · NIP {x.nip}</span>}
              <div className="small">{x.position} · {x.unitName}</div>
              <div className="small">
                {t(`pimpinan.training.status.${x.status}`)}
                {x.completedOn && <> · {formatCalendarDate(x.completedOn, locale, { day: 'numeric', month: 'short', year: 'numeric' })}</>}
                {' · '}
                {x.certificate ? <a href={x.certificate.url} download={x.certificate.fileName}>{t('pimpinan.training.certificate')}</a> : t('pimpinan.training.noCertificate')}
              </div>
              {keeper && (
                <div className="pimpinan-actions">
                  {x.status !== 'completed' && <CompleteForm participant={x} busy={send.busy} onComplete={complete} />}
                  <label className="small">
                    {t('pimpinan.training.uploadFor', { name: x.name })}{' '}
                    <input type="file" accept="application/pdf,image/jpeg,image/png" disabled={send.busy} onChange={(e) => { const file = e.target.files?.[0]; if (file) upload(x, file); }} />
                  </label>
                  {x.certificate && (
                    <button type="button" className="button secondary small" disabled={send.busy} aria-label={t('pimpinan.training.removeCertificateOf', { name: x.name })} onClick={() => unload(x)}>
                      {t('pimpinan.training.removeCertificate')}
                    </button>
                  )}
                  <button type="button" className="button secondary small" disabled={send.busy} onClick={() => remove(x)}>{t('pimpinan.training.remove', { name: x.name })}</button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {keeper && <AddParticipant base={base} path={path} units={units} onAdded={done(t('pimpinan.training.addedParticipant'))} />}
    </section>
  );
}

function CompleteForm({ participant, busy, onComplete }: { participant: Participant; busy: boolean; onComplete: (p: Participant, date: string) => void }) {
  const { t } = useI18n();
  const [date, setDate] = useState('');
  const id = `pc-${participant.id}`;
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (date) onComplete(participant, date); }} className="pimpinan-inline">
      <label htmlFor={id} className="small">{t('pimpinan.training.completedOn')}</label>{' '}
      <input id={id} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />{' '}
      <button type="submit" className="button small" disabled={busy}>{t('pimpinan.training.markDone', { name: participant.name })}</button>
    </form>
  );
}


/**
 * Adds a participant: a staff account of the region found by name or email
 * (its name, unit and role fill the fields, to be corrected: the position is
 * the real one in words), or a person typed by name as before.
 */
function AddParticipant({ base, path, units, onAdded }: { base: string; path: string; units: List['unitChoices']; onAdded: (ok: boolean) => void }) {
  const { t } = useI18n();
  const send = useSend<Participant>();
  const empty = { name: '', nip: '', unitId: '', position: '' };
  const [fields, setFields] = useState(empty);
  const [account, setAccount] = useState<StaffChoice | null>(null);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const found = useStaffApi<StaffChoice[]>(query.length >= 2 && !account ? `${base}/pegawai?q=${encodeURIComponent(query)}` : null);
  const set = (key: keyof typeof empty) => (e: { target: { value: string } }) => setFields({ ...fields, [key]: e.target.value });
  const pick = (c: StaffChoice) => {
    setAccount(c);
    setFields({ name: c.name, nip: fields.nip, unitId: c.unitId && units.some((u) => u.id === c.unitId) ? c.unitId : fields.unitId, position: c.position });
  };
  const drop = () => {
    setAccount(null);
    setFields(empty);
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const nip = fields.nip.trim();
    void send.run(() => api<Participant>(`${path}/peserta`, { method: 'POST', body: { userId: account?.userId ?? null, name: fields.name, nip: nip || null, unitId: fields.unitId, position: fields.position } }))
      .then((ok) => {
        if (ok) {
          drop();
          setSearch('');
        }
        onAdded(ok);
      });
  };
  return (
    <form onSubmit={submit} className="pimpinan-form" aria-labelledby="pimpinan-training-add-person">
      <h3 id="pimpinan-training-add-person">{t('pimpinan.training.addParticipant')}</h3>
      {account ? (
        <p className="pimpinan-inline">
          <span>{t('pimpinan.training.pickedAccount', { name: account.name, email: account.email })}</span>
          <button type="button" className="button secondary small" onClick={drop}>{t('pimpinan.training.unpick')}</button>
        </p>
      ) : (
        <>
          <label htmlFor="pp-search">{t('pimpinan.training.searchStaff')}</label>
          <input id="pp-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" maxLength={100} aria-describedby="pp-search-help" />
          <span id="pp-search-help" className="small muted">{t('pimpinan.training.searchStaffHelp')}</span>
          <ErrorMessage error={found.error} />
          {found.data && (found.data.length === 0 ? <p className="small muted" role="status">{t('pimpinan.training.noStaff')}</p> : (
            <ul className="pimpinan-staff-choices" aria-label={t('pimpinan.training.staffFound')}>
              {found.data.map((c) => (
                <li key={c.userId}>
                  <button type="button" className="link-button" onClick={() => pick(c)}>{t('pimpinan.training.pick', { name: c.name })}</button>
                  <span className="small muted"> · {c.email}{c.unitName && <> · {c.unitName}</>}</span>
                </li>
              ))}
            </ul>
          ))}
        </>
      )}
      <label htmlFor="pp-name">{t('pimpinan.training.name')}</label>
      <input id="pp-name" name="name" required maxLength={200} value={fields.name} onChange={set('name')} />
      <label htmlFor="pp-nip">{t('pimpinan.training.nip')}</label>
      <input id="pp-nip" name="nip" inputMode="numeric" pattern="\d{18}" maxLength={18} value={fields.nip} onChange={set('nip')} />
      <label htmlFor="pp-unit">{t('pimpinan.training.unit')}</label>
      <select id="pp-unit" name="unitId" required value={fields.unitId} onChange={set('unitId')}>
        <option value="" disabled>{t('pimpinan.training.pickUnit')}</option>
        {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
      </select>
      <label htmlFor="pp-position">{t('pimpinan.training.position')}</label>
      <input id="pp-position" name="position" required maxLength={200} placeholder="Kepala Dinas" value={fields.position} onChange={set('position')} />
      <ErrorMessage error={send.error} />
      <button type="submit" className="button" disabled={send.busy}>{t('pimpinan.training.addParticipant')}</button>
    </form>
  );
}
