// A real SMTP server in the test process: emails travel over a socket.
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail { from: string; to: string[]; raw: string }

export async function startSmtp(opts: { failNext?: number } = {}): Promise<{ port: number; mails: ReceivedMail[]; failNext: (n: number) => void; close: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  let fail = opts.failNext ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (fail > 0) {
          fail--;
          return callback(Object.assign(new Error('mailbox busy'), { responseCode: 451 }));
        }
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  // A sender killed mid-conversation (the crash and cluster checks) resets its connection: that is the point, not a failure of the server.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
  return { port, mails, failNext: (n) => (fail = n), close: () => new Promise((r) => server.close(() => r())) };
}
