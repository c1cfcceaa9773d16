// Paying a bill, for the payer (no sign-in, phone first): the bill by its
// billing code with the amount, the due date and the QRIS code to scan with
// any bank or e-wallet app; the page looks again every few seconds while the
// bill waits, so it turns to "paid" when the bank's callback arrives. And the
// region's QRIS payment channel, for its service manager.
import { useEffect, useState, type FormEvent } from 'react';
import { RegionGate } from '../../../components/RegionGate.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import { ErrorMessage, Flash, Loading, PageTitle } from '../../../components/ui.js';
import { api, regionApi } from '../../../api.js';
import { useApi } from '../../../data.js';
import { useStaffApi } from '../../../query.js';
import { formatCalendarDate, formatDateTime, formatNumber } from '../../../format.js';
import { useI18n } from '../../../i18n/index.js';
import type { Params } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';
import { formatRupiah } from '../components/format.js';
import type { PaymentChannel, PublicBill } from '../components/types.js';

/** How often a waiting bill's page asks whether it is paid. */
const RECHECK_MS = 4_000;

export function PublicBillPage({ params }: { params: Params }) {
  return <RegionGate code={params.region}>{(region) => <BillView region={region} code={params.code} />}</RegionGate>;
}

function BillView({ region, code }: { region: RegionProfile; code: string }) {
  const { t, locale } = useI18n();
  const bill = useApi<PublicBill>(`${regionApi(region.code)}/layanan/public/bills/${encodeURIComponent(code)}`);
  const b = bill.data;
  const waiting = b?.status === 'unpaid';
  const { reload } = bill;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(reload, RECHECK_MS);
    return () => clearInterval(timer);
  }, [waiting, reload]);
  return (
    <div className="layanan-public layanan-bill">
      <PageTitle title={t('layanan.bill.title')}>{t('layanan.bill.title')}</PageTitle>
      <ErrorMessage error={bill.error} />
      {!b ? (!bill.error && <Loading />) : (
        <>
          <dl className="layanan-bill-facts">
            <div><dt>{t('layanan.bill.code')}</dt><dd className="layanan-bill-code">{b.billingCode}</dd></div>
            <div><dt>{t('layanan.bill.for')}</dt><dd>{b.tax ? t('layanan.bill.tax', { type: b.tax.type, year: b.tax.year, nop: b.tax.objectNumber }) : b.serviceName ?? t('layanan.bill.fee')}</dd></div>
            <div><dt>{t('layanan.bill.payer')}</dt><dd>{b.payerName}</dd></div>
            <div><dt>{t('layanan.bill.amount')}</dt><dd className="layanan-bill-amount">{formatRupiah(b.amount)}</dd></div>
            <div><dt>{t('layanan.bill.due')}</dt><dd>{formatCalendarDate(b.dueDate, locale)}</dd></div>
            <div><dt>{t('layanan.bill.status')}</dt><dd><strong className={`layanan-bill-status ${b.status}`}>{t(`layanan.bill.status.${b.status}`)}</strong></dd></div>
          </dl>
          {b.status === 'paid' && b.paidAt && <Flash>{t('layanan.bill.paidAt', { at: formatDateTime(b.paidAt, region, locale) })}</Flash>}
          {b.status === 'expired' && <p>{t('layanan.bill.expiredHelp')}</p>}
          {b.status === 'unpaid' && (b.qris ? (
            <section aria-labelledby="qris">
              <h2 id="qris">{t('layanan.bill.scan')}</h2>
              {/* The SVG is drawn by the server from the payload it made (platform/qr.ts), not from anything a user typed. */}
              <div className="layanan-qris" role="img" aria-label={t('layanan.bill.qrLabel', { amount: formatNumber(b.amount, locale) })} dangerouslySetInnerHTML={{ __html: b.qris.svg }} />
              <p className="small">{t('layanan.bill.scanHelp', { merchant: b.qris.merchantName, until: formatDateTime(b.qris.expiresAt, region, locale) })}</p>
            </section>
          ) : <p className="muted">{t('layanan.bill.noChannel')}</p>)}
        </>
      )}
    </div>
  );
}

export function PaymentChannelPage({ params }: { params: Params }) {
  return (
    <StaffOnly region={params.region} permission="layanan.payments.manage">
      <RegionGate code={params.region}>{(region) => <ChannelForm region={region} />}</RegionGate>
    </StaffOnly>
  );
}

type ChannelFields = Pick<Extract<PaymentChannel, { configured: true }>, 'merchantName' | 'merchantCity' | 'postalCode' | 'merchantPan' | 'merchantId' | 'merchantCriteria' | 'nmid' | 'mcc' | 'active'>;
const FIELDS = ['merchantName', 'merchantCity', 'postalCode', 'merchantPan', 'merchantId', 'nmid', 'mcc'] as const;
const MAX: Record<(typeof FIELDS)[number], number> = { merchantName: 25, merchantCity: 15, postalCode: 5, merchantPan: 19, merchantId: 15, nmid: 15, mcc: 4 };
const EMPTY: ChannelFields = { merchantName: '', merchantCity: '', postalCode: '', merchantPan: '', merchantId: '', merchantCriteria: 'URE', nmid: '', mcc: '9311', active: true };

function ChannelForm({ region }: { region: RegionProfile }) {
  const { t, locale } = useI18n();
  const url = `${regionApi(region.code)}/layanan/payments/channel`;
  const channel = useStaffApi<PaymentChannel>(url);
  const [fields, setFields] = useState<ChannelFields>();
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  if (channel.error) return <ErrorMessage error={channel.error} />;
  const c = channel.data;
  if (!c) return <Loading />;
  const shown = fields ?? (c.configured ? { ...c } : EMPTY);
  const set = (patch: Partial<ChannelFields>) => setFields({ ...shown, ...patch });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      const { merchantName, merchantCity, postalCode, merchantPan, merchantId, merchantCriteria, nmid, mcc, active } = shown;
      await api<PaymentChannel>(url, { method: 'PUT', body: { merchantName, merchantCity, postalCode, merchantPan, merchantId, merchantCriteria, nmid, mcc, active, ...(secret ? { secret } : {}) } });
      setSecret('');
      setSaved(true);
      channel.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="layanan-editor">
      <PageTitle title={t('layanan.channel.title')}>{t('layanan.channel.title')}</PageTitle>
      <p>{t('layanan.channel.intro')}</p>
      {c.configured && <p className="small muted">{t('layanan.channel.updated', { at: formatDateTime(c.updatedAt, region, locale), by: c.updatedBy })}</p>}
      {saved && <Flash>{t('layanan.channel.saved')}</Flash>}
      <ErrorMessage error={error} />
      <form onSubmit={save} className="card">
        {FIELDS.map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`channel-${f}`}>{t(`layanan.channel.${f}`)}</label>
            <input id={`channel-${f}`} type="text" required maxLength={MAX[f]} value={shown[f]} onChange={(e) => set({ [f]: e.target.value })} />
          </div>
        ))}
        <div className="field">
          <label htmlFor="channel-criteria">{t('layanan.channel.merchantCriteria')}</label>
          <select id="channel-criteria" value={shown.merchantCriteria} onChange={(e) => set({ merchantCriteria: e.target.value as ChannelFields['merchantCriteria'] })}>
            {(['UMI', 'UKE', 'UME', 'UBE', 'URE'] as const).map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="channel-secret">{t('layanan.channel.secret')}</label>
          <input id="channel-secret" type="password" autoComplete="new-password" minLength={32} maxLength={200} required={!c.secretSet} value={secret} onChange={(e) => setSecret(e.target.value)} />
          <div className="small muted">{c.secretSet ? t('layanan.channel.secretSet') : t('layanan.channel.secretNeeded')}</div>
        </div>
        <label><input type="checkbox" checked={shown.active} onChange={(e) => set({ active: e.target.checked })} /> {t('layanan.channel.active')}</label>
        <div><button type="submit">{t('layanan.channel.save')}</button></div>
      </form>
    </div>
  );
}
