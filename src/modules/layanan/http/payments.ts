// HTTP for bills and payments: staff find, read and cancel bills and set the
// region's QRIS channel; a payer reads a bill by its billing code; the bank
// posts signed callbacks. The callback route keeps the raw body (the
// signature is over its exact bytes), so it lives in its own plugin with its
// own JSON parser.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { paging, regionParam } from '../../../platform/http/schemas.js';
import { failures, fileAnswer, instant, sendAttachment } from '../../../platform/http/responses.js';
import { BILL_STATUSES } from '../domain/billing.js';
import { MERCHANT_CRITERIA } from '../domain/qris.js';
import { LINE_OUTCOMES } from '../domain/line-outcomes.js';
import { cancelBill, listBills, publicBill, readBill } from '../service/payments/bills.js';
import { readChannel, setChannel } from '../service/payments/channels.js';
import { receiveCallback } from '../service/payments/credit.js';
import { listReconciliations, readReconciliation, reconcile, reconciliationWorkbook } from '../service/payments/reconcile.js';
import { importTaxBills } from '../service/payments/tax-import.js';
import { qrisCallbackBody, SIGNATURE_HEADER } from '../service/payments/provider.js';

const tags = ['layanan'];
const kind = z.enum(['retribusi', 'pajak']);
const status = z.enum(BILL_STATUSES).describe('unpaid (belum dibayar), paid (lunas), expired (lewat jatuh tempo), cancelled (dibatalkan)');
const tax = z.object({ type: z.string(), objectNumber: z.string().describe('NOP'), year: z.number().int() });

const billAnswer = z.object({
  id: z.string(), billingCode: z.string(), kind, status, payerName: z.string(), amount: z.number().int().describe('Rupiah'),
  dueDate: z.string().describe('Jatuh tempo, tanggal daerah; dapat dibayar sampai akhir hari itu / due date, the region\'s date; payable to the end of that day'),
  serviceId: z.string().nullable(), unitId: z.string().nullable(), applicationId: z.string().nullable(), tax: tax.nullable(),
  createdAt: instant, createdBy: z.string(), paidAt: instant.nullable(), paidAmount: z.number().int().nullable(),
  paymentReference: z.string().nullable().describe('Nomor transaksi bank / the bank\'s transaction id'), paymentChannel: z.enum(['qris', 'rekonsiliasi']).nullable(),
  cancelledAt: instant.nullable(), cancelledBy: z.string().nullable(),
}).meta({ id: 'LayananBill' });

const publicBillAnswer = z.object({
  billingCode: z.string(), kind, status, amount: z.number().int(), dueDate: z.string(),
  payerName: z.string().describe('Disamarkan: dua huruf pertama tiap kata / masked: the first two letters of each word'),
  serviceName: z.string().nullable(), tax: tax.nullable(), paidAt: instant.nullable(),
  qris: z.object({ payload: z.string().describe('Muatan QRIS dinamis / the dynamic QRIS payload'), svg: z.string(), expiresAt: instant, merchantName: z.string() }).nullable()
    .describe('Selama tagihan dapat dibayar dan daerah punya kanal QRIS / while the bill is payable and the region has a QRIS channel'),
}).meta({ id: 'LayananPublicBill' });

const merchant = {
  merchantName: z.string().trim().min(1).max(25).describe('Nama merchant (tag 59), ≤ 25'),
  merchantCity: z.string().trim().min(1).max(15).describe('Kota (tag 60), ≤ 15'),
  postalCode: z.string().regex(/^\d{5}$/).describe('Kode pos (tag 61)'),
  merchantPan: z.string().regex(/^\d{16,19}$/).describe('Merchant PAN (tag 26.01)'),
  merchantId: z.string().regex(/^[0-9A-Za-z]{1,15}$/).describe('Merchant ID (tag 26.02)'),
  merchantCriteria: z.enum(MERCHANT_CRITERIA).describe('Kriteria merchant (tag 26.03, 51.03)'),
  nmid: z.string().regex(/^ID\d{10,13}$/).describe('National Merchant ID (tag 51.02)'),
  mcc: z.string().regex(/^\d{4}$/).describe('Merchant category code (tag 52)'),
};
const channelAnswer = z.union([
  z.object({ provider: z.string(), configured: z.literal(false), secretSet: z.literal(false) }),
  z.object({ provider: z.string(), configured: z.literal(true), ...merchant, active: z.boolean(), secretSet: z.boolean().describe('Kunci rahasia tidak pernah dikirim balik / the secret is never sent back'), updatedAt: instant, updatedBy: z.string() }),
]).meta({ id: 'LayananPaymentChannel' });

const callbackAnswer = z.object({ billingCode: z.string(), status: z.literal('paid'), amount: z.number().int(), paidAt: instant, bankTransactionId: z.string() })
  .meta({ id: 'LayananPaymentCallbackAnswer' });

/** Refused payment callbacks an address may send per minute. */
export const CALLBACK_FAILURES_PER_MINUTE = 120;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const csvBody = z.string().min(1).max(5_000_000).describe('CSV (text/csv), koma atau titik koma / comma or semicolon separated');
const lineOutcome = z.enum(Object.keys(LINE_OUTCOMES) as [keyof typeof LINE_OUTCOMES, ...(keyof typeof LINE_OUTCOMES)[]]);
const totals = z.record(lineOutcome, z.number().int());
const reconciliationAnswer = z.object({
  id: z.string().nullable().describe('null pada uji coba (tidak disimpan) / null on a dry run (nothing saved)'), dryRun: z.boolean(), at: instant,
  lines: z.array(z.object({
    line: z.number().int().describe('Baris berkas, judul = 1 / the file\'s line, header = 1'), date: z.string().nullable(), amount: z.number().int().nullable(),
    description: z.string(), reference: z.string(), billingCode: z.string().nullable(), outcome: lineOutcome,
  })),
  totals,
}).meta({ id: 'LayananReconciliation' });
const taxImportAnswer = z.object({
  created: z.number().int(), alreadyPresent: z.number().int(),
  lines: z.array(z.object({ line: z.number().int(), nop: z.string(), taxType: z.string(), taxYear: z.number().int(), outcome: z.enum(['created', 'already_present']), billingCode: z.string() })),
}).meta({ id: 'LayananTaxImport' });
const reconciliationParam = regionParam.extend({ reconciliationId: z.uuid() });

/** The exact bytes of each callback's body, for its signature, and what came of it. */
const rawBodies = new WeakMap<FastifyRequest, Buffer>();
const payments = new WeakMap<FastifyRequest, z.infer<typeof callbackAnswer>>();

export function layananPaymentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const R = '/api/regions/:region/layanan';
  const billParam = regionParam.extend({ billId: z.uuid() });

  r.get(`${R}/bills`, {
    config: { access: 'layanan.bills.read' },
    schema: {
      tags, summary: 'Daftar tagihan, terbaru dahulu / The region\'s bills, newest first', params: regionParam,
      querystring: z.object({ status: status.optional(), kind: kind.optional(), unitId: z.uuid().optional(), q: z.string().trim().max(100).optional().describe('Kode bayar, NOP atau nama pembayar / billing code, NOP or payer name'), ...paging }),
      response: { 200: z.object({ items: z.array(billAnswer), total: z.number().int() }) },
    },
  }, async (request) => listBills(ctx, request.region!, { ...request.query, q: request.query.q || undefined }));

  r.get(`${R}/bills/:billId`, {
    config: { access: 'layanan.bills.read' },
    schema: { tags, summary: 'Satu tagihan / One bill', params: billParam, response: { 200: billAnswer, ...failures('layanan.bill_not_found') } },
  }, async (request) => readBill(ctx, request.region!, request.params.billId));

  r.post(`${R}/bills/:billId/cancel`, {
    config: { access: 'layanan.payments.manage' },
    schema: { tags, summary: 'Batalkan tagihan yang belum dibayar / Cancel an unpaid bill', params: billParam, response: { 200: billAnswer, ...failures('layanan.bill_not_found', 'layanan.bill_not_cancellable') } },
  }, async (request) => cancelBill(ctx, request.region!, request.actor, request.params.billId));

  r.get(`${R}/public/bills/:code`, {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Tagihan menurut kode bayar, untuk pembayar (publik) / A bill by its billing code, for the payer (public)', params: regionParam.extend({ code: z.string().max(32) }),
      response: { 200: publicBillAnswer, ...failures('layanan.bill_not_found') },
    },
  }, async (request, reply) => {
    // The status changes when the bank pays: never cached.
    reply.header('cache-control', 'no-store');
    return publicBill(ctx, request.region!, request.params.code);
  });

  r.get(`${R}/payments/channel`, {
    config: { access: 'layanan.payments.manage' },
    schema: { tags, summary: 'Kanal pembayaran QRIS daerah / The region\'s QRIS payment channel', params: regionParam, response: { 200: channelAnswer } },
  }, async (request) => readChannel(ctx, request.region!.code));

  r.put(`${R}/payments/channel`, {
    config: { access: 'layanan.payments.manage' },
    schema: {
      tags, summary: 'Atur kanal pembayaran QRIS / Set the QRIS payment channel', params: regionParam,
      description: 'Kunci rahasia hanya ditulis: kosongkan untuk mempertahankan yang lama. / The secret is write-only: leave it out to keep the current one.',
      body: z.object({ ...merchant, active: z.boolean().default(true), secret: z.string().min(32).max(200).optional().describe('Kunci HMAC-SHA256 callback bank, ≥ 32 karakter / the bank callbacks\' HMAC-SHA256 secret') }),
      response: { 200: channelAnswer, ...failures('layanan.payment_secret_required') },
    },
  }, async (request) => {
    await setChannel(ctx, request.region!.code, request.actor, request.body);
    return readChannel(ctx, request.region!.code);
  });

  app.register(async (files) => {
    // Statements and tax bills arrive as text/csv; this parser is scoped to these routes.
    files.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 5_000_000 }, (_request, body, done) => done(null, body));
    const f = files.withTypeProvider<ZodTypeProvider>();
    f.post(`${R}/payments/reconciliations`, {
      config: { access: 'layanan.payments.manage', bodyTypes: ['csv'] },
      schema: {
        tags, summary: 'Rekonsiliasi mutasi rekening bank (CSV) / Reconcile a bank statement (CSV)', params: regionParam,
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false').describe('true: pratinjau, tidak ada yang disimpan / a preview, nothing saved') }),
        description: 'text/csv dengan kolom tanggal, jumlah, keterangan (memuat kode bayar), referensi. Baris cocok bila keterangannya memuat tepat satu kode bayar daerah ini dan jumlahnya sama dengan tagihan. Idempoten menurut referensi bank. / text/csv with columns date, amount, description (holding the billing code), reference. A line matches when its description holds exactly one of the region\'s billing codes and its amount is the bill\'s. Idempotent by bank reference.',
        body: csvBody,
        response: { 200: reconciliationAnswer, ...failures('layanan.statement_invalid') },
      },
    }, async (request) => reconcile(ctx, request.region!, request.actor, request.body, request.query.dryRun === 'true'));

    f.post(`${R}/bills/tax-import`, {
      config: { access: 'layanan.payments.manage', bodyTypes: ['csv'] },
      schema: {
        tags, summary: 'Impor tagihan pajak daerah (CSV) / Import regional tax bills (CSV)', params: regionParam,
        description: 'text/csv dengan kolom nop, jenis pajak, tahun pajak, nama wajib pajak, jumlah, jatuh tempo. Semua atau tidak sama sekali; NOP + jenis + tahun yang sudah ada dilaporkan "already_present". / All or nothing; a NOP + type + year already present is reported as such.',
        body: csvBody,
        response: { 200: taxImportAnswer, ...failures('layanan.tax_import_invalid') },
      },
    }, async (request) => importTaxBills(ctx, request.region!, request.actor, request.body));
  });

  r.get(`${R}/payments/reconciliations`, {
    config: { access: 'layanan.payments.manage' },
    schema: {
      tags, summary: 'Rekonsiliasi yang sudah dikonfirmasi, terbaru dahulu / Confirmed reconciliations, newest first', params: regionParam,
      response: { 200: z.array(z.object({ id: z.string(), at: instant, by: z.string(), totals })) },
    },
  }, async (request) => listReconciliations(ctx, request.region!.code));

  r.get(`${R}/payments/reconciliations/:reconciliationId`, {
    config: { access: 'layanan.payments.manage' },
    schema: { tags, summary: 'Laporan satu rekonsiliasi / One reconciliation\'s report', params: reconciliationParam, response: { 200: reconciliationAnswer.extend({ by: z.string() }), ...failures('layanan.reconciliation_not_found') } },
  }, async (request) => readReconciliation(ctx, request.region!.code, request.params.reconciliationId));

  r.get(`${R}/payments/reconciliations/:reconciliationId/report.xlsx`, {
    config: { access: 'layanan.payments.manage' },
    schema: {
      tags, summary: 'Laporan rekonsiliasi sebagai Excel / The reconciliation report as Excel', params: reconciliationParam,
      response: { 200: fileAnswer('Buku kerja XLSX / an XLSX workbook', XLSX_TYPE), ...failures('layanan.reconciliation_not_found') },
    },
  }, async (request, reply) => sendAttachment(reply, await reconciliationWorkbook(ctx, request.region!.code, request.params.reconciliationId), XLSX_TYPE));

  app.register(async (callbacks) => {
    callbacks.removeContentTypeParser('application/json');
    callbacks.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 16_384 }, (request, body, done) => {
      rawBodies.set(request, body as Buffer);
      try {
        done(null, JSON.parse((body as Buffer).toString('utf8')));
      } catch {
        // A body that is not JSON is still answered by its signature first.
        done(null, null);
      }
    });
    callbacks.withTypeProvider<ZodTypeProvider>().post(`${R}/payments/qris/callback`, {
      // Refused callbacks per address are limited (each costs a lookup and an HMAC); they count once refused, so the bank's burst of payments never is.
      config: { access: 'public', limits: [{ name: 'layanan-payment-callback', max: CALLBACK_FAILURES_PER_MINUTE, windowSeconds: 60, failuresOnly: 'after' }] },
      // The signature is checked before the body's shape: an unsigned caller learns nothing about what a valid body is.
      preValidation: async (request) => {
        payments.set(request, await receiveCallback(ctx, request.region!, rawBodies.get(request) ?? Buffer.alloc(0), request.headers,
          (claimed) => request.log.warn({ region: request.region!.code, claimed, remoteAddress: request.ip }, 'payment callback refused: signature')));
      },
      schema: {
        tags, summary: 'Callback pembayaran QRIS dari bank / The bank\'s QRIS payment callback', params: regionParam,
        description: `Tanpa sesi; diautentikasi hanya oleh header ${SIGNATURE_HEADER}: hex(HMAC-SHA256(kunci rahasia kanal, badan mentah)). Callback yang sama (nomor transaksi bank sama) dijawab sama dan tidak dicatat dua kali. / No session; authenticated only by the ${SIGNATURE_HEADER} header: hex(HMAC-SHA256(channel secret, raw body)). A repeat (same bank transaction id) gets the same answer and is never credited twice.`,
        body: qrisCallbackBody,
        response: {
          200: callbackAnswer,
          ...failures('layanan.callback_signature_invalid', 'layanan.billing_code_unknown', 'layanan.payment_amount_mismatch', 'layanan.bill_already_paid', 'layanan.bill_expired',
            'layanan.bill_cancelled', 'layanan.payment_reference_used', 'layanan.payment_channel_not_set'),
        },
      },
    }, async (request) => payments.get(request)!);
  });
}
