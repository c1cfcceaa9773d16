// The bare baseline for the payment-callback burst (bench/layanan-payments.ts):
// a node:http server on its own copy of the data that checks the HMAC
// signature and credits the bill with the same conditional update and event
// row as Pamong, in one transaction, and nothing else: no framework, no
// schema validation, the secret read once at start.
import { createServer } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/platform/db/client.js';

const database = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL, poolSize: 10 } : { dataDir: process.env.PAMONG_DATA_DIR! });
const secrets = new Map((await database.rows<{ region_code: string; secret: string }>(sql`select region_code, secret from layanan_payment_channels where provider = 'qris'`)).map((r) => [r.region_code, r.secret]));

async function credit(region: string, body: { billingCode: string; amount: number; paidAt: string; bankTransactionId: string }): Promise<number> {
  return database.db.transaction(async (tx) => {
    const [row] = await database.rows<{ id: string }>(sql`update layanan_bills set status = 'paid', paid_at = ${body.paidAt}, paid_amount = ${body.amount}, payment_reference = ${body.bankTransactionId}, payment_channel = 'qris'
      where region_code = ${region} and billing_code = ${body.billingCode} and status = 'unpaid' and amount = ${body.amount} returning id`, tx);
    let outcome = 'credited';
    if (!row) {
      const [found] = await database.rows<{ payment_reference: string | null }>(sql`select payment_reference from layanan_bills where region_code = ${region} and billing_code = ${body.billingCode}`, tx);
      outcome = found?.payment_reference === body.bankTransactionId ? 'duplicate' : 'refused';
    }
    await database.rows(sql`insert into layanan_payment_events (region_code, source, received_at, billing_code, bank_reference, amount, paid_at, outcome)
      values (${region}, 'qris', now(), ${body.billingCode}, ${body.bankTransactionId}, ${body.amount}, ${body.paidAt}, ${outcome})`, tx);
    return outcome === 'refused' ? 409 : 200;
  });
}

const server = createServer((req, res) => {
  const m = /^\/api\/regions\/([\d.]+)\/layanan\/payments\/qris\/callback$/.exec(req.url ?? '');
  if (req.url === '/healthz') return res.end('ok');
  if (!m || req.method !== 'POST') return res.writeHead(404).end();
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    const expected = createHmac('sha256', secrets.get(m[1]) ?? '').update(raw).digest();
    const sent = Buffer.from(String(req.headers['x-signature'] ?? ''), 'hex');
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) return res.writeHead(401).end();
    credit(m[1], JSON.parse(raw.toString('utf8'))).then(
      (status) => res.writeHead(status, { 'content-type': 'application/json' }).end('{}'),
      () => res.writeHead(500).end(),
    );
  });
});
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
