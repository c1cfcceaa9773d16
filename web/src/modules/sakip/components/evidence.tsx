// Evidence files (bukti dukung) as listed on the indicator page (a
// realisation's) and the evaluation page (an AKIP answer's): each with its
// download link, size, who and when, and a remove button for whoever may.
import { When } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import type { RegionProfile } from '../../../types.js';
import type { SakipEvidence } from './types.js';

/** What the file pickers offer: the types the API accepts (it checks the content anyway). */
export const EVIDENCE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.xlsx,.docx,application/pdf,image/jpeg,image/png';

/** "2,4 MB", "830 kB": a file's size, roughly. */
function fileSize(bytes: number, locale: string): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'MB'] : [Math.max(1, Math.round(bytes / 1000)), 'kB'];
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
}

export function EvidenceList({ files, region, onRemove }: { files: SakipEvidence[]; region: RegionProfile; onRemove?: (file: SakipEvidence) => void }) {
  const { t, locale } = useI18n();
  if (files.length === 0) return null;
  const remove = (file: SakipEvidence) => {
    if (onRemove && window.confirm(t('sakip.evidence.removeConfirm', { file: file.fileName }))) onRemove(file);
  };
  return (
    <ul className="evidence-list">
      {files.map((f) => (
        <li key={f.id}>
          <a href={f.url} download={f.fileName}>{f.fileName}</a> <span className="small muted">({fileSize(f.bytes, locale)}) · {f.uploadedBy}, <When at={f.uploadedAt} zone={region} /></span>
          {onRemove && <> <button type="button" className="link-button danger" onClick={() => remove(f)} aria-label={t('sakip.evidence.removeFile', { file: f.fileName })}>{t('sakip.evidence.remove')}</button></>}
        </li>
      ))}
    </ul>
  );
}
