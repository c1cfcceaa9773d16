// Issued documents. Public: the verification page a document's QR code opens
// (/v/{token}): genuine or not, revoked or not, the masked holder, the hash,
// the signer, and a check of a file against the issued one. Staff: the
// region's documents with a search, the PDF, revocation with a reason, and
// the numbering pattern of receipts (results take the correspondence numbering).
import { useState, type FormEvent } from 'react';
import { api, ApiError, regionApi } from '../../../api.js';
import { ErrorMessage, Flash, Loading, PageTitle } from '../../../components/ui.js';
import { useApi } from '../../../data.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { useLocation, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile, Unit } from '../../../types.js';
import { SearchBox, searchTerm } from '../components/SearchBox.js';
import type { DocumentList, DocumentVerification, Letterhead, Numbering } from '../components/types.js';
import '../components/layanan.css';
import { LayananPage } from './Staff.js';

const TOKENS = ['nomor', 'kode_layanan', 'kode_unit', 'bulan_romawi', 'bulan', 'tahun'].map((k) => `{${k}}`).join(', ');
const documentsApi = (region: string) => `${regionApi(region)}/layanan/documents`;

/** A local date (YYYY-MM-DD) as people read it, in the page's language. */
function useLocalDate() {
  const { locale } = useI18n();
  return (date: string) => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** The words for a verified document's kind; the platform's verification answers for every module that issues documents. */
const KIND_KEYS = { result: 'layanan.verify.kind.result', receipt: 'layanan.verify.kind.receipt', letter: 'layanan.verify.kind.letter', memo: 'layanan.verify.kind.memo' } as const;
const kindKey = (kind: string) => KIND_KEYS[kind as keyof typeof KIND_KEYS] ?? 'layanan.verify.document';

export function VerifyPage({ params }: { params: Params }) {
  const { t } = useI18n();
  const day = useLocalDate();
  const found = useApi<DocumentVerification>(`/api/verify/${encodeURIComponent(params.token)}`);
  const missing = found.error instanceof ApiError && found.error.status === 404;
  const d = found.data;
  return (
    <div className="layanan-verify">
      <PageTitle title={t('layanan.verify.title')}>{t('layanan.verify.title')}</PageTitle>
      {missing ? <p className="verify-verdict fake" role="status"><strong>{t('layanan.verify.notFound')}</strong></p> : <ErrorMessage error={found.error} />}
      {!d ? (!found.error && <Loading />) : (
        <>
          {d.revoked ? (
            <div className="verify-verdict revoked" role="status">
              <strong>{t('layanan.verify.revoked')}</strong>
              <p>{t('layanan.verify.revokedOn', { date: day(d.revoked.on) })}</p>
              <p>{t('layanan.verify.reason')}: {d.revoked.reason}</p>
            </div>
          ) : <p className="verify-verdict genuine" role="status"><strong>{t('layanan.verify.genuine')}</strong></p>}
          <dl className="layanan-components">
            <div><dt>{t('layanan.verify.issuer')}</dt><dd>{d.region.name}{d.unit && <> · {d.unit}</>}</dd></div>
            <div><dt>{t('layanan.verify.document')}</dt><dd>{d.title} ({t(kindKey(d.kind))})</dd></div>
            <div><dt>{t('layanan.verify.number')}</dt><dd>{d.number}</dd></div>
            <div><dt>{t('layanan.verify.issuedOn')}</dt><dd>{day(d.issuedOn)}</dd></div>
            <div><dt>{t('layanan.verify.holder')}</dt><dd>{d.holder}</dd></div>
            <div><dt>{t('layanan.verify.signature')}</dt><dd>{d.signature ? t('layanan.verify.signedBy', { signer: d.signature.signer, date: day(d.signature.signedOn) }) : t('layanan.verify.unsigned')}</dd></div>
            <div><dt>SHA-256</dt><dd className="verify-hash">{d.sha256}</dd></div>
          </dl>
          <FileCheck token={params.token} />
        </>
      )}
    </div>
  );
}

function FileCheck({ token }: { token: string }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<boolean | null>(null);
  const [error, setError] = useState<unknown>();
  const check = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(undefined);
    setResult(null);
    const form = new FormData();
    form.append('file', file);
    try {
      setResult((await api<{ matches: boolean }>(`/api/verify/${encodeURIComponent(token)}/check`, { method: 'POST', body: form, reads: true })).matches);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="verify-file">
      <h2 id="verify-file">{t('layanan.verify.fileTitle')}</h2>
      <p className="small">{t('layanan.verify.fileIntro')}</p>
      <form onSubmit={check} className="field">
        <label htmlFor="verify-file-input">{t('layanan.verify.file')}</label>
        <input id="verify-file-input" type="file" accept="application/pdf,.pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <button type="submit" className="button secondary" disabled={!file}>{t('layanan.verify.check')}</button>
      </form>
      <ErrorMessage error={error} />
      {result !== null && <p role="status" className={`verify-verdict ${result ? 'genuine' : 'fake'}`}>{result ? t('layanan.verify.fileMatches') : t('layanan.verify.fileDiffers')}</p>}
    </section>
  );
}

export function DocumentsPage({ params }: { params: Params }) {
  return <LayananPage region={params.region}>{(region) => <Documents region={region} />}</LayananPage>;
}

function Documents({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  const q = searchTerm(useLocation().query);
  const list = useStaffApi<DocumentList>(`${documentsApi(region.code)}${q ? `?${new URLSearchParams({ q })}` : ''}`);
  return (
    <>
      <PageTitle title={t('layanan.documents.title')}>{t('layanan.documents.title')}</PageTitle>
      <p className="muted">{t('layanan.documents.intro')}</p>
      <SearchBox id="documents-q" label={t('layanan.documents.search')} />
      <ErrorMessage error={list.error} />
      {!list.data ? <Loading /> : list.data.items.length === 0 ? <p className="muted">{t('layanan.documents.none')}</p> : (
        <ul className="layanan-list">
          {list.data.items.map((d) => <DocumentItem key={d.id} region={region} doc={d} canRevoke={may(me, region.code, 'layanan.manage')} onChange={list.reload} />)}
        </ul>
      )}
      {may(me, region.code, 'layanan.manage') && <LetterheadForm region={region} />}
      {may(me, region.code, 'layanan.documents.configure') && <NumberingForm region={region} />}
    </>
  );
}

function DocumentItem({ region, doc, canRevoke, onChange }: { region: RegionProfile; doc: DocumentList['items'][number]; canRevoke: boolean; onChange: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>();
  const revoke = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api(`${documentsApi(region.code)}/${doc.id}/revoke`, { method: 'POST', body: { reason } });
      setOpen(false);
      onChange();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <li>
      <strong>{doc.number}</strong> {doc.revokedAt && <span className="layanan-status archived">{t('layanan.documents.revoked')}</span>}
      <div>{doc.title} · {doc.holder}</div>
      <div className="small muted">{new Date(doc.issuedAt).toLocaleDateString('id-ID', { timeZone: region.timezone })} · {doc.signer ? t('layanan.documents.signed') : t('layanan.verify.unsigned')}</div>
      {doc.revokeReason && <div className="small">{t('layanan.verify.reason')}: {doc.revokeReason}</div>}
      <div className="small">
        <a href={`${documentsApi(region.code)}/${doc.id}/pdf`}>{t('layanan.documents.download')}</a> · <a href={doc.verifyUrl}>{t('layanan.documents.verifyPage')}</a>
        {canRevoke && !doc.revokedAt && <> · <button type="button" className="link-button" onClick={() => setOpen(!open)}>{t('layanan.documents.revoke')}</button></>}
      </div>
      {open && (
        <form onSubmit={revoke} className="field">
          <label htmlFor={`reason-${doc.id}`}>{t('layanan.documents.reason')}</label>
          <textarea id={`reason-${doc.id}`} required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="button danger" disabled={!reason.trim()}>{t('layanan.documents.confirmRevoke')}</button>
          <ErrorMessage error={error} />
        </form>
      )}
    </li>
  );
}

function NumberingForm({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const current = useStaffApi<Numbering>(`${documentsApi(region.code)}/numbering`);
  const [pattern, setPattern] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      await api(`${documentsApi(region.code)}/numbering`, { method: 'PUT', body: { pattern: pattern ?? current.data!.pattern } });
      setSaved(true);
      current.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="numbering">
      <h2 id="numbering">{t('layanan.numbering.title')}</h2>
      <p>{t('layanan.numbering.results')}</p>
      <p className="small">{t('layanan.numbering.intro', { tokens: TOKENS })}</p>
      {!current.data ? <Loading /> : (
        <form onSubmit={save} className="field layanan-editor">
          <label htmlFor="numbering-pattern">{t('layanan.numbering.pattern')}</label>
          <input id="numbering-pattern" type="text" maxLength={120} value={pattern ?? current.data.pattern} onChange={(e) => setPattern(e.target.value)} />
          <p className="small muted">{t('layanan.numbering.example', { example: current.data.example })}</p>
          <button type="submit" className="button">{t('layanan.numbering.save')}</button>
        </form>
      )}
      {saved && <Flash>{t('layanan.numbering.saved')}</Flash>}
      <ErrorMessage error={error} />
    </section>
  );
}

const LETTERHEAD_FIELDS = ['address', 'phone', 'email', 'place', 'signerPosition', 'signerName'] as const;
type LetterheadField = (typeof LETTERHEAD_FIELDS)[number];

/** A unit's letterhead and signer, as printed on its documents (a unit's manager saves only their own unit's). */
function LetterheadForm({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const units = useStaffApi<Unit[]>(`${regionApi(region.code)}/units`);
  const [unitId, setUnitId] = useState('');
  const url = unitId ? `${regionApi(region.code)}/layanan/units/${encodeURIComponent(unitId)}/letterhead` : null;
  const current = useStaffApi<Letterhead>(url);
  const [edits, setEdits] = useState<Partial<Record<LetterheadField, string>>>({});
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const value = (f: LetterheadField) => edits[f] ?? current.data?.[f] ?? '';
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      await api(url!, { method: 'PUT', body: Object.fromEntries(LETTERHEAD_FIELDS.map((f) => [f, value(f)])) });
      setSaved(true);
      setEdits({});
      current.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="letterhead">
      <h2 id="letterhead">{t('layanan.letterhead.title')}</h2>
      <p className="small">{t('layanan.letterhead.intro')}</p>
      <div className="field">
        <label htmlFor="letterhead-unit">{t('layanan.letterhead.unit')}</label>
        <select id="letterhead-unit" value={unitId} onChange={(e) => { setUnitId(e.target.value); setEdits({}); setSaved(false); }}>
          <option value="">—</option>
          {(units.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
      </div>
      {unitId && (!current.data ? <Loading /> : (
        <form onSubmit={save} className="layanan-editor">
          {current.data.isDefault && <p className="small muted">{t('layanan.letterhead.default')}</p>}
          {LETTERHEAD_FIELDS.map((f) => (
            <div className="field" key={f}>
              <label htmlFor={`letterhead-${f}`}>{t(`layanan.letterhead.${f}`)}</label>
              <input id={`letterhead-${f}`} type="text" maxLength={300} value={value(f)} onChange={(e) => setEdits({ ...edits, [f]: e.target.value })} />
            </div>
          ))}
          <button type="submit" className="button">{t('layanan.letterhead.save')}</button>
        </form>
      ))}
      {saved && <Flash>{t('layanan.letterhead.saved')}</Flash>}
      <ErrorMessage error={error ?? current.error} />
    </section>
  );
}
