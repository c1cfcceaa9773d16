// "Berkaskan": files a letter into an open record file of its unit whose
// classification covers the letter's, or into a new file made on the spot.
// For the records manager and the unit's records clerk (as the API allows);
// mounted on the incoming and the outgoing letter's page.
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import { ErrorMessage, Flash } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { Link } from '../../../router.js';
import { useSession } from '../../../session.js';
import { useSend } from '../../../send.js';
import { isUnder } from '../../../../../src/modules/surat/domain/retention.js';
import { ClassificationInput } from './ClassificationInput.js';
import { suratApi } from './common.js';
import { FileStatusBadge, recordFilePath, type RecordFile } from './records.js';

const NEW = 'new';

export interface FilingLetter { id: string; unitId: string; classificationCode: string; file: { id: string; title: string; status: string } | null }

export function FileLetter({ region, letter, onDone }: { region: string; letter: FilingLetter; onDone: () => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const keeps = (me?.grants ?? []).some((g) => g.regionCode === region && (g.role === 'surat_records_manager' || (g.role === 'surat_clerk' && g.unitId === letter.unitId)));
  const files = useStaffApi<RecordFile[]>(keeps ? `${suratApi(region)}/files?unit=${letter.unitId}&status=open` : null);
  const fitting = (files.data ?? []).filter((f) => f.id !== letter.file?.id && isUnder(letter.classificationCode, f.classificationCode));
  const [choice, setChoice] = useState('');
  const [title, setTitle] = useState('');
  const [code, setCode] = useState(letter.classificationCode);
  const { result: filed, error, busy, run } = useSend<string>();
  if (!keeps) return null;
  const target = choice || fitting[0]?.id || NEW;
  const movable = !letter.file || letter.file.status === 'open';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const fileId = target === NEW
        ? (await api<RecordFile>(`${suratApi(region)}/files`, { method: 'POST', body: { unitId: letter.unitId, classificationCode: code, title } })).id
        : target;
      await api(`${suratApi(region)}/files/${fileId}/letters`, { method: 'POST', body: { letterId: letter.id } });
      setChoice('');
      setTitle('');
      onDone();
      return fileId;
    });
  };
  return (
    <section aria-labelledby="sl-filing" className="card">
      <h2 id="sl-filing">{t('surat.filing.title')}</h2>
      {letter.file
        ? <p>{t('surat.filing.in')} <Link to={recordFilePath(region, letter.file.id)}>{letter.file.title}</Link> <FileStatusBadge status={letter.file.status} /></p>
        : <p className="muted">{t('surat.filing.none')}</p>}
      {filed && <Flash>{t('surat.filing.done')}</Flash>}
      {movable && (
        <form onSubmit={submit} aria-label={t('surat.filing.submit')}>
          <div className="field"><label htmlFor="sf-file">{letter.file ? t('surat.filing.move') : t('surat.filing.file')}</label>
            <select id="sf-file" value={target} onChange={(e) => setChoice(e.target.value)}>
              {fitting.map((f) => <option key={f.id} value={f.id}>{f.classificationCode} · {f.title}</option>)}
              <option value={NEW}>{t('surat.filing.new')}</option>
            </select>
            <p className="small muted">{t('surat.filing.hint', { code: letter.classificationCode })}</p></div>
          {target === NEW && (
            <>
              <div className="field"><label htmlFor="sf-title">{t('surat.records.file.title')}</label>
                <input id="sf-title" type="text" required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} /></div>
              <div className="field"><label htmlFor="sf-code">{t('surat.records.file.code')}</label>
                <ClassificationInput id="sf-code" required describedBy="sf-code-hint" value={code} onChange={setCode} />
                <p id="sf-code-hint" className="small muted">{t('surat.filing.codeHint')}</p></div>
            </>
          )}
          <ErrorMessage error={error} />
          <button type="submit" className="button" disabled={busy}>{t('surat.filing.submit')}</button>
        </form>
      )}
    </section>
  );
}
