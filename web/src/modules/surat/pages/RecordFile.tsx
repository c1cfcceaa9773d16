// One record file: what it is, its retention dates once closed, its letters
// (a destroyed file's letters keep their register entry, their PDFs are
// gone), and closing it, which fixes its periods from the schedule.
import '../components/surat.css';
import { api } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { useSend } from '../../../send.js';
import { Link, type Params } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';
import { letterPath, SecurityBadge, suratApi, SuratPage } from '../components/common.js';
import { archivePath, Day, FileStatusBadge, RecordsHeader, retentionPath, type RecordFileDetail } from '../components/records.js';

export function RecordFilePage({ params }: { params: Params }) {
  return <SuratPage region={params.region}>{(region) => <RecordFileView region={region} id={params.fileId} />}</SuratPage>;
}

function RecordFileView({ region, id }: { region: RegionProfile; id: string }) {
  const { t } = useI18n();
  const path = `${suratApi(region.code)}/files/${id}`;
  const file = useStaffApi<RecordFileDetail>(path);
  const f = file.data;
  return (
    <div className="surat">
      <p><Link to={archivePath(region.code)}>{t('surat.records.file.back')}</Link></p>
      <ErrorMessage error={file.error} />
      {!f ? (!file.error && <Loading />) : (
        <>
          <RecordsHeader region={region.code} title={f.title} />
          <dl className="surat-facts">
            <dt>{t('surat.records.file.code')}</dt><dd>{f.classificationCode}</dd>
            <dt>{t('surat.col.unit')}</dt><dd>{f.unitName}</dd>
            <dt>{t('surat.col.status')}</dt><dd><FileStatusBadge status={f.status} /></dd>
            <dt>{t('surat.records.file.openedOn')}</dt><dd><Day date={f.openedOn} /></dd>
            <dt>{t('surat.records.file.closedOn')}</dt><dd><Day date={f.closedOn} /></dd>
            <dt>{t('surat.records.file.activeUntil')}</dt><dd><Day date={f.activeUntil} /></dd>
            <dt>{t('surat.records.file.inactiveUntil')}</dt><dd><Day date={f.inactiveUntil} /></dd>
            <dt>{t('surat.records.file.fate')}</dt><dd>{f.fate ? t(`surat.records.fate.${f.fate}` as 'surat.records.fate.musnah') : '—'}</dd>
          </dl>
          {f.description && <p>{f.description}</p>}
          {f.status === 'destroyed' && <p className="alert alert-error">{t('surat.records.file.destroyed')}</p>}
          {f.status === 'open' && <CloseFile region={region.code} path={path} onDone={file.reload} />}
          <section aria-labelledby="rf-letters">
            <h2 id="rf-letters">{t('surat.records.file.letterList', { n: f.letterList.length })}</h2>
            {f.letterList.length === 0 ? <p className="muted">{t('surat.records.file.noLetters')}</p> : (
              <div className="table-scroll"><table className="surat-table">
                <caption>{t('surat.records.file.letterList', { n: f.letterList.length })}</caption>
                <thead><tr>
                  <th scope="col">{t('surat.col.subject')}</th><th scope="col">{t('surat.col.number')}</th><th scope="col">{t('surat.col.date')}</th>
                  <th scope="col">{t('surat.letter.classification')}</th><th scope="col">{t('surat.col.security')}</th><th scope="col">{t('surat.records.file.pdf')}</th>
                </tr></thead>
                <tbody>{f.letterList.map((l) => (
                  <tr key={l.id}>
                    <th scope="row"><Link to={letterPath(region.code, l.id)}>{l.subject}</Link></th>
                    <td>{l.number ?? '—'}</td><td className="nowrap"><Day date={l.letterDate} /></td><td>{l.classificationCode}</td>
                    <td><SecurityBadge security={l.security} /></td>
                    <td>{l.hasPdf ? t('surat.records.file.pdfKept') : f.status === 'destroyed' ? t('surat.records.file.pdfGone') : '—'}</td>
                  </tr>
                ))}</tbody>
              </table></div>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function CloseFile({ region, path, onDone }: { region: string; path: string; onDone: () => void }) {
  const { t } = useI18n();
  const { error, busy, run } = useSend();
  const close = () => run(async () => {
    await api(`${path}/close`, { method: 'POST' });
    onDone();
  });
  return (
    <section aria-labelledby="rf-close" className="card">
      <h2 id="rf-close">{t('surat.records.close.title')}</h2>
      <p className="small">{t('surat.records.close.hint')} <Link to={retentionPath(region)}>{t('surat.records.nav.retention')}</Link></p>
      <ErrorMessage error={error} />
      <button type="button" className="button" disabled={busy} onClick={() => void close()}>{t('surat.records.close.submit')}</button>
    </section>
  );
}
