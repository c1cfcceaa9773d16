// The record files (berkas) the person keeps: the records manager every
// unit's, a unit's records clerk their unit's; open and closed, with their
// classification, letters counted and retention dates; and a new file.
import '../components/surat.css';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import { ErrorMessage, Flash, Loading } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { useSend } from '../../../send.js';
import { Link, navigate, queryString, useLocation, type Params } from '../../../router.js';
import type { RegionProfile, Unit } from '../../../types.js';
import { ClassificationInput } from '../components/ClassificationInput.js';
import { suratApi, SuratPage } from '../components/common.js';
import { archivePath, FileTable, recordFilePath, RecordsHeader, useFilingUnits, type RecordFile } from '../components/records.js';

const STATUSES = ['open', 'closed', 'transferred', 'destroyed', 'permanent'] as const;

export function ArchivePage({ params }: { params: Params }) {
  return <SuratPage region={params.region}>{(region) => <Archive region={region} />}</SuratPage>;
}

function Archive({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const unit = query.get('unit') ?? '';
  const status = query.get('status') ?? '';
  const units = useFilingUnits(region.code);
  const files = useStaffApi<RecordFile[]>(`${suratApi(region.code)}/files${queryString({ unit: unit || undefined, status: status || undefined })}`);
  const go = (patch: Record<string, string>) => navigate(`${archivePath(region.code)}${queryString({ unit: unit || undefined, status: status || undefined, ...Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v || undefined])) })}`);
  return (
    <div className="surat">
      <RecordsHeader region={region.code} title={t('surat.records.files.title')} intro={t('surat.records.files.intro')} />
      <div className="surat-filters card">
        <div className="field"><label htmlFor="sa-unit">{t('surat.col.unit')}</label>
          <select id="sa-unit" value={unit} onChange={(e) => go({ unit: e.target.value })}>
            <option value="">{t('surat.records.all')}</option>
            {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select></div>
        <div className="field"><label htmlFor="sa-status">{t('surat.col.status')}</label>
          <select id="sa-status" value={status} onChange={(e) => go({ status: e.target.value })}>
            <option value="">{t('surat.records.all')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`surat.records.status.${s}`)}</option>)}
          </select></div>
      </div>
      <ErrorMessage error={files.error} />
      {!files.data ? (!files.error && <Loading />) : files.data.length === 0 ? <p className="muted">{t('surat.records.files.none')}</p> : <FileTable region={region.code} files={files.data} caption={t('surat.records.files.title')} />}
      {units.length > 0 && <NewFile region={region} units={units} />}
    </div>
  );
}

function NewFile({ region, units }: { region: RegionProfile; units: Unit[] }) {
  const { t } = useI18n();
  const [unitId, setUnitId] = useState('');
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const { result: made, error, busy, run } = useSend<RecordFile>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const file = await api<RecordFile>(`${suratApi(region.code)}/files`, { method: 'POST', body: { unitId: unitId || units[0].id, classificationCode: code, title, description } });
      setCode('');
      setTitle('');
      setDescription('');
      return file;
    });
  };
  return (
    <section aria-labelledby="sa-new" className="card">
      <h2 id="sa-new">{t('surat.records.file.new')}</h2>
      {made && <Flash>{t('surat.records.file.made')} <Link to={recordFilePath(region.code, made.id)}>{made.title}</Link></Flash>}
      <form onSubmit={submit}>
        <div className="field"><label htmlFor="sa-new-unit">{t('surat.col.unit')}</label>
          <select id="sa-new-unit" required value={unitId || units[0].id} onChange={(e) => setUnitId(e.target.value)}>{units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}</select></div>
        <div className="field"><label htmlFor="sa-new-code">{t('surat.records.file.code')}</label>
          <ClassificationInput id="sa-new-code" required describedBy="sa-new-code-hint" value={code} onChange={setCode} />
          <p id="sa-new-code-hint" className="small muted">{t('surat.filing.codeHint')}</p></div>
        <div className="field"><label htmlFor="sa-new-title">{t('surat.records.file.title')}</label>
          <input id="sa-new-title" type="text" required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} /></div>
        <div className="field"><label htmlFor="sa-new-desc">{t('surat.records.file.description')}</label>
          <textarea id="sa-new-desc" rows={2} maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} /></div>
        <ErrorMessage error={error} />
        <button type="submit" className="button" disabled={busy}>{t('surat.records.file.create')}</button>
      </form>
    </section>
  );
}
