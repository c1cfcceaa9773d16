// Bills and payments for staff: the region's bills with the API's filters
// (status, kind, unit, a billing code, NOP or name; in the address, so a
// search can be linked), cancelling an unpaid bill, importing the regional
// tax system's bills from a CSV, and reconciling a bank statement: previewed
// first (a dry run saves nothing), then confirmed, with the confirmed
// reports to download as Excel. The rules and every figure are the API's;
// these pages lay them out.
import { useState, type FormEvent } from 'react';
import { api, ApiError, regionApi } from '../../../api.js';
import { pageFrom, Pager } from '../../../components/Pager.js';
import { RegionGate } from '../../../components/RegionGate.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import { ErrorMessage, Flash, Loading, PageTitle, When } from '../../../components/ui.js';
import { formatCalendarDate } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import { Link, navigate, queryString, useLocation, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile, Unit } from '../../../types.js';
import { BILL_STATUSES } from '../../../../../src/modules/layanan/domain/billing.js';
import { LINE_OUTCOMES, type LineOutcome } from '../../../../../src/modules/layanan/domain/line-outcomes.js';
import { formatRupiah } from '../components/format.js';
import { SearchBox, searchTerm } from '../components/SearchBox.js';
import type { Bill, BillList, Reconciliation, ReconciliationSummary, ServiceBrief, TaxImport } from '../components/types.js';
import '../components/layanan.css';

const layananApi = (region: string) => `${regionApi(region)}/layanan`;
/** The bills list and the reconciliation page. */
export const billsPath = (region: string, page: '' | 'rekonsiliasi' = '') => `/staff/${region}/layanan/tagihan${page ? `/${page}` : ''}`;
const PAGE = 50;
const KINDS = ['retribusi', 'pajak'] as const;
const STATUS_BADGE: Record<Bill['status'], string> = { unpaid: 'badge-amber', paid: 'badge-green', expired: 'badge-red', cancelled: 'badge-neutral' };

/** A region date (YYYY-MM-DD) short: "31 Des 2026". */
const shortDate = (date: string, locale: 'id' | 'en') => formatCalendarDate(date, locale, { day: 'numeric', month: 'short', year: 'numeric' });

export function BillsPage({ params }: { params: Params }) {
  return (
    <StaffOnly region={params.region} permission="layanan.bills.read">
      <RegionGate code={params.region}>{(region) => <Bills region={region} />}</RegionGate>
    </StaffOnly>
  );
}

function Bills({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { path, query } = useLocation();
  const status = query.get('status') ?? '';
  const kind = query.get('jenis') ?? '';
  const unitId = query.get('unit') ?? '';
  const q = searchTerm(query);
  const page = pageFrom(query);
  const href = (next: { status?: string; kind?: string; unitId?: string; page?: number }) => `${path}${queryString({
    status: (next.status ?? status) || undefined, jenis: (next.kind ?? kind) || undefined, unit: (next.unitId ?? unitId) || undefined, q: q || undefined,
    hal: next.page && next.page > 1 ? next.page : undefined,
  })}`;
  const list = useStaffApi<BillList>(`${layananApi(region.code)}/bills${queryString({
    status: status || undefined, kind: kind || undefined, unitId: unitId || undefined, q: q || undefined, limit: PAGE, offset: (page - 1) * PAGE,
  })}`);
  const services = useStaffApi<ServiceBrief[]>(`${layananApi(region.code)}/services`);
  const units = useStaffApi<Unit[]>(`${regionApi(region.code)}/units`);
  const manage = may(me, region.code, 'layanan.payments.manage');
  const [cancelled, setCancelled] = useState('');
  const [error, setError] = useState<unknown>();
  const serviceName = (id: string | null) => services.data?.find((s) => s.id === id)?.name;
  const cancel = async (b: Bill) => {
    setError(undefined);
    setCancelled('');
    if (!window.confirm(t('layanan.bills.cancelConfirm', { code: b.billingCode, payer: b.payerName, amount: formatRupiah(b.amount) }))) return;
    try {
      await api<Bill>(`${layananApi(region.code)}/bills/${b.id}/cancel`, { method: 'POST' });
      setCancelled(b.billingCode);
    } catch (err) {
      setError(err);
    }
  };
  const filter = (next: { status?: string; kind?: string; unitId?: string }) => navigate(href({ ...next, page: 1 }), { replace: true });
  return (
    <>
      <PageTitle title={t('layanan.bills.title')}>{t('layanan.bills.title')}</PageTitle>
      <p className="muted">{t('layanan.bills.intro')}</p>
      {manage && <p><Link to={billsPath(region.code, 'rekonsiliasi')}>{t('layanan.recon.title')}</Link> · <Link to={`/staff/${region.code}/layanan/pembayaran`}>{t('layanan.channel.link')}</Link></p>}
      <SearchBox id="bills-q" label={t('layanan.bills.search')} />
      <form className="input-row layanan-filters" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="bills-status">{t('layanan.bill.status')}</label>
        <select id="bills-status" value={status} onChange={(e) => filter({ status: e.target.value })}>
          <option value="">{t('layanan.bills.all')}</option>
          {BILL_STATUSES.map((s) => <option key={s} value={s}>{t(`layanan.bill.status.${s}`)}</option>)}
        </select>
        <label htmlFor="bills-kind">{t('layanan.bills.kind')}</label>
        <select id="bills-kind" value={kind} onChange={(e) => filter({ kind: e.target.value })}>
          <option value="">{t('layanan.bills.all')}</option>
          {KINDS.map((k) => <option key={k} value={k}>{t(`layanan.bills.kind.${k}`)}</option>)}
        </select>
        {units.data && <>
          <label htmlFor="bills-unit">{t('layanan.field.unit')}</label>
          <select id="bills-unit" value={unitId} onChange={(e) => filter({ unitId: e.target.value })}>
            <option value="">{t('layanan.bills.all')}</option>
            {units.data.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </>}
      </form>
      {cancelled && <Flash>{t('layanan.bills.cancelled', { code: cancelled })}</Flash>}
      <ErrorMessage error={error ?? list.error} />
      {!list.data ? (!list.error && <Loading />) : list.data.items.length === 0 ? <p className="muted">{t('layanan.bills.none')}</p> : (
        <>
          <p className="small muted">{t('layanan.bills.count', { n: list.data.total })}</p>
          <div className="table-scroll"><table className="layanan-table">
            <thead><tr>
              <th>{t('layanan.bill.code')}</th><th>{t('layanan.bill.for')}</th><th>{t('layanan.bill.payer')}</th><th>{t('layanan.bill.amount')}</th>
              <th>{t('layanan.bill.due')}</th><th>{t('layanan.bill.status')}</th>{manage && <th>{t('layanan.bills.actions')}</th>}
            </tr></thead>
            <tbody>{list.data.items.map((b) => (
              <tr key={b.id} data-code={b.billingCode}>
                <td className="code">{b.billingCode}</td>
                <td className="wide">{b.tax ? t('layanan.bill.tax', { type: b.tax.type, year: b.tax.year, nop: b.tax.objectNumber }) : serviceName(b.serviceId) ?? t('layanan.bill.fee')}</td>
                <td className="wide">{b.payerName}</td>
                <td className="layanan-amount">{formatRupiah(b.amount)}</td>
                <td className="nowrap">{t('layanan.bills.dueAt', { date: shortDate(b.dueDate, locale), zone: region.timezoneLabel })}</td>
                <td><span className={`badge ${STATUS_BADGE[b.status]}`}>{t(`layanan.bill.status.${b.status}`)}</span>
                  {b.paidAt && <div className="small">{t(`layanan.bills.paidVia.${b.paymentChannel ?? 'qris'}`)} <When at={b.paidAt} zone={region} /></div>}
                  {b.cancelledAt && <div className="small"><When at={b.cancelledAt} zone={region} />{b.cancelledBy && ` · ${b.cancelledBy}`}</div>}</td>
                {manage && <td>{b.status === 'unpaid' && <button type="button" className="button secondary" onClick={() => void cancel(b)}>{t('layanan.bills.cancel')}</button>}</td>}
              </tr>
            ))}</tbody>
          </table></div>
        </>
      )}
      {list.data && <Pager page={page} hasNext={page * PAGE < list.data.total} href={(p) => href({ page: p })} />}
      {manage && <TaxImportForm region={region} />}
    </>
  );
}

interface LineProblem { line: number; message: { id: string; en: string } }

/** The API's refusal of a file, and each line it names with what is wrong there. */
function FileRefusal({ error }: { error: unknown }) {
  const { t, pick } = useI18n();
  const problems = error instanceof ApiError ? (error.details as { problems?: LineProblem[] } | undefined)?.problems ?? [] : [];
  return (
    <>
      <ErrorMessage error={error} />
      {problems.length > 0 && (
        <ul className="layanan-problems small" aria-label={t('layanan.bills.problems')}>
          {problems.map((p, i) => <li key={i}>{t('layanan.bills.line', { n: p.line })}: {pick(p.message)}</li>)}
        </ul>
      )}
    </>
  );
}

/** A CSV file chosen in a form, read as text (sent as text/csv). */
function CsvInput({ id, label, onChange }: { id: string; label: string; onChange: (file: File | null) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" required accept=".csv,text/csv" onChange={(e) => onChange(e.target.files?.[0] ?? null)} />
    </div>
  );
}

function TaxImportForm({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<TaxImport>();
  const [sending, setSending] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(undefined);
    setDone(undefined);
    setSending(true);
    try {
      setDone(await api<TaxImport>(`${layananApi(region.code)}/bills/tax-import`, { method: 'POST', body: await file.text(), contentType: 'text/csv' }));
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };
  return (
    <section aria-labelledby="tax-import" className="card">
      <h2 id="tax-import">{t('layanan.taxImport.title')}</h2>
      <p className="small">{t('layanan.taxImport.intro')}</p>
      <form onSubmit={submit} aria-label={t('layanan.taxImport.title')}>
        <CsvInput id="tax-import-file" label={t('layanan.taxImport.file')} onChange={(f) => { setFile(f); setDone(undefined); setError(undefined); }} />
        <button type="submit" className="button" disabled={!file || sending}>{t('layanan.taxImport.send')}</button>
      </form>
      <FileRefusal error={error} />
      {done && (
        <>
          <Flash>{t('layanan.taxImport.done', { created: done.created, present: done.alreadyPresent })}</Flash>
          <div className="table-scroll"><table className="layanan-table" aria-label={t('layanan.taxImport.title')}>
            <thead><tr><th>{t('layanan.bills.lineHead')}</th><th>NOP</th><th>{t('layanan.taxImport.type')}</th><th>{t('layanan.taxImport.year')}</th><th>{t('layanan.taxImport.outcome')}</th><th>{t('layanan.bill.code')}</th></tr></thead>
            <tbody>{done.lines.map((l) => (
              <tr key={l.line}><td>{l.line}</td><td className="code">{l.nop}</td><td>{l.taxType}</td><td>{l.taxYear}</td>
                <td>{t(`layanan.taxImport.${l.outcome}`)}</td><td className="code">{l.billingCode}</td></tr>
            ))}</tbody>
          </table></div>
        </>
      )}
    </section>
  );
}

export function ReconciliationPage({ params }: { params: Params }) {
  return (
    <StaffOnly region={params.region} permission="layanan.payments.manage">
      <RegionGate code={params.region}>{(region) => <Reconcile region={region} />}</RegionGate>
    </StaffOnly>
  );
}

const outcomes = Object.keys(LINE_OUTCOMES) as LineOutcome[];

function Reconcile({ region }: { region: RegionProfile }) {
  const { t, pick } = useI18n();
  const url = `${layananApi(region.code)}/payments/reconciliations`;
  const past = useStaffApi<ReconciliationSummary[]>(url);
  const [file, setFile] = useState<File | null>(null);
  // The previewed file's text: confirming sends exactly what was previewed.
  const [preview, setPreview] = useState<{ csv: string; report: Reconciliation }>();
  const [confirmed, setConfirmed] = useState<Reconciliation>();
  const [error, setError] = useState<unknown>();
  const [sending, setSending] = useState(false);
  const send = async (csv: string, dryRun: boolean) => {
    setError(undefined);
    setSending(true);
    try {
      const report = await api<Reconciliation>(`${url}${dryRun ? '?dryRun=true' : ''}`, { method: 'POST', body: csv, contentType: 'text/csv', reads: dryRun });
      if (dryRun) setPreview({ csv, report });
      else {
        setPreview(undefined);
        setConfirmed(report);
      }
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };
  const previewFile = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setConfirmed(undefined);
    await send(await file.text(), true);
  };
  const summary = (totals: Partial<Record<LineOutcome, number>>) => outcomes.filter((o) => totals[o]).map((o) => `${pick(LINE_OUTCOMES[o])}: ${totals[o]}`).join(' · ') || t('layanan.recon.empty');
  return (
    <>
      <PageTitle title={t('layanan.recon.title')}>{t('layanan.recon.title')}</PageTitle>
      <p><Link to={billsPath(region.code)}>{t('layanan.recon.back')}</Link></p>
      <p className="muted">{t('layanan.recon.intro')}</p>
      <form onSubmit={previewFile} className="card" aria-label={t('layanan.recon.title')}>
        <CsvInput id="recon-file" label={t('layanan.recon.file')} onChange={(f) => { setFile(f); setPreview(undefined); setConfirmed(undefined); setError(undefined); }} />
        <button type="submit" className="button secondary" disabled={!file || sending}>{t('layanan.recon.preview')}</button>
      </form>
      <FileRefusal error={error} />
      {preview && (
        <section aria-labelledby="recon-preview">
          <h2 id="recon-preview">{t('layanan.recon.previewTitle')}</h2>
          <p className="alert alert-warn">{t('layanan.recon.previewNote')}</p>
          <p className="small">{summary(preview.report.totals)}</p>
          <ReportLines report={preview.report} />
          <button type="button" className="button" disabled={sending} onClick={() => void send(preview.csv, false)}>{t('layanan.recon.confirm')}</button>
        </section>
      )}
      {confirmed && confirmed.id && (
        <section aria-labelledby="recon-done">
          <Flash>{t('layanan.recon.done', { n: confirmed.totals.credited ?? 0 })}</Flash>
          <h2 id="recon-done">{t('layanan.recon.doneTitle')}</h2>
          <p className="small">{summary(confirmed.totals)}</p>
          <ReportLines report={confirmed} />
          <p><a href={`${url}/${confirmed.id}/report.xlsx`} download>{t('layanan.recon.download')}</a></p>
        </section>
      )}
      <h2>{t('layanan.recon.history')}</h2>
      <ErrorMessage error={past.error} />
      {!past.data ? (!past.error && <Loading />) : past.data.length === 0 ? <p className="muted">{t('layanan.recon.none')}</p> : (
        <ul className="layanan-list" aria-label={t('layanan.recon.history')}>
          {past.data.map((r) => (
            <li key={r.id}>
              <strong><When at={r.at} zone={region} /></strong> · {r.by}
              <div className="small">{summary(r.totals)}</div>
              <div className="small"><a href={`${url}/${r.id}/report.xlsx`} download>{t('layanan.recon.download')}</a></div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A reconciliation's lines: what the statement said and what came of each. */
function ReportLines({ report }: { report: Reconciliation }) {
  const { t, locale, pick } = useI18n();
  return (
    <div className="table-scroll"><table className="layanan-table layanan-recon">
      <thead><tr>
        <th>{t('layanan.bills.lineHead')}</th><th>{t('layanan.recon.date')}</th><th>{t('layanan.bill.amount')}</th><th>{t('layanan.recon.description')}</th>
        <th>{t('layanan.recon.reference')}</th><th>{t('layanan.bill.code')}</th><th>{t('layanan.recon.outcome')}</th>
      </tr></thead>
      <tbody>{report.lines.map((l) => (
        <tr key={l.line} data-outcome={l.outcome}>
          <td>{l.line}</td><td className="nowrap">{l.date ? shortDate(l.date, locale) : '–'}</td><td className="layanan-amount">{l.amount === null ? '–' : formatRupiah(l.amount)}</td>
          <td className="wide">{l.description}</td><td className="code">{l.reference}</td><td className="code">{l.billingCode ?? '–'}</td><td className="wide">{pick(LINE_OUTCOMES[l.outcome])}</td>
        </tr>
      ))}</tbody>
    </table></div>
  );
}
