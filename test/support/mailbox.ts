// Emails as the outbox holds them, for tests that follow a link a person
// would receive (the worker's SMTP delivery is tested in auth.test.ts).
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/platform/db/client.js';
import type { EmailPayload } from '../../src/platform/notify/outbox.js';

/** Every email queued for an address, oldest first. */
export async function emailsTo(db: Database, address: string): Promise<EmailPayload[]> {
  const rows = await db.rows<{ payload: EmailPayload }>(sql`select payload from outbox where kind = 'email' and lower(payload->>'to') = lower(${address}) order by id`);
  return rows.map((r) => r.payload);
}

/** The token in the last email's link to `path` (e.g. /undangan), or throws. */
export async function tokenFromLastEmail(db: Database, address: string, path: string): Promise<string> {
  const last = (await emailsTo(db, address)).at(-1);
  const m = last && new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(last.text);
  if (!m) throw new Error(`no ${path} link in the last email to ${address}: ${last?.subject}`);
  return m[1];
}
