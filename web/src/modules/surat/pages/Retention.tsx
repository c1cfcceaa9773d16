// The region's retention schedule (JRA): its rows, the Excel export, and for
// the records manager one row set or changed on the spot, and the import of a
// whole schedule from CSV or Excel (the format explained, every problem the
// server finds listed: all rows or none).
import '../components/surat.css';
import { useState, type FormEvent } from 'react';
import { ErrorMessage, Flash, Loading } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import type { Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';
import { api } from '../../../api.js';
import { ClassificationInput } from '../components/ClassificationInput.js';
import { suratApi, SuratPage } from '../components/common.js';
import { IssueList, RecordsHeader, useImport, type RetentionRow } from '../components/records.js';
import { useSend } from '../../../send.js';

export function RetentionPage({ params }: { params: Params }) {
  return <SuratPage region={params.region}>{(region) => <Retention region={region} />}</SuratPage>;
}

function Retention({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  const reads = may(me, region.code, 'surat.file');
  const rows = useStaffApi<RetentionRow[]>(reads ? `${suratApi(region.code)}/retention` : null);
  return (
    <div className="surat">
      <RecordsHeader region={region.code} title={t('surat.jra.title')} intro={t('surat.jra.intro')} allowed={reads} />
      {reads && (
        <>
          <p><a className="button secondary" href={`${suratApi(region.code)}/retention.xlsx`} download>{t('surat.jra.export')}</a></p>
          <ErrorMessage error={rows.error} />
          {!rows.data ? (!rows.error && <Loading />) : rows.data.length === 0 ? <p className="muted">{t('surat.jra.none')}</p> : (
            <div className="table-scroll"><table className="surat-table">
              <caption>{t('surat.jra.title')}</caption>
              <thead><tr>
                <th scope="col">{t('surat.letter.classification')}</th><th scope="col">{t('surat.jra.active')}</th><th scope="col">{t('surat.jra.inactive')}</th>
                <th scope="col">{t('surat.records.file.fate')}</th><th scope="col">{t('surat.jra.note')}</th>
              </tr></thead>
              <tbody>{rows.data.map((r) => (
                <tr key={r.classificationCode}>
                  <th scope="row">{r.classificationCode} <span className="small muted">{r.name}</span></th>
                  <td>{r.activeYears}</td><td>{r.inactiveYears}</td><td>{t(`surat.records.fate.${r.fate}`)}</td><td>{r.note}</td>
                </tr>
              ))}</tbody>
            </table></div>
          )}
          {may(me, region.code, 'surat.retention') && <SetRow region={region.code} rows={rows.data ?? []} onSaved={rows.reload} />}
          {may(me, region.code, 'surat.retention') && <ImportSchedule region={region.code} />}
        </>
      )}
    </div>
  );
}

const FATES = ['musnah', 'dinilai_kembali', 'permanen'] as const;

/** One row, new or changed (a code's current row fills the form). Files already closed keep their periods. */
function SetRow({ region, rows, onSaved }: { region: string; rows: RetentionRow[]; onSaved: () => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [active, setActive] = useState('2');
  const [inactive, setInactive] = useState('3');
  const [fate, setFate] = useState<(typeof FATES)[number]>('musnah');
  const [note, setNote] = useState('');
  const { result: saved, error, busy, run } = useSend<{ classificationCode: string }>();
  const choose = (c: string) => {
    setCode(c);
    const row = rows.find((r) => r.classificationCode === c);
    if (!row) return;
    setActive(String(row.activeYears));
    setInactive(String(row.inactiveYears));
    setFate(row.fate);
    setNote(row.note);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const row = await api<{ classificationCode: string }>(`${suratApi(region)}/retention/${encodeURIComponent(code)}`, { method: 'PUT', body: { activeYears: Number(active), inactiveYears: Number(inactive), fate, note } });
      onSaved();
      return row;
    });
  };
  return (
    <section aria-labelledby="jra-row" className="card">
      <h2 id="jra-row">{t('surat.jra.setRow')}</h2>
      <p className="small">{t('surat.jra.setRowHint')}</p>
      <form onSubmit={submit} aria-label={t('surat.jra.setRow')}>
        <div className="field"><label htmlFor="jra-code">{t('surat.letter.classification')}</label>
          <ClassificationInput id="jra-code" required value={code} onChange={choose} /></div>
        <div className="field"><label htmlFor="jra-active">{t('surat.jra.active')}</label>
          <input id="jra-active" type="number" min={0} max={100} required value={active} onChange={(e) => setActive(e.target.value)} /></div>
        <div className="field"><label htmlFor="jra-inactive">{t('surat.jra.inactive')}</label>
          <input id="jra-inactive" type="number" min={0} max={100} required value={inactive} onChange={(e) => setInactive(e.target.value)} /></div>
        <div className="field"><label htmlFor="jra-fate">{t('surat.records.file.fate')}</label>
          <select id="jra-fate" value={fate} onChange={(e) => setFate(e.target.value as (typeof FATES)[number])}>
            {FATES.map((f) => <option key={f} value={f}>{t(`surat.records.fate.${f}`)}</option>)}
          </select></div>
        <div className="field"><label htmlFor="jra-note">{t('surat.jra.note')}</label>
          <input id="jra-note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} /></div>
        {saved && <Flash>{t('surat.jra.rowSaved', { code: saved.classificationCode })}</Flash>}
        <ErrorMessage error={error} />
        <button type="submit" className="button" disabled={busy}>{t('surat.jra.saveRow')}</button>
      </form>
    </section>
  );
}

function ImportSchedule({ region }: { region: string }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const { result: done, error, busy, send } = useImport<{ rows: number; removed: number }>(`${suratApi(region)}/retention/import`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) void send(file);
  };
  return (
    <section aria-labelledby="jra-import" className="card">
      <h2 id="jra-import">{t('surat.jra.import')}</h2>
      <p className="small">{t('surat.jra.importHint')}</p>
      <p className="small">{t('surat.jra.format')}</p>
      <div className="table-scroll"><table className="surat-table small">
        <caption>{t('surat.jra.example')}</caption>
        <thead><tr><th scope="col">Kode klasifikasi</th><th scope="col">Aktif (tahun)</th><th scope="col">Inaktif (tahun)</th><th scope="col">Keterangan/nasib akhir</th><th scope="col">Catatan</th></tr></thead>
        <tbody><tr><td>000.1</td><td>2</td><td>3</td><td>Musnah</td><td>{t('surat.jra.formatNote')}</td></tr></tbody>
      </table></div>
      <form onSubmit={submit} aria-label={t('surat.jra.import')}>
        <div className="field"><label htmlFor="jra-file">{t('surat.jra.file')}</label>
          <input id="jra-file" type="file" required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} /></div>
        {done && <Flash>{t('surat.jra.imported', { rows: done.rows, removed: done.removed })}</Flash>}
        <ErrorMessage error={error} />
        <IssueList error={error} />
        <button type="submit" className="button" disabled={busy}>{t('surat.jra.importSubmit')}</button>
      </form>
    </section>
  );
}
