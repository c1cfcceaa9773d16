// A simulated bank over real HTTP: a payer's app posts the QRIS payload it
// scanned to /qris/pay; the bank parses it (refusing a bad CRC), "takes" the
// money, and posts a signed callback to Pamong for the merchant account the
// payload names, the way a QRIS acquirer does. Options make it misbehave:
// repeat the callback, sign it wrongly, report another amount, or send it to
// another region's address.
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { parseQris, parseTlv, qrisBillOf } from '../../src/modules/layanan/domain/qris.js';
import { signBody } from '../../src/modules/layanan/service/payments/provider.js';

/** A merchant account the bank holds: which region it belongs to and the secret both sides know. */
export interface BankAccount { region: string; secret: string }

export interface PayOptions {
  /** How many times the same callback is posted (a bank retrying). */
  copies?: number;
  tamperSignature?: boolean;
  /** Added to the amount the callback reports. */
  amountDelta?: number;
  bankTransactionId?: string;
  paidAt?: string;
  /** Post to this region's address instead of the account's own. */
  region?: string;
}

export interface CallbackResult { status: number; body: any }

export interface Bank {
  url: string;
  /** Accounts by merchant PAN (QRIS tag 26.01). */
  accounts: Map<string, BankAccount>;
  /** A payer pays the scanned payload through the bank's HTTP API; the callbacks' answers come back. */
  pay(payload: string, opts?: PayOptions): Promise<{ status: number; body: { bankTransactionId?: string; callbacks: CallbackResult[]; error?: string } }>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * One POST on its own connection: a pooled keep-alive socket that the other
 * side closes just as it is reused resets the request, which a burst test
 * would report as the server's fault.
 */
export function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      readBody(res).then((text) => resolve({ status: res.statusCode!, body: JSON.parse(text) }), reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function startBank(pamongUrl: string): Promise<Bank> {
  const accounts = new Map<string, BankAccount>();
  const server = createServer(async (req, res) => {
    const answer = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method !== 'POST' || req.url !== '/qris/pay') return answer(404, { error: 'not_found', callbacks: [] });
    const { payload, opts = {} } = JSON.parse(await readBody(req)) as { payload: string; opts?: PayOptions };
    const parsed = parseQris(payload);
    if (!parsed.ok) return answer(422, { error: `qris_${parsed.problem}`, callbacks: [] });
    const bill = qrisBillOf(parsed.fields);
    const account = accounts.get(parseTlv(parsed.fields.get('26') ?? '')?.get('01') ?? '');
    if (!bill || !account) return answer(422, { error: 'unknown_merchant', callbacks: [] });
    const bankTransactionId = opts.bankTransactionId ?? `TRX-${randomUUID()}`;
    const body = JSON.stringify({ billingCode: bill.billingCode, amount: bill.amount + (opts.amountDelta ?? 0), paidAt: opts.paidAt ?? new Date().toISOString(), bankTransactionId });
    const signature = opts.tamperSignature ? signBody(`${account.secret}-wrong`, body) : signBody(account.secret, body);
    const callbacks = await Promise.all(Array.from({ length: opts.copies ?? 1 }, async () => {
      return postJson(`${pamongUrl}/api/regions/${opts.region ?? account.region}/layanan/payments/qris/callback`, body, { 'x-signature': signature });
    }));
    answer(200, { bankTransactionId, callbacks });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, accounts,
    pay: (payload, opts) => postJson(`${url}/qris/pay`, JSON.stringify({ payload, opts })),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
