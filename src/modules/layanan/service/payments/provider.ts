// How Pamong talks to a payment provider: it asks for what the payer needs to
// pay a bill (a QRIS payload and until when it holds), and it turns the
// provider's callback into a payment event only after checking that the
// provider really sent it. `qris` is the one provider: a dynamic QRIS payload
// per bill, callbacks signed with the region's HMAC-SHA256 secret.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import { BILLING_CODE_PATTERN } from '../../domain/billing.js';
import { qrisPayload, type QrisMerchant } from '../../domain/qris.js';

export interface PayableBill { billingCode: string; amount: number; kind: 'retribusi' | 'pajak'; expiresAt: Date }

/** A region's account with the provider: the merchant fields and the callback secret. */
export interface PaymentChannel extends QrisMerchant { secret: string }

/** A payment the provider reports: this bill, this much, paid then, under the bank's own transaction id. */
export interface PaymentEvent { billingCode: string; amount: number; paidAt: Date; bankTransactionId: string }

export type CallbackCheck = { ok: true; event: PaymentEvent } | { ok: false; problem: 'bad_signature' | 'invalid'; claimed: Partial<PaymentEvent> };

export interface PaymentProvider {
  name: string;
  paymentFor(bill: PayableBill, channel: PaymentChannel): { qrPayload: string; expiresAt: Date };
  verifyCallback(rawBody: Buffer, headers: IncomingHttpHeaders, channel: PaymentChannel): CallbackCheck;
}

/** The callback's body, as the bank's integrator sends it (README, "For the bank"). */
export const qrisCallbackBody = z.object({
  billingCode: z.string().regex(BILLING_CODE_PATTERN).describe('Kode bayar tagihan (tag 62.01 QRIS) / the bill\'s billing code (QRIS tag 62.01)'),
  amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe('Jumlah dibayar, rupiah / the amount paid, rupiah'),
  paidAt: z.iso.datetime({ offset: true }).describe('Waktu bayar menurut bank (ISO 8601) / when the bank took the payment'),
  bankTransactionId: z.string().trim().min(1).max(64).describe('Nomor transaksi bank, unik per pembayaran / the bank\'s transaction id, one per payment'),
}).strict();

export const SIGNATURE_HEADER = 'x-signature';

export const signBody = (secret: string, rawBody: Buffer | string) => createHmac('sha256', secret).update(rawBody).digest('hex');

/** Constant-time comparison of the sent signature with the expected one (hex, any case). */
function signatureMatches(secret: string, rawBody: Buffer, sent: string | string[] | undefined): boolean {
  if (typeof sent !== 'string' || !/^[0-9a-fA-F]{64}$/.test(sent)) return false;
  return timingSafeEqual(Buffer.from(signBody(secret, rawBody), 'hex'), Buffer.from(sent, 'hex'));
}

/** What the body claims, for the record of a refused callback (never trusted). */
function claimed(rawBody: Buffer): Partial<PaymentEvent> {
  try {
    const body = JSON.parse(rawBody.toString('utf8'));
    return {
      billingCode: typeof body?.billingCode === 'string' ? body.billingCode.slice(0, 64) : undefined,
      bankTransactionId: typeof body?.bankTransactionId === 'string' ? body.bankTransactionId.slice(0, 64) : undefined,
      amount: Number.isSafeInteger(body?.amount) ? body.amount : undefined,
    };
  } catch {
    return {};
  }
}

export const qrisProvider: PaymentProvider = {
  name: 'qris',
  paymentFor(bill, channel) {
    return { qrPayload: qrisPayload(channel, { billingCode: bill.billingCode, amount: bill.amount, referenceLabel: bill.kind === 'pajak' ? 'PAJAK DAERAH' : 'RETRIBUSI' }), expiresAt: bill.expiresAt };
  },
  verifyCallback(rawBody, headers, channel) {
    if (!signatureMatches(channel.secret, rawBody, headers[SIGNATURE_HEADER])) return { ok: false, problem: 'bad_signature', claimed: claimed(rawBody) };
    let body: unknown;
    try {
      body = JSON.parse(rawBody.toString('utf8'));
    } catch {
      return { ok: false, problem: 'invalid', claimed: {} };
    }
    const parsed = qrisCallbackBody.safeParse(body);
    if (!parsed.success) return { ok: false, problem: 'invalid', claimed: claimed(rawBody) };
    const { billingCode, amount, paidAt, bankTransactionId } = parsed.data;
    return { ok: true, event: { billingCode, amount, paidAt: new Date(paidAt), bankTransactionId } };
  },
};
