// The transactional outbox: an email is a row written in the same transaction
// as the change it reports, and a worker sends it after commit. A crash loses
// nothing; the Message-ID (derived from the row id) lets mail servers drop a
// resend after a crash between sending and marking.
import { eq, sql, type Placeholder } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { notifications, outbox } from '../schema.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/client.js';
import type { Text } from '../i18n.js';

/** A file sent with an email (a signed letter's PDF), kept in the outbox row as base64 until it is sent. */
export interface EmailAttachment { fileName: string; contentType: string; base64: string }

/** An email; with `html`, sent as text and HTML alternatives of the same message. */
export interface EmailPayload { to: string; subject: string; text: string; html?: string; attachments?: EmailAttachment[] }

/** The outbox row of an email as a statement not yet run, for a use case that sends its writes together (values may be placeholders). */
export function emailInsert(tx: Queryable, now: Date | Placeholder, regionCode: string | null | Placeholder, email: EmailPayload | Placeholder) {
  return tx.insert(outbox).values({ regionCode, kind: 'email', payload: email, createdAt: now, nextAttemptAt: now });
}

export async function enqueueEmail(tx: Queryable, now: Date, regionCode: string | null, email: EmailPayload): Promise<void> {
  await emailInsert(tx, now, regionCode, email);
}

/** An in-app inbox entry; it is itself the delivery, so no outbox row is needed. */
export async function notifyInApp(
  tx: Queryable, now: Date, regionCode: string, userIds: string[], subject: Text, body: Text, link: string | null,
): Promise<void> {
  if (userIds.length === 0) return;
  await tx.insert(notifications).values(userIds.map((userId) => ({ regionCode, userId, at: now, subject, body, link })));
}

export function createTransport(ctx: AppContext): Transporter | null {
  const smtp = ctx.config.smtp;
  if (!smtp) return null;
  return nodemailer.createTransport({
    host: smtp.host, port: smtp.port, secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined,
    // Local test servers have self-signed certificates.
    tls: { rejectUnauthorized: process.env.SMTP_TLS_REJECT_UNAUTHORIZED !== 'false' },
  });
}

const MAX_ATTEMPTS = 8;
const LEASE_MS = 5 * 60_000;

/**
 * Sends due outbox rows. A row is claimed by pushing its next_attempt_at
 * forward (a lease) in a short transaction with FOR UPDATE SKIP LOCKED, so
 * several workers never send the same row and no transaction stays open while
 * SMTP talks. A crash after sending but before marking resends after the lease
 * with the same Message-ID. Without SMTP configured, emails stay queued.
 */
export async function sendPendingEmails(ctx: AppContext, transport: Transporter | null, limit = 20): Promise<number> {
  if (!transport) return 0;
  const now = ctx.clock.now();
  const claimed = await ctx.database.rows<{ id: number; payload: EmailPayload; attempts: number }>(
    sql`update outbox set next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}, attempts = attempts + 1
        where id in (select id from outbox
                     where sent_at is null and kind = 'email' and next_attempt_at <= ${now} and attempts < ${MAX_ATTEMPTS}
                     order by next_attempt_at limit ${limit} for update skip locked)
        returning id, payload, attempts`,
  );
  const host = new URL(ctx.config.publicUrl).hostname;
  let sent = 0;
  for (const row of claimed) {
    try {
      await transport.sendMail({
        from: ctx.config.smtp!.from, to: row.payload.to, subject: row.payload.subject, text: row.payload.text, html: row.payload.html,
        attachments: row.payload.attachments?.map((a) => ({ filename: a.fileName, contentType: a.contentType, content: Buffer.from(a.base64, 'base64') })),
        messageId: `<outbox-${row.id}@${host}>`,
      });
      await ctx.database.db.update(outbox).set({ sentAt: ctx.clock.now() }).where(eq(outbox.id, row.id));
      sent++;
    } catch (err) {
      // Back off exponentially: 1, 2, 4 ... minutes.
      const delay = 60_000 * 2 ** (row.attempts - 1);
      await ctx.database.db.update(outbox)
        .set({ lastError: String((err as Error).message).slice(0, 500), nextAttemptAt: new Date(ctx.clock.now().getTime() + delay) })
        .where(eq(outbox.id, row.id));
    }
  }
  return sent;
}
